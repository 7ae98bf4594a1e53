#!/usr/bin/python3
"""Sums up build-aux/window-bench.sh: reads the probe's lines of each small
and big run (DIR/small-R.jsonl, DIR/big-R.jsonl) and the private memory read
from outside (DIR/NAME.private-kb), prints the figures, each the median over
the runs. Usage: window-bench-summary.py DIR CUSTOMERS RUNS [--json]"""
import json
import os
import statistics
import sys

# The targets, for the big shop; None: no target, only a figure.
TARGETS = {
    'first_frame_ms': 400,
    'first_frame_ratio_vs_small': 1.2,
    'sort_block_ms': 100,
    'keystroke_block_max_ms': 16,
    'insights_block_ms': 100,
    'period_change_block_ms': 50,
    'open_customer_block_ms': None,
    'scroll_dropped_frames': None,
    'private_rss_mb': None,
    'private_rss_growth_mb': 30,
}


def load(directory, name):
    """The probe's lines of one run and its private memory in MB."""
    lines = []
    with open(os.path.join(directory, name + '.jsonl'), encoding='utf-8') as f:
        for line in f:
            if line.strip():
                lines.append(json.loads(line))
    private = None
    path = os.path.join(directory, name + '.private-kb')
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            text = f.read().strip()
            private = int(text) / 1024 if text else None
    return lines, private


def private_by_kind(directory, name):
    """Private memory in MB: the mapped database, the heap and anonymous
    mappings, and other files (libraries, fonts, icons)."""
    kinds = {'database': 0, 'heap': 0, 'files': 0}
    path = os.path.join(directory, name + '.smaps')
    if not os.path.exists(path):
        return None
    kind = 'heap'
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            fields = line.split()
            if fields and '-' in fields[0] and ':' not in fields[0]:
                mapped = fields[5] if len(fields) > 5 else ''
                if mapped.endswith('.db') or '.db-' in mapped:
                    kind = 'database'
                elif mapped.startswith('/'):
                    kind = 'files'
                else:
                    kind = 'heap'
            elif fields and fields[0] in ('Private_Clean:', 'Private_Dirty:'):
                kinds[kind] += int(fields[1]) / 1024
    return kinds


def matching(lines, step, arg=None):
    return [l for l in lines
            if l.get('event') == 'step' and l['step'] == step and (arg is None or l.get('arg') == arg)]


def worst(lines, step, arg=None, field='block_us'):
    values = [l[field] for l in matching(lines, step, arg)]
    return max(values) if values else None


def ms(us):
    return None if us is None else us / 1000


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def rounded(value, digits=1):
    return None if value is None else round(value, digits)


def figures(lines, private):
    """One run's figures, unrounded."""
    first = next((l for l in lines if l.get('event') == 'first-frame'), None)
    return {
        'first_frame_ms': ms(first['us']) if first else None,
        'sort_block_ms': ms(worst(lines, 'sort')),
        'keystroke_block_max_ms': ms(worst(lines, 'key')),
        'insights_block_ms': ms(worst(lines, 'section', 'insights')),
        'period_change_block_ms': ms(worst(lines, 'period-step')),
        'open_customer_block_ms': ms(worst(lines, 'open-customer')),
        'scroll_dropped_frames': worst(lines, 'scroll', field='dropped_frames'),
        'private_rss_mb': private,
        'sort_shown_ms': ms(worst(lines, 'sort', field='list_ready_us')),
        'search_shown_ms': ms(worst(lines, 'key', field='list_ready_us')),
    }


def combine(small, big):
    """The object --json prints, from one small and one big run."""
    def ratio(a, b):
        return None if a is None or not b else a / b

    def difference(a, b):
        return None if a is None or b is None else a - b

    return {
        'first_frame_ms': big['first_frame_ms'],
        'first_frame_ratio_vs_small': ratio(big['first_frame_ms'], small['first_frame_ms']),
        'sort_block_ms': big['sort_block_ms'],
        'keystroke_block_max_ms': big['keystroke_block_max_ms'],
        'insights_block_ms': big['insights_block_ms'],
        'period_change_block_ms': big['period_change_block_ms'],
        'open_customer_block_ms': big['open_customer_block_ms'],
        'scroll_dropped_frames': big['scroll_dropped_frames'],
        'private_rss_mb': big['private_rss_mb'],
        'private_rss_growth_mb': difference(big['private_rss_mb'], small['private_rss_mb']),
        # Not the keys: how long until the list showed the sort or
        # the search (a worker's query, then the rows added), window free.
        'sort_shown_ms': big['sort_shown_ms'],
        'search_shown_ms': big['search_shown_ms'],
    }


def steps_table(small_runs, big_runs):
    """Every step: its longest iteration, that iteration's CPU time and the
    step's whole main-loop time, medians over the runs."""
    names = []
    for lines in big_runs + small_runs:
        for l in lines:
            if l.get('event') == 'step':
                key = (l['step'], l.get('arg') if l['step'] in ('sort', 'section') else None)
                if key not in names:
                    names.append(key)

    def cell(runs, step, arg):
        picked = []
        for lines in runs:
            found = matching(lines, step, arg)
            if found:
                picked.append(max(found, key=lambda l: l['block_us']))
        if not picked:
            return '—'
        values = [median([l[f] for l in picked]) / 1000 for f in ('block_us', 'block_cpu_us', 'busy_us')]
        return '{:8.1f} {:8.1f} {:8.1f}'.format(*values)

    print('  Longest main-loop iteration (wall clock, and the main thread\'s CPU time in it) and')
    print('  all of the step\'s iterations together (busy), in ms; for a repeated step the worst.')
    print(f'  {"step":<34} {"200: worst      cpu     busy":>26}   {"big: worst      cpu     busy":>26}')
    for step, arg in names:
        label = step + (f' {arg}' if arg else '')
        print(f'  {label:<34} {cell(small_runs, step, arg):>26}   {cell(big_runs, step, arg):>26}')


def show(value):
    return '—' if value is None else str(value)


def main(argv):
    directory, customers, runs = argv[1], int(argv[2]), int(argv[3])
    as_json = '--json' in argv[4:]
    small_runs, big_runs, per_run, small_figures = [], [], [], []
    for r in range(1, runs + 1):
        small_lines, small_private = load(directory, f'small-{r}')
        big_lines, big_private = load(directory, f'big-{r}')
        small_runs.append(small_lines)
        big_runs.append(big_lines)
        small = figures(small_lines, small_private)
        small_figures.append(small)
        per_run.append(combine(small, figures(big_lines, big_private)))

    result = {'customers': customers}
    for key in per_run[0]:
        digits = 2 if key == 'first_frame_ratio_vs_small' else 1
        value = median([run[key] for run in per_run])
        result[key] = int(value) if key == 'scroll_dropped_frames' and value is not None else rounded(value, digits)

    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return 0

    renderer = next((l.get('renderer') for l in big_runs[0] if l.get('event') == 'first-frame'), None)
    memory = {name: private_by_kind(directory, f'{name}-{runs}') for name in ('small', 'big')}
    print(f'Clientele window, {customers} customers against 200, {runs} run(s), renderer {renderer}')
    print()
    steps_table(small_runs, big_runs)
    print()
    for key, value in result.items():
        if key == 'customers':
            continue
        target = TARGETS.get(key)
        verdict = ''
        if target is not None and value is not None:
            verdict = f'target ≤ {target}: ' + ('met' if value <= target else 'MISSED')
        small_value = rounded(median([run.get(key) for run in small_figures]))
        print(f'  {key:<28} {show(value):>10}  (200: {show(small_value):>8})  {verdict}')

    if memory['big'] is not None and memory['small'] is not None:
        print()
        print(f'  Private memory at the end of the last run, MB:  {"200":>8} {"big":>8}')
        for kind, label in (('database', 'the database file, mapped'), ('heap', 'heap and anonymous'),
                            ('files', 'other files (libraries, fonts)')):
            print(f'    {label:<44} {memory["small"][kind]:8.1f} {memory["big"][kind]:8.1f}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

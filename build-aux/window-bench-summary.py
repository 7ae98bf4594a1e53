#!/usr/bin/python3
"""Sums up build-aux/window-bench.sh: reads the probe's lines of the small
and the big run (DIR/small.jsonl, DIR/big.jsonl) and the private memory
read from outside (DIR/NAME.private-kb), prints the figures.
Usage: window-bench-summary.py DIR CUSTOMERS [--json]"""
import json
import os
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


def worst(lines, step, arg=None, field='block_us'):
    values = [l[field] for l in lines
              if l.get('event') == 'step' and l['step'] == step and (arg is None or l.get('arg') == arg)]
    return max(values) if values else None


def ms(us):
    return None if us is None else round(us / 1000, 1)


def figures(lines, private):
    first = next((l for l in lines if l.get('event') == 'first-frame'), None)
    return {
        'first_frame_ms': ms(first['us']) if first else None,
        'sort_block_ms': ms(worst(lines, 'sort')),
        'keystroke_block_max_ms': ms(worst(lines, 'key')),
        'insights_block_ms': ms(worst(lines, 'section', 'insights')),
        'period_change_block_ms': ms(worst(lines, 'period-step')),
        'open_customer_block_ms': ms(worst(lines, 'open-customer')),
        'scroll_dropped_frames': worst(lines, 'scroll', field='dropped_frames'),
        'private_rss_mb': None if private is None else round(private, 1),
    }


def ratio(a, b):
    return None if a is None or not b else round(a / b, 2)


def difference(a, b):
    return None if a is None or b is None else round(a - b, 1)


def show(value):
    return '—' if value is None else str(value)


def steps_table(small, big):
    """Every step of both runs, worst and total main-loop time."""
    names = []
    for l in big + small:
        if l.get('event') == 'step':
            key = (l['step'], l.get('arg') if l['step'] in ('sort', 'section') else None)
            if key not in names:
                names.append(key)

    def cell(lines, step, arg):
        matching = [l for l in lines if l.get('event') == 'step' and l['step'] == step and
                    (arg is None or l.get('arg') == arg)]
        if not matching:
            return '—'
        worst_step = max(matching, key=lambda l: l['block_us'])
        busy = sum(l['busy_us'] for l in matching) / 1000 / len(matching)
        return f'{worst_step["block_us"] / 1000:8.1f} {worst_step["block_cpu_us"] / 1000:8.1f} {busy:8.1f}'

    print('  Longest main-loop iteration (wall clock, and the main thread\'s CPU time in it)')
    print('  and all iterations of the step together (busy), in ms; the worst of repeated steps.')
    print(f'  {"step":<34} {"200: worst      cpu     busy":>26}   {"big: worst      cpu     busy":>26}')
    for step, arg in names:
        label = step + (f' {arg}' if arg else '')
        print(f'  {label:<34} {cell(small, step, arg):>26}   {cell(big, step, arg):>26}')


def main(argv):
    directory, customers = argv[1], int(argv[2])
    as_json = '--json' in argv[3:]
    small_lines, small_private = load(directory, 'small')
    big_lines, big_private = load(directory, 'big')
    small = figures(small_lines, small_private)
    big = figures(big_lines, big_private)

    result = {
        'customers': customers,
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
    }

    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return 0

    renderer = next((l.get('renderer') for l in big_lines if l.get('event') == 'first-frame'), None)
    print(f'Clientele window, {customers} customers against 200 (renderer {renderer})')
    print()
    steps_table(small_lines, big_lines)
    print()
    for key, value in result.items():
        if key == 'customers':
            continue
        target = TARGETS.get(key)
        verdict = ''
        if target is not None and value is not None:
            verdict = f'target ≤ {target}: ' + ('met' if value <= target else 'MISSED')
        print(f'  {key:<28} {show(value):>10}  (200: {show(small.get(key)):>8})  {verdict}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

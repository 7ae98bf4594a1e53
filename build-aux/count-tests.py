#!/usr/bin/python3
"""Prints 'N passed, N failed' from a meson testlog.json.

A GTest program run with --tap counts once per test case; a program that
crashed before reporting every case counts one failure more.  Any other
test counts once.  Exits non-zero when something failed or nothing ran."""
import json
import re
import sys

TAP = re.compile(r'^(not ok|ok) \d+(.*)$')
PLAN = re.compile(r'^1\.\.(\d+)')


def main(path):
    passed = failed = skipped = 0
    with open(path, encoding='utf-8') as log:
        for line in log:
            test = json.loads(line)
            ok = test['result'] in ('OK', 'EXPECTEDFAIL')
            cases = [TAP.match(l) for l in test.get('stdout', '').splitlines()]
            cases = [c for c in cases if c]
            if not cases:
                if test['result'] == 'SKIP':
                    skipped += 1
                elif ok:
                    passed += 1
                else:
                    failed += 1
                continue
            for case in cases:
                if '# SKIP' in case.group(2):
                    skipped += 1
                elif case.group(1) == 'ok':
                    passed += 1
                else:
                    failed += 1
            if not ok and all(c.group(1) == 'ok' for c in cases):
                failed += 1
    # CI reads the last line: exactly "N passed, N failed".
    if skipped:
        print(f'{skipped} skipped')
    print(f'{passed} passed, {failed} failed')
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file with translatable strings is missing from
POTFILES.in (its strings would never reach the catalogues).
Usage: check-potfiles.py SOURCE_ROOT POTFILES.in FILE..."""

import os
import re
import sys

MARKED = re.compile(r'\b(?:N?_|NC_|C_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')


def main():
    root, potfiles = sys.argv[1], sys.argv[2]
    listed = {line.strip() for line in open(potfiles, encoding='utf-8')
              if line.strip() and not line.startswith('#')}
    missing = []
    for path in sys.argv[3:]:
        rel = os.path.relpath(path, root)
        if rel in listed:
            continue
        if MARKED.search(open(path, encoding='utf-8').read()):
            missing.append(rel)
    for rel in missing:
        print(f'{rel} has translatable strings but is not in po/POTFILES.in')
    stale = [rel for rel in listed if not os.path.exists(os.path.join(root, rel))]
    for rel in stale:
        print(f'po/POTFILES.in lists {rel}, which does not exist')
    return 1 if missing or stale else 0


if __name__ == '__main__':
    sys.exit(main())

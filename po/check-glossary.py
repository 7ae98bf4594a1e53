#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a catalogue translates a glossary term differently from
docs/glossary.md.  Usage: check-glossary.py GLOSSARY.md ka.po hy.po"""

import re
import sys

ENTRY = re.compile(r'(?:msgctxt "(?:[^"\\]|\\.)*"\n)?msgid "((?:[^"\\]|\\.)*)"\n'
                   r'msgstr "((?:[^"\\]|\\.)*)"\n', re.M)


def glossary(path):
    terms = []
    for line in open(path, encoding='utf-8'):
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 3 or cells[0] in ('English', '') or set(cells[0]) <= set('-'):
            continue
        # "Archive (verb)" and the like name a sense, not a msgid.
        if '(' in cells[0]:
            continue
        terms.append(cells[:3])
    return terms


def catalogue(path):
    text = open(path, encoding='utf-8').read()
    # Only single-line entries without context: the glossary terms are short.
    entries = {}
    for m in ENTRY.finditer(text):
        if m.start() > 0 and text[m.start() - 1 : m.start()] != '\n':
            continue
        entries.setdefault(m.group(1), m.group(2))
    return entries


def main():
    terms = glossary(sys.argv[1])
    failures = 0
    checked = 0
    for column, po in enumerate(sys.argv[2:], start=1):
        entries = catalogue(po)
        for term in terms:
            english, wanted = term[0], term[column]
            if english not in entries:
                continue
            checked += 1
            if entries[english] != wanted:
                print(f'{po}: "{english}" is "{entries[english]}", the glossary says "{wanted}"')
                failures += 1
    print(f'{checked} glossary terms checked against the catalogues')
    if checked < 20:
        print('too few glossary terms found in the catalogues: is the table still parsed?')
        return 1
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

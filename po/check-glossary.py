#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a catalogue translates a glossary term differently from
docs/glossary.md: a whole entry that is a term, a sentence that uses a term
without its stem, or a word the glossary rules out.
Usage: check-glossary.py GLOSSARY.md ka.po hy.po"""

import ast
import re
import sys


def tables(path):
    """The glossary's tables, by the heading above each: lists of rows."""
    found = {}
    heading = ''
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line.startswith('#'):
            heading = line.lstrip('#').strip()
            continue
        if not line.startswith('|'):
            continue
        cells = [c.strip() for c in line.strip('|').split('|')]
        if set(''.join(cells)) <= set('-: '):
            continue
        found.setdefault(heading, []).append(cells)
    # The first row of each table names its columns.
    return {h: rows[1:] for h, rows in found.items()}


def terms(glossary):
    # "Archive (verb)" and the like name a sense, not a msgid.
    return [row[:3] for row in glossary['Glossary'] if '(' not in row[0]]


def catalogue(path):
    """Every live entry as (msgid, msgid_plural or '', [msgstr, …])."""
    entries = []
    current = None
    field = None
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('#') or not line.strip():
            if field == 'str' and current is not None:
                entries.append(current)
                current = None
            field = None
            continue
        if line.startswith('msgctxt '):
            current = {'id': '', 'plural': '', 'str': []}
            field = 'ctxt'
            continue
        keyword, _, rest = line.partition(' ')
        if keyword == 'msgid':
            if current is None or field == 'str':
                if current is not None:
                    entries.append(current)
                current = {'id': '', 'plural': '', 'str': []}
            field = 'id'
        elif keyword == 'msgid_plural':
            field = 'plural'
        elif keyword.startswith('msgstr'):
            current['str'].append('')
            field = 'str'
        else:
            rest = line
        value = ast.literal_eval(rest)
        if field == 'str':
            current['str'][-1] += value
        elif field in ('id', 'plural'):
            current[field] += value
    if field == 'str' and current is not None:
        entries.append(current)
    return [(e['id'], e['plural'], e['str']) for e in entries if e['id']]


def main():
    glossary = tables(sys.argv[1])
    stems = glossary['Inside sentences']
    unused = glossary['Words not used']
    failures = 0
    checked = 0
    for column, po in enumerate(sys.argv[2:], start=1):
        entries = catalogue(po)

        exact = {}
        for msgid, _, msgstrs in entries:
            exact.setdefault(msgid, msgstrs[0])
        for term in terms(glossary):
            english, wanted = term[0], term[column]
            if english not in exact:
                continue
            checked += 1
            if exact[english] != wanted:
                print(f'{po}: "{english}" is "{exact[english]}", the glossary says "{wanted}"')
                failures += 1

        for msgid, plural, msgstrs in entries:
            english = (msgid + ' ' + plural).replace('_', '').lower()
            keywords = msgid.endswith(';')
            for row in stems:
                if not re.search(r'\b' + re.escape(row[0].lower()), english):
                    continue
                checked += 1
                for msgstr in msgstrs:
                    if row[column].lower() not in msgstr.replace('_', '').lower():
                        print(f'{po}: "{msgid}" uses "{row[0]}", but "{msgstr}" lacks "{row[column]}"')
                        failures += 1
                        break
            for row in unused:
                word = row[column - 1].lower()
                if not word or keywords:
                    continue
                for msgstr in msgstrs:
                    if word in msgstr.lower():
                        print(f'{po}: "{msgstr}" uses "{row[column - 1]}", which the glossary rules out')
                        failures += 1
                        break

    print(f'{checked} glossary terms checked against the catalogues')
    if checked < 100:
        print('too few glossary terms found in the catalogues: are the tables still parsed?')
        return 1
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

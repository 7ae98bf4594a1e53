#!/usr/bin/python3
"""Fails when a .ui file has text a person reads that is not marked for
translation: labels, titles, tooltips, descriptions, placeholders,
subtitles, menu labels and string-list items. Usage: check-ui-translatable.py FILE.ui…"""
import sys
import xml.etree.ElementTree as ET

READ = {'label', 'title', 'tooltip-text', 'description', 'placeholder-text',
        'subtitle', 'text', 'accelerator-label'}


def problems(path):
    found = []
    root = ET.parse(path).getroot()
    for element in root.iter():
        name = element.get('name')
        text = (element.text or '').strip()
        if not text:
            continue
        if element.tag == 'property' and name in READ:
            pass
        elif element.tag == 'attribute' and name == 'label':
            pass
        elif element.tag == 'item':
            pass
        else:
            continue
        # A property bound to another one carries no text of its own.
        if element.get('bind-source'):
            continue
        if element.get('translatable') != 'yes':
            found.append(f'{path}: <{element.tag} name="{name}">{text}</{element.tag}> is not translatable')
    return found


def main(paths):
    found = [p for path in paths for p in problems(path)]
    for line in found:
        print(line)
    print(f'{len(paths)} files checked, {len(found)} untranslatable texts')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

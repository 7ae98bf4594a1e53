#!/usr/bin/python3
"""Fails when C code hands a person a bare string literal: the calls below
put text on screen or in a message, and their literal arguments must go
through _(), N_(), C_() or ngettext (). Usage: check-c-strings.py FILE.c…"""
import re
import sys

CALLS = [
    'gtk_label_set_text', 'gtk_label_set_label', 'gtk_button_set_label', 'gtk_widget_set_tooltip_text',
    'adw_toast_new', 'adw_status_page_set_title', 'adw_status_page_set_description',
    'adw_preferences_row_set_title', 'adw_action_row_set_subtitle', 'adw_window_title_set_title',
    'adw_message_dialog_new', 'gtk_window_set_title',
    'g_set_error_literal', 'adw_toast_set_button_label', 'gtk_string_list_append',
]
CALL = re.compile(r'\b(' + '|'.join(CALLS) + r')\s*\(')
# A literal with a letter in it that is not inside a gettext marker.
LITERAL = re.compile(r'(?<![_NC(])(?<!_\()(?<!N_\()(?<!C_\()"([^"\\]|\\.)*[A-Za-z]([^"\\]|\\.)*"')
MARKED = re.compile(r'\b(?:_|N_|C_|NC_|ngettext)\s*\(')


def strip_marked(text):
    """Drops every _("…"), N_("…"), C_("…", "…") and ngettext ("…", "…", n)."""
    out, i = [], 0
    while True:
        m = MARKED.search(text, i)
        if not m:
            out.append(text[i:])
            return ''.join(out)
        out.append(text[i:m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            if text[j] == '"':
                j += 1
                while j < len(text) and text[j] != '"':
                    j += 2 if text[j] == '\\' else 1
            elif text[j] == '(':
                depth += 1
            elif text[j] == ')':
                depth -= 1
            j += 1
        i = j


def problems(path):
    found = []
    source = open(path, encoding='utf-8').read()
    for m in CALL.finditer(source):
        # The call's arguments, up to the matching parenthesis.
        depth, j = 1, m.end()
        while j < len(source) and depth:
            if source[j] == '"':
                j += 1
                while j < len(source) and source[j] != '"':
                    j += 2 if source[j] == '\\' else 1
            elif source[j] == '(':
                depth += 1
            elif source[j] == ')':
                depth -= 1
            j += 1
        args = strip_marked(source[m.end():j - 1])
        literal = re.search(r'"(?:[^"\\]|\\.)*[A-Za-z](?:[^"\\]|\\.)*"', args)
        if literal:
            line = source.count('\n', 0, m.start()) + 1
            found.append(f'{path}:{line}: {m.group(1)} gets an unmarked string {literal.group(0)}')
    return found


def main(paths):
    found = [p for path in paths for p in problems(path)]
    for line in found:
        print(line)
    print(f'{len(paths)} files checked, {len(found)} unmarked strings')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

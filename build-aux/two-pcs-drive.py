#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Acts in Clientele's window as a person would, through the accessibility
bus of the session it runs in (build-aux/two-pcs.sh runs it on each PC).

    two-pcs-drive.py WINDOW STEP...

WINDOW is the title of the window to act in. Steps, in order:
    set:TITLE=TEXT   type TEXT into the entry whose name starts with TITLE
    click:LABEL      press the visible button whose name ends with LABEL
    window:TITLE     act in another window from here on
    wait:SECONDS     let the application work
A step that finds nothing waits for it, up to ten seconds, then fails.
"""

import sys
import time

import pyatspi

PATIENCE = 10.0


def walk(node):
    try:
        yield node
        for i in range(node.childCount):
            yield from walk(node.getChildAtIndex(i))
    except Exception:  # a node that went away while we looked
        return


def find_window(title):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and 'clientele' in (app.name or '').lower():
            for window in app:
                if window is not None and window.name == title:
                    return window
    return None


def usable(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_VISIBLE) and states.contains(pyatspi.STATE_SENSITIVE)


def find(title, match):
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        window = find_window(title)
        if window is not None:
            for node in walk(window):
                if match(node):
                    return node
        time.sleep(0.1)
    sys.exit(f'two-pcs-drive: nothing to act on in “{title}”')


def main():
    title = sys.argv[1]
    for step in sys.argv[2:]:
        kind, _, arg = step.partition(':')
        if kind == 'set':
            name, _, text = arg.partition('=')
            node = find(title, lambda n: n.getRoleName() in ('text', 'password text')
                        and (n.name or '').startswith(name))
            node.queryEditableText().setTextContents(text)
        elif kind == 'click':
            node = find(title, lambda n: n.getRoleName() == 'push button'
                        and (n.name or '').endswith(arg) and usable(n))
            node.queryAction().doAction(0)
        elif kind == 'window':
            title = arg
        elif kind == 'wait':
            time.sleep(float(arg))
        else:
            sys.exit(f'two-pcs-drive: unknown step {step}')


if __name__ == '__main__':
    main()

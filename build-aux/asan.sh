#!/bin/sh
# Builds Clientele with AddressSanitizer and UndefinedBehaviorSanitizer
# into build-asan/ and runs the displayless suite under them: any invalid
# read or write, use after free, undefined behaviour or leak fails the test
# that caused it, with a stack trace.
# Usage: build-aux/asan.sh [meson test arguments, e.g. test-store]
# The window's tests too, under Xvfb in a private D-Bus session:
#   xvfb-run -a dbus-run-session -- build-aux/asan.sh --suite display
# Works on a fresh Debian 12 (gcc 12 ships libasan and libubsan); as root it
# installs what is missing, like the other commands here.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build-asan"

"$top/build-aux/install-deps.sh"

# debug (-O0 -g): every frame shows in a trace, none is inlined away.
if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" "$top"
else
  meson setup "$build" "$top" -Dtests=true -Dbuildtype=debug \
    -Db_sanitize=address,undefined
fi
meson compile -C "$build"

# Leaks are checked at exit; the suppressions cover one-time allocations of
# the libraries (type system, caches) and never Clientele's own code.
# Options already in the environment come last and win, e.g.
# ASAN_OPTIONS=fast_unwind_on_malloc=0 for a leak's whole stack (slower:
# GLib is built without frame pointers, so the fast unwinder stops at
# g_malloc).
ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# GLib's slice allocator would hide its blocks from ASan (GLib 2.74).
G_SLICE=always-malloc
# For the display suite: no GL. Mesa's drivers are loaded and unloaded
# again, so what they keep cannot be matched by name; cairo draws the same.
GDK_DEBUG=gl-disable
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS G_SLICE GDK_DEBUG

# Everything runs slower under the sanitizers.
exec meson test -C "$build" --no-rebuild --print-errorlogs --timeout-multiplier 3 \
  --suite displayless "$@"

#!/bin/sh
# Static analysis of src/ with cppcheck: prints what it finds as
# FILE:LINE: severity [id] message and exits non-zero; silent and 0 when
# clean. Usage: build-aux/cppcheck.sh [more cppcheck arguments]
# Works on a fresh Debian 12 (cppcheck 2.10): as root it installs cppcheck
# when it is missing, otherwise it prints the line that does.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

if ! command -v cppcheck >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "cppcheck is not installed. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y cppcheck" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends cppcheck
fi

# Every folder under src/ is an include folder, as in the build (an
# #include names the file alone). System headers stay out: cppcheck reads
# GLib and GTK through its gtk and posix libraries, and ours
# (build-aux/cppcheck.cfg) comes first so that its G_DECLARE_* and
# G_DEFINE_* win over gtk.cfg's empty ones.
incs=$(find src -type d | sort | sed 's/^/-I/')

# shellcheck disable=SC2086
exec cppcheck --quiet --error-exitcode=1 \
  --enable=warning,style,performance,portability \
  --library=build-aux/cppcheck.cfg --library=gtk --library=posix \
  --std=c11 --inline-suppr \
  --suppressions-list=build-aux/cppcheck-suppressions.txt \
  --template='{file}:{line}: {severity} [{id}] {message}' \
  -j "$(nproc)" $incs "$@" src

#!/bin/sh
# Installs the test tools, builds with -Werror and runs every test: the
# displayless ones and the UI ones under Xvfb in a private D-Bus session.
# Ends with the line "N passed, N failed".
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build-tests"

"$top/build-aux/install-deps.sh" --tests

# The formatting tests run with and without the Georgian and Armenian
# system locales; as root, make sure the "with" half has them.
if [ "$(id -u)" -eq 0 ]; then
  for l in ka_GE hy_AM; do
    locale -a 2>/dev/null | grep -qi "^$l.utf-\?8$" || localedef -i "$l" -f UTF-8 "$l.UTF-8" || true
  done
fi

if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" "$top" --werror -Dtests=true
else
  meson setup "$build" "$top" --werror -Dtests=true
fi
meson compile -C "$build"

# A private PostgreSQL cluster for the shared-shop half of the tests: a
# Unix socket in a temporary folder, no TCP port, stopped and removed at
# the end whatever happens. Without PostgreSQL that half skips.
pgdir=""
stop_cluster() {
  if [ -n "$pgdir" ]; then
    "$top/build-aux/pg-cluster.sh" stop "$pgdir" || true
    rm -rf "$pgdir"
  fi
}
trap stop_cluster EXIT
trap 'exit 1' INT TERM
if [ -z "${CLIENTELE_TEST_DATABASE:-}" ]; then
  pgdir=$(mktemp -d /tmp/clientele-pg-XXXXXX)
  if CLIENTELE_TEST_DATABASE=$("$top/build-aux/pg-cluster.sh" start "$pgdir"); then
    # Ours to restart: the server-restart test may.
    CLIENTELE_TEST_CLUSTER=$pgdir
    export CLIENTELE_TEST_DATABASE CLIENTELE_TEST_CLUSTER
  else
    echo "test.sh: no PostgreSQL test server; the PostgreSQL half of the tests skips" >&2
  fi
fi

status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$build" --no-rebuild --print-errorlogs "$@" || status=$?

# Count test cases rather than programs: the TAP lines of each GTest
# program, and one for every other test.
/usr/bin/python3 "$top/build-aux/count-tests.py" "$build/meson-logs/testlog.json" || status=1
exit $status

#!/bin/sh
# The command line of the real program, as a person or a login script uses
# it: --version, --help, --background, a second launch, a damaged database.
# Usage: test-cli.sh PATH-TO-CLIENTELE   (needs a D-Bus session; TAP output)
set -u
app=$1
tmp=$(mktemp -d)
trap 'kill $primary 2>/dev/null; rm -rf "$tmp"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi
}

echo "1..9"

out=$("$app" --version 2>&1); rc=$?
[ $rc = 0 ] && echo "$out" | grep -qx 'Clientele [0-9][0-9.]*'
check $? "--version prints the version and exits 0"

"$app" --help 2>&1 | grep -q -- '--data-dir'
check $? "--help lists --data-dir"

# A primary instance in the background: no window, the database is created.
"$app" --background --data-dir "$tmp/shop" >"$tmp/primary.log" 2>&1 &
primary=$!
i=0
while [ ! -f "$tmp/shop/clientele.db" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -f "$tmp/shop/clientele.db" ] && kill -0 $primary 2>/dev/null
check $? "--background starts, creates the database and keeps running"

# Another shop while one is open: refused, nothing written there.
"$app" --background --data-dir "$tmp/other" >"$tmp/second.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q 'already running' "$tmp/second.log" && [ ! -e "$tmp/other/clientele.db" ]
check $? "a second launch with another data folder is refused with a message"

# The same shop again: handed to the running instance, which stays up.
"$app" --background --data-dir "$tmp/shop" >"$tmp/third.log" 2>&1
check $? "a second launch with the same folder goes to the running instance"
kill -0 $primary 2>/dev/null
check $? "the running instance is still there"

gdbus call --session --dest io.github.clientele.Clientele \
  --object-path /io/github/clientele/Clientele \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1
wait $primary; rc=$?
check $rc "app.quit ends the background instance cleanly"

# A damaged database: a clear message, an error exit, the file unchanged.
mkdir -p "$tmp/damaged"
printf 'name,phone\nAni,+374 10 123456\n' >"$tmp/damaged/clientele.db"
before=$(sha256sum <"$tmp/damaged/clientele.db")
"$app" --background --data-dir "$tmp/damaged" >"$tmp/damaged.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q 'is damaged or is not a Clientele database' "$tmp/damaged.log"
check $? "--background on a damaged database exits non-zero with a message"
after=$(sha256sum <"$tmp/damaged/clientele.db")
[ "$before" = "$after" ] && [ ! -e "$tmp/damaged/clientele.db-wal" ]
check $? "the damaged database is left byte for byte as it was"

exit $failed

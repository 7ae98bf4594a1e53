#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Two shop PCs on one PostgreSQL, on this machine: the shared-shop issue's
# "done when", run and recorded. Each PC is an instance of Clientele with
# a data folder, an X display (Xvfb), a session bus and a notification
# server (python3-dbusmock) of its own, as two real PCs have; both use one
# private cluster (build-aux/pg-cluster.sh: a Unix socket in a temporary
# folder, no TCP port, removed at the end). In turn:
#   1. a purchase recorded in PC A's window shows in PC B's list;
#   2. a follow-up falls due with both running: one of them pops it up,
#      and Done on the other withdraws it;
#   3. the server stops (pg_ctl) and starts again: both windows say so
#      and come back, and a purchase on PC B shows on PC A.
# Screenshots (NAME-STEP.png), each PC's notification log and debug log
# go to OUT; the last lines say what was measured.
#
#   build-aux/two-pcs.sh [OUT]        (default: ./two-pcs)
#
# Needs build-tests/ built (build-aux/test.sh does it) and the test tools
# (build-aux/install-deps.sh --tests).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build-tests"

# --- one PC: runs inside its own Xvfb and session bus --------------------
if [ "${1:-}" = "--pc" ]; then
  name=$2 work=$3 out=$4
  /usr/bin/python3 -m dbusmock --template notification_daemon \
    -l "$out/$name-notifications.log" \
    -p '{"capabilities": "body body-markup actions"}' >/dev/null 2>&1 &
  mock=$!
  sleep 1
  GSETTINGS_BACKEND=memory LANGUAGE=en G_MESSAGES_DEBUG=crm-store \
    meson devenv -C "$build" src/clientele --data-dir "$work/$name" \
    --database "$(cat "$work/database")" >"$out/$name-app.log" 2>&1 &
  app=$!
  # Commands from the orchestrator, one at a time, in this session.
  while [ ! -f "$work/$name.quit" ]; do
    if [ -f "$work/$name.cmd" ]; then
      sh "$work/$name.cmd" >>"$out/$name-commands.log" 2>&1 || echo "failed: $(cat "$work/$name.cmd")" >>"$out/$name-commands.log"
      rm -f "$work/$name.cmd"
      touch "$work/$name.done"
    fi
    sleep 0.05
  done
  gdbus call --session --dest io.github.clientele.Clientele \
    --object-path /io/github/clientele/Clientele \
    --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1 || true
  wait "$app" 2>/dev/null || true
  kill "$mock" 2>/dev/null || true
  exit 0
fi

# --- the orchestrator ----------------------------------------------------
out=$(realpath -m "${1:-two-pcs}")
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.log
work=$(mktemp -d /tmp/clientele-two-pcs-XXXXXX)
chmod 0755 "$work"
pcs=""
cleanup() {
  for pc in A B; do touch "$work/$pc.quit"; done
  for pid in $pcs; do wait "$pid" 2>/dev/null || true; done
  "$top/build-aux/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

say() { printf '%s\n' "$*" | tee -a "$out/summary.log"; }
now() { date +%s.%N; }

# Runs a shell command in PC $1's session and waits for it.
on() {
  pc=$1; shift
  printf '%s\n' "$*" >"$work/$pc.cmd.new"
  mv "$work/$pc.cmd.new" "$work/$pc.cmd"
  i=0
  while [ ! -f "$work/$pc.done" ]; do
    i=$((i + 1)); [ $i -lt 1200 ] || { say "PC $pc did not finish: $*"; exit 1; }
    sleep 0.05
  done
  rm -f "$work/$pc.done"
}
shot() { on "$1" "import -window root '$out/$1-$2.png'"; }
drive() { pc=$1; shift; on "$pc" "/usr/bin/python3 '$top/build-aux/two-pcs-drive.py' $*"; }

admin=$("$top/build-aux/pg-cluster.sh" start "$work/pg")
psql "$admin" -qc "CREATE DATABASE shop" >/dev/null
db=$(printf '%s' "$admin" | sed 's/dbname=postgres/dbname=shop/')
printf '%s' "$db" >"$work/database"
say "Shared database: $db"

# The shop: a few customers, and a follow-up due once both PCs are up.
cat >"$work/customers.csv" <<'CSV'
Name,Phone,E-mail
Nino Beridze,+995 555 10 20 30,nino@example.com
Giorgi Kapanadze,+995 555 11 22 33,
Anahit Sargsyan,+374 91 123456,anahit@example.com
Levan Tsiklauri,+995 577 44 55 66,
Mariam Hakobyan,+374 93 654321,
CSV
mkdir -p "$work/A" "$work/B"
GSETTINGS_BACKEND=memory "$build/src/clientele" --data-dir "$work/A" --database "$db" \
  --import "$work/customers.csv" >"$out/import.log" 2>&1
psql "$db" -qc "INSERT INTO settings (key, value) VALUES ('shop.currency', 'GEL')"
follow_up=$("$build/tests/notify-helper" prepare "$work/A" 40 "$db")
due_at=$(($(date +%s) + 40))

# A display number nobody uses (xvfb-run -a can hand two runs started at
# once the same one).
free_display() {
  n=$1
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  echo "$n"
}
display=150
for pc in A B; do
  display=$(free_display "$display")
  xvfb-run -n "$display" -s "-screen 0 1000x700x24" dbus-run-session -- \
    "$0" --pc "$pc" "$work" "$out" >/dev/null 2>&1 &
  pcs="$pcs $!"
  # Until its server holds the number.
  i=0
  while [ ! -e "/tmp/.X$display-lock" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  display=$((display + 1))
done
sleep 8
shot A 1-start
shot B 1-start

# 1. PC A records a purchase for Anahit Sargsyan through its window.
customer=3
on A "gdbus call --session --dest io.github.clientele.Clientele --object-path /io/github/clientele/Clientele --method org.gtk.Actions.Activate show-customer '[<int64 $customer>]' '{}'"
drive A "'Clientele' 'click:Record Purchase' 'window:Record Purchase' 'set:Amount=123.45' 'click:Record'"
sleep 1
shot B 2-purchase-after-1s
shot A 2-purchase
# From PC A's commit to PC B hearing of it, by the two logs' clocks.
delay=$(/usr/bin/python3 - "$out/A-app.log" "$out/B-app.log" <<'PY'
import re, sys
def times(path, words):
    found = []
    for line in open(path, errors='replace'):
        if words in line:
            m = re.search(r'(\d+):(\d+):(\d+\.\d+): ', line)
            if m:
                found.append(int(m[1]) * 3600 + int(m[2]) * 60 + float(m[3]))
    return found
sent = sorted(times(sys.argv[1], 'telling the others: purchases') + times(sys.argv[1], 'Telling the others: purchases'))
heard = times(sys.argv[2], 'Changed elsewhere')
if not sent:
    print('unknown (no commit in the log)')
else:
    after = [t for t in heard if t >= sent[-1]]
    print(f'{(after[0] - sent[-1]) * 1000:.0f} ms' if after else 'never')
PY
)
say "1. Purchase recorded in PC A's window; PC B heard of it $delay after A's commit (the debug logs), and its list shows it: B-2-purchase-after-1s.png"

# 2. The follow-up falls due with both PCs running.
while [ "$(date +%s)" -lt $((due_at + 8)) ]; do sleep 1; done
na=$(grep -c 'Notify "Clientele"' "$out/A-notifications.log" || true)
nb=$(grep -c 'Notify "Clientele"' "$out/B-notifications.log" || true)
say "2. The follow-up due at $(date -d "@$due_at" +%T) popped up $na time(s) on PC A and $nb time(s) on PC B"
if [ "$na" -gt 0 ]; then shown=A; other=B; else shown=B; other=A; fi
shot "$shown" 3-reminder
# Done on the other PC (a second program on that PC, as a person there
# pressing Done would): the notification on $shown goes.
on "$other" "'$build/tests/notify-helper' done '$work/$other' $follow_up '$db'"
sleep 2
closed=$(grep -c 'CloseNotification' "$out/$shown-notifications.log" || true)
say "   Done on PC $other: PC $shown withdrew its notification ($closed CloseNotification in $shown-notifications.log)"

# 3. The server goes away and comes back: stopped (pg_ctl stop) for a few
# seconds, so that the bar can be seen, and started again; then restarted
# at once (pg_ctl stop -m immediate and start, as a crash would).
"$top/build-aux/pg-cluster.sh" stop "$work/pg"
sleep 3
shot A 4-server-stopped
shot B 4-server-stopped
"$top/build-aux/pg-cluster.sh" start "$work/pg" >/dev/null
sleep 5
shot A 5-server-back
shot B 5-server-back
"$top/build-aux/pg-cluster.sh" restart "$work/pg"
sleep 5
for pc in A B; do
  say "   PC $pc: $(grep -c 'Lost the shared' "$out/$pc-app.log") time(s) lost, $(grep -c 'Connected again' "$out/$pc-app.log") time(s) connected again"
done

drive A "'Clientele' 'click:All Customers'"
on B "gdbus call --session --dest io.github.clientele.Clientele --object-path /io/github/clientele/Clientele --method org.gtk.Actions.Activate show-customer '[<int64 1>]' '{}'"
drive B "'Clientele' 'click:Record Purchase' 'window:Record Purchase' 'set:Amount=80' 'click:Record'"
sleep 1
shot A 6-purchase-from-B
say "3. After the restart PC B recorded a purchase for Nino Beridze; screenshot A-6-purchase-from-B.png"
say "Screenshots and logs: $out"

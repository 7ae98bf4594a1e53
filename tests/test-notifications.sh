#!/bin/sh
# Reminders end to end, against a real D-Bus notification server: the mock
# from python3-dbusmock, in a private session bus of this test's own.
# Usage: test-notifications.sh CLIENTELE NOTIFY-HELPER   (TAP output)
set -u
app=$1
helper=$2

if [ -z "${CRM_INNER_SESSION:-}" ]; then
  CRM_INNER_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

tmp=$(mktemp -d)
log=$tmp/notify.log
mock=""
primary=""
cleanup () {
  [ -n "$primary" ] && kill "$primary" 2>/dev/null
  [ -n "$mock" ] && kill "$mock" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
n=0
failed=0
check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi
}
wait_for () {   # wait_for SECONDS COMMAND…
  limit=$(($1 * 10)); shift
  i=0
  while [ $i -lt $limit ]; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1; i=$((i + 1))
  done
  return 1
}
quit_app () {
  gdbus call --session --dest io.github.clientele.Clientele \
    --object-path /io/github/clientele/Clientele \
    --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1
  wait "$primary" 2>/dev/null
  primary=""
}

echo "1..11"

/usr/bin/python3 -m dbusmock --template notification_daemon -l "$log" \
  -p '{"capabilities": "body body-markup actions persistence"}' >/dev/null 2>&1 &
mock=$!
wait_for 10 gdbus introspect --session --dest org.freedesktop.Notifications \
  --object-path /org/freedesktop/Notifications
check $? "the mock notification server is on the bus"

id=$("$helper" prepare "$tmp/shop" 2)
"$app" --background --data-dir "$tmp/shop" >"$tmp/app.log" 2>&1 &
primary=$!

wait_for 15 grep -q 'Notify "Clientele"' "$log"
check $? "a follow-up due in two seconds pops up"

# The name is the summary, as text; the note is the body, escaped markup.
grep 'Notify "Clientele"' "$log" | grep -qF '"<b>A & B</b>" "Call &lt;i&gt;now&lt;/i&gt; &amp; then"'
check $? "the name and the note arrive as text, the note escaped for markup"

grep 'Notify "Clientele"' "$log" | grep -qE '"done", "Done", "snooze", "In 1 Hour", "tomorrow", "Tomorrow [0-9]{2}:[0-9]{2}", "default", "Open"'
check $? "it offers Done, In 1 Hour, Tomorrow at opening time and Open"

# A key client's reminder waits: critical, resident (the server keeps
# notifications), and it never expires (timeout 0).
first=$(grep 'Notify "Clientele"' "$log" | head -1)
echo "$first" | grep -q '"urgency": 2,' &&
  echo "$first" | grep -q '"resident": True'
check $? "a key client's reminder is critical and resident"
echo "$first" | grep -qE '\} 0$'
check $? "a reminder never expires"

# The person presses Done on the notification.
gdbus call --session --dest org.freedesktop.Notifications \
  --object-path /org/freedesktop/Notifications \
  --method org.freedesktop.DBus.Mock.EmitSignal \
  org.freedesktop.Notifications ActionInvoked us "[<uint32 1>, <'done'>]" >/dev/null
wait_for 10 sh -c "[ \"\$('$helper' state '$tmp/shop' $id)\" = done ]"
check $? "Done on the notification marks the follow-up done in the database"

# A second follow-up, notified, then the app restarts: no repeat.
quit_app
id2=$("$helper" prepare "$tmp/shop" 1)
"$app" --background --data-dir "$tmp/shop" >>"$tmp/app.log" 2>&1 &
primary=$!
wait_for 15 sh -c "[ \$(grep -c 'Notify \"Clientele\"' '$log') -ge 2 ]"
check $? "the next follow-up pops up"
quit_app
before=$(grep -c 'Notify "Clientele"' "$log")
"$app" --background --data-dir "$tmp/shop" >>"$tmp/app.log" 2>&1 &
primary=$!
sleep 3
after=$(grep -c 'Notify "Clientele"' "$log")
[ "$before" = "$after" ] && [ "$("$helper" state "$tmp/shop" "$id2")" = pending ]
check $? "a restart does not notify the same follow-up again"

# Done elsewhere (another program here; another PC on a shared shop): the
# notification already shown is withdrawn.
id3=$("$helper" prepare "$tmp/shop" 1)
shown=$(grep -c 'Notify "Clientele"' "$log")
wait_for 15 sh -c "[ \$(grep -c 'Notify \"Clientele\"' '$log') -gt $shown ]"
closed=$(grep -c 'CloseNotification' "$log")
"$helper" done "$tmp/shop" "$id3"
wait_for 10 sh -c "[ \$(grep -c 'CloseNotification' '$log') -gt $closed ]"
check $? "a follow-up done elsewhere withdraws its notification"
# In 1 Hour on a reminder: the follow-up reminds again in an hour. The
# mock numbers notifications 1, 2, … in the order they came.
id4=$("$helper" prepare "$tmp/shop" 1)
shown=$(grep -c 'Notify "Clientele"' "$log")
wait_for 15 sh -c "[ \$(grep -c 'Notify \"Clientele\"' '$log') -gt $shown ]"
gdbus call --session --dest org.freedesktop.Notifications \
  --object-path /org/freedesktop/Notifications \
  --method org.freedesktop.DBus.Mock.EmitSignal \
  org.freedesktop.Notifications ActionInvoked us "[<uint32 $((shown + 1))>, <'snooze'>]" >/dev/null
wait_for 10 sh -c "[ \$('$helper' due-in '$tmp/shop' $id4) -gt 3000 ]"
check $? "In 1 Hour on the notification moves the follow-up an hour on"
quit_app

exit $failed

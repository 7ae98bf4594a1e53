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

echo "1..36"

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

# The same folder spelt another way (a link, a trailing "/."): the same shop.
ln -s "$tmp/shop" "$tmp/shop-link"
"$app" --background --data-dir "$tmp/shop-link/." >"$tmp/link.log" 2>&1; rc=$?
[ $rc = 0 ] && ! grep -q 'already running' "$tmp/link.log"
check $? "the same folder by another spelling goes to the running instance too"

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

# Imports from the command line: a summary, all or nothing, and a clear
# refusal of a file that is not what it claims to be.
count () {
  /usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
    "$tmp/imports/clientele.db" "$1"
}
printf 'Name,Mobile,E-mail\nნინო ბერიძე,+995 555 12 34 56,nino@example.ge\nԱրամ Պետրոսյան,+374 91 123456,\n' >"$tmp/customers.csv"
"$app" --data-dir "$tmp/imports" --import "$tmp/customers.csv" >"$tmp/import.log" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '^2 customers added' "$tmp/import.log" && [ "$(count 'SELECT count(*) FROM customers')" = 2 ]
check $? "--import adds the customers of a CSV file and says how many"

"$app" --data-dir "$tmp/imports" --import "$tmp/customers.csv" >"$tmp/again.log" 2>&1; rc=$?
[ $rc = 0 ] && grep -q 'Row 2 skipped' "$tmp/again.log" && [ "$(count 'SELECT count(*) FROM customers')" = 2 ]
check $? "--import of the same file again skips the customers already there"

printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Ani Sargsyan\nTEL;TYPE=CELL:+374 93 55 44 33\nEND:VCARD\n' >"$tmp/phone.vcf"
"$app" --data-dir "$tmp/imports" --import "$tmp/phone.vcf" >"$tmp/vcard.log" 2>&1
[ $? = 0 ] && [ "$(count 'SELECT count(*) FROM customers')" = 3 ]
check $? "--import reads a phone's vCard file"

printf 'Date,Phone,Amount,Description\n2026-11-01,+995 555 12 34 56,25.50,Cake\n' >"$tmp/sales.csv"
"$app" --data-dir "$tmp/imports" --import-sales "$tmp/sales.csv" >"$tmp/sales.log" 2>&1
[ $? = 0 ] && [ "$(count 'SELECT sum(amount) FROM purchases')" = 2550 ]
check $? "--import-sales records the purchases against the right customer"

head -c 4096 /dev/urandom >"$tmp/noise.csv"
printf '\0' >>"$tmp/noise.csv"
before=$(sha256sum <"$tmp/imports/clientele.db")
"$app" --data-dir "$tmp/imports" --import "$tmp/noise.csv" >"$tmp/noise.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q 'Nothing was imported' "$tmp/noise.log" && [ "$(count 'SELECT count(*) FROM customers')" = 3 ]
check $? "--import of binary noise exits non-zero with a message and adds nothing"

"$app" --data-dir "$tmp/imports" --import "$tmp/missing.csv" >"$tmp/missing.log" 2>&1
[ $? != 0 ] && grep -q 'Nothing was imported' "$tmp/missing.log"
check $? "--import of a file that does not exist exits non-zero with a message"

"$app" --data-dir "$tmp/imports" --export "$tmp/shop.json" >"$tmp/export.log" 2>&1
[ $? = 0 ] && grep -q '"format"' "$tmp/shop.json"
check $? "--export FILE.json writes the whole shop"

"$app" --data-dir "$tmp/restored" --import "$tmp/shop.json" >"$tmp/restore.log" 2>&1
[ $? = 0 ] && [ "$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM customers").fetchone()[0])' "$tmp/restored/clientele.db")" = 3 ]
check $? "--import FILE.json restores the shop into an empty data folder"

"$app" --data-dir "$tmp/imports" --import "$tmp/shop.json" >"$tmp/refused.log" 2>&1; rc=$?
[ $rc != 0 ] && [ "$(count 'SELECT count(*) FROM customers')" = 3 ]
check $? "--import FILE.json into a shop that has customers is refused"

# Read verbs read: a mistyped folder is an error that names it, and no
# empty shop appears there.
"$app" --data-dir "$tmp/mistyped" --export "$tmp/none.csv" >"$tmp/mistyped.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q "$tmp/mistyped" "$tmp/mistyped.log" && [ ! -e "$tmp/mistyped" ] && [ ! -e "$tmp/none.csv" ]
check $? "--export with a data folder that does not exist fails naming it, and creates nothing"
"$app" --data-dir "$tmp/mistyped" --backup "$tmp/none.db" >"$tmp/mistyped2.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q "$tmp/mistyped" "$tmp/mistyped2.log" && [ ! -e "$tmp/mistyped" ]
check $? "--backup with a data folder that does not exist fails naming it"

# Backups and restores, with the shop open in a running instance.
"$app" --background --data-dir "$tmp/imports" >"$tmp/primary2.log" 2>&1 &
primary=$!
i=0
while ! gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner io.github.clientele.Clientele 2>/dev/null | grep -q true \
      && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
before=$(sha256sum <"$tmp/imports/clientele.db")
"$app" --data-dir "$tmp/imports" --backup "$tmp/copy.db" >"$tmp/backup.log" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '3 customers' "$tmp/backup.log" && [ "$(stat -c %a "$tmp/copy.db")" = 600 ]
check $? "--backup writes a copy (0600) while the shop is open, and says what it holds"
[ ! -e "$tmp/copy.db-wal" ] && [ "$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA quick_check").fetchone()[0])' "$tmp/copy.db")" = ok ]
check $? "the copy is one file that passes its check"
[ "$before" = "$(sha256sum <"$tmp/imports/clientele.db")" ]
check $? "--backup does not write to the shop"

"$app" --data-dir "$tmp/imports" --list-due >"$tmp/due.log" 2>&1; rc=$?
[ $rc = 0 ] && [ ! -s "$tmp/due.log" ]
check $? "--list-due prints nothing when nothing is due"

printf 'Name,Phone\nGiorgi,+995 599 00 11 22\n' >"$tmp/one.csv"
"$app" --data-dir "$tmp/imports" --import "$tmp/one.csv" >/dev/null 2>&1
[ "$(count 'SELECT count(*) FROM customers')" = 4 ]
check $? "--import writes beside the running instance"

"$app" --data-dir "$tmp/imports" --restore "$tmp/customers.csv" >"$tmp/bad-restore.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q 'Nothing was restored' "$tmp/bad-restore.log" && [ "$(count 'SELECT count(*) FROM customers')" = 4 ]
check $? "--restore of a file that is not a backup is refused and changes nothing"

"$app" --data-dir "$tmp/imports" --restore "$tmp/copy.db" >"$tmp/restore2.log" 2>&1; rc=$?
[ $rc = 0 ] && grep -q '3 customers' "$tmp/restore2.log" && [ "$(count 'SELECT count(*) FROM customers')" = 3 ]
check $? "--restore with the shop open: done by the running instance, the counts printed"
kept=$(sed -n 's/.*kept in “\(.*\)”.*/\1/p' "$tmp/restore2.log")
[ -n "$kept" ] && [ "$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM customers").fetchone()[0])' "$kept")" = 4 ]
check $? "the replaced shop is kept as a backup of its own"
kill -0 $primary 2>/dev/null
check $? "the running instance goes on after the restore"

gdbus call --session --dest io.github.clientele.Clientele \
  --object-path /io/github/clientele/Clientele \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1
wait $primary
[ ! -s "$tmp/imports/clientele.db-wal" ]
check $? "closing the shop empties its WAL"

# A shop on a shared database: a restore would replace this PC's file,
# which is not the shop then; a backup reads the server or fails saying so.
"$app" --data-dir "$tmp/imports" --database "host=$tmp/no-server dbname=shop" --restore "$tmp/copy.db" >"$tmp/shared-restore.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q 'shared database' "$tmp/shared-restore.log" && [ "$(count 'SELECT count(*) FROM customers')" = 3 ]
check $? "--restore on a shared database is refused and changes nothing"
"$app" --data-dir "$tmp/imports" --database "host=$tmp/no-server dbname=shop" --backup "$tmp/shared.db" >"$tmp/shared-backup.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q 'No backup was written' "$tmp/shared-backup.log" && [ ! -e "$tmp/shared.db" ]
check $? "--backup of a shared database out of reach fails with a message and writes nothing"
ls "$tmp" | grep -q '^\.clientele-backup-'; [ $? != 0 ]
check $? "a failed backup of a shared database leaves no staging folder"

# A damaged shop: exports refuse, and the file is left as it was.
cp "$tmp/imports/clientele.db" "$tmp/damaged/clientele.db"
printf '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' | dd of="$tmp/damaged/clientele.db" bs=1 seek=8192 conv=notrunc 2>/dev/null
before=$(sha256sum <"$tmp/damaged/clientele.db")
"$app" --data-dir "$tmp/damaged" --export "$tmp/damaged.csv" >"$tmp/damaged-export.log" 2>&1; rc=$?
[ $rc != 0 ] && grep -q 'damaged' "$tmp/damaged-export.log" && [ ! -e "$tmp/damaged.csv" ]
check $? "--export from a damaged shop refuses with a message"
[ "$before" = "$(sha256sum <"$tmp/damaged/clientele.db")" ]
check $? "the damaged shop is left byte for byte as it was"

exit $failed

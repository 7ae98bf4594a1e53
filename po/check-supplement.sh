#!/bin/sh
# Fails when a supplement catalogue holds a message the library does not
# have: a msgid that is not exactly the library's is never looked up, and
# the text stays English. The installed library's own catalogues for a few
# complete languages are the reference (a .mo keeps only what it
# translates, so one language alone could miss a message).
# Usage: check-supplement.sh FILE.po DOMAIN
set -u
po=$1
domain=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
for lang in ru de fr es uk; do
  mo=/usr/share/locale/$lang/LC_MESSAGES/$domain.mo
  [ -f "$mo" ] || continue
  msgunfmt "$mo" -o "$tmp/$lang.po" || exit 1
  n=$((n + 1))
done
if [ "$n" -eq 0 ]; then
  echo "no installed $domain catalogue to compare $po with"
  exit 77
fi
msgcat --use-first "$tmp"/*.po -o "$tmp/reference.po" || exit 1

# What the reference lacks comes out of the merge as obsolete.
msgmerge -q --no-fuzzy-matching "$po" "$tmp/reference.po" -o "$tmp/merged.po" || exit 1
stale=$(msgattrib --only-obsolete --no-wrap "$tmp/merged.po" | grep -E '^#~ (msgctxt|msgid) ')
if [ -n "$stale" ]; then
  echo "$po: not messages of the installed $domain:"
  echo "$stale"
  exit 1
fi
echo "$po: every message is one of $domain's ($n reference catalogues)"

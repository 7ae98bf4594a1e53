#!/bin/sh
# Fails unless the catalogue is valid and translates every message the
# sources hold now: no untranslated, no fuzzy, nothing missing.
# Usage: check-po.sh FILE.po [POTFILES.in SOURCE-ROOT]
set -u
po=$1
potfiles=${2:-}
top=${3:-}

if [ -n "$potfiles" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  grep -v '^#' "$potfiles" | sed '/^$/d' >"$tmp/files"
  xgettext --from-code=UTF-8 -D "$top" -f "$tmp/files" -o "$tmp/current.pot" \
    -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dngettext:2,3 -kngettext:1,2 --add-comments || exit 1
  msgmerge -q --no-fuzzy-matching "$po" "$tmp/current.pot" -o "$tmp/merged.po" || exit 1
  po=$tmp/merged.po
fi

stats=$(msgfmt -c --statistics -o /dev/null "$po" 2>&1) || { echo "$stats"; exit 1; }
echo "$1: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
exit 0

#!/bin/sh
# Fails unless the catalogue is valid and every message is translated:
# no untranslated, no fuzzy. Usage: check-po.sh FILE.po [MSGFMT]
po=$1
msgfmt=${2:-msgfmt}
stats=$("$msgfmt" -c --statistics -o /dev/null "$po" 2>&1) || { echo "$stats"; exit 1; }
echo "$po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
exit 0

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C file under src/ is longer than the limit (1000 lines): a
# file that long mixes concerns and is split by concern, the way
# src/crm-application*.c is (HACKING.md). Prints each file over it.
# Usage: check-file-length.sh SOURCE-ROOT [LIMIT]
set -eu
root=$1
limit=${2:-1000}
status=0

find "$root/src" -name '*.c' | sort | {
  while IFS= read -r file; do
    lines=$(wc -l <"$file")
    if [ "$lines" -gt "$limit" ]; then
      echo "${file#"$root"/}: $lines lines, more than $limit"
      status=1
    fi
  done
  exit $status
}

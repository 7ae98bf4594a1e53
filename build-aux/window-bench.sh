#!/bin/bash
# The real window on a big sample shop, driven as a person would: sort by
# every column, search in three scripts, open a customer, open Insights,
# change the period's length, scroll the list from top to bottom. The app's
# own probe (src/crm-probe.c, CLIENTELE_PROBE) times main-loop stalls from
# inside; the first frame and private memory are read from outside, against
# a 200-customer shop started the same way in the same run.
#
# Usage: build-aux/window-bench.sh [--customers N] [--json] [OPTIONS]
#   --customers N   the big shop (default 100000)
#   --json          print one JSON object on stdout, progress on stderr
#   --build DIR     use this build as it is (default: build-bench/, built here)
#   --script STEPS  the probe's steps instead of the full round (see crm-probe.c)
#   --lang L        interface language: en (default), ka or hy
#   --wrap CMD      start the app under CMD, e.g. "perf record -g -o FILE --"
#   --runs R        start both shops R times, report the median (default 1)
#   --timeout S     give up on a run after S seconds (default 1800)
# The shops are built once by clientele-bench --fill-only and kept in
# ${XDG_CACHE_HOME:-~/.cache}/clientele-bench/, keyed by size and by the
# sample-shop generator's source and schema version; each run works on a
# copy. The probe's raw lines stay in BUILD/window-bench/.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
customers=100000
small=200
json=0
build=""
lang=en
wrap=""
timeout=1800
runs=1
script="sort;type=Nino;type=ნინო;type=Անի;open;back;section=insights;section=customers;period;scroll"

while [ $# -gt 0 ]; do
  case "$1" in
    --customers) customers=$2; shift 2 ;;
    --json) json=1; shift ;;
    --build) build=$2; shift 2 ;;
    --script) script=$2; shift 2 ;;
    --lang) lang=$2; shift 2 ;;
    --wrap) wrap=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --inner) inner=1; shift ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "window-bench: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

for number in "$customers" "$runs" "$timeout"; do
  case "$number" in
    ''|*[!0-9]*) echo "window-bench: --customers, --runs and --timeout want a number" >&2; exit 2 ;;
  esac
done

say () {
  echo "window-bench: $*" >&2
}

# ---------------------------------------------------------------- outside
if [ -z "${inner:-}" ]; then
  if ! command -v xvfb-run >/dev/null || ! command -v dbus-run-session >/dev/null ||
     [ ! -x /usr/bin/python3 ]; then
    "$top/build-aux/install-deps.sh" --tests
  fi

  if [ -z "$build" ]; then
    build="$top/build-bench"
    [ -f "$build/build.ninja" ] || meson setup "$build" "$top" -Dtests=true >&2
    ninja -C "$build" src/clientele tests/bench/clientele-bench data/gschemas.compiled >&2
  fi
  build=$(cd "$build" && pwd)

  # The generator's version: its source and the schema it writes.
  key=$( (cat "$top"/src/core/demo/*; grep -h 'define CRM_STORE_SCHEMA_VERSION' "$top"/src/core/store/*.h) |
         sha256sum | cut -c1-12)
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/clientele-bench"
  mkdir -p "$cache"

  shop_for () {
    local dir="$cache/shop-$1-$key"

    if [ ! -f "$dir/clientele.db" ]; then
      say "building the $1-customer sample shop once (kept in $dir)"
      local tmp
      tmp=$(mktemp -d "$cache/.building-XXXXXX")
      "$build/tests/bench/clientele-bench" --customers "$1" --data-dir "$tmp" --fill-only >&2
      # Another run may have built it meanwhile: keep theirs.
      mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
    fi
    echo "$dir"
  }

  small_shop=$(shop_for "$small")
  big_shop=$(shop_for "$customers")

  export WB_BUILD="$build" WB_SMALL_SHOP="$small_shop" WB_BIG_SHOP="$big_shop"
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inner --customers "$customers" \
    --script "$script" --lang "$lang" --wrap "$wrap" --timeout "$timeout" --runs "$runs" \
    $( [ "$json" = 1 ] && echo --json )
fi

# ----------------------------------------------------------------- inside
build=$WB_BUILD
out="$build/window-bench"
rm -rf "$out"
mkdir -p "$out"

# One start of the real app on a copy of SHOP, driven by STEPS; leaves
# NAME.jsonl (the probe's lines), NAME.private-kb and NAME.smaps (read
# from outside once every step is done) in $out.
run_app () {
  local name=$1 shop=$2 steps=$3
  local run="$out/$name"
  local probe="$out/$name.jsonl"

  mkdir -p "$run/shop" "$run/config" "$run/data" "$run/cache"
  cp "$shop/clientele.db" "$run/shop/"

  say "$name: starting the window on $(basename "$shop")"
  dbus-run-session -- env \
    GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory \
    XDG_CONFIG_HOME="$run/config" XDG_DATA_HOME="$run/data" XDG_CACHE_HOME="$run/cache" \
    CLIENTELE_LOCALEDIR="$build/po" CLIENTELE_SUPPLEMENT_LOCALEDIR="$build/po/libadwaita" \
    CLIENTELE_DATA_DIR= LC_ALL=C.UTF-8 LANGUAGE="$lang" \
    GSK_RENDERER="${GSK_RENDERER:-cairo}" \
    CLIENTELE_PROBE="$probe" CLIENTELE_PROBE_SCRIPT="$steps" \
    bash -c 'echo $$ > "$0.pid"; export CLIENTELE_PROBE_T0=$EPOCHREALTIME; exec '"$wrap"' "$1" --data-dir "$2"' \
      "$run" "$build/src/clientele" "$run/shop" >"$run.log" 2>&1 &
  local session=$! pid="" waited=0

  while [ -z "$pid" ] && [ $waited -lt 100 ]; do
    sleep 0.1; waited=$((waited + 1))
    [ -s "$run.pid" ] && pid=$(cat "$run.pid")
  done

  # Until the probe has done every step, the app exits, or time is up.
  waited=0
  while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && ! grep -q '"event":"done"' "$probe" 2>/dev/null; do
    sleep 0.5; waited=$((waited + 1))
    if [ $waited -ge $((timeout * 2)) ]; then
      say "$name: no end after ${timeout} s, stopping it"
      break
    fi
  done

  if [ -n "$pid" ] && [ -r "/proc/$pid/smaps_rollup" ]; then
    awk '/^Private_(Clean|Dirty):/ { kb += $2 } END { print kb }' "/proc/$pid/smaps_rollup" \
      >"$out/$name.private-kb"
    # Per mapping, to tell the mapped database from the heap.
    cp "/proc/$pid/smaps" "$out/$name.smaps" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  fi
  wait "$session" || true

  if ! grep -q '"event":"done"' "$probe" 2>/dev/null; then
    say "$name: the probe did not finish; the app said:"
    tail -20 "$run.log" >&2
    return 1
  fi
}

# A first start warms the disk cache and GTK's own caches for both.
run_app warm-up "$WB_SMALL_SHOP" "idle=100"
for r in $(seq "$runs"); do
  run_app "small-$r" "$WB_SMALL_SHOP" "$script"
  run_app "big-$r" "$WB_BIG_SHOP" "$script"
done

say "the probe's lines are in $out"
exec /usr/bin/python3 "$top/build-aux/window-bench-summary.py" "$out" "$customers" "$runs" \
  $( [ "$json" = 1 ] && echo --json )

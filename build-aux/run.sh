#!/bin/sh
# Installs what is missing, builds Clientele and opens it on the default
# database ($XDG_DATA_HOME/clientele).  Arguments go to the program, e.g.
#   build-aux/run.sh --data-dir /tmp/second-shop
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"

"$top/build-aux/install-deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dtests=false
fi
meson compile -C "$build"

# devenv points GSettings and gettext at the build tree, so nothing has to
# be installed system-wide to try the app.
exec meson devenv -C "$build" --workdir "$PWD" clientele "$@"

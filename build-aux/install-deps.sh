#!/bin/sh
# Installs what Clientele needs on Debian 12 (bookworm) from Debian's own
# packages.  Usage: build-aux/install-deps.sh [--tests]
# As root it runs apt-get; otherwise it checks what is there and, when
# something is missing, prints the one sudo line that installs it.
set -eu

# xmllint (libxml2-utils) strips the .ui files' blanks as they go into
# the resources; at-spi2-core is the accessibility bus GTK talks to (the
# screen reader hears the window through it).
packages="build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libnotify-dev libjson-glib-dev libpq-dev libxml2-utils
  desktop-file-utils appstream at-spi2-core
  adwaita-icon-theme librsvg2-common fonts-cantarell fonts-noto-core"

if [ "${1:-}" = "--tests" ]; then
  # xvfb and a private D-Bus session for the UI tests, a mock notification
  # server, and locales for the formatting tests; a PostgreSQL server for the shared-shop tests (a
  # private throw-away cluster, build-aux/pg-cluster.sh); pyatspi and
  # ImageMagick for build-aux/two-pcs.sh, which acts in two windows and
  # takes their pictures.
  packages="$packages xvfb xauth dbus python3 python3-dbusmock locales postgresql
    python3-pyatspi imagemagick"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Clientele needs these Debian packages:$missing" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  echo "then run this command again." >&2
  exit 1
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing

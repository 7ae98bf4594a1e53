#!/bin/sh
# A private PostgreSQL cluster for the tests and the load program: a data
# folder and a Unix socket inside DIR, no TCP port, fsync off (throw-away
# data). Needs Debian's postgresql package.
#
#   build-aux/pg-cluster.sh start DIR   prints the admin connection string
#   build-aux/pg-cluster.sh stop DIR
#   build-aux/pg-cluster.sh restart DIR (immediate stop, then start)
#
# The server refuses to run as root: as root, DIR is handed to the
# postgres user (or a "clientele-test" user made for it).
set -eu
cmd=$1
dir=$2

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg-cluster.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

run_as=""
if [ "$(id -u)" -eq 0 ]; then
  run_as=postgres
  if ! id "$run_as" >/dev/null 2>&1; then
    run_as=clientele-test
    id "$run_as" >/dev/null 2>&1 || useradd --system --no-create-home "$run_as"
  fi
fi

as_owner() {
  if [ -n "$run_as" ]; then
    runuser -u "$run_as" -- "$@"
  else
    "$@"
  fi
}

pgctl() {
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 "$@"
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ -n "$run_as" ] && chown "$run_as" "$dir"
    chmod 0700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -U clientele --auth-local=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
      # One role signs in with a password, for the wrong-password test.
      cat >"$dir/data/pg_hba.conf" <<HBA
local all clientele_pw scram-sha-256
local all all trust
HBA
      cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
fsync = off
max_connections = 200
CONF
    fi
    pgctl start >/dev/null
    echo "host=$dir port=5432 user=clientele dbname=postgres"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && pgctl stop -m fast >/dev/null || true
    ;;
  restart)
    pgctl stop -m immediate >/dev/null || true
    pgctl start >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|restart DIR" >&2
    exit 2
    ;;
esac

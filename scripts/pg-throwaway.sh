#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the team-corpus tests and benchmark: initdb in a temporary folder, its own
# unix socket there (no TCP port), run as a non-root user. Prints the connection string on stdout.
#   scripts/pg-throwaway.sh start DIR   -> postgresql://USER@/groundwork?host=DIR/socket
#   scripts/pg-throwaway.sh stop DIR
# `start` on a cluster that was stopped starts it again, with its data (the tests of an outage do that).
# PostgreSQL refuses to run as root: under root the cluster belongs to the `postgres` user Debian's package creates.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] && command -v pg_ctl >/dev/null; then bin=$(dirname "$(command -v pg_ctl)"); fi
[ -n "$bin" ] || { echo "pg-throwaway: PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
owner=$([ "$(id -u)" = 0 ] && echo postgres || id -un)
case "$action" in
  start)
    created=$([ -d "$dir/data" ] && echo no || echo yes)
    mkdir -p "$dir/socket"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
    if [ "$created" = yes ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U "$owner" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # Unix socket only; settings for a small shared machine (the bench's ingest wants fewer fsyncs, not less safety:
    # synchronous_commit stays on, a killed ingest must lose nothing it reported done).
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c shared_buffers=256MB -c max_connections=100 -c max_wal_size=2GB" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    [ "$created" = no ] || as_owner "$bin/createdb" -h "$dir/socket" -U "$owner" groundwork
    echo "postgresql://$owner@/groundwork?host=$dir/socket"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) echo "pg-throwaway: unknown action '$action'" >&2; exit 2 ;;
esac

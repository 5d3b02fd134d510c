#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for junheng's tests and benchmarks: Debian's server (installed when missing),
# initdb in a temporary folder as an unprivileged user (root runs it as the system user junheng-pg), listening
# on a free loopback port and on a Unix socket in that folder, fsync on. Nothing of it outlives `stop`.
#
#   scripts/postgres/cluster.sh run CMD...  start a cluster, run CMD with JUNHENG_TEST_POSTGRES (the URL of its
#                                           database junheng_test), JUNHENG_PG_DIR and JUNHENG_REQUIRE_POSTGRES=1
#                                           set, then stop it whatever CMD did; exits with CMD's status
#   scripts/postgres/cluster.sh start       start one; prints the variables to export (eval "$(… start)")
#   scripts/postgres/cluster.sh stop DIR    stop the cluster in DIR and remove DIR
#   scripts/postgres/cluster.sh restart-immediate DIR   pg_ctl restart -m immediate (the fault test's crash)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
user=junheng-pg

bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    "$here/../install-deps.sh" postgresql >&2
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

start() {
  local bin dir port
  bin="$(bindir)"
  if [ "$(id -u)" -eq 0 ] && ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  fi
  dir="$(mktemp -d /tmp/junheng-pg.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$dir"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_owner "$bin/initdb" -D "$dir/data" -U junheng -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=on -c synchronous_commit=on" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  "$bin/psql" -h "$dir" -p "$port" -U junheng -d postgres -q -c "CREATE DATABASE junheng_test" >/dev/null
  echo "export JUNHENG_PG_DIR=$dir JUNHENG_PG_BIN=$bin JUNHENG_PG_PORT=$port"
  echo "export JUNHENG_TEST_POSTGRES=postgres://junheng@127.0.0.1:$port/junheng_test"
}

stop() {
  local dir="$1" bin
  bin="$(bindir)"
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "$2" ;;
  restart-immediate)
    bin="$(bindir)"
    as_owner "$bin/pg_ctl" -D "$2/data" -m immediate -w -t 60 restart >/dev/null ;;
  run)
    shift
    eval "$(start)"
    trap 'stop "$JUNHENG_PG_DIR"' EXIT
    export JUNHENG_REQUIRE_POSTGRES=1
    echo "junheng: PostgreSQL test cluster at $JUNHENG_TEST_POSTGRES (folder $JUNHENG_PG_DIR)" >&2
    status=0
    "$@" || status=$?
    exit $status ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac

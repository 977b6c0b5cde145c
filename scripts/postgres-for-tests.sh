#!/usr/bin/env bash
# A private PostgreSQL 15 for the tests: its own folder under /tmp, its own unix-socket folder and port.
#
#   scripts/postgres-for-tests.sh start        prints the server's URL (trust on the socket)
#   scripts/postgres-for-tests.sh stop URL|DIR stops it and deletes its folder
#
# The socket takes `trust`; TCP on 127.0.0.1 takes the password `hoso-test` (scram-sha-256) for user postgres,
# so a test can try a wrong one. As root, initdb and pg_ctl run as the `postgres` user. The server's output
# goes to DIR/server.log and its stdin is /dev/null: it never holds the caller's pipes.
set -euo pipefail
BIN=${HOSO_PG_BIN:-/usr/lib/postgresql/15/bin}
PASSWORD=hoso-test

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "postgres-for-tests: không tìm được cổng trống" >&2
  exit 1
}

start() {
  [ -x "$BIN/initdb" ] || { echo "postgres-for-tests: không có $BIN/initdb (cài postgresql-15: scripts/setup.sh)" >&2; exit 1; }
  local dir port
  dir=$(mktemp -d /tmp/hoso-pg.XXXXXX)
  mkdir -p "$dir/socket"
  printf '%s\n' "$PASSWORD" > "$dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
  chmod 700 "$dir"
  if ! as_owner "$BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 </dev/null >"$dir/initdb.log" 2>&1; then
    echo "postgres-for-tests: initdb thất bại:" >&2; cat "$dir/initdb.log" >&2; exit 1
  fi
  port=$(free_port)
  if ! as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir/socket -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
      start </dev/null >>"$dir/initdb.log" 2>&1; then
    echo "postgres-for-tests: máy chủ không khởi động được:" >&2; cat "$dir/server.log" "$dir/initdb.log" >&2 || true
    exit 1
  fi
  echo "postgresql:///postgres?host=$dir/socket&port=$port&user=postgres"
}

stop() {
  local arg=${1:?"cách dùng: $0 stop URL|DIR"} dir
  case "$arg" in
    postgresql://*|postgres://*) dir=$(sed -E 's/.*[?&]host=([^&]*).*/\1/' <<< "$arg"); dir=${dir%/socket} ;;
    *) dir=$arg ;;
  esac
  case "$dir" in /tmp/hoso-pg.*) ;; *) echo "postgres-for-tests: $dir không phải thư mục của script này" >&2; exit 2 ;; esac
  [ -d "$dir/data" ] && as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop </dev/null >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "cách dùng: $0 start | stop URL|DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A local PostgreSQL for running the tracker without Docker, from the machine's own server binaries.
#
#   scripts/postgres.sh ensure-binaries   find initdb/pg_ctl; install Debian's postgresql with apt when missing (as root)
#   scripts/postgres.sh start             start (or reuse) the cluster in .local/postgres; prints its connection string
#   scripts/postgres.sh stop              stop it
#   scripts/postgres.sh status            say whether it runs
#
# The cluster listens on 127.0.0.1 only (port $TRACKER_PG_PORT, default 55432) with trust authentication: it is
# for one developer's machine. PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
port=${TRACKER_PG_PORT:-55432}
database=relations_tracker

find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

ensure_binaries() {
  local dir
  if dir=$(find_bindir); then echo "$dir"; return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL server binaries not found; installing Debian's postgresql package..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    # Debian starts a 'main' cluster on 5432 on install; ours is separate and does not need it.
    if dir=$(find_bindir); then echo "$dir"; return 0; fi
  fi
  cat >&2 <<'EOF'
PostgreSQL server binaries (initdb, pg_ctl) were not found.
Install them (Debian/Ubuntu: sudo apt-get install postgresql), or start Docker (docker compose up),
or point the tracker at a database with ConnectionStrings__Marten="Host=...;Database=...;Username=...;Password=...".
EOF
  return 1
}

# Runs a command as the user that owns the cluster: 'postgres' when we are root, else ourselves.
as_owner() {
  # From /, so the postgres user is not left in a directory it cannot enter.
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# The cluster lives in .local/postgres unless, as root, the repository is somewhere the postgres user cannot
# reach (a home directory under /root, say): then in /var/tmp, with a pointer in .local/.
cluster_dir() {
  local local_dir="$repo/.local/postgres"
  mkdir -p "$repo/.local"
  if [ -f "$repo/.local/postgres.location" ]; then cat "$repo/.local/postgres.location"; return; fi
  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$local_dir"
    chown postgres:postgres "$local_dir"
    if ! (cd / && runuser -u postgres -- test -w "$local_dir") 2>/dev/null; then
      local_dir="/var/tmp/relations-tracker-$(echo -n "$repo" | md5sum | cut -c1-12)"
      mkdir -p "$local_dir"
      chown postgres:postgres "$local_dir"
      echo "$local_dir" > "$repo/.local/postgres.location"
    fi
  else
    mkdir -p "$local_dir"
  fi
  echo "$local_dir"
}

is_running() {
  local bin=$1 dir=$2
  [ -f "$dir/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start() {
  local bin dir
  bin=$(ensure_binaries)
  dir=$(cluster_dir)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  if ! is_running "$bin" "$dir"; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200" start >/dev/null \
      || { tail -20 "$dir/server.log" >&2; echo "If port $port is taken, choose another: TRACKER_PG_PORT=55433 $0 start" >&2; exit 1; }
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc "select 1 from pg_database where datname = '$database'" | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database $database" >/dev/null
  fi
  echo "Host=127.0.0.1;Port=$port;Database=$database;Username=postgres"
}

stop() {
  local bin dir
  bin=$(find_bindir) || { echo "no PostgreSQL binaries, so nothing runs"; return 0; }
  dir=$(cluster_dir)
  if is_running "$bin" "$dir"; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    echo "stopped the local PostgreSQL in $dir"
  else
    echo "the local PostgreSQL in $dir is not running"
  fi
}

status() {
  local bin dir
  bin=$(find_bindir) || { echo "no PostgreSQL binaries"; return 1; }
  dir=$(cluster_dir)
  if is_running "$bin" "$dir"; then echo "running: Host=127.0.0.1;Port=$port;Database=$database;Username=postgres ($dir)"; else echo "not running ($dir)"; return 1; fi
}

case "${1:-}" in
  ensure-binaries) ensure_binaries ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 ensure-binaries|start|stop|status" >&2; exit 2 ;;
esac

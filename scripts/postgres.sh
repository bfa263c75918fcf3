#!/usr/bin/env bash
# A local PostgreSQL for running the tracker without Docker, from the machine's own server binaries.
#
#   scripts/postgres.sh ensure-binaries   find initdb/pg_ctl, installing Debian's postgresql with apt-get when they
#                                         are missing and we are root; prints their folder (last line)
#   scripts/postgres.sh bindir            the same, but never installs anything
#   scripts/postgres.sh start             start (or reuse) the cluster in .local/postgres; prints its Npgsql
#                                         connection string (last line)
#   scripts/postgres.sh stop              stop it (fast shutdown)
#   scripts/postgres.sh status            say whether it runs (exit status 0 if it does, 1 if not)
#
# The cluster listens on 127.0.0.1 only (port $TRACKER_PG_PORT, default 55432) with trust authentication: it is
# for one developer's machine, not for production. PostgreSQL refuses to run as root, so as root the cluster
# belongs to and runs as the 'postgres' user. Every command is safe to repeat.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
port=${TRACKER_PG_PORT:-55432}
database=relations_tracker

is_root() { [ "$(id -u)" = 0 ]; }

say() { echo "postgres.sh: $*" >&2; }

# The folder with initdb and pg_ctl: Debian/Ubuntu's /usr/lib/postgresql/<version>/bin (newest first), else
# pg_config --bindir, else the PATH.
find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  return 1
}

ensure_binaries() {
  local dir log
  if dir=$(find_bindir); then echo "$dir"; return 0; fi
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL server binaries not found; installing Debian's postgresql package with apt-get..."
    log=$(mktemp)
    # Quiet unless it fails. Debian's package may create and start a 'main' cluster on port 5432; ours is
    # separate and neither needs nor disturbs it.
    if { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
         DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; } >"$log" 2>&1; then
      rm -f "$log"
    else
      tail -n 25 "$log" >&2
      rm -f "$log"
      say "apt-get could not install postgresql (its last lines are above)"
    fi
    if dir=$(find_bindir); then echo "$dir"; return 0; fi
  fi
  cat >&2 <<'EOF'
PostgreSQL server binaries (initdb, pg_ctl) were not found. Either:
  - install them: sudo apt-get install postgresql (Debian/Ubuntu; run as root and this script does it itself),
    or your system's PostgreSQL server package (14 or later);
  - or start Docker and use it: docker compose up --build;
  - or point the tracker at a database you have:
    ConnectionStrings__Marten="Host=...;Port=5432;Database=...;Username=...;Password=..." ./run.sh
EOF
  return 1
}

# The binaries for an existing cluster: those of the major version that created it when they are there (a
# newer PostgreSQL installed later cannot run an older cluster's files), else the newest.
bindir_for() {
  local version
  version=$(cat "$1/data/PG_VERSION" 2>/dev/null || true)
  if [ -n "$version" ] && [ -x "/usr/lib/postgresql/$version/bin/pg_ctl" ]; then
    echo "/usr/lib/postgresql/$version/bin"
  else
    ensure_binaries
  fi
}

# Runs a command as the cluster's owner: 'postgres' when we are root, else ourselves. From /, so a tool never
# starts in a directory the postgres user cannot enter (a checkout under /root, say).
as_owner() {
  if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# The cluster's folder, created if need be: .local/postgres, unless we are root and the postgres user cannot
# reach the checkout (one under /root, say). Then a folder in /var/tmp, named after the checkout's path, which
# .local/postgres.location records so that every later command finds it.
cluster_dir() {
  local dir=$repo/.local/postgres note=$repo/.local/postgres.location
  mkdir -p "$repo/.local"
  if [ -s "$note" ]; then
    dir=$(cat "$note")
  elif is_root; then
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    if ! as_owner test -w "$dir" -a -x "$dir" 2>/dev/null; then
      rmdir "$dir" 2>/dev/null || true
      dir=/var/tmp/relations-tracker-$(printf %s "$repo" | cksum | cut -d' ' -f1)
      echo "$dir" >"$note"
      say "the postgres user cannot reach $repo, so the cluster lives in $dir (see .local/postgres.location)"
    fi
  fi
  mkdir -p "$dir"
  if is_root; then chown postgres:postgres "$dir"; fi
  echo "$dir"
}

# Whether the cluster's server runs. postmaster.pid (and the socket's .lock file) can outlive the server after a
# crash. The server sees through that itself unless the recorded process id still belongs to something: a zombie
# not yet reaped (a killed server's parent is init, which may take its time), or an unrelated process that reused
# the id. Then the files are stale, and are removed here so that start works.
is_running() {
  local dir=$1 pid lock
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
  [ -n "$pid" ] || return 1
  if [ -d /proc ]; then
    if [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] &&
       [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]; then
      return 0
    fi
  elif kill -0 "$pid" 2>/dev/null; then
    return 0
  fi
  say "removing a stale postmaster.pid (its process $pid is no longer the server)"
  as_owner rm -f "$dir/data/postmaster.pid"
  for lock in "$dir"/.s.PGSQL.*.lock; do
    if [ -f "$lock" ] && [ "$(as_owner head -n 1 "$lock")" = "$pid" ]; then as_owner rm -f "$lock" "${lock%.lock}"; fi
  done
  return 1
}

# The port a running cluster listens on (line 4 of postmaster.pid).
running_port() { sed -n 4p "$1/data/postmaster.pid"; }

start() {
  local dir bin options
  dir=$(cluster_dir)
  # One start at a time (run.sh and bench.sh may race). flock is in util-linux, so nearly always there; without
  # it, or without write access to the lock file, go on unlocked.
  if command -v flock >/dev/null 2>&1 && { exec 9>>"$repo/.local/postgres.lock"; } 2>/dev/null; then
    flock -w 120 9 || { say "another start still holds $repo/.local/postgres.lock"; exit 1; }
  fi
  bin=$(bindir_for "$dir")

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner rm -rf "$dir/data"  # what a failed initdb left, if anything
    if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      if grep -q "invalid locale" "$dir/initdb.log"; then
        # No C.UTF-8 locale here (macOS, some minimal images): plain C, still UTF8-encoded.
        as_owner rm -rf "$dir/data"
        as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
          || { cat "$dir/initdb.log" >&2; exit 1; }
      else
        cat "$dir/initdb.log" >&2
        exit 1
      fi
    fi
  elif ! as_owner test -O "$dir/data"; then
    say "$dir/data belongs to another user; run this as that user (or as root), or delete the folder to start afresh"
    exit 1
  fi

  if is_running "$dir"; then
    if [ "$(running_port "$dir")" != "$port" ]; then
      say "it already runs on port $(running_port "$dir"); stop it first to move it to $port"
      port=$(running_port "$dir")
    fi
  else
    # The server's Unix socket goes in the cluster's folder, unless that path is too long for a socket (about
    # 100 characters); then only TCP, which is all the tracker uses. pg_ctl hands these options to a shell,
    # hence the quotes (a checkout's path may hold spaces).
    if [ $((${#dir} + 20)) -lt 100 ]; then options="-k '$dir'"; else options="-c unix_socket_directories=''"; fi
    options="-p $port -c listen_addresses=127.0.0.1 $options -c max_connections=200"
    local attempt
    for attempt in 1 2 3; do
      # 9>&-: the server must not inherit (and so hold forever) the lock of the start above.
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null 9>&-; then
        break
      fi
      # Just after a crash the old server's children may still hold its shared memory for a moment.
      if [ "$attempt" -lt 3 ] && tail -n 5 "$dir/server.log" | grep -q "pre-existing shared memory block"; then
        sleep 2
        continue
      fi
      tail -n 20 "$dir/server.log" >&2 || true
      say "the server did not start (server.log's last lines are above)."
      say "If port $port is taken, choose another: TRACKER_PG_PORT=$((port + 1)) $0 start"
      exit 1
    done
  fi

  # Running, but perhaps still recovering after a crash: wait until it takes connections.
  local waited=0
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 5; do
    waited=$((waited + 1))
    if [ "$waited" -ge 60 ]; then say "the server in $dir does not answer on 127.0.0.1:$port; see $dir/server.log"; exit 1; fi
    sleep 1
  done

  local psql=("$bin/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq)
  if [ "$("${psql[@]}" -c "select 1 from pg_database where datname = '$database'")" != 1 ]; then
    "${psql[@]}" -c "create database $database" >/dev/null
  fi
  echo "Host=127.0.0.1;Port=$port;Database=$database;Username=postgres"
}

stop() {
  local dir bin
  dir=$(cluster_dir)
  if ! is_running "$dir"; then
    echo "the local PostgreSQL in $dir is not running"
    return 0
  fi
  bin=$(bindir_for "$dir")
  # Fast: disconnect clients, roll back their transactions, shut down cleanly. Should that hang, immediate.
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null; then
    say "fast shutdown did not finish; stopping immediately"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  fi
  echo "stopped the local PostgreSQL in $dir"
}

status() {
  local dir
  dir=$(cluster_dir)
  if is_running "$dir"; then
    echo "running: Host=127.0.0.1;Port=$(running_port "$dir");Database=$database;Username=postgres (in $dir)"
  else
    echo "not running (cluster folder: $dir)"
    return 1
  fi
}

case "${1:-}" in
  ensure-binaries) ensure_binaries ;;
  bindir) find_bindir || { say "no PostgreSQL server binaries found"; exit 1; } ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 ensure-binaries|bindir|start|stop|status" >&2; exit 2 ;;
esac

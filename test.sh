#!/usr/bin/env bash
# Runs every test. The integration tests provision their own PostgreSQL (tests/.../TestDatabase.cs):
# TRACKER_TEST_CONNECTION or ConnectionStrings__Marten if set, else Testcontainers when Docker answers,
# else a throwaway cluster from the local server binaries, which this script installs when missing.
#   ./test.sh                     everything
#   ./test.sh --filter Recording  a subset (arguments go to dotnet test)
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download (or your distribution's dotnet-sdk-10.0)." >&2
  exit 1
fi

if [ -z "${TRACKER_TEST_CONNECTION:-}${ConnectionStrings__Marten:-}" ] \
   && ! (command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1); then
  scripts/postgres.sh ensure-binaries >/dev/null
fi

status=0
dotnet test RelationsTracker.sln -c Release "$@" || status=$?

# The tests stop their throwaway clusters; if a test process died, stop what it left behind.
for pid_file in /tmp/relations-tracker-tests/*/data/postmaster.pid; do
  [ -e "$pid_file" ] || continue
  data=$(dirname "$pid_file")
  bin=$(scripts/postgres.sh ensure-binaries 2>/dev/null | tail -n 1) || break
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  else "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$(dirname "$data")"
done
exit $status

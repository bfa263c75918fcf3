#!/usr/bin/env bash
# Runs every test. The integration tests provision their own PostgreSQL (tests/.../TestDatabase.cs):
# TRACKER_TEST_CONNECTION or ConnectionStrings__Marten if set, else Testcontainers when Docker answers,
# else a throwaway cluster from the local server binaries, which this script installs when missing (as root).
#   ./test.sh                     everything
#   ./test.sh --filter Recording  a subset (arguments go to dotnet test)
# Exits with dotnet test's exit code.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download (or your distribution's dotnet-sdk-10.0)." >&2
  exit 1
fi

# Where TestDatabase makes its throwaway clusters, one folder each, with the id of the test process that owns
# it in owner.pid (TestDatabase.ThrowawayRoot and OwnerFileName).
throwaway_root=/tmp/relations-tracker-tests

# A safety net: the tests stop their clusters themselves, even on Ctrl+C, but a test process killed outright
# (SIGKILL, a crash of the runtime) leaves its cluster running. Stop and delete those, and only those: a cluster
# whose test process still runs may belong to another test run going on at the same time.
sweep_throwaway_clusters() {
  local dir owner version bin
  for dir in "$throwaway_root"/*/; do
    dir=${dir%/}
    [ -d "$dir" ] || continue
    owner=$(cat "$dir/owner.pid" 2>/dev/null || true)
    if [ -n "$owner" ]; then
      if [ -d /proc ]; then [ ! -d "/proc/$owner" ] || continue; else ! kill -0 "$owner" 2>/dev/null || continue; fi
    elif [ -z "$(find "$dir" -maxdepth 0 -mmin +30 2>/dev/null)" ]; then
      continue # no owner file yet: perhaps being made right now; a real leftover is swept by a later run
    fi
    if [ -f "$dir/data/postmaster.pid" ]; then
      version=$(cat "$dir/data/PG_VERSION" 2>/dev/null || true)
      bin=/usr/lib/postgresql/$version/bin
      [ -n "$version" ] && [ -x "$bin/pg_ctl" ] || bin=$(scripts/postgres.sh bindir 2>/dev/null) || bin=
      if [ -n "$bin" ]; then
        if [ "$(id -u)" = 0 ]; then
          (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop) >/dev/null 2>&1 || true
        else
          "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
      fi
    fi
    rm -rf "$dir" 2>/dev/null || true
    echo "test.sh: removed a throwaway PostgreSQL a dead test process left behind: $dir" >&2
  done
}

if [ -z "${TRACKER_TEST_CONNECTION:-}${ConnectionStrings__Marten:-}" ] \
   && ! (command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1); then
  # No database given and no Docker: the tests will need the server binaries. Not fatal if they cannot be had:
  # the unit tests still run, and the integration tests then say what to do.
  scripts/postgres.sh ensure-binaries >/dev/null \
    || echo "test.sh: without PostgreSQL server binaries the integration tests will fail (see above)" >&2
fi

# The dashboard's browser test (DashboardBrowserTests) drives the machine's Chromium, never a downloaded browser:
# TRACKER_CHROMIUM if set (only it), else /usr/bin/chromium or /usr/bin/chromium-browser. When none is there and we are root, install
# Debian's chromium (only if the run may include that test: no --filter, or one naming Dashboard or Browser). If that
# cannot be done the test is skipped, and says why; so does this script, before and after the run.
find_chromium() {
  local c
  if [ -n "${TRACKER_CHROMIUM:-}" ]; then
    [ -x "$TRACKER_CHROMIUM" ] && echo "$TRACKER_CHROMIUM"
    return
  fi
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}
filtered=false
filters=
previous=
for arg in "$@"; do
  case "$arg" in --filter=*) filtered=true; filters="$filters ${arg#--filter=}" ;; --filter) filtered=true ;; esac
  [ "$previous" != --filter ] || filters="$filters $arg"
  previous=$arg
done
wants_browser_test=true
if [ "$filtered" = true ]; then
  case "$filters" in *Dashboard*|*Browser*) ;; *) wants_browser_test=false ;; esac
fi
chromium=$(find_chromium || true)
if [ -z "$chromium" ] && [ -z "${TRACKER_CHROMIUM:-}" ] && [ "$wants_browser_test" = true ] && [ "$(id -u)" = 0 ] \
   && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the dashboard browser test (apt-get install chromium; a few minutes)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  timeout 900 apt-get install -y chromium >/dev/null 2>&1 \
    || { timeout 300 apt-get update >/dev/null 2>&1 && timeout 900 apt-get install -y chromium >/dev/null 2>&1; } \
    || echo "test.sh: apt-get could not install chromium" >&2
  chromium=$(find_chromium || true)
fi
browser_note=
if [ -n "$chromium" ]; then
  export TRACKER_CHROMIUM=$chromium
elif [ "$wants_browser_test" = true ]; then
  browser_note="test.sh: no Chromium found: the dashboard browser test (DashboardBrowserTests) is SKIPPED. Install Debian's chromium package (or set TRACKER_CHROMIUM) to run it."
  echo "$browser_note" >&2
fi

# Swept after the run, however it ends (the owners of this run's clusters are gone by then).
trap "sweep_throwaway_clusters || true" EXIT

status=0
dotnet test RelationsTracker.sln -c Release "$@" || status=$?
[ -z "$browser_note" ] || echo "$browser_note" >&2
exit "$status"

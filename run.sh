#!/usr/bin/env bash
# Runs the tracker with the Libya–Turkey demo history loaded.
#   ./run.sh                                   on http://127.0.0.1:5080
#   ./run.sh --urls http://127.0.0.1:8080      elsewhere; any other arguments go to the app too
# Uses ConnectionStrings__Marten when set; otherwise starts (or reuses) a local PostgreSQL in .local/
# (scripts/postgres.sh), installing Debian's postgresql package first when it is missing and you are root.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download (or your distribution's dotnet-sdk-10.0)." >&2
  exit 1
fi
if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  echo "The .NET 10 SDK is needed (found: $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')):" \
       "https://dotnet.microsoft.com/download (or your distribution's dotnet-sdk-10.0)." >&2
  exit 1
fi

url=http://127.0.0.1:5080
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --urls)
      [ $# -ge 2 ] || { echo "--urls needs a value, e.g. --urls http://127.0.0.1:8080" >&2; exit 2; }
      url=$2; shift 2 ;;
    --urls=*) url=${1#--urls=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
# What to open in a browser: the first of the URLs, with a listen-everywhere host made a local one.
open_url=${url%%;*}
open_url=$(echo "$open_url" | sed -E 's#://(0\.0\.0\.0|\+|\*|\[::\])([:/]|$)#://127.0.0.1\2#')

if [ -z "${ConnectionStrings__Marten:-}" ]; then
  echo "Starting the local PostgreSQL (scripts/postgres.sh start)..."
  scripts/postgres.sh ensure-binaries >/dev/null
  ConnectionStrings__Marten=$(scripts/postgres.sh start | tail -n 1) \
    || { echo "The local PostgreSQL did not start (see above). Or set ConnectionStrings__Marten to a database you have." >&2; exit 1; }
  export ConnectionStrings__Marten
  stop_db="the local PostgreSQL keeps running for next time; stop it with: scripts/postgres.sh stop"
else
  stop_db="database: the one in ConnectionStrings__Marten"
fi
export Tracker__Seed=${Tracker__Seed:-true}
# Writes need a key. Without one configured, use this checkout's own (made once, kept in .local/api-key).
if [ -z "${Tracker__ApiKeys__0:-}" ]; then
  mkdir -p .local
  [ -s .local/api-key ] || head -c 24 /dev/urandom | base64 | tr '+/' '-_' > .local/api-key
  Tracker__ApiKeys__0=$(cat .local/api-key)
  export Tracker__ApiKeys__0
  key_line="key    writes need -H \"X-Api-Key: $Tracker__ApiKeys__0\"   (kept in .local/api-key)"
else
  key_line="key    writes need -H \"X-Api-Key: <your Tracker__ApiKeys__0>\""
fi

cat <<EOF

RelationsTracker is starting on $url (it builds first: a moment the first time). Then:
  open   $open_url/   (the dashboard; the API is under $open_url/api/relations)
  try    curl '$open_url/api/relations/TUR/LBY-EAST?asOf=2025-08-31'
  $key_line
  stop   Ctrl+C stops the service;
         $stop_db

EOF
# Not the project's launch profile (Development, which compiles the endpoints at run time): the service as deployed,
# running the committed generated code, so its first answers are prompt (docs/operations.md, "Generated code").
exec dotnet run --project src/RelationsTracker.Api -c Release --no-launch-profile -- --urls "$url" ${args[@]+"${args[@]}"}

#!/usr/bin/env bash
# Runs the tracker with the Libya–Turkey demo history loaded.
#   ./run.sh                      on http://127.0.0.1:5080
#   ./run.sh --urls http://127.0.0.1:8080
# Uses ConnectionStrings__Marten when set; otherwise starts (or reuses) a local PostgreSQL in .local/
# (scripts/postgres.sh), installing Debian's postgresql package first when it is missing and you are root.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download (or your distribution's dotnet-sdk-10.0)." >&2
  exit 1
fi

url=http://127.0.0.1:5080
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --urls) url=$2; shift 2 ;;
    --urls=*) url=${1#--urls=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ -z "${ConnectionStrings__Marten:-}" ]; then
  echo "Starting the local PostgreSQL (scripts/postgres.sh start)..."
  ConnectionStrings__Marten=$(scripts/postgres.sh start | tail -n 1)
  export ConnectionStrings__Marten
  stop_db="The local PostgreSQL keeps running for next time; stop it with: scripts/postgres.sh stop"
else
  stop_db="Database: from ConnectionStrings__Marten."
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

RelationsTracker is starting on $url
  open   $url/api/relations
  try    curl '$url/api/relations/TUR/LBY-EAST?asOf=2025-08-31'
  $key_line
  stop   Ctrl+C
  $stop_db

EOF
exec dotnet run --project src/RelationsTracker.Api -c Release -- --urls "$url" ${args[@]+"${args[@]}"}

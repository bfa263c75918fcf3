#!/usr/bin/env bash
# The benchmark of docs/performance.md: ./bench.sh [--sizes 1000,10000,100000] [--seconds 10] [--new-nodes 3] ...
#   (--new-nodes: how many new nodes each answer one first read of the relation, as of a date and a series)
#   ./bench.sh --load [seconds]     only the mixed load
#   ./bench.sh --two-nodes         only two nodes on one database: cross-node writes, a SIGKILL, a SIGTERM
#   ./bench.sh --many [relations]   only many relations (default 10,000) of --each developments (default 100): the list, memory
#     [--as-imported]               loaded under the import's event type names, which the notifications skip
#     [--large developments]        and one relation of that many loaded before them (changed first): its first read
#                                   on each new node against the warm node's
#   ./bench.sh --import [rows]      only the import against Marten's batched append and a raw INSERT (default 1,000,000 rows)
#     [--warm-up rows]              rows imported first, not timed (default 100)
# Uses ConnectionStrings__Marten when set, else the local PostgreSQL of scripts/postgres.sh (database
# relations_tracker_bench, emptied first so runs compare).
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${ConnectionStrings__Marten:-}" ]; then
  base=$(scripts/postgres.sh start | tail -n 1)
  port=$(echo "$base" | sed -E 's/.*Port=([0-9]+).*/\1/')
  bin=$(scripts/postgres.sh ensure-binaries | tail -n 1)
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "drop database if exists relations_tracker_bench with (force)" \
    -c "create database relations_tracker_bench" >/dev/null
  export ConnectionStrings__Marten="Host=127.0.0.1;Port=$port;Database=relations_tracker_bench;Username=postgres;Maximum Pool Size=200"
fi

dotnet build src/RelationsTracker.Api -c Release -v quiet -nologo >/dev/null
# Steady state, as a service is after its first minutes: the API and the client start with fully optimized code.
# With tiered compilation the first phases of a run would measure tier-0 code still being counted and recompiled
# (at 1,000 developments POST p50 was twice what it was at 10,000 in the same run); docs/performance.md.
# DOTNET_TieredCompilation=1 ./bench.sh ... runs both with tiering on instead (performance.md compares the two).
export DOTNET_TieredCompilation=${DOTNET_TieredCompilation:-0}
exec dotnet run -c Release --project src/RelationsTracker.Bench -- --api src/RelationsTracker.Api/bin/Release/net10.0/RelationsTracker.Api.dll "$@"

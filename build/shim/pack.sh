#!/usr/bin/env bash
# Regenerates build/shim-feed/patched.distributedlock.postgres.1.3.3.nupkg from the csproj beside this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet pack "$here/Patched.DistributedLock.Postgres.csproj" -c Release -o "$here/../shim-feed" \
  --source https://api.nuget.org/v3/index.json -p:ContinuousIntegrationBuild=true

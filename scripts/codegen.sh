#!/usr/bin/env bash
# Writes the endpoints' and handlers' generated code (src/RelationsTracker.Api/Internal/Generated) anew; outside
# Development the service runs this code and compiles none at run time (docs/operations.md, "Generated code").
# Run it after changing an endpoint, a handler or their middleware, and commit the folder: GeneratedCodeTests
# fails while it is stale. The old code is deleted first, so that code which no longer compiles is no obstacle.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/RelationsTracker.Api/Internal/Generated
dotnet build src/RelationsTracker.Api -c Release -nologo -v quiet
# Development compiles at run time, so the service starts without the folder; `codegen write` connects to nothing.
(cd src/RelationsTracker.Api && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Marten="Host=127.0.0.1;Database=codegen" \
  dotnet bin/Release/net10.0/RelationsTracker.Api.dll codegen write | grep -c "Wrote generated code" | sed 's/$/ files written/')
dotnet build src/RelationsTracker.Api -c Release -nologo -v quiet
git status --short -- src/RelationsTracker.Api/Internal/Generated

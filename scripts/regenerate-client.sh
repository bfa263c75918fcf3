#!/usr/bin/env bash
# Regenerates the typed client (src/RelationsTracker.Client/TrackerClient.g.cs) and its document
# (src/RelationsTracker.Client/openapi.json) from the API's /openapi/v1.json, as served by the test host on its
# own throwaway PostgreSQL (the same as ./test.sh provisions). Commit both files. See docs/api.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REGENERATE_CLIENT=1 ./test.sh --filter "FullyQualifiedName~OpenApiClientTests.The_committed_client_is_generated_from_the_current_document" "$@"
git status --short -- src/RelationsTracker.Client

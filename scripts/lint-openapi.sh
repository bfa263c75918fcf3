#!/usr/bin/env bash
# Lints the committed OpenAPI document (src/RelationsTracker.Client/openapi.json, what the API serves at
# /openapi/v1.json; OpenApiClientTests holds the two equal) with Redocly's recommended rules. Needs Node.js (npx).
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx -y @redocly/cli@2 lint src/RelationsTracker.Client/openapi.json "$@"

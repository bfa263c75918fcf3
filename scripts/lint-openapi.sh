#!/usr/bin/env bash
# A second validator, independent of the .NET one the tests use (docs/api.md): swagger-parser checks the committed
# document (src/RelationsTracker.Client/openapi.json, what the API serves) against the OpenAPI 3.0 schema and its
# rules. Needs node and npm (the registry), so it is not part of ./test.sh.
#   scripts/lint-openapi.sh [document.json]
set -euo pipefail
cd "$(dirname "$0")/.."
document=$(realpath "${1:-src/RelationsTracker.Client/openapi.json}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund @apidevtools/swagger-parser@12 >/dev/null)
NODE_PATH="$work/node_modules" node -e '
require("@apidevtools/swagger-parser").validate(process.argv[1])
  .then(api => console.log(`valid: OpenAPI ${api.openapi}, ${Object.keys(api.paths).length} paths`))
  .catch(e => { console.error(`invalid: ${e.message}`); process.exit(1); });' "$document"

#!/usr/bin/env bash
# npm test: type check, unit tests, a real build, then the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -d node_modules ]] || npm ci
bash scripts/ensure-browsers.sh --firefox
npx tsc --noEmit
npx vitest run --project unit
npx tsx scripts/build.ts
npx vitest run --project e2e

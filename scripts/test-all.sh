#!/usr/bin/env bash
# `npm test`: every check CI runs, in order — lint (with the layer import rules), formatting, dead code, types, unit tests (incl. real kubectl against the sim),
# a production build, and the end-to-end tests in a real browser. Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
fail=0
step() { echo; echo "== $* =="; }

step "browser" && bash scripts/ensure-browser.sh || exit 1
step "lint" && npm run -s lint || fail=1
step "format" && npx prettier --check --log-level warn . || fail=1
step "dead code" && npx knip && npx knip --production || fail=1
step "typecheck" && npm run -s typecheck || fail=1
step "unit tests" && npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || fail=1
step "build" && npx next build || { echo "build failed: skipping e2e"; fail=1; }
if [ -f .next/BUILD_ID ]; then
  step "end-to-end tests" && npx playwright test || fail=1
fi
node scripts/test-summary.mjs reports/vitest.json reports/playwright.json || fail=1
exit $fail

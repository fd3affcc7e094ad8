#!/usr/bin/env bash
# Makes sure a Chromium exists for the e2e tests: Debian's package when we can install it (root + apt),
# otherwise Playwright's own download.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "[test] installing Debian's chromium…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "[test] installing Playwright's chromium…"
  npx playwright install chromium
fi

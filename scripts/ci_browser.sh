#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/test_web_browser.py) if it is missing.
# Safe to run twice; needs root (CI runs as root). The tests skip cleanly without it.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "chromium: $(/usr/bin/chromium --version)"

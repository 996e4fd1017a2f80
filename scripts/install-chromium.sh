#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the report screenshot test
# (ReportScreenshotTest, tagged "browser"; it is skipped when Chromium is absent).
# Idempotent: does nothing when /usr/bin/chromium is already there. Needs root or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "install-chromium.sh: needs root (or sudo) to run apt-get" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium
/usr/bin/chromium --version

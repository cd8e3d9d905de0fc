#!/usr/bin/env bash
# Installs Debian's ripgrep: `npm run bench` compares the scan with `rg` on the same files and tokens.
# Idempotent: does nothing when rg is already on the PATH.
set -euo pipefail

if command -v rg >/dev/null 2>&1; then
  echo "ripgrep already installed: $(rg --version | head -n 1)"
  exit 0
fi

echo "ripgrep setup: apt-get install ripgrep"
if command -v flock >/dev/null 2>&1; then
  flock /tmp/apt.lock sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null'
else
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null
fi
rg --version | head -n 1

#!/usr/bin/env bash
# Installs unleash-server 7.5.1 (the newest line that runs on Node 20) for the real-Unleash source tests
# (analyzer/test/sources/unleash.test.ts) into <repo>/.tools/unleash-server, outside the workspaces, so a plain
# `npm install` of the repo does not pull its ~340 packages. Idempotent: a finished install leaves a marker file.
set -euo pipefail

VERSION=7.5.1
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$REPO/.tools/unleash-server"
MARKER="$TOOLS/.installed-$VERSION"

if [ -f "$MARKER" ] && [ -f "$TOOLS/node_modules/unleash-server/package.json" ]; then
  echo "unleash-server $VERSION already installed in $TOOLS"
  exit 0
fi

echo "unleash-server setup: installing unleash-server@$VERSION into $TOOLS"
mkdir -p "$TOOLS"
cd "$TOOLS"
# A private package.json keeps this install out of the repo's workspaces.
[ -f package.json ] || echo '{ "name": "flagsweep-tools-unleash-server", "private": true }' > package.json
npm install --no-audit --no-fund --loglevel=error --prefer-offline "unleash-server@$VERSION"
test -f node_modules/unleash-server/package.json
touch "$MARKER"
echo "unleash-server $VERSION installed in $TOOLS"

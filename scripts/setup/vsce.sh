#!/usr/bin/env bash
# Installs @vscode/vsce 3.9.x (the line for Node 20), which packages the VS Code extension for its end-to-end
# test, into <repo>/.tools/vsce, outside the workspaces: ~200 packages a plain `npm install` does not need.
# Idempotent: a finished install leaves a marker file.
set -euo pipefail

RANGE="~3.9.0"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$REPO/.tools/vsce"
MARKER="$TOOLS/.installed-3.9"

if [ -f "$MARKER" ] && [ -x "$TOOLS/node_modules/.bin/vsce" ]; then
  echo "vsce already installed in $TOOLS"
  exit 0
fi

echo "vsce setup: installing @vscode/vsce@$RANGE into $TOOLS"
mkdir -p "$TOOLS"
cd "$TOOLS"
[ -f package.json ] || echo '{ "name": "flagsweep-tools-vsce", "private": true }' > package.json
npm install --no-audit --no-fund --loglevel=error --prefer-offline "@vscode/vsce@$RANGE"
"$TOOLS/node_modules/.bin/vsce" --version >/dev/null
touch "$MARKER"
echo "vsce installed in $TOOLS"

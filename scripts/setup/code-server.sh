#!/usr/bin/env bash
# Installs what the VS Code extension's end-to-end suite needs: code-server 4.100.3 (VS Code 1.100.3 in a
# browser) cached in <repo>/.tools/code-server, plus Debian's chromium, ripgrep and libkrb5-dev.
# Idempotent: a finished install leaves a marker file and later runs return at once.
# The stock code-server postinstall needs the network beyond the npm registry, so it follows the
# offline recipe in /work/shared/notes/environment.md step by step.
set -euo pipefail

VERSION=4.100.3
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$REPO/.tools/code-server"
MARKER="$TOOLS/.installed-$VERSION"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "code-server setup: apt-get install ${need_apt[*]}"
  flock /tmp/apt.lock sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${need_apt[*]} >/dev/null"
fi

if [ -f "$MARKER" ] && [ -x "$TOOLS/node_modules/.bin/code-server" ]; then
  echo "code-server $VERSION already installed in $TOOLS"
  exit 0
fi

echo "code-server setup: installing code-server@$VERSION into $TOOLS (about 75 s with a warm npm cache)"
mkdir -p "$TOOLS"
cd "$TOOLS"
# A private package.json keeps this install out of the repo's workspaces.
[ -f package.json ] || echo '{ "name": "flagsweep-tools-code-server", "private": true }' > package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$VERSION"
npm rebuild argon2 --loglevel=error

VSCODE="$TOOLS/node_modules/code-server/lib/vscode"
cd "$VSCODE"
npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild --loglevel=error
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --loglevel=error --omit=dev)

"$TOOLS/node_modules/.bin/code-server" --version >/dev/null
touch "$MARKER"
echo "code-server $VERSION installed in $TOOLS"

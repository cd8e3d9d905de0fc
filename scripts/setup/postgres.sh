#!/bin/sh
# PostgreSQL for the Unleash source tests (analyzer/test/sources/unleash.test.ts starts its own
# throw-away cluster from these binaries). Idempotent: does nothing when the binaries are there.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgres.sh: PostgreSQL binaries present, nothing to do"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "postgres.sh: installing PostgreSQL from Debian"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends postgresql
ls /usr/lib/postgresql/*/bin/initdb >/dev/null

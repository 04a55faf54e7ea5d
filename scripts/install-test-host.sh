#!/usr/bin/env bash
# Installs the extension test host into .test-host/ (git-ignored): code-server 4.100.3 (VS Code 1.100.3's server
# and web client, the last release that runs on Node 20) and playwright-core, driven against Debian's chromium.
# Desktop VS Code cannot be downloaded here, so the extension-host suite runs in code-server's Node extension host.
# Idempotent: returns at once when everything is in place. Needs root for apt (CI and the dev machines run as root).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOST="$ROOT/.test-host"
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.64.1

installed() {
  [ -x /usr/bin/chromium ] && command -v rg >/dev/null &&
  [ -f "$HOST/node_modules/code-server/package.json" ] &&
  [ -f "$HOST/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] &&
  [ -f "$HOST/node_modules/playwright-core/package.json" ] &&
  grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$HOST/node_modules/code-server/package.json"
}
if installed; then echo "test host ready in $HOST"; exit 0; fi

export DEBIAN_FRONTEND=noninteractive
# libkrb5-dev: the `kerberos` native module's prebuilt download fails offline, so node-gyp builds it from source.
# ripgrep: @vscode/ripgrep's postinstall downloads rg from GitHub; its download cache is seeded with Debian's rg.
PKGS="libkrb5-dev ripgrep chromium g++ make python3"
missing=$(for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

mkdir -p "$HOST"
cat > "$HOST/package.json" <<JSON
{ "name": "groundwork-test-host", "private": true, "description": "VS Code host for Groundwork's extension tests",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION", "playwright-core": "$PLAYWRIGHT_VERSION" } }
JSON
cd "$HOST"
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs `npx node-gyp`.
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error
installed || { echo "test host install incomplete in $HOST" >&2; exit 1; }
echo "test host installed in $HOST"

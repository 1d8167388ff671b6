#!/usr/bin/env bash
# Installs what newsmark's build and tests need and skips what is present (idempotent).
# Cold on a fresh machine: 3-6 min (compiling wasm-bindgen-cli dominates); warm: ~1 s.
# Sourced by serve.sh and test.sh so that PATH changes carry over.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[setup] %s\n' "$*"; }

# 1. The wasm target (a no-op when present).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI at exactly the crate's version from Cargo.lock (they must match).
WBG="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
[ -n "$WBG" ] || { echo "setup: wasm-bindgen is not in Cargo.lock" >&2; exit 1; }
HAVE="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$HAVE" != "$WBG" ]; then
  log "installing wasm-bindgen-cli $WBG (found: ${HAVE:-none}); this compiles for 2-5 minutes"
  # --locked first; this registry mirror lacks one pinned dependency, so fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "$WBG" --locked --force 2>/dev/null \
    || cargo install wasm-bindgen-cli --version "$WBG" --force
fi

# 3. Debian's Chromium for the browser tests (never a downloaded browser build).
if ! command -v chromium >/dev/null; then
  log "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi

# 4. A C++ compiler: libfuzzer-sys compiles libFuzzer when test.sh builds the fuzz target.
if ! command -v c++ >/dev/null; then
  log "installing Debian's g++ (for the fuzz target's libFuzzer)"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq g++ >/dev/null
fi

# 5. playwright-core for the browser tests (it drives /usr/bin/chromium; downloads no browser).
# Re-run when the lock file changed since the last install (npm writes node_modules/.package-lock.json).
E2E="$ROOT/tests/e2e"
if [ -f "$E2E/package-lock.json" ] && { [ ! -f "$E2E/node_modules/.package-lock.json" ] \
    || [ "$E2E/package-lock.json" -nt "$E2E/node_modules/.package-lock.json" ]; }; then
  log "npm ci in tests/e2e"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi

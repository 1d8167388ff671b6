#!/usr/bin/env bash
# Benchmark: newsmark (wasm, nodejs build) against compromise(+dates), chrono-node and wink-nlp in
# one node process over the same corpus, then newsmark's throughput at 10 KB, 1 MB and 10 MB.
# Installs bench/ deps (npm ci) and builds the wasm and the release CLI when missing or older than
# the sources. Arguments go to bench/run.mjs (e.g. --mb 2 --budget 30 --no-scale).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[bench] %s\n' "$*"; }

if [ ! -d bench/node_modules/compromise ]; then
  log "npm ci in bench/ (pinned by bench/package-lock.json)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi

# Rebuild when an output is missing or any source/data file is newer than it.
stale() { [ ! -f "$1" ] || [ -n "$(find src data Cargo.toml Cargo.lock -newer "$1" -print -quit 2>/dev/null)" ]; }
if stale pkg-node/newsmark_bg.wasm || stale www/pkg/newsmark_bg.wasm; then
  if ! command -v wasm-bindgen >/dev/null; then
    log "wasm-bindgen is missing: run scripts/setup.sh first"; exit 2
  fi
  log "building the wasm (scripts/build-web.sh)"
  bash scripts/build-web.sh
fi
if stale target/release/newsmark; then
  log "building the release CLI (for the native scale column)"
  cargo build --locked --release --bin newsmark
fi
node bench/run.mjs "$@"
# The native CLI on every core against one (--jsonl --jobs).
bash scripts/bench-jobs.sh

#!/usr/bin/env bash
# Builds the release wasm and its JS bindings: www/pkg (for the page) and pkg-node (for node and the benchmark).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --locked --release --lib --target wasm32-unknown-unknown
WASM=target/wasm32-unknown-unknown/release/newsmark.wasm
wasm-bindgen --target web --remove-name-section --out-dir www/pkg "$WASM"
wasm-bindgen --target nodejs --remove-name-section --out-dir pkg-node "$WASM"
printf '[build] www/pkg/newsmark_bg.wasm: %s bytes, %s gzipped\n' \
  "$(wc -c < www/pkg/newsmark_bg.wasm)" "$(gzip -9 -c www/pkg/newsmark_bg.wasm | wc -c)"

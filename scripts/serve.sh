#!/usr/bin/env bash
# Command 1: set up what is missing, build the wasm, and serve the page on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build-web.sh"
PORT="${PORT:-8080}"
echo "[serve] newsmark at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/www"

#!/usr/bin/env bash
# Builds the Python package (python/: PyO3 + maturin, one abi3 wheel for CPython >= 3.9) and
# installs it, with what its tests need, into a virtual environment at target/python (not the
# system's Python). Cold, measured on the 2-core machine while other builds ran (load 8-10): 26 s for
# the tools, 4 min 37 s for the wheel (pyo3 and the crate in release mode); warm: seconds.
# Prints the wheel's path. Run by scripts/test.sh; use target/python/bin/python afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
VENV=target/python
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
# Pinned, so a test run today and next month install the same tools (python/requirements-dev.txt).
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-dev.txt
# A target folder of its own: the wheel's release profile differs from the CLI's (no LTO), and
# sharing one folder would make the two builds wait on each other's lock.
CARGO_TARGET_DIR=target/python-build "$VENV/bin/maturin" build --locked --release --quiet \
  -m python/Cargo.toml -o target/wheels
WHEEL="$(ls -t target/wheels/newsmark-*.whl | head -1)"
"$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"
echo "[python] $WHEEL"

#!/usr/bin/env bash
# Command 2: every test. fmt, clippy, the Rust tests, the docs, the fuzz target, the wasm build, the
# browser end-to-end tests, the Python package (wheel, its tests and the Dask recipe on a local cluster).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh
step() { printf '\n== %s\n' "$*"; }
step "cargo fmt --check";             cargo fmt --all -- --check
step "cargo clippy -D warnings";      cargo clippy --locked --all-targets -- -D warnings
step "cargo clippy (wasm32)";         cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings
step "cargo test";                    cargo test --locked
step "cargo doc -D warnings";         RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked
# The fuzz target, built with the stable toolchain (a plain cargo build links libFuzzer without
# coverage instrumentation, so no nightly or cargo-fuzz is needed), then run once over the seeds:
# it still checks every invariant on each of them. Fuzzing itself: fuzz/README.md.
step "fuzz target (build, replay seeds)"; cargo build --locked --manifest-path fuzz/Cargo.toml \
                                      && fuzz/target/debug/annotate -runs=0 fuzz/seeds
step "wasm build";                    bash scripts/build-web.sh
step "wasm JS API tests (node)";    node --test --test-reporter=spec tests/node/
step "browser end-to-end tests";      (cd tests/e2e && node --test --test-reporter=spec)
step "python package (wheel)";        cargo fmt --manifest-path python/Cargo.toml -- --check && bash scripts/build-python.sh
step "python tests (incl. Dask, 2 workers)"; target/python/bin/python -m unittest discover -s python/tests -v

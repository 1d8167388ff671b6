#!/usr/bin/env bash
# Quality: runs the newsmark CLI over the gold dev files in ../shared/data and prints the scorer's tables.
# Usage: scripts/eval.sh [conll|bbc|bbc-quotes|uner|tempeval|polnear|polnear-wrapped|reported ...] [-- extra score.py args, e.g. --errors 20]
# With no set named, runs every set: conll, bbc, bbc-quotes, uner, tempeval, polnear, polnear-wrapped and reported.
# Skips cleanly (exit 0) when ../shared is absent, as it is in a user's clone.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NEWSMARK_SHARED:-$ROOT/../shared}"
if [ ! -f "$SHARED/eval/score.py" ]; then
  echo "[eval] $SHARED/eval/score.py not found: the gold data is not on this machine; nothing to score."
  exit 0
fi
which=(); extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
  which+=("$1"); shift
done
[ ${#which[@]} -gt 0 ] || which=(conll bbc bbc-quotes uner tempeval polnear polnear-wrapped reported)
cd "$ROOT"
cargo build --locked --release --bin newsmark 2>&1 | grep -v '^\s*\(Compiling\|Finished\)' || true
OUT="$ROOT/target/eval"; mkdir -p "$OUT"
echo "[eval] commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
for w in "${which[@]}"; do
  case "$w" in
    conll) gold="$SHARED/data/conll2003-testa.jsonl"; args=() ;;
    # BBC News 2004-05, hand-annotated: entities (all four CoNLL labels), then the quote segments.
    bbc) gold="$SHARED/data/bbc-gold-dev.jsonl"; args=() ;;
    bbc-quotes) gold="$SHARED/data/bbc-gold-dev.jsonl"; args=(--quote-segments) ;;
    # Universal NER English-PUD: 2016-17 news and Wikipedia sentences, gold has no MISC.
    uner) gold="$SHARED/data/uner-en-pud.jsonl"; args=(--labels PER,ORG,LOC) ;;
    tempeval) gold="$SHARED/data/tempeval3-tbaq.jsonl"; args=() ;;
    polnear) gold="$SHARED/data/polnear-dev.jsonl"; args=(--quote-segments) ;;
    # Reported (indirect) speech with a verb of saying: read the relaxed F1 and the speaker accuracy.
    reported) gold="$SHARED/data/polnear-dev.jsonl"; args=(--reported) ;;
    # The same articles hard-wrapped at 72 columns (as pasted from an e-mail or a PDF), offsets unchanged.
    polnear-wrapped)
      [ -f "$SHARED/data/polnear-dev.jsonl" ] || { echo "[eval] polnear-dev.jsonl missing; skipped"; continue; }
      gold="$OUT/polnear-wrapped.gold.jsonl"; args=(--quote-segments)
      python3 "$ROOT/tools/hard_wrap.py" "$SHARED/data/polnear-dev.jsonl" > "$gold" ;;
    *) echo "[eval] unknown set $w (use conll, bbc, bbc-quotes, uner, tempeval, polnear, polnear-wrapped, reported)" >&2; exit 2 ;;
  esac
  [ -f "$gold" ] || { echo "[eval] $gold missing; skipped"; continue; }
  pred="$OUT/$w.pred.jsonl"
  start=$(date +%s.%N)
  "$ROOT/target/release/newsmark" annotate --jsonl "$gold" > "$pred"
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  printf '\n===== %s (%s, annotated in %.2f s)\n' "$w" "$(basename "$gold")" "$secs"
  python3 "$SHARED/eval/score.py" "$gold" "$pred" "${args[@]}" "${extra[@]}"
done

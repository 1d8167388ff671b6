#!/usr/bin/env bash
# Throughput of `newsmark annotate --jsonl` with --jobs 1 and --jobs N (default: every core) over
# the same JSONL: ../shared/data/bbc-news.jsonl.gz when present, else docs/example-article.txt
# repeated as 2,000 lines. Runs alternate (1, N, 1, N, ...) so a busy machine slows both alike;
# the best of 3 counts. Prints MB/s, the speed-up, and the peak memory of each when GNU time is there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLI=target/release/newsmark
N="${1:-$(nproc)}"
SHARED="${SHARED:-../shared}"   # the data folder beside the repo (set SHARED when it is elsewhere)
[ -x "$CLI" ] || cargo build --locked --release --bin newsmark
IN="$(mktemp)"; trap 'rm -f "$IN"' EXIT
if [ -f "$SHARED/data/bbc-news.jsonl.gz" ]; then
  zcat "$SHARED/data/bbc-news.jsonl.gz" > "$IN"; what="BBC News (2,225 articles)"
else
  python3 -c 'import json,sys; t=open("docs/example-article.txt").read(); [print(json.dumps({"id":str(i),"text":t})) for i in range(2000)]' > "$IN"
  what="docs/example-article.txt x 2000 (no ../shared corpus)"
fi
bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$IN")
time_one() { # jobs -> seconds
  local s e; s=$(date +%s.%N); "$CLI" annotate --jsonl "$IN" --jobs "$1" > /dev/null; e=$(date +%s.%N)
  python3 -c "print($e - $s)"
}
best1=999999; bestn=999999
for _ in 1 2 3; do
  t=$(time_one 1); best1=$(python3 -c "print(min($best1, $t))")
  t=$(time_one "$N"); bestn=$(python3 -c "print(min($bestn, $t))")
done
rss() { if [ -x /usr/bin/time ]; then /usr/bin/time -f %M "$CLI" annotate --jsonl "$IN" --jobs "$1" 2>&1 >/dev/null | tail -1; else echo "?"; fi; }
printf 'corpus: %s, %.1f MB of text, %s cores, load %s\n' "$what" "$(python3 -c "print($bytes/1e6)")" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
python3 - "$bytes" "$best1" "$bestn" "$N" "$(rss 1)" "$(rss "$N")" <<'PY'
import sys
b, t1, tn, n, m1, mn = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
print(f"| --jobs | MB/s | seconds | peak memory KB |")
print(f"|---|---|---|---|")
print(f"| 1 | {b/1e6/t1:.2f} | {t1:.2f} | {m1} |")
print(f"| {n} | {b/1e6/tn:.2f} | {tn:.2f} | {mn} |")
print(f"speed-up with {n} jobs: {t1/tn:.2f}x")
PY

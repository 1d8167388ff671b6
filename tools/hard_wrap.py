#!/usr/bin/env python3
"""Hard-wraps the articles of a gold JSONL file at 72 columns, the way an e-mail client or a PDF
copy does, without moving a single offset: the space at each wrap point becomes a line break.
Only articles whose paragraphs are already separated by blank lines are wrapped (in wrapped text a
blank line is what tells paragraphs apart); the others are copied unchanged.

Usage: tools/hard_wrap.py GOLD.jsonl > WRAPPED.jsonl   (used by `scripts/eval.sh polnear-wrapped`)
"""
import json
import sys

WIDTH = 72


def wrap(text):
    chars = list(text)
    col, last_space = 0, None
    for i, c in enumerate(chars):
        if c == "\n":
            col, last_space = 0, None
            continue
        col += 1
        if c == " ":
            last_space = i
        if col > WIDTH and last_space is not None:
            chars[last_space] = "\n"
            col, last_space = i - last_space, None
    return "".join(chars)


def main():
    wrapped = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            paras = doc["text"].split("\n")
            if not any(a.strip() and b.strip() for a, b in zip(paras, paras[1:])):
                doc["text"] = wrap(doc["text"])
                wrapped += 1
            print(json.dumps(doc, ensure_ascii=False))
    print(f"[hard_wrap] {wrapped} articles wrapped at {WIDTH} columns", file=sys.stderr)


if __name__ == "__main__":
    main()

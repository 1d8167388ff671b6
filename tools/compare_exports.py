#!/usr/bin/env python3
"""Compares two newsmark JSONL exports line by line, optionally ignoring some annotation fields.

Used to prove a refactor changes nothing: `compare_exports.py BEFORE.jsonl AFTER.jsonl --ignore rule`
prints how many documents differ (and the first differences) and exits 1 if any does.
"""
import argparse
import json
import sys


def strip(doc, ignore):
    for a in doc.get("annotations", []):
        for k in ignore:
            a.pop(k, None)
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--ignore", default="", help="comma-separated annotation fields to drop before comparing")
    ap.add_argument("--show", type=int, default=3, help="how many differing documents to print")
    args = ap.parse_args()
    ignore = [k for k in args.ignore.split(",") if k]
    with open(args.before, encoding="utf-8") as f:
        before = f.read().splitlines()
    with open(args.after, encoding="utf-8") as f:
        after = f.read().splitlines()
    if len(before) != len(after):
        print(f"{args.after}: {len(after)} lines, {args.before}: {len(before)}")
        return 1
    differ = 0
    for n, (b, a) in enumerate(zip(before, after), 1):
        if b == a:
            continue
        db, da = strip(json.loads(b), ignore), strip(json.loads(a), ignore)
        if db == da:
            continue
        differ += 1
        if differ <= args.show:
            ab, aa = db.get("annotations", []), da.get("annotations", [])
            gone = [x for x in ab if x not in aa][:3]
            new = [x for x in aa if x not in ab][:3]
            print(f"line {n} ({db.get('id')}): before only {json.dumps(gone, ensure_ascii=False)[:600]}")
            print(f"    after only {json.dumps(new, ensure_ascii=False)[:600]}")
    print(f"{args.after}: {differ} of {len(before)} documents differ" + (f" (ignoring {', '.join(ignore)})" if ignore else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

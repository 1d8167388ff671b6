"""newsmark as the map step of a Dask bag over JSONL files (docs/python.md).

    python dask_bag.py 'articles-*.jsonl' out/ [--workers 2]

Each input line is a CLI JSONL document ({"id"?, "text", "dct"?}); each output line is its
newsmark/1 export, one part file per input partition (out/0.part, ...), in input order. Dask reads
the files, splits them into partitions and schedules them over the workers; newsmark annotates
one partition at a time inside a task. Nothing here distributes work by hand.
"""

import argparse
import json

import newsmark


def annotate_partition(lines, jobs=1):
    """The map step: JSONL lines in, newsmark/1 exports (dicts) out, in order.

    ``jobs=1`` because Dask already runs one task per worker thread; raise it only when a worker
    has spare cores and few tasks. Blank lines are skipped, as the CLI skips them.
    """
    docs = (json.loads(line) for line in lines if line.strip())
    return list(newsmark.annotate_many(docs, jobs=jobs))


def annotate_bag(paths, blocksize="16MiB"):
    """A Dask bag of exports for the JSONL files matching ``paths`` (lazy until computed)."""
    import dask.bag as db

    return db.read_text(paths, blocksize=blocksize).map_partitions(annotate_partition)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", help="JSONL files, a glob or a list (anything dask.bag.read_text takes)")
    parser.add_argument("out", help="folder for the exports (one JSONL part file per partition)")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (ignored with --scheduler)")
    parser.add_argument("--scheduler", help="address of a running dask.distributed scheduler")
    args = parser.parse_args()

    from dask.distributed import Client, LocalCluster

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1)
    with Client(args.scheduler or cluster):
        annotate_bag(args.paths).map(json.dumps).to_textfiles(f"{args.out}/*.part")
    if cluster is not None:
        cluster.close()


if __name__ == "__main__":
    main()

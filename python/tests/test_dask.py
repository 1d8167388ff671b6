"""The Dask recipe (python/examples/dask_bag.py) on a local cluster of 2 worker processes over a
few hundred articles: the BBC corpus in ../shared when present, else the texts the repository
ships, repeated. The exports must equal the CLI's for the same JSONL."""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

from dask.distributed import Client, LocalCluster

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "examples"))
import dask_bag  # noqa: E402  (the example under test)
from test_newsmark import ROOT, cli_binary, shipped_texts  # noqa: E402

ARTICLES = 300


def articles():
    """A few hundred JSONL lines: BBC News when the shared data is there, else shipped texts."""
    shared = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))  # as scripts/bench-jobs.sh
    bbc = os.path.join(shared, "data", "bbc-news.jsonl.gz")
    if os.path.exists(bbc):
        with gzip.open(bbc, "rt", encoding="utf-8") as f:
            return [line for _, line in zip(range(ARTICLES), f)]
    texts = shipped_texts()
    return [json.dumps({"id": f"doc-{i}", "text": texts[i % len(texts)]}) + "\n" for i in range(ARTICLES)]


class DaskRecipe(unittest.TestCase):
    def test_a_bag_over_jsonl_files_on_two_workers_equals_the_cli(self):
        lines = articles()
        with tempfile.TemporaryDirectory() as tmp:
            # Three files, so the bag has several partitions to spread over the workers.
            paths = []
            for k in range(3):
                path = os.path.join(tmp, f"articles-{k}.jsonl")
                with open(path, "w", encoding="utf-8") as f:
                    f.writelines(lines[k::3])
                paths.append(path)
            expected = []
            for path in paths:
                out = subprocess.run([cli_binary(), "annotate", "--jsonl", path], capture_output=True, check=True)
                expected += [json.loads(l) for l in out.stdout.decode().splitlines()]
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                with Client(cluster) as client:
                    self.assertEqual(len(client.scheduler_info()["workers"]), 2)
                    got = dask_bag.annotate_bag(os.path.join(tmp, "articles-*.jsonl"), blocksize="64KiB").compute()
        self.assertEqual(len(got), len(lines))
        self.assertEqual(got, expected)


if __name__ == "__main__":
    unittest.main()

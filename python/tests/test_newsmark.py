"""The Python package against the CLI: the same bytes for the texts the repository ships, and the
batch call in input order. Run by scripts/test.sh (python -m unittest discover python/tests)."""

import glob
import json
import os
import subprocess
import unittest

import newsmark

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def cli_binary():
    """The most recently built CLI (a stale one from an older commit would differ for honest reasons)."""
    found = [p for p in (os.path.join(ROOT, "target", k, "newsmark") for k in ("release", "debug")) if os.path.exists(p)]
    if not found:
        raise unittest.SkipTest("no CLI binary built (cargo build)")
    return max(found, key=os.path.getmtime)


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def shipped_texts():
    """Every article text in the repository: the docs example, the page's sample, the test cases."""
    texts = [read(p) for p in ("docs/example-article.txt", "www/sample-article.txt")]
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "*.json"))):
        for case in json.loads(read(path)):
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                texts.append(case["text"])
    texts.append("“We will not back down.\r\n\r\n“The vote 👨🏻‍🚒 goes ahead,” said Zoe\u0301 Adams.")
    return texts


def cli(args, stdin):
    return subprocess.run([cli_binary(), "annotate", *args], input=stdin, capture_output=True, check=True).stdout


class SameAsTheCli(unittest.TestCase):
    def test_annotate_json_is_the_clis_bytes_for_every_shipped_text(self):
        texts = shipped_texts()
        self.assertGreater(len(texts), 20)
        # One CLI run over all of them (a JSONL batch) keeps the test fast.
        lines = "".join(json.dumps({"text": t}) + "\n" for t in texts).encode()
        expected = cli(["--jsonl", "--date", "2018-02-21", "--jobs", "1"], lines).decode().splitlines()
        self.assertEqual(len(expected), len(texts))
        for text, line in zip(texts, expected):
            self.assertEqual(newsmark.annotate_json(text, document_date="2018-02-21"), line)
            self.assertEqual(newsmark.annotate(text, "2018-02-21"), json.loads(line))

    def test_annotate_json_is_the_clis_bytes_for_the_gold_files_texts(self):
        # The gold files live beside the repository (../shared, or SHARED=...), not in it: a clone
        # without them runs the shipped texts above and reports this one as skipped.
        shared = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
        # News, TimeBank and short UD sentences: every kind of text, in well under a minute.
        names = ("bbc-gold-dev.jsonl", "tempeval3-tbaq.jsonl", "uner-en-pud.jsonl")
        paths = [p for p in (os.path.join(shared, "data", n) for n in names) if os.path.exists(p)]
        if not paths:
            self.skipTest(f"no gold files in {shared}/data")
        for path in paths:
            with open(path, "rb") as f:
                raw = f.read()
            expected = cli(["--jsonl", "--jobs", "1"], raw).decode().splitlines()
            docs = [json.loads(line) for line in raw.decode().splitlines() if line.strip()]
            self.assertEqual(len(expected), len(docs), path)
            for doc, line in zip(docs, expected):
                got = newsmark.annotate_json(doc["text"], document_date=doc.get("dct"))
                # The CLI's line starts with the copied id; the single-text call has none. An id
                # cannot hold `,"schema":` unescaped, so the first one ends it.
                self.assertEqual(got, "{" + line[line.index(',"schema":') + 1 :], doc.get("id"))

    def test_options_mean_what_the_clis_flags_mean(self):
        text = read("docs/example-article.txt")
        self.assertEqual(newsmark.annotate_json(text) + "\n", cli([], text.encode()).decode())
        got = newsmark.annotate_json(text, layers=["dates", "quotes"])
        self.assertEqual(got + "\n", cli(["--layers", "dates,quotes"], text.encode()).decode())

    def test_offsets_slice_python_strings(self):
        for text in shipped_texts()[-3:]:
            for a in newsmark.annotate(text)["annotations"]:
                self.assertEqual(text[a["start"] : a["end"]], a["text"])


class Many(unittest.TestCase):
    def test_annotate_many_keeps_the_order_and_equals_the_cli_jsonl(self):
        texts = shipped_texts()
        docs = [{"id": f"doc-{i}", "text": t, "dct": "2018-02-21" if i % 2 else None} for i, t in enumerate(texts)]
        lines = "".join(json.dumps({k: v for k, v in d.items() if v is not None}) + "\n" for d in docs).encode()
        expected = [json.loads(l) for l in cli(["--jsonl"], lines).decode().splitlines()]
        for jobs in (1, 2, 3):
            got = list(newsmark.annotate_many(iter(docs), jobs=jobs))
            self.assertEqual(got, expected, f"jobs={jobs}")
        plain = list(newsmark.annotate_many(texts[:5], document_date="2018-02-21"))
        self.assertEqual(plain, [newsmark.annotate(t, "2018-02-21") for t in texts[:5]])

    def test_bad_input_is_a_value_error_that_names_the_document(self):
        with self.assertRaisesRegex(ValueError, "YYYY-MM-DD"):
            newsmark.annotate("text", document_date="21/02/2018")
        with self.assertRaisesRegex(ValueError, "unknown layer"):
            newsmark.annotate("text", layers=["people"])
        with self.assertRaisesRegex(ValueError, "document 1"):
            list(newsmark.annotate_many(["fine", {"text": 5}]))
        with self.assertRaisesRegex(ValueError, "document 2: .*calendar day"):
            list(newsmark.annotate_many(["a", "b", {"text": "c", "dct": "2018-02-30"}], jobs=2))


if __name__ == "__main__":
    unittest.main()

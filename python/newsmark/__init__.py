"""newsmark: quotes and speakers, named entities and dates (TIMEX3 values) in news text.

The Rust core of the newsmark CLI and page, as a Python module. ``annotate`` returns the
``newsmark/1`` export (docs/format.md) as a dict; ``annotate_json`` returns the exact JSON text the
CLI prints (without its newline); ``annotate_many`` annotates an iterable on several threads.
Offsets: ``start``/``end`` count code points, so ``text[start:end]`` is the annotation's text.
"""

import json as _json
import os as _os
from concurrent.futures import ThreadPoolExecutor as _ThreadPoolExecutor
from itertools import islice as _islice

from ._newsmark import __version__, annotate_batch as _annotate_batch, annotate_json

__all__ = ["annotate", "annotate_json", "annotate_many", "__version__"]

# Documents handed to the threads at a time, per thread: enough to keep them busy between two
# visits of the Python iterator, few enough that memory stays bounded whatever the iterable holds.
_PER_JOB = 4


def annotate(text, document_date=None, layers=None):
    """The newsmark/1 export of ``text`` as a dict.

    ``document_date``: "YYYY-MM-DD", the date relative expressions resolve against (detected from
    the text when None). ``layers``: names among "entities", "dates", "quotes" (all when None).
    Raises ValueError for a bad date or layer name, or a text over 32 MB.
    """
    return _json.loads(annotate_json(text, document_date, layers))


def annotate_many(documents, jobs=None, layers=None, document_date=None):
    """Annotates each document of an iterable, on ``jobs`` threads (default: every core), and
    yields the exports (dicts) in input order, holding only a few documents per thread at a time
    (two batches of ``4 * jobs``: one being annotated, one being handed out).

    A document is a text, or a dict like a CLI JSONL line: ``{"id": ..., "text": ..., "dct":
    "YYYY-MM-DD"}`` (``id`` is copied to the export; ``dct`` overrides ``document_date``).
    Raises ValueError, naming the document's position, for a document that cannot be annotated.
    """
    jobs = int(jobs) if jobs is not None else (_os.cpu_count() or 1)
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    docs = iter(documents)
    # The native batch runs with the GIL released on a helper thread while this thread turns the
    # previous batch's JSON into dicts, so the threads do not wait on the parsing.
    with _ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        position = 0
        while True:
            batch = list(_islice(docs, jobs * _PER_JOB))
            running = None
            if batch:
                triples = [_triple(d, document_date, position + k) for k, d in enumerate(batch)]
                running = (position, pool.submit(_annotate_batch, triples, jobs, layers))
                position += len(batch)
            if pending is not None:
                yield from _exports(*pending)
            if running is None:
                return
            pending = running


def _exports(position, future):
    """The dicts of one finished batch, or the error of its first failed document."""
    for k, (ok, out) in enumerate(future.result()):
        if not ok:
            raise ValueError(f"document {position + k}: {out}")
        yield _json.loads(out)


def _triple(doc, document_date, position):
    """(id, text, document date) for the native batch, as the CLI reads a JSONL line."""
    if isinstance(doc, str):
        return (None, doc, document_date)
    if isinstance(doc, dict):
        text = doc.get("text")
        if not isinstance(text, str):
            raise ValueError(f'document {position}: "text" must be a string')
        doc_id = None
        if "id" in doc:
            # As the CLI copies it: a string as it is, anything else as its compact JSON.
            doc_id = doc["id"] if isinstance(doc["id"], str) else _json.dumps(doc["id"], separators=(",", ":"))
        dct = doc.get("dct")
        if dct is not None and not isinstance(dct, str):
            raise ValueError(f'document {position}: "dct" must be a YYYY-MM-DD string')
        return (doc_id, text, dct if dct is not None else document_date)
    raise ValueError(f"document {position}: expected a text or a dict with \"text\", found {type(doc).__name__}")

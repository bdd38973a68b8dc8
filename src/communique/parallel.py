"""`ingest --jobs N`: extraction in N worker processes, every write in the calling process, in input order.

Workers get prepared documents (clean text and metadata) and send back coded ones with their
fingerprints; the caller writes them one transaction each, in the order they were read, so the store
(ids, clusters, near-duplicate links) is the same as with one job. At most `jobs * WINDOW_PER_JOB`
documents are in flight: a huge input is read only as fast as it is coded (back-pressure), and memory
stays bounded by the window, not by the input.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .ingest import Coded, code
from .model import Document
from .pipeline import Pipeline
from .settings import Settings

WINDOW_PER_JOB = 8

_worker_pipeline: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(settings=settings)  # built once per worker: packs, gazetteers, models


def _code_in_worker(origin: str, doc: Document) -> Coded:
    return code_one(_worker_pipeline, origin, doc)


def code_one(pipeline: Pipeline, origin: str, doc: Document) -> Coded:
    """Code one document in a worker and make the result light to send back."""
    coded = code(doc, origin, pipeline)
    if coded.document is not None:
        _drop_working_layers(coded.document)
    return coded


def _drop_working_layers(doc: Document) -> None:
    """The writer reads text, metadata, actors and events; the rest need not travel back."""
    doc.sentences, doc.mentions, doc.dates, doc.quantities, doc.triggers = [], [], [], [], []


def code_in_workers(todo: Iterable[tuple[str, Document]], pipeline: Pipeline, jobs: int) -> Iterator[Coded]:
    """Coded documents in the order of `todo`, coded by `jobs` worker processes."""
    # spawn, not fork: the caller may hold database connections and threads that a fork would copy
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(pipeline.settings,)
    ) as pool:
        window: deque[Future] = deque()
        for origin, doc in todo:
            window.append(pool.submit(_code_in_worker, origin, doc))
            if len(window) >= jobs * WINDOW_PER_JOB:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

"""`ingest --jobs N`: extraction in N worker processes, every write in the calling process, in input order.

Workers get prepared documents (clean text and metadata) and send back coded ones with their
fingerprints; the caller writes them one transaction each, in the order they were read, so the store
(ids, clusters, near-duplicate links) is the same as with one job. At most `jobs * WINDOW_PER_JOB`
documents are in flight: a huge input is read only as fast as it is coded (back-pressure), and memory
stays bounded by the window, not by the input.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: `start_server` must come first, before the store's libraries load
    from .ingest import Coded
    from .model import Document
    from .pipeline import Pipeline
    from .settings import Settings

WINDOW_PER_JOB = 8
# documents in one task: each task's round trip (submission, pickling, the result's wake-ups) cost the single
# writer's process about 0.15 ms of CPU beyond the documents' own pickling
DOCS_PER_TASK = 4


@cache
def _pipeline(settings: Settings) -> Pipeline:
    from .pipeline import Pipeline

    return Pipeline(settings=settings)  # built once per worker process: packs, gazetteers, models


def code_one(settings: Settings, origin: str, doc: Document) -> Coded:
    """Code one document in a worker process (processes and Dask alike) and make the result light to send back."""
    from .ingest import code

    coded = code(doc, origin, _pipeline(settings))
    if coded.document is not None:
        _drop_working_layers(coded.document)
    return coded


def _drop_working_layers(doc: Document) -> None:
    """The writer reads text, metadata, actors and events; the rest need not travel back."""
    doc.sentences, doc.mentions, doc.dates, doc.quantities, doc.triggers = [], [], [], [], []


def code_some(settings: Settings, todo: list[tuple[str, Document]]) -> list[Coded]:
    """`code_one` for a few documents sent together."""
    return [code_one(settings, origin, doc) for origin, doc in todo]


def code_in_workers(todo: Iterable[tuple[str, Document]], pipeline: Pipeline, jobs: int) -> Iterator[Coded]:
    """Coded documents in the order of `todo`, coded by `jobs` worker processes, `DOCS_PER_TASK` at a time."""
    calls = ((pipeline.settings, batch) for batch in _batches(todo, DOCS_PER_TASK))
    for coded in map_in_workers(code_some, calls, jobs, max(jobs, jobs * WINDOW_PER_JOB // DOCS_PER_TASK)):
        yield from coded


def _batches(items: Iterable, size: int) -> Iterator[list]:
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def map_in_workers(func: Callable, calls: Iterable[tuple], jobs: int, window: int) -> Iterator:
    """`func(*call)` for each call, in `jobs` worker processes; results in call order, at most `window` pending."""
    watch = (_exit_with_caller, (os.getpid(),)) if os.name == "posix" else (None, ())
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=watch[0], initargs=watch[1]) as pool:
        yield from in_order((pool.submit(func, *call) for call in calls), window)


def start_server() -> None:
    """Start the worker server now: it loads the resources (about a second) while this process opens the store
    and reads its first inputs, instead of after them, when the first document is sent to a worker."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context():
    """Workers forked from a server that has loaded the resources (`worker_start`); spawned where there is none.
    Not forked from the caller: it may hold database connections and threads that a fork would copy."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["communique.worker_start"])
    return context


def _exit_with_caller(caller: int) -> None:
    """A worker ends when the process it works for is gone (killed with SIGKILL, say): it would otherwise wait
    for work forever, holding its pipeline's memory, and keep the forkserver alive too."""

    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(caller, 0)  # signal 0: only asks whether the process exists
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # exists, owned by someone else (the pid was reused): stop asking
                return

    threading.Thread(target=watch, name="communique-caller-watch", daemon=True).start()


def in_order(submitted: Iterable, window: int) -> Iterator:
    """The results of lazily submitted futures, in submission order, with at most `window` of them
    pending: the next is submitted only as results are taken (back-pressure)."""
    pending: deque = deque()
    for future in submitted:
        pending.append(future)
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()

"""`ingest --dask ADDRESS|local`: extraction on a Dask distributed cluster, writes here, in input order.

This process reads the sources (files, directories, JSONL shards, HTML, feeds, WARC, stdin), prepares
each record (cleaning, duplicate check against the store) and sends batches of prepared documents to
the cluster; workers code them with a pipeline built once per worker process and send back coded
documents. Batches are written in the order they were read, each document in its own transaction, so
the store equals the single-process result. At most `WINDOW_PER_WORKER` batches per worker are in
flight (back-pressure). `local` starts a LocalCluster of worker processes on this machine.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from .errors import CommuniqueError
from .ingest import Coded
from .model import Document
from .parallel import code_one, in_order
from .pipeline import Pipeline
from .settings import Settings

BATCH = 32
WINDOW_PER_WORKER = 4


def code_batch(settings: Settings, batch: list[tuple[str, Document]]) -> list[Coded]:
    """Runs on a worker: the pipeline for these settings is built on first use and kept in the process."""
    return [code_one(settings, origin, doc) for origin, doc in batch]


class DaskUnavailable(CommuniqueError):
    """The cluster cannot be reached or dask is not installed."""


def _client(address: str):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("--dask needs dask[distributed]: pip install 'communique[dask]'") from None
    try:
        if address == "local":
            workers = max(1, min(os.cpu_count() or 1, 2))
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
            )
            return Client(cluster), cluster
        return Client(address, timeout="10s"), None
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def code_on_dask(todo: Iterable[tuple[str, Document]], pipeline: Pipeline, address: str) -> Iterator[Coded]:
    """Coded documents in the order of `todo`, coded by the cluster's workers."""
    items = iter(todo)
    batches = iter(lambda: list(islice(items, BATCH)), [])
    for coded in map_on_dask(code_batch, ((pipeline.settings, batch) for batch in batches), address):
        yield from coded


def map_on_dask(func: Callable, calls: Iterable[tuple], address: str) -> Iterator:
    """`func(*call)` for each call on the cluster's workers; results in call order, at most
    `WINDOW_PER_WORKER` calls per worker pending."""
    client, cluster = _client(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        submitted = (client.submit(func, *call, pure=False) for call in calls)
        yield from in_order(submitted, workers * WINDOW_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

"""Ingest: sources -> clean documents -> duplicates skipped -> extraction -> store, one transaction each.

Idempotent and resumable: a document whose clean text is already stored is skipped, so running the
same ingest again (or after a kill) finishes the job without changing what is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field

from . import dedup, reader, sources
from .errors import CommuniqueError, InputError
from .model import Document
from .pipeline import Pipeline, bugs_cost_one_article
from .store import Store


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failed += 1
        self.failures.append(message)

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        return (
            f"read {self.read}, new {self.new}, duplicate {self.duplicate}, near-duplicate {self.near_duplicate}, "
            f"failed {self.failed}, events {self.events}"
        )


def ingest(
    specs: Iterable[str],
    store: Store,
    pipeline: Pipeline,
    on_record: Callable[[IngestSummary], None] | None = None,
    jobs: int = 1,
    dask: str | None = None,
) -> IngestSummary:
    """Read every source, code each new document and store it.

    With `jobs` > 1 the coding runs in that many worker processes, with `dask` (a scheduler address or
    "local") on a Dask cluster; either way this process writes, in input order: the same store as one job."""
    summary = IngestSummary()
    notify = on_record or (lambda _summary: None)
    todo = _unseen(_records(specs, pipeline.settings.max_bytes, summary, notify), store, summary, notify)
    if dask:
        from .distributed import code_on_dask

        coded = code_on_dask(todo, pipeline, dask)
    elif jobs > 1:
        from .parallel import code_in_workers

        coded = code_in_workers(todo, pipeline, jobs)
    else:
        coded = (code(doc, origin, pipeline) for origin, doc in todo)
    for outcome in coded:
        save(outcome, store, summary)
        notify(summary)
    return summary


def ingest_record(record: sources.SourceRecord, store: Store, pipeline: Pipeline, summary: IngestSummary) -> None:
    """Code and store one record (the web API's write)."""
    summary.read += 1
    for origin, doc in _unseen([record], store, summary, lambda _summary: None):
        save(code(doc, origin, pipeline), store, summary)


@dataclass
class Coded:
    """One record after coding, on its way to the writer: a document and its fingerprint, or a failure."""

    origin: str
    document: Document | None = None
    fingerprint: dedup.Fingerprint | None = None
    error: str | None = None


def _records(specs, max_bytes: int, summary: IngestSummary, notify) -> Iterator[sources.SourceRecord]:
    for spec in specs:
        for record in sources.iter_records(spec, max_bytes):
            if isinstance(record, CommuniqueError):
                summary.fail(str(record))
                notify(summary)
            else:
                summary.read += 1
                yield record


def prepare(record: sources.SourceRecord) -> Document:
    """The clean document of a record, with the metadata the source knew (no extraction yet)."""
    doc = reader.from_text(record.text, record.path)
    doc.source_url = doc.source_url or record.url
    doc.title = record.title or doc.title
    doc.published = record.published or doc.published
    return doc


def _unseen(
    records: Iterable[sources.SourceRecord], store: Store, summary: IngestSummary, notify
) -> Iterator[tuple[str, Document]]:
    """(origin, prepared document) for records not stored yet; stored ones are counted as duplicates.

    Checking before coding is what makes a rerun after a kill cheap: finished documents are not coded again."""
    for record in records:
        try:
            doc = prepare(record)
        except CommuniqueError as exc:
            summary.fail(failure_line(record.origin, exc))
            notify(summary)
            continue
        if store.has_document(doc.id):
            summary.duplicate += 1
            notify(summary)
            continue
        yield record.origin, doc


def code(doc: Document, origin: str, pipeline: Pipeline) -> Coded:
    """Extraction and fingerprint: the part that runs in worker processes with --jobs."""
    try:
        with bugs_cost_one_article(origin):
            doc = pipeline.process(doc)
    except CommuniqueError as exc:
        return Coded(origin, error=failure_line(origin, exc))
    return Coded(origin, doc, dedup.fingerprint(doc.text))


def save(coded: Coded, store: Store, summary: IngestSummary) -> None:
    """Write one coded document (one transaction) and count what happened."""
    if coded.error is not None or coded.document is None:
        summary.fail(coded.error or f"{coded.origin}: not coded")
        return
    print_ = coded.fingerprint
    try:
        stored = store.add(
            coded.document,
            coded.origin,
            signature=print_.signature,
            bands=print_.bands,
            find_original=lambda conn: dedup.near_duplicate_of(conn, print_),
        )
    except CommuniqueError as exc:
        summary.fail(failure_line(coded.origin, exc))
        return
    if stored.status == "duplicate":
        summary.duplicate += 1
        return
    summary.events += stored.events
    if stored.status == "near-duplicate":
        summary.near_duplicate += 1
    else:
        summary.new += 1


def failure_line(origin: str, exc: Exception) -> str:
    """One line naming the record once: an input error's own path gives way to the record's origin."""
    if isinstance(exc, InputError) and exc.path and origin.startswith(exc.path):
        return f"{origin}: {exc.reason}"
    return f"{origin}: {exc}" if origin not in str(exc) else str(exc)

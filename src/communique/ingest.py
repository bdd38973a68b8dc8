"""Ingest: sources -> clean documents -> duplicates skipped -> extraction -> store, one transaction each.

Idempotent and resumable: a document whose clean text is already stored is skipped, so running the
same ingest again (or after a kill) finishes the job without changing what is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from . import dedup, reader, sources
from .errors import CommuniqueError
from .pipeline import Pipeline
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
    specs: Iterable[str], store: Store, pipeline: Pipeline, on_record: Callable[[IngestSummary], None] | None = None
) -> IngestSummary:
    summary = IngestSummary()
    for spec in specs:
        for record in sources.iter_records(spec, pipeline.settings.max_bytes):
            if isinstance(record, CommuniqueError):
                summary.fail(str(record))
            else:
                summary.read += 1
                _one(record, store, pipeline, summary)
            if on_record:
                on_record(summary)
    return summary


def _one(record: sources.SourceRecord, store: Store, pipeline: Pipeline, summary: IngestSummary) -> None:
    try:
        doc = reader.from_text(record.text, record.path)
        doc.source_url = doc.source_url or record.url
        doc.title = record.title or doc.title
        doc.published = record.published or doc.published
        if store.has_document(doc.id):
            summary.duplicate += 1
            return
        doc = pipeline.process(doc)
        print_ = dedup.fingerprint(doc.text)
        stored = store.add(
            doc,
            record.origin,
            signature=print_.signature,
            bands=print_.bands,
            find_original=lambda conn: dedup.near_duplicate_of(conn, print_),
        )
    except CommuniqueError as exc:
        summary.fail(f"{record.origin}: {exc}" if record.origin not in str(exc) else str(exc))
        return
    if stored.status == "duplicate":
        summary.duplicate += 1
        return
    summary.events += stored.events
    if stored.status == "near-duplicate":
        summary.near_duplicate += 1
    else:
        summary.new += 1

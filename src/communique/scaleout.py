"""`ingest --parquet-out DIR` and `load DIR`: workers write their own Parquet parts; a store is made later.

Writing: the sources become units (runs of input files, `units`); each unit is one task that reads,
prepares and codes its records on a worker and writes the unit's parts there (`eventfiles`), so there is
no central writer. Units whose parts exist are skipped, which makes a rerun resume. At the end, the
events of a document already coded in an earlier unit (an exact copy) are dropped from the later part,
so the event files hold each document's events once, as a store would.

Loading: the parts are read in unit order and every document goes through the ingest's own writer
(`ingest.save`), so ids, clusters and near-duplicate links are those of one `ingest` of the sources.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import dedup, eventfiles, units
from .errors import CommuniqueError
from .ingest import Coded, IngestSummary, failure_line, prepare, save
from .model import Document
from .parallel import code_one, map_in_workers
from .settings import Settings
from .store import Store

UNITS_PER_JOB = 2  # units in flight per worker process: a unit is a whole file, so a small window suffices


@dataclass
class UnitResult:
    """What one unit's task did, for the summary."""

    index: int
    read: int = 0
    coded: int = 0
    duplicate: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)


@dataclass
class PartsSummary:
    units: int = 0
    written: int = 0
    skipped: int = 0  # parts already there from an earlier run
    read: int = 0
    coded: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, result: UnitResult) -> None:
        self.written += 1
        self.read += result.read
        self.coded += result.coded
        self.duplicate += result.duplicate
        self.events += result.events
        self.failed += len(result.failures)
        self.failures.extend(result.failures)

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        return (
            f"units {self.units} (written {self.written}, already there {self.skipped}), read {self.read}, "
            f"coded {self.coded}, duplicate {self.duplicate}, failed {self.failed}, events {self.events}"
        )


def write_parts(
    specs: list[str],
    out: Path,
    settings: Settings,
    jobs: int = 1,
    dask: str | None = None,
    on_unit: Callable[[PartsSummary], None] | None = None,
    files_per_unit: int = units.FILES_PER_UNIT,
) -> PartsSummary:
    """Code every unit of `specs` not yet in `out` into its parts: in this process, `jobs` processes or on Dask."""
    listed = units.units(specs, files_per_unit)  # records named as typed, files opened by absolute path
    eventfiles.pin(out, eventfiles.manifest(units.absolute(specs), settings, files_per_unit, listed))
    todo = [unit for unit in listed if not eventfiles.done(out, unit.index)]
    summary = PartsSummary(units=len(listed), skipped=len(listed) - len(todo))
    calls = ((settings, str(out), unit) for unit in todo)
    if dask:
        from .distributed import map_on_dask

        results = map_on_dask(code_unit, calls, dask)
    elif jobs > 1:
        results = map_in_workers(code_unit, calls, jobs, jobs * UNITS_PER_JOB)
    else:
        results = (code_unit(*call) for call in calls)
    for result in results:
        summary.add(result)
        if on_unit is not None:
            on_unit(summary)
    summary.events -= drop_later_copies(out, listed)
    return summary


def code_unit(settings: Settings, out: str, unit: units.Unit) -> UnitResult:
    """Runs on a worker: read, prepare and code one unit, write its parts; failures are per record."""
    result = UnitResult(unit.index)
    rows, docs, seen = [], [], set()
    for seq, item in enumerate(units.records(unit, settings.max_bytes)):
        if isinstance(item, CommuniqueError):
            rows.append(eventfiles.document_row(seq, None, "unreadable", str(item)))
            result.failures.append(str(item))
            continue
        result.read += 1
        coded = _code(settings, item, seen)
        if coded.error is not None:
            rows.append(eventfiles.document_row(seq, item.origin, "failed", coded.error))
            result.failures.append(coded.error)
        elif coded.document is None:  # an exact copy of an earlier record of this unit
            rows.append(eventfiles.document_row(seq, item.origin, "duplicate"))
            result.duplicate += 1
        else:
            seen.add(coded.document.id)
            docs.append(coded.document)
            signature = coded.fingerprint.signature  # `code` fingerprints every document it returns
            rows.append(eventfiles.document_row(seq, item.origin, "coded", doc=coded.document, signature=signature))
            result.coded += 1
            result.events += len(coded.document.events)
    try:
        eventfiles.write_unit(Path(out), unit.index, rows, docs)
    except CommuniqueError as exc:  # this unit is lost for now (a rerun tries again); the others go on
        result.failures.append(str(exc))
    return result


def _code(settings: Settings, record, seen: set[str]) -> Coded:
    """As ingest does: prepare, skip a text already seen (a Coded without document), code."""
    try:
        doc = prepare(record)
    except CommuniqueError as exc:
        return Coded(record.origin, error=failure_line(record.origin, exc))
    if doc.id in seen:
        return Coded(record.origin)
    return code_one(settings, record.origin, doc)


def drop_later_copies(out: Path, listed: list[units.Unit]) -> int:
    """Drop the events of documents coded in an earlier unit from later event parts; how many went."""
    seen: set[str] = set()
    dropped = 0
    for unit in listed:
        if not eventfiles.done(out, unit.index):
            continue  # its task failed to write; reported already
        ids = eventfiles.document_ids(out, unit.index)
        copies = seen.intersection(ids)
        if copies:
            dropped += eventfiles.drop_events(out, unit.index, copies)
        seen.update(ids)
    return dropped


def load_parts(out: Path, store: Store, notify: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Write the documents of a parts directory into `store`, unit by unit, as one ingest would have."""
    listed = eventfiles.listed_units(out, eventfiles.read_manifest(out))
    missing = [eventfiles.part(out, "documents", u.index) for u in listed if not eventfiles.done(out, u.index)]
    if missing:
        raise eventfiles.PartsError(
            f"{missing[0]}: missing ({len(missing)} of {len(listed)} units unfinished; rerun the ingest with "
            f"--parquet-out {out})"
        )
    summary = IngestSummary()
    for unit in listed:
        where = eventfiles.part(out, "documents", unit.index)
        for row in eventfiles.read_documents(out, unit.index):
            _load_row(row, store, summary, where)
            if notify is not None:
                notify(summary)
    return summary


def _load_row(row: dict, store: Store, summary: IngestSummary, where: Path) -> None:
    status = row["status"]
    if status == "unreadable":
        summary.fail(row["error"])
        return
    summary.read += 1
    if status == "failed":
        summary.fail(row["error"])
    elif status == "duplicate":
        summary.duplicate += 1
    elif status == "coded":
        doc = _document(row, where)
        signature = row.get("minhash")
        print_ = dedup.from_signature(signature) if signature else dedup.fingerprint(doc.text)
        save(Coded(row["origin"], doc, print_), store, summary)
    else:
        raise eventfiles.PartsError(f"{where}: row {row['seq']} has an unknown status {status!r}")


def _document(row: dict, where: Path) -> Document:
    """The coded document of a row, with each event's confidence as coded (the contract rounds it)."""
    try:
        doc = Document.from_dict(json.loads(row["document"]))
        confidences = row["confidence"] or []
        if len(confidences) != len(doc.events):
            raise ValueError(f"{len(confidences)} confidences for {len(doc.events)} events")
    except (CommuniqueError, ValueError, TypeError) as exc:
        raise eventfiles.PartsError(f"{where}: row {row['seq']} is not a coded document ({exc})") from None
    for event, confidence in zip(doc.events, confidences, strict=True):
        event.confidence = confidence
    return doc

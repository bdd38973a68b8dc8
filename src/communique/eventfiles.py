"""Parquet event files: a directory of parts that workers write side by side, without a central writer.

    DIR/_manifest.json                  sources, settings and units (runs of input files), written first
    DIR/events/part-000007.parquet      unit 7's events, one flat row each: `export --format parquet`'s columns
    DIR/documents/part-000007.parquet   unit 7's records and input errors, one row each, in reading order

A documents row has `seq` (its place in the unit), `origin`, `id` (the document's), `status` (`coded`,
`duplicate` of an earlier record of the unit, `failed`: a record that could not be coded, `unreadable`:
an input error, not a record), `error` (the one-line message), `document` (the contract JSON,
`Document.to_dict()`), `confidence` (each event's confidence as coded: the contract rounds it, the
store keeps it whole) and `minhash` (the near-duplicate signature the worker made, reused by `load`).

In the event files an event's `id` and `document_id` are the store's; `actor`/`recipient` hold the store's
global actor keys (`country:SWE`, `person:Q53747`), since the store's numbers do not exist yet, and
`cluster_id` is empty: clusters are made when the parts are loaded into a store.

Every file is written under a temporary name and renamed, so a killed worker never leaves half a part.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from . import units
from .atomic import atomic_path
from .errors import CommuniqueError
from .export.tabular import parquet_schema, typed_row
from .model import Document
from .settings import Settings
from .store.writer import actor_key
from .units import Unit

FORMAT = "communique-parts/1"
MANIFEST = "_manifest.json"
KINDS = ("events", "documents")


class PartsError(CommuniqueError):
    """A parts directory is missing, unreadable, corrupt or holds the parts of other inputs."""


def arrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise CommuniqueError("Parquet event files need pyarrow: pip install 'communique[parquet]'") from None
    return pa, pq


def documents_schema(pa):
    return pa.schema(
        [
            ("seq", pa.int32()),
            ("origin", pa.string()),
            ("id", pa.string()),
            ("status", pa.string()),
            ("error", pa.string()),
            ("document", pa.string()),
            ("confidence", pa.list_(pa.float64())),
            ("minhash", pa.binary()),  # the near-duplicate signature, made by the worker: the loader reuses it
        ]
    )


# -- the manifest --------------------------------------------------------------------------------------


def manifest(specs: list[str], settings: Settings, files_per_unit: int, listed: list[Unit]) -> dict:
    return {
        "format": FORMAT,
        "sources": specs,
        "language": settings.language,
        "max_bytes": settings.max_bytes,
        "files_per_part": files_per_unit,
        "units": [asdict(unit) for unit in listed],
    }


def pin(out: Path, wanted: dict) -> None:
    """Write the manifest into `out` (made if needed), or check that the one there is the same:
    parts of other inputs must not be mixed with these."""
    if (out / MANIFEST).exists():
        found = read_manifest(out)
        if found != wanted:
            raise PartsError(f"{out}: holds the parts of {_differs(found, wanted)}; write into a new directory")
    try:
        for kind in KINDS:
            (out / kind).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PartsError(f"{out}: cannot write ({exc.strerror or exc})") from None
    if not (out / MANIFEST).exists():
        with atomic_path(out / MANIFEST, PartsError) as tmp:
            tmp.write_text(json.dumps(wanted, indent=1), encoding="utf-8")


def _differs(found: dict, wanted: dict) -> str:
    if found.get("sources") != wanted["sources"]:
        return "other sources (" + ", ".join(map(str, found.get("sources") or []))[:200] + ")"
    if found.get("files_per_part") != wanted["files_per_part"]:
        return f"--files-per-part {found.get('files_per_part')}"
    if found.get("units") != wanted["units"]:
        return "these sources as they were (files were added, removed or changed since)"
    return "another setting (--lang)"


def read_manifest(out: Path) -> dict:
    """The manifest of a parts directory; `PartsError` when it is missing or corrupt."""
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PartsError(f"{out}: not a parts directory (no {MANIFEST}; ingest --parquet-out makes one)") from None
    except (OSError, ValueError) as exc:
        raise PartsError(f"{path}: unreadable manifest ({str(exc)[:120]})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("units"), list):
        raise PartsError(f"{path}: not a {FORMAT} manifest")
    return data


def listed_units(out: Path, data: dict) -> list[Unit]:
    try:
        return [units.from_dict(unit) for unit in data["units"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise PartsError(f"{out / MANIFEST}: malformed unit ({exc})") from None


# -- parts ---------------------------------------------------------------------------------------------


def part(out: Path, kind: str, index: int) -> Path:
    return out / kind / f"part-{index:06d}.parquet"


def done(out: Path, index: int) -> bool:
    """Both parts of a unit are there (the documents part is renamed into place last)."""
    return all(part(out, kind, index).exists() for kind in KINDS)


def write_unit(out: Path, index: int, rows: list[dict], docs: list[Document]) -> None:
    """Unit `index`'s parts: its documents rows and the events of `docs` (first copies only)."""
    pa, pq = arrow()
    events = [typed_row(event) for doc in docs for event in event_dicts(doc)]
    _write_table(pa.Table.from_pylist(events, schema=parquet_schema(pa)), part(out, "events", index))
    _write_table(pa.Table.from_pylist(rows, schema=documents_schema(pa)), part(out, "documents", index))


def document_row(
    seq: int, origin: str | None, status: str, error: str | None = None, doc=None, signature: bytes | None = None
) -> dict:
    return {
        "seq": seq,
        "origin": origin,
        "id": doc.id if doc is not None else None,
        "status": status,
        "error": error,
        "document": json.dumps(doc.to_dict(), ensure_ascii=False) if doc is not None else None,
        "confidence": [event.confidence for event in doc.events] if doc is not None else None,
        "minhash": signature,
    }


def event_dicts(doc: Document) -> list[dict]:
    """The document's events as the export's event dicts, with the store's event and actor identities."""
    actors = {actor.id: actor for actor in doc.actors}
    keys = {actor.id: actor_key(actor) for actor in doc.actors}
    rows = []
    for event in doc.events:
        row = event.to_dict(doc.text)
        row |= {
            "id": f"{doc.id}:{event.id}",
            "document_id": doc.id,
            "confidence": event.confidence,
            "link": [f"{doc.id}:{other}" for other in event.link],
            "source_url": doc.source_url,
            "published": doc.published,
        }
        for side in ("actor", "recipient"):
            ids = getattr(event, side)
            row |= {
                side: [keys[i] for i in ids],
                f"{side}_names": [actors[i].name for i in ids],
                f"{side}_sectors": [actors[i].sector for i in ids],
            }
        rows.append(row)
    return rows


def read_documents(out: Path, index: int) -> list[dict]:
    """Unit `index`'s documents rows in reading order; `PartsError` naming the file when it cannot be read."""
    path = part(out, "documents", index)
    if not path.exists():
        raise PartsError(f"{path}: missing (rerun the ingest with --parquet-out {out} to make it)")
    table = _read(path, "documents", schema=documents_schema(arrow()[0]))
    return sorted(table.to_pylist(), key=lambda row: row["seq"])


def document_ids(out: Path, index: int) -> list[str]:
    """The ids of the coded documents of a unit, in reading order (one column of its documents part)."""
    table = _read(part(out, "documents", index), "documents", columns=["seq", "id"])
    return [row["id"] for row in sorted(table.to_pylist(), key=lambda row: row["seq"]) if row["id"]]


def drop_events(out: Path, index: int, document_ids: set[str]) -> int:
    """Rewrite unit `index`'s events part without the events of `document_ids`; how many went."""
    import pyarrow.compute as pc

    pa, _ = arrow()
    path = part(out, "events", index)
    table = _read(path, "events", schema=parquet_schema(pa))
    kept = table.filter(pc.invert(pc.is_in(table["document_id"], value_set=pa.array(sorted(document_ids)))))
    if kept.num_rows < table.num_rows:
        _write_table(kept, path)
    return table.num_rows - kept.num_rows


def _read(path: Path, kind: str, **options):
    pa, pq = arrow()
    try:
        return pq.read_table(path, **options)
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:  # a damaged or foreign file
        raise PartsError(f"{path}: not a readable {kind} part ({str(exc).splitlines()[0][:120]})") from None


def _write_table(table, path: Path) -> None:
    _, pq = arrow()
    with atomic_path(path, PartsError) as tmp:
        pq.write_table(table, tmp)

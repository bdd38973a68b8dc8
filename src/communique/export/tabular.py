"""The flat formats: JSON lines (the event dicts as given), CSV (one flat row per event) and Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TextIO

from ..errors import CommuniqueError
from ._common import FIELD_ORDER, convert_all, date_range, iso, json_default, to_date

CSV_COLUMNS = (
    "id",
    "document_id",
    "cluster_id",
    "event_type",
    "mode",
    "context",
    "actor",
    "actor_names",
    "actor_sectors",
    "actor_country",
    "recipient",
    "recipient_names",
    "recipient_sectors",
    "recipient_country",
    "date_start",
    "date_end",
    "location_name",
    "location_country",
    "modality",
    "sectors",
    "quantities",
    "cameo",
    "confidence",
    "text",
    "evidence",
    "link",
    "rules",
    "source_url",
    "published",
)
LIST_COLUMNS = (
    "context",
    "actor",
    "actor_names",
    "actor_sectors",
    "actor_country",
    "recipient",
    "recipient_names",
    "recipient_sectors",
    "recipient_country",
    "sectors",
    "link",
    "rules",
)


def write_jsonl(events: Iterable[dict], stream: TextIO) -> int:
    """One JSON object per line: the event as given, contract fields first, then the rest by name."""
    count = 0
    for line in convert_all(events, _json_line):
        stream.write(line)
        count += 1
    return count


def _json_line(event: dict) -> str:
    extra = sorted(key for key in event if key not in FIELD_ORDER)
    ordered = {key: event[key] for key in (*FIELD_ORDER, *extra) if key in event}
    return json.dumps(ordered, ensure_ascii=False, default=json_default) + "\n"


def write_csv(events: Iterable[dict], stream: TextIO) -> int:
    """A header row, then one row per event (RFC 4180 quoting; lists joined with ";")."""
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in convert_all(events, _flat_row):
        writer.writerow(row)
        count += 1
    return count


def _flat_row(event: dict) -> dict[str, object]:
    start, end = date_range(event)
    location = event.get("location") or {}
    row: dict[str, object] = {column: ";".join(_text(v) for v in event.get(column) or []) for column in LIST_COLUMNS}
    row |= {
        "id": event["id"],
        "document_id": event.get("document_id"),
        "cluster_id": event.get("cluster_id"),
        "event_type": event["event_type"],
        "mode": event.get("mode"),
        "date_start": start,
        "date_end": end,
        "location_name": location.get("name"),
        "location_country": location.get("country"),
        "modality": event.get("modality"),
        "quantities": "; ".join(quantity_text(q) for q in event.get("quantities") or []),
        "cameo": event.get("cameo"),
        "confidence": event.get("confidence"),
        "text": event.get("text"),
        "evidence": ";".join(f"{span['start']}-{span['end']}" for span in event.get("evidence") or []),
        "source_url": event.get("source_url"),
        "published": iso(event.get("published")),
    }
    return row


def quantity_text(quantity: dict) -> str:
    """`{"value": 5000000000, "unit": "USD"}` -> "5000000000 USD"."""
    value = quantity["value"]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} {quantity['unit']}".strip()


def _text(value: object) -> str:
    return "" if value is None else str(value)


def write_parquet(events: Iterable[dict], path: Path, atomic: Callable[[Path], AbstractContextManager[Path]]) -> int:
    """A typed Parquet table (dates as date32, lists as list<string>, quantities as structs)."""
    pa, pq = _pyarrow()
    rows = list(convert_all(events, typed_row))
    try:
        table = pa.Table.from_pylist(rows, schema=parquet_schema(pa))
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise CommuniqueError(f"events cannot be exported to parquet: {exc}") from exc
    with atomic(path) as tmp:
        pq.write_table(table, tmp)
    return len(rows)


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise CommuniqueError("parquet export needs pyarrow: install communique[parquet]") from exc
    return pa, pq


def parquet_schema(pa):
    """The Parquet columns: CSV's columns, typed."""
    strings = pa.list_(pa.string())
    quantity = pa.struct([("value", pa.float64()), ("unit", pa.string()), ("text", pa.string())])
    span = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
    types = {column: strings for column in LIST_COLUMNS} | {
        "date_start": pa.date32(),
        "date_end": pa.date32(),
        "published": pa.date32(),
        "confidence": pa.float64(),
        "quantities": pa.list_(quantity),
        "evidence": pa.list_(span),
    }
    return pa.schema([(column, types.get(column, pa.string())) for column in CSV_COLUMNS])


def typed_row(event: dict) -> dict[str, object]:
    """One event dict as a row of `parquet_schema` (also the rows of `ingest --parquet-out`'s event files)."""
    start, end = date_range(event)
    location = event.get("location") or {}
    return {column: list(event.get(column) or []) for column in LIST_COLUMNS} | {
        "id": event["id"],
        "document_id": event.get("document_id"),
        "cluster_id": None if event.get("cluster_id") is None else str(event["cluster_id"]),
        "event_type": event["event_type"],
        "mode": event.get("mode"),
        "date_start": to_date(start),
        "date_end": to_date(end),
        "location_name": location.get("name"),
        "location_country": location.get("country"),
        "modality": event.get("modality"),
        "quantities": [
            {"value": float(q["value"]), "unit": q.get("unit"), "text": q.get("text")}
            for q in event.get("quantities") or []
        ],
        "cameo": event.get("cameo"),
        "confidence": None if event.get("confidence") is None else float(event["confidence"]),
        "text": event.get("text"),
        "evidence": [
            {"start": s["start"], "end": s["end"], "text": s.get("text")} for s in event.get("evidence") or []
        ],
        "source_url": event.get("source_url"),
        "published": to_date(event.get("published")),
    }

"""Parquet files (.parquet): one article per row, with a string column `text` and optional `url`,
`title` and `published` (a date, a timestamp or an ISO string), as in the JSONL records.

Rows are read in batches (pyarrow), so a large shard never sits in memory whole. A bad row becomes one
`InputError` naming `file#row` (1-based); a file that is not Parquet or has no `text` column is one error.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from ..errors import InputError
from .record import SourceRecord, parse_date

COLUMNS = ("text", "url", "title", "published")
BATCH_ROWS = 1024


def read(path: Path, max_bytes: int) -> Iterator[SourceRecord | InputError]:
    name = str(path)
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError(name, "reading Parquet needs pyarrow: pip install 'communique[parquet]'")
        return
    try:
        table = pq.ParquetFile(path)
        present = set(table.schema_arrow.names)
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        yield InputError(name, f"not a readable Parquet file ({str(exc).splitlines()[0][:120]})")
        return
    if "text" not in present:
        yield InputError(name, f"no 'text' column (columns: {', '.join(sorted(present))[:200]})")
        return
    wanted = [c for c in COLUMNS if c in present]
    row = 0
    try:
        for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
            for values in batch.to_pylist():
                row += 1
                yield _record(values, f"{name}#{row}", name, max_bytes)
    except (OSError, ValueError) as exc:
        yield InputError(f"{name}#{row + 1}", f"cannot read the rest of the file ({str(exc).splitlines()[0][:120]})")


def _record(values: dict, where: str, path: str, max_bytes: int) -> SourceRecord | InputError:
    text = values.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(where, "'text' is missing or empty" if not isinstance(text, str) else "'text' is empty")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return InputError(where, f"'text' is over the {max_bytes:,}-byte limit")
    published = values.get("published")
    try:
        if isinstance(published, datetime):
            published = published.date()
        elif isinstance(published, str):
            published = parse_date(published.strip()) if published.strip() else None
        elif published is not None and not isinstance(published, date):
            return InputError(where, f"'published' must be a date or an ISO string, not {type(published).__name__}")
    except ValueError:
        return InputError(where, f"'published' is not an ISO date or date-time: {str(published)[:40]!r}")
    return SourceRecord(
        text=text,
        origin=where,
        url=_text(values.get("url")),
        title=_text(values.get("title")),
        published=published,
        path=path,
    )


def _text(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

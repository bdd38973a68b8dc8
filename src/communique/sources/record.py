"""The record every source kind yields, and the small helpers the kinds share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class SourceRecord:
    """One article as a source delivered it, before any cleaning or extraction."""

    text: str  # article text (HTML already reduced to text by trafilatura)
    origin: str  # stable name: "a.txt", "feed.xml#3", "crawl.warc.gz#17", "<stdin>:4"
    url: str | None = None  # canonical URL when known
    title: str | None = None
    published: date | None = None
    path: str | None = None  # the file it was read from


def read_file(path: Path, max_bytes: int) -> bytes:
    """All bytes of one input file; raise `InputError` naming it when unreadable or over `max_bytes`."""
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit rather than trusting stat(): files can grow, pipes report 0.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(str(path), f"file is over the {max_bytes:,}-byte limit")
    return data


def parse_date(value: str) -> date:
    """An ISO 8601 date or date-time as the calendar date it names in its own time zone.

    Raises `ValueError` when `value` is neither.
    """
    try:
        return date.fromisoformat(value)
    except ValueError:
        # A date-time keeps its own offset: 00:30+02:00 on 3 May is published on 3 May, not 2 May UTC.
        return datetime.fromisoformat(value).date()

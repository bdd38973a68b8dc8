"""RSS and Atom feeds saved as files (.xml, .rss, .atom, or sniffed): each entry is one record.

Text comes from the entry's content or summary with HTML stripped. A feed with XML errors
("bozo") that still has entries yields them; a file with no entries is one `InputError`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser

from .. import reader
from ..errors import InputError
from .html import fragment_text
from .record import SourceRecord, parse_date, read_file

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.I)
# "&#xD800;" (a lone surrogate) makes feedparser's loose parser raise UnicodeEncodeError.
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,8});")


def read(path: Path, max_bytes: int) -> Iterator[SourceRecord | InputError]:
    """Yield one record (or `InputError`) per entry, origins `path#N` with N counted from 1."""
    name = str(path)
    try:
        data = read_file(path, max_bytes)
        reader.decode(data, name)  # only as a gate: empty and binary files get the usual message
    except InputError as err:
        yield err
        return
    # A stream, never bytes or str: feedparser would treat a string as a URL to fetch or a file to open.
    try:
        parsed = feedparser.parse(io.BytesIO(_CHAR_REF.sub(_no_surrogate, data)))
    except Exception as exc:  # feedparser's loose parser still fails in ways of its own
        yield InputError(name, f"feed could not be parsed ({type(exc).__name__})")
        return
    if not parsed.entries:
        yield InputError(name, _why_no_entries(parsed))
        return
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry(entry, f"{name}#{number}", name)


def _no_surrogate(ref: re.Match) -> bytes:
    number = ref.group(1)
    code = int(number[1:], 16) if number[:1] in b"xX" else int(number)
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else ref.group(0)


def looks_like_feed(head: str) -> bool:
    """Whether the start of a file of unknown kind is an RSS, RDF or Atom feed."""
    return head.lstrip().startswith("<") and bool(_FEED_ROOT.search(head[:2048]))


def _why_no_entries(parsed: feedparser.FeedParserDict) -> str:
    if parsed.get("bozo"):
        return f"not a readable RSS or Atom feed ({parsed.get('bozo_exception')})"
    if parsed.get("version"):
        return "feed has no entries"
    return "not an RSS or Atom feed"


def _entry(entry: feedparser.FeedParserDict, origin: str, path: str) -> SourceRecord | InputError:
    text = _text(entry)
    if not text:
        return InputError(origin, "feed entry has no text (neither content nor summary)")
    return SourceRecord(
        text=text,
        origin=origin,
        url=entry.get("link") or None,
        title=fragment_text(entry.get("title") or "") or None,
        published=_published(entry),
        path=path,
    )


def _text(entry: feedparser.FeedParserDict) -> str:
    """The first non-empty content, else the summary; HTML reduced to text, plain text kept."""
    candidates = [(c.get("value"), c.get("type")) for c in entry.get("content", [])]
    candidates.append((entry.get("summary"), entry.get("summary_detail", {}).get("type")))
    for value, kind in candidates:
        text = (value or "").strip() if kind == "text/plain" else fragment_text(value or "")
        if text:
            return text
    return ""


def _published(entry: feedparser.FeedParserDict) -> date | None:
    """The entry's date as the publisher wrote it; feedparser's parsed dates are shifted to UTC."""
    for key in ("published", "updated"):
        raw = (entry.get(key) or "").strip()
        if raw:
            found = _parse(raw)
            if found is None and entry.get(f"{key}_parsed"):
                found = _from_struct(entry[f"{key}_parsed"])
            if found is not None:
                return found
    return None


def _from_struct(parsed) -> date | None:
    """feedparser's own reading of a date; it turns "0000-00-00" into year -1, which is no date."""
    try:
        return date(*parsed[:3])
    except (TypeError, ValueError):
        return None


def _parse(raw: str) -> date | None:
    try:
        return parsedate_to_datetime(raw).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_date(raw)  # Atom: RFC 3339
    except ValueError:
        return None

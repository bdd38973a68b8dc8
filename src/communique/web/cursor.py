"""Opaque page cursors: the position a page stopped at, bound to the query that produced it."""

from __future__ import annotations

import base64
import hashlib
import json

from ..errors import CommuniqueError
from ..store.paging import Position


class CursorError(CommuniqueError):
    """A cursor that was not made by this server for this query."""


def _query_key(query: dict) -> str:
    canonical = json.dumps(sorted((k, str(v)) for k, v in query.items() if v is not None and k != "limit"))
    return hashlib.sha1(canonical.encode()).hexdigest()[:12]


def encode(position: Position, query: dict) -> str:
    raw = json.dumps([position.date_start, position.event_id, _query_key(query)], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, query: dict) -> Position:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date_start, event_id, key = json.loads(raw)
        valid = (date_start is None or isinstance(date_start, str)) and isinstance(event_id, str)
    except (ValueError, TypeError, UnicodeDecodeError):
        valid = False
    if not valid:
        raise CursorError("malformed cursor: use the next_cursor of a previous page")
    if key != _query_key(query):
        raise CursorError("cursor belongs to other filters: start again without a cursor")
    return Position(date_start, event_id)

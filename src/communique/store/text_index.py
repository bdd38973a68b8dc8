"""The trigram index of event sentences (SQLite, migration 0003), filled in batches (0006).

One trigger call per inserted event wrote a new index segment in every document's transaction: a quarter
of the store's write time. New events now enter the index in one statement per batch (`catch_up`, every
`Store.CATCH_UP_EVERY` stored documents and when the store is closed). The index covers the events up to
its largest rowid; queries read the events after that by scanning them, so no event is ever missed.
"""

from __future__ import annotations

from sqlalchemy import Connection

from . import schema

_EXISTS = "SELECT 1 FROM sqlite_master WHERE name = ?"
_INDEXED = "SELECT max(rowid) FROM events_text"
_LAST_EVENT = "SELECT max(rowid) FROM events"
_CATCH_UP = "INSERT INTO events_text (rowid, event_id, text) SELECT rowid, id, text FROM events WHERE rowid > ?"


def indexed_up_to(conn: Connection | None) -> int | None:
    """The largest event rowid the index covers (0 when empty), or None where there is no index."""
    if conn is None or conn.dialect.name != "sqlite":
        return None
    if conn.exec_driver_sql(_EXISTS, (schema.EVENTS_TEXT,)).first() is None:
        return None
    return conn.exec_driver_sql(_INDEXED).scalar() or 0


def catch_up(conn: Connection) -> int:
    """Index the events stored since the last batch; how many rows the index gained."""
    indexed = indexed_up_to(conn)
    if indexed is None or (conn.exec_driver_sql(_LAST_EVENT).scalar() or 0) <= indexed:
        return 0
    return conn.exec_driver_sql(_CATCH_UP, (indexed,)).rowcount

"""Every row of a SQLite store, table by table, for tests that compare two stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# documents without `ingested_at`, which differs between two runs by design
DOCUMENT_COLUMNS = "id, origin, path, source_url, title, language, published, text, near_duplicate_of, minhash"
# the text index by what it holds: its shadow tables' layout depends on when its batches ran
COLUMNS = {"documents": DOCUMENT_COLUMNS, "events_text": "rowid, event_id, text"}


def dump(path: Path) -> dict[str, list[tuple]]:
    """Each table's rows (schema_migrations and the text index's shadow tables left out) in one stable order:
    by every column."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        rows = {}
        for table in tables:
            if table == "schema_migrations" or table.startswith("events_text_"):
                continue
            columns = COLUMNS.get(table, "*")
            width = len(conn.execute(f'select {columns} from "{table}" limit 0').description)
            order = ", ".join(str(i) for i in range(1, width + 1))
            rows[table] = conn.execute(f'select {columns} from "{table}" order by {order}').fetchall()
    return rows

"""Fixed SQL statements of the write path, run straight through the database driver.

Ingest runs a dozen statements per document; building and compiling SQLAlchemy expressions for each cost
more than the database work itself. A `Statement` is written once with `:name` parameters and handed to
the driver as it is (SQLite's sqlite3 reads `:name`) or with `%(name)s` (PostgreSQL's psycopg). Values
go to the driver unconverted: JSON columns take `json.dumps` text, made by the caller.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from sqlalchemy import Connection, CursorResult

_NAMED = re.compile(r"(?<![:\w]):(\w+)")


class Statement:
    def __init__(self, sql: str):
        self.sql = sql
        self._pyformat = _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))

    def run(self, conn: Connection, params: Mapping | Sequence[Mapping] = ()) -> CursorResult:
        """Execute once (a mapping) or for many rows (a list of mappings)."""
        sql = self._pyformat if conn.dialect.paramstyle == "pyformat" else self.sql
        return conn.exec_driver_sql(sql, params if params else {})


@lru_cache(maxsize=256)
def insert_values(table: str, columns: tuple[str, ...], rows: int, returning: str = "") -> Statement:
    """INSERT of `rows` rows in one statement; row i's values are named `<column><i>`."""
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join("(" + ", ".join(f":{c}{i}" for c in columns) + ")" for i in range(rows))
    return Statement(
        f"INSERT INTO {table} ({names}) VALUES {values}" + (f" RETURNING {returning}" if returning else "")
    )


def numbered(rows: Sequence[Mapping]) -> dict:
    """The parameters of `insert_values` for these rows."""
    return {f"{k}{i}": v for i, row in enumerate(rows) for k, v in row.items()}


def in_list(name: str, count: int) -> str:
    """`:name0, :name1, ...` for an IN (...) list."""
    return ", ".join(f":{name}{i}" for i in range(count))


_quote = json.encoder.encode_basestring_ascii  # the C function json.dumps quotes strings with


def dumps(value) -> str:
    """JSON text as SQLAlchemy's JSON type writes it (`json.dumps`); lists of strings, most of what the
    store keeps, without the encoder's per-call set-up."""
    if type(value) is list and all(type(item) is str for item in value):
        return "[" + ", ".join(map(_quote, value)) + "]"
    return json.dumps(value)


def loads(value):
    """A JSON column as read through the driver: text from SQLite, already parsed from psycopg."""
    return json.loads(value) if isinstance(value, str | bytes) else value

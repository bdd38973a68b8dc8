"""Fixed SQL statements of the write path, run straight through the database driver.

Ingest runs about twenty statements per document; building and compiling SQLAlchemy expressions for each
cost more than the database work itself, and so did SQLAlchemy's result set-up around a plain driver call.
A `Statement` is written once with `:name` parameters and run on the driver's own cursor, inside the
SQLAlchemy connection's transaction, as it is (SQLite's sqlite3 reads `:name`) or with `%(name)s`
(PostgreSQL's psycopg). Values go to the driver unconverted: JSON columns take `json.dumps` text, made by
the caller. Driver errors come back as SQLAlchemy's, as from `Connection.execute`.
"""

from __future__ import annotations

import json
import re
from collections import namedtuple
from collections.abc import Mapping, Sequence
from functools import lru_cache

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

_NAMED = re.compile(r"(?<![:\w]):(\w+)")


class Statement:
    def __init__(self, sql: str):
        self.sql = sql
        self._pyformat = _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))

    def run(self, conn: Connection, params: Mapping | Sequence[Mapping] = ()) -> Rows:
        """Execute once (a mapping) or for many rows (a list of mappings), on the driver's own cursor inside the
        connection's transaction: SQLAlchemy's per-statement work cost about as much as SQLite's."""
        sql = self._pyformat if conn.dialect.paramstyle == "pyformat" else self.sql
        if not conn.in_transaction():
            conn.begin()  # what SQLAlchemy's own execute does first (autobegin)
        cursor = conn.connection.driver_connection.cursor()
        try:
            if isinstance(params, Sequence) and not isinstance(params, Mapping):
                if not params:
                    return Rows([], None, 0)
                cursor.executemany(sql, params)
                return Rows([], None, cursor.rowcount)
            cursor.execute(sql, params or {})
            if cursor.description is None:
                return Rows([], None, cursor.rowcount)
            return Rows(cursor.fetchall(), _row_type(tuple(d[0] for d in cursor.description)), cursor.rowcount)
        except conn.dialect.loaded_dbapi.Error as exc:
            raise DBAPIError.instance(sql, params, exc, conn.dialect.loaded_dbapi.Error) from exc
        finally:
            cursor.close()


@lru_cache(maxsize=256)
def _row_type(names: tuple[str, ...]):
    return namedtuple("Row", names, rename=True)


class Rows:
    """A statement's rows, read at once: iterate, `.all()`, `.first()`, `.rowcount`; a row is a named tuple."""

    def __init__(self, rows: list, row_type, rowcount: int):
        self._rows = [row_type._make(r) for r in rows] if row_type else rows
        self.rowcount = rowcount

    def __iter__(self):
        return iter(self._rows)

    def all(self) -> list:
        return self._rows

    def first(self):
        return self._rows[0] if self._rows else None


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

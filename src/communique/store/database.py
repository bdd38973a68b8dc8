"""Open a store, write one coded document per transaction, answer the questions of `queries`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from ..errors import StoreError
from ..model import Document
from . import clustering, digests, summaries, text_index
from .checkpoints import Checkpoints
from .migrations import SCHEMA_VERSION, applied, migrate
from .sql import Statement
from .writer import evidence_spans, insert_events, write_document


def default_url() -> str:
    """`COMMUNIQUE_DB`, else a SQLite file in the user's data directory."""
    if os.environ.get("COMMUNIQUE_DB"):
        return os.environ["COMMUNIQUE_DB"]
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{base / 'communique' / 'events.db'}"


def _engine(url: str) -> Engine:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # the write path's statements come in a few hundred shapes (candidate reads, multi-row inserts): sqlite3 keeps
    # 128 prepared by default, and preparing a long one again cost more than running it
    options = {"connect_args": {"cached_statements": 512}} if url.startswith("sqlite:") else {}
    try:
        engine = create_engine(url, **options)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # the sqlite3 module commits before DDL on its own; take transactions over so that
    # creating the schema is atomic too (a kill mid-migration leaves no half-made schema)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # checkpoint every ~40 MB of WAL instead of ~4 MB: an ingest commits once per document and the
    # frequent checkpoints were a third of each commit (pages written many times are copied once)
    cursor.execute("PRAGMA wal_autocheckpoint=10000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.connection.driver_connection.execute("BEGIN")  # on the driver: a statement through SQLAlchemy cost 20 µs


@dataclass(frozen=True)
class Stored:
    """What adding one document did."""

    document_id: str
    status: str  # new | duplicate | near-duplicate
    events: int
    near_duplicate_of: str | None = None


class Store:
    """One database. Every document is written in one transaction: a crash leaves it absent, never half there."""

    # new events enter the text index in batches of this many documents (and when the store is closed)
    CATCH_UP_EVERY = 256

    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        self.engine = _engine(self.url)
        self._unindexed = 0  # documents added since the text index last caught up
        self._writer: Connection | None = None  # see `_transaction`
        file = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        self._checkpoints = Checkpoints(file) if file and file != ":memory:" else None
        try:
            with self.engine.begin() as conn:
                migrate(conn)
        except OperationalError as exc:
            raise StoreError(
                f"cannot open database {_safe(self.url)}: {str(exc.orig).strip().splitlines()[0]}"
            ) from None
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {_safe(self.url)}: {exc.__class__.__name__}") from None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return len(applied(conn))

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def has_document(self, document_id: str) -> bool:
        with self._transaction() as conn:
            return _stored(conn, document_id)

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """A transaction on the connection this store writes documents with, held from one to the next: taking
        one from the pool and giving it back cost more than a document's duplicate check. One thread at a time (the
        web service's writes hold a lock)."""
        if self._writer is None or self._writer.closed or self._writer.invalidated:
            if self._writer is not None:
                self._writer.close()
            self._writer = self.engine.connect()
        with self._writer.begin():
            yield self._writer

    def add(
        self,
        doc: Document,
        origin: str,
        near_duplicate_of: str | None = None,
        signature: bytes | None = None,
        bands: list[tuple[int, str]] | None = None,
        *,
        find_original: Callable[[Connection], str | None] | None = None,
    ) -> Stored:
        """Store a coded document, its actors, events and evidence, and cluster its events.

        `find_original`, when given, names the document this one is a near-copy of (or None), looked up in
        the same transaction as the write; it takes the place of `near_duplicate_of`."""
        try:
            with self._transaction() as conn:
                if _stored(conn, doc.id):
                    return Stored(doc.id, "duplicate", 0)
                if find_original is not None:
                    near_duplicate_of = find_original(conn)
                rows, global_ids = write_document(
                    conn, doc, origin, near_duplicate_of, signature, bands or [], datetime.now(UTC).isoformat()
                )
                if near_duplicate_of is None:  # a re-published copy adds evidence, not new happenings
                    new_clusters = clustering.assign(conn, rows)
                else:
                    new_clusters = clustering.attach_copy(conn, rows, near_duplicate_of)
                insert_events(conn, doc, rows, global_ids)
                summaries.record(conn, rows, new_clusters)
                digests.record(conn, rows, evidence_spans(doc, rows), new_clusters)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{origin}: could not store the document ({exc.__class__.__name__}: "
                f"{str(getattr(exc, 'orig', exc)).strip().splitlines()[0]})"
            ) from None
        if self._checkpoints is not None:
            self._checkpoints.after_commit(self._checkpoint)
        self._unindexed += 1
        if self._unindexed >= self.CATCH_UP_EVERY:
            self.catch_up()
        status = "near-duplicate" if near_duplicate_of else "new"
        return Stored(doc.id, status, len(rows), near_duplicate_of)

    def catch_up(self) -> None:
        """Index the sentences of the events stored since the last batch (SQLite; queries scan them until then)."""
        if self.dialect == "sqlite":
            try:
                with self._transaction() as conn:
                    text_index.catch_up(conn)
            except SQLAlchemyError as exc:
                raise StoreError(f"could not update the text index: {exc.__class__.__name__}") from None
        self._unindexed = 0

    def _checkpoint(self) -> None:
        """The writer's part of a checkpoint round (see `checkpoints`), outside any transaction."""
        try:
            connection = self.engine.raw_connection()
            try:
                connection.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                connection.close()
        except (SQLAlchemyError, sqlite3.Error):
            pass  # busy or read-only: SQLite's automatic checkpoint still bounds the log

    def close(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.close()
        if self.dialect == "sqlite":
            try:
                self.catch_up()
                with self.engine.begin() as conn:  # keep the planner's statistics fresh (cheap; SQLite's advice)
                    conn.exec_driver_sql("PRAGMA optimize")
            except (SQLAlchemyError, StoreError):
                pass  # a read-only file: the index stays behind and queries scan the rest
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_DOCUMENT = Statement("SELECT 1 FROM documents WHERE id = :id")


def _stored(conn: Connection, document_id: str) -> bool:
    return _DOCUMENT.run(conn, {"id": document_id}).first() is not None


def open_store(url: str | None = None) -> Store:
    return Store(url)


def _safe(url: str) -> str:
    """The URL without a password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':')[0]}:***@{host}" if ":" in credentials else url
    return url


__all__ = ["SCHEMA_VERSION", "Store", "Stored", "default_url", "open_store"]

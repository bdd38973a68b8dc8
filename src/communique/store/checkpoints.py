"""WAL checkpoints of a SQLite store with their disk syncs off the writer's path.

A checkpoint copies the pages the write-ahead log holds back into the database file, and first syncs the log
to disk. An ingest commits once per document and dirties about 120 pages a document, so a checkpoint that
the writer runs itself (SQLite's automatic one) waits for tens of megabytes to reach the disk: about a tenth
of an ingest's wall time went to those syncs, with the CPU idle.

So, every `EVERY` documents, a background thread checkpoints on its own connection (sqlite3 lets go of the
GIL while it runs) while the writer goes on with the next documents. The log starts over only once every
frame in it has been copied, which the background round cannot see through while the writer keeps adding
frames. At the writer's first commit after the round has ended, the writer checkpoints the few documents'
frames added since, and its next transaction writes the log from the start again, keeping the log a few
tens of megabytes long. SQLite's own checkpoint (`wal_autocheckpoint`) stays on as the bound in case the
rounds fall behind. Durability is SQLite's: the same checkpoints, only run elsewhere.
"""

from __future__ import annotations

import os
import sqlite3
import threading


class Checkpoints:
    """Background checkpoint rounds for one SQLite file, paced by the writer's commits."""

    EVERY = 64  # documents between rounds: about 8,000 frames (32 MB) of log, below SQLite's bound of 10,000

    def __init__(self, path: str):
        self.path = path
        self._since = 0  # commits since the last round began
        self._running = False  # a round has begun and the writer has not yet finished it
        self._wanted = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._closed = False
        self._thread: threading.Thread | None = None

    def after_commit(self, finish) -> None:
        """Count one committed document; `finish()` runs a checkpoint on the writer's connection when one is due."""
        self._since += 1
        if self._running:
            if self._idle.is_set():
                self._running = False
                finish()  # only the frames added during the round: the log starts over at the next write
        elif self._since >= self.EVERY and not self._closed:
            self._since, self._running = 0, True
            self._idle.clear()
            self._start()
            self._wanted.set()

    def close(self) -> None:
        """Stop the thread after its round (the store's last connection checkpoints what is left as it closes)."""
        self._closed = True
        if self._thread is not None:
            self._wanted.set()
            self._thread.join()
            self._thread = None

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="communique-checkpoints", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._closed:
                return
            try:
                self._round()
            finally:
                self._idle.set()

    def _round(self) -> None:
        # a connection per round: between rounds the thread holds no file open
        try:
            connection = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error:
            return
        try:
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:
            return  # busy or read-only: the writer's own automatic checkpoint still bounds the log
        finally:
            connection.close()
        # SQLite syncs the database file only when a checkpoint has copied every frame, which the writer's
        # finishing step does: syncing the pages copied here now leaves it the few pages copied since
        try:
            file = os.open(self.path, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(file)
        except OSError:
            pass
        finally:
            os.close(file)

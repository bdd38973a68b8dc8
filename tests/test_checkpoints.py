"""WAL checkpoint rounds (store/checkpoints.py): run in the background, finished by the writer, the log starts over."""

from __future__ import annotations

import sqlite3
import struct
import threading
from pathlib import Path

from communique.ingest import ingest
from communique.pipeline import Pipeline
from communique.store import Store
from communique.store.checkpoints import Checkpoints

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _restarts(db: Path) -> int:
    """The WAL header's checkpoint sequence number: it grows by one each time the log starts over."""
    return struct.unpack(">I", Path(f"{db}-wal").read_bytes()[12:16])[0]


def _writer(db: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")  # only the rounds checkpoint
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    return connection


def test_a_round_copies_the_log_in_the_background_and_the_writer_restarts_it(tmp_path, monkeypatch):
    monkeypatch.setattr(Checkpoints, "EVERY", 3)
    db = tmp_path / "s.db"
    writer = _writer(db)
    rounds = Checkpoints(str(db))
    finished = []

    def finish():
        finished.append(writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())

    def write(i: int) -> None:
        writer.execute("INSERT INTO t (body) VALUES (?)", ("x" * 3000 + str(i),))
        rounds.after_commit(finish)

    for i in range(3):
        write(i)
    assert rounds._idle.wait(10)  # the round ran on its own thread
    assert finished == []
    before = _restarts(db)
    write(3)  # the first commit after the round finishes it, on the writer's connection
    assert len(finished) == 1 and finished[0][0] == 0 and finished[0][1] == finished[0][2]  # every frame copied
    write(4)
    assert _restarts(db) > before  # the log has started over
    assert writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1] <= 4  # with this write's frames only
    rounds.close()
    assert not any(t.name == "communique-checkpoints" for t in threading.enumerate())
    assert sqlite3.connect(db).execute("SELECT count(*) FROM t").fetchone() == (5,)


def test_the_writer_does_not_wait_for_a_round_in_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(Checkpoints, "EVERY", 1)
    db = tmp_path / "s.db"
    writer = _writer(db)
    rounds = Checkpoints(str(db))
    release = threading.Event()
    slow_round = Checkpoints._round

    def held_round(self):
        release.wait(10)
        slow_round(self)

    monkeypatch.setattr(Checkpoints, "_round", held_round)
    finished = []
    for i in range(4):
        writer.execute("INSERT INTO t (body) VALUES (?)", (str(i),))
        rounds.after_commit(lambda i=i: finished.append(i))
    assert finished == []  # the round is still running: no second one, nothing finished
    release.set()
    assert rounds._idle.wait(10)
    writer.execute("INSERT INTO t (body) VALUES ('late')")
    rounds.after_commit(lambda: finished.append("late"))
    assert finished == ["late"]
    rounds.close()


def test_an_ingest_keeps_its_log_short_and_closes_the_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(Checkpoints, "EVERY", 2)
    sizes = {}
    for name, rounds in (("with", True), ("without", False)):
        db = tmp_path / f"{name}.db"
        store = Store(f"sqlite:///{db}")
        if not rounds:
            store._checkpoints = None
        summary = ingest([str(EXAMPLES / "sv"), str(EXAMPLES / "en")], store, Pipeline())
        sizes[name] = Path(f"{db}-wal").stat().st_size  # the log file keeps the length of its longest run
        store.close()
        assert summary.new > 30 and summary.failed == 0
    assert sizes["with"] < sizes["without"] / 3
    assert not any(t.name == "communique-checkpoints" for t in threading.enumerate())
    documents = [
        sqlite3.connect(tmp_path / f"{n}.db").execute("SELECT count(*) FROM documents").fetchone() for n in sizes
    ]
    assert documents[0] == documents[1]

"""SIGKILL an ingest at random moments many times, resume, and compare with a clean run, on both backends.

The comparison is everything a user can read back: every event and cluster with its evidence (export),
the actors with their event counts, and the documents with their near-duplicate links.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.store import EventFilter, Store
from communique.store.queries import counts, find_events, list_actors

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [str(ROOT / "examples" / "sv"), str(ROOT / "examples" / "clusters")]
KILLS = int(os.environ.get("COMMUNIQUE_KILLS", "50"))


def _ingest(db: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "communique.cli", "ingest", *SOURCES, "--db", db, "--json", "--jobs", "1"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# Surrogate keys (actor and cluster numbers) are not compared: a PostgreSQL sequence does not give back
# the numbers a killed transaction took, so they may have gaps. Everything they point at is compared.
_SURROGATE = ("id", "cluster_id", "actor", "recipient", "members")


def _without_keys(item: dict) -> str:
    return json.dumps({k: v for k, v in item.items() if k not in _SURROGATE}, sort_keys=True)


def _readable(db: str) -> dict:
    with Store(db) as store, store.connect() as conn:
        everything = EventFilter(limit=100_000)
        events = find_events(conn, everything, clusters=False)
        clusters = find_events(conn, everything, clusters=True)
        return {
            "counts": counts(conn),
            "events": sorted(e["id"] + _without_keys(e) for e in events),
            "clusters": sorted(json.dumps(sorted(c["members"])) + _without_keys(c) for c in clusters),
            "actors": sorted(_without_keys(a) for a in list_actors(conn, limit=100_000)),
        }


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict:
    db = f"sqlite:///{tmp_path_factory.mktemp('clean')}/clean.db"
    assert _ingest(db).wait(timeout=600) == 0
    return _readable(db)


@pytest.mark.slow
def test_many_kills_then_resume_equal_a_clean_run(db_url, clean):
    rng = random.Random(11)
    for _ in range(KILLS):
        process = _ingest(db_url)
        time.sleep(rng.uniform(0.2, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert _ingest(db_url).wait(timeout=600) == 0
    resumed = _readable(db_url)
    assert resumed["counts"] == clean["counts"]
    for part in ("events", "clusters", "actors"):
        assert resumed[part] == clean[part], part

"""The store benchmark's generated store (bench/bench_store.py, run by `make bench`): a small one is built
whole and answers the queries the benchmark times."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import build_store  # noqa: E402

from communique.store import Store  # noqa: E402
from communique.store.queries import EventFilter, find_events  # noqa: E402


def test_a_generated_store_is_built_and_queried(tmp_path):
    path = tmp_path / "generated.db"
    built = build_store(path, 3_000, 7)
    assert built["events"] >= 3_000 and built["rows"]["clusters"] > 0
    with Store(f"sqlite:///{path}") as store, store.connect() as conn:
        clusters = find_events(conn, EventFilter(limit=20))
        assert len(clusters) == 20 and all(c["evidence"] for c in clusters)  # digests rebuilt from the rows
        (url,) = conn.exec_driver_sql("SELECT source_url FROM documents WHERE source_url IS NOT NULL LIMIT 1").one()
        assert url.startswith("https://")
        named, rows = conn.exec_driver_sql("SELECT (SELECT sum(events) FROM actors), count(*) FROM event_actors").one()
        assert named == rows > 0  # the actors' kept counts, as the writer keeps them

"""Counts kept while writing (dyad months, actor pairs) equal a recount from the stored events, on both backends."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from communique.ingest import ingest
from communique.pipeline import Pipeline
from communique.store import Store
from communique.store.summaries import rebuild

ROOT = Path(__file__).resolve().parents[1]


def _dump(conn) -> dict[str, list]:
    return {
        "dyads": conn.execute(text("SELECT * FROM dyad_months ORDER BY state_a, state_b, month, event_type")).all(),
        "pairs": conn.execute(
            text("SELECT * FROM actor_pair_months ORDER BY actor_a, actor_b, month, event_type")
        ).all(),
    }


def test_counts_kept_while_writing_equal_a_recount(db_url):
    with Store(db_url) as store:
        # the cluster set has near-duplicates and several reports of one happening
        ingest([str(ROOT / "examples" / "clusters"), str(ROOT / "examples" / "sv")], store, Pipeline())
        with store.engine.begin() as conn:
            kept = _dump(conn)
            rebuild(conn)
            recounted = _dump(conn)
            happenings = conn.execute(text("SELECT count(*) FROM clusters WHERE date_start IS NOT NULL")).scalar()
    assert kept == recounted
    assert kept["dyads"] and kept["pairs"]
    counted = sum(r.clusters for r in kept["dyads"])
    assert 0 < counted <= sum(r.events for r in kept["dyads"])
    assert counted <= happenings * 3  # a happening counts once per pair of states it names


def test_a_store_from_before_the_counts_gets_them_by_migration(tmp_path):
    import sqlite3

    url = f"sqlite:///{tmp_path}/old.db"
    with Store(url) as store:
        ingest([str(ROOT / "examples" / "sv")], store, Pipeline())
        with store.engine.connect() as conn:
            expected = _dump(conn)
    with sqlite3.connect(tmp_path / "old.db") as conn:  # back to the schema before 0004
        conn.execute("DROP TABLE dyad_months")
        conn.execute("DROP TABLE actor_pair_months")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0004_summaries'")
    with Store(url) as store, store.engine.connect() as conn:
        assert _dump(conn) == expected

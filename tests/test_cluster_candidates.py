"""The clusters an event may join are read with one statement per document (`clustering._Pool._read`): every
cluster open in a dated event's window, and of the others (undated clusters, or any date for an undated event)
only as many as `_find` can use. The events must join exactly the clusters they would join if every stored
cluster had been read."""

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from communique import reader
from communique.pipeline import Pipeline
from communique.store import Store, clustering

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def documents():
    pipeline = Pipeline()
    paths = sorted((EXAMPLES / "sv").glob("*.txt")) + sorted((EXAMPLES / "en").glob("*.txt"))
    docs = [pipeline.process(reader.read_path(p)) for p in paths]
    # an undated meeting, then a dated one of the same two states: the dated one's lookup must find the
    # undated cluster (it may be the same happening)
    undated = "Islands statsminister Kristrún Frostadóttir träffade Estlands premiärminister Kristen Michal i Tallinn."
    dated = (
        "Reykjavik, den 3 mars 2025. Islands statsminister Kristrún Frostadóttir träffade på måndagen Estlands "
        "premiärminister Kristen Michal i Tallinn."
    )
    return docs + [pipeline.process(reader.from_text(t, f"{n}.txt")) for n, t in (("u", undated), ("d", dated))]


class _EveryCluster(clustering._Pool):
    """The reference: a pool that reads every stored cluster."""

    def _read(self, conn, lookups) -> None:
        columns = ", ".join(clustering._COLUMNS)
        for row in conn.execute(text(f"SELECT id, {columns} FROM clusters")):
            self.add_stored(row)


def _choices(pool: clustering._Pool, conn, rows: list[dict]) -> list:
    """The cluster each row joins: a stored cluster's id, or the place of a new one among the document's own."""
    pool.place(conn, [dict(row) for row in rows])
    return [cluster.id if cluster.id is not None else cluster.order for _, cluster in pool.assigned]


def _rows(doc) -> list[dict]:
    """What the clustering reads of a document's events before they are stored."""
    return [
        {
            "id": f"{doc.id}:{e.id}",
            "event_type": e.event_type,
            "mode": e.mode,
            "modality": e.modality,
            "actor_country": list(e.actor_country),
            "recipient_country": list(e.recipient_country),
            "date_start": e.date.start.isoformat() if e.date and e.date.start else None,
            "date_end": e.date.end.isoformat() if e.date and e.date.end else None,
            "location_country": e.location.country if e.location else None,
        }
        for e in doc.events
    ]


def _same_choices_as_reading_everything(conn, rows: list[dict]) -> list:
    chosen = _choices(clustering._Pool(), conn, rows)
    assert chosen == _choices(_EveryCluster(), conn, rows), [row["id"] for row in rows]
    return chosen


def test_events_of_real_articles_join_the_clusters_a_full_read_gives(db_url, documents):
    joined = 0
    with Store(db_url) as store:
        for doc in documents:
            with store.connect() as conn:
                chosen = _same_choices_as_reading_everything(conn, _rows(doc))
            joined += sum(isinstance(c, int) for c in chosen)
            store.add(doc, "test")
    assert joined > 5  # events of later articles joined stored clusters


def _made_up_document(draw: random.Random, number: int) -> list[dict]:
    """One to five events over few types, states, days and places: many clusters share a type and dyad, most
    with no date or place, so the limited reads are cut short; some dated over weeks, up to and past the longest
    span a cluster may have."""
    rows = []
    for i in range(draw.randint(1, 5)):
        states = draw.sample(["SWE", "FIN", "NOR", "EST"], draw.choice([1, 1, 2, 3]))
        actors, recipients = states[:1], [s for s in states[1:] if draw.random() < 0.8]
        if draw.random() < 0.3:
            actors, recipients = (states, []) if draw.random() < 0.5 else ([], states)
        day = None if draw.random() < 0.5 else date(2025, 3, 1) + timedelta(days=draw.randint(0, 60))
        rows.append(
            {
                "id": f"d{number}:e{i}",
                "event_type": draw.choice(["CONSULT", "CONSULT", "AGREE"]),
                "mode": draw.choice([None, None, "visit"]),
                "modality": "asserted",
                "actor_country": actors,
                "recipient_country": recipients,
                "date_start": day and day.isoformat(),
                # a day or two, a month's dates, and a span no cluster may have
                "date_end": day and (day + timedelta(days=draw.choice([0, 0, 0, 1, 2, 20, 29, 40]))).isoformat(),
                "location_country": draw.choice([None, None, None, *states]),
            }
        )
    return rows


def test_made_up_events_join_the_clusters_a_full_read_gives(db_url):
    """Hundreds of documents on four states: the limits cut many reads short, the choices stay the same."""
    draw = random.Random(20261123)
    joined = 0
    with Store(db_url) as store:
        for number in range(300):
            rows = _made_up_document(draw, number)
            with store.engine.begin() as conn:
                joined += sum(isinstance(c, int) for c in _same_choices_as_reading_everything(conn, rows))
                clustering.assign(conn, rows)
        with store.connect() as conn:
            undated = conn.execute(text("SELECT COUNT(*) FROM clusters WHERE date_start IS NULL")).scalar()
    assert joined > 100
    assert undated > 100  # far more undated clusters per type and dyad than any limit


def test_an_undated_cluster_keeps_no_end():
    cluster = clustering._Cluster(
        (1, 0), event_type="CONSULT", mode=None, modality="asserted", dyad="SWE+FIN", date_start=None,
        date_end="2025-03-04", location_country=None, size=1,
    )  # fmt: skip
    assert cluster.date_end is None
    cluster.grow({"date_start": None, "date_end": "2025-03-05", "location_country": None})
    assert cluster.date_start is None and cluster.date_end is None
    cluster.grow({"date_start": "2025-03-03", "date_end": "2025-03-04", "location_country": None})
    assert (cluster.date_start, cluster.date_end) == ("2025-03-03", "2025-03-04")


def _stored(conn, *clusters: dict) -> list[int]:
    """Clusters stored as they are, in this order (their ids)."""
    ids = []
    for values in clusters:
        row = {"event_type": "CONSULT", "mode": "meeting", "modality": "asserted", "dyad": "FIN+SWE"}
        row |= {"date_start": None, "date_end": None, "location_country": None, "size": 1} | values
        conn.execute(text("INSERT INTO clusters (event_type, mode, modality, dyad, date_start, date_end,"
                          " location_country, size) VALUES (:event_type, :mode, :modality, :dyad, :date_start,"
                          " :date_end, :location_country, :size)"), row)  # fmt: skip
        ids.append(conn.execute(text("SELECT MAX(id) FROM clusters")).scalar())
    return ids


def _meeting(number: int, day: str | None, place: str | None = None) -> dict:
    return {
        "id": f"d:e{number}", "event_type": "CONSULT", "mode": "meeting", "modality": "asserted",
        "actor_country": ["SWE"], "recipient_country": ["FIN"], "date_start": day, "date_end": day,
        "location_country": place,
    }  # fmt: skip


def test_an_event_finds_the_undated_cluster_of_its_place_behind_others(db_url):
    """Four undated clusters held elsewhere come first; the one in the event's place is its only candidate."""
    with Store(db_url) as store, store.engine.begin() as conn:
        *elsewhere, here = _stored(conn, *[{"location_country": "EST"}] * 4, {"location_country": "NOR"})
        assert _same_choices_as_reading_everything(conn, [_meeting(1, None, "NOR")]) == [here]
        assert _same_choices_as_reading_everything(conn, [_meeting(1, "2025-03-03", "NOR")]) == [here]


def test_a_dated_event_joins_the_first_undated_cluster_even_after_it_was_updated(db_url):
    """The first undated cluster by id, also when an update has moved its row (PostgreSQL's heap order)."""
    with Store(db_url) as store, store.engine.begin() as conn:
        first, *_ = _stored(conn, {}, {}, {})
        for dyad in ("EST+SWE", "FIN+SWE"):  # an indexed column: a new row version and index entry, not a HOT update
            conn.execute(text("UPDATE clusters SET dyad = :dyad WHERE id = :id"), {"dyad": dyad, "id": first})
        assert _same_choices_as_reading_everything(conn, [_meeting(1, "2025-03-03")]) == [first]


def test_a_cluster_the_document_changed_does_not_hide_the_next_undated_one(db_url):
    """The first event dates the first undated cluster in memory; the second, a month later, takes the next."""
    with Store(db_url) as store, store.engine.begin() as conn:
        first, second, _ = _stored(conn, {}, {}, {})
        rows = [_meeting(1, "2025-03-03"), _meeting(2, "2025-04-20")]
        assert _same_choices_as_reading_everything(conn, rows) == [first, second]


def _meetings_over(*spans: tuple[str, str]) -> list[dict]:
    return [_meeting(n, first) | {"date_end": last} for n, (first, last) in enumerate(spans)]


def test_a_cluster_spans_a_month_at_most(db_url):
    """A month's dates take a day inside them, not one past the month's span; a vaguer span stays apart."""
    with Store(db_url) as store, store.engine.begin() as conn:
        rows = _meetings_over(("2025-03-01", "2025-03-31"), ("2025-03-10", "2025-03-10"), ("2025-04-02", "2025-04-02"))
        clustering.assign(conn, rows)
        assert rows[0]["cluster_id"] == rows[1]["cluster_id"] != rows[2]["cluster_id"]
        vague = _meetings_over(("2025-06-01", "2025-08-31"), ("2025-07-10", "2025-07-10"))
        clustering.assign(conn, vague)
        assert vague[0]["cluster_id"] != vague[1]["cluster_id"]
        spans = conn.execute(text("SELECT date_start, date_end FROM clusters WHERE date_start < '2025-06-01'")).all()
        assert all(clustering._days(first, last) <= clustering.MAX_SPAN_DAYS for first, last in spans)


def test_migration_gives_an_old_store_the_date_start_cluster_indexes(tmp_path, documents):
    """A store from schema version 9 (cluster indexes led by date_end) gets them led by date_start."""
    import sqlite3

    from communique.store.migrations import SCHEMA_VERSION

    url = f"sqlite:///{tmp_path}/old.db"
    with Store(url) as store:
        for doc in documents[:3]:
            store.add(doc, "test")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.execute("DROP INDEX ix_clusters_key")
        conn.execute("DROP INDEX ix_clusters_type_start")
        conn.execute("CREATE INDEX ix_clusters_key ON clusters (event_type, dyad, date_end, date_start)")
        conn.execute("CREATE INDEX ix_clusters_type_end ON clusters (event_type, date_end, dyad)")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0010_cluster_start_indexes'")
    with Store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(tmp_path / "old.db") as conn:
        indexes = {
            name: [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clusters'")
        }
    assert indexes == {
        "ix_clusters_key": ["event_type", "dyad", "date_start", "date_end"],
        "ix_clusters_type_start": ["event_type", "date_start", "dyad"],
    }


def test_migration_lists_the_states_of_the_stored_dyads(tmp_path, documents):
    """A store from schema version 10 gets `cluster_dyad_states` made from its clusters, as new clusters add them."""
    import sqlite3

    url = f"sqlite:///{tmp_path}/old.db"
    with Store(url) as store:
        for doc in documents:
            store.add(doc, "test")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        written = sorted(conn.execute("SELECT state, dyad FROM cluster_dyad_states"))
        dyads = [d for (d,) in conn.execute("SELECT DISTINCT dyad FROM clusters")]
        conn.execute("DROP TABLE cluster_dyad_states")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0011_cluster_dyad_states'")
    expected = sorted({(s, d) for d in dyads for s in d.replace(">", "+").split("+") if s})
    assert written == expected and any(">" in d for d in dyads) and any("+" in d for d in dyads)
    with Store(url):
        pass
    with sqlite3.connect(tmp_path / "old.db") as conn:
        assert sorted(conn.execute("SELECT state, dyad FROM cluster_dyad_states")) == expected

"""The event store on both backends: one transaction per document, duplicates, clusters, queries."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from communique import dedup, reader
from communique.errors import StoreError
from communique.pipeline import Pipeline
from communique.store import EventFilter, Store
from communique.store.migrations import SCHEMA_VERSION
from communique.store.queries import counts, find_events, get_event, list_actors

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "sv"


@pytest.fixture(scope="module")
def coded():
    pipeline = Pipeline()
    return {p.name: pipeline.process(reader.read_path(p)) for p in sorted(EXAMPLES.glob("*.txt"))[:8]}


def _add(store, doc, origin="test"):
    print_ = dedup.fingerprint(doc.text)
    with store.connect() as conn:
        original = dedup.near_duplicate_of(conn, print_)
    return store.add(doc, origin, original, print_.signature, print_.bands)


def test_documents_events_and_actors_are_stored(db_url, coded):
    with Store(db_url) as store:
        for doc in coded.values():
            assert _add(store, doc).status == "new"
        with store.connect() as conn:
            stored = counts(conn)
    assert stored["documents"] == len(coded)
    assert stored["events"] == sum(len(d.events) for d in coded.values())
    assert 0 < stored["clusters"] <= stored["events"]


def test_same_text_twice_changes_nothing(db_url, coded):
    doc = next(iter(coded.values()))
    with Store(db_url) as store:
        _add(store, doc)
        with store.connect() as conn:
            before = counts(conn)
        assert _add(store, doc).status == "duplicate"
        with store.connect() as conn:
            assert counts(conn) == before


def test_reopening_keeps_schema_version(db_url):
    with Store(db_url) as store:
        version = store.schema_version()
    with Store(db_url) as store:
        assert store.schema_version() == version >= 1


def test_edited_copy_is_a_near_duplicate_and_adds_evidence_not_clusters(db_url, coded):
    name = "03_vietnam_frankrike_statsbesok.txt"
    original = coded[name]
    text = (EXAMPLES / name).read_text(encoding="utf-8").replace("varmt", "hjärtligt").replace("Källa:", "Source:")
    copy = Pipeline().process(reader.from_text(text, "copy.txt"))
    assert copy.id != original.id
    with Store(db_url) as store:
        _add(store, original)
        with store.connect() as conn:
            clusters_before = counts(conn)["clusters"]
        result = _add(store, copy)
        assert result.status == "near-duplicate" and result.near_duplicate_of == original.id
        with store.connect() as conn:
            assert counts(conn)["clusters"] == clusters_before
            visit = find_events(conn, EventFilter(event_type="CONSULT", country="FRA"))[0]
    assert set(visit["documents"]) == {original.id, copy.id}


def test_filters_select_the_right_events(db_url, coded):
    with Store(db_url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            laos = find_events(conn, EventFilter(country="LAO"), clusters=False)
            visits = find_events(conn, EventFilter(event_type="consult"), clusters=False)
            trade = find_events(conn, EventFilter(sector="trade"), clusters=False)
            to_lam = find_events(conn, EventFilter(actor="to lam"), clusters=False)
            spring = find_events(conn, EventFilter(since=date(2025, 5, 1), until=date(2025, 5, 31)), clusters=False)
            words = find_events(conn, EventFilter(text="telefonsamtal"), clusters=False)
    assert laos and all("LAO" in e["actor_country"] + e["recipient_country"] for e in laos)
    assert visits and all(e["event_type"] == "CONSULT" for e in visits)
    assert trade and all("trade" in e["sectors"] for e in trade)
    assert to_lam and all("To Lam" in e["actor_names"] + e["recipient_names"] for e in to_lam)
    assert spring and all(e["date"]["start"] <= "2025-05-31" and e["date"]["end"] >= "2025-05-01" for e in spring)
    assert words and all("telefonsamtal" in e["text"].lower() for e in words)


def test_show_returns_evidence_that_matches_the_document(db_url, coded):
    doc = coded["02_vietnam_laos_telefonsamtal.txt"]
    with Store(db_url) as store:
        _add(store, doc)
        with store.connect() as conn:
            event = get_event(conn, f"{doc.id}:e1")
            cluster = get_event(conn, event["cluster_id"])
            actors = list_actors(conn, "Pham Minh Chinh")
    span = event["evidence"][0]
    assert span["text"] == doc.text[span["start"] : span["end"]]
    assert cluster["members"] == [event["id"]]
    assert actors and actors[0]["events"] >= 1


def test_unknown_event_id_is_a_clear_error(db_url):
    with Store(db_url) as store, store.connect() as conn, pytest.raises(StoreError, match="no event"):
        get_event(conn, "nope:e1")


def test_bad_database_url_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot"):
        Store("nosuchdb://x")
    with pytest.raises(StoreError, match="cannot open database"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_text_filter_matches_non_ascii_words_in_any_case(db_url, coded):
    with Store(db_url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            lower = find_events(conn, EventFilter(text="välkomnade"), clusters=False)
            upper = find_events(conn, EventFilter(text="VÄLKOMNADE"), clusters=False)
    assert lower and {e["id"] for e in lower} == {e["id"] for e in upper}
    assert all("välkomnade" in e["text"].lower() for e in lower)


def test_migration_adds_actor_counts_to_an_old_database(tmp_path, coded):
    """A store created before 0002 gets the column, the backfilled counts and the index."""
    import sqlite3

    url = f"sqlite:///{tmp_path}/old.db"
    with Store(url) as store:
        for doc in list(coded.values())[:3]:
            _add(store, doc)
    with sqlite3.connect(tmp_path / "old.db") as conn:  # take the database back to schema version 1
        conn.execute("DROP INDEX ix_actors_events")
        conn.execute("ALTER TABLE actors DROP COLUMN events")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0002_actor_event_counts'")
    with Store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        with store.connect() as conn:
            actors = list_actors(conn, limit=5)
    assert actors[0]["events"] >= actors[-1]["events"] and actors[0]["events"] > 0


def test_a_failing_migration_leaves_no_half_made_schema(db_url, monkeypatch):
    """Schema changes are one transaction on both backends: a failure part-way leaves the database as it was."""
    from sqlalchemy import create_engine, inspect

    from communique.store import migrations

    def broken(conn):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + (("9999_broken", broken),))
    with pytest.raises(RuntimeError):
        Store(db_url)
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        assert "documents" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


TEXT_QUERIES = ["telefonsamtal", "välkomnade", "VÄLKOMNADE", "Överens", "samarbete handel", "ha", "nosuchword", 'x"y']


@pytest.mark.parametrize("clusters", [True, False], ids=["clusters", "mentions"])
def test_text_index_finds_the_same_events_as_the_scan(db_url, coded, monkeypatch, clusters):
    """The trigram index (SQLite) only picks candidates: the rows are those of the LIKE scan, in the same order,
    whether the candidates' events are read and sorted, probed on the date walk, or not read at all."""
    from communique.store import queries

    def found():
        return [find_events(conn, EventFilter(text=q), clusters=clusters) for q in TEXT_QUERIES]

    with Store(db_url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            chosen = found()  # by the cost model
            monkeypatch.setattr(queries, "_SCAN", 10.0**9)
            monkeypatch.setattr(queries, "_LOOKUP", 10.0**9)
            looked_up = found()
            monkeypatch.setattr(queries, "_LOOKUP", 0.0)
            probed = found()
            monkeypatch.setattr(queries, "_SCAN", 0.0)
            walked = found()
            monkeypatch.setattr(queries.text_index, "indexed_up_to", lambda conn: None)
            scanned = found()
    assert chosen == looked_up == probed == walked == scanned
    assert chosen[0] and chosen[1] and not chosen[6]


def test_migration_adds_the_text_index_to_an_old_database(tmp_path, coded):
    """A SQLite store created before 0003 gets the index filled from its events, and new events enter it."""
    import sqlite3

    url = f"sqlite:///{tmp_path}/old.db"
    docs = list(coded.values())
    with Store(url) as store:
        for doc in docs[:3]:
            _add(store, doc)
    with sqlite3.connect(tmp_path / "old.db") as conn:  # no text index, as before 0003 (and 0006)
        for trigger in ("delete", "update"):
            conn.execute(f"DROP TRIGGER events_text_{trigger}")
        conn.execute("DROP TABLE events_text")
        conn.execute("DELETE FROM schema_migrations WHERE name IN ('0003_text_index', '0006_batched_text_index')")
    with Store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        for doc in docs[3:]:
            _add(store, doc)
        store.catch_up()
        with store.connect() as conn:
            indexed = conn.exec_driver_sql("SELECT count(*) FROM events_text").scalar_one()
            assert indexed == counts(conn)["events"]
            words = find_events(conn, EventFilter(text="telefonsamtal"), clusters=False)
    assert words and all("telefonsamtal" in e["text"].lower() for e in words)


@pytest.mark.parametrize("clusters", [True, False], ids=["clusters", "mentions"])
def test_events_the_text_index_has_not_caught_up_with_are_found(tmp_path, coded, monkeypatch, clusters):
    """New events enter the trigram index in batches: until then a word query scans them, so it finds the
    same events before the batch, after it, and without the index."""
    from communique.store import queries

    url = f"sqlite:///{tmp_path}/batched.db"
    docs = list(coded.values())
    monkeypatch.setattr(Store, "CATCH_UP_EVERY", 3)
    with Store(url) as store:
        for doc in docs:  # 8 documents: two batches of 3, two documents behind
            _add(store, doc)
        with store.connect() as conn:
            indexed = conn.exec_driver_sql("SELECT count(*) FROM events_text").scalar_one()
            stored = counts(conn)["events"]
            behind = [find_events(conn, EventFilter(text=q), clusters=clusters) for q in TEXT_QUERIES]
        store.catch_up()
        with store.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM events_text").scalar_one() == stored
            caught_up = [find_events(conn, EventFilter(text=q), clusters=clusters) for q in TEXT_QUERIES]
            monkeypatch.setattr(queries.text_index, "indexed_up_to", lambda conn: None)
            scanned = [find_events(conn, EventFilter(text=q), clusters=clusters) for q in TEXT_QUERIES]
    assert 0 < indexed < stored
    assert behind == caught_up == scanned
    assert any(e["document_id"] == docs[-1].id for result in behind for e in result)  # a query found the tail


def test_closing_the_store_indexes_the_rest(tmp_path, coded):
    url = f"sqlite:///{tmp_path}/closed.db"
    with Store(url) as store:
        for doc in list(coded.values())[:2]:
            _add(store, doc)
    with Store(url) as store, store.connect() as conn:
        indexed = conn.exec_driver_sql("SELECT count(*) FROM events_text").scalar_one()
        assert indexed == counts(conn)["events"] > 0


@pytest.mark.parametrize("clusters", [True, False], ids=["clusters", "mentions"])
def test_rare_and_common_filter_values_give_the_same_events(db_url, coded, monkeypatch, clusters):
    """A side-table filter reads ids first (IN) or walks the date order (EXISTS): the same rows either way."""
    from communique.store import queries

    filters = [
        EventFilter(country="LAO"),
        EventFilter(sector="trade"),
        EventFilter(actor="to lam", event_type="consult"),
    ]
    with Store(db_url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            listed = [find_events(conn, f, clusters=clusters) for f in filters]
            monkeypatch.setattr(queries, "_SELECTIVE", 0)  # every value counts as common
            walked = [find_events(conn, f, clusters=clusters) for f in filters]
    assert listed == walked and all(listed)


# filters, and the predicate a matching event satisfies (on the dicts of an unfiltered listing)
ACCESS_PATH_FILTERS = [
    (EventFilter(country="LAO"), lambda e: "LAO" in e["actor_country"] + e["recipient_country"]),
    (EventFilter(country="VNM"), lambda e: "VNM" in e["actor_country"] + e["recipient_country"]),
    (EventFilter(sector="trade"), lambda e: "trade" in e["sectors"]),
    (
        EventFilter(actor="to lam"),
        lambda e: any("to lam" in n.lower() for n in e["actor_names"] + e["recipient_names"]),
    ),
    (EventFilter(actor="a"), lambda e: any("a" in n.lower() for n in e["actor_names"] + e["recipient_names"])),
    (
        EventFilter(country="VNM", event_type="consult"),
        lambda e: "VNM" in e["actor_country"] + e["recipient_country"] and e["event_type"] == "CONSULT",
    ),
    (
        EventFilter(country="VNM", until=date(2025, 9, 30)),
        lambda e: (
            "VNM" in e["actor_country"] + e["recipient_country"] and e["date"] and e["date"]["start"] <= "2025-09-30"
        ),
    ),
    (
        EventFilter(actor="a", sector="trade", since=date(2025, 1, 1)),
        lambda e: (
            any("a" in n.lower() for n in e["actor_names"] + e["recipient_names"])
            and "trade" in e["sectors"]
            and e["date"]
            and (e["date"]["end"] or e["date"]["start"]) >= "2025-01-01"
        ),
    ),
]


@pytest.mark.parametrize(
    ("selective", "branched"),
    [(None, None), (0, None), (0, 10**6), (10**12, None)],
    ids=["measured", "all-common", "all-common-actor-ranges", "all-rare"],
)
def test_every_access_path_finds_what_a_full_listing_finds(db_url, coded, monkeypatch, selective, branched):
    """Driven by a side table's date index (one range per matching actor, or all of them), walked in date order
    with EXISTS, or read by IN: the same events in the same order as filtering the whole listing, each once (an
    event can match by two roles or two actors)."""
    from communique.store import queries

    with Store(db_url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            everything = find_events(conn, EventFilter(limit=100_000), clusters=False)
            if selective is not None:
                monkeypatch.setattr(queries, "_SELECTIVE", selective)
            if branched is not None:  # every name matching several actors reads one range per actor
                monkeypatch.setattr(queries, "_BRANCHED_ACTORS", branched)
                monkeypatch.setattr(queries, "_RANGE_COST", 0.0)
            for f, wanted in ACCESS_PATH_FILTERS:
                expected = [e for e in everything if wanted(e)]
                page = replace(f, limit=10_000)
                assert [e["id"] for e in find_events(conn, page, clusters=False)] == [e["id"] for e in expected], f
                clusters = [c["id"] for c in find_events(conn, page, clusters=True)]
                assert clusters == list(dict.fromkeys(e["cluster_id"] for e in expected)), f
                assert expected, f


def test_migration_dates_and_types_the_side_tables_of_an_old_database(tmp_path, coded):
    """A SQLite store created before 0005 gets each side-table row's event date and type (0008) and the dated
    value indexes with the type last."""
    import sqlite3

    url = f"sqlite:///{tmp_path}/old.db"
    with Store(url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            before = [find_events(conn, f, clusters=False) for f, _ in ACCESS_PATH_FILTERS]
    with sqlite3.connect(tmp_path / "old.db") as conn:  # take the side tables back to schema version 4
        for table, index, value in (
            ("event_actors", "ix_event_actors_actor", "actor_id"),
            ("event_countries", "ix_event_countries_country", "country"),
            ("event_sectors", "ix_event_sectors_sector", "sector"),
        ):
            conn.execute(f"DROP INDEX {index}")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN date_start")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN event_type")
            conn.execute(f"CREATE INDEX {index} ON {table} ({value}, event_id)")
        conn.execute("DELETE FROM schema_migrations WHERE name IN ('0005_side_table_dates', '0008_side_table_types')")
    with Store(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        with store.connect() as conn:
            after = [find_events(conn, f, clusters=False) for f, _ in ACCESS_PATH_FILTERS]
    with sqlite3.connect(tmp_path / "old.db") as conn:
        unlike = conn.execute(
            "SELECT count(*) FROM event_countries c JOIN events e ON e.id = c.event_id"
            " WHERE c.date_start IS NOT e.date_start OR c.event_type IS NOT e.event_type"
        ).fetchone()[0]
        columns = [r[2] for r in conn.execute("PRAGMA index_info(ix_event_countries_country)")]
    assert unlike == 0 and columns == ["country", "date_start", "event_id", "event_type"]
    assert after == before


@pytest.mark.parametrize("clusters", [True, False], ids=["clusters", "mentions"])
def test_small_pages_of_a_name_that_matches_several_actors_walk_the_whole_listing(db_url, coded, clusters, monkeypatch):
    """Each of the name's actors is read from its own date range, a page's worth at most, and merged: small
    pages, by offset or by cursor, still give every matching event once, in the listing's order."""
    from communique.store import paging, queries

    monkeypatch.setattr(queries, "_RANGE_COST", 0.0)  # ranges whatever the name's share of a store this small

    with Store(db_url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            f = EventFilter(actor="an", limit=100_000)
            assert len(queries._sides(f, conn)[0].parts) > 3  # several actors, each its own range
            expected = [e["id"] for e in find_events(conn, f, clusters=clusters)]
            by_offset, by_cursor, after = [], [], None
            for offset in range(0, len(expected) + 3, 3):
                by_offset += [e["id"] for e in find_events(conn, replace(f, limit=3, offset=offset), clusters)]
            while True:
                page = paging.events_page(conn, replace(f, limit=3), after, clusters=clusters)
                by_cursor += [e["id"] for e in page.items]
                if page.next is None:
                    break
                after = page.next
    assert len(expected) > 10
    assert by_offset == expected
    assert by_cursor == expected


def test_the_events_stored_are_estimated_at_no_cost_on_both_backends(db_url, coded):
    """A name's ranges-or-walk choice weighs the store's size: SQLite's last rowid, PostgreSQL's planner
    estimate once the table has been analysed (none before: the choice then falls back to a few ranges)."""
    from communique.store import queries

    with Store(db_url) as store:
        for doc in coded.values():
            _add(store, doc)
        with store.connect() as conn:
            stored = counts(conn)["events"]
            if store.dialect == "postgresql":
                conn.exec_driver_sql("ANALYZE events")
            assert stored > 10 and queries._events_stored(conn) == stored

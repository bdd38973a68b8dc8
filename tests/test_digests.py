"""Cluster digests: a page of clusters shows what all their members name, kept as documents are written."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from communique import dedup, reader
from communique.pipeline import Pipeline
from communique.store import EventFilter, Store, digests
from communique.store.migrations import SCHEMA_VERSION
from communique.store.queries import find_events

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ALL = EventFilter(limit=100_000)


@pytest.fixture(scope="module")
def documents():
    """Swedish and English examples, then an edited copy of one (a near-duplicate joins its clusters)."""
    pipeline = Pipeline()
    paths = sorted((EXAMPLES / "sv").glob("*.txt"))[:8] + sorted((EXAMPLES / "en").glob("*.txt"))[:8]
    docs = [pipeline.process(reader.read_path(p)) for p in paths]
    edited = paths[2].read_text(encoding="utf-8").replace("Källa:", "Source:") + "\nUppdaterad."
    docs.append(pipeline.process(reader.from_text(edited, "copy.txt")))
    return docs


def _store(url, docs):
    store = Store(url)
    for doc in docs:
        print_ = dedup.fingerprint(doc.text)
        with store.connect() as conn:
            original = dedup.near_duplicate_of(conn, print_)
        store.add(doc, "test", original, print_.signature, print_.bands)
    return store


def _expected(events: list[dict]) -> dict:
    """A cluster from its member events (in the order written): the first with the union of all."""

    def union(field):
        return list(dict.fromkeys(v for e in events for v in e[field]))

    quantities = []
    for q in (q for e in events for q in e["quantities"]):
        if q not in quantities:
            quantities.append(q)
    actor_country = union("actor_country")
    return {
        "event_type": events[0]["event_type"],
        "text": events[0]["text"],
        "document_id": events[0]["document_id"],
        "members": [e["id"] for e in events],
        "documents": sorted({e["document_id"] for e in events}),
        "actor": union("actor"),
        "recipient": union("recipient"),
        "actor_country": actor_country,
        "recipient_country": [c for c in union("recipient_country") if c not in actor_country],
        "sectors": union("sectors"),
        "rules": union("rules"),
        "quantities": quantities,
        "confidence": max(e["confidence"] for e in events),
        "evidence": [span for e in events for span in e["evidence"]],
        "size": len(events),
    }


def test_a_cluster_is_its_first_report_with_what_all_its_members_name(db_url, documents):
    with _store(db_url, documents) as store, store.connect() as conn:
        events = find_events(conn, ALL, clusters=False)
        clusters = find_events(conn, ALL)
    written = [f"{doc.id}:{e.id}" for doc in documents for e in doc.events]
    members: dict[str, list[dict]] = {}
    for e in sorted(events, key=lambda e: written.index(e["id"])):
        members.setdefault(e["cluster_id"], []).append(e)
    assert {c["id"] for c in clusters} == set(members)
    assert any(c["size"] > 1 and len(c["documents"]) > 1 for c in clusters)  # the copy joined its original's
    for cluster in clusters:
        expected = _expected(members[cluster["id"]])
        assert {k: cluster[k] for k in expected} == expected, cluster["id"]
        names = dict(zip(cluster["actor"], cluster["actor_names"], strict=True))
        for e in members[cluster["id"]]:
            assert all(names[a] == name for a, name in zip(e["actor"], e["actor_names"], strict=True))


@pytest.mark.parametrize("chunk", [digests._CHUNK, 1])
def test_rebuilding_gives_the_digests_the_writer_kept(db_url, documents, chunk, monkeypatch):
    """Also with the stored digests read one cluster per statement: the copy grows several stored clusters."""
    monkeypatch.setattr(digests, "_CHUNK", chunk)
    read = text("SELECT id, digest FROM clusters ORDER BY id")
    with _store(db_url, documents) as store:
        with store.connect() as conn:
            kept = conn.execute(read).all()
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE clusters SET digest = NULL"))
            digests.rebuild(conn, batch=3)
            rebuilt = conn.execute(read).all()
    assert kept and all(digest for _, digest in kept)
    assert rebuilt == kept


def test_migration_adds_digests_to_an_old_database(tmp_path, documents):
    url = f"sqlite:///{tmp_path}/old.db"
    with _store(url, documents) as store, store.connect() as conn:
        before = find_events(conn, ALL)
    with sqlite3.connect(tmp_path / "old.db") as conn:  # back to schema version 6
        conn.execute("ALTER TABLE clusters DROP COLUMN digest")
        conn.execute("DELETE FROM schema_migrations WHERE name = '0007_cluster_digests'")
    with Store(url) as store, store.connect() as conn:
        assert store.schema_version() == SCHEMA_VERSION
        assert find_events(conn, ALL) == before

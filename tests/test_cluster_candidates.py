"""The clusters an event may join are read with one statement per document (`clustering._Pool._read`) through the
date_end indexes: it must return every stored cluster the event's lookup matches (`_find` then decides)."""

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


def _stored_clusters(conn) -> list:
    columns = ", ".join(clustering._COLUMNS)
    result = conn.execute(text(f"SELECT id, {columns} FROM clusters"))
    return [clustering._Cluster((0, r.id), id=r.id, **{c: getattr(r, c) for c in clustering._COLUMNS}) for r in result]


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


def test_the_candidates_include_every_cluster_an_event_can_join(db_url, documents):
    """Each document's events, just before it is stored, against every cluster stored before it."""
    checked = undated_found = 0
    with Store(db_url) as store:
        for doc in documents:
            with store.connect() as conn:
                everything = _stored_clusters(conn)
                for row in _rows(doc):
                    lookup = clustering._lookup(row)
                    if lookup is None:
                        continue
                    pool = clustering._Pool()
                    pool._read(conn, [(row, lookup)])
                    found = {c.id for c in pool.clusters.values()}
                    named = set(row["actor_country"]) | set(row["recipient_country"])
                    wanted = {
                        c
                        for c in everything
                        if c.matches(*lookup) and (lookup[3] is not None or min(named) in c.states)
                    }
                    assert {c.id for c in wanted} <= found, row["id"]
                    checked += bool(wanted)
                    undated_found += bool(lookup[4]) and any(c.date_start is None for c in wanted)
            store.add(doc, "test")
    assert checked > 20
    assert undated_found  # a dated event whose candidates had to include an undated cluster


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

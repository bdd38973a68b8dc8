"""The write path of ingest: driver-level statements, JSON text, clusters handed out in event order, and
near-duplicates found inside the document's own transaction; on both backends."""

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from communique.ingest import ingest
from communique.pipeline import Pipeline
from communique.store import Store
from communique.store.sql import Statement, dumps

ROOT = Path(__file__).resolve().parents[1]

VALUES = {
    "empty": [],
    "ascii": ["VNM", "LAO"],
    "non-ascii": ["Phạm Minh Chính", "Västerås", "東京"],
    "escapes": ['say "hi"', "back\\slash", "tab\there", "new\nline", "\x00\x1f\u2028"],
    "dicts": [{"value": 20000000.0, "unit": "USD", "text": "20 miljoner dollar"}],
    "mixed": ["a", 1, None],
    "not-a-list": {"a": ["b"]},
}


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_json_text_is_what_json_dumps_writes(value):
    assert dumps(value) == json.dumps(value)


def test_statements_name_their_parameters_in_the_driver_style():
    statement = Statement("SELECT :a, :b_1, CAST(:a AS VARCHAR(3)) WHERE x LIKE '5%'")
    assert statement.sql.count(":a") == 2
    assert statement._pyformat == "SELECT %(a)s, %(b_1)s, CAST(%(a)s AS VARCHAR(3)) WHERE x LIKE '5%%'"


def test_new_clusters_take_ids_in_the_order_of_their_first_event(db_url):
    """Clusters are written after the document's events are placed; their ids still follow event order,
    as when each was inserted on its own (the same input gives the same ids)."""
    sources = [ROOT / "examples" / "clusters", ROOT / "examples" / "sv"]
    with Store(db_url) as store:
        ingest([str(s) for s in sources], store, Pipeline())
        with store.connect() as conn:
            documents = [r[0] for r in conn.execute(text("SELECT id FROM documents ORDER BY ingested_at, id"))]
            events = conn.execute(text("SELECT id, document_id, cluster_id FROM events")).all()
            clusters = conn.execute(text("SELECT count(*) FROM clusters")).scalar_one()
    order = {d: i for i, d in enumerate(documents)}
    in_order = sorted(events, key=lambda e: (order[e.document_id], int(e.id.rsplit(":e", 1)[1])))
    first_seen = list(dict.fromkeys(e.cluster_id for e in in_order))
    assert len(first_seen) == clusters > 10
    assert first_seen == sorted(first_seen)


def test_an_edited_copy_is_linked_by_ingest_and_adds_no_cluster(db_url, tmp_path):
    name = "03_vietnam_frankrike_statsbesok.txt"
    original = (ROOT / "examples" / "sv" / name).read_text(encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / name).write_text(original, encoding="utf-8")
    (second / name).write_text(original.replace("varmt", "hjärtligt"), encoding="utf-8")
    with Store(db_url) as store:
        pipeline = Pipeline()
        ingest([str(first)], store, pipeline)
        with store.connect() as conn:
            before = conn.execute(text("SELECT id, size FROM clusters ORDER BY id")).all()
        summary = ingest([str(second)], store, pipeline)
        with store.connect() as conn:
            after = conn.execute(text("SELECT id, size FROM clusters ORDER BY id")).all()
            links = conn.execute(text("SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL")).scalar()
    assert summary.near_duplicate == 1 and summary.new == 0 and links == 1
    assert [r.id for r in after] == [r.id for r in before]
    assert sum(r.size for r in after) == sum(r.size for r in before) + summary.events

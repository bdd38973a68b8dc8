"""The REST API over a real store of the bundled examples: reads, paging, spans, the write, limits, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.ingest import ingest
from communique.pipeline import Pipeline
from communique.store import EventFilter, Store
from communique.store.queries import find_events
from communique.web.app import create_app
from communique.web.settings import WebSettings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [str(ROOT / "examples" / "sv"), str(ROOT / "examples" / "en")]
TOKEN = "t0ken-for-tests"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web')}/store.db"
    with Store(url) as store:
        ingest(EXAMPLES, store, Pipeline())
    return url


@pytest.fixture(scope="module")
def client(store_url):
    app = create_app(WebSettings(db=store_url, token=TOKEN, rate_per_second=0))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _walk(client, **params) -> list[dict]:
    """Every page of /api/events, following next_cursor."""
    items, cursor = [], None
    while True:
        body = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items


@pytest.mark.parametrize("view", ["clusters", "mentions"])
def test_cursor_pages_walk_the_same_rows_as_one_big_query(client, store_url, view):
    walked = _walk(client, limit=7, view=view)
    with Store(store_url) as store, store.connect() as conn:
        everything = find_events(conn, EventFilter(limit=10_000), clusters=view == "clusters")
    assert [e["id"] for e in walked] == [e["id"] for e in everything]
    assert len(walked) > 14


def test_filtered_pages_keep_the_filter(client):
    walked = _walk(client, country="LAO", limit=5)
    assert walked and all("LAO" in e["actor_country"] + e["recipient_country"] for e in walked)
    typed = client.get("/api/events", params={"type": "consult", "view": "mentions"}).json()["items"]
    assert typed and {e["event_type"] for e in typed} == {"CONSULT"}


def test_cursor_is_bound_to_its_filters_and_cannot_be_forged(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    other = client.get("/api/events", params={"limit": 2, "country": "LAO", "cursor": first["next_cursor"]})
    assert other.status_code == 400 and other.json()["error"]["code"] == "bad_cursor"
    forged = client.get("/api/events", params={"cursor": "not-a-cursor"})
    assert forged.status_code == 400 and "cursor" in forged.json()["error"]["message"]


def test_event_spans_point_into_the_document(client):
    consult = client.get("/api/events", params={"type": "CONSULT", "limit": 20}).json()["items"]
    kinds = set()
    for item in consult:
        event = client.get(f"/api/events/{item['id']}").json()
        for evidence in event["evidence"]:
            text = client.get(f"/api/documents/{evidence['document_id']}").json()["text"]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]
            for span in evidence["spans"]:
                assert evidence["start"] <= span["start"] < span["end"] <= evidence["end"]
                assert text[span["start"] : span["end"]] == span["text"]
                kinds.add(span["kind"])
                if span["kind"] == "trigger":
                    assert span["label"] in event["rules"]
                if span["kind"] == "actor":
                    assert span["ref"] in event["actor"] + event["recipient"]
    assert {"actor", "trigger"} <= kinds


def test_actor_page_data_has_offices_and_events(client):
    people = client.get("/api/actors", params={"name": "to lam"}).json()
    assert people and people[0]["name"] == "To Lam"
    actor = client.get(f"/api/actors/{people[0]['id']}").json()
    assert any("General Secretary" in o["title"] for o in actor["offices"])
    events = client.get(f"/api/actors/{people[0]['id']}/events").json()
    assert events and all(people[0]["id"] in e["actor"] + e["recipient"] for e in events)
    assert client.get("/api/actors/A999999").status_code == 404


def test_dyad_timeline_counts_the_dyads_events(client, store_url):
    body = client.get("/api/dyads/vnm/lao/timeline", params={"view": "mentions"}).json()
    with Store(store_url) as store, store.connect() as conn:
        events = find_events(conn, EventFilter(country="VNM", limit=10_000), clusters=False)
    expected: dict[tuple[str, str], int] = {}
    for e in events:
        pair = {"VNM", "LAO"}
        sides = (set(e["actor_country"]), set(e["recipient_country"]))
        if e["date"] and any(pair <= {a, b} and a != b for a in sides[0] for b in sides[1]):
            key = (e["date"]["start"][:7], e["event_type"])
            expected[key] = expected.get(key, 0) + 1
    assert {(m["month"], m["event_type"]): m["count"] for m in body["months"]} == expected
    assert sum(expected.values()) > 0
    clusters = client.get("/api/dyads/VNM/LAO/timeline").json()["months"]
    assert 0 < sum(m["count"] for m in clusters) <= sum(expected.values())


def test_network_edges_join_known_persons(client):
    body = client.get("/api/network").json()
    ids = {n["id"] for n in body["nodes"]}
    assert body["edges"] and all(e["source"] in ids and e["target"] in ids and e["weight"] > 0 for e in body["edges"])
    assert {n["kind"] for n in body["nodes"]} == {"person"}


def test_search_finds_events_and_actors(client):
    body = client.get("/api/search", params={"q": "Laos"}).json()
    assert body["events"] and all("laos" in e["text"].lower() for e in body["events"])
    assert any(a["name"] == "Laos" for a in body["actors"])


def test_bad_requests_get_json_errors_not_tracebacks(client):
    cases = {
        "/api/events?since=yesterday": 422,
        "/api/events?limit=0": 422,
        "/api/events?limit=100000": 422,
        "/api/events?country=Vietnam": 422,
        "/api/events?view=all": 422,
        "/api/events/nope:e1": 404,
        "/api/documents/nope": 404,
        "/api/dyads/VN/LAO/timeline": 422,
        "/api/nothing-here": 404,
    }
    for url, status in cases.items():
        response = client.get(url)
        assert response.status_code == status, url
        error = response.json()["error"]
        assert error["status"] == status and error["message"] and "Traceback" not in response.text


def test_writes_need_the_right_token(client):
    text = "Sveriges utrikesminister Maria Malmer Stenergard besökte Vilnius den 4 mars 2025."
    assert client.post("/api/documents", content=text).status_code == 401
    wrong = client.post("/api/documents", content=text, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "wrong_token"


def test_posted_article_is_extracted_stored_and_found(client):
    text = (
        "Finlands president Alexander Stubb tog på tisdagen emot Estlands premiärminister Kristen Michal i "
        "Helsingfors. De två ledarna undertecknade ett avtal om samarbete inom energi."
    )
    headers = {"Authorization": f"Bearer {TOKEN}", "content-type": "text/plain; charset=utf-8"}
    first = client.post("/api/documents", content=text.encode(), headers=headers)
    assert first.status_code == 201 and first.json()["status"] == "new" and first.json()["events"] >= 1
    again = client.post("/api/documents", content=text.encode(), headers=headers)
    assert again.json() == {**first.json(), "status": "duplicate", "events": 0}
    doc = client.get(f"/api/documents/{first.json()['document_id']}").json()
    assert doc["text"].startswith("Finlands president") and doc["evidence"]
    as_json = client.post(
        "/api/documents",
        json={"text": text.replace("tisdagen", "onsdagen"), "title": "Stubb och Michal", "published": "2025-05-06"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert as_json.status_code == 201
    assert client.get(f"/api/documents/{as_json.json()['document_id']}").json()["title"] == "Stubb och Michal"


def test_bad_posted_documents_are_clear_4xx(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    empty = client.post("/api/documents", json={"text": "  "}, headers=auth)
    assert empty.status_code == 422 and "empty" in empty.json()["error"]["message"]
    broken = client.post("/api/documents", content=b"{not json", headers={**auth, "content-type": "application/json"})
    assert broken.status_code == 422 and "JSON" in broken.json()["error"]["message"]
    huge = client.post("/api/documents", content=b"a" * 2_000_001, headers=auth)
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "body_too_large"


def test_a_server_without_token_takes_no_writes(store_url):
    with TestClient(create_app(WebSettings(db=store_url, rate_per_second=0))) as c:
        refused = c.post("/api/documents", content="text", headers={"Authorization": "Bearer x"})
    assert refused.status_code == 403 and "COMMUNIQUE_TOKEN" in refused.json()["error"]["message"]


def test_protected_reads_need_the_token(store_url):
    with TestClient(create_app(WebSettings(db=store_url, token=TOKEN, protect_reads=True, rate_per_second=0))) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_rate_limit_answers_429_with_retry_after(store_url):
    with TestClient(create_app(WebSettings(db=store_url, rate_per_second=0.5, rate_burst=3))) as c:
        statuses = [c.get("/api/actors").status_code for _ in range(5)]
        limited = c.get("/api/actors")
    assert statuses[:3] == [200, 200, 200] and 429 in statuses
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


def test_openapi_document_is_served_and_valid(client):
    from openapi_spec_validator import validate

    spec = client.get("/openapi.json").json()
    validate(spec)
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors/{actor_id}", "/api/dyads/{a}/{b}/timeline"):
        assert "get" in spec["paths"][path]
    assert "post" in spec["paths"]["/api/documents"]
    assert client.get("/docs").status_code == 200


def test_script_in_an_article_is_shown_as_text(client):
    text = (
        "<script>alert('x')</script> Norges statsminister Jonas Gahr Støre besökte Stockholm den 2 juni 2025 "
        "och träffade statsminister Ulf Kristersson <b>i Rosenbad</b>."
    )
    written = client.post("/api/documents", content=text.encode(), headers={"Authorization": f"Bearer {TOKEN}"})
    page = client.get(f"/documents/{written.json()['document_id']}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page and "<b>i Rosenbad" not in page


def test_pages_render_and_unknown_ids_are_html_404(client):
    event_id = client.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]
    for url in ("/", "/?country=LAO&type=CONSULT", f"/events/{event_id}", "/actors", "/dyads?a=VNM&b=LAO", "/network"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html"), url
    missing = client.get("/events/nope:e1")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"] and "nope:e1" in missing.text
    bad = client.get("/?since=yesterday")
    assert bad.status_code == 422 and "since" in bad.text


def test_paging_works_on_both_backends(db_url):
    with Store(db_url) as store:
        ingest([str(ROOT / "examples" / "clusters")], store, Pipeline())
    with TestClient(create_app(WebSettings(db=db_url, rate_per_second=0))) as c:
        walked = _walk(c, limit=4)
        with Store(db_url) as store, store.connect() as conn:
            everything = find_events(conn, EventFilter(limit=10_000))
    assert [e["id"] for e in walked] == [e["id"] for e in everything]


def test_cursor_survives_new_articles(store_url, tmp_path):
    url = f"sqlite:///{tmp_path}/copy.db"
    with Store(url) as store:
        ingest(EXAMPLES[:1], store, Pipeline())
    with TestClient(create_app(WebSettings(db=url, token=TOKEN, rate_per_second=0))) as c:
        first = c.get("/api/events", params={"limit": 5, "view": "mentions"}).json()
        newest = "Sveriges statsminister Ulf Kristersson besökte Helsingfors den 1 juni 2026 och träffade Petteri Orpo."
        c.post("/api/documents", content=newest.encode(), headers={"Authorization": f"Bearer {TOKEN}"})
        second = c.get("/api/events", params={"limit": 5, "view": "mentions", "cursor": first["next_cursor"]}).json()
    seen = [e["id"] for e in first["items"]]
    assert not set(seen) & {e["id"] for e in second["items"]}
    assert json.dumps(second["items"]) and len(second["items"]) == 5


def test_a_write_makes_cached_answers_stale(tmp_path):
    url = f"sqlite:///{tmp_path}/fresh.db"
    with Store(url) as store:
        ingest([str(ROOT / "examples" / "sv")], store, Pipeline())
    with TestClient(create_app(WebSettings(db=url, token=TOKEN, rate_per_second=0))) as c:
        before = c.get("/api/events", params={"limit": 3}).json()["items"]
        timeline = c.get("/api/dyads/SWE/NOR/timeline", params={"view": "mentions"}).json()["months"]
        assert c.get("/api/events", params={"limit": 3}).json()["items"] == before  # asked again: same answer
        newest = "Sveriges statsminister Ulf Kristersson besökte Oslo den 2 juli 2026 och träffade Jonas Gahr Støre."
        c.post("/api/documents", content=newest.encode(), headers={"Authorization": f"Bearer {TOKEN}"})
        after = c.get("/api/events", params={"limit": 3}).json()["items"]
        grown = c.get("/api/dyads/SWE/NOR/timeline", params={"view": "mentions"}).json()["months"]
    assert after[0]["date"]["start"] == "2026-07-02" and after[0]["id"] not in {e["id"] for e in before}
    assert sum(m["count"] for m in grown) == sum(m["count"] for m in timeline) + 1


def test_protected_pages_take_the_token_from_the_login_cookie(store_url):
    settings = WebSettings(db=store_url, token=TOKEN, protect_reads=True, rate_per_second=0)
    with TestClient(create_app(settings)) as c:
        refused = c.get("/actors")
        assert refused.status_code == 401 and 'href="/login"' in refused.text
        assert c.get("/login").status_code == 200
        c.cookies.set("communique_token", TOKEN)
        assert c.get("/actors").status_code == 200


def test_summary_items_stand_for_their_full_clusters(client):
    summary = _walk(client, limit=9, country="VNM")
    full = _walk(client, limit=9, country="VNM", fields="full")
    assert [s["id"] for s in summary] == [f["id"] for f in full]
    for s, f in zip(summary, full, strict=True):
        assert s["report"] in f["members"] and s["size"] == f["size"] == len(f["members"])
        assert s["document_count"] == len(f["documents"]) and s["date"] == f["date"]
        assert s["event_type"] == f["event_type"] and "VNM" in s["actor_country"] + s["recipient_country"]
        assert set(s["actor"]) <= set(f["actor"]) | set(f["recipient"])

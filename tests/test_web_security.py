"""Security promises of the web service: bound SQL parameters, escaped text, no file escapes, no leaked secrets."""

from __future__ import annotations

import ast
import logging
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from communique.ingest import ingest
from communique.pipeline import Pipeline
from communique.store import Store
from communique.web.app import create_app
from communique.web.settings import WebSettings

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "very-secret-token-42"
HOSTILE = ["x' OR '1'='1", "'; DROP TABLE events; --", '" OR ""="', "%", "_", "\\", "\x00", "Ω' UNION SELECT 1 --"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('sec')}/store.db"
    with Store(url) as store:
        ingest([str(ROOT / "examples" / "sv")], store, Pipeline())
    with TestClient(
        create_app(WebSettings(db=url, token=TOKEN, rate_per_second=0)), raise_server_exceptions=False
    ) as c:
        yield c


def test_hostile_filter_values_are_data_not_sql(client):
    total = len(client.get("/api/events", params={"limit": 500, "view": "mentions"}).json()["items"])
    for value in HOSTILE:
        for name in ("actor", "q"):
            response = client.get("/api/events", params={name: value})
            assert response.status_code in (200, 422), (name, value)
            if response.status_code == 200:
                assert len(response.json()["items"]) < total, (name, value)
        assert client.get("/api/actors", params={"name": value}).status_code in (200, 422)
        assert client.get("/api/search", params={"q": value}).status_code in (200, 422)
        assert client.get(f"/api/events/{quote(value, safe='')}").status_code in (404, 422)
    assert len(client.get("/api/events", params={"limit": 500, "view": "mentions"}).json()["items"]) == total


def test_no_sql_is_built_from_formatted_strings():
    """Every statement in the package is a constant or SQLAlchemy Core: values always travel as parameters."""
    offenders = []
    for path in (ROOT / "src" / "communique").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "text",
                "exec_driver_sql",
                "execute",
                "executemany",
            ):
                for arg in node.args[:1]:
                    if isinstance(arg, ast.JoinedStr) or (
                        isinstance(arg, ast.BinOp) and isinstance(arg.op, (ast.Mod, ast.Add))
                    ):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, f"SQL built from strings: {offenders}"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/vendor/../../web/app.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
    ],
)
def test_static_files_cannot_escape_their_folder(client, path):
    response = client.get(path)
    assert response.status_code == 404 or b"[build-system]" not in response.content
    assert b"root:" not in response.content and b"create_app" not in response.content


def test_bundled_static_files_are_served(client):
    assert client.get("/static/vendor/chart-4.6.1.umd.min.js").status_code == 200
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")


def test_the_token_never_reaches_the_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(
        "/api/documents", content="Kort text utan händelser.".encode(), headers={"Authorization": f"Bearer {TOKEN}"}
    )
    client.post("/api/documents", content=b"x", headers={"Authorization": "Bearer wrong-token"})
    assert TOKEN not in caplog.text and "wrong-token" not in caplog.text


def test_token_comparison_is_constant_time():
    source = (ROOT / "src" / "communique" / "web" / "auth.py").read_text(encoding="utf-8")
    assert "hmac.compare_digest" in source and "== token" not in source and "token ==" not in source


def test_html_in_filters_is_escaped_on_the_page(client):
    page = client.get("/", params={"actor": "<img src=x onerror=alert(1)>"}).text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    error = client.get("/events/<script>alert(1)</script>").text
    assert "<script>alert(1)</script>" not in error


def test_oversized_requests_are_refused_before_reading_them(client):
    huge = client.post(
        "/api/documents",
        content=b"a" * 3_000_000,
        headers={"Authorization": f"Bearer {TOKEN}", "content-type": "text/plain"},
    )
    assert huge.status_code == 413

    def chunks():
        for _ in range(300):
            yield b"b" * 10_000

    streamed = client.post("/api/documents", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert streamed.status_code == 413

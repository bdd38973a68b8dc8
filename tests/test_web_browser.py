"""The web pages in a real browser: Debian's Chromium driven by Playwright against a real uvicorn server.

Skipped, with the reason, only where Chromium or Playwright cannot be had (`make test` installs Chromium).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.ingest import ingest
from communique.pipeline import Pipeline
from communique.store import Store
from communique.web.settings import WebSettings
from web_server import CHROMIUM_ARGS, BackgroundServer, chromium_path

ROOT = Path(__file__).resolve().parents[1]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('browser')}/store.db"
    with Store(url) as store:
        ingest([str(ROOT / "examples" / "sv"), str(ROOT / "examples" / "en")], store, Pipeline())
    running = BackgroundServer(WebSettings(db=url, rate_per_second=0)).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium not found (make test installs Debian's chromium package)")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def test_filter_the_list_then_open_an_event_with_its_highlights(server, page):
    page.goto(server.url + "/")
    assert page.locator("tr.event-row").count() > 10
    page.fill("input[name=country]", "LAO")
    page.fill("input[name=type]", "CONSULT")
    page.click("#apply")
    page.wait_for_url("**/?*country=LAO*")
    rows = page.locator("tr.event-row")
    assert rows.count() >= 1
    for i in range(rows.count()):
        assert "CONSULT" in rows.nth(i).locator(".type").inner_text()
        assert "LAO" in rows.nth(i).inner_text()
    rows.first.locator("a.event-link").click()
    page.wait_for_url("**/events/*")
    evidence = page.locator("li.evidence-item blockquote").first
    assert evidence.locator("mark.trigger").count() >= 1
    assert evidence.locator("mark.actor").count() >= 1
    trigger = evidence.locator("mark.trigger").first
    assert trigger.inner_text().strip() and trigger.inner_text() in evidence.inner_text()
    page.locator("dl.facts a.actor-link").first.click()
    page.wait_for_url("**/actors/A*")
    assert page.locator("h1").inner_text().strip()


def test_next_page_link_shows_other_events(server, page):
    page.goto(server.url + "/?limit=5&view=mentions")
    first = page.locator("a.event-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    page.click("#next-page")
    page.wait_for_url("**cursor=*")
    second = page.locator("a.event-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(first) == 5 and second and not set(first) & set(second)


def test_dyad_timeline_draws_a_chart(server, page):
    page.goto(server.url + "/dyads?a=VNM&b=LAO")
    page.wait_for_selector("#timeline[data-ready='1']", timeout=15_000)
    assert "happenings" in page.inner_text("#timeline-status")
    size = page.eval_on_selector("#timeline-chart", "c => [c.width, c.height]")
    assert size[0] > 100 and size[1] > 50


def test_network_draws_persons(server, page):
    page.goto(server.url + "/network")
    page.wait_for_selector("#network[data-ready='1']", timeout=15_000)
    status = page.inner_text("#network-status")
    assert "persons" in status and int(status.split()[0]) >= 2
    assert page.locator("#network canvas").count() >= 1


def test_unknown_event_is_a_page_not_a_traceback(server, page):
    response = page.goto(server.url + "/events/no-such-event")
    assert response.status == 404
    assert "no-such-event" in page.inner_text("p.error") and "Traceback" not in page.content()

"""Screenshots of the main pages for the README: the bundled examples in a fresh store, a real server, Chromium.

.venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from communique.ingest import ingest  # noqa: E402
from communique.pipeline import Pipeline  # noqa: E402
from communique.store import Store  # noqa: E402
from communique.web.settings import WebSettings  # noqa: E402
from web_server import CHROMIUM_ARGS, BackgroundServer, chromium_path  # noqa: E402


def main() -> None:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/store.db"
        with Store(url) as store:
            ingest([str(ROOT / "examples" / d) for d in ("sv", "en", "clusters")], store, Pipeline())
        server = BackgroundServer(WebSettings(db=url, rate_per_second=0)).start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                page.goto(server.url + "/?country=LAO")
                page.screenshot(path=out / "events.png")
                page.locator("a.event-link").first.click()
                page.wait_for_url("**/events/*")
                page.screenshot(path=out / "event.png", full_page=True)
                page.goto(server.url + "/dyads?a=VNM&b=LAO&view=mentions")
                page.wait_for_selector("#timeline[data-ready='1']")
                page.screenshot(path=out / "dyad.png")
                page.goto(server.url + "/network")
                page.wait_for_selector("#network[data-ready='1']")
                page.screenshot(path=out / "network.png")
                page.goto(server.url + "/actors?name=To%20Lam")
                page.locator("table.actors a").first.click()
                page.wait_for_url("**/actors/A*")
                page.screenshot(path=out / "actor.png")
                browser.close()
        finally:
            server.stop()
    for path in sorted(out.glob("*.png")):
        print(path.relative_to(ROOT), path.stat().st_size, "bytes")


if __name__ == "__main__":
    main()

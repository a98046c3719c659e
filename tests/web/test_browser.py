"""The pages in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the real server.

One uvicorn server on a free loopback port and one browser serve the whole module. Every page is also
saved as a screenshot under test-output/screenshots/. The database holds an article whose text, title
and source carry `<script>`, `<img onerror>` and an event handler attribute; each would set
`window.__pwned` if it ran.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.web import create_app
from sitrep.web.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "screenshots"
HOSTILE = "/articles/hostile-1"
REPORT = "/report?since=2024-05-01&until=2024-05-31"
PAGES = {
    "overview": "/",
    "map": "/map",
    "timeline": "/timeline",
    "events": "/events",
    "event": "/events/hostile-1/ev-1",
    "entities": "/entities",
    "entity": "/entities/Oleh%20Marchenko",
    "articles": "/articles",
    "article": HOSTILE,
    "claims": "/claims",
    "report": REPORT,
    "docs": "/docs",
}
INERT = """() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    injected: document.querySelectorAll(
        'img[src="x"], [onerror], [onmouseover], script:not([src]), b, i').length,
    text: document.body.innerText,
})"""

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(Settings(db=web_db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))
    yield opened
    context.close()


def _visit(page: Any, name: str) -> None:
    response = page.goto(PAGES[name], wait_until="load")
    assert response.status == 200, name
    if name == "map":
        page.wait_for_function(
            "() => document.getElementById('map').dataset.loaded !== undefined", timeout=15000
        )
        page.wait_for_selector("path.country", state="attached", timeout=15000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=name not in ("map",))


def test_map_shows_clustered_markers_over_the_offline_basemap(page: Any) -> None:
    _visit(page, "map")
    assert page.eval_on_selector("#map", "m => m.dataset.loaded") == "true"
    markers = page.locator(".marker-cluster, path.event-marker").count()
    assert markers > 0
    assert page.locator("path.country").count() > 100
    page.locator(".marker-cluster, path.event-marker").first.click()
    page.wait_for_timeout(500)
    if page.locator(".leaflet-popup").count() == 0:  # a cluster zoomed in: click a marker now shown
        page.locator("path.event-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    assert popup.locator("a[href^='/events/']").count() == 1
    assert not page.problems, page.problems


def test_timeline_shows_items(page: Any) -> None:
    _visit(page, "timeline")
    assert page.locator(".timeline-day").count() > 0
    assert page.locator(".timeline-item").count() > 0
    assert not page.problems, page.problems


def test_article_page_highlights_spans_naming_their_fields(page: Any) -> None:
    _visit(page, "article")
    marks = page.locator("#article-text mark.hl")
    assert marks.count() > 5
    titles = marks.evaluate_all("ms => ms.map(m => m.title)")
    assert any("trigger (ASSAULT)" in t for t in titles)
    assert any(t.startswith("entity") or "; entity" in t for t in titles)
    assert any("claim" in t for t in titles)
    text = page.inner_text("#article-text")
    assert "<script>window.__pwned = 1</script>" in text


def test_cited_span_is_marked_on_the_article_page(page: Any) -> None:
    page.goto(f"{HOSTILE}?cite=0-14#span-0-14")
    assert page.locator("mark.hl-cited").count() >= 1
    assert page.locator("#span-0-14").count() == 1


@pytest.mark.parametrize("name", list(PAGES))
def test_hostile_article_is_inert_on_every_page(page: Any, name: str) -> None:
    _visit(page, name)
    state = page.evaluate(INERT)
    assert state["pwned"] is None, f"{name}: injected code ran"
    assert state["injected"] == 0, f"{name}: injected elements are in the DOM"
    assert not [p for p in page.problems if "Content Security Policy" in p], page.problems
    if name in ("articles", "article", "timeline", "event"):
        assert "<script>" in state["text"] or "<img" in state["text"], f"{name}: hostile text shown as text"

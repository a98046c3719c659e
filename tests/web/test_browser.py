"""The pages in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the real server.

One uvicorn server on a free loopback port and one browser serve the whole module. Every page is also
saved as a screenshot under test-output/screenshots/. The database holds an article whose text, title
and source carry `<script>`, `<img onerror>` and an event handler attribute; each would set
`window.__pwned` if it ran.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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
    "events-per-report": "/events?per_report=1",
    "linked-event": "linked-event",  # the merged event the hostile article reports, found at run time
    "merged-event": "merged-event",  # the event with the most reports, found at run time
    "entities": "/entities",
    "entity": "/entities/Oleh%20Marchenko",
    "articles": "/articles",
    "article": HOSTILE,
    "claims": "/claims",
    "report": REPORT,
    "docs": "/docs",
}
BASE_URL: list[str] = []
INERT = """() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    injected: document.querySelectorAll(
        'img[src="x"], [onerror], [onmouseover], script:not([src]), b, i').length,
    text: document.body.innerText,
})"""

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)
pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(web_db: Path, live_server: Callable[[Settings], int]) -> str:
    BASE_URL[:] = [f"http://127.0.0.1:{live_server(Settings(db=web_db))}"]
    return BASE_URL[0]


def _merged_events(base_url: str, **params: str) -> list[dict[str, Any]]:
    query = urllib.parse.urlencode({"limit": "500", **params})
    with urllib.request.urlopen(f"{base_url}/api/events?{query}") as response:
        return list(json.load(response)["items"])


def _path(name: str) -> str:
    base_url = BASE_URL[0]
    if name == "linked-event":
        return f"/events/{_merged_events(base_url, article='hostile-1')[0]['id']}"
    if name == "merged-event":
        return f"/events/{max(_merged_events(base_url), key=lambda e: e['reports'])['id']}"
    return PAGES[name]


def _visit(page: Any, name: str) -> None:
    response = page.goto(_path(name), wait_until="load")
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
    if name in ("articles", "article", "event", "events-per-report", "linked-event"):
        shown = ("<script>", "<img", "<i>Wire</i>")
        assert any(text in state["text"] for text in shown), f"{name}: hostile text shown as text"


def test_events_table_shows_a_merged_event_once_with_its_report_count(page: Any, base_url: str) -> None:
    merged = max(_merged_events(base_url), key=lambda e: e["reports"])
    assert merged["reports"] >= 3
    _visit(page, "events")
    row = page.locator(f"tr.linked-event[data-id='{merged['id']}']")
    assert row.count() == 1
    assert row.locator(".reports").inner_text() == str(merged["reports"])
    assert row.locator(".independent").inner_text() == str(merged["independent_sources"])
    rows = page.locator("tr.linked-event").count()
    _visit(page, "events-per-report")
    assert page.locator("#events-table tbody tr").count() > rows


def test_event_page_lists_every_report_with_links_to_the_evidence(page: Any, base_url: str) -> None:
    merged = max(_merged_events(base_url), key=lambda e: e["reports"])
    _visit(page, "merged-event")
    reports = page.locator("tr.report")
    articles = set(reports.evaluate_all("rows => rows.map(r => r.dataset.article)"))
    assert articles == set(merged["article_ids"])
    links = page.locator("tr.report a.evidence").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert links and all("?cite=" in link and "#span-" in link for link in links)
    page.locator("tr.report a.evidence").first.click()
    page.wait_for_load_state("load")
    assert page.locator("mark.hl-cited").count() >= 1


def test_claims_page_shows_disagreeing_figures_side_by_side(page: Any) -> None:
    _visit(page, "claims")
    group = page.locator("section.claim-group.disagrees").first
    group.wait_for(timeout=5000)
    figures = group.locator(".side-by-side .figure")
    assert figures.count() >= 2
    values = set(figures.locator(".value").all_inner_texts())
    assert len(values) >= 2, "the figures differ"
    assert all(who.strip() for who in figures.locator(".who").all_inner_texts())
    hrefs = figures.locator("a.quote").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(h.startswith("/articles/") and "?cite=" in h for h in hrefs)
    boxes = [figures.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5, "side by side, not stacked"


def test_entity_page_shows_the_canonical_entity_across_articles(page: Any) -> None:
    _visit(page, "entity")
    assert "Marchenko" in page.inner_text(".aliases")
    members = page.locator("#members-table tbody tr")
    assert members.count() >= 2
    assert all(reason.strip() for reason in page.locator("#members-table .reason").all_inner_texts())


def test_map_markers_are_merged_events(page: Any, base_url: str) -> None:
    _visit(page, "map")
    located = [e for e in _merged_events(base_url, located="true")]
    assert page.eval_on_selector("#map", "m => m.dataset.markers") == str(len(located))

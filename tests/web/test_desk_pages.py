"""The analyst's desk in headless Chromium against the real server: sorting and facets change the rows,
a country filter includes its towns, the basemap has no band across it, markers grow with fatalities,
town names appear as the map zooms in, the article's layers switch on and off, the report opens with
the bottom line. One server and one browser serve the module; every page is saved under
test-output/screenshots/desk-*.png.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitrep.web.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
BORDER = (0x9E, 0x9E, 0x9E)  # the basemap's country outline colour (map.js)

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)
pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(web_db: Path, live_server: Callable[[Settings], int]) -> str:
    return f"http://127.0.0.1:{live_server(Settings(db=web_db))}"


def _shot(page: Any, name: str, full_page: bool = True) -> bytes:
    SHOTS.mkdir(parents=True, exist_ok=True)
    data: bytes = page.screenshot(path=str(SHOTS / f"desk-{name}.png"), full_page=full_page)
    return data


def _column(page: Any, index: int) -> list[str]:
    return [
        cell.strip()
        for cell in page.locator(f"#events-table tbody tr td:nth-child({index})").all_inner_texts()
    ]


def test_sorting_by_a_column_header_changes_the_rows(page: Any) -> None:
    page.goto("/events")
    newest = [day[:10] for day in _column(page, 1)]
    assert newest == sorted(newest, reverse=True), "newest first by default"
    page.locator("#events-table th a.sort", has_text="killed").click()
    page.wait_for_load_state("load")
    killed = [int(k.split("–")[0]) for k in _column(page, 8) if k]
    assert killed and killed == sorted(killed, reverse=True) and killed[0] >= 6
    assert [day[:10] for day in _column(page, 1)] != newest
    _shot(page, "events-sorted")
    page.locator("#events-table th a.sort", has_text="killed").click()
    page.wait_for_load_state("load")
    ascending = [int(k.split("–")[0]) for k in _column(page, 8) if k]
    assert ascending == sorted(ascending)
    assert not page.problems, page.problems


def test_clicking_a_facet_narrows_the_rows_and_its_chip_undoes_it(page: Any) -> None:
    page.goto("/events")
    everything = page.locator("#events-table tbody tr.linked-event").count()
    sudan = page.locator("section.facet[data-facet=country] a[data-value=SD]")
    expected = int(sudan.locator("xpath=../span[@class='n']").inner_text())
    sudan.click()
    page.wait_for_load_state("load")
    rows = page.locator("#events-table tbody tr.linked-event")
    assert rows.count() == expected < everything
    assert {rows.nth(i).get_attribute("data-country") for i in range(rows.count())} == {"SD"}
    assert page.locator(".pager .total").first.inner_text() == str(expected)
    _shot(page, "events-facet")
    page.locator("a.chip", has_text="country: SD").click()
    page.wait_for_load_state("load")
    assert page.locator("#events-table tbody tr.linked-event").count() == everything
    page.locator("a.acled-switch").click()
    page.wait_for_load_state("load")
    acled = _column(page, 4)
    assert acled and all(acled) and len(acled) < everything
    assert not page.problems, page.problems


def test_a_country_filter_lists_the_events_in_its_towns(page: Any) -> None:
    page.goto("/events")
    page.fill("input[name=place]", "Ukraine")
    page.locator("form.filters button").click()
    page.wait_for_load_state("load")
    places = set(_column(page, 7))
    assert {"Kupyansk", "Kyiv"} <= {p.split(" (")[0] for p in places}
    assert not any("Fasher" in p for p in places)
    _shot(page, "events-ukraine")


# Reads a PNG (as a data URL) into a canvas and gives, for each pixel row, the longest run of pixels in
# the basemap's outline colour; run in a blank page, which has no Content-Security-Policy.
_BORDER_RUNS = """async ([url, border]) => {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  const runs = [];
  for (let y = 0; y < image.height; y++) {
    let longest = 0, run = 0;
    for (let x = 0; x < image.width; x++) {
      const i = 4 * (y * image.width + x);
      const near = [0, 1, 2].every(c => Math.abs(pixels[i + c] - border[c]) <= 24);
      run = near ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    runs.push(longest);
  }
  return [image.width, runs];
}"""


def _border_runs(page: Any, png: bytes) -> tuple[int, list[int]]:
    blank = page.context.new_page()
    try:
        url = "data:image/png;base64," + base64.b64encode(png).decode()
        width, runs = blank.evaluate(_BORDER_RUNS, [url, list(BORDER)])
    finally:
        blank.close()
    return int(width), [int(r) for r in runs]


def _open_map(page: Any, path: str = "/map") -> None:
    page.goto(path)
    for flag in ("loaded", "basemap"):
        page.wait_for_function(
            f"() => document.getElementById('map').dataset.{flag} === 'true'", polling=100, timeout=15000
        )


def test_the_world_basemap_has_no_band_across_it(page: Any) -> None:
    _open_map(page)
    page.evaluate(
        "() => { document.getElementById('map').leafletMap.setView([35, 20], 2, {animate: false}); }"
    )
    page.wait_for_timeout(400)
    shot = page.locator("#map").screenshot(path=str(SHOTS / "desk-map-world.png"))
    width, runs = _border_runs(page, shot)
    # A ring crossing the antimeridian draws a horizontal outline across the whole map; real borders
    # and coasts at this zoom are never that long and straight.
    assert max(runs) < width // 3, f"row {runs.index(max(runs))} has a band of {max(runs)} pixels"
    assert sum(1 for r in runs if r > 3) > 20, "the basemap is drawn (outlines present)"


def test_markers_grow_with_fatalities_and_areas_differ_from_towns(page: Any) -> None:
    _open_map(page)
    radii = page.evaluate(
        """() => {
          const map = document.getElementById('map').leafletMap;
          const found = [];
          map.eachLayer(layer => {
            if (layer.getLayers && layer.getAllChildMarkers === undefined && layer.options.maxClusterRadius) {
              layer.getLayers().forEach(m => found.push([m.options.fatalities, m.options.radius]));
            }
          });
          return found;
        }"""
    )
    known = sorted((f, r) for f, r in radii if f is not None)
    assert len(known) >= 3
    assert [r for _, r in known] == sorted(r for _, r in known)
    assert known[-1][1] > known[0][1]
    unknown = [r for f, r in radii if f is None]
    assert unknown and max(unknown) <= known[0][1]
    if page.locator(".type-cluster").count():
        # Clusters are redrawn while the map settles; wait for one that is attached and styled.
        colour = page.wait_for_function(
            """() => {
              for (const disc of document.querySelectorAll('.type-cluster')) {
                if (!disc.isConnected) continue;
                const colour = getComputedStyle(disc).backgroundColor;
                if (colour && colour !== 'rgba(0, 0, 0, 0)') return colour;
              }
              return false;
            }""",
            polling=100,
            timeout=5000,
        ).json_value()
        assert colour.startswith("rgb")
    _shot(page, "map", full_page=False)
    assert not page.problems, page.problems


def test_town_names_appear_as_the_map_zooms_in_and_the_popup_quotes_the_sentence(page: Any) -> None:
    _open_map(page)
    # (a block body: returning the map itself would make Playwright serialize every layer)
    page.evaluate(
        "() => { document.getElementById('map').leafletMap.setView([49.8, 36.6], 8, {animate: false}); }"
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('.town-label span')].some(e => e.textContent === 'Kharkiv')",
        polling=100,
        timeout=30000,
    )
    names = page.locator(".town-label span").all_inner_texts()
    assert "Kharkiv" in names and "Mumbai" not in names
    page.evaluate(
        """() => {
          const map = document.getElementById('map').leafletMap;
          map.eachLayer(layer => {
            if (layer.options && layer.options.maxClusterRadius) {
              const marker = layer.getLayers().find(m => m.options.fatalities > 0);
              layer.zoomToShowLayer(marker, () => marker.openPopup());
            }
          });
        }"""
    )
    popup = page.locator(".leaflet-popup-content .event-popup")
    popup.wait_for(timeout=5000)
    assert popup.locator(".popup-sentence").inner_text().startswith("“")
    assert popup.locator("a[href^='/events/']").count() == 1
    page.wait_for_timeout(400)  # let the popup fade in before the screenshot
    _shot(page, "map-zoomed", full_page=False)
    assert not page.problems, page.problems


def test_the_report_opens_with_the_bottom_line(page: Any) -> None:
    page.goto("/report?since=2024-05-01&until=2024-05-31")
    headings = page.locator("article.report h2").all_inner_texts()
    assert headings[:2] == ["Bottom line", "Incidents ranked"]
    assert page.locator(".bottom-line .headline").inner_text().startswith("5 incidents")
    assert page.locator(".bottom-line table.tally").count() == 2
    _shot(page, "report")
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden() and page.locator("form.filters").is_hidden()
    assert page.locator(".bottom-line").is_visible()
    assert not page.problems, page.problems


def test_the_overview_chart_has_a_date_axis_and_the_timeline_is_newest_first(page: Any) -> None:
    page.goto("/")
    ticks = page.locator("svg.chart text.date-tick").all_text_contents()
    assert ticks and all("2024" in tick for tick in ticks)
    _shot(page, "overview")
    page.goto("/timeline")
    days = page.locator(".timeline-day h2").all_inner_texts()
    assert days == sorted(days, reverse=True)
    assert page.locator(".timeline-item q.sentence").count() == page.locator(".timeline-item").count()
    _shot(page, "timeline")
    assert not page.problems, page.problems


def _coloured(page: Any, cls: str, colour: str) -> int:
    found: int = page.evaluate(
        "([cls, colour]) => [...document.querySelectorAll('#article-text mark.' + cls)]"
        ".filter(m => getComputedStyle(m).backgroundColor === colour).length",
        [cls, colour],
    )
    return found


def test_the_article_layers_switch_on_and_off_with_events_alone_at_first(page: Any) -> None:
    trigger, entity, place = "rgb(255, 205, 210)", "rgb(187, 222, 251)", "rgb(200, 230, 201)"
    page.goto("/articles/hostile-1")
    assert page.is_checked("#layer-events") and not page.is_checked("#layer-entities")
    assert _coloured(page, "hl-trigger", trigger) > 0
    assert _coloured(page, "hl-entity", entity) == 0 and _coloured(page, "hl-place", place) == 0
    _shot(page, "article-events")
    page.check("#layer-entities")
    page.check("#layer-places")
    page.uncheck("#layer-events")
    assert _coloured(page, "hl-entity", entity) > 0 and _coloured(page, "hl-place", place) > 0
    assert _coloured(page, "hl-trigger", trigger) == 0
    _shot(page, "article-entities-places")
    page.locator("form.layers button").click()
    page.wait_for_load_state("load")
    assert "layers=entities" in page.url and page.is_checked("#layer-places")
    assert not page.is_checked("#layer-events")
    assert not page.problems, page.problems

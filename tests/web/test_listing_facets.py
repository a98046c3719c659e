"""Facets, sorting, totals and the place-and-everything-inside filter of the event listings, in-process
over the database the real pipeline built (`web_db`): Kupiansk and Kyiv events in Ukraine, El Fasher
events in Sudan, linked across articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.web import create_app
from sitrep.web.settings import Settings


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=web_db))) as opened:
        yield opened


def _events(client: TestClient, query: str) -> dict[str, Any]:
    response = client.get(f"/api/events?limit=500&{query}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("per_report", ["false", "true"])
def test_events_come_newest_first_with_their_total(client: TestClient, per_report: str) -> None:
    body = _events(client, f"per_report={per_report}")
    dates = [item["date"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert body["total"] == len(body["items"]) > 3
    assert body["sort"] == "-date"


@pytest.mark.parametrize("per_report", ["false", "true"])
def test_country_facet_counts_what_the_country_filter_returns(client: TestClient, per_report: str) -> None:
    body = _events(client, f"per_report={per_report}&facet=country&facet=type")
    countries = {v["value"]: v["count"] for v in body["facets"]["country"]}
    assert set(countries) == {"UA", "SD"}
    for code, count in countries.items():
        narrowed = _events(client, f"per_report={per_report}&country={code}")
        assert narrowed["total"] == count
        assert {item["country_code"] for item in narrowed["items"]} == {code}
    assert sum(v["count"] for v in body["facets"]["type"]) == body["total"]


def test_a_country_filter_includes_the_events_in_its_towns(client: TestClient) -> None:
    ukraine = _events(client, "place=Ukraine")["items"]
    assert {item["place"] for item in ukraine} >= {"Kupyansk", "Kyiv"}
    assert "Ukraine" not in {item["place"] for item in ukraine}
    sudan = _events(client, "place=sudan&per_report=true")["items"]
    assert {item["place"] for item in sudan} == {"El Fasher"}


def test_a_region_filter_includes_its_towns_but_not_the_rest_of_the_country(client: TestClient) -> None:
    kharkiv = _events(client, "place=Kharkiv Oblast")["items"]
    assert {item["place"] for item in kharkiv} == {"Kupyansk"}


def test_sorting_by_fatalities_puts_the_deadliest_first_and_unknown_last(client: TestClient) -> None:
    items = _events(client, "sort=-fatalities")["items"]
    figures = [item["fatalities"] for item in items]
    known = [f for f in figures if f is not None]
    assert figures[: len(known)] == sorted(known, reverse=True)
    assert all(f is None for f in figures[len(known) :])
    ascending = [item["fatalities"] for item in _events(client, "sort=fatalities")["items"]]
    assert ascending[: len(known)] == sorted(known)


def test_sorting_by_independent_sources(client: TestClient) -> None:
    counts = [item["independent_sources"] for item in _events(client, "sort=-sources")["items"]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1


def test_acled_switch_keeps_only_what_the_acled_export_writes(client: TestClient) -> None:
    body = _events(client, "acled_only=true&facet=acled")
    assert body["items"] and all(item["acled_event_type"] for item in body["items"])
    assert body["total"] < _events(client, "")["total"]
    assert sum(v["count"] for v in body["facets"]["acled"]) == body["total"]


def test_source_and_admin1_facets_filter(client: TestClient) -> None:
    body = _events(client, "facet=source,admin1")
    sources = {v["value"]: v["count"] for v in body["facets"]["source"]}
    assert sources == {"<i>Wire</i>": 2}
    wire = _events(client, "source=<i>Wire</i>")
    assert wire["total"] == 2 and all("<i>Wire</i>" in item["sources"] for item in wire["items"])
    regions = {v["value"]: v["count"] for v in body["facets"]["admin1"]}
    assert regions["Kharkiv Oblast"] == _events(client, "admin1=Kharkiv Oblast")["total"]


@pytest.mark.parametrize("query", ["sort=bogus", "facet=colour", "sort=-"])
def test_unknown_sorts_and_facets_are_refused_in_one_line(client: TestClient, query: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert "\n" not in response.json()["error"]["message"]


def test_the_events_page_shows_facets_total_and_numbered_pages(client: TestClient) -> None:
    page = client.get("/events?place=Ukraine").text
    total = _events(client, "place=Ukraine")["total"]
    assert 'data-facet="country"' in page and f'class="total">{total}<' in page
    assert "exported to ACLED only" in page
    assert 'aria-current="page"' in page


@pytest.mark.parametrize(
    ("path", "sort", "key"),
    [
        ("/api/articles", "-published", "published"),
        ("/api/articles", "title", "title"),
        ("/api/entities", "-articles", "articles"),
        ("/api/entities", "name", "name"),
    ],
)
def test_other_listings_sort_and_count(client: TestClient, path: str, sort: str, key: str) -> None:
    body = client.get(f"{path}?limit=500&sort={sort}").json()
    values = [item[key] for item in body["items"] if item[key] is not None]
    assert values == sorted(values, reverse=sort.startswith("-"))
    assert body["total"] == len(body["items"]) > 1


def test_claims_come_newest_first_with_their_total(client: TestClient) -> None:
    body = client.get("/api/claims?limit=500").json()
    published = [item["published"] for item in body["items"]]
    assert published == sorted(published, reverse=True) and body["total"] == len(published)


def test_counts_past_their_budget_say_many_instead_of_holding_the_page(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.web import facets

    monkeypatch.setattr(facets, "COUNT_BUDGET_S", -1.0)  # every count is already late
    monkeypatch.setattr(facets, "_STEPS", 1)
    body = _events(client, "facet=country")
    assert body["items"] and body["total"] is None and body["facets"] == {"country": None}
    page = client.get("/events").text
    assert "of <span" in page and "many" in page and "too many to count quickly" in page


def test_the_timeline_is_newest_first_with_each_entry_s_sentence_and_place(client: TestClient) -> None:
    page = client.get("/timeline").text
    days = re.findall(r"<h2>(\d{4}-\d\d-\d\d)</h2>", page)
    assert days and days == sorted(days, reverse=True)
    assert page.count('<q class="sentence">') == page.count('class="timeline-item')
    assert '<strong class="place">El Fasher</strong>' in page and "unresolved place" not in page

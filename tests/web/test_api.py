"""The REST API in-process, over a database the real pipeline built (`web_db` in tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.pipeline import Pipeline
from sitrep.web import create_app, queries
from sitrep.web.api import read_store
from sitrep.web.settings import Settings

LISTS = (
    "/api/articles",
    "/api/events",
    "/api/events?per_report=true",
    "/api/entities",
    "/api/entities?per_article=true",
    "/api/claims",
    "/api/claim-groups",
    "/api/places",
)
PAGE_FIELDS = ("items", "limit", "offset", "next_offset", "total", "sort", "facets")
TOKEN = "a-token-of-sixteen-chars"


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=web_db))) as opened:
        yield opened


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status
    return dict(body["error"])


@pytest.mark.parametrize("path", LISTS)
def test_every_list_is_a_page_of_items(client: TestClient, path: str) -> None:
    body = client.get(path).json()
    assert {"items", "limit", "offset", "next_offset"} <= set(body) <= {*PAGE_FIELDS}
    assert body["items"], path
    assert body["limit"] == 50 and body["offset"] == 0


@pytest.mark.parametrize("path", LISTS)
def test_pages_walk_every_item_once(client: TestClient, path: str) -> None:
    everything = client.get(path, params={"limit": 500}).json()["items"]
    seen: list[Any] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(path, params={"limit": 3, "offset": offset}).json()
        assert len(page["items"]) <= 3
        seen.extend(page["items"])
        offset = page["next_offset"]
    assert seen == everything


def test_events_filter_by_date_type_actor_place(client: TestClient) -> None:
    def get(**params: Any) -> list[dict[str, Any]]:
        return list(client.get("/api/events", params={**params, "per_report": True}).json()["items"])

    events = get(limit=500)
    dated = sorted({e["date"] for e in events})
    middle = dated[len(dated) // 2]
    since = get(**{"since": middle, "limit": 500})
    assert since and all(e["date"] >= middle for e in since)
    assert len(since) < len(events)
    assaults = get(**{"type": "assault", "limit": 500})
    assert assaults and {e["type"] for e in assaults} == {"ASSAULT"}
    battles = get(**{"type": "battles", "limit": 500})
    assert {e["acled_event_type"] for e in battles} <= {"Battles"}
    russian = get(**{"actor": "RUSSIAN", "limit": 500})
    assert russian and all(
        "russian"
        in " ".join(str(e[k]) for k in ("actor1", "actor2", "actor1_entity", "actor2_entity")).lower()
        for e in russian
    )
    fasher = get(**{"place": "fasher", "limit": 500})
    assert fasher and all("fasher" in e["place"].lower() for e in fasher)


def test_events_filter_by_bounding_box(client: TestClient) -> None:
    ukraine = client.get("/api/events", params={"bbox": "22,44,41,53", "limit": 500}).json()["items"]
    sudan = client.get("/api/events", params={"bbox": "21,8,39,23", "limit": 500}).json()["items"]
    assert ukraine and sudan
    assert all(22 <= e["longitude"] <= 41 and 44 <= e["latitude"] <= 53 for e in ukraine)
    assert all(21 <= e["longitude"] <= 39 and 8 <= e["latitude"] <= 23 for e in sudan)
    assert not {e["key"] for e in ukraine} & {e["key"] for e in sudan}


def test_text_search_uses_the_full_text_index(client: TestClient) -> None:
    hits = client.get("/api/articles", params={"q": "El Fasher"}).json()["items"]
    assert hits
    for hit in hits:
        text = client.get(f"/api/articles/{hit['id']}").json()["article"]["text"]
        assert "el fasher" in text.lower()
    fasher_articles = {a["id"] for a in hits}
    params = {"q": "fasher", "limit": 500, "per_report": True}
    events = client.get("/api/events", params=params).json()["items"]
    assert events and {e["article_id"] for e in events} <= fasher_articles
    merged = client.get("/api/events", params={"q": "fasher", "limit": 500}).json()["items"]
    assert merged and all(set(e["article_ids"]) & fasher_articles for e in merged)
    claims = client.get("/api/claims", params={"q": "civilians", "limit": 500}).json()["items"]
    assert claims and all("civilians" in c["content"].lower() for c in claims)


@pytest.mark.parametrize("q", ['"', "NEAR(", "a OR", "*", "title:x", "'; DROP TABLE events; --"])
def test_text_search_reads_no_query_syntax(client: TestClient, q: str) -> None:
    response = client.get("/api/events", params={"q": q})
    assert response.status_code == 200, response.text
    assert client.get("/api/summary").json()["events"] > 0


def test_article_returns_its_extraction_with_offsets_into_the_text(client: TestClient) -> None:
    body = client.get("/api/articles/hostile-1").json()
    text = body["article"]["text"]
    assert "<script>" in text
    for event in body["extraction"]["events"]:
        assert text[event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]


def test_entity_and_event_details(client: TestClient) -> None:
    entity = client.get("/api/entities/Oleh Marchenko").json()
    assert "Marchenko" in entity["aliases"]
    assert entity["claims"], "Marchenko speaks in the Kupiansk articles"
    tkach = client.get("/api/entities/Andriy Tkach").json()
    assert [(r["subject"], r["predicate"], r["object"]) for r in tkach["relations"]] == [
        ("Andriy Tkach", "leader_of", "Kupiansk town military administration")
    ]
    event = client.get("/api/events", params={"limit": 1, "per_report": True}).json()["items"][0]
    detail = client.get(f"/api/events/{event['article_id']}/{event['id']}").json()
    assert detail["key"] == event["key"] and detail["evidence"]


def test_not_found_has_the_error_shape(client: TestClient) -> None:
    assert "no article" in _error(client.get("/api/articles/nope"), 404)["message"]
    _error(client.get("/api/entities/Nobody At All"), 404)
    _error(client.get("/api/events/nope/ev-1"), 404)
    _error(client.get("/api/no-such-endpoint"), 404)


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"bbox": "1,2,3"},
        {"type": "ATTACK"},
    ],
)
def test_invalid_parameters_have_the_error_shape(client: TestClient, params: dict[str, Any]) -> None:
    error = _error(client.get("/api/events", params=params), 422)
    assert error["code"] == "invalid" and error["message"]


def test_unexpected_failures_have_the_error_shape(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "summary", broken)
    with TestClient(create_app(Settings(db=web_db)), raise_server_exceptions=False) as failing:
        error = _error(failing.get("/api/summary"), 500)
    assert "secret" not in error["message"]


def test_requests_read_through_a_read_only_connection(web_db: Path) -> None:
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(settings=Settings(db=web_db))))
    opened = read_store(request)  # type: ignore[arg-type]
    store = next(opened)
    with pytest.raises(Exception, match="readonly"):
        store.connection.execute("DELETE FROM events")
    opened.close()


def test_ingest_is_off_without_a_token(client: TestClient) -> None:
    body = {"text": "Troops shelled Kupiansk.", "published": "2024-05-07"}
    error = _error(client.post("/api/articles", json=body), 404)
    assert "--token" in error["message"]


@pytest.fixture(scope="module")
def ingest_client(
    web_db: Path, pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    copy = tmp_path_factory.mktemp("ingest") / "ingest.db"
    shutil.copy(web_db, copy)
    with TestClient(create_app(Settings(db=copy, token=TOKEN, pipeline=pipeline))) as opened:
        yield opened


def test_ingest_needs_the_right_token(ingest_client: TestClient) -> None:
    body = {"text": "Troops shelled Kupiansk.", "published": "2024-05-07"}
    _error(ingest_client.post("/api/articles", json=body), 403)
    _error(ingest_client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}), 403)
    _error(ingest_client.post("/api/articles", json=body, headers={"Authorization": TOKEN}), 403)


def test_ingest_runs_the_pipeline_and_stores(ingest_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {
        "id": "posted-1",
        "text": "Russian forces shelled Vovchansk on Tuesday, killing two civilians, the governor said.",
        "published": "2024-05-14",
        "source": "Posted",
    }
    created = ingest_client.post("/api/articles", json=body, headers=auth)
    assert created.status_code == 201, created.text
    assert created.json()["stored"] is True and created.json()["events"] >= 1
    again = ingest_client.post("/api/articles", json=body, headers=auth)
    assert again.json()["stored"] is False
    events = ingest_client.get("/api/events", params={"article": "posted-1"}).json()["items"]
    assert events and events[0]["type"] == "ASSAULT"
    error = _error(ingest_client.post("/api/articles", json={"published": "2024-05-14"}, headers=auth), 422)
    assert "text" in error["message"]


def test_responses_carry_a_strict_content_security_policy(client: TestClient) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "http" not in policy
    assert client.get("/api/summary").headers["X-Content-Type-Options"] == "nosniff"


def test_openapi_and_docs_are_served_without_a_cdn(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/articles", "/api/entities", "/api/claims", "/api/places"} <= set(
        spec["paths"]
    )
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text


def test_front_end_libraries_are_served_from_node_modules(client: TestClient) -> None:
    if not (Settings(db=Path("x")).node_modules / "leaflet").is_dir():
        pytest.skip("node_modules is not installed (run `npm ci`)")
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/vendor/markercluster/leaflet.markercluster.js").status_code == 200
    assert client.get("/vendor/world-atlas/countries-50m.json").status_code == 200
    assert client.get("/vendor/leaflet/../../package.json").status_code == 404


def test_place_filter_matches_the_name_as_articles_write_it(client: TestClient) -> None:
    params = {"place": "Kupiansk", "limit": 500, "per_report": True}
    written = client.get("/api/events", params=params).json()["items"]
    assert written and {e["place"] for e in written} == {"Kupyansk"}, "GeoNames spells it Kupyansk"
    places = client.get("/api/places", params={"name": "kupiansk"}).json()["items"]
    assert [p["name"] for p in places] == ["Kupyansk"]


def test_ids_with_slashes_are_reachable(ingest_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {
        "id": "wire/2024/7",
        "text": "Police arrested two men in Kharkiv on Friday.",
        "published": "2024-05-17",
    }
    assert ingest_client.post("/api/articles", json=body, headers=auth).status_code == 201
    assert ingest_client.get("/api/articles/wire%2F2024%2F7").json()["article"]["id"] == "wire/2024/7"
    assert ingest_client.get("/articles/wire%2F2024%2F7").status_code == 200


def test_online_tiles_widen_only_the_image_sources() -> None:
    from sitrep.web.app import content_security_policy

    offline = content_security_policy(None)
    online = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data:;" in offline
    assert "img-src 'self' data: https://*.tile.example.org;" in online
    assert online.replace(" https://*.tile.example.org", "") == offline


def _merged(client: TestClient) -> dict[str, Any]:
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    merged = max(events, key=lambda e: e["reports"])
    assert merged["reports"] >= 3, "the three Kupiansk articles report one shelling"
    return dict(merged)


def test_a_merged_event_is_listed_once_with_its_reports(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    merged = _merged(client)
    assert [e["id"] for e in events].count(merged["id"]) == 1
    assert len(merged["article_ids"]) == merged["reports"]
    assert 1 <= merged["independent_sources"] <= merged["reports"]
    assert merged["date_first"] <= merged["date"] <= merged["date_last"]
    assert merged["fatalities"] == merged["fatalities_low"]
    per_report = client.get("/api/events", params={"limit": 500, "per_report": True}).json()["items"]
    assert len(per_report) > len(events)
    reporting = {e["article_id"] for e in per_report if e["type"] == merged["type"]}
    assert set(merged["article_ids"]) <= reporting
    again = client.get("/api/events", params={"limit": 500, "type": merged["type"]}).json()["items"]
    assert merged["id"] in {e["id"] for e in again}
    for article_id in merged["article_ids"]:
        found = client.get("/api/events", params={"article": article_id, "limit": 500}).json()["items"]
        assert merged["id"] in {e["id"] for e in found}


def test_linked_event_detail_lists_every_report_with_its_evidence(client: TestClient) -> None:
    merged = _merged(client)
    detail = client.get(f"/api/events/{merged['id']}").json()
    assert detail["reports"] == merged["reports"]
    assert {r["article_id"] for r in detail["events"]} == set(merged["article_ids"])
    for report in detail["events"]:
        text = client.get(f"/api/articles/{report['article_id']}").json()["article"]["text"]
        assert report["evidence"]
        for span in report["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert "source" in report and "source_group" in report
    _error(client.get("/api/events/le-0000000000000000"), 404)


def test_claim_groups_give_each_figure_with_speaker_relay_and_span(client: TestClient) -> None:
    groups = client.get("/api/claim-groups", params={"limit": 500}).json()["items"]
    assert groups
    disagreeing = client.get("/api/claim-groups", params={"disagreeing": True}).json()["items"]
    assert disagreeing and all(g["disagrees"] for g in disagreeing)
    group = disagreeing[0]
    assert len({f["value"] for f in group["figures"]}) > 1
    for figure in group["figures"]:
        assert {"speaker", "via", "article_id", "content_start", "content_end", "source"} <= set(figure)
        text = client.get(f"/api/articles/{figure['article_id']}").json()["article"]["text"]
        assert text[figure["content_start"] : figure["content_end"]] == figure["content"]
    if group["linked_event_id"]:
        about = client.get("/api/claim-groups", params={"event": group["linked_event_id"]}).json()
        assert group["id"] in {g["id"] for g in about["items"]}


def test_entities_are_canonical_with_every_alias_and_the_reason_of_each_merge(client: TestClient) -> None:
    names = client.get("/api/entities", params={"name": "marchenko"}).json()["items"]
    assert [e["name"] for e in names] == ["Oleh Marchenko"]
    assert "Marchenko" in names[0]["aliases"]
    entity = client.get("/api/entities/Oleh Marchenko").json()
    assert entity["id"] == names[0]["id"]
    assert len({m["article_id"] for m in entity["members"]}) >= 2
    assert all(m["reason"] for m in entity["members"])
    assert entity["claims"]
    by_alias = client.get("/api/entities/Marchenko").json()
    assert by_alias["id"] == entity["id"]
    grouped = client.get("/api/entities", params={"name": "marchenko", "per_article": True}).json()
    assert {e["name"] for e in grouped["items"]} >= {"Oleh Marchenko"}


def test_the_bench_database_holds_link_tables_the_api_reads(tmp_path: Path) -> None:
    from sitrep.web.bench import REPORTS_PER_EVENT, build_database

    counts = build_database(tmp_path / "bench.db", events=120, per_article=4)
    background = counts["events"] - counts["incidents"]
    assert (counts["incidents"], background) == (90, 30), "the last event of each article"
    assert counts["linked_events"] == counts["incidents"] // REPORTS_PER_EVENT + background
    with TestClient(create_app(Settings(db=tmp_path / "bench.db"))) as bench:
        assert bench.get("/api/summary").json()["linked"] is True
        events = bench.get("/api/events", params={"limit": 500}).json()["items"]
        assert len(events) == counts["incidents"] // REPORTS_PER_EVENT
        assert {e["reports"] for e in events} == {REPORTS_PER_EVENT}
        older = bench.get("/api/events", params={"limit": 500, "status": "background"}).json()["items"]
        assert len(older) == background and {(e["status"], e["reports"]) for e in older} == {
            ("background", 1)
        }
        assert bench.get("/api/events", params={"q": "convoy"}).status_code == 200
        detail = bench.get(f"/api/events/{events[0]['id']}").json()
        assert len(detail["events"]) == REPORTS_PER_EVENT
        assert bench.get("/api/claim-groups").json()["items"]
        assert bench.get("/api/entities").json()["items"][0]["aliases"]


@pytest.fixture(scope="module")
def unlinked_client(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The same database as a file that was never linked: every link table empty."""
    from sitrep.store import Store

    copy = tmp_path_factory.mktemp("unlinked") / "unlinked.db"
    with Store(web_db, read_only=True) as source, Store(copy) as target:
        source.connection.backup(target.connection)
        for table in (
            "claim_group_members",
            "claim_groups",
            "linked_event_members",
            "linked_events",
            "canonical_entity_members",
            "canonical_entities",
            "link_articles",
        ):
            target.connection.execute(f"DELETE FROM {table}")
    with TestClient(create_app(Settings(db=copy))) as opened:
        yield opened


def test_a_database_never_linked_falls_back_to_per_article_rows(unlinked_client: TestClient) -> None:
    assert unlinked_client.get("/api/summary").json()["linked"] is False
    events = unlinked_client.get("/api/events", params={"limit": 500}).json()["items"]
    assert events and all("article_id" in e and "reports" not in e for e in events)
    assert unlinked_client.get("/api/claim-groups").json()["items"] == []
    entities = unlinked_client.get("/api/entities").json()["items"]
    assert entities and "id" not in entities[0]
    assert "Marchenko" in unlinked_client.get("/api/entities/Oleh Marchenko").json()["aliases"]
    for path in (
        "/",
        "/events",
        "/timeline",
        "/claims",
        "/entities",
        "/entities/Oleh%20Marchenko",
        "/report",
    ):
        assert unlinked_client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("acled-csv", "text/csv"),
        ("geojson", "application/geo+json"),
        ("plover-jsonl", "application/x-ndjson"),
        ("jsonl", "application/x-ndjson"),
        ("parquet", "application/vnd.apache.parquet"),
    ],
)
def test_every_export_downloads_as_a_file(client: TestClient, name: str, media_type: str) -> None:
    response = client.get(f"/api/export/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    assert response.content
    if name == "geojson":
        merged = client.get("/api/events", params={"limit": 500}).json()["items"]
        features = response.json()["features"]
        assert 0 < len(features) <= len(merged)
    if name == "acled-csv":
        header = response.text.splitlines()[0].split(",")
        assert header[:3] == ["event_id_cnty", "event_date", "year"]
    if name == "parquet":
        assert response.content[:4] == b"PAR1"


def test_an_unknown_export_is_a_404_naming_the_formats(client: TestClient) -> None:
    error = _error(client.get("/api/export/xlsx"), 404)
    assert "acled-csv" in error["message"]


def test_the_overview_links_every_download(client: TestClient) -> None:
    page = client.get("/").text
    for name in ("acled-csv", "geojson", "plover-jsonl", "parquet", "jsonl"):
        assert f'href="/api/export/{name}"' in page


@pytest.fixture(scope="module", params=["linked", "per-article"])
def status_client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The store tests' sample: four incidents, a denial (ev-4, unplaced) and a planned strike on Bakhmut
    (ev-5), linked as `sitrep run` leaves it or never linked."""
    import store_sample as sample

    from sitrep.link.run import link
    from sitrep.store import Store

    path = tmp_path_factory.mktemp("statuses") / "statuses.db"
    with Store(path) as store:
        store.add(sample.article(), sample.extraction())
        store.add(sample.second_article(), sample.second_extraction())
        if request.param == "linked":
            link(store)
    with TestClient(create_app(Settings(db=path))) as opened:
        yield opened


def _statuses(client: TestClient, **params: Any) -> list[str]:
    items = client.get("/api/events", params={"limit": 500, **params}).json()["items"]
    return sorted(item["status"] for item in items)


def test_events_are_incidents_by_default_and_the_status_filter_shows_the_rest(
    status_client: TestClient,
) -> None:
    for per_report in (False, True):
        assert _statuses(status_client, per_report=per_report) == ["incident"] * 4
        assert _statuses(status_client, per_report=per_report, status="any") == [
            "denied",
            "incident",
            "incident",
            "incident",
            "incident",
            "planned",
        ]
        assert _statuses(status_client, per_report=per_report, status="denied") == ["denied"]
        assert _statuses(status_client, per_report=per_report, status="aggregate") == []
    error = _error(status_client.get("/api/events", params={"status": "happened"}), 422)
    assert "status must be any or one of" in error["message"]


def test_the_map_counts_and_chart_show_incidents_only(status_client: TestClient) -> None:
    located = status_client.get("/api/events", params={"located": True, "limit": 500}).json()["items"]
    assert located and {e["status"] for e in located} == {"incident"}, (
        "the planned strike on Bakhmut stays off"
    )
    summary = status_client.get("/api/summary").json()
    assert summary["events"] == 4
    assert summary["other_mentions"] == {
        "generic": 0,
        "aggregate": 0,
        "background": 0,
        "planned": 1,
        "denied": 1,
    }
    if summary["linked"]:
        assert summary["linked_events"] == 4
    overview = status_client.get("/").text
    assert 'id="count-other-mentions">2<' in overview and 'href="/events?status=any"' in overview


def test_event_details_carry_their_status(status_client: TestClient) -> None:
    denied = status_client.get("/api/events/kost-2023-03-08/ev-4").json()
    assert denied["status"] == "denied" and denied["negated"] is True
    everything = status_client.get("/api/events", params={"status": "any", "limit": 500}).json()["items"]
    planned = next(e for e in everything if e["status"] == "planned")
    if "reports" in planned:  # a merged event of one report
        detail = status_client.get(f"/api/events/{planned['id']}").json()
        assert detail["status"] == "planned"
        assert [r["status"] for r in detail["events"]] == ["planned"]


def test_the_events_page_shows_incidents_unless_asked_and_badges_each_status(
    status_client: TestClient,
) -> None:
    default = status_client.get("/events").text
    assert 'class="event-status event-status-incident"' in default
    assert "event-status-denied" not in default and "event-status-planned" not in default
    assert '<option value="incident" selected>' in default
    every = status_client.get("/events", params={"status": "any"}).text
    assert "event-status-denied" in every and "event-status-planned" in every
    assert '<option value="any" selected>' in every
    denied = status_client.get("/events", params={"status": "denied", "per_report": 1}).text
    assert "event-status-denied" in denied and "event-status-incident" not in denied
    assert (
        'id="event-status"><span class="event-status event-status-denied"'
        in status_client.get("/events/kost-2023-03-08/ev-4").text
    )
    timeline = status_client.get("/timeline").text
    assert "targeting" not in timeline and "strikes" not in timeline

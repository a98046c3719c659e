"""Hostile requests: every input out of range is a 422 in the one error shape, never a 500, a traceback
or a file path; bodies are capped and read only after the token; a connection outlives any error."""

from __future__ import annotations

import http.client
import json
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.pipeline import Pipeline
from sitrep.web import create_app, queries
from sitrep.web.settings import Settings

TOKEN = "a-token-of-sixteen-chars"
AUTH = {"Authorization": f"bearer {TOKEN}"}  # the scheme is case-insensitive (RFC 9110)


@pytest.fixture(scope="module")
def ingest_db(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("hostile") / "hostile.db"
    shutil.copy(web_db, copy)
    return copy


@pytest.fixture(scope="module")
def client(ingest_db: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    settings = Settings(db=ingest_db, token=TOKEN, pipeline=pipeline, max_body=100_000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as opened:
        yield opened


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"status", "code", "message", "details"} and error["status"] == status
    assert "Traceback" not in response.text and "/tmp" not in response.text and ".db" not in response.text
    return dict(error)


@pytest.mark.parametrize(
    "path",
    [
        f"/api/events?offset={2**63}",
        f"/api/articles?offset={2**64}",
        f"/api/claims?offset={queries.MAX_OFFSET + 1}",
        "/api/events?q=%00",
        "/api/articles?q=%00%01",
    ],
)
def test_out_of_range_queries_are_422(client: TestClient, path: str) -> None:
    assert _error(client.get(path), 422)["code"] == "invalid"


def test_the_largest_offset_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/events", params={"offset": queries.MAX_OFFSET}).json()
    assert body["items"] == [] and body["next_offset"] is None


@pytest.mark.parametrize(
    "query", ["until=0001-01-01", "since=9999-12-30&until=9999-12-31", "since=0001-01-01&until=9999-12-31"]
)
def test_pages_take_the_calendar_s_edge_dates(client: TestClient, query: str) -> None:
    for page in ("/report", "/claims", "/events"):
        assert client.get(f"{page}?{query}").status_code == 200, page


def test_a_nul_in_words_searched_is_ignored(client: TestClient) -> None:
    plain = client.get("/api/articles", params={"q": "Kupiansk"}).json()["items"]
    assert plain and client.get("/api/articles", params={"q": "Kupiansk\x00"}).json()["items"] == plain


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"text": " \n\t ", "published": "2024-05-08"}, "only whitespace"),
        ({"text": "Troops shelled Gao.", "published": "0001-01-01"}, "outside 1900-01-01"),
        ({"text": "Troops shelled Gao.", "published": "9999-12-31"}, "outside 1900-01-01"),
        ({"text": "Troops shelled Gao.", "published": "2024-05-08", "title": "x\udceb"}, "surrogate"),
    ],
)
def test_posted_articles_are_checked_as_the_cli_checks_them(
    client: TestClient, body: dict[str, str], reason: str
) -> None:
    payload = json.dumps(body)  # escapes the lone surrogate as JSON does
    response = client.post(
        "/api/articles", content=payload, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert reason in _error(response, 422)["message"]


def test_a_text_over_the_limit_is_422(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_MAX_CHARS", "1000")
    body = {"text": "Troops shelled Gao. " * 100, "published": "2024-05-08"}
    assert (
        "over the limit of 1,000"
        in _error(client.post("/api/articles", json=body, headers=AUTH), 422)["message"]
    )


def test_malformed_bodies_are_422(client: TestClient) -> None:
    for content in ["[" * 50_000, '{"text": "x", "published": "2024-13-01"}', "not json"]:
        _error(client.post("/api/articles", content=content, headers=AUTH), 422)


def test_a_body_over_the_cap_is_413_and_needs_the_token_first(client: TestClient) -> None:
    big = json.dumps({"text": "Troops shelled Gao. " * 10_000, "published": "2024-05-08"})
    assert _error(client.post("/api/articles", content=big, headers=AUTH), 413)["code"] == "too_large"
    _error(client.post("/api/articles", content=big), 403)


def test_a_huge_figure_keeps_its_article(client: TestClient) -> None:
    body = {
        "id": "huge-figure",
        "text": "Soldiers killed 99999999999999999999 civilians in Gao.",
        "published": "2024-05-08",
    }
    created = client.post("/api/articles", json=body, headers=AUTH)
    assert created.status_code == 201 and created.json()["stored"] is True
    assert client.get("/api/articles/huge-figure").status_code == 200


@pytest.fixture(scope="module")
def server(ingest_db: Path, live_server: Callable[[Settings], int]) -> int:
    return live_server(Settings(db=ingest_db, token=TOKEN))


def test_the_connection_outlives_an_unexpected_error(server: int, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> dict[str, Any]:
        raise RuntimeError("a bug")

    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=30)
    conn.request("GET", "/api/summary")
    assert conn.getresponse().read() and conn.sock is not None
    first = conn.sock
    monkeypatch.setattr(queries, "summary", broken)
    conn.request("GET", "/api/summary")
    failed = conn.getresponse()
    body = json.loads(failed.read())
    assert failed.status == 500 and body["error"]["code"] == "internal" and "a bug" not in str(body)
    monkeypatch.undo()
    conn.request("GET", f"/api/events?offset={2**63}")
    refused = conn.getresponse()
    assert refused.status == 422 and refused.read()
    conn.request("GET", "/api/events")
    answered = conn.getresponse()
    assert answered.status == 200 and json.loads(answered.read())["items"]
    assert conn.sock is first  # the same connection all along
    conn.close()


def test_the_token_is_checked_before_the_body_is_read(server: int) -> None:
    """Headers announcing 50 MB and no token: the 403 comes back without a byte of the body sent."""
    with socket.create_connection(("127.0.0.1", server), timeout=30) as raw:
        raw.sendall(
            b"POST /api/articles HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Content-Length: 52428800\r\n\r\n"
        )
        answer = raw.recv(65536)
    assert answer.startswith(b"HTTP/1.1 403")


def test_exports_stream_what_sitrep_export_writes_and_are_limited(
    client: TestClient, ingest_db: Path
) -> None:
    from sitrep.export.formats import FORMATS, render
    from sitrep.store import Store

    with Store(ingest_db, read_only=True) as store:
        expected = {name: render(store, FORMATS[name])[0] for name in ("acled-csv", "jsonl")}
    for name, content in expected.items():
        response = client.get(f"/api/export/{name}")
        assert response.status_code == 200 and response.content == content
        assert response.headers["content-length"] == str(len(content))
    slots = client.app.state.settings.export_slots  # type: ignore[attr-defined]
    taken = [slots.acquire(blocking=False) for _ in range(client.app.state.settings.exports)]  # type: ignore[attr-defined]
    try:
        busy = client.get("/api/export/jsonl")
        assert _error(busy, 503)["code"] == "unavailable" and busy.headers["retry-after"] == "5"
    finally:
        for _ in taken:
            slots.release()
    assert client.get("/api/export/geojson").status_code == 200

"""Event exports write incidents only; the contract export keeps every mention with its status."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sitrep.export import write_acled, write_geojson, write_jsonl, write_plover
from sitrep.export.common import happened
from sitrep.export.parquet import write_parquet
from sitrep.link.run import link
from sitrep.model import Extraction
from sitrep.store import Store, queries

sample = sys.modules["store_sample"]  # loaded by tests/conftest.py
CLASH = "kost-2023-03-08:ev-2"
INCIDENTS = {"kost-2023-03-08:ev-1", "kost-2023-03-08:ev-3", "kyiv-2023-04-02:ev-1"}


def _with_background_clash() -> Extraction:
    """The sample article with its clash near Bakhmut told as background: neither negated nor
    hypothetical, with an ACLED type and a place, so only its status keeps it out."""
    extraction = sample.extraction()
    events = [
        e.model_copy(update={"status": "background"}) if e.id == "ev-2" else e for e in extraction.events
    ]
    return extraction.model_copy(update={"events": events})


@pytest.fixture(params=[False, True], ids=["per-article", "linked"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "statuses.db") as opened:
        assert opened.add(sample.article(), _with_background_clash())
        assert opened.add(sample.second_article(), sample.second_extraction())
        if request.param:
            link(opened)
        yield opened


def test_happened_needs_an_incident_with_no_modality_flag() -> None:
    base = {"status": "incident", "negated": False, "hypothetical": False}
    assert happened(base)
    for status in ("generic", "aggregate", "background", "planned", "denied"):
        assert not happened({**base, "status": status})
    assert not happened({**base, "negated": True})
    assert not happened({**base, "hypothetical": True})


def test_event_exports_leave_out_every_mention_that_is_not_an_incident(store: Store) -> None:
    acled = io.StringIO()
    write_acled(store, acled, per_report=True)
    rows = list(csv.DictReader(io.StringIO(acled.getvalue())))
    assert sorted(row["event_type"] for row in rows) == [
        "Explosions/Remote violence",
        "Protests",
        "Strategic developments",
    ]
    plover = io.StringIO()
    write_plover(store, plover, per_report=True)
    assert {json.loads(line)["id"] for line in plover.getvalue().splitlines()} == INCIDENTS
    geojson = io.StringIO()
    write_geojson(store, geojson, per_report=True)
    assert {f["id"] for f in json.loads(geojson.getvalue())["features"]} == INCIDENTS


def test_merged_exports_leave_them_out_too(store: Store, tmp_path: Path) -> None:
    acled = io.StringIO()
    assert write_acled(store, acled) == 3
    assert "Battles" not in {row["event_type"] for row in csv.DictReader(io.StringIO(acled.getvalue()))}
    plover = io.StringIO()
    write_plover(store, plover)
    records = [json.loads(line) for line in plover.getvalue().splitlines()]
    assert {r["evidence"] for r in records}.isdisjoint(
        {"Ukrainian troops clashed with Wagner fighters near Bakhmut"}
    )
    assert len(records) == 3
    assert write_parquet(store, tmp_path / "events.parquet") == 3
    table = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert {row["evidence"] for row in table} == {r["evidence"] for r in records}


def test_the_contract_export_keeps_every_mention_with_its_status(store: Store) -> None:
    out = io.StringIO()
    write_jsonl(store, out)
    first = Extraction.model_validate_json(out.getvalue().splitlines()[0])
    assert first == _with_background_clash()
    assert [e.status for e in first.events] == ["incident", "background", "incident", "denied", "planned"]
    assert [e["key"] for e in queries.events(store, status="background")] == [CLASH]

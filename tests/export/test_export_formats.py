from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import store_sample as sample

from sitrep.cli import main
from sitrep.export import write_geojson, write_jsonl, write_plover
from sitrep.export.parquet import write_parquet
from sitrep.model import Extraction
from sitrep.store import Store
from sitrep.store.rows import document_of


def test_geojson_is_a_feature_collection_in_lon_lat(filled: Store) -> None:
    out = io.StringIO()
    written = write_geojson(filled, out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    features = collection["features"]
    assert written == len(features) == 4
    shelling = next(f for f in features if f["id"] == "kost-2023-03-08:ev-1")
    assert shelling["type"] == "Feature"
    assert shelling["geometry"] == {"type": "Point", "coordinates": [37.7050, 48.5277]}
    properties = shelling["properties"]
    assert properties["type"] == "ASSAULT"
    assert properties["mode"] == "heavy-weapons"
    assert properties["date"] == "2023-03-07"
    assert (properties["actor1"], properties["actor2"]) == ("Russian forces", "civilians")
    assert properties["fatalities"] == 2
    assert properties["article_id"] == "kost-2023-03-08"
    for found in features:
        lon, lat = found["geometry"]["coordinates"]
        assert 30 <= lon <= 38 and 48 <= lat <= 51


def test_geojson_leaves_out_unlocated_negated_and_hypothetical_events(filled: Store) -> None:
    out = io.StringIO()
    write_geojson(filled, out)
    ids = {f["id"] for f in json.loads(out.getvalue())["features"]}
    assert ids == {
        "kost-2023-03-08:ev-1",
        "kost-2023-03-08:ev-2",
        "kost-2023-03-08:ev-3",
        "kyiv-2023-04-02:ev-1",
    }


def test_plover_lines(filled: Store) -> None:
    out = io.StringIO()
    written = write_plover(filled, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert written == len(records) == 4
    battle = next(r for r in records if r["id"] == "kost-2023-03-08:ev-2")
    assert battle["event_type"] == "ASSAULT"
    assert (battle["date"], battle["date_precision"]) == ("2023-03-08", 2)
    assert (battle["actor"], battle["actor_text"]) == ("Ukrainian troops", "Ukrainian troops")
    assert (battle["actor_country"], battle["actor_sector"]) == ("UKR", "MIL")
    assert (battle["recipient"], battle["recipient_text"]) == ("Wagner Group", "Wagner fighters")
    assert (battle["recipient_country"], battle["recipient_kind"]) == ("RUS", "external_other")
    assert battle["recipient_sector"] is None
    assert (battle["location"], battle["latitude"], battle["longitude"]) == ("Bakhmut", 48.59441, 37.99983)
    assert battle["article_id"] == "kost-2023-03-08"
    assert battle["evidence"] == "Ukrainian troops clashed with Wagner fighters near Bakhmut"
    mobilize = next(r for r in records if r["id"] == "kost-2023-03-08:ev-3")
    assert (mobilize["actor_sector"], mobilize["recipient"], mobilize["mode"]) == ("GOV", None, "troops")


def test_jsonl_is_the_contract(filled: Store) -> None:
    out = io.StringIO()
    written = write_jsonl(filled, out)
    lines = out.getvalue().splitlines()
    assert written == len(lines) == 2
    assert Extraction.model_validate_json(lines[0]) == sample.extraction()
    assert Extraction.model_validate_json(lines[1]) == sample.second_extraction()
    assert json.loads(lines[0]) == sample.extraction().model_dump(mode="json")


def _members(store: Store) -> dict[str, set[str]]:
    """Article ids of every merged event with at least one report of an incident that took place."""
    rows = store.connection.execute(
        "SELECT m.linked_event_id, m.article_id FROM linked_event_members m"
        " JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id"
        " WHERE e.status = 'incident' AND NOT e.negated AND NOT e.hypothetical"
    ).fetchall()
    members: dict[str, set[str]] = {}
    for lid, article_id in rows:
        members.setdefault(lid, set()).add(article_id)
    return members


def test_linked_plover_is_one_record_per_merged_event(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        merged_out, per_report_out = io.StringIO(), io.StringIO()
        written = write_plover(store, merged_out)
        reports = write_plover(store, per_report_out, per_report=True)
        members = _members(store)
    records = [json.loads(line) for line in merged_out.getvalue().splitlines()]
    assert written == len(records) == len(members) < reports
    assert {r["id"] for r in records} == set(members)
    busiest = max(records, key=lambda r: r["reports"])
    assert busiest["reports"] >= 3
    assert set(busiest["article_ids"]) == members[busiest["id"]]
    assert busiest["linked_event_id"] == busiest["id"]
    figures = [f["value"] for f in busiest["fatalities_reported"]]
    assert busiest["dead"] == min(figures, default=None), "the lowest figure, as ACLED codes it"
    assert 1 <= busiest["independent_sources"] <= busiest["reports"]


def test_linked_geojson_is_one_feature_per_located_merged_event(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        merged_out, per_report_out = io.StringIO(), io.StringIO()
        written = write_geojson(store, merged_out)
        reports = write_geojson(store, per_report_out, per_report=True)
        members = _members(store)
    features = json.loads(merged_out.getvalue())["features"]
    assert written == len(features) < reports
    assert len({f["id"] for f in features}) == len(features)
    assert {f["id"] for f in features} <= set(members)
    for found in features:
        properties = found["properties"]
        assert set(properties["article_ids"]) == members[found["id"]]
        lon, lat = found["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert max(f["properties"]["reports"] for f in features) >= 3


def test_parquet_holds_the_plover_records_with_typed_columns(web_db: Path, tmp_path: Path) -> None:
    with Store(web_db, read_only=True) as store:
        written = write_parquet(store, tmp_path / "events.parquet")
        per_report = write_parquet(store, tmp_path / "reports.parquet", per_report=True)
        plover = [json.loads(line) for line in _plover_lines(store)]
    table = pq.read_table(tmp_path / "events.parquet")
    assert written == table.num_rows == len(plover) < per_report
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("article_ids").type == pa.list_(pa.string())
    rows = table.to_pylist()
    assert [row["id"] for row in rows] == [record["id"] for record in plover]
    for row, record in zip(rows, plover, strict=True):
        assert row["date"].isoformat() == record["date"]
        assert row["article_ids"] == record["article_ids"]
        assert row["dead"] == record["dead"]
    reports = pq.read_table(tmp_path / "reports.parquet").to_pylist()
    assert all(row["reports"] == 1 and row["article_ids"] == [row["article_id"]] for row in reports)


def test_parquet_of_an_empty_store_is_a_readable_file(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        assert write_parquet(store, tmp_path / "empty.parquet") == 0
    table = pq.read_table(tmp_path / "empty.parquet")
    assert table.num_rows == 0 and "evidence" in table.schema.names


def _plover_lines(store: Store) -> list[str]:
    out = io.StringIO()
    write_plover(store, out)
    return out.getvalue().splitlines()


def test_the_cli_offers_every_format_the_table_holds() -> None:
    from sitrep.cli import EXPORTS
    from sitrep.export.formats import FORMATS

    assert tuple(FORMATS) == EXPORTS


def test_render_gives_the_same_bytes_as_the_writers(filled: Store) -> None:
    from sitrep.export.formats import FORMATS, render

    out = io.StringIO()
    written = write_geojson(filled, out)
    content, count = render(filled, FORMATS["geojson"])
    assert (content.decode("utf-8"), count) == (out.getvalue(), written)
    parquet, rows = render(filled, FORMATS["parquet"])
    assert parquet[:4] == b"PAR1" and pq.read_table(io.BytesIO(parquet)).num_rows == rows


def _unplaced(tmp_path: Path) -> Store:
    """A store whose one protest has no place, from an article with a URL and a title."""
    article = sample.second_article().model_copy(
        update={"url": "https://www.voanews.com/a/kyiv/1.html", "title": "Protest in Kyiv", "source": None}
    )
    extraction = sample.second_extraction()
    event = extraction.events[0].model_copy(update={"place_id": None})
    store = Store(tmp_path / "unplaced.db")
    store.add(article, extraction.model_copy(update={"events": [event], "document": document_of(article)}))
    return store


def test_geojson_counts_unplaced_events_and_includes_them_on_request(tmp_path: Path) -> None:
    told: list[str] = []
    with _unplaced(tmp_path) as store:
        out = io.StringIO()
        assert write_geojson(store, out, notice=told.append) == 0
        assert json.loads(out.getvalue())["features"] == []
        out = io.StringIO()
        assert write_geojson(store, out, include_unplaced=True, notice=told.append) == 1
    assert told == [
        "1 of 1 events have no coordinates: left out (--include-unplaced)",
        "1 of 1 events have no coordinates: written with null geometry",
    ]
    (found,) = json.loads(out.getvalue())["features"]
    assert found["geometry"] is None
    properties = found["properties"]
    assert (properties["url"], properties["title"]) == (
        "https://www.voanews.com/a/kyiv/1.html",
        "Protest in Kyiv",
    )
    assert (properties["acled_actor1"], properties["inter1"]) == ("Protesters (Ukraine)", 6)
    assert (properties["acled_source"], properties["source_scale"]) == ("Voice of America", "International")


def test_geojson_features_carry_admin1_url_and_title(filled: Store) -> None:
    out = io.StringIO()
    write_geojson(filled, out)
    protest = next(f for f in json.loads(out.getvalue())["features"] if f["id"] == "kyiv-2023-04-02:ev-1")
    properties = protest["properties"]
    assert (properties["admin1"], properties["geo_precision"], properties["time_precision"]) == (
        "Kyiv City",
        1,
        1,
    )
    assert {"url", "title", "acled_actor1", "interaction", "admin3"} <= set(properties)


def test_plover_and_parquet_carry_the_acled_fields(filled: Store, tmp_path: Path) -> None:
    out = io.StringIO()
    write_plover(filled, out)
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    shelling = records["kost-2023-03-08:ev-1"]
    assert (shelling["acled_actor1"], shelling["inter1"]) == ("Military Forces of Russia", 8)
    assert (shelling["acled_actor2"], shelling["inter2"], shelling["interaction"]) == (
        "Civilians (Ukraine)",
        7,
        "78",
    )
    assert (shelling["civilian_targeting"], shelling["admin1"]) == ("Civilian targeting", "Donetsk Oblast")
    assert shelling["acled_source"] == "Example Wire"
    write_parquet(filled, tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.schema.field("inter1").type == pa.int8()
    rows = {row["id"]: row for row in table.to_pylist()}
    assert rows["kost-2023-03-08:ev-1"]["acled_actor1"] == "Military Forces of Russia"
    assert rows["kost-2023-03-08:ev-1"]["assoc_actor_1"] is None


def test_the_cli_says_how_many_events_the_map_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _unplaced(tmp_path).close()
    for extra, features in (((), 0), (("--include-unplaced",), 1)):
        argv = ["sitrep", "export", "--format", "geojson", "--db", str(tmp_path / "unplaced.db"), *extra]
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as exited:
            main()
        out, err = capsys.readouterr()
        assert exited.value.code in (0, None)
        assert len(json.loads(out)["features"]) == features
        assert "1 of 1 events have no coordinates" in err

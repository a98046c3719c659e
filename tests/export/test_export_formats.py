from __future__ import annotations

import io
import json

import store_sample as sample

from sitrep.export import write_geojson, write_jsonl, write_plover
from sitrep.model import Extraction
from sitrep.store import Store


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

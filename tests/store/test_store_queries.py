from __future__ import annotations

import datetime as dt
import json

import pytest
from store_sample import span

from sitrep.errors import UsageError
from sitrep.model import Article, Event, Extraction, Place
from sitrep.store import Store, queries, rows


def keys(found: list[dict[str, object]]) -> list[object]:
    return [item["key"] for item in found]


def test_events_all_in_date_order_undated_last(filled: Store) -> None:
    assert keys(queries.events(filled, status="any")) == [
        "kost-2023-03-08:ev-3",
        "kost-2023-03-08:ev-1",
        "kyiv-2023-04-02:ev-1",
        "kost-2023-03-08:ev-2",
        "kost-2023-03-08:ev-4",
        "kost-2023-03-08:ev-5",
    ]


def test_events_are_incidents_unless_another_status_is_asked_for(filled: Store) -> None:
    incidents = queries.events(filled)
    assert keys(incidents) == [
        "kost-2023-03-08:ev-3",
        "kost-2023-03-08:ev-1",
        "kyiv-2023-04-02:ev-1",
        "kost-2023-03-08:ev-2",
    ]
    assert {item["status"] for item in incidents} == {"incident"}
    assert keys(queries.events(filled, status="denied")) == ["kost-2023-03-08:ev-4"]
    assert keys(queries.events(filled, status="Planned", place="bakhmut")) == ["kost-2023-03-08:ev-5"]
    assert queries.events(filled, status="aggregate") == []
    assert [item["status"] for item in queries.events(filled, status="ANY")][-2:] == ["denied", "planned"]
    with pytest.raises(UsageError, match="status must be any or one of incident"):
        queries.events(filled, status="happened")


def test_event_rows_are_plain_json(filled: Store) -> None:
    found = queries.events(filled)
    assert json.loads(json.dumps(found)) == found
    shelling = next(item for item in found if item["key"] == "kost-2023-03-08:ev-1")
    assert shelling["place"] == "Kostiantynivka"
    assert shelling["latitude"] == 48.5277
    assert shelling["actor1"] == "Russian forces"
    assert shelling["actor2_entity"] == "civilians"
    assert shelling["attributed_speaker"] == "Pavlo Kyrylenko"
    assert shelling["evidence"] == [
        "Russian forces shelled the town of Kostiantynivka on Tuesday, killing two civilians"
    ]
    assert shelling["negated"] is False
    assert shelling["status"] == "incident"


def test_events_since_until_use_the_event_date(filled: Store) -> None:
    assert keys(queries.events(filled, since="2023-03-07", until=dt.date(2023, 3, 31))) == [
        "kost-2023-03-08:ev-1"
    ]
    assert keys(queries.events(filled, since=dt.date(2023, 4, 1))) == ["kyiv-2023-04-02:ev-1"]


def test_events_by_plover_or_acled_type(filled: Store) -> None:
    assert keys(queries.events(filled, type="mobilize")) == ["kost-2023-03-08:ev-3"]
    assert keys(queries.events(filled, type="battles")) == ["kost-2023-03-08:ev-2"]
    assert keys(queries.events(filled, type="Protests")) == ["kyiv-2023-04-02:ev-1"]


def test_events_by_actor_text_or_entity_name(filled: Store) -> None:
    assert keys(queries.events(filled, actor="wagner fighters")) == ["kost-2023-03-08:ev-2"]
    assert keys(queries.events(filled, actor="WAGNER GROUP")) == ["kost-2023-03-08:ev-2"]
    assert keys(queries.events(filled, actor="zelensk")) == ["kost-2023-03-08:ev-3"]
    assert len(queries.events(filled, actor="civilians", status="any")) == 2
    assert keys(queries.events(filled, actor="civilians")) == ["kost-2023-03-08:ev-1"]


def test_events_by_place_and_limit(filled: Store) -> None:
    assert keys(queries.events(filled, place="bakhm", status="any")) == [
        "kost-2023-03-08:ev-3",
        "kost-2023-03-08:ev-2",
        "kost-2023-03-08:ev-5",
    ]
    assert keys(queries.events(filled, place="bakhmut", limit=1)) == ["kost-2023-03-08:ev-3"]
    assert queries.events(filled, limit=0) == []


def test_filters_are_values_not_sql(filled: Store) -> None:
    assert queries.events(filled, actor="' OR 1=1 --") == []
    assert queries.events(filled, place="%") == []
    assert filled.has_article("kost-2023-03-08")


def test_text_filters_fold_non_ascii(store: Store) -> None:
    text = "Обстріл Києва вранці."
    art = Article(id="uk-1", published=dt.date(2023, 5, 1), text=text, language="uk")
    place = Place(
        id="pl-1", name="Київ", lat=50.45, lon=30.52, country_code="UA", mentions=[span("Києва", text=text)]
    )
    event = Event(id="ev-1", type="ASSAULT", trigger=span("Обстріл", text=text), place_id="pl-1", evidence=[])
    assert store.add(art, Extraction(document=rows.document_of(art), places=[place], events=[event]))
    assert [item["place"] for item in queries.events(store, place="КИЇВ")] == ["Київ"]
    assert [item["name"] for item in queries.places(store, name="київ")] == ["Київ"]


def test_bad_filter_values(filled: Store) -> None:
    with pytest.raises(UsageError, match="since"):
        queries.events(filled, since="last week")
    with pytest.raises(UsageError, match="limit"):
        queries.claims(filled, limit=-1)


def test_entities_grouped_across_articles(filled: Store) -> None:
    found = queries.entities(filled)
    assert json.loads(json.dumps(found)) == found
    kyrylenko = next(item for item in found if item["name"] == "Pavlo Kyrylenko")
    assert kyrylenko == {
        "name": "Pavlo Kyrylenko",
        "type": "PERSON",
        "kind": "government",
        "country": "UA",
        "aliases": ["Pavlo Kyrylenko", "Kyrylenko"],
        "articles": 1,
        "mentions": 2,
        "article_ids": ["kost-2023-03-08"],
    }
    assert found[0]["name"] == "Pavlo Kyrylenko"


def test_entities_filters(filled: Store) -> None:
    assert [e["name"] for e in queries.entities(filled, type="person")] == [
        "Pavlo Kyrylenko",
        "Volodymyr Zelensky",
    ]
    assert [e["name"] for e in queries.entities(filled, name="wagner")] == ["Wagner Group"]
    assert [e["name"] for e in queries.entities(filled, kind="protesters")] == ["Protesters"]
    assert [e["name"] for e in queries.entities(filled, since="2023-04-01")] == ["Protesters"]
    assert "Protesters" not in [e["name"] for e in queries.entities(filled, until="2023-03-31")]
    assert len(queries.entities(filled, limit=2)) == 2


def test_claims_and_filters(filled: Store) -> None:
    found = queries.claims(filled)
    assert json.loads(json.dumps(found)) == found
    assert [c["key"] for c in found] == [
        "kost-2023-03-08:cl-1",
        "kost-2023-03-08:cl-2",
        "kost-2023-03-08:cl-3",
    ]
    assert found[0]["quantities"] == [{"value": 2.0, "unit": "civilians killed", "text": "two civilians"}]
    assert found[1]["via"] == ["ent-6"]
    assert [c["id"] for c in queries.claims(filled, kind="direct_quote")] == ["cl-3"]
    assert [c["id"] for c in queries.claims(filled, speaker="kyrylenko")] == ["cl-1", "cl-3"]
    assert [c["id"] for c in queries.claims(filled, speaker="general staff")] == ["cl-2"]
    assert [c["id"] for c in queries.claims(filled, contains="HOLD THE LINE")] == ["cl-3"]
    assert queries.claims(filled, since="2023-04-01") == []
    assert len(queries.claims(filled, until="2023-03-08", limit=1)) == 1


def test_places_grouped_with_counts(filled: Store) -> None:
    found = queries.places(filled)
    assert json.loads(json.dumps(found)) == found
    bakhmut = found[0]
    assert bakhmut["name"] == "Bakhmut"
    assert (bakhmut["latitude"], bakhmut["longitude"]) == (48.59441, 37.99983)
    assert (bakhmut["mentions"], bakhmut["events"], bakhmut["articles"]) == (3, 3, 1)
    assert [p["name"] for p in queries.places(filled, name="kyi")] == ["Kyiv"]
    assert [p["name"] for p in queries.places(filled, since="2023-04-01")] == ["Kyiv"]
    assert len(queries.places(filled, country="ua")) == 4
    assert queries.places(filled, country="RU") == []
    assert len(queries.places(filled, until="2023-03-31", limit=2)) == 2


def test_summary(filled: Store) -> None:
    found = queries.summary(filled)
    assert json.loads(json.dumps(found)) == found
    assert found == {
        "db": str(filled.path),
        "articles": 2,
        "first_published": "2023-03-08",
        "last_published": "2023-04-02",
        "entities": 9,
        "places": 4,
        "events": 4,
        "events_by_type": {"ASSAULT": 2, "MOBILIZE": 1, "PROTEST": 1},
        "other_mentions": {"generic": 0, "aggregate": 0, "background": 0, "planned": 1, "denied": 1},
        "claims": 3,
        "relations": 1,
    }


def test_summary_of_an_empty_store(store: Store) -> None:
    found = queries.summary(store)
    assert found["articles"] == 0
    assert found["events_by_type"] == {}
    assert set(found["other_mentions"].values()) == {0}
    assert found["first_published"] is None

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from sitrep.export import countries, write_acled
from sitrep.export.acled import ACLED_COLUMNS, inter_code, interaction, merged_row
from sitrep.export.merged import MergedEvent
from sitrep.model import Actor, Article, Event, Extraction, Span
from sitrep.store import Store, queries
from sitrep.store.rows import document_of

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


def export(store: Store) -> tuple[str, list[dict[str, str]], int]:
    out = io.StringIO()
    written = write_acled(store, out)
    text = out.getvalue()
    return text, list(csv.DictReader(io.StringIO(text))), written


def test_header_is_acleds_31_columns_in_order(filled: Store) -> None:
    text, _, _ = export(filled)
    assert text.splitlines()[0] == HEADER
    assert len(ACLED_COLUMNS) == 31
    assert ",".join(ACLED_COLUMNS) == HEADER


def test_only_acled_typed_events_that_happened(filled: Store) -> None:
    _, rows, written = export(filled)
    assert written == len(rows) == 4
    assert [row["event_type"] for row in rows] == [
        "Strategic developments",
        "Explosions/Remote violence",
        "Battles",
        "Protests",
    ]
    assert all(len(row) == 31 for row in rows)


def test_shelling_row(filled: Store) -> None:
    _, rows, _ = export(filled)
    row = rows[1]
    assert row["event_id_cnty"] == "UKR2"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2023-03-07", "2023", "1")
    assert row["disorder_type"] == "Political violence"
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Military Forces of Russia",
        "8",
        "Civilians (Ukraine)",
        "7",
    )
    assert row["interaction"] == "78"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"], row["region"]) == ("804", "Ukraine", "Europe")
    assert (row["admin1"], row["admin2"], row["location"]) == (
        "Donetsk Oblast",
        "Kramatorskyi Raion",
        "Kostiantynivka",
    )
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("48.5277", "37.705", "1")
    assert row["source"] == "Example Wire"
    assert row["fatalities"] == "2"
    assert row["notes"].startswith("Russian forces shelled the town of Kostiantynivka")
    assert "[Reported by Pavlo Kyrylenko.]" in row["notes"]
    assert "not reported" not in row["notes"]
    stored = int(row["timestamp"])
    assert abs(stored - dt.datetime.now(dt.UTC).timestamp()) < 3600


def test_battle_without_date_or_fatalities(filled: Store) -> None:
    _, rows, _ = export(filled)
    row = rows[2]
    assert row["event_id_cnty"] == "UKR3"
    assert (row["event_date"], row["time_precision"]) == ("2023-03-08", "2")
    assert (row["actor1"], row["actor2"]) == ("Military Forces of Ukraine", "Wagner Group")
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "8", "18")
    assert row["civilian_targeting"] == ""
    assert row["fatalities"] == "0"
    assert "Fatalities not reported" in row["notes"]


def test_one_sided_event(filled: Store) -> None:
    _, rows, _ = export(filled)
    row = rows[0]
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Government of Ukraine",
        "1",
        "",
        "0",
    )
    assert row["interaction"] == "10"
    assert row["disorder_type"] == "Strategic developments"
    assert row["fatalities"] == "0"
    assert "not reported" not in row["notes"]
    protest = rows[3]
    assert protest["event_id_cnty"] == "UKR4"
    assert (protest["disorder_type"], protest["interaction"]) == ("Demonstrations", "60")


@pytest.mark.parametrize(
    ("kind", "actor_country", "place_country", "code"),
    [
        ("state_forces", "UA", "UA", 1),
        ("state forces", "RU", "UA", 8),
        ("government", "ru", "RU", 1),
        ("government", "RU", "UA", 8),
        ("state_forces", None, "UA", 1),
        ("rebel_group", "SD", "TD", 2),
        ("political_militia", None, None, 3),
        ("identity_militia", None, None, 4),
        ("rioters", None, None, 5),
        ("protesters", None, None, 6),
        ("civilians", "UA", "UA", 7),
        ("external_other", "RU", "UA", 8),
        ("Political-Militia", None, None, 3),
        (None, None, None, 0),
        ("party", None, None, 0),
    ],
)
def test_inter_codes(
    kind: str | None, actor_country: str | None, place_country: str | None, code: int
) -> None:
    assert inter_code(kind, actor_country, place_country) == code


def test_missing_actor_is_zero_and_interaction_is_sorted() -> None:
    assert inter_code("state_forces", "UA", "UA", present=False) == 0
    assert interaction(8, 1) == "18"
    assert interaction(1, 8) == "18"
    assert interaction(1, 0) == "10"
    assert interaction(0, 7) == "70"
    assert interaction(0, 0) == "00"
    assert interaction(7, 7) == "77"


def test_empty_store_writes_the_header_only(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        text, rows, written = export(store)
    assert (text, rows, written) == (HEADER + "\n", [], 0)


def test_event_without_a_place(tmp_path: Path) -> None:
    text = "Gunmen attacked a convoy, officials said."
    art = Article(id="np-1", published=dt.date(2024, 1, 5), text=text, source="Wire")
    event = Event(
        id="ev-1",
        type="ASSAULT",
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        trigger=Span(start=7, end=15, text="attacked"),
        actor1=Actor(start=0, end=6, text="Gunmen", kind="political_militia"),
        evidence=[],
    )
    assert text[7:15] == "attacked"
    with Store(tmp_path / "np.db") as store:
        store.add(art, Extraction(document=document_of(art), events=[event]))
        _, found, _ = export(store)
    row = found[0]
    assert row["event_id_cnty"] == "XXX1"
    assert (row["iso"], row["country"], row["location"], row["latitude"], row["geo_precision"]) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert (row["event_date"], row["time_precision"], row["interaction"]) == ("2024-01-05", "2", "30")
    assert row["notes"].startswith("attacked")


@pytest.mark.parametrize(
    ("alpha2", "region", "iso", "name", "alpha3"),
    [
        ("UA", "Europe", 804, "Ukraine", "UKR"),
        ("ru", "Europe", 643, "Russia", "RUS"),
        ("SD", "Northern Africa", 729, "Sudan", "SDN"),
        ("ML", "Western Africa", 466, "Mali", "MLI"),
        ("SY", "Middle East", 760, "Syria", "SYR"),
        ("AM", "Caucasus and Central Asia", 51, "Armenia", "ARM"),
        ("MM", "Southeast Asia", 104, "Myanmar", "MMR"),
        ("HT", "Caribbean", 332, "Haiti", "HTI"),
        ("BR", "South America", 76, "Brazil", "BRA"),
        ("US", "North America", 840, "United States", "USA"),
        ("AU", "Oceania", 36, "Australia", "AUS"),
    ],
)
def test_country_facts(alpha2: str, region: str, iso: int, name: str, alpha3: str) -> None:
    assert countries.region(alpha2) == region
    assert countries.numeric(alpha2) == iso
    assert countries.name(alpha2) == name
    assert countries.alpha3(alpha2) == alpha3


def test_unknown_country() -> None:
    assert countries.country(None) is None
    assert countries.region("ZZ") is None
    assert countries.alpha3("") is None


def test_a_linked_database_exports_one_row_per_merged_event(web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        merged_text, merged, written = export(store)
        out = io.StringIO()
        per_report = (
            list(csv.DictReader(io.StringIO(out.getvalue()))) if write_acled(store, out, True) else []
        )
        members = store.connection.execute(
            "SELECT m.linked_event_id, m.article_id, e.fatalities, a.source FROM linked_event_members m"
            " JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id"
            " JOIN articles a ON a.id = m.article_id"
            " WHERE e.status = 'incident' AND NOT e.negated AND NOT e.hypothetical"
            " AND e.acled_event_type IS NOT NULL"
        ).fetchall()
    assert merged_text.splitlines()[0] == HEADER
    assert written == len(merged) < len(per_report)
    assert all(len(row) == 31 for row in merged)
    by_event: dict[str, list[tuple[str, int | None, str | None]]] = {}
    for lid, article_id, fatalities, source in members:
        by_event.setdefault(lid, []).append((article_id, fatalities, source))
    assert len(merged) == len(by_event)
    busiest = max(by_event.values(), key=lambda reports: len({a for a, _, _ in reports}))
    assert len({a for a, _, _ in busiest}) >= 3
    rows = [row for row in merged if all(f"article {a}" in row["notes"] for a, _, _ in busiest)]
    assert len(rows) == 1, "the merged event is one row"
    row = rows[0]
    figures = [f for _, f, _ in busiest if f is not None]
    assert int(row["fatalities"]) == min(figures, default=0), "ACLED takes the most conservative figure"
    if len(set(figures)) > 1:
        assert "Fatality figures differ" in row["notes"]
    outlets = {s for _, _, s in busiest if s}
    assert set(filter(None, row["source"].split("; "))) == outlets
    assert "independent sources" in row["notes"]
    assert len({r["event_id_cnty"] for r in merged}) == len(merged)


def test_merged_row_notes_the_figures_statements_give(filled: Store) -> None:
    shelling = next(e for e in queries.events(filled) if e["key"] == "kost-2023-03-08:ev-1")
    merged = MergedEvent(
        {"id": "le-1", "date": None, "date_precision": None, "independent_sources": 1}, [shelling]
    )
    claimed = [
        {"measure": "fatalities", "side": "people", "low": 2.0, "high": 2.0, "members": 1},
        {"measure": "fatalities", "side": "people", "low": 2.0, "high": 5.0, "members": 2},
        {"measure": "injured", "side": "people", "low": 7.0, "high": 7.0, "members": 1},
        {"measure": "troops", "side": "combatants", "low": 500.0, "high": 500.0, "members": 1},
    ]
    row = merged_row(merged, 1, None, claimed)
    assert row["fatalities"] == 2
    assert (
        "[Figures in statements: fatalities (people) 2-5 (2 statements); injured (people) 7.]" in row["notes"]
    )

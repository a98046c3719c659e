"""The incident scorer on gold incidents and extractions written here; on the real gold and against its
reference scorer when `../shared` is present; and `sitrep eval incidents` end to end."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from sitrep.cli import main
from sitrep.errors import InputError
from sitrep.eval.incidents import (
    GoldStory,
    StoryResult,
    acled_rows,
    by_half,
    figures,
    halves,
    read_gold,
)
from sitrep.model import Document, Event, EventStatus, Extraction, Place, Span, is_acled_row, is_incident

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD_DIR = SHARED / "eval" / "incidents"
REFERENCE = SHARED / "tools" / "score_incidents.py"

SIBI = (29.54, 67.88)
QUETTA = (30.18, 66.99)  # about 110 km from Sibi
KARACHI = (24.86, 67.01)  # about 520 km from Sibi


def _place(pid: str, name: str, point: tuple[float, float] | None, admin1: str | None = None) -> Place:
    lat, lon = point if point is not None else (None, None)
    return Place(id=pid, name=name, lat=lat, lon=lon, admin1=admin1, mentions=[])


def _event(
    eid: str,
    day: str | None = "2025-03-11",
    acled: str | None = "Battles",
    sub: str | None = "Armed clash",
    place: str | None = "sibi",
    fatalities: int | None = None,
    status: EventStatus = "incident",
    **flags: bool,
) -> Event:
    text = f"Militants attacked the train ({eid})."
    return Event(
        id=eid,
        type="ASSAULT",
        acled_event_type=acled,
        acled_sub_event_type=sub,
        trigger=Span(start=10, end=18, text="attacked"),
        place_id=place,
        date=dt.date.fromisoformat(day) if day else None,
        fatalities=fatalities,
        status=status,
        evidence=[Span(start=0, end=len(text), text=text)],
        **flags,
    )


def _extraction(events: list[Event], story: str = "s1", places: list[Place] | None = None) -> Extraction:
    places = places if places is not None else [_place("sibi", "Sibi", SIBI, "Balochistan")]
    document = Document(id=story, published=dt.date(2025, 3, 13))
    return Extraction(document=document, places=places, events=events)


def _incident(key: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "key": key,
        "date": "2025-03-11",
        "date_any": ["2025-03-11"],
        "event_type": "Battles",
        "sub_event_any": ["Armed clash"],
        "location": "Sibi",
        "lat": SIBI[0],
        "lon": SIBI[1],
        "fatalities": None,
        "fatalities_any": [],
    }
    record.update(fields)
    return record


def _gold(
    must: list[dict[str, Any]], optional: list[dict[str, Any]] | None = None, story: str = "s1"
) -> GoldStory:
    return GoldStory.of({"doc_id": story, "title": "t", "incidents": must, "optional": optional or []})


def _score(gold: GoldStory, events: list[Event], places: list[Place] | None = None) -> StoryResult:
    return StoryResult.of(gold, _extraction(events, gold.id, places))


def test_rows_are_incidents_with_an_acled_type_only() -> None:
    kept = _event("e1")
    left_out = [
        *(
            _event(f"s-{status}", status=status)
            for status in ("generic", "aggregate", "background", "planned", "denied")
        ),
        _event("neg", negated=True),
        _event("hyp", hypothetical=True),
        _event("untyped", acled=None),
        _event("blank", acled="  "),
    ]
    assert is_acled_row(kept) and is_incident(kept)
    assert not any(is_acled_row(e) for e in left_out)
    assert is_incident(_event("untyped", acled=None))  # an incident, just not an ACLED one
    rows = acled_rows(_extraction([kept, *left_out]))
    assert [row.event.id for row in rows] == ["e1"]
    assert acled_rows(None) == []


def test_left_out_statuses_cost_no_precision() -> None:
    gold = _gold([_incident("clash")])
    result = _score(
        gold, [_event("e1"), _event("old", status="background"), _event("toll", status="aggregate")]
    )
    assert figures([result])["rows"] == 1
    assert figures([result])["precision"] == 1.0


def test_matching_is_one_to_one_and_maximal() -> None:
    # "wide" fits both rows, "narrow" only the first: taking row 0 for "wide" first would leave "narrow"
    # unmatched; a maximum matching moves "wide" to row 1.
    wide = _incident("wide", sub_event_any=["Armed clash", "Attack"])
    narrow = _incident("narrow", event_type="Battles", sub_event_any=[])
    events = [_event("e1"), _event("e2", acled="Violence against civilians", sub="Attack")]
    result = _score(_gold([wide, narrow]), events)
    assert result.must_rows == {0: 1, 1: 0}
    scores = figures([result])
    assert (scores["recall"], scores["precision"], scores["f1"]) == (1.0, 1.0, 1.0)


def test_one_row_codes_one_incident_only() -> None:
    result = _score(_gold([_incident("one"), _incident("two")]), [_event("e1")])
    scores = figures([result])
    assert (scores["must"], scores["rows"], scores["recall"], scores["precision"]) == (2, 1, 0.5, 1.0)
    assert scores["f1"] == 0.6667


def test_extra_fitting_rows_are_duplicates_and_wrong() -> None:
    events = [_event("e1"), _event("e2"), _event("e3"), _event("other", day="2025-03-01")]
    result = _score(_gold([_incident("clash")]), events)
    assert [result.mark(i) for i in range(4)] == ["matched", "duplicate", "duplicate", "wrong"]
    assert result.coded(1)[1] is not None and result.coded(1)[1].key == "clash"
    assert result.coded(3) == ("wrong", None)
    scores = figures([result])
    assert (scores["duplicates"], scores["precision"], scores["recall"]) == (2, 0.25, 1.0)


def test_optional_incidents_spend_leftover_rows_only() -> None:
    must = _incident("clash")
    maybe = _incident("hostages", event_type="Violence against civilians", sub_event_any=["Attack"])
    events = [_event("e1"), _event("e2", acled="Violence against civilians", sub="Attack")]
    result = _score(_gold([must], [maybe]), events)
    assert [result.mark(i) for i in range(2)] == ["matched", "optional"]
    scores = figures([result])
    assert (scores["rows"], scores["precision"], scores["duplicates"]) == (2, 1.0, 0)
    # An optional incident never takes the row a must incident needs, and an unused optional costs nothing.
    also_clash = _incident("also_clash")
    result = _score(_gold([must], [also_clash]), [_event("e1")])
    assert result.must_rows == {0: 0} and result.optional_rows == {}
    # `must: false` among the incidents makes an optional incident too.
    demoted = GoldStory.of({"doc_id": "s1", "incidents": [must, {**maybe, "must": False}]})
    assert [g.key for g in demoted.must] == ["clash"] and [g.key for g in demoted.optional] == ["hostages"]


def test_type_by_event_type_any_or_sub_event() -> None:
    riot = _event("e1", acled="Riots", sub="Violent demonstration")
    assert not _score(_gold([_incident("p", event_type="Protests", sub_event_any=[])]), [riot]).must_rows
    assert _score(_gold([_incident("p", event_type="Protests", event_type_any=["Riots"])]), [riot]).must_rows
    assert _score(
        _gold([_incident("p", event_type="Protests", sub_event_any=["Violent demonstration"])]), [riot]
    ).must_rows


def test_days_from_date_any_then_date_window_then_any() -> None:
    def found(incident: dict[str, Any], day: str | None) -> bool:
        return bool(_score(_gold([incident]), [_event("e1", day=day)]).must_rows)

    two_days = _incident("c", date_any=["2025-03-11", "2025-03-12"])
    assert found(two_days, "2025-03-12") and not found(two_days, "2025-03-13")
    windowed = _incident("c", date=None, date_any=[], date_window=["2025-03-01", "2025-03-10"])
    assert found(windowed, "2025-03-01") and found(windowed, "2025-03-10")
    assert not found(windowed, "2025-03-11") and not found(windowed, None)
    undated = _incident("c", date=None, date_any=[])
    assert found(undated, "1999-01-01")
    # Without date_any the best date is the only day.
    assert found(_incident("c", date_any=None), "2025-03-11")


def test_places_within_100_km_or_named_by_location_any() -> None:
    places = [
        _place("sibi", "Sibi", SIBI, "Balochistan"),
        _place("quetta", "Quetta", QUETTA, "Balochistan"),
        _place("karachi", "Karachi", KARACHI, "Sindh"),
        _place("nowhere", "Bolan Pass", None),
    ]

    def found(incident: dict[str, Any], place: str) -> bool:
        return bool(_score(_gold([incident]), [_event("e1", place=place)], places).must_rows)

    plain = _incident("c")
    assert found(plain, "sibi") and not found(plain, "quetta") and not found(plain, "karachi")
    assert not found(plain, "nowhere")
    named = _incident("c", location_any=["QUETTA", "Bolan", "  "])
    assert found(named, "quetta") and found(named, "nowhere") and not found(named, "karachi")
    assert found(_incident("c", location_any=["balochistan"]), "quetta")  # admin1 counts too
    # Recall ignoring place finds the incident wherever the row is placed.
    result = _score(_gold([plain]), [_event("e1", place="karachi")], places)
    assert figures([result])["recall"] == 0.0
    assert figures([result])["recall_ignoring_place"] == 1.0


def test_fatalities_ok_needs_a_defensible_figure_or_none() -> None:
    def ok(incident: dict[str, Any], deaths: int | None) -> float:
        result = _score(_gold([incident]), [_event("e1", fatalities=deaths)])
        return float(figures([result])["fatalities_ok"])

    counted = _incident("c", fatalities=4, fatalities_any=[4, 25])
    assert ok(counted, 25) == 1.0 and ok(counted, 4) == 1.0
    assert ok(counted, 3) == 0.0 and ok(counted, None) == 0.0
    unreported = _incident("c")
    assert ok(unreported, None) == 1.0 and ok(unreported, 0) == 1.0 and ok(unreported, 2) == 0.0
    # Over matched incidents only: a missed incident is not a fatality error.
    result = _score(
        _gold([counted, _incident("missed", date_any=["2025-01-01"])]), [_event("e1", fatalities=4)]
    )
    assert figures([result])["fatalities_ok"] == 1.0


def test_fatality_ratio_counts_every_row_against_must_incidents() -> None:
    gold = _gold(
        [_incident("c", fatalities=4, fatalities_any=[4]), _incident("v", fatalities=6, fatalities_any=[6])],
        [_incident("opt", fatalities=100, fatalities_any=[100], date_any=["2025-03-05"])],
    )
    events = [_event("e1", fatalities=4), _event("far", day="2020-01-01", fatalities=26)]
    scores = figures([_score(gold, events)])
    assert (scores["exported_fatalities"], scores["gold_fatalities"]) == (30, 10)
    assert scores["fatality_ratio"] == 3.0
    assert scores["fatality_closeness"] == pytest.approx(1 / 3, abs=1e-4)
    under = figures([_score(gold, [_event("e1", fatalities=5)])])
    assert under["fatality_ratio"] == 0.5 and under["fatality_closeness"] == 0.5
    none = figures([_score(_gold([_incident("c")]), [_event("e1")])])
    assert (none["fatality_ratio"], none["fatality_closeness"]) == (0.0, 1.0)


def test_figures_add_up_over_stories() -> None:
    first = _score(_gold([_incident("a"), _incident("b")], story="s1"), [_event("e1")])
    second = _score(_gold([], story="s2"), [_event("e2"), _event("e3")])
    scores = figures([first, second])
    assert (scores["stories"], scores["must"], scores["rows"], scores["rows_per_story"]) == (2, 2, 3, 1.5)
    assert (scores["recall"], scores["precision"]) == (0.5, 0.3333)
    assert scores["f1"] == 0.4  # from the rounded precision and recall
    assert figures([])["recall"] == 0.0


def test_halves_alternate_over_sorted_ids() -> None:
    assert halves(["8009976", "6180705", "8007760", "6183227", "6180705"]) == {
        "6180705": "A",
        "6183227": "B",
        "8007760": "A",
        "8009976": "B",
    }
    results = [
        StoryResult.of(_gold([], story=s), None, half) for s, half in (("x", "A"), ("y", "B"), ("z", "A"))
    ]
    parts = by_half(results)
    assert [r.gold.id for r in parts["A"]] == ["x", "z"] and [r.gold.id for r in parts["B"]] == ["y"]


def test_read_gold_reads_every_story_and_names_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text(
        json.dumps({"doc_id": 2, "incidents": [_incident("c")]}), encoding="utf-8"
    )
    (tmp_path / "a.json").write_text(json.dumps({"doc_id": "1", "incidents": []}), encoding="utf-8")
    (tmp_path / "README.md").write_text("not gold", encoding="utf-8")
    assert [(g.id, len(g.must)) for g in read_gold(tmp_path)] == [("1", 0), ("2", 1)]
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"c\.json"):
        read_gold(tmp_path)
    with pytest.raises(InputError):
        read_gold(tmp_path / "missing")


def _perfect_extraction(story: dict[str, Any]) -> Extraction:
    """One row per must incident, coded as the gold codes it."""
    events, places = [], []
    for n, incident in enumerate(story["incidents"]):
        places.append(_place(f"p{n}", incident["location"], (incident["lat"], incident["lon"])))
        events.append(
            _event(
                f"e{n}",
                day=incident["date"],
                acled=incident["event_type"],
                sub=incident["sub_event_any"][0],
                place=f"p{n}",
                fatalities=incident["fatalities"],
            )
        )
    return _extraction(events, str(story["doc_id"]), places)


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="gold data in ../shared/eval not present")
def test_real_gold_reads_and_a_perfect_extraction_scores_one() -> None:
    gold = read_gold(GOLD_DIR)
    assert len(gold) == 18 and sum(len(g.must) for g in gold) == 15
    assert sorted(halves(g.id for g in gold).values()).count("A") == 9
    raw = {g.id: json.loads((GOLD_DIR / f"{g.id}.json").read_text(encoding="utf-8")) for g in gold}
    results = [StoryResult.of(g, _perfect_extraction(raw[g.id])) for g in gold]
    scores = figures(results)
    assert [scores[k] for k in ("recall", "precision", "fatalities_ok", "fatality_ratio")] == [1.0] * 4
    assert scores["duplicates"] == 0


@pytest.mark.skipif(not (GOLD_DIR.is_dir() and REFERENCE.is_file()), reason="../shared not present")
def test_figures_equal_the_reference_scorer() -> None:
    spec = importlib.util.spec_from_file_location("score_incidents", REFERENCE)
    assert spec is not None and spec.loader is not None
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    gold = read_gold(GOLD_DIR)
    raw = {g.id: json.loads((GOLD_DIR / f"{g.id}.json").read_text(encoding="utf-8")) for g in gold}
    extractions = {}
    for g in gold:
        perfect = _perfect_extraction(raw[g.id])
        # the last incident missed; noise: a duplicate, an inflated toll, a wrongly dated row, a row with
        # no place, and an aggregate that is no row at all
        noise = [
            e.model_copy(update={"id": f"{e.id}-{k}", **change})
            for e in perfect.events[:1]
            for k, change in enumerate(
                [
                    {},
                    {"fatalities": 500},
                    {"date": dt.date(2001, 1, 1)},
                    {"place_id": None},
                    {"status": "aggregate"},
                ]
            )
        ]
        extractions[g.id] = perfect.model_copy(update={"events": perfect.events[1:-1] + noise})
    ours = figures([StoryResult.of(g, extractions[g.id]) for g in gold])
    # The reference scorer does not read `status`, so it is given only the rows the export writes.
    exported = {
        sid: {
            **x.model_dump(mode="json"),
            "events": [e.model_dump(mode="json") for e in x.events if is_acled_row(e)],
        }
        for sid, x in extractions.items()
    }
    theirs = reference.score_incidents([{"id": g.id, "gold": raw[g.id]} for g in gold], exported)
    assert ours["duplicates"] > 0 and ours["recall"] < 1
    for key in ("must", "rows", "recall", "precision", "f1", "duplicates", "recall_ignoring_place"):
        assert ours[key] == theirs[key], key
    for key in ("fatalities_ok", "fatality_ratio", "exported_fatalities", "gold_fatalities"):
        assert ours[key] == theirs[key], key


def _sitrep(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["sitrep", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_eval_incidents_prints_all_and_both_halves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_dir, stories = tmp_path / "incidents", tmp_path / "voa" / "voa_stories.jsonl"
    gold_dir.mkdir()
    stories.parent.mkdir()
    ambush = _incident(
        "goma_ambush", date="2024-05-06", date_any=["2024-05-06"], location="Goma", lat=-1.68, lon=29.23,
        fatalities=5, fatalities_any=[5],
    )  # fmt: skip
    (gold_dir / "s1.json").write_text(json.dumps({"doc_id": "s1", "incidents": [ambush]}), encoding="utf-8")
    (gold_dir / "s2.json").write_text(json.dumps({"doc_id": "s2", "incidents": []}), encoding="utf-8")
    texts = {
        "s1": "Rebels killed five soldiers in an ambush in Goma, Congo, on Monday, the army said.",
        "s2": "The weather in Nairobi was mild on Tuesday.",
        "s3": "A story nobody coded.",
    }
    stories.write_text(
        "".join(
            json.dumps({"id": k, "published": "2024-05-08 10:00:00Z", "text": v}) + "\n"
            for k, v in texts.items()
        ),
        encoding="utf-8",
    )
    code, out, _ = _sitrep(monkeypatch, capsys, "eval", "incidents", str(gold_dir))
    assert code == 0
    table = {line[:8].strip(): line[8:].split() for line in out.splitlines()[1:]}
    assert set(table) == {"all", "half A", "half B"}
    # stories and must incidents: s1 in half A, s2 in half B, s3 has no gold and is not scored
    assert (
        table["all"][:2] == ["2", "1"]
        and table["half A"][:2] == ["1", "1"]
        and table["half B"][:2] == ["1", "0"]
    )
    assert table["all"][4] == "1.000"  # recall: the ambush is found

    code, out, _ = _sitrep(monkeypatch, capsys, "eval", "incidents", str(gold_dir), "--half", "b", "--list")
    assert code == 0
    starts = [line[:8].strip() for line in out.splitlines()[1:3]]
    assert starts == ["half B", ""] and "s2 [B] 0/0 incidents" in out and "s1 [A]" not in out

    code, out, _ = _sitrep(monkeypatch, capsys, "eval", "incidents", str(gold_dir), "--list")
    assert "s1 [A] 1/1 incidents" in out and "found  goma_ambush" in out and "matched" in out

    code, _, err = _sitrep(monkeypatch, capsys, "eval", "incidents", str(gold_dir), "--half", "C")
    assert code != 0 and "--half" in err

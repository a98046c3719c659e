"""The event scorers, on gold records written here, and on a slice of the real gold data when present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.eval.events import (
    filler_found,
    macro_f1,
    score_cameo,
    score_india_police,
    score_muc4,
    score_plover,
)
from sitrep.model import Actor

GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval"

SHELLING = "Russian troops shelled the village of Hlyboke on Monday."
ARRESTS = "Government forces arrested 12 protesters in the capital."
PRAISE = "Officials praised the new school building."
DEMAND = "The opposition party demanded the release of its leader."
QUIET = "The weather was mild."
AMBUSH = "Rebels killed five soldiers in an ambush near Goma."
TALKS = "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss border trade."


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def _span(text: str, phrase: str, role: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"role": role, "start": start, "end": start + len(phrase), "text": phrase}


def _plover(text: str, event: str, spans: list[dict[str, Any]], aligned: bool = True) -> dict[str, Any]:
    return {"id": event, "text": text, "event": event, "spans": spans, "markup_aligned": aligned}


def test_score_plover_counts_as_the_readme_says(tmp_path: Path) -> None:
    records = [
        # FIGHT maps to ASSAULT: right type, actor1 right, no actor2 (a village is a place, not a side).
        _plover(SHELLING, "FIGHT", [_span(SHELLING, "Russian", "SRC"), _span(SHELLING, "village", "TAR")]),
        # Right type; actor1 right, actor2 (protesters) misses the gold target.
        _plover(
            ARRESTS, "COERCE", [_span(ARRESTS, "Government", "SRC"), _span(ARRESTS, "the capital", "TAR")]
        ),
        # DISAPPROVE maps to ACCUSE; SUPPORT is extracted: wrong type and quad, actor1 right.
        _plover(PRAISE, "DISAPPROVE", [_span(PRAISE, "Officials", "SRC")]),
        # INVESTIGATE is right when any event is extracted; unaligned markup is not scored for actors.
        _plover(DEMAND, "INVESTIGATE", [_span(DEMAND, "opposition", "SRC")], aligned=False),
        # No event at all.
        _plover(QUIET, "AGREE", []),
    ]
    scores = score_plover([_write(tmp_path / "gsr.jsonl", records)])
    assert scores["records"] == 5 and scores["typed_records"] == 4 and scores["with_events"] == 4
    assert scores["type_accuracy"] == 0.6
    assert scores["top_type_accuracy"] == 0.6
    assert scores["type_macro_f1"] == 0.5  # ASSAULT 1, COERCE 1, ACCUSE 0, AGREE 0
    assert scores["quad_accuracy"] == 0.5
    assert (scores["actor_records"], scores["actor_gold"], scores["actor_predicted"]) == (4, 5, 4)
    assert scores["actor_precision"] == 0.75
    assert scores["actor_recall"] == 0.6
    assert scores["actor_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["errors"] == 0


def test_score_cameo_quads_statements_and_actors(tmp_path: Path) -> None:
    def record(text: str, cameo_class: int, spans: list[dict[str, Any]] | None) -> dict[str, Any]:
        return {"id": text[:10], "text": text, "cameo_class": cameo_class, "spans": spans}

    records = [
        record(AMBUSH, 4, [_span(AMBUSH, "Rebels", "S"), _span(AMBUSH, "five soldiers", "T")]),
        record(TALKS, 1, [_span(TALKS, "The foreign ministers of Chile and Peru", "R")]),
        record(PRAISE, 0, None),  # a verbal event on a statement is allowed
        record(ARRESTS, 0, [_span(ARRESTS, "Government forces", "S"), _span(ARRESTS, "the capital", "T")]),
        record(QUIET, 0, None),
        record(DEMAND, 1, None),  # REQUEST is quad 3 in sitrep, appeals are quad 1 in CAMEO
    ]
    scores = score_cameo([_write(tmp_path / "cameo.jsonl", records)])
    assert scores["records"] == 6 and scores["statements"] == 3
    assert scores["quad_accuracy"] == pytest.approx(4 / 6, abs=1e-4)
    assert scores["quad_accuracy_events"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["statement_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["statement_no_event"] == pytest.approx(1 / 3, abs=1e-4)
    # "the foreign ministers of Chile and Peru" stand for Chile: a third right actor
    assert (scores["actor_records"], scores["actor_gold"], scores["actor_predicted"]) == (3, 6, 5)
    assert scores["actor_precision"] == 0.8
    assert scores["actor_recall"] == pytest.approx(4 / 6, abs=1e-4)
    assert scores["actor_f1"] == pytest.approx(0.7273, abs=1e-4)


def test_score_india_police_per_class(tmp_path: Path) -> None:
    sentences = [
        ("police arrested 12 rioters in the old city on monday.", ["ARREST", "ANY_ACTION"]),
        ("a mob set fire to shops near the station.", ["FORCE", "ANY_ACTION"]),
        ("police opened fire on the mob, killing two people.", ["KILL", "FORCE", "ANY_ACTION"]),
        ("the police commissioner said the situation was under control.", ["ARREST"]),
    ]
    text = " ".join(s for s, _ in sentences)
    gold = []
    for sentence, labels in sentences:
        start = text.index(sentence)
        gold.append({"start": start, "end": start + len(sentence), "labels": labels})
    records = [
        {"id": 1, "dct": "2002-03-02", "text": text, "doc_labels": [], "sentences": gold},
        {
            "id": 2,
            "text": "the weather was mild.",
            "doc_labels": [],
            "sentences": [{"start": 0, "end": 21, "labels": []}],
        },
    ]
    scores = score_india_police([_write(tmp_path / "ipe.jsonl", records)])
    assert (scores["documents"], scores["sentences"]) == (2, 5)
    assert (scores["kill_precision"], scores["kill_recall"], scores["kill_f1"]) == (1.0, 1.0, 1.0)
    assert (scores["arrest_precision"], scores["arrest_recall"]) == (1.0, 0.5)
    assert scores["arrest_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert (scores["force_precision"], scores["force_recall"]) == (1.0, 0.5)
    assert scores["any_action_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["any_action_f1"] == 0.8
    assert scores["police_kill_f1"] == 1.0
    assert scores["macro_f1"] == pytest.approx((1 + 2 / 3 + 2 / 3 + 0.8) / 4, abs=1e-4)
    assert (scores["kill_gold"], scores["arrest_gold"], scores["force_gold"], scores["any_action_gold"]) == (
        1,
        2,
        2,
        3,
    )


def test_score_muc4_recall_by_overlap_and_by_name(tmp_path: Path) -> None:
    first = "GUERRILLAS ATTACKED THE POWER STATION IN USULUTAN. THE ARMY SAID THAT THE FMLN BOMBED A BRIDGE NEAR SAN MIGUEL."
    second = "URBAN GUERRILLAS KILLED A POLICEMAN IN SAN SALVADOR."

    def filler(text: str, phrase: str, located: bool = True) -> dict[str, Any]:
        start = text.index(phrase)
        occurrences = [{"start": start, "end": start + len(phrase), "text": phrase}] if located else []
        return {"mentions": [phrase], "occurrences": occurrences}

    def roles(**found: list[dict[str, Any]]) -> dict[str, Any]:
        keys = (
            "perp_individual_id",
            "perp_organization_id",
            "phys_tgt_id",
            "hum_tgt_name",
            "incident_instrument_id",
        )
        return {key: found.get(key, []) for key in keys}

    records = [
        {
            "id": "a",
            "text": first,
            "roles": roles(
                perp_individual_id=[filler(first, "GUERRILLAS")],  # actor1 overlaps it
                perp_organization_id=[filler(first, "FMLN")],  # a name no entity holds, BOMBED's actor1
                phys_tgt_id=[filler(first, "POWER STATION")],
            ),
        },
        {
            "id": "b",
            "text": second,
            "roles": roles(
                perp_organization_id=[filler(second, "GUERRILLAS", located=False)],  # by name only
                hum_tgt_name=[filler(second, "POLICEMAN")],
            ),
        },
    ]
    scores = score_muc4([_write(tmp_path / "muc.jsonl", records)])
    assert (scores["documents"], scores["events"]) == (2, 3)
    assert (scores["perp_org_recall"], scores["perp_org_gold"]) == (1.0, 2)
    assert scores["perp_individual_recall"] == 1.0
    assert scores["perp_recall"] == 1.0
    assert (scores["target_recall"], scores["target_gold"]) == (1.0, 2)  # the objects attacked and killed


def test_filler_matching_and_macro_f1() -> None:
    actor = Actor(start=4, end=18, text="ARMED  MEN OF\nTHE FMLN")
    assert filler_found({"mentions": ["fmln"], "occurrences": []}, [actor])
    assert filler_found({"mentions": ["THE ARMED MEN OF THE FMLN NEAR"], "occurrences": []}, [actor])
    assert not filler_found(
        {"mentions": ["MEN OF THE"], "occurrences": []}, [Actor(start=0, end=1, text="M")]
    )
    assert filler_found({"mentions": [], "occurrences": [{"start": 10, "end": 12}]}, [actor])
    assert macro_f1([("A", "A"), ("A", "B"), ("B", None)]) == pytest.approx((2 / 3 + 0) / 2)


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/eval")
def test_event_scorers_on_real_gold() -> None:
    plover = score_plover([GOLD / "plover_gsr" / "plover_gsr.jsonl"], sample=20)
    assert plover["records"] == 20 and plover["errors"] == 0
    assert 0.0 <= plover["type_accuracy"] <= 1.0 and plover["with_events"] > 5
    cameo = score_cameo([GOLD / "conflibert_cameo" / "cameo_train.jsonl"], sample=20)
    assert cameo["records"] == 20 and cameo["quad_accuracy"] > 0.2
    india = score_india_police([GOLD / "india_police_events" / "india_police_events_docs.jsonl"], sample=5)
    assert india["documents"] == 5 and india["sentences"] > 20
    muc = score_muc4([GOLD / "muc4" / "muc4_dev.jsonl"], sample=10)
    assert muc["documents"] == 10 and muc["events"] > 0

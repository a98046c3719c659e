"""The entities scorer, on gold records written here, and on a slice of the real gold data when present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.eval.entities import actor_phrase, score_entities

GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval"


def _entity(text: str, phrase: str, kind: str, **extra: Any) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase, "type": kind, **extra}


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_score_entities_exact_span_and_type(tmp_path: Path) -> None:
    meeting = "Angela Merkel met Emmanuel Macron in Paris on Friday ."
    shares = "Siemens shares rose 2 percent , the Frankfurt exchange said ."
    vote = "German voters backed the Social Democrats ."
    minister = "Defence Minister Rustem Umerov said the front line was stable."
    records = [
        {
            "id": "1",
            "text": meeting,
            "entities": [
                _entity(meeting, "Angela Merkel", "PER"),
                _entity(meeting, "Emmanuel Macron", "PER"),
                _entity(meeting, "Paris", "LOC"),
            ],
        },
        # Frankfurt is found as a place.
        {
            "id": "2",
            "text": shares,
            "entities": [_entity(shares, "Siemens", "ORG"), _entity(shares, "Frankfurt", "LOC")],
        },
        # Social Democrats is predicted MISC (NORP) but is an ORG.
        {
            "id": "3",
            "text": vote,
            "entities": [_entity(vote, "German", "MISC"), _entity(vote, "Social Democrats", "ORG")],
        },
        # re3d style: a low-confidence gold entity is ignored, a prediction on an unscored type's span is
        # left out of precision, and "Umerov" is not the gold span "Rustem Umerov".
        {
            "id": "4",
            "text": minister,
            "entities": [
                _entity(minister, "Rustem Umerov", "Person", confidence=1),
                _entity(minister, "Defence", "DocumentReference", confidence=0.9),
                _entity(minister, "front line", "Location", confidence=0.2),
            ],
        },
    ]
    scores = score_entities([_write(tmp_path / "ner.jsonl", records)])
    assert (scores["documents"], scores["gold"], scores["predicted"], scores["correct"]) == (4, 8, 8, 6)
    assert (scores["precision"], scores["recall"], scores["f1"]) == (0.75, 0.75, 0.75)
    assert scores["per_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["org_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["loc_f1"] == 1.0
    assert scores["misc_f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_actor_phrases_are_not_names() -> None:
    assert (
        actor_phrase("Russian troops") and actor_phrase("Officials") and actor_phrase("the Russian air force")
    )
    assert not actor_phrase("Social Democrats") and not actor_phrase("German")


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/eval")
def test_score_entities_on_real_gold() -> None:
    conll = score_entities([GOLD / "conll2003" / "conll2003_testa.jsonl"], sample=20)
    assert conll["documents"] == 20 and conll["gold"] > 10 and conll["f1"] > 0.4
    re3d = score_entities([GOLD / "re3d" / "re3d_docs.jsonl"], sample=3)
    assert re3d["documents"] == 3 and re3d["gold"] > 10

from __future__ import annotations

import json
import pathlib

import pytest

from sitrep.errors import InputError
from sitrep.eval.time import match_spans, score_time
from sitrep.model import Timex

GOLD_DIR = pathlib.Path("/work/shared/eval/tempeval3_tbaq")


def _gold(text: str, phrase: str, value: str) -> dict[str, object]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "type": "DATE", "value": value, "mod": None}


def _write(path: pathlib.Path, records: list[dict[str, object]]) -> pathlib.Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_score_time_on_a_tiny_gold_file(tmp_path: pathlib.Path) -> None:
    first = "Shelling resumed on Tuesday and again on Wednesday."
    second = "The talks, once stalled, continue."
    path = _write(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a",
                "dct": "2023-03-08",
                "text": first,
                # Right span and value; right span, wrong value.
                "timexes": [_gold(first, "Tuesday", "2023-03-07"), _gold(first, "Wednesday", "2023-03-01")],
            },
            {
                "id": "b",
                "dct": "2023-03-08T10:00",
                "text": second,
                "timexes": [_gold(second, "once", "PAST_REF")],
            },
        ],
    )
    scores = score_time([path])
    assert (scores["documents"], scores["gold"], scores["predicted"]) == (2, 3, 2)
    assert scores["extent_precision"] == 1.0
    assert scores["extent_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["extent_f1"] == pytest.approx(0.8, abs=1e-4)
    assert scores["value_precision"] == 0.5
    assert scores["value_recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["value_f1"] == pytest.approx(0.4, abs=1e-4)


def test_score_time_names_a_bad_record(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "no date here", "timexes": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        score_time([path])


def test_spans_are_matched_one_to_one_on_overlap() -> None:
    predicted = [Timex(start=0, end=15, text="Friday, Oct. 23", value="1998-10-23")]
    gold = [{"start": 0, "end": 6, "value": "1998-10-23"}, {"start": 8, "end": 15, "value": "1998-10-23"}]
    assert len(match_spans(predicted, gold)) == 1


def test_score_time_on_tempeval3_meets_its_floor() -> None:
    path = GOLD_DIR / "tbaq_aquaint.jsonl"
    if not path.exists():
        pytest.skip("TempEval-3 gold data is not available here")
    scores = score_time([path])
    assert scores["documents"] == 73
    assert scores["extent_f1"] >= 0.90
    assert scores["value_f1"] >= 0.78

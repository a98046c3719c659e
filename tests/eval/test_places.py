"""The places scorer, on gold records written here, and on a slice of the real gold data when present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.eval.places import halves, score_places

GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "geoparsing_gritta"


def _toponym(text: str, word: str, lat: float | None, lon: float | None, **extra: Any) -> dict[str, Any]:
    start = text.index(word)
    return {"start": start, "end": start + len(word), "text": word, "lat": lat, "lon": lon, **extra}


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_score_places_counts_as_the_readme_says(tmp_path: Path) -> None:
    text = "Shelling hit Kharkiv on Monday. Officials in Kyiv said the Ukrainian army held the old mill."
    toponyms: list[dict[str, Any]] = [
        _toponym(text, "Kharkiv", 49.99, 36.23, offset_status="ok"),
        _toponym(text, "Kyiv", 10.0, 10.0),
        _toponym(text, "old mill", 49.0, 36.0),
        _toponym(text, "Ukrainian", None, None, non_locational=True),
        {"start": None, "end": None, "text": "Monday", "lat": 1.0, "lon": 1.0, "offset_status": "invalid"},
        _toponym(text, "army", None, None),
    ]
    records: list[dict[str, Any]] = [
        {"id": "1", "text": text, "toponyms": toponyms},
        {"id": "2", "text": "Nothing happened.", "toponyms": []},
    ]
    scores = score_places([_write(tmp_path / "gold.jsonl", records)])
    assert scores["documents"] == 2
    assert scores["gold"] == 3
    assert scores["predicted"] == 2
    assert scores["found"] == 2 and scores["correct"] == 1
    assert scores["accuracy_161km"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["median_error_km"] is not None and scores["median_error_km"] > 161


def test_score_places_with_no_gold(tmp_path: Path) -> None:
    scores = score_places(
        [_write(tmp_path / "empty.jsonl", [{"id": "1", "text": "Quiet day.", "toponyms": []}])]
    )
    assert scores == {
        "accuracy_161km": 0.0,
        "precision": 0.0,
        "median_error_km": None,
        "gold": 0,
        "predicted": 0,
        "documents": 1,
        "found": 0,
        "correct": 0,
        "accuracy_161km_A": 0.0,
        "precision_A": 0.0,
        "accuracy_161km_B": 0.0,
        "precision_B": 0.0,
    }


def test_halves_alternate_over_sorted_ids_and_add_up(tmp_path: Path) -> None:
    assert halves(["3", "1", "2", "10"]) == {"1": "A", "10": "B", "2": "A", "3": "B"}
    kyiv = "Shelling hit Kyiv on Monday."
    records = [
        {"id": "a", "text": kyiv, "toponyms": [_toponym(kyiv, "Kyiv", 50.45, 30.52)]},
        {"id": "b", "text": kyiv, "toponyms": [_toponym(kyiv, "Kyiv", 10.0, 10.0)]},
    ]
    scores = score_places([_write(tmp_path / "gold.jsonl", records)])
    assert (scores["accuracy_161km_A"], scores["accuracy_161km_B"]) == (1.0, 0.0)
    assert scores["accuracy_161km"] == 0.5


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/eval")
def test_score_places_on_real_gold(tmp_path: Path) -> None:
    lines = (GOLD / "geovirus.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    scores = score_places([_write(tmp_path / "slice.jsonl", [json.loads(line) for line in lines])])
    assert scores["documents"] == 20 and scores["gold"] > 50
    assert scores["accuracy_161km"] > 0.4
    assert scores["precision"] > 0.5

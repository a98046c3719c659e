"""The CASE 2021 sub-event scorer (sitrep/eval/case2021.py) on snippets written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval.case2021 import letters, score_case2021, weighted_and_macro_f1


def test_labels_compare_by_their_letters() -> None:
    assert letters("Shelling/artillery/missile attack") == letters("shelling artillery missile-attack")


def test_weighted_f1_weights_each_type_by_its_gold_count() -> None:
    pairs = [("a", "a"), ("a", "a"), ("a", None), ("b", "a")]
    weighted, macro = weighted_and_macro_f1(pairs)
    f1_a = 2 * (2 / 3) * (2 / 3) / (4 / 3)  # precision 2/3, recall 2/3
    assert weighted == pytest.approx((3 * f1_a + 0) / 4)
    assert macro == pytest.approx(f1_a / 2)


def test_score_over_snippets_with_labels_outside_acled_left_out(tmp_path: Path) -> None:
    snippets = [
        {
            "id": "1",
            "text": "A man threw a grenade at a police post in Srinagar on Tuesday.",
            "label": "GRENADE",
        },
        {"id": "2", "text": "Police arrested 12 opposition activists in Dhaka on Monday.", "label": "ARREST"},
        {"id": "3", "text": "The two presidents discussed trade in a phone call.", "label": "DIPLO"},
    ]
    path = tmp_path / "case2021_task2_test.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in snippets), encoding="utf-8")
    scores = score_case2021([path])
    assert scores["records"] == 2
    assert scores["weighted_f1"] == 1.0 and scores["event_type_accuracy"] == 1.0
    assert scores["half_a_weighted_f1"] == 1.0 and scores["half_b_weighted_f1"] == 1.0
    assert scores["confusions"] == []

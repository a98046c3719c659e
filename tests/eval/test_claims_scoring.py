"""The claims scorer, on gold records written here, and on a slice of the real gold data when present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.eval.claims import GoldAttribution, match_claims, score_claims, trimmed
from sitrep.model import Claim, Span

GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "polnear"

MINISTER = (
    'Defence Minister Rustem Umerov said the front line was stable. "We will not give up a single village," '
    "Umerov told reporters. The army, according to local officials, lost two tanks."
)
GOVERNOR = "The governor said that the bridge was destroyed. Residents fled."


def _piece(text: str, phrase: str) -> list[dict[str, Any]]:
    start = text.index(phrase)
    return [{"start": start, "end": start + len(phrase), "text": phrase}]


def _attribution(text: str, source: list[str], content: list[str]) -> dict[str, Any]:
    return {
        "id": "E",
        "source": [p for phrase in source for p in _piece(text, phrase)],
        "cue": [],
        "content": [p for phrase in content for p in _piece(text, phrase)],
    }


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_score_claims_counts_as_the_readme_says(tmp_path: Path) -> None:
    first = [
        # Exact content, speaker overlaps.
        _attribution(MINISTER, ["Defence Minister Rustem Umerov"], ["the front line was stable"]),
        # Quote marks are trimmed for the exact match; the speaker "Umerov" is the same entity.
        _attribution(
            MINISTER, ["Defence Minister Rustem Umerov"], ['"We will not give up a single village,"']
        ),
        # Discontinuous content: matched by overlap, not exact (the hull runs from "army", the
        # predicted clause from "The army"); the gold source is not the predicted speaker.
        _attribution(MINISTER, ["The army"], ["army", "lost two tanks."]),
    ]
    second = [
        _attribution(GOVERNOR, ["The governor"], ["that the bridge was destroyed"]),
        _attribution(GOVERNOR, [], ["Residents fled"]),  # not extracted
        {"id": "E9", "source": [], "cue": [], "content": []},  # no content: skipped
    ]
    records = [
        {"id": "a", "dct": "2024-05-08", "text": MINISTER, "annotator": "x", "attributions": first},
        {"id": "b", "text": GOVERNOR, "annotator": "x", "attributions": second},
    ]
    scores = score_claims([_write(tmp_path / "polnear.jsonl", records)])
    assert (scores["documents"], scores["gold"], scores["predicted"]) == (2, 5, 4)
    assert (scores["matched"], scores["exact"], scores["speaker_pairs"]) == (4, 3, 4)
    assert (scores["content_precision"], scores["content_recall"]) == (1.0, 0.8)
    assert scores["content_f1"] == pytest.approx(8 / 9, abs=1e-4)
    assert (scores["exact_precision"], scores["exact_recall"]) == (0.75, 0.6)
    assert scores["exact_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["speaker_accuracy"] == 0.75


def test_matching_needs_half_of_the_shorter_span() -> None:
    def claim(start: int, end: int) -> Claim:
        return Claim(
            id="c", kind="indirect", content=Span(start=start, end=end, text="x" * (end - start)), evidence=[]
        )

    gold = [GoldAttribution(content=[(0, 10), (20, 30)], source=[])]
    assert len(match_claims([claim(5, 15)], gold)) == 1  # 5 of 10 characters shared
    assert match_claims([claim(8, 20)], gold) == []  # 2 of 12
    both = match_claims([claim(0, 30), claim(20, 30)], gold)
    assert [(c.content.start, c.content.end) for c, _ in both] == [(0, 30)]  # one to one, largest first
    assert trimmed(" “That is all.” ", 0, 16) == (7, 13)


@pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/eval")
def test_score_claims_on_real_gold() -> None:
    scores = score_claims([GOLD / "polnear_dev.jsonl"], sample=8)
    assert scores["documents"] == 8 and scores["gold"] > 50 and scores["errors"] == 0
    assert scores["content_precision"] > 0.5
    assert 0.0 < scores["speaker_accuracy"] <= 1.0

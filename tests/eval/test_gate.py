"""The accuracy gate itself: a deliberate regression fails it, floors only go down with a reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from sitrep.errors import UsageError
from sitrep.eval import gate
from sitrep.eval import time as time_scoring
from sitrep.eval.suites import SUITES, _time

TEXT = "The rebels attacked the town on Tuesday. Talks resumed on March 3, 2024, officials said."


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold" / "tiny"
    folder.mkdir(parents=True)
    tuesday = TEXT.index("Tuesday")
    march = TEXT.index("March 3, 2024")
    record = {
        "id": "g1",
        "dct": "2024-03-07",
        "text": TEXT,
        "timexes": [
            {"start": tuesday, "end": tuesday + 7, "type": "DATE", "value": "2024-03-05", "mod": None},
            {"start": march, "end": march + 13, "type": "DATE", "value": "2024-03-03", "mod": None},
        ],
    }
    (folder / "tiny.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return tmp_path / "gold"


SUITE = gate.Suite("time.tiny", ("tiny/tiny.jsonl",), _time, ("extent_f1", "value_f1"))


def test_gate_passes_at_the_recorded_floor_and_fails_on_a_regression(gold_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    figures, sums, notes = gate.measure([SUITE], gold_dir)
    assert notes == [] and figures["time.tiny.value_f1"] == 1.0
    floors = gate.record(figures, sums, gate.load_floors(gold_dir / "none.json"), today=dt.date(2026, 1, 1))
    assert not gate.check(figures, sums, floors).failures

    monkeypatch.setattr(time_scoring, "extract_timexes", lambda doc, published: [])
    broken, sums, _ = gate.measure([SUITE], gold_dir)
    result = gate.check(broken, sums, floors)
    assert {r.measure for r in result.failures} == {"time.tiny.extent_f1", "time.tiny.value_f1"}
    assert "BELOW FLOOR" in result.table()


def test_floors_rise_but_never_fall_without_a_reason() -> None:
    floors = gate.record({"m": 0.8}, {}, gate.load_floors(Path("/nonexistent")), today=dt.date(2026, 1, 1))
    raised = gate.record({"m": 0.9}, {}, floors)
    assert raised["measures"]["m"]["floor"] == 0.9
    kept = gate.record({"m": 0.7}, {}, raised)
    assert kept["measures"]["m"]["floor"] == 0.9
    with pytest.raises(UsageError):
        gate.record({"m": 0.7}, {}, raised, lower=True)
    lowered = gate.record({"m": 0.7}, {}, raised, lower=True, reason="gold data re-annotated")
    assert lowered["measures"]["m"]["floor"] == 0.7
    assert lowered["lowered"][-1]["reason"] == "gold data re-annotated"


def test_small_drops_within_tolerance_pass() -> None:
    floors = {"tolerance": 0.005, "measures": {"m": {"floor": 0.8, "figure": 0.8}}}
    assert not gate.check({"m": 0.797}, {}, floors).failures
    assert gate.check({"m": 0.79}, {}, floors).failures


def test_missing_gold_is_skipped_with_a_note(tmp_path: Path) -> None:
    figures, _, notes = gate.measure([SUITE], tmp_path)
    assert figures == {} and "skipped time.tiny" in notes[0]


# Suites added since the floors were last recorded; each leaves this set when its floors are recorded.
AWAITING_FLOORS: set[str] = set()


def test_recorded_floors_cover_every_gated_measure() -> None:
    floors = gate.load_floors(Path(__file__).resolve().parents[2] / "eval" / "floors.json")
    expected = {f"{s.name}.{key}" for s in SUITES if s.name not in AWAITING_FLOORS for key in s.keys}
    assert expected <= set(floors["measures"])
    recorded_suites = {name.rsplit(".", 1)[0] for name in floors["measures"]}
    assert not AWAITING_FLOORS & recorded_suites, "floors recorded: remove the suite from AWAITING_FLOORS"


def test_a_gold_folder_has_one_checksum_over_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "incidents"
    folder.mkdir()
    (folder / "1.json").write_text("{}", encoding="utf-8")
    assert gate.checksum(folder / "1.json") == hashlib.sha256(b"{}").hexdigest()  # a file: its content
    seen = {gate.checksum(folder)}
    (folder / "2.json").write_text("{}", encoding="utf-8")
    seen.add(gate.checksum(folder))
    (folder / "2.json").write_text('{"incidents": []}', encoding="utf-8")
    seen.add(gate.checksum(folder))
    (folder / "2.json").rename(folder / "3.json")
    seen.add(gate.checksum(folder))
    assert len(seen) == 4

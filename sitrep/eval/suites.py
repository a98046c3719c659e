"""Which scorer runs over which gold files for `make eval`, and which of its figures are gated.

Large sets are sampled with a fixed seed inside their scorers (see each `sample` below) so the whole
gate stays under ten minutes on a two-core laptop.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sitrep.eval.gate import Suite
from sitrep.nlp.loader import DEFAULT_MODEL


def _time(paths: list[Path]) -> Mapping[str, Any]:
    from sitrep.eval.time import score_time

    return score_time(paths, DEFAULT_MODEL)


def _places(paths: list[Path]) -> Mapping[str, Any]:
    from sitrep.eval.places import score_places

    return score_places(paths, DEFAULT_MODEL)


SUITES: list[Suite] = [
    Suite(
        "time.tbaq",
        ("tempeval3_tbaq/tbaq_timebank.jsonl", "tempeval3_tbaq/tbaq_aquaint.jsonl"),
        _time,
        ("extent_f1", "value_f1"),
    ),
    Suite(
        "places.geowebnews", ("geoparsing_gritta/geowebnews.jsonl",), _places, ("accuracy_161km", "precision")
    ),
    Suite("places.geovirus", ("geoparsing_gritta/geovirus.jsonl",), _places, ("accuracy_161km", "precision")),
]

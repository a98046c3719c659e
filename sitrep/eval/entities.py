"""Scoring named entities against CoNLL-2003 and re3d (eval README, "Entities").

A prediction is a (start, end, type) triple and matches a gold one only when all three are equal;
precision, recall and F1 are micro-averaged over all records, with per-type F1 beside them.

Predictions: every mention of sitrep's entities, typed PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC,
NORP/EVENT/PRODUCT/LAW/LANGUAGE/WORK_OF_ART -> MISC, plus every place mention as LOC; a span predicted
twice with one type counts once. Actor phrases, NORP mentions headed by an actor noun of the actors
lexicon ("Russian troops", "civilians"), are descriptions rather than names and are left out.
Gold: CoNLL types as they are; re3d entities with confidence >= 0.5, Person -> PER, Organisation ->
ORG, Location -> LOC, Nationality -> MISC. Other re3d types (Weapon, Temporal, Money…) are not scored:
a prediction on exactly such a span is left out of precision rather than counted wrong.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from sitrep import lexicons
from sitrep.eval.common import extract_records, f1, ratio, read_jsonl, sample_records
from sitrep.model import Extraction
from sitrep.nlp.loader import DEFAULT_MODEL

TYPES = ("PER", "ORG", "LOC", "MISC")
SITREP_TYPES = {
    "PERSON": "PER",
    "ORG": "ORG",
    **dict.fromkeys(("GPE", "LOC", "FAC"), "LOC"),
    **dict.fromkeys(("NORP", "EVENT", "PRODUCT", "LAW", "LANGUAGE", "WORK_OF_ART"), "MISC"),
}
GOLD_TYPES = {
    **{t: t for t in TYPES},
    "Person": "PER",
    "Organisation": "ORG",
    "Location": "LOC",
    "Nationality": "MISC",
}
MIN_CONFIDENCE = 0.5

Triple = tuple[int, int, str]


def gold_entities(record: dict[str, Any]) -> tuple[set[Triple], set[tuple[int, int]]]:
    """Scored gold triples, and the spans of gold entities of types that are not scored."""
    scored: set[Triple] = set()
    unscored: set[tuple[int, int]] = set()
    for item in record.get("entities") or []:
        if float(item.get("confidence", 1.0)) < MIN_CONFIDENCE:
            continue
        label = GOLD_TYPES.get(str(item["type"]))
        if label is None:
            unscored.add((item["start"], item["end"]))
        else:
            scored.add((item["start"], item["end"], label))
    return scored, unscored


def predicted_entities(extraction: Extraction) -> set[Triple]:
    """Typed mention triples of the extraction's entities and places."""
    found: set[Triple] = set()
    for entity in extraction.entities:
        label = SITREP_TYPES.get(entity.type)
        if label is not None:
            found.update(
                (m.start, m.end, label)
                for m in entity.mentions
                if not (entity.type == "NORP" and actor_phrase(m.text))
            )
    for place in extraction.places:
        found.update((m.start, m.end, "LOC") for m in place.mentions)
    return found


def actor_phrase(text: str) -> bool:
    """Whether the mention is headed by an actor noun ("Russian troops", "Officials")."""
    words = text.lower().split()
    heads = lexicons.load("actors")["head_nouns"]
    return bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads)


def score_entities(
    paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None
) -> dict[str, Any]:
    """Micro precision/recall/F1 of exact span and type, per-type F1, and counts."""
    records = sample_records(list(read_jsonl(paths)), sample)
    extractions, errors = extract_records(records, model)
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for record, extraction in zip(records, extractions, strict=True):
        scored, unscored = gold_entities(record)
        found = predicted_entities(extraction) if extraction is not None else set()
        found = {t for t in found if t in scored or (t[0], t[1]) not in unscored}
        correct.update(t[2] for t in found & scored)
        predicted.update(t[2] for t in found)
        gold.update(t[2] for t in scored)
    total_correct, total_predicted, total_gold = (sum(c.values()) for c in (correct, predicted, gold))
    precision, recall = ratio(total_correct, total_predicted), ratio(total_correct, total_gold)
    result: dict[str, Any] = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1(precision, recall), 4),
    }
    for label in TYPES:
        precision = ratio(correct[label], predicted[label])
        result[f"{label.lower()}_f1"] = round(f1(precision, ratio(correct[label], gold[label])), 4)
    result.update(
        documents=len(records),
        gold=total_gold,
        predicted=total_predicted,
        correct=total_correct,
        errors=errors,
    )
    return result

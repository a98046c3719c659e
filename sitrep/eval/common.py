"""Helpers shared by the scorers: reading gold JSON Lines, sampling, running the pipeline, span overlap
and precision/recall/F1 arithmetic."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sitrep.errors import InputError
from sitrep.model import Article, Extraction
from sitrep.pipeline import Pipeline

NO_DATE = dt.date(2000, 1, 1)
SAMPLE_SEED = 13
T = TypeVar("T")


def read_jsonl(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Every non-blank line of the files as a JSON object; InputError naming file and line otherwise."""
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise InputError(str(path), f"not JSON: {exc}", number) from exc
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise InputError(str(path), "not a gold record: needs a text field", number)
                yield record


def sample_records(records: Sequence[T], sample: int | None) -> list[T]:
    """All records, or `sample` of them chosen with a fixed seed and kept in file order."""
    if sample is None or sample >= len(records):
        return list(records)
    indices = sorted(random.Random(SAMPLE_SEED).sample(range(len(records)), sample))
    return [records[i] for i in indices]


def published(record: dict[str, Any]) -> dt.date:
    """The record's `dct` (date part) or, without one, 2000-01-01."""
    dct = record.get("dct")
    if not dct:
        return NO_DATE
    try:
        return dt.date.fromisoformat(str(dct)[:10])
    except ValueError:
        return NO_DATE


def extract_records(
    records: Sequence[dict[str, Any]], model: str, batch_size: int = 32, published_known: bool = True
) -> tuple[list[Extraction | None], int]:
    """The Extraction of each record's text, in order (None where the extractors failed), and the
    number of failures. `published_known=False` runs them with the publication date unknown."""
    pipeline = Pipeline(model, published_known=published_known)
    articles = (
        Article(id=str(record.get("id", number)), published=published(record), text=record["text"])
        for number, record in enumerate(records)
    )
    found: list[Extraction | None] = []
    for _, result in pipeline.pipe(articles, batch_size=batch_size):
        found.append(result if isinstance(result, Extraction) else None)
    return found, sum(1 for item in found if item is None)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters two spans share (zero or negative when they do not meet)."""
    return min(a_end, b_end) - max(a_start, b_start)


def ratio(part: int | float, whole: int | float) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(name: str, correct_predicted: int, predicted: int, correct_gold: int, gold: int) -> dict[str, float]:
    """`{name}_precision`, `{name}_recall` and `{name}_f1`, rounded to four places."""
    precision = ratio(correct_predicted, predicted)
    recall = ratio(correct_gold, gold)
    return {
        f"{name}_precision": round(precision, 4),
        f"{name}_recall": round(recall, 4),
        f"{name}_f1": round(f1(precision, recall), 4),
    }

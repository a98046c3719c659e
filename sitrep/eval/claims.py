"""Scoring claims against PolNeAR attributions (eval README, "Claims (PolNeAR)").

Gold source, cue and content are lists of pieces; a discontinuous content ("'First part,' he said,
'second part.'") is kept as its pieces for overlap and taken as its hull (first start to last end) for
exact matching, since a predicted content is one span. Attributions with no content piece are skipped.

content_*  a predicted claim matches a gold attribution when the characters its content shares with the
           gold pieces are at least half of the shorter of the two (predicted length, total piece
           length). Pairs are one to one, largest overlap first. Precision is over predicted claims,
           recall over gold attributions.
exact_*    one-to-one pairs whose predicted content equals the gold hull once both are trimmed of
           surrounding whitespace, quotation marks, , . ; : and a leading complementizer "that" (PolNeAR
           marks it as content, sitrep does not).
speaker_accuracy  of the matched pairs whose gold attribution has a source, the share whose predicted
           speaker mention overlaps a gold source piece, or whose speaker entity has a mention that
           does (the same entity named elsewhere); no predicted speaker is wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.eval.common import extract_records, overlap, prf, ratio, read_jsonl, sample_records
from sitrep.model import Claim, Extraction
from sitrep.nlp.loader import DEFAULT_MODEL

TRIM = " \t\r\n\u00a0\"'“”‘’«».,;:"

_THAT = re.compile(r"that\b", re.IGNORECASE)

Pieces = list[tuple[int, int]]


@dataclass(frozen=True)
class GoldAttribution:
    content: Pieces
    source: Pieces

    @property
    def length(self) -> int:
        return sum(end - start for start, end in self.content)

    @property
    def hull(self) -> tuple[int, int]:
        return min(s for s, _ in self.content), max(e for _, e in self.content)


def _pieces(spans: list[dict[str, Any]] | None) -> Pieces:
    return sorted((int(s["start"]), int(s["end"])) for s in spans or [] if s["end"] > s["start"])


def gold_attributions(record: dict[str, Any]) -> list[GoldAttribution]:
    """The record's attributions that have content."""
    found = []
    for item in record.get("attributions") or []:
        content = _pieces(item.get("content"))
        if content:
            found.append(GoldAttribution(content, _pieces(item.get("source"))))
    return found


def shared(start: int, end: int, pieces: Pieces) -> int:
    """Characters of [start, end) inside the pieces."""
    return sum(max(0, overlap(start, end, s, e)) for s, e in pieces)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace, quotation marks and , . ; : or a leading "that"."""
    for _ in range(2):
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if _THAT.match(text, start, end):
            start += 4
    return start, end


def match_claims(claims: list[Claim], gold: list[GoldAttribution]) -> list[tuple[Claim, GoldAttribution]]:
    """One-to-one pairs whose contents share at least half of the shorter one, largest overlap first."""
    candidates = []
    for i, claim in enumerate(claims):
        length = claim.content.end - claim.content.start
        for j, item in enumerate(gold):
            common = shared(claim.content.start, claim.content.end, item.content)
            if common > 0 and 2 * common >= min(length, item.length):
                candidates.append((-common, i, j))
    pairs = []
    used_claims: set[int] = set()
    used_gold: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in used_claims and j not in used_gold:
            used_claims.add(i)
            used_gold.add(j)
            pairs.append((claims[i], gold[j]))
    return pairs


def speaker_right(claim: Claim, item: GoldAttribution, extraction: Extraction) -> bool:
    """Whether the predicted speaker, or another mention of its entity, overlaps the gold source."""
    speaker = claim.speaker
    if speaker is None:
        return False
    spans = [(speaker.start, speaker.end)]
    if speaker.entity_id is not None:
        entity = next((e for e in extraction.entities if e.id == speaker.entity_id), None)
        if entity is not None:
            spans.extend((m.start, m.end) for m in entity.mentions)
    return any(shared(start, end, item.source) > 0 for start, end in spans)


def exact_matches(text: str, claims: list[Claim], gold: list[GoldAttribution]) -> int:
    """One-to-one count of predicted contents equal to gold hulls after trimming."""
    predicted = Counter(trimmed(text, c.content.start, c.content.end) for c in claims)
    wanted = Counter(trimmed(text, *g.hull) for g in gold)
    return sum((predicted & wanted).values())


def score_claims(paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None) -> dict[str, Any]:
    """Content (overlap) and exact content precision/recall/F1 and speaker accuracy over PolNeAR
    annotation files, with counts; `sample` draws annotation files."""
    records = sample_records(list(read_jsonl(paths)), sample)
    extractions, errors = extract_records(records, model)
    counts: Counter[str] = Counter()
    for record, extraction in zip(records, extractions, strict=True):
        gold = gold_attributions(record)
        claims = extraction.claims if extraction is not None else []
        counts["gold"] += len(gold)
        counts["predicted"] += len(claims)
        pairs = match_claims(claims, gold)
        counts["matched"] += len(pairs)
        counts["exact"] += exact_matches(record["text"], claims, gold)
        for claim, item in pairs:
            if item.source and extraction is not None:
                counts["speaker_pairs"] += 1
                counts["speaker_correct"] += speaker_right(claim, item, extraction)
    return {
        **prf("content", counts["matched"], counts["predicted"], counts["matched"], counts["gold"]),
        **prf("exact", counts["exact"], counts["predicted"], counts["exact"], counts["gold"]),
        "speaker_accuracy": round(ratio(counts["speaker_correct"], counts["speaker_pairs"]), 4),
        "documents": len(records),
        "gold": counts["gold"],
        "predicted": counts["predicted"],
        "matched": counts["matched"],
        "exact": counts["exact"],
        "speaker_pairs": counts["speaker_pairs"],
        "errors": errors,
    }

"""Scoring ACLED sub-event types against CASE 2021 task 2 snippets (eval README, "Events (CASE 2021)").

Each snippet is run through the whole pipeline with its publication date unknown: the snippets carry
none, and each reports an act ACLED coded, so none is judged history or still to come by its date. Its
answer is the ACLED sub-event type of its most confident event that has one and is not negated; a
snippet without one is a miss. Labels are compared case-insensitively, letters only, after the
shared task's codes are spelled as ACLED spells the types. Only the 25 ACLED labels are scored; the five
labels outside ACLED (DIPLO, ATTRIB, ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER) are left out.

  weighted_f1      per-type F1 weighted by the type's gold count (the shared task's measure)
  macro_f1         per-type F1 averaged over the gold types
  event_type_accuracy  the answer's ACLED event_type equals the gold type's
  no_event_share   snippets with no ACLED event at all (the gate keeps `event_coverage`, its complement,
                   so that every gated figure is better higher)
  confusions       the most frequent (gold, answer) pairs that disagree, a miss written as "-"
  half_a_*, half_b_*  weighted F1 and event-type accuracy over the fixed halves: snippets by sorted id,
                   even positions A (for tuning rules), odd positions B (for checking them)
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.eval.common import extract_records, f1, ratio, read_jsonl, sample_records
from sitrep.eval.events import ranked
from sitrep.model import Event, Extraction
from sitrep.nlp.loader import DEFAULT_MODEL

# The shared task's codes, as ACLED's codebook names the sub-event types and their event types.
SUB_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
}
CONFUSIONS_SHOWN = 12
_NOT_LETTERS = re.compile(r"[^a-z]")


def letters(label: str) -> str:
    """A label compared as the rule says: lower case, letters only."""
    return _NOT_LETTERS.sub("", label.lower())


_EVENT_TYPE_OF = {letters(sub): event for event, sub in SUB_EVENT_TYPES.values()}


def answer(extraction: Extraction | None) -> Event | None:
    """The snippet's answer: its most confident event with an ACLED sub-event type, not negated."""
    events = extraction.events if extraction is not None else []
    typed = [e for e in events if e.acled_sub_event_type and not e.negated]
    return ranked(typed)[0] if typed else None


def weighted_and_macro_f1(pairs: list[tuple[str, str | None]]) -> tuple[float, float]:
    """Per-label F1 over the gold labels of (gold, predicted) pairs, weighted by gold count and plain."""
    true_pos: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold_count: Counter[str] = Counter(gold for gold, _ in pairs)
    for gold, pred in pairs:
        if pred is not None:
            predicted[pred] += 1
        true_pos[gold] += gold == pred
    scores = {
        label: f1(ratio(true_pos[label], predicted[label]), ratio(true_pos[label], gold_count[label]))
        for label in gold_count
    }
    total = sum(gold_count.values())
    weighted = sum(scores[label] * gold_count[label] for label in scores) / total if total else 0.0
    macro = sum(scores.values()) / len(scores) if scores else 0.0
    return weighted, macro


def score_case2021(
    paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None
) -> dict[str, Any]:
    """Weighted and macro F1 of sub-event types, event-type accuracy, the no-event share and the worst
    confusions over the snippets labelled with one of ACLED's 25 types."""
    records = [r for r in read_jsonl(paths) if r["label"] in SUB_EVENT_TYPES]
    records = sample_records(records, sample)
    extractions, errors = extract_records(records, model, published_known=False)
    pairs: list[tuple[str, str | None]] = []
    type_right = none = 0
    confusions: Counter[tuple[str, str]] = Counter()
    for record, extraction in zip(records, extractions, strict=True):
        gold_event, gold_sub = SUB_EVENT_TYPES[record["label"]]
        event = answer(extraction)
        predicted = letters(event.acled_sub_event_type or "") if event is not None else None
        pairs.append((letters(gold_sub), predicted))
        none += event is None
        type_right += predicted is not None and _EVENT_TYPE_OF.get(predicted) == gold_event
        if predicted != letters(gold_sub):
            shown = event.acled_sub_event_type if event is not None else "-"
            confusions[(gold_sub, shown or "-")] += 1
    weighted, macro = weighted_and_macro_f1(pairs)
    halves = {
        f"half_{name}_{key}": value
        for name, keep in (("a", 0), ("b", 1))
        for key, value in _half_scores(records, pairs, keep).items()
    }
    return {
        "weighted_f1": round(weighted, 4),
        "macro_f1": round(macro, 4),
        "event_type_accuracy": round(ratio(type_right, len(records)), 4),
        "no_event_share": round(ratio(none, len(records)), 4),
        "event_coverage": round(1 - ratio(none, len(records)), 4),
        "confusions": [
            {"gold": gold, "answer": shown, "count": count}
            for (gold, shown), count in confusions.most_common(CONFUSIONS_SHOWN)
        ],
        **halves,
        "records": len(records),
        "errors": errors,
    }


def _half_scores(
    records: list[dict[str, Any]], pairs: list[tuple[str, str | None]], keep: int
) -> dict[str, float]:
    """Weighted F1 and event-type accuracy over one fixed half: snippets in the order of their sorted
    ids, even positions half A (for tuning rules), odd ones half B (for checking them)."""
    order = {record_id: n for n, record_id in enumerate(sorted(str(r["id"]) for r in records))}
    chosen = [
        pair for record, pair in zip(records, pairs, strict=True) if order[str(record["id"])] % 2 == keep
    ]
    weighted, _ = weighted_and_macro_f1(chosen)
    typed = sum(
        1 for gold, pred in chosen if pred is not None and _EVENT_TYPE_OF.get(pred) == _EVENT_TYPE_OF[gold]
    )
    return {"weighted_f1": round(weighted, 4), "event_type_accuracy": round(ratio(typed, len(chosen)), 4)}

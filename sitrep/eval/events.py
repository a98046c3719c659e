"""Scoring events against PLOVER GSR, ConfliBERT CAMEO, IndiaPoliceEvents and MUC-4 (eval README, "Events").

Every record is run through the whole pipeline with its `dct` as the publication date (2000-01-01 when
it has none). Where one event has to stand for a sentence, it is the most confident one, ties going to
the earliest trigger ("top event"). All events count, negated and hypothetical ones included.

PLOVER GSR: the older types are mapped (FIGHT -> ASSAULT, DEMAND -> REQUEST, DISAPPROVE -> ACCUSE).
  type_accuracy      a record is right when any extracted event has the gold type; INVESTIGATE, which
                     has no current type, is right when any event is extracted.
  top_type_accuracy  the same with the top event only.
  type_macro_f1      per-type F1 of the top event (no event is a miss) averaged over the gold types;
                     INVESTIGATE records are left out.
  quad_accuracy      quad class of the top event equals the gold type's (ONTOLOGY.md 1.2); INVESTIGATE
                     records left out.
  actor_*            over records whose markup is aligned, on the judged event (the most confident
                     event of the gold type, else the top event): actor1 is right when it overlaps a gold
                     SRC span, actor2 when it overlaps a gold TAR span (SRC/TAR spans serve both).
                     Precision is over predicted actors, recall over gold roles (a record with any SRC
                     span has one source role, likewise for targets).
ConfliBERT CAMEO: gold `cameo_class` 1-4 is right when the top event's quad equals it. Class 0
  (statement, no event) is right when no material event (quad 2 or 4) is extracted: sitrep has no
  statement type, and statements often carry verbal content that PLOVER codes as a verbal type.
  `statement_no_event` is the stricter share of class-0 sentences with no event at all. Actors as for
  PLOVER on the judged event (the most confident event of the gold quad, else the top event), over
  records with spans: S -> actor1, T -> actor2, R (both sides of a relation) -> either.
  Sitrep's quad table puts REQUEST in quad 3 while CAMEO puts appeals (02) in quad 1: such sentences
  count as errors; the scorer does not paper over the difference.
IndiaPoliceEvents: an event belongs to the gold sentence holding its trigger and, for an incident told in
  several sentences, to each sentence where another of its evidence spans starts (spaCy's sentences, where
  the evidence comes from, do not always agree with the gold ones in lower-cased text). A sentence is
  positive for KILL when one of its events is an ASSAULT with fatalities or a killing trigger, ARREST for
  a COERCE with mode arrest (or an arrest trigger), FORCE for an ASSAULT by police, ANY_ACTION for any
  event by police. "By police": actor1's text, or the name or an alias of its entity, holds a police
  word (POLICE_WORDS). FAIL is not scored. The gold question behind KILL is "did police kill someone?",
  so `police_kill_*` also scores the stricter rule (a killing by police) against the same KILL gold.
MUC-4: recall only. A gold role filler is found when some event's actor1 (perpetrators) or actor2
  (targets) overlaps one of its occurrences or, case-insensitively and word for word, contains one of its
  mention strings or is contained in one.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.eval.common import extract_records, f1, overlap, prf, ratio, read_jsonl, sample_records
from sitrep.model import Actor, Event, Extraction
from sitrep.nlp.loader import DEFAULT_MODEL

QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
OLD_PLOVER = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}
ANY_EVENT_TYPES = {"INVESTIGATE"}
POLICE_WORDS = frozenset(
    {
        "police",
        "policeman",
        "policemen",
        "policewoman",
        "policewomen",
        "cop",
        "cops",
        "constable",
        "constables",
        "constabulary",
        "inspector",
        "inspectors",
        "sub-inspector",
        "crpf",
        "raf",
        "srp",
    }
)
KILLING_STEMS = ("kill", "murder", "massacr", "lynch", "slain", "slay", "behead", "execut", "assassinat")
ARREST_STEMS = ("arrest", "detain", "detention", "apprehend", "custody", "nab")
INDIA_CLASSES = ("KILL", "ARREST", "FORCE", "ANY_ACTION")
POLICE_KILL = "POLICE_KILL"  # KILL only when the killer is police, scored against the KILL gold
_WORD = re.compile(r"[\w-]+")

Spans = list[tuple[int, int]]


def ranked(events: Sequence[Event]) -> list[Event]:
    """Events by confidence, most confident first, ties in text order."""
    return sorted(events, key=lambda e: (-e.confidence, e.trigger.start, e.trigger.end))


def judged_event(events: Sequence[Event], fits: Callable[[Event], bool]) -> Event | None:
    """The most confident event that fits the gold label, else the most confident event."""
    order = ranked(events)
    return next((e for e in order if fits(e)), order[0] if order else None)


def _of_type(gold: str) -> Callable[[Event], bool]:
    return lambda event: event.type == gold


def _of_quad(gold: int) -> Callable[[Event], bool]:
    return lambda event: QUAD[event.type] == gold


@dataclass
class ActorTally:
    """Actor roles: predicted actors, gold roles, and predicted actors that overlap a gold span."""

    predicted: int = 0
    gold: int = 0
    correct: int = 0

    def add(self, event: Event | None, sources: Spans, targets: Spans) -> None:
        self.gold += bool(sources) + bool(targets)
        if event is None:
            return
        for actor, spans in ((event.actor1, sources), (event.actor2, targets)):
            if actor is not None:
                self.predicted += 1
                self.correct += any(overlap(actor.start, actor.end, s, e) > 0 for s, e in spans)

    def scores(self) -> dict[str, float]:
        return prf("actor", self.correct, self.predicted, self.correct, self.gold)


def _role_spans(spans: list[dict[str, Any]], source: set[str], target: set[str]) -> tuple[Spans, Spans]:
    sources = [(s["start"], s["end"]) for s in spans if s["role"] in source]
    targets = [(s["start"], s["end"]) for s in spans if s["role"] in target]
    return sources, targets


def _events(extraction: Extraction | None) -> list[Event]:
    return extraction.events if extraction is not None else []


def macro_f1(pairs: Sequence[tuple[str, str | None]]) -> float:
    """Per-label F1 of (gold, predicted) pairs averaged over the gold labels."""
    true_pos: Counter[str] = Counter()
    pred_count: Counter[str] = Counter()
    gold_count: Counter[str] = Counter()
    for gold, pred in pairs:
        gold_count[gold] += 1
        if pred is not None:
            pred_count[pred] += 1
        true_pos[gold] += gold == pred
    scores = [
        f1(ratio(true_pos[label], pred_count[label]), ratio(true_pos[label], gold_count[label]))
        for label in gold_count
    ]
    return sum(scores) / len(scores) if scores else 0.0


def score_plover(paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None) -> dict[str, Any]:
    """Type accuracy (any event / top event), type macro-F1 and quad accuracy of the top event, and
    actor precision/recall/F1 over PLOVER GSR sentences, with counts."""
    records = sample_records(list(read_jsonl(paths)), sample)
    extractions, errors = extract_records(records, model)
    any_right = top_right = quad_right = typed = with_events = actor_records = 0
    pairs: list[tuple[str, str | None]] = []
    actors = ActorTally()
    for record, extraction in zip(records, extractions, strict=True):
        events = _events(extraction)
        with_events += bool(events)
        gold = OLD_PLOVER.get(record["event"], record["event"])
        top = ranked(events)[0] if events else None
        if gold in ANY_EVENT_TYPES:
            any_right += bool(events)
            top_right += bool(events)
        else:
            typed += 1
            any_right += any(e.type == gold for e in events)
            top_right += top is not None and top.type == gold
            quad_right += top is not None and QUAD[top.type] == QUAD.get(gold)
            pairs.append((gold, top.type if top is not None else None))
        if record.get("markup_aligned", True):
            actor_records += 1
            sources, targets = _role_spans(record.get("spans") or [], {"SRC", "SRC/TAR"}, {"TAR", "SRC/TAR"})
            actors.add(judged_event(events, _of_type(gold)), sources, targets)
    return {
        "type_accuracy": round(ratio(any_right, len(records)), 4),
        "top_type_accuracy": round(ratio(top_right, len(records)), 4),
        "type_macro_f1": round(macro_f1(pairs), 4),
        "quad_accuracy": round(ratio(quad_right, typed), 4),
        **actors.scores(),
        "records": len(records),
        "typed_records": typed,
        "with_events": with_events,
        "actor_records": actor_records,
        "actor_gold": actors.gold,
        "actor_predicted": actors.predicted,
        "errors": errors,
    }


def score_cameo(paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None) -> dict[str, Any]:
    """Quad-class accuracy (all sentences, event sentences, statements) and actor precision/recall/F1
    over ConfliBERT CAMEO sentences, with counts."""
    records = sample_records(list(read_jsonl(paths)), sample)
    extractions, errors = extract_records(records, model)
    right = event_right = events_gold = statement_right = statement_none = statements = 0
    with_events = actor_records = 0
    actors = ActorTally()
    for record, extraction in zip(records, extractions, strict=True):
        events = _events(extraction)
        with_events += bool(events)
        gold = int(record["cameo_class"])
        if gold == 0:
            statements += 1
            ok = not any(QUAD[e.type] in (2, 4) for e in events)
            statement_right += ok
            statement_none += not events
        else:
            events_gold += 1
            ok = bool(events) and QUAD[ranked(events)[0].type] == gold
            event_right += ok
        right += ok
        if record.get("spans") is not None:
            actor_records += 1
            sources, targets = _role_spans(record["spans"], {"S", "R"}, {"T", "R"})
            actors.add(judged_event(events, _of_quad(gold)), sources, targets)
    return {
        "quad_accuracy": round(ratio(right, len(records)), 4),
        "quad_accuracy_events": round(ratio(event_right, events_gold), 4),
        "statement_accuracy": round(ratio(statement_right, statements), 4),
        "statement_no_event": round(ratio(statement_none, statements), 4),
        **actors.scores(),
        "records": len(records),
        "statements": statements,
        "with_events": with_events,
        "actor_records": actor_records,
        "actor_gold": actors.gold,
        "actor_predicted": actors.predicted,
        "errors": errors,
    }


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def by_police(actor: Actor | None, extraction: Extraction) -> bool:
    """Whether the actor's text, or the name or an alias of its entity, holds a police word."""
    if actor is None:
        return False
    names = [actor.text]
    entity = next((e for e in extraction.entities if e.id == actor.entity_id), None)
    if entity is not None:
        names.extend([entity.name, *entity.aliases])
    return any(_words(name) & POLICE_WORDS for name in names)


def _has_stem(text: str, stems: tuple[str, ...]) -> bool:
    return any(word.startswith(stems) for word in _words(text))


def india_classes(event: Event, extraction: Extraction) -> set[str]:
    """The IndiaPoliceEvents classes an event makes its sentence positive for."""
    found: set[str] = set()
    police = by_police(event.actor1, extraction)
    killing = (event.fatalities or 0) > 0 or _has_stem(event.trigger.text, KILLING_STEMS)
    if event.type == "ASSAULT" and killing:
        found.update(("KILL", POLICE_KILL) if police else ("KILL",))
    if event.type == "COERCE" and (event.mode == "arrest" or _has_stem(event.trigger.text, ARREST_STEMS)):
        found.add("ARREST")
    if event.type == "ASSAULT" and police:
        found.add("FORCE")
    if police:
        found.add("ANY_ACTION")
    return found


def _told_at(event: Event) -> list[int]:
    """Where an event is told: its trigger, and the start of each other sentence of its evidence (an
    incident told in several sentences of one article is one event with all of them as evidence)."""
    others = [span.start for span in event.evidence if not span.start <= event.trigger.start < span.end]
    return [event.trigger.start, *others]


def score_india_police(
    paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None
) -> dict[str, Any]:
    """Per-class sentence precision/recall/F1 for KILL, ARREST, FORCE and ANY_ACTION, their macro-F1,
    the stricter police_kill figures, and counts; `sample` draws documents."""
    records = sample_records(list(read_jsonl(paths)), sample)
    extractions, errors = extract_records(records, model)
    tally = {name: Counter[str]() for name in (*INDIA_CLASSES, POLICE_KILL)}
    sentences = 0
    for record, extraction in zip(records, extractions, strict=True):
        gold_sentences = sorted(record.get("sentences") or [], key=lambda s: s["start"])
        starts = [s["start"] for s in gold_sentences]
        predicted: list[set[str]] = [set() for _ in gold_sentences]
        for event in _events(extraction):
            for offset in _told_at(event):
                at = bisect.bisect_right(starts, offset) - 1
                if at >= 0 and offset < gold_sentences[at]["end"] and extraction is not None:
                    predicted[at] |= india_classes(event, extraction)
        for sentence, labels in zip(gold_sentences, predicted, strict=True):
            sentences += 1
            gold = set(sentence.get("labels") or [])
            for name in tally:
                if (name if name != POLICE_KILL else "KILL") in gold:
                    tally[name]["tp" if name in labels else "fn"] += 1
                elif name in labels:
                    tally[name]["fp"] += 1
    result: dict[str, Any] = {}
    for name, counts in tally.items():
        key = name.lower()
        result.update(
            prf(key, counts["tp"], counts["tp"] + counts["fp"], counts["tp"], counts["tp"] + counts["fn"])
        )
        result[f"{key}_gold"] = counts["tp"] + counts["fn"]
    result["macro_f1"] = round(sum(result[f"{n.lower()}_f1"] for n in INDIA_CLASSES) / len(INDIA_CLASSES), 4)
    result.update(documents=len(records), sentences=sentences, errors=errors)
    return result


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def filler_found(filler: dict[str, Any], actors: Sequence[Actor]) -> bool:
    """Whether an actor overlaps an occurrence of the gold filler, or holds or is held by one of its
    mention strings (case-insensitive, whole words)."""
    mentions = [m for m in (_norm(text) for text in filler.get("mentions") or []) if m]
    occurrences = filler.get("occurrences") or []
    for actor in actors:
        if any(overlap(actor.start, actor.end, o["start"], o["end"]) > 0 for o in occurrences):
            return True
        text = _norm(actor.text)
        if text and any(f" {m} " in f" {text} " or f" {text} " in f" {m} " for m in mentions):
            return True
    return False


def score_muc4(paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None) -> dict[str, Any]:
    """Recall of MUC-4 perpetrator organizations, perpetrator individuals, all perpetrators and all
    targets (physical and human) among event actors, with counts."""
    records = sample_records(list(read_jsonl(paths)), sample)
    extractions, errors = extract_records(records, model)
    groups = {
        "perp_org": ("perp_organization_id",),
        "perp_individual": ("perp_individual_id",),
        "perp": ("perp_organization_id", "perp_individual_id"),
        "target": ("phys_tgt_id", "hum_tgt_name"),
    }
    found: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    events = 0
    for record, extraction in zip(records, extractions, strict=True):
        doc_events = _events(extraction)
        events += len(doc_events)
        perps = [e.actor1 for e in doc_events if e.actor1 is not None]
        targets = [e.actor2 for e in doc_events if e.actor2 is not None]
        roles = record.get("roles") or {}
        for group, keys in groups.items():
            actors = targets if group == "target" else perps
            for key in keys:
                for filler in roles.get(key) or []:
                    gold[group] += 1
                    found[group] += filler_found(filler, actors)
    result: dict[str, Any] = {f"{g}_recall": round(ratio(found[g], gold[g]), 4) for g in groups}
    result.update({f"{g}_gold": gold[g] for g in groups})
    result.update(documents=len(records), events=events, errors=errors)
    return result


Scorer = Callable[[list[Path], str, int | None], dict[str, Any]]


def _score_case2021(
    paths: list[Path], model: str = DEFAULT_MODEL, sample: int | None = None
) -> dict[str, Any]:
    """ACLED sub-event types of CASE 2021 task 2 snippets (sitrep.eval.case2021, imported when asked)."""
    from sitrep.eval.case2021 import score_case2021

    return score_case2021(paths, model, sample)


_SCORERS_BY_NAME: tuple[tuple[str, Scorer], ...] = (
    ("case2021", _score_case2021),
    ("plover", score_plover),
    ("cameo", score_cameo),
    ("india_police", score_india_police),
    ("muc4", score_muc4),
)


def scorer_for(path: Path) -> Scorer | None:
    """The scorer for a gold file, told by its name as the data sets ship it (`plover_gsr.jsonl`…)."""
    name = path.name.lower()
    return next((scorer for key, scorer in _SCORERS_BY_NAME if key in name), None)

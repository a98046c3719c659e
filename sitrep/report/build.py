"""The situation report as data: sections of sentences, each sentence carrying the spans it rests on.

Nothing is written that a span does not support: a key event is a (day, place, type) that at least one
stored event reports, told with its actors and fatalities and citing the evidence of every event merged
into it; a figure is cited at the claim that gives it; a statement is the claim's own words. Negated and
hypothetical events are left out. A sentence with no citation is never built.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from sitrep.errors import StoreError, UsageError
from sitrep.report.figures import figures, group_figures
from sitrep.store.store import Store

MAX_EVENTS_PER_DAY = 12
_VIOLENT = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN"})
MAX_STATEMENTS = 15
_TYPE_PHRASES = {
    "ASSAULT": "attack",
    "COERCE": "coercion (arrests, restrictions)",
    "PROTEST": "protest",
    "THREATEN": "threat",
    "RETREAT": "withdrawal",
    "MOBILIZE": "mobilization",
    "SANCTION": "sanction",
    "REJECT": "rejection",
    "ACCUSE": "accusation",
    "REQUEST": "request",
    "AID": "aid",
    "COOPERATE": "cooperation",
    "CONCEDE": "concession",
    "SUPPORT": "support",
    "CONSULT": "consultation",
    "AGREE": "agreement",
}


@dataclass(frozen=True)
class Citation:
    """A span of one article: the evidence a sentence rests on."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    text: str
    citations: list[Citation]


@dataclass
class Section:
    title: str
    sentences: list[Sentence] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Report:
    since: dt.date
    until: dt.date
    place: str | None
    sections: list[Section]

    def sentences(self) -> list[Sentence]:
        """Every sentence of the report, in order."""
        found: list[Sentence] = []
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            found.extend(section.sentences)
            stack.extend(reversed(section.subsections))
        return found


_EVENTS = """
SELECT e.article_id, e.id, e.type, e.date, e.fatalities, e.trigger_start, e.trigger_end, e.trigger_text,
       coalesce(n1.name, e.actor1_text) AS actor1, coalesce(n2.name, e.actor2_text) AS actor2,
       p.name AS place, p.country_code,
       (SELECT v.start FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_start,
       (SELECT v."end" FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_end,
       (SELECT v.text FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_text
FROM events e
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
WHERE e.date BETWEEN :since AND :until AND NOT e.negated AND NOT e.hypothetical
  AND (:place IS NULL OR instr(sitrep_fold(p.name), :place)
       OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = e.article_id AND m.place_id = e.place_id
                  AND instr(sitrep_fold(m.text), :place)))
ORDER BY e.date, p.name IS NULL, p.name, e.type, e.article_id, e.seq
"""

_STATEMENTS = """
SELECT c.article_id, c.id, a.published, a.source, c.content_start, c.content_end, c.content_text,
       coalesce(n.name, c.speaker_text) AS speaker
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN entities n ON n.article_id = c.article_id AND n.id = c.speaker_entity_id
WHERE a.published BETWEEN :since AND :until AND c.kind = 'direct_quote'
  AND c.speaker_text IS NOT NULL AND length(c.content_text) >= 40
  AND (:place IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = c.article_id
                                 AND m.place_id IS NOT NULL AND instr(sitrep_fold(m.text), :place))
       OR EXISTS (SELECT 1 FROM places p WHERE p.article_id = c.article_id
                  AND instr(sitrep_fold(p.name), :place)))
ORDER BY a.published, c.article_id, c.seq
"""


def _rows(store: Store, sql: str, params: dict[str, object]) -> list[sqlite3.Row]:
    try:
        return store.connection.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read: {exc}") from exc


def _quote(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _event_sentences(rows: list[sqlite3.Row]) -> list[Sentence]:
    """One sentence per (place, type) of one day, citing every event merged into it."""
    merged: dict[tuple[str | None, str], list[sqlite3.Row]] = {}
    for row in rows:
        merged.setdefault((row["place"], row["type"]), []).append(row)
    # Located violence with a toll first, unlocated talk last; at most MAX_EVENTS_PER_DAY a day.
    ranked = sorted(
        merged.items(),
        key=lambda item: (
            item[0][0] is None,
            item[0][1] not in _VIOLENT,
            all(row["fatalities"] is None for row in item[1]),
        ),
    )
    sentences = []
    for (place, event_type), group in ranked[:MAX_EVENTS_PER_DAY]:
        first = group[0]
        where = f"in {place}" if place else "at an unresolved place"
        words = [f"{_TYPE_PHRASES.get(event_type, event_type.lower()).capitalize()} {where}"]
        if first["actor1"]:
            words.append(f"by {first['actor1']}")
        if first["actor2"]:
            words.append(f"against {first['actor2']}")
        text = " ".join(words)
        tolls = sorted({row["fatalities"] for row in group if row["fatalities"] is not None})
        if tolls:
            text += "; reported killed: " + " or ".join(str(t) for t in tolls)
        articles = len({row["article_id"] for row in group})
        quoted = _quote(first["evidence_text"] or first["trigger_text"])
        text += f" ({articles} article{'s' if articles > 1 else ''}): “{quoted}”"
        citations = [
            Citation(row["article_id"], row["evidence_start"], row["evidence_end"], row["evidence_text"])
            if row["evidence_start"] is not None
            else Citation(row["article_id"], row["trigger_start"], row["trigger_end"], row["trigger_text"])
            for row in group
        ]
        sentences.append(Sentence(text, list(dict.fromkeys(citations))))
    return sentences


def build_report(store: Store, since: dt.date, until: dt.date, place: str | None = None) -> Report:
    """Key events by day and place, casualty figures with who claims them, notable statements."""
    if since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    params: dict[str, object] = {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "place": place.casefold() if place else None,
    }
    days: dict[str, list[sqlite3.Row]] = {}
    for row in _rows(store, _EVENTS, params):
        days.setdefault(row["date"], []).append(row)
    key_events = Section("Key events by day and place")
    for day, rows in days.items():
        key_events.subsections.append(Section(day, _event_sentences(rows)))

    casualties = Section("Casualty figures and who claims them")
    for group in group_figures(figures(store, since, until)):
        if not group.casualties:
            continue
        if place and not group.at(place):
            continue
        where = f" in {group.place}" if group.place else ""
        days_text = group.first if group.first == group.last else f"{group.first} to {group.last}"
        claimed = "; ".join(
            f"{f.text} according to {f.speaker or 'an unnamed source'}"
            + (f" ({f.source})" if f.source else "")
            for f in group.figures
        )
        verdict = "Figures differ" if group.disagrees else "Figure"
        text = f"{verdict} for {group.unit}{where}, {days_text}: {claimed}."
        citations = [Citation(f.article_id, f.start, f.end, f.content) for f in group.figures]
        casualties.sentences.append(Sentence(text, list(dict.fromkeys(citations))))

    statements = Section("Notable statements")
    for row in _rows(store, _STATEMENTS, params)[:MAX_STATEMENTS]:
        source = f", {row['source']}" if row["source"] else ""
        text = f"{row['speaker']} ({row['published']}{source}): “{_quote(row['content_text'])}”"
        citation = Citation(row["article_id"], row["content_start"], row["content_end"], row["content_text"])
        statements.sentences.append(Sentence(text, [citation]))
    return Report(since, until, place, [key_events, casualties, statements])

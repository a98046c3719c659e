"""The situation report as data: sections of sentences, each sentence carrying the spans it rests on.

Nothing is written that a span does not support: a key event is a (day, place, type) that at least one
stored event reports, told with its actors and fatalities and citing the evidence of every event merged
into it; a figure is cited at the claim that gives it; a statement is the claim's own words. Only
incidents are told: generic, aggregate, background, planned and denied mentions (and any negated or
hypothetical event) are left out, and so are the figures of claims about them. A sentence with no
citation is never built.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from sitrep.errors import StoreError, UsageError
from sitrep.link.listing import linked_or_false as linked
from sitrep.report.bottom_line import bottom_line
from sitrep.report.figures import figures, group_figures
from sitrep.report.parts import Citation, Figure, Report, Section, Sentence
from sitrep.report.ranked import incidents, ranked_sections
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
WHERE e.date BETWEEN :since AND :until AND e.status = 'incident' AND NOT e.negated AND NOT e.hypothetical
  AND e.acled_event_type IS NOT NULL AND e.acled_event_type <> ''
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


# Merged events of the window (`sitrep link`), each with the first evidence span of every report that
# is an incident that took place; a merged event that is not an incident is left out.
_LINKED_EVENTS = """
SELECT le.id, le.type, le.date, le.place_name AS place, le.actor1, le.actor2, le.fatalities_low,
       le.fatalities_high, le.reports, le.independent_sources,
       m.article_id, e.trigger_start, e.trigger_end, e.trigger_text,
       (SELECT v.start FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_start,
       (SELECT v."end" FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_end,
       (SELECT v.text FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_text
FROM linked_events le
JOIN linked_event_members m ON m.linked_event_id = le.id
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
WHERE le.date BETWEEN :since AND :until AND le.status = 'incident'
  AND le.acled_event_type IS NOT NULL AND le.acled_event_type <> ''
  AND e.status = 'incident' AND NOT e.negated AND NOT e.hypothetical
  AND (:place IS NULL OR instr(sitrep_fold(le.place_name), :place)
       OR EXISTS (SELECT 1 FROM linked_event_members x JOIN events y
                      ON y.article_id = x.article_id AND y.id = x.event_id
                  JOIN mentions mm ON mm.article_id = y.article_id AND mm.place_id = y.place_id
                  WHERE x.linked_event_id = le.id AND instr(sitrep_fold(mm.text), :place)))
ORDER BY le.date, le.place_name IS NULL, le.place_name, le.type, le.id, m.published, m.article_id, m.seq
"""

# Casualty figures of claim groups about merged incidents of the window, each with the claim's span.
_GROUP_FIGURES = """
SELECT g.id, g.measure, g.side, g.disagrees, le.date, le.place_name AS place, le.reports,
       x.value, x.text, x.unit, x.speaker, x.via, a.source, a.published, x.article_id, x.claim_id,
       c.content_start, c.content_end, c.content_text
FROM claim_groups g
JOIN linked_events le ON le.id = g.linked_event_id
JOIN claim_group_members x ON x.group_id = g.id
JOIN claims c ON c.article_id = x.article_id AND c.id = x.claim_id
JOIN articles a ON a.id = x.article_id
WHERE g.measure IN ('fatalities', 'injured') AND le.date BETWEEN :since AND :until
  AND le.status = 'incident' AND (:place IS NULL OR instr(sitrep_fold(le.place_name), :place))
ORDER BY g.disagrees DESC, le.date, g.measure, g.id, a.published, x.article_id, x.claim_id, x.quantity_seq
"""


def _citation(row: sqlite3.Row) -> Citation:
    if row["evidence_start"] is not None:
        return Citation(row["article_id"], row["evidence_start"], row["evidence_end"], row["evidence_text"])
    return Citation(row["article_id"], row["trigger_start"], row["trigger_end"], row["trigger_text"])


def _linked_event_sentences(rows: list[sqlite3.Row]) -> list[Sentence]:
    """One sentence per merged event of one day: what, where, by whom, the toll its reports give, and
    how many sources report it; citing the evidence of every report."""
    merged: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        merged.setdefault(row["id"], []).append(row)
    ranked = sorted(
        merged.values(),
        key=lambda group: (
            group[0]["place"] is None,
            group[0]["type"] not in _VIOLENT,
            group[0]["fatalities_low"] is None,
            -group[0]["reports"],
        ),
    )
    sentences = []
    for group in ranked[:MAX_EVENTS_PER_DAY]:
        first = group[0]
        where = f"in {first['place']}" if first["place"] else "at an unresolved place"
        words = [f"{_TYPE_PHRASES.get(first['type'], first['type'].lower()).capitalize()} {where}"]
        if first["actor1"]:
            words.append(f"by {first['actor1']}")
        if first["actor2"]:
            words.append(f"against {first['actor2']}")
        text = " ".join(words)
        low, high = first["fatalities_low"], first["fatalities_high"]
        if low is not None:
            text += f"; reported killed: {low}" if low == high else f"; reported killed: {low} to {high}"
        reports, independent = first["reports"], first["independent_sources"]
        if reports > 1:
            text += f"; reported by {reports} sources, {independent} independent"
        else:
            text += "; reported by 1 source"
        text += f": “{_quote(first['evidence_text'] or first['trigger_text'])}”"
        sentences.append(Sentence(text, list(dict.fromkeys(_citation(row) for row in group))))
    return sentences


def _linked_casualties(store: Store, params: dict[str, object]) -> list[Sentence]:
    """One sentence per claim group of casualties: each figure with who claims it and who relays it."""
    groups: dict[str, list[sqlite3.Row]] = {}
    for row in _rows(store, _GROUP_FIGURES, params):
        groups.setdefault(row["id"], []).append(row)
    sentences = []
    for rows in groups.values():
        first = rows[0]
        where = f" in {first['place']}" if first["place"] else ""
        claimed = "; ".join(
            f"{row['text']}{' ' + row['unit'] if row['unit'] else ''}"
            f" according to {row['speaker'] or 'an unnamed source'}"
            + (f" via {', '.join(json.loads(row['via']))}" if json.loads(row["via"]) else "")
            + (f" ({row['source']})" if row["source"] else "")
            for row in rows
        )
        verdict = "Figures differ" if first["disagrees"] else "Figure"
        text = f"{verdict} for {first['measure']} of {first['side']}{where}, {first['date']}: {claimed}."
        citations = [
            Citation(row["article_id"], row["content_start"], row["content_end"], row["content_text"])
            for row in rows
        ]
        side_by_side = [
            Figure(
                f"{row['text']}{' ' + row['unit'] if row['unit'] else ''}",
                row["speaker"] or "an unnamed source",
                ", ".join(json.loads(row["via"])),
                f"{row['source'] or ''} {row['published']}".strip(),
                citation,
            )
            for row, citation in zip(rows, citations, strict=True)
        ]
        sentences.append(
            Sentence(text, list(dict.fromkeys(citations)), side_by_side if first["disagrees"] else [])
        )
    return sentences


def build_report(store: Store, since: dt.date, until: dt.date, place: str | None = None) -> Report:
    """The bottom line (incidents and deaths by type and country, against the previous period), the
    incidents ranked by deaths and by independent sources, incidents by day and place (what the ACLED
    export writes; talk and other acts are in the events listing), casualty figures with who claims
    them, notable statements.

    Once every article is linked, a key event is a merged event (reported by N sources, M independent)
    and casualty figures come from claim groups; before that, from the per-article tables.
    """
    if since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    params: dict[str, object] = {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "place": place.casefold() if place else None,
    }
    is_linked = linked(store)
    days: dict[str, list[sqlite3.Row]] = {}
    for row in _rows(store, _LINKED_EVENTS if is_linked else _EVENTS, params):
        days.setdefault(row["date"], []).append(row)
    key_events = Section("Incidents by day and place")
    for day, rows in days.items():
        told = _linked_event_sentences(rows) if is_linked else _event_sentences(rows)
        key_events.subsections.append(Section(day, told))

    ranked = ranked_sections(incidents(store, since, until, place))
    opening = bottom_line(store, since, until, place)
    casualties = Section("Casualty figures and who claims them")
    if is_linked:
        casualties.sentences.extend(_linked_casualties(store, params))
        report = Report(since, until, place, [ranked, key_events, casualties], opening)
        return _with_statements(store, params, report)
    for group in group_figures([f for f in figures(store, since, until) if f.about_incident]):
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

    report = Report(since, until, place, [ranked, key_events, casualties], opening)
    return _with_statements(store, params, report)


def _with_statements(store: Store, params: dict[str, object], report: Report) -> Report:
    statements = Section("Notable statements")
    for row in _rows(store, _STATEMENTS, params)[:MAX_STATEMENTS]:
        source = f", {row['source']}" if row["source"] else ""
        text = f"{row['speaker']} ({row['published']}{source}): “{_quote(row['content_text'])}”"
        citation = Citation(row["article_id"], row["content_start"], row["content_end"], row["content_text"])
        statements.sentences.append(Sentence(text, [citation]))
    report.sections.append(statements)
    return report

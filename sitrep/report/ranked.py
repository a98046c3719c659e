"""Incidents ranked: the deadliest of the period, and those the most independent sources report.

Each incident is one entry however many articles report it: what, where (with its region and country),
by whom, when, the toll (the lowest figure its reports give, and the range when they differ), and every
outlet that reports it, citing the evidence of every report. Counted as the bottom line counts: an
incident the ACLED export writes, one per merged event once linked, else one per stored report.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any

from sitrep.errors import StoreError
from sitrep.link.listing import linked_or_false
from sitrep.report.parts import Citation, Section, Sentence
from sitrep.store.store import Store
from sitrep.store.within import area_named

TOP = 10
PHRASES = {
    "Battles": "Fighting",
    "Explosions/Remote violence": "Remote violence",
    "Violence against civilians": "Violence against civilians",
    "Protests": "Protest",
    "Riots": "Riot",
    "Strategic developments": "Strategic development",
}

# Every report of the counted incidents, best-ranked first, with the first evidence span of each.
_EVIDENCE = """
       (SELECT v.start FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_start,
       (SELECT v."end" FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_end,
       (SELECT v.text FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS evidence_text"""
_LINKED = f"""
SELECT le.id, le.acled_event_type AS kind, le.date, le.place_name AS place, le.admin1,
       le.country_code AS country, le.actor1, le.actor2, le.fatalities_low AS low,
       le.fatalities_high AS high, le.reports, le.independent_sources AS independent,
       m.article_id, a.source, a.published, e.trigger_start, e.trigger_end, e.trigger_text,{_EVIDENCE}
FROM linked_events le
JOIN linked_event_members m ON m.linked_event_id = le.id
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
JOIN articles a ON a.id = m.article_id
WHERE le.date BETWEEN :since AND :until AND le.status = 'incident'
  AND le.acled_event_type IS NOT NULL AND le.acled_event_type <> '' AND e.status = 'incident'
  AND ({{place}})
ORDER BY m.published, m.article_id, m.seq
"""
_REPORTS = f"""
SELECT e.article_id || ':' || e.id AS id, e.acled_event_type AS kind, e.date, p.name AS place, p.admin1,
       p.country_code AS country, coalesce(n1.name, e.actor1_text) AS actor1,
       coalesce(n2.name, e.actor2_text) AS actor2, e.fatalities AS low, e.fatalities AS high,
       1 AS reports, 1 AS independent,
       e.article_id, a.source, a.published, e.trigger_start, e.trigger_end, e.trigger_text,{_EVIDENCE}
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
WHERE e.date BETWEEN :since AND :until AND e.status = 'incident'
  AND e.acled_event_type IS NOT NULL AND e.acled_event_type <> '' AND ({{place}})
ORDER BY e.article_id, e.seq
"""


def _quote(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def incidents(
    store: Store, since: dt.date, until: dt.date, place: str | None = None
) -> list[list[sqlite3.Row]]:
    """The counted incidents of the period, each as the list of its reports."""
    linked = linked_or_false(store)
    test, params = "1", dict[str, object]()
    if place:
        name, alias = ("le.place_name", "le") if linked else ("p.name", "p")
        inside, bound = area_named(store, place).clause(f"{alias}.country_code", f"{alias}.admin1")
        test = f"instr(sitrep_fold({name}), :rk_place) OR {inside}"
        params = {"rk_place": place.casefold(), **bound}
    sql = (_LINKED if linked else _REPORTS).format(place=test)
    try:
        rows = store.connection.execute(
            sql, {"since": since.isoformat(), "until": until.isoformat(), **params}
        )
        grouped: dict[str, list[sqlite3.Row]] = {}
        for row in rows:
            grouped.setdefault(row["id"], []).append(row)
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read: {exc}") from exc
    return list(grouped.values())


def entry(reports: list[sqlite3.Row]) -> Sentence:
    """One incident as one sentence, citing the evidence of every report."""
    first = reports[0]
    # Town, region, country code; a country or region placed by itself is named once.
    parts = (first["place"], first["admin1"], first["country"] if first["admin1"] else None)
    where = ", ".join(dict.fromkeys(part for part in parts if part))
    words = [PHRASES.get(first["kind"], first["kind"]), f"in {where}" if where else "at an unresolved place"]
    if first["actor1"]:
        words.append(f"by {first['actor1']}")
    if first["actor2"]:
        words.append(f"against {first['actor2']}")
    text = " ".join(words) + f", {first['date']}"
    low, high = first["low"], first["high"]
    if low is not None:
        text += f"; {low} killed" + (f" (reports give {low} to {high})" if high not in (None, low) else "")
    outlets = list(dict.fromkeys(f"{r['source'] or 'unnamed outlet'} {r['published']}" for r in reports))
    text += (
        f"; {first['reports']} report{'s' if first['reports'] != 1 else ''},"
        f" {first['independent']} independent: {'; '.join(outlets)}"
    )
    text += f": “{_quote(first['evidence_text'] or first['trigger_text'])}”"
    return Sentence(text, list(dict.fromkeys(_citation(row) for row in reports)))


def _citation(row: sqlite3.Row) -> Citation:
    if row["evidence_start"] is not None:
        return Citation(row["article_id"], row["evidence_start"], row["evidence_end"], row["evidence_text"])
    return Citation(row["article_id"], row["trigger_start"], row["trigger_end"], row["trigger_text"])


def _top(
    found: list[list[sqlite3.Row]], keep: Callable[[Any], bool], key: Callable[[Any], Any]
) -> list[Sentence]:
    chosen = sorted((group for group in found if keep(group[0])), key=lambda group: key(group[0]))
    return [entry(group) for group in chosen[:TOP]]


def ranked_sections(found: list[list[sqlite3.Row]]) -> Section:
    """The deadliest incidents, and the most widely reported (by more than one independent source)."""
    section = Section("Incidents ranked")
    section.subsections.append(
        Section(
            "By reported deaths",
            _top(
                found,
                lambda r: r["low"] is not None and r["low"] > 0,
                lambda r: (-r["low"], -r["independent"], r["date"] or ""),
            ),
        )
    )
    section.subsections.append(
        Section(
            "By independent sources",
            _top(
                found,
                lambda r: r["independent"] > 1,
                lambda r: (-r["independent"], -r["reports"], -(r["low"] or 0)),
            ),
        )
    )
    return section

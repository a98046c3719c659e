"""Read-only listings of the link tables for the CLI and the web UI, as plain JSON-able dicts.

Same conventions as `sitrep.store.queries`: optional filters combined with AND, case-insensitive text
filters folded in Python, every value a bound parameter.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sitrep.errors import StoreError
from sitrep.store.queries import (
    ACTOR_MATCH,
    DateLike,
    Where,
    _dates,
    _fold,
    _limit,
    event_status,
    event_type,
    fetch,
)
from sitrep.store.store import Store


def is_linked(store: Store) -> bool:
    """Whether every stored article is linked (so linked listings show everything)."""
    try:
        row = store.connection.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM link_articles)"
        ).fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read: {exc}") from exc
    return bool(row[0]) and row[0] == row[1]


def linked_or_false(store: Store) -> bool:
    """Like `is_linked`, but false instead of an error on a file without link tables."""
    try:
        return is_linked(store)
    except StoreError:
        return False


_MEMBERS = """
SELECT m.linked_event_id, m.article_id, m.event_id, a.published, a.source, a.title, e.trigger_text,
       e.fatalities, e.status, e.attributed_to, c.speaker_text,
       (SELECT json_group_array(text) FROM
           (SELECT v.text FROM evidence v
            WHERE v.article_id = e.article_id AND v.event_id = e.id ORDER BY v.seq)) AS evidence
FROM linked_event_members m
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN claims c ON c.article_id = e.article_id AND c.id = e.attributed_to
WHERE m.linked_event_id IN (SELECT value FROM json_each(:ids))
ORDER BY m.published, m.article_id, m.seq
"""

_MEMBER_MATCH = """EXISTS (
    SELECT 1 FROM linked_event_members m
    JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
    LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
    LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
    LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
    WHERE m.linked_event_id = le.id AND ({condition}))"""


def linked_events(
    store: Store,
    since: DateLike = None,
    until: DateLike = None,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    limit: int | None = None,
    min_reports: int = 1,
    status: str = "incident",
) -> list[dict[str, Any]]:
    """Merged events by date, each once, with the ids of every article that reports it.

    Filters mean what they mean for `queries.events`; `actor` and `place` match any report; `status`
    keeps incidents unless asked for another status or `any`.
    """
    where = Where()
    _dates(where, "le.date", since, until)
    event_status(where, "le", status)
    if type is not None:
        event_type(where, "le", type)
    if actor is not None:
        where.add(_MEMBER_MATCH.format(condition=ACTOR_MATCH), actor=_fold(actor))
    if place is not None:
        where.add(
            "(instr(sitrep_fold(le.place_name), :place) OR "
            + _MEMBER_MATCH.format(condition="instr(sitrep_fold(p.name), :place)")
            + ")",
            place=_fold(place),
        )
    where.add("le.reports >= :min_reports", min_reports=min_reports)
    sql = (
        "SELECT le.* FROM linked_events le"
        + where.sql()
        + " ORDER BY le.date IS NULL, le.date, le.first_published, le.id LIMIT :limit"
    )
    found = [dict(row) for row in fetch(store, sql, {**where.params, "limit": _limit(limit)})]
    reports: dict[str, list[dict[str, Any]]] = {item["id"]: [] for item in found}
    ids = json.dumps(list(reports))
    for row in fetch(store, _MEMBERS, {"ids": ids}):
        member = dict(row)
        member["evidence"] = json.loads(member["evidence"])
        reports[member.pop("linked_event_id")].append(member)
    for item in found:
        item["place"] = item.pop("place_name")
        item["fatalities"] = item["fatalities_low"]  # the lowest reported figure, as ACLED codes it
        item["article_ids"] = list(dict.fromkeys(r["article_id"] for r in reports[item["id"]]))
        item["events"] = reports[item["id"]]
    return found


def claim_groups(
    store: Store, disagreeing: bool = False, linked_event_id: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Groups of figures for one measure and side of one event, each figure with speaker and relay."""
    where = Where()
    if disagreeing:
        where.add("g.disagrees = 1")
    if linked_event_id is not None:
        where.add("g.linked_event_id = :event", event=linked_event_id)
    sql = (
        "SELECT g.*, le.date, le.place_name AS place FROM claim_groups g"
        " LEFT JOIN linked_events le ON le.id = g.linked_event_id"
        + where.sql()
        + " ORDER BY g.members DESC, g.id LIMIT :limit"
    )
    found = [dict(row) for row in fetch(store, sql, {**where.params, "limit": _limit(limit)})]
    for item in found:
        item["disagrees"] = bool(item["disagrees"])
        item["figures"] = [
            {**dict(row), "via": json.loads(row["via"])}
            for row in fetch(
                store,
                "SELECT m.article_id, m.claim_id, a.published, a.source, m.value, m.unit, m.text, m.speaker,"
                " m.via FROM claim_group_members m JOIN articles a ON a.id = m.article_id"
                " WHERE m.group_id = :id ORDER BY a.published, m.article_id, m.claim_id, m.quantity_seq",
                {"id": item["id"]},
            )
        ]
    return found


def highlights(store: Store, top: int = 3) -> list[str]:
    """Lines for `sitrep summary`: link counts (merged incidents), the most reported events and
    disagreeing figures."""
    if not is_linked(store):
        return []
    conn = store.connection
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM linked_events WHERE status = 'incident'),"
        " (SELECT count(*) FROM linked_events WHERE status = 'incident' AND reports > 1),"
        " (SELECT count(*) FROM canonical_entities), (SELECT count(*) FROM claim_groups WHERE disagrees = 1)"
    ).fetchone()
    lines = [
        f"{'linked events':<16} {counts[0]} ({counts[1]} reported by more than one article)",
        f"{'canonical ents':<16} {counts[2]}",
        f"{'disagreements':<16} {counts[3]} groups of claimed figures that differ",
        "most reported events:",
    ]
    ranked = sorted(linked_events(store, min_reports=2), key=lambda e: (-e["reports"], e["date"] or ""))
    for item in ranked[:top]:
        what = " ".join(str(v) for v in (item["date"], item["type"], item["mode"]) if v)
        lines.append(
            f"  {what} at {item['place']}:"
            f" {item['reports']} reports, {item['independent_sources']} independent sources"
            f" ({', '.join(item['article_ids'])})"
        )
    lines.append("disagreeing figures:")
    for group in claim_groups(store, disagreeing=True, limit=top):
        figures = "; ".join(
            f"{_number(f['value'])} ({f['speaker'] or 'unattributed'}"
            + (f" via {', '.join(f['via'])}" if f["via"] else "")
            + f", {f['published']})"
            for f in group["figures"]
        )
        where = f" at {group['place']} on {group['date']}" if group["place"] else ""
        lines.append(f"  {group['measure']} of {group['side']}{where}: {figures}")
    return lines


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)

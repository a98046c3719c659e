"""Read-only listings over a Store, as plain JSON-able dicts, for the CLI, the API and the exports.

Filters are optional and combine with AND. Text filters (actor, place, name, speaker, contains) are
case-insensitive substrings, folded in Python (`sitrep_fold`) so "київ" finds "Київ" as "kyiv" finds
"Kyiv". The WHERE clause is assembled only from fixed fragments written here; every value is a bound
parameter.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from typing import Any

from sitrep.errors import StoreError, UsageError
from sitrep.model import EVENT_STATUSES
from sitrep.store.store import Store

DateLike = dt.date | str | None

_EVENTS = """
SELECT e.article_id, e.id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type,
       e.trigger_text AS trigger, e.date, e.date_precision, e.fatalities, e.negated, e.hypothetical,
       e.status, e.attributed_to, c.speaker_text AS attributed_speaker, e.confidence,
       e.actor1_text AS actor1, n1.name AS actor1_entity,
       coalesce(e.actor1_kind, n1.kind) AS actor1_kind,
       coalesce(e.actor1_country, n1.country) AS actor1_country,
       e.actor2_text AS actor2, n2.name AS actor2_entity,
       coalesce(e.actor2_kind, n2.kind) AS actor2_kind,
       coalesce(e.actor2_country, n2.country) AS actor2_country,
       e.place_id, p.name AS place, p.latitude, p.longitude, p.country_code, p.admin1, p.admin2,
       p.geonames_id, p.feature, p.precision AS geo_precision,
       a.published, a.source, a.url, a.stored_at,
       (SELECT json_group_array(text) FROM
           (SELECT v.text FROM evidence v
            WHERE v.article_id = e.article_id AND v.event_id = e.id ORDER BY v.seq)
       ) AS evidence
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
LEFT JOIN claims c ON c.article_id = e.article_id AND c.id = e.attributed_to
"""

_ENTITIES = """
SELECT n.article_id, n.id, n.name, n.type, n.kind, n.country, n.aliases,
       (SELECT count(*) FROM mentions m WHERE m.article_id = n.article_id AND m.entity_id = n.id) AS mentions
FROM entities n
JOIN articles a ON a.id = n.article_id
"""

_CLAIMS = """
SELECT c.article_id, c.id, a.published, a.source, c.kind, c.speaker_text AS speaker, n.name AS speaker_entity,
       c.cue_text AS cue, c.content_text AS content, c.via,
       (SELECT json_group_array(json_object('value', q.value, 'unit', q.unit, 'text', q.text)) FROM
           (SELECT * FROM quantities q
            WHERE q.article_id = c.article_id AND q.claim_id = c.id ORDER BY q.seq) q
       ) AS quantities
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN entities n ON n.article_id = c.article_id AND n.id = c.speaker_entity_id
"""

_PLACES = """
SELECT p.name, p.country_code, max(p.admin1) AS admin1, p.geonames_id, max(p.feature) AS feature,
       p.latitude, p.longitude, min(p.precision) AS precision,
       count(DISTINCT p.article_id) AS articles,
       sum((SELECT count(*) FROM mentions m
            WHERE m.article_id = p.article_id AND m.place_id = p.id)) AS mentions,
       sum((SELECT count(*) FROM events e WHERE e.article_id = p.article_id AND e.place_id = p.id)) AS events
FROM places p
JOIN articles a ON a.id = p.article_id
"""


def _iso(value: DateLike, name: str) -> str | None:
    if value is None or isinstance(value, dt.date):
        return None if value is None else value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise UsageError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from exc


def _limit(limit: int | None) -> int:
    if limit is None:
        return -1
    if limit < 0:
        raise UsageError(f"limit must be 0 or more, not {limit}")
    return limit


def _fold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


class Where:
    """Collects fixed SQL fragments and their bound values (every filter of every listing)."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: dict[str, Any] = {}

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _dates(where: Where, column: str, since: DateLike, until: DateLike) -> None:
    start, end = _iso(since, "since"), _iso(until, "until")
    if start is not None:
        where.add(f"{column} >= :since", since=start)
    if end is not None:
        where.add(f"{column} <= :until", until=end)


# An event's actor by its text or its entity's name; `e` the events row, `n1`/`n2` the actors' entities.
ACTOR_MATCH = (
    "instr(sitrep_fold(e.actor1_text), :actor) OR instr(sitrep_fold(e.actor2_text), :actor)"
    " OR instr(sitrep_fold(n1.name), :actor) OR instr(sitrep_fold(n2.name), :actor)"
)


def event_type(where: Where, alias: str, type: str) -> None:
    """Filter rows of `alias` (events or linked events) by a PLOVER type ("ASSAULT") or an ACLED event
    type ("Battles"), case-insensitive."""
    where.add(
        f"({alias}.type = :type OR sitrep_fold({alias}.acled_event_type) = :type_folded)",
        type=type.upper(),
        type_folded=type.casefold(),
    )


ANY_STATUS = "any"


def event_status(where: Where, alias: str, status: str) -> None:
    """Filter rows of `alias` (events or linked events) by status: a named status ("incident",
    "denied"…), or `any` for every mention kept. Listings default to incidents, what took place."""
    wanted = status.casefold()
    if wanted == ANY_STATUS:
        return
    if wanted not in EVENT_STATUSES:
        raise UsageError(f"status must be {ANY_STATUS} or one of {', '.join(EVENT_STATUSES)}, not {status!r}")
    where.add(f"{alias}.status = :status", status=wanted)


def fetch(store: Store, sql: str, params: dict[str, Any]) -> list[sqlite3.Row]:
    try:
        return store.connection.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read: {exc}") from exc


def events(
    store: Store,
    since: DateLike = None,
    until: DateLike = None,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    limit: int | None = None,
    status: str = "incident",
) -> list[dict[str, Any]]:
    """Events by event date (undated last), each joined with its place, actors' entities and article.

    `type` is a PLOVER type ("ASSAULT") or an ACLED event type ("Battles"), case-insensitive; `actor`
    matches either actor's text or entity name; `since`/`until` bound the event date, inclusive;
    `status` keeps incidents unless asked for another status or `any`.
    """
    where = Where()
    _dates(where, "e.date", since, until)
    event_status(where, "e", status)
    if type is not None:
        event_type(where, "e", type)
    if actor is not None:
        where.add(f"({ACTOR_MATCH})", actor=_fold(actor))
    if place is not None:
        where.add("instr(sitrep_fold(p.name), :place)", place=_fold(place))
    sql = _EVENTS + where.sql() + " ORDER BY e.date IS NULL, e.date, e.article_id, e.seq LIMIT :limit"
    found = []
    for row in fetch(store, sql, {**where.params, "limit": _limit(limit)}):
        item = dict(row)
        item["key"] = f"{row['article_id']}:{row['id']}"
        item["negated"] = bool(row["negated"])
        item["hypothetical"] = bool(row["hypothetical"])
        item["evidence"] = json.loads(row["evidence"])
        found.append(item)
    return found


def entities(
    store: Store,
    since: DateLike = None,
    until: DateLike = None,
    type: str | None = None,
    name: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Entities grouped by (name, type) across articles, most widely reported first.

    `name` matches the name or any alias; `since`/`until` bound the article's publication date. Kind and
    country are the most frequent values the articles gave.
    """
    where = Where()
    _dates(where, "a.published", since, until)
    if type is not None:
        where.add("n.type = :type", type=type.upper())
    if name is not None:
        where.add(
            "(instr(sitrep_fold(n.name), :name) OR instr(sitrep_fold(n.aliases), :name))", name=_fold(name)
        )
    if kind is not None:
        where.add("sitrep_fold(n.kind) = :kind", kind=_fold(kind))
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for row in fetch(
        store, _ENTITIES + where.sql() + " ORDER BY a.published, n.article_id, n.seq", where.params
    ):
        group = groups.setdefault(
            (row["name"], row["type"]),
            {"aliases": {}, "kinds": Counter(), "countries": Counter(), "article_ids": {}, "mentions": 0},
        )
        group["aliases"].update(dict.fromkeys(json.loads(row["aliases"])))
        group["kinds"].update([row["kind"]] if row["kind"] else [])
        group["countries"].update([row["country"]] if row["country"] else [])
        group["article_ids"][row["article_id"]] = None
        group["mentions"] += row["mentions"]
    found = [
        {
            "name": key[0],
            "type": key[1],
            "kind": _most_common(group["kinds"]),
            "country": _most_common(group["countries"]),
            "aliases": list(group["aliases"]),
            "articles": len(group["article_ids"]),
            "mentions": group["mentions"],
            "article_ids": list(group["article_ids"]),
        }
        for key, group in groups.items()
    ]
    found.sort(key=lambda item: (-item["articles"], -item["mentions"], item["name"]))
    stop = _limit(limit)
    return found if stop < 0 else found[:stop]


def _most_common(counter: Counter[str]) -> str | None:
    return counter.most_common(1)[0][0] if counter else None


def claims(
    store: Store,
    since: DateLike = None,
    until: DateLike = None,
    kind: str | None = None,
    speaker: str | None = None,
    contains: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Claims by article publication date, with speaker, cue, content, `via` chain and quantities.

    `speaker` matches the speaker's mention or entity name; `contains` matches the claimed content.
    """
    where = Where()
    _dates(where, "a.published", since, until)
    if kind is not None:
        where.add("c.kind = :kind", kind=kind)
    if speaker is not None:
        where.add(
            "(instr(sitrep_fold(c.speaker_text), :speaker) OR instr(sitrep_fold(n.name), :speaker))",
            speaker=_fold(speaker),
        )
    if contains is not None:
        where.add("instr(sitrep_fold(c.content_text), :contains)", contains=_fold(contains))
    sql = _CLAIMS + where.sql() + " ORDER BY a.published, c.article_id, c.seq LIMIT :limit"
    found = []
    for row in fetch(store, sql, {**where.params, "limit": _limit(limit)}):
        item = dict(row)
        item["key"] = f"{row['article_id']}:{row['id']}"
        item["via"] = json.loads(row["via"])
        item["quantities"] = json.loads(row["quantities"])
        found.append(item)
    return found


def places(
    store: Store,
    since: DateLike = None,
    until: DateLike = None,
    name: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Places grouped by name, country, GeoNames id and coordinates, most widely reported first.

    `country` is an ISO 3166-1 alpha-2 code; `since`/`until` bound the article's publication date.
    """
    where = Where()
    _dates(where, "a.published", since, until)
    if name is not None:
        where.add("instr(sitrep_fold(p.name), :name)", name=_fold(name))
    if country is not None:
        where.add("p.country_code = :country", country=country.upper())
    sql = (
        _PLACES
        + where.sql()
        + " GROUP BY p.name, p.country_code, p.geonames_id, p.latitude, p.longitude"
        + " ORDER BY articles DESC, events DESC, p.name LIMIT :limit"
    )
    return [dict(row) for row in fetch(store, sql, {**where.params, "limit": _limit(limit)})]


def mentions_by_status(store: Store) -> dict[str, int]:
    """How many event mentions of each status other than `incident` are kept, every status named."""
    found = {
        row[0]: row[1] for row in fetch(store, "SELECT status, count(*) FROM events GROUP BY status", {})
    }
    return {status: int(found.get(status, 0)) for status in EVENT_STATUSES if status != "incident"}


def summary(store: Store) -> dict[str, Any]:
    """Counts for a first look at a database: what it holds and over which dates. Events are incidents
    (what took place); the other mentions kept are counted by status apart."""

    def count(sql: str) -> int:
        return int(fetch(store, sql, {})[0][0])

    first, last = fetch(store, "SELECT min(published), max(published) FROM articles", {})[0]
    by_type = fetch(
        store,
        "SELECT type, count(*) FROM events WHERE status = 'incident'"
        " GROUP BY type ORDER BY count(*) DESC, type",
        {},
    )
    return {
        "db": str(store.path),
        "articles": count("SELECT count(*) FROM articles"),
        "first_published": first,
        "last_published": last,
        "entities": count("SELECT count(*) FROM (SELECT DISTINCT name, type FROM entities)"),
        "places": count(
            "SELECT count(*) FROM"
            " (SELECT DISTINCT name, country_code, geonames_id, latitude, longitude FROM places)"
        ),
        "events": count("SELECT count(*) FROM events WHERE status = 'incident'"),
        "events_by_type": {row[0]: row[1] for row in by_type},
        "other_mentions": mentions_by_status(store),
        "claims": count("SELECT count(*) FROM claims"),
        "relations": count("SELECT count(*) FROM relations"),
    }


# The group a person acts for, from the relations the article states ("al-Shabab leader X").
_GROUP_OF = """(SELECT json_object('aliases', json(o.aliases), 'kind', o.kind)
    FROM relations r JOIN entities o ON o.article_id = r.article_id AND o.id = r.object
    WHERE r.article_id = e.article_id AND r.subject = e.{side}_entity_id
      AND r.predicate IN ('leader_of', 'commander_of', 'member_of', 'spokesperson_of')
    ORDER BY r.seq LIMIT 1) AS {side}_group"""

_ACTOR_NAMES = f"""
SELECT e.article_id, e.id,
       n1.type AS actor1_type, n1.aliases AS actor1_aliases, c1.aliases AS actor1_canonical,
       n2.type AS actor2_type, n2.aliases AS actor2_aliases, c2.aliases AS actor2_canonical,
       {_GROUP_OF.format(side="actor1")}, {_GROUP_OF.format(side="actor2")}
FROM events e
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
LEFT JOIN canonical_entity_members m1 ON m1.article_id = e.article_id AND m1.entity_id = e.actor1_entity_id
LEFT JOIN canonical_entities c1 ON c1.id = m1.canonical_id
LEFT JOIN canonical_entity_members m2 ON m2.article_id = e.article_id AND m2.entity_id = e.actor2_entity_id
LEFT JOIN canonical_entities c2 ON c2.id = m2.canonical_id
WHERE e.actor1_entity_id IS NOT NULL OR e.actor2_entity_id IS NOT NULL
"""


def actor_names(store: Store) -> dict[str, dict[str, Any]]:
    """Every name each event's actors go by, keyed like `events` rows (`article_id:event_id`): for
    `actor1` and `actor2`, the entity's type (PERSON, ORG, NORP…), its aliases in this article and,
    once linked, in every article (the exports name a group by its longest full name), and the aliases
    and kind of the group a person leads, commands, speaks for or belongs to (`{side}_group`)."""
    found: dict[str, dict[str, Any]] = {}
    for row in fetch(store, _ACTOR_NAMES, {}):
        item: dict[str, Any] = {}
        for side in ("actor1", "actor2"):
            own, linked = row[f"{side}_aliases"], row[f"{side}_canonical"]
            aliases = [*json.loads(own or "[]"), *json.loads(linked or "[]")]
            item[f"{side}_type"] = row[f"{side}_type"]
            item[f"{side}_aliases"] = list(dict.fromkeys(aliases))
            item[f"{side}_group"] = json.loads(row[f"{side}_group"]) if row[f"{side}_group"] else None
        found[f"{row['article_id']}:{row['id']}"] = item
    return found


def article_titles(store: Store) -> dict[str, str | None]:
    """Each stored article's title by article id, for exports that show where an event was read."""
    return {row["id"]: row["title"] for row in fetch(store, "SELECT id, title FROM articles", {})}


def claimed_figures(store: Store) -> dict[str, list[dict[str, Any]]]:
    """The figures statements give about each linked event (deaths, injured, detained…), as claim
    groups: `measure`, `side`, `low`, `high`, `members`, by linked event id; casualty measures first."""
    found: dict[str, list[dict[str, Any]]] = {}
    sql = (
        "SELECT linked_event_id, measure, side, low, high, members FROM claim_groups"
        " WHERE linked_event_id IS NOT NULL ORDER BY linked_event_id, measure != 'fatalities', measure, side"
    )
    for row in fetch(store, sql, {}):
        found.setdefault(row["linked_event_id"], []).append(dict(row))
    return found

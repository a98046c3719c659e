"""Paged listings of the link tables for the API and the pages: merged events, claim groups, canonical
entities.

Same rules as `sitrep.web.queries`: a page is chosen over narrow rows in an order an index serves
(migration m004), then only its rows are read in full; the WHERE clause is built from fixed fragments and
every value is bound. `linked(store)` says whether these listings show everything: only when every
stored article is linked; otherwise (a database never linked, or articles stored since) the callers fall
back to the per-article listings.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from sitrep.errors import UsageError
from sitrep.link.listing import linked_or_false
from sitrep.model import PLOVER_TYPES
from sitrep.store.queries import Where, event_status, fetch
from sitrep.store.store import Store
from sitrep.store.within import area_named
from sitrep.web import facets
from sitrep.web.queries import (
    _ARTICLE_MATCH,
    ACLED_TYPES,
    BBox,
    Page,
    _bbox,
    _broad,
    _dates,
    _needle,
    _paged,
    _paged_rowids,
    _result,
    fts_query,
    sort_order,
)
from sitrep.web.view import DEFAULT_VIEW, LINKED_COLUMNS, LINKED_SORTS, View

FIRST_PAGE = Page()


def linked(store: Store) -> bool:
    """Whether the link tables cover every stored article (false on a database never linked)."""
    return linked_or_false(store)


_LINKED = """
SELECT le.id, le.type, le.mode, le.acled_event_type, le.acled_sub_event_type, le.date, le.date_precision,
       le.place_name AS place, le.latitude, le.longitude, le.country_code, le.admin1, le.sources,
       le.actor1, le.actor2,
       le.fatalities_low, le.fatalities_high, le.reports, le.independent_sources, le.first_published,
       le.last_published, le.status
FROM linked_events le
"""

# The range each merged event spans over its reports, and the ids of those reports.
_RANGES = """
SELECT m.linked_event_id AS id, min(e.date) AS date_first, max(e.date) AS date_last,
       json_group_array(DISTINCT m.article_id) AS article_ids,
       json_group_array(DISTINCT e.type) AS types,
       json_group_array(DISTINCT p.name) FILTER (WHERE p.name IS NOT NULL) AS places,
       min(p.precision) FILTER (WHERE p.latitude IS NOT NULL) AS geo_precision
FROM linked_event_members m
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
WHERE m.linked_event_id IN (SELECT value FROM json_each(:ids))
GROUP BY m.linked_event_id
"""

_MEMBER_MATCH = """EXISTS (
    SELECT 1 FROM linked_event_members m
    JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
    {joins}
    WHERE m.linked_event_id = le.id AND ({condition}))"""


def _any_report(store: Store, own: str, joins: str, condition: str, name: str, bound: str) -> str:
    """The test "some report of `le` meets `condition`". When the merged events' own columns already
    match often (`own`), it is checked per merged event while walking the date index; otherwise the few
    matching reports are found first (one pass over the events) and their merged events sorted."""
    if _broad(store, f"SELECT 1 FROM linked_events le WHERE {own}", {name: bound}, 200):
        return _MEMBER_MATCH.format(joins=joins, condition=condition)
    return (
        "le.id IN (SELECT m.linked_event_id FROM events e"
        f" JOIN linked_event_members m ON m.article_id = e.article_id AND m.event_id = e.id {joins}"
        f" WHERE {condition})"
    )


def _type_clause(where: Where, type: str) -> None:
    if type.upper() in PLOVER_TYPES:
        where.add("le.type = :type", type=type.upper())
        return
    for acled in ACLED_TYPES:
        if acled.casefold() == type.casefold():
            where.add("le.acled_event_type = :acled_type", acled_type=acled)
            return
    raise UsageError(f"type {type!r} is neither a PLOVER type nor an ACLED event type")


# The first evidence span (the sentence) of each merged event's earliest report.
_SENTENCES = """
SELECT m.linked_event_id AS id, v.text FROM linked_event_members m
JOIN evidence v ON v.article_id = m.article_id AND v.event_id = m.event_id
WHERE m.linked_event_id IN (SELECT value FROM json_each(:ids))
ORDER BY m.linked_event_id, m.published DESC, m.article_id DESC, m.seq DESC, v.seq DESC
"""


def _decorate(store: Store, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    items = [dict(row) for row in rows]
    ids = {"ids": json.dumps([item["id"] for item in items])}
    ranges = {row["id"]: row for row in fetch(store, _RANGES, ids)}
    # Rows come latest first, so the earliest report's first span is the one kept.
    sentences = {row["id"]: row["text"] for row in fetch(store, _SENTENCES, ids)}
    for item in items:
        extra = ranges.get(item["id"])
        item["key"] = item["id"]
        item["linked"] = True
        item["fatalities"] = item["fatalities_low"]  # the most conservative figure, as ACLED codes it
        item["date_first"] = extra["date_first"] if extra else item["date"]
        item["date_last"] = extra["date_last"] if extra else item["date"]
        item["article_ids"] = json.loads(extra["article_ids"]) if extra else []
        item["types"] = json.loads(extra["types"]) if extra else [item["type"]]
        item["places"] = json.loads(extra["places"]) if extra and extra["places"] else []
        item["sources"] = json.loads(item["sources"] or "[]")
        item["geo_precision"] = extra["geo_precision"] if extra else None
        item["sentence"] = sentences.get(item["id"])
    return items


def linked_events(
    store: Store,
    page: Page = FIRST_PAGE,
    since: dt.date | None = None,
    until: dt.date | None = None,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    bbox: BBox | None = None,
    q: str | None = None,
    article: str | None = None,
    located: bool = False,
    min_reports: int = 1,
    status: str = "incident",
    view: View = DEFAULT_VIEW,
) -> dict[str, Any]:
    """Merged events, newest first unless `view.sort` says otherwise, each once, with its reports'
    article ids and the ranges they span, the `total` matching and the facet counts `view` asks for.

    Filters mean what they mean for `queries.events`; `actor`, `place`, `q` and `article` match when any
    report of the merged event matches, and `place` also matches every event inside a country or region
    of that name; `status` is the merged event's (incidents unless asked).
    """
    where = Where()
    _dates(where, "le.date", since, until)
    event_status(where, "le", status)
    if type is not None:
        _type_clause(where, type)
    if actor is not None:
        _actor_clause(store, where, actor)
    if place is not None:
        _place_clause(store, where, place)
    if bbox is not None:
        spatial = "+le" if _broad_bbox(store, bbox) else "le"
        _bbox(where, spatial, bbox)
    if located:
        where.add("le.latitude IS NOT NULL AND le.longitude IS NOT NULL")
    if q is not None:
        _text_clause(store, where, q)
    if article is not None:
        where.add(
            "le.id IN (SELECT m.linked_event_id FROM linked_event_members m WHERE m.article_id = :article)",
            article=article,
        )
    if min_reports > 1:
        where.add("le.reports >= :min_reports", min_reports=min_reports)
    view.narrow(
        where,
        LINKED_COLUMNS,
        acled_only="le.acled_event_type IS NOT NULL AND le.acled_event_type <> ''",
        source="EXISTS (SELECT 1 FROM json_each(le.sources) js WHERE js.value = :source)",
    )
    order = view.order(LINKED_SORTS, "le.id")
    page_sql = f"SELECT le.rowid AS rid FROM linked_events le{where.sql()} ORDER BY {order}"
    rows, more = _paged_rowids(store, page_sql, where.params, page, _LINKED, "le", order)
    result = _result(_decorate(store, rows), more, page)
    result["sort"] = view.sort
    result["total"] = facets.total(store, "FROM linked_events le", where)
    result["facets"] = facets.counts(store, facets.LINKED_FACETS, view.facets, where)
    return result


def _actor_clause(store: Store, where: Where, actor: str) -> None:
    test, bound = _needle(actor)
    own = " OR ".join(test.format(c, "actor") for c in ("le.actor1", "le.actor2"))
    joins = (
        "LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id"
        " LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id"
    )
    reports = " OR ".join(
        test.format(c, "actor") for c in ("e.actor1_text", "e.actor2_text", "n1.name", "n2.name")
    )
    where.add(f"({own} OR {_any_report(store, own, joins, reports, 'actor', bound)})", actor=bound)


def _place_clause(store: Store, where: Where, place: str) -> None:
    """The place's name as any report writes it, or a country or region of that name containing it."""
    test, bound = _needle(place)
    joins = "JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id"
    written = (
        f"{test.format('p.name', 'place')} OR EXISTS (SELECT 1 FROM mentions mm WHERE"
        " mm.article_id = e.article_id AND mm.place_id = e.place_id"
        f" AND {test.format('mm.text', 'place')})"
    )
    own = test.format("le.place_name", "place")
    inside, params = area_named(store, place).clause("le.country_code", "le.admin1")
    where.add(
        f"({own} OR {inside} OR {_any_report(store, own, joins, written, 'place', bound)})",
        place=bound,
        **params,
    )


def _text_clause(store: Store, where: Where, q: str) -> None:
    match = fts_query(q)
    if _broad(store, _ARTICLE_MATCH, {"q": match}, 200):  # checked per event while walking by date
        where.add(
            "EXISTS (SELECT 1 FROM linked_event_members m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.linked_event_id = le.id AND a.rowid IN ({_ARTICLE_MATCH}))",
            q=match,
        )
    else:  # a few articles: their merged events, then sorted
        where.add(
            "le.id IN (SELECT m.linked_event_id FROM linked_event_members m JOIN articles a"
            f" ON a.id = m.article_id WHERE a.rowid IN ({_ARTICLE_MATCH}))",
            q=match,
        )


def _broad_bbox(store: Store, bbox: BBox) -> bool:
    where = Where()
    _bbox(where, "le", bbox)
    return _broad(store, "SELECT 1 FROM linked_events le" + where.sql(), where.params, 2000)


_REPORTS = """
SELECT m.article_id, m.event_id, a.published, a.title, a.source, a.url, l.source_group,
       e.type, e.mode, e.trigger_text AS trigger, e.trigger_start, e.trigger_end, e.date, e.date_precision,
       e.fatalities, e.negated, e.hypothetical, e.status, e.attributed_to,
       coalesce(n1.name, e.actor1_text) AS actor1, coalesce(n2.name, e.actor2_text) AS actor2,
       p.name AS place, p.latitude, p.longitude, c.speaker_text AS attributed_speaker,
       (SELECT json_group_array(json_object('start', v.start, 'end', v."end", 'text', v.text)) FROM
           (SELECT v.start, v."end", v.text FROM evidence v
            WHERE v.article_id = e.article_id AND v.event_id = e.id ORDER BY v.seq) v) AS evidence
FROM linked_event_members m
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN link_articles l ON l.article_id = m.article_id
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
LEFT JOIN claims c ON c.article_id = e.article_id AND c.id = e.attributed_to
WHERE m.linked_event_id = :id
ORDER BY m.published, m.article_id, m.seq
"""


def reports_of(store: Store, linked_event_id: str) -> list[dict[str, Any]]:
    """Every report of one merged event: article, outlet, its own fields and its evidence spans."""
    found = []
    for row in fetch(store, _REPORTS, {"id": linked_event_id}):
        item = dict(row)
        item["negated"] = bool(item["negated"])
        item["hypothetical"] = bool(item["hypothetical"])
        item["evidence"] = json.loads(item["evidence"])
        found.append(item)
    return found


def linked_event(store: Store, linked_event_id: str) -> dict[str, Any] | None:
    """One merged event with every report (`events`) and its evidence, and its claim groups; or None."""
    rows = fetch(store, _LINKED + " WHERE le.id = :id", {"id": linked_event_id})
    if not rows:
        return None
    item = _decorate(store, rows)[0]
    item["events"] = reports_of(store, linked_event_id)
    item["claim_groups"] = claim_groups(store, Page(limit=100), event=linked_event_id)["items"]
    return item


_GROUPS = """
SELECT g.id, g.measure, g.side, g.linked_event_id, g.low, g.high, g.members, g.disagrees,
       le.date, le.place_name AS place, le.type AS event_type
FROM claim_groups g
LEFT JOIN linked_events le ON le.id = g.linked_event_id
"""

_FIGURES = """
SELECT m.group_id, m.article_id, m.claim_id, m.quantity_seq, m.value, m.unit, m.text, m.speaker, m.via,
       a.published, a.source, a.title, c.kind, c.content_start, c.content_end, c.content_text AS content
FROM claim_group_members m
JOIN articles a ON a.id = m.article_id
JOIN claims c ON c.article_id = m.article_id AND c.id = m.claim_id
WHERE m.group_id IN (SELECT value FROM json_each(:ids))
ORDER BY a.published, m.article_id, m.claim_id, m.quantity_seq
"""


_FIRST_PUBLISHED = (
    "SELECT min(l.published) FROM claim_group_members x JOIN link_articles l ON l.article_id = x.article_id"
    " WHERE x.group_id = g.id"
)


def _with_figures(store: Store, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    items = [dict(row) for row in rows]
    figures: dict[str, list[dict[str, Any]]] = {item["id"]: [] for item in items}
    for row in fetch(store, _FIGURES, {"ids": json.dumps(list(figures))}):
        figure = dict(row)
        figure["via"] = json.loads(figure["via"])
        figures[figure.pop("group_id")].append(figure)
    for item in items:
        item["disagrees"] = bool(item["disagrees"])
        item["figures"] = figures[item["id"]]
    return items


def claim_groups(
    store: Store,
    page: Page = FIRST_PAGE,
    disagreeing: bool = False,
    measure: str | None = None,
    side: str | None = None,
    event: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    speaker: str | None = None,
) -> dict[str, Any]:
    """Groups of figures for one measure and side of one event, disagreeing groups first, each figure with
    its speaker, relays (`via`), article and the claim's span. `since`/`until` bound the linked event's
    date, or for a group without one the publication of its figures."""
    where = Where()
    if disagreeing:
        where.add("g.disagrees = 1")
    if measure is not None:
        where.add("g.measure = :measure", measure=measure.casefold())
    if side is not None:
        where.add("g.side = :side", side=side.casefold())
    if event is not None:
        where.add("g.linked_event_id = :event", event=event)
    if since is not None or until is not None:
        _dates(where, f"coalesce(le.date, ({_FIRST_PUBLISHED}))", since, until)
    if speaker is not None:
        test, bound = _needle(speaker)
        where.add(
            "EXISTS (SELECT 1 FROM claim_group_members x WHERE x.group_id = g.id"
            f" AND {test.format('x.speaker', 'speaker')})",
            speaker=bound,
        )
    joins = " LEFT JOIN linked_events le ON le.id = g.linked_event_id" if "le." in where.sql() else ""
    page_sql = (
        f"SELECT g.rowid AS rid FROM claim_groups g{joins}{where.sql()}"
        " ORDER BY g.disagrees DESC, g.members DESC, g.id"
    )
    rows, more = _paged_rowids(
        store, page_sql, where.params, page, _GROUPS, "g", "g.disagrees DESC, g.members DESC, g.id"
    )
    return _result(_with_figures(store, rows), more, page)


def canonical_entities(
    store: Store,
    page: Page = FIRST_PAGE,
    type: str | None = None,
    name: str | None = None,
    kind: str | None = None,
    sort: str = "-articles",
) -> dict[str, Any]:
    """Canonical entities (one per person, group or place however spelled), the most widely reported
    first unless `sort` says otherwise (name, type, kind, articles), with every alias seen across
    articles, how many articles name them and the `total` matching."""
    where = Where()
    if type is not None:
        where.add("ce.type = :type", type=type.upper())
    if name is not None:
        test, bound = _needle(name)
        where.add(f"({test.format('ce.name', 'name')} OR {test.format('ce.aliases', 'name')})", name=bound)
    if kind is not None:
        where.add("ce.kind = :kind", kind=kind.casefold())
    sql = (
        "SELECT ce.id, ce.name, ce.type, ce.kind, ce.country, ce.aliases, ce.articles"
        " FROM canonical_entities ce"
        + where.sql()
        + " ORDER BY "
        + sort_order(sort, ENTITY_SORTS, "ce.articles", "ce.name, ce.id")
    )
    rows, more = _paged(store, sql, where.params, page)
    items = []
    for row in rows:
        item = dict(row)
        item["aliases"] = json.loads(item["aliases"])
        items.append(item)
    result = _result(items, more, page)
    result.update(sort=sort, total=facets.total(store, "FROM canonical_entities ce", where))
    return result


ENTITY_SORTS = {"name": "ce.name", "type": "ce.type", "kind": "ce.kind", "articles": "ce.articles"}


def canonical_id_of(store: Store, name: str, type: str | None = None) -> str | None:
    """The canonical entity called `name`: by its canonical name, else any stored entity of that name,
    else any alias."""
    params: dict[str, Any] = {"name": name, "type": type.upper() if type else None}
    rows = fetch(
        store,
        "SELECT ce.id FROM canonical_entities ce WHERE ce.name = :name AND (:type IS NULL OR ce.type = :type)"
        " ORDER BY ce.articles DESC, ce.id LIMIT 1",
        params,
    )
    if not rows:
        rows = fetch(
            store,
            "SELECT cm.canonical_id FROM entities n JOIN canonical_entity_members cm"
            " ON cm.article_id = n.article_id AND cm.entity_id = n.id"
            " WHERE n.name = :name AND (:type IS NULL OR n.type = :type)"
            " GROUP BY cm.canonical_id ORDER BY count(*) DESC, cm.canonical_id LIMIT 1",
            params,
        )
    if not rows:  # a spelling seen in some article ("Marchenko")
        rows = fetch(
            store,
            "SELECT ce.id FROM canonical_entities ce, json_each(ce.aliases) alias"
            " WHERE alias.value = :name AND (:type IS NULL OR ce.type = :type)"
            " ORDER BY ce.articles DESC, ce.id LIMIT 1",
            params,
        )
    return str(rows[0][0]) if rows else None


def canonical_entity(store: Store, canonical_id: str) -> dict[str, Any] | None:
    """One canonical entity: aliases from all articles, every member with the reason it was joined, the
    merged incidents it acts in and the claims it makes."""
    rows = fetch(store, "SELECT * FROM canonical_entities WHERE id = :id", {"id": canonical_id})
    if not rows:
        return None
    item = dict(rows[0])
    item["aliases"] = json.loads(item["aliases"])
    params = {"id": canonical_id}
    item["members"] = [
        dict(row)
        for row in fetch(
            store,
            "SELECT cm.article_id, cm.entity_id, n.name, n.type, n.kind, cm.reason, cm.key, a.published,"
            " a.source FROM canonical_entity_members cm"
            " JOIN entities n ON n.article_id = cm.article_id AND n.id = cm.entity_id"
            " JOIN articles a ON a.id = cm.article_id"
            " WHERE cm.canonical_id = :id ORDER BY a.published, cm.article_id, n.seq LIMIT 500",
            params,
        )
    ]
    item["relations"] = [
        dict(row)
        for row in fetch(
            store,
            "SELECT r.article_id, r.seq, r.predicate,"
            " coalesce(se.name, sp.name, r.subject) AS subject,"
            " coalesce(oe.name, op.name, r.object) AS object"
            " FROM canonical_entity_members cm JOIN relations r ON r.article_id = cm.article_id"
            " AND (r.subject = cm.entity_id OR r.object = cm.entity_id)"
            " LEFT JOIN entities se ON se.article_id = r.article_id AND se.id = r.subject"
            " LEFT JOIN places sp ON sp.article_id = r.article_id AND sp.id = r.subject"
            " LEFT JOIN entities oe ON oe.article_id = r.article_id AND oe.id = r.object"
            " LEFT JOIN places op ON op.article_id = r.article_id AND op.id = r.object"
            " WHERE cm.canonical_id = :id ORDER BY r.article_id, r.seq LIMIT 200",
            params,
        )
    ]
    event_ids = [
        row[0]
        for row in fetch(
            store,
            "SELECT DISTINCT m.linked_event_id FROM canonical_entity_members cm"
            " JOIN events e ON e.article_id = cm.article_id"
            " AND cm.entity_id IN (e.actor1_entity_id, e.actor2_entity_id)"
            " JOIN linked_event_members m ON m.article_id = e.article_id AND m.event_id = e.id"
            " WHERE cm.canonical_id = :id AND e.status = 'incident' LIMIT 500",
            params,
        )
    ]
    events = fetch(
        store,
        _LINKED + " WHERE le.id IN (SELECT value FROM json_each(:ids)) ORDER BY le.date, le.id",
        {"ids": json.dumps(event_ids)},
    )
    item["events"] = _decorate(store, events)
    item["claims"] = [
        dict(row)
        for row in fetch(
            store,
            "SELECT c.article_id, c.id, a.published, a.source, c.kind, c.content_text AS content,"
            " c.content_start, c.content_end FROM canonical_entity_members cm"
            " JOIN claims c ON c.article_id = cm.article_id AND c.speaker_entity_id = cm.entity_id"
            " JOIN articles a ON a.id = c.article_id"
            " WHERE cm.canonical_id = :id ORDER BY a.published, c.article_id, c.seq LIMIT 200",
            params,
        )
    ]
    return item


def summary(store: Store) -> dict[str, Any]:
    """Counts of the link tables for the overview (merged events are incidents)."""
    row = fetch(
        store,
        "SELECT (SELECT count(*) FROM linked_events WHERE status = 'incident') AS linked_events,"
        " (SELECT count(*) FROM linked_events WHERE status = 'incident' AND reports > 1)"
        " AS multi_report_events,"
        " (SELECT count(*) FROM canonical_entities) AS canonical_entities,"
        " (SELECT count(*) FROM claim_groups) AS claim_groups,"
        " (SELECT count(*) FROM claim_groups WHERE disagrees = 1) AS disagreeing_groups",
        {},
    )[0]
    return dict(row)


def events_per_day(store: Store) -> list[dict[str, Any]]:
    """How many merged incidents of each type fall on each day (for the overview chart)."""
    rows = fetch(
        store,
        "SELECT date, type, count(*) AS events FROM linked_events WHERE status = 'incident'"
        " AND date IS NOT NULL"
        " GROUP BY date, type ORDER BY date, type",
        {},
    )
    return [dict(row) for row in rows]

"""Paged listings for the API and the pages, over a read-only Store.

Unlike `sitrep.store.queries` (whole listings for the CLI), every listing here reads one page in an
order an index of migration m002 serves, so a page costs the same on 100 events as on 100,000. Filters
combine with AND; the WHERE clause is assembled only from fixed fragments written here and every value
is a bound parameter. Text search goes through the FTS5 tables with the user's words quoted, so no input
is read as FTS syntax.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sitrep.errors import UsageError
from sitrep.model import PLOVER_TYPES
from sitrep.store.queries import Where, event_status, fetch, mentions_by_status
from sitrep.store.store import Store
from sitrep.store.within import area_named
from sitrep.web import facets
from sitrep.web.view import DEFAULT_VIEW, REPORT_COLUMNS, REPORT_SORTS, View

ACLED_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
MAX_LIMIT = 500
MAX_OFFSET = 2**62  # SQLite counts in 64 bits: offset plus limit must stay within them


@dataclass(frozen=True)
class Page:
    """Which slice of a listing to read; an offset SQLite cannot count to is a UsageError (422)."""

    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.offset <= MAX_OFFSET:
            raise UsageError(f"offset must be between 0 and {MAX_OFFSET}, not {self.offset}")


@dataclass(frozen=True)
class BBox:
    """West, south, east, north in degrees (WGS 84), as `west,south,east,north` in a query string."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, value: str) -> BBox:
        parts = value.split(",")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise UsageError(f"bbox must be west,south,east,north in degrees, not {value!r}") from None
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise UsageError(f"bbox {value!r} is outside the globe or has south above north")
        return cls(west, south, east, north)


def fts_query(text: str) -> str:
    """The user's words as FTS5 phrases ANDed together: quotes doubled, so nothing is read as syntax,
    and control characters dropped (FTS5 reads a NUL as the end of the query)."""
    words = "".join(c if c.isprintable() else " " for c in text).split()
    if not words:
        raise UsageError("q must contain a word")
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _needle(value: str) -> tuple[str, str]:
    """The test for "contains `value`" on a column written as `{}`, and its bound value.

    ASCII needles use SQLite's LIKE (ASCII case-insensitive, in C, fast over 100,000 rows); others fold
    both sides in Python (`sitrep_fold`) so "київ" finds "Київ".
    """
    if value.isascii():
        escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return "{} LIKE :{} ESCAPE '\\'", f"%{escaped}%"
    return "instr(sitrep_fold({}), :{})", value.casefold()


def contains(where: Where, columns: tuple[str, ...], value: str, name: str) -> None:
    """Any of `columns` contains `value`, case-insensitively."""
    test, bound = _needle(value)
    where.add("(" + " OR ".join(test.format(column, name) for column in columns) + ")", **{name: bound})


def place_named(
    where: Where, value: str, article: str, place_id: str, also: str = "0", **params: Any
) -> None:
    """The place's gazetteer name or any of its mentions as written contains `value` ("Kupiansk" finds
    GeoNames' "Kupyansk"), or the test `also` (with its `params`) holds."""
    test, bound = _needle(value)
    where.add(
        f"({test.format('p.name', 'place')} OR {also} OR EXISTS (SELECT 1 FROM mentions m"
        f" WHERE m.article_id = {article} AND m.place_id = {place_id} AND {test.format('m.text', 'place')}))",
        place=bound,
        **params,
    )


def _broad(store: Store, sql: str, params: dict[str, Any], cap: int) -> bool:
    """Whether a filter matches at least `cap` rows, read no further than that: a broad filter is best
    checked while walking the date index, a narrow one by fetching its few matches and sorting them."""
    found = fetch(store, f"SELECT count(*) FROM ({sql} LIMIT {int(cap)})", params)
    return int(found[0][0]) >= cap


def _dates(where: Where, column: str, since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and since > until:
        raise UsageError(f"since {since} is after until {until}")
    if since is not None:
        where.add(f"{column} >= :since", since=since.isoformat())
    if until is not None:
        where.add(f"{column} <= :until", until=until.isoformat())


def _bbox(where: Where, alias: str, bbox: BBox | None) -> None:
    if bbox is None:
        return
    where.add(
        f"{alias}.latitude BETWEEN :south AND :north",
        south=bbox.south,
        north=bbox.north,
    )
    if bbox.west <= bbox.east:
        where.add(f"{alias}.longitude BETWEEN :west AND :east", west=bbox.west, east=bbox.east)
    else:  # a box across the antimeridian
        where.add(
            f"({alias}.longitude >= :west OR {alias}.longitude <= :east)", west=bbox.west, east=bbox.east
        )


def _paged(store: Store, sql: str, params: dict[str, Any], page: Page) -> tuple[list[sqlite3.Row], bool]:
    """One page of rows and whether more follow (one row past the page is read to tell)."""
    if not 1 <= page.limit <= MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, not {page.limit}")
    if page.offset < 0:
        raise UsageError(f"offset must be 0 or more, not {page.offset}")
    found = fetch(
        store,
        sql + " LIMIT :limit OFFSET :offset",
        {**params, "limit": page.limit + 1, "offset": page.offset},
    )
    return found[: page.limit], len(found) > page.limit


def _result(items: list[dict[str, Any]], more: bool, page: Page) -> dict[str, Any]:
    return {
        "items": items,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": page.offset + page.limit if more else None,
    }


ARTICLE_SORTS = {
    "published": "a.published",
    "title": "a.title",
    "source": "a.source",
    "events": "(SELECT count(*) FROM events e WHERE e.article_id = a.id)",
    "claims": "(SELECT count(*) FROM claims c WHERE c.article_id = a.id)",
}


def sort_order(sort: str, sorts: dict[str, str], first: str, tiebreak: str) -> str:
    """ORDER BY for a listing's `sort` key (`-` for descending): the column, then `first` descending
    and `tiebreak`, so pages never overlap; an unknown key is a UsageError (422)."""
    name = sort.strip().lstrip("-")
    if name not in sorts:
        raise UsageError(f"sort must be one of {', '.join(sorts)} (with - for descending), not {sort!r}")
    way = "DESC" if sort.strip().startswith("-") else "ASC"
    return f"{sorts[name]} IS NULL, {sorts[name]} {way}, {first} DESC, {tiebreak} {way}"


def event_type_clause(where: Where, type: str) -> None:
    """A PLOVER type ("ASSAULT") or an ACLED event type ("battles"), case-insensitive."""
    if type.upper() in PLOVER_TYPES:
        where.add("e.type = :type", type=type.upper())
        return
    for acled in ACLED_TYPES:
        if acled.casefold() == type.casefold():
            where.add("e.acled_event_type = :acled_type", acled_type=acled)
            return
    raise UsageError(f"type {type!r} is neither a PLOVER type nor an ACLED event type")


_EVENTS = """
SELECT e.article_id, e.id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type,
       e.trigger_text AS trigger, e.trigger_start, e.trigger_end, e.date, e.date_precision, e.fatalities,
       e.negated, e.hypothetical, e.status, e.attributed_to, e.confidence,
       e.actor1_text AS actor1, n1.name AS actor1_entity, e.actor2_text AS actor2, n2.name AS actor2_entity,
       e.place_id, p.name AS place, p.latitude, p.longitude, p.country_code, p.admin1,
       p.precision AS geo_precision, a.published, a.title, a.source,
       (SELECT v.text FROM evidence v WHERE v.article_id = e.article_id AND v.event_id = e.id
        ORDER BY v.seq LIMIT 1) AS sentence
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
"""


def _event(row: sqlite3.Row) -> dict[str, Any]:
    item = dict(row)
    item["key"] = f"{row['article_id']}:{row['id']}"
    item["negated"] = bool(row["negated"])
    item["hypothetical"] = bool(row["hypothetical"])
    return item


def events(
    store: Store,
    page: Page = Page(),
    since: dt.date | None = None,
    until: dt.date | None = None,
    type: str | None = None,
    actor: str | None = None,
    entity: str | None = None,
    place: str | None = None,
    bbox: BBox | None = None,
    q: str | None = None,
    article: str | None = None,
    located: bool = False,
    status: str = "incident",
    view: View = DEFAULT_VIEW,
) -> dict[str, Any]:
    """Events newest first (by event date, then article and position) unless `view.sort` says otherwise,
    with the `total` matching and the facet counts `view` asks for.

    `actor` is a case-insensitive substring of either actor's text or entity name; `entity` an exact
    entity name in either role; `place` a substring of the place name, or a country or region of that
    name with every place inside it; `q` words of the article text;
    `located` keeps only events whose place has coordinates (the map); `status` keeps incidents unless
    another status or `any` is asked for (an index on status and date serves each).
    """
    where = Where()
    _dates(where, "e.date", since, until)
    event_status(where, "e", status)
    if type is not None:
        event_type_clause(where, type)
    if actor is not None:
        contains(where, ("e.actor1_text", "e.actor2_text", "n1.name", "n2.name"), actor, "actor")
    if entity is not None:
        where.add("(n1.name = :entity OR n2.name = :entity)", entity=entity)
    if place is not None:
        inside, params = area_named(store, place).clause("p.country_code", "p.admin1")
        place_named(where, place, "e.article_id", "e.place_id", also=inside, **params)
    # A broad box or search is checked while walking the date index (`+` keeps the planner off the
    # column's own index); a narrow one fetches its few matches and sorts them.
    spatial = "+p" if bbox is not None and _broad_bbox(store, bbox) else "p"
    _bbox(where, spatial, bbox)
    if located:
        where.add("p.latitude IS NOT NULL AND p.longitude IS NOT NULL")
    if q is not None:
        match = fts_query(q)
        rowid = "+a.rowid" if _broad(store, _ARTICLE_MATCH, {"q": match}, 200) else "a.rowid"
        where.add(f"{rowid} IN ({_ARTICLE_MATCH})", q=match)
    if article is not None:
        where.add("e.article_id = :article", article=article)
    view.narrow(
        where,
        REPORT_COLUMNS,
        acled_only="e.status = 'incident' AND e.acled_event_type IS NOT NULL AND e.acled_event_type <> ''",
        source="a.source = :source",
    )
    text = where.sql()
    joins = ""
    if "a." in text:
        joins += " JOIN articles a ON a.id = e.article_id"
    if "n1." in text:
        joins += " LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id"
        joins += " LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id"
    if "p." in text:
        joins += " JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id"
    # The page is chosen over narrow rows (rowids), then only its rows are joined for display.
    order = view.order(REPORT_SORTS, "e.article_id, e.seq")
    page_sql = f"SELECT e.rowid AS rid FROM events e{joins}{text} ORDER BY {order}"
    rows, more = _paged_rowids(store, page_sql, where.params, page, _EVENTS, "e", order)
    result = _result([_event(row) for row in rows], more, page)
    result["sort"] = view.sort
    result["total"] = facets.total(store, f"FROM events e{joins}", where)
    result["facets"] = facets.counts(store, facets.REPORT_FACETS, view.facets, where)
    return result


_ARTICLE_MATCH = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q"


def _broad_bbox(store: Store, bbox: BBox) -> bool:
    where = Where()
    _bbox(where, "p", bbox)
    return _broad(store, "SELECT 1 FROM places p" + where.sql(), where.params, 2000)


def _paged_rowids(
    store: Store, page_sql: str, params: dict[str, Any], page: Page, select: str, alias: str, order: str
) -> tuple[list[sqlite3.Row], bool]:
    """One page chosen by `page_sql` (rowids in order), then read in full through `select`."""
    ids, more = _paged(store, page_sql, params, page)
    if not ids:
        return [], more
    sql = f"{select} WHERE {alias}.rowid IN (SELECT value FROM json_each(:ids)) ORDER BY {order}"
    return fetch(store, sql, {"ids": json.dumps([row["rid"] for row in ids])}), more


def event(store: Store, article_id: str, event_id: str) -> dict[str, Any] | None:
    """One event with its evidence spans, or None."""
    rows = fetch(store, _EVENTS + " WHERE e.article_id = :a AND e.id = :e", {"a": article_id, "e": event_id})
    if not rows:
        return None
    item = _event(rows[0])
    item["evidence"] = [
        dict(row)
        for row in fetch(
            store,
            'SELECT start, "end", text FROM evidence WHERE article_id = :a AND event_id = :e ORDER BY seq',
            {"a": article_id, "e": event_id},
        )
    ]
    return item


_ARTICLES = """
SELECT a.id, a.published, a.title, a.source, a.url, length(a.text) AS characters,
       substr(a.text, 1, 100) AS opening,
       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
       (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims
FROM articles a
"""


def articles(
    store: Store,
    page: Page = Page(),
    since: dt.date | None = None,
    until: dt.date | None = None,
    source: str | None = None,
    q: str | None = None,
    sort: str = "-published",
) -> dict[str, Any]:
    """Articles, newest first unless `sort` says otherwise (published, title, source, events, claims),
    with how much was extracted from each and the `total` matching."""
    where = Where()
    _dates(where, "a.published", since, until)
    if source is not None:
        contains(where, ("a.source",), source, "source")
    if q is not None:
        where.add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q)", q=fts_query(q))
    order = sort_order(sort, ARTICLE_SORTS, "a.published", "a.id")
    page_sql = "SELECT a.rowid AS rid FROM articles a" + where.sql() + f" ORDER BY {order}"
    rows, more = _paged_rowids(store, page_sql, where.params, page, _ARTICLES, "a", order)
    result = _result([dict(row) for row in rows], more, page)
    result.update(sort=sort, total=facets.total(store, "FROM articles a", where))
    return result


def entities(
    store: Store,
    page: Page = Page(),
    type: str | None = None,
    name: str | None = None,
    kind: str | None = None,
    sort: str = "-articles",
) -> dict[str, Any]:
    """Entities grouped by (name, type) across articles, the most widely reported first unless `sort`
    says otherwise (name, type, articles), with the `total` matching."""
    where = Where()
    if type is not None:
        where.add("n.type = :type", type=type.upper())
    if name is not None:
        contains(where, ("n.name", "n.aliases"), name, "name")
    if kind is not None:
        where.add("n.kind = :kind", kind=kind.casefold())
    sql = (
        "SELECT n.name, n.type, max(n.kind) AS kind, max(n.country) AS country,"
        " count(DISTINCT n.article_id) AS articles FROM entities n"
        + where.sql()
        + " GROUP BY n.name, n.type ORDER BY "
        + sort_order(sort, {"name": "n.name", "type": "n.type", "articles": "articles"}, "n.name", "n.type")
    )
    rows, more = _paged(store, sql, where.params, page)
    result = _result([dict(row) for row in rows], more, page)
    count = f"SELECT count(*) FROM (SELECT 1 FROM entities n{where.sql()} GROUP BY n.name, n.type)"
    result.update(sort=sort, total=int(fetch(store, count, where.params)[0][0]))
    return result


_CLAIMS = """
SELECT c.article_id, c.id, a.published, a.source, c.kind, c.speaker_text AS speaker,
       n.name AS speaker_entity, c.cue_text AS cue, c.content_text AS content, c.content_start,
       c.content_end, c.via,
       (SELECT json_group_array(json_object('value', q.value, 'unit', q.unit, 'text', q.text))
        FROM (SELECT * FROM quantities q WHERE q.article_id = c.article_id AND q.claim_id = c.id
              ORDER BY q.seq) q) AS quantities
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN entities n ON n.article_id = c.article_id AND n.id = c.speaker_entity_id
"""


def claims(
    store: Store,
    page: Page = Page(),
    since: dt.date | None = None,
    until: dt.date | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    q: str | None = None,
    article: str | None = None,
) -> dict[str, Any]:
    """Claims, newest article first, with speaker, cue, content and quantities, and the `total`."""
    where = Where()
    _dates(where, "a.published", since, until)
    if kind is not None:
        where.add("c.kind = :kind", kind=kind)
    if speaker is not None:
        contains(where, ("c.speaker_text", "n.name"), speaker, "speaker")
    if q is not None:
        where.add("c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q)", q=fts_query(q))
    if article is not None:
        where.add("c.article_id = :article", article=article)
    joins = " JOIN articles a ON a.id = c.article_id"
    if "n." in where.sql():
        joins += " LEFT JOIN entities n ON n.article_id = c.article_id AND n.id = c.speaker_entity_id"
    order = "a.published DESC, a.id DESC, c.seq"
    page_sql = f"SELECT c.rowid AS rid FROM claims c{joins}{where.sql()} ORDER BY {order}"
    rows, more = _paged_rowids(store, page_sql, where.params, page, _CLAIMS, "c", order)
    items = []
    for row in rows:
        item = dict(row)
        item["key"] = f"{row['article_id']}:{row['id']}"
        item["via"] = json.loads(row["via"])
        item["quantities"] = json.loads(row["quantities"])
        items.append(item)
    result = _result(items, more, page)
    result["total"] = facets.total(store, f"FROM claims c{joins}", where)
    return result


def places(
    store: Store,
    page: Page = Page(),
    name: str | None = None,
    country: str | None = None,
    bbox: BBox | None = None,
) -> dict[str, Any]:
    """Places grouped by name, country, GeoNames id and coordinates, by name, with how many articles
    name each (read from one covering index; events at a place: `events(place=...)`)."""
    where = Where()
    if name is not None:
        place_named(where, name, "p.article_id", "p.id")
    if country is not None:
        where.add("p.country_code = :country", country=country.upper())
    _bbox(where, "p", bbox)
    sql = (
        "SELECT p.name, p.country_code, max(p.admin1) AS admin1, p.geonames_id, p.latitude, p.longitude,"
        " min(p.precision) AS precision, count(DISTINCT p.article_id) AS articles FROM places p"
        + where.sql()
        + " GROUP BY p.name, p.country_code, p.geonames_id, p.latitude, p.longitude"
        " ORDER BY p.name, p.country_code, p.geonames_id, p.latitude, p.longitude"
    )
    rows, more = _paged(store, sql, where.params, page)
    return _result([dict(row) for row in rows], more, page)


def entity(store: Store, name: str, type: str | None = None) -> dict[str, Any] | None:
    """Everything known about one entity name across articles: aliases, kinds, relations, events, claims."""
    where = Where()
    where.add("n.name = :name", name=name)
    if type is not None:
        where.add("n.type = :type", type=type.upper())
    rows = fetch(
        store,
        "SELECT n.article_id, n.id, n.type, n.kind, n.country, n.aliases FROM entities n"
        + where.sql()
        + " ORDER BY n.article_id",
        where.params,
    )
    if not rows:
        return None
    aliases: dict[str, None] = {}
    for row in rows:
        aliases.update(dict.fromkeys(json.loads(row["aliases"])))
    relations = fetch(
        store,
        "SELECT r.article_id, r.seq, r.predicate,"
        " coalesce(se.name, sp.name, r.subject) AS subject, coalesce(oe.name, op.name, r.object) AS object"
        " FROM entities n JOIN relations r"
        " ON r.article_id = n.article_id AND (r.subject = n.id OR r.object = n.id)"
        " LEFT JOIN entities se ON se.article_id = r.article_id AND se.id = r.subject"
        " LEFT JOIN places sp ON sp.article_id = r.article_id AND sp.id = r.subject"
        " LEFT JOIN entities oe ON oe.article_id = r.article_id AND oe.id = r.object"
        " LEFT JOIN places op ON op.article_id = r.article_id AND op.id = r.object"
        + where.sql()
        + " ORDER BY r.article_id, r.seq LIMIT 200",
        where.params,
    )
    speaker = fetch(
        store,
        "SELECT c.article_id, c.id, a.published, c.kind, c.content_text AS content, c.content_start,"
        " c.content_end FROM entities n"
        " JOIN claims c ON c.article_id = n.article_id AND c.speaker_entity_id = n.id"
        " JOIN articles a ON a.id = c.article_id"
        + where.sql()
        + " ORDER BY a.published, c.article_id, c.seq LIMIT 200",
        where.params,
    )
    return {
        "name": name,
        "types": sorted({row["type"] for row in rows}),
        "kinds": sorted({row["kind"] for row in rows if row["kind"]}),
        "countries": sorted({row["country"] for row in rows if row["country"]}),
        "aliases": [a for a in aliases if a != name],
        "articles": sorted({row["article_id"] for row in rows}),
        "relations": [dict(row) for row in relations],
        "events": events(store, Page(limit=MAX_LIMIT), entity=name)["items"],
        "claims": [dict(row) for row in speaker],
    }


def summary(store: Store) -> dict[str, Any]:
    """Counts for the overview: events are incidents; the other mentions kept are counted by status."""
    row = fetch(
        store,
        "SELECT (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(*) FROM events WHERE status = 'incident') AS events,"
        " (SELECT count(*) FROM claims) AS claims,"
        " (SELECT count(*) FROM (SELECT DISTINCT name, type FROM entities)) AS entities,"
        " (SELECT count(*) FROM (SELECT DISTINCT name, country_code, geonames_id, latitude, longitude"
        "  FROM places)) AS places,"
        " (SELECT min(published) FROM articles) AS first_published,"
        " (SELECT max(published) FROM articles) AS last_published",
        {},
    )[0]
    return {**dict(row), "other_mentions": mentions_by_status(store)}


def events_per_day(store: Store) -> list[dict[str, Any]]:
    """How many incidents of each type fall on each day (for the overview chart)."""
    rows = fetch(
        store,
        "SELECT date, type, count(*) AS events FROM events WHERE status = 'incident' AND date IS NOT NULL"
        " GROUP BY date, type ORDER BY date, type",
        {},
    )
    return [dict(row) for row in rows]

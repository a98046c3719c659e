"""Event merging: reports of one event, from one or many articles, become one linked event.

Two reported events are compatible when they are the same PLOVER type with compatible modes, both are
incidents (neither negated nor hypothetical; a generic, aggregate, background, planned or denied mention
stays a linked event of its own), their actors do not name different countries, their places lie within a
distance set by how precisely each place is known, and one's date falls in the other's window (a day
either side of a day-precise date; four days before and one after a date only known to the week, such
as an undated report that inherits its publication day, since reports follow events within days; a
month for a month).
Modes conflict only when both name the means of attack (drone against artillery). Country-level and
unplaced events are never merged: "in Ukraine" is not evidence of one event; and a report placed only
in a region or near a town needs more: both dated to the day, and the same means or the same attacker.

A linked event is a group in which every pair is compatible (complete link), built greedily in order of
publication, so the first report anchors the group and its id. Only the events connected to a new
article's events by a chain of compatible pairs are grouped again (`relink`); they are found through
the `(family, cell, day)` index, one grid cell and stretch of days at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitrep.geo.distance import haversine_km
from sitrep.link.tables import temp_keys, temp_pairs
from sitrep.model import ATTACK_MEANS, means_differ

# Date window (days before, days after) by ACLED time precision.
WINDOWS = {1: (1, 1), 2: (4, 1), 3: (31, 31)}
# Radius in km by place precision (1 the place itself, 2 near it, 3 a larger area); regions get REGION_KM.
RADIUS_KM = {1: 10.0, 2: 30.0, 3: 50.0}
REGION_KM = 50.0
MAX_SPAN_DAYS = max(max(w) for w in WINDOWS.values())  # reports further apart are never compatible
# Grid cell for candidate search: reports are compared with their cell and the eight around it, which
# covers the largest radius (50 km) up to 60° of latitude.
CELL_DEGREES = 1.0


@dataclass
class Report:
    """One stored event with the fields the merge compares (a `linked_event_members` row)."""

    article_id: str
    event_id: str
    published: str
    seq: int
    family: str
    mode: str | None
    day: int
    window_before: int
    window_after: int
    latitude: float | None
    longitude: float | None
    radius_km: float | None
    actor1_country: str | None
    actor2_country: str | None
    mergeable: bool
    linked_event_id: str = ""

    @property
    def ref(self) -> tuple[str, str]:
        return (self.article_id, self.event_id)

    @property
    def order(self) -> tuple[str, str, int]:
        return (self.published, self.article_id, self.seq)

    def cell(self) -> tuple[int, int]:
        assert self.latitude is not None and self.longitude is not None
        return (math.floor(self.latitude / CELL_DEGREES), math.floor(self.longitude / CELL_DEGREES))


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports can be of one event (see the module docstring)."""
    if not (a.mergeable and b.mergeable) or a.family != b.family:
        return False
    if means_differ(a.mode, b.mode):
        return False
    if not (_within(a.day, b) or _within(b.day, a)):
        return False
    for one, other in ((a.actor1_country, b.actor1_country), (a.actor2_country, b.actor2_country)):
        if one and other and one != other:
            return False
    assert a.latitude is not None and a.longitude is not None and b.latitude is not None
    assert b.longitude is not None and a.radius_km is not None and b.radius_km is not None
    if haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > max(a.radius_km, b.radius_km):
        return False
    return not (_coarse(a) or _coarse(b)) or _corroborated(a, b)


def _within(day: int, report: Report) -> bool:
    """Whether a day falls in the window of a report's date."""
    return report.day - report.window_before <= day <= report.day + report.window_after


def _coarse(report: Report) -> bool:
    """Placed only near a town or in a region: many events share such a place on one day."""
    return report.radius_km is not None and report.radius_km > RADIUS_KM[1]


def _corroborated(a: Report, b: Report) -> bool:
    """More than a region and a day in common: both dated to the day, and the same means or attacker."""
    day_precise = a.window_before <= WINDOWS[1][0] and b.window_before <= WINDOWS[1][0]
    same_means = a.mode in ATTACK_MEANS and a.mode == b.mode
    same_attacker = a.actor1_country is not None and a.actor1_country == b.actor1_country
    return day_precise and (same_means or same_attacker)


def linked_id(anchor: Report) -> str:
    """The id of a linked event: derived from its first report, so it stays while later reports join."""
    return "le-" + hashlib.sha1(f"{anchor.article_id}\n{anchor.event_id}".encode()).hexdigest()[:16]


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Complete-link groups, built in publication order; a report joins the group nearest in time
    among those it fits, the largest on ties."""
    groups: list[list[Report]] = []
    by_cell: dict[tuple[int, int], list[int]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: r.order):
        chosen = None
        if report.mergeable:
            lat, lon = report.cell()
            nearby = {i for dy in (-1, 0, 1) for dx in (-1, 0, 1) for i in by_cell[(lat + dy, lon + dx)]}
            fitting = [i for i in sorted(nearby) if all(compatible(report, other) for other in groups[i])]
            if fitting:
                chosen = min(fitting, key=lambda i: (_days_apart(report, groups[i]), -len(groups[i]), i))
        if chosen is None:
            groups.append([report])
            chosen = len(groups) - 1
            if report.mergeable:
                by_cell[report.cell()].append(chosen)
        else:
            groups[chosen].append(report)
    return groups


def _days_apart(report: Report, group: list[Report]) -> float:
    """Mean distance in days from a report to a group's reports: a report joins the nearest in time."""
    return sum(abs(report.day - other.day) for other in group) / len(group)


_FEATURES = """
SELECT e.article_id, e.id, a.published, e.seq, e.type, e.mode, e.date, e.date_precision,
       p.latitude, p.longitude, p.precision, p.feature,
       coalesce(e.actor1_country, n1.country), coalesce(e.actor2_country, n2.country),
       e.negated, e.hypothetical, e.status
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
JOIN temp.new_articles t ON t.key = e.article_id
"""


def _radius(precision: int | None, feature: str | None) -> float | None:
    if feature == "country":
        return None
    if feature == "region":
        return REGION_KM
    return RADIUS_KM.get(precision or 1, RADIUS_KM[1])


def features(conn: sqlite3.Connection) -> list[Report]:
    """Reports for the events of the articles in `temp.new_articles`."""
    found = []
    for row in conn.execute(_FEATURES):
        (aid, eid, published, seq, family, mode, date, precision, lat, lon, geo_precision, feature) = row[:12]
        actor1, actor2, negated, hypothetical, status = row[12:]
        precision = precision or 2
        day = _day(date, published)
        before, after = WINDOWS.get(precision, WINDOWS[3])
        radius = _radius(geo_precision, feature) if lat is not None and lon is not None else None
        found.append(
            Report(
                aid, eid, published, seq, family, mode, day, before, after, lat, lon, radius,
                actor1, actor2, mergeable=_incident(status, negated, hypothetical) and radius is not None,
            )
        )  # fmt: skip
    return found


def _day(date: str | None, published: str) -> int:
    """The event's day as an ordinal, else its article's; a value no calendar holds (the year 0000 or
    10000 of a database written before publication dates were checked) counts as unknown."""
    for value in (date, published):
        try:
            return dt.date.fromisoformat(value[:10]).toordinal() if value else 0
        except ValueError:
            continue
    return 0


def _incident(status: str, negated: int, hypothetical: int) -> bool:
    """Only an incident can be one act told by several articles; flags are checked too, so a mention
    coded before statuses existed cannot merge either."""
    return status == "incident" and not negated and not hypothetical


_MEMBER_COLUMNS = (
    "article_id, event_id, published, seq, family, mode, day, window_before, window_after, latitude,"
    " longitude, radius_km, actor1_country, actor2_country, mergeable, linked_event_id"
)
BUCKET_DAYS = 64  # stored reports are loaded by (type, cell, stretch of BUCKET_DAYS days)


def _stored(conn: sqlite3.Connection, where: str, params: tuple[object, ...]) -> list[Report]:
    found = []
    for row in conn.execute(f"SELECT {_MEMBER_COLUMNS} FROM linked_event_members m {where}", params):
        report = Report(*row[:14], mergeable=bool(row[14]))  # type: ignore[misc]
        report.linked_event_id = row[15]
        found.append(report)
    return found


def cell_key(cell: tuple[int, int]) -> str:
    return f"{cell[0]}:{cell[1]}"


class _Pool:
    """Stored mergeable reports, loaded on demand by (type, grid cell, stretch of days) through the index."""

    def __init__(self, conn: sqlite3.Connection, skip: set[tuple[str, str]]) -> None:
        self.conn = conn
        self.skip = skip
        self.loaded: dict[tuple[str, tuple[int, int], int], list[Report]] = {}

    def around(self, report: Report) -> list[Report]:
        """Stored reports in the report's cell and the eight around it, within reach of its dates."""
        lat, lon = report.cell()
        first = (report.day - MAX_SPAN_DAYS) // BUCKET_DAYS
        last = (report.day + MAX_SPAN_DAYS) // BUCKET_DAYS
        found: list[Report] = []
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for bucket in range(first, last + 1):
                    found += self._load(report.family, (lat + dy, lon + dx), bucket)
        return found

    def _load(self, family: str, cell: tuple[int, int], bucket: int) -> list[Report]:
        key = (family, cell, bucket)
        if key not in self.loaded:
            rows = _stored(
                self.conn,
                "WHERE family = ? AND cell = ? AND day BETWEEN ? AND ? AND mergeable = 1",
                (family, cell_key(cell), bucket * BUCKET_DAYS, bucket * BUCKET_DAYS + BUCKET_DAYS - 1),
            )
            self.loaded[key] = [r for r in rows if r.ref not in self.skip]
        return self.loaded[key]


def _closure(conn: sqlite3.Connection, fresh: list[Report]) -> list[Report]:
    """Stored reports connected to the new ones by a chain of compatible pairs.

    A chain stops MAX_SPAN_DAYS from the new report it started from, so a town shelled every day does
    not pull its whole history into each run; no group can reach further than that anyway.
    """
    seen = {r.ref for r in fresh}
    pool = _Pool(conn, seen.copy())
    queue = [(r, r.day) for r in fresh if r.mergeable]
    reached: list[Report] = []
    while queue:
        report, origin = queue.pop()
        for other in pool.around(report):
            if other.ref in seen or abs(other.day - origin) > MAX_SPAN_DAYS:
                continue
            if compatible(report, other):
                seen.add(other.ref)
                reached.append(other)
                queue.append((other, origin))
    return reached


def relink(conn: sqlite3.Connection, article_ids: list[str]) -> tuple[set[str], set[str]]:
    """Link the events of new articles; returns the linked ids removed and the linked ids written."""
    temp_keys(conn, "new_articles", article_ids)
    fresh = features(conn)
    reached = _closure(conn, fresh)
    old_ids = {r.linked_event_id for r in reached}
    temp_keys(conn, "old_linked", old_ids)
    members = _stored(conn, "JOIN temp.old_linked o ON o.key = m.linked_event_id", ())
    known = {r.ref for r in fresh}
    regroup = [*fresh, *(r for r in members if r.ref not in known)]
    conn.execute("DELETE FROM linked_events WHERE id IN (SELECT key FROM temp.old_linked)")
    written: set[str] = set()
    rows = []
    for group in cluster(regroup):
        lid = linked_id(group[0])
        written.add(lid)
        for r in group:
            rows.append(
                (lid, r.article_id, r.event_id, r.published, r.seq, r.family, r.mode, r.day, r.window_before,
                 r.window_after, r.latitude, r.longitude, r.radius_km,
                 cell_key(r.cell()) if r.mergeable else None, r.actor1_country, r.actor2_country,
                 int(r.mergeable))
            )  # fmt: skip
    conn.executemany(
        "INSERT OR REPLACE INTO linked_event_members (linked_event_id, article_id, event_id, published, seq,"
        " family, mode, day, window_before, window_after, latitude, longitude, radius_km, cell,"
        " actor1_country, actor2_country, mergeable)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    summarize(conn, written)
    return old_ids - written, written


_SUMMARY = """
SELECT m.linked_event_id AS lid, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.date,
       coalesce(e.date_precision, 3) AS date_precision, p.name AS place, p.latitude, p.longitude,
       p.country_code, p.admin1, coalesce(p.precision, 3) AS geo_precision,
       coalesce(c1.name, n1.name, e.actor1_text) AS actor1,
       coalesce(c2.name, n2.name, e.actor2_text) AS actor2,
       e.fatalities, e.status, a.id AS article_id, a.published, a.source, l.source_group
FROM linked_event_members m
JOIN temp.written_linked w ON w.key = m.linked_event_id
JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN link_articles l ON l.article_id = m.article_id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id
LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id
LEFT JOIN canonical_entity_members cm1 ON cm1.article_id = e.article_id AND cm1.entity_id = e.actor1_entity_id
LEFT JOIN canonical_entities c1 ON c1.id = cm1.canonical_id
LEFT JOIN canonical_entity_members cm2 ON cm2.article_id = e.article_id AND cm2.entity_id = e.actor2_entity_id
LEFT JOIN canonical_entities c2 ON c2.id = cm2.canonical_id
ORDER BY m.published, m.article_id, m.seq
"""


def summarize(conn: sqlite3.Connection, linked_ids: set[str]) -> None:
    """(Re)write the `linked_events` rows: the best-supported value of each field over the reports,
    actors named as their canonical entity ("U.S." and "United States" are one actor)."""
    temp_keys(conn, "written_linked", linked_ids)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    cursor = conn.execute(_SUMMARY)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        member = dict(zip(names, row, strict=True))
        grouped[member["lid"]].append(member)
    conn.execute("DELETE FROM linked_events WHERE id IN (SELECT key FROM temp.written_linked)")
    conn.executemany(
        "INSERT INTO linked_events (id, type, mode, acled_event_type, acled_sub_event_type, date,"
        " date_precision, place_name, latitude, longitude, country_code, actor1, actor2, fatalities_low,"
        " fatalities_high, reports, independent_sources, first_published, last_published, status, admin1,"
        " sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_summary_row(lid, members) for lid, members in grouped.items()],
    )


def _most_reported(values: Iterable[Any]) -> Any:
    """The most frequent non-null value, the earliest reported on ties."""
    counts: dict[Any, int] = {}
    for value in values:
        if value is not None:
            counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else None


def _summary_row(lid: str, members: list[dict[str, Any]]) -> tuple[Any, ...]:
    precision = min(m["date_precision"] for m in members)
    placed = [m for m in members if m["latitude"] is not None]
    finest = [m for m in placed if m["geo_precision"] == min((p["geo_precision"] for p in placed), default=3)]
    name = _most_reported(m["place"] for m in finest)
    place = next((m for m in finest if m["place"] == name), {})
    fatalities = [m["fatalities"] for m in members if m["fatalities"] is not None]
    articles = {m["article_id"]: m for m in members}
    return (
        lid,
        members[0]["type"],
        _most_reported(m["mode"] for m in members),
        _most_reported(m["acled_event_type"] for m in members),
        _most_reported(m["acled_sub_event_type"] for m in members),
        _most_reported(m["date"] for m in members if m["date_precision"] == precision),
        precision,
        place.get("place"),
        place.get("latitude"),
        place.get("longitude"),
        place.get("country_code"),
        _most_reported(m["actor1"] for m in members),
        _most_reported(m["actor2"] for m in members),
        min(fatalities, default=None),
        max(fatalities, default=None),
        len(articles),
        independent_sources(list(articles.values())),
        min(m["published"] for m in members),
        max(m["published"] for m in members),
        linked_status(members),
        place.get("admin1"),
        json.dumps(sorted({m["source"] for m in members if m["source"]})),
    )


def linked_status(members: list[dict[str, Any]]) -> str:
    """A merged event is an incident when any report is one (only incidents merge, so a group of several
    reports is); a single report of another status keeps it."""
    statuses = [m["status"] for m in members]
    return "incident" if "incident" in statuses else statuses[0]


def independent_sources(articles: list[dict[str, Any]]) -> int:
    """Reporting articles counted once per source group (near duplicates) and once per named outlet."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for article in articles:
        node = f"article:{article['article_id']}"
        parent[find(node)] = find(f"group:{article['source_group'] or article['article_id']}")
        if article["source"]:
            parent[find(node)] = find(f"outlet:{article['source']}")
    return len({find(f"article:{a['article_id']}") for a in articles})


def members_of(conn: sqlite3.Connection, refs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The linked event of each (article id, event id)."""
    temp_pairs(conn, "event_refs", refs)
    return {
        (aid, eid): lid
        for aid, eid, lid in conn.execute(
            "SELECT m.article_id, m.event_id, m.linked_event_id FROM linked_event_members m"
            " JOIN temp.event_refs r ON r.article_id = m.article_id AND r.item_id = m.event_id"
        )
    }

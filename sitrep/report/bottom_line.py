"""The bottom line up front: how many incidents and reported deaths the period holds, by ACLED event type
and by country, against the previous period of the same length.

An incident here is what the ACLED export writes (an incident with an ACLED event type; talk, planned
and denied acts are not counted), one per merged event once linked, else one per stored report. Deaths
are the lowest figure the reports of each incident give (ACLED's conservative rule); an incident
without a figure counts none. Every figure links to the events listing it counts, so each rests on the
incidents and their evidence.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from sitrep.errors import StoreError
from sitrep.link.listing import linked_or_false
from sitrep.store.store import Store
from sitrep.store.within import area_named, country_names

# One row per counted incident: its ACLED type, country, deaths and place names to filter on.
_LINKED = """
SELECT le.acled_event_type AS kind, le.country_code AS country, coalesce(le.fatalities_low, 0) AS deaths
FROM linked_events le
WHERE le.date BETWEEN :since AND :until AND le.status = 'incident'
  AND le.acled_event_type IS NOT NULL AND le.acled_event_type <> '' AND ({place})
"""
_REPORTS = """
SELECT e.acled_event_type AS kind, p.country_code AS country, coalesce(e.fatalities, 0) AS deaths
FROM events e LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
WHERE e.date BETWEEN :since AND :until AND e.status = 'incident'
  AND e.acled_event_type IS NOT NULL AND e.acled_event_type <> '' AND ({place})
"""


@dataclass
class Tally:
    """Incidents and deaths of one row (a type, a country, or all), now and in the previous period."""

    label: str
    key: str = ""  # the value the events listing filters on (a country's code); the label when empty
    incidents: int = 0
    deaths: int = 0
    before_incidents: int = 0
    before_deaths: int = 0

    @property
    def change(self) -> int:
        return self.incidents - self.before_incidents

    @property
    def deaths_change(self) -> int:
        return self.deaths - self.before_deaths


@dataclass
class BottomLine:
    since: dt.date
    until: dt.date
    before_since: dt.date
    before_until: dt.date
    total: Tally
    by_type: list[Tally] = field(default_factory=list)
    by_country: list[Tally] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def headline(self) -> str:
        """One sentence: the period's incidents and deaths and how they moved."""
        t = self.total
        return (
            f"{t.incidents} incident{'s' if t.incidents != 1 else ''} and {t.deaths} reported"
            f" death{'s' if t.deaths != 1 else ''} from {self.since} to {self.until}, against"
            f" {t.before_incidents} and {t.before_deaths} in the previous {self.days} days"
            f" ({_signed(t.change)} incidents, {_signed(t.deaths_change)} deaths)."
        )


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def _place_test(store: Store, place: str | None, linked: bool) -> tuple[str, dict[str, object]]:
    if not place:
        return "1", {}
    alias = "le" if linked else "p"
    name = "le.place_name" if linked else "p.name"
    country, admin1 = f"{alias}.country_code", f"{alias}.admin1"
    inside, params = area_named(store, place).clause(country, admin1)
    return f"instr(sitrep_fold({name}), :bl_place) OR {inside}", {"bl_place": place.casefold(), **params}


def _rows(store: Store, sql: str, params: dict[str, object]) -> list[sqlite3.Row]:
    try:
        return store.connection.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read: {exc}") from exc


def bottom_line(store: Store, since: dt.date, until: dt.date, place: str | None = None) -> BottomLine:
    """Incidents and deaths of the period and of the same number of days before it, by type and
    country (most incidents first)."""
    days = (until - since).days + 1
    # The calendar's first day has no day before it; a period reaching back past it starts there.
    before_until = since - dt.timedelta(days=1) if since > dt.date.min else since
    before_since = dt.date.fromordinal(max(1, since.toordinal() - days))
    linked = linked_or_false(store)
    test, params = _place_test(store, place, linked)
    sql = (_LINKED if linked else _REPORTS).format(place=test)
    result = BottomLine(since, until, before_since, before_until, Tally("all incidents"))
    types: dict[str, Tally] = {}
    countries: dict[str, Tally] = {}
    periods = [(True, (since, until))]
    if since > dt.date.min:
        periods.append((False, (before_since, before_until)))
    for now, (start, end) in periods:
        for row in _rows(store, sql, {"since": start.isoformat(), "until": end.isoformat(), **params}):
            rows = [result.total, types.setdefault(row["kind"], Tally(row["kind"]))]
            if row["country"]:
                rows.append(countries.setdefault(row["country"], Tally(row["country"])))
            for tally in rows:
                if now:
                    tally.incidents += 1
                    tally.deaths += row["deaths"]
                else:
                    tally.before_incidents += 1
                    tally.before_deaths += row["deaths"]

    def ranked(tallies: dict[str, Tally]) -> list[Tally]:
        return sorted(tallies.values(), key=lambda t: (-t.incidents, -t.deaths, -t.before_incidents, t.label))

    result.by_type = ranked(types)
    names = country_names(store)
    for tally in countries.values():
        tally.key, tally.label = tally.label, names.get(tally.label, tally.label)
    result.by_country = ranked(countries)
    return result

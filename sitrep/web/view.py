"""How the analyst looks at a listing: its order, the facets counted beside it and the facet values
chosen (clicked) to narrow it, and the "exported to ACLED only" switch.

Separate from the filters each listing already had (dates, type, actor, place, text), because these
apply to every event listing alike; `View.narrow` adds them to the listing's WHERE clause from fixed
fragments, every value bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.errors import UsageError
from sitrep.store.queries import Where

# Sort keys of the event listings and the column each reads; a leading "-" sorts descending.
LINKED_SORTS = {
    "date": "le.date",
    "type": "le.type",
    "acled": "le.acled_event_type",
    "actor1": "le.actor1",
    "actor2": "le.actor2",
    "place": "le.place_name",
    "country": "le.country_code",
    "fatalities": "le.fatalities_low",
    "reports": "le.reports",
    "sources": "le.independent_sources",
}
REPORT_SORTS = {
    "date": "e.date",
    "type": "e.type",
    "acled": "e.acled_event_type",
    "fatalities": "e.fatalities",
}
LINKED_COLUMNS = {"country": "le.country_code", "admin1": "le.admin1", "acled_type": "le.acled_event_type"}
REPORT_COLUMNS = {"country": "p.country_code", "admin1": "p.admin1", "acled_type": "e.acled_event_type"}


@dataclass(frozen=True)
class View:
    """Order (`sort`: a key of the listing's sorts, `-` for descending; newest first by default), the
    facets to count, and the facet values that narrow the rows."""

    sort: str = "-date"
    facets: list[str] = field(default_factory=list)
    acled_type: str | None = None
    country: str | None = None
    admin1: str | None = None
    source: str | None = None
    acled_only: bool = False

    def order(self, sorts: dict[str, str], tiebreak: str) -> str:
        """The ORDER BY for `sort`: the chosen column (rows without a value last), then newest first,
        then `tiebreak` (comma-separated columns) in the same direction, so pages never overlap."""
        key = self.sort.strip() or "-date"
        descending = key.startswith("-")
        name = key.lstrip("-+ ")
        if name not in sorts:
            raise UsageError(f"sort must be one of {', '.join(sorts)} (with - for descending), not {key!r}")
        way = "DESC" if descending else "ASC"
        date = sorts["date"]
        ties = ", ".join(f"{column.strip()} {way}" for column in tiebreak.split(","))
        if name == "date":
            return f"{date} {way}, {ties}"
        column = sorts[name]
        if descending:  # SQLite puts rows without a value last when descending: an index serves it
            return f"{column} DESC, {date} DESC, {ties}"
        return f"{column} IS NULL, {column} ASC, {date} DESC, {ties}"

    def narrow(self, where: Where, columns: dict[str, str], acled_only: str, source: str) -> None:
        """Add the chosen facet values to `where`; `source` is the test that a row has an outlet
        `:source`, `acled_only` the test that the ACLED export writes the row."""
        if self.acled_type:
            where.add(f"{columns['acled_type']} = :facet_acled", facet_acled=self.acled_type)
        if self.country:
            where.add(f"{columns['country']} = :facet_country", facet_country=self.country.upper())
        if self.admin1:
            where.add(f"{columns['admin1']} = :facet_admin1", facet_admin1=self.admin1)
        if self.source:
            where.add(source, source=self.source)
        if self.acled_only:
            where.add(acled_only)


DEFAULT_VIEW = View()

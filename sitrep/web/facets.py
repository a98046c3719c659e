"""Facet counts and totals for the listings: how many rows of the filtered set share each value of a
field (type, ACLED event type, country, admin1, actor, outlet), as Datasette and ACLED's dashboard show
beside a table, so one click narrows the list.

Every count runs over the same WHERE clause as the page it stands beside, built by the listing from fixed
fragments with bound values. On merged events each facet reads columns of `linked_events` that the index
of migration m008 holds (region and outlets are stored on the merged event), so a count never joins each
report.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from sitrep.errors import StoreError, UsageError
from sitrep.store.queries import Where
from sitrep.store.store import Store

FACET_LIMIT = 30  # values shown per facet, most frequent first


@dataclass(frozen=True)
class Facet:
    """One facet: its name in the API, its label on the page, the filter a click sets, and the SQL that
    gives one `value` per counted row (`{where}` is the listing's clause)."""

    name: str
    label: str
    parameter: str
    sql: str


_LINKED_FROM = "FROM linked_events le{joins}{where}"
LINKED_FACETS = {
    facet.name: facet
    for facet in (
        Facet("type", "PLOVER type", "type", f"SELECT le.type AS value {_LINKED_FROM}"),
        Facet("acled", "ACLED type", "acled_type", f"SELECT le.acled_event_type AS value {_LINKED_FROM}"),
        Facet("country", "country", "country", f"SELECT le.country_code AS value {_LINKED_FROM}"),
        Facet("admin1", "admin1 (region)", "admin1", f"SELECT le.admin1 AS value {_LINKED_FROM}"),
        Facet(
            "actor",
            "actor",
            "actor",
            f"SELECT le.actor1 AS value {_LINKED_FROM} UNION ALL SELECT le.actor2 AS value {_LINKED_FROM}"
            " AND le.actor2 IS NOT le.actor1",
        ),
        Facet(
            "source",
            "source",
            "source",
            "SELECT j.value AS value FROM linked_events le{joins}, json_each(le.sources) j{where}",
        ),
    )
}

_REPORT_FROM = (
    "FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id"
    " LEFT JOIN entities n1 ON n1.article_id = e.article_id AND n1.id = e.actor1_entity_id"
    " LEFT JOIN entities n2 ON n2.article_id = e.article_id AND n2.id = e.actor2_entity_id{joins}{where}"
)
REPORT_FACETS = {
    facet.name: facet
    for facet in (
        Facet("type", "PLOVER type", "type", f"SELECT e.type AS value {_REPORT_FROM}"),
        Facet("acled", "ACLED type", "acled_type", f"SELECT e.acled_event_type AS value {_REPORT_FROM}"),
        Facet("country", "country", "country", f"SELECT p.country_code AS value {_REPORT_FROM}"),
        Facet("admin1", "admin1 (region)", "admin1", f"SELECT p.admin1 AS value {_REPORT_FROM}"),
        Facet(
            "actor",
            "actor",
            "actor",
            f"SELECT coalesce(n1.name, e.actor1_text) AS value {_REPORT_FROM}"
            f" UNION ALL SELECT coalesce(n2.name, e.actor2_text) AS value {_REPORT_FROM}",
        ),
        Facet("source", "source", "source", f"SELECT a.source AS value {_REPORT_FROM}"),
    )
}
FACET_NAMES = tuple(LINKED_FACETS)


def chosen(names: list[str] | None) -> list[str]:
    """The facets asked for, each once and in the listed order; an unknown one is a UsageError (422)."""
    found: list[str] = []
    for name in names or []:
        for part in name.split(","):
            part = part.strip().casefold()
            if not part:
                continue
            if part not in LINKED_FACETS:
                raise UsageError(f"facet must be one of {', '.join(FACET_NAMES)}, not {part!r}")
            if part not in found:
                found.append(part)
    return found


def counts(
    store: Store, facets: dict[str, Facet], names: list[str], where: Where, joins: str = ""
) -> dict[str, list[dict[str, Any]] | None]:
    """For each facet named, its most frequent values over the filtered rows with their counts (rows
    without a value are left out); None for a facet that could not be counted within the budget."""
    text = where.sql()
    # A facet adds its own WHERE after the listing's, so the clause must exist to be extended.
    clause = text if text else " WHERE 1"
    found: dict[str, list[dict[str, Any]] | None] = {}
    for name in names:
        facet = facets[name]
        inner = facet.sql.format(joins=joins, where=clause)
        rows = within_budget(
            store,
            f"SELECT value, count(*) AS count FROM ({inner}) WHERE value IS NOT NULL AND value <> ''"
            f" GROUP BY value ORDER BY count DESC, value LIMIT {FACET_LIMIT}",
            where.params,
        )
        found[name] = None if rows is None else [{"value": r["value"], "count": r["count"]} for r in rows]
    return found


def total(store: Store, from_sql: str, where: Where) -> int | None:
    """How many rows the filtered listing holds (`from_sql` is its FROM with joins), or None when
    counting takes longer than `COUNT_BUDGET_S`: a filter that must look into every report of every
    merged event would otherwise cost more than the page itself ("many", as Datasette says)."""
    rows = within_budget(store, f"SELECT count(*) {from_sql}{where.sql()}", where.params)
    return None if rows is None else int(rows[0][0])


COUNT_BUDGET_S = 0.015
_STEPS = 1000  # SQLite virtual-machine steps between looks at the clock


def within_budget(store: Store, sql: str, params: dict[str, Any]) -> list[sqlite3.Row] | None:
    """The rows `sql` gives, or None when SQLite is still working on them after the budget."""
    deadline = time.monotonic() + COUNT_BUDGET_S
    connection = store.connection
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), _STEPS)
    try:
        rows: list[sqlite3.Row] = connection.execute(sql, params).fetchall()
        return rows
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return None
        raise StoreError(f"{store.path}: cannot read: {exc}") from exc
    finally:
        connection.set_progress_handler(None, _STEPS)

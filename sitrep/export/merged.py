"""Reports grouped into merged events, for the exports that write one record per event.

Once every stored article is linked (`sitrep link`), an event dataset codes an event once however many
outlets report it. Each export builds its record from `MergedEvent.record()`: the fields of the most
precisely placed report (then the most precisely dated, then the earliest), the merged event's date,
and ACLED's conservative fatality rule, the lowest figure any report gives (ONTOLOGY 4.4), with every
figure kept beside it. A report that was never linked is a merged event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitrep.export.common import effective_date
from sitrep.store.store import Store


@dataclass(frozen=True)
class MergedEvent:
    """One merged event: the link table's row and its exported reports, earliest first."""

    linked: dict[str, Any]
    reports: list[dict[str, Any]]

    @property
    def base(self) -> dict[str, Any]:
        """The report whose actors, place and type stand for the merged event."""
        return min(
            self.reports,
            key=lambda e: (
                e["place"] is None,
                e["geo_precision"] or 3,
                e["date_precision"] or 3,
                e["published"],
                e["article_id"],
            ),
        )

    @property
    def figures(self) -> list[tuple[int, str]]:
        """Every report's fatality figure with the outlet (or article) that gives it."""
        return [
            (e["fatalities"], e["source"] or e["article_id"])
            for e in self.reports
            if e["fatalities"] is not None
        ]

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(e["article_id"] for e in self.reports))

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(e["source"] for e in self.reports if e["source"]))

    def record(self) -> dict[str, Any]:
        """The base report's fields with the merged date, the lowest fatality figure and the latest
        storage time, as a `queries.events` row, so the per-report writers can format it."""
        event = dict(self.base)
        if self.linked["date"]:
            event["date"], event["date_precision"] = self.linked["date"], self.linked["date_precision"]
        event["fatalities"] = min((value for value, _ in self.figures), default=None)
        event["stored_at"] = max(e["stored_at"] for e in self.reports)
        return event

    def provenance(self) -> dict[str, Any]:
        """What the merged record rests on: its id, every article and outlet, the number of
        independent sources and each fatality figure with its outlet."""
        return {
            "linked_event_id": self.linked["id"],
            "article_ids": self.article_ids,
            "sources": self.sources,
            "reports": len(self.article_ids),
            "independent_sources": self.linked["independent_sources"],
            "fatalities_reported": [{"value": value, "source": who} for value, who in self.figures],
        }


def merged_events(store: Store, events: list[dict[str, Any]]) -> list[MergedEvent]:
    """`events` (rows of `queries.events`) grouped by merged event, in the merged events' date order."""
    conn = store.connection
    member_of = {
        (aid, eid): lid
        for aid, eid, lid in conn.execute(
            "SELECT article_id, event_id, linked_event_id FROM linked_event_members"
        )
    }
    linked = {
        row["id"]: dict(row)
        for row in conn.execute("SELECT id, date, date_precision, independent_sources FROM linked_events")
    }
    groups: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        lid = member_of.get((event["article_id"], event["id"]))
        if lid is None or lid not in linked:  # not linked: a merged event of its own
            lid = f"report:{event['key']}"
            linked[lid] = {"id": lid, "date": None, "date_precision": None, "independent_sources": 1}
        groups.setdefault(lid, []).append(event)
    ordered = sorted(
        groups.items(), key=lambda item: linked[item[0]]["date"] or min(effective_date(e) for e in item[1])
    )
    return [MergedEvent(linked[lid], reports) for lid, reports in ordered]

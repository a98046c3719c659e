"""ACLED CSV: the 31 columns of ACLED's export, in ACLED's order, for events with an ACLED event type.

Rules (ONTOLOGY.md section 4): actors are named as ACLED names them, with their inter codes and
associated actors (`sitrep.export.actors`, `sitrep.export.acled_sides`); a missing actor is 0, and
`interaction` joins the two codes smaller first, a missing actor last ("18", "10"). `source` names each
outlet and `source_scale` its reach where the outlet table knows it (`sitrep.export.outlets`).
Fatalities the text does not give are written as 0, as ACLED does, with a note saying so: sitrep never
guesses them. An undated event takes the publication date at time_precision 2 (ONTOLOGY 4.2); a place
without a recorded precision is written as geo_precision 3, the least precise.

Once every stored article is linked (`sitrep link`), one row per merged event: ACLED codes an event
once however many outlets report it, lists every outlet in `source`, and takes the lowest fatality figure
of its sources (ONTOLOGY 4.4), noting the others; `per_report=True` keeps one row per article's report.

Rows come in date order (undated events at their publication date). `event_id_cnty` numbers events per
country in that order, so ids are stable for a given database but not across databases that grow.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from typing import Any, TextIO

from sitrep.export import countries, outlets
from sitrep.export.acled_sides import Sides, civilian_targeting, code_sides, interaction
from sitrep.export.actors import INTER_CODES
from sitrep.export.common import effective_date, happened, in_date_order, kind_key
from sitrep.export.crowds import crowd_tag
from sitrep.export.merged import MergedEvent, merged_events
from sitrep.link.listing import linked_or_false
from sitrep.store import queries
from sitrep.store.store import Store

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def inter_code(
    kind: str | None, actor_country: str | None, place_country: str | None, present: bool = True
) -> int:
    """ACLED inter code of one actor kind in one event (0 when the event has no such actor): a state
    force or government outside its own country is external (8)."""
    if not present:
        return 0
    code = INTER_CODES.get(kind_key(kind) or "", 0)
    abroad = bool(actor_country and place_country and actor_country.upper() != place_country.upper())
    return 8 if code == 1 and abroad else code


def _notes(event: dict[str, Any], sides: Sides) -> str:
    parts = [" ".join(event["evidence"]) or event["trigger"]]
    if event["attributed_speaker"]:
        parts.append(f"[Reported by {event['attributed_speaker']}.]")
    parts.extend(sides.notes)
    if event["fatalities"] is None:
        parts.append("[Fatalities not reported in the source; recorded as 0.]")
    return " ".join(parts)


def _timestamp(stored_at: str) -> int:
    return int(dt.datetime.fromisoformat(stored_at).timestamp())


def acled_row(event: dict[str, Any], number: int, names: dict[str, Any] | None = None) -> dict[str, Any]:
    """One ACLED row from an event of `queries.events`; `number` is its running number in its country and
    `names` the event's entry of `queries.actor_names` (entity types and aliases of its actors)."""
    place_country = event["country_code"]
    sides = code_sides(event, names)
    date = effective_date(event)
    has_place = event["place"] is not None
    source = outlets.outlet(event["source"], event["url"])
    return {
        "event_id_cnty": f"{countries.alpha3(place_country) or 'XXX'}{number}",
        "event_date": date,
        "year": int(date[:4]),
        "time_precision": (event["date_precision"] or 2) if event["date"] else 2,
        "disorder_type": DISORDER_TYPES.get(event["acled_event_type"], ""),
        "event_type": event["acled_event_type"],
        "sub_event_type": event["acled_sub_event_type"] or "",
        "actor1": sides.actor1.name if sides.actor1 else "",
        "assoc_actor_1": "; ".join(sides.actor1.assoc) if sides.actor1 else "",
        "inter1": sides.inter1,
        "actor2": sides.actor2.name if sides.actor2 else "",
        "assoc_actor_2": "; ".join(sides.actor2.assoc) if sides.actor2 else "",
        "inter2": sides.inter2,
        "interaction": interaction(sides.inter1, sides.inter2),
        "civilian_targeting": (
            "Civilian targeting"
            if civilian_targeting(event["acled_event_type"], event["acled_sub_event_type"], sides)
            else ""
        ),
        "iso": countries.numeric(place_country) or "",
        "region": countries.region(place_country) or "",
        "country": countries.name(place_country) or "",
        "admin1": event["admin1"] or "",
        "admin2": event.get("admin2") or "",
        "admin3": "",
        "location": event["place"] or "",
        "latitude": "" if event["latitude"] is None else event["latitude"],
        "longitude": "" if event["longitude"] is None else event["longitude"],
        "geo_precision": (event["geo_precision"] or 3) if has_place else "",
        "source": source or "",
        "source_scale": outlets.scale([source] if source else []),
        "notes": _notes(event, sides),
        "fatalities": event["fatalities"] or 0,
        "tags": crowd_tag(event["acled_event_type"], " ".join(event["evidence"])),
        "timestamp": _timestamp(event["stored_at"]),
    }


# The ACLED columns the other event exports (PLOVER JSON Lines, Parquet, GeoJSON) carry beside their own
# fields, under these names: ACLED's own, with `acled_` before the ones PLOVER also has in its own sense.
SHARED_FIELDS = {
    "disorder_type": "disorder_type",
    "event_type": "acled_event_type",
    "sub_event_type": "acled_sub_event_type",
    "actor1": "acled_actor1",
    "assoc_actor_1": "assoc_actor_1",
    "inter1": "inter1",
    "actor2": "acled_actor2",
    "assoc_actor_2": "assoc_actor_2",
    "inter2": "inter2",
    "interaction": "interaction",
    "civilian_targeting": "civilian_targeting",
    "admin1": "admin1",
    "admin2": "admin2",
    "admin3": "admin3",
    "geo_precision": "geo_precision",
    "time_precision": "time_precision",
    "source": "acled_source",
    "source_scale": "source_scale",
    "tags": "tags",
}


def shared_fields(
    event: dict[str, Any], names: dict[str, Any] | None = None, reports: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The ACLED columns of one event (a `queries.events` row, or a merged event's record with its
    `reports`) for the other exports: empty text and 0 become null, as JSON and Parquet expect."""
    row = acled_row(event, 0, names)
    if reports:
        sources = outlets.event_outlets(reports)
        row["source"], row["source_scale"] = "; ".join(sources), outlets.scale(sources)
    return {name: row[column] if row[column] != "" else None for column, name in SHARED_FIELDS.items()}


def exported(event: dict[str, Any]) -> bool:
    """Whether ACLED would code the event: an incident that took place (`happened`) with an ACLED type."""
    return bool((event["acled_event_type"] or "").strip()) and happened(event)


def _figures_note(groups: list[dict[str, Any]], recorded: int | None) -> str | None:
    """The figures statements give about the event ("fatalities (people) 5-10 (2 statements)") other
    than the fatality count recorded, so a reader sees what the conservative count was chosen from."""
    shown = []
    for group in groups:
        low, high = int(group["low"]), int(group["high"])
        if group["measure"] == "troops" or (group["measure"] == "fatalities" and low == high == recorded):
            continue
        value = f"{low}" if low == high else f"{low}-{high}"
        count = f" ({group['members']} statements)" if group["members"] > 1 else ""
        shown.append(f"{group['measure']} ({group['side']}) {value}{count}")
    return f"[Figures in statements: {'; '.join(shown)}.]" if shown else None


def merged_row(
    merged: MergedEvent,
    number: int,
    names: dict[str, Any] | None = None,
    claimed: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One ACLED row for a merged event from the reports of it that ACLED would code.

    Actors, place, type, date and fatalities come from `MergedEvent.record()`; `source` lists every
    outlet; `notes` carries each report's evidence with its outlet and article id, and every fatality
    figure when they differ.
    """
    record = merged.record()
    row = acled_row(record, number, names)
    sources = outlets.event_outlets(merged.reports)
    row["source"], row["source_scale"] = "; ".join(sources), outlets.scale(sources)
    sides = code_sides(record, names)
    notes: list[str] = []
    seen: set[tuple[str, str]] = set()
    for report in merged.reports:
        told = " ".join(report["evidence"]) or report["trigger"]
        if (report["article_id"], told) in seen:
            continue
        seen.add((report["article_id"], told))
        where = ", ".join(str(v) for v in (report["source"], report["published"]) if v)
        speaker = f"; reported by {report['attributed_speaker']}" if report["attributed_speaker"] else ""
        notes.append(f"{told} [{where}, article {report['article_id']}{speaker}]")
    articles = len(merged.article_ids)
    if articles > 1:
        notes.append(
            f"[Reported by {articles} articles, {merged.linked['independent_sources']} independent sources.]"
        )
    figures = merged.figures
    if len({value for value, _ in figures}) > 1:
        listed = "; ".join(f"{value} ({who})" for value, who in figures)
        notes.append(f"[Fatality figures differ: {listed}; the lowest is recorded.]")
    notes.extend(sides.notes)
    told = _figures_note(claimed or [], record["fatalities"])
    if told:
        notes.append(told)
    if not figures:
        notes.append("[Fatalities not reported in the source; recorded as 0.]")
    row["notes"] = " ".join(notes)
    return row


def write_acled(store: Store, out: TextIO, per_report: bool = False) -> int:
    """Write the ACLED CSV (header and one row per exported event); return the number of rows.

    Once every article is linked, one row per merged event (ACLED codes an event once, whatever the
    number of reports); `per_report=True`, or a database never linked, gives one row per report.
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    numbers: Counter[str] = Counter()
    written = 0
    events = [event for event in in_date_order(queries.events(store)) if exported(event)]
    names = queries.actor_names(store)
    if not per_report and linked_or_false(store):
        claimed = queries.claimed_figures(store)
        for merged in merged_events(store, events):
            row = merged_row(merged, 0, names.get(merged.base["key"]), claimed.get(merged.linked["id"]))
            prefix = row["event_id_cnty"][:3]
            numbers[prefix] += 1
            row["event_id_cnty"] = f"{prefix}{numbers[prefix]}"
            writer.writerow(row)
            written += 1
        return written
    for event in events:
        prefix = countries.alpha3(event["country_code"]) or "XXX"
        numbers[prefix] += 1
        writer.writerow(acled_row(event, numbers[prefix], names.get(event["key"])))
        written += 1
    return written

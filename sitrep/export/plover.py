"""PLOVER JSON Lines: one object per event that took place, in PLOVER's who-did-what-to-whom shape.

Once every stored article is linked, one object per merged event (see `sitrep.export.merged`), with
every article, outlet and fatality figure it rests on; `per_report=True` keeps one per article's report.

PLOVER codes an actor as a country (ISO alpha-3) plus a sector (MIL, GOV, REB, CVL…); sitrep keeps a
coarser `kind`, so the sector is derived from it where the mapping is unambiguous (ONTOLOGY.md sections
2 and 4.1) and null otherwise, with the kind itself kept beside it. International organisations and NGOs
without a country take PLOVER's IGO and NGO codes in the country slot.

Each record also carries the ACLED columns of the event (`acled.SHARED_FIELDS`: ACLED's actor names,
associated actors, inter codes and interaction, admin names, precisions, outlet and source scale), so
the PLOVER and ACLED views of one event can be read side by side, and the article's title.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sitrep.export import countries
from sitrep.export.acled import shared_fields
from sitrep.export.common import effective_date, happened, in_date_order, kind_key
from sitrep.export.merged import merged_events
from sitrep.link.listing import linked_or_false
from sitrep.store import queries
from sitrep.store.store import Store

SECTORS = {
    "state_forces": "MIL",
    "government": "GOV",
    "rebel_group": "REB",
    "political_militia": "PRM",
    "identity_militia": "PRM",
    "rioters": "CVL",
    "protesters": "CVL",
    "civilians": "CVL",
    "media": "JRN",
    "party": "PTY",
}
_INTERNATIONAL = {"international_org": "IGO", "ngo": "NGO"}


def _country(alpha2: str | None, kind: str | None) -> str | None:
    code = countries.alpha3(alpha2)
    if code is None and kind in _INTERNATIONAL:
        return _INTERNATIONAL[kind]
    return code


def _party(event: dict[str, Any], role: str, prefix: str) -> dict[str, Any]:
    kind = kind_key(event[f"{prefix}_kind"])
    return {
        role: event[f"{prefix}_entity"] or event[prefix],
        f"{role}_text": event[prefix],
        f"{role}_country": _country(event[f"{prefix}_country"], kind),
        f"{role}_sector": SECTORS.get(kind or ""),
        f"{role}_kind": kind,
    }


def plover_record(
    event: dict[str, Any],
    names: dict[str, Any] | None = None,
    title: str | None = None,
    reports: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One PLOVER record from an event of `queries.events` (or a merged event's record and its
    `reports`), with the ACLED columns beside PLOVER's fields; `names` is the event's entry of
    `queries.actor_names`, `title` its article's title."""
    return {
        "id": event["key"],
        "date": effective_date(event),
        "date_precision": event["date_precision"] if event["date"] else 2,
        "event_type": event["type"],
        "mode": event["mode"],
        "context": [],
        **_party(event, "actor", "actor1"),
        **_party(event, "recipient", "actor2"),
        "location": event["place"],
        "latitude": event["latitude"],
        "longitude": event["longitude"],
        "country": countries.alpha3(event["country_code"]),
        "geonames_id": event["geonames_id"],
        "dead": event["fatalities"],
        "attributed_to": event["attributed_to"],
        "confidence": event["confidence"],
        "article_id": event["article_id"],
        "source": event["source"],
        "url": event["url"],
        "title": title,
        "evidence": " ".join(event["evidence"]) or event["trigger"],
        **shared_fields(event, names, reports),
    }


def plover_records(store: Store, per_report: bool = False) -> list[dict[str, Any]]:
    """PLOVER records of every event that took place, by date: one per merged event once every article
    is linked (with what it rests on), else, or with `per_report`, one per article's report."""
    events = [event for event in in_date_order(queries.events(store)) if happened(event)]
    names, titles = queries.actor_names(store), queries.article_titles(store)
    if per_report or not linked_or_false(store):
        return [plover_record(e, names.get(e["key"]), titles.get(e["article_id"])) for e in events]
    records = []
    for merged in merged_events(store, events):
        base = merged.base
        record = plover_record(
            merged.record(), names.get(base["key"]), titles.get(base["article_id"]), merged.reports
        )
        records.append({**record, "id": merged.linked["id"], **merged.provenance()})
    return records


def write_plover(store: Store, out: TextIO, per_report: bool = False) -> int:
    """Write one PLOVER JSON object per line (see `plover_records`); return how many."""
    records = plover_records(store, per_report)
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)

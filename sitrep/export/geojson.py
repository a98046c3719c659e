"""GeoJSON (RFC 7946): a FeatureCollection with one Point per event that took place at a located place.

RFC 7946 puts longitude first (`[lon, lat]`) and uses WGS 84 with no `crs` member; GeoNames
coordinates are WGS 84 already. Each feature carries the event's PLOVER and ACLED fields (ACLED's
actor names, inter codes, admin1–admin3, precisions, outlet and source scale) with the article's URL
and title, so a map popup can say what happened and link to where it was read.

An event without coordinates cannot be a Point: it is left out and counted (`notice`, printed by the
CLI on stderr), or with `include_unplaced` written as a Feature whose geometry is null, as RFC 7946
allows for an unlocated feature.

Once every stored article is linked, one Feature per merged event (see `sitrep.export.merged`), with
every article, outlet and fatality figure it rests on; `per_report=True` keeps one per article's report.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from sitrep.export.acled import shared_fields
from sitrep.export.common import happened
from sitrep.export.merged import merged_events
from sitrep.link.listing import linked_or_false
from sitrep.store import queries
from sitrep.store.store import Store


def feature(
    event: dict[str, Any],
    names: dict[str, Any] | None = None,
    title: str | None = None,
    reports: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One GeoJSON Feature from an event of `queries.events` (a Point, or null geometry when the event
    has no coordinates); `names` is the event's entry of `queries.actor_names`, `title` its article's."""
    geometry = (
        {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]} if _located(event) else None
    )
    return {
        "type": "Feature",
        "id": event["key"],
        "geometry": geometry,
        "properties": {
            "type": event["type"],
            "mode": event["mode"],
            "date": event["date"],
            "date_precision": event["date_precision"],
            "actor1": event["actor1_entity"] or event["actor1"],
            "actor2": event["actor2_entity"] or event["actor2"],
            "fatalities": event["fatalities"],
            "place": event["place"],
            "place_feature": event.get("feature"),  # city, region or country: a country point is no town
            "country_code": event["country_code"],
            "attributed_to": event["attributed_to"],
            "article_id": event["article_id"],
            "event_id": event["id"],
            "url": event["url"],
            "title": title,
            "evidence": " ".join(event["evidence"]),
            **shared_fields(event, names, reports),
        },
    }


def write_geojson(
    store: Store,
    out: TextIO,
    per_report: bool = False,
    include_unplaced: bool = False,
    notice: Callable[[str], None] | None = None,
) -> int:
    """Write the FeatureCollection; return the number of features. Events without coordinates are
    counted to `notice`, and written with null geometry when `include_unplaced`."""
    events = [event for event in queries.events(store) if happened(event)]
    names, titles = queries.actor_names(store), queries.article_titles(store)
    candidates: list[dict[str, Any]] = []
    if per_report or not linked_or_false(store):
        for event in events:
            candidates.append(feature(event, names.get(event["key"]), titles.get(event["article_id"])))
    else:
        for merged in merged_events(store, events):
            base = merged.base
            title = titles.get(base["article_id"])
            found = feature(merged.record(), names.get(base["key"]), title, merged.reports)
            found["id"] = merged.linked["id"]
            found["properties"].update(merged.provenance())
            candidates.append(found)
    unplaced = sum(1 for found in candidates if found["geometry"] is None)
    features = candidates if include_unplaced else [f for f in candidates if f["geometry"] is not None]
    if unplaced and notice is not None:
        told = "written with null geometry" if include_unplaced else "left out (--include-unplaced)"
        notice(f"{unplaced} of {len(candidates)} events have no coordinates: {told}")
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def _located(event: dict[str, Any]) -> bool:
    return event["latitude"] is not None and event["longitude"] is not None

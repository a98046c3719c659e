"""GeoJSON (RFC 7946): a FeatureCollection with one Point per event that took place at a located place.

RFC 7946 puts longitude first (`[lon, lat]`) and uses WGS 84 with no `crs` member; GeoNames
coordinates are WGS 84 already.

Once every stored article is linked, one Feature per merged event (see `sitrep.export.merged`), with
every article, outlet and fatality figure it rests on; `per_report=True` keeps one per article's report.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sitrep.export.common import happened
from sitrep.export.merged import merged_events
from sitrep.link.listing import linked_or_false
from sitrep.store import queries
from sitrep.store.store import Store


def feature(event: dict[str, Any]) -> dict[str, Any]:
    """One GeoJSON Feature from an event of `queries.events` that has coordinates."""
    return {
        "type": "Feature",
        "id": event["key"],
        "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
        "properties": {
            "type": event["type"],
            "mode": event["mode"],
            "acled_event_type": event["acled_event_type"],
            "acled_sub_event_type": event["acled_sub_event_type"],
            "date": event["date"],
            "date_precision": event["date_precision"],
            "actor1": event["actor1_entity"] or event["actor1"],
            "actor2": event["actor2_entity"] or event["actor2"],
            "fatalities": event["fatalities"],
            "place": event["place"],
            "place_feature": event.get("feature"),  # city, region or country: a country point is no town
            "country_code": event["country_code"],
            "admin1": event.get("admin1"),
            "admin2": event.get("admin2"),
            "geo_precision": event["geo_precision"],
            "attributed_to": event["attributed_to"],
            "article_id": event["article_id"],
            "event_id": event["id"],
            "evidence": " ".join(event["evidence"]),
        },
    }


def write_geojson(store: Store, out: TextIO, per_report: bool = False) -> int:
    """Write the FeatureCollection; return the number of features."""
    events = [event for event in queries.events(store) if happened(event)]
    if per_report or not linked_or_false(store):
        features = [feature(event) for event in events if _located(event)]
    else:
        features = []
        for merged in merged_events(store, events):
            record = merged.record()
            if _located(record):
                found = feature(record)
                found["id"] = merged.linked["id"]
                found["properties"].update(merged.provenance())
                features.append(found)
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def _located(event: dict[str, Any]) -> bool:
    return event["latitude"] is not None and event["longitude"] is not None

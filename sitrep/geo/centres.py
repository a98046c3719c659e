"""The centre of each country's main land, computed from Natural Earth's country borders.

countrystatecity gives each country one point rounded to whole degrees, which for a large country can
sit hundreds of kilometres off its middle (the United States at 38, -97), and for an island state in the
sea. When that point lies on the country's land (`inside`) within `MAX_OFF_CENTRE_KM` of the centre
of the country's main land (its largest landmass with the islands near it), the gazetteer places the
country halfway between the two; otherwise that centre stands for the country
(`sources.country_point`).

The centres are computed once, by this module run as a script, from the `world-atlas` npm package
(Natural Earth 1:50m Admin 0 boundaries, public domain, as TopoJSON under the ISC licence) and shipped
as `lexicons/country_centres.json`; sitrep never reads node_modules at run time:

    python -m sitrep.geo.centres node_modules/world-atlas/countries-50m.json \
        > sitrep/lexicons/country_centres.json
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.geo.distance import haversine_km

Point = tuple[float, float]  # (lon, lat)

# Russia's published 60, 100 (189 km off its land centre) and China's 35, 105 (210 km) agree with the
# centre well enough to be averaged with it; the United States' 38, -97 (252 km) gives way to it.
MAX_OFF_CENTRE_KM = 230.0
MAIN_LAND_KM = 1500.0  # islands and exclaves this close to the largest landmass are part of the main land


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (lon, lat)."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: Iterable[int]) -> list[Point]:
    """One closed ring from its arcs; a negative index (~i) is arc i reversed, and each arc starts where
    the one before it ended."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _unwrapped(points: list[Point]) -> list[Point]:
    """Longitudes made continuous across the antimeridian (Chukotka runs on past 180°)."""
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        lon += 360 * round((previous - lon) / 360)
        out.append((lon, lat))
    return out


def centroid(points: list[Point]) -> tuple[float, Point]:
    """Area (in degrees², scaled by the cosine of latitude) and centroid of a ring, by the shoelace rule."""
    points = _unwrapped(points)
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, points[0]
    lon, lat = cx / (3 * area), cy / (3 * area)
    return abs(area / 2) * math.cos(math.radians(lat)), ((lon + 180) % 360 - 180, lat)


def contains(points: list[Point], point: Point) -> bool:
    """Whether a point lies inside a ring (even-odd rule), with longitudes taken as continuous."""
    points = _unwrapped(points)
    lon, lat = point
    lon += 360 * round((points[0][0] - lon) / 360)
    inside = False
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


def land_centres(topology: dict[str, Any], numeric_to_alpha2: dict[int, str]) -> dict[str, Point]:
    """For each country, the centre of its main land: the area-weighted centroid of its largest polygon
    and the polygons within MAIN_LAND_KM of it, so an archipelago's centre lies among its islands
    (Indonesia's, the Philippines') while far-off territories (Alaska, French Guiana) pull at nothing.
    Where that point lies on none of the country's land, the largest polygon's centroid stands in, and
    where that one lies outside its polygon too (a curved country: Vietnam), the country has no centre."""
    arcs = decode_arcs(topology)
    parts: dict[str, list[tuple[float, Point, list[Point]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric_to_alpha2.get(int(geometry.get("id") or -1))
        if code is None:
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        for polygon in polygons:
            outline = ring(arcs, polygon[0])
            area, point = centroid(outline)
            parts.setdefault(code, []).append((area, point, outline))
    found: dict[str, Point] = {}
    for code, pieces in sorted(parts.items()):
        area, largest, outline = max(pieces, key=lambda piece: piece[0])
        if not contains(outline, largest):
            continue
        main = [p for p in pieces if haversine_km(p[1][1], p[1][0], largest[1], largest[0]) <= MAIN_LAND_KM]
        centre = weighted_centre([(a, point) for a, point, _ in main])
        found[code] = centre if any(contains(o, centre) for _, _, o in main) else largest
    return found


def weighted_centre(pieces: list[tuple[float, Point]]) -> Point:
    """The area-weighted mean of points on the sphere (so it is right across the antimeridian)."""
    x = y = z = 0.0
    for area, (lon, lat) in pieces:
        phi, lam = math.radians(lat), math.radians(lon)
        x += area * math.cos(phi) * math.cos(lam)
        y += area * math.cos(phi) * math.sin(lam)
        z += area * math.sin(phi)
    return math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))


def inside_countries(
    topology: dict[str, Any], numeric_to_alpha2: dict[int, str], points: dict[str, Point]
) -> list[str]:
    """The countries whose given point lies inside one of their polygons' outer rings."""
    arcs = decode_arcs(topology)
    inside: set[str] = set()
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric_to_alpha2.get(int(geometry.get("id") or -1))
        if code is None or code not in points:
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        if any(contains(ring(arcs, polygon[0]), points[code]) for polygon in polygons):
            inside.add(code)
    return sorted(inside)


def _own_points() -> dict[str, Point]:
    """countrystatecity's country points, (lon, lat)."""
    path = resources.files("countrystatecity_countries").joinpath("data", "countries.json")
    with path.open(encoding="utf-8") as handle:
        return {
            c["iso2"]: (float(c["longitude"]), float(c["latitude"]))
            for c in json.load(handle)
            if c.get("latitude") and c.get("longitude")
        }


def _numeric_codes() -> dict[int, str]:
    path = resources.files("countrystatecity_countries").joinpath("data", "countries.json")
    with path.open(encoding="utf-8") as handle:
        return {int(c["numeric_code"]): c["iso2"] for c in json.load(handle) if c.get("numeric_code")}


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    centres = land_centres(topology, _numeric_codes())
    source = (
        "Computed by sitrep.geo.centres from the world-atlas npm package (countries-50m.json): Natural"
        " Earth 1:50m Admin 0 country boundaries (public domain), TopoJSON by Mike Bostock (ISC)."
        " Area-weighted centroid of each country's largest polygon and the polygons within"
        f" {MAIN_LAND_KM:.0f} km of it (or the largest polygon's own centroid where that lies off the"
        " land), [lat, lon]."
    )
    inside = inside_countries(topology, _numeric_codes(), _own_points())
    rows = [f'  "{code}": [{lat:.3f}, {lon:.3f}]' for code, (lon, lat) in centres.items()]
    sys.stdout.write('{\n "_source": ' + json.dumps(source + _INSIDE_NOTE) + ',\n "centres": {\n')
    sys.stdout.write(",\n".join(rows) + "\n },\n")
    sys.stdout.write(' "inside": ' + json.dumps(inside) + "\n}\n")


_INSIDE_NOTE = " `inside`: the countries whose countrystatecity point lies on their own land."


if __name__ == "__main__":
    main(sys.argv[1])

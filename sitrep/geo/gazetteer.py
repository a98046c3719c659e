"""Looking places up by name: every place whose name or alternate name folds to the same key.

One `Gazetteer` per process (`Gazetteer.load()`), read from the cached compact index (`index.py`):
about 235,000 GeoNames populated places, 250 countries, 5,300 first-level regions, 22,500 second-level
areas (districts, counties, raions: feature "region", `district` set), the continents and the project's
informal regions. Every town carries its admin1 and, where GeoNames has one, its admin2 name.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import ClassVar

from sitrep.geo import index as _index
from sitrep.geo.names import fold
from sitrep.geo.sources import CITY, CONTINENT, COUNTRY, DISTRICT, INFORMAL, REGION

FEATURES = {
    CITY: "city",
    REGION: "region",
    COUNTRY: "country",
    CONTINENT: "continent",
    INFORMAL: "region",
    DISTRICT: "region",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to. `row` identifies it within the loaded gazetteer."""

    row: int
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    population: int
    feature: str
    geonames_id: int | None
    alias: bool = False
    informal: bool = False
    region_row: int = -1
    capital: bool = False
    admin2: str | None = None
    area_row: int = -1
    district: bool = False


class Gazetteer:
    """Case- and accent-insensitive name lookup over the compact index."""

    _loaded: ClassVar[Gazetteer | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, index: _index.Index) -> None:
        self._index = index
        self._countries: dict[str, int] = {}
        self._capitals = frozenset(index.capitals)
        for row, kind in enumerate(index.kind):
            if kind == COUNTRY:
                self._countries[index.country[row]] = row
            elif kind != CONTINENT and kind != INFORMAL:
                break

    @classmethod
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer (built into the user cache on first use, read in < 2 s after)."""
        with cls._lock:
            if cls._loaded is None:
                cls._loaded = cls(_index.load_or_build())
            return cls._loaded

    def __len__(self) -> int:
        return len(self._index.name)

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._index.keys

    def has_key(self, key: str) -> bool:
        """Whether an already folded key names any place."""
        return key in self._index.keys

    def lookup(self, name: str) -> list[Candidate]:
        """Every place called `name` (own or alternate name), most populous first."""
        return self.lookup_key(fold(name))

    def lookup_key(self, key: str) -> list[Candidate]:
        """Like `lookup`, for a key already folded with `names.fold`."""
        found = self._index.keys.get(key)
        if found is None:
            return []
        codes = (found,) if isinstance(found, int) else found
        candidates = [self.candidate(code >> 1, alias=bool(code & 1)) for code in codes]
        candidates.sort(key=lambda candidate: (-candidate.population, candidate.row))
        return candidates

    def country(self, code: str) -> Candidate | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        row = self._countries.get(code.upper())
        return None if row is None else self.candidate(row)

    def candidate(self, row: int, alias: bool = False) -> Candidate:
        ix = self._index
        kind = ix.kind[row]
        return Candidate(
            row=row,
            name=ix.name[row],
            lat=ix.lat[row],
            lon=ix.lon[row],
            country_code=ix.country[row] or None,
            admin1=(ix.name[row] if kind == REGION else ix.admin1[row]) or None,
            population=ix.population[row],
            feature=FEATURES[kind],
            geonames_id=ix.geonames_id[row] or None,
            alias=alias,
            informal=kind == INFORMAL,
            region_row=ix.region[row],
            capital=row in self._capitals,
            admin2=ix.admin2[row] or None,
            area_row=ix.area[row],
            district=kind == DISTRICT,
        )

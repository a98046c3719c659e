"""A place filter that means the place and everything inside it: "Somalia" finds the events in Somali
towns, "Kharkiv Oblast" the events in its towns, as well as the events placed at the country or region
itself.

What lies inside is read from the store, not the gazetteer: a stored country place gives its ISO code,
a stored region its admin1 name, and every stored place carries its country code and admin1, so the test
is a comparison of two columns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sitrep.store.queries import fetch
from sitrep.store.store import Store


@dataclass(frozen=True)
class Area:
    """The countries (ISO codes) and first-level regions (admin1 names) a place name stands for."""

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    def clause(self, country_column: str, admin1_column: str) -> tuple[str, dict[str, str]]:
        """An SQL test that a row's country or admin1 lies in the area, with its bound values; "0" when
        the name is no stored country or region."""
        tests = []
        params: dict[str, str] = {}
        if self.countries:
            tests.append(f"{country_column} IN (SELECT value FROM json_each(:within_countries))")
            params["within_countries"] = json.dumps(self.countries)
        if self.regions:
            tests.append(f"{admin1_column} IN (SELECT value FROM json_each(:within_regions))")
            params["within_regions"] = json.dumps(self.regions)
        return (" OR ".join(tests) or "0"), params


def _spellings(name: str) -> list[str]:
    """The ways a place name is likely stored ("somalia" → "Somalia"), so the lookup reads an index
    instead of folding every stored name."""
    given = " ".join(name.split())
    return sorted({given, given.title(), given.capitalize(), given.upper(), given.lower()})


def area_named(store: Store, name: str) -> Area:
    """The stored countries and regions called `name` (case-insensitive): a country contributes its code,
    a region its admin1 name; a town contributes nothing (its own name is matched as before)."""
    spellings = json.dumps(_spellings(name))
    rows = fetch(
        store,
        "SELECT DISTINCT feature, country_code, coalesce(admin1, name) AS region, admin2 FROM places"
        " WHERE name IN (SELECT value FROM json_each(:names)) AND feature IN ('country', 'region')",
        {"names": spellings},
    )
    countries = sorted(
        {row["country_code"] for row in rows if row["feature"] == "country" and row["country_code"]}
    )
    # A second-level area (it has an admin2 of its own) is matched by its name, not its admin1.
    regions = sorted(
        {row["region"] for row in rows if row["feature"] == "region" and row["region"] and not row["admin2"]}
    )
    if not regions and not countries:
        # An admin1 name no article names on its own ("Bay") still stands for the towns inside it.
        held = fetch(
            store,
            "SELECT admin1 FROM places WHERE admin1 IN (SELECT value FROM json_each(:names)) LIMIT 1",
            {"names": spellings},
        )
        regions = [row["admin1"] for row in held]
    return Area(tuple(countries), tuple(regions))


def country_names(store: Store) -> dict[str, str]:
    """The name stored for each country code (for facet labels: "SO" is shown as "Somalia")."""
    rows = fetch(
        store,
        "SELECT country_code, min(name) AS name FROM places WHERE feature = 'country'"
        " AND country_code IS NOT NULL GROUP BY country_code",
        {},
    )
    return {row["country_code"]: row["name"] for row in rows}

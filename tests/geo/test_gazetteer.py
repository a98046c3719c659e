"""The gazetteer over the shipped data: names, alternate names, regions, countries, informal regions."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.sources import CITY


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _first(gazetteer: Gazetteer, name: str, feature: str | None = None) -> Candidate:
    found = [c for c in gazetteer.lookup(name) if feature is None or c.feature == feature]
    assert found, name
    return found[0]


@pytest.mark.parametrize(
    ("name", "expected", "country", "feature"),
    [
        ("Bakhmut", "Bakhmut", "UA", "city"),
        ("Artemivsk", "Bakhmut", "UA", "city"),
        ("bakhmut", "Bakhmut", "UA", "city"),
        ("KYIV", "Kyiv", "UA", "city"),
        ("Kiev", "Kyiv", "UA", "city"),
        ("El Fasher", "El Fasher", "SD", "city"),
        ("Donetsk region", "Donetsk Oblast", "UA", "region"),
        ("Donetsk Oblast", "Donetsk Oblast", "UA", "region"),
        ("Donetska", "Donetsk Oblast", "UA", "region"),
        ("Bryansk region", "Bryansk Oblast", "RU", "region"),
        ("Idlib province", "Idlib", "SY", "region"),
        ("North Darfur state", "North Darfur", "SD", "region"),
        ("Crimea", "Crimea", "UA", "region"),
        ("Calif.", "California", "US", "region"),
        ("Ukraine", "Ukraine", "UA", "country"),
        ("U.S.", "United States", "US", "country"),
        ("the UK", "United Kingdom", "GB", "country"),
        ("Ivory Coast", "Ivory Coast", "CI", "country"),
    ],
)
def test_lookup(gazetteer: Gazetteer, name: str, expected: str, country: str, feature: str) -> None:
    found = _first(gazetteer, name, feature)
    assert (found.name, found.country_code) == (expected, country)


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [("Donbass", "region", "UA"), ("eastern Ukraine", "region", "UA"), ("Black Sea", "region", None)],
)
def test_informal_regions(gazetteer: Gazetteer, name: str, feature: str, country: str | None) -> None:
    found = _first(gazetteer, name)
    assert found.informal and found.feature == feature and found.country_code == country


def test_city_carries_identity_and_a_readable_admin1(gazetteer: Gazetteer) -> None:
    bakhmut = _first(gazetteer, "Bakhmut")
    assert bakhmut.geonames_id == 713174
    assert bakhmut.admin1 == "Donetsk Oblast"
    assert bakhmut.lat == pytest.approx(48.594, abs=0.01) and bakhmut.lon == pytest.approx(37.999, abs=0.01)
    assert bakhmut.population > 50_000


def test_a_county_without_a_geonames_admin1_code_takes_its_towns(gazetteer: Gazetteer) -> None:
    """England's counties have no GeoNames admin1 code of their own ("ENG"): they take the population
    of the towns countrystatecity lists in them, and those towns name the county as their admin1."""
    cornwall = next(
        c for c in gazetteer.lookup("Cornwall") if c.feature == "region" and c.country_code == "GB"
    )
    assert cornwall.population > 200_000
    truro = next(c for c in gazetteer.lookup("Truro") if c.country_code == "GB")
    assert truro.admin1 == "Cornwall" and truro.region_row == cornwall.row


def test_every_town_s_admin1_is_a_name_not_a_geonames_code(gazetteer: Gazetteer) -> None:
    """A village whose GeoNames admin1 code no region stands for ("75" in France) takes the name its
    code's other towns were matched to, so ACLED's admin1 column never holds a bare code."""
    index = gazetteer._index
    coded = [row for row, kind in enumerate(index.kind) if kind == CITY and index.admin1[row].isdigit()]
    assert len(coded) < 300  # of some 235,000 towns (most of them "00", unknown); 5,000 before
    french = [c for c in gazetteer.lookup("Ouzouer-sur-Loire") if c.country_code == "FR"]
    assert french and not french[0].admin1.isdigit()


def test_national_capitals_are_marked(gazetteer: Gazetteer) -> None:
    assert [(c.country_code, c.capital) for c in gazetteer.lookup("Warsaw")][:2] == [
        ("PL", True),
        ("US", False),
    ]
    assert any(c.capital for c in gazetteer.lookup("Kyiv"))


@pytest.mark.parametrize("code", ["UA", "RU", "US", "SD", "ML", "GB"])
def test_countries_have_coordinates(gazetteer: Gazetteer, code: str) -> None:
    country = gazetteer.country(code)
    assert country is not None and country.feature == "country"
    assert -90 <= country.lat <= 90 and -180 <= country.lon <= 180 and (country.lat, country.lon) != (0, 0)


def test_continents(gazetteer: Gazetteer) -> None:
    africa = _first(gazetteer, "Africa", "continent")
    assert africa.geonames_id is not None


@pytest.mark.parametrize("name", ["CNN", "BBC", "Federal Security Service", "Kyiv Independent", ""])
def test_no_place(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) == []


def test_candidates_come_most_populous_first(gazetteer: Gazetteer) -> None:
    populations = [c.population for c in gazetteer.lookup("Moscow")]
    assert populations == sorted(populations, reverse=True)
    assert "moscow" in gazetteer.lookup("Moscow")[0].name.lower()


def test_membership_and_size(gazetteer: Gazetteer) -> None:
    assert "Bakhmut" in gazetteer and "Wagnerville-on-Sea" not in gazetteer
    assert len(gazetteer) > 230_000


def test_loaded_once_per_process(gazetteer: Gazetteer) -> None:
    assert Gazetteer.load() is gazetteer

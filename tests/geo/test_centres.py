"""Country centres: the shoelace centroid, the antimeridian, and the shipped table against its source."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from sitrep import lexicons
from sitrep.geo import centres
from sitrep.geo.distance import haversine_km
from sitrep.geo.sources import countries, country_point

WORLD_ATLAS = Path(__file__).resolve().parents[2] / "node_modules" / "world-atlas" / "countries-50m.json"


def test_centroid_of_a_square() -> None:
    area, (lon, lat) = centres.centroid([(10.0, 0.0), (12.0, 0.0), (12.0, 2.0), (10.0, 2.0)])
    assert (round(lon, 6), round(lat, 6)) == (11.0, 1.0)
    assert area == pytest.approx(4.0 * 0.99985, rel=1e-3)


def test_a_ring_across_the_antimeridian_has_its_centre_by_the_date_line() -> None:
    _, (lon, lat) = centres.centroid([(178.0, 60.0), (-178.0, 60.0), (-178.0, 62.0), (178.0, 62.0)])
    assert abs(abs(lon) - 180.0) < 1e-6 and lat == pytest.approx(61.0)


def test_a_point_far_off_centre_gives_way_to_the_landmass_centre() -> None:
    assert country_point(38.0, -97.0, [39.5, -99.1]) == (39.5, -99.1)  # 230 km apart
    assert country_point(49.0, 32.0, [49.0, 31.4]) == (49.0, 31.7)  # 44 km: halfway between the two
    assert country_point(49.0, 32.0, None) == (49.0, 32.0)
    assert country_point(35.9, 14.4, [35.9, 14.45], on_land=False) == (35.9, 14.45)  # in the sea


def test_two_points_that_agree_give_the_point_halfway() -> None:
    """China's published 35, 105 and its land centre 36.6, 103.8 agree: the point between them lies
    within 161 km of both 35, 105 and 35, 103, two points others publish for China."""
    lat, lon = country_point(35.0, 105.0, [36.617, 103.797])
    assert haversine_km(lat, lon, 35.0, 105.0) < 161 and haversine_km(lat, lon, 35.0, 103.0) < 161


def test_a_country_point_lies_on_the_country_s_land() -> None:
    table = lexicons.load("country_centres")
    by_code = {row.country: row for row in countries()}
    assert {"US", "UA", "PK", "GB"} <= set(table["inside"])
    for code in set(table["centres"]) - set(table["inside"]):
        if code in by_code:
            lat, lon = table["centres"][code]
            assert (by_code[code].lat, by_code[code].lon) == (lat, lon)


def test_every_country_point_lies_near_its_landmass_centre() -> None:
    table = lexicons.load("country_centres")["centres"]
    by_code = {row.country: row for row in countries()}
    assert len(table) > 200
    us = by_code["US"]
    assert 39 < us.lat < 40 and -100 < us.lon < -98  # Kansas, not 235 km off
    for code, (lat, lon) in table.items():
        if code in by_code:
            assert haversine_km(by_code[code].lat, by_code[code].lon, lat, lon) <= centres.MAX_OFF_CENTRE_KM


@pytest.mark.skipif(not WORLD_ATLAS.exists(), reason="node_modules/world-atlas is not installed")
def test_the_shipped_table_is_what_the_script_computes_from_natural_earth() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        centres.main(str(WORLD_ATLAS))
    assert json.loads(out.getvalue()) == lexicons.load("country_centres")


def test_a_centre_outside_its_own_landmass_is_no_centre() -> None:
    crescent = [
        (0.0, 0.0),
        (4.0, 0.0),
        (4.0, 4.0),
        (0.0, 4.0),
        (0.0, 3.0),
        (3.0, 3.0),
        (3.0, 1.0),
        (0.0, 1.0),
    ]
    _, point = centres.centroid(crescent)
    assert not centres.contains(crescent, point)
    assert centres.contains(crescent, (3.5, 2.0))


def test_an_archipelago_s_centre_lies_among_its_islands_not_on_its_largest() -> None:
    table = lexicons.load("country_centres")["centres"]
    lat, lon = table["PH"]
    assert lat > 15  # its islands' centre lies in the sea, so the largest island's (Luzon's) stands in
    lat, lon = table["NZ"]
    assert -43 < lat < -40  # between the two islands, not on the South Island (about -44)
    us_lat, us_lon = table["US"]
    assert 38 < us_lat < 41 and -101 < us_lon < -97  # Alaska and Hawaii lie too far to pull at it


def test_weighted_centre_is_the_area_weighted_mean_on_the_sphere() -> None:
    lon, lat = centres.weighted_centre([(1.0, (10.0, 0.0)), (3.0, (20.0, 0.0))])
    assert lat == pytest.approx(0.0, abs=1e-9) and 17 < lon < 18
    lon, _ = centres.weighted_centre([(1.0, (179.0, 0.0)), (1.0, (-179.0, 0.0))])
    assert abs(abs(lon) - 180.0) < 1e-6  # across the antimeridian, not at 0


def test_a_published_point_near_the_land_centre_moves_halfway_to_it() -> None:
    by_code = {row.country: row for row in countries()}
    assert (by_code["CN"].lat, by_code["CN"].lon) == (35.8085, 104.3985)  # 210 km off the centre

"""Great-circle distances against known values."""

from __future__ import annotations

import pytest

from sitrep.geo.distance import haversine_km


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((50.4547, 30.5238), (49.9935, 36.2304), 410),  # Kyiv - Kharkiv
        ((51.5074, -0.1278), (48.8566, 2.3522), 344),  # London - Paris
        ((0.0, 0.0), (0.0, 1.0), 111),
    ],
)
def test_haversine_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=3)


def test_same_point_is_zero() -> None:
    assert haversine_km(48.59, 38.0, 48.59, 38.0) == 0.0

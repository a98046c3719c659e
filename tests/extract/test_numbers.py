"""Counts in words and digits, with ACLED's vague-number conventions."""

from __future__ import annotations

import pytest

from sitrep.extract.numbers import parse_count, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("at least 12", 12),
        ("1,200", 1200),
        ("twenty-five", 25),
        ("three hundred", 300),
        ("dozens", 12),
        ("tens", 10),
        ("hundreds", 100),
        ("a dozen", 12),
        ("tens of thousands", 10_000),
        ("more than 40", 40),
        ("several", 3),
        ("many", None),
        ("the 45th", None),
        ("", None),
    ],
)
def test_parse_count(text: str, value: int | None) -> None:
    assert parse_count(text) == value


def test_figures_no_count_can_be_are_none() -> None:
    assert parse_count("10,000,000,000") == 10_000_000_000
    assert parse_count("99999999999999999999") is None  # over 64 bits, and over everyone alive
    assert parse_number("9" * 400) is None  # not a finite float

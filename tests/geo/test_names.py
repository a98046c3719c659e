"""Name folding: one key per spelling, for the index and for lookups alike."""

from __future__ import annotations

import pytest

from sitrep.geo.names import fold, is_latin, is_short_form, strip_region_word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv", "kyiv"),
        ("KYIV", "kyiv"),
        ("Kýiv", "kyiv"),
        ("Artemivs'k", "artemivsk"),
        ("Artemivs’k", "artemivsk"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("The Netherlands", "netherlands"),
        ("U.S.", "us"),
        ("Łódź", "lodz"),
        ("Côte d’Ivoire", "cote divoire"),
        ("  Donetsk   region ", "donetsk region"),
        ("Москва", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("name", "latin"),
    [("Bakhmut", True), ("Bāb al-Mandab", True), ("Бахмут", False), ("バフムート", False)],
)
def test_is_latin(name: str, latin: bool) -> None:
    assert is_latin(name) is latin


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("donetsk oblast", ("donetsk", "oblast")),
        ("idlib province", ("idlib", "province")),
        ("donetsk", ("donetsk", None)),
        ("region", ("region", None)),
    ],
)
def test_strip_region_word(key: str, expected: tuple[str, str | None]) -> None:
    assert strip_region_word(key) == expected


def test_a_short_form_is_the_leading_words_of_the_name() -> None:
    assert is_short_form("matias romero", "Matías Romero Avendaño")
    assert not is_short_form("matias", "Matías Romero Avendaño")  # one word is no short form
    assert not is_short_form("romero avendano", "Matías Romero Avendaño")

from __future__ import annotations

import pytest

from sitrep.link.names import name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Zelensky", "Zelenskyy"),
        ("Zelenskiy", "Zelenskyy"),
        ("Prigozhin", "Prigozhyn"),
        ("Kyiv", "Kiev"),
        ("Yevgeny Prigozhin", "Evgeny Prigozhyn"),
    ],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert name_key(one, person=True) == name_key(other, person=True)


def test_titles_are_dropped_for_people_only() -> None:
    assert name_key("President Volodymyr Zelenskiy's", person=True) == name_key("Volodymyr Zelenskyy", True)
    assert name_key("Lt. Col. Andriy Kovalchuk", person=True) == name_key("Andriy Kovalchuk", person=True)
    assert name_key("Ukrainian Army") != name_key("Ukrainian")


def test_different_names_keep_different_keys() -> None:
    assert name_key("Iryna Kovalenko", True) != name_key("Oleksandr Kovalenko", True)
    assert name_key("Kharkiv") != name_key("Kherson")

"""Pronoun speakers: agreement in sex from what the text says, and the previous sentence's subject."""

from __future__ import annotations

import pytest


def _speaker_entity(extract, text: str) -> str | None:  # type: ignore[no-untyped-def]
    extraction = extract(text)
    [claim] = [
        c for c in extraction.claims if c.speaker is not None and c.speaker.text.lower() in ("he", "she")
    ]
    entity = next((e for e in extraction.entities if e.id == claim.speaker.entity_id), None)
    return entity.name if entity is not None else None


def test_title_tells_the_sex(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Mr. Petro Bondar met Mrs. Olena Koval in Lviv. She said that the talks had failed."
    assert _speaker_entity(extract, text) == "Olena Koval"


@pytest.mark.parametrize("title", ["Ms.", "Miss"])
def test_feminine_titles(extract, title: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Petro Bondar met {title} Olena Koval in Lviv. She said that the talks had failed."
    assert _speaker_entity(extract, text) == "Olena Koval"


def test_masculine_title_sir(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Olena Koval met Sir Petro Bondar in Lviv. He said that the talks had failed."
    assert _speaker_entity(extract, text) == "Petro Bondar"


@pytest.mark.parametrize(
    ("noun", "pronoun"),
    [
        ("wife", "She"),
        ("husband", "He"),
        ("mother", "She"),
        ("father", "He"),
        ("daughter", "She"),
        ("son", "He"),
        ("sister", "She"),
        ("brother", "He"),
        ("aunt", "She"),
        ("uncle", "He"),
        ("niece", "She"),
        ("nephew", "He"),
        ("widow", "She"),
        ("widower", "He"),
        ("girlfriend", "She"),
        ("boyfriend", "He"),
        ("grandmother", "She"),
        ("grandfather", "He"),
    ],
)
def test_kinship_noun_beside_a_name(extract, noun: str, pronoun: str) -> None:  # type: ignore[no-untyped-def]
    host = "Olena Koval" if pronoun == "He" else "Petro Bondar"
    guest = "Andriy Tkach" if pronoun == "He" else "Hanna Melnyk"
    text = f"{host} greeted the {noun}, {guest}, at the airport. {pronoun} said that the trip had been long."
    assert _speaker_entity(extract, text) == guest


@pytest.mark.parametrize(
    ("noun", "pronoun"),
    [
        ("congresswoman", "She"),
        ("congressman", "He"),
        ("spokeswoman", "She"),
        ("spokesman", "He"),
        ("chairwoman", "She"),
        ("chairman", "He"),
        ("businesswoman", "She"),
        ("businessman", "He"),
        ("woman", "She"),
        ("man", "He"),
        ("queen", "She"),
        ("king", "He"),
        ("princess", "She"),
        ("prince", "He"),
        ("actress", "She"),
    ],
)
def test_role_noun_beside_a_name(extract, noun: str, pronoun: str) -> None:  # type: ignore[no-untyped-def]
    host = "Olena Koval" if pronoun == "He" else "Petro Bondar"
    guest = "Andriy Tkach" if pronoun == "He" else "Hanna Melnyk"
    text = f"{host} greeted the {noun}, {guest}, at the airport. {pronoun} said that the trip had been long."
    assert _speaker_entity(extract, text) == guest


def test_own_tells_the_sex(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Olena Koval ran her own campaign in Lviv. Petro Bondar praised Olena Koval at the rally. "
        "She said that the vote was fair."
    )
    assert _speaker_entity(extract, text) == "Olena Koval"


def test_previous_subject_over_a_name_in_the_object(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Taras Melnyk introduced Ivan Petrenko's bill in the assembly. He said that it would pass."
    assert (_speaker_entity(extract, text) or "").endswith("Melnyk")


def test_subject_of_own_sentence_over_a_nearer_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Taras Melnyk has backed Ivan Petrenko's bill for a year, he said."
    assert (_speaker_entity(extract, text) or "").endswith("Melnyk")

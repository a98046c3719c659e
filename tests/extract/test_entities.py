"""Entities: NER names and actor phrases, merged within an article by alias."""

from __future__ import annotations

import pytest

from sitrep.extract.entities import name_key


def _by_alias(extraction, alias):  # type: ignore[no-untyped-def]
    return [e for e in extraction.entities if alias in e.aliases]


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        (
            "President Volodymyr Zelenskyy visited the front on Monday. Zelensky said the troops held.",
            "Zelensky",
            "Volodymyr Zelenskyy",
        ),
        (
            "Yevgeny Prigozhin complained about shells. Later Prigozhin threatened to pull out his men.",
            "Prigozhin",
            "Yevgeny Prigozhin",
        ),
        (
            "The Wagner Group recruited prisoners last year. Wagner then sent them to the front.",
            "Wagner",
            "Wagner Group",
        ),
    ],
)
def test_aliases_merge_into_one_entity(extract, text: str, short: str, full: str) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(text)
    [entity] = _by_alias(extraction, short)
    assert full in entity.aliases
    assert entity.name == full
    assert len(entity.mentions) == 2


def test_two_people_sharing_a_surname_are_not_merged_through_it(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "Defence Minister John Carter met General Mary Carter in the capital. Carter later left for the front."
    )
    people = [e for e in extraction.entities if e.type == "PERSON"]
    names = sorted(e.name for e in people)
    assert "John Carter" in names and "Mary Carter" in names
    assert not any({"John Carter", "Mary Carter"} <= set(e.aliases) for e in people)


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "country"),
    [
        ("Russian artillery pounded the village overnight.", "Russian artillery", "state_forces", "RU"),
        ("Ukraine's defence forces repelled the assault.", "Ukraine's defence forces", "state_forces", "UA"),
        ("Gunmen attacked a bus carrying civilians.", "civilians", "civilians", None),
        ("Wagner mercenaries seized the mine.", "Wagner mercenaries", "external_other", "RU"),
        ("Thousands of protesters marched through the capital.", "protesters", "protesters", None),
    ],
)
def test_actor_phrases_get_kind_and_country(extract, text, phrase, kind, country) -> None:  # type: ignore[no-untyped-def]
    [entity] = _by_alias(extract(text), phrase)
    assert entity.kind == kind
    assert entity.country == country


def test_known_town_tagged_as_organization_is_a_place_not_an_entity(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract("Fighting continued around Bakhmut on Tuesday, and Bakhmut remained under fire.")
    assert not _by_alias(extraction, "Bakhmut")
    assert any(p.name == "Bakhmut" for p in extraction.places)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelenskyy"), ("Prigozhin", "Prigozhyn"), ("Kyiv", "KYIV")],
)
def test_name_keys_tolerate_transliteration(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_a_surname_alone_the_ner_missed_joins_the_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract("Senator Jon Tester criticized the bank. Tester said the fines were too small.")
    [person] = _by_alias(extraction, "Jon Tester")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Jon Tester", "Tester"]
    claim = next(c for c in extraction.claims if c.content.text.startswith("the fines"))
    assert claim.speaker is not None and claim.speaker.entity_id == person.id


def test_a_full_personal_name_makes_a_person_however_the_surname_was_typed(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Donald Trump spoke in Ohio on Monday. Trump said the wall would be built."
    [person] = _by_alias(extract(text), "Donald Trump")
    assert person.type == "PERSON" and "Trump" in person.aliases


def test_a_surname_inside_a_longer_name_is_not_the_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Jon Tester spoke on Monday. Reporters waited outside Tester Hall."
    [person] = _by_alias(extract(text), "Jon Tester")
    assert [m.text for m in person.mentions] == ["Jon Tester"]

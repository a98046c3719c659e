from __future__ import annotations

from sitrep.link.entities import Mention, resolve


def person(article: str, name: str, kind: str | None = None, country: str | None = None) -> Mention:
    return Mention(article, "ent-1", name, "PERSON", kind, country)


def canonical(found: dict, mention: Mention) -> str:  # type: ignore[type-arg]
    return found[(mention.article_id, mention.entity_id)].canonical_id


def test_spelling_variants_of_a_full_name_are_one_person_with_a_reason() -> None:
    a, b = person("a1", "Volodymyr Zelenskyy"), person("a2", "Volodymyr Zelenskiy")
    found = resolve([a, b])
    assert canonical(found, a) == canonical(found, b)
    assert found[("a2", "ent-1")].reason == "spelling variant of Volodymyr Zelenskyy" or found[
        ("a1", "ent-1")
    ].reason.startswith("spelling variant")


def test_a_surname_joins_the_only_person_of_that_surname() -> None:
    full, short = person("a1", "Yevgeny Prigozhin"), person("a2", "Prigozhyn")
    found = resolve([full, short])
    assert canonical(found, full) == canonical(found, short)
    assert found[("a2", "ent-1")].reason.startswith("surname of Yevgeny Prigozhin")


def test_a_surname_shared_by_two_people_joins_neither() -> None:
    mayor = person("a1", "Iryna Kovalenko", "government")
    colonel = person("a2", "Oleksandr Kovalenko", "state_forces")
    short = person("a3", "Kovalenko")
    found = resolve([mayor, colonel, short])
    assert canonical(found, mayor) != canonical(found, colonel)
    assert canonical(found, short) not in {canonical(found, mayor), canonical(found, colonel)}
    assert found[("a3", "ent-1")].reason.startswith("not joined: 2 people")


def test_a_shared_surname_with_a_matching_role_joins_that_person() -> None:
    mayor = person("a1", "Iryna Kovalenko", "government")
    colonel = person("a2", "Oleksandr Kovalenko", "state_forces")
    short = person("a3", "Kovalenko", "state_forces")
    found = resolve([mayor, colonel, short])
    assert canonical(found, short) == canonical(found, colonel)


def test_generic_actor_phrases_are_not_joined_across_articles_without_a_country() -> None:
    one = Mention("a1", "ent-2", "civilians", "NORP", "civilians", None)
    two = Mention("a2", "ent-2", "civilians", "NORP", "civilians", None)
    russian = [Mention(a, "ent-3", "Russian forces", "NORP", "state_forces", "RU") for a in ("a1", "a2")]
    found = resolve([one, two, *russian])
    assert canonical(found, one) != canonical(found, two)
    assert canonical(found, russian[0]) == canonical(found, russian[1])


def test_places_join_across_exonyms() -> None:
    kyiv, kiev = Mention("a1", "e", "Kyiv", "GPE", None, None), Mention("a2", "e", "Kiev", "GPE", None, None)
    found = resolve([kyiv, kiev])
    assert canonical(found, kyiv) == canonical(found, kiev)


def test_an_acronym_joins_the_one_name_it_spells() -> None:
    full = Mention("a1", "e", "Rapid Support Forces", "ORG", None, "SD")
    short = Mention("a2", "e", "RSF", "ORG", None, "SD")
    found = resolve([full, short])
    assert canonical(found, full) == canonical(found, short)
    assert found[("a2", "e")].reason.startswith("acronym of Rapid Support Forces")


def test_an_acronym_two_names_spell_joins_neither() -> None:
    one = Mention("a1", "e", "Rapid Support Forces", "ORG", None, None)
    two = Mention("a2", "e", "Regional Security Force", "ORG", None, None)
    short = Mention("a3", "e", "RSF", "ORG", None, None)
    found = resolve([one, two, short])
    assert canonical(found, short) not in {canonical(found, one), canonical(found, two)}

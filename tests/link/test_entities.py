from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.link.entities import Mention, resolve
from sitrep.link.run import link_batch
from sitrep.model import Article, Document, Entity, Extraction, Span
from sitrep.store import Store


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


def test_an_acronym_is_matched_by_its_own_letters_not_its_folded_key() -> None:
    """ "CNN" folds to the key "cn", the initials of "CBS News": it must not join it."""
    cbs = Mention("a1", "e", "CBS News", "ORG", "media", "US")
    cnn = Mention("a2", "e", "CNN", "ORG", "media", "US")
    found = resolve([cbs, cnn])
    assert canonical(found, cnn) != canonical(found, cbs)
    cable = Mention("a3", "e", "Cable News Network", "ORG", "media", "US")
    found = resolve([cbs, cnn, cable])
    assert canonical(found, cnn) == canonical(found, cable) != canonical(found, cbs)


NEWSROOMS = [
    ("n0", "CBS News"),
    ("n1", "CNN"),
    ("n2", "Cable News Network"),
    ("n3", "CBS"),
    ("n4", "Columbia Broadcasting System"),
    ("n5", "Cbs"),
    ("n6", "Rapid Support Forces"),
    ("n7", "RSF"),
    ("n8", "CN"),
]


def _link_newsrooms(path: Path, batches: list[list[int]]) -> dict[str, str]:
    with Store(path) as store:
        for article_id, name in NEWSROOMS:
            text = f"{name} reported the strike on Monday."
            article = Article(id=article_id, published=dt.date(2024, 5, 8), text=text)
            entity = Entity(
                id="ent-1",
                name=name,
                type="ORG",
                aliases=[name],
                mentions=[Span(start=0, end=len(name), text=name)],
            )
            extraction = Extraction(
                document=Document.of(article),
                entities=[entity],
                places=[],
                timexes=[],
                events=[],
                claims=[],
                relations=[],
            )
            store.add(article, extraction)
        conn = store.connection
        for batch in batches:
            conn.execute("BEGIN")
            link_batch(conn, [NEWSROOMS[i][0] for i in batch])
            conn.execute("COMMIT")
        return dict(conn.execute("SELECT article_id, canonical_id FROM canonical_entity_members"))


@settings(max_examples=25, deadline=None)
@given(
    order=st.permutations(range(len(NEWSROOMS))), cuts=st.sets(st.integers(1, len(NEWSROOMS) - 1), max_size=4)
)
def test_canonical_entities_do_not_depend_on_batching(order: list[int], cuts: set[int]) -> None:
    bounds = [0, *sorted(cuts), len(NEWSROOMS)]
    with tempfile.TemporaryDirectory() as folder:
        together = _link_newsrooms(Path(folder) / "one.db", [list(range(len(NEWSROOMS)))])
        split = _link_newsrooms(
            Path(folder) / "split.db", [order[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        )
    assert split == together
    assert together["n1"] == together["n2"] and together["n1"] != together["n0"]  # CNN is Cable News Network
    assert together["n7"] == together["n6"]


@pytest.mark.parametrize(
    ("short", "short_type", "full", "full_type"),
    [
        ("U.S.", "GPE", "United States", "GPE"),
        ("US", "ORG", "the United States", "GPE"),
        ("U.K.", "GPE", "Britain", "GPE"),
        ("U.N.", "ORG", "United Nations", "ORG"),
        ("ISIS", "ORG", "Islamic State", "ORG"),
        ("al-Shabaab", "ORG", "al-Shabab", "PERSON"),
    ],
)
def test_short_and_full_names_of_one_country_or_organisation_are_one_entity(
    short: str, short_type: str, full: str, full_type: str
) -> None:
    a = Mention("a1", "e", short, short_type, None, None)
    b = Mention("a2", "e", full, full_type, None, None)
    nairobi = Mention("a3", "e", "University of Nairobi", "ORG", None, "KE")  # also spells "UN"
    found = resolve([a, b, nairobi])
    assert canonical(found, a) == canonical(found, b) != canonical(found, nairobi)


def test_a_group_the_ner_typed_as_a_person_is_not_a_person() -> None:
    from sitrep.link.entities import _Tally, base_key

    mentions = [Mention("a1", "e", "al-Shabab", "PERSON", None, None)] * 3
    mentions.append(Mention("a2", "e", "al-Shabab", "NORP", None, None))
    tally = _Tally()
    for mention in mentions:
        tally.types[mention.type] += 1
        tally.keys.add(base_key(mention))
    assert tally.type() == "NORP"
    person = _Tally()
    person.types["PERSON"] += 2
    person.keys.add(base_key(Mention("a1", "e", "Oleh Marchenko", "PERSON", None, None)))
    assert person.type() == "PERSON"

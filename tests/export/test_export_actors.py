from __future__ import annotations

from typing import Any

import pytest

from sitrep.export.acled_sides import civilian_targeting, code_sides
from sitrep.export.actors import AcledActor, Side, name_side, split_tied
from sitrep.export.allies import allies


def side(
    text: str,
    kind: str | None = None,
    country: str | None = None,
    entity_type: str | None = "NORP",
    aliases: tuple[str, ...] = (),
) -> Side:
    return Side(text, text, entity_type, aliases or (text,), kind, country)


@pytest.mark.parametrize(
    ("given", "place", "event_type", "sub_type", "role", "name", "inter"),
    [
        (
            side("Pakistan military", "state_forces", "PK"),
            "PK",
            "Battles",
            None,
            1,
            "Military Forces of Pakistan",
            1,
        ),
        (side("Indian police", "state_forces", "IN"), "IN", "Battles", None, 1, "Police Forces of India", 1),
        (
            side("Russian artillery", "state_forces", "RU"),
            "UA",
            "Battles",
            None,
            1,
            "Military Forces of Russia",
            8,
        ),
        (side("security forces", "state_forces"), "SO", "Battles", None, 1, "Military Forces of Somalia", 1),
        (
            side("officials", "government"),
            "IQ",
            "Strategic developments",
            "Arrests",
            1,
            "Police Forces of Iraq",
            1,
        ),
        (
            side("Mexico", "government", "MX", "GPE"),
            "MX",
            "Strategic developments",
            None,
            1,
            "Government of Mexico",
            1,
        ),
        (
            side("Trump", "government", "US", "PERSON"),
            "US",
            "Battles",
            None,
            1,
            "Military Forces of the United States",
            1,
        ),
        (
            side("Sudanese armed forces", "political_militia", "SD"),
            "SD",
            "Battles",
            None,
            1,
            "Military Forces of Sudan",
            1,
        ),
        (
            side("Gunmen", "political_militia"),
            "SO",
            "Battles",
            None,
            1,
            "Unidentified Armed Group (Somalia)",
            3,
        ),
        (
            side("Militants", "rebel_group"),
            "PK",
            "Battles",
            None,
            1,
            "Unidentified Armed Group (Pakistan)",
            3,
        ),
        (
            side("Islamist militants", "rebel_group"),
            "KE",
            "Battles",
            None,
            1,
            "Unidentified Armed Group (Kenya)",
            3,
        ),
        (side("al-Shabab militants", "rebel_group"), "SO", "Battles", None, 2, "Al Shabaab", 2),
        (
            side("BLA terrorists", "rebel_group"),
            "PK",
            "Battles",
            None,
            2,
            "BLA: Balochistan Liberation Army",
            2,
        ),
        (
            side("RSF", "political_militia", "SD", "ORG"),
            "SD",
            "Battles",
            None,
            2,
            "RSF: Rapid Support Forces",
            3,
        ),
        (
            side("seven additional IS members"),
            "IQ",
            "Strategic developments",
            "Arrests",
            2,
            "Islamic State (Iraq)",
            2,
        ),
        (
            side(
                "Ambazonia Defence Forces fighters",
                "rebel_group",
                aliases=("Ambazonia Defence Forces fighters",),
            ),
            "CM",
            "Battles",
            None,
            1,
            "Ambazonia Defence Forces",
            2,
        ),
        (side("Wagner Group", "external_other", "RU", "ORG"), "UA", "Battles", None, 1, "Wagner Group", 8),
        (
            side("civilians", "civilians"),
            "SO",
            "Violence against civilians",
            None,
            2,
            "Civilians (Somalia)",
            7,
        ),
        (side("more than 10 people"), "SO", "Battles", None, 2, "Civilians (Somalia)", 7),
        (
            side("Blessed Mhlanga", entity_type="PERSON"),
            "ZW",
            "Strategic developments",
            "Arrests",
            2,
            "Civilians (Zimbabwe)",
            7,
        ),
        (side("demonstrators", "protesters"), "KE", "Protests", None, 1, "Protesters (Kenya)", 6),
        (side("rioters", "rioters"), "KE", "Riots", None, 1, "Rioters (Kenya)", 5),
        (
            side("Russian", country="RU"),
            "UA",
            "Explosions/Remote violence",
            None,
            1,
            "Military Forces of Russia",
            8,
        ),
    ],
)
def test_names_as_acled_does(
    given: Side, place: str, event_type: str, sub_type: str | None, role: int, name: str, inter: int
) -> None:
    coded = name_side(given, place, event_type, sub_type, role)
    assert coded is not None
    assert (coded.name, coded.inter) == (name, inter)


@pytest.mark.parametrize(
    "given",
    [
        side("hotel", entity_type=None),
        side("cross-country passenger train", entity_type=None),
        side("oil depot", entity_type=None),
        side("her explosive devices", entity_type=None),
        side("several villages", entity_type=None),
        side("it", entity_type=None),
    ],
)
def test_things_are_not_actors(given: Side) -> None:
    assert name_side(given, "SO", "Battles", None, 2) is None


def test_a_pronoun_for_an_ideology_is_an_unidentified_armed_group() -> None:
    pronoun = Side("it", "Islamist", "NORP", ("Islamist",), None, None)
    coded = name_side(pronoun, "SO", "Battles", "Armed clash", 1)
    assert coded is not None and (coded.name, coded.inter) == ("Unidentified Armed Group (Somalia)", 3)
    assert name_side(pronoun, "SO", "Protests", "Peaceful protest", 1) is None


def test_a_government_abroad_is_not_a_force_abroad() -> None:
    ukraine = side("Ukraine", "government", "UA", "GPE")
    agreement = name_side(ukraine, "LT", "Strategic developments", "Agreement", 1)
    strike = name_side(ukraine, "RU", "Explosions/Remote violence", "Air/drone strike", 1)
    assert agreement is not None and (agreement.name, agreement.inter) == ("Government of Ukraine", 1)
    assert strike is not None and (strike.name, strike.inter) == ("Military Forces of Ukraine", 8)


def test_subgroups_become_associated_actors() -> None:
    coded = name_side(side("journalists", "civilians"), "ZW", "Violence against civilians", "Attack", 2)
    assert coded is not None
    assert (coded.name, coded.assoc) == ("Civilians (Zimbabwe)", ("Journalists (Zimbabwe)",))


def test_a_side_naming_two_groups_is_split() -> None:
    parts = split_tied(side("Ukrainian and Russian forces", "state_forces", "UA"))
    assert [(p.text, p.country) for p in parts] == [("Ukrainian forces", "UA"), ("Russian forces", "RU")]
    assert split_tied(side("Group for Support of Islam and Muslims", entity_type="ORG"))[0].text.endswith(
        "Muslims"
    )


def event(**fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "acled_event_type": "Battles",
        "acled_sub_event_type": "Armed clash",
        "country_code": "UA",
    }
    for prefix in ("actor1", "actor2"):
        for key in ("", "_entity", "_kind", "_country"):
            row[f"{prefix}{key}"] = None
    row.update(fields)
    return row


def test_battle_between_two_groups_of_one_side() -> None:
    sides = code_sides(
        event(actor1="Ukrainian and Russian forces", actor1_kind="state_forces", actor1_country="UA")
    )
    assert sides.actor1 is not None and sides.actor2 is not None
    assert (sides.actor1.name, sides.actor2.name) == (
        "Military Forces of Ukraine",
        "Military Forces of Russia",
    )
    assert (sides.inter1, sides.inter2) == (1, 8)


def test_allied_group_is_associated() -> None:
    sides = code_sides(
        event(
            actor1="Russian troops and Wagner fighters",
            actor1_kind="state_forces",
            actor1_country="RU",
            actor2="Ukrainian troops",
            actor2_kind="state_forces",
            actor2_country="UA",
        )
    )
    assert sides.actor1 is not None
    assert (sides.actor1.name, sides.actor1.assoc) == ("Military Forces of Russia", ("Wagner Group",))


def test_a_thing_goes_to_notes() -> None:
    sides = code_sides(
        event(actor1="Gunmen", actor1_kind="political_militia", actor2="hotel", country_code="SO")
    )
    assert sides.actor2 is None
    assert sides.notes == ("[Target: hotel.]",)


def test_violence_against_civilians_fills_both_sides_and_says_so() -> None:
    sides = code_sides(
        event(acled_event_type="Violence against civilians", acled_sub_event_type="Attack", country_code="AF")
    )
    assert sides.actor1 is not None and sides.actor2 is not None
    assert (sides.actor1.name, sides.inter1) == ("Unidentified Armed Group (Afghanistan)", 3)
    assert (sides.actor2.name, sides.inter2) == ("Civilians (Afghanistan)", 7)
    assert len(sides.notes) == 2 and "the source names no actor" in sides.notes[0]
    assert civilian_targeting("Violence against civilians", "Attack", sides)


def test_police_dispersing_a_protest_is_actor2() -> None:
    sides = code_sides(
        event(
            acled_event_type="Protests",
            acled_sub_event_type="Protest with intervention",
            actor1="Police",
            actor1_kind="state_forces",
            country_code="ML",
        )
    )
    assert sides.actor1 is not None and sides.actor2 is not None
    assert (sides.actor1.name, sides.actor2.name) == ("Protesters (Mali)", "Police Forces of Mali")


def test_a_battle_naming_no_side_is_never_filled() -> None:
    sides = code_sides(event())
    assert (sides.actor1, sides.actor2, sides.notes) == (None, None, ())


def test_the_unnamed_side_of_a_battle_is_an_unidentified_armed_group() -> None:
    sides = code_sides(event(actor2="Authorities", actor2_kind="government", country_code="NG"))
    assert sides.actor1 is not None and sides.actor2 is not None
    assert (sides.actor1.name, sides.actor2.name) == (
        "Unidentified Armed Group (Nigeria)",
        "Military Forces of Nigeria",
    )
    assert sides.notes == (
        "[Actor 1 coded as Unidentified Armed Group (Nigeria): the source names no actor for this side.]",
    )


def test_one_entity_is_never_on_both_sides() -> None:
    sides = code_sides(
        event(
            actor1="He",
            actor1_entity="Arnel Joseph",
            actor1_kind="political_militia",
            actor2="Arnel Joseph",
            actor2_entity="Arnel Joseph",
            actor2_kind="political_militia",
            country_code="HT",
        )
    )
    assert sides.actor1 is not None and sides.actor2 is None
    assert sides.actor1.name == "Arnel Joseph"


def test_a_person_is_named_by_the_armed_group_they_lead() -> None:
    group = Side("Al-Shabab", None, "ORG", ("Al-Shabab",), None, None)
    leader = Side("Tima-Weeyne", "Mansoor Tima-Weeyne", "PERSON", ("Mansoor Tima-Weeyne",), None, None, group)
    coded = name_side(leader, "SO", "Battles", "Armed clash", 1)
    assert coded is not None
    assert (coded.name, coded.inter, coded.entity) == ("Al Shabaab", 2, "Mansoor Tima-Weeyne")
    official = Side("Peskov", "Dmitry Peskov", "PERSON", (), "government", "RU", group)
    expected = AcledActor("Government of Russia", 1, entity="Dmitry Peskov")
    assert name_side(official, "RU", "Strategic developments", "Agreement", 1) == expected


@pytest.mark.parametrize(
    ("evidence", "actor", "found"),
    [
        ("The army, backed by allied militias, retook the town on Monday.", "army", ["allied militias"]),
        (
            "RSF fighters supported by Wagner mercenaries attacked El Fasher.",
            "RSF fighters",
            ["Wagner mercenaries"],
        ),
        ("Police alongside soldiers dispersed the crowd in Bamako.", "Police", ["soldiers"]),
        ("The army shelled the town.", "army", []),
        ("Rebels attacked the town, backed by nobody knows whom in particular at all.", "Rebels", []),
    ],
)
def test_allies_attached_to_an_actor(evidence: str, actor: str, found: list[str]) -> None:
    assert allies(evidence, actor) == found


def test_an_ally_in_the_sentence_is_associated() -> None:
    sides = code_sides(
        event(
            actor1="army",
            actor1_kind="state_forces",
            actor2="RSF",
            actor2_kind="political_militia",
            country_code="SD",
            evidence=["The army, backed by Wagner mercenaries, fought the RSF in El Fasher."],
        )
    )
    assert sides.actor1 is not None
    assert (sides.actor1.name, sides.actor1.assoc) == ("Military Forces of Sudan", ("Wagner Group",))


def test_an_ally_is_never_the_other_side_of_a_battle() -> None:
    sides = code_sides(
        event(
            actor1="Russian troops backed by Wagner fighters",
            actor1_kind="state_forces",
            actor1_country="RU",
            evidence=["Russian troops backed by Wagner fighters stormed the village."],
        )
    )
    assert sides.actor1 is not None and sides.actor2 is not None
    assert sides.actor1.assoc == ("Wagner Group",)
    assert sides.actor2.name == "Unidentified Armed Group (Ukraine)"  # the battle's unnamed other side

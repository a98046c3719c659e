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
    ("Soldiers abused women and girls in the village on Tuesday.", "Sexual violence"),
    ("Guards abused detainees at the prison on Tuesday.", "Attack"),
    (
        "Police used live bullets to disperse a protest in the capital on Tuesday.",
        "Excessive force against protesters",
    ),
    (
        "Militants used rocket-propelled grenades to shoot down an army helicopter on Tuesday.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Rebels have taken over four localities in the territory on Tuesday.",
        "Non-state actor overtakes territory",
    ),
    (
        "Three civilians were killed and dozens wounded in airstrikes on the town on Tuesday.",
        "Air/drone strike",
    ),
    ("Troops repelled an attack by rebels near the town on Tuesday.", "Armed clash"),
    ("The army inflicted heavy losses on the rebels in the province on Tuesday.", "Armed clash"),
    (
        "Police discovered three packages containing what appeared to be explosive devices on Tuesday.",
        "Disrupted weapons use",
    ),
    ("Troops clashed with rebels near the town on Tuesday, using artillery and tanks.", "Armed clash"),
    ("The town was retaken on Tuesday after days of fighting.", "Government regains territory"),
    (
        "The army staged a counterattack near the city on Tuesday and significant ground was regained.",
        "Government regains territory",
    ),
    (
        "Syrian troops clashed with insurgents on Tuesday and captured a village near the town.",
        "Government regains territory",
    ),
    ("The peace talks between the government and the rebels started in Geneva on Tuesday.", "Agreement"),
    ("The rebels and the army held talks on Tuesday to reach a peace deal.", "Agreement"),
    ("Twenty soldiers were released on Tuesday in exchange for 37 rebel fighters.", "Agreement"),
    ("Troops exchanged fire with militants near the border on Tuesday.", "Armed clash"),
    ("Police raided the village on Tuesday to arrest the suspects.", "Arrests"),
    ("Armoured vehicles and tanks were deployed to the border on Tuesday.", "Change to group/activity"),
    ("A man blew himself up at a checkpoint on Tuesday, killing three soldiers.", "Suicide bomb"),
    ("Six prisoners were swapped between the government and the rebels on Tuesday.", "Agreement"),
    ("Gunmen seized 20 passengers from a bus in the district on Tuesday.", "Abduction/forced disappearance"),
    ("Police seized three suspects in the town on Tuesday.", "Arrests"),
    (
        "Militants attacked the army post with RPGs near the town on Tuesday.",
        "Shelling/artillery/missile attack",
    ),
    ("Police raided a house on Tuesday and seized 40 rifles.", "Disrupted weapons use"),
    (
        "Police arrested 180 people on Tuesday as opposition supporters staged sit-ins in the capital.",
        "Protest with intervention",
    ),
    ("Government troops battled rebels near the town on Tuesday.", "Armed clash"),
    ("Gunmen hijacked a bus in the district on Tuesday.", "Abduction/forced disappearance"),
    ("Militants ransacked the police station in the town on Tuesday.", "Looting/property destruction"),
    (
        "Rebels killed two soldiers with mortar fire near the town on Tuesday.",
        "Shelling/artillery/missile attack",
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


def test_abusing_power_is_no_attack(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The governor abused his power in the province on Tuesday.").events
    assert not any(e.type == "ASSAULT" for e in events)


def test_the_user_of_a_chemical_agent_tells_the_attack(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Government forces used sulfur mustard in an attack on the town on Tuesday.").events
    chemical = [e for e in events if e.acled_sub_event_type == "Chemical weapon"]
    assert chemical and chemical[0].actor1 is not None and chemical[0].actor1.kind == "state_forces"


def test_talks_for_a_trade_deal_are_no_agreement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The two countries began talks on Tuesday to reach a trade deal.").events
    assert not any(e.acled_sub_event_type == "Agreement" for e in events)


def test_verbal_abuse_is_no_attack(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Three men verbally abused the shopkeeper in the market on Tuesday.").events
    assert not any(e.type == "ASSAULT" for e in events)


def test_arrests_in_a_raid_are_arrests(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Police arrested three men during a raid in the town on Tuesday.").events
    subs = {e.acled_sub_event_type for e in events if e.type == "COERCE"}
    assert subs == {"Arrests"}


def test_a_village_raided_is_neither_taken_nor_looted(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Police raided the village on Tuesday.").events
    assert events and not any(e.acled_sub_event_type for e in events)


def test_an_exchange_of_views_is_no_release(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The ministers had a frank exchange of views in Paris on Tuesday.").events
    assert not any(e.type == "RETREAT" for e in events)


def test_drugs_seized_by_police_are_no_looting(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Police seized drugs and cigarettes in the town on Tuesday.").events
    assert events and not any(e.acled_sub_event_type for e in events)


def test_the_dead_of_police_firing_were_killed_by_the_police(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Four protesters were killed in police firing on Tuesday, officials said.").events
    assert any(e.acled_sub_event_type == "Excessive force against protesters" for e in events)

"""ACLED sub-event types from the means, target and purpose of an act (sitrep/extract/events/means.py and
acled.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.model import Event

SUB_EVENTS = [
    ("A man threw a grenade at a police post in Srinagar on Tuesday.", "Grenade"),
    ("Two civilians were wounded in a grenade attack in the market on Tuesday.", "Grenade"),
    (
        "Militants fired rocket-propelled grenades at an army convoy on Tuesday.",
        "Shelling/artillery/missile attack",
    ),
    ("A suicide bombing killed 12 people at a checkpoint near Kabul on Tuesday.", "Suicide bomb"),
    ("Government forces used chlorine gas in an attack on the town on Tuesday.", "Chemical weapon"),
    ("Police seized 40 rifles and 2,000 rounds of ammunition in a raid on Tuesday.", "Disrupted weapons use"),
    ("Soldiers defused a roadside bomb near the bridge on Tuesday.", "Disrupted weapons use"),
    ("Air defences shot down two drones over the capital on Tuesday.", "Disrupted weapons use"),
    (
        "Turkish troops set up two new military bases in the province on Tuesday.",
        "Headquarters or base established",
    ),
    ("The rebels and the government held peace talks in Doha on Tuesday.", "Agreement"),
    ("The two sides carried out a prisoner swap on Tuesday.", "Agreement"),
    ("More than 100 militants surrendered to the army on Tuesday.", "Agreement"),
    ("Army troops seized control of the town from the rebels on Tuesday.", "Government regains territory"),
    ("Rioters clashed with police in the city centre on Tuesday.", "Violent demonstration"),
    ("Police shot dead three protesters in the capital on Tuesday.", "Excessive force against protesters"),
    ("A mob lynched two men accused of theft in the village on Tuesday.", "Mob violence"),
    ("Three soldiers raped a woman in the village on Tuesday.", "Sexual violence"),
    ("Gunmen attacked two villages in the district on Tuesday, killing 20 people.", "Attack"),
    (
        "Unknown men torched six shops and two vehicles in the town on Tuesday.",
        "Looting/property destruction",
    ),
    (
        "Police dispersed the protest with live bullets in the capital on Tuesday.",
        "Excessive force against protesters",
    ),
    ("Police arrested 40 protesters outside parliament on Tuesday.", "Protest with intervention"),
    ("Hundreds of demonstrators gathered in the main square on Tuesday.", "Peaceful protest"),
    ("Farmers blocked roads across the state on Tuesday.", "Violent demonstration"),
    ("Security forces jailed 60 suspected militants in the province on Tuesday.", "Arrests"),
    ("Dozens of fighters defected from the militia on Tuesday.", "Change to group/activity"),
    ("Police took 14 students from their hostel in Kisumu on Tuesday.", "Arrests"),
    ("Troops vacated the base near Gao on Tuesday.", "Non-violent transfer of territory"),
    ("The two presidents held talks in Geneva on Tuesday over a long-running border dispute.", "Agreement"),
    (
        "Army units occupied two hilltop outposts of the militia near Gao on Tuesday.",
        "Government regains territory",
    ),
    ("Gunmen grabbed two aid workers from their car near Gao on Tuesday.", "Abduction/forced disappearance"),
    (
        "A gunman opened fire on a peaceful rally in the city on Tuesday, killing two.",
        "Excessive force against protesters",
    ),
]


def test_an_act_done_without_fighting_is_no_fight(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The rebels entered the town on Tuesday without fighting.").events
    assert all(e.negated for e in events if e.acled_event_type == "Battles")


def test_riot_police_are_no_riot(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Riot police stood guard outside the ministry on Tuesday.").events
    assert not any(e.type == "PROTEST" for e in events)


def _answer(events: list[Event]) -> Event:
    """The most confident event with an ACLED type, as `sitrep eval events` picks it for a snippet."""
    typed = [e for e in events if e.acled_sub_event_type and not e.negated]
    return sorted(typed, key=lambda e: (-e.confidence, e.trigger.start))[0]


@pytest.mark.parametrize(("text", "sub_event"), SUB_EVENTS)
def test_sub_event_type_from_means_target_and_purpose(extract, text: str, sub_event: str) -> None:  # type: ignore[no-untyped-def]
    assert _answer(extract(text).events).acled_sub_event_type == sub_event


def test_a_grenade_fired_from_a_launcher_is_no_grenade_attack(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Militants fired rocket-propelled grenades at an army convoy on Tuesday.").events
    assert not any(e.acled_sub_event_type == "Grenade" for e in events)


def test_weapons_fired_are_an_attack_not_a_seizure(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Rebels fired missiles at the airport on Tuesday.").events
    assert not any(e.acled_sub_event_type == "Disrupted weapons use" for e in events)


def test_a_planned_attack_has_no_acled_type(extract) -> None:  # type: ignore[no-untyped-def]
    event = next(
        e for e in extract("The rebels plan to shell the town next week.").events if e.type == "ASSAULT"
    )
    assert event.acled_event_type is None and event.status != "incident"


def test_a_story_that_dates_no_act_still_reports_the_one_in_its_lead(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Gunmen attacked two villages in the district, killing 20 people.").events
    assert [e.acled_sub_event_type for e in events if e.acled_event_type] == ["Attack"]


def test_a_yearless_date_of_a_past_act_lies_before_the_story(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Rebels attacked the town of Kupiansk on 30 December, killing four people.", "2025-01-02"
    ).events
    assert [str(e.date) for e in events if e.type == "ASSAULT"] == ["2024-12-30"]


def test_force_used_to_disperse_a_crowd_was_used(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Police fired tear gas to disperse the protesters in Nairobi on Tuesday.").events
    assert any(e.acled_event_type == "Protests" and e.status == "incident" for e in events)


def test_dead_and_wounded_joined_by_and_share_the_strike_named_after_them(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "The state-run TV reported that two children were killed and four more injured in a US-led "
        "coalition airstrike near the town"
    ).events
    assert _answer(events).acled_sub_event_type == "Air/drone strike"


def test_people_brought_somewhere_are_not_taken(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Medics took the wounded to hospital in Gao on Tuesday.").events
    assert not any(e.type == "COERCE" for e in events)


def test_a_crowd_occupying_a_square_takes_no_ground(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Students occupied the main square of the city on Tuesday.").events
    assert not any(e.acled_event_type == "Battles" for e in events)


def test_residents_leaving_a_village_give_up_no_ground(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Residents left the village near Gao on Tuesday.").events
    assert not any(e.type == "RETREAT" for e in events)


def test_talks_over_a_trade_dispute_settle_no_conflict(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The two ministers held talks in Geneva on Tuesday over a trade dispute.").events
    assert not any(e.acled_sub_event_type == "Agreement" for e in events)


def test_a_crowd_s_violence_told_with_no_side_makes_the_march_violent(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Dozens of arrests were made during a march by the Green Party in Leeds after bottles were thrown at police."
    ).events
    protests = [e for e in events if e.type == "PROTEST" and e.acled_event_type]
    assert [e.acled_sub_event_type for e in protests] == ["Violent demonstration"]

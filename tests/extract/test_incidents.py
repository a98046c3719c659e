"""Which mentions are incidents, and one event per incident (sitrep/extract/events/status.py and
incidents.py), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article, is_acled_row

STATUSES = [
    ("Rebels attacked the town of Kupiansk on Tuesday, killing three civilians.", "incident"),
    ("In the last 15 months, 1,250 militants have been killed in the province, officials said.", "aggregate"),
    ("Since last August, the group has carried out several deadly attacks on the army.", "aggregate"),
    ("The war killed 100,000 people.", "aggregate"),
    ("In 2010, commandos stormed a ship off the coast of Gaza.", "background"),
    ("Rebels attack army convoys on the highway.", "generic"),
    ("The journalist was almost gunned down outside her home.", "planned"),
    ("Prosecutors on Monday ordered the arrest of the mayor.", "planned"),
    ("The army did not shell the village.", "denied"),
]


@pytest.mark.parametrize(("text", "status"), STATUSES)
def test_mention_status(extract, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    statuses = {e.status for e in extract(text).events if e.type in ("ASSAULT", "COERCE")}
    assert status in statuses


def test_only_incidents_keep_an_acled_type(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "In 2010, commandos stormed a ship off the coast of Gaza. "
        "On Tuesday, gunmen killed five villagers in Kupiansk."
    ).events
    assert all(is_acled_row(e) == (e.status == "incident") for e in events if e.acled_event_type)
    assert any(e.status == "background" and e.date is not None and e.date.year == 2010 for e in events)


def test_one_incident_told_many_times_is_one_event(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked a bus in Kupiansk on Tuesday, killing five passengers. "
        '"They shot at the windows," a survivor said. The attack was the deadliest this year.'
    )
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert len(rows) == 1
    assert rows[0].fatalities == 5
    assert str(rows[0].date) == "2024-05-07"


def test_a_building_stormed_and_the_people_killed_there_are_one_incident(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen stormed a hotel in Kupiansk on Tuesday. "
        "Police said on Tuesday that at least four people were killed in the hotel."
    )
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert len(rows) == 1
    assert rows[0].fatalities == 4


def test_a_witness_quote_opening_with_they_is_no_claim_by_the_attackers(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen stormed a hotel in Kupiansk on Tuesday. "
        "“They came at dawn. At least five people were killed,” the mayor said. "
        "The group said it had killed more than 10 people."
    )
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert [e.fatalities for e in rows] == [5]


@pytest.mark.parametrize(
    ("text", "sub_event", "dead"),
    [
        ("Gunmen raided the village of Kukawa on Monday, killing 12 residents.", "Attack", 12),
        ("Militants stormed a hotel in Kupiansk on Monday, killing eight people.", "Attack", 8),
        ("Militants stormed an army base in Kupiansk on Monday.", "Armed clash", None),
        ("Rebels attacked the town of Kupiansk on Monday, killing nine civilians.", "Attack", 9),
        ("Rebels attacked the town of Kupiansk on Monday, killing four soldiers.", "Armed clash", 4),
        (
            "Militants attacked a police station in Kupiansk on Monday, killing four officers.",
            "Armed clash",
            4,
        ),
        ("Militants attacked a police station in Kupiansk on Monday.", "Armed clash", None),
        (
            "Police fired tear gas and stun grenades at protesters in Kupiansk.",
            "Protest with intervention",
            None,
        ),
    ],
)
def test_raids_and_stormings_are_coded_by_what_they_hit(
    extract, text: str, sub_event: str, dead: int | None
) -> None:  # type: ignore[no-untyped-def]
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert [(e.acled_sub_event_type, e.fatalities) for e in rows] == [(sub_event, dead)]


def test_who_a_killing_hit_is_not_its_means(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Snipers killed two suicide bombers in Kupiansk on Monday.").events
    assert [e.acled_sub_event_type for e in events if is_acled_row(e)] == ["Armed clash"]


def test_an_attack_on_a_day_of_march_hits_no_march(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The attack in Kupiansk happened on March 3, officials said on Tuesday.").events
    assert all(e.acled_event_type != "Protests" for e in events)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Russia attacked Ukraine on Monday.", "Ukraine"),
        ("Officials said the militants who attacked the train had crossed from Afghanistan.", None),
        ("Militants attacked a train carrying 400 passengers from Quetta on Tuesday.", None),
        ("Rwanda-backed rebels attacked an army base on Monday, killing 12 soldiers.", None),
        ("Kenya-based militants attacked a hotel in Kismayo on Monday.", "Kismayo"),
        ("The train was attacked shortly after departing Quetta on Tuesday.", None),
    ],
)
def test_the_attacker_s_country_and_where_attackers_came_from_are_not_the_place(
    extract, text: str, place: str | None
) -> None:  # type: ignore[no-untyped-def]
    ex = extract(text)
    places = {p.id: p.name for p in ex.places}
    assert [places.get(e.place_id or "") for e in ex.events if is_acled_row(e)] == [place]


def test_the_dateline_is_neither_side_nor_place_where_the_text_names_them(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("KHARKIV — Militants attacked a police station in Kupiansk on Monday.")
    places = {p.id: p.name for p in ex.places}
    rows = [e for e in ex.events if is_acled_row(e)]
    assert [(e.actor1.text if e.actor1 else None, places.get(e.place_id or "")) for e in rows] == [
        ("Militants", "Kupyansk")
    ]


def test_a_raid_and_the_arrests_it_made_are_apart(extract) -> None:  # type: ignore[no-untyped-def]
    rows = [
        e
        for e in extract("Police raided a house in Kupiansk on Monday and arrested three suspects.").events
        if is_acled_row(e)
    ]
    assert [e.acled_sub_event_type for e in rows] == ["Arrests"]


def test_a_country_owning_the_act_is_not_where_it_happened(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("A U.S. drone strike killed three militants in Somalia on Monday.")
    places = {p.id: p.name for p in ex.places}
    assert [places.get(e.place_id or "") for e in ex.events if is_acled_row(e)] == ["Somalia"]


def test_a_province_named_in_a_part_of_its_country_is_the_place_and_no_side(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("A bomb exploded in a market in eastern Congo's Ituri province on Monday, killing five.")
    places = {p.id: p.name for p in ex.places}
    rows = [e for e in ex.events if is_acled_row(e)]
    assert [(places.get(e.place_id or ""), e.actor2) for e in rows] == [("Ituri", None)]


def test_the_dead_of_the_fighting_at_a_base_are_the_attack_s(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked an army base in Kupiansk on Monday. "
        "Eleven soldiers and 20 militants were killed in the fighting."
    )
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert [(e.acled_sub_event_type, e.fatalities) for e in rows] == [("Armed clash", 31)]
    assert rows[0].actor2 is not None and rows[0].actor2.kind == "state_forces"


def test_what_a_weapon_named_as_subject_hit_is_the_target(extract) -> None:  # type: ignore[no-untyped-def]
    rows = [
        e
        for e in extract("A roadside bomb hit a military convoy in Kupiansk on Monday.").events
        if is_acled_row(e)
    ]
    assert [(e.actor2.text if e.actor2 else None) for e in rows] == ["military convoy"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("An air strike on Kharkiv on Monday claimed the lives of 15 people.", 15),
        ("The bombing in Kharkiv on Monday cost three lives.", 3),
        (
            "A car bomb exploded in Kharkiv on Monday. "
            "Officials said seven people died, while local media put the toll at 12.",
            7,
        ),
        ("A car bomb exploded in Kharkiv on Monday. Seven people died of cholera in the region.", None),
    ],
)
def test_tolls_told_as_lives_taken_or_in_the_next_sentence(extract, text: str, dead: int | None) -> None:  # type: ignore[no-untyped-def]
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert [e.fatalities for e in rows] == [dead]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Rebels attacked Kupiansk on Monday and seized the town on Friday.", ["2024-05-06", "2024-05-03"]),
        ("Troops killed 33 militants and freed the hostages in Kupiansk on Wednesday.", ["2024-05-08"]),
    ],
)
def test_a_verb_s_own_date_first_then_the_date_of_verbs_joined_to_it(
    extract, text: str, days: list[str]
) -> None:  # type: ignore[no-untyped-def]
    dated = [str(e.date) for e in extract(text).events if e.type in ("ASSAULT", "COERCE")]
    assert dated == days


def test_dead_counted_apart_in_one_sentence_add_up(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked an army post in Kupiansk on Monday. "
        "Two soldiers were killed and three wounded, and five attackers were also killed."
    )
    assert [e.fatalities for e in extract(text).events if is_acled_row(e)] == [7]


def test_undated_attack_takes_the_day_of_the_story(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked a train near Kupiansk on Tuesday. "
        "Officials said 21 passengers died in the attack by the militants."
    )
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert rows and all(str(e.date) == "2024-05-07" for e in rows)


def test_freed_passengers_are_no_agreement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Some 354 passengers were freed on Tuesday.").events
    assert not any(e.acled_sub_event_type == "Agreement" for e in events)
    swapped = extract("Russia and Ukraine exchanged 90 prisoners of war on Tuesday.").events
    assert any(e.acled_sub_event_type == "Agreement" for e in swapped)


def test_a_month_in_a_date_is_no_march(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The ship remained at the island until March 3, when it headed south.").events
    assert not any(e.type == "PROTEST" for e in events)


def test_the_region_named_beats_its_country(extract) -> None:  # type: ignore[no-untyped-def]
    result = extract(
        "Militants attacked a passenger train Tuesday in Pakistan's southwestern Balochistan province."
    )
    names = {p.id: p.name for p in result.places}
    rows = [e for e in result.events if is_acled_row(e)]
    assert rows and names[rows[0].place_id or ""] == "Balochistan"


def test_hostages_taken_beside_an_attack_are_an_abduction(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Militants attacked a passenger train on Tuesday in Balochistan, taking many hostages."
    ).events
    abductions = [e for e in events if e.acled_sub_event_type == "Abduction/forced disappearance"]
    assert abductions and str(abductions[0].date) == "2024-05-07"
    kidnapped = extract("Gunmen kidnapped 20 schoolgirls in Zamfara on Tuesday.").events
    assert any(e.acled_sub_event_type == "Abduction/forced disappearance" for e in kidnapped)


def test_the_news_after_a_story_of_the_past_is_news(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The single biggest attack, in 2009, killed at least 25 people. "
        "Hours after this week's siege, the army killed 50 militants, officials said."
    )
    killed = [e for e in extract(text).events if e.fatalities == 50]
    assert killed and killed[0].status == "incident"


def test_the_clause_about_an_attack_s_handlers_is_not_its_place(extract) -> None:  # type: ignore[no-untyped-def]
    result = extract("Officials said the handlers of Tuesday's attack are based in Afghanistan.")
    attacks = [e for e in result.events if e.type == "ASSAULT"]
    assert attacks and attacks[0].place_id is None and attacks[0].actor2 is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("His forces killed and injured 1,000 fighters in the past week, the army chief said.", "aggregate"),
        ("The Taliban must stop killing Afghan civilians, the president said.", "generic"),
    ],
)
def test_periods_and_practices_are_no_incidents(extract, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    assert status in {e.status for e in extract(text).events if e.type == "ASSAULT"}


def test_a_count_over_the_last_day_or_two_is_one_incident(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Three civilians were killed in airstrikes launched by warplanes over the past 48 hours."
    assert [e.status for e in extract(text).events if e.type == "ASSAULT"] == ["incident"]


def test_a_well_known_group_named_alone_is_an_armed_side(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("Government forces killed dozens of al-Shabab members in Kismayo on Monday.")
    rows = [e for e in ex.events if is_acled_row(e)]
    assert [(e.actor2.kind if e.actor2 else None, e.acled_event_type) for e in rows] == [
        ("rebel_group", "Battles")
    ]


def test_a_siege_the_forces_ended_is_the_attack_on_the_hotel(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Somali security forces ended a 30-hour siege at a Mogadishu hotel on Sunday. At least 21 people "
        "were killed after al-Shabab militants stormed the Hayat Hotel, officials said."
    )
    rows = [e for e in extract(text).events if is_acled_row(e)]
    assert [(str(e.date), e.actor1.text if e.actor1 else None, e.fatalities) for e in rows] == [
        ("2024-05-05", "al-Shabab militants", 21)
    ]


def test_an_act_told_as_later_keeps_its_own_toll_and_place(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract(
        "Gunmen laid siege to a school in the town of Kupiansk on Tuesday and later killed at least 20 "
        "villagers near Izium."
    )
    places = {p.id: p.name for p in ex.places}
    rows = [e for e in ex.events if is_acled_row(e)]
    assert sorted((places.get(e.place_id or ""), e.fatalities) for e in rows) == [
        ("Izyum", 20),
        ("Kupyansk", None),
    ]


def test_a_fight_told_from_both_sides_names_both(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("Soldiers killed six gunmen who laid siege to a school in Kupiansk on Tuesday.")
    rows = [e for e in ex.events if is_acled_row(e)]
    assert [(e.actor1.text if e.actor1 else None, e.actor2.text if e.actor2 else None) for e in rows] in (
        [("gunmen", "Soldiers")],
        [("Soldiers", "gunmen")],
    )


def test_a_suicide_bomber_is_the_attacker_and_the_bomb_no_target(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("A suicide bomber detonated his explosives near an army convoy in Kupiansk on Monday.")
    rows = [e for e in ex.events if is_acled_row(e)]
    assert [(e.actor1.kind if e.actor1 else None, e.actor2) for e in rows] == [("political_militia", None)]


def test_a_day_after_is_a_date_not_a_period(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Soldiers killed 30 militants near Kupiansk, a day after an attack on a train."
    killed = [e for e in extract(text).events if e.trigger.text == "killed"]
    assert [e.status for e in killed] == ["incident"]


def test_what_an_operation_rescued_is_not_what_it_hit(extract) -> None:  # type: ignore[no-untyped-def]
    text = "A military operation rescued 190 passengers in Kupiansk on Wednesday."
    operations = [e for e in extract(text).events if e.trigger.text.endswith("operation")]
    assert operations and all(e.actor2 is None for e in operations)


def test_a_commander_of_a_known_group_is_of_that_group_and_killed_in_the_strike(extract) -> None:  # type: ignore[no-untyped-def]
    ex = extract("Troops killed al-Shabab commander Ahmed Diriye in an airstrike near Kismayo on Monday.")
    rows = [e for e in ex.events if is_acled_row(e)]
    assert [(e.actor1.text if e.actor1 else None, e.actor2.kind if e.actor2 else None) for e in rows] == [
        ("Troops", "rebel_group")
    ]


def test_praise_and_offers_are_no_agreements(extract) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "On Tuesday, the Kenyan government praised the Somali army for its campaign.",
        "On Tuesday, the leaders of Turkey and France were exchanging angry barbs.",
    ):
        assert not any(e.acled_sub_event_type == "Agreement" for e in extract(text).events), text
    signed = extract("On Tuesday, the Sudanese government and the rebels signed a peace deal in Juba.").events
    assert any(e.acled_sub_event_type == "Agreement" for e in signed)


def test_a_war_named_by_its_sides_is_no_incident(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Analysts noted that Russia invaded Ukraine despite the warnings.").events
    assert not any(is_acled_row(e) for e in events)


def test_a_toll_left_behind_is_the_attack_s(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gunmen stormed a hotel in Kupiansk on Tuesday, leaving at least five people dead."
    ).events
    assert [e.fatalities for e in events if e.type == "ASSAULT"] == [5]


def test_held_since_a_day_is_one_arrest_on_that_day(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Blessed Mhlanga, a journalist, has been in custody in Harare since May 2 over accusations of incitement."
    ).events
    held = [e for e in events if e.type == "COERCE"]
    assert held and str(held[0].date) == "2024-05-02" and held[0].status != "aggregate"
    assert held[0].actor1 is None and held[0].actor2 is not None and "Mhlanga" in held[0].actor2.text
    counted = extract("Hundreds of protesters have been detained since August.").events
    assert any(e.status == "aggregate" for e in counted if e.type == "COERCE")


def test_the_act_as_subject_is_no_side_of_itself(extract) -> None:  # type: ignore[no-untyped-def]
    arrest = [e for e in extract("Mhike said the arrest of Mhlanga sent a chilling message.").events]
    assert arrest and arrest[0].actor1 is None
    attack = [
        e
        for e in extract("The attack killed five people in Kupiansk on Monday.").events
        if e.type == "ASSAULT"
    ]
    assert attack and attack[0].actor2 is not None and "attack" not in attack[0].actor2.text


def test_sides_of_a_fight_between_two_and_its_toll(extract) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in extract("Fighting between the army and rebels killed 12 people on Monday.").events]
    assert len(events) == 1 and events[0].fatalities == 12
    assert events[0].actor1 is not None and events[0].actor1.text.endswith("army")
    assert events[0].actor2 is not None and events[0].actor2.text == "rebels"


def test_what_is_fired_is_the_means_not_the_target(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Police fired tear gas at protesters in Nairobi on Tuesday.").events
    fired = [e for e in events if e.type == "ASSAULT"]
    assert fired and fired[0].actor2 is not None and fired[0].actor2.text == "protesters"


def test_violence_by_and_against_demonstrators(extract) -> None:  # type: ignore[no-untyped-def]
    stones = extract("Demonstrators threw rocks at police in Nairobi on Monday.").events
    assert [(e.acled_sub_event_type, e.actor2.text if e.actor2 else None) for e in stones] == [
        ("Violent demonstration", "police")
    ]
    beaten = extract("Police beat protesters in Nairobi on Monday.").events
    assert [e.acled_event_type for e in beaten] == ["Protests"]


def test_custody_as_a_state_is_no_arrest(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("A prisoner died as a result of torture while in police custody.").events
    assert not any(e.type == "COERCE" for e in events)


def test_unnamed_armed_men_have_a_kind(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The sources said 16 terrorists had been killed in Kupiansk on Tuesday.").events
    killed = [e for e in events if e.type == "ASSAULT"]
    assert killed and killed[0].actor2 is not None and killed[0].actor2.kind == "rebel_group"


def test_a_part_of_a_day_takes_its_day_from_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "The girls were kidnapped last Friday during an overnight raid at their school in Jangebe."
    ).events
    # the raid is the kidnapping's occasion, one incident told by the verb, dated by its clause
    taken = [e for e in events if e.trigger.text == "kidnapped"]
    assert taken and str(taken[0].date) == "2024-05-03"


def test_remaining_in_detention_is_a_state(extract) -> None:  # type: ignore[no-untyped-def]
    assert not any(
        e.type == "COERCE" for e in extract("The resident remains in detention in Louisiana.").events
    )


def test_a_clash_between_two_people_is_a_row_not_a_battle(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "U.S. President Donald Trump met Ukrainian President Volodymyr Zelenskyy on Friday. "
        "Aid was cut after the Oval Office clash between Volodymyr Zelenskyy and Donald Trump on Friday."
    )
    assert not any(is_acled_row(e) for e in extract(text).events)


def test_the_attackers_own_toll_gives_way_to_others(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen killed five villagers in Kupiansk on Tuesday, officials said. "
        "In a statement, the group said it had killed 12 villagers in Kupiansk on Tuesday."
    )
    tolls = [e.fatalities for e in extract(text).events if is_acled_row(e)]
    assert tolls == [5]


def test_a_country_point_gives_way_to_the_region_of_the_story(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked a passenger train in Pakistan's Balochistan province on Tuesday. "
        "Four soldiers were killed in Pakistan on Tuesday in the battle with the militants."
    )
    result = extract(text)
    names = {p.id: p.name for p in result.places}
    rows = [e for e in result.events if is_acled_row(e)]
    assert rows and all(names.get(e.place_id or "") == "Balochistan" for e in rows)


def test_hostages_freed_by_forces_are_rescued_not_released_by_agreement(extract) -> None:  # type: ignore[no-untyped-def]
    rescued = extract(
        "Security forces ended the siege on Wednesday, killing 33 militants and freeing the hostages."
    )
    assert not any(e.acled_sub_event_type == "Agreement" for e in rescued.events)
    freed = extract("The rebels freed 20 hostages in Goma on Monday.").events
    assert any(e.acled_sub_event_type == "Agreement" for e in freed)


def test_a_town_lies_within_its_district() -> None:
    from sitrep.extract.events.settling import _within_area
    from sitrep.model import Place

    district = Place(id="a", name="Kachhi District", feature="region", admin1="Balochistan", mentions=[])
    town = Place(
        id="b", name="Mach", feature="city", admin1="Balochistan", admin2="Kachhi District", mentions=[]
    )
    assert _within_area(town, district)


def test_many_held_since_a_day_is_a_count(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "He said the security forces have arrested at least 2,400 people for taking part in the "
        "demonstrations since Feb 1."
    ).events
    assert {e.status for e in events if e.type == "COERCE"} == {"aggregate"}


def test_a_counted_side_makes_a_short_report_an_incident(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("At least 400 supporters of the party staged a demonstration against the bill.").events
    assert any(is_acled_row(e) and e.acled_event_type == "Protests" for e in events)


def test_an_act_told_in_the_past_tense_is_reported(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Jamali said one man molested her before she ran away.").events
    assert any(is_acled_row(e) and e.acled_sub_event_type == "Sexual violence" for e in events)
    named = extract("Jamali said that protests are a way of life here.").events
    assert not any(is_acled_row(e) for e in named)


def test_a_measured_stretch_of_hours_is_no_period_count(extract) -> None:  # type: ignore[no-untyped-def]
    siege = extract("During 18 hours of siege, soldiers shot dead two militants in Kupiansk.").events
    assert {e.status for e in siege if e.type == "ASSAULT"} == {"incident"}
    habit = extract("Police arrested 20 people a day in Kupiansk.").events
    assert {e.status for e in habit if e.type == "COERCE"} == {"aggregate"}


def test_without_a_publication_date_no_act_is_history_or_to_come(pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen killed five villagers in Kupiansk on June 7, 2016. Police arrested 30 people there in 1990."
    )
    article = Article(id="t", published=dt.date(2000, 1, 1), text=text)
    dated = {e.status for e in pipeline.extract(article).events if e.type in ("ASSAULT", "COERCE")}
    assert dated == {"planned", "background"}
    monkeypatch.setattr(pipeline, "published_known", False)
    undated = {e.status for e in pipeline.extract(article).events if e.type in ("ASSAULT", "COERCE")}
    assert undated == {"incident"}


@pytest.mark.parametrize(
    "text",
    [
        "At least 400 of the party's supporters staged a demonstration against the bill.",
        "A peaceful protest took place in the town after the arrests.",
    ],
)
def test_an_act_a_past_verb_makes_happen_is_reported(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(is_acled_row(e) and e.acled_event_type == "Protests" for e in extract(text).events)


def test_a_declared_emergency_is_no_act(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The World Health Organization declared the outbreak a global health emergency.").events
    assert not any(is_acled_row(e) for e in events)


def test_places_counted_are_no_acts_counted(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Intelligence forces arrested five militants in several districts of Mosul.").events
    assert {e.status for e in events if e.type == "COERCE"} == {"incident"}


def test_several_blasts_of_one_day_are_one_incident_with_the_toll_raised(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Officials in Kupiansk raised the death toll to more than 60 from the previous day's multiple "
        "blasts outside a girls' school in the town."
    ).events
    rows = [e for e in events if is_acled_row(e)]
    assert len(rows) == 1 and rows[0].fatalities == 60 and str(rows[0].date) == "2024-05-07"


def test_who_puts_the_toll_is_no_attacker(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Authorities put the death toll from Sunday's attack in Kupiansk at 31.").events
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and attacks[0].fatalities == 31 and attacks[0].actor1 is None


@pytest.mark.parametrize(
    "text",
    [
        "The deadliest attack in years killed 50 people in Kupiansk on Tuesday.",
        "Police arrested 180 protesters in Kupiansk on Friday, the latest in days of protests.",
    ],
)
def test_a_superlative_s_stretch_of_time_ranks_one_act(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(is_acled_row(e) for e in extract(text).events)


@pytest.mark.parametrize(
    "text",
    [
        "Trump hit Canada last week with a new 25% levy on exports.",
        "The opposition leader attacked the government's budget plan on Tuesday.",
    ],
)
def test_words_and_measures_are_no_attacks(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.type == "ASSAULT" for e in extract(text).events)


def test_an_attack_on_websites_is_a_cyber_attack_and_no_acled_row(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Hackers targeted government websites in Kupiansk on Monday.").events
    assert [(e.type, e.mode) for e in events] == [("COERCE", "cyber")]
    assert not any(is_acled_row(e) for e in events)


def test_an_attack_with_grenades_is_still_an_attack(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Gunmen attacked a market in Kupiansk with grenades on Monday.").events
    assert any(is_acled_row(e) and e.acled_sub_event_type == "Grenade" for e in events)


def test_a_raid_people_were_kidnapped_in_is_the_kidnapping(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Officials said the girls, who were kidnapped on Friday during an overnight raid on their school "
        "in Kupiansk, were freed."
    ).events
    rows = [e for e in events if is_acled_row(e)]
    assert [e.acled_sub_event_type for e in rows] == ["Abduction/forced disappearance"]
    assert rows[0].actor2 is not None and rows[0].actor2.text == "girls"


def test_an_unplaced_incident_takes_the_region_of_the_story_s_others(extract) -> None:  # type: ignore[no-untyped-def]
    result = extract(
        "Militants attacked a passenger train on Tuesday in Pakistan's Balochistan province, taking many "
        "hostages. Security forces launched an operation. Officials said 16 militants had been killed in it."
    )
    places = {p.id: p.name for p in result.places}
    killed = [e for e in result.events if is_acled_row(e) and e.fatalities == 16]
    assert killed and places.get(killed[0].place_id or "") == "Balochistan"


def test_today_in_a_quote_is_the_day_it_was_said(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "The militant leader was killed on Tuesday in an airstrike in Kupiansk, officials said. "
        '"Today the fugitive leader of the group was killed," the president wrote.'
    ).events
    assert len([e for e in events if is_acled_row(e)]) == 1


@pytest.mark.parametrize(
    ("later", "dead"),
    [
        ("Eleven more died in hospital on Wednesday, raising the death toll to 31.", 31),
        ("The war's death toll rose to 100,000.", 20),
        ("Since 2009, the death toll has risen to 4,000.", 20),
        ("The number of injured rose to 40.", 20),
    ],
)
def test_a_toll_raised_later_is_the_incident_s(extract, later: str, dead: int) -> None:  # type: ignore[no-untyped-def]
    events = extract(f"Gunmen killed 20 people in Kupiansk on Tuesday. {later}").events
    assert [e.fatalities for e in events if is_acled_row(e)] == [dead]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The army imposed a 24-hour curfew in Kupiansk on Monday.", "2024-05-06"),
        ("Workers began a three-day strike in Kupiansk on Monday.", "2024-05-06"),
    ],
)
def test_how_long_an_act_lasts_is_no_period_and_no_date(extract, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in extract(text).events if e.type in ("COERCE", "PROTEST")]
    assert events and events[0].status == "incident" and str(events[0].date) == day


@pytest.mark.parametrize(
    "text",
    [
        "The army accused the rebels of killing 12 villagers in Kupiansk on Monday.",
        "The rebels were accused of killing 12 villagers in Kupiansk on Monday.",
    ],
)
def test_the_accused_is_the_alleged_doer(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    killings = [e for e in extract(text).events if e.type == "ASSAULT"]
    assert killings and killings[0].actor1 is not None and killings[0].actor1.text == "rebels"


def test_a_killing_beside_a_rescue_is_an_act_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The army rescued 190 passengers and killed 30 militants in Kupiansk on Tuesday.").events
    killings = [e for e in events if is_acled_row(e)]
    assert [(e.fatalities, e.actor2.text if e.actor2 else None) for e in killings] == [(30, "militants")]


def _place_of_attack(extract, text: str) -> str | None:  # type: ignore[no-untyped-def]
    extraction = extract(text)
    places = {p.id: p.name for p in extraction.places}
    [event] = [e for e in extraction.events if e.type == "ASSAULT"]
    return places.get(event.place_id or "")


def test_the_district_named_beats_its_province(extract) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday a suicide bomber struck a military convoy in Balochistan's Kalat district."
    assert _place_of_attack(extract, text) == "Kalat"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday rebels attacked a village near the Cameroon border.",
        "On Monday rebels attacked a village near the border with Cameroon.",
    ],
)
def test_the_country_across_the_border_is_not_the_place(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _place_of_attack(extract, text) is None


def test_a_country_named_as_a_setting_is_not_they(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "Elders were meeting at a hotel in central Somalia. "
        '"They attacked the hotel at dawn," a lawmaker said on Tuesday.'
    )
    [attack] = [e for e in extraction.events if e.trigger.text == "attacked"]
    names = {e.id: e.name for e in extraction.entities}
    assert attack.actor1 is None or names.get(attack.actor1.entity_id or "") != "Somalia"


def test_sides_told_by_description_are_compared_by_kind(extract) -> None:  # type: ignore[no-untyped-def]
    rows = [
        e
        for e in extract(
            "Security forces killed six militants at a hotel in Beledweyne on Tuesday. "
            "During the siege, our brave soldiers shot dead two militants, the commander said."
        ).events
        if is_acled_row(e)
    ]
    assert len(rows) == 1


def test_named_sides_still_tell_incidents_apart(extract) -> None:  # type: ignore[no-untyped-def]
    rows = [
        e
        for e in extract(
            "On Tuesday, the Somali army killed ten al-Shabab fighters in Beledweyne. "
            "On Tuesday, the Kenyan army killed four al-Shabab fighters in Beledweyne."
        ).events
        if is_acled_row(e)
    ]
    assert len(rows) == 2


def test_where_a_journey_was_bound_is_not_the_place(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract("On Tuesday, gunmen attacked a bus traveling from Quetta to Peshawar.")
    names = {p.id: p.name for p in extraction.places}
    [attack] = [e for e in extraction.events if e.trigger.text == "attacked"]
    assert names.get(attack.place_id or "") not in ("Quetta", "Peshawar")


def test_a_week_at_the_head_of_the_sentence_dates_the_report(extract) -> None:  # type: ignore[no-untyped-def]
    [attack] = [
        e
        for e in extract(
            "This week, military sources said rebels attacked nearly 10 villages.", published="2024-07-05"
        ).events
        if e.trigger.text == "attacked"
    ]
    assert (attack.date, attack.date_precision) == (dt.date(2024, 7, 4), 2)  # the middle of the week


def test_a_town_of_another_day_is_not_the_incident_s(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "On Tuesday, rebels attacked several villages, killing five soldiers. "
        "Two weeks ago, officials met in Bangui and signed an agreement."
    )
    names = {p.id: p.name for p in extraction.places}
    [row] = [
        e for e in extraction.events if is_acled_row(e) and e.acled_event_type != "Strategic developments"
    ]
    assert names.get(row.place_id or "") != "Bangui"


def test_a_day_inside_the_week_told_is_one_incident(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "This week, military sources said rebels attacked nearly 10 villages near the town of Bocaranga. "
        "Bodies of five soldiers have been found in villages since the attacks began Tuesday.",
        published="2024-07-05",
    )
    rows = [e for e in extraction.events if is_acled_row(e)]
    assert len(rows) == 1
    assert (rows[0].date, rows[0].date_precision) == (dt.date(2024, 7, 2), 1)


def test_what_came_under_fire_was_fired_at(extract) -> None:  # type: ignore[no-untyped-def]
    [event] = [
        e
        for e in extract("On Tuesday the train came under intense fire near Sibi.").events
        if e.type == "ASSAULT"
    ]
    assert event.actor1 is None  # the train is the target, never the attacker


def test_a_siege_triggered_by_gunmen_is_theirs(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "Gunmen stormed a hotel in Beledweyne on Tuesday, leaving at least five people dead and "
        "triggering an ongoing siege."
    )
    sieges = [e for e in extraction.events if e.trigger.text in ("siege", "stormed")]
    assert sieges and all(e.actor1 is None or e.actor1.text.lower() == "gunmen" for e in sieges)
    assert all(e.acled_sub_event_type != "Mob violence" for e in extraction.events)


def test_the_means_of_an_act_called_for_is_not_done(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "We called for Russia to reciprocate by agreeing to a ceasefire, the diplomats said."
    )
    assert not [e for e in extraction.events if is_acled_row(e)]


def test_the_town_a_train_set_out_from_is_not_where_it_was_attacked(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "On Tuesday the Jaffar Express was traveling north from Quetta to Peshawar when it came under fire."
    )
    names = {p.id: p.name for p in extraction.places}
    assert all(names.get(e.place_id or "") != "Quetta" for e in extraction.events if e.type == "ASSAULT")


def test_a_participle_told_by_a_present_report_is_an_act_that_took_place(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Border guards report about dozens of mortar rounds fired by rebel fighters towards their posts."
    ).events
    fired = next(e for e in events if e.trigger.text == "fired")
    assert fired.status == "incident"
    assert fired.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_an_act_the_parser_hangs_on_the_dateline_is_the_story_s_own(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "NEW DELHI: Farmers across Haryana have blocked roads in a statewide shutdown over crop prices."
    ).events
    blocked = next(e for e in events if e.type == "PROTEST")
    assert (blocked.status, blocked.acled_sub_event_type) == ("incident", "Violent demonstration")


def test_an_act_said_to_have_been_is_reported(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("There was an explosion at a market in Kabul.").events
    assert [e.acled_sub_event_type for e in events if e.acled_event_type] == ["Remote explosive/landmine/IED"]

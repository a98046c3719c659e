"""Acts reported by the wordings news uses for them, and the ACLED sub-event types they get
(sitrep/extract/events/means.py, mentions.py and status.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

SUB_EVENTS = [
    ("Three soldiers were killed in a blast near the town on Tuesday.", "Remote explosive/landmine/IED"),
    (
        "Two policemen died in an explosion at a checkpoint in the district on Tuesday.",
        "Remote explosive/landmine/IED",
    ),
    (
        "The militants, who fired several mortar rounds at the army base, fled into the forest.",
        "Shelling/artillery/missile attack",
    ),
    ("Police have detained 120 opposition activists in the capital since Monday.", "Arrests"),
    (
        "The army recaptured the town from the insurgents after a week of fighting.",
        "Government regains territory",
    ),
    (
        "Troops seized control of the highway on Tuesday, the first time since 2012.",
        "Government regains territory",
    ),
    (
        "Dozens of residents choked on chlorine gas from the rebels, who fired several shells at the town.",
        "Chemical weapon",
    ),
    (
        "Witnesses said a suicide bomber was among the attackers, who opened fire on the convoy.",
        "Suicide bomb",
    ),
    (
        "Hundreds of protesters marched on the border and pelted the soldiers with stones.",
        "Violent demonstration",
    ),
    ("Protesters scuffled with police outside parliament on Tuesday.", "Violent demonstration"),
    ("Thousands of people took to the streets of the capital on Tuesday.", "Peaceful protest"),
    ("Police took three men into custody in the town on Tuesday.", "Arrests"),
    ("An army patrol came under fire near the village on Tuesday.", "Armed clash"),
    ("A rocket fired by militants landed near the airport.", "Shelling/artillery/missile attack"),
    ("Unknown assailants killed a farmer and his wife near the village on Tuesday.", "Attack"),
    ("The warring parties agreed to a ceasefire in the region on Tuesday.", "Agreement"),
    ("Helicopter gunships pounded militant hideouts in the mountains on Tuesday.", "Air/drone strike"),
    ("Armed men set fire to houses in the village on Tuesday.", "Looting/property destruction"),
    ("The army and the militia fought for several hours near the dam.", "Armed clash"),
    ("Government troops retook the airport from the rebels.", "Government regains territory"),
    ("A protest was held in front of the city hall against rising fuel prices.", "Peaceful protest"),
    ("Health workers continued their strike for the third day.", "Peaceful protest"),
    ("Sarin gas was used in the attack on the suburb.", "Chemical weapon"),
    ("Traders shut their shops in protest against the new tax.", "Peaceful protest"),
    ("Gunmen killed 12 people in the market on Tuesday.", "Attack"),
    ("At least 18 people were killed in clashes between the army and the rebels on Tuesday.", "Armed clash"),
    ("Government forces drove the militants out of the town on Tuesday.", "Government regains territory"),
    ("Police drove the protesters out of the square on Tuesday.", "Protest with intervention"),
    ("Rockets were fired at the airport by militants on Tuesday.", "Shelling/artillery/missile attack"),
    ("Unknown assailants killed a tribal elder in the district on Tuesday.", "Attack"),
    ("Gunmen killed 18 people in an attack on a village in the district on Tuesday.", "Attack"),
    ("Soldiers and militants traded fire near the border crossing on Tuesday.", "Armed clash"),
    ("An explosion ripped through a bus carrying soldiers.", "Remote explosive/landmine/IED"),
    ("A grenade attack on a police station injured three officers.", "Grenade"),
    ("Israeli jets continued their strikes on the town on Tuesday.", "Air/drone strike"),
    (
        "Officers attacked and injured a peaceful student demonstration in the capital.",
        "Protest with intervention",
    ),
    (
        "Police detained several activists who were protesting in front of the ministry.",
        "Protest with intervention",
    ),
    ("Members of the opposition party picketed the election office on Tuesday.", "Peaceful protest"),
    ("The army engaged in heavy fighting with the rebels near the city.", "Armed clash"),
    ("Unknown people vandalised a church in the town on Tuesday.", "Looting/property destruction"),
    ("Protesters vandalised shops in the town on Tuesday.", "Violent demonstration"),
    ("A man was hacked to death with machetes by unknown assailants on Tuesday.", "Attack"),
    (
        "Security forces broke up a demonstration by opposition supporters on Tuesday.",
        "Protest with intervention",
    ),
    (
        "Two soldiers were killed when their vehicle hit a roadside bomb on Tuesday.",
        "Remote explosive/landmine/IED",
    ),
    ("Mortar shells fell on a residential area of the city on Tuesday.", "Shelling/artillery/missile attack"),
    (
        "An improvised explosive device went off near a police vehicle on Tuesday.",
        "Remote explosive/landmine/IED",
    ),
    ("Hundreds of students held a candlelight vigil in the capital on Tuesday.", "Peaceful protest"),
    ("Gunmen carried out the assassination of a local mayor in the town on Tuesday.", "Attack"),
    ("A teenager was gangraped in a moving car in the city on Tuesday.", "Sexual violence"),
    ("Militiamen sexually abused dozens of women in the village on Tuesday.", "Sexual violence"),
    ("A schoolgirl was molested by her teacher in the town on Tuesday.", "Sexual violence"),
    (
        "Soldiers reported dozens of mortar shells fired by the rebels at their positions.",
        "Shelling/artillery/missile attack",
    ),
    ("Riot police chased the marchers through the old town on Tuesday.", "Protest with intervention"),
    ("Officers baton-charged a crowd of striking workers on Tuesday.", "Protest with intervention"),
    ("Police cleared the protest camp outside the ministry on Tuesday.", "Protest with intervention"),
    ("Soldiers shot dead a teenager near the checkpoint on Tuesday.", "Attack"),
    ("Gunmen opened fire on a car on the highway on Tuesday.", "Attack"),
    ("Militants attacked an army patrol near the border on Tuesday.", "Armed clash"),
    ("Insurgents attacked the district headquarters on Tuesday.", "Armed clash"),
    ("Armed men stormed a mosque during evening prayers on Tuesday.", "Attack"),
    ("Bandits ambushed a bus carrying traders on Tuesday.", "Attack"),
    ("Rebels stormed the army barracks on Tuesday.", "Armed clash"),
    ("Fighters took over the village without a fight on Tuesday.", "Non-violent transfer of territory"),
    (
        "The militia seized the port following the withdrawal of the army on Tuesday.",
        "Non-violent transfer of territory",
    ),
    ("The militia seized the port after heavy fighting on Tuesday.", "Non-state actor overtakes territory"),
    ("Border guards are accused of raping two women near the crossing.", "Sexual violence"),
    ("Police are conducting raids to arrest opposition leaders in the capital.", "Arrests"),
    ("The secret police continue to detain students who joined the sit-in.", "Arrests"),
    ("A schoolgirl was sexually harassed by two guards at the camp on Tuesday.", "Sexual violence"),
    ("Peacekeepers were accused of sexual exploitation of girls in the camp on Tuesday.", "Sexual violence"),
    ("A teenager was abducted and raped by three men in the town on Tuesday.", "Sexual violence"),
    ("Bandits kidnapped and killed a herder near the river on Tuesday.", "Attack"),
    ("Bandits kidnapped a herder near the river on Tuesday.", "Abduction/forced disappearance"),
    ("Rioters torched buses and smashed shop windows in the old town on Tuesday.", "Violent demonstration"),
    ("A mob beat a shopkeeper to death in the old town on Tuesday.", "Mob violence"),
    ("Army helicopters raided insurgent hideouts in the hills on Tuesday.", "Air/drone strike"),
    ("Villagers threw a grenade at the soldiers' truck on Tuesday.", "Grenade"),
    ("A group of Serbs attacked a peaceful rally in the square on Tuesday.", "Mob violence"),
    ("Militants seized dozens of villagers in the valley on Tuesday.", "Abduction/forced disappearance"),
]


@pytest.mark.parametrize(("text", "sub_event"), SUB_EVENTS)
def test_sub_event_type(extract, text: str, sub_event: str) -> None:  # type: ignore[no-untyped-def]
    subs = {e.acled_sub_event_type for e in extract(text).events}
    assert sub_event in subs


def test_a_relative_clause_in_the_present_describes(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The militants, who fire mortar rounds at the army base every night, are hiding.").events
    assert not any(e.acled_sub_event_type for e in events)


def test_arrests_since_last_year_are_a_tally(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Police have detained 120 opposition activists in the capital since 2019.").events
    assert events and not any(e.acled_sub_event_type for e in events)


def test_a_gunman_taking_his_own_life_is_no_suicide_bomb(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("A gunman shot three people at the market on Tuesday and then committed suicide.").events
    subs = {e.acled_sub_event_type for e in events}
    assert subs and "Suicide bomb" not in subs


def test_a_march_with_no_violence_stays_peaceful(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Hundreds of protesters marched on the border and chanted slogans on Tuesday.").events
    assert {e.acled_sub_event_type for e in events if e.type == "PROTEST"} == {"Peaceful protest"}


@pytest.mark.parametrize(
    ("text", "incident"),
    [
        ("Suicide bombers kill dozens at the city airport.", True),
        ("Gunmen kill 12 villagers in the north of the country.", True),
        ("Militias kill hundreds of villagers every year in the region.", False),
        ("Rebels attack army convoys on the highway.", False),
    ],
)
def test_a_headline_present_with_its_victims_counted(extract, text: str, incident: bool) -> None:  # type: ignore[no-untyped-def]
    statuses = {e.status for e in extract(text).events if e.type == "ASSAULT"}
    assert statuses and ("incident" in statuses) == incident


def test_riot_police_misparsed_are_no_riot(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Riot police chase demonstrators during protests in the capital, Tuesday, Jan. 15."
    ).events
    assert not any(e.mode == "riot" for e in events)


def test_taking_a_train_to_the_coast_is_no_protest(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Thousands of people took the train to the coast on Tuesday.").events
    assert not any(e.type == "PROTEST" for e in events)


def test_an_alarm_going_off_is_no_explosion(extract) -> None:  # type: ignore[no-untyped-def]
    assert not extract("The fire alarm went off in the building on Tuesday.").events


def test_the_day_of_a_sentence_is_not_a_participles(extract) -> None:  # type: ignore[no-untyped-def]
    text = "A judge on Monday adjourned the case of a journalist arrested over his reporting."
    arrests = [e for e in extract(text).events if e.type == "COERCE"]
    assert arrests and not any(e.date_precision == 1 for e in arrests)


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        ("Authorities arrested the former minister on corruption charges.", "Arrests"),
        ("The government and rebel leaders signed a peace deal.", "Agreement"),
        ("Russia invaded Ukraine.", None),
    ],
)
def test_a_states_arrests_and_deals_are_acts_its_force_a_war(
    extract, text: str, sub_event: str | None
) -> None:  # type: ignore[no-untyped-def]
    subs = {e.acled_sub_event_type for e in extract(text).events if e.acled_sub_event_type}
    assert subs == ({sub_event} if sub_event else set())


def test_fighting_for_years_is_a_war(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The two armies fought for three years in the region.").events
    assert events and not any(e.acled_sub_event_type for e in events)


def test_a_website_hacked_is_no_killing(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Hackers hacked the ministry website on Tuesday.").events
    assert events and not any(e.type == "ASSAULT" for e in events)


def test_breaking_up_a_terror_cell_is_no_force_against_protesters(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The counterterror agency broke up a terror cell in the city on Tuesday.").events
    assert not any(e.mode == "crowd-control" for e in events)


def test_suspects_of_a_riot_are_arrested_apart_from_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Police said they had detained 12 people suspected of involvement in the riots."
    assert "Arrests" in {e.acled_sub_event_type for e in extract(text).events}


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        ("Warplanes conducted three strikes near the city.", False),
        ("The group has carried out 504 attacks.", True),
    ],
)
def test_a_few_acts_are_one_operation(extract, text: str, tally: bool) -> None:  # type: ignore[no-untyped-def]
    statuses = {e.status for e in extract(text).events if e.type == "ASSAULT"}
    assert ("aggregate" in statuses) == tally


@pytest.mark.parametrize(
    "text",
    [
        "Police escorted the marchers to the square on Tuesday.",
        "The prosecutor charged the protesters with arson on Tuesday.",
        "Protesters blocked other demonstrators from the stage on Tuesday.",
    ],
)
def test_no_force_on_a_crowd_without_a_verb_of_force_by_others(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.mode == "crowd-control" for e in extract(text).events)


def test_an_act_someone_is_accused_of_is_no_habit(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("The gang stands accused of killing three traders in the market.").events
    assert any(e.type == "ASSAULT" and e.status == "incident" for e in events)


def test_a_present_passive_tells_a_situation(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Civilians are being targeted in the region.").events
    assert events and not any(e.acled_sub_event_type for e in events)


def test_harassment_without_a_sexual_manner_is_no_attack(extract) -> None:  # type: ignore[no-untyped-def]
    assert not any(
        e.type == "ASSAULT" for e in extract("Police harassed reporters outside the court.").events
    )


def test_an_attack_with_its_weapon_named_ranks_first(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two farmers were killed in separate attacks in the valley on Tuesday. "
        "One of them was killed in a grenade attack in the market."
    )
    typed = [e for e in extract(text).events if e.acled_sub_event_type]
    best = max(typed, key=lambda e: (e.confidence, -e.trigger.start))
    assert best.acled_sub_event_type == "Grenade"


def test_a_suicide_bomber_names_the_blast_told_elsewhere(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two guards were wounded after a suicide bomber blew himself up near a checkpoint in the north. "
        "Officials said the blast hit the town of Zarin on Wednesday."
    )
    subs = {e.acled_sub_event_type for e in extract(text).events if e.acled_sub_event_type}
    assert subs == {"Suicide bomb"}

"""Events: triggers, types, actors, place, date, fatalities and modality from real-style sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.events.acled import acled_type
from sitrep.model import Actor, is_acled_row

# (sentence, PLOVER type, mode, actor1 text, actor2 text or None); published 2024-05-08 (Wednesday)
EVENTS = [
    (
        "Russian forces shelled the town of Kupiansk on Tuesday.",
        "ASSAULT",
        "heavy-weapons",
        "Russian forces",
        None,
    ),
    (
        "Russian artillery renewed attacks on the town on Tuesday.",
        "ASSAULT",
        "heavy-weapons",
        "Russian artillery",
        None,
    ),
    ("Russian jets carried out an air strike on Kharkiv.", "ASSAULT", "aerial", "Russian jets", None),
    ("A Ukrainian drone strike hit an oil depot in Bryansk.", "ASSAULT", "drone", None, None),
    ("Police arrested two activists in Minsk on Sunday.", "COERCE", "arrest", "Police", "activists"),
    ("Thousands of protesters rallied in Tbilisi against the law.", "PROTEST", "demo", "protesters", None),
    ("The army accused the rebels of shelling the camp.", "ACCUSE", "allege", "army", "rebels"),
    ("The governor said the army withdrew from the village overnight.", "RETREAT", "withdraw", "army", None),
    ("The president ordered the army to send reinforcements to Vovchansk.", "MOBILIZE", "troops", None, None),
    (
        "Sudanese troops clashed with the Rapid Support Forces in El Fasher.",
        "ASSAULT",
        None,
        "Sudanese troops",
        None,
    ),
    ("The commander threatened to storm the city within days.", "THREATEN", None, None, None),
    # a country in an actor's slot is its government; joined subjects of a mutual act are both sides
    ("Bosnia and Slovenia agreed to a ceasefire on Monday.", "AGREE", None, "Bosnia", "Slovenia"),
    ("Jordan and Britain met in Amman to discuss trade.", "CONSULT", None, "Jordan", "Britain"),
    ("Guerrillas wounded two British soldiers in a bomb attack.", "ASSAULT", None, "Guerrillas", "soldiers"),
    ("Gunmen injured three policemen at a checkpoint near Kirkuk.", "ASSAULT", "firearms", "Gunmen", None),
    ("Army bulldozers demolished Palestinian homes in southern Gaza.", "ASSAULT", None, "Army", None),
    ("Settlers set fire to the offices of the administrators in Hebron.", "ASSAULT", "primitive", None, None),
    (
        "France contributed 4,000 troops to the peace-keeping force in Liberia.",
        "AID",
        None,
        "France",
        None,
    ),
    # a plain noun stands for the named side it belongs to
    ("Netanyahu praised Donald Trump's decision to move the embassy.", "SUPPORT", None, "Netanyahu", "Trump"),
    (
        "Israeli missiles struck an arms depot of the Syrian army.",
        "ASSAULT",
        "heavy-weapons",
        "Israeli",
        "Syrian army",
    ),
    ("The ministry refused a request from The New York Times.", "REJECT", None, "ministry", "New York Times"),
    # the recipient of a mutual or giving act named with "with", "to" or "for"
    ("Sergey Lavrov held talks with Ayman Safadi in Moscow.", "CONSULT", None, "Lavrov", "Safadi"),
    ("The European Union has provided aid to Ukraine.", "AID", None, "European Union", "Ukraine"),
    (
        "Mexico and the United Kingdom signed an agreement to continue trading.",
        "AGREE",
        None,
        "Mexico",
        "United Kingdom",
    ),
    ("The United States imposed sanctions on Russia.", "SANCTION", "discontinue", "United States", "Russia"),
    # a pronoun whose antecedent is in the same sentence is named by it
    ("The Pentagon said it hit five bases used by the militia.", "ASSAULT", None, "Pentagon", None),
    # the issuer of a document speaks through it ("document_nouns")
    (
        "Amnesty International issued a statement calling on the Belarusian authorities to act.",
        "REQUEST",
        None,
        "Amnesty International",
        "Belarusian authorities",
    ),
    (
        "Amnesty International released a report accusing the Nigerian army of abuses.",
        "ACCUSE",
        "allege",
        "Amnesty International",
        "Nigerian army",
    ),
    (
        "The United Nations sent a letter urging Israel to halt the demolitions.",
        "REQUEST",
        None,
        "United Nations",
        "Israel",
    ),
    (
        "The European Parliament approved a resolution criticizing the Nicaraguan government.",
        "ACCUSE",
        "disapprove",
        "European Parliament",
        "Nicaraguan government",
    ),
    (
        "The European Union issued a declaration condemning the coup in Niger.",
        "ACCUSE",
        "disapprove",
        "European Union",
        None,
    ),
    # the actor of a controlled verb is found up the chain ("is willing to send … to help defend"); support
    # only offered is an agreement (ONTOLOGY.md 1.1)
    ("Norway is willing to send material to help defend Saudi Arabia.", "AGREE", None, "Norway", None),
]


def _event_of(extraction, plover_type):  # type: ignore[no-untyped-def]
    matching = [e for e in extraction.events if e.type == plover_type]
    assert matching, f"no {plover_type} event in {[(e.type, e.trigger.text) for e in extraction.events]}"
    return matching[0]


@pytest.mark.parametrize(("text", "plover", "mode", "actor1", "actor2"), EVENTS)
def test_event_type_mode_and_actors(extract, text, plover, mode, actor1, actor2) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.mode == mode
    if actor1 is not None:
        assert event.actor1 is not None and actor1 in event.actor1.text
    if actor2 is not None:
        assert event.actor2 is not None and actor2 in event.actor2.text
    assert event.evidence and event.trigger.text


def test_date_place_and_fatalities_from_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract("Russian forces shelled Kupiansk on Tuesday, killing four civilians.")
    event = _event_of(extraction, "ASSAULT")
    assert (event.date, event.date_precision) == (dt.date(2024, 5, 7), 1)
    place = next(p for p in extraction.places if p.id == event.place_id)
    assert [m.text for m in place.mentions] == ["Kupiansk"] and place.country_code == "UA"
    assert event.fatalities == 4
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert (
        len([e for e in extraction.events if e.type == "ASSAULT"]) == 1
    )  # the killing is the shelling's toll


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Russian forces shelled Kherson on Tuesday night, killing two civilians.", dt.date(2024, 5, 7)),
        ("Drones attacked an oil depot in Bryansk this morning, the governor said.", dt.date(2024, 5, 8)),
        ("Missiles struck Odesa last night, killing three people.", dt.date(2024, 5, 7)),
    ],
)
def test_a_part_of_the_day_dates_the_event_to_that_day(extract, text: str, date: dt.date) -> None:  # type: ignore[no-untyped-def]
    """ "Tuesday night" is 2024-05-07TNI as a timex; the event takes the day, at day precision."""
    extraction = extract(text)
    assert any(t.value and t.value.startswith(date.isoformat() + "T") for t in extraction.timexes)
    event = _event_of(extraction, "ASSAULT")
    assert (event.date, event.date_precision) == (date, 1)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("At least 12 people were killed when militants attacked the village.", 12),
        ("Gunmen attacked a market, killing dozens of traders.", 12),
        ("The army attacked rebel positions, inflicting heavy casualties.", None),
        ("The militia attacked the town after losing five times more fighters than the army.", None),
    ],
)
def test_fatalities_are_never_guessed(extract, text: str, fatalities: int | None) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract(text), "ASSAULT").fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        # the toll's new count is dated Friday; the attack itself is not
        ("The death toll from the attack on the market climbed to 12 on Friday.", dt.date(2024, 5, 8), 2),
        ("The number of people killed in Monday's bombing rose to 20 on Wednesday.", dt.date(2024, 5, 6), 1),
    ],
)
def test_toll_update_dates_the_count_not_the_attack(
    extract, text: str, date: dt.date, precision: int
) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), "ASSAULT")
    assert (event.date, event.date_precision) == (date, precision)


def test_event_without_date_inherits_publication_day_at_week_precision(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("Rebels attacked an army convoy near Goma."), "ASSAULT")
    assert (event.date, event.date_precision) == (dt.date(2024, 5, 8), 2)


@pytest.mark.parametrize(
    ("text", "negated", "hypothetical"),
    [
        ("The army did not attack the village.", True, False),
        ("The ministry denied attacking the convoy.", True, False),
        ("The rebels plan to attack the city next week.", False, True),
        ("The militia would attack if the talks failed.", False, True),
        ("The militia attacked the city.", False, False),
    ],
)
def test_modality(extract, text: str, negated: bool, hypothetical: bool) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), "ASSAULT")
    assert (event.negated, event.hypothetical) == (negated, hypothetical)
    if negated:
        assert event.acled_event_type is None
    if negated or hypothetical:
        assert not is_acled_row(event)  # a plan keeps the type it would have, but is no ACLED row


def test_event_inside_a_claim_is_attributed(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(
        "Russian forces shelled the city of Kharkiv on Tuesday, governor Oleh Synehubov said."
    )
    event = _event_of(extraction, "ASSAULT")
    assert event.attributed_to is not None
    assert event.attributed_to in {c.id for c in extraction.claims}


def _actor(kind: str) -> Actor:
    return Actor(start=0, end=1, text="x", kind=kind)


@pytest.mark.parametrize(
    ("plover", "mode", "lemma", "kinds", "expected"),
    [
        (
            "ASSAULT",
            "aerial",
            "strike",
            ("state_forces", None),
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        ("ASSAULT", None, "clash", ("state_forces", "rebel_group"), ("Battles", "Armed clash")),
        (
            "ASSAULT",
            None,
            "attack",
            ("political_militia", "civilians"),
            ("Violence against civilians", "Attack"),
        ),
        (
            "ASSAULT",
            None,
            "capture",
            ("rebel_group", None),
            ("Battles", "Non-state actor overtakes territory"),
        ),
        ("PROTEST", "riot", "riot", ("rioters", None), ("Riots", "Violent demonstration")),
        ("COERCE", "arrest", "arrest", ("state_forces", None), ("Strategic developments", "Arrests")),
        ("ACCUSE", "allege", "accuse", ("government", "government"), (None, None)),
    ],
)
def test_acled_mapping(plover, mode, lemma, kinds, expected) -> None:  # type: ignore[no-untyped-def]
    actors = [None if k is None else _actor(k) for k in kinds]
    assert acled_type(plover, mode, lemma, actors[0], actors[1]) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "fatalities"),
    [
        ("A mob lynched a man in the village.", "lynched", 1),  # verb "lynch"
        ("The gang murdered a shopkeeper on Sunday.", "murdered", 1),  # verb "murder"
        ("Three soldiers were slain in the ambush.", "slain", 3),  # verb "slay"
        ("Gunmen gunned down a journalist outside his home.", "gunned down", None),  # phrasal "gun down"
        ("Police statistics show 125 people have died in police firing.", "firing", 125),  # noun "firing"
        ("The shooting at the checkpoint left three dead.", "shooting", 3),  # noun "shooting"
        ("Two youths were shot dead by the police on Monday.", "shot", 2),
        ("A student was shot dead near the market on Monday.", "shot", 1),
        ("Officials said 77 deaths due to police firing had been reported.", "firing", 77),
        ("Rebel commander Joseph Kabila was killed in an ambush on Friday.", "killed", 1),  # a named person
        ("Two soldiers and a civilian were killed in the shelling of the town.", "killed", 3),  # summed
        ("Two soldiers and several civilians were killed in the shelling.", "killed", 2),  # one uncounted
        ("A woman died when a drone hit her house on Monday.", "hit", 1),  # died when the attack
        ("A man died after gunmen attacked the bus.", "attacked", 1),
    ],
)
def test_killing_triggers_and_their_dead(extract, text: str, trigger: str, fatalities: int | None) -> None:  # type: ignore[no-untyped-def]
    event = next(e for e in extract(text).events if e.trigger.text == trigger)
    assert event.type == "ASSAULT"
    assert event.fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The lynching left two traders dead.", "lynching"),  # noun "lynching"
    ],
)
def test_killing_nouns(extract, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert any(e.type == "ASSAULT" and e.trigger.text == trigger for e in extract(text).events)


@pytest.mark.parametrize(
    "text",
    [
        "The speaker was killed in a road accident on Sunday.",  # accident
        "The speaker was killed in a helicopter crash on Sunday.",  # crash
        "Two villagers were killed in a collision with a truck.",  # collision
        "A worker was killed in a mishap at the factory.",  # mishap
        "Twelve pilgrims were killed in a stampede at the shrine.",  # stampede
        "A constable was killed when he fell from a bus.",  # fall
        "Two boys were killed when they drowned in the river.",  # drown
        "The government will pay compensation to the kin of those killed.",
        "Priority will be given to dependants of persons killed in the riots.",
    ],
)
def test_accidents_and_victims_named_are_no_attack(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in extract(text).events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled Kupiansk on Tuesday, killing four civilians and wounding nine.",
        "Police opened fire on the crowd in Taldi, leaving one dead and several others injured.",
    ],
)
def test_wounded_are_the_attacks_toll_not_another_attack(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len([e for e in extract(text).events if e.type == "ASSAULT"]) == 1


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Police fired at the mob in Surat on Monday.", "fired", "ASSAULT"),  # verb "fire"
        ("Government troops have retaken the town of Kidal.", "retaken", "ASSAULT"),  # verb "retake"
        ("The army recaptured the airport on Sunday.", "recaptured", "ASSAULT"),  # verb "recapture"
        ("Rebels overran an army post near Goma.", "overran", "ASSAULT"),  # verb "overrun"
        ("The United States returned two paintings to Brazil.", "returned", "RETREAT"),  # verb "return"
        ("Japan lifted restrictions on travel to North Korea.", "lifted", "RETREAT"),  # verb "lift"
        (
            "Japan lifted sanctions on Iran on Friday.",
            "lifted sanctions",
            "RETREAT",
        ),  # phrasal "lift sanctions"
        ("The court lifted a ban on the party.", "lifted a ban", "RETREAT"),  # phrasal "lift ban"
        ("Serbia eased emergency measures in Montenegro.", "eased", "RETREAT"),  # verb "ease"
        ("Five hundred rebels surrendered to the army last week.", "surrendered", "RETREAT"),  # "surrender"
        ("The government demobilized two thousand fighters.", "demobilized", "RETREAT"),  # "demobilize"
        ("The government demobilised two thousand fighters.", "demobilised", "RETREAT"),  # "demobilise"
        ("Nigeria summoned the ambassador of Niger.", "summoned", "ACCUSE"),  # verb "summon"
        ("The government outlawed the opposition party.", "outlawed", "COERCE"),  # verb "outlaw"
        ("The army launched a military operation against the militants.", "military operation", "ASSAULT"),
        ("The rebels announced a cessation of hostilities on Monday.", "cessation", "RETREAT"),  # noun
        ("The president imposed martial law on the province.", "martial law", "COERCE"),  # "martial law"
        ("The government declared a state of emergency in the north.", "emergency", "COERCE"),  # noun
        ("The commission launched legal action against Poland.", "legal action", "ACCUSE"),  # "legal action"
        ("Hundreds of employees stopped work on Tuesday.", "stopped work", "PROTEST"),  # phrasal "stop work"
        ("Farmers blocked the road to the capital.", "blocked the road", "PROTEST"),  # phrasal "block road"
        ("Farmers blocked roads across the country.", "blocked roads", "PROTEST"),  # phrasal "block roads"
        (
            "Truckers blocked the highway near the border.",
            "blocked the highway",
            "PROTEST",
        ),  # "block highway"
        ("French and Egyptian warships held war games in the Mediterranean.", "war games", "COOPERATE"),
        # "demand_modals" in the reported clause of one of the "speech_verbs"
        ("A British minister said that Libya must hand over the suspects.", "said", "REQUEST"),
        ("Washington declared that China must drop its trade barriers.", "declared", "REQUEST"),
        ("The minister reiterated that Libya must hand over the suspects.", "reiterated", "REQUEST"),
        ("The forum concluded that rich nations must allocate more money.", "concluded", "REQUEST"),
        ("The ministry stated that the rebels must disarm.", "stated", "REQUEST"),
        ("The envoy stressed that both sides must respect the truce.", "stressed", "REQUEST"),
        ("The envoy insisted that both sides must respect the truce.", "insisted", "REQUEST"),
        ("The envoy told reporters that Iran must stop enrichment.", "told", "REQUEST"),
        ("The envoy added that Iran must stop enrichment.", "added", "REQUEST"),
    ],
)
def test_lexicon_triggers(extract, text: str, trigger: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert (plover, trigger) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Amnesty International released a report on the killings.",  # phrasal "release report": none
        "The ministry released a statement on Monday.",  # "release statement"
        "The army released a video of the strike.",  # "release video"
        "The health ministry released figures on Monday.",  # "release figures"
    ],
)
def test_publishing_is_no_release(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in extract(text).events if e.type == "RETREAT"]


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # promised material help or concessions are agreements ("willing" joins the hypothetical heads)
        ("Syria says it is willing to withdraw its troops from Lebanon.", "withdraw", "AGREE"),
        ("The rebels said they will release the hostages.", "release", "AGREE"),
        ("France is ready to contribute troops to the force in Liberia.", "contribute", "AGREE"),
    ],
)
def test_promised_concessions_are_agreements(extract, text: str, trigger: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert (plover, trigger) in found, found
    assert "RETREAT" not in {t for t, _ in found}


def test_a_threatened_concession_stays_what_it_is(extract) -> None:  # type: ignore[no-untyped-def]
    found = [
        (e.type, e.trigger.text) for e in extract("The rebels threatened to withdraw from the talks.").events
    ]
    assert ("THREATEN", "threatened") in found and ("RETREAT", "withdraw") in found, found


@pytest.mark.parametrize(
    ("text", "trigger", "fatalities"),
    [
        ("Officials said 73 people have died in police firing in the state.", "firing", 73),
        ("Two men were killed in police firing on Monday.", "killed", 2),
        ("Police said they had to resort to firing to disperse the mob.", "firing", None),  # "resort"
        ("Three persons were injured in police firing as a mob ransacked the station.", "firing", None),
    ],
)
def test_police_named_by_a_bare_noun_act(extract, text: str, trigger: str, fatalities: int | None) -> None:  # type: ignore[no-untyped-def]
    # the killing and the firing are one incident, told by whichever mention says more
    event = next(e for e in extract(text).events if e.type == "ASSAULT")
    assert trigger in event.evidence[0].text and event.fatalities == fatalities
    assert event.actor1 is not None and event.actor1.text.lower() == "police"
    assert event.actor1.kind == "state_forces"


# "party_nouns": plain nouns for people or bodies that can act or be acted on without being entities
PARTY_SENTENCES = [
    ("Three people were arrested by the police in Minsk.", "COERCE", "people", 2),
    ("Police detained five persons near the station.", "COERCE", "persons", 2),
    ("The workers protested against the closure of the plant.", "PROTEST", "workers", 1),
    ("The employees protested outside the factory.", "PROTEST", "employees", 1),
    ("Gunmen attacked members of the ruling party in Lagos.", "ASSAULT", "members", 2),
    ("The leaders condemned the attack on the convoy.", "ACCUSE", "leaders", 1),
    ("The group condemned the killing of the journalist.", "ACCUSE", "group", 1),
    ("Several groups condemned the arrests in Minsk.", "ACCUSE", "groups", 1),
    ("The delegation met the prime minister in Amman.", "CONSULT", "delegation", 1),
    ("A court in Argentina sentenced the former minister.", "SANCTION", "court", 1),
    ("The judge sentenced the former minister to ten years.", "SANCTION", "judge", 1),
    ("The government expelled the inspectors from the country.", "SANCTION", "inspectors", 2),
    ("The government expelled two diplomats on Monday.", "SANCTION", "diplomats", 2),
    ("Hackers attacked the websites of the ministry.", "COERCE", "Hackers", 1),
    ("The rebels released the prisoners on Sunday.", "RETREAT", "prisoners", 2),
    ("The army freed the detainees on Sunday.", "RETREAT", "detainees", 2),
    ("The kidnappers released the hostages on Sunday.", "RETREAT", "hostages", 2),
    ("The coast guard rescued the migrants off Lampedusa.", "AID", "migrants", 2),
    ("The embassy evacuated the citizens from the capital.", "AID", "citizens", 2),
    ("The government deported dozens of nationals on Monday.", "COERCE", "nationals", 2),
    ("The settlers attacked a village near Nablus.", "ASSAULT", "settlers", 1),
    ("The opposition rejected the proposal on Monday.", "REJECT", "opposition", 1),
    ("The union rejected the offer on Monday.", "REJECT", "union", 1),
    ("The embassy condemned the attack on the convoy.", "ACCUSE", "embassy", 1),
    ("The agency condemned the attack on the convoy.", "ACCUSE", "agency", 1),
    ("The council condemned the attack on the convoy.", "ACCUSE", "council", 1),
    ("The committee condemned the attack on the convoy.", "ACCUSE", "committee", 1),
    ("The envoy condemned the attack on the convoy.", "ACCUSE", "envoy", 1),
    ("The monitors condemned the attack on the convoy.", "ACCUSE", "monitors", 1),
    ("The observers condemned the attack on the convoy.", "ACCUSE", "observers", 1),
]


@pytest.mark.parametrize(("text", "plover", "noun", "role"), PARTY_SENTENCES)
def test_plain_nouns_for_parties_are_actors(extract, text: str, plover: str, noun: str, role: int) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    actor = event.actor1 if role == 1 else event.actor2
    assert actor is not None and noun in actor.text, (event.actor1, event.actor2)


@pytest.mark.parametrize(
    ("text", "plover", "actor2"),
    [
        ("The United States returned two paintings to the government of Brazil.", "RETREAT", "government"),
        ("Turkey issued an ultimatum to Damascus on Monday.", "THREATEN", "Damascus"),
        ("Yemeni forces launched a missile attack against a military base in Jizan.", "ASSAULT", "base"),
        ("Washington suspended military aid to Pakistan.", "SANCTION", None),
    ],
)
def test_targets_named_by_plain_phrases(extract, text: str, plover: str, actor2: str | None) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.actor1 is not None
    if actor2 is not None:
        assert event.actor2 is not None and actor2 in event.actor2.text


def test_things_given_or_talked_about_are_no_actors(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("A Russian official offered concessions last November."), "AGREE")
    assert event.actor2 is None


@pytest.mark.parametrize(
    "noun",
    [
        "town",
        "city",
        "village",
        "centre",
        "center",
        "area",
        "region",
        "district",
        "province",
        "neighbourhood",
        "neighborhood",
        "outskirts",
    ],
)
def test_place_nouns_are_no_sides(extract, noun: str) -> None:  # type: ignore[no-untyped-def]
    """ "place_nouns": where an attack happened is the event's place, not the side attacked."""
    event = _event_of(extract(f"Russian forces shelled the {noun} on Tuesday."), "ASSAULT")
    assert event.actor2 is None or noun not in event.actor2.text


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        # a meeting only promised is an agreement to meet
        ("The foreign minister will visit Albania in June.", "AGREE", None),
        ("The rebel leaders said they would meet the UN mediator.", "AGREE", None),
        # restrictions only announced are threats
        ("President Gbagbo announced that he will extend the curfew in Abidjan.", "THREATEN", "restrict"),
        ("The government is prepared to impose martial law in Baghdad.", "THREATEN", "restrict"),
        ("The party said it will boycott the elections.", "THREATEN", "restrict"),
        ("The government said it would expel the diplomats.", "THREATEN", "expel"),
    ],
)
def test_announced_acts_are_promises_or_threats(extract, text: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.mode == mode and event.hypothetical


def test_a_protests_aim_is_no_second_act(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of students staged demonstrations on Saturday to demand political reforms."
    assert [e.type for e in extract(text).events] == ["PROTEST"]
    text = "Thousands of people blocked streets in Hong Kong to demand reforms."  # phrasal "block streets"
    assert [e.type for e in extract(text).events] == ["PROTEST"]
    text = "Protesters blocked the main street in the capital."  # phrasal "block street"
    assert [e.type for e in extract(text).events] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # "attempt_heads": what someone can do or tries to do is neither promised nor threatened
        ("The police have been able to arrest only one suspect.", "COERCE"),  # able
        ("The army tried to free the hostages on Sunday.", "RETREAT"),  # try
        ("The army attempted to release the hostages on Sunday.", "RETREAT"),  # attempt
        ("The government is seeking to ban the opposition party.", "COERCE"),  # seek
        ("The rebels made a bid to release the prisoners.", "RETREAT"),  # bid
        ("The ministry aims to deport the migrants by May.", "COERCE"),  # aim
    ],
)
def test_attempts_keep_their_type(extract, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract(text), plover).type == plover


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The British government will not lift the ban on the group.", "yield"),
        ("The rebels will not release the soldiers until the talks resume.", "yield"),
        ("Japan will not provide aid to the junta.", "assist"),
        ("The president said he would not meet the rebel leaders.", "meet"),
    ],
)
def test_concessions_announced_as_not_coming_are_refusals(extract, text: str, mode: str) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract(text), "REJECT").mode == mode


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Israeli troops remained on alert in the north.", "alert", "MOBILIZE"),  # noun "alert", "remain"
        ("The government put the army on alert on Monday.", "alert", "MOBILIZE"),  # light verb "put"
        ("Iran opened its borders to Afghan refugees.", "opened its borders", "RETREAT"),  # "open borders"
        ("Benin opened the border to West Africans.", "opened the border", "RETREAT"),  # "open border"
        ("Israel opened the crossing for aid trucks.", "opened the crossing", "RETREAT"),  # "open crossing"
        ("A newspaper violated a ban imposed by the general.", "violated", "REJECT"),  # verb "violate"
    ],
)
def test_more_lexicon_triggers(extract, text: str, trigger: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert (plover, trigger) in found, found


@pytest.mark.parametrize(
    ("text", "plover", "actor2"),
    [
        ("Russia has begun withdrawing some of its troops from Syria.", "RETREAT", "Syria"),
        ("The UN withdrew peacekeepers from Rwanda in April.", "RETREAT", "Rwanda"),
        ("Japan deployed troops to South Sudan on Monday.", "MOBILIZE", "South Sudan"),
    ],
)
def test_forces_moved_are_the_actors_own(extract, text: str, plover: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.actor2 is not None and actor2 in event.actor2.text


def test_anyone_who_strikes_or_marches_is_the_protests_actor(extract) -> None:  # type: ignore[no-untyped-def]
    # light verb "go": "went on strike" is parsed with "strike" under "on"
    event = _event_of(extract("Teachers from the city schools went on strike for better pay."), "PROTEST")
    assert event.actor1 is not None and "Teachers" in event.actor1.text


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("The toll from Sunday's drone strike on a bus in Sumy has risen to five.", 5),
        ("The number of people killed in the missile attack on Odesa climbed to 14.", 14),
        ("The death count from the shelling of Kherson reached nine on Monday.", 9),
        ("The toll from the strike on the depot increased to seven.", 7),
        ("The toll from the attack on the market grew to 21.", 21),
        ("The toll from the bombing stood at 30.", 30),
        ("The toll from the raid jumped to 11.", 11),
        ("The toll from the shelling mounted to eight.", 8),
    ],
)
def test_a_reported_toll_counts_the_dead_of_its_attack(  # type: ignore[no-untyped-def]
    extract, text: str, fatalities: int | None
) -> None:
    assert _event_of(extract(text), "ASSAULT").fatalities == fatalities


def test_an_injury_toll_is_no_death_toll(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The number of people injured in the attack on the station rose to 40."
    assert all(e.fatalities is None for e in extract(text).events)


def test_a_risen_toll_outweighs_the_death_that_raised_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The death toll from Tuesday's Russian shelling of Kupiansk has risen to five after a wounded "
        "man died in hospital overnight."
    )
    assert _event_of(extract(text), "ASSAULT").fatalities == 5


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # a strike is a walk-out when it lasts days, is called off or ended, or is the workers' own
        ("Dock workers began a three-day strike on Monday.", "strike", "PROTEST"),
        ("Doctors will not end the strike until wages rise.", "strike", "PROTEST"),
        ("The union called off the strike on Friday.", "called off", "CONCEDE"),
        ("Russian jets launched strikes on Kharkiv.", "strikes", "ASSAULT"),
        # nouns the tokenizer splits at the hyphen
        ("The rebels announced a cease-fire on Sunday.", "cease-fire", "RETREAT"),
        ("Students staged a sit-in at the ministry.", "sit-in", "PROTEST"),
        ("Ankara announced the release of two Greek soldiers.", "release", "RETREAT"),
        ("Spain completed the extradition of the banker to Peru.", "extradition", "COOPERATE"),
        ("The prime minister cancelled a planned visit to Seoul.", "cancelled", "REJECT"),
        ("The governor backed down on Friday.", "backed down", "CONCEDE"),
        ("The ministry accepted the demands of the nurses.", "accepted the demands", "CONCEDE"),
        # a ceasefire violated is fighting (CAMEO 196), by the object or by its compound
        ("Rebel units violated the truce near Goma.", "violated the truce", "ASSAULT"),
        (
            "The militia violated the ceasefire agreement twice.",
            "violated the ceasefire agreement",
            "ASSAULT",
        ),
        ("The insurgents will lay down their arms on Sunday.", "lay down their arms", "AGREE"),
        ("The government allowed access to the camps for aid workers.", "allowed access", "RETREAT"),
        ("Chad closed its borders with Sudan on Monday.", "closed its borders", "COERCE"),
        ("Farmers burned an effigy of the minister.", "burned an effigy", "PROTEST"),
        ("Rioters burned three shops in the market.", "burned", "ASSAULT"),
        ("The detainee died as a result of police torture.", "torture", "ASSAULT"),
        ("The group launched cyber warfare against Estonia.", "cyber warfare", "COERCE"),
        ("The Kenyan president held discussions with Museveni.", "discussions", "CONSULT"),
        # a mediation effort is carried as the mediation would be ("frame_nouns")
        ("Qatar launched a mediation effort between the two factions.", "mediation", "CONSULT"),
    ],
)
def test_word_senses_and_new_triggers(extract, text: str, trigger: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert (plover, trigger) in found, found


@pytest.mark.parametrize(
    "text", ["The contractor met the deadline.", "The agency said the targets would be met by May."]
)
def test_meeting_a_deadline_is_no_meeting(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.type in ("CONSULT", "AGREE") for e in extract(text).events)


def test_not_meeting_demands_is_a_refusal(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The government said it would not meet the strikers' demands."
    assert _event_of(extract(text), "REJECT").trigger.text.startswith("meet")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # "transfer_verbs" are aid when what is handed over is aid, money, supplies or arms ("goods_nouns")
        ("Norway gave 20 million dollars to Malawi for schools.", "gave"),
        ("Japan sent medical supplies to the flooded provinces.", "sent"),
        ("The Red Cross handed over two tons of food to the camp.", "handed"),
        ("The army distributed blankets and tents in the valley.", "distributed"),
        ("Canada has earmarked $5 million in emergency aid for Haiti.", "earmarked"),
        ("The charity delivered medicine to the besieged town.", "delivered"),
    ],
)
def test_giving_goods_is_aid(extract, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert ("AID", trigger) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The minister gave a speech in Geneva.",
        "The president sent a message to the summit.",
        "The rebels delivered heavy blows to the army.",
    ],
)
def test_giving_words_is_no_aid(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in extract(text).events if e.type == "AID"]


def test_support_only_promised_is_an_agreement(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("Spain will support Morocco's bid to host the games."), "AGREE")
    assert event.trigger.text == "support" and event.hypothetical


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Hundreds of Kenyan peacekeepers arrived in Mogadishu on Monday.", "AID"),
        ("Russian troops arrived in the border town on Monday.", "MOBILIZE"),
        ("The Turkish foreign minister arrived in Baghdad on Monday.", "CONSULT"),
    ],
)
def test_forces_arriving_are_deployed_not_visiting(extract, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract(text), plover).trigger.text == "arrived"


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("The two rebel groups struck a deal on Friday.", "struck a deal", "AGREE"),
        ("Washington removed the sanctions on the bank.", "removed the sanctions", "RETREAT"),
        ("Sweden accepted 500 refugees from the camps.", "accepted 500 refugees", "AID"),
        ("Uganda says it will not accept more refugees.", "accept more refugees", "REJECT"),
        ("The council set a deadline for the militia to disarm.", "set a deadline", "THREATEN"),
        ("The army issued a warning to the protesters.", "warning", "THREATEN"),
        ("The opposition filed a lawsuit against the governor.", "lawsuit", "ACCUSE"),
        ("A court in Lima found the former minister guilty.", "found the former minister guilty", "SANCTION"),
        ("The junta forced the aid agencies out of the region.", "forced the aid agencies out", "SANCTION"),
        ("The ministry announced a suspension of aid to the province.", "suspension", "SANCTION"),
    ],
)
def test_more_phrases_and_nouns(extract, text: str, trigger: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert (plover, trigger) in found, found


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # what a deployment moves decides the act
        ("Britain mobilized army reservists on Tuesday.", "MOBILIZE"),
        ("Russia deployed tanks near the border.", "MOBILIZE"),
        ("Ghana deployed 300 soldiers to the UN peacekeeping mission in Mali.", "AID"),
        ("The bank is mobilising additional funds for the flooded region.", "AID"),
    ],
)
def test_deployments_by_what_is_moved(extract, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract(text), plover).type == plover


@pytest.mark.parametrize(
    "text",
    [
        "The ministry reinforced its commitment to the schools.",
        "The government deployed new software in its offices.",
        "Doctors are fighting the epidemic in the north.",
    ],
)
def test_moves_and_fights_against_things_are_no_events(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in extract(text).events if e.type in ("MOBILIZE", "ASSAULT")]


@pytest.mark.parametrize(
    ("text", "protests"),
    [
        ("We must demonstrate the value of the common market.", 0),
        ("The launch demonstrated that the rocket works.", 0),
        ("Thousands demonstrated outside parliament on Friday.", 1),
    ],
)
def test_to_demonstrate_something_is_to_show_it(extract, text: str, protests: int) -> None:  # type: ignore[no-untyped-def]
    assert len([e for e in extract(text).events if e.type == "PROTEST"]) == protests


def test_part_of_a_counted_group_is_no_toll_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A missile strike on the bus station in Sloviansk killed 11 people on Monday. "
        "Three of the victims of the strike died in hospital."
    )
    assert [e.fatalities for e in extract(text).events if e.type == "ASSAULT"] == [11]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # with no larger toll known, the part is all the article counts
        ("Gunmen attacked the checkpoint on Monday, killing two of the guards.", 2),
        ("Three of the wounded died in hospital after the shelling.", 3),
    ],
)
def test_part_of_a_group_counts_when_nothing_larger_is_known(extract, text: str, fatalities: int) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract(text), "ASSAULT").fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # help, cooperation or mediation ended or cut reduces relations ("reversal_verbs")
        ("Japan halted economic aid to the junta.", "aid", "SANCTION"),
        ("The envoy ended mediation efforts between the two factions.", "mediation", "SANCTION"),
        ("The ministry cut military aid to the police.", "aid", "SANCTION"),
        # "a state of siege" is martial law; a siege of a town is an attack
        ("The government declared a state of siege in the province.", "siege", "COERCE"),
        ("Rebels laid siege to the town of Kidal.", "siege", "ASSAULT"),
        ("The king received the Egyptian ambassador on Monday.", "received", "CONSULT"),
        ("The president hailed the agreement with Kenya.", "hailed", "SUPPORT"),
        ("Chile established diplomatic relations with Fiji.", "established diplomatic relations", "SUPPORT"),
        ("On Monday, the Kenyan president will join Erdogan for talks over lunch.", "talks", "AGREE"),
    ],
)
def test_reversals_states_of_rule_and_welcomes(extract, text: str, trigger: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert (plover, trigger) in found, found


@pytest.mark.parametrize(
    "text", ["The army pressed its offensive in the north.", "The king received a letter from the pope."]
)
def test_pressing_or_receiving_things_is_no_request_or_visit(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in extract(text).events if e.type in ("REQUEST", "CONSULT")]


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("The US military trains Kenyan pilots at a base in Texas.", "trains", "AID"),
        ("Norway announced a contribution of $10 million to the fund.", "contribution", "AID"),
        ("Fijian troops take part in peacekeeping operations in Lebanon.", "peacekeeping operations", "AID"),
        ("Washington cut tariffs on Mexican steel.", "cut tariffs", "RETREAT"),
        ("Beijing imposed tariffs on Australian wine.", "imposed tariffs", "SANCTION"),
    ],
)
def test_help_given_in_kind_and_trade_measures(extract, text: str, trigger: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract(text).events]
    assert (plover, trigger) in found, found


def test_letting_free_is_a_release(extract) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract("Egypt let free the detained journalists."), "RETREAT").mode == "release"


def test_a_team_in_training_is_no_aid(extract) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in extract("The national team trained in Doha on Monday.").events if e.type == "AID"]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("A missile strike on the station killed 11 people on Monday.", 11),
        ("A suicide bomber killed 12 worshippers in Quetta.", 12),
    ],
)
def test_the_killer_is_not_counted_among_the_dead(extract, text: str, fatalities: int) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract(text), "ASSAULT").fatalities == fatalities


def test_where_a_victim_died_later_is_not_where_the_attack_was(extract) -> None:  # type: ignore[no-untyped-def]
    """ "after the attack" points back to the shelling: the hospital town is no place of an attack."""
    # the place of the event's own trigger wins over places in later clauses about the victims
    extraction = extract(
        "Russian forces shelled Kupiansk on Tuesday. A woman died in hospital in Kharkiv after the attack."
    )
    places = {p.id: p.name for p in extraction.places}
    named = [places.get(e.place_id or "") for e in extraction.events if e.type == "ASSAULT"]
    assert "Kharkiv" not in named and "Kupyansk" in named


@pytest.mark.parametrize(
    "text",
    [
        # aftermath_verbs
        "Russian forces shelled Kupiansk on Tuesday, and three wounded civilians were taken to Kharkiv.",
        "Russian forces shelled Kupiansk on Tuesday, and the wounded were evacuated to Kharkiv.",
        "Russian forces shelled Kupiansk on Tuesday, and the wounded were rushed to Kharkiv.",
        "Russian forces shelled Kupiansk on Tuesday, and two victims were transferred to Kharkiv.",
        "Russian forces shelled Kupiansk on Tuesday, and two victims were hospitalized in Kharkiv.",
        "Russian forces shelled Kupiansk on Tuesday, and two victims were hospitalised in Kharkiv.",
        # aftermath_nouns
        "Russian forces shelled Kupiansk on Tuesday, and a woman died in a hospital in Kharkiv.",
        "Russian forces shelled Kupiansk on Tuesday, and a boy is being treated at a clinic in Kharkiv.",
        "Russian forces shelled Kupiansk on Tuesday, and the bodies lie in a morgue in Kharkiv.",
        # back_reference_words
        "A woman died in Kharkiv after the attack on Kupiansk.",
        "Hundreds have fled to Kharkiv since the Russian attack on Kupiansk.",
    ],
)
def test_the_attack_keeps_its_own_place_over_the_victims_later_one(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(text)
    places = {p.id: p.name for p in extraction.places}
    event = _event_of(extraction, "ASSAULT")
    assert places.get(event.place_id or "") == "Kupyansk"


def test_a_hospital_the_attack_hit_is_the_attacks_place(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract("A Russian missile struck a hospital in Kharkiv on Tuesday.")
    places = {p.id: p.name for p in extraction.places}
    assert places.get(_event_of(extraction, "ASSAULT").place_id or "") == "Kharkiv"

"""Events: triggers, types, actors, place, date, fatalities and modality from real-style sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.acled import acled_type
from sitrep.model import Actor

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
        "France will contribute 4,000 troops to the peace-keeping force in Liberia.",
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
    # the actor of a controlled verb is found up the chain ("is willing to send … to help defend")
    ("Norway is willing to send material to help defend Saudi Arabia.", "SUPPORT", None, "Norway", None),
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
    if negated or hypothetical:
        assert event.acled_event_type is None


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

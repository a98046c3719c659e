"""Event roles: the side an act is aimed at, found inside what the act is about, and which of several
acts in one sentence is the one reported."""

from __future__ import annotations

import pytest

from sitrep.eval.events import ranked


def _event_of(extraction, plover_type):  # type: ignore[no-untyped-def]
    matching = [e for e in extraction.events if e.type == plover_type]
    assert matching, f"no {plover_type} event in {[(e.type, e.trigger.text) for e in extraction.events]}"
    return matching[0]


@pytest.mark.parametrize(
    ("text", "plover", "actor2"),
    [
        # inside an infinitive the act controls
        ("Moscow threatened to cut off gas supplies to Moldova.", "THREATEN", "Moldova"),
        ("Ghana has offered to send a medical team to Liberia.", "AGREE", "Liberia"),
        ("Egypt refused to deploy soldiers in Yemen.", "REJECT", "Yemen"),
        ("Ankara threatened to break off diplomatic relations with Austria.", "THREATEN", "Austria"),
        # the subject of the clause a demand is about
        ("The opposition demanded that President Museveni release the journalists.", "REQUEST", "Museveni"),
        # the owner of what is denounced, or the side named in what is asked for
        ("Kenya denounced Somalia's decision to expel its envoy.", "ACCUSE", "Somalia"),
        ("The bishop called for sanctions against Zimbabwe on Sunday.", "REQUEST", "Zimbabwe"),
    ],
)
def test_the_side_aimed_at_is_found_inside_what_the_act_is_about(extract, text, plover, actor2) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.actor2 is not None and actor2 in event.actor2.text, event.actor2


def test_the_acting_side_is_not_its_own_target(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The United States said it would deny visas to the United States' critics."
    for event in extract(text).events:
        assert event.actor2 is None or event.actor1 is None or event.actor2.text != event.actor1.text


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # what is threatened, agreed, asked or refused is the content of the act reported
        ("The rebels threatened on Monday to shell the airport.", "THREATEN"),
        ("The prime minister agreed on Friday to resign.", "AGREE"),
        ("The council demanded on Tuesday that the army release the prisoners.", "REQUEST"),
        ("Hanoi refused on Monday to release the fishermen.", "REJECT"),
        # a participle or relative clause describes a participant, not the act reported
        ("Government troops backed by militias attacked the village on Sunday.", "ASSAULT"),
        ("The navy released a tanker that it seized in May.", "RETREAT"),
    ],
)
def test_the_governing_act_is_the_one_reported(extract, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    events = extract(text).events
    assert events and ranked(events)[0].type == plover, [(e.type, e.confidence) for e in ranked(events)]


@pytest.mark.parametrize(
    ("text", "plover", "actor1"),
    [
        # an acronym the tagger takes for a common noun
        ("UNHCR returned the refugees to their villages.", "RETREAT", "UNHCR"),
        # who did the act named by a noun, with "by"
        ("A suicide bombing by the Pakistani Taliban killed six soldiers.", "ASSAULT", "Taliban"),
        # the means as subject stands for whoever used it
        ("Rockets fired by Hamas militants struck a school in Sderot.", "ASSAULT", "Hamas"),
    ],
)
def test_who_acted_through_acronyms_agents_and_means(extract, text: str, plover: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in extract(text).events if e.type == plover]
    assert any(e.actor1 is not None and actor1 in e.actor1.text for e in events), events


def test_the_reported_act_outlives_its_description(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Rockets fired by Hamas militants struck a school in Sderot."
    assert "struck" in [e.trigger.text for e in extract(text).events]


@pytest.mark.parametrize(
    ("text", "plover", "actor2"),
    [
        ("Merkel called Putin on Monday to discuss the crisis.", "CONSULT", "Putin"),
        ("The Kenyan president called his Tanzanian counterpart on Tuesday.", "CONSULT", "Tanzanian"),
    ],
)
def test_calling_someone_is_a_phone_call(extract, text: str, plover: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.mode == "phone" and event.actor2 is not None and actor2 in event.actor2.text


def test_calling_names_is_no_phone_call(extract) -> None:  # type: ignore[no-untyped-def]
    found = [e.type for e in extract("Trump called the ambassador a fool on Monday.").events]
    assert "CONSULT" not in found, found


def test_a_call_on_a_day_is_no_call_on_someone(extract) -> None:  # type: ignore[no-untyped-def]
    found = [(e.type, e.trigger.text) for e in extract("The minister called on Monday for calm.").events]
    assert found and all(t == "REQUEST" and trigger.endswith("for") for t, trigger in found), found


@pytest.mark.parametrize(
    ("text", "plover", "actor2"),
    [
        # a town the act is applied to stands for its people or rulers when nobody is named
        ("The army imposed a curfew in Kano on Friday.", "COERCE", "Kano"),
        ("The Jordanian king arrived in Baghdad on Monday.", "CONSULT", "Baghdad"),
        ("The governor threatened to ban rallies in Mombasa.", "THREATEN", "Mombasa"),
    ],
)
def test_a_place_an_act_is_applied_to_is_its_side(extract, text: str, plover: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.actor2 is not None and actor2 in event.actor2.text, event.actor2


def test_where_fighting_happens_is_no_side(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("Government troops attacked rebel positions in Kano on Friday."), "ASSAULT")
    assert event.actor2 is None or "Kano" not in event.actor2.text


@pytest.mark.parametrize(
    ("text", "plover", "actor1"),
    [
        ("The militias are guilty of violating the truce in Darfur.", "ASSAULT", "militias"),
        ("Police opened fire on the crowd, killing two and arresting five.", "COERCE", "Police"),
    ],
)
def test_who_acted_in_a_predicate_or_a_joined_verb(extract, text: str, plover: str, actor1: str) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.actor1 is not None and actor1 in event.actor1.text, event.actor1


@pytest.mark.parametrize(
    ("text", "plover", "actor2"),
    [
        # forces or inspectors handed over are the actor's own; the side is where they go or leave
        ("Chad offered its troops to the government of Mali.", "AGREE", "government"),
        ("The UN will withdraw its inspectors from Syria.", "AGREE", "Syria"),
        ("Israel has strengthened its forces in Lebanon.", "MOBILIZE", "Lebanon"),
    ],
)
def test_forces_handed_over_are_the_actors_own(extract, text: str, plover: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.actor2 is not None and actor2 in event.actor2.text, event.actor2


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("The rebels will release the captured soldiers.", "soldiers"),
        ("The United States provided the Lebanese army with trucks.", "Lebanese army"),
    ],
)
def test_forces_freed_or_equipped_are_the_side_acted_on(extract, text: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in extract(text).events if e.actor2 is not None]
    assert any(actor2 in e.actor2.text for e in events), [(e.type, e.actor2) for e in events]


def test_troops_sent_to_a_peacekeeping_force_are_aid(extract) -> None:  # type: ignore[no-untyped-def]
    assert _event_of(extract("Ghana is sending troops to the UN peacekeeping force in Mali."), "AID")


@pytest.mark.parametrize(
    ("text", "plover", "actor", "role"),
    [
        # the other side of a ceasefire is no force the actor moves
        ("Kabul declared a ceasefire with the Taliban on Tuesday.", "RETREAT", "Taliban", 2),
        # people named as those helped ("households", "families", "victims")
        ("The Red Cross provided food to about 300 households.", "AID", "households", 2),
        ("Sweden accepted 500 refugees from the camps.", "AID", "refugees", 2),
        # a group of people stands for them ("collective_nouns")
        ("A group of Moroccan diplomats met the president.", "CONSULT", "diplomats", 1),
    ],
)
def test_sides_named_by_people_and_groups(extract, text: str, plover: str, actor: str, role: int) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    found = event.actor1 if role == 1 else event.actor2
    assert found is not None and actor in found.text, (event.actor1, event.actor2)


@pytest.mark.parametrize(
    ("text", "plover", "actor2"),
    [
        # those mediated between are the sides aimed at
        ("Kuwait launched a mediation effort between Qatar and Bahrain.", "CONSULT", "Qatar"),
        # two who sign together are both sides
        ("Kenya and Ethiopia signed a border treaty on Monday.", "SUPPORT", "Ethiopia"),
        ("Lebanon complained to the United Nations about the raids.", "ACCUSE", "United Nations"),
    ],
)
def test_mediated_cosigners_and_complaints(extract, text: str, plover: str, actor2: str) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract(text), plover)
    assert event.actor2 is not None and actor2 in event.actor2.text, event.actor2


def test_who_is_opposed_opposes(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("Israel is opposed to French mediation in the talks."), "REJECT")
    assert event.actor1 is not None and event.actor1.text == "Israel"


def test_a_protest_lodged_is_an_accusation(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("Serbia lodged an official protest with Albania today."), "ACCUSE")
    assert event.actor2 is not None and event.actor2.text == "Albania"


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a kill told in a relative clause is not replaced by the wounding joined to it
        ("Clashes broke out in the market, in which three people were killed and 18 injured.", 3),
    ],
)
def test_a_kill_in_a_relative_clause_keeps_its_dead(extract, text: str, fatalities: int) -> None:  # type: ignore[no-untyped-def]
    assert [e.fatalities for e in extract(text).events if e.type == "ASSAULT"][0] == fatalities


def test_an_agent_named_with_by_acts(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("Two men died in firing by the police on Monday."), "ASSAULT")
    assert event.actor1 is not None and event.actor1.text.lower().endswith("police")


def test_units_deployed_are_a_mobilization(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The police will deploy three companies of reserve police in the old city."
    assert _event_of(extract(text), "MOBILIZE").actor1 is not None


def test_of_one_act_told_twice_the_report_naming_who_acted_is_kept(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Four people were burnt alive in the village and two were killed in police firing."
    events = [e for e in extract(text).events if e.type == "ASSAULT"]
    assert any(e.actor1 is not None and "police" in e.actor1.text.lower() for e in events), events


def test_where_two_sides_meet_is_only_the_venue(extract) -> None:  # type: ignore[no-untyped-def]
    event = _event_of(extract("The foreign ministers of Chile and Peru met in Lima on Tuesday."), "CONSULT")
    assert event.actor2 is None or "Lima" not in event.actor2.text


@pytest.mark.parametrize(
    ("text", "trigger", "actor1", "actor2"),
    [
        # whoever tells of, judges or recalls an attack did not carry it out
        ("The president confirmed the killing of the rebel commander on Friday.", "killing", None, None),
        ("Officials reported the shelling of the market in Kherson on Monday.", "shelling", None, None),
        # the owner of an arrest or a killing is the one it was done to
        ("Police confirmed Omar Haddad's arrest in Mosul.", "arrest", None, "Omar Haddad"),
        # a bare passive participle: the one it describes was acted on, not the actor
        ("The militia commander is dead, killed in an airstrike near Raqqa.", "killed", None, "commander"),
        ("The two farmers killed in the raid were buried on Sunday.", "killed", None, "farmers"),
    ],
)
def test_who_tells_of_or_undergoes_an_attack_is_not_its_actor(  # type: ignore[no-untyped-def]
    extract, text: str, trigger: str, actor1: str | None, actor2: str | None
) -> None:
    event = next(e for e in extract(text).events if e.trigger.text == trigger)
    assert (event.actor1.text if event.actor1 else None) == actor1
    if actor2 is None:
        assert event.actor2 is None or "president" not in event.actor2.text.lower()
    else:
        assert event.actor2 is not None and actor2 in event.actor2.text


def test_a_noun_of_a_typed_kind_owned_by_a_nationality_keeps_its_kind(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Doctors treated 40 people following a chlorine attack by Syrian rebel groups on the district."
    ).events
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.actor1 is not None and attack.actor1.kind == "rebel_group"
    assert attack.acled_sub_event_type == "Chemical weapon"

"""Event triggers: the words that report an act, found over the dependency parse with the project's
lexicon ("lexicons/events.json"), each with its PLOVER type and mode.

A trigger is a verb ("shelled"), a phrasal verb ("lashed out at", "sent reinforcements") or a noun
("attacks", "air strike", "clashes"). Word senses are told apart by what the word governs: a strike that
lasts days is a walk-out, "met the deadline" is no meeting, "gave a speech" is no aid.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitrep import lexicons
from sitrep.nlp.lemmas import lemma as corrected_lemma
from sitrep.nlp.lemmas import retag_past

_NOUN_SLOTS = ("pobj", "nsubj", "nsubjpass", "dobj")
# Mode words that name people or acts, not a munition that lands ("a gunman fell", "rape")
_PEOPLE_MODES = ("firearms", "sexual", "suicide-attack", "aerial", "drone", "crowd-control")
DEMAND = "must"
# Verbs that "sexually" makes an act of sexual violence
SEXUAL_MANNER_VERBS = frozenset({"harass", "exploit", "abuse", "assault", "attack", "violate", "torture"})
# People gathered, whatever for
CROWD_NOUNS = frozenset({"crowd", "gathering", "mob"})
# Kinds of armed sides, as the actor lexicon names them
ARMED_KINDS = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_other"}
)
# Nouns that count what their "of" names ("dozens of shells", "a salvo of rockets")
QUANTITY_NOUNS = frozenset(
    {"dozen", "score", "hundred", "thousand", "million", "number", "couple", "barrage", "salvo", "volley"}
)


@dataclass(frozen=True)
class Trigger:
    token: Token
    type: str
    mode: str | None
    lemma: str
    start: int
    end: int


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    """Trigger words in text order, each once."""
    found: list[Trigger] = []
    for token in tokens:
        if _names_a_date(token):
            continue
        _nominal_gerund(token)
        retag_past(token)
        trigger = _verb_trigger(token) or _demand_trigger(token) if token.pos_ == "VERB" else None
        if trigger is None and token.pos_ in ("NOUN", "PROPN"):
            trigger = _noun_trigger(token)
        if trigger is not None:
            found.append(_deadly_raid(_raid_from_the_air(_raid_to_arrest(trigger))))
    covered = {t.token.i for t in found if t.token.pos_ == "VERB"}
    acts = {t.token.i for t in found if t.token.pos_ != "VERB"}
    peaceful = {t.token.i for t in found if t.type not in ("ASSAULT", "COERCE")}
    return [
        t
        for t in found
        if not _absorbed(t, covered, acts, peaceful)
        and not _victims_only(t)
        and not _accident(t)
        and not _bare_toll(t)
    ]


def _raid_to_arrest(trigger: Trigger) -> Trigger:
    """A raid or search made to arrest someone ("raided the village to arrest the suspects", "raids
    to detain activists") is an arrest operation, not an attack or a seizure."""
    token = trigger.token
    if trigger.lemma not in lexicons.load("events")["search_words"]:
        return trigger
    verbs = lexicons.load("events")["verbs"]
    carrier = token.head if token.dep_ in ("dobj", "nsubjpass") else token
    purposes = [
        c
        for head in {token, carrier}
        for c in head.children
        if (c.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(a.lower_ == "to" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ == "to")  # "raids to detain leaders", parsed as a preposition
    ]
    aims = [t for c in purposes for t in c.subtree if t.pos_ == "VERB"]
    if any(verbs.get(t.lemma_.lower()) == ["COERCE", "arrest"] for t in aims):
        return Trigger(token, "COERCE", "arrest", trigger.lemma, trigger.start, trigger.end)
    return trigger


def _deadly_raid(trigger: Trigger) -> Trigger:
    """A raid or search that kills or wounds ("raided the village, killing 12 residents", "a raid on
    the camp killed five") is an attack: the dead tell the force used."""
    token = trigger.token
    if trigger.type != "COERCE" or trigger.lemma not in lexicons.load("events")["search_words"]:
        return trigger
    tolls = ("kill", "wound", "injure")
    joined = [c for c in token.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB"]
    told = token.head if token.dep_ == "nsubj" and token.head.pos_ == "VERB" else None
    if any(corrected_lemma(v) in tolls for v in (*joined, *([told] if told is not None else []))):
        return Trigger(token, "ASSAULT", None, trigger.lemma, trigger.start, trigger.end)
    return trigger


def _raid_from_the_air(trigger: Trigger) -> Trigger:
    """A raid made by aircraft or drones ("helicopters raided rebel hideouts") is an air strike, not a
    search."""
    token = trigger.token
    if trigger.lemma != "raid" or trigger.type != "COERCE" or token.pos_ != "VERB":
        return trigger
    modes = lexicons.load("events")["mode_words"]
    raiders = [t for c in token.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
    aerial = next(
        (modes[t.lemma_.lower()] for t in raiders if modes.get(t.lemma_.lower()) in ("aerial", "drone")), None
    )
    if aerial is None:
        return trigger
    return Trigger(token, "ASSAULT", aerial, trigger.lemma, trigger.start, trigger.end)


def _names_a_date(token: Token) -> bool:
    """A capitalised word inside a date names the date, not an act: "until March 3", "on March 31"."""
    return token.ent_type_ in ("DATE", "TIME") and token.text[:1].isupper() and token.i > token.sent.start


def _nominal_gerund(token: Token) -> None:
    """Retag as a noun a gerund the small model calls a verb although it stands where a noun does and
    the noun lexicon knows it: "died in police firing" (the event stage is the last to read the parse)."""
    if (
        token.tag_ == "VBG"
        and (token.dep_ in _NOUN_SLOTS or (token.dep_ == "conj" and token.head.dep_ in _NOUN_SLOTS))
        and token.lower_ in lexicons.load("events")["nouns"]
        and not any(c.dep_ in ("dobj", "aux", "advmod", "nsubj") for c in token.children)
    ):
        token.pos_ = "NOUN"


def _verb_trigger(token: Token) -> Trigger | None:
    lexicon = lexicons.load("events")
    if token.dep_ == "amod":
        return None  # "Russia-backed forces", "renewed attacks": a modifier, not an act
    lemma = corrected_lemma(token)  # "raped" is not "rap"
    for child in token.children:
        # a particle parsed as a preposition with no object ("forced them out of"), an adjective as
        # a complement ("found him guilty")
        particle = (
            child.dep_ in ("prt", "dobj", "nsubjpass", "oprd", "acomp")
            or (child.dep_ == "prep" and lemma in ("call", "lash") and not _dated(child))
            or (child.dep_ == "prep" and not any(c.dep_ == "pobj" for c in child.children))
            or (child.dep_ == "ccomp" and child.pos_ == "ADJ")
        )
        # "released reports" as "release report"; "violated the ceasefire agreement" by its compound;
        # the passive keeps the object as its subject ("projectiles were thrown", "control was seized")
        words = [child.lower_, child.lemma_.lower()]
        if child.dep_ in ("dobj", "nsubjpass"):
            words += [c.lower_ for c in child.children if c.dep_ == "compound"]
        key = next((k for w in words if (k := f"{lemma} {w}") in lexicon["phrasal"]), "")
        if particle and key:
            entry = lexicon["phrasal"][key]
            if entry is None:
                return None
            if entry[0] == "MOBILIZE" and _peacekeeping(token):
                entry = ["AID", None]  # "sending troops to the peacekeeping force"
            if entry[1] == "crowd-control" and not _crowd_object(token):
                return None  # "broke up a terror cell": no crowd dispersed
            end = max(token.i, child.i)
            return _make(token, entry, key, token.idx, token.doc[end].idx + len(token.doc[end].text))
    phrase = _prepositional_phrasal(token, lemma)
    if phrase is not None:
        return phrase
    if _to_death(token):
        # "hacked to death", "stoned to death": a killing, whatever else the verb may mean
        entry = lexicon["verbs"].get(lemma)
        killing = entry if entry is not None and entry[0] == "ASSAULT" else ["ASSAULT", "primitive"]
        return _make(token, killing, lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["people_taking_verbs"] and _takes_people_away(token):
        # "troops have taken dozens of villagers in raids": people seized, an arrest or an abduction
        return _make(token, ["COERCE", "seize"], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["occupying_verbs"] and _occupies_ground(token):
        # "troops occupied three more hill posts": ground taken, not a building sat in by a crowd
        return _make(token, ["ASSAULT", None], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["leaving_verbs"] and _armed_side_leaves_ground(token):
        # "rebel fighters began leaving their last bastion": ground given up, a withdrawal
        return _make(token, ["RETREAT", "withdraw"], lemma, token.idx, token.idx + len(token.text))
    if lemma == "train" and _trains_forces(token):  # military training is help (CAMEO 07)
        return _make(token, ["AID", None], lemma, token.idx, token.idx + len(token.text))
    if _receives_someone(token):
        return _make(token, ["CONSULT", "visit"], lemma, token.idx, token.idx + len(token.text))
    if lemma == "call" and _calls_someone(token):
        return _make(token, ["CONSULT", "phone"], lemma, token.idx, token.idx + len(token.text))
    if lemma == "meet" and _meets_a_thing(token):
        return None  # "met the deadline", "until their demands are met"
    if lemma in lexicon["showing_verbs"] and _shows_something(token):
        return None  # "demonstrate the added value", "demonstrated that it can": to show, not to march
    if lemma in lexicon["side_object_verbs"] and not _side_object(token):
        return None  # "to fight the epidemic", "fighting poverty"
    if any(c.dep_ == "advmod" and c.lower_ in lexicon["verbal_manner_words"] for c in token.children):
        return None  # "verbally abused her", "verbally attacked the minister": words, not force
    if lemma in SEXUAL_MANNER_VERBS and any(
        c.dep_ == "advmod" and c.lower_ == "sexually" for c in token.children
    ):
        # "sexually harassed a girl", "sexually exploited women": harm of a sexual nature
        return _make(token, ["ASSAULT", "sexual"], lemma, token.idx, token.idx + len(token.text))
    if _force_on_crowd(token, lemma):
        # "riot police chased the demonstrators", "baton-charged the protesters": a demonstration broken up
        return _make(token, ["ASSAULT", "crowd-control"], lemma, token.idx, token.idx + len(token.text))
    entry = lexicon["verbs"].get(lemma)
    if entry is not None and entry[0] == "MOBILIZE":
        return _deployment(token, lemma)
    if lemma in lexicon["verbs"]:
        return _make(token, lexicon["verbs"][lemma], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["transfer_verbs"] and _gives_goods(token):
        return _make(token, ["AID", None], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["base_verbs"] and sets_up_base(token):
        # "set up two new bases", "established a military post": ACLED's Headquarters or base established
        return _make(token, ["MOBILIZE", "troops"], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["formation_verbs"] and _forms_a_unit(token):
        # "formed a drone unit", "created a new brigade": a new armed formation, ACLED's change to a
        # group's activity
        return _make(token, ["MOBILIZE", "militia"], lemma, token.idx, token.idx + len(token.text))
    if (
        lemma in lexicon["projecting_verbs"]
        and takes_weapons(token, heads_only=True)
        and not _stops(token)
        and not _beside_an_attack(token)
    ):
        # "used sulfur mustard", "chlorine munitions were dropped": the weapon used is the attack
        return _make(token, ["ASSAULT", None], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["impact_verbs"] and _munition_subject(token):
        # "mortar shells fell on the market", "an explosive device went off near the convoy"
        return _make(token, ["ASSAULT", None], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["gathering_verbs"] and _crowd_subject(token):
        # "demonstrators gathered in the square", "protesters assembled outside parliament"
        return _make(token, ["PROTEST", "demo"], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["interdiction_verbs"] and takes_weapons(token):
        # "defused a bomb", "found explosive devices", "intercepted 12 guns": weapons taken out of use
        return _make(token, ["COERCE", "seize"], lemma, token.idx, token.idx + len(token.text))
    return None


def _to_death(token: Token) -> bool:
    """ "Beaten to death", "hacked to death": the verb's outcome is a killing."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in token.children
    )


def _prepositional_phrasal(token: Token, lemma: str) -> Trigger | None:
    """A verb whose act is told by its preposition and object ("took to the streets", "went on
    strike"), looked up as "take to street"."""
    phrasal = lexicons.load("events")["phrasal"]
    for child in token.children:
        if child.dep_ != "prep":
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            key = f"{lemma} {child.lower_} {obj.lemma_.lower()}"
            if phrasal.get(key):
                return _make(token, phrasal[key], key, token.idx, obj.idx + len(obj.text))
    return None


def _beside_an_attack(verb: Token) -> bool:
    """Whether a verb of using a weapon is part of an attack told by another word ("killed them using
    knives", "launched rockets, killing five", "chlorine was used in an attack"): that word tells the
    act, and the means go with it."""
    verbs, nouns = lexicons.load("events")["verbs"], lexicons.load("events")["nouns"]
    near = [*list(verb.ancestors)[:2], *verb.children]
    if not any(c.dep_ == "nsubj" for c in verb.children):
        # "chlorine was used in an attack": the attack tells the act; "forces used sulfur mustard in an
        # attack" is told by the verb, which names who used it
        near += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for word in near:
        lexicon = verbs if word.pos_ == "VERB" else nouns
        entry = lexicon.get(word.lemma_.lower())
        if word is not verb and entry is not None and entry[0] == "ASSAULT":
            return True
    return False


def _munition_subject(token: Token) -> bool:
    """Whether a verb of landing or going off has a munition as its subject, by the noun or its
    modifiers ("mortar shells", "an improvised explosive device"); "go" only with "off"."""
    if token.lemma_.lower() == "go" and not any(
        c.lower_ == "off" and c.dep_ == "prt" for c in token.children
    ):
        return False
    events = lexicons.load("events")
    munitions = {*events["mode_words"], "bomb"}
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    words = [t for s in subjects for t in (s, *(c for c in s.children if c.dep_ in ("compound", "amod")))]
    return any(
        w.lemma_.lower() in munitions and events["mode_words"].get(w.lemma_.lower()) not in _PEOPLE_MODES
        for w in words
    )


def _crowd_object(token: Token) -> bool:
    """Whether what a verb acts on is a gathering or its crowd ("broke up a demonstration", "broke
    up the protesters", "broke up the crowd")."""
    kinds, nouns = lexicons.load("actors")["head_nouns"], lexicons.load("events")["nouns"]
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [counted_noun(o) for o in objects]  # "hundreds of protesters"
    # "cleared the protest camp": a gathering named by what it is for
    named = [t for o in objects for t in (o, *o.conjuncts, *(c for c in o.children if c.dep_ == "compound"))]
    return any(
        (nouns.get(t.lemma_.lower()) or [None])[0] == "PROTEST"
        or kinds.get(t.lower_) in ("protesters", "rioters")
        or t.lemma_.lower() in CROWD_NOUNS
        for t in named
    )


def _force_on_crowd(token: Token, lemma: str) -> bool:
    """A verb of driving off, holding back or charging whose object is demonstrators or their gathering,
    done by others than the crowd: how security forces break up or contain a demonstration."""
    events = lexicons.load("events")
    charged = lemma == "charge" and any(c.lower_ in events["baton_words"] for c in token.children)
    if lemma not in events["intervention_verbs"] and not charged:
        return False
    return _crowd_object(token) and not _crowd_subject(token)


def _crowd_subject(token: Token) -> bool:
    """Whether the verb's subject is demonstrators or a crowd, by the actor lexicon's kinds: the
    subject, the agent of a passive ("was booed by strikers") or the noun a participle describes
    ("strikers gathered outside the venue")."""
    kinds = lexicons.load("actors")["head_nouns"]
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        subjects.append(token.head)
    # "hundreds of demonstrators": the counted noun stands for the subject
    counted = [
        g for s in subjects for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    people = [t for s in (*subjects, *counted) for t in (s, *s.conjuncts)]
    return any(kinds.get(t.lower_) in ("protesters", "rioters") for t in people)


def moves_forces(token: Token) -> bool:
    """Whether a deployment verb names forces or weapons as what it moves ("armoured vehicles were
    deployed", "deployed 3,000 troops"): a military move whoever makes it."""
    moved = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.pos_ != "PRON" and force_or_weapon(t) for m in moved for t in (m, *m.conjuncts))


def sets_up_base(token: Token) -> bool:
    """Whether a verb of setting up has a base, post or headquarters as its object, or a number or
    network of them ("a total of 56 observation points")."""
    bases = lexicons.load("events")["base_nouns"]
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for obj in objects for c in obj.children if c.lower_ == "of" for g in c.children]
    return any(
        t.lemma_.lower() in bases or t.lower_ in bases for obj in objects for t in (obj, *obj.conjuncts)
    )


def _forms_a_unit(token: Token) -> bool:
    """Whether a verb of forming has an armed unit as its object: a unit or force noun ("a new
    brigade", "a militia") or a noun named by its weapons ("a drone organisation")."""
    events, kinds = lexicons.load("events"), lexicons.load("actors")["head_nouns"]
    armed = ("state_forces", "rebel_group", "political_militia", "identity_militia")
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for unit in (t for obj in objects for t in (obj, *obj.conjuncts)):
        modifiers = [c for c in unit.children if c.dep_ in ("compound", "amod")]
        if unit.lower_ in events["unit_nouns"] or kinds.get(unit.lower_) in armed:
            return True
        if any(m.lemma_.lower() in events["mode_words"] for m in modifiers):
            return True
    return False


def _stops(token: Token) -> bool:
    """ "Shot down", "brought down": a verb with "down" stops the weapon rather than using it."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in token.children)


def takes_weapons(token: Token, heads_only: bool = False) -> bool:
    """Whether what a verb (or a noun such as "seizure of") acts on is weapons or explosives: its
    object, or the passive subject, with their modifiers and the things joined to them ("seven
    revolvers, one musket rifle and 85 rounds"). `heads_only`: the object must not be an act named by
    a weapon ("launched a missile attack" is told by its noun; "used chlorine gas" by the verb)."""
    weapons = set(lexicons.load("events")["weapon_nouns"]) | set(lexicons.load("events")["mode_words"])
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    things = [t for obj in objects for t in (obj, *obj.conjuncts)]
    # a noun parsed with an object of its own is a misparse of what it governs ("Algiers two caches")
    things += [c for obj in objects for c in obj.children if c.dep_ in ("dobj", "appos") and c.pos_ == "NOUN"]
    things += [t for obj in list(things) for t in _contents(obj)]
    words = [w for t in things for w in (t, *(c for c in t.children if c.dep_ in ("compound", "amod")))]
    if heads_only and any(t.lemma_.lower() in lexicons.load("events")["nouns"] for t in things):
        return False  # "launched a missile attack": the act is told by its noun
    return any(w.lemma_.lower() in weapons or w.lower_ in weapons for w in words)


def _contents(thing: Token) -> list[Token]:
    """What a container holds: "a batch of weapons", "packages containing explosive devices",
    "packages containing what appeared to be explosive devices"."""
    held = [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    held += [
        g
        for c in thing.children
        if c.dep_ == "acl" and c.lemma_.lower() in ("contain", "carry", "hold", "pack", "load")
        for g in c.subtree
        if g.pos_ == "NOUN" and g is not c
    ]
    return [t for h in held for t in (h, *h.conjuncts, *_contents(h))]


def _takes_people_away(token: Token) -> bool:
    """ "Took dozens of villagers", "grabbed two students": people as the object of a verb of taking, with
    nowhere they were brought ("took the wounded to hospital", "took reporters on a tour")."""
    events, kinds = lexicons.load("events"), lexicons.load("actors")["head_nouns"]
    people = {*events["person_nouns"], *events["captive_nouns"]}
    if any(
        c.dep_ in ("prep", "advmod", "prt") and c.lower_ in events["destination_preps"] and not _dated(c)
        for c in token.children
    ):
        return False
    objects = [counted_noun(c) for c in token.children if c.dep_ == "dobj"]
    return any(
        o.ent_type_ == "NORP" or o.lemma_.lower() in people or kinds.get(o.lower_) == "civilians"
        for o in objects
    )


def _occupies_ground(token: Token) -> bool:
    """ "Occupied three hill posts", "occupied the town": ground or a post as the object, taken by a
    side that is no crowd ("protesters occupied the square" is a demonstration)."""
    events, kinds = lexicons.load("events"), lexicons.load("actors")["head_nouns"]
    ground = {*events["place_nouns"], *events["base_nouns"], *events["ground_nouns"]}
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if any(kinds.get(s.lower_) in ("protesters", "rioters") for s in subjects):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in ground for obj in objects for o in (obj, *obj.conjuncts))


def _armed_side_leaves_ground(token: Token) -> bool:
    """ "Rebel fighters began leaving their last bastion", "troops vacated the base": an armed side
    leaving ground or a post it held, not people leaving home or a meeting."""
    events, actors = lexicons.load("events"), lexicons.load("actors")
    ground = {*events["place_nouns"], *events["base_nouns"], *events["ground_nouns"]}
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in ground for c in token.children):
        return False
    verb = token
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "began leaving": the subject is the beginning's
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for subject in (t for s in subjects for t in (s, *s.conjuncts)):
        words = [c.lower_ for c in subject.children if c.dep_ in ("compound", "amod")]
        kind = next((actors["modifiers"][w] for w in words if w in actors["modifiers"]), None)
        if (kind or actors["head_nouns"].get(subject.lower_)) in ARMED_KINDS:
            return True
    return False


def _trains_forces(token: Token) -> bool:
    """ "Trains Iraqi pilots", "trained the police": training forces, not a team's own practice."""
    trainees = lexicons.load("events")["trainee_nouns"]
    return any(c.dep_ == "dobj" and c.lower_ in trainees for c in token.children)


def _receives_someone(token: Token) -> bool:
    """ "Received the ambassador": hosting a visitor, not receiving aid or a letter."""
    return token.lemma_.lower() == "receive" and _calls_someone(token)


def _gives_goods(token: Token) -> bool:
    """Whether a verb of giving hands over aid, money, supplies or arms ("gave 5 million dollars", "sent
    medical supplies", "handed over equipment"), not words or signals ("gave a speech", "sent a
    message")."""
    goods = set(lexicons.load("events")["goods_nouns"])
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for obj in objects:
        # the object and what it counts or is made of: "$50,000 worth of goods", "a team of doctors"
        parts = [c for c in obj.children if c.dep_ in ("compound", "amod", "prep", "nmod")]
        words = [obj, *(t for c in parts for t in c.subtree)]
        if obj.ent_type_ == "MONEY" or any(w.lemma_.lower() in goods or w.lower_ in goods for w in words):
            return True
    return False


def _calls_someone(token: Token) -> bool:
    """ "Called his Lebanese counterpart" or "called Lavrov": a phone call to a person, not naming
    someone ("called the ambassador a fool") nor calling for or on something."""
    person = next((c for c in token.children if c.dep_ == "dobj"), None)
    if person is None or any(c.dep_ in ("oprd", "ccomp") for c in token.children):
        return False
    if any(c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN", "ADJ") for c in token.children):
        return False
    visitors = lexicons.load("events")["visitor_nouns"]
    return person.ent_type_ == "PERSON" or person.lower_ in ("him", "her") or person.lower_ in visitors


def _side_object(token: Token) -> bool:
    """Whether a verb that is an attack only on someone ("fight") has a side, or nothing, as object."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        return True
    events = lexicons.load("events")
    obj = counted_noun(obj)
    return (
        obj.pos_ in ("PROPN", "PRON")
        or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.lower_ in events["party_nouns"]
        or obj.lemma_.lower() in events["person_nouns"]
        or obj.lower_ in lexicons.load("actors")["head_nouns"]
    )


def counted_noun(noun: Token) -> Token:
    """What a count or a group is of ("dozens of women", "a barrage of shells", "a group of students"):
    the people or things, where the number only says how many."""
    lemma = noun.lemma_.lower()
    counting = noun.like_num or lemma in QUANTITY_NOUNS
    if not counting and lemma not in lexicons.load("events")["collective_nouns"]:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return counted if counted is not None else noun


def _deployment(token: Token, lemma: str) -> Trigger | None:
    """What a deployment verb moves decides the act: forces or weapons are a mobilization, peacekeepers
    or forces sent on a peacekeeping mission are help (CAMEO 0741), funds or supplies are aid; anything
    else ("reinforced its commitment", "deployed observers") is no military move."""
    lexicon = lexicons.load("events")
    start, end = token.idx, token.idx + len(token.text)
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if _peacekeeping(token):
        return _make(token, ["AID", None], lemma, start, end)
    moved = (obj, *obj.conjuncts) if obj is not None else ()
    if (
        obj is None
        or any(force_or_weapon(t) for t in moved)
        or obj.lemma_.lower() in lexicon["posture_nouns"]
    ):
        # "reinforced their presence around churches": the forces on the ground, not a commitment
        return _make(token, lexicon["verbs"][lemma], lemma, start, end)
    if _gives_goods(token):
        return _make(token, ["AID", None], lemma, start, end)
    return None


def _peacekeeping(token: Token) -> bool:
    """Whether what a deployment verb moves, or where to, is peacekeeping (CAMEO 0741, aid)."""
    around = [t for c in token.children if c.dep_ != "nsubj" for t in c.subtree]
    return any(t.lower_.startswith("peacekeep") for t in around)


def force_or_weapon(token: Token) -> bool:
    """Forces or weapons, named by the noun, its modifier ("army reservists", "armoured vehicles") or a
    unit ("companies")."""
    kinds = lexicons.load("actors")["head_nouns"]
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod")]
    if any(force_or_weapon(m) for m in modifiers if m.pos_ == "NOUN"):
        return True
    if any(m.lower_ in lexicons.load("events")["armed_modifiers"] for m in modifiers):
        return True
    if token.lower_ in lexicons.load("events")["unit_nouns"]:
        return True  # "deployed three companies of reserve police"
    return (
        kinds.get(token.lower_) in ("state_forces", "rebel_group", "political_militia", "external_other")
        or token.lemma_.lower() in lexicons.load("events")["mode_words"]
        or token.ent_type_ in ("ORG", "NORP")
        or token.pos_ == "PRON"
    )


def _meets_a_thing(token: Token) -> bool:
    """ "Meet" a deadline, a demand or a target is no meeting ("things_met")."""
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return obj is not None and obj.lemma_.lower() in lexicons.load("events")["things_met"]


def _shows_something(token: Token) -> bool:
    """A protest verb that also means "to show" has that sense when it governs what is shown: a direct
    object or a clause ("demonstrated its resolve", "demonstrate that talks work")."""
    return any(c.dep_ in ("dobj", "ccomp") for c in token.children)


def _dated(preposition: Token) -> bool:
    """ "called on Wednesday": the preposition introduces a date, not whom a call is made on."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in preposition.children)


def _noun_trigger(token: Token) -> Trigger | None:
    lexicon = lexicons.load("events")
    lemma = token.lemma_.lower()
    compound = next((c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i == token.i - 1), None)
    for head in (lemma, token.lower_):  # "air strikes" under its lemma, "war games" as written
        if compound is not None and f"{compound.lower_} {head}" in lexicon["nouns"]:
            entry = lexicon["nouns"][f"{compound.lower_} {head}"]
            return _make(token, entry, lemma, compound.idx, token.idx + len(token.text))
    hyphenated = _hyphenated(token)
    if hyphenated in lexicon["nouns"]:  # "cease-fire", "sit-in": the tokenizer splits at the hyphen
        return _make(
            token,
            lexicon["nouns"][hyphenated],
            hyphenated,
            token.idx - len(hyphenated) + len(token.text),
            token.idx + len(token.text),
        )
    if token.dep_ == "compound" and token.head.lemma_.lower() in lexicon["equipment_heads"]:
        return None  # "riot police", "riot gear", "strike force": a kind of unit, not an act
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and after.lower_ in lexicon["equipment_heads"]:
        return None  # the same, misparsed: "Riot police chase demonstrators" read as one long compound
    if lemma not in lexicon["nouns"]:
        lemma = token.lower_  # plural-only nouns keep their plural as the key ("talks", "sanctions")
        if lemma not in lexicon["nouns"]:
            return None
    if lemma in lexicon["swap_nouns"]:
        return _swap(token, lemma)
    if lemma in lexicon["state_nouns"] and _in_state(token) and not _state_begun(token):
        return None  # "died while in police custody", "remains in detention": a state, not the act
    rule = lexicon["states_of_rule"].get(lemma)
    if rule is not None and token.head.lower_ == "of" and token.head.head.lemma_.lower() == "state":
        return _make(token, rule, lemma, token.idx, token.idx + len(token.text))  # "a state of siege"
    if lemma == "strike" and _labour_strike(token):
        mode = "hunger" if compound is not None and compound.lower_ == "hunger" else "strike"
        return _make(token, ["PROTEST", mode], lemma, token.idx, token.idx + len(token.text))
    return _make(token, lexicon["nouns"][lemma], lemma, token.idx, token.idx + len(token.text))


def _swap(token: Token, lemma: str) -> Trigger | None:
    """An exchange is a release when captives change hands ("an exchange of prisoners"), a fight when
    fire does ("an exchange of fire"), and no act otherwise ("an exchange of views")."""
    events = lexicons.load("events")
    captives = set(events["captive_nouns"])
    traded = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    traded += [c for c in token.children if c.dep_ == "compound"]
    words = {t.lemma_.lower() for t in traded}
    start, end = token.idx, token.idx + len(token.text)
    if words & captives:
        return _make(token, ["RETREAT", "release"], lemma, start, end)
    if words & {"fire", "gunfire"}:
        return _make(token, ["ASSAULT", "firearms"], lemma, start, end)
    return None


def _in_state(token: Token) -> bool:
    """ "In custody", "in detention": the state, not "the detention of activists" (the act)."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "into")


def _state_begun(token: Token) -> bool:
    """A state noun tells an act only where the act is told: someone put in it ("taken into custody",
    "remanded in custody") or in it since a day ("has been in custody since Feb. 24")."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if verb.lemma_.lower() in lexicons.load("events")["placing_verbs"]:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "since" and any(o.ent_type_ in ("DATE", "TIME") for o in c.subtree)
        for c in verb.children
    )


def _labour_strike(token: Token) -> bool:
    """A strike as a walk-out, not an air or missile strike: "went on strike", "a general strike", "a
    four-day strike", "the teachers' strike", "called off the strike", "will not end the strike",
    "health workers continued their strike"."""
    lexicon = lexicons.load("events")
    head = token.head.head if token.head.dep_ == "prep" else token.head
    if head.lemma_.lower() == "go" or (
        token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in lexicon["labour_strike_heads"]
    ):
        return True
    words = set(lexicon["labour_strike_words"])
    subjects = [c for c in head.children if c.dep_ == "nsubj"] if token.dep_ in ("dobj", "pobj") else []
    if any(t.lower_ in words for s in subjects for t in s.subtree):
        return True  # "health workers continued their strike": the workers strike
    modifiers = [
        t for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod", "prep") for t in c.subtree
    ]
    # "a four-day strike": a duration says a walk-out
    return any(t.lower_ in words or t.lemma_.lower() in ("day", "hour", "week") for t in modifiers)


def _hyphenated(token: Token) -> str:
    """A noun split at a hyphen by the tokenizer, joined again: "cease - fire" -> "cease-fire"."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_:
        return ""
    before = doc[token.i - 2]
    if before.whitespace_:
        return ""
    return f"{before.lower_}-{token.lower_}"


def _demand_trigger(token: Token) -> Trigger | None:
    """A statement that someone must act is a demand: "Russia said Sudan must return the helicopter"."""
    lexicon = lexicons.load("events")
    if token.lemma_.lower() not in lexicon["speech_verbs"]:
        return None
    modals = set(lexicon["demand_modals"])
    for clause in token.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
            return _make(token, ["REQUEST", None], DEMAND, token.idx, token.idx + len(token.text))
    return None


def _make(token: Token, entry: list[str | None], lemma: str, start: int, end: int) -> Trigger:
    plover, mode = entry
    return Trigger(token, str(plover), mode, lemma, start, end)


def _absorbed(trigger: Trigger, verb_triggers: set[int], noun_triggers: set[int], peaceful: set[int]) -> bool:
    """A noun carried by a trigger verb, or a killing or wounding that reports another attack's toll;
    a killing joined to an act of no force ("rescued 190 passengers and killed 30 militants") is an
    act of its own."""
    token = trigger.token
    if token.pos_ != "VERB" and token.head.i in verb_triggers and token.dep_ in ("dobj", "nsubjpass"):
        return True
    if trigger.lemma in ("kill", "wound", "injure") and any(
        c.dep_ == "nsubj" and c.i in noun_triggers for c in token.children
    ):
        return True  # "fighting between the army and rebels killed 12": the fighting's toll
    return bool(
        trigger.lemma in ("kill", "wound", "injure")
        and token.dep_ in ("advcl", "conj", "xcomp", "acl")
        and token.head.i in verb_triggers | {token.head.i}
        and token.head.i not in peaceful
        and token.head.lemma_.lower() != trigger.lemma
        and is_trigger_word(token.head)
    )


def _victims_only(trigger: Trigger) -> bool:
    """A participle naming the victims of an act told elsewhere, not a report of one: "the kin of
    those killed", "dependants of persons killed in the riots"."""
    token = trigger.token
    if trigger.lemma != "kill" or token.dep_ != "acl" or any(c.dep_ == "agent" for c in token.children):
        return False
    victims = token.head
    return victims.lower_ == "those" or (
        victims.dep_ == "pobj" and victims.head.lower_ in ("of", "for", "to")
    )


def _bare_toll(trigger: Trigger) -> bool:
    """ "Four killed and a dozen others injured": the wounded counted, with no one said to wound them,
    are a toll for another act, not an attack of their own."""
    token = trigger.token
    if trigger.lemma not in ("wound", "injure"):
        return False
    return not any(c.dep_ in ("nsubj", "agent") for c in token.children)


def _accident(trigger: Trigger) -> bool:
    """A death in an accident ("killed in a helicopter crash", "killed when he fell from a bus") is no
    attack."""
    if trigger.lemma != "kill":
        return False
    words = set(lexicons.load("events")["accident_words"])
    token = trigger.token
    if any(
        t.lemma_.lower() in words for c in token.children if c.dep_ in ("prep", "advcl") for t in c.subtree
    ):
        return True
    # "the aircraft crashed …, resulting in all crew killed": the death is what the crash led to
    return any(a.lemma_.lower() in words and a.pos_ == "VERB" for a in token.ancestors)


def is_trigger_word(token: Token) -> bool:
    lexicon = lexicons.load("events")
    lemma = token.lemma_.lower()
    return lemma in lexicon["verbs"] or lemma in lexicon["nouns"]

"""What an act was done with and what it was about: the words around a trigger that PLOVER's mode and
ACLED's sub-event types turn on (ONTOLOGY 3.1), beyond the trigger word itself.

PLOVER's modes are coarser than ACLED's means: a grenade is `explosives` like a roadside bomb, but ACLED
codes a thrown grenade apart ("Grenade"), and a rocket-propelled grenade is a shelling weapon. A means
that names the kind of attack outright (a chemical agent, a suicide bomber) outranks the trigger's own
mode ("a suicide bombing" is a suicide bomb, not any bombing); any other trigger mode stands, and a
trigger without one takes the weapon named around it that delivered the attack (MODE_ORDER).

Beyond the means: weapons seized, found, defused or shot down are Disrupted weapons use; ground seized
is a change of territory; forces setting up a base or post are Headquarters or base established; talks,
releases and swaps named for peace or for prisoners ("peace talks", "a prisoner swap") settle a
conflict, which ACLED codes as an Agreement.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitrep import lexicons
from sitrep.extract.events.roles import predicate_of
from sitrep.extract.events.sides import NON_STATE_ARMED
from sitrep.extract.events.triggers import (
    counted_noun,
    find_triggers,
    moves_forces,
    sets_up_base,
    takes_weapons,
)

# Modes that say what the attack was, whatever the trigger word ("bombing", "assaulted") suggests.
DEFINING_MODES = ("unconventional", "suicide-attack", "sexual")
# Chemical agents and suicide bombers tell the kind of attack of their whole sentence (not words with
# other senses); the nouns a suicide attack is named by.
AMBIGUOUS_AGENTS = frozenset({"nerve", "toxic"})
SUICIDE_ATTACK_NOUNS = frozenset({"bomber", "bombing", "attack", "attacker", "vest", "car", "blast"})
# When several weapons are named, the one that delivered the attack: missiles "fired by the warplanes"
# are an air strike, rockets fired by gunmen a shelling.
MODE_ORDER = ("aerial", "drone", "heavy-weapons", "explosives", "firearms", "crowd-control", "primitive")
# Weapon words that make a PLOVER `explosives` attack a Grenade in ACLED, unless a launcher is named.
GRENADE_WORDS = frozenset({"grenade", "grenades"})
# Verbs that drive a side out of ground ("drove them out of the town", "were pushed back from the area")
EXPELLING_VERBS = frozenset({"drive", "push", "flush", "force"})
ARMED_KINDS = NON_STATE_ARMED | {"state_forces", "external_other"}
# Pronouns that stand for a person: "shot him", "killed her"
PERSON_PRONOUNS = frozenset({"him", "her", "he", "she"})
# Words that say ground was taken with no one fighting for it
UNOPPOSED_WORDS = frozenset({"unopposed", "peacefully", "unchallenged"})
FIGHT_NOUNS = frozenset(
    {"fight", "fighting", "resistance", "battle", "shot", "bloodshed", "clash", "opposition"}
)
LAUNCHER_WORDS = frozenset({"rocket", "rocket-propelled", "propelled", "rpg", "launcher", "launchers"})


@dataclass(frozen=True)
class Means:
    """The PLOVER mode of an act, whether ACLED would call it a grenade attack, and whether the act
    takes weapons out of use (seized, defused, intercepted, shot down: ACLED's Disrupted weapons use)."""

    mode: str | None
    grenade: bool = False
    weapons_stopped: bool = False
    settlement: bool = False
    base: bool = False
    territory: bool = False
    civilian_site: bool = False
    unarmed_target: bool = False
    property_only: bool = False
    lethal: bool = False
    gathering: bool = False
    forces_moved: bool = False
    people_taken: bool = False
    contraband: bool = False
    in_fight: bool = False
    uncontested: bool = False


def means_of(plover_type: str, token: Token, trigger_mode: str | None, actor_text: str) -> Means:
    """What the act of a trigger of this PLOVER type was done with or about."""
    if plover_type == "ASSAULT":
        return attack_means(token, trigger_mode, actor_text)
    if plover_type == "COERCE" and trigger_mode == "seize":
        # a village raided or searched is not taken: only seizing takes ground
        taking = token.lemma_.lower() in lexicons.load("events")["capture_words"]
        return Means(
            trigger_mode,
            weapons_stopped=takes_weapons(token),
            territory=taking and _takes_ground(token),
            uncontested=_uncontested(token),
            people_taken=_takes_people(token),
            contraband=_takes_contraband(token),
        )
    if plover_type == "COERCE" and trigger_mode == "arrest":
        return Means(trigger_mode, gathering=_during_protest(token))
    if plover_type == "MOBILIZE":  # "set up two new bases", "tanks were deployed to the border"
        return Means(trigger_mode, base=sets_up_base(token), forces_moved=moves_forces(token))
    if plover_type == "RETREAT":  # who is freed is judged with the actors (acled.py), not here
        return Means(trigger_mode, settlement=_for_settlement(token, objects=False))
    if plover_type in ("CONSULT", "AGREE", "SUPPORT"):
        return Means(trigger_mode, settlement=_for_settlement(token, objects=True))
    return Means(trigger_mode)


def attack_means(token: Token, trigger_mode: str | None, actor_text: str) -> Means:
    """The mode and means of the ASSAULT whose trigger is `token`: "Russian artillery renewed attacks"
    -> heavy-weapons, "a grenade attack" -> explosives and a grenade, "suicide bombing" -> suicide."""
    words = weapon_words(token, actor_text)
    modes = lexicons.load("events")["mode_words"]
    targets = _hit_aircraft(token)
    # "shot three people and then committed suicide" names no suicide attack
    self_killed = "suicide" in words and _agent_in_sentence(token, targets) != "suicide-attack"
    tamed = _less_lethal(token) | _victims_words(token)  # "stun grenades"; "killed suicide bombers"
    kept = [
        w
        for w in words
        if w in modes and w not in targets and w not in tamed and not (self_killed and w == "suicide")
    ]
    found = [str(modes[w]) for w in kept]
    defining = next((m for m in found if m in DEFINING_MODES), None)
    defining = defining or _agent_in_sentence(token, targets)
    defining = defining or ("sexual" if _abuses_women(token) else None)
    defining = defining or ("suicide-attack" if _blows_oneself_up(token) else None)
    named = min(
        found, key=lambda m: MODE_ORDER.index(m) if m in MODE_ORDER else len(MODE_ORDER), default=None
    )
    downed_aircraft = _shot_down(token) and _downs_aircraft(token)
    if downed_aircraft and named is not None:
        trigger_mode = None  # "RPGs were used to shoot down a helicopter": the weapon fired tells it
    if trigger_mode == "heavy-weapons" and named in ("aerial", "drone") and token.lemma_.lower() not in modes:
        # "helicopter gunships pounded the hideouts": bombarded from the air ("shelled" names its weapon)
        trigger_mode = named
    mode = defining or trigger_mode or named
    grenade = mode == "explosives" and bool(GRENADE_WORDS & set(words)) and not LAUNCHER_WORDS & set(words)
    stopped = _shot_down(token) and takes_weapons(token) and not downed_aircraft
    events = lexicons.load("events")
    harmed = any(w in events["fatality_words"] or w in events["injury_words"] for w in words)
    lethal = "firearms" in found or any(w in events["fatality_words"] for w in words)
    return Means(
        mode,
        grenade,
        stopped,
        civilian_site=_at_civilian_site(token),
        unarmed_target=_hits_no_armed_side(token),
        gathering=_at_gathering(token),
        property_only=_property_only(token) and not harmed,  # "attacked a station, killing four"
        territory=_takes_ground(token),
        uncontested=_uncontested(token),
        lethal=lethal,
        in_fight=any(
            a.lemma_.lower() in lexicons.load("events")["battle_words"] for a in _acts_during(token)
        ),
    )


def _victims_words(token: Token) -> set[str]:
    """The words naming who a killing or wounding hit ("snipers killed suicide bombers", "killed five
    gunmen"): the dead, not the means."""
    events = lexicons.load("events")
    if (
        token.lemma_.lower() not in events["fatality_words"]
        and token.lemma_.lower() not in events["injury_words"]
    ):
        return set()
    victims = [t for c in token.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    return {form for t in victims for form in (t.lemma_.lower(), t.lower_)}


def _less_lethal(token: Token) -> set[str]:
    """Weapon words in the act's sentence made crowd-control munitions by their modifier ("stun
    grenades", "sound bombs"): they do not make the act a bombing. Rubber bullets stay shots, as ACLED's
    coders count them among excessive force."""
    taming = set(lexicons.load("events")["less_lethal_modifiers"])
    tamed: set[str] = set()
    for node in (t for t in token.sent if t.lower_ in taming):
        # the nouns the modifier hangs from: "tear gas and stun grenades" is parsed with "stun" joined
        # to "gas", itself a modifier of "grenades"
        while node.dep_ in ("compound", "amod", "nmod", "conj") and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
            tamed |= {node.lemma_.lower(), node.lower_}
            if node.dep_ not in ("compound", "amod", "nmod"):
                break
    return tamed


def _agent_in_sentence(token: Token, targets: set[str]) -> str | None:
    """A chemical agent or a suicide bomber named anywhere in the attack's sentence ("asphyxia caused by
    poisonous gas used by militants, who fired shells at the city"): the kind of attack ACLED codes,
    however the clause that tells the firing is parsed. Words with other senses ("nerve", "toxic") count
    only inside the attack's own clause, and "suicide" only where it names an attack or an attacker
    ("a suicide bomber"), never as a death ("then committed suicide")."""
    modes = lexicons.load("events")["mode_words"]
    victims = _victims_words(token)  # "snipers killed suicide bombers": who was hit, not how
    for t in token.sent:
        word = t.lemma_.lower()
        if word in targets or word in AMBIGUOUS_AGENTS or word in victims:
            continue
        if modes.get(word) == "unconventional":
            return "unconventional"
        after = t.nbor().lemma_.lower() if t.i + 1 < len(t.doc) else ""
        if word == "suicide" and (after in SUICIDE_ATTACK_NOUNS or t.dep_ in ("compound", "amod", "nmod")):
            return "suicide-attack"  # "a suicide bomber", "a suicide vehicle-borne device"
    return None


def _abuses_women(token: Token) -> bool:
    """ "Abused women and girls": abuse of women is sexual violence in ACLED's coding, abuse of
    detainees or civilians at large is not said to be."""
    events = lexicons.load("events")
    if token.lemma_.lower() not in events["abuse_verbs"]:
        return False
    victims = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.lower_ in events["female_nouns"] for v in victims for t in (v, *v.conjuncts))


def _blows_oneself_up(token: Token) -> bool:
    """ "Blew himself up", "detonated themselves": the attacker dies by the blast, a suicide bomb."""
    reflexive = lexicons.load("events")["reflexive_pronouns"]
    return token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in reflexive for c in token.children)


def _downs_aircraft(token: Token) -> bool:
    """Whether what is shot down is a manned aircraft ("shot down an army helicopter"): ACLED codes
    that as an attack by the weapon that downed it, not as a weapon stopped like a drone or a missile."""
    modes = lexicons.load("events")["mode_words"]
    downed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    things = [t for d in downed for t in (d, *d.conjuncts)]
    return bool(things) and all(modes.get(t.lemma_.lower()) == "aerial" for t in things)


def _for_settlement(token: Token, objects: bool) -> bool:
    """ "Peace talks", "a prisoner swap", "the exchange of prisoners", with `objects` "agreed a
    ceasefire" or "agreed to a truce": the words that name the act's purpose or what changes hands."""
    words = lexicons.load("events")["settlement_words"]
    around = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    around += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "on") for g in c.children]
    taken = [c for c in token.children if objects and c.dep_ in ("dobj", "nsubjpass")]
    # "agreed to a ceasefire": what is agreed to is the object
    taken += [
        g for c in token.children if objects and c.dep_ == "prep" and c.lower_ == "to" for g in c.children
    ]
    around += [t for c in taken for t in (c, *(m for m in c.children if m.dep_ in ("compound", "amod")))]
    return (
        any(t.lemma_.lower() in words or t.lower_ in words for t in around)
        or _in_exchange(token)
        or _aims_at_a_deal(token)
        or _over_contested_ground(token)
    )


def _over_contested_ground(token: Token) -> bool:
    """Talks or a deal "over a border dispute" or "on the disputed area": about ground two sides
    contest, which settles a conflict, where a trade dispute does not."""
    contested = set(lexicons.load("events")["contested_ground_words"])
    about = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("over", "on", "about")
        for g in c.children
    ]
    words = [
        t
        for g in about
        if g.dep_ == "pobj"
        for t in (g, *(m for m in g.children if m.dep_ in ("compound", "amod")))
    ]
    return any(t.lower_ in contested for t in words)


def _in_exchange(token: Token) -> bool:
    """ "Released in exchange for 37 fighters": what is given back for something is a swap."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "exchange" for g in c.children)
        for c in token.children
    )


def _aims_at_a_deal(token: Token) -> bool:
    """Talks held "to agree a ceasefire" or "to reach a peace deal": the purpose names a settlement of
    the conflict (a deal alone may be one of trade)."""
    settling = set(lexicons.load("events")["settlement_words"])
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ == "VERB"), token)
    heads = [token, verb, *(c for c in token.children if c.dep_ == "dobj")]  # "held talks to reach …"
    purposes = [c for h in heads for c in h.children if c.dep_ in ("advcl", "xcomp", "acl", "relcl")]
    purposes = [p for p in purposes if any(c.dep_ == "aux" and c.lower_ == "to" for c in p.children)]
    aims = [o for p in purposes for o in p.children if o.dep_ == "dobj"]
    deals = list(aims)
    aims += [m for o in aims for m in o.children if m.dep_ in ("compound", "amod")]
    return any(o.lemma_.lower() in settling or o.lower_ in settling for o in aims) or any(
        _over_contested_ground(deal) for deal in deals
    )


def _takes_people(token: Token) -> bool:
    """Whether a seizure takes people ("seized 20 passengers", "seized three suspects"): an arrest or
    an abduction, not a seizure of goods."""
    events, kinds = lexicons.load("events"), lexicons.load("actors")["head_nouns"]
    people = {*events["person_nouns"], *events["captive_nouns"], *events["party_nouns"]}
    objects = [counted_noun(c) for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    taken = [t for obj in objects for t in (obj, *obj.conjuncts)]
    return any(
        t.ent_type_ in ("PERSON", "NORP") or t.lemma_.lower() in people or t.lower_ in kinds for t in taken
    )


def _takes_contraband(token: Token) -> bool:
    """Whether a seizure takes drugs or smuggled goods, which the police seize as a matter of crime,
    not the land or property ACLED counts seized."""
    contraband = lexicons.load("events")["contraband_nouns"]
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.lemma_.lower() in contraband for obj in objects for t in (obj, *obj.conjuncts))


def _takes_ground(token: Token) -> bool:
    """Whether a seizure takes ground ("seized three hill posts", "seized the town"), which ACLED codes
    as a change of territory, not as looting."""
    events = lexicons.load("events")
    ground = {*events["place_nouns"], *events["base_nouns"], *events["ground_nouns"]}
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        objects.append(token.head)  # "the three hill posts seized from the rebels"
    if token.lemma_.lower() in EXPELLING_VERBS:
        objects += _driven_from(token)  # "drove the militants out of the town": the town is taken
    things = [t for obj in objects for t in (obj, *obj.conjuncts)]
    # "control of the highway", "control over the town": the ground is what the control is of
    things = [
        g if t.lemma_.lower() == "control" else t
        for t in things
        for g in ([*_of_or_over(t)] if t.lemma_.lower() == "control" else [t])
    ]
    return any(t.lemma_.lower() in ground or t.ent_type_ in ("GPE", "LOC", "FAC") for t in things)


def _uncontested(token: Token) -> bool:
    """Whether ground is said to be taken without a fight: "without resistance", "unopposed", or after
    the side holding it withdrew ("following the withdrawal of government troops", "after the army
    pulled out"). ACLED codes that as a non-violent transfer of territory."""
    verb = predicate_of(token)
    heads = [token, verb]
    if any(
        c.lower_ in UNOPPOSED_WORDS
        for h in heads
        for c in h.children
        if c.dep_ in ("advmod", "acomp", "oprd")
    ):
        return True
    without = [
        g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "without" for g in c.subtree
    ]
    if any(t.lemma_.lower() in FIGHT_NOUNS for t in without):
        return True
    after = [
        c
        for h in heads
        for c in h.children
        if (c.dep_ == "prep" and c.lower_ in ("after", "following"))
        or (c.dep_ == "advcl" and any(m.lower_ in ("after", "as") for m in c.children if m.dep_ == "mark"))
    ]
    return any(
        t.type == "RETREAT" and t.mode == "withdraw"
        for t in find_triggers([t for c in after for t in c.subtree])
    )


def _driven_from(token: Token) -> list[Token]:
    """The places a side is driven from: "out of the town", "from the surrounding areas"."""
    preps = [c for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out")]
    preps += [
        g for p in preps if p.lower_ == "out" for g in p.children if g.dep_ == "prep" and g.lower_ == "of"
    ]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _of_or_over(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.lower_ in ("of", "over") for g in c.children if g.dep_ == "pobj"]


def _hit_aircraft(token: Token) -> set[str]:
    """Aircraft named as what was hit ("shoot down an army helicopter"), which are no means of the
    attack: an aircraft or drone word that is the object of a verb other than one of launching, or of
    one of shooting down."""
    modes = lexicons.load("events")["mode_words"]
    projecting = lexicons.load("events")["projecting_verbs"]
    scope = [*predicate_of(token).subtree] if token.pos_ == "VERB" else [*token.subtree]
    return {
        word
        for t in scope
        if t.dep_ in ("dobj", "nsubjpass")
        and (t.head.lemma_.lower() not in projecting or _shot_down(t.head))
        and modes.get(t.lemma_.lower()) in ("aerial", "drone")
        for word in (t.lemma_.lower(), t.lower_)
    }


def _at_gathering(token: Token) -> bool:
    """Whether what the act hits is a demonstration ("attacked a peaceful rally"): its target is the
    demonstrators, as if they were named."""
    nouns = lexicons.load("events")["nouns"]
    return any(
        (nouns.get(h.lemma_.lower()) or [None])[0] == "PROTEST" and h.ent_type_ not in ("DATE", "TIME")
        for h in _hit(token)
    )  # "happened on March 3": a month, no march


def _during_protest(token: Token) -> bool:
    """Whether an act is done at a demonstration: "arrested during a demonstration", "arrests at the
    rally", "arrested 180 people as opposition supporters staged sit-ins", "detained activists who
    were protesting"."""
    verb = predicate_of(token)
    places = [
        g
        for c in (*token.children, *verb.children)
        if c.dep_ == "prep" and c.lower_ in ("during", "at", "amid")
        for g in c.children
    ]
    marks = set(lexicons.load("events")["simultaneous_marks"])
    beside = [c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ in marks for m in c.children)]
    # "detained activists who were protesting outside the ministry": those taken were protesting
    taken = [c for c in (*token.children, *verb.children) if c.dep_ in ("dobj", "nsubjpass")]
    protesting = [r for c in taken for r in c.children if r.dep_ in ("relcl", "acl") and r.pos_ == "VERB"]
    told = [*places, *(t for clause in beside for t in clause.subtree), *protesting]
    return any(trigger.type == "PROTEST" for trigger in find_triggers(told))


def _at_civilian_site(token: Token) -> bool:
    """Whether the attack is on a place where unarmed people are ("attacked two villages", "opened
    fire inside a mosque", "a school was attacked"): ACLED's violence against civilians when no armed
    target is named."""
    sites = lexicons.load("events")["civilian_sites"]
    hit = [t for h in _hit(token) for t in (h, *h.conjuncts)]
    # "killed 18 people in an attack on a village": what the attack the killing was part of hit
    hit += [t for act in _acts_during(token) for h in _hit(act) for t in (h, *h.conjuncts)]
    hit += [c for h in hit for c in h.children if c.dep_ == "compound"]  # "a wedding function"
    return any(t.lemma_.lower() in sites or t.lower_ in sites for t in hit)


def _hits_no_armed_side(token: Token) -> bool:
    """Whether the attack names whom or what it hit, or killed ("opened fire, killing three people"), and
    none of them bears arms or holds ground ("shot dead a teenager", "opened fire on a car", "killed
    him"), where an army post, a patrol or police would fight back and a town or district is held by
    someone: a one-sided attack, which ACLED codes as violence against civilians."""
    events, kinds = lexicons.load("events"), lexicons.load("actors")["head_nouns"]
    # what is fired ("traded fire", "fired rockets at") and the day it happened are no target
    fired = {*events["mode_words"], *events["weapon_nouns"], *events["nouns"]}
    hit = [
        h
        for h in (*_hit(token), *_toll_victims(token))
        if (h.pos_ != "PRON" or h.lower_ in PERSON_PRONOUNS)
        and h.ent_type_ not in ("DATE", "TIME")
        and h.lemma_.lower() not in fired
        and f"{token.lemma_.lower()} {h.lemma_.lower()}" not in events["phrasal"]
    ]
    if not hit:
        return False
    held = {*events["base_nouns"], *events["unit_nouns"], *events["armed_modifiers"], "convoy", "patrol"}
    held |= {*events["place_nouns"], *events["ground_nouns"]}
    # the target and the words that say what it is ("an army convoy", "a police officer's family")
    targets = [t for h in hit for t in (h, *h.conjuncts)]
    words = [w for t in targets for w in (t, *t.children) if w.dep_ != "prep"]
    return not any(
        t.lower_ in held
        or t.lemma_.lower() in held
        or kinds.get(t.lower_) in ARMED_KINDS
        or t.ent_type_ in ("GPE", "LOC", "FAC")
        for t in words
    )


def _toll_victims(token: Token) -> list[Token]:
    """Whom an attack killed or wounded, told by a verb joined to it ("opened fire, killing three
    people")."""
    events = lexicons.load("events")
    tolls = {*events["fatality_words"], *events["injury_words"]}
    joined = [c for c in token.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in tolls]
    return [o for c in joined for o in c.children if o.dep_ == "dobj"]


def _acts_during(token: Token) -> list[Token]:
    """Act nouns a verb's act was done in ("killed 18 people in an attack on a village")."""
    if token.pos_ != "VERB":
        return []
    nouns = lexicons.load("events")["nouns"]
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("in", "during")
        for g in c.children
        if g.dep_ == "pobj" and g.lemma_.lower() in nouns
    ]


def _hit(token: Token) -> list[Token]:
    """What an attack is aimed at: the object of the trigger or of the verb that carries it, or what it
    is made "on", "inside", "at" or "against"."""
    verb = predicate_of(token)
    hit = [c for c in (*token.children, *verb.children) if c.dep_ in ("dobj", "nsubjpass")]
    if not hit and token.pos_ == "VERB":
        # "attacked and injured a peaceful demonstration": the object the joined verbs share
        joined = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        hit = [g for c in joined for g in c.children if g.dep_ == "dobj"]
    hit += [
        g
        for c in (*token.children, *verb.children)
        if c.dep_ == "prep" and c.lower_ in ("on", "inside", "at", "against")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return hit


def _property_only(token: Token) -> bool:
    """Whether what the act hits is only property ("torched vehicles", "shops were burned"): ACLED's
    looting and property destruction unless a crowd does it in a demonstration."""
    goods = lexicons.load("events")["property_nouns"]
    hit = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(h.lemma_.lower() == "fire" for h in hit):  # "set fire to houses": the houses are hit
        hit = [
            g
            for t in (token, *hit)
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for g in c.children
        ]
    things = [t for h in hit for t in (h, *h.conjuncts)]
    return bool(things) and all(t.lemma_.lower() in goods or t.lower_ in goods for t in things)


def _shot_down(token: Token) -> bool:
    """ "Shot down two drones", "downed a missile": the weapon is stopped, not fired."""
    return token.lemma_.lower() == "down" or any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in token.children
    )


def _toll_shared_means(verb: Token) -> list[Token]:
    """ "Three were killed and dozens wounded in airstrikes": the act named after the last of the
    joined tolls is what killed and wounded them all."""
    events = lexicons.load("events")
    tolls = {*events["fatality_words"], *events["injury_words"]}
    joined = [c for c in verb.conjuncts if c.pos_ == "VERB" and c.lemma_.lower() in tolls]
    following = _next_toll_after_and(verb, tolls)
    joined += [following] if following is not None and following not in joined else []
    return [t for c in joined for p in c.children if p.dep_ in ("prep", "agent") for t in p.subtree]


def _next_toll_after_and(verb: Token, tolls: set[str]) -> Token | None:
    """The toll joined to this one by "and" however the parser hung it ("were killed and dozens wounded
    in airstrikes", where "dozens wounded" may be read as a phrase of its own): the first toll verb
    after the "and", with no other verb and no sentence end between."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "and":
        return None
    for token in doc[verb.i + 2 : verb.i + 7]:
        if token.pos_ == "VERB" and token.lemma_.lower() in tolls:
            return token
        if token.pos_ in ("VERB", "AUX") or token.text in (".", ";"):
            return None
    return None


def weapon_words(token: Token, actor_text: str) -> list[str]:
    """The actor's words, then the lemmas of the trigger's clause (a verb) or phrase (a noun: its own
    words and its head's other dependents, "a grenade attack", "attacks using grenades")."""
    nearby = (
        [*predicate_of(token).subtree] if token.pos_ == "VERB" else [*token.subtree, *token.head.children]
    )
    if token.dep_ in ("acl", "relcl"):  # "artillery shells fired by the occupiers", "dozens of shells fired"
        head = counted_noun(token.head)
        nearby += [head, *(c for c in head.children if c.dep_ in ("compound", "amod"))]
    if token.pos_ == "VERB":
        nearby += _toll_shared_means(predicate_of(token))
    projecting = lexicons.load("events")["projecting_verbs"]
    user = token.head.head if token.dep_ == "pobj" else None
    if token.dep_ in ("advcl", "xcomp"):
        user = token.head  # "used live bullets to disperse the protest": the dispersal's means
    if user is not None and user.pos_ == "VERB" and user.lemma_.lower() in projecting:
        nearby += [*user.subtree]  # "used chlorine gas in an attack": the attack's means
    # a plural the tagger took for a name keeps its plural lemma ("Rockets were fired"): its singular too
    singular = [t.lower_[:-1] for t in nearby if t.lower_.endswith("s") and not t.lower_.endswith("ss")]
    return [
        *actor_text.lower().split(),
        *(t.lemma_.lower() for t in nearby),
        *(t.lower_ for t in nearby),
        *singular,
    ]

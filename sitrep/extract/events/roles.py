"""Who acted and who was acted on: the actors of an event, found through the dependency parse from its
trigger (subjects, agents, objects, prepositional targets, and the side named inside what an act is
about). Place, date and modality are in `event_setting`, the dead in `event_deaths`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep import lexicons
from sitrep.extract.coref import antecedent
from sitrep.extract.datelines import in_dateline
from sitrep.extract.mentions import MentionIndex, doc_text
from sitrep.extract.numbers import VAGUE
from sitrep.model import Actor, Claim, Entity, Place, Timex

_SUBJECTS = ("nsubj", "csubj")
_TARGET_PREPS = ("on", "against", "at", "of")


@dataclass(frozen=True)
class ArticleFacts:
    """What earlier stages found in the article, as the event stage needs it."""

    doc: Doc
    published: dt.date
    entities: dict[str, Entity]
    entity_mentions: MentionIndex
    places: dict[str, Place]
    place_mentions: MentionIndex
    timexes: list[Timex]
    claims: list[Claim]
    # False when `published` is a placeholder (gold snippets carry no date): an act's date then says
    # nothing about whether it is news or history, or still to come
    published_known: bool = True


def clause_head(token: Token) -> Token:
    """The verb (or sentence root) whose clause a token sits in."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return current


def predicate_of(trigger: Token) -> Token:
    """For a nominal trigger, the verb that carries it ("launched an offensive"); a verb is its own."""
    if trigger.pos_ == "VERB":
        return trigger
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in lexicons.load("events")["frame_nouns"]:
        trigger = trigger.head  # "launched a mediation effort": the effort is carried as the act would be
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") and trigger.head.pos_ in (
        "VERB",
        "AUX",
    ):
        return trigger.head
    verb = trigger.head.head
    if (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and verb.dep_ in ("dobj", "nsubjpass", "attr")
        and verb.head.pos_ == "VERB"
    ):
        return verb.head  # "declared a state of emergency", "launched a wave of attacks"
    if (
        trigger.dep_ == "pobj"
        and trigger.head.dep_ == "prep"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in lexicons.load("events")["light_verbs"]
    ):
        return verb  # "police had to resort to firing": the light verb carries the act
    return trigger


def actors(
    trigger: Token,
    facts: ArticleFacts,
    mutual: bool = False,
    recipient_preps: tuple[str, ...] = (),
    physical: bool = False,
    crowd: bool = False,
    place_side: bool = False,
) -> tuple[Actor | None, Actor | None]:
    """Who acted and who was acted on: subject/agent, then object/passive subject/prepositional target;
    in a mutual act ("Jordan and Britain agreed", "clashed") the second of two joined subjects."""
    held = _held(trigger)
    if held is not None:
        return None, _actor(held, facts) or _phrase_actor(held)
    if trigger.lemma_.lower() in lexicons.load("events")["battle_words"]:
        sides = _between(trigger)
        if sides is not None:  # "clashes between government forces and Assad loyalists"
            return tuple(_actor(side, facts) or _phrase_actor(side) for side in sides)  # type: ignore[return-value]
    predicate = predicate_of(trigger)
    if physical and (told_of(trigger) or belongs_to_noun(trigger)):
        # "Trump confirmed the killing", "the UN condemned the attack", "the handlers of the attack are
        # based in Afghanistan": the clause is about something else, not the attacker or target
        predicate = trigger
    subject = _subject(predicate) or _subject(trigger) or _agent(predicate)
    if subject is not None and subject.i == trigger.i:
        subject = None  # "the arrest of Mhlanga sent a message": the act is the subject, not its actor
    if subject is not None and physical and _ended_by_another(trigger, predicate):
        subject = None  # "security forces ended the siege": who ended it did not lay it
    if subject is None and trigger.lemma_.lower() in lexicons.load("events")["stative_passives"]:
        subject = _child(trigger, ("nsubjpass",))  # "Israel is opposed to the plan": Israel opposes it
    if trigger.pos_ == "NOUN" and (by := _prep_object(trigger, ("by",))) is not None:
        subject = by  # "a car bombing by the Islamic State", "firing by the police": the agent named
    # "is dead, killed in an airstrike", "the men killed in the raid": a bare passive participle's
    # borrowed subject, or the noun it describes, is the one acted on
    undergoer = None
    if predicate.tag_ == "VBN" and predicate.dep_ in ("advcl", "acl") and _child(predicate, ("aux",)) is None:
        undergoer = predicate.head if predicate.dep_ == "acl" else _child(predicate.head, _SUBJECTS)
    if _comes_under(trigger):
        undergoer, subject = subject, None  # "the train came under fire": the train was fired at
    if subject is None and undergoer is None and predicate.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp"):
        subject = _child(_governor(predicate), _SUBJECTS)
    if subject is None and predicate.dep_ == "xcomp":
        subject = _child(predicate.head, ("dobj",))  # "ordered the army to send": the object does it
    documents = set(lexicons.load("events")["document_nouns"])
    if subject is None and predicate.dep_ == "acl" and predicate.head.lemma_.lower() in documents:
        # "Amnesty issued a statement calling on the authorities…": the issuer speaks through it
        document = predicate.head
        if document.dep_ in ("dobj", "pobj") and document.head.i != document.i:
            subject = _child(clause_head(document.head), _SUBJECTS)
    controller = predicate
    if subject is None and predicate.dep_ == "acl" and predicate.tag_ == "VBG":
        subject = predicate.head  # "gunmen firing at the crowd": the noun a participle describes does it
    carrier = predicate.head.head
    if (
        subject is None
        and predicate.dep_ == "pcomp"
        and carrier.lemma_.lower() in lexicons.load("events")["light_verbs"]
    ):
        subject, controller = _child(carrier, _SUBJECTS), carrier  # "had to resort to firing"
    accused = accused_of(predicate) if subject is None and predicate.dep_ == "pcomp" else None
    if accused is not None:
        subject = accused  # "accused the rebels of killing 12 villagers": the accused is the alleged doer
    if subject is None and predicate.dep_ == "pcomp" and carrier.dep_ == "acomp":
        # "are guilty of violating the ceasefire": the one said to be guilty did it
        subject = _child(carrier.head, _SUBJECTS)
    for _ in range(4):
        # "Norway is willing to send material to help defend Saudi Arabia": up the chain of controls and
        # of joined verbs ("opened fire…, killing one and arresting twelve")
        if (
            subject is not None
            or undergoer is not None
            or controller.dep_ not in ("xcomp", "acomp", "advcl", "conj")
            or controller.head.i == controller.i
        ):
            break
        controller = _governor(controller)
        subject = _child(controller, _SUBJECTS)
    if subject is not None and trigger.pos_ == "VERB" and _act_noun(subject):
        # "a Pakistani military operation killed 30 terrorists": whose operation it was did it
        subject = next(
            (c for c in subject.lefts if c.dep_ in ("poss", "compound", "amod") and _is_actor(c, facts)),
            subject,
        )
    # "Navalny's arrest", "al-Rufay'i's killing": the owner of such a noun is the one it was done to
    patient = trigger.pos_ == "NOUN" and trigger.lemma_.lower() in _patient_nouns()
    owners = ("amod", "compound") if patient else ("poss", "amod", "compound")
    if subject is None and trigger.pos_ == "NOUN":
        subject = next((c for c in trigger.lefts if c.dep_ in owners and _is_actor(c, facts)), None)
    plain = None
    if subject is None and trigger.pos_ == "NOUN":
        # "died in police firing", "an army offensive": a force named by a bare noun in front of the act
        plain = next((c for c in trigger.lefts if c.dep_ in ("compound", "amod") and _force_noun(c)), None)
    if subject is None and trigger.pos_ == "NOUN":
        # "Russian artillery renewed attacks" is often parsed with "renewed" as a modifier of "attacks"
        modifiers = (c for c in trigger.lefts if c.dep_ == "amod" and c.pos_ == "VERB")
        subject = next((s for m in modifiers if (s := _child(m, _SUBJECTS)) is not None), None)
    target = None
    if trigger.pos_ == "VERB":
        target = _child(trigger, ("dobj",))
        if target is not None and _a_weapon(target) and _projects(trigger):
            # "fired tear gas at demonstrators": what is fired is the means, the side is aimed at
            target = _prep_object(trigger, ("at", "on", "into", "toward", "towards"))
        passive_subject = _child(trigger, ("nsubjpass",))
        if (
            target is None
            and passive_subject is not None
            and trigger.lemma_.lower() not in lexicons.load("events")["stative_passives"]
            and (subject is None or passive_subject.i != subject.i)
        ):
            target = passive_subject
    if target is None and _strikes_as_subject(trigger, predicate):
        target = _child(predicate, ("dobj",))  # "a roadside bomb hit a military convoy"
    target = (
        target or _prep_object(trigger, _TARGET_PREPS) or _prep_object(predicate, ("on", "against", "at"))
    )
    if target is None and patient:
        target = _child(trigger, ("poss",))
    if target is None and undergoer is not None and (subject is None or undergoer.i != subject.i):
        target = undergoer
    target = _antecedent_of_relative(target, predicate)
    subject = _antecedent_of_relative(subject, predicate)
    # a subject borrowed from a joined clause is named, not guessed from what it owns ("Its population
    # has fallen, and the town is shelled")
    if subject is not None:
        subject = _agent_of_means(subject)
    borrowed = predicate.dep_ == "conj" and subject is not None and subject.head.i != predicate.i
    first = _actor(subject, facts, owner=not borrowed) if subject is not None else None
    if first is None and plain is None and subject is not None and _force_noun(subject):
        plain = subject  # a force named by a bare noun that the entity stage left out
    if first is None and plain is not None:
        first = _plain_actor(plain)
    if first is None and subject is not None and not borrowed:
        # "Washington suspended aid"; anyone who marches or strikes ("teachers went on strike")
        first = _phrase_actor(subject, crowd)
    second = _actor(target, facts) if target is not None else None
    if second is None:
        # "held talks with Lavrov", "provided training to AMISOM", "imposed sanctions on Iran"
        carriers = [trigger, predicate, *(c for c in trigger.children if c.dep_ == "dobj")]
        preps = (*recipient_preps, "on", "against")
        recipient = next((o for c in carriers if (o := _prep_object(c, preps)) is not None), None)
        second = _actor(recipient, facts) if recipient is not None else None
    else:
        recipient = None
    if second is None and mutual and subject is not None:
        other = _child(subject, ("conj",))
        second = _actor(other, facts) if other is not None else None
    if second is None and target is not None:
        second = _phrase_actor(target, physical)  # "killed at least 75 displaced people", "shelled the town"
    if second is None and recipient is not None:
        second = _phrase_actor(recipient)  # "returned the paintings to the museum"
    if first is not None and second is not None and (first.start, first.end) == (second.start, second.end):
        second = None  # "withdrew its inspectors": what it owns is no second side
    if second is None:
        taken = {t.i for t in subject.subtree} if subject is not None else set()
        second = _aimed_at(trigger, predicate, facts, taken, first, place_side, physical)
    return first, second


def _ended_by_another(trigger: Token, predicate: Token) -> bool:
    """An act of force named as what a verb of ending is about, with no owner of its own ("ended the
    siege", "halted an attack"); "halted its strikes" is the owner's own act, and so is a strike its
    strikers end."""
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "dobj"
        and trigger.head.i == predicate.i
        and predicate.lemma_.lower() in lexicons.load("events")["cessation_heads"]
        and not any(c.dep_ == "poss" for c in trigger.children)
    )


def _strikes_as_subject(trigger: Token, predicate: Token) -> bool:
    """An attack or weapon noun as the subject of the verb that tells what it hit ("a roadside bomb hit
    a convoy", "the blast destroyed three houses"): that verb's object is its target."""
    attack = any(entry[0] == "ASSAULT" for entry in _noun_entries(trigger))
    takes_lives = predicate.lemma_.lower() in lexicons.load("events")["life_taking_verbs"]
    subject = trigger.pos_ != "VERB" and trigger.dep_ == "nsubj" and predicate.i != trigger.i
    # "an operation rescued 190 passengers": the passengers were not its target
    return subject and attack and _harms(predicate) and not takes_lives  # "cost three lives": a toll


def _act_noun(noun: Token) -> bool:
    """A noun naming an act, alone or with its modifier ("attack", "military operation")."""
    return noun.pos_ == "NOUN" and bool(_noun_entries(noun))


def _noun_entries(noun: Token) -> list[list[str | None]]:
    """The act lexicon's entries for a noun, alone or with a modifier ("blast", "roadside bomb")."""
    nouns = lexicons.load("events")["nouns"]
    lemma = noun.lemma_.lower()
    names = [lemma, *(f"{c.lower_} {lemma}" for c in noun.children if c.dep_ in ("compound", "amod"))]
    return [nouns[name] for name in names if name in nouns]


def _harms(verb: Token) -> bool:
    """A verb of attack, harm or damage ("hit", "killed", "damaged"), as opposed to one of rescue or care."""
    events = lexicons.load("events")
    lemma = verb.lemma_.lower()
    entry = events["verbs"].get(lemma)
    return (
        (bool(entry) and entry[0] == "ASSAULT")
        or lemma in events["damage_verbs"]
        or lemma in events["impact_verbs"]
    )


def _projects(verb: Token) -> bool:
    """A verb that sends a means at someone ("fired", "launched", "threw"), not one that stops it
    ("shot down two missiles": the missiles are what was hit)."""
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in verb.children):
        return False
    return verb.lemma_.lower() in lexicons.load("events")["projecting_verbs"]


def _a_weapon(noun: Token) -> bool:
    """A noun naming the means of an attack: "tear gas", "rockets", "stun grenades"."""
    means = lexicons.load("events")["mode_words"]
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    return any(w.lemma_.lower() in means or w.lower_ in means for w in words)


def _between(trigger: Token) -> tuple[Token, Token] | None:
    """The two sides of a fight named as "between A and B", wherever the parser hung the phrase in the
    fight's clause."""
    clause = predicate_of(trigger)
    scope = clause.subtree if clause.i != trigger.i else trigger.subtree
    for token in scope:
        if token.lower_ == "between" and token.dep_ == "prep":
            first = _child(token, ("pobj",))
            second = _child(first, ("conj",)) if first is not None else None
            if first is not None and second is not None:
                return first, second
    return None


def accused_of(act: Token) -> Token | None:
    """Who an act is pinned on when it is told as what they are accused, blamed or charged with
    ("accused the rebels of killing", "the rebels were accused of killing", "blamed the gang for")."""
    prep = act.head
    if prep.lower_ not in ("of", "for"):
        return None
    verb, accused = prep.head, None
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
        verb, accused = verb.head, verb  # "accused [the rebels of killing]" parsed on the noun
    entry = lexicons.load("events")["verbs"].get(verb.lemma_.lower())
    if not entry or entry[0] != "ACCUSE":
        return None
    return accused or _child(verb, ("dobj", "nsubjpass"))


def _antecedent_of_relative(token: Token | None, predicate: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the girls, who were kidnapped": the girls)."""
    if token is None or token.tag_ not in ("WP", "WDT") or predicate.dep_ != "relcl":
        return token
    return predicate.head


def _held(trigger: Token) -> Token | None:
    """Who is in a state of being held ("Mhlanga has been in custody", "remains in detention"): the
    subject undergoes it; no one is named as holding."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or trigger.head.lower_ != "in":
        return None
    verb = trigger.head.head
    if verb.lemma_.lower() not in ("be", "remain", "stay"):
        return None
    return _child(verb, ("nsubj",))


# Links followed from an act into what it is about, when the act names no side directly
_INTO_CLAUSE = (
    *(
        "xcomp",
        "ccomp",
        "dobj",
        "dative",
        "prep",
        "pobj",
        "conj",
        "nsubj",
        "nsubjpass",
        "advcl",
        "pcomp",
        "acl",
    ),
)
_WHERE_PREPS = frozenset({"in", "near", "inside", "outside", "across", "throughout"})
_ABOUT_PREPS = (
    *(
        "to",
        "for",
        "with",
        "against",
        "on",
        "at",
        "into",
        "from",
        "of",
        "in",
        "over",
        "by",
        "between",
        "among",
    ),
)


def belongs_to_noun(trigger: Token) -> bool:
    """An act named as what another noun belongs to: "the handlers of Tuesday's attack", "the scene of
    the attack"; not a noun that holds the act itself ("a state of emergency", "a wave of attacks", "a
    campaign of bombings")."""
    if trigger.pos_ == "VERB" or trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return False
    owner = trigger.head.head
    events = lexicons.load("events")
    holders = {*events["series_words"], *events["frame_nouns"], "state"}
    return (
        owner.pos_ in ("NOUN", "PROPN")
        and owner.lemma_.lower() not in holders
        and owner.lower_ not in holders
    )


def force_free_target(trigger: Token) -> str | None:
    """What a verb of attack is aimed at when no force is used: "digital" for a website, an account or
    data ("hackers targeted government websites": a cyber attack, COERCE/cyber), "measure" for words
    or measures ("attacked the budget plan", "hit Canada with a new levy", "targeted banks with
    sanctions"). ACLED codes neither; None for an attack on people, places or things."""
    if trigger.pos_ != "VERB":
        return None
    events = lexicons.load("events")
    objects = [c.lemma_.lower() for c in trigger.children if c.dep_ == "dobj"]
    if any(o in events["digital_targets"] for o in objects):
        return "digital"
    if any(o in events["abstract_targets"] for o in objects):
        return "measure"
    measures = set(events["measure_nouns"])
    dealt_with = (
        o.lemma_.lower()
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children
    )
    return "measure" if any(word in measures for word in dealt_with) else None


def told_of(trigger: Token) -> bool:
    """An act named by a noun that a verb of telling, judging or recalling carries ("confirmed the
    killing", "condemned the bombing"): its subject is no actor of the act, and the act is reported."""
    predicate = predicate_of(trigger)
    return predicate is not trigger and predicate.lemma_.lower() in lexicons.load("events")["witness_verbs"]


def _patient_nouns() -> frozenset[str]:
    """Nouns of acts done to someone, whose owner is the one acted on."""
    return frozenset(lexicons.load("events")["patient_nouns"])


def _aimed_at(
    trigger: Token,
    predicate: Token,
    facts: ArticleFacts,
    taken: set[int],
    first: Actor | None,
    place_side: bool = False,
    physical: bool = False,
) -> Actor | None:
    """The named side an act is aimed at when it is named inside what the act is about: "threatened to
    cut off electricity to Nakhichevan", "offered to hand over two suspects to Britain", "demanded that
    the United States cancel the sale", "denounced Serbia's crackdown", "called for sanctions against
    Nigeria". Only entities and countries count here: a plain noun that deep is rarely a side. With
    `place_side`, a town or region the act is applied to stands for its people or rulers when nobody is
    named: "imposed a curfew in Abidjan", "arrived in Amman". A material act (`physical`) is aimed at
    nothing named only as where it happened."""
    starts = dict.fromkeys((trigger, predicate))
    if physical and trigger.dep_ == "nsubj" and trigger.pos_ != "VERB" and not _harms(predicate):
        starts = dict.fromkeys((trigger,))  # "an operation rescued 190 passengers": not what it hit
    taken |= {t.i for s in starts for c in s.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    queue = [(c, 0, False) for start in starts for c in start.children]
    placed: Actor | None = None
    while queue:
        token, depth, where = queue.pop(0)
        if token.i in taken or depth > 4 or not _leads_to_side(token):
            continue
        taken.add(token.i)
        # "exploded in a market in eastern Congo's Ituri province": a place named where a material act
        # happened is no side of it
        where = where or (
            physical and not place_side and token.dep_ == "prep" and token.lower_ in _WHERE_PREPS
        )
        if token.pos_ in ("NOUN", "PROPN", "PRON") and not _moved_forces(token):
            found = _actor(token, facts)
            a_place = where and facts.place_mentions.of_token(token) is not None
            if found is not None and not a_place and not _same_side(found, first):
                return found
            if place_side and placed is None:
                placed = _place_actor(token, facts)
        queue.extend((c, depth + 1, where) for c in token.children)
    return placed if placed is not None and not _same_side(placed, first) else None


def _place_actor(token: Token, facts: ArticleFacts) -> Actor | None:
    """A named place as the side an act is applied to (its people or rulers)."""
    mention = facts.place_mentions.of_token(token)
    if mention is None:
        return None
    place = facts.places[mention.item_id]
    kind = "government" if place.feature == "country" else None
    return Actor(
        start=mention.start, end=mention.end, text=mention.text, country=place.country_code, kind=kind
    )


def _moved_forces(token: Token) -> bool:
    """Forces someone sends, deploys or pulls out are their own, not the side aimed at: "refused to
    deploy soldiers in Yemen"."""
    if token.dep_ != "dobj" or not _force_noun(token):
        return False
    entry = lexicons.load("events")["verbs"].get(token.head.lemma_.lower())
    return token.head.lemma_.lower() == "send" or (entry is not None and entry[0] in ("MOBILIZE", "RETREAT"))


def _same_side(found: Actor, first: Actor | None) -> bool:
    """Whether an actor found deep in the clause is the acting side again: "the United States would deny
    entry to the United States…", "the Asia-Pacific Economic Cooperation (APEC) forum agreed…"."""
    if first is None:
        return False
    if found.start < first.end and first.start < found.end:
        return True
    same_entity = found.entity_id is not None and found.entity_id == first.entity_id
    return same_entity


def _leads_to_side(token: Token) -> bool:
    """Whether a link goes on into what an act is about: a complement clause, an object, a preposition
    of aim, or a purpose clause ("to protest against …"); not a subject of the act itself."""
    if token.dep_ not in _INTO_CLAUSE:
        return False
    if token.dep_ == "prep" or (token.dep_ == "dative" and token.pos_ == "ADP"):
        return token.lower_ in _ABOUT_PREPS
    if token.dep_ in ("nsubj", "nsubjpass"):
        return token.head.dep_ in ("ccomp", "xcomp")  # "demanded that the US cancel …"
    if token.dep_ == "advcl":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return True


def _agent_of_means(subject: Token) -> Token:
    """Who used the means that is the grammatical subject: "the missiles fired by the Israeli military
    struck…" -> the military."""
    for child in subject.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and (agent := _agent(child)) is not None:
            return agent
    return subject


def _force_noun(token: Token) -> bool:
    """A bare noun naming an armed or security force ("police", "army", "troops")."""
    return lexicons.load("actors")["head_nouns"].get(token.lower_) in ("state_forces", "rebel_group")


def _plain_actor(token: Token) -> Actor:
    """An actor named by a bare noun that is no entity mention: the "police" of "police firing"."""
    kind = lexicons.load("actors")["head_nouns"].get(token.lower_)
    return Actor(start=token.idx, end=token.idx + len(token.text), text=token.text, kind=kind)


_NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def _phrase_actor(token: Token, any_noun: bool = False) -> Actor | None:
    """A side named by a plain noun phrase that is no entity: a name ("Washington" for its government),
    a noun for people or bodies ("displaced people", "a court"), or for a physical act any noun it hits
    ("struck a bus"); never a pronoun, a date, a number, or a thing given or talked about."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = _child(of, ("pobj",)) if of is not None else None
    collective = token.lower_ in lexicons.load("events")["collective_nouns"]
    if counted is not None and (token.like_num or token.lower_ in VAGUE or collective):
        token = counted  # "deported dozens of nationals", "a group of diplomats": the counted are the side
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in _NOT_ACTORS or token.like_num:
        return None
    if token.lower_ in lexicons.load("events")["place_nouns"]:
        return None  # "shelled the town": where it happened, which the place stage gives
    parties = lexicons.load("events")["party_nouns"]
    if not (
        any_noun
        or token.pos_ == "PROPN"
        or (token.is_upper and len(token.text) > 1 and token.is_alpha)  # an acronym the tagger calls a noun
        or token.lower_ in parties
        or token.lower_ in lexicons.load("actors")["head_nouns"]
    ):
        return None
    start = token.left_edge
    while start.i < token.i and (start.is_punct or start.dep_ in ("det", "predet", "cc")):
        start = token.doc[start.i + 1]
    kind = lexicons.load("actors")["head_nouns"].get(token.lower_) or _holders_of_site(token)
    end = token.idx + len(token.text)
    return Actor(start=start.idx, end=end, text=doc_text(token.doc)[start.idx : end], kind=kind)


def _holders_of_site(token: Token) -> str | None:
    """The kind of those who hold a site named by who holds it ("an army base", "a police station", "a
    rebel camp") or held only by forces ("a checkpoint", "the barracks"): an attack on it is on them."""
    actors, events = lexicons.load("actors"), lexicons.load("events")
    if token.lemma_.lower() not in events["held_sites"]:
        return None
    for modifier in (c for c in token.children if c.dep_ in ("compound", "amod")):
        word = modifier.lower_
        kind = (
            actors["head_nouns"].get(word)
            or actors["modifiers"].get(word)
            or actors["head_nouns"].get(f"{word}s")
        )
        if kind is not None and kind not in ("civilians", "government"):
            return str(kind)
    return "state_forces" if token.lemma_.lower() in events["forces_sites"] else None


def moved_to(trigger: Token, facts: ArticleFacts) -> Actor | None:
    """Where forces are sent or pulled from, as the side concerned: "withdrew its troops from Syria",
    "is sending troops to South Sudan"."""
    predicate = predicate_of(trigger)
    moved = [c for c in trigger.children if c.dep_ == "dobj"]  # "strengthened its forces in Lebanon"
    for carrier in (trigger, predicate, *moved):
        found = _prep_object(carrier, ("from", "to", "into", "in"))
        if found is not None:
            return _actor(found, facts) or _phrase_actor(found)
    return None


def addressee(speech: Token, facts: ArticleFacts) -> Actor | None:
    """Who is told what they must do: the subject of the reported clause ("said Libya must hand over")."""
    clause = _child(speech, ("ccomp",))
    subject = _child(clause, _SUBJECTS) if clause is not None else None
    return _actor(subject, facts) if subject is not None else None


def _comes_under(trigger: Token) -> bool:
    """ "came under fire", "came under attack": the subject is what was hit."""
    return trigger.lemma_.lower() == "come" and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in trigger.children
    )


def _governor(predicate: Token) -> Token:
    """The clause a joined or dependent verb hangs from; an adjective closing a small clause ("leaving
    five people dead and triggering a siege") is passed over for the verb it completes."""
    head = predicate.head
    if predicate.dep_ == "conj" and head.pos_ == "ADJ" and head.dep_ in ("ccomp", "xcomp", "oprd", "acomp"):
        return head.head
    return head


def _subject(token: Token) -> Token | None:
    """The subject of a verb, never the dateline the parser may hang on it ("QUETTA, Pakistan —
    Militants attacked …": the militants)."""
    return next((c for c in token.children if c.dep_ in _SUBJECTS and not in_dateline(c)), None)


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _agent(token: Token) -> Token | None:
    """The "by X" of a passive verb."""
    by = next((c for c in token.children if c.dep_ == "agent"), None)
    return _child(by, ("pobj",)) if by is not None else None


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of one of these prepositions on the token; "to" after a verb of giving is parsed as a
    dative ("gave equipment to Nicaragua")."""
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            obj = _child(child, ("pobj",))
            if obj is not None:
                return obj
    return None


def _is_actor(token: Token, facts: ArticleFacts) -> bool:
    return facts.entity_mentions.of_token(token) is not None


def _actor(token: Token, facts: ArticleFacts, owner: bool = True) -> Actor | None:
    """An actor is an entity mention (a pronoun is named by its antecedent in the same sentence); places
    and plain nouns are not actors, but a plain noun stands for the named side it belongs to (`owner`)."""
    mention = facts.entity_mentions.of_token(token)
    if mention is None and token.pos_ == "PRON":
        mention = antecedent(token, facts.entity_mentions, facts.entities)
        sentence = token.sent
        if mention is not None and not sentence.start_char <= mention.start < sentence.end_char:
            # named in an earlier sentence: the pronoun is where this sentence names the actor
            entity = facts.entities[mention.item_id]
            return Actor(
                entity_id=entity.id,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                country=entity.country,
                kind=entity.kind,
            )
    if mention is None:
        # "the governor, Oleh Marchenko" (apposition), "thousands of protesters" (a count of them)
        for child in token.children:
            if child.dep_ in ("appos", "compound") and (mention := facts.entity_mentions.of_token(child)):
                break
            if child.dep_ == "prep" and child.lower_ == "of" and (token.like_num or token.lower_ in VAGUE):
                counted = _child(child, ("pobj",))
                if counted is not None and (mention := facts.entity_mentions.of_token(counted)):
                    break
    if mention is None:
        country = _country_actor(token, facts)
        return country if country is not None or not owner else _owner_actor(token, facts)
    entity = facts.entities[mention.item_id]
    return Actor(
        entity_id=entity.id,
        start=mention.start,
        end=mention.end,
        text=mention.text,
        country=entity.country,
        kind=entity.kind,
    )


def _owner_actor(token: Token, facts: ArticleFacts) -> Actor | None:
    """The named side a plain noun belongs to: "Trump's decision", "a Turkish court", "an arms depot of
    the Syrian army", "a request from The New York Times", "a car bombing by the Islamic State"."""
    for child in token.children:
        owner = None
        if child.dep_ in ("poss", "amod", "nmod"):
            owner = child
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            owner = _child(child, ("pobj",))
        if owner is not None and (found := _actor(owner, facts, owner=False)) is not None:
            return _of_its_kind(found, token)
    return None


def _of_its_kind(owner: Actor, noun: Token) -> Actor:
    """The side a noun of a typed kind names, with the name that owns it ("Columbian rebel groups",
    "Russian occupants' jets"): the owner's country and name, the noun's kind ("a Turkish court" stays
    the state's)."""
    actors = lexicons.load("actors")
    words = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")]
    kind = next((actors["modifiers"][w] for w in words if w in actors["modifiers"]), None)
    kind = kind or actors["head_nouns"].get(noun.lower_)
    if kind is None or owner.kind not in (None, "government") or owner.start > noun.idx:
        return owner
    end = noun.idx + len(noun.text)
    text = doc_text(noun.doc)[owner.start : end]
    return owner.model_copy(update={"kind": kind, "end": end, "text": text})


def _country_actor(token: Token, facts: ArticleFacts) -> Actor | None:
    """A country in an actor's slot stands for its government: "Bosnia and Slovenia agreed"."""
    mention = facts.place_mentions.of_token(token)
    if mention is None or facts.places[mention.item_id].feature != "country":
        return None
    return Actor(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        country=facts.places[mention.item_id].country_code,
        kind="government",
    )


def victims_actor(trigger: Token, facts: ArticleFacts) -> Actor | None:
    """Who died in an attack whose clause names no target: the subject of "died" or of "were killed" in
    the trigger's sentence ("21 passengers died in the initial attack", "the attack, in which four
    troops were killed"), or the object of the killing told with it ("attacked the town, killing nine
    civilians"), as the side the attack was done to."""
    words = set(lexicons.load("events")["fatality_words"])
    for token in trigger.sent:
        if token.lemma_.lower() not in words or token.pos_ != "VERB":
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        killed = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subject is not None and subject.dep_ == "nsubj" and killed is not None and subject.i != trigger.i:
            subject = killed  # "troops killed a commander in an airstrike": the dead are the object
        elif (subject is not None and subject.i == trigger.i) or (
            subject is None and token.head.i == trigger.i
        ):
            # "the attack killed five people", "attacked the town, killing nine civilians": the dead
            # are the object
            subject = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return _actor(subject, facts) or _phrase_actor(subject, any_noun=True)
    return None

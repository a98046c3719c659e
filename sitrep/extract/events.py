"""Events: triggers found over the dependency parse with the project's lexicon, typed by PLOVER and ACLED.

A trigger is a verb ("shelled"), a phrasal verb ("lashed out at", "sent reinforcements") or a noun
("attacks", "air strike", "clashes"). A noun carried by a trigger verb belongs to that verb's event, and
"killing three civilians" after "shelled" is the shelling's death toll, not a second event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitrep import lexicons
from sitrep.extract.acled import acled_type
from sitrep.extract.claims import trim_space
from sitrep.extract.event_deaths import counted_deaths, reported_toll
from sitrep.extract.event_roles import (
    ArticleFacts,
    actors,
    addressee,
    attribution,
    governing_timex,
    modality,
    moved_to,
    place_of,
    predicate_of,
)
from sitrep.extract.mentions import doc_text
from sitrep.extract.timexes import event_date
from sitrep.model import Actor, Event, Span

# Acts that happen somewhere; verbal events (accusations, demands) only get a place stated for them.
# Acts two sides do together: both are named as joined subjects ("Jordan and Britain agreed").
MUTUAL_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
# Acts done for or to someone, who is named with "to" or "for" ("provided training to AMISOM",
# "returned the paintings to Brazil", "issued an ultimatum to Damascus").
GIVING_TYPES = {"AID", "SUPPORT", "AGREE", "CONCEDE", "REQUEST", "RETREAT", "THREATEN"}
_NOUN_SLOTS = ("pobj", "nsubj", "nsubjpass", "dobj")
# Material help or concessions only promised ("will release", "is ready to contribute troops") are
# agreements (ONTOLOGY.md 1.2: promised aid is AGREE), unless threatened or asked for.
PROMISED_TYPES = {"RETREAT", "AID", "COOPERATE", "CONSULT", "SUPPORT"}
# Restrictions only announced ("will extend the curfew", "would boycott the elections", "is prepared to
# impose martial law") are threats (ONTOLOGY.md 1.2, THREATEN modes restrict and relations).
THREATENED_TYPES = {"COERCE", "SANCTION"}
THREATENED_PROTESTS = {"boycott", "obstruct"}
# What a refusal refuses (ONTOLOGY.md 1.2, REJECT modes)
_REFUSED = {"RETREAT": "yield", "CONCEDE": "yield", "AID": "assist", "COOPERATE": "assist", "CONSULT": "meet"}
_THREAT_MODES = {"discontinue": "relations", "expel": "expel", "arrest": "arrest", "deport": "expel"}
_NOT_PROMISES = {"THREATEN", "REQUEST", "REJECT"}
DEMAND = "must"
FORCE_KINDS = {"state_forces", "rebel_group", "external_other"}
# Acts that hand over what they name as object: forces named there are the actor's own
FORCES_GIVEN_TYPES = {"AID", "AGREE", "CONCEDE", "RETREAT"}
FREEING = {"release", "free", "exchange"}  # troops released are captives, the side acted on
# Acts whose place is where they happen, never a side (the place stage gives it)
PLACE_NOT_SIDE = {"ASSAULT", "PROTEST", "MOBILIZE"}
MATERIAL_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID", "COOPERATE"}


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
        _nominal_gerund(token)
        trigger = _verb_trigger(token) or _demand_trigger(token) if token.pos_ == "VERB" else None
        if trigger is None and token.pos_ in ("NOUN", "PROPN"):
            trigger = _noun_trigger(token)
        if trigger is not None:
            found.append(trigger)
    covered = {t.token.i for t in found if t.token.pos_ == "VERB"}
    return [
        t
        for t in found
        if not _absorbed(t, covered) and not _victims_only(t) and not _accident(t) and not _bare_toll(t)
    ]


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
    lemma = token.lemma_.lower()
    for child in token.children:
        # a particle parsed as a preposition with no object ("forced them out of"), an adjective as
        # a complement ("found him guilty")
        particle = (
            child.dep_ in ("prt", "dobj", "oprd", "acomp")
            or (child.dep_ == "prep" and lemma in ("call", "lash") and not _dated(child))
            or (child.dep_ == "prep" and not any(c.dep_ == "pobj" for c in child.children))
            or (child.dep_ == "ccomp" and child.pos_ == "ADJ")
        )
        # "released reports" as "release report"; "violated the ceasefire agreement" by its compound
        words = [child.lower_, child.lemma_.lower()]
        if child.dep_ == "dobj":
            words += [c.lower_ for c in child.children if c.dep_ == "compound"]
        key = next((k for w in words if (k := f"{lemma} {w}") in lexicon["phrasal"]), "")
        if particle and key:
            entry = lexicon["phrasal"][key]
            if entry is None:
                return None
            if entry[0] == "MOBILIZE" and _peacekeeping(token):
                entry = ["AID", None]  # "sending troops to the peacekeeping force"
            end = max(token.i, child.i)
            return _make(token, entry, key, token.idx, token.doc[end].idx + len(token.doc[end].text))
    if lemma == "call" and _calls_someone(token):
        return _make(token, ["CONSULT", "phone"], lemma, token.idx, token.idx + len(token.text))
    if lemma == "meet" and _meets_a_thing(token):
        return None  # "met the deadline", "until their demands are met"
    if lemma in lexicon["side_object_verbs"] and not _side_object(token):
        return None  # "to fight the epidemic", "fighting poverty"
    entry = lexicon["verbs"].get(lemma)
    if entry is not None and entry[0] == "MOBILIZE":
        return _deployment(token, lemma)
    if lemma in lexicon["verbs"]:
        return _make(token, lexicon["verbs"][lemma], lemma, token.idx, token.idx + len(token.text))
    if lemma in lexicon["transfer_verbs"] and _gives_goods(token):
        return _make(token, ["AID", None], lemma, token.idx, token.idx + len(token.text))
    return None


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
    titles = lexicons.load("actors")["head_nouns"]
    return (
        person.ent_type_ == "PERSON"
        or person.lower_ in ("counterpart", "him", "her")
        or (titles.get(person.lower_) == "government" and person.lower_ not in ("government", "authorities"))
    )


def _side_object(token: Token) -> bool:
    """Whether a verb that is an attack only on someone ("fight") has a side, or nothing, as object."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        return True
    parties = lexicons.load("events")["party_nouns"]
    return (
        obj.pos_ in ("PROPN", "PRON")
        or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.lower_ in parties
        or obj.lower_ in lexicons.load("actors")["head_nouns"]
    )


def _deployment(token: Token, lemma: str) -> Trigger | None:
    """What a deployment verb moves decides the act: forces or weapons are a mobilization, peacekeepers
    or forces sent on a peacekeeping mission are help (CAMEO 0741), funds or supplies are aid; anything
    else ("reinforced its commitment", "deployed observers") is no military move."""
    lexicon = lexicons.load("events")
    start, end = token.idx, token.idx + len(token.text)
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if _peacekeeping(token):
        return _make(token, ["AID", None], lemma, start, end)
    if obj is None or _force_or_weapon(obj):
        return _make(token, lexicon["verbs"][lemma], lemma, start, end)
    if _gives_goods(token):
        return _make(token, ["AID", None], lemma, start, end)
    return None


def _peacekeeping(token: Token) -> bool:
    """Whether what a deployment verb moves, or where to, is peacekeeping (CAMEO 0741, aid)."""
    around = [t for c in token.children if c.dep_ != "nsubj" for t in c.subtree]
    return any(t.lower_.startswith("peacekeep") for t in around)


def _force_or_weapon(token: Token) -> bool:
    """Forces or weapons, named by the noun or its modifier ("army reservists", "artillery units")."""
    kinds = lexicons.load("actors")["head_nouns"]
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod")]
    if any(_force_or_weapon(m) for m in modifiers if m.pos_ == "NOUN"):
        return True
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
    if lemma not in lexicon["nouns"]:
        lemma = token.lower_  # plural-only nouns keep their plural as the key ("talks", "sanctions")
        if lemma not in lexicon["nouns"]:
            return None
    if lemma == "strike" and _labour_strike(token):
        mode = "hunger" if compound is not None and compound.lower_ == "hunger" else "strike"
        return _make(token, ["PROTEST", mode], lemma, token.idx, token.idx + len(token.text))
    return _make(token, lexicon["nouns"][lemma], lemma, token.idx, token.idx + len(token.text))


def _labour_strike(token: Token) -> bool:
    """A strike as a walk-out, not an air or missile strike: "went on strike", "a general strike", "a
    four-day strike", "the teachers' strike", "called off the strike", "will not end the strike"."""
    lexicon = lexicons.load("events")
    head = token.head.head if token.head.dep_ == "prep" else token.head
    if head.lemma_.lower() == "go" or (
        token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in lexicon["labour_strike_heads"]
    ):
        return True
    words = set(lexicon["labour_strike_words"])
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


def _absorbed(trigger: Trigger, verb_triggers: set[int]) -> bool:
    """A noun carried by a trigger verb, or a killing or wounding that reports another attack's toll."""
    token = trigger.token
    if token.pos_ != "VERB" and token.head.i in verb_triggers and token.dep_ in ("dobj", "nsubjpass"):
        return True
    return bool(
        trigger.lemma in ("kill", "wound", "injure")
        and token.dep_ in ("advcl", "conj", "xcomp", "acl")
        and token.head.i in verb_triggers | {token.head.i}
        and token.head.lemma_.lower() != trigger.lemma
        and _is_trigger_word(token.head)
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
    return any(
        t.lemma_.lower() in words for c in token.children if c.dep_ in ("prep", "advcl") for t in c.subtree
    )


def _is_trigger_word(token: Token) -> bool:
    lexicon = lexicons.load("events")
    lemma = token.lemma_.lower()
    return lemma in lexicon["verbs"] or lemma in lexicon["nouns"]


def extract_events(facts: ArticleFacts) -> list[Event]:
    """Every event in the article with its actors, place, date, fatalities and evidence."""
    events: list[Event] = []
    partial: dict[int, bool] = {}  # events whose dead are part of a group counted before: kept for them?
    for sentence in facts.doc.sents:
        seen: dict[tuple[str, str | None], int] = {}
        described: set[int] = set()  # events told in a description of a participant
        triggers = find_triggers(list(sentence))
        # "125 people died in police firing": with no attack verb to carry them, the dead make a noun an act
        verb_assault = any(t.type == "ASSAULT" and t.token.pos_ == "VERB" for t in triggers)
        for trigger in triggers:
            event, part = _event(trigger, facts, f"ev-{len(events) + 1}")
            if (
                trigger.token.pos_ != "VERB"
                and event.actor1 is None
                and not _named(event.actor2)
                and (verb_assault or not event.fatalities)
            ):
                # "the incessant fighting has caused…", "a replay of the 1984 massacre of the Sikhs": a
                # background noun, not a reported act
                continue
            key = (event.type, event.actor1.entity_id if event.actor1 else None)
            told = seen.get(key, seen.get((event.type, None)))
            if told is not None:
                # one act told twice in one sentence ("clashes … the fighting"): the one reported, not a
                # description ("the missiles fired by the army struck the depot")
                if told in described and key in seen and not _secondary(trigger.token):
                    events[told] = event.model_copy(update={"id": events[told].id})
                    described.discard(told)
                continue
            seen[key] = len(events)
            if _secondary(trigger.token):
                described.add(len(events))
            if part:
                partial[len(events)] = trigger.token.pos_ != "VERB" and event.actor1 is None
            events.append(event)
    return _without_protest_aims(_without_subset_tolls(events, partial), facts)


def _without_subset_tolls(events: list[Event], partial: dict[int, bool]) -> list[Event]:
    """ "Two of the victims died in hospital" after "the strike killed 16": a part of a group counted
    before is not the toll of an act when a larger toll is known in the article; an act kept only for
    those dead is the earlier one told again and goes."""
    if not partial:
        return events
    largest = max(e.fatalities or 0 for e in events)
    kept = []
    for index, event in enumerate(events):
        if index in partial and (event.fatalities or 0) < largest:
            if partial[index]:
                continue
            event = event.model_copy(update={"fatalities": None})
        kept.append(event)
    return kept


def _without_protest_aims(events: list[Event], facts: ArticleFacts) -> list[Event]:
    """ "Students staged demonstrations to demand reforms": the demand is what the protest is for
    (ONTOLOGY.md 1.2: demands made by marching are PROTEST), not a second act."""
    protests = {e.evidence[0].start for e in events if e.type == "PROTEST"}
    kept = []
    for event in events:
        if event.type == "REQUEST" and event.evidence[0].start in protests:
            span = facts.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            token = span.root if span is not None else None
            if token is not None and token.dep_ in ("advcl", "xcomp") and _purpose(token):
                continue
        kept.append(event)
    return kept


def _purpose(token: Token) -> bool:
    """An infinitive of purpose: "to demand", "in order to demand"."""
    return any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "order") for c in token.children)


def _given_forces(actor: Actor | None, trigger: Token) -> bool:
    """Whether the actor is forces or personnel named as the object handed over by the trigger."""
    sent = ("inspectors", "observers", "monitors")  # personnel sent on a mission, like troops
    if actor is None or not (_forces(actor) or actor.text.lower().endswith(sent)):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return False  # "provided the army with vehicles": the army is who receives
    span = trigger.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "dobj" and span.root.head.i == trigger.i


def _forces(actor: Actor | None) -> bool:
    """Whether an actor is armed or security forces: by its kind or by a force noun in its name
    ("Bangladeshi peacekeeping troops")."""
    if actor is None:
        return False
    kinds = lexicons.load("actors")["head_nouns"]
    force_kinds = ("state_forces", "external_other")
    words = actor.text.lower().split()
    return actor.kind in force_kinds or any(kinds.get(word) in force_kinds for word in words)


def _named(actor: Actor | None) -> bool:
    """An actor that is an entity or a country, not just a noun phrase."""
    return actor is not None and (actor.entity_id is not None or actor.kind == "government")


def _event(trigger: Trigger, facts: ArticleFacts, event_id: str) -> tuple[Event, bool]:
    """The event of a trigger, and whether its dead are part of a group counted before."""
    token = trigger.token
    mutual = trigger.type in MUTUAL_TYPES or trigger.lemma in ("clash", "fight")
    preps = ("with",) if mutual else ("to", "for") if trigger.type in GIVING_TYPES else ()
    physical = trigger.type in ("ASSAULT", "COERCE")
    place_side = trigger.type not in PLACE_NOT_SIDE
    actor1, actor2 = actors(token, facts, mutual, preps, physical, trigger.type == "PROTEST", place_side)
    if actor1 is None and trigger.lemma in ("kill", "wound", "injure"):
        # "two men were killed in police firing": the act they were killed in names who did it
        act = next((t for t in _acts_in(token) if _is_trigger_word(t)), None)
        actor1 = actors(act, facts)[0] if act is not None else None
    if actor2 is not None and trigger.start <= actor2.start < trigger.end:
        actor2 = None  # the object is part of the trigger ("violated the ceasefire", "sent reinforcements")
    if trigger.type == "CONSULT" and trigger.mode == "visit" and _forces(actor1):
        # troops arriving somewhere are deployed, not visiting; peacekeepers arriving are help
        peacekeepers = actor1 is not None and "peacekeep" in actor1.text.lower()
        plover, mode = ("AID", None) if peacekeepers else ("MOBILIZE", "troops")
        trigger = Trigger(token, plover, mode, trigger.lemma, trigger.start, trigger.end)
    freed = trigger.lemma in FREEING
    if (
        trigger.type in ("RETREAT", "MOBILIZE")
        and actor2 is not None
        and actor2.kind in FORCE_KINDS
        and not freed
    ):
        # the forces moved are the actor's own; the side concerned is where they go or leave
        actor2 = moved_to(token, facts)
    elif trigger.type in FORCES_GIVEN_TYPES and not freed and _given_forces(actor2, token):
        # "offered its troops to Lebanon", "will withdraw inspectors from Iraq": the same
        actor2 = moved_to(token, facts)
    if trigger.type == "MOBILIZE" and actor2 is None:
        actor2 = moved_to(token, facts)  # "strengthened its forces in Lebanon"
    if trigger.lemma == DEMAND and actor2 is None:
        actor2 = addressee(token, facts)
    mode = trigger.mode or _mode_from_context(trigger, actor1.text if actor1 else "")
    negated, hypothetical = modality(token)
    announced = hypothetical and _announced(token) and not _under_demand(token)
    if trigger.type in PROMISED_TYPES | {"AGREE", "CONCEDE"} and announced and negated:
        # "will not lift the ban until…", "will not release the soldiers": a refusal
        mode = _REFUSED.get(trigger.type)
        trigger = Trigger(token, "REJECT", mode, trigger.lemma, trigger.start, trigger.end)
    announced = announced and not negated
    if trigger.type in PROMISED_TYPES and announced:
        trigger = Trigger(token, "AGREE", None, trigger.lemma, trigger.start, trigger.end)
        mode = None
    threatened = trigger.type in THREATENED_TYPES or (
        trigger.type == "PROTEST" and mode in THREATENED_PROTESTS
    )
    if threatened and announced:
        trigger = Trigger(token, "THREATEN", None, trigger.lemma, trigger.start, trigger.end)
        mode = _THREAT_MODES.get(mode or "", "restrict")
    acled_event, acled_sub = acled_type(
        trigger.type, mode, trigger.lemma, actor1, actor2, negated, hypothetical
    )
    timex = governing_timex(token, facts)
    date, precision = event_date(timex, facts.published)
    sentence = token.sent
    deaths, part = _deaths(token) if trigger.type == "ASSAULT" else (None, False)
    confidence = 0.6 if token.pos_ == "VERB" else 0.45
    confidence += 0.15 if actor1 is not None else 0.0
    confidence += 0.1 if timex is not None else 0.0
    confidence -= 0.2 if _secondary(token) else 0.0
    event = Event(
        id=event_id,
        type=trigger.type,  # type: ignore[arg-type]
        mode=mode,
        acled_event_type=acled_event,
        acled_sub_event_type=acled_sub,
        trigger=Span(
            start=trigger.start, end=trigger.end, text=doc_text(facts.doc)[trigger.start : trigger.end]
        ),
        actor1=actor1,
        actor2=actor2,
        place_id=place_of(token, facts, material=trigger.type in MATERIAL_TYPES),
        date=date,
        date_precision=precision,
        fatalities=deaths,
        negated=negated,
        hypothetical=hypothetical,
        attributed_to=attribution(token, facts.claims),
        confidence=round(min(confidence, 0.95), 2),
        evidence=[trim_space(facts.doc, sentence.start_char, sentence.end_char)],
    )
    return event, part


def _secondary(token: Token) -> bool:
    """Whether the act is not what the sentence reports but part of another act or of a description:
    what is threatened, asked, agreed or refused ("threatened to shell", "agreed to resign", "demanded
    that Israel ease restrictions"), or a relative or participle clause about a participant ("forces
    backed by warplanes", "a ship it seized")."""
    predicate = predicate_of(token)
    if predicate.dep_ == "relcl" or (predicate.dep_ == "acl" and predicate.tag_ == "VBN"):
        return True
    current = predicate
    for _ in range(2):
        if current.dep_ not in ("xcomp", "ccomp", "acl") or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in ("VERB", "NOUN") and _is_trigger_word(current):
            return True
    return False


def _deaths(token: Token) -> tuple[int | None, bool]:
    """The toll the trigger is the source of ("the toll from the shelling has risen to five after a
    wounded man died": five, not one), else the deaths in its own clause; and whether these are part of
    a group counted before ("two of the victims died")."""
    toll = reported_toll(token)
    return (toll, False) if toll is not None else counted_deaths(token)


def _acts_in(token: Token) -> list[Token]:
    """The nouns or gerunds of "in …" or "during …" attached to a verb."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "during")]
    objects = [o for p in preps for o in p.children if o.dep_ in ("pobj", "pcomp")]
    # "in police firing" parsed as the noun "police" with the participle "firing" hung on it
    return [*objects, *(c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBG")]


def _announced(token: Token) -> bool:
    """Whether the act is said to come ("will release", "is ready to contribute", "could impose"), not
    just something someone can do or tries to do ("have been able to arrest", "tried to free")."""
    attempts = set(lexicons.load("events")["attempt_heads"])
    predicate = predicate_of(token)
    heads = [predicate.head, predicate.head.head] if predicate.dep_ in ("xcomp", "acomp", "acl") else []
    return not any(h.lemma_.lower() in attempts or h.lower_ in attempts for h in heads)


def _under_demand(token: Token) -> bool:
    """Whether a verb up the chain threatens, asks for or refuses the act ("threatened to withdraw")."""
    lexicon = lexicons.load("events")["verbs"]
    for ancestor in list(token.ancestors)[:3]:
        entry = lexicon.get(ancestor.lemma_.lower())
        if entry is not None and entry[0] in _NOT_PROMISES:
            return True
    return False


def _mode_from_context(trigger: Trigger, actor_text: str) -> str | None:
    """The weapon named around an ASSAULT trigger: "Russian artillery renewed attacks" -> heavy-weapons."""
    if trigger.type != "ASSAULT":
        return None
    words = lexicons.load("events")["mode_words"]
    token = trigger.token
    nearby = (
        [*predicate_of(token).subtree] if token.pos_ == "VERB" else [*token.subtree, *token.head.children]
    )
    for word in [*actor_text.lower().split(), *(t.lemma_.lower() for t in nearby)]:
        if word in words:
            return str(words[word])
    return None

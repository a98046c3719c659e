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
from sitrep.extract.event_deaths import fatalities, reported_toll, toll_update
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
PROMISED_TYPES = {"RETREAT", "AID", "COOPERATE", "CONSULT"}
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
        particle = child.dep_ in ("prt", "dobj") or (child.dep_ == "prep" and lemma in ("call", "lash"))
        key = f"{lemma} {child.lower_}"
        if key not in lexicon["phrasal"]:
            key = f"{lemma} {child.lemma_.lower()}"  # "released reports" as "release report"
        if particle and key in lexicon["phrasal"]:
            entry = lexicon["phrasal"][key]
            if entry is None:
                return None
            end = max(token.i, child.i)
            return _make(token, entry, key, token.idx, token.doc[end].idx + len(token.doc[end].text))
    if lemma in lexicon["verbs"]:
        return _make(token, lexicon["verbs"][lemma], lemma, token.idx, token.idx + len(token.text))
    return None


def _noun_trigger(token: Token) -> Trigger | None:
    lexicon = lexicons.load("events")
    lemma = token.lemma_.lower()
    compound = next((c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i == token.i - 1), None)
    for head in (lemma, token.lower_):  # "air strikes" under its lemma, "war games" as written
        if compound is not None and f"{compound.lower_} {head}" in lexicon["nouns"]:
            entry = lexicon["nouns"][f"{compound.lower_} {head}"]
            return _make(token, entry, lemma, compound.idx, token.idx + len(token.text))
    if lemma not in lexicon["nouns"]:
        lemma = token.lower_  # plural-only nouns keep their plural as the key ("talks", "sanctions")
        if lemma not in lexicon["nouns"]:
            return None
    went = token.head.lemma_ == "go" or (token.head.dep_ == "prep" and token.head.head.lemma_ == "go")
    if lemma == "strike" and (went or (compound is not None and compound.lower_ in ("hunger", "general"))):
        mode = "hunger" if compound is not None and compound.lower_ == "hunger" else "strike"
        return _make(token, ["PROTEST", mode], lemma, token.idx, token.idx + len(token.text))
    return _make(token, lexicon["nouns"][lemma], lemma, token.idx, token.idx + len(token.text))


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
    for sentence in facts.doc.sents:
        seen: list[tuple[str, str | None]] = []
        triggers = find_triggers(list(sentence))
        # "125 people died in police firing": with no attack verb to carry them, the dead make a noun an act
        verb_assault = any(t.type == "ASSAULT" and t.token.pos_ == "VERB" for t in triggers)
        for trigger in triggers:
            event = _event(trigger, facts, f"ev-{len(events) + 1}")
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
            if key in seen or (event.type, None) in seen:
                continue  # one act told twice in one sentence ("clashes … the fighting")
            seen.append(key)
            events.append(event)
    return _without_protest_aims(events, facts)


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


def _named(actor: Actor | None) -> bool:
    """An actor that is an entity or a country, not just a noun phrase."""
    return actor is not None and (actor.entity_id is not None or actor.kind == "government")


def _event(trigger: Trigger, facts: ArticleFacts, event_id: str) -> Event:
    token = trigger.token
    mutual = trigger.type in MUTUAL_TYPES or trigger.lemma in ("clash", "fight")
    preps = ("with",) if mutual else ("to", "for") if trigger.type in GIVING_TYPES else ()
    physical = trigger.type in ("ASSAULT", "COERCE")
    actor1, actor2 = actors(token, facts, mutual, preps, physical, crowd=trigger.type == "PROTEST")
    if actor1 is None and trigger.lemma in ("kill", "wound", "injure"):
        # "two men were killed in police firing": the act they were killed in names who did it
        act = next((t for t in _acts_in(token) if _is_trigger_word(t)), None)
        actor1 = actors(act, facts)[0] if act is not None else None
    if trigger.type in ("RETREAT", "MOBILIZE") and actor2 is not None and actor2.kind in FORCE_KINDS:
        # the forces moved are the actor's own; the side concerned is where they go or leave
        actor2 = moved_to(token, facts)
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
    timex = governing_timex(token, facts, toll_update(token))
    date, precision = event_date(timex, facts.published)
    sentence = token.sent
    confidence = 0.6 if token.pos_ == "VERB" else 0.45
    confidence += 0.15 if actor1 is not None else 0.0
    confidence += 0.1 if timex is not None else 0.0
    return Event(
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
        fatalities=_deaths(token) if trigger.type == "ASSAULT" else None,
        negated=negated,
        hypothetical=hypothetical,
        attributed_to=attribution(token, facts.claims),
        confidence=round(min(confidence, 0.95), 2),
        evidence=[trim_space(facts.doc, sentence.start_char, sentence.end_char)],
    )


def _deaths(token: Token) -> int | None:
    """The toll the trigger is the source of ("the toll from the shelling has risen to five after a
    wounded man died": five, not one), else the deaths in its own clause."""
    toll = reported_toll(token)
    return toll if toll is not None else fatalities(token)


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

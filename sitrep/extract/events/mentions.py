"""Event mentions: one per trigger (`triggers`), typed by PLOVER and ACLED, with actors (`roles`),
place, date and modality (`setting`), fatalities (`deaths`) and what the mention is (`status`).

A noun carried by a trigger verb belongs to that verb's event, and "killing three civilians" after
"shelled" is the shelling's death toll, not a second event. Of several acts in a sentence, the one
reported ranks above what it threatens, asks or refuses and above descriptions of its participants.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Token

from sitrep import lexicons
from sitrep.extract.claims import trim_space
from sitrep.extract.datelines import in_dateline
from sitrep.extract.events.acled import acled_type
from sitrep.extract.events.deaths import counted_deaths, reported_toll, toll_update
from sitrep.extract.events.means import Means, means_of
from sitrep.extract.events.roles import (
    ArticleFacts,
    accused_of,
    actors,
    addressee,
    clause_head,
    force_free_target,
    moved_to,
    predicate_of,
    told_of,
    victims_actor,
)
from sitrep.extract.events.setting import (
    attribution,
    governing_timex,
    modality,
    phrase_timex,
    place_of,
    set_later,
    spoken_today,
)
from sitrep.extract.events.status import framing_timex, made_to_happen, mention_status, told_in_past
from sitrep.extract.events.triggers import DEMAND, Trigger, find_triggers, is_trigger_word
from sitrep.extract.mentions import doc_text
from sitrep.extract.timexes import event_date
from sitrep.model import Actor, Event, Span

# Acts that happen somewhere; verbal events (accusations, demands) only get a place stated for them.
# Acts two sides do together: both are named as joined subjects ("Jordan and Britain agreed").
MUTUAL_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
# Acts done for or to someone, who is named with "to" or "for" ("provided training to AMISOM",
# "returned the paintings to Brazil", "issued an ultimatum to Damascus").
GIVING_TYPES = {"AID", "SUPPORT", "AGREE", "CONCEDE", "REQUEST", "RETREAT", "THREATEN"}
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
FORCE_KINDS = {"state_forces", "rebel_group", "external_other"}
# Acts that hand over what they name as object: forces named there are the actor's own
FORCES_GIVEN_TYPES = {"AID", "AGREE", "CONCEDE", "RETREAT"}
FREEING = {"release", "free", "exchange"}  # troops released are captives, the side acted on
# Acts whose place is where they happen, never a side (the place stage gives it)
PLACE_NOT_SIDE = {"ASSAULT", "PROTEST", "MOBILIZE"}
_VAC = "Violence against civilians"
_WEAPON_MODES = ("aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "unconventional")
TERRITORY_SUB_EVENTS = ("Government regains territory", "Non-state actor overtakes territory")
MATERIAL_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID", "COOPERATE"}


def find_mentions(facts: ArticleFacts) -> list[Event]:
    """Every mention of an act in the article with its actors, place, date, fatalities and evidence."""
    events: list[Event] = []
    partial: dict[int, bool] = {}  # events whose dead are part of a group counted before: kept for them?
    for sentence in facts.doc.sents:
        seen: dict[tuple[str, str | None], int] = {}
        described: set[int] = set()  # events told in a description of a participant
        triggers = find_triggers(list(sentence))
        # "125 people died in police firing": with no attack verb to carry them, the dead make a noun an act
        verb_assault = any(t.type == "ASSAULT" and t.token.pos_ == "VERB" for t in triggers)
        for trigger in triggers:
            aimed = force_free_target(trigger.token) if trigger.type == "ASSAULT" else None
            if aimed == "measure":
                continue  # "attacked the budget plan", "hit Canada with a new levy": no force used
            if aimed == "digital":
                trigger = replace(trigger, type="COERCE", mode="cyber")
            if _occasion_of(trigger.token, triggers):
                continue  # "kidnapped during an overnight raid": the raid is the kidnapping's occasion
            event, part = _event(trigger, facts, f"ev-{len(events) + 1}")
            if (
                trigger.token.pos_ != "VERB"
                and event.actor1 is None
                and not _named(event.actor2)
                and (verb_assault or not event.fatalities)
                and not told_of(trigger.token)
                and not made_to_happen(trigger.token)
                and event.date_precision != 1
            ):
                # "the incessant fighting has caused…", "a replay of the 1984 massacre of the Sikhs": a
                # background noun, not a reported act, unless it has a day of its own ("came under
                # attack on Tuesday")
                continue
            kind = _kind_of_act(event)
            key = (kind, event.actor1.entity_id if event.actor1 else None)
            told = seen.get(key, seen.get((kind, None)))
            if told is None and trigger.type == "PROTEST" and key[1] is None:
                # "during a demonstration by the union, after projectiles were thrown at police": the
                # crowd's violence told with no side of its own is the demonstration's
                told = next((i for (k, _), i in seen.items() if k == kind), None)
            own = clause_head(predicate_of(trigger.token))
            if own.dep_ == "conj" and set_later(own):
                told = None  # "laid siege to a school and later killed 20 villagers": an act of its own
            if told is not None:
                # one act told twice in one sentence ("clashes … the fighting"): the one reported, not a
                # description ("the missiles fired by the army struck the depot")
                earlier = events[told]
                if told in described and key in seen and key[1] is not None and not _secondary(trigger.token):
                    events[told] = event.model_copy(update={"id": earlier.id})
                    described.discard(told)
                elif (
                    earlier.actor1 is None and event.actor1 is not None and not _secondary(trigger.token)
                ) or _names_whom_it_hit(event, earlier):
                    # the report that names who acted, or whom it hit ("a military operation … killed 30
                    # terrorists"), with the dead the other one counted
                    dead = event.fatalities if event.fatalities is not None else earlier.fatalities
                    events[told] = event.model_copy(update={"id": earlier.id, "fatalities": dead})
                events[told] = _with_more_dead(_turned_violent(events[told], event), event, trigger.token)
                continue
            seen[key] = len(events)
            if _secondary(trigger.token):
                described.add(len(events))
            if part:
                partial[len(events)] = trigger.token.pos_ != "VERB" and event.actor1 is None
            events.append(event)
    events = _harmed_after_taken(_without_protest_aims(_without_subset_tolls(events, partial), facts), facts)
    return _told_in_background(events, facts)


def _kind_of_act(event: Event) -> str:
    """What makes two mentions in a sentence one act: their PLOVER type, except that a hostage-taking
    beside an attack ("blew up the tracks and took 100 passengers hostage"), ground taken in a fight
    ("clashing with insurgents and capturing a village") and weapons seized in a raid ("raided a house
    and seized 40 rifles") are acts of their own, which ACLED codes apart; so are a ceasefire and a
    release of prisoners under it."""
    if event.mode == "abduct" or event.type == "RETREAT":
        return f"{event.type}:{event.mode}"
    if event.acled_sub_event_type in TERRITORY_SUB_EVENTS:
        return f"{event.type}:territory"
    if event.acled_sub_event_type == "Disrupted weapons use":
        return f"{event.type}:weapons"
    if event.type == "COERCE" and event.acled_event_type is None:
        return f"{event.type}:search"  # "raided a house and arrested three": the arrest is what is coded
    return event.type


def _told_in_background(events: list[Event], facts: ArticleFacts) -> list[Event]:
    """A story told about the past goes on in the sentences after its date: "Relations soured in 2010
    after Israeli commandos stormed the Mavi Marmara. Nine activists aboard were killed." An undated
    incident in the sentence right after a background mention, in the same paragraph, is background too,
    with that date."""
    text = doc_text(facts.doc)
    out: list[Event] = []
    before: Event | None = None  # the last background mention
    for event in events:
        if (
            before is not None
            and event.status == "incident"
            and event.date == facts.published
            and event.date_precision == 2
            and _next_sentence(before.evidence[0], event.evidence[0], text)
            and not _speaks_of_now(event.evidence[0], facts)
        ):
            event = event.model_copy(
                update={"status": "background", "date": before.date, "date_precision": before.date_precision}
            )
        if event.status == "background":
            before = event
        out.append(event)
    return out


def _speaks_of_now(sentence: Span, facts: ArticleFacts) -> bool:
    """A sentence with a time of its own near the publication day ("hours after ending this week's
    siege") has come back to the news: it does not go on with the story of the past."""
    published = facts.published
    for timex in facts.timexes:
        if sentence.start <= timex.start < sentence.end and timex.value and timex.value[:4].isdigit():
            year = int(timex.value[:4])
            month = int(timex.value[5:7]) if timex.value[5:7].isdigit() else published.month
            if abs((year - published.year) * 12 + month - published.month) <= 1:
                return True
    return False


def _next_sentence(first: Span, second: Span, text: str) -> bool:
    """Whether `second` is the sentence right after `first` (or the same), with no paragraph break."""
    if second.start < first.end:
        return second.start == first.start
    gap = text[first.end : second.start]
    return not gap.strip() and "\n\n" not in gap


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


def _with_more_dead(kept: Event, other: Event, token: Token) -> Event:
    """Two counts of dead told apart in one sentence add up: "two soldiers were killed, and five
    attackers were also killed" (seven), not when one may hold the other ("20 people, including
    12 soldiers")."""
    deaths = lexicons.load("events")["fatality_words"]
    if kept.fatalities is None or other.fatalities is None or kept.type != "ASSAULT":
        return kept
    if token.lemma_.lower() not in deaths:
        return kept  # "killed in a gun battle": the battle's dead are the killing's
    also = any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in token.children)
    kinds = {a.kind for a in (kept.actor2, other.actor2) if a is not None}
    apart = kept.actor2 is not None and other.actor2 is not None and None not in kinds and len(kinds) == 2
    if not (also or apart):
        return kept
    return kept.model_copy(update={"fatalities": kept.fatalities + other.fatalities})


def _names_whom_it_hit(event: Event, earlier: Event) -> bool:
    """One attack told twice by one doer, first with no target, then with a side it hit."""
    return (
        event.type == earlier.type == "ASSAULT"
        and earlier.actor2 is None
        and event.actor2 is not None
        and event.actor2.kind is not None
        and (
            event.actor1 is None
            or earlier.actor1 is None
            or event.actor1.entity_id == earlier.actor1.entity_id
        )
    )


def _turned_violent(protest: Event, other: Event) -> Event:
    """A demonstration told in one sentence with its crowd's violence ("marched on the border and pelted
    the soldiers with stones") is one violent demonstration (ACLED: a demonstration turns violent when
    its participants use violence), however the sentence names it first."""
    if protest.type != "PROTEST" or protest.acled_event_type != "Protests":
        return protest
    if other.type != "PROTEST" or other.acled_event_type != "Riots":
        return protest
    return protest.model_copy(
        update={
            "mode": other.mode,
            "acled_event_type": other.acled_event_type,
            "acled_sub_event_type": other.acled_sub_event_type,
        }
    )


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


def _harmed_after_taken(events: list[Event], facts: ArticleFacts) -> list[Event]:
    """ "Abducted and raped", "kidnapped and killed": ACLED codes an abduction as such only without
    further reported harm, so an abduction joined to a harm done to the same victims takes the harm's
    sub-event type."""
    fatality_words = set(lexicons.load("events")["fatality_words"])
    harms = {}
    for event in events:
        if event.acled_event_type == _VAC and event.mode != "abduct":
            token = _trigger_token(event, facts)
            if token is not None:
                harms[token.i] = event
    out = []
    for event in events:
        token = _trigger_token(event, facts) if event.mode == "abduct" else None
        joined = list(token.conjuncts) if token is not None and token.pos_ == "VERB" else []
        harm = next((harms[c.i].acled_sub_event_type for c in joined if c.i in harms), None)
        killed = any(c.lemma_.lower() in fatality_words for c in joined)
        harm = harm or ("Attack" if killed else None)
        if harm is not None and event.acled_event_type == _VAC:
            event = event.model_copy(update={"acled_sub_event_type": harm})
        out.append(event)
    return out


def _trigger_token(event: Event, facts: ArticleFacts) -> Token | None:
    span = facts.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


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
    return _object_of(actor, trigger)


def _object_of(actor: Actor | None, trigger: Token) -> bool:
    """Whether the actor lies in the trigger's object ("withdrew some of its troops", "the withdrawal of
    forces"), not elsewhere ("a ceasefire with the Taliban")."""
    if actor is None:
        return False
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    return any(
        o.left_edge.idx <= actor.start and actor.end <= o.right_edge.idx + len(o.right_edge.text)
        for o in objects
    )


def _forces(actor: Actor | None) -> bool:
    """Whether an actor is armed or security forces: by its kind or by a force noun in its name
    ("Bangladeshi peacekeeping troops")."""
    if actor is None:
        return False
    kinds = lexicons.load("actors")["head_nouns"]
    force_kinds = ("state_forces", "external_other")
    words = actor.text.lower().split()
    return actor.kind in force_kinds or any(kinds.get(word) in force_kinds for word in words)


def _quarrel(trigger: Trigger, actor1: Actor | None, actor2: Actor | None, facts: ArticleFacts) -> bool:
    """A fight word whose two sides are single named people: a row between them, not armed combat."""
    if trigger.lemma not in lexicons.load("events")["battle_words"] or actor1 is None or actor2 is None:
        return False
    return all(_a_person(actor, facts) for actor in (actor1, actor2))


def _a_person(actor: Actor, facts: ArticleFacts) -> bool:
    entity = facts.entities.get(actor.entity_id or "")
    return entity is not None and entity.type == "PERSON"


def _named(actor: Actor | None) -> bool:
    """An actor that is an entity or a country, not just a noun phrase."""
    return actor is not None and (actor.entity_id is not None or actor.kind == "government")


def _event(trigger: Trigger, facts: ArticleFacts, event_id: str) -> tuple[Event, bool]:
    """The event of a trigger, and whether its dead are part of a group counted before."""
    token = trigger.token
    # "Gaddafi and Zhivkov signed a treaty": a signature of two is mutual like a fight
    mutual = trigger.type in MUTUAL_TYPES or trigger.lemma in ("clash", "fight", "sign")
    preps = ("with",) if mutual else ("to", "for") if trigger.type in GIVING_TYPES else ()
    physical = trigger.type in ("ASSAULT", "COERCE")
    # a town visited is the host; where two sides meet is only the venue
    place_side = trigger.type not in PLACE_NOT_SIDE and not (mutual and trigger.mode != "visit")
    actor1, actor2 = actors(token, facts, mutual, preps, physical, trigger.type == "PROTEST", place_side)
    if actor1 is not None and _counts_the_toll(token, actor1):
        actor1 = None  # "officials put the toll from the attack at 31": they count, not attack
    if actor1 is None and trigger.lemma in ("kill", "wound", "injure"):
        # "two men were killed in police firing": the act they were killed in names who did it
        act = next((t for t in _acts_in(token) if is_trigger_word(t)), None)
        actor1 = actors(act, facts)[0] if act is not None else None
    if (
        actor2 is not None
        and trigger.start <= actor2.start < trigger.end
        and actor2.kind in (None, "government")
    ):
        # the object is part of the trigger ("violated the ceasefire"), unless people ("accepted refugees")
        actor2 = None
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
        and _object_of(actor2, token)
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
    if trigger.type == "ASSAULT" and _quarrel(trigger, actor1, actor2, facts):
        # "the Oval Office clash between Zelenskyy and Trump": two people's words, not a fight
        trigger = Trigger(token, "ACCUSE", "disapprove", trigger.lemma, trigger.start, trigger.end)
    trigger = _reversed(trigger)
    means = means_of(trigger.type, token, trigger.mode, actor1.text if actor1 else "")
    mode = means.mode
    negated, hypothetical = modality(token)
    announced = hypothetical and _announced(token) and not _under_demand(token)
    if trigger.type in PROMISED_TYPES | {"AGREE", "CONCEDE"} and announced and negated:
        # "will not lift the ban until…", "will not release the soldiers": a refusal
        mode = _REFUSED.get(trigger.type)
        means = Means(mode)
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
    acled_event, acled_sub = acled_type(trigger.type, mode, trigger.lemma, actor1, actor2, negated, means)
    timex = phrase_timex(token, facts) or governing_timex(token, facts, toll_update(token))
    date, precision = event_date(timex, facts.published)
    if timex is not None and precision == 1 and spoken_today(timex, facts):
        precision = 2  # "'Today the leader of ISIS was killed,' Trump wrote": the day it was said
    if timex is not None and date > facts.published and _yearless(timex.text) and told_in_past(token):
        date = _a_year_before(date)  # "attacked on 17 January", told on 1 January: last January
    status = mention_status(token, facts, timex, date, precision, negated, hypothetical)
    if status == "background" and timex is None:
        # told within an older time ("in 2010 after commandos stormed the ship"): that time is its date
        framing = framing_timex(token, facts)
        date, precision = event_date(framing, facts.published) if framing else (date, precision)
    sentence = token.sent
    deaths, part = _deaths(token) if trigger.type == "ASSAULT" else (None, False)
    if trigger.type == "ASSAULT" and actor2 is None and deaths:
        # "21 passengers died in the attack by the BLA": the dead are who it was done to
        actor2 = victims_actor(token, facts)
        acled_event, acled_sub = acled_type(trigger.type, mode, trigger.lemma, actor1, actor2, negated, means)
    confidence = 0.6 if token.pos_ == "VERB" else 0.45
    confidence += 0.15 if actor1 is not None else 0.0
    confidence += 0.1 if timex is not None else 0.0
    confidence -= 0.2 if _secondary(token) else 0.0
    # an act someone is accused of is alleged, and a sentence telling it is about the accusation
    confidence -= 0.15 if token.dep_ == "pcomp" and accused_of(token) is not None else 0.0
    # a habit, a count or a plan coded as ACLED would code an incident tells no one act
    confidence -= 0.05 if status != "incident" and acled_event else 0.0
    # an attack whose weapon is named is told more fully than one that is not
    confidence += 0.05 if trigger.type == "ASSAULT" and mode in _WEAPON_MODES else 0.0
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
        status=status,
        attributed_to=attribution(token, facts.claims),
        confidence=round(min(confidence, 0.95), 2),
        evidence=[trim_space(facts.doc, sentence.start_char, sentence.end_char)],
    )
    return event, part


def _reversed(trigger: Trigger) -> Trigger:
    """Help, cooperation or mediation that is ended, cut or suspended is a reduction of relations
    (ONTOLOGY.md 1.2, SANCTION): "ended mediation efforts", "reduced military aid"; a meeting or visit
    called off is a refusal to meet (REJECT)."""
    token = trigger.token
    if token.pos_ == "VERB" or trigger.type not in ("AID", "COOPERATE", "CONSULT"):
        return trigger
    carrier = predicate_of(token)
    if carrier.i == token.i or carrier.lemma_.lower() not in lexicons.load("events")["reversal_verbs"]:
        return trigger
    if trigger.type == "CONSULT" and trigger.mode != "third-party":
        plover, mode = "REJECT", "meet"
    else:
        plover, mode = "SANCTION", "withdraw" if trigger.type == "CONSULT" else "discontinue"
    return Trigger(token, plover, mode, trigger.lemma, trigger.start, trigger.end)


def _secondary(token: Token) -> bool:
    """Whether the act is not what the sentence reports but part of another act or of a description:
    what is threatened, asked, agreed or refused ("threatened to shell", "agreed to resign", "demanded
    that Israel ease restrictions"), or a relative or participle clause about a participant ("forces
    backed by warplanes", "a ship it seized")."""
    predicate = predicate_of(token)
    if in_dateline(predicate.head):
        return False  # "NEW DELHI: Farmers have blocked roads", parsed as a clause on the dateline
    if predicate.dep_ == "relcl" or (predicate.dep_ == "acl" and predicate.tag_ == "VBN"):
        return True
    current = predicate
    for _ in range(2):
        if current.dep_ not in ("xcomp", "ccomp", "acl") or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in ("VERB", "NOUN") and is_trigger_word(current):
            return True
    return False


def _occasion_of(noun: Token, triggers: list[Trigger]) -> bool:
    """An act noun that people were taken during ("were kidnapped during an overnight raid", "were
    arrested in a raid on the camp"): one incident, coded as the taking the verb tells. (A killing "in
    clashes" keeps the clash, which names the sides.)"""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in ("during", "in"):
        return False
    verb = noun.head.head
    return verb.pos_ == "VERB" and any(
        t.token.i == verb.i and (t.mode == "abduct" or t.mode == "arrest") for t in triggers
    )


def _counts_the_toll(trigger: Token, actor: Actor) -> bool:
    """Whether the actor is the subject of a toll update the trigger is the source of."""
    counter = toll_update(trigger)
    subject = next((c for c in counter.children if c.dep_ == "nsubj"), None) if counter is not None else None
    if subject is None:
        return False
    return subject.left_edge.idx <= actor.start < subject.right_edge.idx + len(subject.right_edge)


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


def _yearless(text: str) -> bool:
    """A date named without its year ("17 January", "Tuesday"), whose year the reader supplies."""
    return not any(part.isdigit() and len(part) == 4 for part in text.replace(",", " ").split())


def _a_year_before(date: dt.date) -> dt.date:
    try:
        return date.replace(year=date.year - 1)
    except ValueError:  # 29 February
        return date.replace(year=date.year - 1, day=28)

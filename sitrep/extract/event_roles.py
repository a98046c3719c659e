"""The parts of an event around its trigger: actors, place, governing date and modality; the dead are
counted in `event_deaths`.

All of them are found through the dependency parse, not by proximity: a date or a place in the same
sentence may belong to another clause (a past promise, someone's earlier career).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep import lexicons
from sitrep.extract.coref import antecedent
from sitrep.extract.mentions import MentionIndex, trim
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
) -> tuple[Actor | None, Actor | None]:
    """Who acted and who was acted on: subject/agent, then object/passive subject/prepositional target;
    in a mutual act ("Jordan and Britain agreed", "clashed") the second of two joined subjects."""
    predicate = predicate_of(trigger)
    subject = _child(predicate, _SUBJECTS) or _child(trigger, _SUBJECTS) or _agent(predicate)
    if subject is None and predicate.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp"):
        subject = _child(predicate.head, _SUBJECTS) or _child(predicate.head, ("dobj",))
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
    for _ in range(4):
        # "Norway is willing to send material to help defend Saudi Arabia": up the chain of controls
        if (
            subject is not None
            or controller.dep_ not in ("xcomp", "acomp", "advcl")
            or controller.head.i == controller.i
        ):
            break
        controller = controller.head
        subject = _child(controller, _SUBJECTS)
    if subject is None and trigger.pos_ == "NOUN":
        subject = next(
            (c for c in trigger.lefts if c.dep_ in ("poss", "amod", "compound") and _is_actor(c, facts)), None
        )
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
        passive_subject = _child(trigger, ("nsubjpass",))
        if (
            target is None
            and passive_subject is not None
            and (subject is None or passive_subject.i != subject.i)
        ):
            target = passive_subject
    target = (
        target or _prep_object(trigger, _TARGET_PREPS) or _prep_object(predicate, ("on", "against", "at"))
    )
    # a subject borrowed from a joined clause is named, not guessed from what it owns ("Its population
    # has fallen, and the town is shelled")
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
        second = None
    return first, second


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
    if counted is not None and (token.like_num or token.lower_ in VAGUE):
        token = counted  # "deported dozens of nationals": the counted are the side
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in _NOT_ACTORS or token.like_num:
        return None
    if token.lower_ in lexicons.load("events")["place_nouns"]:
        return None  # "shelled the town": where it happened, which the place stage gives
    parties = lexicons.load("events")["party_nouns"]
    if not (
        any_noun
        or token.pos_ == "PROPN"
        or token.lower_ in parties
        or token.lower_ in lexicons.load("actors")["head_nouns"]
    ):
        return None
    start = token.left_edge
    while start.i < token.i and (start.is_punct or start.dep_ in ("det", "predet", "cc")):
        start = token.doc[start.i + 1]
    kind = lexicons.load("actors")["head_nouns"].get(token.lower_)
    end = token.idx + len(token.text)
    return Actor(start=start.idx, end=end, text=token.doc.text[start.idx : end], kind=kind)


def moved_to(trigger: Token, facts: ArticleFacts) -> Actor | None:
    """Where forces are sent or pulled from, as the side concerned: "withdrew its troops from Syria",
    "is sending troops to South Sudan"."""
    predicate = predicate_of(trigger)
    for carrier in (trigger, predicate):
        found = _prep_object(carrier, ("from", "to", "into", "in"))
        if found is not None:
            return _actor(found, facts) or _phrase_actor(found)
    return None


def addressee(speech: Token, facts: ArticleFacts) -> Actor | None:
    """Who is told what they must do: the subject of the reported clause ("said Libya must hand over")."""
    clause = _child(speech, ("ccomp",))
    subject = _child(clause, _SUBJECTS) if clause is not None else None
    return _actor(subject, facts) if subject is not None else None


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _agent(token: Token) -> Token | None:
    """The "by X" of a passive verb."""
    by = next((c for c in token.children if c.dep_ == "agent"), None)
    return _child(by, ("pobj",)) if by is not None else None


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
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
            return found
    return None


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


def place_of(trigger: Token, facts: ArticleFacts, material: bool = True) -> str | None:
    """Where it happened: a place attached to the trigger's clause, else (for material acts) one in its
    sentence, else the last named town when the sentence says "the town" or "the city".

    Where victims died or were taken afterwards is not where it happened: "died in hospital in Kharkiv
    after the attack" names no place of the attack, and "shelled Kupiansk, and the wounded were taken to
    a hospital in Kharkiv" keeps Kupiansk."""
    sentence = trigger.sent
    doc = trigger.doc
    roots = {
        m: _root_at(doc, m.start, m.end)
        for m in facts.place_mentions.within(sentence.start_char, sentence.end_char)
    }
    if _back_reference(trigger):
        own = [m for m, root in roots.items() if root.i != trigger.i and trigger in root.ancestors]
        return min(own, key=lambda m: (_precision(facts, m.item_id), m.start)).item_id if own else None
    predicate = predicate_of(trigger)
    in_sentence = [
        m for m, root in roots.items() if not _in_side_clause(root) and not _aftermath(root, predicate)
    ]
    heads = _clause_chain(trigger)
    attached = [m for m in in_sentence if _governed(roots[m], heads)]
    if not material:
        in_sentence = []
    for group in (attached, in_sentence):
        if group:
            return min(group, key=lambda m: (_precision(facts, m.item_id), m.start)).item_id
    if material and any(t.lower_ in ("town", "city", "village") for t in sentence):
        earlier = [
            m
            for m in facts.place_mentions.within(0, sentence.start_char)
            if _precision(facts, m.item_id) == 1
        ]
        if earlier:
            return earlier[-1].item_id
    return None


def _back_reference(trigger: Token) -> bool:
    """A noun after "after" or "since" ("died after the attack") points back to an event
    told elsewhere: the clause around it is about something else, so only the noun's own phrase ("after
    the attack on Kupiansk") says where."""
    return (
        trigger.pos_ != "VERB"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in lexicons.load("events")["back_reference_words"]
    )


def _aftermath(root: Token, predicate: Token) -> bool:
    """A place in another clause about care or transport of the victims ("were taken to a hospital in
    Kharkiv", "died in hospital in Kharkiv"): where they went, not where the event happened. A hospital
    the event itself hit ("struck a hospital in Kharkiv") is in the event's own clause and stays."""
    clause = clause_head(root)
    if clause.i == predicate.i:
        return False
    events = lexicons.load("events")
    if clause.lemma_.lower() in events["aftermath_verbs"]:
        return True
    nouns = set(events["aftermath_nouns"])
    return any(
        child.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() in nouns for o in child.children)
        for child in clause.children
    ) or any(a.lemma_.lower() in nouns and a.dep_ == "pobj" for a in root.ancestors if a.i != clause.i)


def _root_at(doc: Doc, start: int, end: int) -> Token:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else doc[0]


def _clause_chain(trigger: Token) -> set[int]:
    """The trigger's clause and the clauses that control it ("ordered … to send": both)."""
    own = clause_head(predicate_of(trigger))
    heads = {own.i, trigger.i}
    while own.dep_ in ("xcomp", "conj") and own.head.i != own.i:
        own = clause_head(own.head)
        heads.add(own.i)
    return heads


def _governed(token: Token, heads: set[int]) -> bool:
    """Whether a token belongs to one of these clauses, directly or through an infinitive or adverbial
    clause below them ("advanced its offensive to take over the town of Bakhmut")."""
    current = clause_head(token)
    for _ in range(4):
        if current.i in heads:
            return True
        if current.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "acl") or current.head.i == current.i:
            return False
        current = clause_head(current.head)
    return False


def _in_side_clause(token: Token) -> bool:
    """Inside a relative clause or apposition: background about someone, not the event's setting."""
    return any(a.dep_ in ("relcl", "appos") for a in token.ancestors)


def _precision(facts: ArticleFacts, place_id: str) -> int:
    return facts.places[place_id].precision or 3


def governing_timex(trigger: Token, facts: ArticleFacts, toll_update: Token | None = None) -> Timex | None:
    """The time expression attached to the trigger's own clause, not just any in the sentence. When the
    trigger is the source of a toll update (`toll_update`, its verb), a date on that verb dates the new
    count ("the toll from the attack rose to 12 on Friday"), so only one inside the trigger's own phrase
    ("the toll from Sunday's strike") dates the act."""
    sentence = trigger.sent
    # "ordered the army to send reinforcements on Monday": a controlled verb shares its governor's date
    heads = _clause_chain(trigger)
    doc = trigger.doc
    for timex in facts.timexes:
        if not (sentence.start_char <= timex.start < sentence.end_char) or timex.value is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or clause_head(span.root).i not in heads:
            continue
        if toll_update is not None and not _within(span.root, trigger):
            continue
        return timex
    return None


def _within(token: Token, phrase_head: Token) -> bool:
    return token.i == phrase_head.i or any(a.i == phrase_head.i for a in token.ancestors)


def modality(trigger: Token) -> tuple[bool, bool]:
    """(negated, hypothetical): "did not attack", "denied attacking"; "plans to", "would", "if"."""
    events = lexicons.load("events")
    hypothetical_heads = set(events["hypothetical_heads"])
    negating = set(events["negating_heads"])
    predicate = predicate_of(trigger)
    negated = any(c.dep_ == "neg" for c in (*trigger.children, *predicate.children))
    hypothetical = any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "shall")
        for c in predicate.children
    ) or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in predicate.children)
    head = predicate.head
    hops = 0
    while (
        head.i != predicate.i
        and hops < 3
        and predicate.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "pobj", "advcl")
    ):
        lemma = head.lemma_.lower()
        if lemma in negating:
            negated = True
        if lemma in hypothetical_heads:
            hypothetical = True
        predicate, head, hops = head, head.head, hops + 1
    return negated, hypothetical


def attribution(trigger: Token, claims: list[Claim]) -> str | None:
    """The claim whose content holds the trigger: the event is reported through someone's words."""
    for claim in claims:
        if claim.content.start <= trigger.idx < claim.content.end:
            return claim.id
    return None


def phrase_text(token: Token) -> str:
    return trim(token.doc[token.left_edge.i : token.i + 1]).text

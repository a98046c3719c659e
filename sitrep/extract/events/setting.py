"""Where and when an event happened and how it is told: its place, its governing date, its modality
(negated, hypothetical) and the claim it is reported through.

All of them are found through the dependency parse, not by proximity: a date or a place in the same
sentence may belong to another clause (a past promise, someone's earlier career).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sitrep import lexicons
from sitrep.extract.datelines import in_dateline
from sitrep.extract.events.roles import ArticleFacts, belongs_to_noun, clause_head, predicate_of, told_of
from sitrep.extract.mentions import doc_text
from sitrep.model import Claim, Timex, is_district


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
        return min(own, key=lambda m: (_specificity(facts, m.item_id), m.start)).item_id if own else None
    predicate = predicate_of(trigger)
    heads = _clause_chain(trigger)
    countries = {m for m in roots if facts.places[m.item_id].feature == "country"}
    in_sentence = [
        m
        for m, root in roots.items()
        if not _in_side_clause(root, trigger)
        and not _aftermath(root, predicate)
        and not (m in countries and (_beyond_border(root) or _side_elsewhere(root, heads)))
        and not _journey_end(root)
        and not _patron(doc, m.end)
    ]
    # a country owning the act, or the dateline the story was filed from where a phrase names another
    # place ("ISLAMABAD — Militants attacked a police station in Peshawar")
    located = any(roots[m].dep_ == "pobj" and not in_dateline(roots[m]) for m in in_sentence)
    owners = [
        m
        for m in in_sentence
        if (m in countries and _whose_act(roots[m], trigger, predicate))
        or (located and in_dateline(roots[m]))
    ]
    if len(owners) < len(in_sentence):
        in_sentence = [m for m in in_sentence if m not in owners]
    attached = [m for m in in_sentence if _governed(roots[m], heads)]
    clause = clause_head(predicate)
    if clause.dep_ == "conj" and set_later(clause):
        # "laid siege to a hotel in Beledweyne and later killed 50 militants": the earlier act's place
        in_sentence = [m for m in in_sentence if not _governed(roots[m], {clause.head.i})]
    if not material:
        in_sentence = []
    for group in (attached, in_sentence):
        if group:
            return min(group, key=lambda m: (_specificity(facts, m.item_id), m.start)).item_id
    if material and any(t.lower_ in ("town", "city", "village") for t in sentence):
        earlier = [
            m
            for m in facts.place_mentions.within(0, sentence.start_char)
            if _precision(facts, m.item_id) == 1
        ]
        if earlier:
            return earlier[-1].item_id
    return None


def _patron(doc: Doc, end: int) -> bool:
    """A place name made into a participle adjective ("US-backed warplanes", "Iran-made drones",
    "Kenya-based militants") tells who backs, made or hosts a side, not where the act happened."""
    if doc_text(doc)[end : end + 1] != "-":
        return False
    hyphen = doc.char_span(end, end + 1, alignment_mode="expand")
    if hyphen is None or hyphen.end >= len(doc):
        return False
    participle = doc[hyphen.end] if hyphen.text == "-" else hyphen.root
    return participle.tag_ in ("VBN", "VBD") or participle.lower_.endswith("ed")


def _side_elsewhere(root: Token, heads: set[int]) -> bool:
    """A country named as the subject or object of a verb outside the act's clauses ("Pakistan blamed
    Afghanistan for the attack") is a side of that other act, not where this one happened; a town so
    named is mostly where ("regained Marka after the forces withdrew")."""
    return root.dep_ in ("nsubj", "dobj") and root.head.pos_ == "VERB" and root.head.i not in heads


def _whose_act(root: Token, trigger: Token, predicate: Token) -> bool:
    """A country naming whose act it was ("a U.S. drone strike", "Russia's attack", "Israel's army
    shelled …", "Russia attacked Ukraine") tells a side: where another place is named, that one is
    where the act happened."""
    subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
    if root.dep_ == "nsubj" and root.head.i == predicate.i:
        return True  # "Russia attacked Ukraine": the attacker
    return root.dep_ in ("compound", "poss", "nmod") and root.head in (trigger, *subjects)


def _beyond_border(root: Token) -> bool:
    """A country named as what lies across a border ("near the Cameroon border", "its border with
    Ethiopia") is where the act did not happen."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "with" and head.i > 0:
        head = head.doc[head.i - 1]  # "the border with X", however the parser attaches "with X"
    return root.dep_ in ("compound", "pobj") and head.lemma_.lower() in _BORDER_NOUNS


_END_OF_TEXT = 1 << 62  # past any offset, without building the text to measure it
_DAY_OR_WEEK = re.compile(r"^\d{4}-(?:\d\d-\d\d|W\d\d(?:-WE)?)$")
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
_JOURNEY_PREPOSITIONS = frozenset({"from", "to", "for", "toward", "towards"})


def named_in_passing(facts: ArticleFacts) -> frozenset[str]:
    """Places every mention of which names where a journey set out from or was bound for ("a train
    traveling from Quetta to Peshawar"): the story tells nothing that happened there."""
    roots: dict[str, list[Token]] = {}
    for mention in facts.place_mentions.within(0, _END_OF_TEXT):
        roots.setdefault(mention.item_id, []).append(_root_at(facts.doc, mention.start, mention.end))
    return frozenset(place for place, found in roots.items() if all(_journey_end(r) for r in found))


def _journey_end(root: Token) -> bool:
    """Where a journey set out from or was bound for ("a train traveling from Quetta to Peshawar", "a
    bus bound for Kabul", "the road to Kandahar", "after departing Quetta", "a train carrying 400
    passengers from Quetta") is not where the act on the way happened."""
    journeys = lexicons.load("events")["journey_words"]
    if root.dep_ == "dobj" and root.head.lemma_.lower() == "depart":
        return True  # "shortly after departing Quetta"
    if root.dep_ != "pobj" or root.head.lower_ not in _JOURNEY_PREPOSITIONS:
        return False
    mover = root.head.head
    for _ in range(3):  # "from Quetta to Peshawar": "to" may hang from "from"; "north from Quetta"
        if mover.pos_ != "ADP" and mover.dep_ not in ("pobj", "advmod"):
            break
        mover = mover.head
    return mover.lemma_.lower() in journeys


def _back_reference(trigger: Token) -> bool:
    """A noun after "after" or "since" ("died after the attack") points back to an event
    told elsewhere: the clause around it is about something else, so only the noun's own phrase ("after
    the attack on Kupiansk") says where. So does an act named as what another noun belongs to
    ("the handlers of the attack", "the scene of the attack") or as what a verb of telling or judging
    is about ("blamed Afghanistan for the attack", "condemned the bombing")."""
    return (
        belongs_to_noun(trigger)
        or told_of(trigger)
        or (
            trigger.pos_ != "VERB"
            and trigger.dep_ == "pobj"
            and trigger.head.lower_ in lexicons.load("events")["back_reference_words"]
        )
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
    """The trigger's clause and the clauses that control it ("ordered … to send": both), and the
    clause a clause of the same moment hangs from ("shared details on Wednesday as the military
    completed the operation and killed 33": Wednesday)."""
    own = clause_head(predicate_of(trigger))
    heads = {own.i, trigger.i}
    while (own.dep_ == "xcomp" or (own.dep_ == "conj" and not set_later(own)) or _simultaneous(own)) and (
        own.head.i != own.i
    ):
        own = clause_head(own.head)
        heads.add(own.i)
    return heads


def _simultaneous(clause: Token) -> bool:
    """An adverbial clause of the same moment as its head: "as …", "while …", "when …", or a bare
    participle ("attacked a train on Tuesday, taking many hostages")."""
    if clause.dep_ != "advcl":
        return False
    marks = lexicons.load("events")["simultaneous_marks"]
    if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
        return True
    return clause.tag_ == "VBG" and not any(c.dep_ in ("mark", "aux", "nsubj") for c in clause.children)


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


def _in_side_clause(token: Token, trigger: Token | None = None) -> bool:
    """Inside a relative clause or apposition: background about someone, not the event's setting,
    unless the trigger is told in that same clause ("attackers who laid siege to a hotel in
    Beledweyne": the siege is there)."""
    return any(
        a.dep_ in ("relcl", "appos") and (trigger is None or not _within(trigger, a)) for a in token.ancestors
    )


_FEATURE_RANK = {"city": 0, "region": 1, "country": 2, "continent": 3}


def _precision(facts: ArticleFacts, place_id: str) -> int:
    return facts.places[place_id].precision or 3


def _specificity(facts: ArticleFacts, place_id: str) -> tuple[int, float, bool]:
    """Smaller is more specific: a town before a region, a district before its province, a region
    before its country ("in Pakistan's Balochistan province": Balochistan; "in Balochistan's Kalat
    district": Kalat)."""
    place = facts.places[place_id]
    rank: float = _FEATURE_RANK.get(place.feature or "", 2)
    if place.feature == "region" and place.admin1 is None:
        rank += 0.5  # a part of a country ("eastern Congo") holds less than a province named in it
    return place.precision or 3, rank, not is_district(place)


def in_comparison(doc: Doc, timex: Timex) -> bool:
    """A stretch of time a superlative is measured over ("the deadliest attack in years", "the worst
    fighting in decades", "the latest in days of protests"): it ranks one act, it does not count acts."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj":
        return False
    ranked = span.root.head.head
    return ranked.tag_ == "JJS" or any(c.tag_ == "JJS" for c in ranked.children)


_TODAY = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening"})


def spoken_today(timex: Timex, facts: ArticleFacts) -> bool:
    """A "today" inside a direct quote: the day the words were said, which the story need not give,
    so it dates the act no more precisely than the story's own day."""
    if timex.text.lower() not in _TODAY:
        return False
    return any(
        claim.kind == "direct_quote" and claim.content.start <= timex.start < claim.content.end
        for claim in facts.claims
    )


def _length_of_a_noun(last: Token, timex: Timex) -> bool:
    """A duration that says how long a named act lasts ("a 24-hour curfew", "a three-day strike"):
    its last word modifies the act's noun."""
    return (
        (timex.value or "").startswith("P")
        and last.dep_ in ("compound", "amod", "nummod")
        and last.head.pos_ in ("NOUN", "PROPN")
    )


def governing_timex(trigger: Token, facts: ArticleFacts, toll_update: Token | None = None) -> Timex | None:
    """The time expression attached to the trigger's own clause, not just any in the sentence. When the
    trigger is the source of a toll update (`toll_update`, its verb), a date on that verb dates the new
    count ("the toll from the attack rose to 12 on Friday"), so only one inside the trigger's own phrase
    ("the toll from Sunday's strike") dates the act."""
    if belongs_to_noun(trigger):
        return None  # "mourning on Tuesday for the victims of the attack": the day is the mourning's
    # "ordered the army to send reinforcements on Monday": a controlled verb shares its governor's date
    own = clause_head(predicate_of(trigger))
    heads = _clause_chain(trigger)
    # "killed 33 militants and freed the hostages on Wednesday": joined verbs after it share its date
    joined = {c.i for c in own.children if _joined_at_once(c)}
    # its own clause first: "attacked the town on Monday and seized it on Friday" (Friday)
    for clauses in ({own.i, trigger.i}, heads, joined):
        timex = _timex_of_clauses(trigger, facts, clauses, toll_update)
        if timex is not None:
            return timex
    return _sentence_frame(trigger, facts) if toll_update is None else None


def _joined_at_once(clause: Token) -> bool:
    """A verb joined to another with no word setting it later ("and then", "and later")."""
    return clause.dep_ == "conj" and clause.pos_ == "VERB" and not set_later(clause)


def set_later(clause: Token) -> bool:
    """A clause a word sets after the one it is joined to ("and later killed", "and then shot"): an
    act of its own, with its own time and place."""
    sequence = lexicons.load("events")["sequence_adverbs"]
    return any(c.dep_ == "advmod" and c.lower_ in sequence for c in clause.children)


def _timex_of_clauses(
    trigger: Token, facts: ArticleFacts, heads: set[int], toll_update: Token | None
) -> Timex | None:
    """The first time expression of the sentence attached to one of these clauses."""
    sentence = trigger.sent
    doc = trigger.doc
    for timex in facts.timexes:
        if not (sentence.start_char <= timex.start < sentence.end_char) or timex.value is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or clause_head(span.root).i not in heads or in_comparison(doc, timex):
            continue
        if _length_of_a_noun(span[-1], timex):
            continue  # "imposed a 24-hour curfew on Monday": how long it lasts, not when it happened
        if toll_update is not None and not _within(span.root, trigger):
            continue
        return timex
    return None


def _sentence_frame(trigger: Token, facts: ArticleFacts) -> Timex | None:
    """A day or week set at the head of the sentence before any verb ("Also Monday, hundreds massed …",
    "On Tuesday, …", "This week, military sources said rebels attacked …") frames the whole sentence,
    whatever the parser hung it from; not a side clause about someone."""
    sentence = trigger.sent
    predicate = predicate_of(trigger)
    if _in_side_clause(predicate):
        return None
    if predicate.dep_ == "acl" and predicate.tag_ == "VBN":
        return None  # "on Wednesday adjourned the case of a journalist arrested over …": not his arrest's day
    first_verb = next((t for t in sentence if t.pos_ in ("VERB", "AUX")), None)
    limit = first_verb.idx if first_verb is not None else sentence.end_char
    for timex in facts.timexes:
        if sentence.start_char <= timex.start < limit and timex.value and _DAY_OR_WEEK.match(timex.value):
            return timex
    return None


def phrase_timex(trigger: Token, facts: ArticleFacts) -> Timex | None:
    """A date inside an act noun's own phrase: "the 2004 bombing", "Tuesday's attack", "the attack on
    Monday"; it dates the act whatever the clause around it says ("a trial opened Monday over the
    2004 bombing")."""
    if trigger.pos_ == "VERB":
        return None
    first = trigger.left_edge.idx
    last = max(
        (c.right_edge.idx + len(c.right_edge.text) for c in trigger.children if c.dep_ != "relcl"),
        default=trigger.idx + len(trigger.text),
    )
    for timex in facts.timexes:
        if first <= timex.start and timex.end <= last and timex.value and timex.value[:1].isdigit():
            if _part_of_day_only(timex):
                continue  # "an overnight raid": the part of a day, whose day the clause tells
            return timex
    return None


def _part_of_day_only(timex: Timex) -> bool:
    """A time of day with no day of its own in the text ("overnight", "in the morning")."""
    value = timex.value or ""
    return len(value) > 10 and value[10] == "T" and not any(ch.isdigit() for ch in timex.text)


def _within(token: Token, phrase_head: Token) -> bool:
    return token.i == phrase_head.i or any(a.i == phrase_head.i for a in token.ancestors)


def modality(trigger: Token) -> tuple[bool, bool]:
    """(negated, hypothetical): "did not attack", "denied attacking", "without fighting"; "plans to",
    "would", "if"."""
    events = lexicons.load("events")
    hypothetical_heads = set(events["hypothetical_heads"])
    negating = set(events["negating_heads"])
    predicate = predicate_of(trigger)
    negated = any(c.dep_ == "neg" for c in (*trigger.children, *predicate.children))
    # "entered without fighting", "took the town without a fight": the act did not happen
    negated = negated or (trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ == "without")
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

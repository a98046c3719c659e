"""What a mention of an act is: an incident that happened, or something else an event table must not
count (ONTOLOGY.md, "Which mentions are incidents").

An ACLED coder codes a specific act that took place recently. The rules read the grammar of the
mention's clause, never particular phrasings:

- `denied`: negated or denied ("did not attack", "denied shelling").
- `planned`: not (yet) realised: planned, threatened, conditional, ordered, only aimed at or nearly
  done ("would execute", "ordered the arrest", "was almost gunned down", "efforts to take control",
  "bombs to carry out attacks"), or dated after publication.
- `aggregate`: a count over a period ("in the last 15 months, 1,250 were killed", "killed 1,000 fighters
  in the past week", "since August, BLA
  has claimed several attacks", "launched 504 attacks", "the war killed 100,000").
- `background`: a single act dated well before the article: a day more than a month before
  publication, or a month or year that ended before the publication month. Without a known
  publication date (gold snippets) neither this nor a date after publication is judged. It keeps its own date.
- `generic`: told in the present tense without a date of its own, as a habit, a general truth or an
  ongoing situation ("Israel attacks the Muslims", "civilians are being targeted", "has been fighting
  the army"), or a practice someone is to stop ("must stop killing civilians"); incident assembly also
  gives it to a mention too vague to stand alone. An act in the active progressive ("police are
  conducting raids") or one that "continues" is under way as the story is told, not a habit.
- `incident`: everything else.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Doc, Token

from sitrep import lexicons
from sitrep.extract.datelines import in_dateline
from sitrep.extract.events.roles import ArticleFacts, accused_of, clause_head, predicate_of
from sitrep.extract.events.setting import in_comparison
from sitrep.extract.events.triggers import counted_noun, is_trigger_word
from sitrep.extract.numbers import parse_number
from sitrep.extract.timexes import event_date
from sitrep.model import Event, EventStatus, Timex
from sitrep.nlp.lemmas import lemma as corrected_lemma

_DURATION = re.compile(r"^PT?(?:\d|X)")  # TIMEX3 durations ("P15M", "PT24H", "PXY"), not "PAST_REF"
FEW_ACTS = 5  # "three strikes", "two explosions": one operation; "504 attacks" are a tally
RECENT_DAYS = 31  # ACLED codes an act with its own date up to about a month before publication
# Non-finite clauses take their tense from the clause they hang from
_NON_FINITE_LINKS = ("xcomp", "advcl", "conj", "acl", "pcomp", "relcl", "ccomp")
_PERFECT = ("have", "has", "'ve", "'s")


def mention_status(
    trigger: Token,
    facts: ArticleFacts,
    timex: Timex | None,
    date: dt.date,
    precision: int,
    negated: bool,
    hypothetical: bool,
) -> EventStatus:
    """The status of one mention (see the module docstring); `timex`, `date` and `precision` are the
    mention's own time, as the setting stage found it."""
    if negated:
        return "denied"
    if hypothetical or _unrealised(trigger):
        return "planned"
    if _practice_to_stop(trigger) or _kind_of_act(trigger):
        return "generic"
    own_date = timex is not None and precision in (1, 2, 3) and _dated(timex)
    dated_news = facts.published_known
    if own_date and dated_news and date > facts.published:
        return "planned"
    if _counted_over_period(trigger, facts, timex):
        return "aggregate"
    recent = timex is None or _before_recent(timex, date, precision, facts.published) is False
    if own_date and dated_news and not recent:
        return "background"
    if not own_date:
        framing = framing_timex(trigger, facts)
        if (
            dated_news
            and framing is not None
            and _before_recent(framing, *event_date(framing, facts.published), facts.published)
        ):
            return "background"  # "relations soured in 2010 after commandos stormed the ship"
        if (_present_tense(trigger) and not _headline(trigger) and not _alleged(trigger)) or _description(
            trigger
        ):
            return "generic"
    return "incident"


def framing_timex(trigger: Token, facts: ArticleFacts) -> Timex | None:
    """The date of the clause an undated clause hangs from ("in 2010 after …", "in 2022 … during the
    arrest"): the time the act is told in."""
    current = predicate_of(trigger)
    sentence = trigger.sent
    dated = [
        t
        for t in facts.timexes
        if sentence.start_char <= t.start < sentence.end_char and t.value and t.value[:1].isdigit()
    ]  # a clause's date lies in its own sentence
    for _ in range(3):
        if not dated:
            return None
        if current.dep_ not in _NON_FINITE_LINKS + ("prep", "pobj") or current.head.i == current.i:
            return None
        current = current.head
        for timex in dated:
            span = trigger.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None and clause_head(span.root).i == current.i:
                return timex
    return None


def _alleged(trigger: Token) -> bool:
    """An act someone "is accused of" or "stands charged with": the present tells the accusation, and
    the act it names is one that took place, as the accuser tells it."""
    return trigger.tag_ in ("VBG", "NN", "NNS") and accused_of(trigger) is not None


def _kind_of_act(trigger: Token) -> bool:
    """A noun that modifies another names a kind of act, not an act: "attack helicopters", "strike
    force", "Rebels attack army convoys" as the parser reads it."""
    return trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "compound"


def _description(trigger: Token) -> bool:
    """An act told only to describe someone, in a relative or participle clause ("rebels fighting the
    president", "a group that attacks convoys"), not reported as news; a relative clause in the past or
    a past verb the parser hung on a noun tells an act that took place."""
    predicate = predicate_of(trigger)
    if in_dateline(predicate.head):
        return False  # "NEW DELHI: Farmers have blocked roads": the story's own clause, on its dateline
    if predicate.dep_ == "relcl" and told_in_past(predicate):
        return False  # "the militants, who fired mortar rounds at the town": a past act, reported
    if predicate.dep_ == "acl" and predicate.tag_ == "VBN" and _weapon(counted_noun(predicate.head)):
        return False  # "a rocket fired by militants landed near the airport": the firing is the attack
    if predicate.dep_ == "acl" and predicate.tag_ == "VBD":
        return False  # a finite verb in the past the parser hung on a noun: a clause that reports
    return (
        trigger.pos_ == "VERB"
        and predicate.dep_ in ("relcl", "acl")
        and predicate.head.pos_ in ("NOUN", "PROPN")
    )


def _weapon(noun: Token) -> bool:
    """A weapon or munition noun: what is fired in the attack a participle on it tells."""
    events = lexicons.load("events")
    return noun.lemma_.lower() in events["weapon_nouns"] or noun.lemma_.lower() in events["mode_words"]


def _dated(timex: Timex) -> bool:
    """A timex that places the act in time (a date, not a duration or a set)."""
    return timex.value is not None and timex.value[:1].isdigit()


def _before_recent(timex: Timex, date: dt.date, precision: int, published: dt.date) -> bool:
    """Whether an act's own date lies before the period ACLED would code from this article."""
    if precision == 1 or precision == 2:
        return (published - date).days > RECENT_DAYS
    value = timex.value or ""
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return value[:7] < published.isoformat()[:7]  # a month before the publication month
    return value[:4].isdigit() and int(value[:4]) < published.year  # a year before this one


def _unrealised(trigger: Token) -> bool:
    """An act only aimed at, ordered or planned: a noun that is what a verb of planning or directing
    is about ("ordered the arrest", "calls for strikes"), an infinitive of purpose or intent ("bombs
    to carry out attacks", "efforts to take control"), or an act a planning noun names ("a plot to
    kill")."""
    planning = set(lexicons.load("events")["planning_heads"])
    if any(c.dep_ == "advmod" and c.lower_ in ("almost", "nearly") for c in trigger.children):
        return True  # "was almost gunned down": it did not happen
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "by" and trigger.head.head.pos_ == "VERB":
        # "called for Russia to reciprocate by agreeing to a ceasefire": the means shares its end's fate
        return _unrealised(trigger.head.head)
    predicate = predicate_of(trigger)
    if trigger.pos_ != "VERB" and predicate.i != trigger.i and predicate.lemma_.lower() in planning:
        return True
    if trigger.pos_ != "VERB" and trigger.head.lemma_.lower() in planning:
        return True  # "a plan of attack"
    if (
        trigger.dep_ == "pobj"
        and trigger.head.dep_ == "prep"
        and trigger.head.head.lemma_.lower() in planning
    ):
        return True  # "called for strikes", "a plot for attacks"
    clause = predicate
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        head = clause.head
        if _done_with_force_used(clause):
            return False  # "fired tear gas to disperse the crowd": the firing is the dispersal
        if clause.dep_ in ("advcl", "acl", "relcl") or head.lemma_.lower() in planning:
            return True  # a purpose or a plan, not a report that it happened
    return False


def _done_with_force_used(clause: Token) -> bool:
    """A purpose clause of force already used ("used live bullets to disperse", "fired shots to break
    up the rally"): the means was used for it, so the act was carried out."""
    head = clause.head
    projecting = lexicons.load("events")["projecting_verbs"]
    return clause.dep_ in ("advcl", "xcomp") and head.lemma_.lower() in projecting and told_in_past(head)


def _counted_over_period(trigger: Token, facts: ArticleFacts, timex: Timex | None) -> bool:
    """A count of acts, or of their victims, over a period."""
    events = lexicons.load("events")
    series = set(events["series_words"])
    predicate = predicate_of(trigger)
    if (
        timex is not None
        and timex.value is not None
        and _DURATION.match(timex.value)
        and not in_comparison(trigger.doc, timex)
        and not _length_of_other_act(trigger, timex)
        and not _lasted(trigger, timex)
        and not _offset(trigger.doc, timex)
    ):
        # "in the last 15 months", "over the past year"; a day or two is ACLED's own unit
        return not (_within_two_days(timex.value) and _a_stretch(timex.text))
    if _since(predicate) and not _held_since_day(trigger, timex):
        return True
    if _over_recent_period(predicate):
        return True
    if trigger.tag_ == "NNS" and _quantified(trigger, series) and not _one_day(timex) and not _few(trigger):
        # "504 attacks", "several deadly attacks", "a series of bombings"; "the previous day's
        # multiple blasts outside a school" are one ACLED event: one day, one place
        return True
    subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    lasting = set(events["durative_conflict_nouns"])
    if subject is not None and subject.lemma_.lower() in lasting and trigger.i == predicate.i:
        return True  # "the war killed 100,000 people": a war's toll, not one act's
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "during", "across", "over")
        and any(o.tag_ == "NNS" and is_trigger_word(o) and _quantified(o, series) for o in c.children)
        for c in predicate.children
    )  # "killed 400 people in over 500 attacks", where "in several districts" counts places


def _offset(doc: Doc, timex: Timex) -> bool:
    """ "A day after an attack", "two weeks later", "three days ago": a length that moves a date from
    another, not a period acts are counted over."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in ("after", "before", "later", "earlier", "ago")


def _lasted(trigger: Token, timex: Timex) -> bool:
    """ "Fought for several hours", "clashed for two days": how long one act lasted, at most a few days,
    not a period acts are counted over."""
    span = trigger.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    value = timex.value or ""
    if span is None or span.start == 0 or trigger.doc[span.start - 1].lower_ != "for":
        return False
    amount, unit = value.lstrip("PT")[:-1], value[-1:]
    if value.startswith("PT"):
        return unit in ("H", "M")
    return unit == "D" and (amount == "X" or (amount.isdigit() and int(amount) <= 3))


def _length_of_other_act(trigger: Token, timex: Timex) -> bool:
    """A duration that measures another act ("recaptured the town after a week of fighting", "two days
    of clashes"): how long that act lasted, not a period this one is counted over."""
    span = trigger.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    acts = [
        g
        for t in span
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj" and is_trigger_word(g)
    ]
    return bool(acts) and all(a.i != trigger.i for a in acts)


def _few(noun: Token) -> bool:
    """A handful of acts counted by a number ("conducted three strikes near the city"): one operation
    ACLED codes once, not a tally."""
    counts = [parse_number(c.text) for c in noun.children if c.dep_ == "nummod"]
    return bool(counts) and all(n is not None and n <= FEW_ACTS for n in counts)


def _one_day(timex: Timex | None) -> bool:
    """A timex that names one day ("on Friday", "the previous day's")."""
    value = timex.value if timex is not None else None
    return value is not None and len(value) >= 10 and value[:4].isdigit() and value[4] == "-"


def _within_two_days(duration: str) -> bool:
    """A TIMEX3 duration of at most two days ("PT24H", "PT48H", "P1D", "P2D")."""
    unit, amount = duration[-1:], duration.lstrip("PT")[:-1]
    if not amount.isdigit():
        return False
    hours = {"H": 1, "D": 24}.get(unit) if duration.startswith("PT") == (unit == "H") else None
    return hours is not None and int(amount) * hours <= 48


def _a_stretch(text: str) -> bool:
    """A stretch of time, counted back or measured ("the last 24 hours", "the past two days", "18
    hours of siege"), not a frequency ("daily", "every day", "a day"), which tells a habit."""
    words = text.lower().split()
    if any(w in ("every", "each", "per", "a", "daily", "nightly", "hourly") for w in words):
        return False
    return any(w in ("last", "past", "previous", "preceding") or parse_number(w) for w in words)


def _held_since_day(trigger: Token, timex: Timex | None) -> bool:
    """ "Has been in custody since Feb. 24", "has been detained since Monday": one detention, begun on
    that day, not a count up to now."""
    events = lexicons.load("events")
    entry = (events["nouns"] if trigger.pos_ != "VERB" else events["verbs"]).get(trigger.lemma_.lower())
    value = timex.value if timex is not None else None
    return (
        bool(entry)
        and entry[1] == "arrest"
        and value is not None
        and len(value) == 10
        and value[:4].isdigit()
        and not _many_held(predicate_of(trigger))
    )


def _many_held(predicate: Token) -> bool:
    """ "Have arrested at least 2,400 people since Feb 1": a count of detentions up to now, not one
    detention that began that day."""
    held = (c for c in predicate.children if c.dep_ in ("dobj", "nsubjpass"))
    return any(c.dep_ == "nummod" and (parse_number(c.text) or 0) > 1 for noun in held for c in noun.children)


def _since(predicate: Token) -> bool:
    """A "since <time>" phrase in the sentence, outside side clauses: a count up to now ("Since last
    August, BLA has claimed several attacks"). "Since" that gives a reason has a clause, not a time."""
    return any(
        token.lower_ == "since"
        and token.dep_ == "prep"
        and any(o.ent_type_ in ("DATE", "TIME") or o.like_num for o in token.subtree if o.i != token.i)
        and not _days_ago(token)
        and not _record_since(token)
        for token in predicate.sent
    )


def _record_since(since: Token) -> bool:
    """ "For the first time since 2012", "the deadliest attack since March": a record the act sets,
    measured against the past, not a count of acts up to now."""
    head = since.head
    marks = [head, *head.children]
    return head.lower_ == "time" or any(t.tag_ == "JJS" or t.lower_ == "first" for t in marks)


def _days_ago(since: Token) -> bool:
    """ "Since Wednesday evening", "since yesterday": a count over the last few days, which ACLED codes
    as one event, not a tally over a period."""
    recent = {day.lower() for day in calendar.day_name} | {"yesterday", "dawn"}
    return any(o.lower_ in recent for o in since.subtree if o.i != since.i)


def _over_recent_period(predicate: Token) -> bool:
    """ "In the past week", "over the last two months": the acts told are counted over a stretch of
    time, not one act."""
    periods = set(lexicons.load("events")["period_nouns"])
    for token in predicate.sent:
        if token.dep_ != "prep" or token.lower_ not in ("in", "over", "during", "within"):
            continue
        for noun in token.children:
            if (
                noun.dep_ == "pobj"
                and noun.lower_ in periods
                and any(c.lower_ in ("past", "last", "previous") for c in noun.children)
                and not _two_days_or_less(noun)
            ):
                return True
    return False


def _two_days_or_less(period: Token) -> bool:
    """ "The past 48 hours", "the last two days": ACLED's own unit, one event, not a period acts are
    tallied over."""
    hours = {"hour": 1, "day": 24}.get(period.lemma_.lower())
    counts = [parse_number(c.text) for c in period.children if c.dep_ == "nummod"]
    amount = counts[0] if counts else 1
    return hours is not None and amount is not None and amount * hours <= 48


def _practice_to_stop(trigger: Token) -> bool:
    """An act someone is to stop or ends ("must stop killing civilians", "end the detention of
    migrants"): an ongoing practice, not one act."""
    heads = set(lexicons.load("events")["cessation_heads"])
    predicate = predicate_of(trigger)
    if _one_act_ended(trigger, predicate, heads):
        return False
    if predicate.i == trigger.i and trigger.dep_ in ("xcomp", "pcomp", "dobj", "conj"):
        head = trigger.head
        if trigger.dep_ == "conj":
            head = head.head if head.dep_ in ("xcomp", "pcomp", "dobj") else trigger
        return head.i != trigger.i and head.lemma_.lower() in heads
    return predicate.i != trigger.i and predicate.lemma_.lower() in heads and trigger.dep_ == "dobj"


def _one_act_ended(trigger: Token, predicate: Token, heads: set[str]) -> bool:
    """ "Security forces ended the siege on Sunday", "troops halted an attack on the base": one act,
    named by a singular noun, that someone brought to an end: it took place, where ending a practice
    ("end the detention of migrants", "must stop the killings") is no act."""
    return (
        trigger.tag_ == "NN"
        and trigger.dep_ == "dobj"
        and predicate.i == trigger.head.i
        and predicate.lemma_.lower() in heads
        and told_in_past(predicate)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in trigger.children)
    )


def _quantified(noun: Token, series_words: set[str]) -> bool:
    """A plural noun counted or quantified: "504 attacks", "several attacks", "a wave of attacks"."""
    for child in noun.children:
        if child.dep_ == "nummod" or (
            child.dep_ in ("amod", "det", "quantmod") and child.lower_ in series_words
        ):
            return True
    head = noun.head
    return head.lower_ == "of" and head.head.lemma_.lower() in series_words


def _present_tense(trigger: Token) -> bool:
    """Told in the present simple, or in a present passive: a habit, a general truth or an ongoing
    situation ("civilians are being targeted"). The present perfect ("have killed") reports an act, and
    the active progressive ("police are conducting raids") one under way as the story is told; neither
    is present here."""
    verb = _finite_clause(predicate_of(trigger))
    if _participle_told_of(predicate_of(trigger), verb):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and any(a.lower_ == "been" for a in auxiliaries):
        return not any(a.tag_ == "VBD" or a.lower_ == "had" for a in auxiliaries)  # "has been fighting"
    if any(a.lower_ in _PERFECT or a.tag_ in ("VBD", "MD") for a in auxiliaries):
        return False
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return False  # "police are conducting raids": under way as the story is told
    if verb.lemma_.lower() in ("continue", "keep") and verb.i != predicate_of(trigger).i:
        return False  # "continues to detain protesters": still going on
    if any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return True
    return verb.tag_ in ("VBZ", "VBP")


def _participle_told_of(predicate: Token, verb: Token) -> bool:
    """A past participle on what a verb of telling carries ("forces report about shells fired by the
    occupiers"): the present is the telling's, and the participle tells an act that took place."""
    events = lexicons.load("events")
    telling = {*events["witness_verbs"], *events["speech_verbs"]}
    return (
        predicate.dep_ == "acl"
        and predicate.tag_ == "VBN"
        and verb.i != predicate.i
        and verb.lemma_.lower() in telling
    )


def _headline(trigger: Token) -> bool:
    """A headline's present ("Bombers kill dozens at airport", "Rebels attack base, killing 12
    soldiers"): the present simple with its victims counted tells one act, where a habit ("rebels attack
    convoys") counts none, or counts them by a recurring time ("kill 500 people every year")."""
    verb = _finite_clause(predicate_of(trigger))
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    words = list(verb.subtree)
    if any(t.lower_ in ("every", "each", "per", "daily", "weekly", "annually", "yearly") for t in words):
        return False
    counts = [t for t in words if t.ent_type_ not in ("DATE", "TIME") and parse_number(t.text) is not None]
    return any(t.dep_ in ("nummod", "dobj", "nsubjpass") for t in counts)


def told_in_past(trigger: Token) -> bool:
    """Told in the simple past or the perfect ("attacked", "were killed", "has seized"): the act is
    behind the teller, so a date without a year that would fall after the story belongs a year back."""
    verb = _finite_clause(predicate_of(trigger))
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("will", "shall") for a in auxiliaries):
        return False
    if any(a.tag_ == "VBD" or a.lower_ in _PERFECT or a.lower_ == "had" for a in auxiliaries):
        return True
    return verb.tag_ == "VBD"


def reported_act(doc: Doc, event: Event) -> bool:
    """A mention told by a verb in the past or the perfect ("one man molested her", "arms have been
    seized"), or a noun that such a verb makes happen ("staged a demonstration", "a protest took
    place"): a report that an act took place, where a noun alone ("the attack", "protests") may only
    name one."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in span if t.pos_ == "VERB"), None)
    if verb is None:
        verb = _verb_of_happening(span.root)
    if verb is not None and _participle_told_of(predicate_of(verb), _finite_clause(predicate_of(verb))):
        return True  # "report about shells fired by the occupiers"
    return verb is not None and told_in_past(verb)


def made_to_happen(noun: Token) -> bool:
    """An act named by a noun that a verb in the past makes happen ("a protest took place"): reported,
    however little else the sentence says of it."""
    verb = _verb_of_happening(noun)
    return verb is not None and told_in_past(verb)


def _verb_of_happening(noun: Token) -> Token | None:
    """The verb that makes a named act happen: a light verb it is the object of ("staged a
    demonstration", "carried out an attack", "a rally was held"), a verb of taking part it is "in"
    ("engaged in fighting") or a verb of occurring it is the subject of ("a protest took place",
    "clashes erupted")."""
    events = lexicons.load("events")
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and corrected_lemma(head.head) in events["engaging_verbs"]:
        return head.head  # "engaged in heavy fighting", "took part in a protest"
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "in"
        and corrected_lemma(head.head) in events["projecting_verbs"]
    ):
        return head.head  # "sarin was used in the attack": the weapon used tells the attack happened
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "in"
        and noun.lemma_.lower() == "protest"
        and head.head.pos_ == "VERB"
    ):
        return head.head  # "traders shut their shops in protest": the act done is the protest
    if head.pos_ != "VERB":
        return None
    if noun.dep_ in ("dobj", "nsubjpass") and corrected_lemma(head) in events["light_verbs"]:
        return head  # "staged a demonstration", "a protest was held"
    if noun.dep_ == "nsubj" and corrected_lemma(head) in events["occurrence_verbs"]:
        return head
    if noun.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children):
        return head  # "there were scuffles in Paris": the act is said to have taken place
    if noun.dep_ == "nsubj" and corrected_lemma(head) in {*events["fatality_words"], *events["injury_words"]}:
        return head  # "a grenade attack injured three officers": the toll it took reports it
    return None


def _finite_clause(verb: Token) -> Token:
    """The clause whose tense a verb takes: itself when finite, else the clause it hangs from
    ("killing three" after "shelled", "to carry out" after "was making")."""
    current = verb
    for _ in range(4):
        if current.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
            c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in current.children
        ):
            return current
        if current.dep_ not in _NON_FINITE_LINKS or current.head.i == current.i:
            return current
        current = clause_head(current.head)
    return current

"""Time expressions in an article, normalized against its publication date (DESIGN.md section 5).

Recognition is regular expressions over the text (`time_rules`); values come from one normalizer per
rule (`time_resolve`), anchored on `published` and on the tense of the verb that governs the expression,
read from the spaCy parse. `event_date` turns the timex that dates an event into ACLED's date and
`date_precision` (ONTOLOGY.md 4.2).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from sitrep.extract import time_rules, time_values
from sitrep.extract.mentions import doc_text
from sitrep.extract.time_relative import RELATIVE
from sitrep.extract.time_resolve import CALENDAR, Context, Normalizer, Tense, day_range
from sitrep.model import Timex

__all__ = ["event_date", "extract_timexes"]

NORMALIZERS: dict[str, Normalizer] = {**CALENDAR, **RELATIVE}
_TENSE_WORDS = time_rules.WORDS["tense"]
_FUTURE_AUX = frozenset(_TENSE_WORDS["future_aux"])
# "said the ship would leave in early February": a future seen from a past, so either side of publication.
_FUTURE_IN_PAST_AUX = frozenset(_TENSE_WORDS["future_in_past_aux"])
_PRESENT_MODALS = frozenset(_TENSE_WORDS["present_modals"])
# Verbs whose infinitive complement lies ahead: "plans to meet", "is expected to vote", "is to resume".
_FUTURE_HEADS = frozenset(_TENSE_WORDS["future_heads"])
# Verbs whose object or complement lies ahead whatever their own tense: "planned a rally on Saturday".
_PLANNING = frozenset(_TENSE_WORDS["planning_verbs"])
# Verbs that plan only with "for": "a summit set for April", where "a record set in April" looks back.
_PLANNING_WITH_FOR = frozenset(_TENSE_WORDS["planning_with_for"])
# "a ceasefire starting on Sunday": a bare participle of these verbs points ahead.
_FUTURE_PARTICIPLES = frozenset(_TENSE_WORDS["future_participles"])
# Deadlines ("until Tuesday") can fall either side of publication: take the nearest reading.
_DEADLINE_PREPS = frozenset(_TENSE_WORDS["deadline_preps"])
# "since Tuesday" lies behind whatever the verb; "effective Feb. 1" ahead.
_PAST_PREPS = frozenset(_TENSE_WORDS["past_preps"])
_FUTURE_PREPS = frozenset(_TENSE_WORDS["future_preps"])
# Values computed from an earlier one ("a year earlier") do not become the reference themselves.
_DERIVED_RULES = frozenset(
    {
        "anaphoric_unit",
        "unit_edge",
        "shifted",
        "year_ago_adj",
        "period_year_ago",
        "ago",
        "year_period",
        "duration",
        "set",
    }
)
# Comparisons with the same period a year before ("a year ago", "the 1988 quarter") set no period.
_YEAR_SHIFTS = frozenset({"ago", "shifted", "year_ago_adj", "year_period", "period_year_ago"})
_PERIOD = re.compile(r"^\d{4}-[QH][1-4]$")
# Time words that, capitalized inside a sentence, are part of a title ("High Noon", "VOA Today").
_NAME_WORDS = frozenset(
    {"minutes", "minute", "hours", "hour", "week", "weeks", "today", "tonight", "now", "noon", "day", "days"}
    | {"month", "months", "year", "years", "night", "morning", "evening", "daily", "weekly"}
)
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
_MINOR_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with"})
# Set words that stay sets as adjectives ("a daily rally", "his weekly address").
_SET_ADJECTIVES = frozenset(time_rules.WORDS["set_adjectives"])
_DISCOURSE_NOW = re.compile(r"now,", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")
# "the March for Life", "the March of the Mothers": a noun, where "the March accession" is a month.
_NOT_MONTH_AFTER = frozenset({"the", "a", "an", "annual"})
_OF_NAME = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
_EARLY = re.compile(r"\b(?:early|beginning|start)\b", re.IGNORECASE)
_LATE = re.compile(r"\b(?:late|end)\b", re.IGNORECASE)
_COMPOSED = re.compile(r"(?<![\w-])(" + time_rules.alternation(time_rules.COMPOSED) + r")\s+$", re.IGNORECASE)
# "the first nine months", "the latest six months": results for the year so far.
_YEAR_SO_FAR = re.compile(
    r"(?:the\s+(?:first\s+|latest\s+)?|first\s+)(?:six|nine|6|9)[\s-]+months?$", re.IGNORECASE
)
# "in today's world", "today's youth": the present in general, which dates nothing.
_GENERIC_TODAY = re.compile(
    r"today['’]s\s+" + time_rules.alternation(time_rules.WORDS["generic_today_nouns"]) + r"\b", re.IGNORECASE
)
_CALENDAR_WORDS = frozenset(
    [*time_rules.MONTHS, *time_rules.WEEKDAYS, *time_rules.SEASONS]
    + [w for name in [*time_rules.HOLIDAYS, *time_rules.FLOATING] for w in name.split()]
)
_COUNTED = re.compile(
    r"\s*" + time_rules.alternation(time_rules.WORDS["counted_nouns"]) + r"\b", re.IGNORECASE
)


def extract_timexes(doc: Doc, published: dt.date) -> list[Timex]:
    """Every time expression in `doc`, sorted by start and non-overlapping, with its TIMEX3 value."""
    text = doc_text(doc)
    found: list[Timex] = []
    ctx = Context(published)
    for cand in time_rules.find_candidates(text):
        if _not_a_timex(doc, cand):
            continue
        ctx.tense = _tense(doc, cand.start, cand.end)
        ctx.loose = cand.rule == "month" and _on_a_noun(doc, cand.start, cand.end)
        for start, end, value in _normalize(cand, ctx):
            if value == "PRESENT_REF" and text[max(0, start - 5) : start].lower() == "then ":
                value = "PAST_REF"  # "the then current price": a present seen from the past
            if (composed := _composed(text, start, value)) is not None:
                start, value = composed
                found = [t for t in found if t.end <= start]
            found.append(
                Timex(
                    start=start,
                    end=end,
                    text=text[start:end],
                    value=value,
                    precision=time_values.precision_of(value),
                )
            )
            if time_values.interval(value) is not None and cand.rule not in _DERIVED_RULES:
                ctx.reference = value
            if _PERIOD.match(value) and cand.rule not in _YEAR_SHIFTS and _closed(value, published):
                ctx.period = ctx.compared = value
            elif cand.rule == "duration" and _YEAR_SO_FAR.match(text, start, end):
                ctx.compared = _year_so_far(ctx)
    return found


def _composed(text: str, start: int, value: str) -> tuple[int, str] | None:
    """ "the day before [last Tuesday]", "the week of [March 6]": a day with the words in front of it
    that move it or widen it, as one expression. Returns the new start and value. ("The night of Oct. 23"
    stays the day: only "Oct. 23" is the expression.)"""
    day = time_values.interval(value)
    if day is None or day.kind != "day":
        return None
    m = _COMPOSED.search(text, max(0, start - 24), start)
    if m is None:
        return None
    unit, offset = time_rules.COMPOSED[time_rules.key(m[1])]
    first = day.first + dt.timedelta(days=offset)
    if unit in ("W", "WE"):
        return m.start(), time_values.fmt_week(first, weekend=unit == "WE")
    return m.start(), time_values.fmt_day(first)


def _year_so_far(ctx: Context) -> str:
    """The year that "the first nine months" runs in: the one of the quarter reported on, else of
    publication."""
    return ctx.period[:4] if ctx.period else f"{ctx.published.year:04d}"


def _closed(value: str, published: dt.date) -> bool:
    """A period over by publication, as results are reported for; forecasts ("losses through the third
    quarter of 1990", "into the fourth quarter") are not what "a year earlier" compares with."""
    span = time_values.interval(value)
    return span is not None and span.last < published


def _normalize(cand: time_rules.Candidate, ctx: Context) -> list[tuple[int, int, str]]:
    """The timexes one match yields: one, none when the text gives no valid value, two for a range."""
    try:
        if cand.rule == "day_range":
            return day_range(cand.match, ctx)
        value = NORMALIZERS[cand.rule](cand.match, ctx)
    except (ValueError, OverflowError, KeyError):
        return []
    return [] if value is None else [(cand.start, cand.end, value)]


def _not_a_timex(doc: Doc, cand: time_rules.Candidate) -> bool:
    """Matches the parse shows are something else: counts and names are no years; names ("Apple
    Daily") and report kinds ("quarterly dividend") are no sets, but "a daily rally" is one; titles
    ("60 Minutes", ABC's "This Week") are no times; "the March for Life" is no month; a sentence opening
    "Now, ..." turns the argument rather than dating anything, and "today's world" is no day."""
    if cand.rule != "holiday" and _is_title(doc, cand):
        return True
    if cand.rule == "day_word" and _GENERIC_TODAY.match(doc_text(doc), cand.start):
        return True
    if cand.rule == "ref" and _DISCOURSE_NOW.match(doc_text(doc), cand.start):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        return span is not None and bool(span[0].is_sent_start)
    if cand.rule == "month" and not cand.match["rel"] and not cand.match["mod"]:
        before = re.findall(r"[A-Za-z]+", doc_text(doc)[max(0, cand.start - 12) : cand.start])  # past quotes
        named = bool(before) and before[-1].lower() in _NOT_MONTH_AFTER
        return named and _OF_NAME.match(doc_text(doc), cand.end) is not None
    if cand.rule == "year":
        return _is_count(doc, cand) or _in_a_name(doc, cand)
    if cand.rule == "set":
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        word = span[0]
        named = word.text[0].isupper() and not word.is_sent_start
        adjective = word.pos_ == "ADJ" or word.dep_ == "amod"
        return named or adjective and word.lower_ not in _SET_ADJECTIVES
    return False


def _is_title(doc: Doc, cand: time_rules.Candidate) -> bool:
    """A capitalized time word inside a sentence that is not itself in title case is a name, and so is
    one that is all a quotation holds (ABC's “This Week”), however many names the sentence has."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    first = next((t.i for t in span.sent if t.is_alpha), -1)
    words = [t for t in span if t.is_alpha and t.i != first]
    if not any(t.is_title and t.lower_ in _NAME_WORDS for t in words):
        return False
    text = doc_text(doc)
    if (
        text[cand.start - 1 : cand.start] in _OPENING_QUOTES
        and text[cand.end : cand.end + 1] in _CLOSING_QUOTES
    ):
        return True
    sent = [t for t in span.sent if t.is_alpha and t.lower_ not in _MINOR_WORDS]
    return sum(t.is_title for t in sent) * 2 < len(sent)


def _in_a_name(doc: Doc, cand: time_rules.Candidate) -> bool:
    """ "a joint venture called Orion 1980", "the Vision 2030 plan": a bare year right after a proper
    noun (not a month, weekday, season or holiday word) is the end of a name."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.start == 0 or cand.match["mod"]:
        return False
    previous = doc[span.start - 1]
    if previous.tag_ != "NNP" or previous.is_sent_start or not previous.is_title:
        return False
    return previous.lower_.rstrip(".") not in _CALENDAR_WORDS


def _is_count(doc: Doc, cand: time_rules.Candidate) -> bool:
    """ "2000 troops", "Resolution 2231", "Brigade 1501" are no years; "its 2023 budget" is."""
    text = doc_text(doc)
    before = text[max(0, cand.start - 20) : cand.start].split()
    if _COUNTED.match(text, cand.end) or before and before[-1].lower() in time_rules.NOT_YEAR_AFTER:
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    token, previous = span[-1], doc[span.start - 1]
    if token.dep_ != "nummod" or token.head.tag_ != "NNS" or token.head.i < token.i:
        return False
    return not (previous.tag_ in ("PRP$", "POS") or previous.lower_ in ("the", "this", "that"))


def _on_a_noun(doc: Doc, start: int, end: int) -> bool:
    """ "a cutback in its oil supply in September": the month dates a thing rather than the clause's
    verb, so the verb's past tense says little about which one is meant."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return False
    prep = span.root.head
    if prep.dep_ != "prep" or prep.head is prep:
        return False
    owner = prep.head
    return owner.pos_ in ("NOUN", "PROPN")


def _tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb governing the expression, else of its sentence."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return "none"
    token: Token = span.root
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _PAST_PREPS:
        return "past"
    if before in _FUTURE_PREPS:
        return "future"
    if (
        span.start > 0
        and doc[span.start - 1].tag_ == "VBD"
        and not _POSSESSIVE.match(doc_text(doc), span.end_char)
    ):
        return "past"  # "Netanyahu said Sunday Israel will…": the date right after a past verb is that verb's
    if token.head.dep_ == "prep" and token.head.lower_ in _DEADLINE_PREPS:
        return "future" if token.head.head.lemma_ in _PLANNING else "present"
    for _ in range(8):
        if token.pos_ == "VERB" and _plans(token):
            return "past" if _is_past(token) else "future"
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
            tense = _verb_tense(token)
            if tense != "none":
                return tense
        if token.head is token:
            break
        token = token.head
    return _sentence_tense(span.sent)


def _plans(verb: Token) -> bool:
    """A verb that puts what it governs ahead whatever its own tense: "planned a rally on Saturday", "a
    ceasefire starting on Sunday", "a NATO summit set for Washington in April"."""
    if verb.lemma_ in _PLANNING:
        return True
    if verb.lemma_ in _FUTURE_PARTICIPLES and verb.tag_ == "VBG":
        return True
    planned_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return verb.lemma_ in _PLANNING_WITH_FOR and planned_for


def _verb_tense(verb: Token) -> Tense:
    """Past, present or future from the verb's tag, its auxiliaries and the verb it complements."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if words & _FUTURE_IN_PAST_AUX:
        return "future_in_past"
    if words & _PRESENT_MODALS:
        return "present"
    if "could" in words:
        return "none"
    if verb.dep_ in ("xcomp", "ccomp") and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.lemma_ in _FUTURE_HEADS or head.lower_ == "due":
            # "was to resume", "had planned to meet": a plan told in the past, most often already due.
            return "past" if _is_past(head) else "future"
        return _verb_tense(head) if head.pos_ in ("VERB", "AUX") else "none"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "have" for a in auxes):
        return "past"  # "have been searching since the Oct. 23 killing" looks back
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.dep_ in ("conj", "advcl", "relcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(verb.head)
    return "none"


def _is_past(verb: Token) -> bool:
    """A plan that the text puts behind us: a past perfect ("had been scheduled to expire") or a past
    "be to" ("was yet to receive"). A simple past plan ("planned a rally on Saturday") still looks ahead."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        verb = verb.head  # "had been due to expire": the tense is on the copula
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        return True
    return verb.lemma_ == "be" and verb.tag_ == "VBD" and not auxes


def _sentence_tense(sent: Span) -> Tense:
    """Fallback for expressions the parse leaves outside any clause: the first tensed word decides."""
    for token in sent:
        if token.lower_ in _FUTURE_AUX:
            return "future"
        if token.tag_ == "VBD":
            return "past"
        if token.tag_ in ("VBZ", "VBP") and token.dep_ != "aux":
            return "present"
    return "none"


def event_date(timex: Timex | None, published: dt.date) -> tuple[dt.date, int]:
    """The date and ACLED `date_precision` an event takes from its timex (ONTOLOGY.md 4.2).

    Day → 1; week or weekend → 2, its middle day; month, quarter, season, year or vaguer → 3, the 15th of
    the (middle) month, or the 1st/last day when the text says early/late. Dates inside a period that
    reaches past publication never pass publication; a period wholly in the future keeps its middle.
    No timex, or one that gives no date (durations, sets, "now") → publication date, precision 2.
    """
    span = time_values.interval(timex.value) if timex is not None else None
    if timex is None or span is None:
        return published, 2
    if span.kind == "day":
        return span.first, 1
    middle = span.first + (span.last - span.first) // 2
    precision = 2 if span.kind == "week" else 3
    if span.kind == "month":
        middle = _month_day(timex.text, span)
    elif span.kind in ("quarter", "season"):
        middle = middle.replace(day=15)
    elif span.kind == "year":
        middle = middle.replace(month=7, day=1)
    if span.first <= published < middle:
        middle = published
    return middle, precision


def _month_day(text: str, span: time_values.Interval) -> dt.date:
    if _EARLY.search(text):
        return span.first
    if _LATE.search(text):
        return span.last
    return span.first.replace(day=15)

"""Recognition rules for time expressions: regular expressions built once from `time_words.json`.

Each rule names the normalizer that turns its match into a TIMEX3 value (see `time_resolve`). Word lists
live in the lexicon so that adding a month abbreviation or a vague quantifier needs no code. Patterns
are compiled at import, and each runs only on the stretches of text near its anchor words, so an
article costs a few fast anchor scans plus short regex passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitrep import lexicons

WORDS: dict[str, Any] = lexicons.load("time_words")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of lexicon words, longest first so that "sept" wins over "sep"."""
    items = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


MONTHS: dict[str, int] = dict(WORDS["months"])
WEEKDAYS: dict[str, int] = dict(WORDS["weekdays"])
NUMBERS: dict[str, float] = {k: float(v) for k, v in WORDS["numbers"].items()}
VAGUE: list[str] = list(WORDS["vague_numbers"])
UNITS: dict[str, str] = dict(WORDS["units"])
SEASONS: dict[str, str] = dict(WORDS["seasons"])
PARTS_OF_DAY: dict[str, str] = dict(WORDS["parts_of_day"])
ORDINALS: dict[str, int] = dict(WORDS["ordinals"])
DECADE_WORDS: dict[str, int] = dict(WORDS["decade_words"])
DAY_ORDINALS: dict[str, int] = dict(WORDS["day_ordinals"])
REFS: dict[str, str] = dict(WORDS["refs"])
SETS: dict[str, str] = dict(WORDS["sets"])
HOLIDAYS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in WORDS["holidays"].items()}
# Month, ISO weekday, n (the nth such weekday on or after the day; -1: the last on or before it), day.
FLOATING: dict[str, tuple[int, int, int, int]] = {
    k: (v[0], v[1], v[2], v[3]) for k, v in WORDS["floating_holidays"].items()
}
# Feasts that move with Easter, as days from Easter Sunday ("easter week" is the week that holds it).
EASTER: dict[str, int] = dict(WORDS["easter_holidays"])
# "the day before", "the week of": words that move or widen the day expression they precede.
COMPOSED: dict[str, tuple[str, int]] = {k: (v[0], v[1]) for k, v in WORDS["composed"].items()}
NOT_YEAR_AFTER: frozenset[str] = frozenset(WORDS["not_year_after"])

_FULL_MONTHS = [max((k for k in MONTHS if MONTHS[k] == n), key=len) for n in range(1, 13)]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
_FULL_DAYS = [d for d in WEEKDAYS if d.endswith("day")]
_ABBR_DAYS = [d for d in WEEKDAYS if not d.endswith("day")]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"]

MONTH = rf"(?:{alternation(_FULL_MONTHS)}|{alternation(_ABBR_MONTHS)}\.?)"
MONTH_FULL = alternation(_FULL_MONTHS)
WEEKDAY = rf"(?:{alternation(_FULL_DAYS)}|{alternation(_ABBR_DAYS)}\.)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
# "March eighth" in broadcast transcripts; only after the month, where "second" cannot be a count.
DAY_WORDNUM = alternation(DAY_ORDINALS).replace(r"\-", "[\\s-]")
YEAR = r"(?<![\d,.$£€])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d)"
ORD = alternation(ORDINALS)
SEASON = rf"(?:{alternation(SEASONS)})(?!\s+of\s+(?!(?:\d|the\s+year|nineteen|eighteen|two\s+thousand)))"
PART = alternation(PARTS_OF_DAY)
COMPOUND_NUMBER = rf"(?:{alternation(_TENS)}(?:[\s-]{alternation(_ONES)})?)"
NUMBER = rf"(?:\d{{1,3}}(?:\.\d+)?|{COMPOUND_NUMBER}|{alternation(list(NUMBERS) + VAGUE)})"
UNIT = rf"(?:{alternation(UNITS)}|centuries)s?"
APPROX = (
    r"(?:(?:about|nearly|almost|around|roughly|some|more\s+than|less\s+than|at\s+least|over|up\s+to"
    r"|just|only)\s+)"
)
MOD = (
    r"(?:(?:early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|rest|first\s+half|second\s+half)"
    r"\s+of)[\s-]+)"
)
REL = (
    r"(?:last|this|next|past|this\s+past|this\s+coming|the\s+past|the\s+last|the\s+coming|coming"
    r"|the\s+previous|the\s+following)"
)
CLOCK = (
    r"(?:(?:\d{1,2}(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|in\s+the\s+(?:morning|afternoon|evening))"
    r"|\d{1,2}:[0-5]\d)"
    r"(?:\s+(?:GMT|UTC|EST|EDT|CET|local\s+time))?|noon|midnight|midday)"
)
_TENS_UNITS = rf"{alternation(_TENS)}(?:[\s-]{alternation(_ONES)})?"
SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen)[\s-]+(?:{_TENS_UNITS}|{alternation(_TEENS)}|nineteen)"
    rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:{alternation(_TEENS + _ONES)}|nineteen))?)"
)
DAY_WORD = r"(?:today|tonight|yesterday|tomorrow)"
# The day after "the quarter ended": "Sept. 30" dates the quarter reported on.
ENDED_DAY = re.compile(rf"\s+({MONTH})\s+(\d{{1,2}})\b", re.IGNORECASE)
RANGE_JOIN = r"(?:-|–|—|to|and|through|until|till)"


def key(word: str | None) -> str:
    """A lexicon key: lower case, single spaces, no trailing full stop ("Sept." → "sept")."""
    return re.sub(r"\s+", " ", (word or "").lower().rstrip("."))


@dataclass(frozen=True)
class Rule:
    """One pattern, the name of the normalizer for what it matches, and a word every match contains.

    The pattern only runs on text near its anchor, which keeps recognition cheap on long articles.
    """

    name: str
    pattern: re.Pattern[str]
    anchor: str


@dataclass(frozen=True)
class Candidate:
    """A stretch of text one rule matched, before normalization."""

    start: int
    end: int
    rule: str
    match: re.Match[str]


def _rule(name: str, anchor: str, pattern: str) -> Rule:
    return Rule(name, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w]|-\w)", re.IGNORECASE), anchor)


A_YEAR = r"(?:1[5-9]|20)\d\d"
A_MONTH = rf"\b{alternation(MONTHS)}"
A_WEEKDAY = rf"\b{alternation(WEEKDAYS)}"
A_CLOCK = r"\d\s*[ap]\.?m\b|\d:[0-5]\d|\bnoon|\bmid(?:night|day)|\d\s+in\s+the\s"
A_UNIT = rf"\b(?:{alternation(UNITS)}|centur|period|weekend|while|{alternation(SEASONS)})"
A_DAY = rf"\b(?:{DAY_WORD}|{PART})"
A_REF = rf"\b{alternation({r.split()[-1] for r in REFS})}"
A_SET = rf"\b(?:{alternation(SETS)}|every|each)"


RULES: tuple[Rule, ...] = (
    _rule("iso_date", A_YEAR, rf"(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"),
    _rule("numeric_date", r"\d[/.]\d", r"(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d)"),
    _rule(
        "month_day",
        A_MONTH,
        rf"(?:(?P<clock>{CLOCK}),?\s+(?:on\s+)?)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mod>{MOD})?"
        rf"(?P<mon>{MONTH})\s+(?P<d>{DAYNUM}|{DAY_WORDNUM})(?:,?\s+(?P<y>{YEAR}))?",
    ),
    _rule(
        "day_month",
        A_MONTH,
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?",
    ),
    _rule(
        "day_range",
        A_MONTH,
        rf"(?:the\s+)?(?P<d1>{DAYNUM})\s*{RANGE_JOIN}\s*(?:the\s+)?(?P<d2>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?"
        rf"|(?P<mon2>{MONTH})\s+(?P<e1>{DAYNUM})\s*{RANGE_JOIN}\s*(?P<e2>{DAYNUM})(?:,?\s+(?P<y2>{YEAR}))?"
        rf"(?!\s+(?:{alternation(WORDS['counted_nouns'])})\b)",
    ),
    _rule(
        "month_year",
        A_MONTH,
        rf"(?P<mod>{MOD})?(?P<mon>{MONTH}),?\s+(?:of\s+)?"
        rf"(?:(?P<y>{YEAR})|(?P<sy>{SPELLED_YEAR})|(?P<rel>last|this|next)\s+year)",
    ),
    _rule(
        "month",
        A_MONTH,
        rf"(?P<mod>{MOD})?(?:(?P<rel>{REL})\s+)?(?P<mon>{MONTH_FULL})(?!\s+\d)"
        # "in April and May 2019": the year said once for both months
        rf"(?:(?=\s+(?:and|or|to|through|until|till)\s+{MONTH}\s+(?P<shared_y>{YEAR}))|)",
    ),
    _rule(
        "weekday",
        A_WEEKDAY,
        rf"(?:(?P<clock>{CLOCK})\s+(?:on\s+)?)?(?P<mod>(?:early|late|earlier|later)\s+(?:on\s+)?)?"
        rf"(?:(?P<rel>{REL}|the\s+same)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?"
        rf"(?:\s+at\s+(?P<clock2>{CLOCK}))?",
    ),
    _rule(
        "day_word",
        A_DAY,
        rf"(?:(?P<clock>{CLOCK})\s+)?(?P<mod>(?:early|late|earlier|later)\s+)?(?P<word>{DAY_WORD})"
        rf"(?:\s+(?P<part>{PART}))?",
    ),
    _rule(
        "part_of_day",
        rf"{A_DAY}|\bday\b",
        rf"(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>{PART})|(?P<over>overnight)"
        rf"|mid[\s-]?(?P<mid>morning|afternoon|evening)(?:\s+(?P<word>{DAY_WORD}))?"
        # "in the morning", "later in the day": a part of the day the text is telling about
        r"|(?<=\bin\s)the\s+(?P<within>morning|afternoon|evening)"
        r"|(?:(?<=later\sin\s)|(?<=earlier\sin\s))the\s+(?P<within_day>day)",
    ),
    _rule(
        "clock",
        A_CLOCK,
        rf"(?:(?:about|around|at|approximately|shortly\s+(?:after|before))\s+)?(?P<clock>{CLOCK})",
    ),
    _rule(
        "relative_unit",
        A_UNIT,
        rf"(?P<mod>{MOD})?(?P<rel>{REL})\s+"
        rf"(?P<unit>day|week|weekend|month|year|quarter|decade|century|{SEASON})",
    ),
    _rule(
        "anaphoric_unit",
        A_UNIT,
        r"(?P<det>the|that|the\s+same)\s+(?:(?P<adj>latest|current|full|comparable|same)\s+)?"
        r"(?:fiscal[\s-]+)?"
        r"(?P<unit>week|weekend|month|year|quarter|period)(?!\s+\d)(?P<ended>\s+(?:ended|ending))?"
        r"|(?:that|the\s+same|that\s+same)\s+(?P<unit2>day)",
    ),
    _rule(
        "unit_edge",
        A_UNIT,
        r"(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>week|month|year)",
    ),
    # "the day after" on its own follows the last date given; "the day after the attack" hangs on an
    # event, whose date the text need not give.
    _rule(
        "adjacent_day",
        rf"{A_UNIT}|{A_DAY}",
        rf"the\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit>day|{PART})"
        r"|the\s+day\s+(?P<dir>before|after)(?!\s+\w)",
    ),
    _rule("year_period", A_YEAR, rf"the\s+(?P<y>{YEAR})\s+(?P<unit>quarter|period|fiscal\s+year)"),
    _rule("year_end", r"\bend", r"(?:around\s+)?year(?:'s)?[\s-]+end"),
    _rule("long_adj", A_UNIT, r"(?P<unit>days|weeks|months|years|decades|day|week|month|year)-(?:long|old)"),
    _rule("ago", r"\bago\b", rf"(?:{APPROX}?(?P<n>{NUMBER})\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+ago"),
    _rule(
        "shifted",
        r"\b(?:earlier|later|from\s+now)\b",
        rf"{APPROX}?(?P<n>{NUMBER})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>earlier|later|from\s+now)"
        r"(?!\s+than\b)",  # "a month later than planned" is a delay, not a date
    ),
    _rule(
        "year_ago_adj",
        r"\byear",
        rf"(?:the\s+(?:comparable\s+)?)?year[\s-](?:ago|earlier)"
        rf"(?:\s+(?:(?P<q>{ORD})[\s-]+)?(?P<what>quarter|period))?",
    ),
    _rule(
        "period_year_ago",
        r"\byear",
        r"(?:the\s+)?(?:(?:corresponding|comparable|same|like)\s+)?(?:quarter|period)\s+(?:of\s+)?"
        r"(?:last\s+year|a\s+year\s+(?:ago|earlier))"
        r"|last\s+year's\s+(?:(?:corresponding|comparable|same)\s+)?(?:quarter|period)",
    ),
    _rule(
        "quarter",
        r"quarter|\bhalf|\bQ[1-4]",
        rf"(?:(?P<y0>{YEAR})\s+)?(?:the\s+)?(?:(?P<rel0>last|this|next)\s+year's\s+)?"
        rf"(?:(?P<y1>{YEAR})\s+)?(?:fiscal[\s-]+)?"
        rf"(?P<q>{ORD}|last(?=[\s-]+(?:quarter|half)\s+of\s+{YEAR}))[\s-]+(?P<unit>quarter|half)"
        rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>last|this|next)\s+year))?"
        rf"|Q(?P<qn>[1-4])(?:\s+(?P<y2>{YEAR}))?"
        rf"|(?:the\s+)?(?P<two>first|last|second)\s+two\s+quarters(?:\s+of\s+(?P<y3>{YEAR}))?",
    ),
    _rule(
        "decade",
        rf"\d0s|\b{alternation(DECADE_WORDS)}",
        rf"(?P<mod>{MOD})?(?:the\s+)?"
        rf"(?:(?P<dig>1[5-9]\d|20\d)0s|'(?P<short>\d)0s|(?P<word>{alternation(DECADE_WORDS)}))",
    ),
    _rule("century", r"century", r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century"),
    _rule(
        "season",
        rf"\b{alternation(SEASONS)}",
        rf"(?P<mod>{MOD})?(?:(?P<rel>{REL}|the)\s+)?(?P<s>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+of\s+(?P<sy>{SPELLED_YEAR}))?",
    ),
    _rule("fiscal_year", r"\bfiscal", rf"fiscal\s+(?:year\s+)?(?P<y>{YEAR}|\d\d)"),
    _rule("year", A_YEAR, rf"(?P<mod>{MOD})?(?:(?:pre|post)-)?(?:the\s+year\s+)?(?P<y>{YEAR})"),
    _rule(
        "spelled_year",
        r"\b(?:nineteen|eighteen|thousand)",
        rf"(?P<mod>{MOD})?(?P<y>{SPELLED_YEAR})(?![\s-]+(?:years|people|miles|dollars|troops|of\b))",
    ),
    _rule(
        "duration",
        A_UNIT,
        r"(?:the\s+(?:past|last|next|first|coming|previous|following|latest|final|remaining)\s+"
        r"|(?:past|next|coming)\s+|(?:the|a|an)\s+)?"
        rf"{APPROX}?(?P<n>{NUMBER})(?P<half>\s+1/2|\s*½)?(?:\s+(?:more|additional|straight|consecutive))?"
        rf"[\s-]+(?P<unit>{UNIT})(?P<half2>\s+and\s+a\s+half)?",
    ),
    _rule(
        "bare_units",
        A_UNIT,
        r"(?:(?<=for\s)|(?<=in\s)|(?<=over\s)|the\s+)(?P<unit>years|months|weeks|decades|centuries|days)"
        r"(?:\s+(?:ahead|to\s+come))?|(?<=for\s)(?P<while>a\s+(?:long\s+|short\s+|little\s+)?while)",
    ),
    _rule(
        "holiday",
        rf"\b{alternation({h.split()[0] for h in [*HOLIDAYS, *FLOATING, *EASTER]})}",
        rf"(?:(?P<rel>last|this|next)\s+)?(?P<name>{alternation([*HOLIDAYS, *FLOATING, *EASTER])})"
        rf"(?!\s+{alternation(WORDS['not_holiday_before'])}\b)",  # "Easter Island", "the Easter Rising"
    ),
    _rule(
        "weekday_set",
        A_WEEKDAY,
        rf"(?P<wds>{alternation(_FULL_DAYS)})s|(?P<wd>{alternation(_FULL_DAYS)})\s+(?P<parts>{PART})s",
    ),
    _rule("ref", A_REF, alternation(REFS)),
    _rule(
        "set",
        A_SET,
        rf"{alternation(SETS)}"
        r"|(?:every|each)\s+(?:(?P<unit>day|week|month|year|quarter|night|morning|evening)"
        rf"|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH_FULL}))",
    ),
)
_PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}

# Words that are months or weekdays only when capitalized ("may" the verb, "march" the noun).
CASED_WORDS = frozenset({"may", "march", "mar", "sun", "sat", "wed", "jan", "dec", "sept", "jun", "jul"})
_CASED_GROUPS = ("mon", "wd")


def _cased_ok(match: re.Match[str]) -> bool:
    """Reject lower-case "may", "march" and friends, which are far more often not dates."""
    for group in _CASED_GROUPS:
        word = match.groupdict().get(group)
        if word and word.rstrip(".").lower() in CASED_WORDS and not word[0].isupper():
            return False
    return True


_BEFORE, _AFTER = 60, 60


def _windows(text: str, anchor: str, cache: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Merged stretches of text around each occurrence of `anchor`; nothing outside can match the rule."""
    if anchor in cache:
        return cache[anchor]
    spans: list[tuple[int, int]] = []
    for hit in _ANCHORS[anchor].finditer(text):
        start, end = max(0, hit.start() - _BEFORE), min(len(text), hit.end() + _AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    cache[anchor] = spans
    return spans


_ANCHORS = {rule.anchor: re.compile(rule.anchor, re.IGNORECASE) for rule in RULES}


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's matches, then the longest non-overlapping ones (earlier rules win ties)."""
    found: list[Candidate] = []
    cache: dict[str, list[tuple[int, int]]] = {}
    for rule in RULES:
        for start, end in _windows(text, rule.anchor, cache):
            for match in rule.pattern.finditer(text, start, end):
                if match.end() > match.start() and _cased_ok(match):
                    found.append(Candidate(match.start(), match.end(), rule.name, match))
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.rule], c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in found:
        if all(cand.end <= s or cand.start >= e for s, e in taken):
            chosen.append(cand)
            taken.append((cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    return chosen

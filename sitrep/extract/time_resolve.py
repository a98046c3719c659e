"""Normalizers for calendar expressions: one small function per recognition rule, match → TIMEX3 value.

Expressions without a year ("March 5", "in February", "on Friday") are anchored on the publication
date and the tense of the governing verb: in a past-tense sentence the latest such date on or before
publication, in a future-tense one the next. Every normalizer returns None when the text gives no valid
value, so "February 30" never becomes a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sitrep.extract import time_rules as R
from sitrep.extract import time_values as V

# "future_in_past": a future told from a past ("said the ship would leave in February"), which may lie
# either side of publication.
Tense = Literal["past", "present", "future", "future_in_past", "none"]
AHEAD: frozenset[Tense] = frozenset({"future", "future_in_past"})

# A tense-consistent reading of "Feb. 10" further away than this gives way to the nearest reading:
# a misread tense should not push a date eleven months back.
DAY_REACH = 300
# A month that dates a noun rather than the verb ("a cutback in its oil supply in September") is read
# the nearest way once the tense-consistent reading is further away than this.
LOOSE_MONTH_REACH = 240

_BACK = frozenset({"last", "past", "this past", "the past", "the last", "the previous"})
_AHEAD = frozenset({"next", "this coming", "the coming", "coming", "the following"})
_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# Day words that name a part of the day as well ("tonight" is this day's night).
_DAY_WORD_PARTS: dict[str, str] = dict(R.WORDS["day_word_parts"])
_SPELLED = {k: int(v) for k, v in R.NUMBERS.items() if " " not in k and k not in ("a", "an")}


@dataclass
class Context:
    """What a normalizer may look at besides its match: publication, tense, the last date given, and
    the quarter or half-year the article reports on ("third-quarter profit ... a year earlier")."""

    published: dt.date
    tense: Tense = "none"
    reference: str | None = None
    period: str | None = None
    # What "a year earlier" compares with: the quarter reported on, or after "the first nine months"
    # (a stretch of the year so far, not a calendar unit) only the year.
    compared: str | None = None
    # The expression dates a noun ("a cutback in September"), so the verb's tense binds it less.
    loose: bool = False
    # The year each month and day named so far was read in: "the September 17 agreement" after "signed
    # on 17 September" is the same day.
    days_named: dict[tuple[int, int], int] = field(default_factory=dict)


Normalizer = Callable[[re.Match[str], Context], str | None]


key = R.key


def rel_offset(word: str | None) -> int | None:
    """-1 for "last"/"past", +1 for "next"/"coming", 0 for "this", None when there is no such word."""
    word = key(word)
    if not word:
        return None
    return -1 if word in _BACK else 1 if word in _AHEAD else 0


def number(text: str | None) -> float | None:
    """The value of "three", "twenty-four", "16" or "a couple of"; None for vague ones ("several")."""
    word = key(text)
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in R.NUMBERS:
        return R.NUMBERS[word]
    parts = re.split(r"[\s-]+", word)
    if parts and all(p in _SPELLED for p in parts):
        return float(sum(_SPELLED[p] for p in parts))
    return None


def pick(options: list[dt.date], ctx: Context, reach: int = 0) -> dt.date | None:
    """Of several readings of a date, the one the tense points to: past → the latest on or before
    publication, future → the first on or after it ("will meet on Thursday" in a Thursday article is
    that day), present or a future seen from the past → the nearest."""
    pub = ctx.published
    nearest = min(options, key=lambda d: abs((d - pub).days), default=None)
    if ctx.tense in ("present", "future_in_past"):
        return nearest
    if ctx.tense == "future":
        chosen = min((d for d in options if d >= pub), default=None)
    else:
        chosen = max((d for d in options if d <= pub), default=None)
    if reach and chosen is not None and abs((chosen - pub).days) > reach:
        return nearest
    return chosen


def _day_in_year(month_num: int, day_num: int, ctx: Context) -> dt.date | None:
    years = range(ctx.published.year - 1, ctx.published.year + 2)
    options = [d for y in years if (d := V.safe_date(y, month_num, day_num)) is not None]
    return pick(options, ctx, reach=DAY_REACH)


def _clock(text: str) -> str | None:
    word = key(text)
    if word.startswith(("noon", "midday")):
        return "12:00"
    if word.startswith("midnight"):
        return "24:00"
    word = re.sub(r"\s*in the (?:afternoon|evening)$", " pm", re.sub(r"\s*in the morning$", " am", word))
    m = re.match(r"(\d{1,2})(?::(\d\d))?\s*(a\.m|p\.m|am|pm)?", word)
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3] and m[3].startswith("p") and hour < 12:
        hour += 12
    if m[3] and m[3].startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 else None


def _with_time(day: dt.date, m: re.Match[str], part: str | None = None) -> str:
    """The day, with a clock time or else a part of day (TIMEX3 "TMO", "TAF", "TEV", "TNI") when the text
    gives one: "Tuesday night" is 2023-03-07TNI. `part` is a code the words imply ("tonight")."""
    groups = m.groupdict()
    clock_text = groups.get("clock") or groups.get("clock2")
    if clock_text and (time := _clock(clock_text)):
        return f"{V.fmt_day(day)}T{time}"
    if groups.get("part"):
        part = R.PARTS_OF_DAY[key(groups["part"])]
    return with_part(day, part)


def with_part(day: dt.date, part: str | None) -> str:
    """A day value, with its part of day when there is one; it still reads back as that day."""
    return f"{V.fmt_day(day)}T{part}" if part else V.fmt_day(day)


def season(code: str, rel: int | None, ctx: Context, past: bool = False) -> str:
    """ "this summer" is the one of the publication year, "last summer" the one a year before that,
    "next summer" the first to begin after publication; a bare "the summer" follows the tense; "this past
    summer" (`past`) is the latest to have ended."""
    pub = ctx.published
    spans = [s for y in range(pub.year - 2, pub.year + 3) if (s := V.interval(f"{y:04d}-{code}")) is not None]
    this = next((s for s in spans if s.first <= pub <= s.last), None)
    this = this or next(s for s in spans if s.last.year == pub.year)
    if rel == 0:
        chosen = this
    elif rel == -1 and past:
        chosen = max((s for s in spans if s.last < pub), key=lambda s: s.last)
    elif rel == -1:
        return f"{this.last.year - 1:04d}-{code}"
    elif rel == 1 or ctx.tense in AHEAD:
        chosen = min((s for s in spans if s.first > pub), key=lambda s: s.first)
    else:
        chosen = max((s for s in spans if s.first <= pub), key=lambda s: s.first)
    return f"{chosen.last.year:04d}-{code}"


def iso_date(m: re.Match[str], ctx: Context) -> str | None:
    day = V.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return V.fmt_day(day) if day else None


def numeric_date(m: re.Match[str], ctx: Context) -> str | None:
    """d/m/y or m/d/y only when one reading is impossible; 03/04/2023 stays unresolved."""
    a, b, year_num = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 >= b or a == b:
        day = V.safe_date(year_num, b, a)
    elif b > 12 >= a:
        day = V.safe_date(year_num, a, b)
    else:
        return None
    return V.fmt_day(day) if day else None


def month_day(m: re.Match[str], ctx: Context) -> str | None:
    """ "March 5", "5 March 2023", "Friday, Oct. 23": a year from the text or from tense."""
    day_text = re.sub(r"[\s-]+", "-", key(m["d"]))
    day_num = R.DAY_ORDINALS[day_text] if day_text in R.DAY_ORDINALS else int(re.sub(r"\D", "", day_text))
    month_num = R.MONTHS[key(m["mon"])]
    if m["y"]:
        day = V.safe_date(int(m["y"]), month_num, day_num)
    elif V.safe_date(2000, month_num, day_num) is None:
        return None
    elif (month_num, day_num) in ctx.days_named:
        day = V.safe_date(ctx.days_named[(month_num, day_num)], month_num, day_num)
    else:
        day = _day_in_year(month_num, day_num, ctx)
    if day is not None:
        ctx.days_named[(month_num, day_num)] = day.year
    return _with_time(day, m) if day else None


def day_range(m: re.Match[str], ctx: Context) -> list[tuple[int, int, str]]:
    """ "between 1 and 3 March", "April 24-25": two days, as TIMEX3 marks a range by its two ends. The
    year is read from the text or, as for one day, from the tense; the first day shares it."""
    first_day = "d1" if m["d1"] else "e1"
    second_day = "d2" if m["d1"] else "e2"
    month_num = R.MONTHS[key(m["mon"] or m["mon2"])]
    year_text = m["y"] or m["y2"]
    days = [int(re.sub(r"\D", "", m[g])) for g in (first_day, second_day)]
    if days[0] >= days[1]:
        return []
    if year_text:
        end = V.safe_date(int(year_text), month_num, days[1])
    elif V.safe_date(2000, month_num, days[1]) is None:
        return []
    else:
        end = _day_in_year(month_num, days[1], ctx)
    start = V.safe_date(end.year, month_num, days[0]) if end else None
    if end is None or start is None:
        return []
    if m["d1"]:
        spans = [m.span("d1"), (m.start("d2"), m.end())]
    else:
        spans = [(m.start(), m.end("e1")), (m.start("e2"), m.end())]
    return [(spans[0][0], spans[0][1], V.fmt_day(start)), (spans[1][0], spans[1][1], V.fmt_day(end))]


def month_year(m: re.Match[str], ctx: Context) -> str | None:
    if m["sy"]:
        year_num = _spelled_year(m["sy"])
    else:
        year_num = int(m["y"]) if m["y"] else ctx.published.year + (rel_offset(m["rel"]) or 0)
    return V.fmt_month(year_num, R.MONTHS[key(m["mon"])])


def month(m: re.Match[str], ctx: Context) -> str | None:
    """ "in February": the latest February not after publication, or the next one in future tense."""
    target, rel, pub = R.MONTHS[key(m["mon"])], rel_offset(m["rel"]), ctx.published
    if m["shared_y"]:
        return V.fmt_month(int(m["shared_y"]), target)
    if rel == 0:
        return V.fmt_month(pub.year, target)
    if rel == -1:
        return V.fmt_month(pub.year - (1 if target >= pub.month else 0), target)
    if rel == 1:
        return V.fmt_month(pub.year + (1 if target <= pub.month else 0), target)
    firsts = [dt.date(y, target, 1) for y in (pub.year - 1, pub.year, pub.year + 1)]
    chosen = pick(
        firsts,
        Context(pub.replace(day=1), ctx.tense),
        reach=LOOSE_MONTH_REACH if ctx.loose and ctx.tense == "past" else 0,
    )
    return V.fmt_month(chosen.year, target) if chosen else None


def weekday(m: re.Match[str], ctx: Context) -> str | None:
    """ "on Tuesday": past tense (or no verb, or "Tuesday's") → the latest Tuesday on or before
    publication; future tense → the first on or after it; present tense → the nearest."""
    target, rel, pub = R.WEEKDAYS[key(m["wd"])], rel_offset(m["rel"]), ctx.published
    ref = V.interval(ctx.reference)
    if key(m["rel"]) in ("the previous", "the following") and ref is not None and ref.kind == "day":
        pub = ref.first  # "down 4.5% from the previous Friday": the one before the day just named
    options = [d for k in range(-7, 8) if (d := pub + dt.timedelta(days=k)).isoweekday() == target]
    if rel == -1:
        day = max(d for d in options if d < pub)
    elif rel == 1:
        day = min(d for d in options if d > pub)
    else:
        possessive = m.string.startswith("'s", m.end())
        tense: Tense = "past" if ctx.tense == "none" or possessive else ctx.tense
        picked = pick(options, Context(pub, tense))
        if picked is None:
            return None
        day = picked
    return _with_time(day, m)


def day_word(m: re.Match[str], ctx: Context) -> str | None:
    """ "yesterday", "tomorrow morning", "tonight" (this day's night, TNI)."""
    word = key(m["word"])
    return _with_time(ctx.published + dt.timedelta(days=_DAY_OFFSETS[word]), m, _DAY_WORD_PARTS.get(word))


def part_of_day(m: re.Match[str], ctx: Context) -> str | None:
    """ "this morning", "last night": the day, with TIMEX3's part of day (TMO, TNI)."""
    if m["over"]:
        return overnight(ctx)
    if m["mid"] or m["within"] or m["within_day"]:
        # "mid-afternoon yesterday"; a bare "by mid-afternoon", "in the morning" or "later in the day" is
        # on the last day named, else on the publication day.
        if m["word"]:
            day = ctx.published + dt.timedelta(days=_DAY_OFFSETS[key(m["word"])])
        else:
            ref = V.interval(ctx.reference)
            day = ref.first if ref is not None and ref.kind == "day" else ctx.published
        if m["within_day"]:
            return V.fmt_day(day)
        return with_part(day, R.PARTS_OF_DAY[key(m["mid"] or m["within"])])
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[key(m["rel"])]
    return _with_time(ctx.published + dt.timedelta(days=offset), m)


def overnight(ctx: Context) -> str:
    """ "struck overnight": a night (TNI) on the publication day. Reported in the past, it is the night
    that ran into that day, whose small hours are when most overnight strikes fall, so events keep the
    day they were dated with before; "last night" names the evening before instead."""
    return with_part(ctx.published, R.PARTS_OF_DAY["overnight"])


def clock(m: re.Match[str], ctx: Context) -> str | None:
    """ "at 6 a.m.": on the last day the article named, else on the publication day."""
    time = _clock(m["clock"])
    ref = V.interval(ctx.reference)
    day = ref.first if ref is not None and ref.kind == "day" else ctx.published
    return f"{V.fmt_day(day)}T{time}" if time else None


def quarter(m: re.Match[str], ctx: Context) -> str | None:
    """ "the third quarter" of the publication year (a year back if it has not begun and the verb is past)."""
    year_text, rel = m["y"] or m["y0"] or m["y1"] or m["y2"] or m["y3"], m["rel"] or m["rel0"]
    year_num = int(year_text) if year_text else ctx.published.year + (rel_offset(rel) or 0)
    if m["two"]:
        # "the first two quarters of 1990" is its first half.
        return f"{year_num:04d}-H{1 if key(m['two']) == 'first' else 2}"
    if m["qn"]:
        return f"{year_num:04d}-Q{m['qn']}"
    half = key(m["unit"]) == "half"
    n = (2 if half else 4) if key(m["q"]) == "last" else R.ORDINALS[key(m["q"])]
    if half and n > 2:
        return None
    starts = dt.date(year_num, (n - 1) * (6 if half else 3) + 1, 1)
    if not (year_text or rel) and ctx.tense == "past" and starts > ctx.published:
        year_num -= 1
    return f"{year_num:04d}-{'H' if half else 'Q'}{n}"


def decade(m: re.Match[str], ctx: Context) -> str | None:
    """ "the 1990s" → 199; "the '80s", "the eighties" → the latest such decade begun by publication;
    "the 1800s" is the century (18), as "the early 1900s" means the early twentieth century."""
    if m["dig"] and m["dig"].endswith("0") and int(m["dig"]) < 200:
        return m["dig"][:2]
    if m["dig"]:
        return str(m["dig"])
    digit = int(m["short"]) if m["short"] else R.DECADE_WORDS[key(m["word"])]
    century_num = ctx.published.year // 100
    if century_num * 100 + digit * 10 > ctx.published.year:
        century_num -= 1
    return f"{century_num * 10 + digit:03d}"


def century(m: re.Match[str], ctx: Context) -> str | None:
    n = int(m["n"])
    return f"{n - 1:02d}" if 1 <= n <= 21 else None


def season_rule(m: re.Match[str], ctx: Context) -> str | None:
    code = R.SEASONS[key(m["s"])]
    if m["y"]:
        return f"{m['y']}-{code}"
    if m["sy"]:
        return f"{_spelled_year(m['sy']):04d}-{code}"  # "the winter of nineteen ninety-four"
    if not m["rel"] and not m["mod"]:
        return None
    rel = None if key(m["rel"]) == "the" else rel_offset(m["rel"])
    return season(code, rel, ctx, past=key(m["rel"]) == "this past")


def fiscal_year(m: re.Match[str], ctx: Context) -> str | None:
    year_num = int(m["y"])
    if year_num < 100:
        year_num += (ctx.published.year // 100) * 100
        year_num -= 100 if year_num > ctx.published.year + 10 else 0
    return f"{year_num:04d}"


def year(m: re.Match[str], ctx: Context) -> str | None:
    return str(m["y"])


def _spelled_year(text: str) -> int:
    words = re.split(r"[\s-]+", key(text).replace("the year ", ""))
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_SPELLED[w] for w in words[2:] if w != "and")
    return _SPELLED[words[0]] * 100 + sum(_SPELLED[w] for w in words[1:])


def spelled_year(m: re.Match[str], ctx: Context) -> str | None:
    """ "nineteen ninety-six" → 1996, "the year two thousand" → 2000 (broadcast transcripts)."""
    return f"{_spelled_year(m['y']):04d}"


def easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    week_day = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * week_day) // 433
    month = (h + week_day - 7 * m + 90) // 25
    day = (h + week_day - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


def _holiday_in(year: int, name: str) -> dt.date | None:
    if name in R.EASTER:
        return easter(year) + dt.timedelta(days=R.EASTER[name])
    if name in R.HOLIDAYS:
        return V.safe_date(year, *R.HOLIDAYS[name])
    month_num, weekday_num, nth, day_num = R.FLOATING[name]
    start = V.safe_date(year, month_num, day_num)
    if start is None:
        return None
    if nth < 0:
        return start - dt.timedelta(days=(start.isoweekday() - weekday_num) % 7)
    return start + dt.timedelta(days=(weekday_num - start.isoweekday()) % 7 + 7 * (nth - 1))


def holiday(m: re.Match[str], ctx: Context) -> str | None:
    """ "Christmas", "Thanksgiving Day": the one the tense points to; "last Thanksgiving" the latest past."""
    name, rel, pub = key(m["name"]), rel_offset(m["rel"]), ctx.published
    options = [d for y in range(pub.year - 1, pub.year + 2) if (d := _holiday_in(y, name)) is not None]
    if rel == -1:
        day = max((d for d in options if d < pub), default=None)
    elif rel == 1:
        day = min((d for d in options if d > pub), default=None)
    elif rel == 0:
        day = next((d for d in options if d.year == pub.year), None)
    else:
        day = pick(options, ctx, reach=DAY_REACH)
    if day is not None and name.endswith("week"):
        return V.fmt_week(day)
    return V.fmt_day(day) if day else None


CALENDAR: dict[str, Normalizer] = {
    "iso_date": iso_date,
    "numeric_date": numeric_date,
    "month_day": month_day,
    "day_month": month_day,
    "month_year": month_year,
    "month": month,
    "weekday": weekday,
    "day_word": day_word,
    "part_of_day": part_of_day,
    "clock": clock,
    "quarter": quarter,
    "decade": decade,
    "century": century,
    "season": season_rule,
    "fiscal_year": fiscal_year,
    "year": year,
    "spelled_year": spelled_year,
    "holiday": holiday,
}

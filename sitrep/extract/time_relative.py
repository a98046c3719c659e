"""Normalizers for units counted from publication or from the last date given, durations, REFs and sets.

"last week", "two days ago" and "this month" count from the publication date; "a year earlier", "the
next day", "the following month" and "the quarter" count from `Context.reference`, the last date the
article itself gave. Durations ("three days" → P3D) are no dates and never become the reference.
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.extract import time_rules as R
from sitrep.extract import time_values as V
from sitrep.extract.time_resolve import (
    AHEAD,
    Context,
    Normalizer,
    key,
    number,
    pick,
    rel_offset,
    season,
    with_part,
)

_AGE = re.compile(r"[\s-]+old\b")
_OF = re.compile(r"\s+of\b")
_RATE = re.compile(r"(?:\d|%|\b(?:times|once|twice|hours|miles|shares|units|dollars|cents))\s*$")
# A preposition that makes "one day" a length ("delayed by one day", "within one day").
_MEASURED = re.compile(r"\b(?:by|for|within|in|after|of|than|about|over|per|only|just)\s+$", re.IGNORECASE)
_TIME_UNITS = {"hour": "H", "minute": "M"}
_ANAPHORIC_REL = frozenset({"the following", "the previous"})
_UNIT_CODES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def _unit_code(unit: str) -> str:
    """ "D", "W", "M", "Q", "Y", "DE", "CE", or "TH"/"TM" for hours and minutes."""
    word = key(unit).removesuffix("s")
    if word.startswith("centur"):
        return "CE"
    return ("T" if word in _TIME_UNITS else "") + R.UNITS.get(word, "")


def _quarter(day: dt.date) -> str:
    return f"{day.year:04d}-Q{V.quarter_of(day)}"


# The kinds of value each unit is coarser than: "the following year" after "July 2024" is 2025.
_FINER = {
    "W": ("day",),
    "M": ("day", "week"),
    "Q": ("day", "week", "month"),
    "Y": ("day", "week", "month", "quarter", "season"),
}


def _coarsen(value: str, code: str) -> str:
    """A value cut to the granularity of the unit that moved it ("the following month" after a day)."""
    span = V.interval(value)
    if span is None or span.kind not in _FINER.get(code, ()):
        return value
    if code == "W":
        return V.fmt_week(span.first)
    if code == "M":
        return V.fmt_month(span.first.year, span.first.month)
    if code == "Q":
        return _quarter(span.first)
    return f"{span.first.year:04d}"


def _from(base: str, n: int, code: str) -> str | None:
    """`base` moved n units, at the unit's own granularity when `base` is finer."""
    if code.startswith("T"):
        return base
    if code in ("DE", "CE"):
        return V.shift(base[:4], n * (10 if code == "DE" else 100), "Y")
    moved = V.shift(base, n, code)
    return _coarsen(moved, code) if moved is not None else None


def relative_unit(m: re.Match[str], ctx: Context) -> str | None:
    """ "last week" → the ISO week before publication's; "the following month" → the one after the last
    date given."""
    rel, unit, pub = rel_offset(m["rel"]) or 0, key(m["unit"]), ctx.published
    if key(m["rel"]) in _ANAPHORIC_REL and ctx.reference and unit in _UNIT_CODES:
        moved = V.shift(ctx.reference, rel, _UNIT_CODES[unit])
        if moved is not None:
            return _coarsen(moved, _UNIT_CODES[unit])
    if unit == "day" and key(m["rel"]) in _ANAPHORIC_REL:
        # "the previous day's blasts" before any date is given: the day before the story's own day
        return V.fmt_day(pub + dt.timedelta(days=rel)) if rel else None
    if unit == "day":
        return "P1D" if rel < 0 else None
    if unit in R.SEASONS:
        return season(R.SEASONS[unit], rel, ctx, past=key(m["rel"]) == "this past")
    if unit in ("week", "weekend"):
        return V.fmt_week(pub + dt.timedelta(weeks=rel), weekend=unit == "weekend")
    if unit == "month":
        return V.fmt_month(*V.add_months(pub.year, pub.month, rel))
    if unit == "quarter":
        return V.shift(_quarter(pub), rel, "Q")
    if unit in ("decade", "century") and rel < 0:
        return "P10Y" if unit == "decade" else "P100Y"
    if unit == "decade":
        return f"{pub.year // 10 + rel:03d}"
    if unit == "century":
        return f"{pub.year // 100 + rel:02d}"
    return f"{pub.year + rel:04d}"


def anaphoric_unit(m: re.Match[str], ctx: Context) -> str | None:
    """ "the week", "that year", "the quarter": the unit holding the last date given, else publication."""
    unit, pub, ref = key(m["unit"] or m["unit2"]), ctx.published, V.interval(ctx.reference)
    if m["ended"] and unit == "year":
        return "P1Y"
    if key(m["adj"]) in ("current", "full"):
        ref = None
        if unit == "quarter":
            return _quarter(pub)
    quarter_ref = ctx.period if key(m["adj"]) != "latest" else None
    if unit == "day":
        return V.fmt_day(ref.first) if ref and ref.kind == "day" else None
    if unit == "quarter" and not quarter_ref and m["ended"] and (end := R.ENDED_DAY.match(m.string, m.end())):
        day = pick(
            [
                d
                for y in range(pub.year - 1, pub.year + 1)
                if (d := V.safe_date(y, R.MONTHS[key(end[1])], int(end[2])))
            ],
            Context(pub, "past"),
        )
        if day is not None:
            # A fiscal quarter ending July 31 runs May to July: name it by its middle.
            return _quarter(day - dt.timedelta(days=45))
    if unit in ("quarter", "period"):
        if quarter_ref or unit == "period" and key(m["adj"]) != "latest":
            return quarter_ref
        return V.shift(_quarter(pub), -1, "Q")
    if unit == "weekend":
        base = pub if pub.isoweekday() >= 6 or ctx.tense in AHEAD else pub - dt.timedelta(weeks=1)
        return V.fmt_week(base, weekend=True)
    anchor = ref.first if ref and ref.kind in ("day", "week", "month") else pub
    if unit == "week":
        return V.fmt_week(anchor)
    if unit == "month":
        return V.fmt_month(anchor.year, anchor.month)
    return f"{(ref.first.year if ref and ref.kind != 'decade' else pub.year):04d}"


def adjacent_day(m: re.Match[str], ctx: Context) -> str | None:
    """ "the next day", "the day before": a day next to the last day-level date given, else nothing."""
    ref = V.interval(ctx.reference)
    if ref is None or ref.kind != "day":
        return None
    back = key(m["rel"]) in ("previous", "preceding") or key(m["dir"]) == "before"
    day = ref.first + dt.timedelta(days=-1 if back else 1)
    return with_part(day, R.PARTS_OF_DAY.get(key(m["unit"])))


def year_period(m: re.Match[str], ctx: Context) -> str | None:
    """ "the 1988 quarter": the quarter last named, in that year."""
    if key(m["unit"]) in ("quarter", "period") and ctx.compared:
        return f"{m['y']}{ctx.compared[4:]}"
    return str(m["y"])


def year_end(m: re.Match[str], ctx: Context) -> str | None:
    """ "by year-end" is this year; "since year-end" in a past clause the last one (TIMEX3 keeps "end" as
    a modifier, so the value is the year)."""
    year = ctx.published.year - (1 if ctx.tense == "past" and ctx.published.month < 12 else 0)
    return f"{year:04d}"


def unit_edge(m: re.Match[str], ctx: Context) -> str | None:
    """ "by the end of the year", "the beginning of the month": the unit holding publication."""
    unit, pub = key(m["unit"]), ctx.published
    if unit == "week":
        return V.fmt_week(pub)
    if unit == "month":
        return V.fmt_month(pub.year, pub.month)
    return f"{pub.year:04d}"


def long_adj(m: re.Match[str], ctx: Context) -> str | None:
    code = _unit_code(m["unit"])
    amount = "X" if key(m["unit"]).endswith("s") else "1"
    return f"P{amount}{'Y' if code == 'DE' else code}"


def ago(m: re.Match[str], ctx: Context) -> str | None:
    """ "two days ago" from publication; "a year ago" after a quarter is that quarter a year back."""
    n, code = number(m["n"]), _unit_code(m["unit"])
    if n is None or n != int(n):
        return "PAST_REF"
    if code == "Y" and ctx.compared:
        return V.shift(ctx.compared, -int(n), "Y")
    return _from(V.fmt_day(ctx.published), -int(n), code)


def shifted(m: re.Match[str], ctx: Context) -> str | None:
    """ "a year earlier", "two days later": counted from the last date given; "from now" from publication."""
    n, code = number(m["n"]), _unit_code(m["unit"])
    sign = -1 if key(m["dir"]) == "earlier" else 1
    if code.startswith("T"):
        return f"PT{'X' if n is None else int(n)}{code[1:]}"
    if n is None or n != int(n):
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    today = V.fmt_day(ctx.published)
    from_now = "now" in key(m["dir"])
    if not (ctx.reference or ctx.compared or from_now):
        # "Two decades later, ..." with no date before it: only the stretch of time is known, which is
        # how TIMEX3 reads "two days later" anyway (a duration, with "later" as its signal)
        return f"P{int(n) * {'DE': 10, 'CE': 100}.get(code, 1)}{'Y' if code in ('DE', 'CE') else code}"
    base = ctx.reference if ctx.reference and not from_now else today
    if code == "Y" and ctx.compared and not from_now:
        base = ctx.compared
    if code in ("DE", "CE"):
        # "two decades later" after "the 2004 bombing": years from that year, not from publication
        return _from(base, sign * int(n), code)
    return V.shift(base, sign * int(n), code) or _from(today, sign * int(n), code)


def year_ago_adj(m: re.Match[str], ctx: Context) -> str | None:
    """ "the year-ago quarter": the period reported on, a year back; "the year-ago third quarter"."""
    if m["q"]:
        return f"{ctx.published.year - 1:04d}-Q{R.ORDINALS[key(m['q'])]}"
    base = ctx.compared or (ctx.reference if V.interval(ctx.reference) else f"{ctx.published.year:04d}")
    return V.shift(base or "", -1, "Y")


def period_year_ago(m: re.Match[str], ctx: Context) -> str | None:
    """ "the same period last year", "last year's quarter": the period reported on, a year back; with no
    period named, only the year is known."""
    if ctx.compared is None:
        return f"{ctx.published.year - 1:04d}"
    return V.shift(ctx.compared, -1, "Y")


# A fractional amount spelled out in the next smaller unit: 2.5 years → P2Y6M, 5.5 hours → PT5H30M.
_SPLIT = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}


def _split(n: float, code: str) -> str:
    small, per = _SPLIT[code]
    whole, rest = int(n), round((n - int(n)) * per)
    big = code.removeprefix("T")
    if code.startswith("T"):
        return f"PT{whole}{big}{rest}{small}" if whole else f"PT{rest}{small}"
    if small == "H":
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    return f"P{whole}{big}{rest}{small}" if whole else f"P{rest}{small}"


def duration(m: re.Match[str], ctx: Context) -> str | None:
    """ "three days" → P3D, "several weeks" → PXW; ages ("52 years old") and rates ("$5 a day") are not."""
    unit, n, text = key(m["unit"]).removesuffix("s"), number(m["n"]), m.string
    if key(m[0]) == "one day" and ctx.tense in AHEAD and not _MEASURED.search(text, 0, m.start()):
        return "FUTURE_REF"  # "the bridge will one day be rebuilt": some day ahead, not a day long
    code = _unit_code(unit)
    if not code or code == "Q" and (key(m["n"]) in ("a", "an") or _OF.match(text, m.end())):
        return None
    if _AGE.match(text, m.end()) or key(m["n"]) in ("a", "an") and _RATE.search(text, 0, m.start()):
        return None
    if n is not None and (m["half"] or m["half2"]):
        n += 0.5
    if n is not None and n != int(n) and code in _SPLIT:
        return _split(n, code)
    amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if code in ("DE", "CE"):
        return _vague_long(code) if n is None else f"P{int(n * (10 if code == 'DE' else 100))}Y"
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"


def _vague_long(code: str) -> str:
    """ "several decades" is some number of years (PXY; PXD would be days); "centuries" keeps TIMEX's C."""
    return "PXY" if code == "DE" else "PXC"


def bare_units(m: re.Match[str], ctx: Context) -> str | None:
    """ "for years" → PXY, "for centuries" → PXC; "for a while" has no unit at all: PXX."""
    if m["while"]:
        return "PXX"
    code = _unit_code(m["unit"] or "")
    return _vague_long(code) if code in ("DE", "CE") else f"PX{code}"


def ref(m: re.Match[str], ctx: Context) -> str | None:
    return R.REFS[key(m[0])]


def set_(m: re.Match[str], ctx: Context) -> str | None:
    if key(m[0]) in R.SETS:
        return R.SETS[key(m[0])]
    if m["wd"]:
        return f"XXXX-WXX-{R.WEEKDAYS[key(m['wd'])]}"
    if m["mon"]:
        return f"XXXX-{R.MONTHS[key(m['mon'])]:02d}"
    return f"P1{_unit_code(m['unit'])}"


def weekday_set(m: re.Match[str], ctx: Context) -> str | None:
    """ "on Tuesdays", "Tuesday nights": every such day (or part of it), a TIMEX3 set with no anchor."""
    day = R.WEEKDAYS[key(m["wds"] or m["wd"])]
    part = f"T{R.PARTS_OF_DAY[key(m['parts'])]}" if m["parts"] else ""
    return f"XXXX-WXX-{day}{part}"


RELATIVE: dict[str, Normalizer] = {
    "relative_unit": relative_unit,
    "anaphoric_unit": anaphoric_unit,
    "adjacent_day": adjacent_day,
    "year_period": year_period,
    "year_end": year_end,
    "unit_edge": unit_edge,
    "long_adj": long_adj,
    "ago": ago,
    "shifted": shifted,
    "year_ago_adj": year_ago_adj,
    "period_year_ago": period_year_ago,
    "duration": duration,
    "bare_units": bare_units,
    "ref": ref,
    "set": set_,
    "weekday_set": weekday_set,
}

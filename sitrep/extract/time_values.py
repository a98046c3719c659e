"""TIMEX3 values (ISO 8601 with reduced precision): build them, shift them, and read them back.

Values are kept as strings because that is what the data contract stores and what gold data compares;
`interval` turns one back into the days it covers, which is all that dating events and anaphora need.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from sitrep.model import TimexPrecision

# Meteorological seasons; "2023-WI" is the winter that ends in 2023 (December 2022 to February 2023).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_DURATION = re.compile(r"^PT?[\dX]")


@dataclass(frozen=True)
class Interval:
    """The days a value covers, with the kind of value it was read from."""

    kind: TimexPrecision
    first: dt.date
    last: dt.date


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None for impossible ones ("February 30", year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def fmt_day(day: dt.date) -> str:
    return day.isoformat()


def fmt_week(day: dt.date, weekend: bool = False) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _month_interval(year: int, first_month: int, last_month: int, kind: TimexPrecision) -> Interval:
    end_year, end_month = add_months(year, 1, last_month - 1)
    start_year, start_month = add_months(year, 1, first_month - 1)
    last_day = calendar.monthrange(end_year, end_month)[1]
    return Interval(kind, dt.date(start_year, start_month, 1), dt.date(end_year, end_month, last_day))


def interval(value: str | None) -> Interval | None:
    """The span of days a date value denotes; None for durations, sets, REFs and anything unreadable."""
    if not value:
        return None
    try:
        return _interval(value)
    except ValueError:
        return None


def _interval(value: str) -> Interval | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return Interval("day", day, day)
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return Interval("week", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        return Interval("week", monday, monday + dt.timedelta(days=6))
    if (m := _MONTH.match(value)) and 1 <= int(m[2]) <= 12:
        return _month_interval(int(m[1]), int(m[2]), int(m[2]), "month")
    if m := _QUARTER.match(value):
        size = 3 if m[2] == "Q" else 6
        if m[2] == "H" and int(m[3]) > 2:
            return None
        first = (int(m[3]) - 1) * size + 1
        return _month_interval(int(m[1]), first, first + size - 1, "quarter")
    if m := _SEASON.match(value):
        first, last = SEASON_MONTHS[m[2]]
        year = int(m[1]) - (1 if m[2] == "WI" else 0)
        return _month_interval(year, first, last, "season")
    if m := _YEAR.match(value):
        return Interval("year", dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))
    if m := _DECADE.match(value):
        start = int(m[1]) * 10
        return Interval("decade", dt.date(max(start, 1), 1, 1), dt.date(start + 9, 12, 31))
    if m := _CENTURY.match(value):
        start = int(m[1]) * 100
        return Interval("century", dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31))
    return None


def precision_of(value: str | None) -> TimexPrecision | None:
    """The contract's precision for a value: a date kind, "vague" for REFs and X-dates, None otherwise."""
    if value is None or _DURATION.match(value):
        return None
    span = interval(value)
    if span is not None:
        return span.kind
    if value.endswith("_REF") or "X" in value:
        return "vague"
    return None


def shift(value: str, n: int, unit: str) -> str | None:
    """`value` moved by n units ("D", "W", "M", "Q", "Y"), keeping its granularity; None if it has none."""
    span = interval(value)
    if span is None:
        return None
    try:
        return _shift(value, span, n, unit)
    except (ValueError, OverflowError):
        return None


def _shift(value: str, span: Interval, n: int, unit: str) -> str | None:
    weekend = value.endswith("-WE")
    if unit in ("D", "W") and span.kind in ("day", "week"):
        moved = span.first + dt.timedelta(days=n * (7 if unit == "W" else 1))
        return fmt_day(moved) if span.kind == "day" else fmt_week(moved, weekend)
    if unit == "Y" and span.kind in ("month", "quarter", "season", "year"):
        year = int(value[:4]) + n
        return f"{year:04d}{value[4:]}" if 1 <= year <= 9999 else None
    if unit == "Y" and span.kind == "week":
        return fmt_week(span.first + dt.timedelta(weeks=52 * n), weekend)
    months = {"M": 1, "Q": 3, "Y": 12}.get(unit)
    if months is None:
        return None
    year, month = add_months(span.first.year, span.first.month, n * months)
    if span.kind == "day":
        last = calendar.monthrange(year, month)[1]
        return fmt_day(dt.date(year, month, min(span.first.day, last)))
    if span.kind == "month":
        return fmt_month(year, month)
    if span.kind == "quarter" and "-Q" in value and months % 3 == 0:
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    return None

"""Colours per event type and the overview's events-per-day chart, drawn server-side as inline SVG.

An SVG built here needs no chart library and no script, so the overview renders under the strict policy
and in a report saved to disk.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any

from markupsafe import Markup, escape

from sitrep.model import PLOVER_TYPES

# One colour per PLOVER type, the violent ones warm; shared by the chart, the map and the legends.
_PALETTE = (
    "#4e79a7", "#59a14f", "#76b7b2", "#8cd17d", "#499894", "#86bcb6", "#b6992d", "#f1ce63",
    "#9d7660", "#d7b5a6", "#bab0ac", "#79706e", "#d37295", "#fabfd2", "#f28e2b", "#e15759",
)  # fmt: skip
TYPE_COLOURS: dict[str, str] = dict(zip(PLOVER_TYPES, _PALETTE, strict=True))


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, "#888888")


BULK = 0.02  # the share of events set aside at each end when finding the bulk of the dates
MARGIN = dt.timedelta(days=30)  # at least this far around the bulk, a date still belongs to the axis


def bulk_range(days: dict[str, int]) -> tuple[dt.date, dt.date]:
    """The dates the chart spans: the bulk of the events (2nd to 98th percentile of their dates, by
    count) widened by as much again (at least 30 days) on each side to take in every date that lies
    that near, so one stray old date does not stretch the axis over a century while a long conflict
    keeps its whole span."""
    ordered = sorted(days)
    total = sum(days.values())
    cut = math.ceil(total * BULK) if total > 1 else 0
    seen = 0
    low = high = None
    for day in ordered:
        seen += days[day]
        if low is None and seen > cut:
            low = day
        if high is None and seen >= total - cut:
            high = day
    start = dt.date.fromisoformat(low or ordered[0])
    end = dt.date.fromisoformat(high or ordered[-1])
    margin = max(MARGIN, end - start)
    inside = [d for d in ordered if start - margin <= dt.date.fromisoformat(d) <= end + margin]
    return dt.date.fromisoformat(inside[0]), dt.date.fromisoformat(inside[-1])


def _ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Dates to label on the axis, each with its year: days or weeks for a short range, months for up
    to two years, years beyond."""
    span = (end - start).days
    if span <= 120:
        step = 1 if span <= 14 else 7 if span <= 70 else 14
        return [
            (day, day.isoformat())
            for n in range(0, span + 1, step)
            if (day := start + dt.timedelta(days=n)) <= end
        ]
    if span <= 730:
        every = 1 if span <= 190 else 3
        ticks = []
        month = dt.date(start.year, start.month, 1)
        while month <= end:
            if month >= start and (month.month - 1) % every == 0:
                ticks.append((month, month.strftime("%b %Y")))
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return ticks
    every = max(1, (end.year - start.year) // 10)
    return [(dt.date(y, 1, 1), str(y)) for y in range(start.year + 1, end.year + 1) if y % every == 0]


def events_per_day_svg(rows: list[dict[str, Any]], width: int = 900, height: int = 260) -> Markup:
    """Stacked bars on a date axis, one colour per type; `rows` are (date, type, events). The axis spans
    the bulk of the events (`bulk_range`); events dated outside it are counted in a note below."""
    days: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        days[row["date"]][row["type"]] = row["events"]
    if not days:
        return Markup('<p class="empty">No dated events.</p>')
    start, end = bulk_range({day: sum(counts.values()) for day, counts in days.items()})
    shown = {d: c for d, c in days.items() if start.isoformat() <= d <= end.isoformat()}
    top = max(sum(counts.values()) for counts in shown.values())
    left, right, plot_h = 40, 10, height - 60
    span = (end - start).days + 1
    step = (width - left - right) / span
    bar = max(1.0, step * 0.8)
    base = 10 + plot_h
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Events per day by type"'
        f' data-first="{start}" data-last="{end}">',
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" class="axis"/>',
        f'<text x="{left - 6}" y="16" class="tick" text-anchor="end">{top}</text>',
        f'<text x="{left - 6}" y="{base}" class="tick" text-anchor="end">0</text>',
    ]
    for day, counts in sorted(shown.items()):
        x = left + (dt.date.fromisoformat(day) - start).days * step
        y = float(base)
        for event_type in PLOVER_TYPES:
            count = counts.get(event_type, 0)
            if not count:
                continue
            h = plot_h * count / top
            y -= h
            fill = colour(event_type)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{fill}">'
                f"<title>{escape(day)}: {count} {escape(event_type)}</title></rect>"
            )
    for tick, label in _ticks(start, end):
        x = left + ((tick - start).days + 0.4) * step
        parts.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 5}" class="axis"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{height - 30}" class="tick date-tick" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    outside = {d: sum(c.values()) for d, c in days.items() if d not in shown}
    if outside:
        dates = sorted(outside)
        listed = ", ".join(f"{d} ({outside[d]})" for d in dates[:6]) + (" …" if len(dates) > 6 else "")
        count = sum(outside.values())
        parts.append(
            f'<p class="note outliers">{count} event{"s" if count != 1 else ""} dated outside'
            f" {start} to {end} {'is' if count == 1 else 'are'} left off the chart: {escape(listed)}.</p>"
        )
    return Markup("".join(parts))

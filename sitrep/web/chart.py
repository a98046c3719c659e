"""Colours per event type and the overview's events-per-day chart, drawn server-side as inline SVG.

An SVG built here needs no chart library and no script, so the overview renders under the strict policy
and in a report saved to disk.
"""

from __future__ import annotations

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


def events_per_day_svg(rows: list[dict[str, Any]], width: int = 900, height: int = 260) -> Markup:
    """Stacked bars, one per day that has events, one colour per type; `rows` are (date, type, events)."""
    days: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        days[row["date"]][row["type"]] = row["events"]
    if not days:
        return Markup('<p class="empty">No dated events.</p>')
    ordered = sorted(days)
    top = max(sum(counts.values()) for counts in days.values())
    left, plot_h = 40, height - 60
    step = (width - left - 10) / len(ordered)
    bar = max(2.0, step * 0.8)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Events per day by type">',
        f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 10}" y2="{10 + plot_h}" class="axis"/>',
        f'<text x="{left - 6}" y="16" class="tick" text-anchor="end">{top}</text>',
        f'<text x="{left - 6}" y="{10 + plot_h}" class="tick" text-anchor="end">0</text>',
    ]
    label_every = max(1, len(ordered) // 12)
    for i, day in enumerate(ordered):
        x = left + i * step
        y = 10.0 + plot_h
        for event_type in PLOVER_TYPES:
            count = days[day].get(event_type, 0)
            if not count:
                continue
            h = plot_h * count / top
            y -= h
            fill = colour(event_type)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{fill}">'
                f"<title>{escape(day)}: {count} {escape(event_type)}</title></rect>"
            )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 14}" class="tick" text-anchor="middle">'
                f"{escape(day[5:])}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))

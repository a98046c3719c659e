"""The overview's chart: a date axis that names its dates with their years, over the bulk of the events,
and a note for the events dated outside it."""

from __future__ import annotations

import datetime as dt
import re

from sitrep.web.chart import bulk_range, events_per_day_svg


def _rows(days: dict[str, int]) -> list[dict[str, object]]:
    return [{"date": day, "type": "ASSAULT", "events": n} for day, n in days.items()]


def test_one_stray_old_date_does_not_stretch_the_axis_and_is_noted() -> None:
    days = {f"2025-03-{d:02d}": 5 for d in range(1, 15)} | {"1875-03-01": 1}
    assert bulk_range(days) == (dt.date(2025, 3, 1), dt.date(2025, 3, 14))
    svg = str(events_per_day_svg(_rows(days)))
    assert 'data-first="2025-03-01" data-last="2025-03-14"' in svg
    assert "1 event dated outside 2025-03-01 to 2025-03-14 is left off the chart: 1875-03-01 (1)." in svg
    assert svg.count("<rect") == 14


def test_axis_labels_carry_the_year_at_every_scale() -> None:
    for days in (
        {"2025-03-01": 2, "2025-03-09": 3},  # days
        {"2024-01-15": 2, "2024-09-20": 3},  # months
        {"2019-11-25": 2, "2025-03-14": 3},  # years
    ):
        labels = re.findall(r'class="tick date-tick"[^>]*>([^<]+)<', str(events_per_day_svg(_rows(days))))
        assert len(labels) >= 2
        assert all(re.search(r"(19|20)\d\d", label) for label in labels), labels


def test_an_empty_chart_says_so() -> None:
    assert "No dated events" in str(events_per_day_svg([]))

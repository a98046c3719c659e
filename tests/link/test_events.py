from __future__ import annotations

import datetime as dt

from sitrep.link.events import Report, cluster, compatible, linked_id

KUPIANSK = (49.71, 37.62)
KHARKIV = (49.99, 36.23)


def report(
    article: str,
    day: str = "2024-05-07",
    precision: int = 1,
    place: tuple[float, float] | None = KUPIANSK,
    mode: str | None = "heavy-weapons",
    actor1: str | None = None,
    family: str = "ASSAULT",
) -> Report:
    before, after = {1: (1, 1), 2: (4, 1), 3: (31, 31)}[precision]
    lat, lon = place if place else (None, None)
    return Report(
        article, "ev-1", day, 0, family, mode, dt.date.fromisoformat(day).toordinal(), before, after,
        lat, lon, 10.0 if place else None, actor1, None, mergeable=place is not None,
    )  # fmt: skip


def test_reports_of_one_shelling_are_compatible() -> None:
    assert compatible(report("a"), report("b", day="2024-05-08", precision=2, actor1="RU"))


def test_what_keeps_reports_apart() -> None:
    base = report("a", actor1="RU")
    assert not compatible(base, report("b", place=KHARKIV))
    assert not compatible(base, report("b", day="2024-05-15"))
    assert not compatible(base, report("b", mode="drone"))
    assert not compatible(base, report("b", actor1="UA"))
    assert not compatible(base, report("b", family="PROTEST"))
    assert not compatible(base, report("b", place=None))


def test_a_week_precise_date_reaches_back_a_few_days_only() -> None:
    exact = report("a", day="2024-05-08")
    assert compatible(exact, report("b", day="2024-05-11", precision=2))
    assert not compatible(exact, report("b", day="2024-05-15", precision=2))


def test_an_undated_report_joins_the_group_nearest_in_time() -> None:
    first = report("a", day="2024-05-08")
    second = report("b", day="2024-05-11")
    vague = report("c", day="2024-05-12", precision=2)
    groups = cluster([first, second, vague])
    assert [[r.article_id for r in g] for g in groups] == [["a"], ["b", "c"]]


def test_the_first_report_anchors_the_id() -> None:
    groups = cluster([report("b", day="2024-05-08"), report("a")])
    assert len(groups) == 1
    assert linked_id(groups[0][0]) == linked_id(report("a"))


def test_a_region_and_a_day_are_not_enough() -> None:
    def regional(article: str, mode: str | None, actor1: str | None) -> Report:
        found = report(article, mode=mode, actor1=actor1)
        found.radius_km = 50.0
        return found

    assert not compatible(regional("a", None, None), regional("b", None, None))
    assert compatible(regional("a", "drone", None), regional("b", "drone", None))
    assert compatible(regional("a", None, "RU"), regional("b", None, "RU"))


def test_day_precise_reports_two_days_apart_are_two_events() -> None:
    assert compatible(report("a", day="2024-05-07"), report("b", day="2024-05-08"))
    assert not compatible(report("a", day="2024-05-07"), report("b", day="2024-05-09"))

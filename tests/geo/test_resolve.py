"""Resolution on hand-made candidates: priors, context, qualifiers, and no guess when it is a coin toss."""

from __future__ import annotations

from collections import Counter

import pytest

from sitrep.geo.gazetteer import Candidate
from sitrep.geo.resolve import Mention, resolve


def _place(
    row: int, name: str, country: str, population: int, lat: float, lon: float, **extra: object
) -> Candidate:
    fields: dict[str, object] = {
        "row": row,
        "name": name,
        "lat": lat,
        "lon": lon,
        "country_code": country,
        "admin1": None,
        "population": population,
        "feature": "city",
        "geonames_id": row,
    }
    fields.update(extra)
    return Candidate(**fields)  # type: ignore[arg-type]


PARIS_FR = _place(1, "Paris", "FR", 2_138_551, 48.85, 2.35)
PARIS_US = _place(2, "Paris", "US", 24_782, 33.66, -95.56)
PARIS_FR_CAPITAL = _place(1, "Paris", "FR", 2_138_551, 48.85, 2.35, capital=True)
GEORGIA_GE = _place(3, "Georgia", "GE", 3_704_500, 42.0, 43.5, feature="country")
GEORGIA_US = _place(4, "Georgia", "US", 4_835_606, 32.75, -83.5, feature="region")
KHERSON_OBLAST = _place(5, "Kherson Oblast", "UA", 1_000_000, 46.75, 33.35, feature="region")
KHERSON = _place(6, "Kherson", "UA", 290_000, 46.64, 32.61, region_row=5)
ILLINOIS = _place(7, "Illinois", "US", 12_000_000, 40.0, -89.0, feature="region")
SPRINGFIELD_IL = _place(8, "Springfield", "US", 116_000, 39.8, -89.64, region_row=7)
SPRINGFIELD_MO = _place(9, "Springfield", "US", 167_000, 37.21, -93.29)
TWIN_A = _place(10, "Twin", "AA", 100_000, 10.0, 10.0)
TWIN_B = _place(11, "Twin", "BB", 100_000, 40.0, 60.0)
TWIN_NEAR = _place(12, "Twin", "AA", 90_000, 10.3, 10.2)
HAMLET = _place(13, "Hamlet", "UA", 800, 48.0, 37.0)
TOWN = _place(14, "Bakhmut", "UA", 80_500, 48.59, 38.0)


def _names(mentions: list[Mention], countries: Counter[str] | None = None) -> list[str | None]:
    return [
        None if c is None else f"{c.candidate.name}/{c.candidate.country_code}"
        for c in resolve(mentions, countries)
    ]


@pytest.mark.parametrize(
    ("mentions", "countries", "expected"),
    [
        ([Mention("paris", (PARIS_FR, PARIS_US))], None, ["Paris/FR"]),
        ([Mention("georgia", (GEORGIA_GE, GEORGIA_US))], None, ["Georgia/GE"]),
        ([Mention("georgia", (GEORGIA_GE, GEORGIA_US))], Counter({"US": 3}), ["Georgia/US"]),
        ([Mention("kherson", (KHERSON_OBLAST, KHERSON))], None, ["Kherson/UA"]),
        (
            [Mention("kherson region", (KHERSON_OBLAST, KHERSON), wants_region=True)],
            None,
            ["Kherson Oblast/UA"],
        ),
        ([Mention("twin", (TWIN_A, TWIN_B))], None, [None]),
        ([Mention("twin", (TWIN_A, TWIN_B))], Counter({"BB": 2}), ["Twin/BB"]),
        ([Mention("twin", (TWIN_A, TWIN_NEAR))], None, ["Twin/AA"]),
        ([Mention("hamlet", (HAMLET,), strong=False)], None, [None]),
        ([Mention("hamlet", (HAMLET,))], None, [None]),
        ([Mention("hamlet", (HAMLET,))], Counter({"UA": 1}), ["Hamlet/UA"]),
        ([Mention("bakhmut", (TOWN,), strong=False)], Counter({"UA": 2}), ["Bakhmut/UA"]),
        ([Mention("paris", (PARIS_FR, PARIS_US))], Counter({"US": 3}), ["Paris/US"]),
        ([Mention("paris", (PARIS_FR_CAPITAL, PARIS_US))], Counter({"US": 3}), ["Paris/FR"]),
        ([Mention("paris", (PARIS_US,), strong=False, person=True)], None, [None]),
        ([Mention("paris", (PARIS_US,), strong=False, person=True)], Counter({"US": 1}), ["Paris/US"]),
    ],
    ids=[
        "most populous",
        "country over a US state",
        "US state in a US article",
        "city over its namesake region",
        "region when named with a region word",
        "far-apart tie gives nothing",
        "tie broken by the article's country",
        "near-by readings are no tie",
        "a hamlet the NER missed is no place",
        "a hamlet with no support is no place",
        "a hamlet in the article's country",
        "an ORG-tagged town in the article's country",
        "a US article's context outweighs a big city",
        "but not a national capital of a million",
        "a person's name is no town without support",
        "a person's name is a town in the article's country",
    ],
)
def test_resolve(mentions: list[Mention], countries: Counter[str] | None, expected: list[str | None]) -> None:
    assert _names(mentions, countries) == expected


def test_qualifier_picks_the_town_in_that_region() -> None:
    mentions = [
        Mention("springfield", (SPRINGFIELD_MO, SPRINGFIELD_IL), qualifier=1),
        Mention("illinois", (ILLINOIS,)),
    ]
    assert _names(mentions) == ["Springfield/US", "Illinois/US"]
    choice = resolve(mentions)[0]
    assert choice is not None and choice.candidate is SPRINGFIELD_IL
    assert any("qualified by Illinois" in reason for reason in choice.reasons)


def test_an_old_name_of_a_bigger_city_loses_to_a_place_of_that_name() -> None:
    engels = _place(30, "Engels", "RU", 196_011, 51.5, 46.1, alias=True)
    pokrovsk = _place(31, "Pokrovsk", "UA", 60_127, 48.28, 37.18)
    assert _names([Mention("pokrovsk", (engels, pokrovsk))], Counter({"UA": 1, "RU": 1})) == ["Pokrovsk/UA"]


def test_a_spelling_variant_alone_is_enough() -> None:
    kupyansk = _place(32, "Kupyansk", "UA", 27_169, 49.71, 37.62, alias=True)
    assert _names([Mention("kupiansk", (kupyansk,))]) == ["Kupyansk/UA"]


def test_other_places_of_the_article_are_context() -> None:
    mentions = [
        Mention("twin", (TWIN_A, TWIN_B)),
        Mention("elsewhere", (_place(20, "Elsewhere", "BB", 500_000, 40.5, 60.5),)),
    ]
    assert _names(mentions) == ["Twin/BB", "Elsewhere/BB"]


def test_a_name_is_no_context_for_itself() -> None:
    mentions = [Mention("twin", (TWIN_A, TWIN_B)), Mention("twin", (TWIN_A, TWIN_B))]
    assert _names(mentions) == [None, None]


def test_reasons_explain_the_score() -> None:
    choice = resolve([Mention("georgia", (GEORGIA_GE, GEORGIA_US))], Counter({"US": 1}))[0]
    assert choice is not None
    assert choice.reasons[0].startswith("region of population 4,835,606")
    assert any("country US" in reason for reason in choice.reasons)


def test_a_town_in_a_country_the_article_never_names_needs_more_than_its_size() -> None:
    """An article about Kenya that names "Suba" does not mean Suba in the Philippines."""
    suba = _place(40, "Suba", "PH", 9_666, 14.0, 121.0)
    assert _names([Mention("suba", (suba,))], Counter({"KE": 3})) == [None]
    assert _names([Mention("suba", (suba,))], Counter({"KE": 1})) == ["Suba/PH"]
    geneva = _place(41, "Geneva", "CH", 183_981, 46.2, 6.15)
    assert _names([Mention("geneva", (geneva,))], Counter({"UA": 3})) == ["Geneva/CH"]


def test_a_list_of_regions_and_a_region_after_a_town() -> None:
    washington_dc = _place(50, "Washington", "US", 689_545, 38.9, -77.0)
    washington_state = _place(51, "Washington", "US", 6_500_000, 47.3, -120.2, feature="region")
    texas = _place(52, "Texas", "US", 25_000_000, 31.3, -98.5, feature="region")
    tacoma = _place(53, "Tacoma", "US", 217_000, 47.25, -122.44, region_row=51)
    listed = [
        Mention("texas", (texas,), listed=(1,)),
        Mention("washington", (washington_dc, washington_state), listed=(0,)),
    ]
    assert _names(listed, Counter({"US": 2})) == ["Texas/US", "Washington/US"]
    assert resolve(listed, Counter({"US": 2}))[1].candidate is washington_state  # type: ignore[union-attr]
    after_town = [
        Mention("tacoma", (tacoma,), qualifier=1, listed=(1,)),
        Mention("washington", (washington_dc, washington_state), qualifies=0, listed=(0,)),
    ]
    assert resolve(after_town, Counter({"US": 2}))[1].candidate is washington_state  # type: ignore[union-attr]


def test_a_shortened_saint_is_the_places_own_name() -> None:
    """ "St. Petersburg" is Saint Petersburg by its own name, shortened, not by an alternate name."""
    russia = _place(60, "Saint Petersburg", "RU", 5_351_935, 59.94, 30.31, alias=True)
    florida = _place(61, "St. Petersburg", "US", 257_083, 27.77, -82.68)
    assert _names([Mention("st petersburg", (russia, florida))], Counter({"RU": 2, "US": 2})) == [
        "Saint Petersburg/RU"
    ]


def test_a_name_left_open_is_settled_by_the_places_resolved_around_it() -> None:
    """ "from Gloucester and Cheltenham": once Cheltenham is an English town, Gloucester is the one near it."""
    gloucester_ca = _place(70, "Gloucester", "CA", 150_012, 45.28, -75.68)
    gloucester_gb = _place(71, "Gloucester", "GB", 132_416, 51.86, -2.24)
    cheltenham_gb = _place(72, "Cheltenham", "GB", 116_447, 51.9, -2.07)
    cheltenham_us = _place(73, "Cheltenham", "US", 36_000, 40.06, -75.1)
    mentions = [
        Mention("gloucester", (gloucester_ca, gloucester_gb)),
        Mention("cheltenham", (cheltenham_gb, cheltenham_us)),
    ]
    assert _names(mentions) == ["Gloucester/GB", "Cheltenham/GB"]

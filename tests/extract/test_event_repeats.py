"""One event told several times in one article is one event with every telling as evidence."""

from __future__ import annotations

import datetime as dt


def _assaults(extraction):  # type: ignore[no-untyped-def]
    return [e for e in extraction.events if e.type == "ASSAULT"]


def test_a_named_victim_killed_twice_in_the_telling_is_one_killing(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militant commander Omar Haddad was killed in an airstrike in Raqqa on Tuesday, officials said.\n\n"
        "The army said Haddad was killed after months of surveillance."
    )
    extraction = extract(text)
    [killing] = _assaults(extraction)
    assert killing.fatalities == 1
    assert killing.date == dt.date(2024, 5, 7) and killing.date_precision == 1
    assert killing.place_id is not None
    told = [text[s.start : s.end] for s in killing.evidence]
    assert any("Raqqa" in t for t in told) and any("months of surveillance" in t for t in told)


def test_attacks_on_unnamed_civilians_stay_apart(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian forces shelled Kherson on Monday, killing two civilians.\n\n"
        "In a separate attack, Russian forces shelled Nikopol on Tuesday, killing three civilians."
    )
    assert len(_assaults(extract(text))) == 2


def test_two_different_places_or_days_stay_two_events(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen killed tribal elder Ahmed Wali in Quetta on Monday.\n\n"
        "A week earlier gunmen had killed Ahmed Wali's brother in Turbat."
    )
    assert len(_assaults(extract(text))) == 2


def test_the_same_pronoun_twice_is_no_evidence(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The gunmen stopped the bus and shot them, a survivor said.\n\n"
        "At night the gunmen stopped a second bus and shot them too."
    )
    assert len(_assaults(extract(text))) == 2

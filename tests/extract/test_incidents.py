"""Which mentions are incidents, and one event per incident (sitrep/extract/events/status.py and
incidents.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

STATUSES = [
    ("Rebels attacked the town of Kupiansk on Tuesday, killing three civilians.", "incident"),
    ("In the last 15 months, 1,250 militants have been killed in the province, officials said.", "aggregate"),
    ("Since last August, the group has carried out several deadly attacks on the army.", "aggregate"),
    ("The war killed 100,000 people.", "aggregate"),
    ("In 2010, commandos stormed a ship off the coast of Gaza.", "background"),
    ("Rebels attack army convoys on the highway.", "generic"),
    ("The journalist was almost gunned down outside her home.", "planned"),
    ("Prosecutors on Monday ordered the arrest of the mayor.", "planned"),
    ("The army did not shell the village.", "denied"),
]


@pytest.mark.parametrize(("text", "status"), STATUSES)
def test_mention_status(extract, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    statuses = {e.status for e in extract(text).events if e.type in ("ASSAULT", "COERCE")}
    assert status in statuses


def test_only_incidents_keep_an_acled_type(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "In 2010, commandos stormed a ship off the coast of Gaza. "
        "On Tuesday, gunmen killed five villagers in Kupiansk."
    ).events
    assert all((e.acled_event_type is not None) == (e.status == "incident") for e in events)
    assert any(e.status == "background" and e.date is not None and e.date.year == 2010 for e in events)


def test_one_incident_told_many_times_is_one_event(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen attacked a bus in Kupiansk on Tuesday, killing five passengers. "
        '"They shot at the windows," a survivor said. The attack was the deadliest this year.'
    )
    rows = [e for e in extract(text).events if e.acled_event_type]
    assert len(rows) == 1
    assert rows[0].fatalities == 5
    assert str(rows[0].date) == "2024-05-07"


def test_undated_attack_takes_the_day_of_the_story(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked a train near Kupiansk on Tuesday. "
        "Officials said 21 passengers died in the attack by the militants."
    )
    rows = [e for e in extract(text).events if e.acled_event_type]
    assert rows and all(str(e.date) == "2024-05-07" for e in rows)


def test_freed_passengers_are_no_agreement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Some 354 passengers were freed on Tuesday.").events
    assert not any(e.acled_sub_event_type == "Agreement" for e in events)
    swapped = extract("Russia and Ukraine exchanged 90 prisoners of war on Tuesday.").events
    assert any(e.acled_sub_event_type == "Agreement" for e in swapped)

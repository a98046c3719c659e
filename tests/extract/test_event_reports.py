"""Acts reported by the wordings news uses for them, and the ACLED sub-event types they get
(sitrep/extract/events/means.py, mentions.py and status.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

SUB_EVENTS = [
    ("Three soldiers were killed in a blast near the town on Tuesday.", "Remote explosive/landmine/IED"),
    (
        "Two policemen died in an explosion at a checkpoint in the district on Tuesday.",
        "Remote explosive/landmine/IED",
    ),
]


@pytest.mark.parametrize(("text", "sub_event"), SUB_EVENTS)
def test_sub_event_type(extract, text: str, sub_event: str) -> None:  # type: ignore[no-untyped-def]
    subs = {e.acled_sub_event_type for e in extract(text).events}
    assert sub_event in subs

from __future__ import annotations

import pytest

from sitrep.export.crowds import crowd_tag


@pytest.mark.parametrize(
    ("evidence", "tag"),
    [
        ("Several hundred relatives of prisoners rallied in central Kyiv.", "crowd size=several hundred"),
        ("Police fired tear gas to disperse hundreds of young people protesting.", "crowd size=hundreds"),
        ("About 2,000 demonstrators marched to parliament.", "crowd size=about 2,000"),
        ("Tens of thousands of protesters filled the square.", "crowd size=tens of thousands"),
        ("Hundreds of thousands of people marched.", "crowd size=hundreds of thousands"),
        ("Demonstrators chanted as they marched in Khartoum.", "crowd size=no report"),
    ],
)
def test_crowd_size_of_a_protest(evidence: str, tag: str) -> None:
    assert crowd_tag("Protests", evidence) == tag


def test_no_tag_outside_demonstrations() -> None:
    assert crowd_tag("Battles", "Hundreds of fighters attacked the town.") == ""

"""ACLED's `tags` for demonstrations: the crowd size as the text gives it.

ACLED tags every protest and riot with the size of the crowd, in the source's own words ("crowd
size=hundreds"), or "crowd size=no report" when the source gives none. sitrep reads the size from the
event's evidence: a number or a vague count ("several hundred", "thousands", "dozens") before a word
for the people gathered, up to two words apart ("hundreds of young people").
"""

from __future__ import annotations

import re

_HEDGES = "several|a few|some|about|around|roughly|nearly|almost|more than|over|at least|up to|an estimated"
_COUNTS = (  # longest first, so "hundreds of thousands" is not read as "hundreds"
    r"tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|"
    r"\d[\d,.]*(?:\s+(?:hundred|thousand|million))?|"
    r"(?:a|one|two|three|several|a few)\s+(?:dozen|hundred|thousand)"
)
_SIZE = rf"(?:(?:{_HEDGES})\s+)?(?:{_COUNTS})"
_CROWD = (
    r"people|persons|protesters|protestors|demonstrators|marchers|relatives|families|students|supporters|"
    r"residents|workers|women|youths|activists|villagers|mourners|farmers|teachers|traders|rioters|"
    r"opposition supporters|men"
)
_PATTERN = re.compile(rf"\b(?P<size>{_SIZE})(?:\s+of)?\s+(?:[\w'-]+\s+){{0,2}}?(?:{_CROWD})\b", re.IGNORECASE)


def crowd_tag(event_type: str | None, evidence: str) -> str:
    """ "crowd size=…" for a protest or a riot ("no report" when the text gives no size); "" otherwise."""
    if event_type not in ("Protests", "Riots"):
        return ""
    found = _PATTERN.search(evidence or "")
    return f"crowd size={found.group('size').casefold() if found else 'no report'}"

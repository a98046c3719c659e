"""The parts a report is made of: sections of sentences, each sentence carrying the spans it rests on,
and the bottom line of counts that opens it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitrep.report.bottom_line import BottomLine


@dataclass(frozen=True)
class Citation:
    """A span of one article: the evidence a sentence rests on."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    text: str
    citations: list[Citation]
    figures: list[Figure] = field(default_factory=list)  # claimed figures shown side by side


@dataclass(frozen=True)
class Figure:
    """One figure of a disagreement: what is claimed, who claims it, through whom, and where it is said."""

    value: str
    speaker: str
    via: str
    source: str
    citation: Citation


@dataclass
class Section:
    title: str
    sentences: list[Sentence] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Report:
    since: dt.date
    until: dt.date
    place: str | None
    sections: list[Section]
    bottom_line: BottomLine | None = None

    def sentences(self) -> list[Sentence]:
        """Every sentence of the report, in order."""
        found: list[Sentence] = []
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            found.extend(section.sentences)
            stack.extend(reversed(section.subsections))
        return found

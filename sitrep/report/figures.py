"""Figures that claims give, grouped by what they count, where and when, so disagreements sit side by side.

Built on the per-article tables: a claim's date and place are those of the first event attributed to it
(the event the speaker reports; an incident before any other mention), else its article's publication
day and no place. `about_incident` tells a figure about an incident, or about no event, from one about
mentions that are not incidents ("hundreds killed since 2009"), which the report leaves out.
Figures of the same unit at the same place within `WINDOW_DAYS` of each other form one group; without a
place only the same day does. A figure whose unit is unknown ("nine", of "four killed and nine
wounded") cannot be compared and is left out.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from sitrep.errors import StoreError
from sitrep.store.store import Store

WINDOW_DAYS = 2
CASUALTY_UNITS = frozenset(
    {
        "civilians",
        "people",
        "deaths",
        "victims",
        "soldiers",
        "servicemen",
        "troops",
        "children",
        "women",
        "men",
    }
)
_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "child": "children", "death": "deaths"}


@dataclass(frozen=True)
class Figure:
    """One number a claim gives, with who gives it and where it is said."""

    value: float
    text: str
    unit: str
    date: str
    place: str | None
    speaker: str | None
    source: str | None
    published: str
    article_id: str
    claim_id: str
    start: int
    end: int
    content: str
    place_written: str = ""
    about_incident: bool = True


@dataclass
class FigureGroup:
    unit: str
    place: str | None
    first: str
    last: str
    figures: list[Figure] = field(default_factory=list)

    @property
    def claims(self) -> int:
        """How many claims give a figure here ("11 of 13 drones" is one claim, not two sources)."""
        return len({(f.article_id, f.claim_id) for f in self.figures})

    @property
    def disagrees(self) -> bool:
        """Two different claims give different figures."""
        return any(
            a.value != b.value and (a.article_id, a.claim_id) != (b.article_id, b.claim_id)
            for a in self.figures
            for b in self.figures
        )

    def at(self, place: str) -> bool:
        """Whether the group's place is called `place`, by its gazetteer name or as an article wrote it."""
        needle = place.casefold()
        names = [self.place or "", *(f.place_written for f in self.figures)]
        return any(needle in name.casefold() for name in names)

    @property
    def casualties(self) -> bool:
        return self.unit in CASUALTY_UNITS


def unit_key(unit: str) -> str:
    """'civilian' and 'civilians' count the same thing."""
    word = unit.casefold().strip()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    return word if word.endswith("s") or word in _IRREGULAR.values() else word + "s"


_SQL = """
SELECT q.value, q.text, q.unit, c.article_id, c.id AS claim_id, c.content_start, c.content_end,
       c.content_text, coalesce(n.name, c.speaker_text) AS speaker, a.source, a.published,
       (SELECT e.date FROM events e WHERE e.article_id = c.article_id AND e.attributed_to = c.id
        ORDER BY e.status <> 'incident', e.seq LIMIT 1) AS event_date,
       (SELECT p.name FROM events e JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
        WHERE e.article_id = c.article_id AND e.attributed_to = c.id
        ORDER BY e.status <> 'incident', e.seq LIMIT 1) AS place,
       (SELECT group_concat(m.text, ' | ') FROM events e JOIN mentions m
            ON m.article_id = e.article_id AND m.place_id = e.place_id
        WHERE e.article_id = c.article_id AND e.attributed_to = c.id) AS place_written,
       coalesce((SELECT max(e.status = 'incident') FROM events e
                 WHERE e.article_id = c.article_id AND e.attributed_to = c.id), 1) AS about_incident
FROM quantities q
JOIN claims c ON c.article_id = q.article_id AND c.id = q.claim_id
JOIN articles a ON a.id = c.article_id
LEFT JOIN entities n ON n.article_id = c.article_id AND n.id = c.speaker_entity_id
WHERE q.unit IS NOT NULL AND a.published BETWEEN :since AND :until
ORDER BY a.published, c.article_id, c.seq, q.seq
"""


def figures(store: Store, since: dt.date | None = None, until: dt.date | None = None) -> list[Figure]:
    """Every figure with a unit in claims of articles published in the range."""
    params = {
        "since": since.isoformat() if since else "0000-01-01",
        "until": until.isoformat() if until else "9999-12-31",
    }
    try:
        rows = store.connection.execute(_SQL, params).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read: {exc}") from exc
    return [
        Figure(
            value=row["value"],
            text=row["text"],
            unit=unit_key(row["unit"]),
            date=row["event_date"] or row["published"],
            place=row["place"],
            speaker=row["speaker"],
            source=row["source"],
            published=row["published"],
            article_id=row["article_id"],
            claim_id=row["claim_id"],
            start=row["content_start"],
            end=row["content_end"],
            content=row["content_text"],
            place_written=row["place_written"] or "",
            about_incident=bool(row["about_incident"]),
        )
        for row in rows
    ]


def group_figures(found: list[Figure]) -> list[FigureGroup]:
    """Groups of figures about the same count, place and days; groups with a disagreement first."""
    groups: list[FigureGroup] = []
    open_groups: dict[tuple[str, str | None], FigureGroup] = {}
    for figure in sorted(found, key=lambda f: (f.unit, f.place or "", f.date, f.article_id, f.claim_id)):
        key = (figure.unit, figure.place)
        current = open_groups.get(key)
        window = WINDOW_DAYS if figure.place else 0
        if current is None or _days(current.last, figure.date) > window:
            current = FigureGroup(figure.unit, figure.place, figure.date, figure.date)
            open_groups[key] = current
            groups.append(current)
        current.figures.append(figure)
        current.last = figure.date
    groups.sort(key=lambda g: (not g.disagrees, -g.claims, g.first, g.unit))
    return groups


def _days(earlier: str, later: str) -> int:
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days

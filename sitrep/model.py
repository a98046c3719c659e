"""The data contract: what goes in (Article) and what comes out (Extraction).

Pydantic models, because the contract is printed as JSON Schema (`sitrep schema`) and read back from
JSON. Every span is `{start, end, text}` in character offsets into the article text, end exclusive, so
`text[start:end] == span.text` always holds. Nothing here depends on spaCy or on any other part of sitrep.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]

# Actor kinds (ONTOLOGY.md 4.1): the first nine map to ACLED inter codes, the rest only speak.
ACTOR_KINDS = (
    "state_forces",
    "government",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_other",
    "media",
    "international_org",
    "ngo",
    "party",
)

TimexPrecision = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century", "vague"]
ClaimKind = Literal["direct_quote", "indirect", "according_to"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the article text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Article(_Model):
    """One dated input article; `text` is kept exactly as given so offsets index what the user gave."""

    id: str
    published: dt.date
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"

    @staticmethod
    def make_id(source: str | None, text: str) -> str:
        """A stable id from outlet and text, for input that carries none."""
        digest = hashlib.sha1(f"{source or ''}\n{text}".encode()).hexdigest()
        return digest[:16]


class Document(_Model):
    id: str
    published: dt.date
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"

    @classmethod
    def of(cls, article: Article) -> Document:
        """The `document` part an Extraction of `article` carries."""
        return cls(
            id=article.id,
            published=article.published,
            title=article.title,
            source=article.source,
            url=article.url,
            language=article.language,
        )


class Entity(_Model):
    id: str
    name: str
    type: str
    aliases: list[str]
    kind: str | None = None
    country: str | None = None
    mentions: list[Span]


class Place(_Model):
    id: str
    name: str
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    feature: str | None = None
    precision: int | None = Field(default=None, ge=1, le=3)
    mentions: list[Span]


def is_district(place: Place) -> bool:
    """A second-level area: a region that lies in a first-level region of another name (a first-level
    region carries its own name as admin1)."""
    return place.feature == "region" and place.admin1 is not None and place.admin1 != place.name


class Timex(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: str | None = None
    precision: TimexPrecision | None = None


# PLOVER modes that name the means of an attack: two reports naming different means are two attacks
# (drone against artillery). Other modes ("destroy", "beat") describe an effect and fit any means.
ATTACK_MEANS = frozenset({"aerial", "drone", "heavy-weapons", "firearms", "explosives", "crowd-control"})


def means_differ(one: str | None, other: str | None) -> bool:
    """Whether two modes name different means of attack (within one article or across articles)."""
    return one in ATTACK_MEANS and other in ATTACK_MEANS and one != other


class Actor(_Model):
    entity_id: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    country: str | None = None
    kind: str | None = None


# What a mention of an act is (ONTOLOGY.md, "Which mentions are incidents"): only an `incident`, a
# specific act that happened recently, is coded like ACLED and counted by exports, the map, the timeline,
# the report and the summary. The others are kept for the analyst who wants them: `generic` (habitual or
# general statements), `aggregate` (a count over a period), `background` (an old incident, with its own
# date), `planned` (planned, threatened, conditional), `denied` (negated or denied).
EventStatus = Literal["incident", "generic", "aggregate", "background", "planned", "denied"]
EVENT_STATUSES = ("incident", "generic", "aggregate", "background", "planned", "denied")


class Event(_Model):
    id: str
    type: PloverType
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    trigger: Span
    actor1: Actor | None = None
    actor2: Actor | None = None
    place_id: str | None = None
    date: dt.date | None = None
    date_precision: int | None = Field(default=None, ge=1, le=3)
    fatalities: int | None = None
    negated: bool = False
    hypothetical: bool = False
    status: EventStatus = "incident"
    attributed_to: str | None = None
    confidence: float = Field(default=0.5, ge=0, le=1)
    evidence: list[Span]


def is_incident(event: Event) -> bool:
    """Whether an event is told as a specific act that took place, so event datasets count it."""
    return event.status == "incident" and not event.negated and not event.hypothetical


def is_acled_row(event: Event) -> bool:
    """Whether the ACLED export writes the event as a row; one rule, so the export and the incident
    scorer (`sitrep eval incidents`) cannot count different events."""
    return bool((event.acled_event_type or "").strip()) and is_incident(event)


class SpeakerRef(_Model):
    entity_id: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Quantity(_Model):
    """A number a claim gives. `high` closes a range: "tens of thousands" is 10,000 to 99,999, "between
    10 and 15" is 10 to 15; a plain count has none."""

    value: float
    unit: str | None = None
    text: str
    high: float | None = None


class Claim(_Model):
    id: str
    kind: ClaimKind
    speaker: SpeakerRef | None = None
    cue: Span | None = None
    content: Span
    via: list[str] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    evidence: list[Span]


class Relation(_Model):
    subject: str
    predicate: str
    object: str
    evidence: list[Span]


class Extraction(_Model):
    """Everything sitrep read from one article (DESIGN.md section 3)."""

    document: Document
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    def spans(self) -> list[Span | Timex | Actor | SpeakerRef]:
        """Every span-shaped value, for checks that offsets index the text."""
        found: list[Span | Timex | Actor | SpeakerRef] = []
        for entity in self.entities:
            found.extend(entity.mentions)
        for place in self.places:
            found.extend(place.mentions)
        found.extend(self.timexes)
        for event in self.events:
            found.append(event.trigger)
            found.extend(a for a in (event.actor1, event.actor2) if a is not None)
            found.extend(event.evidence)
        for claim in self.claims:
            found.extend(s for s in (claim.speaker, claim.cue, claim.content) if s is not None)
            found.extend(claim.evidence)
        for relation in self.relations:
            found.extend(relation.evidence)
        return found


def json_schema() -> dict[str, object]:
    """The contract as JSON Schema, printed by `sitrep schema`."""
    return Extraction.model_json_schema()

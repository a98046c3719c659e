"""A hand-coded article and its Extraction, shared by the store and export tests.

Every span is found in the text by `span()`, so `text[start:end] == span.text` holds by construction.
"""

from __future__ import annotations

import datetime as dt

from sitrep.model import (
    Actor,
    Article,
    Claim,
    Document,
    Entity,
    Event,
    Extraction,
    Place,
    Quantity,
    Relation,
    Span,
    SpeakerRef,
    Timex,
)

TEXT = (
    "Russian forces shelled the town of Kostiantynivka on Tuesday, killing two civilians, "
    "Donetsk regional governor Pavlo Kyrylenko said. "
    "Ukrainian troops clashed with Wagner fighters near Bakhmut, the General Staff said. "
    "President Volodymyr Zelensky ordered reinforcements to Bakhmut on Monday. "
    "Moscow denied targeting civilians and threatened new strikes on Bakhmut. "
    '"We will hold the line," Kyrylenko told reporters.'
)


def span(part: str, nth: int = 0, text: str = TEXT) -> Span:
    """The `nth` occurrence (from 0) of `part` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start=start, end=start + len(part), text=part)


def actor(part: str, entity_id: str | None, country: str | None, kind: str | None, nth: int = 0) -> Actor:
    found = span(part, nth)
    return Actor(entity_id=entity_id, start=found.start, end=found.end, text=part, country=country, kind=kind)


def speaker(part: str, entity_id: str | None, nth: int = 0) -> SpeakerRef:
    found = span(part, nth)
    return SpeakerRef(entity_id=entity_id, start=found.start, end=found.end, text=part)


def timex(part: str, value: str) -> Timex:
    found = span(part)
    return Timex(start=found.start, end=found.end, text=part, value=value, precision="day")


def article(article_id: str = "kost-2023-03-08", text: str = TEXT) -> Article:
    return Article(
        id=article_id,
        published=dt.date(2023, 3, 8),
        text=text,
        title="Shelling in Kostiantynivka",
        source="Example Wire",
        url="https://example.org/kostiantynivka",
    )


def extraction(source: Article | None = None) -> Extraction:
    """The Extraction a careful coder would give the sample article."""
    art = source or article()
    entities = [
        Entity(
            id="ent-1",
            name="Russian forces",
            type="NORP",
            aliases=["Russian forces"],
            kind="state forces",
            country="RU",
            mentions=[span("Russian forces")],
        ),
        Entity(
            id="ent-2",
            name="civilians",
            type="NORP",
            aliases=["civilians"],
            kind="civilians",
            country="UA",
            mentions=[span("civilians"), span("civilians", 1)],
        ),
        Entity(
            id="ent-3",
            name="Pavlo Kyrylenko",
            type="PERSON",
            aliases=["Pavlo Kyrylenko", "Kyrylenko"],
            kind="government",
            country="UA",
            mentions=[span("Pavlo Kyrylenko"), span("Kyrylenko", 1)],
        ),
        Entity(
            id="ent-4",
            name="Ukrainian troops",
            type="NORP",
            aliases=["Ukrainian troops"],
            kind="state_forces",
            country="UA",
            mentions=[span("Ukrainian troops")],
        ),
        Entity(
            id="ent-5",
            name="Wagner Group",
            type="ORG",
            aliases=["Wagner"],
            kind="external_other",
            country="RU",
            mentions=[span("Wagner")],
        ),
        Entity(
            id="ent-6",
            name="General Staff",
            type="ORG",
            aliases=["the General Staff"],
            kind="state_forces",
            country="UA",
            mentions=[span("the General Staff")],
        ),
        Entity(
            id="ent-7",
            name="Volodymyr Zelensky",
            type="PERSON",
            aliases=["Volodymyr Zelensky"],
            kind="government",
            country="UA",
            mentions=[span("Volodymyr Zelensky")],
        ),
        Entity(
            id="ent-8",
            name="Moscow",
            type="GPE",
            aliases=["Moscow"],
            kind="government",
            country="RU",
            mentions=[span("Moscow")],
        ),
    ]
    places = [
        Place(
            id="pl-1",
            name="Kostiantynivka",
            lat=48.5277,
            lon=37.7050,
            country_code="UA",
            admin1="Donetsk Oblast",
            admin2="Kramatorskyi Raion",
            geonames_id=704147,
            feature="city",
            precision=1,
            mentions=[span("Kostiantynivka")],
        ),
        Place(
            id="pl-2",
            name="Bakhmut",
            lat=48.59441,
            lon=37.99983,
            country_code="UA",
            admin1="Donetsk Oblast",
            geonames_id=713174,
            feature="city",
            precision=2,
            mentions=[span("Bakhmut"), span("Bakhmut", 1), span("Bakhmut", 2)],
        ),
        Place(
            id="pl-3",
            name="Donetsk Oblast",
            lat=48.0,
            lon=37.8,
            country_code="UA",
            admin1="Donetsk Oblast",
            feature="region",
            precision=3,
            mentions=[span("Donetsk")],
        ),
    ]
    first_sentence = span(
        "Russian forces shelled the town of Kostiantynivka on Tuesday, killing two civilians, "
        "Donetsk regional governor Pavlo Kyrylenko said."
    )
    shelling = span("Russian forces shelled the town of Kostiantynivka on Tuesday, killing two civilians")
    clash = span("Ukrainian troops clashed with Wagner fighters near Bakhmut")
    claims = [
        Claim(
            id="cl-1",
            kind="indirect",
            speaker=speaker("Pavlo Kyrylenko", "ent-3"),
            cue=span("said"),
            content=shelling,
            quantities=[Quantity(value=2, unit="civilians killed", text="two civilians")],
            evidence=[first_sentence],
        ),
        Claim(
            id="cl-2",
            kind="indirect",
            speaker=speaker("the General Staff", "ent-6"),
            cue=span("said", 1),
            content=clash,
            via=["ent-6"],
            evidence=[
                span("Ukrainian troops clashed with Wagner fighters near Bakhmut, the General Staff said.")
            ],
        ),
        Claim(
            id="cl-3",
            kind="direct_quote",
            speaker=speaker("Kyrylenko", "ent-3", nth=1),
            cue=span("told"),
            content=span("We will hold the line,"),
            evidence=[span('"We will hold the line," Kyrylenko told reporters.')],
        ),
    ]
    events = [
        Event(
            id="ev-1",
            type="ASSAULT",
            mode="heavy-weapons",
            acled_event_type="Explosions/Remote violence",
            acled_sub_event_type="Shelling/artillery/missile attack",
            trigger=span("shelled"),
            actor1=actor("Russian forces", "ent-1", "RU", "state forces"),
            actor2=actor("civilians", "ent-2", "UA", "civilians"),
            place_id="pl-1",
            date=dt.date(2023, 3, 7),
            date_precision=1,
            fatalities=2,
            attributed_to="cl-1",
            confidence=0.9,
            evidence=[shelling],
        ),
        Event(
            id="ev-2",
            type="ASSAULT",
            acled_event_type="Battles",
            acled_sub_event_type="Armed clash",
            trigger=span("clashed"),
            actor1=actor("Ukrainian troops", "ent-4", "UA", "state_forces"),
            actor2=actor("Wagner fighters", "ent-5", "RU", "external_other"),
            place_id="pl-2",
            attributed_to="cl-2",
            confidence=0.8,
            evidence=[clash],
        ),
        Event(
            id="ev-3",
            type="MOBILIZE",
            mode="troops",
            acled_event_type="Strategic developments",
            acled_sub_event_type="Change to group/activity",
            trigger=span("ordered reinforcements"),
            actor1=actor("Volodymyr Zelensky", "ent-7", "UA", "government"),
            place_id="pl-2",
            date=dt.date(2023, 3, 6),
            date_precision=1,
            fatalities=0,
            confidence=0.7,
            evidence=[span("President Volodymyr Zelensky ordered reinforcements to Bakhmut on Monday.")],
        ),
        Event(
            id="ev-4",
            type="ASSAULT",
            acled_event_type="Violence against civilians",
            acled_sub_event_type="Attack",
            trigger=span("targeting"),
            actor1=actor("Moscow", "ent-8", "RU", "government"),
            actor2=actor("civilians", "ent-2", "UA", "civilians", nth=1),
            negated=True,
            status="denied",
            confidence=0.6,
            evidence=[span("Moscow denied targeting civilians")],
        ),
        Event(
            id="ev-5",
            type="ASSAULT",
            mode="heavy-weapons",
            acled_event_type="Explosions/Remote violence",
            acled_sub_event_type="Shelling/artillery/missile attack",
            trigger=span("strikes"),
            actor1=actor("Moscow", "ent-8", "RU", "government"),
            place_id="pl-2",
            hypothetical=True,
            status="planned",
            confidence=0.5,
            evidence=[span("threatened new strikes on Bakhmut")],
        ),
    ]
    relations = [
        Relation(
            subject="ent-3",
            predicate="governor_of",
            object="pl-3",
            evidence=[span("Donetsk regional governor Pavlo Kyrylenko")],
        )
    ]
    return Extraction(
        document=Document(
            id=art.id,
            published=art.published,
            title=art.title,
            source=art.source,
            url=art.url,
            language=art.language,
        ),
        entities=entities,
        places=places,
        timexes=[timex("Tuesday", "2023-03-07"), timex("Monday", "2023-03-06")],
        events=events,
        claims=claims,
        relations=relations,
    )


SECOND_TEXT = (
    "Protesters gathered in central Kyiv on Sunday to demand the return of prisoners of war, "
    "organisers said. Police did not intervene."
)


def second_article() -> Article:
    return Article(id="kyiv-2023-04-02", published=dt.date(2023, 4, 2), text=SECOND_TEXT, source="Other Wire")


def second_extraction() -> Extraction:
    """A smaller article a month later: one protest in Kyiv, for the date and place filters."""
    art = second_article()

    def at(part: str) -> Span:
        return span(part, text=SECOND_TEXT)

    protest = at("Protesters gathered in central Kyiv on Sunday")
    return Extraction(
        document=Document(id=art.id, published=art.published, source=art.source),
        entities=[
            Entity(
                id="ent-1",
                name="Protesters",
                type="NORP",
                aliases=["Protesters"],
                kind="protesters",
                country="UA",
                mentions=[at("Protesters")],
            )
        ],
        places=[
            Place(
                id="pl-1",
                name="Kyiv",
                lat=50.45466,
                lon=30.5238,
                country_code="UA",
                admin1="Kyiv City",
                geonames_id=703448,
                feature="city",
                precision=1,
                mentions=[at("Kyiv")],
            )
        ],
        timexes=[Timex(start=at("Sunday").start, end=at("Sunday").end, text="Sunday", value="2023-04-02")],
        events=[
            Event(
                id="ev-1",
                type="PROTEST",
                mode="demo",
                acled_event_type="Protests",
                acled_sub_event_type="Peaceful protest",
                trigger=at("gathered"),
                actor1=Actor(
                    entity_id="ent-1",
                    start=0,
                    end=len("Protesters"),
                    text="Protesters",
                    country="UA",
                    kind="protesters",
                ),
                place_id="pl-1",
                date=dt.date(2023, 4, 2),
                date_precision=1,
                fatalities=0,
                evidence=[protest],
            )
        ],
    )

"""Whatever valid Extraction goes in comes back equal: generated articles, written and read back."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.model import (
    EVENT_STATUSES,
    PLOVER_TYPES,
    Actor,
    Article,
    Claim,
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
from sitrep.store import Store, rows

texts = st.text(max_size=30)
maybe_texts = st.none() | texts
offsets = st.integers(min_value=0, max_value=2**62)
numbers = st.floats(allow_nan=False)
spans = st.builds(Span, start=offsets, end=offsets, text=texts)
span_lists = st.lists(spans, max_size=3)


@st.composite
def extractions(draw: st.DrawFn) -> tuple[Article, Extraction]:
    article = Article(
        id=draw(st.text(min_size=1, max_size=20)),
        published=draw(st.dates()),
        text=draw(st.text(max_size=200)),
        title=draw(maybe_texts),
        source=draw(maybe_texts),
        url=draw(maybe_texts),
        language=draw(st.sampled_from(["en", "uk", "fr"])),
    )
    entity_ids = draw(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=4))
    place_ids = draw(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=3))
    claim_ids = draw(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=3))
    event_ids = draw(st.lists(st.text(min_size=1, max_size=8), unique=True, max_size=4))
    entity_refs = st.none() | st.sampled_from(entity_ids) if entity_ids else st.none()
    place_refs = st.none() | st.sampled_from(place_ids) if place_ids else st.none()
    claim_refs = st.none() | st.sampled_from(claim_ids) if claim_ids else st.none()
    actors = st.none() | st.builds(
        Actor,
        entity_id=entity_refs,
        start=offsets,
        end=offsets,
        text=texts,
        country=maybe_texts,
        kind=maybe_texts,
    )
    entities = [
        Entity(
            id=entity_id,
            name=draw(texts),
            type=draw(texts),
            aliases=draw(st.lists(texts, max_size=3)),
            kind=draw(maybe_texts),
            country=draw(maybe_texts),
            mentions=draw(span_lists),
        )
        for entity_id in entity_ids
    ]
    places = [
        Place(
            id=place_id,
            name=draw(texts),
            lat=draw(st.none() | numbers),
            lon=draw(st.none() | numbers),
            country_code=draw(maybe_texts),
            admin1=draw(maybe_texts),
            geonames_id=draw(st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1)),
            feature=draw(maybe_texts),
            precision=draw(st.none() | st.integers(1, 3)),
            mentions=draw(span_lists),
        )
        for place_id in place_ids
    ]
    claims = [
        Claim(
            id=claim_id,
            kind=draw(st.sampled_from(["direct_quote", "indirect", "according_to"])),
            speaker=draw(
                st.none()
                | st.builds(SpeakerRef, entity_id=entity_refs, start=offsets, end=offsets, text=texts)
            ),
            cue=draw(st.none() | spans),
            content=draw(spans),
            via=draw(st.lists(texts, max_size=3)),
            quantities=draw(
                st.lists(st.builds(Quantity, value=numbers, unit=maybe_texts, text=texts), max_size=2)
            ),
            evidence=draw(span_lists),
        )
        for claim_id in claim_ids
    ]
    events = [
        Event(
            id=event_id,
            type=draw(st.sampled_from(PLOVER_TYPES)),
            mode=draw(maybe_texts),
            acled_event_type=draw(maybe_texts),
            acled_sub_event_type=draw(maybe_texts),
            trigger=draw(spans),
            actor1=draw(actors),
            actor2=draw(actors),
            place_id=draw(place_refs),
            date=draw(st.none() | st.dates()),
            date_precision=draw(st.none() | st.integers(1, 3)),
            fatalities=draw(st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1)),
            negated=draw(st.booleans()),
            hypothetical=draw(st.booleans()),
            status=draw(st.sampled_from(EVENT_STATUSES)),
            attributed_to=draw(claim_refs),
            confidence=draw(st.floats(0, 1)),
            evidence=draw(span_lists),
        )
        for event_id in event_ids
    ]
    timexes = draw(
        st.lists(
            st.builds(
                Timex,
                start=offsets,
                end=offsets,
                text=texts,
                value=maybe_texts,
                precision=st.none() | st.sampled_from(["day", "week", "month", "year", "vague"]),
            ),
            max_size=3,
        )
    )
    relations = draw(
        st.lists(
            st.builds(Relation, subject=texts, predicate=texts, object=texts, evidence=span_lists), max_size=3
        )
    )
    extraction = Extraction(
        document=rows.document_of(article),
        entities=entities,
        places=places,
        timexes=timexes,
        events=events,
        claims=claims,
        relations=relations,
    )
    return article, extraction


@settings(max_examples=60, deadline=None)
@given(extractions())
def test_generated_extractions_round_trip(pair: tuple[Article, Extraction]) -> None:
    article, extraction = pair
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "rt.db") as store:
        assert store.add(article, extraction)
        assert store.article(article.id) == article
        assert store.extraction(article.id) == extraction
        assert store.extraction(article.id).model_dump(mode="json") == extraction.model_dump(mode="json")


def test_year_one_and_far_future_dates_round_trip(tmp_path: Path) -> None:
    for day in (dt.date.min, dt.date.max):
        article = Article(id=str(day), published=day, text=f"text {day}")
        with Store(tmp_path / "dates.db") as store:
            store.add(article, Extraction(document=rows.document_of(article)))
            assert store.extraction(article.id).document.published == day


def test_every_status_round_trips(tmp_path: Path) -> None:
    article = Article(id="a", published=dt.date(2024, 5, 8), text="shelled")
    events = [
        Event(
            id=f"ev-{i}",
            type="ASSAULT",
            trigger=Span(start=0, end=7, text="shelled"),
            status=status,
            evidence=[],
        )
        for i, status in enumerate(EVENT_STATUSES)
    ]
    with Store(tmp_path / "status.db") as store:
        store.add(article, Extraction(document=rows.document_of(article), events=events))
        stored = store.extraction("a").events
        column = [row[0] for row in store.connection.execute("SELECT status FROM events ORDER BY seq")]
    assert [event.status for event in stored] == list(EVENT_STATUSES)
    assert column == list(EVENT_STATUSES)

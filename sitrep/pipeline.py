"""The visible list of stages: Article -> spaCy Doc -> Extraction.

Each stage is a plain function of what the earlier ones found; the order below is the order they run:

    places     gazetteer lookups over the text (a town the NER calls ORG is still a town)
    entities   named actors and actor phrases, merged by alias (places are not entities)
    relations  roles stated next to names ("Wagner chief Yevgeny Prigozhin")
    timexes    time expressions resolved against the publication date
    claims     who said what (events inside a claim are attributed to it)
    events     who did what to whom, where and when; one event told twice is one event

The work is pure: nothing here writes anywhere, so articles can be processed in any order or in parallel.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from spacy.tokens import Doc

from sitrep.errors import ExtractionError, RefusedError
from sitrep.extract.claims import extract_claims
from sitrep.extract.entities import extract_entities
from sitrep.extract.events import ArticleFacts, extract_events
from sitrep.extract.mentions import Mention, MentionIndex
from sitrep.extract.places import extract_places
from sitrep.extract.relations import extract_relations
from sitrep.extract.timexes import extract_timexes
from sitrep.geo.gazetteer import Gazetteer
from sitrep.limits import check_parsable, max_chars
from sitrep.model import Article, Document, Entity, Extraction, Relation
from sitrep.nlp.loader import DEFAULT_MODEL, load_nlp

STAGES = ("nlp", "places", "entities", "relations", "timexes", "claims", "events")
_ROLE_INHERITS = {"leader_of", "commander_of", "member_of"}
T = TypeVar("T")
Result = Extraction | ExtractionError | RefusedError


class Pipeline:
    """The spaCy pipeline and the gazetteer, loaded once, and the stages that use them."""

    def __init__(self, model: str = DEFAULT_MODEL, published_known: bool = True) -> None:
        """`published_known=False` when the articles' publication dates are placeholders (gold
        snippets that carry none): acts are then not judged history or still to come by their dates."""
        self.model = model
        self.published_known = published_known
        self.nlp = load_nlp(model)
        self.nlp.max_length = max(self.nlp.max_length, max_chars())  # longer texts are refused first
        self.gazetteer = Gazetteer.load()
        self.timings: dict[str, float] = defaultdict(float)

    def extract(self, article: Article) -> Extraction:
        """The Extraction of one article; RefusedError for a text `sitrep.limits` refuses."""
        try:
            check_parsable(article.text)
        except ValueError as exc:
            raise RefusedError(article.id, str(exc)) from None
        doc = self._timed("nlp", self.nlp, article.text)
        return self.extract_doc(doc, article)

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Result]]:
        """Extractions of many articles, parsed in batches for speed, in input order.

        One article never costs its neighbours: a text `sitrep.limits` refuses yields a RefusedError,
        and an article spaCy or the extractors fail on an ExtractionError, in its place. When spaCy
        fails on a batch, its articles are parsed again one by one to find the one at fault.
        """
        pending = iter(articles)
        while batch := list(islice(pending, batch_size)):
            for article, parsed in zip(batch, self._parse(batch), strict=True):
                if isinstance(parsed, Doc):
                    try:
                        yield article, self.extract_doc(parsed, article)
                    except Exception as exc:  # one broken article must not stop a batch of thousands
                        yield article, ExtractionError(article.id, exc)
                else:
                    yield article, parsed

    def _parse(self, batch: list[Article]) -> list[Doc | RefusedError | ExtractionError]:
        """The spaCy Doc of each article of a batch, or why it has none."""
        found: list[Doc | RefusedError | ExtractionError] = []
        fit: list[int] = []
        for article in batch:
            try:
                check_parsable(article.text)
            except ValueError as exc:
                found.append(RefusedError(article.id, str(exc)))
            else:
                fit.append(len(found))
                found.append(ExtractionError(article.id, RuntimeError("not parsed")))
        started = time.perf_counter()
        try:
            docs: list[Doc | ExtractionError] = list(self.nlp.pipe(batch[i].text for i in fit))
        except Exception:
            docs = [self._parse_one(batch[i]) for i in fit]
        self.timings["nlp"] += time.perf_counter() - started
        for i, doc in zip(fit, docs, strict=True):
            found[i] = doc
        return found

    def _parse_one(self, article: Article) -> Doc | ExtractionError:
        try:
            return self.nlp(article.text)
        except Exception as exc:
            return ExtractionError(article.id, exc)

    def extract_doc(self, doc: Doc, article: Article) -> Extraction:
        """Run the stages over a parsed article."""
        places = self._timed("places", extract_places, doc, self.gazetteer)
        place_index = MentionIndex(
            [Mention(m.start, m.end, m.text, p.id) for p in places for m in p.mentions]
        )
        entities, entity_index = self._timed("entities", extract_entities, doc, place_index)
        relations = self._timed("relations", extract_relations, doc, entities, entity_index, place_index)
        entities = inherit_roles(entities, relations)
        timexes = self._timed("timexes", extract_timexes, doc, article.published)
        claims = self._timed("claims", extract_claims, doc, entities, entity_index)
        facts = ArticleFacts(
            doc=doc,
            published=article.published,
            entities={e.id: e for e in entities},
            entity_mentions=entity_index,
            places={p.id: p for p in places},
            place_mentions=place_index,
            timexes=timexes,
            claims=claims,
            published_known=self.published_known,
        )
        events = self._timed("events", extract_events, facts, entities, places)
        return Extraction(
            document=Document.of(article),
            entities=entities,
            places=places,
            timexes=timexes,
            events=events,
            claims=claims,
            relations=relations,
        )

    def _timed(self, stage: str, function: Callable[..., T], *args: object) -> T:
        started = time.perf_counter()
        try:
            return function(*args)
        finally:
            self.timings[stage] += time.perf_counter() - started


def inherit_roles(entities: list[Entity], relations: list[Relation]) -> list[Entity]:
    """A person with no kind of their own takes the kind and country of the group they lead or
    serve ("Wagner chief Yevgeny Prigozhin" is, like Wagner, external/other and Russian)."""
    by_id = {e.id: e for e in entities}
    updated = dict(by_id)
    for relation in relations:
        person, group = by_id.get(relation.subject), by_id.get(relation.object)
        if person is None or group is None or relation.predicate not in _ROLE_INHERITS or person.kind:
            continue
        updated[person.id] = person.model_copy(
            update={"kind": group.kind, "country": person.country or group.country}
        )
    return [updated[e.id] for e in entities]

"""The whole pipeline: the acceptance facts on the Bakhmut sample, a golden article, and offsets."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import read_articles
from sitrep.model import Article, Extraction
from sitrep.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def _spans_hold(article: Article, extraction: Extraction) -> None:
    for span in extraction.spans():
        assert article.text[span.start : span.end] == span.text, span


def test_bakhmut_sample_acceptance(pipeline: Pipeline, bakhmut_path: Path) -> None:
    [article] = list(read_articles([str(bakhmut_path)]))
    assert isinstance(article, Article)
    x = pipeline.extract(article)
    _spans_hold(article, x)
    zelensky = [e for e in x.entities if "Zelensky" in e.aliases]
    assert len(zelensky) == 1 and "Volodymyr Zelenskyy" in zelensky[0].aliases
    values = {t.text: t.value for t in x.timexes}
    assert values["Tuesday"] == "2023-03-07" and values["Monday"] == "2023-03-06"
    assert values["February"] == "2023-02" and values["2014"] == "2014"
    bakhmut = next(p for p in x.places if p.name == "Bakhmut")
    assert bakhmut.lat is not None and bakhmut.lon is not None
    assert _distance_km(bakhmut.lat, bakhmut.lon, 48.59, 38.00) <= 25
    assert any(
        e.type == "ASSAULT"
        and e.actor1 is not None
        and e.actor1.country == "RU"
        and e.place_id == bakhmut.id
        and e.date == dt.date(2023, 3, 7)
        and e.date_precision == 1
        for e in x.events
    )
    prigozhin = next(e for e in x.entities if e.name == "Yevgeny Prigozhin")
    assert any(
        c.kind == "direct_quote" and c.speaker and c.speaker.entity_id == prigozhin.id for c in x.claims
    )
    wagner = next(e for e in x.entities if e.name.startswith("Wagner") and e.type == "ORG")
    assert any(
        r.subject == prigozhin.id and r.predicate == "leader_of" and r.object == wagner.id
        for r in x.relations
    )


def test_every_example_article_keeps_its_offsets(pipeline: Pipeline) -> None:
    articles = [a for a in read_articles([str(EXAMPLES)]) if isinstance(a, Article)]
    assert len(articles) >= 15
    for article, extraction in pipeline.pipe(articles):
        assert isinstance(extraction, Extraction)
        _spans_hold(article, extraction)


def test_golden_article(pipeline: Pipeline) -> None:
    """The whole Extraction of one example article, compared with the reviewed copy in tests/golden.

    Set SITREP_UPDATE_GOLDEN=1 to rewrite it after a deliberate change, then review the diff."""
    [article] = [a for a in read_articles([str(EXAMPLES / "03-kupiansk-shelling-governor.txt")])]
    assert isinstance(article, Article)
    produced = pipeline.extract(article).model_dump(mode="json")
    golden = GOLDEN / "03-kupiansk-shelling-governor.json"
    if os.environ.get("SITREP_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(produced, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert produced == json.loads(golden.read_text(encoding="utf-8"))


_FRAGMENTS = [
    "Russian forces shelled Kharkiv on Tuesday, killing three civilians.",
    '"We will hold the line," the commander said.',
    "According to the ministry, 12 soldiers died.",
    "Zelensky’s adviser Mykhailo Podolyak stressed that Ukraine was ready.",
    "Protesters rallied in Tbilisi last week.",
    "Police arrested dozens in Bamako on 5 May 2024.",
    "February 30 the 45th year 99999",
    "\n\n",
    "  ",
    "ä – “quoted” ",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=20)), min_size=1, max_size=8),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_spans_always_index_the_text(pipeline: Pipeline, parts: list[str], day: dt.date) -> None:
    text = " ".join(parts)
    article = Article(id="p", published=day, text=text)
    extraction = pipeline.extract(article)
    _spans_hold(article, extraction)
    ids = [
        item.id
        for section in (extraction.entities, extraction.places, extraction.events, extraction.claims)
        for item in section
    ]
    assert len(ids) == len(set(ids))

"""Extraction in worker processes gives what one process gives, in input order."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
import signal

from sitrep import parallel
from sitrep.errors import ExtractionError, RefusedError
from sitrep.model import Article
from sitrep.pipeline import Pipeline

TEXTS = (
    "Russian forces shelled the town of Vovchansk on Tuesday, killing two civilians.",
    "Police arrested three men in Kharkiv on Wednesday, the regional prosecutor said.",
    "Protesters marched through central Tbilisi on Sunday against the new law.",
    "Ukrainian troops repelled an attack near Kupiansk overnight, the general staff said.",
    "The minister said talks with Ankara would resume next week.",
)


def _articles() -> list[Article]:
    return [
        Article(id=f"a{number}", published=dt.date(2024, 5, 9), text=text)
        for number, text in enumerate(TEXTS)
    ]


def test_two_workers_give_the_same_extractions_in_input_order(pipeline: Pipeline) -> None:
    articles = _articles()
    refused = Article(id="bad", published=dt.date(2024, 5, 9), text="Police arrested 40 protes\udcebters.")
    articles.insert(2, refused)
    results = list(parallel.pipe(articles, pipeline.model, jobs=2, batch_size=2))
    assert [article.id for article, _ in results] == [a.id for a in articles]
    error = results[2][1]
    assert isinstance(error, RefusedError) and error.article_id == "bad" and "U+DCEB" in str(error)
    del articles[2], results[2]
    expected = [pipeline.extract(article) for article in articles]
    assert [result for _, result in results] == expected
    assert any(result.events for _, result in results if not isinstance(result, ExtractionError))


def test_an_extraction_error_survives_the_trip_from_a_worker() -> None:
    error = ExtractionError("a7", ValueError("no sentence boundaries"))
    returned = pickle.loads(pickle.dumps(error))
    assert isinstance(returned, ExtractionError)
    assert returned.article_id == "a7"
    assert (
        str(returned)
        == str(error)
        == "[S005] article a7: extraction failed (ValueError: no sentence boundaries)"
    )


def test_a_refused_article_survives_the_trip_from_a_worker() -> None:
    error = RefusedError("a8", "article text is empty or only whitespace")
    returned = pickle.loads(pickle.dumps(error))
    assert isinstance(returned, RefusedError) and str(returned) == str(error)
    assert str(error) == "[S006] article a8: refused: article text is empty or only whitespace"


def test_a_killed_worker_costs_no_article(pipeline: Pipeline) -> None:
    """`kill -9` of every worker mid-run: the unfinished batches run again in fresh workers."""
    articles = _articles() * 2
    articles = [a.model_copy(update={"id": f"k{n}"}) for n, a in enumerate(articles)]
    results = parallel.pipe(articles, pipeline.model, jobs=2, batch_size=2)
    first = next(results)
    for worker in multiprocessing.active_children():
        os.kill(worker.pid or 0, signal.SIGKILL)
    rest = list(results)
    assert [a.id for a, _ in [first, *rest]] == [a.id for a in articles]
    assert [r for _, r in [first, *rest]] == [pipeline.extract(a) for a in articles]

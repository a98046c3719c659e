"""Extraction in worker processes, for large batches on a machine with several cores.

Extraction is pure (no stage writes anywhere), so batches of articles go to `jobs` worker processes,
each loading the spaCy pipeline and the gazetteer once, while the calling process keeps the one job
that must stay single: writing to the database. Results come back in input order. Workers are spawned
rather than forked so that no thread or open database of the parent leaks into them.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice

from sitrep.model import Article
from sitrep.pipeline import Pipeline
from sitrep.pipeline import Result as Outcome

Result = tuple[Article, Outcome]

_worker_pipeline: Pipeline | None = None


def _extract_batch(model: str, batch: list[Article]) -> list[Outcome]:
    """In a worker: the results of one batch, loading the pipeline on the worker's first batch."""
    global _worker_pipeline
    if _worker_pipeline is None or _worker_pipeline.model != model:
        _worker_pipeline = Pipeline(model)
    return [result for _, result in _worker_pipeline.pipe(batch)]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    pending = iter(articles)
    while batch := list(islice(pending, size)):
        yield batch


def pipe(articles: Iterable[Article], model: str, jobs: int = 1, batch_size: int = 16) -> Iterator[Result]:
    """Every article with its Extraction (or the ExtractionError it failed with), in input order.

    `jobs` 1 runs in this process; more spreads batches of `batch_size` articles over that many
    worker processes. A pipeline that cannot load raises its ModelError here, as in one process.
    """
    if jobs <= 1:
        yield from Pipeline(model).pipe(articles)
        return
    batches = list(_batches(articles, batch_size))
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs) as pool:
        for batch, results in zip(batches, pool.imap(partial(_extract_batch, model), batches), strict=True):
            yield from zip(batch, results, strict=True)

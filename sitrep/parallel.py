"""Extraction in worker processes, for large batches on a machine with several cores.

Extraction is pure (no stage writes anywhere), so batches of articles go to `jobs` worker processes,
each loading the spaCy pipeline and the gazetteer once, while the calling process keeps the one job
that must stay single: writing to the database. Results come back in input order. Workers are spawned
rather than forked so that no thread or open database of the parent leaks into them.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from sitrep.errors import ExtractionError
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
    """Every article with its Extraction (or the error it failed with), in input order.

    `jobs` 1 runs in this process; more spreads batches of `batch_size` articles over that many
    worker processes. A pipeline that cannot load raises its ModelError here, as in one process.

    A worker that dies (killed, out of memory, a crash in native code) breaks the pool but loses
    nothing: the first unfinished batch runs again alone in a fresh worker. If it kills that worker
    too, it was the batch at fault and each of its articles is an ExtractionError; the other batches
    go on in a fresh pool.
    """
    if jobs <= 1:
        yield from Pipeline(model).pipe(articles)
        return
    pending = deque(_batches(articles, batch_size))
    context = multiprocessing.get_context("spawn")
    alone = False
    while pending:
        chosen = [pending[0]] if alone else list(pending)
        with ProcessPoolExecutor(1 if alone else jobs, mp_context=context) as pool:
            running = [(batch, pool.submit(_extract_batch, model, batch)) for batch in chosen]
            for batch, future in running:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    if alone:
                        pending.popleft()
                        died = RuntimeError("its worker process died (killed, or out of memory)")
                        yield from ((article, ExtractionError(article.id, died)) for article in batch)
                    alone = not alone
                    break
                pending.popleft()
                alone = False
                yield from zip(batch, results, strict=True)

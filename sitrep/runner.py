"""The main jobs as library functions: read articles, extract, and print or store the results.

Bad records and failed articles are reported through `on_error` and skipped; the rest goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep import parallel
from sitrep.errors import InputError, SitrepError
from sitrep.ingest import FieldNames, read_articles
from sitrep.limits import refusal
from sitrep.link.run import link
from sitrep.model import Article, Extraction
from sitrep.nlp.loader import DEFAULT_MODEL
from sitrep.store.store import Store

ErrorHandler = Callable[[SitrepError], None]


@dataclass
class RunReport:
    """What a run did, for the closing summary and the exit code."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    failed: int = 0
    linked: int = 0
    errors: list[str] = field(default_factory=list)


def _ignore(_: SitrepError) -> None:
    return None


def load_articles(
    inputs: Iterable[str],
    format: str | None = None,
    names: FieldNames | None = None,
    published: dt.date | None = None,
    on_error: ErrorHandler = _ignore,
    encoding: str = "utf-8",
) -> list[Article]:
    """Every good article named by `inputs`; each bad record goes to `on_error`."""
    articles = []
    for item in read_articles(inputs, format, names, published, encoding):
        if isinstance(item, InputError):
            on_error(item)
        else:
            articles.append(item)
    return articles


def extract_articles(
    articles: Iterable[Article],
    model: str = DEFAULT_MODEL,
    on_error: ErrorHandler = _ignore,
    jobs: int = 1,
) -> Iterator[Extraction]:
    """Extractions, in input order, without touching any database (`jobs` worker processes)."""
    fit = []
    for article in articles:
        refused = refusal(article)
        if refused is None:
            fit.append(article)
        else:
            on_error(refused)
    for _, result in parallel.pipe(fit, model, jobs):
        if isinstance(result, SitrepError):
            on_error(result)
        else:
            yield result


def run(
    articles: list[Article],
    db: str | Path,
    model: str = DEFAULT_MODEL,
    on_error: ErrorHandler = _ignore,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> RunReport:
    """Extract and store articles, one transaction each, then link what they bring across articles.

    An article already stored changes nothing. With `jobs` above 1, extraction runs in that many
    worker processes while this one stores the results in input order.
    """
    report = RunReport(read=len(articles))
    with Store(db) as store:
        fresh = []
        for article in articles:
            refused = refusal(article)
            if refused is not None:
                report.failed += 1
                on_error(refused)
            elif store.has_article(article.id):
                report.already_stored += 1
            else:
                fresh.append(article)
        for article, result in parallel.pipe(fresh, model, jobs):
            if progress is not None:
                progress(1)
            if isinstance(result, SitrepError):
                report.failed += 1
                on_error(result)
                continue
            _store_one(store, article, result, report, on_error)
        _link(store, report, on_error)
    return report


def _link(store: Store, report: RunReport, on_error: ErrorHandler) -> None:
    """Link what was stored; a failure is reported like a bad record, and what was stored stays."""
    try:
        report.linked = link(store).articles
    except SitrepError as exc:
        on_error(exc)


def merge(shards: Iterable[str | Path], db: str | Path, on_error: ErrorHandler = _ignore) -> RunReport:
    """Combine databases built from shards of one input (on other machines, or in separate runs) into
    `db`, then link across all of them.

    Each stored article is copied with its extraction in a transaction of its own, so an interrupted
    merge leaves no half article; an article `db` already holds changes nothing, so merging again is
    harmless. A shard that cannot be read is reported through `on_error` and the others go on.
    """
    report = RunReport()
    with Store(db) as store:
        for shard in shards:
            try:
                with Store(shard, read_only=True) as source:
                    for item in source.each_extraction():
                        report.read += 1
                        error = item if isinstance(item, SitrepError) else refusal(item[0])
                        if error is None and not isinstance(item, SitrepError):
                            _store_one(store, item[0], item[1], report, on_error)
                        elif error is not None:
                            report.failed += 1
                            on_error(error)
            except SitrepError as exc:
                report.failed += 1
                on_error(exc)
        _link(store, report, on_error)
    return report


def _store_one(
    store: Store, article: Article, extraction: Extraction, report: RunReport, on_error: ErrorHandler
) -> None:
    try:
        if store.add(article, extraction):
            report.stored += 1
        else:
            report.already_stored += 1
    except SitrepError as exc:
        report.failed += 1
        on_error(exc)

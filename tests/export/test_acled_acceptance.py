"""The ACLED export of every bundled example article, built by the real pipeline, filled as ACLED fills
its columns: actors with valid inter codes, the outlet wherever the article names one or has a URL, and
the first-level region wherever the place lies below country level."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.export.acled import acled_row, exported, write_acled
from sitrep.export.acled_sides import interaction
from sitrep.ingest import read_articles
from sitrep.link.run import link
from sitrep.model import Article
from sitrep.pipeline import Pipeline
from sitrep.store import Store, queries

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def examples(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(path) as store:
        for article in read_articles([str(EXAMPLES)]):
            assert isinstance(article, Article)
            store.add(article, pipeline.extract(article))
        link(store)
        yield store


def rows_with_events(store: Store) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    names = queries.actor_names(store)
    events = [e for e in queries.events(store) if exported(e)]
    return [(event, acled_row(event, 1, names.get(event["key"]))) for event in events]


def test_every_actor_has_a_valid_inter_code(examples: Store) -> None:
    out = io.StringIO()
    write_acled(examples, out)
    merged = list(csv.DictReader(io.StringIO(out.getvalue())))
    per_report = [row for _, row in rows_with_events(examples)]
    assert merged and per_report
    for row in [*merged, *per_report]:
        for actor, inter in (("actor1", "inter1"), ("actor2", "inter2")):
            code = int(row[inter])
            assert (1 <= code <= 8) if row[actor] else code == 0, row
            assert not row[actor] or row[actor][0].isupper(), row[actor]
        assert row["interaction"] == interaction(int(row["inter1"]), int(row["inter2"]))


def test_source_is_filled_wherever_the_article_names_an_outlet_or_url(examples: Store) -> None:
    checked = 0
    for event, row in rows_with_events(examples):
        if event["source"] or event["url"]:
            checked += 1
            assert row["source"], event["key"]
    assert checked  # the wire feed names its outlets


def test_admin1_is_filled_wherever_the_place_lies_below_country_level(examples: Store) -> None:
    below = [
        (event, row) for event, row in rows_with_events(examples) if event["feature"] in ("city", "region")
    ]
    assert below
    for event, row in below:
        assert row["admin1"], (event["key"], event["place"])
        assert row["geo_precision"] in (1, 2, 3) and row["time_precision"] in (1, 2, 3)

"""Shared fixtures: the real spaCy pipeline and gazetteer, loaded once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.model import Article
from sitrep.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BAKHMUT = SHARED / "samples" / "bakhmut-2023-03-08.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    """Extract a text as an article published on the given day (default 2024-05-08, a Wednesday)."""

    def run(text: str, published: str = "2024-05-08"):  # type: ignore[no-untyped-def]
        article = Article(id="t", published=dt.date.fromisoformat(published), text=text)
        return pipeline.extract(article)

    return run


@pytest.fixture(scope="session")
def bakhmut_path() -> Path:
    if not BAKHMUT.exists():
        pytest.skip("../shared/samples is not present on this machine")
    return BAKHMUT

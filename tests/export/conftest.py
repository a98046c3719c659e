from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.store import Store

sample = sys.modules["store_sample"]  # loaded by tests/conftest.py


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Store]:
    """A store holding the two sample articles."""
    with Store(tmp_path / "sitrep.db") as store:
        assert store.add(sample.article(), sample.extraction())
        assert store.add(sample.second_article(), sample.second_extraction())
        yield store

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_sample import article, extraction, second_article, second_extraction

from sitrep.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "sitrep.db") as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    """A store holding the two sample articles."""
    assert store.add(article(), extraction())
    assert store.add(second_article(), second_extraction())
    return store

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from sitrep.store import Store


def _sample() -> ModuleType:
    """The store tests' sample articles, loaded by path so the two test folders need not be packages."""
    if "store_sample" in sys.modules:
        return sys.modules["store_sample"]
    spec = importlib.util.spec_from_file_location(
        "store_sample", Path(__file__).parents[1] / "store" / "store_sample.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["store_sample"] = module
    spec.loader.exec_module(module)
    return module


sample = _sample()


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Store]:
    """A store holding the two sample articles."""
    with Store(tmp_path / "sitrep.db") as store:
        assert store.add(sample.article(), sample.extraction())
        assert store.add(sample.second_article(), sample.second_extraction())
        yield store

"""Shared fixtures: the real spaCy pipeline and gazetteer, loaded once per test session."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from sitrep.model import Article
from sitrep.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BAKHMUT = SHARED / "samples" / "bakhmut-2023-03-08.txt"


def _load_store_sample() -> None:
    """Make the store tests' sample articles importable as `store_sample` from any test folder (the
    folders are not packages), whichever folder pytest collects first."""
    if "store_sample" in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(
        "store_sample", Path(__file__).parent / "store" / "store_sample.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["store_sample"] = module
    spec.loader.exec_module(module)


_load_store_sample()


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


HOSTILE_ID = "hostile-1"
HOSTILE_TEXT = (
    "Russian forces shelled the town of Kupiansk on Monday, killing three civilians, regional governor"
    " Oleh Marchenko said.\n\n"
    '"They hit the market <script>window.__pwned = 1</script> at noon and then'
    ' <img src=x onerror="window.__pwned = 2"> the school," Marchenko said.\n\n'
    "Ukrainian troops repelled an attack near Kupiansk <b onmouseover=alert(1)>overnight</b>, the general staff said."
)
WEB_EXAMPLES = (
    "03-kupiansk-shelling-governor.txt",
    "05-kupiansk-russian-mod.txt",
    "06-kupiansk-un-monitors.txt",
    "16-el-fasher-clashes.txt",
)


@pytest.fixture(scope="session")
def web_db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built by the real pipeline from a few example articles and one hostile article whose
    text, title and source carry HTML that must never run (shared by the API, page and report tests),
    linked across articles as `sitrep run` leaves it."""
    from sitrep.ingest import read_articles
    from sitrep.link.run import link
    from sitrep.store import Store

    path = tmp_path_factory.mktemp("web") / "web.db"
    articles = [a for a in read_articles([str(ROOT / "examples" / name) for name in WEB_EXAMPLES])]
    hostile = Article(
        id=HOSTILE_ID,
        published=dt.date(2024, 5, 7),
        text=HOSTILE_TEXT,
        title='Kupiansk <script>window.__pwned = 3</script> market <img src=x onerror="window.__pwned = 4">',
        source="<i>Wire</i>",
    )
    with Store(path) as store:
        for article in [*articles, hostile]:
            assert isinstance(article, Article)
            store.add(article, pipeline.extract(article))
        link(store)  # as `sitrep run` does after storing
    return path

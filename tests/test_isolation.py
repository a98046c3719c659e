"""One bad record costs that record only: the rest of the batch is extracted, stored and linked."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.errors import ExtractionError, RefusedError, SitrepError
from sitrep.link.run import link
from sitrep.model import Article, Extraction
from sitrep.pipeline import Pipeline
from sitrep.runner import merge, run
from sitrep.store import Store

GOOD = (
    "Russian forces shelled the town of Vovchansk on Tuesday, killing two civilians.",
    "Police arrested three men in Kharkiv on Wednesday, the regional prosecutor said.",
    "Protesters marched through central Tbilisi on Sunday against the new law.",
)


def _article(article_id: str, text: str, published: dt.date = dt.date(2024, 5, 9)) -> Article:
    return Article(id=article_id, published=published, text=text)


def _good() -> list[Article]:
    return [_article(f"g{i}", text) for i, text in enumerate(GOOD)]


def test_pipe_refuses_bad_texts_in_place_and_extracts_the_rest(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_MAX_CHARS", "1000")
    good = _good()
    batch = [good[0], _article("long", "Troops shelled the town. " * 50), good[1]]
    batch += [
        _article("surrogate", "Police arrested 40 protes\udcebters."),
        _article("blank", " \n "),
        good[2],
    ]
    results = list(pipeline.pipe(batch, batch_size=4))
    assert [a.id for a, _ in results] == [a.id for a in batch]
    kinds = {a.id: type(r) for a, r in results}
    assert kinds == {
        "g0": Extraction,
        "long": RefusedError,
        "g1": Extraction,
        "surrogate": RefusedError,
        "blank": Extraction,  # nothing to find, but nothing spaCy cannot take (ingest refuses it)
        "g2": Extraction,
    }
    assert "1,250 characters, over the limit of 1,000" in str(results[1][1])


def test_a_batch_spacy_fails_on_is_parsed_again_one_by_one(pipeline: Pipeline) -> None:
    """spaCy itself refusing one text (here its own length limit, set below that text) fails the whole
    `nlp.pipe` batch; the batch is parsed again article by article, so only that article is lost."""
    good = _good()
    over = _article("over", "Troops shelled the town again and again. " * 4)
    saved = pipeline.nlp.max_length
    pipeline.nlp.max_length = 120
    try:
        results = list(pipeline.pipe([good[0], over, good[1]], batch_size=8))
    finally:
        pipeline.nlp.max_length = saved
    assert [type(r) for _, r in results] == [Extraction, ExtractionError, Extraction]
    assert "E088" in str(results[1][1]) and results[0][1] == pipeline.extract(good[0])


def test_run_stores_and_links_the_good_articles_beside_refused_ones(tmp_path: Path) -> None:
    errors: list[SitrepError] = []
    articles = [
        *_good(),
        _article("ancient", "Troops shelled Kupiansk on Monday.", dt.date(1, 1, 1)),
        _article("future", "Troops shelled Kherson on Monday.", dt.date(9999, 12, 31)),
        _article("bad\udcebid", "Troops shelled Izium on Monday."),
    ]
    report = run(articles, tmp_path / "s.db", on_error=errors.append)
    assert (report.stored, report.failed, report.linked) == (3, 3, 3)
    assert [e.code for e in errors] == ["S006"] * 3
    assert "\\udceb" in str(errors[2]) and str(errors[2]).encode()  # printable as one line


def test_a_database_holding_edge_dates_still_links_and_serves(pipeline: Pipeline, tmp_path: Path) -> None:
    """Rows written before dates were checked: 0001-01-01 and 9999-12-31 link like any other day."""
    db = tmp_path / "old.db"
    with Store(db) as store:
        for number, day in enumerate([dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(9999, 12, 31)]):
            article = _article(f"edge{number}", f"{GOOD[0]} Report {number}.", day)
            store.add(article, pipeline.extract(article))
        assert link(store).articles == 3
        groups = dict(store.connection.execute("SELECT article_id, source_group FROM link_articles"))
    assert groups["edge1"] == "edge0" and groups["edge2"] == "edge2"
    report = run(_good(), db)
    assert (report.stored, report.linked) == (3, 3)


def test_a_count_sqlite_cannot_hold_drops_the_count_not_the_article(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    article = _article("huge", "Soldiers killed 99999999999999999999 civilians in Gao on Monday.")
    extraction = pipeline.extract(article)
    assert all(e.fatalities is None for e in extraction.events)
    assert extraction.events, "the killing is still an event"
    forced = extraction.model_copy(
        update={"events": [e.model_copy(update={"fatalities": 2**64}) for e in extraction.events]}
    )
    with Store(tmp_path / "s.db") as store:
        assert store.add(article, forced)
        assert all(e.fatalities is None for e in store.extraction("huge").events)


def test_merge_keeps_going_past_a_refused_article(pipeline: Pipeline, tmp_path: Path) -> None:
    shard = tmp_path / "shard.db"
    with Store(shard) as store:
        for article in [*_good()[:2], _article("ancient", "Troops shelled Kupiansk.", dt.date(1, 1, 1))]:
            store.add(article, pipeline.extract(article))
    errors: list[SitrepError] = []
    report = merge([shard], tmp_path / "all.db", errors.append)
    assert (report.read, report.stored, report.failed, report.linked) == (3, 2, 1, 2)
    assert "ancient" in str(errors[0]) and "outside" in str(errors[0])


def _sitrep(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["sitrep", *args])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


def test_a_batch_of_broken_files_stores_every_good_record(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    (folder / "empty.jsonl").write_bytes(b"")
    (folder / "latin.txt").write_bytes(b"date 2024-05-09\nTroops shelled the caf\xe9.")
    (folder / "ancient.txt").write_text(f"date 0001-01-01\n{GOOD[0]}", encoding="utf-8")
    (folder / "notext.csv").write_text("id,published,body\nx,2024-05-08,hello\n", encoding="utf-8")
    half = [json.dumps({"id": "j0", "published": "2024-05-09", "text": GOOD[0]}), '{"id": "j1", "te']
    half.append(json.dumps({"id": "j2", "published": "2024-05-09", "text": GOOD[1]}))
    half.append(
        json.dumps({"id": "huge", "published": "2024-05-09", "text": "Troops shelled Izium. " * 420_000})
    )
    (folder / "half.jsonl").write_text("\n".join(half), encoding="utf-8")
    (folder / "good.txt").write_text(f"date 2024-05-10\n{GOOD[2]}", encoding="utf-8")
    db = tmp_path / "s.db"
    code, err = _sitrep(monkeypatch, capsys, "run", str(folder), "--db", str(db))
    lines = err.splitlines()
    errors = [line for line in lines if line.startswith("sitrep: [")]
    assert code == 1 and "Traceback" not in err and len(lines) == len(errors) + 1
    named = sorted(line.split(": ")[1].split("/")[-1] for line in errors)
    assert named == [
        "ancient.txt:1",
        "binary.txt",
        "empty.jsonl",
        "half.jsonl:2",
        "half.jsonl:4",
        "latin.txt:2",
        "notext.csv:1",
    ]
    assert lines[-1].startswith("3 stored, 0 already") and "7 failed; 3 linked" in lines[-1]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM link_articles").fetchone()[0] == 3
    conn.close()

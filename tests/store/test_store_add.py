from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_sample import TEXT, article, extraction, second_article, second_extraction

from sitrep.errors import StoreError
from sitrep.model import Article, Event, Extraction
from sitrep.store import Store, rows

COUNTED = (
    "articles",
    "entities",
    "places",
    "mentions",
    "timexes",
    "events",
    "evidence",
    "claims",
    "quantities",
    "relations",
)


def counts(store: Store) -> dict[str, int]:
    return {
        table: store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED
    }


def test_sample_spans_index_the_text() -> None:
    for found in extraction().spans():
        assert TEXT[found.start : found.end] == found.text


def test_add_writes_every_item(store: Store) -> None:
    assert store.add(article(), extraction())
    assert counts(store) == {
        "articles": 1,
        "entities": 8,
        "places": 3,
        "mentions": 15,
        "timexes": 2,
        "events": 5,
        "evidence": 9,
        "claims": 3,
        "quantities": 1,
        "relations": 1,
    }
    assert store.has_article("kost-2023-03-08")
    assert not store.has_article("nope")


def test_adding_again_changes_nothing(store: Store) -> None:
    assert store.add(article(), extraction())
    before = counts(store)
    assert store.add(article(), extraction()) is False
    assert counts(store) == before


def test_same_text_up_to_whitespace_and_case_is_a_duplicate(store: Store) -> None:
    assert store.add(article(), extraction())
    before = counts(store)
    copy = article("syndicated-copy", text="  " + TEXT.upper().replace(" ", "\n  "))
    assert store.add(copy, Extraction(document=rows.document_of(copy))) is False
    assert counts(store) == before
    assert not store.has_article("syndicated-copy")


def test_round_trip_is_exact(store: Store) -> None:
    store.add(article(), extraction())
    store.add(second_article(), second_extraction())
    assert store.extraction("kost-2023-03-08") == extraction()
    assert store.extraction("kyiv-2023-04-02") == second_extraction()
    assert store.article("kost-2023-03-08") == article()
    assert list(store.articles()) == [article(), second_article()]
    assert list(store.extractions()) == [(article(), extraction()), (second_article(), second_extraction())]


def test_a_failure_mid_write_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    real = rows._write_event

    def failing(conn: sqlite3.Connection, aid: str, seq: int, event: Event) -> None:
        if seq == 2:
            raise RuntimeError("disk on fire")
        written.append(aid)
        real(conn, aid, seq, event)

    monkeypatch.setattr(rows, "_write_event", failing)
    with pytest.raises(StoreError, match="disk on fire"):
        store.add(article(), extraction())
    assert written, "the failure must come after some rows were written"
    assert all(n == 0 for n in counts(store).values())
    assert not store.has_article("kost-2023-03-08")
    assert not store.connection.in_transaction

    monkeypatch.setattr(rows, "_write_event", real)
    assert store.add(article(), extraction())
    assert store.extraction("kost-2023-03-08") == extraction()


def test_a_dangling_reference_is_refused_whole(store: Store) -> None:
    bad = extraction()
    bad.events[0].place_id = "pl-99"
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.add(article(), bad)
    assert all(n == 0 for n in counts(store).values())


def test_duplicate_item_ids_are_refused(store: Store) -> None:
    bad = extraction()
    bad.events[1].id = "ev-1"
    with pytest.raises(StoreError, match="kost-2023-03-08"):
        store.add(article(), bad)
    assert counts(store)["articles"] == 0


def test_document_must_match_the_article(store: Store) -> None:
    other = Article(id="other", published=article().published, text="Something else entirely.")
    with pytest.raises(StoreError, match="does not match"):
        store.add(other, extraction())


def test_unknown_article(store: Store) -> None:
    with pytest.raises(StoreError, match="no article with id 'missing'"):
        store.extraction("missing")
    assert store.article("missing") is None


def test_articles_are_deleted_with_their_items(store: Store) -> None:
    store.add(article(), extraction())
    store.connection.execute("DELETE FROM articles WHERE id = ?", ("kost-2023-03-08",))
    assert all(n == 0 for n in counts(store).values())
    assert store.connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0


def test_full_text_search(store: Store) -> None:
    store.add(article(), extraction())
    store.add(second_article(), second_extraction())
    found = store.connection.execute(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH ?",
        ("reinforcements",),
    ).fetchall()
    assert [row[0] for row in found] == ["kost-2023-03-08"]
    claims = store.connection.execute(
        "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'line'"
    ).fetchone()
    assert claims[0] == 1


def test_closed_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.has_article("a")


@pytest.mark.parametrize("kind", ["directory", "missing folder", "parent is a file", "not a database"])
def test_bad_paths_name_the_path(tmp_path: Path, kind: str) -> None:
    if kind == "directory":
        path = tmp_path
    elif kind == "missing folder":
        path = tmp_path / "nowhere" / "x.db"
    elif kind == "parent is a file":
        (tmp_path / "file").write_text("x")
        path = tmp_path / "file" / "x.db"
    else:
        path = tmp_path / "notes.db"
        path.write_text("these are not the tables you are looking for\n" * 200)
    with pytest.raises(StoreError) as raised:
        Store(path)
    message = str(raised.value)
    assert str(path) in message
    assert "\n" not in message
    assert message.startswith("[S003]")

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.store import Store
from sitrep.store.migrations import MIGRATIONS, applied, m006_event_status, m008_linked_event_facets, migrate

TABLES = {
    "articles",
    "articles_fts",
    "entities",
    "mentions",
    "places",
    "timexes",
    "events",
    "evidence",
    "claims",
    "claims_fts",
    "quantities",
    "relations",
    "_sitrep_migrations",
}


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def test_migrations_apply_once(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    try:
        assert migrate(conn) == [m.__name__ for m in MIGRATIONS]
        before = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        assert migrate(conn) == []
        assert conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == before
        assert applied(conn) == [m.__name__ for m in MIGRATIONS]
        assert conn.execute("SELECT count(*) FROM _sitrep_migrations").fetchone()[0] == len(MIGRATIONS)
    finally:
        conn.close()


def test_reopening_a_store_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    Store(path).close()
    first = _schema(path)
    with Store(path):
        pass
    assert _schema(path) == first
    assert {name for name, _ in first} >= TABLES


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    def m999_broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("boom")

    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    try:
        migrate(conn)
        with pytest.raises(sqlite3.OperationalError, match="boom"):
            migrate(conn, (*MIGRATIONS, m999_broken))
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names
        assert applied(conn) == [m.__name__ for m in MIGRATIONS]
    finally:
        conn.close()


def test_wal_and_foreign_keys_are_on(store: Store) -> None:
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_places_have_datasette_coordinate_columns(store: Store) -> None:
    columns = {row["name"] for row in store.connection.execute("PRAGMA table_info(places)")}
    assert {
        "latitude",
        "longitude",
        "country_code",
        "admin1",
        "geonames_id",
        "feature",
        "precision",
    } <= columns


def _old_database(path: Path) -> None:
    """A file as sitrep wrote it before events had a status: one article with a plain, a negated and a
    hypothetical event, and a linked event of two plain reports beside two of one report each."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(conn, MIGRATIONS[: MIGRATIONS.index(m006_event_status)])
        conn.execute(
            "INSERT INTO articles (id, published, language, text, text_hash, stored_at)"
            " VALUES ('a', '2024-05-08', 'en', 'text', 'hash', 'now')"
        )
        for seq, (negated, hypothetical) in enumerate([(0, 0), (1, 0), (0, 1), (0, 0)]):
            conn.execute(
                "INSERT INTO events (article_id, id, seq, type, trigger_start, trigger_end, trigger_text,"
                " negated, hypothetical, confidence) VALUES ('a', ?, ?, 'ASSAULT', 0, 4, 'text', ?, ?, 0.5)",
                (f"ev-{seq}", seq, negated, hypothetical),
            )
        for event_id, linked_id in [("ev-0", "le-x"), ("ev-3", "le-x"), ("ev-1", "le-1"), ("ev-2", "le-2")]:
            conn.execute(
                "INSERT INTO linked_event_members (linked_event_id, article_id, event_id, published, seq,"
                " family, day, window_before, window_after, mergeable)"
                " VALUES (?, 'a', ?, '2024-05-08', 0, 'ASSAULT', 0, 1, 1, 1)",
                (linked_id, event_id),
            )
        for linked_id in ("le-x", "le-1", "le-2"):
            conn.execute(
                "INSERT INTO linked_events (id, type, reports, independent_sources, first_published,"
                " last_published) VALUES (?, 'ASSAULT', 1, 1, '2024-05-08', '2024-05-08')",
                (linked_id,),
            )
    finally:
        conn.close()


def test_an_old_database_gains_statuses_from_its_modality_flags(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path)
    with Store(path) as store:
        conn = store.connection
        events = dict(conn.execute("SELECT id, status FROM events").fetchall())
        linked = dict(conn.execute("SELECT id, status FROM linked_events").fetchall())
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        read_back = [event.status for event in store.extraction("a").events]
    assert events == {"ev-0": "incident", "ev-1": "denied", "ev-2": "planned", "ev-3": "incident"}
    assert linked == {"le-x": "incident", "le-1": "denied", "le-2": "planned"}
    assert {"events_status_by_date", "linked_events_status_by_date"} <= indexes
    assert read_back == ["incident", "denied", "planned", "incident"]
    with Store(path, read_only=True) as reader:
        assert reader.extraction("a").events[1].status == "denied"


def test_linked_events_linked_before_facets_gain_their_region_and_outlets(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        migrate(conn, MIGRATIONS[: MIGRATIONS.index(m008_linked_event_facets)])
        for aid, source in (("a", "VOA"), ("b", "Reuters"), ("c", None)):
            conn.execute(
                "INSERT INTO articles (id, published, source, language, text, text_hash, stored_at)"
                " VALUES (?, '2024-05-08', ?, 'en', 'text', ?, 'now')",
                (aid, source, f"hash-{aid}"),
            )
            conn.execute(
                "INSERT INTO places (article_id, id, seq, name, country_code, admin1)"
                " VALUES (?, 'pl-1', 0, 'Baidoa', 'SO', 'Bay')",
                (aid,),
            )
            conn.execute(
                "INSERT INTO events (article_id, id, seq, type, trigger_start, trigger_end, trigger_text,"
                " place_id, negated, hypothetical, confidence)"
                " VALUES (?, 'ev-1', 0, 'ASSAULT', 0, 4, 'text', 'pl-1', 0, 0, 0.5)",
                (aid,),
            )
            conn.execute(
                "INSERT INTO linked_event_members (linked_event_id, article_id, event_id, published, seq,"
                " family, day, window_before, window_after, mergeable)"
                " VALUES ('le-x', ?, 'ev-1', '2024-05-08', 0, 'ASSAULT', 0, 1, 1, 1)",
                (aid,),
            )
        conn.execute(
            "INSERT INTO linked_events (id, type, place_name, country_code, reports, independent_sources,"
            " first_published, last_published) VALUES ('le-x', 'ASSAULT', 'Baidoa', 'SO', 3, 3,"
            " '2024-05-08', '2024-05-08')"
        )
    finally:
        conn.close()
    with Store(path) as store:
        row = store.connection.execute("SELECT admin1, sources FROM linked_events").fetchone()
    assert tuple(row) == ("Bay", '["Reuters","VOA"]')

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.store import Store
from sitrep.store.migrations import MIGRATIONS, applied, migrate

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
        assert applied(conn) == [
            "m001_initial_schema",
            "m002_web_indexes",
            "m003_link_tables",
            "m004_linked_web_indexes",
        ]
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
        assert applied(conn) == [
            "m001_initial_schema",
            "m002_web_indexes",
            "m003_link_tables",
            "m004_linked_web_indexes",
        ]
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

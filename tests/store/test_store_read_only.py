from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.store import Store


def test_read_only_store_reads_but_cannot_write(filled: Store) -> None:
    with Store(filled.path, read_only=True) as reader:
        assert reader.has_article("kost-2023-03-08")
        assert reader.connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.connection.execute("DELETE FROM articles")


def test_read_only_store_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "absent.db", read_only=True)
    assert not (tmp_path / "absent.db").exists()


def test_read_only_store_refuses_a_file_behind_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _sitrep_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    conn.execute("INSERT INTO _sitrep_migrations VALUES ('m001_initial_schema', 'then')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema is behind"):
        Store(path, read_only=True)

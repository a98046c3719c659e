"""Small helpers for the link tables: temporary key sets to join against instead of long IN lists."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def temp_keys(conn: sqlite3.Connection, name: str, keys: Iterable[str]) -> None:
    """(Re)fill the temporary table `temp.<name>(key)` with these keys."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (key TEXT PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{name}")
    conn.executemany(f"INSERT OR IGNORE INTO temp.{name} (key) VALUES (?)", ((k,) for k in keys))


def temp_pairs(conn: sqlite3.Connection, name: str, pairs: Iterable[tuple[str, str]]) -> None:
    """(Re)fill `temp.<name>(article_id, item_id)` with these pairs."""
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {name} (article_id TEXT, item_id TEXT,"
        " PRIMARY KEY (article_id, item_id))"
    )
    conn.execute(f"DELETE FROM temp.{name}")
    conn.executemany(f"INSERT OR IGNORE INTO temp.{name} (article_id, item_id) VALUES (?, ?)", pairs)

"""A `kill -9` in the middle of `sitrep run` loses nothing: running again resumes, and the database ends
with the same content as one run that was never interrupted."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sitrep.ingest import read_articles
from sitrep.model import Article
from sitrep.runner import run

ROOT = Path(__file__).resolve().parent.parent
COUNT = 70


def _inputs(folder: Path) -> Path:
    """Examples told again with a numbered dateline, so that every record is its own article."""
    examples = [a for a in read_articles([str(ROOT / "examples")]) if isinstance(a, Article)]
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(COUNT):
            article = examples[number % len(examples)]
            record = {
                "id": f"crash-{number}",
                "published": article.published.isoformat(),
                "text": f"Update {number}. {article.text}",
                "source": article.source or f"Outlet {number % 7}",
            }
            out.write(json.dumps(record) + "\n")
    return path


def _content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted, without the time each article was stored."""
    with sqlite3.connect(db) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%fts%' AND name != '_sitrep_migrations'"
            )
        ]
        found = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] != "stored_at"]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = sorted(rows, key=repr)
    conn.close()
    return found


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            count: int = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        return count
    except sqlite3.Error:
        return 0


def test_kill_9_during_run_then_resume_gives_the_same_database(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    crashed = tmp_path / "crashed.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "run", str(inputs), "--db", str(crashed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240  # a guard against a hang, not a measure of speed
        while _stored(crashed) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    interrupted_at = _stored(crashed)
    assert 0 < interrupted_at < COUNT, "the run was killed part way through"

    articles = [a for a in read_articles([str(inputs)]) if isinstance(a, Article)]
    resumed = run(articles, crashed)
    assert (resumed.already_stored, resumed.stored, resumed.failed) == (
        interrupted_at,
        COUNT - interrupted_at,
        0,
    )
    clean = tmp_path / "clean.db"
    run(articles, clean)
    assert _content(crashed) == _content(clean)

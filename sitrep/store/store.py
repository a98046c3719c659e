"""The SQLite store: the one place that writes, one transaction per article.

`Store` opens (and migrates) a database file, adds articles with their Extraction all or nothing, skips
articles it already holds (same id, or same text once whitespace and case are ignored), and rebuilds
the contract models from the rows. Read-only listings for the CLI live in `sitrep.store.queries`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from sitrep.errors import StoreError
from sitrep.model import Article, Extraction
from sitrep.store import rows
from sitrep.store.migrations import MIGRATIONS, migrate


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def fold(value: str | int | float | bytes | None) -> str | int | float | bytes | None:
    """Case-folded text for case-insensitive matching in SQL (`sitrep_fold`); other values pass through."""
    return value.casefold() if isinstance(value, str) else value


def _check_up_to_date(conn: sqlite3.Connection, path: Path) -> None:
    """A read-only connection cannot migrate, so it refuses a file whose schema is behind the code's."""
    names = [row[0] for row in conn.execute("SELECT name FROM _sitrep_migrations ORDER BY rowid")]
    missing = [m.__name__ for m in MIGRATIONS if m.__name__ not in names]
    if missing:
        raise StoreError(f"{path}: schema is behind this version of sitrep (open it once for writing)")


class Store:
    """A sitrep database file: `with Store("sitrep.db") as store: store.add(article, extraction)`."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """Open (creating and migrating) a database file.

        `read_only=True` opens an existing, up-to-date file through SQLite's `mode=ro`, so a reader such
        as the web server cannot change it whatever SQL it runs; such a connection may be used from
        another thread than the one that opened it (one request, one connection).
        """
        self.path = Path(path)
        self.read_only = read_only
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a database file")
        if not self.path.parent.is_dir():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no such database")
        try:
            if read_only:
                uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {_one_line(exc)}") from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.create_function("sitrep_fold", 1, fold, deterministic=True)
            if read_only:
                _check_up_to_date(conn, self.path)
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"{self.path}: cannot use as a sitrep database: {_one_line(exc)}") from exc
        self._conn: sqlite3.Connection | None = conn

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection (rows are `sqlite3.Row`), for read-only queries."""
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def add(self, article: Article, extraction: Extraction) -> bool:
        """Store one article and everything extracted from it in one transaction.

        Returns False, changing nothing, when the store already holds the article (same id, or the same
        text up to whitespace and case). Any failure rolls the whole article back and raises StoreError.
        """
        if extraction.document != rows.document_of(article):
            raise StoreError(
                f"{self.path}: extraction document {extraction.document.id!r}"
                f" does not match article {article.id!r}"
            )
        conn = self.connection
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write: {_one_line(exc)}") from exc
        try:
            seen = conn.execute(
                "SELECT 1 FROM articles WHERE id = ? OR text_hash = ?",
                (article.id, rows.text_hash(article.text)),
            ).fetchone()
            if seen is None:
                rows.write(conn, article, extraction)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, Exception):
                raise StoreError(
                    f"{self.path}: cannot store article {article.id!r}: {_one_line(exc)}"
                ) from exc
            raise
        return seen is None

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        row = self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        row = self._query("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else rows.read_article(row)

    def extraction(self, article_id: str) -> Extraction:
        """The Extraction stored with an article; StoreError when there is no such article."""
        article = self.article(article_id)
        if article is None:
            raise StoreError(f"{self.path}: no article with id {article_id!r}")
        return self._read_extraction(article)

    def articles(self) -> Iterator[Article]:
        """Every stored article, by publication date then id."""
        for row in self._query("SELECT * FROM articles ORDER BY published, id"):
            yield rows.read_article(row)

    def extractions(self) -> Iterator[tuple[Article, Extraction]]:
        """Every stored article with its Extraction, by publication date then id."""
        ids = [row[0] for row in self._query("SELECT id FROM articles ORDER BY published, id")]
        for article_id in ids:
            article = self.article(article_id)
            if article is not None:
                yield article, self._read_extraction(article)

    def each_extraction(self) -> Iterator[tuple[Article, Extraction] | StoreError]:
        """As `extractions`, with a StoreError in place of each article that cannot be read, so one
        damaged row costs that article only (`sitrep merge`)."""
        ids = [row[0] for row in self._query("SELECT id FROM articles ORDER BY published, id")]
        for article_id in ids:
            try:
                article = self.article(article_id)
                if article is not None:
                    yield article, self._read_extraction(article)
            except StoreError as exc:
                yield exc
            except (sqlite3.Error, ValueError) as exc:
                yield StoreError(f"{self.path}: cannot read article {article_id!r}: {_one_line(exc)}")

    def _read_extraction(self, article: Article) -> Extraction:
        try:
            return rows.read_extraction(self.connection, article)
        except (sqlite3.Error, ValueError) as exc:
            raise StoreError(f"{self.path}: cannot read article {article.id!r}: {_one_line(exc)}") from exc

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        try:
            return self.connection.execute(sql, params)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read: {_one_line(exc)}") from exc

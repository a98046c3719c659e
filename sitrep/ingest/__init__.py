"""Ingest: files, directories and globs in, Articles out (or one InputError per bad record).

Readers yield errors instead of raising them, so one bad record never stops a batch; the caller
decides how to report them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError, UsageError
from sitrep.ingest.fields import FieldNames
from sitrep.ingest.records import read_csv, read_jsonl
from sitrep.ingest.text import read_text
from sitrep.model import Article

FORMATS = ("text", "jsonl", "csv")
_BY_SUFFIX = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}

__all__ = ["FORMATS", "FieldNames", "expand_inputs", "read_articles", "read_path"]


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | InputError]:
    """Files as given, directories walked in name order (known suffixes only), globs expanded."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _BY_SUFFIX)
            if not found:
                yield InputError(item, "directory holds no .txt, .jsonl or .csv files")
            yield from found
        elif path.is_file():
            yield path
        elif glob.has_magic(item):
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True) if Path(m).is_file())
            if not matches:
                yield InputError(item, "pattern matches no files")
            yield from matches
        else:
            yield InputError(item, "no such file or directory")


def read_path(
    path: Path,
    format: str | None = None,
    names: FieldNames | None = None,
    published: dt.date | None = None,
    encoding: str = "utf-8",
) -> Iterator[Article | InputError]:
    """Read one file in the given format, or the one its suffix names."""
    chosen = format or _BY_SUFFIX.get(path.suffix.lower())
    if chosen is None:
        yield InputError(str(path), f"unknown file type {path.suffix!r}: use --format {'|'.join(FORMATS)}")
        return
    if chosen not in FORMATS:
        raise UsageError(f"--format {chosen!r}: expected one of {', '.join(FORMATS)}")
    names = names or FieldNames()
    if chosen == "text":
        yield from read_text(path, published, encoding)
    elif chosen == "jsonl":
        yield from read_jsonl(path, names, published, encoding)
    else:
        yield from read_csv(path, names, published, encoding)


def read_articles(
    inputs: Iterable[str],
    format: str | None = None,
    names: FieldNames | None = None,
    published: dt.date | None = None,
    encoding: str = "utf-8",
) -> Iterator[Article | InputError]:
    """Every article named by `inputs`, in order, with an InputError in place of each bad record;
    files are read in `encoding` (UTF-8 by default, with or without a BOM)."""
    if format is not None and format not in FORMATS:
        raise UsageError(f"--format {format!r}: expected one of {', '.join(FORMATS)}")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"--encoding {encoding!r}: no such encoding") from None
    for path in expand_inputs(inputs):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_path(path, format, names, published, encoding)

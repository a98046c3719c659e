"""JSON Lines and CSV files: one article per record, field names configurable."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.fields import FieldNames, article_from_record
from sitrep.model import Article


def read_jsonl(
    path: Path, names: FieldNames, published: dt.date | None = None
) -> Iterator[Article | InputError]:
    """A bad line is reported with its number and the rest of the file goes on."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        yield InputError(str(path), exc.strerror or "cannot be read")
        return
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield InputError(str(path), f"not valid JSON ({exc.msg})", line=number)
                    continue
                if not isinstance(record, dict):
                    yield InputError(str(path), "a JSON Lines record must be an object", line=number)
                    continue
                try:
                    yield article_from_record(record, names, published)
                except ValueError as exc:
                    yield InputError(str(path), _reason(exc), line=number)
        except UnicodeDecodeError:
            yield InputError(str(path), "not UTF-8 text")


def read_csv(
    path: Path, names: FieldNames, published: dt.date | None = None
) -> Iterator[Article | InputError]:
    """CSV with a header row; line numbers are those of the file, counting the header."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        yield InputError(str(path), exc.strerror or "cannot be read")
        return
    with handle:
        reader = csv.DictReader(handle)
        try:
            line = reader.line_num
            for record in reader:
                try:
                    yield article_from_record(record, names, published)
                except ValueError as exc:
                    yield InputError(str(path), _reason(exc), line=line + 1)
                line = reader.line_num
        except UnicodeDecodeError:
            yield InputError(str(path), "not UTF-8 text")
        except csv.Error as exc:
            yield InputError(str(path), f"not valid CSV ({exc})", line=reader.line_num)


def _reason(exc: ValueError) -> str:
    """Pydantic's messages span lines; keep the first, so every error stays one line."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

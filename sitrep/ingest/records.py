"""JSON Lines and CSV files: one article per record, field names configurable.

Every bad record is reported with its file and line number and every other record is read: bytes that
are not in the file's encoding, a line that is not JSON (or nested too deeply to parse), a CSV field of
any size. A UTF-8 BOM (as Excel's "CSV UTF-8" writes) is dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import InputError
from sitrep.ingest.decode import bounded_lines, lines, looks_binary, max_line_bytes, undecodable
from sitrep.ingest.fields import FieldNames, article_from_record
from sitrep.model import Article

_FIELD_LIMIT = 2**31 - 1  # the largest the csv module takes on every platform: fields of any size


def _open(path: Path, encoding: str) -> BinaryIO | InputError:
    """The file opened for reading, or the one error that stops it (unreadable, empty or binary)."""
    try:
        handle = path.open("rb")
        head = handle.read(8192)
    except OSError as exc:
        return InputError(str(path), exc.strerror or "cannot be read")
    if not head.strip():
        handle.close()
        return InputError(str(path), "file is empty")
    if looks_binary(head, encoding):
        handle.close()
        return InputError(str(path), "binary file, not UTF-8 text (use --encoding for other encodings)")
    handle.seek(0)
    return handle


def read_jsonl(
    path: Path, names: FieldNames, published: dt.date | None = None, encoding: str = "utf-8"
) -> Iterator[Article | InputError]:
    """A bad line is reported with its number and the rest of the file goes on."""
    handle = _open(path, encoding)
    if isinstance(handle, InputError):
        yield handle
        return
    with handle:
        for number, line in enumerate(bounded_lines(handle, encoding), start=1):
            if line is None:
                reason = f"line over {max_line_bytes():,} bytes, longer than any article accepted"
                yield InputError(str(path), reason, line=number)
                continue
            if not line.strip():
                continue
            bad = undecodable(line, encoding)
            if bad is not None:
                yield InputError(str(path), bad, line=number)
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(str(path), f"not valid JSON ({exc.msg})", line=number)
                continue
            except RecursionError:
                yield InputError(str(path), "JSON nested too deeply to read", line=number)
                continue
            except ValueError as exc:  # e.g. an integer of more digits than Python converts
                yield InputError(str(path), f"not valid JSON ({_reason(exc)})", line=number)
                continue
            if not isinstance(record, dict):
                yield InputError(str(path), "a JSON Lines record must be an object", line=number)
                continue
            try:
                yield article_from_record(record, names, published)
            except ValueError as exc:
                yield InputError(str(path), _reason(exc), line=number)


def read_csv(
    path: Path, names: FieldNames, published: dt.date | None = None, encoding: str = "utf-8"
) -> Iterator[Article | InputError]:
    """CSV with a header row; line numbers are those of the file, counting the header."""
    handle = _open(path, encoding)
    if isinstance(handle, InputError):
        yield handle
        return
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    with handle:
        reader = csv.DictReader(lines(handle, encoding))
        try:
            header = reader.fieldnames or []
        except csv.Error as exc:
            yield InputError(str(path), f"not valid CSV ({exc})", line=1)
            return
        bad_header = next((b for b in (undecodable(h, encoding) for h in header) if b), None)
        if bad_header is not None:
            yield InputError(str(path), bad_header, line=1)
            return
        if not any(name in header for name in names.text):
            yield InputError(str(path), f"no text column: the header has no {'/'.join(names.text)}", line=1)
            return
        line = reader.line_num
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield InputError(str(path), f"not valid CSV ({exc})", line=line + 1)
                line = reader.line_num
                continue
            bad = next((b for b in (undecodable(v, encoding) for v in _values(record)) if b), None)
            if bad is not None:
                yield InputError(str(path), bad, line=line + 1)
            else:
                try:
                    yield article_from_record(record, names, published)
                except ValueError as exc:
                    yield InputError(str(path), _reason(exc), line=line + 1)
            line = reader.line_num


def _values(record: dict[str | None, object]) -> Iterator[str]:
    """Every string of a CSV record, including the surplus cells DictReader lists under None."""
    for value in record.values():
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))


def _reason(exc: ValueError) -> str:
    """Pydantic's messages span lines; keep the first, so every error stays one line."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

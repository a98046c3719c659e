"""Plain-text articles: ` date YYYY-MM-DD` then the article, on the same line or the next."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.decode import BOM, bad_byte, is_utf8, looks_binary
from sitrep.ingest.fields import parse_date
from sitrep.limits import check_published, check_text, max_chars
from sitrep.model import Article

# The header ends with the horizontal whitespace after the date, or with the line break after it:
# everything after is the article text, kept as given so offsets index what the user wrote.
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)(?:[ \t]*\r?\n|[ \t]+|\Z)")


def read_text(
    path: Path, published: dt.date | None = None, encoding: str = "utf-8"
) -> Iterator[Article | InputError]:
    """One article per file; a file without the header takes `published` or is an error. A UTF-8 BOM
    is dropped; a byte not in the encoding is named with its line, and the file is refused."""
    try:
        size = path.stat().st_size
        if size > 4 * max_chars() + 1024:  # UTF-8 spends at most four bytes a character
            yield InputError(str(path), f"file of {size:,} bytes, longer than any article accepted")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), exc.strerror or "cannot be read")
        return
    if not data.strip():
        yield InputError(str(path), "file is empty")
        return
    if looks_binary(data, encoding):
        yield InputError(str(path), "binary file, not UTF-8 text (use --encoding for other encodings)")
        return
    if is_utf8(encoding) and data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        raw = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        yield InputError(str(path), bad_byte(data[exc.start], column, encoding), line=line)
        return
    header = _HEADER.match(raw)
    if header:
        try:
            date = parse_date(header.group(1))
        except ValueError as exc:
            yield InputError(str(path), str(exc), line=1)
            return
        text = raw[header.end() :]
    elif published is not None:
        date, text = published, raw
    else:
        yield InputError(str(path), "no ' date YYYY-MM-DD' header and no --published date", line=1)
        return
    if not text.strip():
        yield InputError(str(path), "no article text after the date header")
        return
    try:
        check_published(date)
    except ValueError as exc:
        yield InputError(str(path), str(exc), line=1 if header else None)
        return
    try:
        check_text(text)
    except ValueError as exc:
        yield InputError(str(path), str(exc))
        return
    yield Article(id=Article.make_id(None, text), published=date, text=text, title=None)

"""Plain-text articles: ` date YYYY-MM-DD` then the article, on the same line or the next."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest.fields import parse_date
from sitrep.model import Article

# The header ends with the horizontal whitespace after the date, or with the line break after it:
# everything after is the article text, kept as given so offsets index what the user wrote.
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)(?:[ \t]*\r?\n|[ \t]+|\Z)")


def read_text(path: Path, published: dt.date | None = None) -> Iterator[Article | InputError]:
    """One article per file; a file without the header takes `published` or is an error."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        yield InputError(str(path), "not UTF-8 text")
        return
    except OSError as exc:
        yield InputError(str(path), exc.strerror or "cannot be read")
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
    yield Article(id=Article.make_id(None, text), published=date, text=text, title=None)

"""What an article may be: the checks every way in (readers, `Pipeline.pipe`, the API) applies.

- Text length: at most `max_chars()` characters, 1,000,000 by default (spaCy's own `max_length`), set
  with the environment variable `SITREP_MAX_CHARS`. A longer text is refused with one line rather than
  split: every stage reads the whole article as context (the publication date's anchors, coreference,
  the places of the article), so pieces would give a different extraction than the whole, and spaCy's
  parser needs about 1 GB per 100,000 characters. Split such a file into its articles before ingest.
- Publication date: from 1900-01-01 to a year after today by default, set with `SITREP_EARLIEST` and
  `SITREP_LATEST` (YYYY-MM-DD). Anything outside is a typo or a placeholder (0001-01-01, 9999-12-31),
  and would give time values no calendar holds.
- Text fields: valid Unicode that UTF-8 can encode (no unpaired surrogate, as JSON's `\\udceb` makes).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from sitrep.errors import RefusedError
from sitrep.model import Article

DEFAULT_MAX_CHARS = 1_000_000
EARLIEST = dt.date(1900, 1, 1)


def max_chars() -> int:
    """The longest article text accepted, in characters."""
    value = os.environ.get("SITREP_MAX_CHARS", "")
    return int(value) if value.strip().isdigit() and int(value) > 0 else DEFAULT_MAX_CHARS


def _env_date(name: str, default: dt.date) -> dt.date:
    value = os.environ.get(name, "").strip()
    try:
        return dt.date.fromisoformat(value) if value else default
    except ValueError:
        return default


def date_range() -> tuple[dt.date, dt.date]:
    """The first and last publication dates accepted."""
    today = dt.date.today()
    latest = today.replace(year=today.year + 1, day=28 if (today.month, today.day) == (2, 29) else today.day)
    return _env_date("SITREP_EARLIEST", EARLIEST), _env_date("SITREP_LATEST", latest)


def check_published(published: dt.date) -> None:
    """ValueError when the publication date lies outside `date_range()`."""
    first, last = date_range()
    if not first <= published <= last:
        raise ValueError(
            f"publication date {published.isoformat()} is outside {first.isoformat()}..{last.isoformat()}"
            " (set SITREP_EARLIEST / SITREP_LATEST to widen it)"
        )


def check_text(text: str) -> None:
    """ValueError when the text is blank, over `max_chars()` or not encodable as UTF-8."""
    if not text.strip():
        raise ValueError("article text is empty or only whitespace")
    check_parsable(text)


def check_parsable(text: str) -> None:
    """ValueError when spaCy could not take the text: over `max_chars()`, or not encodable as UTF-8."""
    limit = max_chars()
    if len(text) > limit:
        raise ValueError(
            f"article text has {len(text):,} characters, over the limit of {limit:,}"
            " (split it, or raise SITREP_MAX_CHARS)"
        )
    check_unicode("text", text)


def check_unicode(name: str, value: str) -> None:
    """ValueError naming the first character UTF-8 cannot encode (a lone surrogate, as the JSON escape
    `\\udceb` makes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = ord(value[exc.start])
        raise ValueError(f"{name} holds an unpaired surrogate U+{bad:04X} at character {exc.start}") from None


def check_article(text: str, published: dt.date, others: Iterable[tuple[str, str | None]] = ()) -> None:
    """Every check above for one article; `others` are its other text fields as (name, value)."""
    check_text(text)
    check_published(published)
    for name, value in others:
        if value is not None:
            check_unicode(name, value)


def refusal(article: Article) -> RefusedError | None:
    """Why this article is refused before extraction, or None."""
    try:
        check_article(
            article.text,
            article.published,
            [("id", article.id), ("title", article.title), ("source", article.source), ("url", article.url)],
        )
    except ValueError as exc:
        return RefusedError(article.id, str(exc))
    return None

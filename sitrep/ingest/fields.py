"""Which record fields hold which article attribute, for JSON Lines and CSV input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sitrep.errors import UsageError
from sitrep.limits import check_article
from sitrep.model import Article


@dataclass(frozen=True)
class FieldNames:
    """Field names to read, first present wins; `--field text=body` overrides one attribute."""

    id: tuple[str, ...] = ("id",)
    text: tuple[str, ...] = ("text",)
    published: tuple[str, ...] = ("published", "date", "dct")
    title: tuple[str, ...] = ("title",)
    source: tuple[str, ...] = ("source",)
    url: tuple[str, ...] = ("url",)
    language: tuple[str, ...] = ("language",)
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, overrides: list[str]) -> FieldNames:
        """Build from `attribute=field` strings as given on the command line."""
        known = {"id", "text", "published", "title", "source", "url", "language"}
        chosen: dict[str, tuple[str, ...]] = {}
        for item in overrides:
            attribute, sep, name = item.partition("=")
            if not sep or attribute not in known or not name:
                raise UsageError(
                    f"--field {item!r}: expected ATTRIBUTE=FIELD with ATTRIBUTE one of {sorted(known)}"
                )
            chosen[attribute] = (name,)
        return cls(**chosen)  # type: ignore[arg-type]


def parse_date(value: object) -> dt.date:
    """A YYYY-MM-DD date (a longer ISO timestamp is cut to its date); ValueError names what was wrong."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"date {value!r} is not a valid YYYY-MM-DD date") from None


def article_from_record(
    record: Mapping[str, object], names: FieldNames, default_published: dt.date | None
) -> Article:
    """Turn one JSON or CSV record into an Article; ValueError carries the reason it cannot be one."""

    def pick(options: tuple[str, ...]) -> object:
        for name in options:
            value = record.get(name)
            if value not in (None, ""):
                return value
        return None

    text = pick(names.text)
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"no article text in field {'/'.join(names.text)}")
    raw_date = pick(names.published)
    if raw_date is None:
        if default_published is None:
            raise ValueError(f"no publication date in field {'/'.join(names.published)} and no --published")
        published = default_published
    else:
        published = parse_date(raw_date)

    def optional(options: tuple[str, ...]) -> str | None:
        value = pick(options)
        return None if value is None else str(value)

    source = optional(names.source)
    title, url, given_id = optional(names.title), optional(names.url), optional(names.id)
    check_article(text, published, [("id", given_id), ("title", title), ("source", source), ("url", url)])
    return Article(
        id=given_id or Article.make_id(source, text),
        published=published,
        text=text,
        title=title,
        source=source or outlet_of(url),
        url=url,
        language=optional(names.language) or "en",
    )


def outlet_of(url: str | None) -> str | None:
    """The outlet a record comes from when it names none: its URL's host ("voanews.com"), as ACLED's
    `source` column names the outlet."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    return host[4:] if host.startswith("www.") else host

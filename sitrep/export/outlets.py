"""ACLED's `source` and `source_scale`: the outlets an event rests on, and how far each reaches.

An article's outlet is its stored `source`, or its URL's host when it names none. ACLED writes outlets
by name ("Voice of America", not "voanews.com") and says how far they reach: International, Regional,
National or Subnational. The project's own table of outlets (`lexicons/outlets.json`) gives both for
the outlets it lists; an outlet not listed keeps its stored name and adds no scale, so `source_scale`
is empty when no outlet of the event is known. An event reported by outlets of several reaches joins
the reaches with a hyphen, narrowest first, as ACLED does ("National-International").
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlsplit

from sitrep import lexicons

SCALES = ("Subnational", "National", "Regional", "International", "Other")


@cache
def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for keys, entry in lexicons.load("outlets")["outlets"].items():
        for key in (*keys.split("|"), entry["name"]):
            table[key.casefold()] = entry
    return table


def host(url: str | None) -> str | None:
    """A URL's host without "www." ("voanews.com"), or None for anything but an http(s) URL."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    name = parts.hostname.lower()
    return name[4:] if name.startswith("www.") else name


def _entry(outlet: str) -> dict[str, str] | None:
    key = outlet.strip().casefold()
    key = key[4:] if key.startswith("www.") else key
    found = _table().get(key)
    while found is None and key.count(".") > 1:  # "edition.cnn.com" → "cnn.com"
        key = key.split(".", 1)[1]
        found = _table().get(key)
    return found


def outlet(source: str | None, url: str | None = None) -> str | None:
    """The outlet of one article as ACLED names it: the listed name, else the stored source, else the
    URL's host."""
    raw = (source or "").strip() or host(url)
    if not raw:
        return None
    entry = _entry(raw)
    return entry["name"] if entry else raw


def scale(outlets: list[str]) -> str:
    """ACLED's source_scale for the outlets of one event ("" when none is listed)."""
    found = {entry["scale"] for name in outlets if (entry := _entry(name))}
    return "-".join(level for level in SCALES if level in found)


def event_outlets(reports: list[dict[str, Any]]) -> list[str]:
    """Every distinct outlet of a merged event's reports (rows of `queries.events`), in report order."""
    names = (outlet(report["source"], report["url"]) for report in reports)
    return list(dict.fromkeys(name for name in names if name))

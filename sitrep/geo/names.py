"""Name folding shared by the gazetteer index and the lookups, so both agree on one key per spelling.

"Kyiv", "KYIV" and "Kýiv" fold to "kyiv"; "Artemivs'k" to "artemivsk"; "Ivano-Frankivsk" to
"ivano frankivsk". Keys that are not plain ASCII after folding (Cyrillic, Arabic, CJK names) are left out
of the index: the articles sitrep reads are English.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ŀ": "l"}
)
_DROPPED = str.maketrans("", "", ".'’ʼ`‘\"“”")
_SPACES = re.compile(r"[\s\-‐‑–—_/,]+")
# Anything beyond Latin letters, their accents and general punctuation.
_NON_LATIN = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u02b0-\u02ff]")

# Words that turn a name into an administrative area: "Donetsk region", "Idlib province".
REGION_WORDS = frozenset(
    {
        "region",
        "oblast",
        "province",
        "state",
        "governorate",
        "district",
        "county",
        "prefecture",
        "department",
        "krai",
        "territory",
        "republic",
        "municipality",
        "raion",
        "rayon",
    }
)
REGION_PLURALS = {
    "regions": "region",
    "oblasts": "oblast",
    "provinces": "province",
    "states": "state",
    "governorates": "governorate",
    "districts": "district",
    "counties": "county",
    "prefectures": "prefecture",
    "departments": "department",
    "raions": "raion",
}
# Compass words that may open an informal region: "eastern Ukraine", "northern Syria".
DIRECTION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north eastern",
        "north western",
        "south eastern",
        "south western",
    }
)


def fold(text: str) -> str:
    """The lookup key of a name: case-folded, accents and punctuation dropped, spaces collapsed."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = _SPACES.sub(" ", text.translate(_DROPPED)).strip()
    if not text.isascii():
        text = text.encode("ascii", "ignore").decode("ascii")
    if text.startswith("the "):
        text = text[4:]
    return text


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (so its folded key means something in English text)."""
    return name.isascii() or _NON_LATIN.search(name) is None


def strip_region_word(key: str) -> tuple[str, str | None]:
    """A folded key's core and trailing region word: "donetsk oblast" -> ("donetsk", "oblast")."""
    head, _, last = key.rpartition(" ")
    if head and last in REGION_WORDS:
        return head, last
    return key, None


SPELLING_RATIO = 0.75


def is_short_form(key: str, name: str) -> bool:
    """Whether a folded key of two words or more is the leading words of a place's own name: "matias
    romero" for "Matías Romero Avendaño", as news shortens it."""
    return " " in key and fold(name).startswith(key + " ")


def is_spelling(key: str, name: str) -> bool:
    """Whether a folded key spells a place's own name a little differently ("avdiivka" for
    "Avdiyivka", "kiev" for "Kyiv"), rather than being another of its names ("victoria" for Hong Kong)."""
    return SequenceMatcher(None, key, fold(name)).ratio() >= SPELLING_RATIO

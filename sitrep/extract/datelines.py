"""The dateline: the place a story was filed from, written in capitals at its head.

Wire copy opens with it ("WASHINGTON (AP) —", "OKLAHOMA CITY The Latest on ..."), and the parser often
takes it for part of an organisation or a common noun, so it is read from the capitals themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.names import fold

_DATELINE_WORDS = 4
_DASHES = frozenset({"—", "–", "-", "--"})
_SPACED_DASHES = frozenset({"—", "–", "--"})  # a hyphen also joins words ("US-based")
_DATELINE_ENDS = _SPACED_DASHES | {":"}  # "NEW DELHI:" ends its dateline like "QUETTA —"


@dataclass(frozen=True)
class Dateline:
    """Token range of the dateline, its folded name and the gazetteer's places of that name."""

    start: int
    end: int
    key: str
    candidates: tuple[Candidate, ...]


def dateline(doc: Doc, gazetteer: Gazetteer) -> Dateline | None:
    """The place a story was filed from, in capitals: before a wire agency's name ("WASHINGTON (AP) —")
    or as the text's opening words ("OKLAHOMA CITY The Latest on ..."). The parser often takes it for
    part of an organisation or a common noun; the whole run of capitals must name a place."""
    for token in doc:
        if token.text == "(" and _agency(doc, token.i):
            start = token.i
            while start > 0 and token.i - start < _DATELINE_WORDS and _capitals(doc[start - 1]):
                start -= 1
            found = _dateline_at(doc, start, token.i, gazetteer)
            if found is not None:
                return found
    start = 0
    while start < len(doc) and doc[start].is_space:
        start += 1
    end = start
    while end < len(doc) and end - start < _DATELINE_WORDS and _capitals(doc[end]):
        end += 1
    return _dateline_at(doc, start, end, gazetteer)


def _agency(doc: Doc, number: int) -> bool:
    """ "(AP) —", "(Reuters) -": a short name in brackets, then a dash, right after a dateline."""
    return (
        number + 3 < len(doc)
        and doc[number + 1].text[:1].isupper()
        and doc[number + 2].text == ")"
        and doc[number + 3].text in _DASHES
    )


def _capitals(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token) > 1


def _dateline_at(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> Dateline | None:
    text = doc[start:end].text
    if end <= start or sum(char.isalpha() for char in text) < 4:
        return None
    key = fold(text)
    if end - start == 1 and any(token.lower_ == key for token in doc if token.is_lower):
        return None  # "STORY HIGHLIGHTS" where the text says "story": a heading, not a dateline
    candidates = gazetteer.lookup_key(key)
    if not candidates:
        return None
    return Dateline(start, end, key, tuple(candidates))


def in_dateline(token: Token) -> bool:
    """A word of the dateline at a story's head: capitals within its first words, before a dash or a
    colon ("ISLAMABAD —", "QUETTA, Pakistan —", "NEW DELHI:")."""
    doc = token.doc
    if token.i > 3 or not token.is_upper or len(token.text) < 2:
        return False
    return any(t.text in _DATELINE_ENDS for t in doc[token.i + 1 : min(len(doc), token.i + 5)])

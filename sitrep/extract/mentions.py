"""Finding which extracted item a token belongs to: the shared index later stages look things up in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.model import Span

_LEADING = {"the", "a", "an", "this", "that", "these", "those"}


def doc_text(doc: Doc) -> str:
    """The article text. spaCy rebuilds `Doc.text` from every token on each access, and stages slice it
    often, so it is built once per document and kept in `user_data`."""
    text = doc.user_data.get("sitrep.text")
    if text is None:
        text = doc.user_data["sitrep.text"] = doc.text
    return str(text)


def span_of(doc_span: SpacySpan) -> Span:
    """Our span for a spaCy span: offsets into the article text."""
    return Span(start=doc_span.start_char, end=doc_span.end_char, text=doc_span.text)


def token_span(token: Token) -> Span:
    return Span(start=token.idx, end=token.idx + len(token.text), text=token.text)


def trim(doc_span: SpacySpan) -> SpacySpan:
    """Drop a leading article and a trailing possessive ("the Kremlin's" -> "Kremlin")."""
    start, end = doc_span.start, doc_span.end
    while start < end - 1 and doc_span.doc[start].lower_ in _LEADING:
        start += 1
    while end - 1 > start and doc_span.doc[end - 1].tag_ in {"POS", "``", "''", "HYPH"}:
        end -= 1
    while end - 1 > start and doc_span.doc[end - 1].is_punct:
        end -= 1
    return doc_span.doc[start:end]


def split_lines(doc_span: SpacySpan) -> list[SpacySpan]:
    """The pieces of a span between whitespace tokens: a name never runs across a paragraph break."""
    pieces, start = [], doc_span.start
    for token in doc_span:
        if token.is_space:
            if token.i > start:
                pieces.append(doc_span.doc[start : token.i])
            start = token.i + 1
    if doc_span.end > start:
        pieces.append(doc_span.doc[start : doc_span.end])
    return pieces


@dataclass(frozen=True)
class Mention:
    """One mention of an item (entity or place) with the id of the item it belongs to."""

    start: int
    end: int
    text: str
    item_id: str


class MentionIndex:
    """Mentions sorted by offset, so a token finds its mention in O(log n)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self._mentions]

    def at(self, offset: int) -> Mention | None:
        """The mention covering a character offset, if any."""
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            mention = self._mentions[i]
            if mention.start <= offset < mention.end:
                return mention
            if offset - mention.start > 200:
                break
            i -= 1
        return None

    def of_token(self, token: Token) -> Mention | None:
        return self.at(token.idx)

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end)."""
        i = bisect_right(self._starts, start - 1)
        found = []
        while i < len(self._mentions) and self._mentions[i].start < end:
            if self._mentions[i].end <= end:
                found.append(self._mentions[i])
            i += 1
        return found

    def __iter__(self) -> Iterator[Mention]:
        return iter(self._mentions)

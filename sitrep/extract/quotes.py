"""Direct quotes: quoted speech with the speech tag next to it ("…," Prigozhin said).

Straight, curly and doubled-apostrophe quotes (''…'', the style of some wire and newspaper archives)
all count, and so do quotes opened with a closing mark (”…”) or closed with a straight one (“…"), slips
common in web copy. A quoted
stretch is speech when a speech verb tags it, when a name signs it after a dash, or when it opens a
sentence and is long enough not to be a scare quote ("last stand").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitrep import lexicons
from sitrep.extract.mentions import doc_text

_QUOTES = re.compile(r"\"([^\"”\n]+?)[\"”]|“([^”\"\n]+?)[”\"]|''((?:(?!'')[^\n])+?)''|”([^”“\n]+?)”")
_MIN_QUOTE_WORDS = 4  # shorter quoted stretches are scare quotes ("last stand"), not speech
_TAG_TOKENS = 20  # a speech tag can name its speaker at length: `"…," Jane Doe, a writer for X, said`
_TAG_BEFORE_TOKENS = 12  # `who declared in the debate spin room, "…"`
_TAG_BEFORE_CLOSE = 2  # `said "…"`, `said that "…"` with its space
_TAG_BEFORE_STOPS = (".", "!", "?", ";", '"', "“", "”", "''")
_TAG_PUNCT = (",", "?", "!", "—", "–")  # "Yes," he said / "You winning?" she asked


@dataclass(frozen=True)
class Quote:
    """One quoted stretch of speech: inner offsets, outer offsets and its speech verb when tagged."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    cue: Token | None
    byline: Token | None = None  # the name after a dash that signs an untagged quote: `"…" ― Jane Doe`
    after_colon: bool = False  # opened by a clause and a colon: speech only if that clause names a speaker
    split: tuple[tuple[int, int], ...] = ()  # for a split quote, each quoted piece (inner offsets)

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The quoted words themselves, without the speech tags between the pieces of a split quote."""
        return self.split or ((self.start, self.end),)


def find_quotes(doc: Doc) -> list[Quote]:
    """Quoted speech in text order."""
    cues = set(lexicons.load("claims")["quote_cues"])
    found: list[Quote] = []
    for match in _QUOTES.finditer(doc_text(doc)):
        group = next(g for g in (1, 2, 3, 4) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        inner = match.group(group)
        # a quote closed by a full stop ends its sentence: a verb after it starts the next one
        after = None if inner.rstrip().endswith(".") else _cue_after(doc, match.end(), cues)
        quote = Quote(start, end, match.start(), match.end(), after or _cue_before(doc, match.start(), cues))
        if found and _continues(doc, found[-1], quote):
            previous = found.pop()
            pieces = (*previous.pieces, (start, end))
            joined = Quote(previous.start, end, previous.outer_start, match.end(), previous.cue, split=pieces)
            found.append(joined)
        elif quote.cue is None and (byline := _byline(doc, match.end())) is not None:
            found.append(Quote(start, end, match.start(), match.end(), None, byline))
        elif _is_speech(doc, quote, inner, after):
            found.append(quote)
        elif len(inner.split()) >= _MIN_QUOTE_WORDS and _after_colon(doc, quote):
            found.append(replace(quote, after_colon=True))
    return found


def _is_speech(doc: Doc, quote: Quote, inner: str, tag_after: Token | None) -> bool:
    """A short quote is speech only when tagged like speech (`"Yes," he said`); a long one when tagged
    or opening a sentence (otherwise it is a fragment quoted inside someone else's sentence)."""
    if len(inner.split()) < _MIN_QUOTE_WORDS:
        if tag_after is None:
            return _introduced(doc, quote)
        return inner.rstrip().endswith(_TAG_PUNCT)
    return quote.cue is not None or _starts_sentence(doc, quote.outer_start)


def _after_colon(doc: Doc, quote: Quote) -> bool:
    """`Kasich resisted: "…"`: a long quote a clause opens with a colon is someone's words."""
    return doc_text(doc)[max(quote.outer_start - 3, 0) : quote.outer_start].rstrip(" \t\u00a0").endswith(":")


def _introduced(doc: Doc, quote: Quote) -> bool:
    """Whether a speech verb introduces the quote with just a comma or colon: `she said, "No."`."""
    cue = quote.cue
    if cue is None or cue.idx > quote.outer_start:
        return False
    between = doc_text(doc)[cue.idx + len(cue.text) : quote.outer_start]
    return between.strip() in (",", ":")


def _continues(doc: Doc, before: Quote, after: Quote) -> bool:
    """Whether `after` goes on with `before`'s speech: `"…," he said. "…"`, or a new paragraph that
    opens with an untagged quote right after a quote."""
    if after.cue is not None and (before.cue is None or after.cue.i != before.cue.i):
        return False
    gap = doc_text(doc)[before.outer_end : after.outer_start]
    if not gap.strip(" \t\r\n.,;:—–-"):
        return True
    if before.cue is None:
        return False
    # a quote opening a sentence goes on with the speech whatever the tag's verb went on to say
    # (`"…," she said, clapping. "…"`); one inside a sentence only right after the bare tag
    if _starts_sentence(doc, after.outer_start):
        tag = before.cue.doc[before.cue.left_edge.i : before.cue.right_edge.i + 1]
    else:
        tag = _speech_tag(before.cue)
    rest = (
        doc_text(doc)[before.outer_end : max(before.outer_end, tag.start_char)]
        + doc_text(doc)[min(tag.end_char, after.outer_start) : after.outer_start]
    )
    return not rest.strip(" \t\r\n.,;:—–-\"“”'")


# what a speech verb governs beyond its tag: `said, adding that …`, `said, suggesting questions, including …`
_BEYOND_TAG = {"advcl", "punct"}


def _speech_tag(cue: Token) -> Span:
    """The speech verb with its speaker and modifiers (`the mayor said in a statement`), without the
    clauses it goes on to govern, which are words of their own between two quotes."""
    tokens = [cue]
    for child in cue.children:
        if child.dep_ not in _BEYOND_TAG:
            tokens.extend(child.subtree)
    return cue.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]


_DASH = re.compile(r"\s*(?:[―—–]|-(?= ))[ \t\u00a0]*")  # also `"…"\n\n- Sanders.` in a transcript


def _byline(doc: Doc, offset: int) -> Token | None:
    """The last word of a name signing a quote after a dash (`"…" ― Pamela Padilla`)."""
    dash = _DASH.match(doc_text(doc), offset)
    if dash is None:
        return None
    span = doc.char_span(dash.end(), min(dash.end() + 60, len(doc_text(doc))), alignment_mode="contract")
    if span is None:
        return None
    name = []
    for token in span:
        if token.pos_ != "PROPN":
            break
        name.append(token)
    return name[-1] if 1 <= len(name) <= 4 else None


def _starts_sentence(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and (span.start == span.sent.start or doc[span.start - 1].is_space)


def _cue_after(doc: Doc, offset: int, cues: set[str]) -> Token | None:
    """A speech verb in the few tokens after a closing quote: `"…," Prigozhin said`."""
    span = doc.char_span(offset, min(offset + 200, len(doc_text(doc))), alignment_mode="contract")
    if span is None:
        return None
    for token in span[:_TAG_TOKENS]:
        if "\n" in token.text or token.text in ('"', "“", "''", ".", "!", "?", ";"):
            return None
        if token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX"):
            return None if _introduces_what_follows(token) else token
    return None


def _introduces_what_follows(verb: Token) -> bool:
    """`…," adding, "…"` and `He added: "…"`: a participle or a verb before a colon opens the next
    quote rather than tagging the one before it."""
    if verb.tag_ == "VBG":
        return True
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return following is not None and following.text == ":"


def _cue_before(doc: Doc, offset: int, cues: set[str]) -> Token | None:
    """A speech verb shortly before an opening quote in the same sentence: `he said: "…"`, `who
    declared in an interview, "…"`."""
    span = doc.char_span(max(offset - 120, 0), offset, alignment_mode="contract")
    if span is None:
        return None
    tokens = list(span[-14:])
    while tokens and tokens[-1].is_space and len(tokens) > 1 and tokens[-2].text == ":":
        tokens.pop()  # `Newkirk wrote:` with the quote in the next paragraph
    set_off = (
        bool(tokens) and tokens[-1].text in (",", ":") or (len(tokens) > 1 and tokens[-2].text in (",", ":"))
    )
    for distance, token in enumerate(reversed(tokens[-_TAG_BEFORE_TOKENS:])):
        if "\n" in token.text or token.text in _TAG_BEFORE_STOPS:
            return None
        if token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX"):
            # further back, only a quote set off by a comma or colon is the verb's: `said that Kyiv
            # "will never accept it"` is a paraphrase quoting a few words, not a quotation
            return token if set_off or distance <= _TAG_BEFORE_CLOSE else None
    return None

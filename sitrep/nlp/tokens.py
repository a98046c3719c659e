"""Tokenizing in bounded work: spaCy's tokenizer splits prefixes and suffixes off one whitespace-free
run at a time, rescanning what is left each time, so a run of 8,000 quotes, brackets, dollar signs or
emoji costs seconds and 100,000 minutes (quadratic). A run longer than `LONG_RUN` characters is cut
into pieces of about that length at a place that is not inside a word (never between two letters or
digits), each piece tokenized alone, and the pieces joined into one Doc with the text unchanged.

Text without such a run (every ordinary article: a long URL is far shorter) is tokenized exactly as
before, by the same tokenizer in one call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc

LONG_RUN = 128
_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def cuts(text: str) -> Iterator[int]:
    """Offsets at which to cut the text: inside runs longer than LONG_RUN, every LONG_RUN characters
    or at the first place after that which is not between two letters or digits."""
    for run in _RUN.finditer(text):
        at, end = run.start() + LONG_RUN, run.end()
        while at < end - 1:
            while at < end and text[at - 1].isalnum() and text[at].isalnum():
                at += 1
            if at >= end:
                break
            yield at
            at += LONG_RUN


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; use as `nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)`."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        points = list(cuts(text))
        if not points:
            return self.tokenizer(text)
        bounds = [0, *points, len(text)]
        pieces = [self.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def __getattr__(self, name: str) -> object:  # vocab, explain, rules… as the wrapped tokenizer's
        return getattr(self.tokenizer, name)

"""Tokenizing in bounded work: long whitespace-free runs reach spaCy's tokenizer in pieces, the text
and every token's offsets stay exact, and ordinary text is tokenized exactly as before."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from spacy.tokens import Doc

from sitrep.model import Article
from sitrep.nlp.loader import load_nlp
from sitrep.nlp.tokens import LONG_RUN, BoundedTokenizer, cuts
from sitrep.pipeline import Pipeline

ORDINARY = (
    'Russian forces shelled Vovchansk on Tuesday, killing two civilians ("a massacre", he said). See'
    " https://www.example.org/news/2024/05/07/vovchansk-shelling-two-civilians-killed?utm_source=rss for more."
)
HOSTILE = ['"', "'", "(", "$", "\U0001f600", "'s", "a-", "\u200b!"]


@pytest.fixture(scope="module")
def bounded() -> BoundedTokenizer:
    tokenizer = load_nlp().tokenizer
    assert isinstance(tokenizer, BoundedTokenizer)
    return tokenizer


def _longest_run(text: str) -> int:
    return max((len(m) for m in re.findall(r"\S+", text)), default=0)


def test_ordinary_text_is_tokenized_as_spacy_does(bounded: BoundedTokenizer) -> None:
    assert not list(cuts(ORDINARY))
    plain = bounded.tokenizer(ORDINARY)
    assert [(t.idx, t.text, t.whitespace_) for t in bounded(ORDINARY)] == [
        (t.idx, t.text, t.whitespace_) for t in plain
    ]


@pytest.mark.parametrize("run", HOSTILE)
def test_long_runs_reach_spacy_in_bounded_pieces_with_exact_offsets(
    bounded: BoundedTokenizer, run: str
) -> None:
    text = f"Police said. {run * 3000} Troops shelled Gao.\n\nword{run * 300}word"
    seen: list[str] = []

    def recording(piece: str) -> Doc:
        seen.append(piece)
        return bounded.tokenizer(piece)  # type: ignore[operator]

    doc = BoundedTokenizer(recording)(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert max(_longest_run(piece) for piece in seen) <= 2 * LONG_RUN
    for point in cuts(text):
        assert not (text[point - 1].isalnum() and text[point].isalnum())


def test_quotes_by_the_thousand_keep_every_span_exact(pipeline: Pipeline) -> None:
    text = (
        "Police arrested 40 protesters in Kharkiv on Tuesday. "
        + '"' * 5000
        + " Troops shelled Gao on Monday."
    )
    extraction = pipeline.extract(Article(id="q", published=dt.date(2024, 5, 8), text=text))
    spans = [m for e in extraction.entities for m in e.mentions] + [e.trigger for e in extraction.events]
    assert spans and all(text[s.start : s.end] == s.text for s in spans)
    assert {e.type for e in extraction.events} >= {"COERCE"}

"""Paragraph breaks end sentences.

The statistical parser sometimes runs a sentence on across a blank line, most of all after a closing
quotation mark (`…O.K.''` then a new paragraph): the next paragraph's subject then hangs from the last
one's verb, and the speaker of a claim is lost. A blank line is always a boundary in news copy, so it is
set before the parser runs, which keeps such boundaries. A single line break is not: wire archives wrap
their lines in the middle of sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "sitrep_paragraphs"


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after whitespace that holds a blank line."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc

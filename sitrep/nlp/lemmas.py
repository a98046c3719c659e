"""Lemmas with the small English pipeline's known slips corrected ("hoping" is not "hop", "raped" is not
"rap"), from `lexicons/lemmas.json`; every stage that keys a lexicon by lemma reads them here."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from sitrep import lexicons


@cache
def _fixes() -> dict[str, str]:
    fixes: dict[str, str] = lexicons.load("lemmas")["fixes"]
    return fixes


def lemma(token: Token) -> str:
    """The token's lower-case lemma, corrected where the lemmatizer is known to slip."""
    return _fixes().get(token.lower_) or token.lemma_.lower()

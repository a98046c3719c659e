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


def retag_past(token: Token) -> None:
    """Tag as a past verb a past form the small model takes for a present one ("retook" as VBP), so
    that tense rules read the act as told in the past."""
    if token.tag_ == "VBP" and token.lower_ in lexicons.load("lemmas")["past_forms"]:
        token.tag_ = "VBD"

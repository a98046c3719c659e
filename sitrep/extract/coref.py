"""Pronouns to the entity they point back to: the nearest earlier mention of a compatible type."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.mentions import Mention, MentionIndex
from sitrep.model import Entity

_PERSONAL = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_GROUP = {"they", "them", "their", "it", "its"}


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
        if entity is not None and entity.type in wanted:
            best = mention
    return best

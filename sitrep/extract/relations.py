"""Relations stated by a role next to a name: "Wagner chief Yevgeny Prigozhin" -> Prigozhin leader_of
Wagner; "Zelensky's top adviser Mykhailo Podolyak" -> Podolyak adviser_of Zelenskyy."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep import lexicons
from sitrep.extract.claims import trim_space
from sitrep.extract.mentions import Mention, MentionIndex
from sitrep.model import Entity, Relation

_HOLDER_DEPS = ("compound", "poss", "nmod", "amod")


def extract_relations(
    doc: Doc, entities: list[Entity], entity_mentions: MentionIndex, place_mentions: MentionIndex
) -> list[Relation]:
    """One relation per (person, role, holder) stated in the text, each with its evidence."""
    roles = lexicons.load("relations")["roles"]
    people = {e.id for e in entities if e.type == "PERSON"}
    found: dict[tuple[str, str, str], Relation] = {}
    for token in doc:
        if token.lemma_.lower() not in roles or token.pos_ not in ("NOUN", "PROPN"):
            continue
        person = _person_of(token, entity_mentions, people)
        if person is None:
            continue
        holder = _holder_of(token, person, entity_mentions, place_mentions)
        if holder is None or holder == person.item_id:
            continue
        key = (person.item_id, roles[token.lemma_.lower()], holder)
        if key in found:
            continue
        start = min(token.left_edge.idx, person.start)
        end = max(token.idx + len(token.text), person.end)
        found[key] = Relation(
            subject=key[0], predicate=key[1], object=key[2], evidence=[trim_space(doc, start, end)]
        )
    return list(found.values())


def _person_of(role: Token, mentions: MentionIndex, people: set[str]) -> Mention | None:
    """The person the role describes: the name it modifies, or the name standing in apposition."""
    candidates = [role.head] if role.dep_ == "compound" else []
    candidates += [c for c in role.children if c.dep_ == "appos"]
    if role.dep_ == "appos":
        candidates.append(role.head)
    for token in candidates:
        mention = mentions.of_token(token)
        if mention is not None and mention.item_id in people:
            return mention
    return None


def _holder_of(role: Token, person: Mention, entities: MentionIndex, places: MentionIndex) -> str | None:
    """Whose role it is: a name modifying the role ("Wagner chief"), a possessive on the role or on the
    person ("Ukraine's President X"), or "of X" after the role."""
    modifiers = [c for c in role.lefts if c.dep_ in _HOLDER_DEPS]
    person_token = role.doc.char_span(person.start, person.end, alignment_mode="expand")
    if person_token is not None and role.dep_ == "compound":
        modifiers += [c for c in person_token.root.lefts if c.dep_ == "poss"]
    for prep in role.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
            modifiers += [c for c in prep.children if c.dep_ == "pobj"]
    for token in modifiers:
        mention = entities.of_token(token) or places.of_token(token)
        if mention is not None:
            return mention.item_id
    return None

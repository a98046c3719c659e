"""Pronouns to the entity they point back to: a mention of a compatible sort that agrees in number and,
where the text tells it, in sex, preferring the subject of an earlier sentence (its topic) over a name
inside an object or a phrase."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import lexicons
from sitrep.extract.entities import name_key
from sitrep.extract.mentions import Mention, MentionIndex
from sitrep.model import Entity

_MASCULINE = {"he", "him", "his", "himself"}
_FEMININE = {"she", "her", "hers", "herself"}
_PERSONAL = _MASCULINE | _FEMININE
_GROUP = {"they", "them", "their", "it", "its"}
_SINGULAR = {"it", "its"}
_PLURAL_TAGS = {"NNS", "NNPS"}
_SUBJECTS = ("nsubj", "nsubjpass")
_NAME_PARTS = ("compound", "appos", "flat", "poss")
_SETTING_PREPOSITIONS = {"in", "at", "near", "inside", "across", "throughout", "around", "outside"}
_HORIZON = 600  # characters back: the same or the previous few sentences


def antecedent(token: Token, mentions: MentionIndex, entities: dict[str, Entity]) -> Mention | None:
    """The entity a pronoun most likely names, else None. In the pronoun's own sentence the closest
    earlier mention; before it, the nearest sentence with a mention, and in it its subject if a subject
    is one, else the closest mention."""
    word = token.lower_
    if word not in _PERSONAL and word not in _GROUP:
        return None
    doc = token.doc
    candidates = [
        mention
        for mention in mentions.within(max(token.idx - _HORIZON, 0), token.idx)
        if _agrees(token, mention, entities)
    ]
    if not candidates:
        return None
    if word in _PERSONAL:
        sexes = _sexes(doc, entities)
        agreeing = [m for m in candidates if m.item_id in sexes]
        candidates = agreeing or candidates  # a name the text marks as a woman before an unmarked one
    sentence = token.sent
    own = [m for m in candidates if m.start >= sentence.start_char]
    if own:
        subjects = [m for m in own if (s := _span(doc, m)) is not None and _is_subject(s)]
        return subjects[-1] if subjects else own[-1]
    last = candidates[-1]
    span = _span(doc, last)
    if span is None:
        return last
    previous = span.sent
    in_previous = [m for m in candidates if m.start >= previous.start_char]
    subjects = [m for m in in_previous if (s := _span(doc, m)) is not None and _is_subject(s)]
    return subjects[0] if subjects else last


def _agrees(token: Token, mention: Mention, entities: dict[str, Entity]) -> bool:
    """Whether the pronoun can stand for the mention: the right sort of entity, number and sex."""
    entity = entities.get(mention.item_id)
    if entity is None:
        return False
    word = token.lower_
    if word in _GROUP:
        if entity.type not in ("ORG", "NORP", "GPE"):
            return False
        if entity.type == "GPE" and _setting_only(token.doc, mention):
            return False  # "officials were meeting in central Somalia. They attacked …": not Somalia
        return not (word in _SINGULAR and _plural(token, mention))  # "it" is the mission, not the women
    if entity.type != "PERSON" and not _named_person(token.doc, mention, entities):
        return False
    sex = _sexes(token.doc, entities).get(entity.id)
    return sex is None or sex == ("m" if word in _MASCULINE else "f")


def _setting_only(doc: Doc, mention: Mention) -> bool:
    """A country or town named only as where something was ("in central Somalia", "near Kharkiv"): a
    setting, not a party a later "they" or "it" can stand for."""
    span = _span(doc, mention)
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _SETTING_PREPOSITIONS


def _named_person(doc: Doc, mention: Mention, entities: dict[str, Entity]) -> bool:
    """A name the parser tagged as a person here, or the surname of a person named in the article:
    "Trump" counts though the article's entity for "Trump" was typed otherwise."""
    span = _span(doc, mention)
    if span is not None and span.root.ent_type_ == "PERSON":
        return True
    surnames = {name_key(e.name.split()[-1]) for e in entities.values() if e.type == "PERSON" and e.name}
    return name_key(mention.text.split()[-1]) in surnames if mention.text.split() else False


def _is_subject(span: SpacySpan) -> bool:
    """Whether a name is its clause's subject, itself or as part of it ("Vermont Sen. Bernie Sanders",
    "Scott's niece, Del. Jane Doe,")."""
    token = span.root
    for _ in range(4):
        if token.dep_ in _SUBJECTS:
            return True
        if token.dep_ not in ("compound", "appos", "flat") or token.head is token:
            return False
        token = token.head
    return False


def _span(doc: Doc, mention: Mention) -> SpacySpan | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _plural(token: Token, mention: Mention) -> bool:
    span = _span(token.doc, mention)
    return span is not None and span.root.tag_ in _PLURAL_TAGS


@cache
def _sex_words() -> tuple[dict[str, str], dict[str, str]]:
    table = lexicons.load("coref")
    nouns = {noun: sex for sex, words in table["gendered_nouns"].items() for noun in words}
    return dict(table["titles"]), nouns


def _sexes(doc: Doc, entities: dict[str, Entity]) -> dict[str, str]:
    """The sex of each person the text itself tells, "m" or "f", kept per document: from a title before
    a mention ("Mrs. Doe"), a noun set beside it ("the congresswoman, Jane Doe", "her husband John"), or
    a reflexive or "own" in the clause the person is the subject of ("Doe ran her own race").
    Entities with contrary clues are left out."""
    key = "sitrep.sexes"
    cached = doc.user_data.get(key)
    if cached is not None and cached[0] is entities:
        return dict(cached[1])
    clues: dict[str, set[str]] = {}
    for entity in entities.values():
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                clues.setdefault(entity.id, set()).update(_clues(span))
    sexes = {entity_id: next(iter(found)) for entity_id, found in clues.items() if len(found) == 1}
    doc.user_data[key] = (entities, sexes)
    return dict(sexes)


def _clues(span: SpacySpan) -> set[str]:
    titles, nouns = _sex_words()
    doc = span.doc
    found: set[str] = set()
    before = [t for t in doc[max(span.start - 2, 0) : span.start] if t.text != "."]
    if before and before[-1].lower_.rstrip(".") in titles:
        found.add(titles[before[-1].lower_.rstrip(".")])
    for token in span:
        if token.lower_.rstrip(".") in titles:
            found.add(titles[token.lower_.rstrip(".")])
    root = span.root
    beside = [c for c in root.children if c.dep_ in _NAME_PARTS and not span.start <= c.i < span.end]
    if root.dep_ == "appos" or (root.dep_ == "compound" and root.head.pos_ == "NOUN"):
        beside.append(root.head)
    before_name = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].text == "," else None
    if span.start > 0 and doc[span.start - 1].text != ",":
        before_name = doc[span.start - 1]
    if before_name is not None:
        beside.append(before_name)  # "Congresswoman Jane Doe", "the widow, Jane Doe," however parsed
    for word in beside:
        if word.tag_ in ("NN", "NNP") and word.lower_ in nouns and word.dep_ != "poss":
            found.add(nouns[word.lower_])
    if root.dep_ in _SUBJECTS:
        found.update(_bound_possessives(root))
    return found


def _bound_possessives(subject: Token) -> set[str]:
    """`Doe thanked herself`, `Doe ran his own race`: a reflexive object, or a possessive stressed with
    "own", refers to the verb's subject (a plain "her" may be someone else's: "Doe attacked her record")."""
    found = set()
    for child in subject.head.children:
        if child.dep_ not in ("dobj", "attr", "pobj", "prep"):
            continue
        for word in (child, *child.children, *(g for c in child.children for g in c.children)):
            if word.lower_ in ("himself", "herself"):
                found.add("m" if word.lower_ == "himself" else "f")
            elif word.dep_ == "poss" and word.lower_ in ("his", "her") and word.nbor().lower_ == "own":
                found.add("m" if word.lower_ == "his" else "f")
    return found

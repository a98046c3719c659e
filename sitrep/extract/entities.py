"""Entities: named actors from spaCy NER plus actor noun phrases ("Russian artillery"), merged by alias.

Within one article, "Zelensky" and "Volodymyr Zelenskyy" are one person and "Wagner" and "Wagner Group"
one organization: a shorter mention joins a longer entity when its name keys are a subset of the
longer one's and, for people, the surname agrees. A mention that could join two entities joins neither.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import lexicons
from sitrep.extract.countries import country_code
from sitrep.extract.mentions import Mention, MentionIndex, span_of, split_lines, trim
from sitrep.model import Entity, Span

NAMED_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod", "case", "punct"}


@dataclass
class _Candidate:
    span: SpacySpan
    label: str
    keys: tuple[str, ...]
    actor_phrase: bool = False


@dataclass
class _Group:
    label_votes: Counter[str] = field(default_factory=Counter)
    members: list[_Candidate] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    surname: str | None = None


def name_key(word: str) -> str:
    """A spelling-tolerant key: Zelensky, Zelenskyy and Zelenskiy, or Prigozhin and Prigozhyn, agree."""
    folded = unicodedata.normalize("NFKD", word.lower())
    letters = "".join(c for c in folded if c.isalnum())
    letters = letters.replace("y", "i")
    collapsed = "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])
    return collapsed.rstrip("i") or collapsed


def _keys(span: SpacySpan) -> tuple[str, ...]:
    generic = set(lexicons.load("actors")["generic_org_suffixes"])
    return tuple(
        k
        for t in span
        if not t.is_punct and t.lower_ not in generic and t.tag_ != "POS" and (k := name_key(t.text))
    )


def extract_entities(doc: Doc, place_mentions: MentionIndex) -> tuple[list[Entity], MentionIndex]:
    """Entities of the article and an index from text offsets to them.

    `place_mentions` are the places already found: a non-country place is not also an entity.
    """
    candidates = _named_candidates(doc, place_mentions) + _actor_phrases(doc)
    candidates = _drop_nested(candidates)
    candidates = _drop_nested(candidates + _surnames_alone(doc, candidates, place_mentions))
    groups = _group(candidates)
    entities, mentions = _build(groups)
    return entities, MentionIndex(mentions)


def _named_candidates(doc: Doc, places: MentionIndex) -> list[_Candidate]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        for piece in split_lines(ent):
            span = trim(piece)
            if not span.text.strip():
                continue
            place = places.at(span.start_char)
            if place is not None and not (ent.label_ == "GPE" and country_code(span.text)):
                continue
            keys = _keys(span)
            if keys:
                found.append(_Candidate(span, ent.label_, keys))
    return found


def _surnames_alone(doc: Doc, candidates: list[_Candidate], places: MentionIndex) -> list[_Candidate]:
    """`Jon Tester … Tester said`: a surname on its own that the NER did not mark, where the article
    names the person in full. Only a capitalised proper noun outside every other mention counts."""
    surnames = {
        c.span[-1].text: c.span[-1]
        for c in candidates
        if c.label == "PERSON" and len(c.keys) >= 2 and c.span[-1].pos_ == "PROPN"
    }
    if not surnames:
        return []
    taken = {t.i for c in candidates for t in c.span}
    found = []
    for token in doc:
        if token.text not in surnames or token.i in taken or token.pos_ != "PROPN":
            continue
        if places.at(token.idx) is not None or _part_of_a_name(token):
            continue
        found.append(_Candidate(doc[token.i : token.i + 1], "PERSON", (name_key(token.text),)))
    return found


def _part_of_a_name(token: Token) -> bool:
    """Whether the word runs on into a longer name (`Trump Tower`, `Prigozhin Group`)."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return any(n is not None and n.pos_ == "PROPN" and n.is_title for n in (before, after))


def _actor_phrases(doc: Doc) -> list[_Candidate]:
    """Noun phrases headed by an actor noun: "Russian artillery", "Ukraine's defence forces", "civilians"."""
    heads = lexicons.load("actors")["head_nouns"]
    found = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in heads:
            continue
        if token.ent_type_ in ("PERSON", "ORG") or token.dep_ == "compound":
            continue
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            continue  # "Olena Kovalenko, a nurse at the hospital": the one named, not a second actor
        start = _left_edge(token)
        span = trim(doc[start : token.i + 1])
        found.append(_Candidate(span, "NORP", (name_key(span.text.lower()),), actor_phrase=True))
    return found


def _left_edge(head: Token) -> int:
    """Leftmost token of the modifiers directly before the head, skipping determiners and numbers."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _MODIFIER_DEPS or child.i != start - 1 and child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    doc = head.doc
    while start < head.i and (
        doc[start].dep_ in ("det", "nummod", "predet", "punct", "case")
        or doc[start].tag_ == "PRP$"
        or "\n" in doc[start : head.i + 1].text
    ):
        start += 1
    return start


def _drop_nested(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates, so "Russian" inside "Russian army" is not its own."""
    ordered = sorted(candidates, key=lambda c: (c.span.start, -(c.span.end - c.span.start)))
    kept: list[_Candidate] = []
    for candidate in ordered:
        if kept and candidate.span.start < kept[-1].span.end:
            if candidate.span.end - candidate.span.start > kept[-1].span.end - kept[-1].span.start:
                kept[-1] = candidate
            continue
        kept.append(candidate)
    return kept


def _group(candidates: list[_Candidate]) -> list[_Group]:
    """Longest names first, then each shorter mention joins the one group it fits, if exactly one."""
    groups: list[_Group] = []
    for candidate in sorted(candidates, key=lambda c: -len(c.keys)):
        matches = [g for g in groups if _fits(candidate, g)]
        exact = [g for g in matches if set(candidate.keys) == g.keys]
        chosen = exact[:1] or (matches if len(matches) == 1 else [])
        if chosen:
            group = chosen[0]
        else:
            group = _Group(keys=set(candidate.keys))
            if candidate.label == "PERSON":
                group.surname = candidate.keys[-1]
            groups.append(group)
        group.members.append(candidate)
        group.label_votes[candidate.label] += 1
    return groups


def _fits(candidate: _Candidate, group: _Group) -> bool:
    if candidate.actor_phrase or any(m.actor_phrase for m in group.members):
        return all(m.actor_phrase for m in group.members) and set(candidate.keys) == group.keys
    if not set(candidate.keys) <= group.keys:
        return False
    if candidate.label == "PERSON" and group.surname is not None:
        return candidate.keys[-1] == group.surname
    return candidate.label in group.label_votes or {candidate.label, *group.label_votes} <= {"PERSON", "ORG"}


def _build(groups: list[_Group]) -> tuple[list[Entity], list[Mention]]:
    groups.sort(key=lambda g: min(m.span.start_char for m in g.members))
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for number, group in enumerate(groups, start=1):
        entity_id = f"ent-{number}"
        members = sorted(group.members, key=lambda m: m.span.start_char)
        label = _label(group)
        spans = [span_of(m.span) for m in members]
        aliases = list(dict.fromkeys(s.text for s in spans))
        name = max(aliases, key=len)
        kind, country = describe(members[0].span, name, label, [m.span for m in members])
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=label,
                aliases=aliases,
                kind=kind,
                country=country,
                mentions=spans,
            )
        )
        mentions.extend(Mention(s.start, s.end, s.text, entity_id) for s in spans)
    return entities, mentions


def _label(group: _Group) -> str:
    """The members' most common type; a known organization is an ORG, and a full personal name
    ("Donald Trump") makes a PERSON however the bare surname was typed elsewhere."""
    votes = group.label_votes
    if "ORG" in votes and any(
        m.span.text.lower() in lexicons.load("actors")["organizations"] for m in group.members
    ):
        return "ORG"
    if any(m.label == "PERSON" and len(m.keys) >= 2 for m in group.members):
        return "PERSON"
    return votes.most_common(1)[0][0]


def describe(
    first: SpacySpan, name: str, label: str, spans: Iterable[SpacySpan]
) -> tuple[str | None, str | None]:
    """Actor kind and country from the lexicons, the phrase's own words and the words before it."""
    actors = lexicons.load("actors")
    words = [t.lower_ for t in first]
    country = next((c for t in first if (c := country_code(t.text))), None)
    if label == "GPE":
        code = country_code(name)
        return ("government" if code else None), code
    for span in spans:
        known = actors["organizations"].get(span.text.lower()) or known_group(span.text)
        if known:
            return known["kind"], known["country"]
    if label == "NORP" and len(words) > 0:
        head = words[-1]
        for word in words[:-1]:
            if word in actors["organizations"]:
                known = actors["organizations"][word]
                return known["kind"], known["country"] or country
        modifier_kind = next((actors["modifiers"][w] for w in words[:-1] if w in actors["modifiers"]), None)
        kind = modifier_kind or actors["head_nouns"].get(head)
        return kind, country
    if label == "ORG":
        return actors["org_head_words"].get(words[-1]), country
    if label == "PERSON":
        return _person_title(first)
    return None, country


# ACLED's inter codes of the well-known groups (lexicons/acled_actors.json) as actor kinds
_KIND_OF_INTER = {
    1: "state_forces",
    2: "rebel_group",
    3: "political_militia",
    4: "identity_militia",
    8: "external_other",
}


def known_group(name: str) -> dict[str, str | None] | None:
    """The kind and country of a well-known armed group or state body named exactly so ("al-Shabab",
    "M23", "Houthis"): the same list the ACLED export names groups by, so a group is an armed side
    wherever it is named alone. An alias of three letters or fewer must be written in capitals."""
    return _known_groups().get(_fold(name)) or _known_groups().get(name.strip())


@cache
def _known_groups() -> dict[str, dict[str, str | None]]:
    table: dict[str, dict[str, str | None]] = {}
    for aliases, entry in lexicons.load("acled_actors")["groups"].items():
        known = {"kind": _KIND_OF_INTER.get(entry["inter"]), "country": entry.get("country")}
        for alias in aliases.split("|"):
            short = len(alias.replace("-", "")) <= 3
            table[alias.upper() if short else _fold(alias)] = known
    return table


def _fold(name: str) -> str:
    """Lower case, curly apostrophes straightened, a leading "the" and a possessive dropped."""
    folded = name.strip().replace("’", "'").casefold().removesuffix("'s")
    return folded.removeprefix("the ")


def _person_title(span: SpacySpan) -> tuple[str | None, str | None]:
    """A title just before a person's name: "Ukraine's President", "regional governor"."""
    titles = lexicons.load("actors")["titles"]
    doc = span.doc
    kind, country = None, None
    group: dict[str, str | None] | None = None
    for token in doc[max(span.start - 4, span.sent.start) : span.start]:
        if token.lower_ in titles:
            kind = titles[token.lower_]
        code = country_code(token.text)
        if code:
            country = code
        group = known_group(token.text) or group
    if kind is not None and group is not None:
        # "al-Shabab commander Ahmed Diriye": the title is held in that group, not in a state's forces
        return group["kind"], group["country"] or country
    head = span.root
    if kind is None and head.dep_ == "appos" and head.head.lower_ in titles:
        kind = titles[head.head.lower_]
    return kind, country


def entity_of(mentions: MentionIndex, token: Token) -> tuple[Mention | None, Span]:
    """The entity mention covering a token, and the span to quote for it."""
    mention = mentions.of_token(token)
    if mention is not None:
        return mention, Span(start=mention.start, end=mention.end, text=mention.text)
    return None, Span(start=token.idx, end=token.idx + len(token.text), text=token.text)

"""Claims: who said what. Direct quotes, "X said (that) ..." and "according to X", with their numbers.

Statements are kept apart from events because war reporting is mostly claims: an analyst must see who
says a number, not just the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import lexicons
from sitrep.extract.coref import antecedent
from sitrep.extract.entities import name_key
from sitrep.extract.mentions import MentionIndex, span_of, trim
from sitrep.extract.numbers import parse_number
from sitrep.model import Claim, ClaimKind, Entity, Quantity, Span, SpeakerRef

_QUOTES = re.compile(r"\"([^\"\n]+?)\"|“([^”\n]+?)”")
_MIN_QUOTE_WORDS = 4  # shorter quoted stretches are scare quotes ("last stand"), not speech


@dataclass(frozen=True)
class _Found:
    kind: ClaimKind
    speaker: SpeakerRef | None
    cue: Span | None
    content: Span
    via: tuple[str, ...]
    evidence: Span


def extract_claims(doc: Doc, entities: list[Entity], mentions: MentionIndex) -> list[Claim]:
    """Every claim in the article, in text order, ids "cl-1", "cl-2"…"""
    by_id = {e.id: e for e in entities}
    quotes = _direct_quotes(doc, mentions, by_id)
    quoted = [(q.content.start, q.content.end) for q in quotes]
    found = quotes + _indirect(doc, mentions, by_id, quoted) + _according_to(doc, mentions, by_id)
    found.sort(key=lambda f: (f.content.start, f.content.end))
    claims = []
    for number, item in enumerate(found, start=1):
        claims.append(
            Claim(
                id=f"cl-{number}",
                kind=item.kind,
                speaker=item.speaker,
                cue=item.cue,
                content=item.content,
                via=list(item.via),
                quantities=quantities(
                    doc.char_span(item.content.start, item.content.end, alignment_mode="expand")
                ),
                evidence=[item.evidence],
            )
        )
    return claims


def _direct_quotes(doc: Doc, mentions: MentionIndex, entities: dict[str, Entity]) -> list[_Found]:
    cues = set(lexicons.load("claims")["quote_cues"])
    found = []
    for match in _QUOTES.finditer(doc.text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        if len(match.group(group).split()) < _MIN_QUOTE_WORDS:
            continue
        cue = _cue_after(doc, match.end(), cues) or _cue_before(doc, match.start(), cues)
        if cue is None and not _starts_sentence(doc, match.start()):
            continue  # a quoted fragment inside someone else's sentence, not speech of its own
        speaker = _speaker(cue, mentions, entities) if cue is not None else None
        evidence_start = min(match.start(), speaker.start if speaker else match.start())
        evidence_end = max(match.end(), _clause_end(cue) if cue is not None else match.end())
        found.append(
            _Found(
                kind="direct_quote",
                speaker=speaker,
                cue=_token_span(cue) if cue is not None else None,
                content=Span(start=start, end=end, text=doc.text[start:end]),
                via=(),
                evidence=Span(
                    start=evidence_start, end=evidence_end, text=doc.text[evidence_start:evidence_end]
                ),
            )
        )
    return found


def _starts_sentence(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and (span.start == span.sent.start or doc[span.start - 1].is_space)


def _cue_after(doc: Doc, offset: int, cues: set[str]) -> Token | None:
    """A speech verb in the few tokens after a closing quote: `"…," Prigozhin said`."""
    span = doc.char_span(offset, min(offset + 80, len(doc.text)), alignment_mode="contract")
    if span is None:
        return None
    for token in span[:8]:
        if "\n" in token.text:
            return None
        if token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _cue_before(doc: Doc, offset: int, cues: set[str]) -> Token | None:
    """A speech verb right before an opening quote: `he said: "…"`."""
    span = doc.char_span(max(offset - 60, 0), offset, alignment_mode="contract")
    if span is None:
        return None
    for token in reversed(span[-6:]):
        if "\n" in token.text:
            return None
        if token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _indirect(
    doc: Doc, mentions: MentionIndex, entities: dict[str, Entity], quoted: list[tuple[int, int]]
) -> list[_Found]:
    """`X said (that) P`, `X told Y that P`: the complement clause is the content."""
    cues = set(lexicons.load("claims")["cue_verbs"])
    found = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in cues:
            continue
        complement = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if complement is None:
            continue
        content = _content_span(complement)
        if content is None or any(s < content.end_char and content.start_char < e for s, e in quoted):
            continue
        speaker = _speaker(token, mentions, entities)
        via = tuple(
            m.item_id
            for child in token.children
            if child.dep_ in ("dobj", "dative") and (m := mentions.of_token(child)) is not None
        )
        sentence = token.sent
        evidence = trim_space(doc, sentence.start_char, sentence.end_char)
        found.append(
            _Found("indirect", speaker, _token_span(token), span_of(content), via, evidence),
        )
    return found


def _according_to(doc: Doc, mentions: MentionIndex, entities: dict[str, Entity]) -> list[_Found]:
    """`P, according to X`: the rest of the sentence is the content, X the speaker."""
    found = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        source = next((t for t in doc[token.i + 1].children if t.dep_ == "pobj"), None)
        if source is None:
            source = next((t for t in token.subtree if t.dep_ == "pobj"), None)
        if source is None:
            continue
        sentence = token.sent
        phrase_start, phrase_end = token.i, max(t.i for t in token.subtree) + 1
        before = doc[sentence.start : phrase_start]
        after = doc[phrase_end : sentence.end]
        body = before if len(before) >= len(after) else after
        content = _content_span(body)
        if content is None:
            continue
        speaker = _mention_ref(source, mentions, entities)
        found.append(
            _Found(
                "according_to",
                speaker,
                Span(
                    start=token.idx,
                    end=doc[token.i + 1].idx + 2,
                    text=doc.text[token.idx : doc[token.i + 1].idx + 2],
                ),
                span_of(content),
                (),
                trim_space(doc, sentence.start_char, sentence.end_char),
            )
        )
    return found


def _content_span(head: Token | SpacySpan) -> SpacySpan | None:
    """The clause without its "that", surrounding punctuation and spaces."""
    if isinstance(head, Token):
        doc = head.doc
        tokens = [t for t in head.subtree]
        span = doc[tokens[0].i : tokens[-1].i + 1]
    else:
        span = head
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 2:
        return None
    return doc[start:end]


def _speaker(cue: Token, mentions: MentionIndex, entities: dict[str, Entity]) -> SpeakerRef | None:
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and cue.dep_ in ("xcomp", "conj", "advcl") and cue.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    named = next((c for c in subject.children if c.dep_ == "appos" and mentions.of_token(c)), None)
    return _mention_ref(named or subject, mentions, entities)


def _mention_ref(token: Token, mentions: MentionIndex, entities: dict[str, Entity]) -> SpeakerRef:
    """The entity mention a speaker token belongs to, through pronouns; else the token's phrase."""
    mention = mentions.of_token(token)
    if mention is not None:
        return SpeakerRef(entity_id=mention.item_id, start=mention.start, end=mention.end, text=mention.text)
    if token.pos_ == "PROPN":
        alias = alias_mention(token, entities)
        if alias is not None:
            return alias
    if token.pos_ == "PRON":
        pointed = antecedent(token, mentions, entities)
        return SpeakerRef(
            entity_id=pointed.item_id if pointed else None,
            start=token.idx,
            end=token.idx + len(token.text),
            text=token.text,
        )
    phrase = trim(token.doc[token.left_edge.i : token.i + 1])
    return SpeakerRef(entity_id=None, start=phrase.start_char, end=phrase.end_char, text=phrase.text)


def alias_mention(token: Token, entities: dict[str, Entity]) -> SpeakerRef | None:
    """A proper name the NER missed here but found elsewhere in the article ("Prigozhin")."""
    key = name_key(token.text)
    for entity in entities.values():
        if entity.type in ("PERSON", "ORG") and any(name_key(a.split()[-1]) == key for a in entity.aliases):
            phrase = (
                token.doc[token.left_edge.i : token.i + 1]
                if token.dep_ == "compound"
                else token.doc[token.i : token.i + 1]
            )
            return SpeakerRef(
                entity_id=entity.id, start=phrase.start_char, end=phrase.end_char, text=phrase.text
            )
    return None


def quantities(span: SpacySpan | None) -> list[Quantity]:
    """Numbers inside a claim with what they count: "five times more fighters" -> 5, ratio."""
    if span is None:
        return []
    skip = set(lexicons.load("claims")["unit_nouns_skip"])
    found = []
    for ent in span.ents:
        if ent.label_ != "CARDINAL":
            continue
        value = parse_number(ent.text)
        if value is None:
            continue
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if after is not None and after.lower_ == "times":
            found.append(Quantity(value=value, unit="ratio", text=_text_to(ent, after)))
            continue
        unit = _unit(ent)
        if unit in skip:
            continue
        found.append(Quantity(value=value, unit=unit, text=ent.text))
    return found


def _unit(ent: SpacySpan) -> str | None:
    head = ent.root.head
    if ent.root.dep_ == "nummod" and head.pos_ == "NOUN":
        return head.lower_
    following = ent.doc[ent.end : ent.end + 5]
    if len(following) and following[0].lower_ == "of":
        noun = next((t for t in following[1:] if t.pos_ == "NOUN"), None)
        if noun is not None:
            return noun.lower_
    return None


def _text_to(start: SpacySpan, end: Token) -> str:
    return start.doc.text[start.start_char : end.idx + len(end.text)]


def _token_span(token: Token) -> Span:
    return Span(start=token.idx, end=token.idx + len(token.text), text=token.text)


def _clause_end(token: Token) -> int:
    last = max(t.i for t in token.subtree)
    return token.doc[last].idx + len(token.doc[last].text.rstrip())


def trim_space(doc: Doc, start: int, end: int) -> Span:
    """A span with surrounding whitespace cut off, so evidence never ends in a paragraph break."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, text=text[start:end])

"""Claims: who said what. Direct quotes, "X said (that) ..." and "according to X", with their numbers.

Statements are kept apart from events because war reporting is mostly claims: an analyst must see who
says a number, not just the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import lexicons
from sitrep.extract.claim_speakers import mention_ref, speaker_of, subject_of
from sitrep.extract.mentions import MentionIndex, doc_text, span_of, token_span
from sitrep.extract.numbers import parse_number, parse_range
from sitrep.extract.quotes import Quote, find_quotes
from sitrep.extract.reported import content_span, find_reported
from sitrep.model import Claim, ClaimKind, Entity, Quantity, Span, SpeakerRef


@dataclass(frozen=True)
class _Found:
    kind: ClaimKind
    speaker: SpeakerRef | None
    cue: Span | None
    content: Span
    via: tuple[str, ...]
    evidence: Span
    phrase: bool = False  # the content is the noun phrase the cue takes as its object
    verb_cue: bool = False  # the cue is a verb ("saying"), not a noun ("plan", "questions")
    pieces: tuple[tuple[int, int], ...] = ()  # a split quote's quoted words, without the tags between


def extract_claims(doc: Doc, entities: list[Entity], mentions: MentionIndex) -> list[Claim]:
    """Every claim in the article, in text order, ids "cl-1", "cl-2"…"""
    by_id = {e.id: e for e in entities}
    quotes = _direct_quotes(doc, mentions, by_id)
    quoted = [piece for q in quotes for piece in q.pieces or ((q.content.start, q.content.end),)]
    found = (
        quotes
        + _indirect(doc, mentions, by_id, quoted)
        + _according_to(doc, mentions, by_id)
        + _colon_statements(doc, mentions, by_id, quoted)
    )
    found.sort(key=lambda f: (f.content.start, f.content.end))
    found = _carry_speakers(doc_text(doc), _outermost(found))
    cardinals = [ent for ent in doc.ents if ent.label_ == "CARDINAL"]
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
                quantities=quantities(cardinals, item.content.start, item.content.end),
                evidence=[item.evidence],
            )
        )
    return claims


def _tag_start(text: str, quote: Quote, cue: Token | None) -> int | None:
    """Where the speech tag after a quote begins: just past the closing mark before its verb."""
    if cue is None or not quote.outer_start < cue.idx:
        return None
    closing = max(text.rfind(mark, quote.outer_start, cue.idx) for mark in ('"', "”", "''"))
    return closing + 1 if closing > quote.outer_start else None


def _name_between(doc: Doc, offset: int, cue: Token) -> Token | None:
    """The last word of a name that opens a speech tag after a quote and comes before its verb."""
    span = doc.char_span(offset, cue.idx, alignment_mode="contract")
    if span is None:
        return None
    words = [t for t in span if not (t.is_punct or t.is_space)]
    name = []
    for token in words:
        if token.pos_ != "PROPN":
            break
        name.append(token)
    return name[-1] if name else None


def _colon_speaker(
    doc: Doc, offset: int, mentions: MentionIndex, entities: dict[str, Entity]
) -> SpeakerRef | None:
    """`Kasich resisted: "…"`: a quote a clause opens with a colon is the words of that clause's subject."""
    before = doc.char_span(max(offset - 200, 0), offset, alignment_mode="contract")
    words = [t for t in before if not t.is_space] if before is not None else []
    if not words or words[-1].text != ":" or "\n" in doc_text(doc)[words[-1].idx : offset]:
        return None
    clause = words[-1].head if words[-1].head.pos_ in ("VERB", "AUX") else words[-1].sent.root
    subject = subject_of(clause) if clause.pos_ in ("VERB", "AUX") and clause.i < words[-1].i else None
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return mention_ref(subject, mentions, entities)


def _lead_in_speaker(
    doc: Doc, offset: int, mentions: MentionIndex, entities: dict[str, Entity]
) -> SpeakerRef | None:
    """`Doe argued otherwise. "…"`, `Doe wrote in an email that P. "…"`: an untagged quote right after
    a sentence whose main verb is one of speech goes on with that sentence's speaker."""
    span = doc.char_span(max(offset - 400, 0), offset, alignment_mode="contract")
    words = [t for t in span if not t.is_space] if span is not None else []
    if not words or words[-1].text not in (".", "!", "?") or words[-1].sent.end > words[-1].i + 2:
        return None
    root = words[-1].sent.root
    if root.pos_ != "VERB" or root.lemma_.lower() not in _speech_verbs():
        return None
    subject = subject_of(root)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return speaker_of(root, mentions, entities)


@cache
def _speech_verbs() -> frozenset[str]:
    claims = lexicons.load("claims")
    return frozenset(claims["quote_cues"]) | frozenset(claims["cue_verbs"])


def _outermost(found: list[_Found]) -> list[_Found]:
    """Claims not told inside another claim's content. In `Officials said Russia wants the town`, what
    Russia wants is the officials' claim, not Russia's statement: it stays part of the outer content
    (and events inside it are attributed to that claim), not a second claim by another speaker. An
    object phrase gives way to a verb's claim it holds instead: in `published an editorial saying P`
    the claim is P, not the editorial."""
    dropped: set[int] = set()
    for inner, item in enumerate(found):
        for outer, other in enumerate(found):
            if _nested(item.content, other.content) and not _between_pieces(item.content, other.pieces):
                dropped.add(outer if other.phrase and item.verb_cue else inner)
    return [item for index, item in enumerate(found) if index not in dropped]


def _between_pieces(content: Span, pieces: tuple[tuple[int, int], ...]) -> bool:
    """Whether a claim lies outside every quoted piece of a split quote: in the speech tag between
    them (`"…," the commander said, adding that reinforcements had arrived. "…"`), a statement of its
    own rather than words inside the quotation."""
    return len(pieces) > 1 and not any(start <= content.start and content.end <= end for start, end in pieces)


def _nested(inner: Span, outer: Span) -> bool:
    """Whether `inner` lies inside `outer` and is shorter."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and outer.end - outer.start > inner.end - inner.start
    )


def _carry_speakers(text: str, found: list[_Found]) -> list[_Found]:
    """An untagged quote right after someone's claim is theirs: `Kuleba said X.\n\n"Quote."`"""
    carried: list[_Found] = []
    for item in found:
        previous = carried[-1] if carried else None
        if (
            item.kind == "direct_quote"
            and item.speaker is None
            and item.cue is None
            and previous is not None
            and previous.speaker is not None
            and not text[previous.evidence.end : item.evidence.start].strip(" \t\r\n:")
        ):
            item = replace(item, speaker=previous.speaker)
        carried.append(item)
    return carried


def _direct_quotes(doc: Doc, mentions: MentionIndex, entities: dict[str, Entity]) -> list[_Found]:
    found = []
    for quote in find_quotes(doc):
        cue = quote.cue
        speaker = speaker_of(cue, mentions, entities) if cue is not None else None
        tag = _tag_start(doc_text(doc), quote, cue)
        if tag is not None and cue is not None and (speaker is None or not tag <= speaker.start < cue.idx):
            named = _name_between(doc, tag, cue)
            if named is not None:
                speaker = mention_ref(named, mentions, entities)  # `"…," Flynn, an adviser, said on Fox`
        if speaker is None and quote.byline is not None:
            speaker = mention_ref(quote.byline, mentions, entities)
        if speaker is None and cue is None:
            speaker = _colon_speaker(doc, quote.outer_start, mentions, entities)
        if speaker is None and cue is None and not quote.after_colon:
            speaker = _lead_in_speaker(doc, quote.outer_start, mentions, entities)
        if speaker is None and quote.after_colon:
            continue  # `The sign read: "…"` quotes nobody
        evidence_start = min(quote.outer_start, speaker.start if speaker else quote.outer_start)
        evidence_end = max(quote.outer_end, _clause_end(cue) if cue is not None else quote.outer_end)
        found.append(
            _Found(
                kind="direct_quote",
                speaker=speaker,
                cue=token_span(cue) if cue is not None else None,
                content=Span(start=quote.start, end=quote.end, text=doc_text(doc)[quote.start : quote.end]),
                via=(),
                evidence=Span(
                    start=evidence_start, end=evidence_end, text=doc_text(doc)[evidence_start:evidence_end]
                ),
                pieces=quote.pieces,
            )
        )
    return found


def _indirect(
    doc: Doc, mentions: MentionIndex, entities: dict[str, Entity], quoted: list[tuple[int, int]]
) -> list[_Found]:
    """Reported speech, findings, intentions and requests: the cue's subject is the speaker."""
    found = []
    for item in find_reported(doc):
        content, token = item.content, item.cue
        if any(s < content.end_char and content.start_char < e for s, e in quoted):
            continue
        speaker = (
            mention_ref(item.agent, mentions, entities)
            if item.agent is not None
            else speaker_of(token, mentions, entities)
        )
        if speaker is None and item.needs_speaker:
            continue
        via = tuple(
            m.item_id
            for child in token.children
            if child.dep_ in ("dobj", "dative") and (m := mentions.of_token(child)) is not None
        )
        sentence = token.sent
        evidence = trim_space(doc, sentence.start_char, sentence.end_char)
        found.append(
            _Found(
                "indirect",
                speaker,
                token_span(token),
                span_of(content),
                via,
                evidence,
                phrase=item.phrase,
                verb_cue=token.pos_ in ("VERB", "AUX"),
            )
        )
    return found


def _according_to(doc: Doc, mentions: MentionIndex, entities: dict[str, Entity]) -> list[_Found]:
    """`P, according to X` and `in X's view, P`: the clause the phrase hangs from is the content, X the
    speaker."""
    found = []
    for phrase, source in _source_phrases(doc):
        sentence = phrase.sent
        phrase_start, phrase_end = phrase.i, max(t.i for t in phrase.subtree) + 1
        before = doc[sentence.start : phrase_start]
        after = doc[phrase_end : sentence.end]
        # the content is the clause the phrase hangs from, whichever side of it that is
        head = phrase.head
        if head.i < phrase_start and head.i >= sentence.start:
            body = before
        elif phrase_end <= head.i < sentence.end and sentence.start <= head.left_edge.i < phrase_start:
            body = doc[head.left_edge.i : head.right_edge.i + 1]  # "The town, in his view, is lost."
        elif phrase_end <= head.i < sentence.end:
            body = after
        else:
            body = before if len(before) >= len(after) else after
        content = content_span(body)
        if content is None:
            continue
        last = doc[phrase.i + 1] if phrase.lower_ == "according" else doc[phrase_end - 1]
        cue_end = last.idx + len(last.text)
        found.append(
            _Found(
                "according_to",
                mention_ref(source, mentions, entities),
                Span(start=phrase.idx, end=cue_end, text=doc_text(doc)[phrase.idx : cue_end]),
                span_of(content),
                (),
                trim_space(doc, sentence.start_char, sentence.end_char),
            )
        )
    return found


def _source_phrases(doc: Doc) -> list[tuple[Token, Token]]:
    """Each phrase that names whose statement or view a clause is, with that source's head word:
    "according to X" and, set off at the start or between commas, "in X's view" ("in the view of X",
    "in his words", "by her account", "to his mind"). Found from the text, not by walking every token."""
    views: dict[str, list[str]] = lexicons.load("claims")["view_phrases"]
    found = []
    for match in _source_words().finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        if token.lower_ == "according":
            if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                source = _source_of(token)
                if source is not None:
                    found.append((token, source))
            continue
        phrase = token.head
        if token.dep_ != "pobj" or phrase.dep_ != "prep" or phrase.lower_ not in views:
            continue
        if token.lemma_.lower() in views[phrase.lower_] and _set_off(phrase):
            source = _view_holder(token)
            if source is not None:
                found.append((phrase, source))
    return found


@cache
def _source_words() -> re.Pattern[str]:
    views: dict[str, list[str]] = lexicons.load("claims")["view_phrases"]
    nouns = sorted({noun for group in views.values() for noun in group})
    return re.compile(r"\b(?:according|" + "|".join(nouns) + r")s?\b", re.IGNORECASE)


def _set_off(token: Token) -> bool:
    """Whether a phrase opens its sentence or follows a comma or dash: an aside, not an argument."""
    if token.i == token.sent.start:
        return True
    previous = token.doc[token.i - 1]
    return previous.text in (",", "—", "–", "(") or previous.is_space


def _view_holder(noun: Token) -> Token | None:
    """Whose view: the possessor ("in his view") or the object of "of" ("in the view of the court")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


_LABEL_TOKENS = 5  # "Defence ministry spokesman Oleksiy Hromov:" at most


def _colon_statements(
    doc: Doc, mentions: MentionIndex, entities: dict[str, Entity], quoted: list[tuple[int, int]]
) -> list[_Found]:
    """`Zelensky: we will not give up the east`, headlines and transcripts: a name, a colon, the words."""
    found = []
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        colon = next((t for t in words[1 : _LABEL_TOKENS + 1] if t.text == ":"), None)
        if colon is None:
            continue
        label = doc[words[0].i : colon.i]
        if not _is_speaker_label(label):
            continue
        content = content_span(doc[colon.i + 1 : sentence.end])
        if content is None or len(content) < 3:
            continue
        if any(s < content.end_char and content.start_char < e for s, e in quoted):
            continue
        found.append(
            _Found(
                "indirect",
                mention_ref(label[-1], mentions, entities),
                token_span(colon),
                span_of(content),
                (),
                trim_space(doc, sentence.start_char, sentence.end_char),
            )
        )
    return found


def _is_speaker_label(label: SpacySpan) -> bool:
    """Names (or a title and a name) only; a place before a colon is a dateline, not a speaker."""
    if not any(t.pos_ == "PROPN" for t in label):
        return False
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for t in label):
        return False
    return all(t.pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT") or t.is_title or t.is_upper for t in label)


def _source_of(according: Token) -> Token | None:
    """The head noun after "according to": its object, or the noun a parse hung elsewhere below it."""
    to = according.doc[according.i + 1]
    source = next((t for t in to.children if t.dep_ == "pobj"), None)
    if source is None:
        nouns = [t for t in according.subtree if t.i > to.i and t.pos_ in ("NOUN", "PROPN", "PRON")]
        source = nouns[-1] if nouns else None
    return source


def quantities(cardinals: list[SpacySpan], start: int, end: int) -> list[Quantity]:
    """Numbers inside a claim's content [start, end) with what they count: "five times more fighters"
    -> 5, ratio. `cardinals` are the document's CARDINAL entities, found once per document."""
    skip = set(lexicons.load("claims")["unit_nouns_skip"])
    found = []
    for ent in cardinals:
        if ent.start_char < start or ent.end_char > end:
            continue
        span = parse_range(ent.text)
        value = span[0] if span is not None else parse_number(ent.text)
        if value is None:
            continue
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if after is not None and after.lower_ == "times":
            found.append(Quantity(value=value, unit="ratio", text=_text_to(ent, after)))
            continue
        unit = _unit(ent)
        if unit in skip:
            continue
        high = span[1] if span is not None else None
        found.append(Quantity(value=value, unit=unit, text=ent.text, high=high))
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
    return doc_text(start.doc)[start.start_char : end.idx + len(end.text)]


def _clause_end(token: Token) -> int:
    last = max(t.i for t in token.subtree)
    return token.doc[last].idx + len(token.doc[last].text.rstrip())


def trim_space(doc: Doc, start: int, end: int) -> Span:
    """A span with surrounding whitespace cut off, so evidence never ends in a paragraph break."""
    text = doc_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, text=text[start:end])

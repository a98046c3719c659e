"""Who speaks: the mention that names a claim's speaker, resolved through subjects, inverted speech
tags, relative pronouns, documents that speak for their issuer, titles and pronouns.

Kept apart from `claims`, which finds what is said: the same speaker rules serve quotes, reported speech
and "according to".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from sitrep import lexicons
from sitrep.extract.coref import antecedent
from sitrep.extract.entities import name_key
from sitrep.extract.mentions import MentionIndex, trim
from sitrep.model import Entity, SpeakerRef


def speaker_of(cue: Token, mentions: MentionIndex, entities: dict[str, Entity]) -> SpeakerRef | None:
    if cue.pos_ == "NOUN":
        return _noun_speaker(cue, mentions, entities)
    subject = subject_of(cue.head if cue.dep_ == "acomp" else cue)  # "X is wary of": the copula's subject
    if subject is None or subject.ent_type_ in ("DATE", "TIME"):
        # "nine months of talking about …": a stretch of time speaks for nobody
        subject = _name_set_off_before(cue)
        if subject is None:
            return None
    if subject.dep_ != "nsubj" and subject.i < cue.i and subject.lemma_.lower() in _documents():
        owner = _noun_speaker(subject, mentions, entities, issued=True)  # "X issued a statement saying …"
        if owner is not None:
            return owner
    if subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
        return _relative_ref(subject, subject.head.head, mentions, entities)
    named = next((c for c in subject.children if c.dep_ == "appos" and mentions.of_token(c)), None)
    return mention_ref(named or subject, mentions, entities)


_FINITE = ("VBD", "VBZ", "VBP")


def _name_set_off_before(verb: Token) -> Token | None:
    """`Jane Doe, a rabbi helping to organize the boycott, said …`, `Speaking in Kyiv, Doe, without
    naming him, accused …`: long asides break the parse of the subject. A finite verb without one is
    taken to be spoken by the name that opens a comma-set stretch before it in its sentence (at the
    sentence start or after a comma, and followed by a comma, a date or the verb itself)."""
    if verb.tag_ not in _FINITE:
        return None
    sentence = verb.sent
    index = sentence.start
    while index < verb.i:
        token = verb.doc[index]
        if token.pos_ != "PROPN":
            index += 1
            continue
        end = index
        while end + 1 < verb.i and verb.doc[end + 1].pos_ == "PROPN":
            end += 1
        opens = index == sentence.start or verb.doc[index - 1].text == ","
        after = end + 1
        while after < verb.i and verb.doc[after].ent_type_ in ("DATE", "TIME"):
            after += 1
        closes = after == verb.i or verb.doc[after].text == ","
        if opens and closes and verb.doc[end].ent_type_ not in ("GPE", "LOC", "DATE", "TIME"):
            return verb.doc[end]
        index = end + 1
    return None


@cache
def _documents() -> frozenset[str]:
    claims = lexicons.load("claims")
    return frozenset(claims["cue_nouns"]) | frozenset(claims["document_nouns"])


def _relative_ref(
    pronoun: Token, noun: Token, mentions: MentionIndex, entities: dict[str, Entity]
) -> SpeakerRef:
    """`the envoy, who said …`: the pronoun is the evidence, the noun it stands for names the speaker."""
    named = mention_ref(noun, mentions, entities)
    return SpeakerRef(
        entity_id=named.entity_id,
        start=pronoun.idx,
        end=pronoun.idx + len(pronoun.text),
        text=pronoun.text,
    )


_RELATIVE = ("that", "which", "who")


def subject_of(verb: Token) -> Token | None:
    """Who does the verb: its own subject, the subject of the clause it continues ("…, saying", "by
    saying", "said P, adding"), or the noun a participle hangs from ("a statement saying")."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:  # the parser sometimes hangs the subject from the auxiliary: "X were opposed"
            auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            subject = next(
                (g for a in auxiliaries for g in a.children if g.dep_ in ("nsubj", "nsubjpass")), None
            )
        if subject is not None:
            return subject
        inverted = _inverted_subject(verb)
        if inverted is not None:
            return inverted
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ccomp":
            verb = verb.head.head  # "X said P, adding Q": the one who said P adds Q, not P's subject
            continue
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_ == verb.lemma_:
            verb = verb.head.head  # "X said P and said Q", parsed as if P went on with "said Q"
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "angered Kyiv by saying …": whoever angered it said it
            continue
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head
    return None


_AFTER_A_QUOTE = (",", '"', "”", "''", "?", "!", "—")
_MISTAKEN_SUBJECT = ("dobj", "attr", "npadvmod", "advmod", "oprd")


def _inverted_subject(verb: Token) -> Token | None:
    """`"…," added a local official`: after a quote the speaker follows the verb, and the parser often
    takes it for an object, an unknown surname for an adverb, or hangs it from the next clause."""
    if (
        verb.tag_ not in ("VBD", "VBZ", "VBP")
        or verb.i == 0
        or verb.doc[verb.i - 1].text not in _AFTER_A_QUOTE
    ):
        return None
    mistaken = next(
        (
            c
            for c in verb.rights
            if c.dep_ in _MISTAKEN_SUBJECT and (c.pos_ in ("NOUN", "PROPN") or c.is_title)
        ),
        None,
    )
    return mistaken if mistaken is not None else _phrase_after(verb)


def _phrase_after(verb: Token) -> Token | None:
    """The head of the noun phrase right after a verb (`said retired surgeon Ben Carson, asked …`)."""
    head = None
    for token in verb.doc[verb.i + 1 : verb.i + 8]:
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
        elif token.pos_ not in ("DET", "ADJ") and token.dep_ not in ("amod", "compound"):
            break
    return head


def _noun_speaker(
    cue: Token, mentions: MentionIndex, entities: dict[str, Entity], issued: bool = False
) -> SpeakerRef | None:
    """Whose claim a speech noun is: "Moscow's claim", "a warning by the ministry", "X issued a warning",
    "X voted in favour of"."""
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    while (
        issued
        and owner is None
        and cue.dep_ == "pobj"
        and cue.head.lower_ == "of"
        and cue.head.head.pos_ == "NOUN"
    ):
        cue = cue.head.head  # "a series of tweets saying": whoever sent the series
        owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None and cue.dep_ == "dobj":
        owner = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
        if owner is None and issued:
            owner = subject_of(cue.head)  # "X felt compelled to issue a memo saying": whoever issues it
    if owner is None and cue.dep_ == "pobj" and cue.head.head.pos_ in ("VERB", "AUX"):
        owner = subject_of(cue.head.head)  # "X lined up in support of Y", "X responded to questions"
    return mention_ref(owner, mentions, entities) if owner is not None else None


def mention_ref(token: Token, mentions: MentionIndex, entities: dict[str, Entity]) -> SpeakerRef:
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
    words = token.doc[token.left_edge.i : token.i + 1]
    first = next((t.i for t in words if not (t.is_punct or t.is_space)), token.i)  # not "- Sanders"
    phrase = trim(token.doc[first : token.i + 1])
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

"""Reported speech and stance over the dependency parse: what a clause says someone said, found, wants
or asked for, with the clause or phrase that is its content.

Eight shapes, each keyed by a word list in `lexicons/claims.json`:
- speech and belief verbs with a complement clause: "X said (that) P", "a study found that P", "X asked
  Y whether P";
- a speech verb set off inside the clause it reports: "P, he said, Q", "As X said, P" (the host clause
  is content);
- intention verbs with an infinitive: "X vowed to retake the town", "X wants Y to withdraw" (the
  infinitive phrase), or with a gerund right after them ("proposed dropping the tax");
- requests: "X called for a ceasefire", "X urged Y to withdraw" (what is asked for);
- stance verbs with an object: "X condemned the strike on the market" (the object, and what for), in
  the passive with the agent holding the stance ("the truce was welcomed by both sides"); verbs whose
  object is what was stated or shown: "the ministry announced a curfew", "the poll showed a tie"; and
  what someone wants, seeks or threatens when it is a thing ("vowed revenge");
- naming verbs with an object and what it is called: "the Kremlin called the report a provocation",
  "Kyiv described the offer as a trap";
- topic verbs with their preposition: "Kyiv accused Moscow of shelling the plant", "spoke about the
  offensive" (the preposition's object);
- adjectives of attitude after "be": "X is confident that P", "eager to talk", "wary of the deal";
- speech nouns with a that-clause: "Moscow's claim that P", "a warning that P"; nouns of intent with an
  infinitive ("the decision to withdraw"); speech nouns with their topic ("criticism of the deal").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import lexicons
from sitrep.nlp.lemmas import lemma as corrected_lemma

_VERBAL = ("VERB", "AUX")
_REQUEST_PREPOSITIONS = ("for", "on")
_PREPOSITION_OBJECTS = ("pobj", "pcomp")


@dataclass(frozen=True)
class Reported:
    """A cue verb and the content it introduces."""

    cue: Token
    content: SpacySpan
    needs_speaker: bool = False  # "questions about the plan" is nobody's claim until someone asks them
    phrase: bool = False  # the content is the object of the cue, a noun phrase ("published an editorial")
    agent: Token | None = None  # who holds the stance in the passive: "is backed by the unions"


@cache
def _verbs(key: str) -> frozenset[str]:
    return frozenset(lexicons.load("claims")[key])


@cache
def _topic_verbs() -> dict[str, frozenset[str]]:
    table: dict[str, list[str]] = lexicons.load("claims")["topic_verbs"]
    return {verb: frozenset(prepositions) for verb, prepositions in table.items()}


@cache
def _attitude_adjectives() -> dict[str, frozenset[str]]:
    table: dict[str, list[str]] = lexicons.load("claims")["attitude_adjectives"]
    return {adjective: frozenset(prepositions) for adjective, prepositions in table.items()}


@cache
def _topic_nouns() -> dict[str, frozenset[str]]:
    table: dict[str, list[str]] = lexicons.load("claims")["topic_nouns"]
    return {noun: frozenset(prepositions) for noun, prepositions in table.items()}


def find_reported(doc: Doc) -> Iterator[Reported]:
    """Every cue verb with a content it introduces, in text order."""
    speech, belief = _verbs("cue_verbs"), _verbs("belief_verbs")
    intention, request = _verbs("intention_verbs"), _verbs("request_verbs")
    stance, nouns, naming = _verbs("stance_verbs"), _verbs("cue_nouns"), _verbs("naming_verbs")
    stated, regard = _verbs("object_verbs"), _verbs("regard_verbs")
    topics, noun_topics = _topic_verbs(), _topic_nouns()
    aims, attitudes = _verbs("intention_nouns"), _attitude_adjectives()
    wanted, questions = _verbs("wanted_things"), _verbs("question_verbs")
    for token in doc:
        if token.pos_ == "NOUN" and not _verb_read_as_noun(token):
            noun = token.lemma_.lower()
            clause = _noun_complement(token) if noun in nouns else None
            if clause is not None:
                yield Reported(token, clause)
                continue
            if noun in aims:
                clause = _infinitive_of_noun(token)
            if clause is None and noun in noun_topics:
                clause = _topic(token, noun_topics[noun])
            if clause is not None:
                yield Reported(token, clause, needs_speaker=True)
            continue
        if token.lower_ in attitudes and _predicative(token):
            clause = _attitude(token, attitudes[token.lower_])
            if clause is not None:
                yield Reported(token, clause, needs_speaker=True)
                continue
        if token.pos_ not in _VERBAL and not _verb_read_as_noun(token):
            continue
        lemma = corrected_lemma(token)
        content = None
        if lemma in speech or lemma in belief:
            content = _complement(token) or _gerund_complement(token) or _that_clause_on_object(token)
            if content is None and lemma in questions:
                content = _question(token)
            if content is None and lemma in speech:
                content = _host_clause(token) or _as_aside_host(token)
        if content is None and lemma in intention:
            content = _infinitive(token) or _gerund_complement(token)
        if content is None and lemma in request:
            content = _request(token)
        if content is None and lemma in naming:
            content = _naming(token)
        if content is None and lemma in regard:
            content = _regarded_as(token)
        phrase = content is None and (lemma in stance or lemma in stated or lemma in wanted)
        if phrase:
            content = _stance_object(token, single_noun=lemma in wanted)
        if content is None and lemma in stance and (passive := _passive_stance(token)) is not None:
            yield Reported(token, passive[0], phrase=True, agent=passive[1])
            continue
        if content is None and lemma in topics:
            phrase, content = False, _topic(token, topics[lemma])
        if content is not None and not _unanswered(lemma, content):
            yield Reported(token, content, phrase=phrase)


def _complement(cue: Token) -> SpacySpan | None:
    """The clause the verb reports; the one after it when it has two, since a clause before the verb
    is often a quote set off by dashes that the parser hung from the same verb."""
    complements = [c for c in cue.children if c.dep_ == "ccomp"]
    complement = next((c for c in complements if c.i > cue.i), complements[0] if complements else None)
    if complement is None:
        return None
    return content_span(cue.doc[complement.left_edge.i : _before_aside(complement) + 1])


def _that_clause_on_object(cue: Token) -> SpacySpan | None:
    """`told a meeting of island leaders that few people understood …`: a that-clause with a subject of
    its own, which the parser hung from the object as if it were a relative clause."""
    target = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None)
    if target is None:
        return None
    for clause in target.subtree:
        if clause.dep_ != "relcl" or clause.pos_ not in _VERBAL:
            continue
        first = clause.doc[clause.left_edge.i]
        if first.lower_ == "that" and first.dep_ == "mark" and _has_subject(clause):
            return content_span(clause)
    return None


def _gerund_complement(cue: Token) -> SpacySpan | None:
    """`reported raising $9 million`, `said cutting output must come first`: a gerund clause right after
    the verb, which the parser takes for a complement of the verb's own subject. One further on
    ("agreed to a truce starting on Sunday") describes something else."""
    clause = next((c for c in cue.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if clause is None or clause.left_edge.i != cue.i + 1:
        return None
    return content_span(clause)


@cache
def _aside_verbs() -> frozenset[str]:
    return _verbs("cue_verbs") | _verbs("belief_verbs") | _verbs("stance_verbs") | _verbs("object_verbs")


def _before_aside(head: Token) -> int:
    """The last token of a clause before a trailing `, adding …` / `, citing …`: a participle of another
    cue verb set off by a comma is the speaker's next statement, not part of this one."""
    cues = _aside_verbs()
    for child in head.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in cues:
            before = child.left_edge.i - 1
            if before > head.i and head.doc[before].text == ",":
                return before - 1
        if child.dep_ == "advcl" and _concessive(child):
            before = child.left_edge.i - 1
            if before > head.i and head.doc[before].text == ",":
                return before - 1  # `claimed P, although he refused Q`: the concession is the writer's
        if child.dep_ == "conj" and child.lemma_.lower() in cues and not _has_subject(child):
            # `said the move was Bratton's and said, "…"`: the speaker's next statement, parsed as
            # going on with the clause of the first
            before = child.left_edge.i - 1
            while before > head.i and (head.doc[before].dep_ == "cc" or head.doc[before].is_punct):
                before -= 1
            return before
    return head.right_edge.i


_CONCESSIVE = ("although", "though", "whereas")


def _concessive(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in clause.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _host_clause(cue: Token) -> SpacySpan | None:
    """`P, he said, Q`: a speech verb parsed as an aside of the clause it reports."""
    if cue.dep_ != "parataxis" or (cue.head.pos_ not in _VERBAL and cue.head.dep_ != "ROOT"):
        return None  # a root the tagger took for a noun still heads the clause ("those donations paid")
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    return content_span(cue.head)


def _unanswered(lemma: str, content: SpacySpan) -> bool:
    """`did not respond to requests for comment`, `returned calls`: the reporter's inquiry, no claim."""
    table = lexicons.load("claims")["unanswered"]
    return lemma in table["verbs"] and content.root.lemma_.lower() in table["nouns"]


def _passive_stance(cue: Token) -> tuple[SpacySpan, Token] | None:
    """`The plan was welcomed by both sides`: the subject is what the stance is about, the agent holds
    it. "Supported by separatist forces" and "backed by artillery" are help in a fight, not a stance."""
    if cue.lemma_.lower() in _verbs("material_in_the_passive"):
        return None
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None or holder is None or subject.lower_ in ("that", "which", "who"):
        return None  # a relative pronoun names nothing the stance could be about
    content = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    return content, holder


def _verb_read_as_noun(token: Token) -> bool:
    """`Leaked documents show he took a loss`: a word the tagger took for a noun that heads the
    sentence with a subject and a clause of its own is the sentence's verb."""
    if token.pos_ != "NOUN" or token.dep_ != "ROOT":
        return False
    children = {c.dep_ for c in token.children}
    return "nsubj" in children and bool(children & {"ccomp", "dobj", "xcomp"})


def _as_aside_host(cue: Token) -> SpacySpan | None:
    """`As the minister said, P` and `P, as he noted`: a speech verb in an "as" clause with its own
    subject reports the clause it hangs from, without the aside."""
    if cue.dep_ != "advcl" or cue.head.pos_ not in _VERBAL:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    host = cue.head
    start, end = host.left_edge.i, host.right_edge.i + 1
    if cue.left_edge.i == start:
        start = cue.right_edge.i + 1
    elif cue.right_edge.i + 1 >= end - 1:
        end = cue.left_edge.i
    return content_span(cue.doc[start:end]) if start < end else None


def _infinitive(cue: Token) -> SpacySpan | None:
    """`vowed to retake the town`, and `wants Kyiv to negotiate`, which the parser reads as a clause."""
    clause = next((c for c in cue.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in _VERBAL), None)
    if clause is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    return content_span(clause)


def _question(cue: Token) -> SpacySpan | None:
    """`asked the students if they were serious`: the question, which the parser hangs as an adverbial."""
    clause = next(
        (
            c
            for c in cue.rights
            if c.dep_ in ("advcl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ),
        None,
    )
    return content_span(clause) if clause is not None else None


def _predicative(word: Token) -> bool:
    """An adjective after "be" ("is wary"), or a participle read as passive ("was concerned")."""
    if word.dep_ == "acomp":
        return True
    return word.tag_ in ("VBN", "JJ") and any(c.dep_ == "auxpass" for c in word.children)


def _attitude(cue: Token, prepositions: frozenset[str]) -> SpacySpan | None:
    """`X is confident that P`, `X is eager to talk`, `X is sceptical of the deal`: the clause or the
    object of the preposition the adjective takes. Only adjectives of will take an infinitive: "X is
    certain to win" is the writer's forecast, not X's belief."""
    for child in cue.rights:
        if child.dep_ == "ccomp" and child.pos_ in _VERBAL:
            return content_span(child)
        if child.dep_ == "xcomp" and child.left_edge.lower_ == "to" and not prepositions:
            return content_span(child)
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [c for c in child.children if c.dep_ in _PREPOSITION_OBJECTS]
            if objects:
                return _between(cue.doc, objects[0].left_edge.i, child.right_edge.i)
    return None


def _infinitive_of_noun(cue: Token) -> SpacySpan | None:
    """`Moscow's decision to withdraw`, `a pledge to rebuild`: the infinitive a noun of intent takes."""
    clause = next((c for c in cue.rights if c.dep_ in ("acl", "relcl") and c.pos_ in _VERBAL), None)
    if clause is None or clause.left_edge.lower_ != "to" or clause.left_edge.i != cue.i + 1:
        return None
    return content_span(clause)


def _request(cue: Token) -> SpacySpan | None:
    """What is asked for: the object of "for"/"on", or "Y to do Z" after "urged"."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in _REQUEST_PREPOSITIONS and child.i > cue.i:
            objects = [c for c in child.children if c.dep_ in _PREPOSITION_OBJECTS]
            if objects:
                last = child.right_edge.i
                clause = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > child.i), None)
                if clause is not None:
                    last = clause.right_edge.i
                return _between(cue.doc, objects[0].left_edge.i, last)
    for_clause = next((c for c in cue.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "for"), None)
    if for_clause is not None and for_clause.left_edge.i == cue.i + 1:  # `called for X to be done`
        return _between(cue.doc, for_clause.left_edge.i + 1, for_clause.right_edge.i)
    target = next((c for c in cue.children if c.dep_ == "dobj"), None)
    clause = next((c for c in cue.children if c.dep_ in ("xcomp", "ccomp") and c.i > cue.i), None)
    if target is not None and clause is not None and target.i < clause.i:
        return _between(cue.doc, target.left_edge.i, clause.right_edge.i)
    return None


def _topic(cue: Token, prepositions: frozenset[str]) -> SpacySpan | None:
    """`accused X of P`, `spoke about P`: what the preposition the verb takes governs."""
    for child in cue.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in prepositions and child.i > cue.i:
            objects = [c for c in child.children if c.dep_ in _PREPOSITION_OBJECTS]
            if objects:
                return _between(cue.doc, objects[0].left_edge.i, child.right_edge.i)
    return None


def _stance_object(cue: Token, single_noun: bool = False) -> SpacySpan | None:
    """`X condemned the strike (for …)`: the object, with the reason given for the stance."""
    target = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if target is None or target.pos_ == "PRON":
        return None
    last = target.right_edge.i
    reason = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > last), None)
    if reason is not None:
        last = reason.right_edge.i
    if target.left_edge.i == last and (target.pos_ == "PROPN" or single_noun and target.pos_ == "NOUN"):
        return cue.doc[last : last + 1]  # `endorsed Trump`, `vowed revenge`: one word is the whole of it
    return _between(cue.doc, target.left_edge.i, last)


_SECOND_OBJECT = ("amod", "dobj", "appos", "npadvmod")


def _naming(cue: Token) -> SpacySpan | None:
    """`X called Y Z`: the thing named and what it is called; "called Macron on Tuesday" is not one."""
    target = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if target is None:
        return None
    named_as = next((c for c in cue.children if c.dep_ == "oprd"), None)
    if named_as is None:
        named_as = next((c for c in target.rights if c.dep_ in _SECOND_OBJECT), None)
    if named_as is None:
        return None
    return _between(cue.doc, target.left_edge.i, max(named_as.right_edge.i, target.right_edge.i))


def _regarded_as(cue: Token) -> SpacySpan | None:
    """`X described the talks as a stalling tactic`: the thing and what it is taken for."""
    target = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if target is None:
        return None
    attached = (*cue.children, *target.rights)
    as_phrase = next((c for c in attached if c.dep_ == "prep" and c.lower_ == "as" and c.i > target.i), None)
    if as_phrase is None or as_phrase.n_rights == 0:
        return None
    return _between(cue.doc, target.left_edge.i, as_phrase.right_edge.i)


def _noun_complement(cue: Token) -> SpacySpan | None:
    """`the claim that P`: a clause opened by "that" hanging from a speech noun."""
    for child in cue.rights:
        if child.dep_ not in ("acl", "ccomp", "relcl") or child.pos_ not in _VERBAL:
            continue
        first = child.doc[child.left_edge.i]
        if first.lower_ != "that" or first.i != cue.i + 1:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in child.children)
        if child.dep_ == "relcl" and not own_subject:
            continue  # "a warning that was ignored" is a relative clause, not what was warned
        return content_span(child)
    return None


def _between(doc: Doc, first: int, last: int) -> SpacySpan | None:
    return content_span(doc[first : last + 1])


def _complementizer(token: Token) -> bool:
    """A bare "that" opening a clause; "whether" and "if" stay, they make the content a question."""
    return token.dep_ == "mark" and token.lower_ not in ("whether", "if")


def content_span(head: Token | SpacySpan) -> SpacySpan | None:
    """The clause without its "that", surrounding punctuation and spaces."""
    span = head.doc[head.left_edge.i : head.right_edge.i + 1] if isinstance(head, Token) else head
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (_complementizer(doc[start]) or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    if end - start < 2:
        return None
    return doc[start:end]

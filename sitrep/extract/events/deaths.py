"""How many an attack killed: deaths stated in the trigger's own clause, or the toll it is the source of.

Fatalities are never guessed: a number counts only when the parse ties it to a killing word of the
event's own clause ("killing three civilians"), or to a toll of which the attack is the source ("the toll
from Sunday's strike has risen to five"). Comparisons ("five times more") and injury tolls never count.
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Sentence

from sitrep import lexicons
from sitrep.extract.events.acled import VIOLENCE
from sitrep.extract.events.roles import clause_head, predicate_of
from sitrep.extract.events.setting import set_later
from sitrep.extract.numbers import VAGUE, parse_count
from sitrep.model import Claim, Event, Span

_OBJECTS = ("dobj", "nsubjpass", "attr")
_SELF = ("it", "they", "we")


def fatalities(trigger: Token) -> int | None:
    """Deaths stated in the trigger's own clause: "killing three civilians", "12 people were killed"."""
    return counted_deaths(trigger)[0]


def counted_deaths(trigger: Token) -> tuple[int | None, bool]:
    """Deaths stated in the trigger's own clause, and whether they are a part of a group counted
    before ("two of the victims died"), which is no toll of its own when a larger one is known."""
    words = set(lexicons.load("events")["fatality_words"])
    # a nominal trigger's relative clause is its own too: "the firing that left one dead"
    own = {clause_head(predicate_of(trigger)).i} | {c.i for c in trigger.children if c.dep_ == "relcl"}
    # "in police firing" is often parsed as the noun "police" with the participle hung on it
    node = trigger.head if trigger.dep_ == "acl" and trigger.tag_ == "VBG" else trigger
    host = node.head.head
    if node.dep_ in ("pobj", "pcomp") and node.head.dep_ == "prep" and host.lemma_.lower() in words:
        own.add(host.i)  # "73 people died in police firing": the dead of the act they died in
    clause = clause_head(predicate_of(trigger))
    # "stormed a hotel on Tuesday, leaving at least five people dead": the result the act left
    own |= {c.i for c in clause.children if _result_participle(c)}
    if clause.dep_ == "advcl" and clause.head.lemma_.lower() in words and _causal(clause):
        own.add(clause.head.i)  # "a woman died when a drone hit her house"
    for token in trigger.sent:
        lives = _lives_taken(token)
        if token.lemma_.lower() not in words and lives is None:
            continue
        if token.i != trigger.i and clause_head(token).i not in own and clause_head(token.head).i not in own:
            continue
        if token.i != trigger.i and token.dep_ == "conj" and set_later(token):
            continue  # "laid siege to a hotel and later killed 50 militants in airstrikes": another act
        count, part = _count_near(token) if lives is None else (_victim_count(lives), False)
        if count is not None:
            return count, part
    return None, False


def _lives_taken(verb: Token) -> Token | None:
    """Whose lives a verb of taking lives took: "claimed the lives of 15 people" (15 people), "cost
    three lives"."""
    if verb.lemma_.lower() not in lexicons.load("events")["life_taking_verbs"]:
        return None
    lives = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "life"), None)
    if lives is None:
        return None
    of = next((c for c in lives.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whose = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whose if whose is not None else lives


def claimed_by_perpetrator(event: Event, claims: list[Claim]) -> bool:
    """ "The group said it had killed more than 10 people": a toll the attackers claim for themselves,
    which ACLED takes only when no one else gives one."""
    claim = next((c for c in claims if c.id == event.attributed_to), None)
    if claim is None or claim.speaker is None or event.fatalities is None:
        return False
    actor = event.actor1
    if actor is not None and actor.entity_id is not None and actor.entity_id == claim.speaker.entity_id:
        return True
    # the speaker says "it" or "we" did it: the claim's own subject is the one speaking, in the
    # sentence that tells the act ("They attacked at dawn. Five people were killed," the mayor said)
    words = claim.content.text.split()
    said_of_self = bool(words) and words[0].casefold() in _SELF
    before_act = claim.content.text[: max(0, event.trigger.start - claim.content.start)]
    one_sentence = not any(end in before_act for end in (". ", "? ", "! "))
    return said_of_self and one_sentence and (actor is None or actor.text.casefold() in _SELF)


def reported_toll(trigger: Token) -> int | None:
    """The dead an attack noun is the source of: "the toll from Sunday's drone strike has risen to five",
    "the number of people killed in the attack climbed to 12". Injury tolls are not deaths."""
    lexicon = lexicons.load("events")
    deaths, injuries = set(lexicon["fatality_words"]), set(lexicon["injury_words"])
    found = _toll_of(trigger)
    if found is None:
        return None
    noun, verb, path = found
    modifiers = {c.lemma_.lower() for c in noun.children} | set(path)
    if modifiers & injuries or (noun.lemma_.lower() != "toll" and not modifiers & deaths):
        return None
    for child in [*verb.children, *trigger.children]:
        if child.dep_ == "dobj" and child.like_num:
            return _number(child)  # "reached nine"
        if child.dep_ == "prep" and child.lower_ in ("to", "at"):
            count = next((c for c in child.children if c.dep_ == "pobj" and c.like_num), None)
            if count is not None:
                return _number(count)  # "has risen to five", "stood at 30"
    return None


def with_later_tolls(events: list[Event], doc: Doc) -> list[Event]:
    """Each toll the story raises later (`later_tolls`) goes to the violent incident told last before
    it, when that incident has a toll and this one is higher, with the toll's sentence as evidence: a
    story reports its latest count last ("raising the death toll to 31"). An incident with no toll takes
    the one the next sentence gives (`_with_next_sentence_deaths`)."""
    out = list(events)
    tolls = later_tolls(doc)
    for verb, count in tolls:
        sentence = verb.sent
        before = [
            n
            for n, e in enumerate(out)
            if e.status == "incident"
            and e.acled_event_type in VIOLENCE
            and e.evidence[0].start < sentence.start_char
        ]
        if not before:
            continue
        n = max(before, key=lambda k: max(s.start for s in out[k].evidence if s.start < sentence.start_char))
        event = out[n]
        if event.fatalities is not None and event.fatalities < count:
            told = Span(start=sentence.start_char, end=sentence.end_char, text=sentence.text)
            out[n] = event.model_copy(update={"fatalities": count, "evidence": [*event.evidence, told]})
    return _with_next_sentence_deaths(out, doc, tolls)


def _with_next_sentence_deaths(events: list[Event], doc: Doc, tolls: list[tuple[Token, int]]) -> list[Event]:
    """An incident told with no toll takes the dead the very next sentence counts without naming any
    act ("A car bomb exploded in the market. Officials said seven people died, while local media put the
    toll at 12."): the lowest figure, as ACLED takes the lowest credible one."""
    out = list(events)
    for n, event in enumerate(out):
        if (
            event.status != "incident"
            or event.acled_event_type not in VIOLENCE
            or event.fatalities is not None
        ):
            continue
        start = max(span.start for span in event.evidence)
        last = doc.char_span(start, start + 1, alignment_mode="expand")
        if last is None or last.sent.end >= len(doc):
            continue
        following = doc[last.sent.end].sent
        found = _bare_deaths(following) + [c for verb, c in tolls if verb.sent.start == following.start]
        if found:
            out[n] = event.model_copy(update={"fatalities": min(found)})
    return out


def _bare_deaths(sentence: Sentence) -> list[int]:
    """Counts of people who died, told with no act, cause or place of their own ("seven people died")."""
    lexicon = lexicons.load("events")
    lemmas = {t.lemma_.lower() for t in sentence}
    if any(w in lexicon["verbs"] or w in lexicon["nouns"] or w in lexicon["accident_words"] for w in lemmas):
        return []  # an act or an accident of its own
    found = []
    for verb in sentence:
        if verb.lemma_.lower() != "die" or verb.pos_ != "VERB":
            continue
        if any(c.dep_ == "prep" for c in verb.children):
            continue  # "died of cholera", "died in hospital": a cause or a place of its own
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        count = _victim_count(subject) if subject is not None else None
        if count:
            found.append(count)
    return found


def later_tolls(doc: Doc) -> list[tuple[Token, int]]:
    """Tolls a story raises without naming the act again ("eleven more died in hospital, raising the
    death toll to 31", "the death toll rose to 31"): each toll verb with its new count. Injury tolls
    are not deaths."""
    lexicon = lexicons.load("events")
    toll_nouns = set(lexicon["toll_nouns"])
    moving = set(lexicon["toll_verbs"]) | set(lexicon["toll_setting_verbs"])
    deaths, injuries = set(lexicon["fatality_words"]), set(lexicon["injury_words"])
    overall = set(lexicon["durative_conflict_nouns"]) | {"overall", "total", "cumulative", "year"}
    found = []
    for verb in _verbs_over(doc, toll_nouns):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in moving:
            continue
        noun = next(
            (c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in toll_nouns),
            None,
        )
        if noun is None:
            continue
        modifiers = {c.lemma_.lower() for c in noun.subtree}
        if modifiers & injuries or (noun.lemma_.lower() != "toll" and not modifiers & deaths):
            continue
        if modifiers & overall or any(t.lower_ == "since" for t in verb.sent):
            continue  # "the war's toll", "the overall toll since 2009": a count over a period
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at")), None)
        count = next((c for c in to.children if c.dep_ == "pobj" and c.like_num), None) if to else None
        value = _number(count) if count is not None else None
        if value:
            found.append((verb, value))
    return found


def _verbs_over(doc: Doc, nouns: set[str]) -> list[Token]:
    """The words governing one of these nouns, in text order, found from the lemmas array so that a
    story without the nouns costs no walk over its words."""
    wanted = {get_string_id(noun) for noun in nouns} | {get_string_id(noun.capitalize()) for noun in nouns}
    hits = [i for i, lemma in enumerate(doc.to_array(LEMMA).tolist()) if lemma in wanted]
    return sorted({doc[i].head for i in hits}, key=lambda token: token.i)


def toll_update(trigger: Token) -> Token | None:
    """The verb of a toll update the trigger is the source of ("the toll from the attack climbed to 12 on
    Friday"): its clause tells when the count changed, not when the act happened."""
    found = _toll_of(trigger)
    return found[1] if found is not None else None


def _toll_of(trigger: Token) -> tuple[Token, Token, list[str]] | None:
    """The toll noun above the trigger, the verb that updates it, and the words between them."""
    lexicon = lexicons.load("events")
    toll_nouns, toll_verbs = set(lexicon["toll_nouns"]), set(lexicon["toll_verbs"])
    setters = set(lexicon["toll_setting_verbs"])
    head, path = trigger, []
    for _ in range(6):
        if head.dep_ in ("ROOT", "nsubj", "nsubjpass") or head.head is head:
            break
        head = head.head
        path.append(head.lemma_.lower())
        if head.pos_ == "VERB":
            # "officials raised the death toll to 60 from the blasts", "put the toll from it at 31"
            setting = next((c for c in head.children if c.dep_ == "dobj"), None)
            if setting is not None and setting.lemma_.lower() in toll_nouns:
                return (setting, head, path) if head.lemma_.lower() in setters else None
    noun = head
    if noun.lemma_.lower() not in toll_nouns or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = noun.head
    return (noun, verb, path) if verb.lemma_.lower() in toll_verbs else None


def _count_near(word: Token) -> tuple[int | None, bool]:
    """The number counting the dead (on the victims noun, or on the noun "dead" describes), and whether
    it counts part of a group already named ("two of the victims")."""
    own = next((c for c in word.children if c.dep_ == "nummod"), None)
    if own is not None and word.pos_ in ("NOUN", "ADJ"):
        return _number(own), False  # "77 deaths", "left two dead"
    candidates = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if any(c.dep_ == "dobj" for c in candidates):
        # "a missile strike killed 11 people": the subject of a killing with an object is the killer
        candidates = [c for c in candidates if c.dep_ != "nsubj"]
    if word.dep_ in ("amod", "acomp", "oprd") or word.lower_ in ("dead", "killed"):
        candidates.append(word.head)
    if word.dep_ == "nummod":
        return _number(word), False
    # "two youths were shot dead": the dead are the object of the verb "dead" describes
    candidates += [c for v in candidates if v.pos_ == "VERB" for c in v.children if c.dep_ in _OBJECTS]
    for noun in candidates:
        total = _counted_together(noun)
        if total is not None:
            return total, False
        count = _victim_count(noun)
        if count is not None:
            return count, _partitive(noun)
    return None, False


def _partitive(count: Token) -> bool:
    """A count of part of a group already named: "two of the victims", "three of them"."""
    of = next((c for c in count.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None:
        return False
    if group.pos_ == "PRON":
        return group.lower_ in ("them", "those", "these")
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "these", "those"))
        for c in group.children
    )


def _victim_count(noun: Token) -> int | None:
    """The number a victims noun carries: "three civilians", "dozens", "a student", "him"."""
    for child in noun.children:
        if child.dep_ == "nummod":
            return _number(child)
    if noun.like_num or noun.lower_ in VAGUE:
        return _number(noun)
    return 1 if _one_victim(noun) else None


def _counted_together(noun: Token) -> int | None:
    """The sum over coordinated victims when every one is counted: "two soldiers and a civilian" is
    three; with one uncounted ("two soldiers and civilians") there is no sum, only the first count."""
    conjuncts = [noun, *(noun.doc[i] for i in sorted(_chain(noun)))]
    if len(conjuncts) < 2:
        return None
    counts = [_victim_count(c) for c in conjuncts]
    if any(count is None for count in counts):
        return None
    return sum(count for count in counts if count is not None)


def _chain(noun: Token) -> set[int]:
    """Indexes of a noun's conjuncts, so "A, B and C" reaches C through B."""
    found: set[int] = set()
    current = [noun]
    while current:
        nxt = [c for t in current for c in t.children if c.dep_ == "conj" and c.i not in found]
        found.update(c.i for c in nxt)
        current = nxt
    return found


def _one_victim(noun: Token) -> bool:
    """A single person as the dead: "a student was shot dead", "killing him", a named person."""
    if noun.pos_ == "VERB":
        return False
    if noun.pos_ == "PRON":
        return noun.lower_ in ("he", "she", "him", "her")
    if noun.tag_ == "NNP" and noun.ent_type_ == "PERSON":
        return True  # "Abu Khadija was killed"
    article = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in noun.children)
    return noun.tag_ == "NN" and article


def _result_participle(clause: Token) -> bool:
    """A bare participle clause after the act that tells what it left: ", leaving five dead"."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBG"
        and clause.i > clause.head.i
        and not any(c.dep_ in ("mark", "nsubj", "aux") for c in clause.children)
    )


def _causal(clause: Token) -> bool:
    """A subordinate clause that tells how the deaths came about: "when", "after", "as" the attack."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after", "as") for c in clause.children)


def _number(token: Token) -> int | None:
    words = [t for t in token.subtree if t.dep_ in ("nummod", "quantmod", "advmod", "compound") or t is token]
    if any(t.lower_ == "times" for t in token.head.subtree if t.i < token.head.i):
        return None  # "five times more" is a comparison, never a count
    text = token.doc[min(t.i for t in words) : max(t.i for t in words) + 1].text
    return parse_count(text)

"""Sides of two mentions of one article: whether they may be the same actors, so that the mentions may
tell one incident (incident assembly) or one event told twice.

An actor is compared by its entity, else its kind, else its words; a pronoun tells nothing. A side told
only by description ("our brave soldiers", "the country's security forces") is compared by its kind,
with every non-state armed kind as one, while two named sides ("the Somali army", "the Kenyan army")
differ when their entities do.
"""

from __future__ import annotations

from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep import lexicons
from sitrep.model import Actor, Event

NON_STATE_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia"})
PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them", "it", "who", "whom", "which", "that"})


def agree(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one == other


def side(actor: Actor | None) -> str | None:
    """Who an actor is, for comparing sides: its entity, else its kind, else its words; a pronoun's
    resolution is too weak to tell sides apart."""
    if actor is None or actor.text.casefold() in PRONOUNS:
        return None
    return actor.entity_id or actor.kind or actor.text.casefold()


def sides_agree(a: Event, b: Event) -> bool:
    """The two mentions' sides do not name different actors; a clash told from either side is one."""
    attack = a.type == "ASSAULT" == b.type
    straight = _one_side(a.actor1, b.actor1) and _one_side(a.actor2, b.actor2, things_hit=attack)
    mutual = a.acled_event_type == "Battles" == b.acled_event_type
    crossed = mutual and all(
        _one_side(x, y, by_kind=False) for x, y in ((a.actor1, b.actor2), (a.actor2, b.actor1))
    )
    return straight or crossed


def _one_side(one: Actor | None, other: Actor | None, by_kind: bool = True, things_hit: bool = False) -> bool:
    """Whether two actors may be one: unknown, one entity, or, when one is told only by what it is
    ("our soldiers" beside "the Somali army"), one kind. Two descriptions ("the country's security
    forces", "our brave soldiers") are one side when their kinds agree (`by_kind`): a description is
    no name to tell sides apart by. Of two attacks' targets (`things_hit`), a thing hit and civilians
    may be one: the people were where it hit."""
    if side(one) is None or side(other) is None:
        return True
    assert one is not None and other is not None
    if one.entity_id is not None and one.entity_id == other.entity_id:
        return True
    named = not by_kind or (_named(one) and _named(other))
    if named and one.entity_id is not None and other.entity_id is not None:
        return False
    if one.kind is not None and other.kind is not None:
        return _coarse_kind(one.kind) == _coarse_kind(other.kind)
    if things_hit and _bare(one) != _bare(other) and "civilians" in (one.kind, other.kind):
        return True  # "stormed a hotel" and "five people were killed": the people were where it hit
    if _one_thing(one, other):
        return True  # "the Hayat Hotel" and "a Mogadishu hotel": one thing, told two ways
    return side(one) == side(other)


def _one_thing(one: Actor, other: Actor) -> bool:
    """Two things of one kind ("hotel"), at most one of them named: a description of the named one."""
    unnamed = one.entity_id is None or other.entity_id is None
    return one.kind is None and other.kind is None and unnamed and _head_word(one) == _head_word(other)


def _head_word(actor: Actor) -> str:
    words = actor.text.casefold().split()
    return words[-1].strip(".,’'\"") if words else ""


def _bare(actor: Actor) -> bool:
    """An actor with neither an entity nor a kind: most often a thing hit ("the hotel", "a bus")."""
    return actor.entity_id is None and actor.kind is None


def _named(actor: Actor) -> bool:
    """An actor told by a name ("al-Shabab", "the Somali army"), not only described ("the country's
    security forces", "our brave soldiers", "attackers"): descriptions are compared by kind."""
    common = _common_words()
    return any(
        word != word.casefold() and word.casefold() not in common
        for word in (w.strip(".,’'\"") for w in actor.text.split())
    )


@cache
def _common_words() -> frozenset[str]:
    """Words that describe an actor rather than name it: head nouns, modifiers, function words."""
    actors = lexicons.load("actors")
    words = (*actors["head_nouns"], *actors["modifiers"], *actors["descriptive_words"])
    return frozenset(words) | STOP_WORDS


def _coarse_kind(kind: str) -> str:
    """The kind of an unnamed group is read off its noun ("attackers", "militants", "gunmen"): all
    non-state armed kinds are one side for telling incidents apart."""
    return "non_state_armed" if kind in NON_STATE_ARMED else kind

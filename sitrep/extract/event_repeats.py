"""One event told several times in one article becomes one event with all its evidence.

News repeats its main event: the lede says a leader "was killed in what officials describe as a joint
operation", a later paragraph that "he was killed Thursday in an airstrike", another that the president
"confirmed his killing". Each sentence yields an event; an event dataset must count one. Two events of
one article are one when they share their victim or target by name, or their named attacker at the
same place, and nothing they state disagrees: same type, same modality, no two different means of
attack, no two different places, dates or named actors. A victim described only by a common noun
("civilians", "a soldier") is no evidence: an article often reports several attacks on civilians.

The merged event keeps the most complete report's trigger and id, takes each missing field (place,
date, actors, fatalities) from the others, and carries every report's evidence.
"""

from __future__ import annotations

from sitrep.model import Actor, Entity, Event, Place, means_differ

NAMED_TYPES = frozenset({"PERSON", "ORG"})
PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them", "it", "who", "whom", "which", "that"})


def merge_repeats(events: list[Event], entities: list[Entity], places: list[Place]) -> list[Event]:
    """The events with every repeated telling of one event merged into its most complete report."""
    named = {e.id for e in entities if e.type in NAMED_TYPES}
    country_level = {p.id for p in places if p.feature == "country"}
    groups: list[list[Event]] = []
    for event in events:
        home = next(
            (g for g in groups if all(_same(event, other, named, country_level) for other in g)), None
        )
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    merged = {id(group[0]): _merge(group, country_level) for group in groups}
    return [merged[id(group[0])] for group in groups]


def _same(a: Event, b: Event, named: set[str], country_level: set[str]) -> bool:
    """Whether two events of one article are one event told twice (see the module docstring)."""
    if a.type != b.type or (a.negated, a.hypothetical) != (b.negated, b.hypothetical):
        return False
    if a.negated or a.hypothetical:
        return False
    if means_differ(a.mode, b.mode):
        return False
    if not _agree(_entity(a.actor1), _entity(b.actor1)) or not _agree(_entity(a.actor2), _entity(b.actor2)):
        return False
    if not _places_agree(a.place_id, b.place_id, country_level):
        return False
    if not _dates_agree(a, b):
        return False
    if _same_named(a.actor2, b.actor2, named):
        return True
    same_spot = (
        a.place_id is not None and a.place_id == b.place_id and a.date is not None and a.date == b.date
    )
    return same_spot and _same_named(a.actor1, b.actor1, named)


def _same_named(one: Actor | None, other: Actor | None, named: set[str]) -> bool:
    """Both actors are one named entity, and at least one mention is the name itself: two pronouns
    ("shot them", "shot them") resolved to one entity are too weak to make two acts one."""
    if one is None or other is None or one.entity_id is None or one.entity_id != other.entity_id:
        return False
    return one.entity_id in named and any(a.text.casefold() not in PRONOUNS for a in (one, other))


def _entity(actor: Actor | None) -> str | None:
    return actor.entity_id if actor is not None else None


def _agree(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one == other


def _places_agree(one: str | None, other: str | None, country_level: set[str]) -> bool:
    """Unknown or country-level places agree with any place; two precise places must be one."""
    if one is None or other is None or one == other:
        return True
    return one in country_level or other in country_level


def _dates_agree(a: Event, b: Event) -> bool:
    """Two day-precise dates must be one day; a vaguer date (an inherited publication day) agrees
    with any date up to a week before it."""
    if a.date is None or b.date is None:
        return True
    if a.date_precision == 1 and b.date_precision == 1:
        return a.date == b.date
    vague, other = (a, b) if (a.date_precision or 3) > (b.date_precision or 3) else (b, a)
    assert vague.date is not None and other.date is not None
    return 0 <= (vague.date - other.date).days <= 7


def _completeness(event: Event, country_level: set[str]) -> tuple[int, ...]:
    return (
        event.place_id is not None and event.place_id not in country_level,
        event.place_id is not None,
        event.date_precision == 1,
        event.actor1 is not None,
        event.actor2 is not None,
        event.fatalities is not None,
        event.attributed_to is None,
    )


def _merge(group: list[Event], country_level: set[str]) -> Event:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda e: _completeness(e, country_level))  # first of equals wins
    others = [e for e in group if e is not best]
    update: dict[str, object] = {}
    for field in ("actor1", "actor2", "fatalities"):
        if getattr(best, field) is None:
            update[field] = next((getattr(e, field) for e in others if getattr(e, field) is not None), None)
    moded = next((e for e in others if e.mode is not None), None)
    if best.mode is None and moded is not None:  # the means, with the ACLED type it implies
        update["mode"] = moded.mode
        update["acled_event_type"] = moded.acled_event_type
        update["acled_sub_event_type"] = moded.acled_sub_event_type
    if best.place_id is None or best.place_id in country_level:
        finer = next((e.place_id for e in others if e.place_id and e.place_id not in country_level), None)
        update["place_id"] = finer or best.place_id
    dated = min(group, key=lambda e: (e.date is None, e.date_precision or 3))
    update["date"], update["date_precision"] = dated.date, dated.date_precision
    seen = set()
    evidence = []
    for span in sorted((s for e in group for s in e.evidence), key=lambda s: (s.start, s.end)):
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            evidence.append(span)
    update["evidence"] = evidence
    return best.model_copy(update=update)

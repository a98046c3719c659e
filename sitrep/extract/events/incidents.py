"""Incident assembly: all mentions of one incident in an article become one event.

News repeats its main event: the lede says a leader "was killed in what officials describe as a joint
operation", a later paragraph that "he was killed Thursday in an airstrike", another that the president
"confirmed his killing"; a story about an attack on a train tells "the attack", "the siege", the shots
fired at each carriage. An event table must count the incident once (ACLED's unit: one day, one
location, one pair of actors), with every mention as its evidence.

Two steps:

1. `merge_repeats`: two mentions of any type are one when they share their victim or target by name,
   or their named attacker at the same place, and nothing they state disagrees: same type, same
   modality, no two different means of attack, no two different places, dates or named actors. A victim
   described only by a common noun ("civilians", "a soldier") is no evidence there.
2. `assemble_incidents`: the mentions that are incidents with an ACLED type are grouped by ACLED's
   unit. Two mentions are one incident when they are of one PLOVER type and one kind of ACLED act
   (political violence, protest, riot or one strategic development), fall on one day (a mention with
   no date of its own takes the day of the incident it belongs to), at one place (one may be unknown,
   or the country or region that holds the other), against one kind of target (civilians or armed
   actors), and their actors do not differ. A mention that says too little to stand alone (at most
   one of: its own date, a place, a named side, a typed target, a toll; "the attack", "they shot
   them") only joins an incident told elsewhere; alone it is `generic`.

The merged event keeps the most complete mention's trigger and id, takes each missing field (place,
date, actors, fatalities) from the others, and carries every mention's evidence. Only incidents keep
their ACLED type: ACLED codes nothing else.
"""

from __future__ import annotations

import datetime as dt

from sitrep.extract.events.settling import family, own_date, place_rank, settle
from sitrep.extract.events.sides import PRONOUNS, agree, sides_agree
from sitrep.extract.numbers import parse_number
from sitrep.geo.distance import haversine_km
from sitrep.model import Actor, Entity, Event, Place, is_district, means_differ

TERRITORY_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
ARMED_KINDS = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_other"}
)
# Means that name the kind of attack outright, whatever another report of it calls it
KIND_OF_ATTACK_MODES = ("suicide-attack", "unconventional")
LEAD_CHARS = 500  # a news story's lead: its first two or three sentences
NEAR_KM = 10.0  # names this close are one place (a town and its district); farther towns: two incidents

NAMED_TYPES = frozenset({"PERSON", "ORG"})


def merge_repeats(
    events: list[Event], entities: list[Entity], places: list[Place], self_claimed: set[str] | None = None
) -> list[Event]:
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
    merged = {id(group[0]): _merge(group, country_level, self_claimed or set()) for group in groups}
    return [merged[id(group[0])] for group in groups]


def _same(a: Event, b: Event, named: set[str], country_level: set[str]) -> bool:
    """Whether two events of one article are one event told twice (see the module docstring)."""
    if a.type != b.type or (a.negated, a.hypothetical) != (b.negated, b.hypothetical):
        return False
    if a.negated or a.hypothetical:
        return False
    if means_differ(a.mode, b.mode):
        return False
    if not agree(_entity(a.actor1), _entity(b.actor1)) or not agree(_entity(a.actor2), _entity(b.actor2)):
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


def _merge(group: list[Event], country_level: set[str], self_claimed: set[str]) -> Event:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda e: _completeness(e, country_level))  # first of equals wins
    others = [e for e in group if e is not best]
    update: dict[str, object] = {}
    for field in ("actor1", "actor2", "fatalities"):
        if getattr(best, field) is None:
            update[field] = next((getattr(e, field) for e in others if getattr(e, field) is not None), None)
    crossed = next((e for e in others if _told_from_the_other_side(best, e)), None)
    if crossed is not None:
        # "gunmen laid siege to a school" and "soldiers killed six gunmen": the soldiers are the other side
        update["actor2"] = crossed.actor1
    credible = next(
        (e.fatalities for e in others if e.fatalities is not None and e.id not in self_claimed), None
    )
    if best.id in self_claimed and credible is not None:
        update["fatalities"] = credible  # the attackers' own count gives way to anyone else's
    moded = next((e for e in others if e.mode is not None), None)
    defining = next((e for e in others if e.mode in KIND_OF_ATTACK_MODES), None)
    if best.mode not in KIND_OF_ATTACK_MODES and defining is not None and best.type == defining.type:
        moded, best = defining, best.model_copy(update={"mode": None})  # "the blast" of a suicide bomber
    if best.mode is None and moded is not None:  # the means, with the ACLED type it implies
        update["mode"] = moded.mode
        update["acled_event_type"] = moded.acled_event_type
        update["acled_sub_event_type"] = moded.acled_sub_event_type
    captured = next((e for e in others if e.acled_sub_event_type in TERRITORY_TYPES), None)
    if captured is not None and best.acled_event_type == "Battles":
        # fighting that ends in a capture is coded by the capture (ONTOLOGY 3.1)
        update["acled_sub_event_type"] = captured.acled_sub_event_type
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


def _told_from_the_other_side(best: Event, other: Event) -> bool:
    """A fight told once from each side: the best mention names no one it hit, and the other mention
    hit the best mention's actor."""
    if best.actor2 is not None or best.actor1 is None or other.actor2 is None or other.actor1 is None:
        return False
    one, hit = best.actor1, other.actor2
    return (one.entity_id is not None and one.entity_id == hit.entity_id) or (
        one.text.casefold() == hit.text.casefold()
    )


def assemble_incidents(
    events: list[Event],
    places: list[Place],
    published: dt.date,
    self_claimed: set[str] | None = None,
    reported: set[str] | None = None,
    in_passing: frozenset[str] = frozenset(),
) -> list[Event]:
    """The events with every incident's mentions merged into one event (see the module docstring);
    mentions that are not incidents are kept as they are, without an ACLED type."""
    by_id = {p.id: p for p in places}
    coded = [e for e in events if e.status == "incident" and e.acled_event_type]
    coded_ids = {id(e) for e in coded}
    founders = sorted(
        (
            e
            for e in coded
            if _anchors(e, by_id, published) >= 2 and _set_in_time_or_place(e, by_id, published)
        ),
        key=lambda e: -_anchors(e, by_id, published),
    )
    lone = not founders
    if lone:  # nothing else joins a lone founder: without a date or place, sameness cannot be told
        founders = _lone_founder(coded, by_id, published, reported or set())
    groups: list[list[Event]] = []
    for event in founders:
        home = _home(event, groups, by_id, published)
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    joined = {id(e) for g in groups for e in g}
    for event in coded:
        home = None if lone or id(event) in joined else _home(event, groups, by_id, published)
        if home is not None:
            home.append(event)
            joined.add(id(event))
    incidents = [_merge_incident(g, by_id, published, self_claimed or set()) for g in groups]
    placed = [e for e in events if e.place_id in by_id and place_rank(by_id[e.place_id]) == 1]
    incidents = settle(incidents, by_id, published, placed, in_passing)
    merged = {id(g[0]): incident for g, incident in zip(groups, incidents, strict=True)}
    out: list[Event] = []
    for event in events:
        if id(event) in merged:
            out.append(merged[id(event)])
        elif id(event) in coded_ids and id(event) not in joined:
            out.append(_not_incident(event, "generic"))  # too vague to stand alone, and joins nothing
        elif event.status != "incident" or not event.acled_event_type:
            out.append(_not_incident(event, event.status))
    out.sort(key=lambda e: e.trigger.start)
    return out


def _lone_founder(
    coded: list[Event], places: dict[str, Place], published: dt.date, reported: set[str]
) -> list[Event]:
    """An article that tells of acts but dates and places none of them well enough to found an incident
    ("Gunmen attacked two villages, killing 20") still reports one when its lead tells it: the most
    anchored act of the lead founds it, dated to the story as ACLED dates undated events, when it has
    a typed or counted side, or is told by a verb in the past (`reported`) with a side other than a
    state (a state's use of force names a war; its arrests or agreements told in the past are acts).
    Acts told later in such a story are background to its news."""
    anchored = [
        e
        for e in coded
        if e.trigger.start < LEAD_CHARS
        and (
            _set_in_time_or_place(e, places, published)
            or _typed_side(e)
            or _counted_side(e)
            or (e.id in reported and (_side_not_a_state(e) or e.type != "ASSAULT"))
        )
    ]
    return [max(anchored, key=lambda e: _anchors(e, places, published))] if anchored else []


def _typed_side(event: Event) -> bool:
    """A side named by what it is (gunmen, police, protesters), not only by a state's name: "Russia
    invaded Ukraine" names a war."""
    return any(a is not None and a.kind not in (None, "government") for a in (event.actor1, event.actor2))


def _side_not_a_state(event: Event) -> bool:
    """No side, or a side other than a state named by its country ("one man molested her", "a protest
    took place"): "Russia invaded Ukraine" names a war, even in the past tense."""
    sides = [a for a in (event.actor1, event.actor2) if a is not None]
    return not sides or any(a.kind != "government" for a in sides)


def _counted_side(event: Event) -> bool:
    """A side counted ("three men", "at least 400 supporters", "dozens of Palestinians"): a number
    singles out the people of one act, where a war's sides go uncounted."""
    return any(
        a is not None and any(parse_number(word) is not None for word in a.text.split())
        for a in (event.actor1, event.actor2)
    )


def _home(
    event: Event, groups: list[list[Event]], places: dict[str, Place], published: dt.date
) -> list[Event] | None:
    """The first incident every mention of which is one incident with this one."""
    return next((g for g in groups if all(_one_incident(event, o, places, published) for o in g)), None)


def _not_incident(event: Event, status: str) -> Event:
    """A mention ACLED would not code keeps its PLOVER type but no ACLED type: consumers of the
    contract read an ACLED type as an ACLED row."""
    return event.model_copy(update={"status": status, "acled_event_type": None, "acled_sub_event_type": None})


def _anchors(event: Event, places: dict[str, Place], published: dt.date) -> int:
    """How much the mention itself says about its incident: its own date, a place below the country,
    sides with a name or a kind, a toll."""
    place = places.get(event.place_id or "")
    return sum(
        (
            own_date(event, published),
            place is not None
            and place.feature not in ("country", None)
            or (place is not None and place.precision == 1),
            event.actor1 is not None
            and (event.actor1.entity_id is not None or event.actor1.kind is not None),
            event.actor2 is not None
            and (event.actor2.kind is not None or event.actor2.entity_id is not None),
            event.fatalities is not None and event.fatalities > 0,
        )
    )


def _set_in_time_or_place(event: Event, places: dict[str, Place], published: dt.date) -> bool:
    """An incident stands alone only with a date, a place below the country or a toll of its own;
    sides alone ("Russia invaded Ukraine", "the Russian attack on Ukraine") name a war, not an act."""
    place = places.get(event.place_id or "")
    return (
        own_date(event, published)
        or (place is not None and place_rank(place) < 3)
        or (event.fatalities is not None and event.fatalities > 0)
    )


def _one_incident(a: Event, b: Event, places: dict[str, Place], published: dt.date) -> bool:
    """Whether two incident mentions of one article are one incident (ACLED's unit)."""
    if family(a) != family(b) or a.type != b.type:
        return False
    if _abduction_apart(a, b) or _abduction_apart(b, a):
        return False
    if own_date(a, published) and own_date(b, published) and not _days_agree(a, b):
        return False
    if not _setting_agrees(a.place_id, b.place_id, places):
        return False
    if not _targets_agree(a, b):
        return False
    return sides_agree(a, b)


def _days_agree(a: Event, b: Event) -> bool:
    """Two own dates that may be one day: the same day, or a day inside the week or month the other
    gives ("this week, rebels attacked villages" and "the attacks began Tuesday")."""
    assert a.date is not None and b.date is not None
    if a.date == b.date:
        return True
    vague, exact = (a, b) if (a.date_precision or 3) > (b.date_precision or 3) else (b, a)
    assert vague.date is not None and exact.date is not None
    if vague.date_precision == 2:
        return vague.date.isocalendar()[:2] == exact.date.isocalendar()[:2]
    if vague.date_precision == 3:
        return (vague.date.year, vague.date.month) == (exact.date.year, exact.date.month)
    return False


def _abduction_apart(abduction: Event, other: Event) -> bool:
    """A hostage-taking beside the fight it came with is an incident of its own; beside violence
    against the same civilians (hostages killed) it is that one incident."""
    return (
        abduction.mode == "abduct"
        and other.mode != "abduct"
        and other.acled_event_type != "Violence against civilians"
    )


def _setting_agrees(one: str | None, other: str | None, places: dict[str, Place]) -> bool:
    """One place, an unknown one, a larger area holding the other, or two places close together."""
    if one is None or other is None or one == other:
        return True
    a, b = places.get(one), places.get(other)
    if a is None or b is None:
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    for larger, smaller in ((a, b), (b, a)):
        if larger.feature == "country" or (
            larger.feature == "region" and larger.name in (smaller.admin1, smaller.admin2)
        ):
            return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM
    return False


def _target_class(event: Event) -> str | None:
    """Whom the act was aimed at, for telling incidents apart: the target's kind, else what the ACLED
    type implies; a target that is a thing ("the hotel") says neither."""
    kind = event.actor2.kind if event.actor2 is not None else None
    if event.actor2 is not None and kind is None:
        return None
    if kind == "civilians" or event.acled_event_type == "Violence against civilians":
        return "civilians"
    if kind in ARMED_KINDS or event.acled_event_type == "Battles":
        return "armed"
    return None


def _targets_agree(a: Event, b: Event) -> bool:
    one, other = _target_class(a), _target_class(b)
    return one is None or other is None or one == other


def _merge_incident(
    group: list[Event], places: dict[str, Place], published: dt.date, self_claimed: set[str]
) -> Event:
    """One event for an incident's mentions: the most complete mention, completed by the others."""
    country_level = {p.id for p in places.values() if p.feature == "country"}
    best = max(group, key=lambda e: (_anchors(e, places, published), -e.trigger.start))
    merged = _merge([best, *(e for e in group if e is not best)], country_level, self_claimed)
    update: dict[str, object] = {"place_id": _finest_place(group, places) or merged.place_id}
    dated = [e for e in group if own_date(e, published)]
    if dated:
        first = min(dated, key=lambda e: e.date_precision or 3)
        update["date"], update["date_precision"] = first.date, first.date_precision
    # a toll the attackers claim counts only when no one else gives one
    credible = incident_toll([e for e in group if e.id not in self_claimed])
    update["fatalities"] = credible if credible is not None else incident_toll(group)
    return merged.model_copy(update=update)


def _finest_place(group: list[Event], places: dict[str, Place]) -> str | None:
    """The most specific place any mention ties to the incident: a town before its region, a region
    before its country."""
    ranked = [
        (place_rank(places[e.place_id]), not is_district(places[e.place_id]), e.trigger.start, e.place_id)
        for e in group
        if e.place_id is not None and e.place_id in places
    ]
    return min(ranked)[-1] if ranked else None


def incident_toll(group: list[Event]) -> int | None:
    """The incident's dead from its mentions: the largest count one mention gives, since in one story a
    smaller figure is most often part of it ("21 passengers and four troops died" against "21
    passengers died"). Conflicting figures across outlets are reconciled when linking, by ACLED's
    lowest credible figure."""
    counts = [e.fatalities for e in group if e.fatalities is not None]
    return max(counts) if counts else None

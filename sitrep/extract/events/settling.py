"""Day and place an incident takes from the rest of its story, and the facts of a mention that incident
assembly reads: whether its date is its own, its family of ACLED types, how precise its place is.
"""

from __future__ import annotations

import datetime as dt

from sitrep.extract.events.acled import VIOLENCE
from sitrep.extract.events.sides import agree, side
from sitrep.model import Event, Place


def settle(
    incidents: list[Event],
    places: dict[str, Place],
    published: dt.date,
    story_events: list[Event],
    in_passing: frozenset[str] = frozenset(),
) -> list[Event]:
    """Day and place one incident takes from another of the same story.

    An incident the story never dates ("21 passengers died in the initial attack by the BLA") happened
    on the day of the story's dated incidents of the same kind whose actors do not differ from its own
    ("came under attack on Tuesday"), when they all fall on one day. An incident placed only in a
    region or country is at the town of the story's other incidents of that kind when exactly one town
    in that area is named for them ("the restive Balochistan province" beside "near Sibi,
    Balochistan"), else at the one town in that area that any coded act of the story (`story_events`,
    placed at a town) is placed at; an incident with no place at all takes the one place below the
    country the story names, if it names only one ("a hearing in Harare" for an arrest the story
    places nowhere else) and no act of another day is placed there ("last week, officials met in
    Bangui"); one placed at its country takes the one first-level region of the story's
    incidents of that kind and time. A town told for a day apart ("earlier this month, a bomber struck
    a convoy in Kalat") is another incident's and is not taken; the next day's operation at a hijacked
    train's site is its own. A place the story names only in passing (`in_passing`: where a journey
    set out from or was bound for) is no incident's."""
    settled = []
    for incident in incidents:
        update: dict[str, object] = {}
        peers = [o for o in incidents if o is not incident and family(o) == family(incident)]
        day = incident.date if own_date(incident, published) else None
        if day is None:
            dated = [
                o
                for o in peers
                if own_date(o, published)
                and o.date_precision == 1
                and agree(side(incident.actor1), side(o.actor1))
            ]
            if len({o.date for o in dated}) == 1:
                day = dated[0].date
                update["date"], update["date_precision"] = day, dated[0].date_precision
                if incident.place_id is None:
                    update["place_id"] = dated[0].place_id
        place = places.get(str(update.get("place_id") or incident.place_id or ""))
        if place is None or place_rank(place) > 1:
            towns = {
                o.place_id
                for o in peers
                if o.place_id in places
                and place_rank(places[o.place_id]) == 1
                and (place is None or _within_area(places[o.place_id], place))
                and _near_in_time(o, day, published)
            }
            if len(towns) != 1 and place is None:
                elsewhen = {e.place_id for e in story_events if not _near_in_time(e, day, published)}
                towns = {
                    p.id
                    for p in places.values()
                    if place_rank(p) < 3 and p.id not in elsewhen and p.id not in in_passing
                }
            elif len(towns) != 1 and place is not None:
                towns = {
                    e.place_id
                    for e in story_events
                    if e.place_id is not None
                    and e.acled_event_type
                    and _within_area(places[e.place_id], place)
                    and _near_in_time(e, day, published)
                }
            if len(towns) == 1:
                update["place_id"] = towns.pop()
            elif place is None:
                update["place_id"] = _shared_region(peers, places, day, published)
            elif place.feature == "country":
                region = _peers_region(place, peers, places, day, published)
                if region is not None:
                    update["place_id"] = region
        settled.append(incident.model_copy(update=update) if update else incident)
    return settled


def _shared_region(
    peers: list[Event], places: dict[str, Place], day: dt.date | None, published: dt.date
) -> str | None:
    """The one region all the story's placed incidents of that kind and time lie in ("16 militants were
    killed", told of a train siege in Balochistan), for an incident the text places nowhere."""
    near = [places[o.place_id] for o in peers if o.place_id in places and _near_in_time(o, day, published)]
    names = {p.name if p.feature == "region" else p.admin1 for p in near if place_rank(p) < 3}
    if len(names) != 1 or None in names:
        return None
    return next((p.id for p in places.values() if p.feature == "region" and p.name in names), None)


def _peers_region(
    country: Place, peers: list[Event], places: dict[str, Place], day: dt.date | None, published: dt.date
) -> str | None:
    """The one region inside the country where the story's incidents of that kind and time happened
    (placed at the region itself or at towns in it): a country point says less than the story does."""
    near = [
        places[o.place_id]
        for o in peers
        if o.place_id in places
        and place_rank(places[o.place_id]) < 3
        and _within_area(places[o.place_id], country)
        and _near_in_time(o, day, published)
    ]
    names = {p.admin1 for p in near}
    if len(names) != 1 or None in names:
        return None
    return next((p.id for p in places.values() if p.feature == "region" and p.name in names), None)


def _near_in_time(other: Event, day: dt.date | None, published: dt.date) -> bool:
    """Whether a mention may share a scene with an incident of this day: undated, or dated to within a
    day of it."""
    if day is None or not own_date(other, published):
        return True
    return other.date is not None and other.date_precision == 1 and abs((other.date - day).days) <= 1


def _within_area(town: Place, area: Place) -> bool:
    if area.feature == "country":
        return town.country_code == area.country_code
    return area.name in (town.admin1, town.admin2)


def own_date(event: Event, published: dt.date) -> bool:
    """A date the text gives, not the publication day an undated mention falls back on."""
    return event.date is not None and not (event.date == published and event.date_precision == 2)


def family(event: Event) -> str:
    kind = event.acled_event_type or ""
    return "violence" if kind in VIOLENCE else kind


def place_rank(place: Place) -> int:
    if place.feature == "country":
        return 3
    if place.feature == "region":
        return 2
    return 1 if place.lat is not None else 2

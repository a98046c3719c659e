"""The event stage: find the incidents an article reports, then describe them.

One module per step, in the order they run:

- `triggers`: the words that name an act, with their PLOVER type and mode;
- `mentions`: one mention per trigger, with its actors (`roles`), place, date and modality
  (`setting`), dead (`deaths`), ACLED type (`acled`) and status (`status`: incident, generic,
  aggregate, background, planned, denied);
- `incidents`: the mentions of one incident merged into one event, ACLED's unit.
"""

from __future__ import annotations

from sitrep.extract.events.incidents import assemble_incidents, merge_repeats
from sitrep.extract.events.mentions import find_mentions
from sitrep.extract.events.roles import ArticleFacts
from sitrep.model import Claim, Entity, Event, Place

__all__ = ["ArticleFacts", "extract_events"]


def extract_events(facts: ArticleFacts, entities: list[Entity], places: list[Place]) -> list[Event]:
    """Every event of the article: one per incident, and every other mention with its status."""
    found = find_mentions(facts)
    self_claimed = {m.id for m in found if _claimed_by_perpetrator(m, facts.claims)}
    mentions = merge_repeats(found, entities, places, self_claimed)
    events = assemble_incidents(mentions, places, facts.published, self_claimed)
    return [event.model_copy(update={"id": f"ev-{n}"}) for n, event in enumerate(events, 1)]


def _claimed_by_perpetrator(event: Event, claims: list[Claim]) -> bool:
    """ "The group said it had killed more than 10 people": a toll the attackers claim for themselves,
    which ACLED takes only when no one else gives one."""
    claim = next((c for c in claims if c.id == event.attributed_to), None)
    if claim is None or claim.speaker is None or event.fatalities is None:
        return False
    actor = event.actor1
    if actor is not None and actor.entity_id is not None and actor.entity_id == claim.speaker.entity_id:
        return True
    # the speaker says "it" or "we" did it: the claim's own subject is the one speaking
    words = claim.content.text.split()
    said_of_self = bool(words) and words[0].casefold() in _SELF
    return said_of_self and (actor is None or actor.text.casefold() in _SELF)


_SELF = ("it", "they", "we")

"""The event stage: find the incidents an article reports, then describe them.

One module per step, in the order they run:

- `triggers`: the words that name an act, with their PLOVER type and mode;
- `mentions`: one mention per trigger, with its actors (`roles`), place, date and modality
  (`setting`), dead (`deaths`), ACLED type (`acled`) and status (`status`: incident, generic,
  aggregate, background, planned, denied);
- `incidents`: the mentions of one incident merged into one event, ACLED's unit.
"""

from __future__ import annotations

from sitrep.extract.events.deaths import claimed_by_perpetrator, with_later_tolls
from sitrep.extract.events.incidents import assemble_incidents, merge_repeats
from sitrep.extract.events.mentions import find_mentions
from sitrep.extract.events.roles import ArticleFacts
from sitrep.extract.events.setting import named_in_passing
from sitrep.extract.events.status import reported_act
from sitrep.model import Entity, Event, Place

__all__ = ["ArticleFacts", "extract_events"]


def extract_events(facts: ArticleFacts, entities: list[Entity], places: list[Place]) -> list[Event]:
    """Every event of the article: one per incident, and every other mention with its status."""
    found = find_mentions(facts)
    self_claimed = {m.id for m in found if claimed_by_perpetrator(m, facts.claims)}
    reported = {m.id for m in found if reported_act(facts.doc, m)}
    mentions = merge_repeats(found, entities, places, self_claimed)
    passing = named_in_passing(facts)
    events = assemble_incidents(mentions, places, facts.published, self_claimed, reported, passing)
    events = with_later_tolls(events, facts.doc)
    return [event.model_copy(update={"id": f"ev-{n}"}) for n, event in enumerate(events, 1)]

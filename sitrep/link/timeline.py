"""Timelines: the linked events of one entity (however spelled, as an actor or as the source of the
report), one place or one event type, in date order; incidents only, as the other listings by default."""

from __future__ import annotations

from typing import Any

from sitrep.errors import UsageError
from sitrep.link.listing import linked_events
from sitrep.store.queries import _fold, fetch
from sitrep.store.store import Store

# Events an entity takes part in (as either actor) or that are reported on its word (claim speaker).
_BY_ENTITY = """
SELECT DISTINCT m.linked_event_id
FROM canonical_entities ce
JOIN canonical_entity_members cm ON cm.canonical_id = ce.id
JOIN events e ON e.article_id = cm.article_id
LEFT JOIN claims c ON c.article_id = e.article_id AND c.id = e.attributed_to
JOIN linked_event_members m ON m.article_id = e.article_id AND m.event_id = e.id
WHERE (instr(sitrep_fold(ce.name), :name) OR instr(sitrep_fold(ce.aliases), :name))
  AND cm.entity_id IN (e.actor1_entity_id, e.actor2_entity_id, c.speaker_entity_id)
"""


def timeline(
    store: Store, entity: str | None = None, place: str | None = None, type: str | None = None
) -> list[dict[str, Any]]:
    """Linked events in date order for an entity (any spelling of it), a place or a type; one is needed."""
    if entity is None and place is None and type is None:
        raise UsageError("a timeline needs --entity, --place or --type")
    found = linked_events(store, type=type, place=place)
    if entity is not None:
        wanted = {row[0] for row in fetch(store, _BY_ENTITY, {"name": _fold(entity)})}
        found = [item for item in found if item["id"] in wanted]
    return found

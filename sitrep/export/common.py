"""Small rules shared by the event exports: which events count as having happened, and actor kinds.

Event datasets (ACLED, PLOVER, a map) read every record as a specific act that took place, so only an
incident is written: a generic, aggregate ("hundreds killed since 2009"), background (an old war),
planned ("threatened to strike") or denied ("denied shelling") mention is left out of all of them, and so
is an event marked negated or hypothetical; the contract export (`jsonl`) keeps everything.
"""

from __future__ import annotations

from typing import Any


def happened(event: dict[str, Any]) -> bool:
    """Whether an event row (from `queries.events`) reports an incident that took place."""
    return event["status"] == "incident" and not event["negated"] and not event["hypothetical"]


def effective_date(event: dict[str, Any]) -> str:
    """The event date, or for an undated event the article's publication date (ONTOLOGY 4.2)."""
    return str(event["date"] or event["published"])


def in_date_order(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events by effective date; ties keep their order (article, then position in the article)."""
    return sorted(events, key=effective_date)


def kind_key(kind: str | None) -> str | None:
    """An actor kind in the ONTOLOGY 4.1 spelling: "state forces" and "State-Forces" become "state_forces"."""
    if not kind:
        return None
    return "_".join(kind.casefold().replace("-", " ").split()) or None

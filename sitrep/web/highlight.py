"""The article text as HTML with every extracted span marked, built server-side from character offsets.

Spans nest and overlap (a trigger inside an evidence sentence inside a claim), so the text is cut at every
span boundary and each piece is wrapped once, naming all the fields that cover it in its `title` (shown on
hover) and their kinds in its classes. Every piece of text and every label goes through `escape`: the
article is untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from sitrep.model import Extraction


@dataclass(frozen=True)
class Mark:
    """One span of the text and what it is evidence for (`kind` becomes a CSS class, `label` the hover)."""

    start: int
    end: int
    kind: str
    label: str


def marks_of(extraction: Extraction) -> list[Mark]:
    """Every span of an Extraction, labelled with the field it fills."""
    found: list[Mark] = []
    for entity in extraction.entities:
        for span in entity.mentions:
            found.append(
                Mark(span.start, span.end, "entity", f"entity {entity.id}: {entity.name} ({entity.type})")
            )
    for place in extraction.places:
        for span in place.mentions:
            found.append(Mark(span.start, span.end, "place", f"place {place.id}: {place.name}"))
    for timex in extraction.timexes:
        found.append(Mark(timex.start, timex.end, "time", f"time: {timex.value or 'unresolved'}"))
    for event in extraction.events:
        found.append(
            Mark(
                event.trigger.start, event.trigger.end, "trigger", f"event {event.id} trigger ({event.type})"
            )
        )
        for role, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
            if actor is not None:
                found.append(Mark(actor.start, actor.end, "actor", f"event {event.id} {role}"))
        for span in event.evidence:
            found.append(Mark(span.start, span.end, "evidence", f"event {event.id} evidence"))
    for claim in extraction.claims:
        if claim.speaker is not None:
            found.append(Mark(claim.speaker.start, claim.speaker.end, "speaker", f"claim {claim.id} speaker"))
        if claim.cue is not None:
            found.append(Mark(claim.cue.start, claim.cue.end, "cue", f"claim {claim.id} cue"))
        found.append(Mark(claim.content.start, claim.content.end, "claim", f"claim {claim.id} content"))
    names = {entity.id: entity.name for entity in extraction.entities}
    names.update({place.id: place.name for place in extraction.places})
    for number, relation in enumerate(extraction.relations, start=1):
        subject = names.get(relation.subject, relation.subject)
        target = names.get(relation.object, relation.object)
        for span in relation.evidence:
            label = f"relation {number}: {subject} {relation.predicate} {target}"
            found.append(Mark(span.start, span.end, "relation", label))
    return found


def highlight(text: str, marks: list[Mark]) -> Markup:
    """`text` as escaped HTML, each stretch covered by marks wrapped in one `<mark>` naming them all.

    A mark's start also gets an empty anchor `id="span-START-END"`, so a report can link to its evidence.
    """
    usable = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in usable), *(m.end for m in usable)})
    anchors: dict[int, list[str]] = {}
    for mark in usable:
        anchors.setdefault(mark.start, [])
        name = f"span-{mark.start}-{mark.end}"
        if name not in anchors[mark.start]:
            anchors[mark.start].append(name)
    parts: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        for name in anchors.get(left, []):
            parts.append(f'<span class="anchor" id="{name}"></span>')
        piece = escape(text[left:right])
        covering = [m for m in usable if m.start <= left and right <= m.end]
        if not covering:
            parts.append(str(piece))
            continue
        kinds = " ".join(f"hl-{k}" for k in dict.fromkeys(m.kind for m in covering))
        title = escape("; ".join(dict.fromkeys(m.label for m in covering)))
        parts.append(f'<mark class="hl {kinds}" title="{title}">{piece}</mark>')
    return Markup("".join(parts))

"""Both sides of one ACLED row: each side named by `sitrep.export.actors`, associated actors joined,
and the rules of ACLED's codebook for who stands on which side of each event type.

- Protests: actor1 is the protesters ("Protesters (Kenya)"); a force that intervenes is actor2, and a
  side that is neither (the target of the protest) goes to the notes.
- Riots: actor1 is the rioters.
- Violence against civilians: actor2 is the civilians, and the civilians are never actor1.
- An unnamed perpetrator of violence against civilians, of a bomb, grenade or suicide attack is an
  "Unidentified Armed Group", and so is the side of a battle the text leaves unnamed when the other
  side is a state force (a battle is fought by two armed sides); the unnamed victims of violence
  against civilians are "Civilians"; the unnamed side that arrests is the police. Each such side is
  written with a note saying the source did not name it. No other side is filled, nor a battle that
  names no side: nothing the text does not support is invented.
- A second group named with actor1 is its associated actor, or, joined by "and", the other side of a
  battle whose other side the text does not name ("clashes between Ukrainian and Russian forces"); an
  armed group the sentence attaches to an armed actor ("the army, backed by allied militias":
  `allies`) is always an associated actor.
- One entity never stands on both sides: the second mention goes to the notes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sitrep.export import countries
from sitrep.export.actors import AcledActor, Side, name_side, phrase_side, split_tied
from sitrep.export.allies import ALLIANCE_TIES, allies

UNIDENTIFIED = "Unidentified Armed Group"
_FORCES = frozenset({1, 2, 3, 4, 8})
_UNAIMED_EXPLOSIVES = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
_TARGETING = frozenset({"Violence against civilians", "Explosions/Remote violence", "Riots"})


@dataclass(frozen=True)
class Sides:
    """The two sides of an ACLED row and the notes about sides that are not actors."""

    actor1: AcledActor | None
    actor2: AcledActor | None
    notes: tuple[str, ...] = ()

    @property
    def inter1(self) -> int:
        return self.actor1.inter if self.actor1 else 0

    @property
    def inter2(self) -> int:
        return self.actor2.inter if self.actor2 else 0


def interaction(inter1: int, inter2: int) -> str:
    """The two codes as one string, smaller first and a missing actor (0) last: (8, 1) "18", (0, 1) "10"."""
    low, high = sorted((inter1, inter2), key=lambda code: (code == 0, code))
    return f"{low}{high}"


def civilian_targeting(event_type: str | None, sub_type: str | None, sides: Sides) -> bool:
    """ACLED's civilian_targeting: civilians are the side acted on in political violence or a riot."""
    aimed = event_type in _TARGETING or sub_type == "Excessive force against protesters"
    return aimed and sides.inter2 == 7


def code_sides(event: dict[str, Any], names: dict[str, Any] | None = None) -> Sides:
    """Both sides of a `queries.events` row as ACLED records them; `names` is the event's entry of
    `queries.actor_names` (entity types and aliases)."""
    place = (event["country_code"] or "").upper() or None
    event_type, sub_type = event["acled_event_type"], event["acled_sub_event_type"]
    notes: list[str] = []
    side1, side2 = Side.of(event, "actor1", names), Side.of(event, "actor2", names)
    named_only = 1 if side2 is None and side1 else 2 if side1 is None and side2 else None
    actor1, extra1 = _code(side1, place, event_type, sub_type, 1, notes)
    actor2, extra2 = _code(side2, place, event_type, sub_type, 2, notes)
    if extra1 and actor2 is None and event_type == "Battles" and side1 and _two_sides(side1.text):
        actor2, extra1 = extra1[0], extra1[1:]
    evidence = " ".join(event.get("evidence") or ())
    extra1 += _allies(evidence, side1, actor1, place, event_type, sub_type)
    extra2 += _allies(evidence, side2, actor2, place, event_type, sub_type)
    actor1 = _with_assoc(actor1, extra1)
    actor2 = _with_assoc(actor2, extra2)
    if actor1 and actor2 and _same(actor1, actor2):
        notes.append(f"[{actor2.entity or actor2.name} is named on both sides; recorded once.]")
        actor2 = None
    sides = _by_event_type(Sides(actor1, actor2), place, event_type, sub_type, notes, named_only)
    return replace(sides, notes=tuple(notes))


def _code(
    side: Side | None,
    place: str | None,
    event_type: str | None,
    sub_type: str | None,
    role: int,
    notes: list[str],
) -> tuple[AcledActor | None, list[AcledActor]]:
    """One side named, with the further groups its text joins to it; what is no actor goes to notes."""
    if side is None:
        return None, []
    coded: list[AcledActor] = []
    for part in split_tied(side):
        actor = name_side(part, place, event_type, sub_type, role)
        if actor is None:
            shown = part.entity or part.text
            told = "Target" if role == 2 else "Named as acting, not an ACLED actor"
            notes.append(f"[{told}: {shown}.]")
        elif all(actor.name != seen.name for seen in coded):
            coded.append(actor)
    if not coded:
        return None, []
    return coded[0], coded[1:]


def _allies(
    evidence: str,
    side: Side | None,
    actor: AcledActor | None,
    place: str | None,
    event_type: str | None,
    sub_type: str | None,
) -> list[AcledActor]:
    """Armed groups the evidence attaches to an armed actor ("the army, backed by allied militias")."""
    if side is None or actor is None or actor.inter not in _FORCES:
        return []
    found = []
    for phrase in allies(evidence, side.text):
        ally = name_side(phrase_side(phrase), place, event_type, sub_type, 1)
        if ally is not None and ally.inter in _FORCES and ally.name != actor.name:
            found.append(ally)
    return found


def _two_sides(text: str) -> bool:
    """Whether a phrase joining groups may set them against each other ("Ukrainian and Russian
    forces" clashed) rather than name allies ("the army backed by militias", "police with soldiers")."""
    folded = f" {text.casefold()} "
    return " and " in folded and not any(f" {tie} " in folded for tie in ALLIANCE_TIES)


def _with_assoc(actor: AcledActor | None, extra: list[AcledActor]) -> AcledActor | None:
    if actor is None or not extra:
        return actor
    assoc = tuple(dict.fromkeys((*actor.assoc, *(e.name for e in extra))))
    return replace(actor, assoc=assoc)


def _same(one: AcledActor, other: AcledActor) -> bool:
    if one.entity and one.entity == other.entity:
        return True
    return one.name == other.name and not one.name.startswith(UNIDENTIFIED)


def _default(label: str, inter: int, place: str | None, role: int, notes: list[str]) -> AcledActor:
    name = countries.name(place)
    if label in ("Police Forces", "Military Forces"):
        full = f"{label} of {name}" if name else f"Unidentified {label}"
    else:
        full = f"{label} ({name})" if name else label
    notes.append(f"[Actor {role} coded as {full}: the source names no actor for this side.]")
    return AcledActor(full, inter)


def _as_crowd(actor: AcledActor, label: str, inter: int, place: str | None) -> AcledActor:
    """Civilians or protesters acting in a protest or a riot, as ACLED's protesters or rioters."""
    name = countries.name(place)
    return AcledActor(f"{label} ({name})" if name else label, inter, actor.assoc, actor.entity)


def _by_event_type(
    sides: Sides,
    place: str | None,
    event_type: str | None,
    sub_type: str | None,
    notes: list[str],
    named_only: int | None = None,
) -> Sides:
    """The rules by event type; `named_only` is the one side (1 or 2) the text names, when it names
    only one."""
    actor1, actor2 = sides.actor1, sides.actor2
    if event_type in ("Protests", "Riots"):
        label, inter = ("Protesters", 6) if event_type == "Protests" else ("Rioters", 5)
        if actor1 is not None and actor1.inter in _FORCES and (actor2 is None or actor2.inter in (5, 6, 7)):
            actor1, actor2 = actor2, actor1  # "police dispersed protesters": the crowd is actor1
        if actor1 is None:
            actor1 = _default(label, inter, place, 1, notes)
        elif actor1.inter in (5, 6, 7) and actor1.inter != inter:
            actor1 = _as_crowd(actor1, label, inter, place)
        if actor2 is not None and actor2.inter not in _FORCES and event_type == "Protests":
            notes.append(f"[Protest directed at {actor2.entity or actor2.name}.]")
            actor2 = None
    elif event_type == "Violence against civilians":
        if actor1 is not None and actor1.inter == 7 and (actor2 is None or actor2.inter != 7):
            actor1, actor2 = actor2, actor1
        if actor2 is None:
            actor2 = _default("Civilians", 7, place, 2, notes)
        if actor1 is None:
            actor1 = _default(UNIDENTIFIED, 3, place, 1, notes)
    elif event_type == "Explosions/Remote violence" and sub_type in _UNAIMED_EXPLOSIVES and actor1 is None:
        actor1 = _default(UNIDENTIFIED, 3, place, 1, notes)
    elif event_type == "Battles" and named_only is not None and (actor1 is None) != (actor2 is None):
        known = actor1 or actor2
        if known is not None and known.inter in (1, 8):  # state forces fought someone left unnamed
            if actor1 is None:
                actor1 = _default(UNIDENTIFIED, 3, place, 1, notes)
            else:
                actor2 = _default(UNIDENTIFIED, 3, place, 2, notes)
    elif sub_type == "Arrests" and actor1 is None:
        actor1 = _default("Police Forces", 1, place, 1, notes)
    return Sides(actor1, actor2)

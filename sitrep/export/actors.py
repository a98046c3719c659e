"""ACLED's actors: the name, inter code and associated actor ACLED records for each side of an event.

sitrep stores each side as the text that names it, an actor kind (ONTOLOGY.md 4.1), a country and
perhaps an entity with its aliases. ACLED names actors by convention instead, and so does this module:

- state forces by country: "Military Forces of Pakistan", "Police Forces of India" (police words in the
  text, or any state side of an arrest), "Government of Mexico" outside violence; inter 1, or 8 when
  the country is not the event's;
- well-known groups by the name ACLED's style gives them (`lexicons/acled_actors.json`), other named
  armed groups by their longest full name ("BLA terrorists" → its group), a person by the armed group
  the article says they lead or belong to, unnamed gunmen or militants as "Unidentified Armed Group
  (Somalia)", inter 3;
- unarmed people by role and country: "Civilians (Somalia)", "Protesters (Kenya)", "Rioters (Kenya)",
  with a subgroup the text names ("Journalists (Zimbabwe)") as the associated actor;
- a second group joined to the first ("Russian troops and Wagner fighters", "army backed by militias")
  as the associated actor, or as the other side of a battle that names no other side.

A side that is a thing (a hotel, a convoy, a town, "oil depot") or that no rule can type is not an
actor: it goes to the notes. Sides ACLED never leaves empty are filled from the event type and said so
in the notes (`sitrep.export.acled_sides`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from sitrep import lexicons
from sitrep.export import countries
from sitrep.export.common import kind_key

# ONTOLOGY 4.1. Kinds that only speak (media, ngo) are civilians when harmed; international
# organisations are external; "party" and unknown kinds have no code.
INTER_CODES = {
    "state_forces": 1,
    "government": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_other": 8,
    "international_org": 8,
    "media": 7,
    "ngo": 7,
}
ARMED = frozenset({"rebel_group", "political_militia", "identity_militia", "external_other"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_STATE_HEADS = frozenset({"forces", "force", "army", "military", "troops", "soldiers"})
_MERCENARIES = frozenset({"mercenaries", "contractors", "mercenary"})


@dataclass(frozen=True)
class AcledActor:
    """One side as ACLED records it."""

    name: str
    inter: int
    assoc: tuple[str, ...] = ()
    entity: str | None = None  # the stored entity's name, to tell two sides apart


@dataclass(frozen=True)
class Side:
    """What the store holds about one side of one event."""

    text: str
    entity: str | None
    entity_type: str | None
    aliases: tuple[str, ...]
    kind: str | None
    country: str | None
    group: Side | None = None  # the group a person acts for, as the article's relations state it

    @classmethod
    def of(cls, event: dict[str, Any], prefix: str, names: dict[str, Any] | None) -> Side | None:
        """The side `prefix` ("actor1", "actor2") of a `queries.events` row, or None when it has none."""
        text = event[prefix]
        if not text and not event[f"{prefix}_entity"]:
            return None
        names = names or {}
        country = (event[f"{prefix}_country"] or "").upper() or None
        group = names.get(f"{prefix}_group") or {}
        group_aliases = tuple(group.get("aliases") or ())
        return cls(
            text=text or event[f"{prefix}_entity"],
            entity=event[f"{prefix}_entity"],
            entity_type=names.get(f"{prefix}_type"),
            aliases=tuple(names.get(f"{prefix}_aliases") or ()),
            kind=kind_key(event[f"{prefix}_kind"]),
            country=country,
            group=(
                cls(
                    max(group_aliases, key=len),
                    None,
                    "ORG",
                    group_aliases,
                    kind_key(group.get("kind")),
                    country,
                )
                if group_aliases
                else None
            ),
        )


@cache
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = lexicons.load("acled_actors")
    return data


@cache
def _words_of(*lists: str) -> frozenset[str]:
    """The words of some of the lexicon's lists, as one set."""
    return frozenset(word for name in lists for word in _lexicon()[name])


@cache
def _head_nouns() -> dict[str, str]:
    heads: dict[str, str] = lexicons.load("actors")["head_nouns"]
    return heads


@cache
def _demonyms() -> dict[str, str]:
    table = {k.casefold(): v for k, v in lexicons.load("demonyms").items() if not k.startswith("_")}
    table.update({f"{k}s": v for k, v in list(table.items())})
    return table


@cache
def _groups() -> dict[str, list[tuple[tuple[str, ...], bool, dict[str, Any]]]]:
    """Known groups by the first word of each alias: (alias words, must be in capitals, entry)."""
    found: dict[str, list[tuple[tuple[str, ...], bool, dict[str, Any]]]] = {}
    for aliases, entry in _lexicon()["groups"].items():
        for alias in aliases.split("|"):
            words = _words(alias)
            found.setdefault(words[0], []).append((words, len(alias.replace("-", "")) <= 3, entry))
    return found


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    """Folded words: "al-Shabab's" → ("al-shabab",), "country’s" → ("country",)."""
    text = text.replace("’", "'").casefold()
    return tuple(re.sub(r"'s$", "", word) for word in re.findall(r"[\w'-]+", text) if word not in ("'s", "'"))


def _head(text: str) -> str:
    """The head noun of a noun phrase: its last word before any "of" ("security forces of Somalia")."""
    words = _words(text.split(" of ")[0])
    return words[-1] if words else ""


def country_label(code: str | None) -> str:
    """A country's name as ACLED writes it in actor names ("the United States", "Pakistan")."""
    name = countries.name(code) or ""
    takes_the = name.startswith("United ") or "Republic" in name or name.endswith("Islands")
    return f"the {name}" if takes_the or name in ("Netherlands", "Philippines", "Gambia") else name


def known_group(side: Side, place_country: str | None) -> AcledActor | None:
    """The ACLED name of a well-known group any of the side's names mentions ("al-Shabab militants");
    the longest alias found wins."""
    best: tuple[tuple[str, ...], dict[str, Any]] | None = None
    for name in (side.text, side.entity or "", *side.aliases):
        folded = _words(name)
        for start, word in enumerate(folded):
            for words, capitals, entry in _groups().get(word, ()):
                if folded[start : start + len(words)] != words or (best and len(best[0]) >= len(words)):
                    continue
                if capitals and not re.search(rf"\b{re.escape(' '.join(words)).upper()}\b", name):
                    continue
                best = (words, entry)
    if best is None:
        return None
    entry = best[1]
    country = entry.get("country") or place_country
    label = entry["name"].format(country=countries.name(country) or "").replace(" ()", "")
    inter = entry["inter"]
    if inter == 1 and country and place_country and country != place_country.upper():
        inter = 8
    return AcledActor(label, inter, entity=side.entity)


def _proper_name(side: Side) -> str | None:
    """The side's full name when it names a group rather than describing one: its longest alias with
    leading determiners and counts dropped, and a generic head dropped after an acronym or a name of
    several capitalised words ("BLA terrorists" → "BLA"); None for "Militants", "Islamist gunmen"."""
    candidates = [name for name in (side.entity, *side.aliases, side.text) if name]
    best: str | None = None
    for name in candidates:
        tokens = re.findall(r"\S+", name.replace("’", "'"))
        while tokens and _words(tokens[0]) and _words(tokens[0])[0] in _words_of("leading"):
            tokens.pop(0)
        proper = [t for t in tokens if _is_proper(t)]
        if not proper:
            continue
        if len(tokens) > 1 and _head(tokens[-1]) in _head_nouns() and tokens[-1].islower():
            core = tokens[:-1]
            if any(t.isupper() and len(t) > 1 for t in core) or sum(t[:1].isupper() for t in core) >= 2:
                tokens = core
        cleaned = " ".join(tokens).strip(" ,.;:\"'")
        if cleaned and (best is None or len(cleaned) > len(best)):
            best = cleaned
    return best


def _is_proper(token: str) -> bool:
    """A capitalised word that is not a generic actor word, an adjective or a demonym."""
    words = _words(token)
    if not words or not any(ch.isupper() for ch in token):
        return False
    word = words[0]
    generic = _words_of("adjectives", "leading", "people")
    return not (word in generic or word in _head_nouns() or word in _demonyms())


def _subgroup(text: str, country: str) -> tuple[str, ...]:
    words = _words(text)
    table: dict[str, str] = _lexicon()["subgroups"]
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            label = table.get(" ".join(words[i : i + size]))
            if label:
                return (_suffixed(label, country),)
    return ()


def _suffixed(label: str, country: str | None) -> str:
    name = countries.name(country)
    return f"{label} ({name})" if name else label


def _state(side: Side, place_country: str | None, event_type: str | None, sub_type: str | None) -> AcledActor:
    country = side.country or (place_country or "").upper() or None
    words = _words(side.text)
    police_words = _words_of("police")
    police = bool(police_words & set(words)) or " ".join(words[-2:]) in police_words
    if sub_type == "Arrests" or police:
        body = "Police Forces"
    elif side.kind == "government" and event_type not in VIOLENT:
        body = "Government"
    else:
        body = "Military Forces"
    name = f"{body} of {country_label(country)}" if countries.name(country) else f"Unidentified {body}"
    # ONTOLOGY 4.1: a state's forces operating outside its own country are external (8); a government
    # signing an agreement abroad is not operating there.
    abroad = bool(country and place_country and country != place_country.upper()) and body != "Government"
    return AcledActor(name, 8 if abroad else 1, entity=side.entity)


def name_side(
    side: Side, place_country: str | None, event_type: str | None, sub_type: str | None, role: int
) -> AcledActor | None:
    """ACLED's name and inter code for one side, or None when the side is no actor (a thing, a pronoun
    left unresolved, a word no rule can type): the caller keeps its text for the notes."""
    group = known_group(side, place_country)
    if group is not None:
        return group
    if (
        side.entity_type == "PERSON"
        and side.group is not None
        and side.kind not in ("state_forces", "government")
    ):
        acting_for = name_side(side.group, place_country, event_type, sub_type, role)
        if acting_for is not None and acting_for.inter in (2, 3, 4, 8):  # "al-Shabab leader X" → Al Shabaab
            return replace(acting_for, entity=side.entity)
    kind, head = side.kind, _head(side.text)
    where = side.country if kind in ("civilians", "protesters", "rioters") and side.country else place_country
    if kind is None:
        kind = _untyped_kind(side, head, event_type, role)
        if kind is None:
            return None
    if kind == "political_militia" and head in _STATE_HEADS and side.country:
        kind = "state_forces"  # "Sudanese armed forces": the modifier "armed" made it a militia
    if kind in ("state_forces", "government"):
        return _state(side, place_country, event_type, sub_type)
    if kind in ARMED:
        return _armed(side, kind, head, place_country)
    if kind in ("civilians", "media", "ngo"):
        assoc = _subgroup(side.text, where or "")
        if not assoc and kind in ("media", "ngo"):
            full = _proper_name(side)
            assoc = (full,) if full else (_suffixed("Journalists", where),) if kind == "media" else ()
        return AcledActor(_suffixed("Civilians", where), 7, assoc, side.entity)
    if kind in ("protesters", "rioters"):
        label = "Protesters" if kind == "protesters" else "Rioters"
        assoc = _subgroup(side.text, where or "")
        return AcledActor(_suffixed(label, where), INTER_CODES[kind], assoc, side.entity)
    if kind == "international_org":
        return AcledActor(_proper_name(side) or side.text, 8, entity=side.entity)
    if kind == "party" and event_type in ("Protests", "Riots"):
        label = "Protesters" if event_type == "Protests" else "Rioters"
        full = _proper_name(side)
        return AcledActor(_suffixed(label, where), 6 if label == "Protesters" else 5, (full,) if full else ())
    return None


def _untyped_kind(side: Side, head: str, event_type: str | None, role: int) -> str | None:
    """A kind for a side the extractor left untyped, where the text leaves no doubt."""
    lexicon = _lexicon()
    if head in _words_of("things"):
        return None
    if head in _words_of("people") or head in lexicon["subgroups"]:
        return "civilians"
    if side.entity_type == "PERSON" and role == 2:
        return "civilians"  # a named person harmed or arrested, with no armed role
    if event_type not in VIOLENT:
        return None
    for name in (side.text, side.entity or ""):  # the mention, or the entity a pronoun stands for
        words = [word for word in _words(name) if word != "the"]
        if len(words) == 1 and words[0] in _demonyms():
            return "state_forces"  # "Russian" shelling, "Ukrainian" positions: the country's forces
        if len(words) == 1 and words[0] in _words_of("armed_adjectives"):
            return "rebel_group"  # "the Islamists", "jihadist" standing alone: an armed group unnamed
    return None


def _armed(side: Side, kind: str, head: str, place_country: str | None) -> AcledActor:
    inter = INTER_CODES[kind]
    full = _proper_name(side)
    if full is not None:
        return AcledActor(full, inter, entity=side.entity)
    where = place_country or side.country
    if kind == "external_other" and head in _MERCENARIES:
        return AcledActor(_suffixed("Private Security Forces", where), 8, entity=side.entity)
    return AcledActor(_suffixed("Unidentified Armed Group", where), 3, entity=side.entity)


def split_tied(side: Side) -> list[Side]:
    """A side naming several groups ("Ukrainian and Russian forces", "the army backed by militias") as
    one side per group, the first being the actor; a bare demonym borrows the last group's head noun."""
    if side.entity_type not in (None, "NORP"):
        return [side]  # a proper name may hold "and": "Group for Support of Islam and Muslims"
    pattern = "|".join(re.escape(word) for word in sorted(_lexicon()["tied"], key=len, reverse=True))
    parts = [p.strip(" ,") for p in re.split(rf",\s*|\s+(?:{pattern})\s+", side.text) if p.strip(" ,")]
    if len(parts) < 2:
        return [side]
    last_head = _head(parts[-1])
    sides = []
    for number, part in enumerate(parts):
        words = _words(part)
        if len(words) == 1 and words[0] in _demonyms() and last_head in _head_nouns():
            part = f"{part} {last_head}"
            words = (*words, last_head)
        first = number == 0
        kind = side.kind if first or number == len(parts) - 1 else None
        sides.append(
            phrase_side(part, kind, side.country if first else None, side.entity_type if first else None)
        )
    return sides


def phrase_side(
    text: str, kind: str | None = None, country: str | None = None, entity_type: str | None = None
) -> Side:
    """A side from a bare phrase of the text ("allied militias", "Russian forces"): its kind from its head
    noun (else `kind`), its country from a demonym in it (else `country`)."""
    words = _words(text)
    own_country = next((_demonyms()[w] for w in words if w in _demonyms()), None)
    head_kind = _head_nouns().get(_head(text))
    return Side(text, None, entity_type, (), head_kind or kind, own_country or country)

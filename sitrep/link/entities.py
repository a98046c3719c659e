"""Entity resolution across articles: one canonical entity per person, group or place, each join explained.

Conservative on purpose. Two full names join only when their keys agree (same first and last name up to
transliteration and titles). A surname alone ("Marchenko said") joins a full name only when exactly one
person of that surname is known, or exactly one of them has the same role (kind) and country; otherwise
it stays on its own. An acronym ("RSF") joins the one organisation or place whose initials it spells
("Rapid Support Forces"), and stays on its own when several do; the short and long names of a country
or organisation listed in `lexicons/abbreviations.json` ("U.S." and "United States", "ISIS" and "Islamic
State") are one entity whatever type the NER gave each, and such a group is never a person. Generic
actor phrases ("civilians",
"troops") are never joined across articles, except a phrase with a country ("Russian forces"), which
names the same collective actor everywhere.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from sitrep import lexicons
from sitrep.link.names import name_key, name_words, word_key
from sitrep.link.tables import temp_keys

_NAMED_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Mention:
    """A stored entity as resolution sees it."""

    article_id: str
    entity_id: str
    name: str
    type: str
    kind: str | None
    country: str | None

    @property
    def ref(self) -> tuple[str, str]:
        return (self.article_id, self.entity_id)

    @property
    def person(self) -> bool:
        return self.type == "PERSON"

    def words(self) -> tuple[str, ...]:
        return name_words(self.name, person=self.person)


@dataclass(frozen=True)
class Membership:
    canonical_id: str
    key: str
    reason: str


@cache
def _generic_words() -> frozenset[str]:
    actors = lexicons.load("actors")
    return frozenset(word_key(w) for w in actors["generic_org_suffixes"])


@cache
def _head_nouns() -> frozenset[str]:
    return frozenset(lexicons.load("actors")["head_nouns"])


def _short_key(name: str) -> str:
    """A name as the abbreviation table is keyed: no dots, no leading "the", spaces collapsed, folded."""
    words = name.replace(".", "").replace("’", "'").split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words).casefold()


@cache
def _known_names() -> dict[str, tuple[str, str]]:
    """Every listed short or full name of a country or organisation → (group, key of its full name)."""
    found: dict[str, tuple[str, str]] = {}
    for short, entry in lexicons.load("abbreviations")["names"].items():
        target = (entry["group"], name_key(entry["full"]))
        found[_short_key(short)] = target
        found[_short_key(entry["full"])] = target
    return found


def known_name(mention: Mention) -> tuple[str, str] | None:
    """The (group, key) a listed country or organisation name stands for, whatever the NER typed it."""
    return _known_names().get(_short_key(mention.name))


def canonical_id(key: str) -> str:
    """A stable id derived from the key, so re-linking never renames an entity."""
    return "ce-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def is_actor_phrase(mention: Mention) -> bool:
    """A descriptive phrase ("Russian forces", "civilians", "defence ministry") rather than a name."""
    words = mention.name.split()
    if mention.person:
        return False
    if mention.type != "NORP":
        return not any(w[:1].isupper() for w in words)
    last = words[-1].casefold() if words else ""
    return last in _head_nouns() or not all(w[:1].isupper() for w in words)


def base_key(mention: Mention) -> str:
    """The key a mention joins others by; persons by first and last name, or by surname alone; a listed
    country or organisation by its full name."""
    known = known_name(mention)
    if known is not None:
        return f"{known[0]}:{known[1]}"
    words = mention.words()
    if mention.person:
        if len(words) >= 2:
            return f"person:{words[0]} {words[-1]}"
        return f"surname:{words[0]}" if words else f"own:{mention.article_id}:{mention.entity_id}"
    if is_actor_phrase(mention):
        if mention.country:
            return f"actor:{mention.country}:{name_key(mention.name)}"
        return f"own:{mention.article_id}:{mention.entity_id}"
    if mention.type not in _NAMED_TYPES and mention.type != "NORP":
        return f"own:{mention.article_id}:{mention.entity_id}"
    kept = [w for w in words if w not in _generic_words()] or words
    return f"{_group(mention)}:{' '.join(kept)}" if kept else f"own:{mention.article_id}:{mention.entity_id}"


def surname(mention: Mention) -> str | None:
    if not mention.person:
        return None
    words = mention.words()
    return words[-1] if words else None


_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "de", "al", "el"})


def _group(mention: Mention) -> str:
    return "place" if mention.type in ("GPE", "LOC") else mention.type.lower()


def acronym(mention: Mention) -> str | None:
    """The letters of an acronym name ("RSF" → "rsf"), for organisations and places."""
    name = mention.name.replace(".", "")
    if mention.person or not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return None
    return name.casefold()


def initials(mention: Mention) -> str | None:
    """The initials of a capitalised multi-word name ("Rapid Support Forces" → "rsf")."""
    if mention.person or is_actor_phrase(mention):
        return None
    words = [w for w in mention.name.split() if w.casefold() not in _INITIAL_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).casefold()


def block(mention: Mention) -> str | None:
    """Mentions whose resolution depends on one another: one surname, or one set of initials."""
    if mention.person:
        found = surname(mention)
        return None if found is None else f"surname:{found}"
    letters = acronym(mention) or initials(mention)
    return None if letters is None else f"initials:{_group(mention)}:{letters}"


def resolve(mentions: Iterable[Mention]) -> dict[tuple[str, str], Membership]:
    """Canonical membership for each mention. People of one surname must be resolved together."""
    found: dict[tuple[str, str], Membership] = {}
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[base_key(mention)].append(mention)
    full_by_surname: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if key.startswith("person:"):
            full_by_surname[key.rsplit(" ", 1)[1]].append(key)
    spelled_out: dict[str, set[str]] = defaultdict(set)
    for key, group in by_key.items():
        for mention in group:
            if (letters := initials(mention)) is not None:
                spelled_out[f"{_group(mention)}:{letters}"].add(key)
    for key, group in by_key.items():
        if key.startswith("surname:"):
            _resolve_surname(key, group, {k: by_key[k] for k in full_by_surname[key[8:]]}, found)
            continue
        name = display_name(group)
        for mention in group:
            # by its own letters, not the name key ("CNN" folds to "cn", the initials of "CBS News"), and
            # mention by mention, so the result does not hang on which mention of the key came first
            letters = acronym(mention) if known_name(mention) is None else None
            spelled = spelled_out[f"{_group(mention)}:{letters}"] if letters is not None else set()
            if len(spelled) == 1:
                (target,) = spelled
                found[mention.ref] = Membership(
                    canonical_id(target),
                    target,
                    f"acronym of {display_name(by_key[target])}, the only name with those initials",
                )
            else:
                found[mention.ref] = Membership(canonical_id(key), key, _reason(mention, name, key))
    return found


def _reason(mention: Mention, name: str, key: str) -> str:
    if key.startswith("own:"):
        return "not joined: a generic phrase or a name without a key"
    if mention.name.casefold() == name.casefold():
        return "same name"
    if known_name(mention) is not None:
        return f"another name of {name} (abbreviations table)"
    if name_key(mention.name, mention.person) == name_key(name, mention.person):
        return f"spelling variant of {name}"
    return f"same name without title or suffix as {name}"


def _resolve_surname(
    key: str,
    group: list[Mention],
    people: dict[str, list[Mention]],
    found: dict[tuple[str, str], Membership],
) -> None:
    """Surname-only mentions: joined to the one person they can be, else kept apart."""
    for mention in group:
        candidates = list(people)
        reason = "surname of {name}, the only person of that surname"
        if len(candidates) > 1:
            candidates = [k for k in candidates if _fits_role(mention, people[k])]
            reason = "surname, role and country of {name}, the only such person of that surname"
        ref = (mention.article_id, mention.entity_id)
        if len(candidates) == 1:
            target = candidates[0]
            name = display_name(people[target])
            found[ref] = Membership(canonical_id(target), target, reason.format(name=name))
        elif not people:
            found[ref] = Membership(canonical_id(key), key, "same surname, no full name known")
        else:
            own = f"own:{mention.article_id}:{mention.entity_id}"
            found[ref] = Membership(
                canonical_id(own), own, f"not joined: {len(people)} people share the surname"
            )


def _fits_role(mention: Mention, person: list[Mention]) -> bool:
    """Evidence that a surname-only mention is this person: the same kind and a compatible country."""
    kinds = {m.kind for m in person if m.kind}
    countries = {m.country for m in person if m.country}
    if mention.kind is None or mention.kind not in kinds:
        return False
    return mention.country is None or not countries or mention.country in countries


def display_name(group: Iterable[Mention]) -> str:
    """The most frequent name, longest first on ties."""
    counts = Counter(m.name for m in group)
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def _read(conn: sqlite3.Connection, sql: str, params: Iterable[object] = ()) -> list[Mention]:
    return [Mention(*row) for row in conn.execute(sql, tuple(params))]


_SELECT = "SELECT n.article_id, n.id, n.name, n.type, n.kind, n.country FROM entities n"


def link_entities(conn: sqlite3.Connection, article_ids: list[str]) -> set[str]:
    """Resolve the entities of new articles, re-resolving every block (surname, initials) they touch.

    Only memberships that change are written; returns the canonical ids rebuilt.
    """
    temp_keys(conn, "new_articles", article_ids)
    fresh = _read(conn, _SELECT + " JOIN temp.new_articles t ON t.key = n.article_id")
    temp_keys(conn, "touched_blocks", {b for m in fresh if (b := block(m))})
    stored: dict[tuple[str, str], Membership] = {}
    earlier: list[Mention] = []
    for row in conn.execute(
        "SELECT n.article_id, n.id, n.name, n.type, n.kind, n.country, c.canonical_id, c.key, c.reason"
        " FROM canonical_entity_members c JOIN temp.touched_blocks s ON s.key = c.block"
        " JOIN entities n ON n.article_id = c.article_id AND n.id = c.entity_id"
    ):
        earlier.append(Mention(*row[:6]))
        stored[(row[0], row[1])] = Membership(*row[6:])
    members = resolve([*earlier, *fresh])
    changed = [m for m in [*earlier, *fresh] if stored.get(m.ref) != members[m.ref]]
    conn.executemany(
        "INSERT OR REPLACE INTO canonical_entity_members"
        " (canonical_id, article_id, entity_id, reason, key, block) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (joined.canonical_id, m.article_id, m.entity_id, joined.reason, joined.key, block(m))
            for m in changed
            for joined in [members[m.ref]]
        ],
    )
    touched = {members[m.ref].canonical_id for m in changed}
    touched |= {stored[m.ref].canonical_id for m in changed if m.ref in stored}
    _write_canonicals(conn, touched)
    return touched


@dataclass
class _Tally:
    """What the members of one canonical entity say, counted."""

    names: Counter[tuple[bool, str]] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    kinds: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    def row(self, cid: str, alias_lists: dict[str, list[str]]) -> tuple[object, ...]:
        """The canonical row: a full name before a surname, then the most frequent, then the longest."""
        (_, name) = min(self.names, key=lambda k: (not k[0], -self.names[k], -len(k[1]), k[1]))
        aliases = sorted({a for text in self.aliases for a in alias_lists[text]})
        return (
            cid,
            name,
            self.type(),
            _most_common(self.kinds),
            _most_common(self.countries),
            json.dumps(aliases, ensure_ascii=False),
            len(self.articles),
        )

    def type(self) -> str | None:
        """The most common type, except that an entity joined as a group or place is never a person
        (the NER often types "al-Shabab" or "Boko Haram" as PERSON)."""
        found = _most_common(self.types)
        if found == "PERSON" and not any(k.startswith(("person:", "surname:")) for k in self.keys):
            others = Counter({t: n for t, n in self.types.items() if t != "PERSON"})
            return _most_common(others) or "ORG"
        return found


def _write_canonicals(conn: sqlite3.Connection, ids: set[str]) -> None:
    """Rebuild the canonical rows for these ids from their members (dropping ids left without any)."""
    temp_keys(conn, "touched_canonicals", ids)
    conn.execute("DELETE FROM canonical_entities WHERE id IN (SELECT key FROM temp.touched_canonicals)")
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for cid, aid, name, type_, kind, country, aliases, key in conn.execute(
        "SELECT c.canonical_id, c.article_id, n.name, n.type, n.kind, n.country, n.aliases, c.key"
        " FROM canonical_entity_members c JOIN temp.touched_canonicals t ON t.key = c.canonical_id"
        " JOIN entities n ON n.article_id = c.article_id AND n.id = c.entity_id"
    ):
        tally = tallies[cid]
        tally.names[(" " in name.strip(), name)] += 1
        tally.types[type_] += 1
        tally.keys.add(key)
        if kind:
            tally.kinds[kind] += 1
        if country:
            tally.countries[country] += 1
        tally.aliases.add(aliases)
        tally.articles.add(aid)
    alias_lists = {text: json.loads(text) for tally in tallies.values() for text in tally.aliases}
    conn.executemany(
        "INSERT INTO canonical_entities (id, name, type, kind, country, aliases, articles)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [tally.row(cid, alias_lists) for cid, tally in tallies.items()],
    )


def _most_common(values: Iterable[str | None] | Counter[str]) -> str | None:
    counts = values if isinstance(values, Counter) else Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None

"""Claim groups: the figures claims give for one thing, side by side, disagreements flagged.

A quantity in a claim is read as a measure (fatalities, injured, detained, troops, losses) by the nearest
cue word around it in the claim ("killing four civilians and wounding nine": four → fatalities, nine →
injured; soldiers counted without such a word → troops), and as a side by its unit (combatants, materiel,
or people). The claim's event is the event the article attributes to it (or whose trigger lies inside
it); figures for one measure and side of one linked event form a group, and the group disagrees when two
claims give different figures. Quantities no cue explains are left out.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from sitrep.link.events import members_of
from sitrep.link.tables import temp_keys

_TOKEN = re.compile(r"[\w'-]+|[.;:!?]")
WINDOW_TOKENS = 8
_CUES = {
    "fatalities": ("kill", "dead", "death", "died", "die", "toll", "lives", "bodies", "fatalit"),
    "injured": ("wound", "injur", "hurt", "casualt"),
    "detained": ("arrest", "detain", "captur", "prisoner", "held"),
    "losses": ("lost", "destroy", "shot down", "downed"),
}
_COMBATANTS = ("soldier", "servicem", "troop", "fighter", "militant", "personnel", "militia", "marine")
_MATERIEL = (
    "tank", "vehicle", "drone", "aircraft", "jet", "plane", "helicopter", "missile", "rocket", "shell",
    "gun", "howitzer", "system", "ship", "boat", "building", "house", "home",
)  # fmt: skip
_CASUALTY_MEASURES = ("fatalities", "injured")


@dataclass(frozen=True)
class Figure:
    """One quantity of one claim, with what it measures."""

    article_id: str
    claim_id: str
    quantity_seq: int
    value: float
    unit: str | None
    text: str
    measure: str
    side: str
    event_id: str | None
    speaker: str | None
    via: str  # JSON list of the relays' names, nearest the speaker first


_PARTITIVE = re.compile(r"\s+of\s+(the|those|these|them)\b", re.IGNORECASE)


def part_of_a_whole(content: str, end: int) -> bool:
    """Whether the figure ending at `end` counts part of a group told elsewhere ("two of the victims
    died in hospital"): a share of a toll, not a toll that could disagree with another."""
    return _PARTITIVE.match(content, end) is not None


def _stem_match(word: str, stems: tuple[str, ...]) -> bool:
    return any(word.startswith(stem) for stem in stems)


def side_of(unit: str | None) -> str | None:
    """Whom or what a figure counts: combatants, materiel (tanks, drones, buildings) or people."""
    if unit is None or unit == "ratio":
        return None
    word = unit.casefold()
    if _stem_match(word, _COMBATANTS):
        return "combatants"
    return "materiel" if _stem_match(word, _MATERIEL) else "people"


def measure_of(content: str, text: str, start: int = 0) -> tuple[str | None, int]:
    """The measure of the quantity written `text` at or after `start` in the content, and its end."""
    at = content.find(text, start)
    if at < 0:
        return None, start
    tokens = [(m.start(), m.group().casefold()) for m in _TOKEN.finditer(content)]
    here = next((i for i, (pos, _) in enumerate(tokens) if pos >= at), len(tokens))
    best: tuple[int, str] | None = None
    for i, (_, word) in enumerate(tokens):
        distance = abs(i - here)
        if word == "toll" and i < here:
            distance = 0  # "the death toll ... has risen to five": the toll is what is counted
        if distance > WINDOW_TOKENS:
            continue
        between = tokens[min(i, here) : max(i, here)]
        if any(w in ".;!?" for _, w in between):
            continue
        for measure, stems in _CUES.items():
            if _stem_match(word, stems) and (best is None or distance < best[0]):
                best = (distance, measure)
    return (None if best is None else best[1]), at + len(text)


_CLAIMS = """
SELECT c.article_id, c.id, c.content_start, c.content_end, c.content_text,
       coalesce(n.name, c.speaker_text), c.via
FROM claims c
JOIN temp.new_articles t ON t.key = c.article_id
LEFT JOIN entities n ON n.article_id = c.article_id AND n.id = c.speaker_entity_id
WHERE EXISTS (SELECT 1 FROM quantities q WHERE q.article_id = c.article_id AND q.claim_id = c.id)
ORDER BY c.article_id, c.seq
"""


def figures(conn: sqlite3.Connection) -> list[Figure]:
    """The figures of the claims of the articles in `temp.new_articles`."""
    events: dict[str, list[tuple[str, str, str | None, int]]] = defaultdict(list)
    for aid, eid, etype, attributed, trigger_start in conn.execute(
        "SELECT e.article_id, e.id, e.type, e.attributed_to, e.trigger_start FROM events e"
        " JOIN temp.new_articles t ON t.key = e.article_id ORDER BY e.article_id, e.seq"
    ):
        events[aid].append((eid, etype, attributed, trigger_start))
    quantities: dict[tuple[str, str], list[tuple[int, float, str | None, str]]] = defaultdict(list)
    for aid, cid, seq, value, unit, text in conn.execute(
        "SELECT q.article_id, q.claim_id, q.seq, q.value, q.unit, q.text FROM quantities q"
        " JOIN temp.new_articles t ON t.key = q.article_id ORDER BY q.article_id, q.claim_id, q.seq"
    ):
        quantities[(aid, cid)].append((seq, value, unit, text))
    found = []
    names = {
        (aid, eid): name
        for aid, eid, name in conn.execute(
            "SELECT n.article_id, n.id, n.name FROM entities n"
            " JOIN temp.new_articles t ON t.key = n.article_id"
        )
    }
    for aid, cid, start, end, content, speaker, via_ids in conn.execute(_CLAIMS):
        via = json.dumps([names.get((aid, v), v) for v in json.loads(via_ids)], ensure_ascii=False)
        cursor, last_side = 0, None
        for seq, value, unit, text in quantities[(aid, cid)]:
            measure, cursor = measure_of(content, text, cursor)
            if part_of_a_whole(content, cursor):
                continue
            side = side_of(unit) or last_side or "people"
            last_side = side
            if measure is None and side_of(unit) == "combatants":
                measure = "troops"  # soldiers counted without a casualty word: a force's size
            if measure is None:
                continue
            event = _event_of(events[aid], cid, start, end, measure)
            found.append(Figure(aid, cid, seq, value, unit, text, measure, side, event, speaker, via))
    return found


def _event_of(
    events: list[tuple[str, str, str | None, int]], claim_id: str, start: int, end: int, measure: str
) -> str | None:
    """The event a claim speaks of: attributed to it, else with its trigger inside the claim."""
    wanted = "ASSAULT" if measure in _CASUALTY_MEASURES else None
    for test in (
        lambda e: e[2] == claim_id and (wanted is None or e[1] == wanted),
        lambda e: start <= e[3] < end and (wanted is None or e[1] == wanted),
        lambda e: e[2] == claim_id,
    ):
        for event in events:
            if test(event):
                return event[0]
    return None


def group_id(figure_ref: str, measure: str, side: str) -> str:
    """Stable id of the group of one measure and side of one linked event (or of one claim)."""
    return "cg-" + hashlib.sha1(f"{figure_ref}\n{measure}\n{side}".encode()).hexdigest()[:16]


def relink(conn: sqlite3.Connection, article_ids: list[str], changed_events: set[str]) -> None:
    """Group the figures of new articles, and regroup figures whose linked event was rebuilt."""
    temp_keys(conn, "new_articles", article_ids)
    fresh = figures(conn)
    temp_keys(conn, "changed_linked", changed_events)
    moved = conn.execute(
        "SELECT g.article_id, g.claim_id, g.quantity_seq, g.value, g.unit, g.text, g.measure, g.side,"
        " g.event_id, g.speaker, g.via, g.group_id FROM claim_group_members g"
        " JOIN linked_event_members m ON m.article_id = g.article_id AND m.event_id = g.event_id"
        " JOIN temp.changed_linked c ON c.key = m.linked_event_id"
    ).fetchall()
    stale = {row[11] for row in moved}
    regroup = [*fresh, *(Figure(*row[:11]) for row in moved)]
    linked = members_of(conn, [(f.article_id, f.event_id) for f in regroup if f.event_id is not None])
    rows = []
    for f in regroup:
        lid = linked.get((f.article_id, f.event_id or ""))
        gid = group_id(lid or f"{f.article_id}\n{f.claim_id}", f.measure, f.side)
        stale.add(gid)
        rows.append(
            (gid, f.article_id, f.claim_id, f.quantity_seq, f.value, f.unit, f.text, f.measure, f.side,
             f.event_id, f.speaker, f.via)
        )  # fmt: skip
    conn.executemany(
        "INSERT OR REPLACE INTO claim_group_members (group_id, article_id, claim_id, quantity_seq, value,"
        " unit, text, measure, side, event_id, speaker, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    _summarize(conn, stale)


def _summarize(conn: sqlite3.Connection, group_ids: set[str]) -> None:
    temp_keys(conn, "touched_groups", group_ids)
    conn.execute("DELETE FROM claim_groups WHERE id IN (SELECT key FROM temp.touched_groups)")
    members: dict[str, list[tuple[str, str, float, str | None]]] = defaultdict(list)
    claimed: dict[str, dict[tuple[str, str], set[float]]] = defaultdict(lambda: defaultdict(set))
    for gid, aid, cid, eid, measure, side, value in conn.execute(
        "SELECT g.group_id, g.article_id, g.claim_id, g.event_id, g.measure, g.side, g.value"
        " FROM claim_group_members g JOIN temp.touched_groups t ON t.key = g.group_id"
        " ORDER BY g.article_id, g.claim_id, g.quantity_seq"
    ):
        members[gid].append((measure, side, value, None if eid is None else f"{aid}\n{eid}"))
        claimed[gid][(aid, cid)].add(value)
    refs = {tuple(ref.split("\n")) for group in members.values() for *_, ref in group if ref}
    linked = members_of(conn, [(a, e) for a, e in refs])
    rows = []
    for gid, group in members.items():
        values = [value for _, _, value, _ in group]
        event = next((linked.get(tuple(ref.split("\n"))) for *_, ref in group if ref), None)  # type: ignore[arg-type]
        disagrees = int(_disagree(list(claimed[gid].values())))
        rows.append((gid, group[0][0], group[0][1], event, min(values), max(values), len(group), disagrees))
    conn.executemany(
        "INSERT INTO claim_groups (id, measure, side, linked_event_id, low, high, members, disagrees)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _disagree(claims: list[set[float]]) -> bool:
    """Whether two different claims give different figures (figures within one claim are parts)."""
    return any(a != b for i, a in enumerate(claims) for b in claims[i + 1 :])

"""Independent sources: wire copies and syndicated texts count once.

Each article gets a MinHash signature of its word 3-shingles (datasketch). An article whose estimated
Jaccard similarity with an article published within `WINDOW_DAYS` reaches `THRESHOLD` is a near
duplicate and joins that article's source group; the group id is the earliest such article's id. The
groups depend only on which articles are linked, never on how they were batched or ordered (`group`).
A new article is compared only with the articles of the days within reach, all signatures of one day at
once (the estimate is the share of equal MinHash values).

Why 0.3 on 3-shingles: a syndicated copy with a new dateline and a trimmed paragraph keeps about 0.4 of
its 3-shingles in common with the original, while two independent reports of the same strike, sharing
names and figures, stay near 0.1–0.15 (measured on the bundled examples and `eval/link`).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SCHEME = "affine32"  # named, so signatures made later compare with the stored ones
THRESHOLD = 0.3
WINDOW_DAYS = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Text:
    """An article as source detection sees it."""

    article_id: str
    published: str
    text: str


def shingles(text: str) -> set[bytes]:
    """Word 3-grams of the lower-cased text (single words for very short texts)."""
    words = _WORD.findall(text.casefold())
    if len(words) < 3:
        return {w.encode() for w in words}
    return {" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)}


@cache
def _permutations() -> object:
    """The hash permutations, drawn once per process instead of once per article."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def minhash(text: str) -> MinHash:
    found = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    found.update_batch(list(shingles(text)))
    return found


def _days(published: str) -> int:
    return dt.date.fromisoformat(published).toordinal()


_FIRST_DAY, _LAST_DAY = dt.date.min.toordinal(), dt.date.max.toordinal()


def _windows(days: list[int]) -> list[tuple[int, int]]:
    """The publication days within reach of these days, as merged (first, last) ranges; kept within
    the calendar, so that a stored 0001-01-01 or 9999-12-31 links like any other day."""
    ranges: list[tuple[int, int]] = []
    for day in days:
        low, high = max(day - WINDOW_DAYS, _FIRST_DAY), min(day + WINDOW_DAYS, _LAST_DAY)
        if ranges and low <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], high)
        else:
            ranges.append((low, high))
    return ranges


@dataclass
class _Day:
    """The linked articles of one publication day, their signatures stacked for one comparison."""

    keys: list[tuple[str, str]] = field(default_factory=list)  # (published, article id)
    groups: list[str] = field(default_factory=list)
    rows: list[np.ndarray] = field(default_factory=list)
    matrix: np.ndarray | None = None

    def add(self, key: tuple[str, str], group: str, signature: np.ndarray) -> None:
        self.keys.append(key)
        self.groups.append(group)
        self.rows.append(signature)
        self.matrix = None

    def matches(self, signature: np.ndarray) -> list[tuple[tuple[str, str], str]]:
        """(key, group) of the articles whose estimated Jaccard similarity reaches THRESHOLD."""
        if self.matrix is None:
            self.matrix = np.stack(self.rows)
        similarity = (self.matrix == signature).mean(axis=1)
        return [(self.keys[i], self.groups[i]) for i in np.flatnonzero(similarity >= THRESHOLD)]


def assign_groups(conn: sqlite3.Connection, new: Iterable[Text]) -> dict[str, tuple[str, bytes]]:
    """Source group and signature for each new article, given the articles already linked."""
    return group(conn, new)[0]


def group(
    conn: sqlite3.Connection, new: Iterable[Text]
) -> tuple[dict[str, tuple[str, bytes]], dict[str, str]]:
    """Source groups that do not depend on how articles were batched: (group and signature of each new
    article, new group of each linked article whose group changes).

    Articles are taken in (published, id) order; each joins the group of the first article before it in
    that order that it nearly duplicates, else starts its own. An article's group depends only on the
    articles before it, so the groups of everything before the first new article stand, and those after
    it (within reach of a copy) are worked out again: a copy linked before its original moves to the
    original's group once the original arrives.
    """
    fresh = sorted(new, key=lambda t: (t.published, t.article_id))
    if not fresh:
        return {}, {}
    start = (fresh[0].published, fresh[0].article_id)
    low = max(_days(start[0]) - WINDOW_DAYS, _FIRST_DAY)
    entries: list[tuple[tuple[str, str], np.ndarray, str | None]] = [
        ((published, article_id), np.frombuffer(signature, np.uint64), old)
        for article_id, published, old, signature in conn.execute(
            "SELECT article_id, published, source_group, signature FROM link_articles WHERE published >= ?",
            (dt.date.fromordinal(low).isoformat(),),
        )
    ]
    entries += [
        ((t.published, t.article_id), minhash(t.text).hashvalues.astype(np.uint64), None) for t in fresh
    ]
    entries.sort(key=lambda entry: entry[0])
    days: dict[int, _Day] = defaultdict(_Day)
    assigned: dict[str, tuple[str, bytes]] = {}
    regrouped: dict[str, str] = {}
    for key, signature, old in entries:
        day = _days(key[0])
        if key < start and old is not None:
            chosen = old
        else:
            matches = [
                match
                for other in range(day - WINDOW_DAYS, day + WINDOW_DAYS + 1)
                if other in days
                for match in days[other].matches(signature)
            ]
            chosen = min(matches)[1] if matches else key[1]
            if old is None:
                assigned[key[1]] = (chosen, signature.tobytes())
            elif chosen != old:
                regrouped[key[1]] = chosen
        days[day].add(key, chosen, signature)
    return assigned, regrouped

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.link.sources import Text, assign_groups, minhash
from sitrep.model import Article
from sitrep.store.store import Store

ORIGINAL = (
    "Russian forces shelled the town of Nikopol across the Dnipro river on Saturday morning, killing two men"
    " and wounding five, the regional administration said. Mayor Iryna Kovalenko said a bus station and a"
    " dozen houses were damaged. Nikopol faces shelling from Russian positions on the opposite bank almost"
    " every day."
)
COPY = (
    "NIKOPOL, Ukraine (Black Sea Courier) — Russian forces shelled the town of Nikopol across the Dnipro river"
    " on Saturday, killing two men and wounding five, the regional administration said. Mayor Iryna Kovalenko"
    " said a bus station and a dozen houses were damaged. The town faces shelling almost every day."
)
OWN_REPORT = (
    "A third person has died after Saturday's shelling of Nikopol, the town's mayor Iryna Kovalenko said on"
    " Sunday. She said seven people were being treated in hospital after Russian forces fired 30 shells."
)


def test_a_syndicated_copy_is_similar_and_an_own_report_is_not() -> None:
    assert minhash(ORIGINAL).jaccard(minhash(COPY)) >= 0.3
    assert minhash(ORIGINAL).jaccard(minhash(OWN_REPORT)) < 0.3


def test_copies_join_the_earliest_group_and_groups_stay(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        conn = store.connection
        first = assign_groups(conn, [Text("a", "2025-03-08", ORIGINAL), Text("c", "2025-03-09", OWN_REPORT)])
        assert first["a"][0] == "a" and first["c"][0] == "c"
        conn.executemany(
            "INSERT INTO articles (id, published, language, text, text_hash, stored_at)"
            " VALUES (?, ?, 'en', ?, ?, '2025-03-09')",
            [("a", "2025-03-08", ORIGINAL, "ha"), ("c", "2025-03-09", OWN_REPORT, "hc")],
        )
        conn.executemany(
            "INSERT INTO link_articles (article_id, published, source_group, signature) VALUES (?, ?, ?, ?)",
            [("a", "2025-03-08", *first["a"]), ("c", "2025-03-09", *first["c"])],
        )
        later = assign_groups(conn, [Text("b", "2025-03-08", COPY), Text("d", "2025-03-20", COPY)])
    assert later["b"][0] == "a"
    assert later["d"][0] == "d"  # outside the window of days: not a copy of a story two weeks old


WIRE = [
    ("w1", "2025-03-07", ORIGINAL),
    ("w2", "2025-03-08", COPY),
    ("w3", "2025-03-09", COPY + " The governor added that repairs would start on Monday."),
    ("w4", "2025-03-11", COPY + " Officials later raised the toll."),
    ("w5", "2025-03-08", OWN_REPORT),
    ("w6", "2025-03-10", OWN_REPORT + " Kovalenko said schools would stay closed."),
    ("w0", "2025-03-06", ORIGINAL + " More follows."),
]


def _link_in_batches(path: Path, batches: list[list[int]]) -> dict[str, str]:
    from sitrep.link.run import link_batch
    from sitrep.model import Document, Extraction

    with Store(path) as store:
        for number, published, text in WIRE:
            article = Article(id=number, published=dt.date.fromisoformat(published), text=text)
            empty = Extraction(
                document=Document.of(article),
                entities=[],
                places=[],
                timexes=[],
                events=[],
                claims=[],
                relations=[],
            )
            store.add(article, empty)
        conn = store.connection
        for batch in batches:
            conn.execute("BEGIN")
            link_batch(conn, [WIRE[i][0] for i in batch])
            conn.execute("COMMIT")
        return dict(conn.execute("SELECT article_id, source_group FROM link_articles"))


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(len(WIRE))), cuts=st.sets(st.integers(1, len(WIRE) - 1), max_size=4))
def test_source_groups_do_not_depend_on_batching(order: list[int], cuts: set[int]) -> None:
    bounds = [0, *sorted(cuts), len(WIRE)]
    batches = [order[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    expected = {"w0": "w0", "w1": "w0", "w2": "w0", "w3": "w0", "w4": "w0", "w5": "w5", "w6": "w5"}
    with tempfile.TemporaryDirectory() as folder:  # a fresh database for every example
        assert _link_in_batches(Path(folder) / "s.db", batches) == expected

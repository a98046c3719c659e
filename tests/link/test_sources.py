from __future__ import annotations

from pathlib import Path

from sitrep.link.sources import Text, assign_groups, minhash
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

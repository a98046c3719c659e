"""Only incidents merge across articles: another status keeps a report a linked event of its own."""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.link.listing import highlights, linked_events
from sitrep.link.run import link
from sitrep.model import EventStatus, Extraction
from sitrep.store.store import Store

sample = sys.modules["store_sample"]  # loaded by tests/conftest.py


def _copy(status: EventStatus) -> tuple[object, Extraction]:
    """The sample article as a second outlet tells it, its shelling (ev-1) with `status`."""
    article = sample.article("kost-copy", text=sample.TEXT + " More to follow.")
    article = article.model_copy(update={"source": "Second Wire"})
    extraction = sample.extraction(article)
    events = [e.model_copy(update={"status": status}) if e.id == "ev-1" else e for e in extraction.events]
    return article, extraction.model_copy(update={"events": events})


def _linked(path: Path, status: EventStatus) -> Store:
    store = Store(path)
    assert store.add(sample.article(), sample.extraction())
    assert store.add(*_copy(status))  # type: ignore[arg-type]
    link(store)
    return store


def _shellings(store: Store, status: str) -> list[dict[str, object]]:
    return [
        e for e in linked_events(store, status=status) if e["type"] == "ASSAULT" and e["date"] == "2023-03-07"
    ]


def test_two_incidents_of_one_shelling_merge(tmp_path: Path) -> None:
    with _linked(tmp_path / "s.db", "incident") as store:
        (shelling,) = _shellings(store, "incident")
        assert shelling["reports"] == 2
        assert shelling["status"] == "incident"
        assert shelling["article_ids"] == ["kost-2023-03-08", "kost-copy"]


def test_a_background_mention_of_the_same_shelling_stays_apart(tmp_path: Path) -> None:
    with _linked(tmp_path / "s.db", "background") as store:
        (incident,) = _shellings(store, "incident")
        assert (incident["reports"], incident["article_ids"]) == (1, ["kost-2023-03-08"])
        (background,) = _shellings(store, "background")
        assert (background["reports"], background["article_ids"]) == (1, ["kost-copy"])
        assert background["events"][0]["status"] == "background"
        mergeable = dict(
            store.connection.execute(
                "SELECT article_id, mergeable FROM linked_event_members WHERE event_id = 'ev-1'"
            ).fetchall()
        )
        assert mergeable == {"kost-2023-03-08": 1, "kost-copy": 0}


def test_listings_and_highlights_count_incidents(tmp_path: Path) -> None:
    with _linked(tmp_path / "s.db", "incident") as store:
        every = linked_events(store, status="any")
        incidents = linked_events(store)
        assert {e["status"] for e in every} == {"incident", "denied", "planned"}
        assert {e["status"] for e in incidents} == {"incident"}
        # the shelling and the order merge; the undated clash near Bakhmut cannot be told apart
        assert sorted((e["type"], e["reports"]) for e in incidents) == [
            ("ASSAULT", 1),
            ("ASSAULT", 1),
            ("ASSAULT", 2),
            ("MOBILIZE", 2),
        ]
        assert sorted(e["status"] for e in every if e["status"] != "incident") == [
            "denied",
            "denied",
            "planned",
            "planned",
        ]
        assert highlights(store)[0].split()[2:4] == ["4", "(2"]

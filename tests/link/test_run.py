"""Linking stored articles from the real pipeline: idempotent, incremental, sources and claims."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.ingest import read_articles
from sitrep.link.listing import claim_groups, linked_events
from sitrep.link.run import link
from sitrep.model import Article
from sitrep.pipeline import Pipeline
from sitrep.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
TABLES = (
    "link_articles",
    "canonical_entities",
    "canonical_entity_members",
    "linked_events",
    "linked_event_members",
    "claim_groups",
    "claim_group_members",
)


@pytest.fixture(scope="module")
def stored(pipeline: Pipeline) -> list[tuple[Article, object]]:
    articles = [a for a in read_articles([str(ROOT / "examples")]) if isinstance(a, Article)]
    return [(article, pipeline.extract(article)) for article in articles]


def _fill(path: Path, items: list[tuple[Article, object]]) -> None:
    with Store(path) as store:
        for article, extraction in items:
            store.add(article, extraction)  # type: ignore[arg-type]


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def test_linking_twice_changes_nothing(tmp_path: Path, stored: list[tuple[Article, object]]) -> None:
    path = tmp_path / "s.db"
    _fill(path, stored)
    with Store(path) as store:
        assert link(store).articles == len(stored)
    first = _tables(path)
    with Store(path) as store:
        assert link(store).articles == 0
    assert _tables(path) == first
    assert first["linked_events"]


def test_linking_in_two_steps_gives_the_same_groups(
    tmp_path: Path, stored: list[tuple[Article, object]]
) -> None:
    whole, steps = tmp_path / "whole.db", tmp_path / "steps.db"
    _fill(whole, stored)
    with Store(whole) as store:
        link(store)
    ordered = sorted(stored, key=lambda item: (item[0].published, item[0].id))
    half = len(ordered) // 2
    _fill(steps, ordered[:half])
    with Store(steps) as store:
        link(store)
    _fill(steps, ordered[half:])
    with Store(steps) as store:
        assert link(store).articles == len(ordered) - half

    def groups(path: Path) -> set[frozenset[tuple[str, str]]]:
        found: dict[str, set[tuple[str, str]]] = {}
        for lid, aid, eid in sqlite3.connect(path).execute(
            "SELECT linked_event_id, article_id, event_id FROM linked_event_members"
        ):
            found.setdefault(lid, set()).add((aid, eid))
        return {frozenset(g) for g in found.values()}

    assert groups(steps) == groups(whole)


def test_kupiansk_is_one_event_with_the_syndicated_copy_counted_once(
    tmp_path: Path, stored: list[tuple[Article, object]]
) -> None:
    path = tmp_path / "s.db"
    _fill(path, stored)
    with Store(path) as store:
        link(store)
        kupiansk = linked_events(store, place="Kup", type="ASSAULT", min_reports=3)
        disagreeing = claim_groups(store, disagreeing=True)
    assert len(kupiansk) == 1
    event = kupiansk[0]
    assert event["reports"] >= 3
    assert len(event["article_ids"]) == event["reports"]
    # The governor's report and its syndicated copy (examples 03 and 04) are one source.
    assert event["independent_sources"] == event["reports"] - 1
    deaths = [g for g in disagreeing if g["linked_event_id"] == event["id"] and g["measure"] == "fatalities"]
    assert deaths
    assert {f["value"] for f in deaths[0]["figures"]} >= {4.0, 6.0}
    assert all(f["speaker"] for f in deaths[0]["figures"])


def test_events_json_lists_a_merged_event_once_with_every_article(
    tmp_path: Path, stored: list[tuple[Article, object]]
) -> None:
    path = tmp_path / "s.db"
    _fill(path, stored)
    with Store(path) as store:
        link(store)
    result = CliRunner().invoke(app, ["events", "--db", str(path), "--json", "--place", "Kup"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    merged = [e for e in listed if e["reports"] >= 3]
    assert len(merged) == 1
    assert len(merged[0]["article_ids"]) == merged[0]["reports"]
    per_report = CliRunner().invoke(
        app, ["events", "--db", str(path), "--json", "--per-report", "--place", "Kup"]
    )
    assert len(json.loads(per_report.output)) > len(listed)


def test_timeline_of_an_entity(tmp_path: Path, stored: list[tuple[Article, object]]) -> None:
    path = tmp_path / "s.db"
    _fill(path, stored)
    with Store(path) as store:
        link(store)
    result = CliRunner().invoke(app, ["timeline", "--db", str(path), "--place", "El Fasher", "--json"])
    assert result.exit_code == 0, result.output
    dates = [e["date"] for e in json.loads(result.output)]
    assert dates and dates == sorted(dates)
    missing = CliRunner().invoke(app, ["timeline", "--db", str(path)])
    assert missing.exit_code != 0


def test_link_command_links_once_and_names_a_missing_database(
    tmp_path: Path, stored: list[tuple[Article, object]]
) -> None:
    path = tmp_path / "s.db"
    _fill(path, stored[:5])
    runner = CliRunner()
    first = runner.invoke(app, ["link", "--db", str(path)])
    assert first.exit_code == 0 and "5 articles linked" in first.output
    again = runner.invoke(app, ["link", "--db", str(path)])
    assert "0 articles linked" in again.output
    missing = runner.invoke(app, ["link", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0


def test_a_figure_keeps_its_speaker_and_relay_by_name(tmp_path: Path, pipeline: Pipeline) -> None:
    text = "Russian forces shelled Kherson on Tuesday, killing 12 civilians, a Ukrainian official told CNN."
    article = Article(id="relay", published=dt.date(2024, 5, 8), text=text)
    path = tmp_path / "s.db"
    _fill(path, [(article, pipeline.extract(article))])
    with Store(path) as store:
        link(store)
        (group,) = claim_groups(store)
    (figure,) = group["figures"]
    assert group["measure"] == "fatalities" and figure["value"] == 12
    assert figure["speaker"] == "Ukrainian official"
    assert figure["via"] == ["CNN"]

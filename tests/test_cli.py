"""The `sitrep` command, called in-process as a user would call it."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from sitrep.cli import main

GOOD_A = "date 2024-05-07\nRussian forces shelled the town of Vovchansk on Tuesday, killing two civilians.\n"
GOOD_B = " date 2024-05-09 Police arrested three men in Kharkiv on Wednesday, the regional prosecutor said."


def _sitrep(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["sitrep", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD_B, encoding="utf-8")
    (folder / "c-bad.txt").write_text("no header, no date\n", encoding="utf-8")
    return folder


def test_run_stores_good_articles_and_names_the_bad_one(
    monkeypatch, capsys, inputs: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.db"
    code, _, err = _sitrep(monkeypatch, capsys, "run", str(inputs), "--db", str(db))
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("sitrep: [")]
    assert len(errors) == 1 and "c-bad.txt" in errors[0] and "Traceback" not in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        orphans = conn.execute(
            "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
        )
        assert orphans.fetchone()[0] == 0
    conn.close()
    # running again changes nothing
    code, _, err = _sitrep(monkeypatch, capsys, "run", str(inputs / "a.txt"), "--db", str(db))
    assert code == 0 and "0 stored, 1 already" in err

    code, out, _ = _sitrep(monkeypatch, capsys, "events", "--db", str(db), "--json", "--type", "ASSAULT")
    events = json.loads(out)
    assert code == 0 and len(events) == 1 and events[0]["fatalities"] == 2

    code, out, _ = _sitrep(monkeypatch, capsys, "export", "--format", "acled-csv", "--db", str(db))
    header = out.splitlines()[0].split(",")
    assert code == 0 and len(header) == 31 and header[0] == "event_id_cnty"

    code, out, _ = _sitrep(monkeypatch, capsys, "summary", "--db", str(db))
    assert code == 0 and "articles" in out


def test_extract_prints_contract_json(monkeypatch, capsys, inputs: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _sitrep(monkeypatch, capsys, "extract", str(inputs / "a.txt"), "--format", "json")
    [extraction] = json.loads(out)
    assert code == 0
    assert set(extraction) == {"document", "entities", "places", "timexes", "events", "claims", "relations"}
    assert extraction["document"]["published"] == "2024-05-07"


def test_schema(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _sitrep(monkeypatch, capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "Extraction"
    assert set(schema["properties"]) == {
        "document",
        "entities",
        "places",
        "timexes",
        "events",
        "claims",
        "relations",
    }


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--db", "/nonexistent/x.db"),
        ("extract", "x.txt", "--format", "xml"),
        ("run", "missing.txt", "--db", "/nonexistent/dir/x.db"),
        ("extract", "x.txt", "--model", "no_such_pipeline"),
        ("report", "--format", "xml"),
        ("events", "--no-such-option"),
        ("no-such-command",),
    ],
)
def test_user_mistakes_are_one_line(monkeypatch, capsys, tmp_path: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "x.txt").write_text(GOOD_A, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = _sitrep(monkeypatch, capsys, *args)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0
    assert lines and all(line.startswith("sitrep: ") for line in lines), err
    assert "Traceback" not in err


def test_missing_model_says_how_to_install(monkeypatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "x.txt").write_text(GOOD_A, encoding="utf-8")
    code, _, err = _sitrep(
        monkeypatch, capsys, "extract", str(tmp_path / "x.txt"), "--model", "no_such_pipeline"
    )
    assert code == 1 and "[S002]" in err and "install" in err


def test_bakhmut_sample_through_the_cli(monkeypatch, capsys, bakhmut_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _sitrep(monkeypatch, capsys, "extract", str(bakhmut_path), "--format", "json")
    [extraction] = json.loads(out)
    assert code == 0
    assert any(t["text"] == "Tuesday" and t["value"] == "2023-03-07" for t in extraction["timexes"])


def test_eval_claims_scores_a_gold_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "The governor said that two bridges were destroyed overnight."
    content = text.index("two bridges")
    record = {
        "dct": "2024-05-07",
        "text": text,
        "attributions": [
            {
                "source": [{"start": 4, "end": 12}],
                "cue": [{"start": 13, "end": 17}],
                "content": [{"start": content, "end": len(text) - 1}],
            }
        ],
    }
    gold = tmp_path / "polnear_mini.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, out, _ = _sitrep(monkeypatch, capsys, "eval", "claims", str(gold))
    assert code == 0
    assert "content_f1" in out and "speaker_accuracy" in out
    assert "1.0" in out.split("content_f1")[1].splitlines()[0]


def test_eval_events_names_an_unknown_gold_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "mystery.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    code, _, err = _sitrep(monkeypatch, capsys, "eval", "events", str(gold))
    assert code != 0
    assert "mystery.jsonl" in err and "not a known events gold file" in err
    assert len(err.strip().splitlines()) == 1


def test_merge_combines_shards_and_names_the_bad_one(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, inputs: Path, tmp_path: Path
) -> None:
    shard_a, shard_b, merged = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "all.db"
    for shard, name in ((shard_a, "a.txt"), (shard_b, "b.txt")):
        code, _, _ = _sitrep(monkeypatch, capsys, "run", str(inputs / name), "--db", str(shard))
        assert code == 0
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("not a database\n", encoding="utf-8")

    args = ("merge", str(shard_a), str(not_a_database), str(shard_b), "--db", str(merged))
    code, _, err = _sitrep(monkeypatch, capsys, *args)
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("sitrep: [")]
    assert len(errors) == 1 and "notes.db" in errors[0] and "Traceback" not in err
    assert "2 stored, 0 already" in err and "2 linked across articles" in err
    with sqlite3.connect(merged) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM link_articles").fetchone()[0] == 2
    conn.close()

    code, _, err = _sitrep(monkeypatch, capsys, "merge", str(shard_a), str(shard_b), "--db", str(merged))
    assert code == 0 and "0 stored, 2 already" in err
    code, out, _ = _sitrep(monkeypatch, capsys, "events", "--db", str(merged), "--json", "--type", "ASSAULT")
    assert code == 0 and json.loads(out)[0]["fatalities"] == 2


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    """The store tests' sample: four incidents, a denial and a planned strike."""
    import store_sample as sample

    from sitrep.store import Store

    path = tmp_path / "sample.db"
    with Store(path) as store:
        store.add(sample.article(), sample.extraction())
        store.add(sample.second_article(), sample.second_extraction())
    return path


def test_events_lists_incidents_unless_a_status_is_named(monkeypatch, capsys, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    def statuses(*args: str) -> list[str]:
        code, out, _ = _sitrep(monkeypatch, capsys, "events", "--db", str(sample_db), "--json", *args)
        assert code == 0
        return sorted(event["status"] for event in json.loads(out))

    assert statuses() == ["incident"] * 4
    assert statuses("--status", "denied") == ["denied"]
    assert statuses("--status", "any") == [
        "denied",
        "incident",
        "incident",
        "incident",
        "incident",
        "planned",
    ]
    code, out, _ = _sitrep(monkeypatch, capsys, "events", "--db", str(sample_db), "--status", "planned")
    assert code == 0 and out.splitlines()[0].split("\t")[:2] == ["date", "status"]
    assert out.splitlines()[1].split("\t")[1:4] == ["planned", "ASSAULT", "heavy-weapons"]
    code, _, err = _sitrep(monkeypatch, capsys, "events", "--db", str(sample_db), "--status", "happened")
    assert code != 0 and err.startswith("sitrep: ") and "status must be any or one of" in err


def test_summary_counts_incidents_and_the_other_mentions_kept(monkeypatch, capsys, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _sitrep(monkeypatch, capsys, "summary", "--db", str(sample_db))
    lines = [line.split() for line in out.splitlines()]
    assert code == 0
    assert ["events", "4"] in lines and ["ASSAULT", "2"] in lines
    assert lines[lines.index(["other_mentions:"]) + 1 :][:5] == [
        ["generic", "0"],
        ["aggregate", "0"],
        ["background", "0"],
        ["planned", "1"],
        ["denied", "1"],
    ]

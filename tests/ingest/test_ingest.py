"""Ingest: every input format, and one InputError per bad record while the rest goes on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.errors import InputError, UsageError
from sitrep.ingest import FieldNames, read_articles
from sitrep.model import Article


def _read(*inputs: Path | str, **options: object) -> list[Article | InputError]:
    return list(read_articles([str(i) for i in inputs], **options))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (" date 2024-05-07 Shelling resumed in the town.", "Shelling resumed in the town."),
        ("date 2024-05-07\nShelling resumed in the town.\n", "Shelling resumed in the town.\n"),
        ("date 2024-05-07\r\nShelling resumed.", "Shelling resumed."),
        ("  date   2024-05-07   Shelling resumed.", "Shelling resumed."),
    ],
)
def test_text_header_on_same_or_next_line(tmp_path: Path, raw: str, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 5, 7)
    assert article.text == text


def test_text_without_header_needs_published(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Troops withdrew from the village.", encoding="utf-8")
    [error] = _read(path)
    assert isinstance(error, InputError) and "plain.txt" in str(error) and "--published" in str(error)
    [article] = _read(path, published=dt.date(2024, 1, 2))
    assert isinstance(article, Article) and article.published == dt.date(2024, 1, 2)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("date 2024-02-30 Text.", "not a valid"),
        ("date 2024-05-07\n   \n", "no article text"),
    ],
)
def test_bad_text_files(tmp_path: Path, raw: str, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(raw, encoding="utf-8")
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert reason in str(error) and "bad.txt" in str(error)
    assert "\n" not in str(error)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"date 2024-05-07 Caf\xe9 shelled")
    [error] = _read(path)
    assert isinstance(error, InputError) and "UTF-8" in str(error)


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"id": "a1", "text": "Police arrested two men.", "published": "2024-05-13", "source": "Wire"}
        ),
        "{not json",
        json.dumps({"id": "a2", "text": "Protesters marched.", "published": "13/05/2024"}),
        json.dumps({"id": "a3", "text": "", "published": "2024-05-13"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"id": 4, "text": "  Drone strike  ", "date": "2024-05-14T10:00:00Z", "url": "http://x"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = _read(path)
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [a.id for a in articles] == ["a1", "4"]
    assert articles[0].source == "Wire"
    assert articles[1].text == "  Drone strike  "  # kept byte for byte
    assert articles[1].published == dt.date(2024, 5, 14)
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert all("feed.jsonl" in str(e) for e in errors)


def test_csv_with_field_names_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "briefs.csv"
    path.write_text(
        'key,day,body\nb1,2024-05-16,"Shelling hit the port,\nkilling two."\nb2,,"No date here."\n',
        encoding="utf-8",
    )
    names = FieldNames.parse(["id=key", "published=day", "text=body"])
    results = _read(path, names=names)
    assert isinstance(results[0], Article) and results[0].text == "Shelling hit the port,\nkilling two."
    assert isinstance(results[1], InputError) and results[1].line == 4


def test_field_override_must_name_an_attribute() -> None:
    with pytest.raises(UsageError):
        FieldNames.parse(["colour=red"])


def test_directories_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("date 2024-05-08 Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2024-05-07 First.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    by_dir = _read(tmp_path)
    assert [a.text for a in by_dir if isinstance(a, Article)] == ["First.", "Second."]
    by_glob = _read(str(tmp_path / "*.txt"))
    assert len(by_glob) == 2
    [missing] = _read(tmp_path / "nope.txt")
    assert isinstance(missing, InputError) and "no such file" in str(missing)
    [unknown] = _read(tmp_path / "notes.md")
    assert isinstance(unknown, InputError) and "--format" in str(unknown)


def test_same_text_same_id() -> None:
    assert Article.make_id("Wire", "text") == Article.make_id("Wire", "text")
    assert Article.make_id("Wire", "text") != Article.make_id("Other", "text")


def test_a_record_without_source_is_from_its_url_host(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    records = [
        {
            "id": "a",
            "published": "2025-03-12",
            "text": "Shelling.",
            "url": "https://www.voanews.com/a/x.html",
        },
        {
            "id": "b",
            "published": "2025-03-12",
            "text": "Shelling.",
            "url": "https://x.org/1",
            "source": "Reuters",
        },
        {"id": "c", "published": "2025-03-12", "text": "Shelling.", "url": "not a url"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    sources = [a.source for a in read_articles([str(path)]) if isinstance(a, Article)]
    assert sources == ["voanews.com", "Reuters", None]

"""Readers keep every good record of a damaged file and name each bad one with its file and line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.errors import InputError, UsageError
from sitrep.ingest import FieldNames, read_articles
from sitrep.model import Article

BOM = b"\xef\xbb\xbf"
TEXT = "Rebels attacked a checkpoint near Goma on Monday."


def _read(path: Path, **options: object) -> tuple[list[Article], list[InputError]]:
    found = list(read_articles([str(path)], **options))  # type: ignore[arg-type]
    articles = [a for a in found if isinstance(a, Article)]
    errors = [e for e in found if isinstance(e, InputError)]
    assert len(articles) + len(errors) == len(found)
    return articles, errors


def _csv_rows(count: int) -> list[str]:
    return ["id,published,text"] + [f"c{i},2024-05-09,{TEXT} Report {i}." for i in range(count)]


def test_a_bad_byte_mid_csv_costs_its_record_only(tmp_path: Path) -> None:
    data = ("\n".join(_csv_rows(200)) + "\n").encode()
    at = data.index(b"Report 149.")
    path = tmp_path / "latin.csv"
    path.write_bytes(data[:at] + b"\xe9" + data[at:])
    articles, [error] = _read(path)
    assert len(articles) == 199 and "c149" not in {a.id for a in articles}
    assert error.line == 151 and "0xE9" in error.reason and "--encoding" in error.reason


def test_a_bad_byte_mid_jsonl_costs_its_line_only(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"j{i}", "published": "2024-05-09", "text": f"{TEXT} {i}"}) for i in range(5)]
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        b"\n".join(line.encode() for line in lines[:2]) + b"\n\xff\xfe\n" + "\n".join(lines[2:]).encode()
    )
    articles, [error] = _read(path)
    assert [a.id for a in articles] == ["j0", "j1", "j2", "j3", "j4"] and error.line == 3


def test_encoding_option_reads_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"date 2024-05-07\nTroops shelled the caf\xe9 in Kupiansk.")
    assert _read(path)[1][0].line == 2
    [article], errors = _read(path, encoding="latin-1")
    assert not errors and article.text.endswith("café in Kupiansk.")
    with pytest.raises(UsageError):
        _read(path, encoding="no-such-codec")


def test_csv_fields_of_any_size(tmp_path: Path) -> None:
    rows = _csv_rows(50)
    rows[11] = f"big,2024-05-09,{TEXT} {'x' * 200_000}"
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    articles, errors = _read(path)
    assert not errors and len(articles) == 50 and len(articles[10].text) > 200_000


def test_a_utf8_bom_is_dropped_in_every_format(tmp_path: Path) -> None:
    csv_path = tmp_path / "excel.csv"
    csv_path.write_bytes(BOM + ("\n".join(_csv_rows(2)) + "\n").encode())
    jsonl_path = tmp_path / "bom.jsonl"
    jsonl_path.write_bytes(
        BOM + json.dumps({"id": "first", "published": "2024-05-09", "text": TEXT}).encode()
    )
    text_path = tmp_path / "bom.txt"
    text_path.write_bytes(BOM + f" date 2024-05-09\n{TEXT}".encode())
    assert [a.id for a in _read(csv_path)[0]] == ["c0", "c1"]
    assert [a.id for a in _read(jsonl_path)[0]] == ["first"]
    [article], errors = _read(text_path)
    assert not errors and article.text == TEXT and article.published == dt.date(2024, 5, 9)


def test_hostile_jsonl_lines_are_named_and_the_rest_read(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"g{i}", "published": "2024-05-08", "text": f"{TEXT} {i}"}) for i in range(3)]
    path = tmp_path / "hostile.jsonl"
    path.write_text(
        "\n".join(
            [
                good[0],
                '{"id": "s", "published": "2024-05-08", "text": "Police arrested 40 protes\\udcebters."}',
                "[" * 100_000,
                json.dumps({"id": "old", "published": "0001-01-01", "text": TEXT}),
                json.dumps({"id": "late", "published": "9999-12-31", "text": TEXT}),
                json.dumps({"id": "blank", "published": "2024-05-08", "text": " \n\t "}),
                good[1],
                '{"id": "half", "text": ',
                "1" * 5000,
                good[2],
            ]
        ),
        encoding="utf-8",
    )
    articles, errors = _read(path)
    assert [a.id for a in articles] == ["g0", "g1", "g2"]
    reasons = {e.line: e.reason for e in errors}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 8, 9]
    assert "unpaired surrogate U+DCEB" in reasons[2]
    assert "nested too deeply" in reasons[3]
    assert "0001-01-01 is outside 1900-01-01" in reasons[4] and "9999-12-31" in reasons[5]
    assert all("\n" not in str(e) for e in errors)


def test_text_over_the_limit_is_refused_with_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_MAX_CHARS", "100")
    path = tmp_path / "long.jsonl"
    records = [
        {"id": "long", "published": "2024-05-08", "text": "x" * 101},
        {"id": "short", "published": "2024-05-08", "text": TEXT},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    [article], [error] = _read(path)
    assert article.id == "short" and "101 characters, over the limit of 100" in error.reason


def test_published_range_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.txt"
    path.write_text(f"date 1850-03-01\n{TEXT}", encoding="utf-8")
    assert "outside" in _read(path)[1][0].reason
    monkeypatch.setenv("SITREP_EARLIEST", "1800-01-01")
    [article], _ = _read(path)
    assert article.published == dt.date(1850, 3, 1)


def test_empty_binary_and_textless_files_are_one_error_each(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "image.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "notext.csv").write_text(
        "id,published,body\nx,2024-05-08,hello\ny,2024-05-08,hi\n", encoding="utf-8"
    )
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    articles, errors = _read(tmp_path)
    assert not articles
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert len(errors) == 4
    assert reasons["empty.jsonl"] == "file is empty" and reasons["blank.txt"] == "file is empty"
    assert reasons["image.csv"].startswith("binary file")
    assert "no text column" in reasons["notext.csv"]


def test_csv_with_a_renamed_text_column(tmp_path: Path) -> None:
    path = tmp_path / "body.csv"
    path.write_text(f"id,published,body\nx,2024-05-08,{TEXT}\n", encoding="utf-8")
    [article], _ = _read(path, names=FieldNames.parse(["text=body"]))
    assert article.text == TEXT


def test_lines_and_files_too_long_for_any_article_are_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_MAX_CHARS", "1000")  # lines over 6 * 1000 + 65,536 bytes are skipped
    records = [
        {"id": "before", "published": "2024-05-08", "text": TEXT},
        {"id": "huge", "published": "2024-05-08", "text": "x" * 200_000},
        {"id": "after", "published": "2024-05-08", "text": TEXT},
    ]
    path = tmp_path / "huge.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    articles, [error] = _read(path)
    assert [a.id for a in articles] == ["before", "after"] and error.line == 2 and "line over" in error.reason
    text = tmp_path / "huge.txt"
    text.write_text(f"date 2024-05-08\n{'x' * 10_000}", encoding="utf-8")
    [error] = _read(text)[1]
    assert "longer than any article accepted" in error.reason

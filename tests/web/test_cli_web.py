"""`sitrep report` and `sitrep serve` as a user calls them: files written, mistakes as one line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from sitrep.cli import main


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


def test_report_writes_html_and_markdown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], web_db: Path, tmp_path: Path
) -> None:
    dates = ("--since", "2024-05-01", "--until", "2024-05-31")
    code, _, err = _sitrep(
        monkeypatch, capsys, "report", "--db", str(web_db), *dates, "--out", str(tmp_path / "r.html")
    )
    assert code == 0 and "sentences written" in err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "http://127.0.0.1:8000/articles/" in html
    code, out, _ = _sitrep(monkeypatch, capsys, "report", "--db", str(web_db), *dates, "--place", "Kupiansk")
    assert code == 0 and out.startswith("# Situation report 2024-05-01 to 2024-05-31 — Kupiansk")
    assert re.search(r"^\[\^1\]: article ", out, flags=re.M)


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--since", "2024-05-09", "--until", "2024-05-01"),
        ("report", "--since", "May 1", "--until", "2024-05-01"),
        ("report", "--since", "2024-05-01", "--until", "2024-05-09", "--out", "report.pdf"),
        ("report", "--since", "2024-05-01", "--until", "2024-05-09", "--out", "no/such/folder/report.md"),
        ("serve", "--token", "short"),
    ],
)
def test_report_and_serve_mistakes_are_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], web_db: Path, args: tuple[str, ...]
) -> None:
    code, _, err = _sitrep(monkeypatch, capsys, *args, "--db", str(web_db))
    assert code == 2
    assert err.startswith("sitrep: [S004]") and err.count("\n") == 1


def test_serve_names_a_missing_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _sitrep(monkeypatch, capsys, "serve", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no such database" in err and err.count("\n") == 1

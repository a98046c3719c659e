"""The load run of `make bench`, small: concurrent loopback clients against `sitrep serve`, no errors."""

from __future__ import annotations

from pathlib import Path

from sitrep.web import load


def test_concurrent_clients_get_answers_and_the_report_has_a_row_each(web_db: Path) -> None:
    results = load.run(web_db, clients=(3, 6), per_client=4)
    rounds = results["rounds"]
    assert [(r["clients"], r["requests"], r["errors"]) for r in rounds] == [(3, 12, 0), (6, 24, 0)]
    assert all(r["p50_ms"] <= r["p95_ms"] <= r["p99_ms"] <= r["max_ms"] for r in rounds)
    lines = load.report(results).splitlines()
    assert len(lines) == 4 and lines[2].split()[:3] == ["3", "12", "0"]


def test_two_server_processes_answer_alike(web_db: Path) -> None:
    results = load.run(web_db, clients=(4,), per_client=3, workers=2)
    assert results["workers"] == 2 and [(r["requests"], r["errors"]) for r in results["rounds"]] == [(12, 0)]

from __future__ import annotations

import pytest

from sitrep.eval.link import bcubed


def test_perfect_clustering_scores_one() -> None:
    gold = {("a", "x"): "1", ("b", "x"): "1", ("c", "x"): "2"}
    assert bcubed({("a", "x"): "p", ("b", "x"): "p", ("c", "x"): "q"}, gold) == (1.0, 1.0)


def test_a_false_merge_costs_precision_and_a_missed_one_recall() -> None:
    gold = {("a", "x"): "1", ("b", "x"): "1", ("c", "x"): "2"}
    merged = {("a", "x"): "p", ("b", "x"): "p", ("c", "x"): "p"}
    precision, recall = bcubed(merged, gold)
    assert recall == 1.0
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    apart = {("a", "x"): "p", ("b", "x"): "q", ("c", "x"): "r"}
    precision, recall = bcubed(apart, gold)
    assert precision == 1.0
    assert recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)

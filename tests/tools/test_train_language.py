"""The language trainer's choices that are rules rather than data (tools/train_language.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from safepost.language import model as runtime

shipped_dense_vector = runtime.dense_vector
import train_language as trainer  # noqa: E402


def tried(strength: float, macro_f1: float, caught: int, alarms: int) -> trainer.StrengthTried:
    return trainer.StrengthTried(strength, macro_f1, caught, alarms, thresholds={}, fold_models=[])


@pytest.mark.parametrize(("results", "expected"), [
    # a clear macro F1 winner is chosen whatever it catches
    ([(10, 0.60, 560, 80), (100, 0.65, 530, 90)], 100),
    # a near tie: 16 more caught for 6 more false alarms wins (session 7's MiniLM run)
    ([(10, 0.714, 553, 83), (30, 0.715, 553, 87), (100, 0.719, 537, 77)], 10),
    # a near tie: 20 more caught for 28 more false alarms does not (session 7's static run, 0.574 there)
    ([(10, 0.575, 541, 129), (30, 0.584, 521, 101), (100, 0.580, 508, 90)], 30),
    # caught less flagged equal: the better macro F1
    ([(30, 0.588, 500, 98), (100, 0.585, 505, 103)], 30),
    # just outside the tie window, catching more does not rescue it
    ([(10, 0.700, 590, 50), (30, 0.711, 500, 90)], 30),
])
def test_choose_strength(results: list[tuple[float, float, int, int]], expected: float) -> None:
    assert trainer.choose_strength([tried(*row) for row in results]).strength == expected


def test_importing_the_trainer_leaves_the_run_time_scorer_alone() -> None:
    assert runtime.dense_vector is shipped_dense_vector

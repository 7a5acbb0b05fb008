"""Training the engine's static word-piece table towards a teacher (tools/distill_static.py):
the hand-written gradients, that training brings unseen texts closer to the teacher, and
that the written table is read by the run-time code as trained."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import distill_static

from safepost.language.embeddings import StaticEmbedder


def random_texts(rng: np.random.Generator, count: int, vocabulary: int) -> list[list[int]]:
    return [list(rng.integers(0, vocabulary, size=int(rng.integers(2, 9)))) for _ in range(count)]


def teacher(true_table: np.ndarray, texts: list[list[int]], mixing: np.ndarray) -> np.ndarray:
    """A teacher whose sentence vector is a fixed non-linear function of the texts' pieces."""
    _, units = distill_static.text_vectors(true_table, distill_static.Batch(texts))
    vectors = np.tanh(units @ mixing)
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def test_gradients_match_finite_differences() -> None:
    rng = np.random.default_rng(1)
    table = rng.normal(size=(12, 4)).astype(np.float64)
    weights, bias = rng.normal(size=(4, 5)), rng.normal(size=5)
    batch = distill_static.Batch([[0, 3, 3, 7], [1, 2], [11, 0, 5]])
    goal = rng.normal(size=(3, 5))
    goal /= np.linalg.norm(goal, axis=1, keepdims=True)
    _, d_table, d_weights, d_bias = distill_static.gradients(table, weights, bias, batch, goal)
    step = 1e-6
    for array, analytic in ((table, d_table), (weights, d_weights), (bias, d_bias)):
        for index in [tuple(i) for i in np.argwhere(np.ones(array.shape, dtype=bool))][:40]:
            saved = array[index]
            array[index] = saved + step
            above = distill_static.gradients(table, weights, bias, batch, goal)[0]
            array[index] = saved - step
            below = distill_static.gradients(table, weights, bias, batch, goal)[0]
            array[index] = saved
            assert analytic[index] == pytest.approx((above - below) / (2 * step), abs=1e-6)
    # a piece no text uses gets no gradient
    assert not d_table[4].any()


def test_training_brings_unseen_texts_closer_to_the_teacher() -> None:
    rng = np.random.default_rng(0)
    vocabulary, width = 60, 8
    true_table = rng.normal(size=(vocabulary, width)).astype(np.float32)
    mixing = rng.normal(size=(width, 16)).astype(np.float32)
    learnt, unseen = random_texts(rng, 600, vocabulary), random_texts(rng, 150, vocabulary)
    start = (true_table + rng.normal(scale=1.5, size=true_table.shape)).astype(np.float32)
    table, history = distill_static.train(
        start, learnt, teacher(true_table, learnt, mixing), unseen, teacher(true_table, unseen, mixing),
        epochs=8, rate=0.01, batch_size=32, report=False)
    assert len(history) == 9
    assert max(history) > history[0] + 0.05
    assert not np.array_equal(table, start)
    # with no epoch to improve on it, the table given comes back unchanged
    same, only_start = distill_static.train(
        start, learnt, teacher(true_table, learnt, mixing), unseen, teacher(true_table, unseen, mixing),
        epochs=0, report=False)
    assert np.array_equal(same, start) and only_start == history[:1]
    # held-out texts whose teacher disagrees with the one learnt: every epoch makes them worse,
    # so the best table is the one given, not the last one trained
    worse, falling = distill_static.train(
        start, learnt, teacher(true_table, learnt, mixing), unseen, teacher(true_table, unseen, -mixing),
        epochs=3, rate=0.01, batch_size=32, report=False)
    assert falling == sorted(falling, reverse=True) and np.array_equal(worse, start)


def test_the_written_table_is_read_by_the_run_time_code(tmp_path: Path) -> None:
    packaged = StaticEmbedder()
    rng = np.random.default_rng(3)
    table = rng.normal(size=packaged.table.shape).astype(np.float32)
    distill_static.write_table(table, tmp_path)
    written = StaticEmbedder(folder=tmp_path)
    text = "Well done to Year 4 for a brilliant assembly!"
    _, expected = distill_static.text_vectors(table, distill_static.Batch([packaged.piece_ids(text)]))
    assert written.encode(text) == pytest.approx(expected[0], abs=2e-3)  # stored as float16
    assert written.table.shape == packaged.table.shape

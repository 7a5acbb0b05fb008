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


def test_hub_targets_weigh_the_judgements_beside_the_meaning() -> None:
    rng = np.random.default_rng(4)
    vectors = rng.normal(size=(30, 768)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    logits = rng.normal(loc=-3.0, scale=2.0, size=(30, 19)).astype(np.float32)
    logits[:, 5] = -4.0  # a judgement the classifier never moves on: no division by zero
    for weight in (0.0, 0.5, 1.0, 2.0):
        targets = distill_static.hub_targets(vectors, logits, weight)
        assert targets.shape == (30, 768 + 19) and np.isfinite(targets).all()
        assert np.linalg.norm(targets, axis=1) == pytest.approx(np.ones(30), abs=1e-5)
        assert not targets[:, 768 + 5].any()
        # the judgements' share of each target grows with the weight; with none, the meaning alone
        share = float(np.mean(np.linalg.norm(targets[:, 768:], axis=1) ** 2))
        if weight == 0.0:
            assert targets[:, :768] == pytest.approx(vectors, abs=1e-6) and share == 0.0
        else:
            expected = weight ** 2 * (18 / 19)  # 18 standardised columns of mean square 1, over 19
            assert share == pytest.approx(expected / (1 + expected), rel=0.25)


def test_the_hub_teacher_is_read_once_per_text_and_kept(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    texts = ["Well done to Year 4 for a brilliant assembly!", "DM me on snap, don't tell your mum x"]
    vectors, logits = distill_static.cached_hub_reading(tmp_path, texts)
    assert "2 texts to read (0 kept)" in capsys.readouterr().out
    assert vectors.shape == (2, 768) and logits.shape == (2, 19)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-4)
    # the classifier's own reading: the second text is grooming, the first is not
    from safepost.language.encoder import classifier

    grooming = classifier().labels.index("grooming")
    assert logits[1, grooming] > 0 > logits[0, grooming]
    # a third text is read alone; the first two come from the cache, in the order asked
    more = [texts[1], "Parents' evening is on Thursday.", texts[0]]
    again_vectors, again_logits = distill_static.cached_hub_reading(tmp_path, more)
    assert "1 texts to read (2 kept)" in capsys.readouterr().out
    assert np.array_equal(again_vectors[[2, 0]], vectors) and np.array_equal(again_logits[[2, 0]], logits)
    # a cache made by other readers is not mixed in
    saved = dict(np.load(tmp_path / distill_static.HUB_TEACHER_CACHE))
    saved["made_by"] = np.array("hub encoder+classifier 0000000000000000")
    np.savez(tmp_path / distill_static.HUB_TEACHER_CACHE, **saved)
    distill_static.cached_hub_reading(tmp_path, texts)
    assert "2 texts to read (0 kept)" in capsys.readouterr().out

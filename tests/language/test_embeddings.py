"""The static word embeddings: a post's vector is the average of its known word pieces."""

from __future__ import annotations

import numpy as np
import pytest

from safepost.language.embeddings import DIMENSIONS, embedder


@pytest.mark.parametrize(("with_unknown", "without"), [
    ("Teacher 🍎", "Teacher"),
    ("Sunday dinner 🍗🥔 canny day", "Sunday dinner canny day"),
    ("NUFC ⚫⚪ forever", "NUFC forever"),
    # a word written against an emoji keeps its meaning (the pair would be one unknown piece)
    ("proud🙌", "proud"),
    ("dinner🍗 canny", "dinner canny"),
    ("👨\u200d👩\u200d👧 family time", "family time"),
])
def test_pieces_the_vocabulary_does_not_know_carry_no_meaning(with_unknown: str, without: str) -> None:
    # Every emoji is the one unknown piece: averaged in, an apple would read as an aubergine.
    assert np.allclose(embedder().encode(with_unknown), embedder().encode(without))


@pytest.mark.parametrize("text", ["🍎", "🍆🍑", "", "   "])
def test_a_text_of_unknown_pieces_only_has_no_vector(text: str) -> None:
    vector = embedder().encode(text)
    assert vector.shape == (DIMENSIONS,) and not vector.any()


def test_known_words_give_unit_vectors_that_tell_texts_apart() -> None:
    teacher, dad = embedder().encode("Teacher"), embedder().encode("Dad of two")
    assert np.isclose(np.linalg.norm(teacher), 1.0) and np.isclose(np.linalg.norm(dad), 1.0)
    assert float(teacher @ dad) < 0.99
    assert embedder().unknown_id not in embedder().piece_ids("Teacher 🍎 | Dad of 2")

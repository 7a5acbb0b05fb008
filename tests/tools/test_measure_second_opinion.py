"""tools/measure_second_opinion.py: the engine's reading of safeguarding in messages with and
without the hub's second opinion, as session 18 chose its floor."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import measure_second_opinion

import safepost.language as language
from safepost.language.evaluation import load_examples

CORPUS = Path(__file__).resolve().parents[1] / "data" / "language"


def test_the_pair_finds_more_and_escalates_fewer_clean_messages_than_the_static_model_alone() -> None:
    # Held-back staff messages (batches xg and xi, never trained on), where session 18 chose the
    # floor: the pair found 191 of 201 safeguarding messages against 185, and escalated 22 of the
    # 426 clean ones against 27.
    examples = measure_second_opinion.exchanges(
        example for name in ("batch_xg.jsonl", "batch_xi.jsonl")
        for example in load_examples(CORPUS / "held_back" / name))
    alone = measure_second_opinion.read_at(examples, None)
    pair = measure_second_opinion.read_at(examples, language.SECOND_OPINION_FLOOR)
    assert (alone.safeguarding, alone.clean) == (pair.safeguarding, pair.clean) == (201, 426)
    assert pair.found >= alone.found + 4 and pair.found >= 189
    assert pair.clean_escalated <= alone.clean_escalated - 3 and pair.clean_escalated <= 24
    assert pair.clean_flagged >= pair.clean_escalated


def test_the_floor_decides_which_messages_are_asked_about() -> None:
    # The static model's guess at grooming here is about 0.155, under its own threshold: asked
    # from 0.10, the hub's model reads it as grooming; from 0.20 it is never asked.
    example = {"text": "Now you've left us for college, we can finally be friends properly. Fancy meeting "
                       "for a coffee in town Saturday?", "kind": "message", "labels": ["grooming"],
               "author": "staff"}
    assert measure_second_opinion.read_at([example], None).found == 0
    assert measure_second_opinion.read_at([example], 0.10).found == 1
    assert measure_second_opinion.read_at([example], 0.20).found == 0
    assert language.SECOND_OPINION_FLOOR == 0.10  # nothing was changed to read at another floor


def test_only_messages_and_comments_are_read() -> None:
    examples = [{"text": "a", "kind": "message"}, {"text": "b", "kind": "comment"}, {"text": "c"},
                {"text": "d", "kind": "post"}, {"text": "e", "kind": "profile"}]
    assert [example["text"] for example in measure_second_opinion.exchanges(examples)] == ["a", "b"]


def test_the_frozen_test_split_is_not_for_choosing(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="frozen test split"):
        measure_second_opinion.set_path("test.jsonl")
    with pytest.raises(SystemExit, match="no such labelled set"):
        measure_second_opinion.set_path(str(tmp_path / "missing.jsonl"))
    assert measure_second_opinion.set_path("independent_test_4.jsonl").is_file()

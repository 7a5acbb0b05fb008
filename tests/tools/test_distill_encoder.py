"""The distillation corpus (tools/distill_encoder.py): what the hub's encoder may learn from.
Built on a small corpus written here, so it tests the rules, not today's files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import distill_encoder
import train_language as trainer

LONG_TEST_TEXT = ("Mr Patel told the class that the trip is off. The coach firm went bust. "
                  "Nobody has told the parents yet and I think that is wrong of them.")


def write_jsonl(path: Path, texts: list[str]) -> None:
    path.write_text("".join(json.dumps({"text": text, "labels": []}) + "\n" for text in texts), "utf-8")


@pytest.fixture
def small_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    development = [f"Example post number {n}: sports day went well and the kids had fun. "
                   f"Thanks to the PTA for the cakes and the bunting, it was lovely." for n in range(40)]
    (tmp_path / "held_back").mkdir()
    write_jsonl(tmp_path / "train.jsonl", development[:30])
    write_jsonl(tmp_path / "dev.jsonl", development[30:])
    write_jsonl(tmp_path / "test.jsonl", [LONG_TEST_TEXT])
    # A list file that happens to hold the test text: neither it nor any variant may be learnt.
    write_jsonl(tmp_path / "held_back" / "batch_x.jsonl", [LONG_TEST_TEXT.upper(), "Batch x post."])
    (tmp_path / "innocent_lookalikes.txt").write_text("# a comment\nA blue-footed booby at the zoo.\n", "utf-8")
    (tmp_path / "innocent_exchanges.txt").write_text("See you at the INSET day.\n", "utf-8")
    (tmp_path / "unlabelled").mkdir()
    (tmp_path / "unlabelled" / "staff.txt").write_text(
        "Proper knackered after parents' evening, wine o'clock.\n\n" + LONG_TEST_TEXT.lower() + "\n", "utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "policy.txt").write_text("Staff must not share pupils' photos without consent. "
                                      "Staff must keep their accounts private at all times.", "utf-8")
    monkeypatch.setattr(trainer, "CORPUS", tmp_path)
    monkeypatch.setattr(distill_encoder, "SEEDS", seeds)
    return {"development": development}


def test_no_test_text_and_no_held_out_text_is_learnt(small_corpus: dict[str, list[str]]) -> None:
    texts, held = distill_encoder.corpus()
    fold = {text for text in small_corpus["development"]
            if trainer.fold_of({"text": text}) == distill_encoder.HELD_FOLD}
    assert set(held) == fold and held
    learnt = " ".join(texts).lower()
    # not the texts, and not a sentence run or a word-dropped copy of them either
    assert "coach firm went bust" not in learnt
    assert not set(texts) & fold
    for text in fold:  # "number N:" marks held-out post N, whole or cut
        assert text.lower().split()[3] not in learnt.split()
    assert "Batch x post." in texts and "See you at the INSET day." in texts
    assert "A blue-footed booby at the zoo." in texts and "# a comment" not in texts
    assert any("accounts private" in text for text in texts)
    assert "Proper knackered after parents' evening, wine o'clock." in texts and "" not in texts


def test_the_policies_must_be_there(small_corpus: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.setattr(distill_encoder, "SEEDS", tmp_path / "nowhere")
    with pytest.raises(SystemExit, match="policies"):
        distill_encoder.corpus()


def test_the_teacher_reads_each_text_once_across_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[list[str]] = []

    def fake_teacher(teacher: Path, texts: list[str]) -> np.ndarray:
        read.append(list(texts))
        return np.array([[len(text), text.count("a")] for text in texts], dtype=np.float32)

    monkeypatch.setattr(distill_encoder, "teacher_vectors", fake_teacher)
    first = distill_encoder.teacher_targets(Path("teacher"), tmp_path, ["one a", "two", "one a"])
    assert read == [["one a", "two"]]
    assert first.tolist() == [[5, 1], [3, 0], [5, 1]]
    assert distill_encoder.cached_teacher_vectors(tmp_path, ["two", "three"]) is None
    second = distill_encoder.teacher_targets(Path("teacher"), tmp_path, ["two", "three aa"])
    assert read[1:] == [["three aa"]]  # only the new text
    assert second.tolist() == [[3, 0], [8, 2]]
    found = distill_encoder.cached_teacher_vectors(tmp_path, ["three aa", "one a"])
    assert found is not None
    maker, cached = found
    assert cached.tolist() == [[8, 2], [5, 1]]
    assert maker == distill_encoder.made_by(Path("teacher")) and "max_tokens=" in maker
    # another teacher's vectors are never mixed in: its cache starts again
    distill_encoder.teacher_targets(Path("other-teacher"), tmp_path, ["two"])
    assert read[2:] == [["two"]]


def test_a_texts_variants_do_not_depend_on_the_other_texts(small_corpus: dict[str, list[str]]) -> None:
    later = trainer.CORPUS / "unlabelled" / "staff.txt"
    later.write_text(later.read_text("utf-8") + "Lovely trip to the farm today with the whole of Year 2. "
                     "The lambs were a hit. Back in time for tea, mostly dry.\n", "utf-8")
    before, _ = distill_encoder.corpus()
    # a new text before it in the order: with one random stream for all, its variants changed
    write_jsonl(trainer.CORPUS / "held_back" / "batch_x.jsonl",
                ["A brand new post, with enough words in it to be cut short. Twice over, in fact.",
                 "Batch x post."])
    after, _ = distill_encoder.corpus()
    farm = [text for text in before if "lambs" in text]
    assert len(farm) >= 2  # the line and at least one variant of it
    assert set(before) < set(after)


def test_without_development_texts_no_fold_is_learnt(small_corpus: dict[str, list[str]]) -> None:
    texts, held = distill_encoder.corpus(development_texts=False)
    learnt = " ".join(texts).lower().split()
    assert held and "example" not in learnt  # every development post starts "Example post"
    assert "Proper knackered after parents' evening, wine o'clock." in texts

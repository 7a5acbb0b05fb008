"""The language corpus and its frozen test split, and the measured floor on that split."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from safepost.language import LABELS
from safepost.language.evaluation import evaluate_examples, load_examples

CORPUS = Path(__file__).resolve().parents[1] / "data" / "language"


def test_test_split_is_frozen() -> None:
    body = (CORPUS / "test.jsonl").read_bytes()
    assert hashlib.sha256(body).hexdigest() == (CORPUS / "test.sha256").read_text().strip()


INDEPENDENT_SETS = ("independent_test", "independent_test_2", "independent_test_3", "independent_test_4")
# Set 4 is narrower (staff messages to pupils) and lost 29 of its 200 texts to near-copies.
SMALLEST = {"independent_test_4": 150}


@pytest.mark.parametrize("name", INDEPENDENT_SETS)
def test_an_independent_set_is_frozen_valid_and_apart_from_training(name: str) -> None:
    """independent_test.jsonl (session 10), independent_test_2.jsonl (session 11),
    independent_test_3.jsonl (session 12, many voices: texting, dialect, newsletters) and
    independent_test_4.jsonl (session 18, messages from staff to pupils, plain and grooming):
    each written from docs/language-labels.md alone by a pass that never read the corpus, the
    other sets or the models; measured and reported, never trained or tuned on. (Sets 2 to 4's
    near-copies of any other corpus text were taken out before they were frozen.)"""
    body = (CORPUS / f"{name}.jsonl").read_bytes()
    assert hashlib.sha256(body).hexdigest() == (CORPUS / f"{name}.sha256").read_text().strip()
    rows = load_examples(CORPUS / f"{name}.jsonl")
    assert len(rows) >= SMALLEST.get(name, 200)
    official_only = {"political_opinion", "commitment", "off_topic", "unprofessional_tone"}
    for row in rows:
        assert set(row["labels"]) <= set(LABELS), row
        assert row["channel"] == "official" or not set(row["labels"]) & official_only, row
    texts = {" ".join(str(row["text"]).lower().split()) for row in rows}
    seen = {" ".join(str(row["text"]).lower().split())
            for path in CORPUS.glob("*.jsonl") if path.stem not in INDEPENDENT_SETS
            for row in load_examples(path)}
    assert not texts & seen


def test_the_trainer_reads_no_independent_set() -> None:
    import sys

    sys.path.insert(0, str(CORPUS.parents[2] / "tools"))
    import train_language as trainer

    splits = trainer.split_corpus(False)
    read = {" ".join(str(row["text"]).lower().split()) for rows in splits.values() for row in rows}
    for name in INDEPENDENT_SETS:
        assert not read & {" ".join(str(row["text"]).lower().split())
                           for row in load_examples(CORPUS / f"{name}.jsonl")}


def test_corpus_is_large_and_covers_every_judgement() -> None:
    examples = [row for name in ("train", "dev", "test") for row in load_examples(CORPUS / f"{name}.jsonl")]
    assert len(load_examples(CORPUS / "train.jsonl")) > len(load_examples(CORPUS / "dev.jsonl"))
    assert len(examples) >= 1500
    for label in LABELS:
        assert sum(label in row.get("labels", []) for row in examples) >= 60, label
    assert sum(not row.get("labels") for row in examples) >= 500


def test_no_test_example_is_in_training() -> None:
    def key(row: dict[str, object]) -> str:
        return " ".join(str(row["text"]).lower().split())

    test = {key(row) for row in load_examples(CORPUS / "test.jsonl")}
    seen = {key(row) for name in ("train", "dev") for row in load_examples(CORPUS / f"{name}.jsonl")}
    assert not test & seen


def test_measured_floor_on_the_frozen_split() -> None:
    """Not the issue's targets (see the README): a guard that the shipped model does not get
    worse than what was measured when it was trained (the static model, session 8's word-piece
    table: safeguarding recall 1.000, macro F1 0.539, 9 of 103 clean posts flagged). Only the
    overall figures are shown on failure: the split is not for reading per judgement."""
    report = evaluate_examples(load_examples(CORPUS / "test.jsonl"))
    overall = (report.safeguarding_recall, report.macro_f1, report.false_alarm_rate)
    assert report.safeguarding_recall >= 0.90, overall
    assert report.macro_f1 >= 0.50, overall
    assert report.false_alarm_rate <= 0.10, overall


def test_measured_floor_of_the_second_opinion_on_messages_to_pupils() -> None:
    """The engine as it checks messages (the static model, with the hub's model asked for a
    second opinion on safeguarding) on independent set 4, staff messages to pupils: measured
    in session 18 at safeguarding recall 0.932 and 5 of 122 clean messages flagged (the static
    model alone: 0.797, 9)."""
    from safepost.language.model import SECOND_OPINION_MODEL

    report = evaluate_examples(load_examples(CORPUS / "independent_test_4.jsonl"),
                               safeguarding_model_name=SECOND_OPINION_MODEL)
    overall = (report.safeguarding_recall, report.clean_flagged, report.clean)
    assert report.safeguarding_recall >= 0.92, overall
    assert report.clean_flagged <= 6, overall


def test_measured_floor_of_the_minilm_model() -> None:
    """The hub's MiniLM model (SAFEPOST_LANGUAGE_MODEL=minilm, its encoder distilled from
    all-mpnet-base-v2 in session 7), in its own process: measured at training 0.963
    safeguarding recall, macro F1 0.593, 8 of 103 clean posts flagged."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json; from pathlib import Path; "
        "from safepost.language.evaluation import evaluate_examples, load_examples; "
        f"r = evaluate_examples(load_examples(Path({str(CORPUS / 'test.jsonl')!r}))); "
        "print(json.dumps([r.safeguarding_recall, r.macro_f1, r.false_alarm_rate]))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**os.environ, "SAFEPOST_LANGUAGE_MODEL": "minilm"})
    recall, macro_f1, false_alarms = json.loads(done.stdout.strip().splitlines()[-1])
    assert recall >= 0.90
    assert macro_f1 >= 0.55
    assert false_alarms <= 0.10


def test_no_unlabelled_text_nearly_holds_a_test_or_held_out_text() -> None:
    """The unlabelled texts are learnt by the encoders (tools/distill_encoder.py), so none may
    hold most of a frozen test text, or of a fold-0 text (the fold the encoders never learn):
    a sentence run of a longer line could otherwise be the text itself. Counts only."""
    import re
    import sys

    sys.path.insert(0, str(CORPUS.parents[2] / "tools"))
    import train_language as trainer

    def words(text: str) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z0-9']+", text.lower()))

    guarded = [words(row["text"]) for row in load_examples(CORPUS / "test.jsonl")]
    guarded += [words(row["text"]) for name in ("train", "dev") for row in load_examples(CORPUS / f"{name}.jsonl")
                if trainer.fold_of(row) == 0]
    lines = [words(line) for path in sorted((CORPUS / "unlabelled").glob("*.txt"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert len(lines) >= 4000
    near = sum(1 for line in lines for text in guarded
               if (len(text) >= 6 and len(text & line) >= 0.8 * len(text))
               or len(text & line) >= 0.6 * len(text | line))
    assert near == 0

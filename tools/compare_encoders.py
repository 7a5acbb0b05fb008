"""Compare post embeddings for the language model, out of fold, before building anything.

    .venv/bin/python tools/compare_encoders.py --write-texts /tmp/texts.json
    (embed those texts with any encoder, in order, into an (N, D) float32 .npy file)
    .venv/bin/python tools/compare_encoders.py minilm static mpnet=/tmp/mpnet.npy

Each named embedding goes beside the trainer's word features into one logistic regression per
judgement, scored on the trainer's folds (`fold_of`) and thresholds (`tune_thresholds`) over
train+dev, the test split untouched. "static" and "minilm" are the packaged encoders, computed
here one text per call as at run time; NAME=PATH reads a cached matrix. Printed per encoder:
macro F1, clean false alarms and safeguarding recall at precision 0.90 and 0.92, mean average
precision (ranking, whatever the thresholds), and macro F1 on the examples written by the
original three writers alone (part_*.jsonl: the writers the frozen test split comes from).

--held-fold K also prints macro F1 and mean average precision on fold K's examples alone: for
an encoder distilled on the development texts with fold K left out (tools/distill_encoder.py),
those are the only examples whose vectors it never learnt, so only they measure it fairly.

The figures differ slightly from the trainer's own (it keeps the 2,500 strongest word features
per judgement; this keeps all), so compare encoders here with each other, not with the README.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_language as trainer

from safepost.language import model as runtime

LABELS = list(runtime.LABELS)


def official_posts(examples: list[dict[str, Any]]) -> np.ndarray:
    return np.array([example.get("channel", "personal") == "official" for example in examples])


def out_of_fold(
    matrix: Any, truth: np.ndarray, examples: list[dict[str, Any]], strength: float,
) -> np.ndarray:
    official = official_posts(examples)
    folds = np.array([trainer.fold_of(example) for example in examples])
    scores = np.zeros(truth.shape)
    for fold in range(5):
        kept, held = np.where(folds != fold)[0], np.where(folds == fold)[0]
        for index, label in enumerate(LABELS):
            rows = kept[official[kept]] if label in runtime.OFFICIAL_ONLY else kept
            classifier = LogisticRegression(C=strength, class_weight="balanced", solver="liblinear")
            classifier.fit(matrix[rows], truth[rows, index])
            scores[held, index] = classifier.predict_proba(matrix[held])[:, 1]
    # As at run time, with the trainer's own rules (exchange-only and official-only
    # judgements, lexicon phrases).
    for row, example in zip(scores, examples, strict=True):
        by_label = dict(zip(LABELS, map(float, row), strict=True))
        trainer.apply_run_time_rules(by_label, example)
        row[:] = [by_label[label] for label in LABELS]
    return scores


def figures(scores: np.ndarray, truth: np.ndarray, examples: list[dict[str, Any]],
            precision: float, subsets: list[np.ndarray]) -> tuple[float, int, int, float, list[float]]:
    trainer.TARGET_PRECISION = precision
    thresholds = trainer.tune_thresholds([dict(zip(LABELS, map(float, row), strict=True)) for row in scores],
                                         examples)
    predicted = scores >= np.array([thresholds[label] for label in LABELS])

    def macro(rows: np.ndarray) -> float:
        f1s = []
        for index in range(len(LABELS)):
            if not truth[rows, index].any():
                continue  # as the trainer: a judgement with no example here has no F1
            hit = int((predicted[rows, index] & truth[rows, index]).sum())
            wrong = int((predicted[rows, index] & ~truth[rows, index]).sum())
            missed = int((~predicted[rows, index] & truth[rows, index]).sum())
            f1s.append(2 * hit / (2 * hit + wrong + missed) if hit else 0.0)
        return float(np.mean(f1s))

    everything = np.ones(len(examples), dtype=bool)
    clean = ~truth.any(axis=1)
    safeguarding = [LABELS.index(label) for label in runtime.SAFEGUARDING]
    recall = float((predicted[:, safeguarding] & truth[:, safeguarding]).sum() / truth[:, safeguarding].sum())
    return (macro(everything), int(predicted[clean].any(axis=1).sum()), int(clean.sum()), recall,
            [macro(rows) for rows in subsets])


def mean_average_precision(scores: np.ndarray, truth: np.ndarray, ranked: list[np.ndarray]) -> float:
    return float(np.mean([average_precision_score(truth[rows, index], scores[rows, index])
                          for index, rows in enumerate(ranked) if truth[rows, index].any()]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("encoders", nargs="*", default=["static", "minilm"],
                        help="static, minilm, or NAME=PATH to an (N, D) .npy in --write-texts order")
    parser.add_argument("--write-texts", type=Path, help="write the development texts, in order, and stop")
    parser.add_argument("--strength", type=float, default=30.0)
    parser.add_argument("--held-fold", type=int, choices=range(5),
                        help="also report on this fold alone (the one a distilled encoder never saw)")
    args = parser.parse_args()
    splits = trainer.split_corpus(False)
    # Read as the trainer reads them: titled names as the stand-in.
    examples = [trainer.as_the_check_reads(example) for example in splits["train"] + splits["dev"]]
    texts = [example["text"] for example in examples]
    if args.write_texts:
        args.write_texts.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        print(f"{len(texts)} texts written to {args.write_texts}")
        return
    originals = {trainer.words_key(json.loads(line)["text"])
                 for part in sorted(trainer.CORPUS.glob("part_*.jsonl"))
                 for line in part.read_text("utf-8").splitlines() if line.strip()}
    subsets = [np.array([trainer.words_key(example.get("written", example["text"])) in originals
                         for example in examples])]
    if args.held_fold is not None:
        subsets.append(np.array([trainer.fold_of(example) == args.held_fold for example in examples]))
    truth = trainer.label_matrix(examples)
    words, _names = trainer.word_matrix(texts, trainer.shared_vocabulary(examples))
    # Official-only judgements are fitted and ranked on official posts only, as in training.
    everything, official = np.ones(len(examples), dtype=bool), official_posts(examples)
    ranked = [official if label in runtime.OFFICIAL_ONLY else everything for label in LABELS]
    for spec in args.encoders:
        name, _, path = spec.partition("=")
        if path:
            dense = np.load(path)
            if dense.shape[0] != len(texts):
                raise SystemExit(f"{path}: {dense.shape[0]} rows, expected {len(texts)} (see --write-texts)")
        else:
            dense = np.stack([trainer.cached_dense_vector(name, trainer.embedding_text(text))
                              for text in texts])
        scores = out_of_fold(hstack([words, csr_matrix(dense)]).tocsr(), truth, examples, args.strength)
        mean_ap = mean_average_precision(scores, truth, ranked)
        for precision in (0.90, 0.92):
            macro, alarms, clean, recall, on_subsets = figures(scores, truth, examples, precision, subsets)
            line = (f"{name:<12} precision {precision:.2f}: macro F1 {macro:.3f}, clean false alarms "
                    f"{alarms}/{clean}, safeguarding recall {recall:.3f}, mean AP {mean_ap:.3f}, "
                    f"macro F1 on the original writers' examples {on_subsets[0]:.3f}")
            if args.held_fold is not None:
                held = subsets[1]
                held_ap = mean_average_precision(scores, truth, [rows & held for rows in ranked])
                line += f"; fold {args.held_fold} alone: macro F1 {on_subsets[1]:.3f}, mean AP {held_ap:.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()

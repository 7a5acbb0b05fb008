"""Train the language model from the labelled corpus and write it into the package.

    .venv/bin/python tools/train_language.py            # split (first time), train, tune, report
    .venv/bin/python tools/train_language.py --freeze   # first run only: freeze the test split

The corpus is tests/data/language/part_*.jsonl (written by hand; see docs/language-labels.md),
plus train_*.jsonl: examples added after the test split was frozen, used for training only.
Each text goes to train (70%), dev (15%) or test (15%) by a hash of its words, so the split
never depends on file order. The test split is frozen by its SHA-256 in test.sha256: tuning
reads only train and dev, and this script refuses to run if test.jsonl changed.

Method: one logistic regression per judgement (scikit-learn, at training time only) over
binary word, word-pair and four-letter features, L2-normalised; the strongest features are
kept, and each judgement's threshold is tuned on out-of-fold scores over train+dev with the
scorer that ships, lexicon included (ordinary judgements: the lowest threshold reaching
--precision; safeguarding judgements: the highest threshold that keeps recall at or above 0.97,
else the best F2).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, diags, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from safepost.language import judgement_read, lexicon_hits  # noqa: E402
from safepost.language import model as runtime  # noqa: E402
from safepost.language.evaluation import evaluate_examples, load_examples, render, titled_name_spans  # noqa: E402
from safepost.language.features import feature_names  # noqa: E402
from safepost.language.stand_ins import with_stand_ins, without_stand_in_words  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "language"
MODEL_OUT = ROOT / "src" / "safepost" / "language" / "model.json"
CLASSIFIER_FOLDER = ROOT / "src" / "safepost" / "language" / "encoder"
KEEP_FEATURES_PER_LABEL = 2500
EXAMPLES_PER_LABEL = 40
SAFEGUARDING_RECALL = 0.97
TARGET_PRECISION = 0.90
CLEAN_FALSE_ALARMS = 0.03
OFF = 1.01  # a judgement's threshold when it never reached the precision target: above any score
# The thresholds tried. Scores crowd towards 1 for the broad judgements: a finer top end finds
# a precise band where there is one.
THRESHOLD_STEPS = [step / 100 for step in range(15, 100)] + [0.995, 0.998, 0.999]
# The judgements about negative words, which the corpus often gives together ("insulting a
# named parent in public: negative_school + harassment + argue_with_parent"). Under the
# `related` policy, one of them raised on a post that carries another is not counted against
# its precision: the post is a breach either way, and staff see it as one, not a false alarm.
NEGATIVE_FAMILY = frozenset({
    "negative_school", "argue_with_parent", "gossip", "grievance", "harassment", "unprofessional_tone",
})
USE_EMBEDDINGS = True
ENCODER = "static"  # the post embedding: "static" (model2vec), "minilm" (contextual ONNX) or "both"
# The post embedding's scale beside the L2-normalised word features (--dense-scale): at 0.5
# its weights are regularised four times as hard as at 1.0. Session 13, out of fold, with emoji
# no longer read as the unknown piece: the engine's model at 1.0 chose C = 100, macro F1 0.716,
# 146 clean false alarms, safeguarding recall 0.916; at 0.5 C = 300, 0.720 / 130 / 0.913 (2.0
# and 0.25 were worse: 0.702 / 137 / 0.899, 0.684 / 151 / 0.921); at 1.0 the embedding alone
# gave a welcome post (+9 of its log-odds) the negative-about-the-school judgement. The hub's
# model, whose fine-tuned reader carries half of each score, keeps 1.0: 0.772 / 153 / 0.971
# against 0.775 / 164 / 0.971 at 0.5. C is tried at 30, 100 and 300 (--strength): at 1000 the
# ordinary judgements' rule still chose 300, and the safeguarding judgements' would have moved
# to 1000 on a near tie (7 fewer clean posts flagged, recall 0.913 -> 0.905).
DENSE_SCALE = 0.5
OFFICIAL_FIT = True  # and fitted on official posts only
# The stand-in name's words give no feature and no part of the embedding (session 11): the
# stand-in, in 7% of the examples once titled names are read as it, would otherwise learn the
# meaning of the posts that name someone ("Mrs Smith, you were told...").
WITHOUT_STAND_IN = True
# The nearest-examples reader (session 11): each post's score is also the similarity-weighted
# share of its 15 nearest labelled examples (post embeddings, cosine to the 4th power) that
# carry the judgement, a fifth of the final score. Chosen out of fold: at weights 0.2-0.3 and
# k 10-40 macro F1 rose by 0.03-0.04 for about as many clean false alarms; 0.2 held them level.
# A post's word features are scaled by 1/sqrt(their number), but at most by 1/sqrt(this): see
# LanguageModel.feature_norm_floor (--feature-norm-floor; 1: plain L2 normalisation). 16 since
# session 17, so that retraining keeps what the shipped model file sets by hand.
FEATURE_NORM_FLOOR = 16
NEIGHBOUR_K = 15
NEIGHBOUR_POWER = 4.0


def words_key(text: str) -> str:
    """A text's words, lower case, single spaces: how examples are told apart and hashed."""
    return " ".join(text.lower().split())


def bucket(text: str) -> int:
    return int(hashlib.sha256(words_key(text).encode("utf-8")).hexdigest(), 16) % 100


def split_corpus(freeze: bool) -> dict[str, list[dict[str, Any]]]:
    seen: set[str] = set()
    splits: dict[str, list[dict[str, Any]]] = {"train": [], "dev": [], "test": []}
    for part in sorted(CORPUS.glob("part_*.jsonl")):
        for number, line in enumerate(part.read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            example = json.loads(line)
            unknown = set(example.get("labels", [])) - set(runtime.LABELS)
            if unknown:
                raise SystemExit(f"{part.name} line {number}: labels: unknown {sorted(unknown)}")
            key = words_key(example["text"])
            if key in seen:
                continue
            seen.add(key)
            share = bucket(example["text"])
            splits["train" if share < 70 else "dev" if share < 85 else "test"].append(example)
    # Later additions (train_*.jsonl) are for training only: they never enter dev or test,
    # so the frozen test split stays what it was.
    for extra in sorted(CORPUS.glob("train_*.jsonl")):
        for number, line in enumerate(extra.read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            example = json.loads(line)
            unknown = set(example.get("labels", [])) - set(runtime.LABELS)
            if unknown:
                raise SystemExit(f"{extra.name} line {number}: labels: unknown {sorted(unknown)}")
            key = words_key(example["text"])
            if key not in seen:
                seen.add(key)
                splits["train"].append(example)
    test_file, stamp = CORPUS / "test.jsonl", CORPUS / "test.sha256"
    body = "".join(json.dumps(example, ensure_ascii=False) + "\n" for example in splits["test"])
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    if stamp.exists() and not freeze:
        if stamp.read_text().strip() != digest:
            raise SystemExit("the frozen test split would change: the corpus parts changed. "
                             "Add new examples in a new part file only after a new --freeze, "
                             "and say so in the README.")
    else:
        test_file.write_text(body, encoding="utf-8")
        stamp.write_text(digest + "\n", encoding="utf-8")
    for name in ("train", "dev"):
        (CORPUS / f"{name}.jsonl").write_text(
            "".join(json.dumps(example, ensure_ascii=False) + "\n" for example in splits[name]),
            encoding="utf-8",
        )
    return splits


def read_features(text: str) -> list[str]:
    """A text's features as the trained model will read them (runtime LanguageModel.score)."""
    return feature_names(text, without_stand_in=WITHOUT_STAND_IN)


def embedding_text(text: str) -> str:
    """The words the post embedding reads, as the trained model will (LanguageModel.score)."""
    return without_stand_in_words(text) if WITHOUT_STAND_IN else text


def shared_vocabulary(examples: list[dict[str, Any]]) -> list[str]:
    """Features seen in at least two texts of the development data (no labels involved)."""
    vectorizer = TfidfVectorizer(analyzer=read_features, binary=True, use_idf=False, min_df=2)
    vectorizer.fit([example["text"] for example in examples])
    return [str(name) for name in vectorizer.get_feature_names_out()]


_EMBEDDINGS: dict[tuple[str, str], np.ndarray] = {}
_runtime_dense_vector = runtime.dense_vector


def _vectors(encoder: str, texts: list[str]) -> None:
    """Fill the cache for these texts, one text at a time as at run time (int8 activations
    are quantized per call, so a batch would give slightly different vectors)."""
    missing = list(dict.fromkeys(text for text in texts if (encoder, text) not in _EMBEDDINGS))
    if not missing:
        return
    if encoder == "both":
        _vectors("static", missing)
        _vectors("minilm", missing)
        for text in missing:
            _EMBEDDINGS[(encoder, text)] = np.concatenate(
                [_EMBEDDINGS[("static", text)], _EMBEDDINGS[("minilm", text)]])
    else:
        for text in missing:
            _EMBEDDINGS[(encoder, text)] = _runtime_dense_vector(encoder, text)


def cached_dense_vector(encoder: str, text: str) -> np.ndarray:
    _vectors(encoder, [text])
    return _EMBEDDINGS[(encoder, text)]


def use_cached_embeddings() -> None:
    """Out-of-fold scoring uses the shipped scorer: let it read the cached embeddings (each text
    is embedded once, not once per fold). Done by main(), not on import, so that importing this
    module (compare_encoders, tests) leaves the run-time scorer as it ships."""
    runtime.dense_vector = cached_dense_vector


def embed(texts: list[str]) -> np.ndarray:
    _vectors(ENCODER, texts)
    return np.stack([_EMBEDDINGS[(ENCODER, text)] for text in texts])


def scaled_rows(matrix: Any) -> Any:
    """Binary feature rows scaled as the run time scales them (LanguageModel.score): by
    1/sqrt(the row's features), at most 1/sqrt(FEATURE_NORM_FLOOR)."""
    counts = np.asarray(matrix.getnnz(axis=1), dtype=np.float64)
    return diags(1.0 / np.sqrt(np.maximum(counts, FEATURE_NORM_FLOOR))) @ matrix


def word_matrix(texts: list[str], vocabulary: list[str]) -> tuple[Any, list[str]]:
    """The texts' word features as the run time weighs them (binary, scaled_rows), and the
    features' names in column order: the trainer's and compare_encoders.py's one reading."""
    vectorizer = TfidfVectorizer(analyzer=read_features, binary=True, use_idf=False, norm=None,
                                 vocabulary=vocabulary)
    matrix = scaled_rows(vectorizer.fit_transform(texts)).tocsr()
    return matrix, [str(name) for name in vectorizer.get_feature_names_out()]


def fit(examples: list[dict[str, Any]], strength: float, vocabulary: list[str]) -> dict[str, Any]:
    matrix, names = word_matrix([example["text"] for example in examples], vocabulary)
    if USE_EMBEDDINGS:
        dense = csr_matrix(embed([embedding_text(example["text"]) for example in examples]) * DENSE_SCALE)
        matrix = hstack([matrix, dense]).tocsr()
    dense_rows: list[list[float]] = []
    intercepts, weights = [], {}
    for index, label in enumerate(runtime.LABELS):
        target = np.array([label in example.get("labels", []) for example in examples])
        rows = np.arange(len(examples))
        if OFFICIAL_FIT and label in runtime.OFFICIAL_ONLY:
            # Personal posts are not labelled for official-only judgements ("selling my car"
            # is clean on a personal account, off topic on the school's): fit on official ones.
            rows = np.array([i for i, example in enumerate(examples)
                             if example.get("channel", "personal") == "official"])
        if target.sum() == 0:
            intercepts.append(-10.0)
            if USE_EMBEDDINGS:
                dense_rows.append([0.0] * (matrix.shape[1] - len(names)))
            continue
        classifier = LogisticRegression(C=strength, class_weight="balanced", solver="liblinear")
        classifier.fit(matrix[rows], target[rows])
        coefficients = classifier.coef_[0]
        if USE_EMBEDDINGS:
            dense_rows.append([round(float(v), 5) for v in coefficients[len(names):]])
            coefficients = coefficients[:len(names)]
        strongest = np.argsort(-np.abs(coefficients))[:KEEP_FEATURES_PER_LABEL]
        for feature_index in strongest:
            value = float(coefficients[feature_index])
            if abs(value) > 1e-3:
                weights.setdefault(str(names[feature_index]), []).append([index, round(value, 4)])
        intercepts.append(round(float(classifier.intercept_[0]), 4))
    examples_by_label: dict[str, list[str]] = {}
    for example in examples:
        for label in example.get("labels", []):
            bucket_list = examples_by_label.setdefault(label, [])
            if len(bucket_list) < EXAMPLES_PER_LABEL:
                bucket_list.append(example["text"])
    extra = ({"dense": {"scale": DENSE_SCALE, "weights": dense_rows,
                        **({"encoder": ENCODER} if ENCODER != "static" else {})}}
             if USE_EMBEDDINGS else {})
    return {
        **extra,
        "version": "1", "labels": list(runtime.LABELS), "intercepts": intercepts,
        **({"without_stand_in": True} if WITHOUT_STAND_IN else {}),
        **({"feature_norm_floor": FEATURE_NORM_FLOOR} if FEATURE_NORM_FLOOR > 1 else {}),
        "thresholds": {label: 0.5 for label in runtime.LABELS},
        "vocabulary": sorted(str(name) for name in names), "weights": weights,
        "examples": examples_by_label,
    }


def fold_of(example: dict[str, Any], folds: int = 5) -> int:
    """An example's fold, from a hash of its words as written rather than its position: adding
    a batch of examples leaves every earlier example in the same fold, so before/after figures
    compare."""
    written = example.get("written", example["text"])
    return int(hashlib.md5(words_key(written).encode("utf-8")).hexdigest(), 16) % folds


def examples_digest(examples: list[dict[str, Any]]) -> str:
    """Which examples, in which order (their words as written): finetune_language.py writes it
    beside its out-of-fold scores, and --classifier-scores refuses scores made for other rows
    (a corpus changed since, with the same number of examples, would otherwise misalign)."""
    keys = "\n".join(words_key(example.get("written", example["text"])) for example in examples)
    return hashlib.sha256(keys.encode("utf-8")).hexdigest()


def scores_digest_path(scores: Path) -> Path:
    return scores.with_name(scores.name + ".examples.sha256")


def as_the_check_reads(example: dict[str, Any]) -> dict[str, Any]:
    """The example with its titled names ("Mr Quinn") replaced by the stand-in, as the check
    replaces them before the model reads a post, so the model never learns a name; the words as
    written are kept under "written" (the fold follows them)."""
    spans = titled_name_spans(example["text"])
    if not spans:
        return example
    return {**example, "text": with_stand_ins(example["text"], spans).text, "written": example["text"]}


def out_of_fold_scores(
    examples: list[dict[str, Any]], strength: float, folds: int = 5,
) -> tuple[list[dict[str, float]], list[dict[str, Any]]]:
    """Each example scored by a model that never saw it (k-fold), with the shipped scorer;
    and the fold models themselves."""
    vocabulary = shared_vocabulary(examples)
    scores: list[dict[str, float]] = [{} for _ in examples]
    models = []
    example_folds = [fold_of(example, folds) for example in examples]
    for fold in range(folds):
        held = [index for index in range(len(examples)) if example_folds[index] == fold]
        kept = [examples[index] for index in range(len(examples)) if example_folds[index] != fold]
        fold_json = fit(kept, strength, vocabulary)
        models.append(fold_json)
        model = runtime.LanguageModel.from_json(fold_json)
        for index in held:
            scores[index] = {j.label: j.score for j in model.score(examples[index]["text"], floor=0.0)}
            apply_run_time_rules(scores[index], examples[index])
    return scores, models


def apply_run_time_rules(scores: dict[str, float], example: dict[str, Any]) -> None:
    """Make one example's model scores what the check would act on, in place: the judgements
    the check does not read for this kind, channel and author are zeroed, and a lexicon
    phrase decides its judgement whatever the model says (so a safeguarding threshold may
    rise where the lexicon catches the model's misses)."""
    where = {"kind": example.get("kind", "post"), "channel": example.get("channel", "personal"),
             "author": example.get("author")}
    for label in scores:
        if not judgement_read(label, source="model", **where):
            scores[label] = 0.0
    for hit in lexicon_hits(example["text"], where["kind"]):
        if judgement_read(hit.label, source="lexicon", **where):
            scores[hit.label] = OFF  # counts even for a judgement the model has off


def with_second_reader(scores: list[dict[str, float]], probabilities: np.ndarray,
                       examples: list[dict[str, Any]], weight: float) -> list[dict[str, float]]:
    """Out-of-fold scores as the shipped model gives them when a second reader (the fine-tuned
    classifier, or the nearest labelled examples) is read beside it: (1 - weight) x the linear
    model's + weight x the reader's score (`probabilities`: out of fold on the same folds:
    tools/finetune_language.py --scores, out_of_fold_neighbours), then the run-time rules
    again (a lexicon phrase still decides; an unread judgement stays 0). A row of NaN: the
    reader has nothing to say of that example (no post vector), and the linear score stands."""
    mixed = []
    for score, row in zip(scores, probabilities, strict=True):
        linear = np.array([score[label] for label in runtime.LABELS], dtype=np.float64)
        if np.isnan(row).any():
            mixed.append(linear)
        else:
            mixed.append((1.0 - weight) * linear + weight * row.astype(np.float64))
    return rule_read(mixed, examples)


def rule_read(rows: Any, examples: list[dict[str, Any]]) -> list[dict[str, float]]:
    """Scores (one row per example, in LABELS order) as the check acts on them: the run-time
    rules applied, lexicon included."""
    scores = []
    for row, example in zip(rows, examples, strict=True):
        score = {label: float(row[index]) for index, label in enumerate(runtime.LABELS)}
        apply_run_time_rules(score, example)
        scores.append(score)
    return scores


def post_vectors(examples: list[dict[str, Any]]) -> np.ndarray:
    """Each example's post embedding as the model reads it, unit length: the nearest-examples
    reader's points."""
    vectors = embed([embedding_text(example["text"]) for example in examples]).astype(np.float64)
    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(lengths > 0, lengths, 1.0)


def label_matrix(examples: list[dict[str, Any]]) -> np.ndarray:
    """Which judgements each example carries (examples x LABELS, booleans)."""
    return np.array([[label in example.get("labels", []) for label in runtime.LABELS]
                     for example in examples], dtype=bool)


def out_of_fold_neighbours(examples: list[dict[str, Any]], folds: int = 5) -> np.ndarray:
    """Each example's nearest-examples scores from the other folds' examples only, with the
    shipped reader (runtime.Neighbours), so the thresholds are tuned on what ships."""
    vectors, labels = post_vectors(examples), label_matrix(examples).astype(np.float64)
    example_folds = np.array([fold_of(example, folds) for example in examples])
    scores = np.zeros_like(labels)
    for fold in range(folds):
        kept = np.where(example_folds != fold)[0]
        reader = runtime.Neighbours(k=NEIGHBOUR_K, power=NEIGHBOUR_POWER, weight=0.0,
                                    vectors=vectors[kept], labels=labels[kept])
        for index in np.where(example_folds == fold)[0]:
            # A post with no vector (emoji alone) has no neighbours: as at run time, no vote.
            scores[index] = reader.scores(vectors[index])[0] if vectors[index].any() else np.nan
    return scores


def average(models: list[dict[str, Any]]) -> dict[str, Any]:
    """One linear model whose score is the mean of the fold models' scores (a linear model's
    average is exact for the logits), so thresholds tuned out-of-fold fit what ships.
    All folds share one vocabulary, so the averaged model normalises exactly as they do."""
    count = len(models)
    weights: dict[str, dict[int, float]] = {}
    for model in models:
        for feature, entries in model["weights"].items():
            slot = weights.setdefault(feature, {})
            for index, value in entries:
                slot[index] = slot.get(index, 0.0) + value / count
    merged = dict(models[0])
    if "dense" in models[0]:
        rows = np.mean([np.asarray(model["dense"]["weights"]) for model in models], axis=0)
        merged["dense"] = {**models[0]["dense"],
                           "weights": [[round(float(v), 5) for v in row] for row in rows]}
    merged["intercepts"] = [round(sum(m["intercepts"][i] for m in models) / count, 4)
                            for i in range(len(runtime.LABELS))]
    merged["weights"] = {feature: [[index, round(value, 4)] for index, value in sorted(slot.items())]
                         for feature, slot in weights.items() if any(abs(v) > 1e-3 for v in slot.values())}
    examples: dict[str, list[str]] = {}
    for model in models:
        for label, texts in model["examples"].items():
            bucket_list = examples.setdefault(label, [])
            bucket_list.extend(text for text in texts if text not in bucket_list)
    merged["examples"] = {label: texts[:EXAMPLES_PER_LABEL] for label, texts in examples.items()}
    return merged


def _counts(label: str, threshold: float, scores: list[dict[str, float]],
            examples: list[dict[str, Any]]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for score, example in zip(scores, examples, strict=True):
        truth = label in example.get("labels", [])
        predicted = score.get(label, 0.0) >= threshold
        tp += predicted and truth
        fp += predicted and not truth
        fn += truth and not predicted
    return tp, fp, fn


def _f_beta(label: str, threshold: float, scores: list[dict[str, float]],
            examples: list[dict[str, Any]], beta: float) -> float:
    tp, fp, fn = _counts(label, threshold, scores, examples)
    weight = beta * beta
    return (1 + weight) * tp / ((1 + weight) * tp + weight * fn + fp) if tp else 0.0


def tune_thresholds_f1(scores: list[dict[str, float]], examples: list[dict[str, Any]]) -> dict[str, float]:
    """Per judgement, the threshold with the best out-of-fold F1 (safeguarding: the best that
    keeps recall at 0.97, else the best F2); then thresholds are raised, ordinary judgements
    first, until at most 3% of clean examples raise anything. Clean examples with saturated
    scores, or with a lexicon phrase (scored OFF, above any threshold), can keep it above 3%:
    that is why the shipped policy is `precision`."""
    thresholds: dict[str, float] = {}
    candidates = [step / 100 for step in range(15, 100)]
    for label in runtime.LABELS:
        best, best_key = 0.99, (-1.0, 0.0)
        for candidate in candidates:
            tp, fp, fn = _counts(label, candidate, scores, examples)
            if tp + fn == 0:
                break
            if label in runtime.SAFEGUARDING and tp / (tp + fn) < SAFEGUARDING_RECALL:
                continue
            key = (2 * tp / (2 * tp + fp + fn) if tp else 0.0, candidate)
            if key > best_key:
                best, best_key = candidate, key
        if label in runtime.SAFEGUARDING and best_key[0] < 0:
            # Recall 0.97 is out of reach: weigh recall four times precision (F2) instead.
            best = max(candidates, key=lambda c: _f_beta(label, c, scores, examples, 2.0))
        thresholds[label] = best
    clean = [index for index, example in enumerate(examples) if not example.get("labels")]
    for _ in range(400):
        alarms: dict[str, int] = {}
        flagged = 0
        for index in clean:
            hit = [label for label, value in scores[index].items() if value >= thresholds[label]]
            flagged += bool(hit)
            for label in hit:
                alarms[label] = alarms.get(label, 0) + 1
        if not clean or flagged / len(clean) <= CLEAN_FALSE_ALARMS:
            break
        ordinary = [label for label in alarms
                    if label not in runtime.SAFEGUARDING and thresholds[label] < 0.99]
        # Safeguarding thresholds are raised only when no ordinary judgement is left to raise.
        pool = ordinary or [label for label in alarms if thresholds[label] < 0.99]
        if not pool:
            break
        worst = max(pool, key=lambda label: alarms[label])
        thresholds[worst] = round(min(0.99, thresholds[worst] + 0.01), 2)
    return thresholds


def tune_thresholds(scores: list[dict[str, float]], examples: list[dict[str, Any]],
                    related: bool = False) -> dict[str, float]:
    """Per judgement, from out-of-fold scores. False alarms teach staff to ignore the tool, so
    ordinary judgements take the lowest threshold whose precision reaches 0.90 (if none does,
    they are off: OFF, above any score). Safeguarding judgements escalate to the DSL and a miss
    hurts a child: they take the highest threshold that keeps recall at 0.97 or more.
    `related`: for the NEGATIVE_FAMILY judgements, precision does not count a post that
    carries another of them as a false alarm."""
    thresholds: dict[str, float] = {}
    candidates = THRESHOLD_STEPS
    for label in runtime.LABELS:
        chosen = 0.99
        if label in runtime.SAFEGUARDING:
            # The highest threshold that keeps recall at the target; if none does, the one
            # with the best F2 (recall weighed four times precision).
            chosen = max(candidates, key=lambda c: _f_beta(label, c, scores, examples, 2.0))
            for candidate in candidates:
                tp, fp, fn = _counts(label, candidate, scores, examples)
                if tp + fn and tp / (tp + fn) >= SAFEGUARDING_RECALL:
                    chosen = candidate
        else:
            # Never reached the precision target: off. (0.99 was "effectively off" before, but
            # saturated scores still passed it, at a precision below the target.)
            chosen = OFF
            own_scores, own_examples = scores, examples
            if related and label in NEGATIVE_FAMILY:
                siblings = NEGATIVE_FAMILY - {label}
                kept = [i for i, example in enumerate(examples)
                        if label in example.get("labels", [])
                        or not siblings & set(example.get("labels", []))]
                own_scores, own_examples = [scores[i] for i in kept], [examples[i] for i in kept]
            for candidate in candidates:
                tp, fp, fn = _counts(label, candidate, own_scores, own_examples)
                if tp >= 5 and tp / (tp + fp) >= TARGET_PRECISION:
                    chosen = candidate
                    break
        thresholds[label] = chosen
    return thresholds


def tune_thresholds_related(
    scores: list[dict[str, float]], examples: list[dict[str, Any]],
) -> dict[str, float]:
    """The `related` policy: precision as `tune_thresholds`, not counting a negative judgement
    raised on a post with another negative judgement against it; then no more clean posts
    flagged than the plain precision policy flags: ordinary thresholds are raised, each step
    the one that costs the least macro F1 for each clean false alarm it removes."""
    budget = oof_figures(scores, examples, tune_thresholds(scores, examples)).clean_false_alarms
    return hold_clean_false_alarms(tune_thresholds(scores, examples, related=True), scores, examples, budget)


def hold_clean_false_alarms(thresholds: dict[str, float], scores: list[dict[str, float]],
                            examples: list[dict[str, Any]], budget: int) -> dict[str, float]:
    """Raise ordinary (not safeguarding) thresholds until at most `budget` clean examples are
    flagged, each step the raise with the least macro F1 lost per clean false alarm removed."""
    labels = list(runtime.LABELS)
    truth = label_matrix(examples)
    given = np.array([[score.get(label, 0.0) for label in labels] for score in scores])
    clean = ~truth.any(axis=1)
    steps = [*THRESHOLD_STEPS, OFF]

    def measure(chosen: dict[str, float]) -> tuple[float, int]:
        flagged = given >= np.array([chosen[label] for label in labels])
        tp, fp, fn = ((flagged & truth).sum(0), (flagged & ~truth).sum(0), (~flagged & truth).sum(0))
        present = tp + fn > 0
        f1 = np.where(tp > 0, 2 * tp / np.maximum(1, 2 * tp + fp + fn), 0.0)
        return float(f1[present].mean()), int((flagged.any(axis=1) & clean).sum())

    chosen = dict(thresholds)
    macro, alarms = measure(chosen)
    while alarms > budget:
        best: tuple[float, str, float, float, int] | None = None
        for label in labels:
            if label in runtime.SAFEGUARDING:
                continue
            for step in [value for value in steps if value > chosen[label]]:
                trial_macro, trial_alarms = measure({**chosen, label: step})
                if trial_alarms < alarms:
                    cost = (macro - trial_macro) / (alarms - trial_alarms)
                    if best is None or cost < best[0]:
                        best = (cost, label, step, trial_macro, trial_alarms)
        if best is None:
            # A clean example flagged by two judgements cannot be cleared by raising one.
            print(f"clean false alarms held at {alarms}, above the budget of {budget}: no single "
                  "raise removes one")
            break
        _, label, step, macro, alarms = best
        chosen[label] = step
    return chosen


def oof_table(scores: list[dict[str, float]], examples: list[dict[str, Any]],
              thresholds: dict[str, float]) -> str:
    """Out-of-fold precision, recall and F1 per judgement at the tuned thresholds."""
    lines = [f"{'judgement':22} {'thr':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for label in runtime.LABELS:
        tp, fp, fn = _counts(label, thresholds[label], scores, examples)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        lines.append(f"{label:22} {thresholds[label]:5.3f} {tp:4} {fp:4} {fn:4} "
                     f"{precision:6.3f} {recall:6.3f} {f1:6.3f}")
    return "\n".join(lines)


@dataclass(frozen=True)
class OutOfFoldFigures:
    macro_f1: float
    clean_false_alarms: int
    clean: int
    safeguarding_caught: int
    safeguarding_labels: int
    safeguarding_false_alarms: int  # clean examples a safeguarding judgement flags

    def __str__(self) -> str:
        return (f"out-of-fold macro F1 {self.macro_f1:.3f}, clean false alarms "
                f"{self.clean_false_alarms}/{self.clean}, safeguarding recall "
                f"{self.safeguarding_caught / max(1, self.safeguarding_labels):.3f} "
                f"({self.safeguarding_false_alarms} clean flagged by a safeguarding judgement)")


def oof_figures(scores: list[dict[str, float]], examples: list[dict[str, Any]],
                thresholds: dict[str, float]) -> OutOfFoldFigures:
    f1s = []
    for label in runtime.LABELS:
        tp, fp, fn = _counts(label, thresholds[label], scores, examples)
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    clean = [i for i, example in enumerate(examples) if not example.get("labels")]
    caught = labelled = 0
    for label in runtime.SAFEGUARDING:
        tp, _, fn = _counts(label, thresholds[label], scores, examples)
        caught, labelled = caught + tp, labelled + tp + fn
    return OutOfFoldFigures(
        macro_f1=sum(f1s) / max(1, len(f1s)),
        clean_false_alarms=sum(1 for i in clean if any(v >= thresholds[k] for k, v in scores[i].items())),
        clean=len(clean), safeguarding_caught=caught, safeguarding_labels=labelled,
        safeguarding_false_alarms=sum(1 for i in clean if any(
            scores[i].get(label, 0.0) >= thresholds[label] for label in runtime.SAFEGUARDING)))


@dataclass(frozen=True)
class StrengthTried:
    strength: float
    figures: OutOfFoldFigures
    thresholds: dict[str, float] = field(default_factory=dict)
    fold_models: list[dict[str, Any]] = field(default_factory=list)
    scores: list[dict[str, float]] = field(default_factory=list)  # out of fold, per example


MACRO_F1_TIE = 0.01  # out-of-fold macro F1 differences this small are noise between C values


def choose_strength(tried: list[StrengthTried]) -> StrengthTried:
    """The regularisation to ship. Macro F1 first; among those within MACRO_F1_TIE of the best,
    the most safeguarding labels caught less clean posts flagged (a safeguarding label caught
    and a clean post flagged weigh the same here; the safeguarding thresholds already put
    recall first), then macro F1. Written in session 7 after seeing two runs: the distilled MiniLM model chose
    C = 100 by 0.004 macro F1 while catching 16 fewer safeguarding labels for 6 fewer false
    alarms; a recall-only tie-break then moved the static model to C = 10, 20 more caught for
    28 more false alarms. Sessions 5 and 6 also saw near ties decided by noise."""
    top = max(result.figures.macro_f1 for result in tried)
    near = [result for result in tried if result.figures.macro_f1 >= top - MACRO_F1_TIE]
    def net(result: StrengthTried) -> tuple[int, float]:
        figures = result.figures
        return figures.safeguarding_caught - figures.clean_false_alarms, figures.macro_f1

    return max(near, key=net)


def choose_safeguarding_strength(tried: list[StrengthTried]) -> StrengthTried:
    """The regularisation for the judgements that escalate to the DSL, chosen apart from the
    ordinary ones' (each judgement is its own regression): the most safeguarding labels caught
    less clean posts they flag, then fewer clean posts flagged. Written in session 8 after
    seeing the static model retrained on its new word-piece table: macro F1 chose C = 100,
    which caught 6 fewer of fold 0's 105 safeguarding labels than C = 10 (the fold whose
    texts the table never learnt)."""
    def net(result: StrengthTried) -> tuple[int, int]:
        flagged = result.figures.safeguarding_false_alarms
        return result.figures.safeguarding_caught - flagged, -flagged

    return max(tried, key=net)


def combine_judgements(ordinary: dict[str, Any], safeguarding: dict[str, Any]) -> dict[str, Any]:
    """One fold model with the safeguarding judgements' intercepts and weights from
    `safeguarding` and every other judgement's from `ordinary` (both fitted on the same
    vocabulary and examples)."""
    chosen = {runtime.LABELS.index(label) for label in runtime.SAFEGUARDING}

    def source(index: int) -> dict[str, Any]:
        return safeguarding if index in chosen else ordinary

    combined = dict(ordinary)
    combined["intercepts"] = [source(i)["intercepts"][i] for i in range(len(runtime.LABELS))]
    if "dense" in ordinary:
        combined["dense"] = {**ordinary["dense"], "weights": [
            source(i)["dense"]["weights"][i] for i in range(len(runtime.LABELS))]}
    weights: dict[str, list[list[float]]] = {}
    for model, keep in ((ordinary, False), (safeguarding, True)):
        for feature, entries in model["weights"].items():
            picked = [entry for entry in entries if (int(entry[0]) in chosen) == keep]
            if picked:
                weights.setdefault(feature, []).extend(picked)
    combined["weights"] = {feature: sorted(entries) for feature, entries in weights.items()}
    return combined


def per_judgement(ordinary: StrengthTried, safeguarding: StrengthTried,
                  ) -> tuple[list[dict[str, float]], list[dict[str, Any]]]:
    """Out-of-fold scores and fold models with the safeguarding judgements from one C and the
    rest from the other (the thresholds are then tuned again on these scores)."""
    scores = [{label: (guard if label in runtime.SAFEGUARDING else plain)[label] for label in plain}
              for plain, guard in zip(ordinary.scores, safeguarding.scores, strict=True)]
    fold_models = [combine_judgements(plain, guard)
                   for plain, guard in zip(ordinary.fold_models, safeguarding.fold_models, strict=True)]
    return scores, fold_models


def main() -> None:
    global USE_EMBEDDINGS, ENCODER, TARGET_PRECISION, DENSE_SCALE, FEATURE_NORM_FLOOR
    parser = argparse.ArgumentParser()
    parser.add_argument("--freeze", action="store_true", help="(re)write the frozen test split")
    parser.add_argument("--strength", type=float, nargs="*", default=[30.0, 100.0, 300.0])
    parser.add_argument("--policy", choices=("f1", "precision", "related"), default="precision",
                        help="threshold policy: best F1 with a 3%% clean false-alarm cap; precision 0.90; "
                             "or related: precision not counting a negative judgement on a post with "
                             "another negative judgement, then no more clean false alarms than precision")
    parser.add_argument("--precision", type=float, default=0.90,
                        help="out-of-fold precision an ordinary judgement must reach to count (default 0.90)")
    parser.add_argument("--report-test", action="store_true",
                        help="print the frozen test split's figures (once, at the end of tuning)")
    parser.add_argument("--no-embeddings", action="store_true",
                        help="word features only (no static embeddings)")
    parser.add_argument("--encoder", choices=("static", "minilm", "both"), default="static",
                        help="post embedding beside the word features: static (model2vec), "
                             "minilm (contextual, int8 ONNX) or both")
    parser.add_argument("--table", action="store_true",
                        help="print the out-of-fold per-judgement table for each C")
    parser.add_argument("--no-write", action="store_true",
                        help="report out-of-fold figures only; leave the shipped model as it is")
    parser.add_argument("--classifier-scores", type=Path,
                        help="the fine-tuned classifier's out-of-fold probabilities (finetune_language.py "
                             "--scores, every fold), read beside the linear model; writes the hub's model")
    parser.add_argument("--neighbours", type=float, default=0.2,
                        help="the nearest-examples reader's share of each score (default 0.2; 0: none; "
                             "not with --classifier-scores)")
    parser.add_argument("--dense-scale", type=float, default=DENSE_SCALE,
                        help="the post embedding's scale beside the word features (default "
                             "%(default)s; the hub's model: 1.0)")
    parser.add_argument("--feature-norm-floor", type=int, default=FEATURE_NORM_FLOOR,
                        help="scale a post's word features by 1/sqrt(their number), at most by "
                             "1/sqrt(this) (default %(default)s; 1: plain L2 normalisation)")
    parser.add_argument("--classifier-weight", type=float, default=0.5,
                        help="the classifier's share of each score (default 0.5)")
    args = parser.parse_args()
    use_cached_embeddings()
    TARGET_PRECISION = args.precision
    if not args.dense_scale > 0:
        raise SystemExit(f"--dense-scale: {args.dense_scale} is not above 0")
    DENSE_SCALE = args.dense_scale
    if args.feature_norm_floor < 1:
        raise SystemExit(f"--feature-norm-floor: {args.feature_norm_floor} is below 1")
    FEATURE_NORM_FLOOR = args.feature_norm_floor
    USE_EMBEDDINGS = not args.no_embeddings
    ENCODER = args.encoder
    splits = split_corpus(args.freeze)
    print({name: len(rows) for name, rows in splits.items()})
    development = [as_the_check_reads(example) for example in splits["train"] + splits["dev"]]
    classifier = None
    if args.classifier_scores:
        if not (CLASSIFIER_FOLDER / "classifier.onnx").exists():
            raise SystemExit(f"{CLASSIFIER_FOLDER / 'classifier.onnx'}: missing: export the classifier first "
                             "(export_minilm_onnx.py --classifier)")
        classifier = np.load(args.classifier_scores)
        digest_file = scores_digest_path(args.classifier_scores)
        if not digest_file.exists():
            raise SystemExit(f"{digest_file}: missing: finetune_language.py writes it beside the scores, "
                             "to say which examples they are for")
        if digest_file.read_text().strip() != examples_digest(development):
            raise SystemExit(f"{args.classifier_scores}: made for other development examples than "
                             "train.jsonl + dev.jsonl now hold: run finetune_language.py again")
        if classifier.shape != (len(development), len(runtime.LABELS)):
            raise SystemExit(f"{args.classifier_scores}: shape {classifier.shape}, expected "
                             f"({len(development)}, {len(runtime.LABELS)}): one row per development example")
        if np.isnan(classifier).any():
            raise SystemExit(f"{args.classifier_scores}: some examples have no score (a run with --folds "
                             "scores only those folds): every fold is needed")
        if not 0.0 < args.classifier_weight <= 1.0:
            raise SystemExit(f"--classifier-weight: {args.classifier_weight} is not in (0, 1]")
    elif ENCODER == "minilm" and not args.no_write:
        raise SystemExit("--encoder minilm would replace the hub's model, which now reads the fine-tuned "
                         "classifier: give --classifier-scores, or --no-write to compare only")
    neighbour_weight = 0.0 if classifier is not None else args.neighbours
    if not 0.0 <= neighbour_weight < 1.0:
        raise SystemExit(f"--neighbours: {args.neighbours} is not in [0, 1)")
    neighbour_scores = out_of_fold_neighbours(development) if neighbour_weight else None
    tried: list[StrengthTried] = []
    tuner = {"f1": tune_thresholds_f1, "precision": tune_thresholds,
             "related": tune_thresholds_related}[args.policy]
    for strength in args.strength:
        scores, fold_models = out_of_fold_scores(development, strength)
        if classifier is not None:
            scores = with_second_reader(scores, classifier, development, args.classifier_weight)
        if neighbour_scores is not None:
            scores = with_second_reader(scores, neighbour_scores, development, neighbour_weight)
        thresholds = tuner(scores, development)
        figures = oof_figures(scores, development, thresholds)
        print(f"C={strength}: {figures}")
        if args.table:
            print(oof_table(scores, development, thresholds))
        tried.append(StrengthTried(strength, figures, thresholds, fold_models, scores))
    chosen = choose_strength(tried)
    guarding = choose_safeguarding_strength(tried)
    strength, thresholds, fold_models = chosen.strength, chosen.thresholds, chosen.fold_models
    if guarding.strength != chosen.strength:
        scores, fold_models = per_judgement(chosen, guarding)
        thresholds = tuner(scores, development)
        print(f"combined: {oof_figures(scores, development, thresholds)}")
    print(f"chose C={strength} (safeguarding judgements: C={guarding.strength})")
    if args.no_write:
        return
    final = average(fold_models)
    final["thresholds"] = thresholds
    final["trained_on"] = {"examples": len(development), "C": strength,
                           "C_safeguarding": guarding.strength}
    if classifier is not None:
        final["classifier"] = {"weight": args.classifier_weight}
    # Ship the weights as a numpy matrix (features x labels): it loads in a millisecond.
    features = sorted(final["weights"])
    matrix = np.zeros((len(features) + 1, len(runtime.LABELS)), dtype=np.float32)
    for row, feature in enumerate(features):
        for index, value in final["weights"][feature]:
            matrix[row, int(index)] = value
    # Two models ship: static (the engine's default) and MiniLM (the hub's default).
    # "both" was a trial only: it has no file of its own and must not replace the default.
    if ENCODER == "both":
        print("--encoder both is for out-of-fold figures only: nothing written")
        return
    # The fine-tuned classifier runs MiniLM: a model that reads it is the hub's ("minilm"),
    # whichever post vector its linear part uses; the engine's keeps the static model's speed.
    hubs = classifier is not None  # (--encoder minilm without one stopped above)
    model_out = MODEL_OUT.with_name("model_minilm.json") if hubs else MODEL_OUT
    np.save(model_out.with_name(model_out.stem + "_weights.npy"), matrix)
    neighbours_out = model_out.with_name(runtime.NEIGHBOUR_FILES["minilm" if hubs else "static"])
    texts_out = neighbours_out.with_name(neighbours_out.stem + "_texts.json")
    if neighbour_weight:
        # Every development example, as the model reads it: float16 vectors (1.6 MB), labels.
        np.savez_compressed(neighbours_out, vectors=post_vectors(development).astype(np.float16),
                            labels=label_matrix(development).astype(np.uint8))
        texts_out.write_text(json.dumps([example["text"] for example in development], ensure_ascii=False),
                             encoding="utf-8")
        final["neighbours"] = {"k": NEIGHBOUR_K, "power": NEIGHBOUR_POWER, "weight": neighbour_weight,
                               "texts": texts_out.name}
    else:
        neighbours_out.unlink(missing_ok=True)
        texts_out.unlink(missing_ok=True)
    final = {**{key: value for key, value in final.items() if key != "weights"}, "weight_features": features}
    model_out.write_text(json.dumps(final, separators=(",", ":")), encoding="utf-8")
    # The figures below are the model just written.
    os.environ["SAFEPOST_LANGUAGE_MODEL"] = "minilm" if hubs else "static"
    runtime.forget_loaded_models()
    print(f"model written to {model_out} ({model_out.stat().st_size // 1024} KB)")
    print("dev split (seen in training; optimistic):")
    print(render(evaluate_examples(load_examples(CORPUS / "dev.jsonl"))))
    if args.report_test:
        print("frozen test split:")
        print(render(evaluate_examples(load_examples(CORPUS / "test.jsonl"))))


if __name__ == "__main__":
    main()

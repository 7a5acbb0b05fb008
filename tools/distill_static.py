"""Teach the engine's static word-piece table to read posts more like all-mpnet-base-v2.

The engine's post embedding (src/safepost/language/embeddings) is the average of one fixed
128-number vector per word piece, made by model2vec from all-MiniLM-L6-v2. This tool trains
those vectors (as tokenlearn does for model2vec): a text's average vector, through a linear
map, should point where mpnet's sentence vector points. The map is thrown away; only the
table ships, the same size and format, read by the same run-time code. Plain numpy (hand
written gradients and Adam): no torch; the teacher's vectors come from distill_encoder.py's
cache (its corpus, its fold left out, its teacher), so run that tool's teacher step first:

    HF_HUB_OFFLINE=1 /tmp/ftenv/bin/python tools/distill_encoder.py --teacher TEACHER --work /tmp/d \\
        --teacher-only
    .venv/bin/python tools/distill_static.py --work /tmp/d --start M2V --out src/safepost/language/embeddings

M2V is model2vec's table (src/safepost/language/embeddings/README.md, step 1); without
--start the tool trains the packaged table, which is already trained, further.

The epoch kept is the one whose held-out cosine to the teacher (the trainer's fold
distill_encoder.HELD_FOLD, never learnt) is best; `compare_encoders.py --held-fold` then
measures the judgements on that fold.

`--teacher hub` (session 25; measured, not shipped: docs/language-history.md) needs no torch and
no cache made elsewhere: the teacher is the hub's two packaged readers, run here with
onnxruntime. A text's target is the hub encoder's sentence vector (768 numbers, itself distilled
from mpnet) beside the fine-tuned classifier's logits, each logit standardised over the corpus
and the block scaled by --logit-weight / sqrt(its width), so that with weight 1 the judgements
weigh about as much as the meaning; the whole made unit length. The table then learns which word
pieces the classifier reads as which judgement, from texts no label was written for. The three
safeguarding logits are left out unless --with-safeguarding:

    .venv/bin/python tools/distill_static.py --teacher hub --with-safeguarding \
        --no-development-texts --work /tmp/h --out /tmp/table

The classifier learnt every development example, so out-of-fold figures of a model trained on
such a table flatter it a little even with --no-development-texts; the independent sets and
held-back batches the trainer never reads are the fair measure, and for safeguarding in
messages, tools/measure_second_opinion.py (the engine pairs the static model with the hub's).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import distill_encoder

from safepost.language.embeddings import StaticEmbedder
from safepost.language.model import SAFEGUARDING

PACKAGED = Path(__file__).resolve().parent.parent / "src" / "safepost" / "language" / "embeddings"


@dataclass
class Adam:
    """Adam for one array (the same update torch's Adam makes)."""
    rate: float
    first: np.ndarray
    second: np.ndarray
    steps: int = 0

    @classmethod
    def like(cls, array: np.ndarray, rate: float) -> Adam:
        return cls(rate, np.zeros_like(array), np.zeros_like(array))

    def step(self, array: np.ndarray, gradient: np.ndarray) -> None:
        self.steps += 1
        self.first = 0.9 * self.first + 0.1 * gradient
        self.second = 0.999 * self.second + 0.001 * gradient * gradient
        corrected_first = self.first / (1 - 0.9 ** self.steps)
        corrected_second = self.second / (1 - 0.999 ** self.steps)
        array -= self.rate * corrected_first / (np.sqrt(corrected_second) + 1e-8)


class Batch:
    """Word-piece ids of several texts, flattened, with each piece's text."""

    def __init__(self, id_lists: list[list[int]]) -> None:
        self.ids = np.fromiter((i for ids in id_lists for i in ids), dtype=np.int64)
        self.owner = np.repeat(np.arange(len(id_lists)), [len(ids) for ids in id_lists])
        self.counts = np.array([len(ids) for ids in id_lists], dtype=np.float32)[:, None]


def text_vectors(table: np.ndarray, batch: Batch) -> tuple[np.ndarray, np.ndarray]:
    """Each text's mean piece vector (unnormalised) and its unit vector, as at run time."""
    means = np.zeros((len(batch.counts), table.shape[1]), dtype=table.dtype)
    np.add.at(means, batch.owner, table[batch.ids])
    means /= batch.counts
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    return means, means / np.maximum(norms, 1e-12)


def cosine_to(table: np.ndarray, weights: np.ndarray, bias: np.ndarray, batch: Batch,
              targets: np.ndarray) -> float:
    _, units = text_vectors(table, batch)
    mapped = units @ weights + bias
    mapped /= np.maximum(np.linalg.norm(mapped, axis=1, keepdims=True), 1e-12)
    return float((mapped * targets).sum(axis=1).mean())


def gradients(table: np.ndarray, weights: np.ndarray, bias: np.ndarray, batch: Batch,
              goal: np.ndarray) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    """The loss, mean(1 - cosine(mapped text vector, teacher vector)), and its gradients for
    the table, the map's weights and its bias: back through the map and both normalisations."""
    means, units = text_vectors(table, batch)
    mapped = units @ weights + bias
    mapped_norm = np.maximum(np.linalg.norm(mapped, axis=1, keepdims=True), 1e-12)
    predicted = mapped / mapped_norm
    agreement = (predicted * goal).sum(axis=1, keepdims=True)
    d_mapped = -(goal - predicted * agreement) / mapped_norm / len(goal)
    d_units = d_mapped @ weights.T
    mean_norm = np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
    d_means = (d_units - units * (d_units * units).sum(axis=1, keepdims=True)) / mean_norm
    d_table = np.zeros_like(table)
    np.add.at(d_table, batch.ids, (d_means / batch.counts)[batch.owner])
    return float((1 - agreement).mean()), d_table, units.T @ d_mapped, d_mapped.sum(axis=0)


def train(table: np.ndarray, id_lists: list[list[int]], targets: np.ndarray,
          held_ids: list[list[int]], held_targets: np.ndarray, epochs: int,
          rate: float = 0.003, batch_size: int = 64, seed: int = 0,
          report: bool = True) -> tuple[np.ndarray, list[float]]:
    """Train a copy of the table; return the best epoch's table (by held-out cosine to the
    teacher; epoch 0 is the table given) and the held-out cosine after each epoch."""
    table = table.astype(np.float32).copy()
    everything, held = Batch(id_lists), Batch(held_ids)
    weights, bias = distill_encoder.ridge_map(text_vectors(table, everything)[1], targets)
    optimisers = [Adam.like(table, rate), Adam.like(weights, 1e-3), Adam.like(bias, 1e-3)]
    history = [cosine_to(table, weights, bias, held, held_targets)]
    best = (history[0], table.copy())
    rng = np.random.default_rng(seed)
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(id_lists))
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            batch = Batch([id_lists[row] for row in rows])
            _, d_table, d_weights, d_bias = gradients(table, weights, bias, batch, targets[rows])
            for optimiser, array, gradient in zip(optimisers, (table, weights, bias),
                                                  (d_table, d_weights, d_bias), strict=True):
                optimiser.step(array, gradient)
        history.append(cosine_to(table, weights, bias, held, held_targets))
        if report:
            print(f"epoch {epoch}: held-out cosine to the teacher {history[-1]:.4f}", flush=True)
        if history[-1] > best[0]:
            best = (history[-1], table.copy())
    return best[1], history


def write_table(table: np.ndarray, out: Path) -> None:
    """The table in the packaged format (float16 safetensors), beside the packaged tokenizer."""
    from safetensors.numpy import save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file({"embeddings": table.astype(np.float16)}, str(out / "model.safetensors"))
    if (out / "tokenizer.json").resolve() != (PACKAGED / "tokenizer.json").resolve():
        shutil.copy(PACKAGED / "tokenizer.json", out / "tokenizer.json")


HUB_TEACHER_CACHE = "hub_teacher.npz"


def hub_reading(texts: list[str]) -> dict[str, np.ndarray]:
    """The hub encoder's unit vectors ("vectors", texts x 768) and the fine-tuned classifier's
    logits ("logits", texts x judgements) for these texts, one text per call as at run time."""
    from safepost.language.encoder import MiniLMClassifier, MiniLMEncoder

    reader, judge = MiniLMEncoder(), MiniLMClassifier()
    vectors, logits = [], []
    for row, text in enumerate(texts):
        vectors.append(reader.encode(text))
        logits.append(judge.logits(text))
        if row and row % 2000 == 0:
            print(f"teacher: {row} of {len(texts)} read", flush=True)
    return {"vectors": np.stack(vectors), "logits": np.stack(logits)}


def hub_teacher_made_by() -> str:
    """The packaged readers' files, by hash: a cache made by other readers starts again."""
    import hashlib
    from importlib import resources

    folder = resources.files("safepost.language.encoder")
    digest = hashlib.sha256()
    for name in ("model.onnx", "classifier.onnx", "tokenizer.json"):
        digest.update(folder.joinpath(name).read_bytes())
    return f"hub encoder+classifier {digest.hexdigest()[:16]}"


def cached_hub_reading(work: Path, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """hub_reading's vectors and logits, kept in WORK/hub_teacher.npz (distill_encoder.cached_rows;
    80 s for the 13,111 texts of the corpus without development examples, on this machine)."""
    rows = distill_encoder.cached_rows(work / HUB_TEACHER_CACHE, hub_teacher_made_by(), texts, hub_reading)
    return rows["vectors"], rows["logits"]


def hub_targets(vectors: np.ndarray, logits: np.ndarray, logit_weight: float) -> np.ndarray:
    """Unit targets: the encoder's vector beside the logits, each logit standardised over these
    texts and the whole block scaled to weigh logit_weight against the (unit) vector."""
    spread = logits.std(axis=0)
    standardised = (logits - logits.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    block = standardised * (logit_weight / np.sqrt(logits.shape[1]))
    joined = np.hstack([vectors, block]).astype(np.float32)
    norms: np.ndarray = np.linalg.norm(joined, axis=1, keepdims=True)
    result: np.ndarray = joined / np.maximum(norms, 1e-12)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True,
                        help="distill_encoder.py's --work folder (its teacher cache)")
    parser.add_argument("--out", type=Path, required=True, help="where model.safetensors goes")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--rate", type=float, default=0.003)
    parser.add_argument("--start", type=Path,
                        help="the table to start from (a folder with model.safetensors and tokenizer.json, "
                             "such as model2vec's output); default: the packaged one, already trained")
    parser.add_argument("--no-development-texts", action="store_true",
                        help="learn from no labelled development text (so no fold's texts are learnt)")
    parser.add_argument("--teacher", choices=("mpnet", "hub"), default="mpnet",
                        help="mpnet: the vectors distill_encoder.py --teacher-only cached in WORK; hub: the "
                             "packaged hub encoder's vectors beside its classifier's judgements (no torch)")
    parser.add_argument("--logit-weight", type=float, default=1.0,
                        help="with --teacher hub: how much the classifier's judgements weigh beside the "
                             "encoder's vector (default %(default)s)")
    parser.add_argument("--with-safeguarding", action="store_true",
                        help="with --teacher hub: learn the classifier's safeguarding judgements too (left "
                             "out by default, meant to keep the engine's model and the hub's second opinion "
                             "two readers; session 25 measured both ways, and neither kept its catches)")
    args = parser.parse_args()
    if not args.logit_weight >= 0:
        raise SystemExit(f"--logit-weight: {args.logit_weight} is below 0")
    texts, held = distill_encoder.corpus(development_texts=not args.no_development_texts)
    if args.teacher == "hub":
        vectors, logits = cached_hub_reading(args.work, [*texts, *held])
        if not args.with_safeguarding:
            from safepost.language.encoder import classifier

            kept = [index for index, label in enumerate(classifier().labels) if label not in SAFEGUARDING]
            logits = logits[:, kept]
        cached = hub_targets(vectors, logits, args.logit_weight)
        maker = (f"{hub_teacher_made_by()}, logit weight {args.logit_weight}, "
                 f"{logits.shape[1]} judgements")
    else:
        found = distill_encoder.cached_teacher_vectors(args.work, [*texts, *held])
        if found is None:
            flag = " --no-development-texts" if args.no_development_texts else ""
            raise SystemExit(f"{args.work}: no teacher vectors for this corpus: run distill_encoder.py "
                             f"--teacher-only{flag} first")
        maker, cached = found
    print(f"teacher vectors made by {maker}", flush=True)
    start = StaticEmbedder(folder=args.start)

    def readable(batch: list[str], vectors: np.ndarray) -> tuple[list[list[int]], np.ndarray]:
        # A text with no word pieces has no vector at run time (zeros): nothing to learn from it.
        pairs = zip(map(start.piece_ids, batch), vectors, strict=True)
        kept = [(ids, vector) for ids, vector in pairs if ids]
        return [ids for ids, _ in kept], np.stack([vector for _, vector in kept])

    learnt, targets = readable(texts, cached[:len(texts)])
    unseen, held_targets = readable(held, cached[len(texts):])
    print(f"{len(learnt)} texts to learn from, {len(unseen)} held out", flush=True)
    table, history = train(start.table, learnt, targets, unseen, held_targets,
                           args.epochs, args.rate)
    print(f"kept epoch {int(np.argmax(history))}: held-out cosine {max(history):.4f} "
          f"(the starting table: {history[0]:.4f})")
    write_table(table, args.out)
    print(f"written to {args.out / 'model.safetensors'}")


if __name__ == "__main__":
    main()

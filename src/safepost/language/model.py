"""The language model at run time: a linear model per judgement over readable features,
shipped as JSON and a numpy weight matrix inside the package (trained by
tools/train_language.py; no download, no torch). Every score comes with the words that pushed
it up and the nearest labelled examples, so a headteacher can see why."""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from safepost.language.features import Feature, extract
from safepost.language.stand_ins import without_stand_in_words

LABELS = (
    "negative_school", "argue_with_parent", "gossip", "grievance", "discrimination", "harassment",
    "threat", "sexual", "inappropriate_link", "confidential", "private_info", "incident",
    "political_opinion", "commitment", "off_topic", "unprofessional_tone", "grooming",
    "request_child_info", "disclosure",
)
OFFICIAL_ONLY = frozenset({"political_opinion", "commitment", "off_topic", "unprofessional_tone"})
SAFEGUARDING = frozenset({"grooming", "request_child_info", "disclosure"})
_WORDS = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Trigger:
    words: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class Judgement:
    label: str
    score: float
    threshold: float
    triggers: tuple[Trigger, ...]
    nearest: tuple[str, ...] = ()
    # Where the score is the mean of two readers: each one's own score, to show why.
    readers: tuple[tuple[str, float], ...] = ()
    # With the nearest-examples reader: the neighbours (example indexes, most similar first)
    # that carry this judgement, i.e. the ones that voted for it.
    voted: tuple[int, ...] = ()


@dataclass
class Neighbours:
    """The labelled examples as points in the post-embedding space, for the nearest-examples
    reader: a post's score for a judgement is the similarity-weighted share of its `k` nearest
    examples that carry it (similarity, a cosine, raised to `power` so the closest count most).
    `vectors`: one unit row per example, the embedding of its words as the model reads them;
    `labels`: which judgements each carries; `texts`: the examples themselves (read lazily,
    only to show the nearest in a finding)."""

    k: int
    power: float
    weight: float  # the share of each score that comes from this reader
    vectors: Any
    labels: Any
    texts_file: str = ""

    def scores(self, vector: Any) -> tuple[Any, Any]:
        """Each judgement's neighbour score for a unit post vector, and the neighbours (indexes,
        most similar first) with their similarities."""
        import numpy as np

        similarities = self.vectors @ vector
        count = min(self.k, len(similarities))
        nearest = np.argpartition(-similarities, count - 1)[:count]
        nearest = nearest[np.argsort(-similarities[nearest])]
        weights = np.maximum(similarities[nearest], 0.0) ** self.power
        total = float(weights.sum())
        votes = (weights @ self.labels[nearest]) / total if total > 0 else np.zeros(self.labels.shape[1])
        return votes, (nearest, similarities[nearest])


@dataclass
class LanguageModel:
    version: str
    labels: list[str]
    intercepts: list[float]
    thresholds: dict[str, float]
    weights: dict[str, list[tuple[int, float]]]
    vocabulary: frozenset[str]
    examples: dict[str, list[str]] = field(default_factory=dict)
    # Weights on the post's embedding, one row per label: the static one (language/embeddings),
    # the contextual MiniLM one (language/encoder), or both side by side (static first).
    dense: list[list[float]] | None = None
    dense_scale: float = 1.0
    dense_encoder: str = "static"
    # The share of each score that comes from the fine-tuned classifier (language/encoder,
    # MiniLMClassifier), the rest from the linear model above; 0: no classifier.
    classifier_weight: float = 0.0
    # Trained with the stand-in name's words giving no feature and no part of the embedding
    # (stand_ins.STAND_IN_WORDS), so it reads posts that way too, its fine-tuned reader
    # included; models trained before session 11 learnt from them and read them.
    without_stand_in: bool = False
    # The nearest-examples reader (session 11), read beside the linear model; None: none.
    neighbours: Neighbours | None = None
    # Word features are scaled by 1/sqrt(their number), but never by more than
    # 1/sqrt(feature_norm_floor): a post of one or two features ("😂", "Alex 🔥") would
    # otherwise weigh its one feature in full, as if it were a whole post of evidence.
    feature_norm_floor: int = 1

    @classmethod
    def from_json(
        cls, data: dict[str, Any], matrix: Any = None, neighbour_arrays: Any = None,
    ) -> LanguageModel:
        labels = list(data["labels"])
        weights: dict[str, list[tuple[int, float]]] = data.get("weights", {})
        model = cls(
            version=str(data["version"]), labels=labels,
            intercepts=[float(value) for value in data["intercepts"]],
            thresholds={label: float(value) for label, value in data["thresholds"].items()},
            weights=weights, vocabulary=frozenset(data["vocabulary"]),
            examples={label: list(texts) for label, texts in data.get("examples", {}).items()},
            dense=data.get("dense", {}).get("weights") if data.get("dense") else None,
            dense_scale=float(data.get("dense", {}).get("scale", 1.0)) if data.get("dense") else 1.0,
            dense_encoder=str(data["dense"].get("encoder", "static")) if data.get("dense") else "static",
            classifier_weight=float(data.get("classifier", {}).get("weight", 0.0)),
            without_stand_in=bool(data.get("without_stand_in", False)),
            feature_norm_floor=int(data.get("feature_norm_floor", 1)),
        )
        if data.get("neighbours"):
            if neighbour_arrays is None:
                raise ValueError("language model: it reads the nearest labelled examples, but their "
                                 "vectors and labels were not given (model_neighbours.npz)")
            if model.classifier_weight:
                raise ValueError("language model: a nearest-examples reader and a fine-tuned classifier "
                                 "together are not supported (each is mixed with the linear model alone)")
            settings = data["neighbours"]
            model.neighbours = Neighbours(
                k=int(settings["k"]), power=float(settings["power"]), weight=float(settings["weight"]),
                vectors=neighbour_arrays["vectors"].astype("float32"),
                labels=neighbour_arrays["labels"].astype("float32"),
                texts_file=str(settings.get("texts", "")),
            )
        if "weight_features" in data and matrix is not None:
            # The shipped form: feature names here, their weights in a numpy file beside.
            model.__dict__["_rows"] = (
                {feature: row for row, feature in enumerate(data["weight_features"])}, matrix,
            )
        return model

    def _matrices(self) -> tuple[dict[str, int], Any]:
        """Feature -> row, and the (features x labels) weight matrix, built once."""
        cached = self.__dict__.get("_rows")
        if cached is None:
            import numpy as np

            rows = {feature: row for row, feature in enumerate(self.weights)}
            matrix = np.zeros((len(rows) + 1, len(self.labels)), dtype=np.float32)
            for feature, row in rows.items():
                for index, value in self.weights[feature]:
                    matrix[row, int(index)] = value
            cached = (rows, matrix)
            self.__dict__["_rows"] = cached
        return cached

    def score(self, text: str, floor: float = 0.15) -> list[Judgement]:
        """Judgements scoring at least `floor` (the pack's thresholds decide which count)."""
        import numpy as np

        features = extract(text, without_stand_in=self.without_stand_in)
        present: dict[str, Feature] = {}
        for feature in features:
            if feature.name in self.vocabulary and feature.name not in present:
                present[feature.name] = feature
        if not present and self.dense is None and not self.classifier_weight:
            return []
        # What the post vector and the fine-tuned reader read: the stand-in's words blanked when
        # the model was trained that way.
        read = without_stand_in_words(text) if self.without_stand_in else text
        vector = dense_vector(self.dense_encoder, read) if self.dense is not None else None
        rows, matrix = self._matrices()
        weighted = [(rows[name], feature) for name, feature in present.items() if name in rows]
        norm = 1.0 / math.sqrt(max(len(present), self.feature_norm_floor)) if present else 0.0
        totals = np.asarray(self.intercepts, dtype=np.float32)
        if weighted:
            block = matrix[[row for row, _ in weighted]] * norm
            totals = totals + block.sum(axis=0)
        if vector is not None:
            totals = totals + self._dense_matrix() @ (vector * self.dense_scale)
        probabilities = 1.0 / (1.0 + np.exp(-totals))
        readers: list[tuple[tuple[str, float], ...]] = [()] * len(self.labels)
        nearest: Any = ()
        # A post with no vector (emoji alone) has no neighbours: the linear score stands
        # rather than being diluted by a reader with nothing to say.
        if self.neighbours is not None and vector is not None and vector.any():
            linear, (votes, (nearest, _similarities)) = probabilities, self.neighbours.scores(_unit(vector))
            probabilities = (1.0 - self.neighbours.weight) * linear + self.neighbours.weight * votes
            readers = [(("word features and post vector", round(float(mine), 4)),
                        ("nearest labelled examples", round(float(theirs), 4)))
                       for mine, theirs in zip(linear, votes, strict=True)]
        if self.classifier_weight:
            linear, reader = probabilities, self._classifier_probabilities(read)
            probabilities = (1.0 - self.classifier_weight) * linear + self.classifier_weight * reader
            readers = [(("word features and post vector", round(float(mine), 4)),
                        ("fine-tuned reader", round(float(theirs), 4)))
                       for mine, theirs in zip(linear, reader, strict=True)]
        judgements = []
        for index, label in enumerate(self.labels):
            probability = float(probabilities[index])
            if probability < floor:
                continue
            contributions = [
                (float(block[position, index]), feature)
                for position, (_, feature) in enumerate(weighted) if block[position, index] > 0
            ] if weighted else []
            judgements.append(Judgement(
                label=label, score=round(probability, 4),
                threshold=self.thresholds.get(label, 0.5),
                triggers=_triggers(text, contributions),
                readers=readers[index],
                voted=tuple(int(row) for row in nearest
                            if self.neighbours is not None and self.neighbours.labels[row, index] > 0),
            ))
        return judgements

    def _classifier_probabilities(self, text: str) -> Any:
        reader = self.__dict__.get("_classifier")
        if reader is None:  # checked once per model, on first use
            from safepost.language.encoder import classifier

            reader = classifier()
            if reader.without_stand_in != self.without_stand_in:
                def how(blanked: bool) -> str:
                    return "without" if blanked else "reading"
                raise ValueError(
                    "language/encoder/classifier_reads.json: the fine-tuned classifier was trained "
                    f"{how(reader.without_stand_in)} the stand-in name's words, the language model "
                    f"{how(self.without_stand_in)} them: retrain them together")
            if list(reader.labels) != self.labels:
                raise ValueError("language/encoder/classifier_labels.json: the fine-tuned classifier's "
                                 f"labels {list(reader.labels)} are not the model's {self.labels}")
            self.__dict__["_classifier"] = reader
        return reader.probabilities(text)

    def _dense_matrix(self) -> Any:
        import numpy as np

        matrix = self.__dict__.get("_dense_rows")
        if matrix is None:
            matrix = np.asarray(self.dense, dtype=np.float32)
            self.__dict__["_dense_rows"] = matrix
        return matrix

    def nearest(self, judgement: Judgement, text: str, count: int = 2) -> tuple[str, ...]:
        """The labelled examples most like the text, for the explanation: with the
        nearest-examples reader, the most similar neighbours that voted for the judgement (found
        when the post was scored); otherwise the stored examples sharing most words."""
        if judgement.voted:
            texts = self._neighbour_texts()
            return tuple(texts[index] for index in judgement.voted[:count])
        label = judgement.label
        words = set(_WORDS.findall(text.lower()))
        if not words:
            return ()
        scored = []
        for example in self.examples.get(label, []):
            theirs = set(_WORDS.findall(example.lower()))
            overlap = len(words & theirs) / (len(words | theirs) or 1)
            scored.append((overlap, example))
        scored.sort(key=lambda item: item[0], reverse=True)
        return tuple(example for overlap, example in scored[:count] if overlap > 0)


    def _neighbour_texts(self) -> tuple[str, ...]:
        """The examples' texts, read on first use (only a finding that counts shows them)."""
        texts: tuple[str, ...] | None = self.__dict__.get("_neighbour_text_list")
        if texts is None:
            assert self.neighbours is not None
            folder = resources.files("safepost.language")
            texts = tuple(json.loads(folder.joinpath(self.neighbours.texts_file).read_text("utf-8")))
            self.__dict__["_neighbour_text_list"] = texts
        return texts


def _unit(vector: Any) -> Any:
    import numpy as np

    length = float(np.linalg.norm(vector))
    return vector / length if length > 0 else vector


def dense_vector(encoder: str, text: str) -> Any:
    """The post's embedding for the named encoder: "static" (what both shipped models read) or
    "minilm" (the distilled MiniLM encoder, read by the build tools)."""
    if encoder == "static":
        from safepost.language.embeddings import embedder

        return embedder().encode(text)
    if encoder == "minilm":
        from safepost.language.encoder import encoder as minilm

        return minilm().encode(text)
    raise ValueError(f"unknown encoder {encoder!r}")


# Words that carry weight in a model but explain nothing to a reader ("words: 'me', 'and',
# 'scared'"): shown as a trigger only when nothing else is. Pronouns are not here: "you" and
# "our" are part of what grooming sounds like.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "so", "if", "then", "than", "as", "of", "to",
    "in", "on", "at", "by", "for", "from", "with", "into", "onto", "about", "is", "are", "was",
    "were", "be", "been", "being", "am", "it", "its", "this", "that", "these", "those", "there",
})


def _triggers(text: str, contributions: list[tuple[float, Feature]]) -> tuple[Trigger, ...]:
    """The strongest word-level reasons, merged by place in the text; function words only
    where nothing else weighs."""
    by_span: dict[tuple[int, int], float] = {}
    for weight, feature in contributions:
        if feature.end <= feature.start:
            continue
        key = (feature.start, feature.end)
        by_span[key] = by_span.get(key, 0.0) + weight
    ranked = sorted(by_span.items(), key=lambda item: item[1], reverse=True)
    telling = [item for item in ranked if text[item[0][0]:item[0][1]].lower() not in FUNCTION_WORDS]
    ranked = (telling or ranked)[:3]
    return tuple(
        Trigger(words=text[start:end], start=start, end=end, weight=round(weight, 3))
        for (start, end), weight in sorted(ranked, key=lambda item: item[0][0])
    )


# The two packaged models: "static" (word features and a static embedding, about 1 ms a post:
# the engine's default, so that the CLI's batch and start-up targets hold) and "minilm" (its
# own linear model over the same kind of features, read beside the fine-tuned MiniLM
# classifier in `encoder/`: better judgements, about 4 ms a post more: the hub's default,
# where one draft is checked at a time).
# SAFEPOST_LANGUAGE_MODEL names the model for every surface of one installation.
MODEL_FILES = {"static": ("model.json", "model_weights.npy"),
               "minilm": ("model_minilm.json", "model_minilm_weights.npy")}
# A model with a nearest-examples reader keeps its examples' vectors and labels beside it.
NEIGHBOUR_FILES = {"static": "model_neighbours.npz", "minilm": "model_minilm_neighbours.npz"}
DEFAULT_MODEL = "static"


def known_model_name(name: str, given_as: str = "language model") -> str:
    """`name` if a packaged model has it; else a ValueError naming where it was given."""
    if name not in MODEL_FILES:
        raise ValueError(f"{given_as}: '{name}' is not one of {', '.join(MODEL_FILES)}")
    return name


def chosen_model_name(default: str = DEFAULT_MODEL) -> str:
    """SAFEPOST_LANGUAGE_MODEL if set, else `default`; an unknown name is refused."""
    name = os.environ.get("SAFEPOST_LANGUAGE_MODEL", default).strip().lower() or default
    return known_model_name(name, "SAFEPOST_LANGUAGE_MODEL")


# The model asked for a second opinion on the safeguarding judgements (grooming, a request for a
# child's details, a disclosure) in messages and comments, where the static model reads them:
# the hub's. On the staff-to-pupil messages of independent set 4 the static model found 39 of 49
# grooming messages (most of those missed subtle: "let's go through it over dinner on Thursday,
# I know a quiet place in town"), the hub's model 46; a miss there hurts a child. When it is
# asked: language.SECOND_OPINION_FLOOR. SAFEPOST_SECOND_OPINION=off: the static model alone
# (the fastest batches).
SECOND_OPINION_MODEL = "minilm"


def second_opinion_on(*, strict: bool = False) -> bool:
    """SAFEPOST_SECOND_OPINION (on, the default, or off). A value that is neither is refused
    with `strict` (what `safepost` and the hub ask before they check anything); read during a
    check, it counts as on: safeguarding read as fully as it can be, never switched off by a typo."""
    value = os.environ.get("SAFEPOST_SECOND_OPINION", "on").strip().lower() or "on"
    if value not in ("on", "off"):
        if strict:
            raise ValueError(f"SAFEPOST_SECOND_OPINION: '{value}' is not one of on, off")
        return True
    return value == "on"


def second_opinion_model(model_name: str) -> str | None:
    """The model to ask for a second opinion on safeguarding where `model_name` reads messages
    and comments: the hub's, unless that is the one reading or SAFEPOST_SECOND_OPINION is off."""
    if model_name == SECOND_OPINION_MODEL or not second_opinion_on():
        return None
    return SECOND_OPINION_MODEL


def language_settings_problem() -> str | None:
    """What is wrong with SAFEPOST_LANGUAGE_MODEL or SAFEPOST_SECOND_OPINION, if anything: said
    once, before checking, rather than as a note on every check."""
    try:
        chosen_model_name()
        second_opinion_on(strict=True)
    except ValueError as exc:
        return str(exc)
    return None


def load_model(name: str | None = None) -> LanguageModel:
    """The named packaged model (default: the one chosen for this process), read once."""
    return _load_model(name or chosen_model_name())


def forget_loaded_models() -> None:
    """Read the model files again on next use (the trainer, after writing one), the
    fine-tuned classifier's included."""
    from safepost.language.encoder import classifier

    _load_model.cache_clear()
    classifier.cache_clear()


@cache
def _load_model(name: str) -> LanguageModel:
    import numpy as np

    model_file, weights_file = MODEL_FILES[known_model_name(name)]
    folder = resources.files("safepost.language")
    data = json.loads(folder.joinpath(model_file).read_text("utf-8"))
    matrix = None
    if "weight_features" in data:
        with resources.as_file(folder.joinpath(weights_file)) as path:
            matrix = np.load(path)
    neighbour_arrays = None
    if data.get("neighbours"):
        with resources.as_file(folder.joinpath(NEIGHBOUR_FILES[name])) as path, np.load(path) as arrays:
            neighbour_arrays = {key: arrays[key] for key in ("vectors", "labels")}
    return LanguageModel.from_json(data, matrix, neighbour_arrays)

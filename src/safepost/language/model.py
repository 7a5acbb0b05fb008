"""The language model at run time: a linear model per judgement over readable features,
shipped as JSON inside the package (trained by tools/train_language.py; no download, no
torch, no numpy). Every score comes with the words that pushed it up and the nearest
labelled examples, so a headteacher can see why."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from safepost.language.features import Feature, extract

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


@dataclass
class LanguageModel:
    version: str
    labels: list[str]
    intercepts: list[float]
    thresholds: dict[str, float]
    weights: dict[str, list[tuple[int, float]]]
    vocabulary: frozenset[str]
    examples: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LanguageModel:
        labels = list(data["labels"])
        weights: dict[str, list[tuple[int, float]]] = {}
        for feature, entries in data["weights"].items():
            weights[feature] = [(int(index), float(value)) for index, value in entries]
        return cls(
            version=str(data["version"]), labels=labels,
            intercepts=[float(value) for value in data["intercepts"]],
            thresholds={label: float(value) for label, value in data["thresholds"].items()},
            weights=weights, vocabulary=frozenset(data["vocabulary"]),
            examples={label: list(texts) for label, texts in data.get("examples", {}).items()},
        )

    def score(self, text: str, floor: float = 0.15) -> list[Judgement]:
        """Judgements scoring at least `floor` (the pack's thresholds decide which count)."""
        features = extract(text)
        present: dict[str, Feature] = {}
        for feature in features:
            if feature.name in self.vocabulary and feature.name not in present:
                present[feature.name] = feature
        if not present:
            return []
        norm = 1.0 / math.sqrt(len(present))
        totals = list(self.intercepts)
        contributions: dict[int, list[tuple[float, Feature]]] = {}
        for name, feature in present.items():
            for index, weight in self.weights.get(name, ()):
                totals[index] += weight * norm
                if weight > 0:
                    contributions.setdefault(index, []).append((weight * norm, feature))
        judgements = []
        for index, label in enumerate(self.labels):
            probability = 1.0 / (1.0 + math.exp(-totals[index]))
            if probability < floor:
                continue
            judgements.append(Judgement(
                label=label, score=round(probability, 4),
                threshold=self.thresholds.get(label, 0.5),
                triggers=_triggers(text, contributions.get(index, [])),
            ))
        return judgements

    def nearest(self, label: str, text: str, count: int = 2) -> tuple[str, ...]:
        """The labelled examples most like the text (shared words), for the explanation."""
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


def _triggers(text: str, contributions: list[tuple[float, Feature]]) -> tuple[Trigger, ...]:
    """The strongest word-level reasons, merged by place in the text."""
    by_span: dict[tuple[int, int], float] = {}
    for weight, feature in contributions:
        if feature.end <= feature.start:
            continue
        key = (feature.start, feature.end)
        by_span[key] = by_span.get(key, 0.0) + weight
    ranked = sorted(by_span.items(), key=lambda item: item[1], reverse=True)[:3]
    return tuple(
        Trigger(words=text[start:end], start=start, end=end, weight=round(weight, 3))
        for (start, end), weight in sorted(ranked, key=lambda item: item[0][0])
    )


@lru_cache(maxsize=1)
def load_model() -> LanguageModel:
    """The packaged model, read once per process."""
    source = resources.files("safepost.language").joinpath("model.json")
    return LanguageModel.from_json(json.loads(source.read_text("utf-8")))

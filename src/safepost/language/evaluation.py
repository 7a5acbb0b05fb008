"""Measuring the language judgements on labelled examples: per-judgement precision, recall
and F1, macro F1, recall on the safeguarding judgements, false alarms on clean posts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safepost.detect.names import titled_names
from safepost.language import SECOND_OPINION_FLOOR, NameSpan, judge
from safepost.language.model import LABELS, OFFICIAL_ONLY, SAFEGUARDING
from safepost.metrics import Score

# A judgement's score: hits, false alarms and misses over the examples.
LabelScore = Score


@dataclass
class LanguageReport:
    examples: int = 0
    clean: int = 0
    clean_flagged: int = 0
    labels: dict[str, LabelScore] = field(default_factory=dict)

    @property
    def macro_f1(self) -> float:
        scored = [score.f1 for label, score in self.labels.items() if score.tp + score.fn > 0]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def safeguarding_recall(self) -> float:
        tp = sum(self.labels[label].tp for label in SAFEGUARDING if label in self.labels)
        fn = sum(self.labels[label].fn for label in SAFEGUARDING if label in self.labels)
        return tp / (tp + fn) if tp + fn else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "examples": self.examples, "macro_f1": round(self.macro_f1, 4),
            "safeguarding_recall": round(self.safeguarding_recall, 4),
            "clean": self.clean, "clean_flagged": self.clean_flagged,
            "labels": {label: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                               "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
                       for label, s in sorted(self.labels.items())},
        }


def load_examples(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def titled_name_spans(text: str) -> list[NameSpan]:
    """The names in a labelled example the check would read as the stand-in whatever school
    it runs for: the titled adults ("Mr Quinn"). (No roster goes with an example, so its
    pupils' and staff's bare names stay as written.)"""
    return [NameSpan(mention.start, mention.end, mention.form) for mention in titled_names(text)]


def labels_that_count(example: dict[str, Any]) -> set[str]:
    """An example's labels as the check can raise them: the official-only judgements (views,
    promises, topic, tone) only on the school's own account."""
    channel = example.get("channel", "personal")
    return {label for label in example.get("labels", [])
            if channel == "official" or label not in OFFICIAL_ONLY}


def judged_labels(
    example: dict[str, Any], safeguarding_model_name: str | None = None,
    second_opinion_floor: float = SECOND_OPINION_FLOOR,
) -> set[str]:
    """The judgements safepost's own judge raises on a labelled example, told who wrote it (its
    `author`) as the check is told by a request's `counterpart` or `author_role`, with titled
    names read as the stand-in as the check reads them. `safeguarding_model_name`: ask that model
    for a second opinion on the safeguarding judgements of messages and comments, as the check
    does (see model.second_opinion_model), from `second_opinion_floor`; None: the process's model
    alone."""
    return {decision.label for decision in judge(
        example["text"], example.get("channel", "personal"), kind=example.get("kind", "post"),
        author=example.get("author"), names=titled_name_spans(example["text"]),
        safeguarding_model_name=safeguarding_model_name, second_opinion_floor=second_opinion_floor)}


def evaluate_examples(
    examples: Iterable[dict[str, Any]], safeguarding_model_name: str | None = None,
) -> LanguageReport:
    """Score safepost's own judge on labelled examples (read as `judged_labels` reads them)."""
    report = LanguageReport(labels={label: LabelScore() for label in LABELS})
    for example in examples:
        truth = labels_that_count(example)
        got = judged_labels(example, safeguarding_model_name)
        report.examples += 1
        if not truth:
            report.clean += 1
            report.clean_flagged += bool(got)
        for label in truth | got:
            report.labels.setdefault(label, LabelScore()).add(label in truth, label in got)
    return report


def render(report: LanguageReport) -> str:
    lines = [f"{'judgement':<22} {'prec':>6} {'recall':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for label, score in sorted(report.labels.items()):
        if score.tp + score.fp + score.fn == 0:
            continue
        lines.append(f"{label:<22} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                     f"{score.tp:4d} {score.fp:4d} {score.fn:4d}")
    lines.append(f"examples {report.examples}; macro F1 {report.macro_f1:.3f}; safeguarding recall "
                 f"{report.safeguarding_recall:.3f}; false alarms on clean posts "
                 f"{report.clean_flagged}/{report.clean} ({report.false_alarm_rate:.1%})")
    return "\n".join(lines)

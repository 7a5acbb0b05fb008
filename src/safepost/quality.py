"""Measuring the checks on labelled cases: per-rule precision, recall and F1, verdict
accuracy and false alarms on clean posts.

A case file is JSON Lines, one case a line:
{"case": "d0001", "school": "demo" | "relative/dir", "pack": "tpat" (optional),
 "request": {...a check request...}, "expect": {"verdict": "block", "rules": [...]}}
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safepost.detect import DetectorRegistry, exact_registry
from safepost.engine import check_json
from safepost.metrics import Score
from safepost.policy import Pack, resolve_pack
from safepost.school import School, demo_school_dir, load_school

# A rule's score: hits, false alarms and misses over the cases.
RuleScore = Score


@dataclass
class Mistake:
    case: str
    expected_verdict: str
    got_verdict: str
    missing: list[str]
    unexpected: list[str]
    note: str


@dataclass
class Evaluation:
    cases: int = 0
    verdicts_right: int = 0
    clean_cases: int = 0
    false_alarms: int = 0
    errors: list[str] = field(default_factory=list)
    rules: dict[str, RuleScore] = field(default_factory=dict)
    mistakes: list[Mistake] = field(default_factory=list)

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_right / self.cases if self.cases else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean_cases if self.clean_cases else 0.0

    def micro(self) -> RuleScore:
        total = RuleScore()
        for score in self.rules.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def to_json(self) -> dict[str, Any]:
        micro = self.micro()
        return {
            "cases": self.cases,
            "verdict_accuracy": round(self.verdict_accuracy, 4),
            "clean_cases": self.clean_cases,
            "false_alarms": self.false_alarms,
            "micro": {"precision": round(micro.precision, 4), "recall": round(micro.recall, 4),
                      "f1": round(micro.f1, 4)},
            "rules": {
                rule: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                       "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp,
                       "fn": s.fn}
                for rule, s in sorted(self.rules.items())
            },
            "errors": self.errors,
        }


class _Schools:
    """Schools and packs named by the cases, each loaded once."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.schools: dict[str, School] = {}
        self.packs: dict[str, Pack] = {}

    def school(self, reference: str) -> School:
        if reference not in self.schools:
            directory = demo_school_dir() if reference == "demo" else self.base / reference
            self.schools[reference] = load_school(directory)
        return self.schools[reference]

    def pack(self, reference: str) -> Pack:
        if reference not in self.packs:
            self.packs[reference] = resolve_pack(reference, relative_to=self.base)
        return self.packs[reference]


def evaluate_cases(path: Path, registry: DetectorRegistry | None = None) -> Evaluation:
    """Score the cases; `registry` picks the detectors (default: all, language included)."""
    evaluation = Evaluation()
    schools = _Schools(path.parent)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            school = schools.school(str(case.get("school", "demo")))
            pack = schools.pack(case["pack"]) if case.get("pack") else None
            expect = case["expect"]
            expected_rules = set(expect.get("rules", []))
            expected_verdict = expect["verdict"]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            evaluation.errors.append(f"{path} line {number}: {exc}")
            continue
        result = check_json(case["request"], school, pack=pack, registry=registry)
        got_rules = {finding.rule for finding in result.findings}
        evaluation.cases += 1
        if result.verdict == expected_verdict:
            evaluation.verdicts_right += 1
        if expected_verdict == "allow" and not expected_rules:
            evaluation.clean_cases += 1
            if got_rules:
                evaluation.false_alarms += 1
        for rule in expected_rules | got_rules:
            evaluation.rules.setdefault(rule, RuleScore()).add(rule in expected_rules, rule in got_rules)
        if result.verdict != expected_verdict or got_rules != expected_rules:
            evaluation.mistakes.append(Mistake(
                case=str(case.get("case", number)), expected_verdict=expected_verdict,
                got_verdict=result.verdict, missing=sorted(expected_rules - got_rules),
                unexpected=sorted(got_rules - expected_rules), note=str(case.get("note", "")),
            ))
    return evaluation


def evaluate_exact(path: Path) -> Evaluation:
    """The cases scored by the exact detectors alone (no language model)."""
    return evaluate_cases(path, exact_registry())


def render_evaluation(evaluation: Evaluation, show_mistakes: bool = False) -> str:
    lines = [f"{'rule':<48} {'prec':>6} {'recall':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for rule, score in sorted(evaluation.rules.items()):
        lines.append(
            f"{rule:<48} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
            f"{score.tp:4d} {score.fp:4d} {score.fn:4d}"
        )
    micro = evaluation.micro()
    lines.append(
        f"{'all rules (micro)':<48} {micro.precision:6.3f} {micro.recall:6.3f} {micro.f1:6.3f} "
        f"{micro.tp:4d} {micro.fp:4d} {micro.fn:4d}"
    )
    lines.append("")
    lines.append(f"cases: {evaluation.cases}   verdict accuracy: {evaluation.verdict_accuracy:.3f}")
    lines.append(
        f"clean cases: {evaluation.clean_cases}   false alarms on clean cases: "
        f"{evaluation.false_alarms} ({evaluation.false_alarm_rate:.1%})"
    )
    verdicts = Counter(m.expected_verdict + "->" + m.got_verdict for m in evaluation.mistakes)
    if verdicts:
        lines.append("verdict confusions: " + ", ".join(f"{k} x{v}" for k, v in verdicts.most_common()))
    for error in evaluation.errors:
        lines.append(f"error: {error}")
    if show_mistakes:
        for mistake in evaluation.mistakes:
            lines.append(
                f"  {mistake.case}: expected {mistake.expected_verdict}, got {mistake.got_verdict}; "
                f"missing {mistake.missing} unexpected {mistake.unexpected}  ({mistake.note})"
            )
    return "\n".join(lines)

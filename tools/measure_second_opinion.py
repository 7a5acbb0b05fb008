"""How the engine's reading of safeguarding in messages and comments changes with the floor at
which the hub's model is asked for a second opinion (safepost.SECOND_OPINION_FLOOR).

For each floor: how many of the labelled messages and comments that carry a safeguarding
judgement (grooming, a request for a child's details, a disclosure) raise one, and how many of
the clean ones do; beside them, the engine's static model alone. Session 18 chose the floor
this way on held-back batches xg and xi (staff messages, never trained on), then read
independent set 4 once; session 25 used it to see what a new static table would do to the pair:

    .venv/bin/python tools/measure_second_opinion.py held_back/batch_xg.jsonl held_back/batch_xi.jsonl \\
        --floors 0.05 0.10 0.15

Sets are named relative to tests/data/language (or given as paths). The frozen test split is
refused: it is for reporting, not for choosing.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safepost.language import EXCHANGE_KINDS, SECOND_OPINION_FLOOR
from safepost.language.evaluation import judged_labels, labels_that_count, load_examples
from safepost.language.model import SAFEGUARDING, SECOND_OPINION_MODEL

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "language"


@dataclass(frozen=True)
class PairReading:
    """One floor's reading of a set's messages and comments (floor None: the static model alone)."""
    floor: float | None
    safeguarding: int  # messages carrying a safeguarding label
    found: int  # of those, how many raise a safeguarding judgement
    clean: int
    clean_escalated: int  # clean messages raising a safeguarding judgement
    clean_flagged: int  # clean messages raising any judgement

    def line(self) -> str:
        who = "static model alone" if self.floor is None else f"second opinion from {self.floor:.2f}"
        return (f"{who:<28} safeguarding found {self.found}/{self.safeguarding}, clean escalated "
                f"{self.clean_escalated}/{self.clean}, clean with any judgement {self.clean_flagged}")


def exchanges(examples: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages and comments: the only words the second opinion is asked about."""
    return [example for example in examples if example.get("kind", "post") in EXCHANGE_KINDS]


def read_at(examples: Sequence[dict[str, Any]], floor: float | None) -> PairReading:
    """The engine's static model, with the hub's asked from `floor` (None: never asked)."""
    found = escalated = flagged = safeguarding = clean = 0
    for example in examples:
        truth = labels_that_count(example)
        got = (judged_labels(example) if floor is None
               else judged_labels(example, SECOND_OPINION_MODEL, second_opinion_floor=floor))
        if truth & SAFEGUARDING:
            safeguarding += 1
            found += bool(got & SAFEGUARDING)
        elif not truth:
            clean += 1
            escalated += bool(got & SAFEGUARDING)
            flagged += bool(got)
    return PairReading(floor, safeguarding, found, clean, escalated, flagged)


def set_path(name: str) -> Path:
    path = Path(name) if Path(name).exists() else CORPUS / name
    if not path.is_file():
        raise SystemExit(f"{name}: no such labelled set (here or in {CORPUS})")
    if path.resolve() == (CORPUS / "test.jsonl").resolve():
        raise SystemExit(f"{name}: the frozen test split is for reporting, not for choosing a floor")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="labelled sets (jsonl), read together")
    parser.add_argument("--floors", type=float, nargs="+", default=[SECOND_OPINION_FLOOR])
    args = parser.parse_args()
    for floor in args.floors:
        if not 0.0 <= floor <= 1.0:
            raise SystemExit(f"--floors: {floor} is not between 0 and 1")
    examples = exchanges(example for name in args.sets for example in load_examples(set_path(name)))
    print(f"{len(examples)} messages and comments; the floor that ships: {SECOND_OPINION_FLOOR}")
    for floor in [None, *args.floors]:
        print(read_at(examples, floor).line(), flush=True)


if __name__ == "__main__":
    main()

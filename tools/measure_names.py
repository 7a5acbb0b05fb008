"""Does whose name is in a post change the language judgements? Reads every post in
tests/data/language/names/templates.yaml once per name in names.yaml, as written and with the
names replaced by the stand-in (safepost.language.stand_ins), with each packaged model, and
prints, per group of names, how many clean posts raise any judgement and how many harmful
posts raise the judgement they should.

    .venv/bin/python tools/measure_names.py [--models static minilm] [--worst 8]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from safepost.language import NameSpan, judge

HERE = Path(__file__).resolve().parent.parent / "tests" / "data" / "language" / "names"
_PLACEHOLDER = re.compile(r"(?:\b(Mr|Mrs|Miss|Ms|Dr|PC) )?\{(first|last|full)\}")


@dataclass(frozen=True)
class Post:
    text: str
    names: tuple[NameSpan, ...]
    channel: str
    kind: str
    label: str | None  # the judgement a harmful post should raise; None: clean


def render(template: dict[str, Any], first: str, last: str) -> Post:
    """The template with the name put in, and where each name lies in the result."""
    pieces: list[str] = []
    spans: list[NameSpan] = []
    written_up_to, length = 0, 0
    source = str(template["text"])
    for match in _PLACEHOLDER.finditer(source):
        kept = source[written_up_to:match.start()]
        pieces.append(kept)
        length += len(kept)
        title, slot = match.group(1), match.group(2)
        name = {"first": first, "last": last, "full": f"{first} {last}"}[slot]
        written = f"{title} {name}" if title else name
        form = "title" if title else slot
        pieces.append(written)
        spans.append(NameSpan(length, length + len(written), form))
        length += len(written)
        written_up_to = match.end()
    pieces.append(source[written_up_to:])
    return Post("".join(pieces), tuple(spans), str(template.get("channel", "personal")),
                # A template with no kind is a post, as the contract's default is (read with
                # no kind, the exchange-only judgements would be read into posts).
                template.get("kind", "post"), template.get("label"))


def counts(post: Post, model: str, stand_ins: bool) -> bool:
    """Whether the post is read as it should be: a clean one raises nothing, a harmful one
    raises its judgement."""
    found = {decision.label for decision in judge(
        post.text, post.channel, kind=post.kind, model_name=model,
        names=post.names if stand_ins else (),
    )}
    return post.label in found if post.label else bool(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=["static", "minilm"])
    parser.add_argument("--worst", type=int, default=8, help="names with the most false alarms to list")
    args = parser.parse_args(argv)
    groups: dict[str, list[list[str]]] = yaml.safe_load((HERE / "names.yaml").read_text("utf-8"))["groups"]
    templates = yaml.safe_load((HERE / "templates.yaml").read_text("utf-8"))
    clean, harmful = templates["clean"], templates["harmful"]
    print(f"{sum(len(names) for names in groups.values())} names in {len(groups)} groups; "
          f"{len(clean)} clean and {len(harmful)} harmful posts each")
    for model in args.models:
        for stand_ins in (False, True):
            mode = "names replaced by the stand-in" if stand_ins else "names as written"
            print(f"\n{model}, {mode}")
            print(f"  {'group':40s} {'clean posts flagged':>22s} {'harmful posts found':>22s}")
            by_name: Counter[str] = Counter()
            totals = [0, 0, 0, 0]
            rates: dict[str, float] = {}
            for group, names in groups.items():
                flagged = found = 0
                for first, last in names:
                    for template in clean:
                        if counts(render(template, first, last), model, stand_ins):
                            flagged += 1
                            by_name[f"{first} {last}"] += 1
                    found += sum(counts(render(template, first, last), model, stand_ins)
                                 for template in harmful)
                n_clean, n_harmful = len(names) * len(clean), len(names) * len(harmful)
                totals = [totals[0] + flagged, totals[1] + n_clean, totals[2] + found, totals[3] + n_harmful]
                rates[group] = flagged / n_clean
                print(f"  {group:40s} {flagged:>5d} of {n_clean:<4d} {flagged / n_clean:6.1%}"
                      f" {found:>7d} of {n_harmful:<4d} {found / n_harmful:6.1%}")
            print(f"  {'all':40s} {totals[0]:>5d} of {totals[1]:<4d} {totals[0] / totals[1]:6.1%}"
                  f" {totals[2]:>7d} of {totals[3]:<4d} {totals[2] / totals[3]:6.1%}")
            print(f"  false-alarm rate, highest group minus lowest: "
                  f"{max(rates.values()) - min(rates.values()):.1%}")
            worst = [f"{name} ({count})" for name, count in by_name.most_common(args.worst)]
            if worst and not stand_ins:
                print(f"  names with most clean posts flagged: {', '.join(worst)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

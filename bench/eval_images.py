"""Precision and recall of the picture checks on the labelled picture set (tests/media/
imageset.py builds it; nothing is downloaded). Run: python bench/eval_images.py [--per-kind N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.media.imageset import build, school_crest, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261122,
                        help="another seed builds a different set (the default one was used for tuning)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cases = build(root, per_kind=args.per_kind, seed=args.seed)
        logo = root / "crest.png"
        school_crest().save(logo)
        started = time.perf_counter()
        tallies = score(cases, root, logo)
        elapsed = time.perf_counter() - started
    kinds = {case.kind for case in cases}
    print(f"labelled picture set (seed {args.seed}): {len(cases)} pictures ({', '.join(sorted(kinds))}), "
          f"scored in {elapsed:.1f} s")
    print(f"{'check':<20}{'precision':>10}{'recall':>8}{'TP':>6}{'FP':>5}{'FN':>5}")
    for name, tally in tallies.items():
        print(f"{name:<20}{tally.precision:>10.3f}{tally.recall:>8.3f}{tally.tp:>6}"
              f"{tally.fp:>5}{tally.fn:>5}")


if __name__ == "__main__":
    main()

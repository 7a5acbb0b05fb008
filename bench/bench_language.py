"""The language checks, printed (never a timed test).

1. Offensive language, in one run on the same data: safepost's judgements beside
   alt-profanity-check and a plain keyword list, on the offensive subset of the frozen test
   split (posts labelled discrimination, harassment, threat or sexual, against the clean ones).
2. Speed, for each packaged model (static: the engine's default; minilm: the hub's): every
   language check together, per post on one core (p50, p99); posts per second in
   a 2-process batch; how long the model takes to load.

Run: make bench   (or .venv/bin/python bench/bench_language.py)
"""

from __future__ import annotations

import functools
import multiprocessing
import re
import statistics
import time
from pathlib import Path

from safepost.metrics import Score

OFFENSIVE = {"discrimination", "harassment", "threat", "sexual"}
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "language"
KEYWORDS = re.compile(
    r"\b(?:fuck\w*|shit\w*|cunt\w*|bitch\w*|bastard\w*|wanker\w*|twat\w*|dick\w*|cock\w*|piss\w*|"
    r"slut\w*|whore\w*|retard\w*|paki\w*|nigg\w*|fag\w*|poof\w*|dyke\w*|kill|stab|rape\w*|sex\w*|"
    r"tits?|boobs?|idiot\w*|moron\w*|stupid)\b",
    re.IGNORECASE,
)


def f1(predicted: list[bool], truth: list[bool]) -> tuple[float, float, float]:
    score = Score()
    for found, expected in zip(predicted, truth, strict=True):
        score.add(expected, found)
    return score.precision, score.recall, score.f1


def _judge_all(model_name: str, texts: list[str]) -> int:
    from safepost.language import judge

    for text in texts:
        judge(text, model_name=model_name)
    return len(texts)


def main() -> None:
    # Both packaged models, each measured from a cold start of its own: the engine's default
    # ("static") and the hub's ("minilm").
    for model_name in ("static", "minilm"):
        print(f"== language model: {model_name}")
        process = multiprocessing.get_context("spawn").Process(target=measure, args=(model_name,))
        process.start()
        process.join()
        if process.exitcode:
            raise SystemExit(f"the {model_name} measurement failed (exit status {process.exitcode})")


def measure(model_name: str) -> None:
    # In a fresh (spawned) process: the load time below includes importing safepost and numpy.
    started = time.perf_counter()
    from safepost.language.evaluation import load_examples

    rows = [row for row in load_examples(CORPUS / "test.jsonl")
            if set(row.get("labels", [])) & OFFENSIVE or not row.get("labels")]
    texts = [row["text"] for row in rows]
    truth = [bool(set(row.get("labels", [])) & OFFENSIVE) for row in rows]

    from safepost.language import judge, warm_up

    warm_up(model_name)  # the model, its encoder or embeddings, and the lexicon
    loaded = time.perf_counter() - started

    ours = [bool({d.label for d in judge(text, row.get("channel", "personal"), kind=row.get("kind"),
                                         model_name=model_name)}
                 & OFFENSIVE)
            for text, row in zip(texts, rows, strict=True)]
    keyword = [bool(KEYWORDS.search(text)) for text in texts]
    results = {"safepost": f1(ours, truth), "keyword list": f1(keyword, truth)}
    try:
        from profanity_check import predict_prob

        results["alt-profanity-check"] = f1([p >= 0.5 for p in predict_prob(texts)], truth)
    except ImportError:
        print("alt-profanity-check is not installed (pip install alt-profanity-check)")
    print(f"offensive subset of the frozen test split: {sum(truth)} offensive, "
          f"{len(truth) - sum(truth)} clean")
    for name, (precision, recall, score) in results.items():
        print(f"  {name:<20} precision {precision:.3f}  recall {recall:.3f}  F1 {score:.3f}")

    every = [row["text"] for row in load_examples(CORPUS / "test.jsonl")] * 4
    timings = []
    for text in every:
        begin = time.perf_counter()
        judge(text, model_name=model_name)
        timings.append((time.perf_counter() - begin) * 1000)
    timings.sort()
    print(f"imports (safepost, numpy), model, encoder and lexicon load: {loaded:.2f} s")
    print(f"all language checks, one core: p50 {statistics.median(timings):.2f} ms, "
          f"p99 {timings[int(0.99 * len(timings))]:.2f} ms per post")
    batch = every * 5
    chunks = [batch[index::2] for index in range(2)]
    begin = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        done = sum(pool.map(functools.partial(_judge_all, model_name), chunks))
    print(f"2-process batch: {done / (time.perf_counter() - begin):,.0f} posts/s")
    if model_name == "static":
        exchanges_with_the_safeguarding_reader(load_examples(CORPUS / "test.jsonl"))


def exchanges_with_the_safeguarding_reader(rows: list[dict[str, object]]) -> None:
    """The engine's messages and comments: the static model alone, and with the hub's model's
    second opinion on the safeguarding judgements (SAFEPOST_SECOND_OPINION, on by default),
    one core."""
    from safepost.language import EXCHANGE_KINDS, judge, warm_up

    exchanges = [row for row in rows if row.get("kind") in EXCHANGE_KINDS] * 4
    begin = time.perf_counter()
    warm_up("minilm")
    print(f"the hub's model loaded beside it, on the first message: {time.perf_counter() - begin:.2f} s")
    for reader in (None, "minilm"):
        timings = []
        for row in exchanges:
            begin = time.perf_counter()
            judge(str(row["text"]), str(row.get("channel", "personal")), kind=str(row["kind"]),
                  model_name="static", safeguarding_model_name=reader)
            timings.append((time.perf_counter() - begin) * 1000)
        timings.sort()
        print(f"messages and comments ({len(exchanges)}), safeguarding read by "
              f"{reader or 'the static model'}: p50 {statistics.median(timings):.2f} ms, "
              f"p99 {timings[int(0.99 * len(timings))]:.2f} ms")


if __name__ == "__main__":
    main()

"""The language trainer's choices that are rules rather than data (tools/train_language.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from safepost.language import model as runtime

shipped_dense_vector = runtime.dense_vector
import train_language as trainer  # noqa: E402


def figures(macro_f1: float, caught: int, alarms: int, safeguarding_alarms: int = 0) -> trainer.OutOfFoldFigures:
    return trainer.OutOfFoldFigures(macro_f1=macro_f1, clean_false_alarms=alarms, clean=2000,
                                    safeguarding_caught=caught, safeguarding_labels=700,
                                    safeguarding_false_alarms=safeguarding_alarms)


def tried(strength: float, macro_f1: float, caught: int, alarms: int) -> trainer.StrengthTried:
    return trainer.StrengthTried(strength, figures(macro_f1, caught, alarms))


@pytest.mark.parametrize(("results", "expected"), [
    # a clear macro F1 winner is chosen whatever it catches
    ([(10, 0.60, 560, 80), (100, 0.65, 530, 90)], 100),
    # a near tie: 16 more caught for 6 more false alarms wins (session 7's MiniLM run)
    ([(10, 0.714, 553, 83), (30, 0.715, 553, 87), (100, 0.719, 537, 77)], 10),
    # a near tie: 20 more caught for 28 more false alarms does not (session 7's static run, 0.574 there)
    ([(10, 0.575, 541, 129), (30, 0.584, 521, 101), (100, 0.580, 508, 90)], 30),
    # caught less flagged equal: the better macro F1
    ([(30, 0.588, 500, 98), (100, 0.585, 505, 103)], 30),
    # just outside the tie window, catching more does not rescue it
    ([(10, 0.700, 590, 50), (30, 0.711, 500, 90)], 30),
])
def test_choose_strength(results: list[tuple[float, float, int, int]], expected: float) -> None:
    assert trainer.choose_strength([tried(*row) for row in results]).strength == expected


def test_importing_the_trainer_leaves_the_run_time_scorer_alone() -> None:
    assert runtime.dense_vector is shipped_dense_vector


@pytest.mark.parametrize(("results", "expected"), [
    # (C, safeguarding caught, clean posts a safeguarding judgement flags)
    ([(10, 620, 60), (30, 600, 50), (100, 590, 45)], 10),  # +20 caught for +10 flagged
    ([(10, 620, 90), (30, 600, 50), (100, 590, 45)], 30),  # +20 caught for +40 flagged: no
    ([(10, 600, 60), (100, 590, 50)], 100),  # equal net: fewer flagged
])
def test_choose_safeguarding_strength(results: list[tuple[float, int, int]], expected: float) -> None:
    tried_here = [trainer.StrengthTried(strength, figures(0.5, caught, alarms + 10, alarms))
                  for strength, caught, alarms in results]
    assert trainer.choose_safeguarding_strength(tried_here).strength == expected


def test_combined_fold_model_scores_each_judgement_with_its_own_strength() -> None:
    texts = [
        ("add me on snap, our little secret", ["grooming"]),
        ("dm me later, don't tell your mum", ["grooming"]),
        ("what's your address and are you home alone", ["request_child_info"]),
        ("send me a pic of you, where do you live", ["request_child_info"]),
        ("my dad hits me and I'm scared to go home", ["disclosure"]),
        ("I keep hurting myself and nobody knows", ["disclosure"]),
        ("this school is a joke, worst SLT ever", ["negative_school"]),
        ("apparently Mr Hale is being sacked", ["gossip"]),
        ("Year 9 are feral, can't stand them", ["negative_school"]),
        ("heard she's off with stress again", ["gossip"]),
        ("Lovely sports day, well done everyone", []),
        ("Reminder: INSET day on Friday", []),
    ]
    examples = [{"text": text, "labels": labels, "kind": "message"} for text, labels in texts]
    vocabulary = trainer.shared_vocabulary(examples)
    loose, tight = trainer.fit(examples, 100.0, vocabulary), trainer.fit(examples, 0.1, vocabulary)
    combined = trainer.combine_judgements(loose, tight)
    models = {name: runtime.LanguageModel.from_json(model)
              for name, model in (("loose", loose), ("tight", tight), ("combined", combined))}
    probe = "dm me your address, don't tell anyone, this school is a joke"
    scores = {name: {j.label: j.score for j in model.score(probe, floor=0.0)} for name, model in models.items()}
    differ = [label for label in runtime.LABELS if scores["loose"][label] != pytest.approx(scores["tight"][label])]
    assert set(differ) & set(runtime.SAFEGUARDING) and set(differ) - set(runtime.SAFEGUARDING)
    for label in runtime.LABELS:
        source = "tight" if label in runtime.SAFEGUARDING else "loose"
        assert scores["combined"][label] == pytest.approx(scores[source][label], abs=1e-6), label


def test_a_classifier_read_beside_the_model_is_mixed_in_and_the_run_time_rules_still_hold() -> None:
    examples = [
        {"text": "Lovely sports day, well done everyone", "kind": "post", "channel": "personal"},
        # a lexicon phrase in a message: it decides, whatever either reader says
        {"text": "add me on snap, our little secret", "kind": "message", "channel": "personal"},
    ]
    linear = [{label: 0.2 for label in runtime.LABELS} for _ in examples]
    for score, example in zip(linear, examples, strict=True):
        trainer.apply_run_time_rules(score, example)
    # a different probability for each judgement: a column read for the wrong label shows
    probabilities = np.tile(np.linspace(0.05, 0.95, len(runtime.LABELS), dtype=np.float32), (2, 1))
    mixed = trainer.with_second_reader(linear, probabilities, examples, 0.25)
    post, message = mixed
    for label in ("gossip", "negative_school", "threat", "incident"):
        expected = 0.75 * 0.2 + 0.25 * float(probabilities[0, runtime.LABELS.index(label)])
        assert post[label] == pytest.approx(expected), label
    # read only in messages and comments (grooming), and only on official accounts (opinions):
    # zero on a personal post whatever the classifier says
    assert post["grooming"] == 0.0 and post["political_opinion"] == 0.0
    assert message["grooming"] == trainer.OFF
    with pytest.raises(ValueError, match="zip"):
        trainer.with_second_reader(linear, probabilities[:1], examples, 0.25)


def _posts(rows: list[tuple[list[str], dict[str, float]]]) -> tuple[list[dict[str, float]], list[dict[str, object]]]:
    """Examples with the given labels and out-of-fold scores (every other judgement 0)."""
    scores = [{label: given.get(label, 0.0) for label in runtime.LABELS} for _, given in rows]
    examples: list[dict[str, object]] = [{"text": f"post {n}", "labels": labels}
                                         for n, (labels, _) in enumerate(rows)]
    return scores, examples


def test_the_related_policy_does_not_count_a_sibling_negative_judgement_as_a_false_alarm() -> None:
    # negative_school scores 0.8 on ten posts that are negative_school (two of them harassment
    # too), on ten that are harassment only, and 0.95 on five more of its own: plain precision
    # at 0.8 is 15/25 = 0.6, so the plain rule needs a threshold above 0.8 (only its own 0.95s);
    # counted as related, the harassment-only posts are no false alarms and 0.8 will do.
    rows: list[tuple[list[str], dict[str, float]]] = (
        [(["negative_school"], {"negative_school": 0.8})] * 8
        + [(["negative_school", "harassment"], {"negative_school": 0.8, "harassment": 0.95})] * 2
        + [(["negative_school"], {"negative_school": 0.95})] * 5
        + [(["harassment"], {"negative_school": 0.8, "harassment": 0.95})] * 10
        + [([], {})] * 20
    )
    scores, examples = _posts(rows)
    assert trainer.tune_thresholds(scores, examples)["negative_school"] > 0.8
    related = trainer.tune_thresholds(scores, examples, related=True)
    assert related["negative_school"] <= 0.8
    # The posts carrying the judgement itself are kept whatever else they carry: here only
    # five do, two of them harassment too; dropping those two would leave too few to count.
    few: list[tuple[list[str], dict[str, float]]] = (
        [(["negative_school"], {"negative_school": 0.8})] * 3
        + [(["negative_school", "harassment"], {"negative_school": 0.8})] * 2 + [([], {})] * 10
    )
    few_scores, few_examples = _posts(few)
    assert trainer.tune_thresholds(few_scores, few_examples, related=True)["negative_school"] <= 0.8
    # A clean post still counts against it, related or not.
    scores, examples = _posts(rows + [([], {"negative_school": 0.8})] * 20)
    assert trainer.tune_thresholds(scores, examples, related=True)["negative_school"] > 0.8


def test_the_related_policy_leaves_judgements_outside_the_negative_family_alone() -> None:
    # confidential raised on harassment posts: they are its false alarms either way.
    rows: list[tuple[list[str], dict[str, float]]] = (
        [(["confidential"], {"confidential": 0.8})] * 10
        + [(["harassment"], {"confidential": 0.8, "harassment": 0.95})] * 10
        + [(["confidential"], {"confidential": 0.95})] * 5 + [([], {})] * 10
    )
    scores, examples = _posts(rows)
    plain = trainer.tune_thresholds(scores, examples)
    assert trainer.tune_thresholds(scores, examples, related=True)["confidential"] == plain["confidential"] > 0.8


def test_the_related_policy_still_needs_five_hits() -> None:
    rows: list[tuple[list[str], dict[str, float]]] = (
        [(["gossip"], {"gossip": 0.9})] * 4 + [(["harassment"], {"gossip": 0.9})] * 4 + [([], {})] * 10
    )
    scores, examples = _posts(rows)
    assert trainer.tune_thresholds(scores, examples, related=True)["gossip"] == trainer.OFF


def test_holding_clean_false_alarms_raises_the_cheapest_threshold_per_alarm_first() -> None:
    # Clean posts flagged: one by gossip, which also finds 10 real ones at 0.6 (raising it
    # past the clean post's 0.7 loses them all); two by off_topic at 0.65 and 0.66, whose
    # real posts score 0.9 (raising it past 0.66 costs nothing). gossip comes first in LABELS,
    # so taking labels in order would raise it; cost per alarm removed says off_topic.
    rows: list[tuple[list[str], dict[str, float]]] = (
        [(["gossip"], {"gossip": 0.6})] * 10 + [(["off_topic"], {"off_topic": 0.9})] * 10
        + [([], {"gossip": 0.7}), ([], {"off_topic": 0.65}), ([], {"off_topic": 0.66})]
        + [([], {})] * 10
        # Posts wrongly flagged that carry another label are not clean: they never count.
        + [(["threat"], {"gossip": 0.7, "threat": 0.9})] * 3
    )
    scores, examples = _posts(rows)
    start = {label: 0.5 for label in runtime.LABELS}
    held = trainer.hold_clean_false_alarms(start, scores, examples, budget=1)
    assert held["gossip"] == 0.5 and 0.66 < held["off_topic"] <= 0.9
    assert trainer.oof_figures(scores, examples, held).clean_false_alarms == 1
    # Safeguarding thresholds are never raised to meet the budget.
    rows.append(([], {"grooming": 0.9}))
    scores, examples = _posts(rows)
    held = trainer.hold_clean_false_alarms(start, scores, examples, budget=0)
    assert held["grooming"] == 0.5


def test_an_example_is_trained_on_as_the_check_reads_it_and_keeps_its_fold() -> None:
    example = {"text": "Mrs Okoye is useless, everyone knows it", "labels": ["negative_school"]}
    read = trainer.as_the_check_reads(example)
    assert read["text"] == "Mrs Smith is useless, everyone knows it"
    assert read["written"] == example["text"] and read["labels"] == ["negative_school"]
    # The fold follows the words as written, so adding the stand-in moves no example between folds.
    assert all(trainer.fold_of(read, folds) == trainer.fold_of(example, folds) for folds in (3, 5, 7))
    plain = {"text": "Lovely sunny sports day", "labels": []}
    assert trainer.as_the_check_reads(plain) is plain


def test_classifier_scores_are_tied_to_the_examples_they_were_made_for() -> None:
    # finetune_language.py writes this digest beside its out-of-fold scores; the trainer
    # refuses scores whose digest is not the development examples' own (same count, other rows).
    first = {"text": "Mrs Okoye is useless", "labels": ["negative_school"]}
    second = {"text": "Lovely sunny sports day", "labels": []}
    digest = trainer.examples_digest([trainer.as_the_check_reads(first), second])
    assert digest == trainer.examples_digest([first, second])  # the words as written count
    assert digest != trainer.examples_digest([second, first])
    assert digest != trainer.examples_digest([first, {**second, "text": "Lovely rainy sports day"}])
    assert trainer.scores_digest_path(Path("/x/oof.npy")) == Path("/x/oof.npy.examples.sha256")


def test_an_example_never_votes_for_itself_out_of_fold() -> None:
    # Only one example carries gossip: out of fold, nothing left can vote gossip for it, while
    # the clean examples still score from one another.
    examples = [{"text": "apparently the head is leaving, heard it in the staffroom", "labels": ["gossip"]}]
    examples += [{"text": f"Lovely sports day, well done Year {year}!", "labels": []} for year in range(1, 12)]
    scores = trainer.out_of_fold_neighbours(examples)
    gossip = list(runtime.LABELS).index("gossip")
    assert scores[0, gossip] == 0.0
    assert scores.shape == (len(examples), len(runtime.LABELS))
    assert (scores[1:, gossip] <= 1.0).all()


def test_a_post_with_no_vector_gets_no_neighbour_vote_and_keeps_its_linear_score() -> None:
    # An emoji-only post has no post vector: out of fold its nearest-examples row is NaN, and
    # mixing leaves the linear score as it is (as the run time does), not diluted by a zero vote.
    examples = [{"text": "🍆🍑💦", "labels": ["sexual"], "kind": "message"}]
    examples += [{"text": f"Lovely sports day, well done Year {year}!", "labels": []} for year in range(1, 12)]
    neighbours = trainer.out_of_fold_neighbours(examples)
    assert np.isnan(neighbours[0]).all() and not np.isnan(neighbours[1:]).any()
    linear = [{label: 0.9 for label in runtime.LABELS} for _ in examples]
    mixed = trainer.with_second_reader(linear, neighbours, examples, 0.2)
    assert mixed[0]["sexual"] == pytest.approx(0.9)
    assert mixed[1]["sexual"] == pytest.approx(0.8 * 0.9 + 0.2 * float(neighbours[1, runtime.LABELS.index("sexual")]))


@pytest.mark.parametrize("scale", [0.5, 1.0])
def test_the_embedding_scale_the_trainer_fits_with_is_the_one_the_run_time_reads(
    scale: float, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trainer, "DENSE_SCALE", scale)
    examples = [{"text": text, "labels": labels, "kind": "post"} for text, labels in (
        ("this school is a joke, worst SLT ever", ["negative_school"]),
        ("Year 9 are feral, can't stand this place", ["negative_school"]),
        ("Lovely sports day, well done everyone", []),
        ("Reminder: INSET day on Friday", []),
    )]
    fitted = trainer.fit(examples, 10.0, trainer.shared_vocabulary(examples))
    assert fitted["dense"]["scale"] == scale
    model = runtime.LanguageModel.from_json(fitted)
    assert model.dense_scale == scale
    # The run time weighs the vector by the scale: the score is the fitted regression's.
    text = "worst SLT ever, this place is a joke"
    index = runtime.LABELS.index("negative_school")
    vector = runtime.dense_vector("static", trainer.embedding_text(text))
    words = {j.label: j.score for j in runtime.LanguageModel.from_json(
        {**fitted, "dense": {**fitted["dense"], "scale": 0.0}}).score(text, floor=0.0)}
    with_vector = {j.label: j.score for j in model.score(text, floor=0.0)}
    logit = np.log(words["negative_school"] / (1 - words["negative_school"]))
    expected = 1 / (1 + np.exp(-(logit + float(np.asarray(fitted["dense"]["weights"][index]) @ vector) * scale)))
    assert with_vector["negative_school"] == pytest.approx(float(expected), abs=2e-4)


@pytest.mark.parametrize("floor", [1, 16])
def test_the_feature_scaling_the_trainer_fits_with_is_the_one_the_run_time_reads(
    floor: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(trainer, "FEATURE_NORM_FLOOR", floor)
    monkeypatch.setattr(trainer, "USE_EMBEDDINGS", False)
    examples = [{"text": text, "labels": labels, "kind": "post"} for text, labels in (
        ("this school is a joke 😂", ["negative_school"]),
        ("Year 9 are a joke, can't stand this place 😂", ["negative_school"]),
        ("Lovely sports day 😂 well done everyone", []),
        ("Reminder: INSET day on Friday", []),
    )]
    vocabulary = trainer.shared_vocabulary(examples)
    fitted = trainer.fit(examples, 10.0, vocabulary)
    assert fitted.get("feature_norm_floor", 1) == floor
    model = runtime.LanguageModel.from_json(fitted)
    index = runtime.LABELS.index("negative_school")
    for text in ("😂", "a joke 😂", "this school is a joke, can't stand this place"):
        present = {name for name in trainer.read_features(text) if name in vocabulary}
        weights = {feature: dict(entries) for feature, entries in fitted["weights"].items()}
        logit = fitted["intercepts"][index] + sum(
            weights.get(name, {}).get(index, 0.0) for name in present) / np.sqrt(max(len(present), floor))
        score = {j.label: j.score for j in model.score(text, floor=0.0)}["negative_school"]
        assert score == pytest.approx(float(1 / (1 + np.exp(-logit))), abs=1e-4)

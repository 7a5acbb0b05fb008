"""The hub's fine-tuned classifier (MiniLM student fine-tuned on the judgements), as shipped,
read beside the linear model in the minilm model."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from safepost.language import judge
from safepost.language.encoder import classifier
from safepost.language.model import LABELS, load_model

GROOMING = "you're so mature for your age, add me on snap and keep it between us x"
CLEAN = "Lovely sunny morning for sports day, well done to all our runners!"


def test_gives_one_probability_per_judgement_in_the_models_order() -> None:
    reader = classifier()
    assert reader.labels == LABELS
    probabilities = reader.probabilities(CLEAN)
    assert probabilities.shape == (len(LABELS),) and probabilities.dtype == np.float32
    assert ((probabilities >= 0) & (probabilities <= 1)).all()
    assert reader.probabilities("").shape == (len(LABELS),)
    assert reader.probabilities("word " * 5000).shape == (len(LABELS),)


@pytest.mark.parametrize(("text", "label"), [
    (GROOMING, "grooming"),
    ("my step dad hits me when mum is at work and I'm scared to go home", "disclosure"),
    ("Vote Labour on Thursday, this government has failed our children", "political_opinion"),
])
def test_reads_what_it_was_taught(text: str, label: str) -> None:
    index = LABELS.index(label)
    assert classifier().probabilities(text)[index] > 0.5 > classifier().probabilities(CLEAN)[index]


def test_the_hubs_model_mixes_the_two_readers_and_shows_both() -> None:
    model = load_model("minilm")
    assert 0 < model.classifier_weight < 1
    judgements = model.score(GROOMING, floor=0.0)
    assert {judgement.label for judgement in judgements} == set(LABELS)
    for judgement in judgements:
        (_, linear), (_, read) = judgement.readers
        mixed = (1 - model.classifier_weight) * linear + model.classifier_weight * read
        assert judgement.score == pytest.approx(mixed, abs=2e-4)
    # the engine's default model has no classifier: its second reader is the nearest examples
    static = load_model("static")
    for judgement in static.score(GROOMING, floor=0.0):
        (first, linear), (second, votes) = judgement.readers
        assert (first, second) == ("word features and post vector", "nearest labelled examples")
        assert static.neighbours is not None
        mixed = (1 - static.neighbours.weight) * linear + static.neighbours.weight * votes
        assert judgement.score == pytest.approx(mixed, abs=2e-4)


def test_a_finding_says_what_each_reader_scored() -> None:
    decisions = judge(GROOMING, kind="message", model_name="minilm")
    model_decisions = [decision for decision in decisions if decision.source == "model"]
    assert model_decisions and all(len(decision.readers) == 2 for decision in model_decisions)


def test_a_model_trained_without_the_stand_in_gives_its_classifier_the_post_without_it_too() -> None:
    # Both readers read the post as they were trained to: "STAR OF THE WEEK: Alex Smith!!!"
    # is judged on its other words alone, whoever the stand-in stands for.
    model = dataclasses.replace(load_model("minilm"), without_stand_in=True)
    named = {j.label: j.readers for j in model.score("STAR OF THE WEEK: Alex Smith!!!", floor=0.0)}
    blank = {j.label: j.readers for j in model.score("STAR OF THE WEEK:           !!!", floor=0.0)}
    assert named.keys() == blank.keys() == set(LABELS)
    for label in LABELS:
        assert named[label][1][1] == pytest.approx(blank[label][1][1], abs=1e-4)  # the classifier's
    # the blanking is what changed the reader's scores: given the name, it reads otherwise
    reader = classifier()
    assert reader.without_stand_in
    as_written = reader.probabilities("STAR OF THE WEEK: Alex Smith!!!")
    assert any(abs(float(as_written[i]) - blank[label][1][1]) > 1e-3 for i, label in enumerate(LABELS))


def test_a_model_and_classifier_that_read_the_stand_in_differently_are_refused() -> None:
    # A language model retrained reading the stand-in's words beside a classifier trained
    # without them (or the reverse) would hand the reader text it never learnt from.
    mismatched = dataclasses.replace(load_model("minilm"), without_stand_in=False)
    with pytest.raises(ValueError, match="classifier_reads.json"):
        mismatched.score(CLEAN)


def test_a_classifier_whose_labels_differ_from_the_models_is_refused_naming_the_file() -> None:
    model = load_model("minilm")
    reordered = dataclasses.replace(model, labels=list(reversed(model.labels)))
    with pytest.raises(ValueError, match="classifier_labels.json"):
        reordered.score(CLEAN)

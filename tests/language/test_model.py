"""The shipped model: loads offline from the package, scores, and explains itself."""

from __future__ import annotations

import numpy as np
import pytest

from safepost.language import LABELS, candidates, judge
from safepost.language import model as runtime
from safepost.language.features import Feature
from safepost.language.model import _triggers, chosen_model_name, load_model


@pytest.mark.parametrize("name", ["static", "minilm"])
def test_model_ships_every_label_with_a_threshold(name: str) -> None:
    model = load_model(name)
    assert model.labels == list(LABELS)
    assert set(model.thresholds) == set(LABELS)
    # A judgement that never reached its precision target out of fold ships switched off (1.01).
    assert all(0.0 < value < 1.0 or value == 1.01 for value in model.thresholds.values())


def test_scores_are_probabilities_with_triggers_inside_the_text() -> None:
    text = "Apparently the head is being sacked, heard it from someone in the office"
    for decision in candidates(text):
        assert 0.0 <= decision.score <= 1.0
        for trigger in decision.triggers:
            assert text[trigger.start:trigger.end] == trigger.words


def test_official_only_judgements_stay_off_personal_posts() -> None:
    text = "Vote them out at the next election, this government has ruined our schools"
    personal = {decision.label for decision in candidates(text, "personal")}
    assert not personal & {"political_opinion", "commitment", "off_topic", "unprofessional_tone"}


def test_a_threshold_of_one_silences_the_model_but_not_the_lexicon() -> None:
    text = "this is our little secret, dont tell your mum"
    everything_off = {label: 1.01 for label in LABELS}
    labels = {decision.label for decision in judge(text, "personal", everything_off)}
    assert labels == {"grooming"}


def test_blank_text_has_no_judgement() -> None:
    assert judge("   ") == []


def test_static_is_the_engines_default_and_the_setting_overrides_any_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SAFEPOST_LANGUAGE_MODEL", raising=False)
    assert chosen_model_name() == "static"
    assert chosen_model_name(default="minilm") == "minilm"
    monkeypatch.setenv("SAFEPOST_LANGUAGE_MODEL", " Static ")
    assert chosen_model_name(default="minilm") == "static"


def test_an_unknown_model_name_is_refused_naming_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFEPOST_LANGUAGE_MODEL", "bert")
    with pytest.raises(ValueError, match="SAFEPOST_LANGUAGE_MODEL: 'bert'"):
        chosen_model_name()


def test_both_packaged_models_load_side_by_side_in_one_process() -> None:
    static, minilm = load_model("static"), load_model("minilm")
    assert static is not minilm
    # the hub's model reads the fine-tuned MiniLM classifier beside its linear part; the
    # engine's reads none (it keeps the static model's speed)
    assert static.classifier_weight == 0 and 0 < minilm.classifier_weight < 1
    assert load_model("minilm") is minilm  # read once
    with pytest.raises(ValueError, match="'bert'"):
        load_model("bert")


@pytest.mark.parametrize("name", ["static", "minilm"])
def test_each_packaged_model_reads_a_post_the_same_whoever_the_stand_in_stands_for(name: str) -> None:
    # Both shipped models are trained without the stand-in's words (the hub's since session
    # 12, its fine-tuned reader included): a post naming Alex Smith scores exactly as the same
    # post with the name left out.
    from safepost.language.model import load_model

    model = load_model(name)
    assert model.without_stand_in
    named = {j.label: j.score for j in model.score("Alex Smith was brilliant in the play", floor=0.0)}
    blank = {j.label: j.score for j in model.score("           was brilliant in the play", floor=0.0)}
    assert named == pytest.approx(blank)


@pytest.mark.parametrize("name", ["static", "minilm"])
@pytest.mark.parametrize("text", [
    "STAR OF THE WEEK: ALEX SMITH!!! 🌟🌟",  # a roster pupil, as the check reads them
    "Happy 6th birthday to Alex (born 14/01/2020)! 🎂🎈",
])
def test_a_short_celebration_naming_a_pupil_is_not_off_topic(name: str, text: str) -> None:
    # The hub's session-10 model read the first as off topic for every pupil (its reader had
    # learnt the stand-in's words); a guard on what ships, not on the targets.
    assert "off_topic" not in {decision.label for decision in judge(text, "official", kind="post",
                                                                       model_name=name)}


@pytest.mark.parametrize("name", ["static", "minilm"])
@pytest.mark.parametrize(("text", "channel", "kind"), [
    # Every emoji was the embedding's one unknown piece, read like the corpus's aubergines
    # (session 13): a guard on what ships, not on the targets.
    ("Teacher 🍎 | Dad of 2 | NUFC ⚫⚪", "personal", "profile"),
    ("Sunday dinner at me mam's with Kai and the bairns 🍗🥔 canny day", "personal", "post"),
])
def test_everyday_emoji_are_not_read_as_sexual(name: str, text: str, channel: str, kind: str) -> None:
    assert not judge(text, channel, kind=kind, model_name=name)


@pytest.mark.parametrize("name", ["static", "minilm"])
@pytest.mark.parametrize("text", ["😂", "👀", "🔥", "Alex 🔥", "😍", "Brilliant 👏"])
def test_a_lone_emoji_is_not_evidence_enough_for_a_judgement(name: str, text: str) -> None:
    # One feature once weighed as a whole post: "😂" read as sexual at 0.92, "👀" as gossip
    # (session 17). A guard on what ships, not on the targets.
    assert not judge(text, "personal", kind="post", model_name=name)


def test_few_word_features_are_scaled_as_if_there_were_the_floors_number() -> None:
    model = load_model("static")
    assert model.feature_norm_floor > 1
    one_feature = runtime.LanguageModel.from_json({
        "version": "1", "labels": list(runtime.LABELS), "intercepts": [0.0] * len(runtime.LABELS),
        "thresholds": {label: 0.5 for label in runtime.LABELS}, "vocabulary": ["w:😂"],
        "weights": {"w:😂": [[runtime.LABELS.index("sexual"), 4.0]]}, "feature_norm_floor": 16,
    })
    sexual = {j.label: j.score for j in one_feature.score("😂", floor=0.0)}["sexual"]
    assert sexual == pytest.approx(1 / (1 + np.exp(-4.0 / 4)), abs=1e-4)  # 4 / sqrt(16), not 4 / sqrt(1)


def test_an_emoji_only_post_keeps_its_linear_score() -> None:
    # No post vector, so no neighbours: the nearest-examples reader neither votes nor dilutes.
    model = load_model("static")
    assert model.neighbours is not None
    for judgement in model.score("🍆🍑💦", floor=0.0):
        assert judgement.readers == () and judgement.voted == ()
    assert all(judgement.readers for judgement in model.score("see you at the match", floor=0.0))


def test_the_nearest_examples_reader_weighs_the_closest_most() -> None:
    import numpy as np

    from safepost.language.model import Neighbours

    vectors = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0], [-1.0, 0.0]], dtype=np.float32)
    labels = np.array([[1, 0], [0, 1], [0, 1], [1, 1]], dtype=np.float32)
    reader = Neighbours(k=3, power=1.0, weight=0.2, vectors=vectors, labels=labels)
    votes, (nearest, similarities) = reader.scores(np.array([1.0, 0.0], dtype=np.float32))
    assert list(nearest) == [0, 1, 2] and list(similarities) == pytest.approx([1.0, 0.8, 0.0])
    # 1.0 of the weight votes for the first judgement, 0.8 for the second, of 1.8 in all;
    # the opposite example is not among the 3 nearest.
    assert list(votes) == pytest.approx([1.0 / 1.8, 0.8 / 1.8])
    far = Neighbours(k=10, power=1.0, weight=0.2, vectors=vectors[3:], labels=labels[3:])
    assert list(far.scores(np.array([1.0, 0.0], dtype=np.float32))[0]) == [0.0, 0.0]  # nothing alike


def test_the_engines_findings_show_both_readers_and_the_examples_that_voted() -> None:
    import json
    from importlib import resources

    from safepost.language import judge
    from safepost.language.model import LABELS, load_model

    model = load_model("static")
    assert model.neighbours is not None
    assert model.neighbours.labels.shape == (len(model.neighbours.vectors), len(LABELS))
    folder = resources.files("safepost.language")
    texts = json.loads(folder.joinpath(model.neighbours.texts_file).read_text("utf-8"))
    assert len(texts) == len(model.neighbours.vectors)
    decisions = judge("honestly this school is a joke, SLT couldn't organise a raffle", "personal",
                      model_name="static")
    found = next(decision for decision in decisions if decision.label == "negative_school")
    assert [name for name, _score in found.readers] == ["word features and post vector",
                                                         "nearest labelled examples"]
    column = LABELS.index("negative_school")
    for example in found.nearest:  # each shown example is one of the neighbours carrying it
        assert model.neighbours.labels[texts.index(example), column] == 1


def test_a_model_file_naming_a_nearest_examples_reader_is_refused_without_it_or_beside_a_classifier() -> None:
    import json
    from importlib import resources

    from safepost.language.model import LanguageModel

    data = json.loads(resources.files("safepost.language").joinpath("model.json").read_text("utf-8"))
    assert data["neighbours"]
    with pytest.raises(ValueError, match="model_neighbours.npz"):
        LanguageModel.from_json(data)  # its vectors and labels not given: refused, not ignored
    arrays = {"vectors": np.zeros((3, 2)), "labels": np.zeros((3, 19))}
    with pytest.raises(ValueError, match="fine-tuned classifier"):
        LanguageModel.from_json({**data, "classifier": {"weight": 0.5}}, neighbour_arrays=arrays)


def test_a_finding_shows_the_neighbours_found_when_the_post_was_scored() -> None:
    from safepost.language.model import load_model

    model = load_model("static")
    judgement = next(j for j in model.score("honestly this school is a joke, SLT couldn't organise a raffle")
                     if j.label == "negative_school")
    assert judgement.voted and all(model.neighbours.labels[index, 0] == 1 for index in judgement.voted)  # type: ignore[union-attr]
    assert model.nearest(judgement, "ignored: the neighbours were found when scoring") == tuple(
        model._neighbour_texts()[index] for index in judgement.voted[:2])


def _contributions(text: str, weights: dict[str, float]) -> list[tuple[float, Feature]]:
    return [(weight, Feature(f"w:{word}", text.index(word), text.index(word) + len(word)))
            for word, weight in weights.items()]


@pytest.mark.parametrize(("weights", "shown"), [
    # a function word explains nothing to a reader: the next telling words are shown instead
    ({"and": 3.0, "told": 2.0, "scared": 1.5, "me": 1.0}, ("told", "me", "scared")),
    # pronouns stay: "you" is part of what grooming sounds like
    ({"you": 3.0, "and": 2.5, "secret": 2.0}, ("you", "secret")),
    # where nothing else weighs, the function words are still the reason given
    ({"and": 1.0, "the": 0.5}, ("and", "the")),
])
def test_triggers_leave_out_function_words_while_anything_else_weighs(
    weights: dict[str, float], shown: tuple[str, ...],
) -> None:
    text = "told me and the you scared secret"
    triggers = _triggers(text, _contributions(text, weights))
    assert tuple(trigger.words for trigger in triggers) == shown


@pytest.mark.parametrize(("text", "read"), [
    # a joke at the writer's own family, nothing of school in it (session 24, an outside reader)
    ("If my husband loads the dishwasher like that one more time I swear I'm going to murder him 🔪😂", False),
    # the lexicon's threat phrase too
    ("I'll kill him if my husband forgets the bins again 😂", False),
    # a threat at a pupil is read however laughing
    ("If that little sod in my class bins his work ONE more time I swear I'll throttle him 😤😂", True),
])
def test_a_threat_joked_at_the_writers_own_family_is_not_read(text: str, read: bool) -> None:
    threats = [decision for decision in judge(text, "personal", kind="post", model_name="static")
               if decision.label == "threat"]
    assert bool(threats) is read


def test_only_a_laughing_threat_at_home_is_a_joke() -> None:
    from safepost.language import _a_joke_at_home

    grumble = "If my husband loads the dishwasher like that again I'm going to murder him"
    assert not _a_joke_at_home(grumble, None, False)
    assert _a_joke_at_home(grumble + " 😂", None, False)
    assert not _a_joke_at_home(grumble + " 😂 and the Year 9s are next", None, False)

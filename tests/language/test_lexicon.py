"""The hand-written lexicon: phrases that decide a judgement, and innocent look-alikes."""

from __future__ import annotations

import pytest

from safepost.language.lexicon import LexiconError, load_lexicon, parse_lexicon


@pytest.mark.parametrize(("text", "label"), [
    ("go back to your own country", "discrimination"),
    ("Go back where you came from mate", "discrimination"),
    ("I'll sort you out tomorrow", "threat"),
    ("I know where you live", "threat"),
    ("this is our little secret x", "grooming"),
    ("dont tell your mum ok", "grooming"),
    ("delete these messages after", "grooming"),
    ("i want to kill myself", "disclosure"),
    ("my step dad hits me", "disclosure"),
    ("im scared to go home", "disclosure"),
])
def test_phrases_found(text: str, label: str) -> None:
    hits = load_lexicon().find(text)
    assert [hit.label for hit in hits] == [label]
    assert hits[0].words.lower() in text.lower()


@pytest.mark.parametrize("text", [
    "We smashed it at sports day!",
    "Scunthorpe away this weekend",
    "Year 4 are killing it with their times tables",
    "I could murder a cuppa",
    "Dick Whittington panto was brilliant",
    "It was a secret santa surprise",
    "Don't tell me it's Monday already",
    "Self-harm awareness training for staff today",
])
def test_innocent_uses_are_left_alone(text: str) -> None:
    assert load_lexicon().find(text) == []


@pytest.mark.parametrize(("data", "key"), [
    ({}, "labels"),
    ({"labels": {"not_a_label": ["x"]}}, "labels.not_a_label"),
    ({"labels": {"threat": "x"}}, "labels.threat"),
    ({"labels": {"threat": ["(unclosed"]}}, "labels.threat[0]"),
    ({"labels": {}, "allow": "x"}, "allow"),
])
def test_bad_lexicon_names_the_key(data: object, key: str) -> None:
    with pytest.raises(LexiconError, match=key.replace("[", r"\[").replace("]", r"\]")):
        parse_lexicon(data, "lex.yaml")

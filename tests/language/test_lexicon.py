"""The hand-written lexicon: phrases that decide a judgement, and innocent look-alikes."""

from __future__ import annotations

import pytest

from safepost.language import judge
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


# Signs of grooming, of asking a child for their details and of disclosures that count only
# in a message or comment (said to someone), not in a plain post.
@pytest.mark.parametrize(("text", "label"), [
    ("add me on snap so we can chat properly", "grooming"),
    ("lets move this convo to whatsapp", "grooming"),
    ("no one else needs to know about this", "grooming"),
    ("I'll leave the door open, come and find me when everyone's gone", "grooming"),
    ("I can give you a lift home after rehearsal", "grooming"),
    ("you're so mature for your age", "grooming"),
    ("topped up your phone credit for you", "grooming"),
    ("whats ur snap?", "request_child_info"),
    ("send me a selfie of you in the new kit", "request_child_info"),
    ("are you home alone tonight?", "request_child_info"),
    ("when's your mum next away?", "request_child_info"),
    ("what's the code for your front door", "request_child_info"),
    ("miss i've been cutting again", "disclosure"),
    ("i just want to die", "disclosure"),
    ("nobody would care if i wasn't here", "disclosure"),
    ("theres no food at home again", "disclosure"),
    ("an older boy keeps messaging me asking me to send pics", "disclosure"),
])
def test_exchange_phrases_found_only_in_exchanges(text: str, label: str) -> None:
    lexicon = load_lexicon()
    assert label in [hit.label for hit in lexicon.find(text, exchange=True)]
    assert label not in [hit.label for hit in lexicon.find(text, exchange=False)]


@pytest.mark.parametrize("text", [
    "Please don't message me on Instagram, use Teams for homework questions",
    "i want to die of embarrassment 😂 tripped on stage",
    "I've been cutting back on biscuits in the staffroom",
    "Hottest day of the year for sports day!",
    "Send me the address for the staff night out?",
    "What are the arrangements for the coach home?",
    "My mum is home on Fridays so she can collect",
])
def test_innocent_exchanges_are_left_alone(text: str) -> None:
    assert load_lexicon().find(text, exchange=True) == []


def test_exchange_phrase_decides_in_a_message_not_in_a_post() -> None:
    text = "send me a pic of you in your uniform"
    in_message = [d for d in judge(text, kind="message") if d.source == "lexicon"]
    in_post = [d for d in judge(text, kind="post") if d.source == "lexicon"]
    assert [d.label for d in in_message] == ["request_child_info"]
    assert in_message[0].triggers[0].words == "send me a pic of you"
    assert in_post == []


@pytest.mark.parametrize(("data", "key"), [
    ({}, "labels"),
    ({"labels": {"not_a_label": ["x"]}}, "labels.not_a_label"),
    ({"labels": {"threat": "x"}}, "labels.threat"),
    ({"labels": {"threat": ["(unclosed"]}}, "labels.threat[0]"),
    ({"labels": {}, "allow": "x"}, "allow"),
    ({"labels": {}, "in_exchanges": ["x"]}, "in_exchanges"),
    ({"labels": {}, "in_exchanges": {"grooming": ["(bad"]}}, r"in_exchanges.grooming[0]"),
    ({"labels": {}, "in_exchanges": {"nope": ["x"]}}, "in_exchanges.nope"),
])
def test_bad_lexicon_names_the_key(data: object, key: str) -> None:
    with pytest.raises(LexiconError, match=key.replace("[", r"\[").replace("]", r"\]")):
        parse_lexicon(data, "lex.yaml")

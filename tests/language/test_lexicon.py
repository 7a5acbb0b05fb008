"""The hand-written lexicon: phrases that decide a judgement, and innocent look-alikes."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from safepost.language import judge, lexicon_hits
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
    ("Be a shame if something happened to that nice car of yours", "threat"),
    ("wait till i get hold of him after school", "threat"),
    ("I'll make your life hell, you watch", "threat"),
    ("Travellers are all thieves, lock your sheds", "discrimination"),
    ("trans people shouldn't be allowed near kids", "discrimination"),
    ("women can't lead, simple as", "discrimination"),
    ("she's a lazy cow and everyone knows it", "harassment"),
    ("honestly he's a complete waste of space", "harassment"),
])
def test_phrases_found(text: str, label: str) -> None:
    hits = load_lexicon().find(text, exchange=False)  # these count anywhere, posts included
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
    "Wait till I see you at the party, I've got news!",
    "I'll be waiting outside the hall for the Year 6 parents",
    "What a shame if the rain spoils sports day",
    "Year 11 are going to kill it in the exam",
    "Black History Month: our pupils researched Windrush pioneers",
    "omg Jade you muppet 😂 left your phone at mine again",
    # look-alikes of the threat, discrimination and insult templates
    "The tent poles are dirty after camp, please bring them back cleaned",
    "In 1900 many people believed women should not be allowed to vote",
    "Coats go back where they belong: on the pegs!",
    "Working mums know women cannot manage without decent childcare",
    "Year 2's Billy Goats Gruff: he's an ugly troll and proud of it",
    "Wait till I get hold of them results on Thursday!",
    "Better watch yourself on the ice this morning",
    "Don't let exams make your life a misery: the wellbeing team is here",
    "He's so dead if we lose the staff match",
    "Our secret weapon for SATs? Sleep and a good breakfast",
    # look-alikes of the phrases read only in messages and comments
    "Please don't message me on Instagram, use Teams for homework questions",
    "i want to die of embarrassment 😂 tripped on stage",
    "I've been cutting back on biscuits in the staffroom",
    "Hottest day of the year for sports day!",
    "Send me the address for the staff night out?",
    "What are the arrangements for the coach home?",
    "My mum is home on Fridays so she can collect",
])
def test_innocent_uses_are_left_alone(text: str) -> None:
    # Read as an exchange: every phrase is tried, those that count anywhere included.
    assert load_lexicon().find(text, exchange=True) == []


# Signs of grooming, of asking a child for their details and of disclosures that count only
# in a message or comment (said to someone), not in a plain post.
@pytest.mark.parametrize(("text", "label"), [
    ("add me on snap so we can chat properly", "grooming"),
    ("lets move this convo to snap", "grooming"),
    ("no one else needs to know about this", "grooming"),
    ("I'll leave the door open, come and find me when everyone's gone", "grooming"),
    ("i'm not like the other teachers, you can tell me anything", "grooming"),
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
    ("i want to die 😭", "disclosure"),
    ("i just want to die in my sleep", "disclosure"),
    ("i want to die when he comes home", "disclosure"),
    ("i've been self harming since christmas", "disclosure"),
    ("please don't message me on here, add me on snap", "grooming"),  # an allow-listed phrase first
])
def test_exchange_phrases_found_only_in_exchanges(text: str, label: str) -> None:
    lexicon = load_lexicon()
    assert label in [hit.label for hit in lexicon.find(text, exchange=True)]
    assert label not in [hit.label for hit in lexicon.find(text, exchange=False)]


INNOCENT_EXCHANGES = Path(__file__).resolve().parents[1] / "data" / "language" / "innocent_exchanges.txt"


def _innocent_exchanges() -> list[str]:
    lines = INNOCENT_EXCHANGES.read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("# ")]


@pytest.mark.parametrize("text", _innocent_exchanges())
def test_ordinary_school_messages_are_left_alone(text: str) -> None:
    assert load_lexicon().find(text, exchange=True) == []


def test_curly_and_modifier_apostrophes_are_read_as_apostrophes() -> None:
    for apostrophe, ending in itertools.product(("\u2019", "\u2018", "\u02bc", "\u00b4"), ("", "\u2026")):
        text = f"don{apostrophe}t tell your mum{ending}"  # an ellipsis changes the folded length
        assert [hit.label for hit in load_lexicon().find(text, exchange=False)] == ["grooming"], apostrophe


@pytest.mark.parametrize(("kind", "found"), [
    ("message", True), ("comment", True), (None, True),  # an unknown kind is read as an exchange
    ("post", False), ("profile", False), ("share", False),
])
def test_exchange_phrases_by_kind(kind: str | None, found: bool) -> None:
    # judge() reads the lexicon through lexicon_hits(), as the trainer does: one scoping.
    decisions = judge("are u home alone tonight?", kind=kind)
    assert ("request_child_info" in {d.label for d in decisions if d.source == "lexicon"}) is found
    assert ("request_child_info" in {hit.label for hit in lexicon_hits("are u home alone tonight?", kind)}) is found


def test_exchange_phrase_decides_in_a_message_not_in_a_post() -> None:
    text = "send me a pic of you in your uniform"
    in_message = [d for d in judge(text, kind="message") if d.source == "lexicon"]
    in_post = [d for d in judge(text, kind="post") if d.source == "lexicon"]
    assert [d.label for d in in_message] == ["request_child_info"]
    assert in_message[0].triggers[0].words == "send me a pic of you in"
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

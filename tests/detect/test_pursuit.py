"""Messages that go on after the other person has said no, as against a single nudge, banter
between friends and the same words about something else."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.pursuit import PursuitDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "signs"), [
    # one plain sign that the other person said no, and the writer goes on, is enough
    ("why have u blocked me on fb?? i only asked u for a drink", "why have u blocked me", ["refused"]),
    ("new number, it's me. just hear me out", "new number, it's me", ["refused"]),
    ("You can't ignore me forever Kirsty.", "You can't ignore me forever", ["refused"]),
    ("its just one drink 😘 I'll keep asking till you say yes x", "I'll keep asking till you", ["refused"]),
    ("I'm not going away.", "I'm not going away", ["refused"]),
    ("I know you said you weren't interested but that dress today...",
     "you said you weren't interested", ["refused"]),
    ("Mrs Hallam, I know you asked that I only go through the school office but it takes forever",
     "you asked that I only go through the school office", ["refused"]),
    ("Blocked me on WhatsApp. Cute. New number.", "Blocked me", ["refused"]),
    ("Wow. Blocked me. Cute.", "Blocked me", ["refused"]),  # the words quoted without the full stop
    ("Mrs Okafor, I know you've asked that everything goes through Mr Bell now but I feel we can sort this",
     "you've asked that everything goes through Mr", ["refused"]),
    # softer signs count two together
    ("Why are you ignoring me?? That's 6 messages now.", "Why are you ignoring me",
     ["no answer", "again and again"]),
    ("Still waiting for your reply. Third time of asking.", "Still waiting for your reply",
     ["no answer", "again and again"]),
    ("You’re ignoring me again. That’s 6 messages now.", "You’re ignoring me", ["no answer", "again and again"]),
    ("I'll try your landline. Please, just reply. I'm begging you.", "I'll try your landline",
     ["again and again", "pleading"]),
])
def test_pursuit_after_a_no_is_found(detect: Detect, text: str, words: str, signs: list[str]) -> None:
    (item,) = detect(PursuitDetector(), text)
    assert item.kind == "unwanted_pursuit" and item.text == words and item.attrs["signs"] == signs


@pytest.mark.parametrize("text", [
    "why are you ignoring me 😂 you owe me a coffee",            # one soft sign: banter
    "Third time of asking for the reports, folks! Friday please",  # a team deadline
    "You told me to stop worrying so I did!",
    "I'll keep trying till I get it right",
    "Can you answer me a quick question about the trip?",
    "Sorry for ignoring your messages, mad week. Drink Friday?",
    "Blocked another spam account pretending to be the school today",
    "my phone's blocked me out again, use the staff email",
    "You said to stop by the office after period 3 - is that still ok?",
    "Thanks for telling me you'd rather keep things professional. Completely respect that.",
    "Tried your extension a couple of times but it rings out. I'll catch you at break.",
    "I'll keep checking the boiler every hour until the engineer turns up",
    "Speak to me like that again and see what happens. I know where you live.",  # a threat: not this
    "Wow, what a day",
    "Blocked me from the staff drive again 🙄 can IT fix it?",
    "You asked me to go through the office, so I've copied Mrs Shah in. Thanks!",  # doing as asked
    # (session 24's review) two signs of one family, a no that is not to contact, a call muted
    "still waiting for your reply about Amir's trip form. If you don't reply by Friday he can't go",
    "Read receipts are off on the school phone. Blue ticks don't mean we've seen it",
    "He said no at first but now he's loving the choir!",
    "You said no to cake but I've saved you a slice",
    "Your mum said no phones at the disco, but it's fine for photos",
    "I'm not going away, just moving to Year 4",
    "You muted me in the Teams call 😂",
    "She's blocked me from the staff drive",
])
def test_a_nudge_or_the_same_words_about_something_else(detect: Detect, text: str) -> None:
    assert detect(PursuitDetector(), text) == []


def test_a_flood_of_signs_is_read_once(detect: Detect) -> None:
    (item,) = detect(PursuitDetector(), "answer me. " * 4000 + "and the least you can do is reply")
    assert item.attrs["signs"] == ["no answer", "pleading"] and item.text == "answer me"

"""Words telling readers to set aside what the school has formally said, as against corrections
of one's own message, other bodies' letters and reminders to read the school's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.contradiction import ContradictionDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("Ignore the letter that went home, the residential ISN'T cancelled 🙄", "Ignore the letter"),
    ("Whatever the letter says, school is NOT closing early on Friday", "Whatever the letter says"),
    ("FYI the school won't actually fine you for a term-time holiday", "the school won't actually fine"),
    ("Disregard the newsletter. INSET is still on the 3rd.", "Disregard the newsletter"),
    ("Ignore the email from the head, the trip is definitely still on 👍", "Ignore the email"),
    ("Don't believe the letter – the school ISN'T shutting Friday because of the heating", "Don't believe the letter"),
    ("FYI the school doesn't actually enforce the phone ban in Year 6.", "the school doesn't actually enforce"),
    ("Don't believe what the newsletter says about the trip being free, you'll pay in January",
     "Don't believe what the newsletter"),
    ("Re the email from school about uniform - no one is going to send kids home for trainers.",
     "no one is going to send"),
    ("Whatever the Head's email said, the detentions aren't actually happening", "Whatever the Head's email said"),
])
def test_setting_aside_the_schools_word_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(ContradictionDetector(), text)
    assert item.kind == "contradicts_the_school" and item.text == words


@pytest.mark.parametrize("text", [
    "Ignore my last email, wrong attachment! The right one is on Teams.",     # one's own message
    "Ignore the last text, I meant Thursday for the pub quiz 🍻",
    "Ignore the letter from the council about the bins, they've changed the day again",  # not the school's
    "Don't ignore the letter about the school trip - the deposit is due Friday!",        # the opposite
    "Please read the newsletter, it has all the dates for the summer term",
    "Whatever the weather says, we're still doing the Park Run on Saturday!",
    "They never actually fine you for library books at my local library 😂",
    "Ignore the haters, Year 6 SATs prep is going brilliantly 💪",
    "Don't believe the hype about the new Marvel film, it's dreadful",
    # (session 21's review) a scam or hoax warned of, a slip, a correction, someone else's notice
    "PSA: ignore any texts claiming to be from school asking for bank details - it's a scam.",
    "Ignore any messages saying school is closed tomorrow - it's a hoax, school is NOT closed.",
    "Sorry, ignore that message - wasn't meant for this group. School run chaos!",
    "Top tip for NQTs: ignore all the emails after 6pm. They'll still be there in the morning.",
    "The school has sent a correction: please ignore yesterday's text, school is not finishing early.",
    "The school never actually closes for snow - we're made of hardy stuff! Wrap up warm.",
    "Ignore the texts from my mum, she still thinks I'm at school until 6 every night.",
    "",
])
def test_other_words_are_not_contradiction(detect: Detect, text: str) -> None:
    assert detect(ContradictionDetector(), text) == []

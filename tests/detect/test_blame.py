"""Telling a parent or colleague it is their own fault, as against kind advice, the writer's own
slip and life outside school."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.blame import BlameDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("Maybe if you got him to bed before midnight he wouldn't be asleep in phonics every morning 🙄",
     "Maybe if you got him to bed before midnight he wouldn't"),
    ("If you'd actually read the newsletter you'd know non-uniform is on FRIDAY.",
     "If you'd actually read the newsletter you'd know"),
    ("With respect, if you read the letters we send home you'd know the trip money was due in October.",
     "if you read the letters we send home you'd know"),
    ("Perhaps if Jayden's dad got him to school on time he'd not be in isolation",
     "Perhaps if Jayden's dad got him to school on time he'd"),
    ("@GBellGeog maybe if you actually turned up to your break duty I wouldn't be covering it again",
     "maybe if you actually turned up to your break duty I wouldn't"),
    ("Maybe if some of you spent less time on this group and more time reading with your kids, we "
     "wouldn't need a phonics workshop", "Maybe if some of you spent less time on this group and more time "
     "reading with your kids, we wouldn't"),
    ("Maybe if you'd got him to lessons on time once this year he'd have passed",
     "Maybe if you'd got him to lessons on time once this year he'd"),
    ("If you had bothered to check the app you would have seen the trip was cancelled",
     "If you had bothered to check the app you would have seen"),
    ("Had you read the letter, you'd know the trip money was due Friday", "Had you read the letter, you'd know"),
])
def test_telling_someone_it_is_their_own_fault_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(BlameDetector(), text)
    # (the evidence runs on to the sentence's end: what they would have known, or not done)
    assert item.kind == "told_its_their_fault" and item.text.startswith(words)


@pytest.mark.parametrize("text", [
    "Maybe if you get an early night you'd feel better for the school trip tomorrow x",   # kind
    "Maybe if I'd read the newsletter I'd have known it was non-uniform day 🙈",        # the writer
    "Maybe if we'd set off earlier we wouldn't have missed the coach",
    "Maybe if you'd read the recipe you'd know it needed eggs 😂",                        # not school
    "Maybe if the government actually funded schools we wouldn't be rationing glue sticks",
    "Maybe if it stops raining we'll get sports day done on Friday",
    "If you've read the newsletter, you'll know the trip is on Friday - see you there!",
    # (session 29's review) the writer's own children, a regulator, a helpful reply
    "Perhaps if my two got to bed on time I'd get some marking done 😴",
    "Maybe if Ofsted actually listened to teachers we wouldn't all be leaving",
    "Maybe if he got here before 8:40 we'd be able to fit him into breakfast club - just give us a ring!",
])
def test_the_same_turns_of_phrase_blaming_no_one(detect: Detect, text: str) -> None:
    assert detect(BlameDetector(), text) == []


def test_on_the_schools_own_account_school_life_goes_without_saying(detect: Detect) -> None:
    text = "Maybe if you got him out of bed in the mornings he'd actually be here on time 🙄"
    assert detect(BlameDetector(), text, channel="personal") == []  # nothing says it is school
    (item,) = detect(BlameDetector(), text, channel="official")
    assert item.kind == "told_its_their_fault"

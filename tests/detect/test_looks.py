"""A remark on a child's looks as a grown-up's, as against kindness about a child, a baby, a
building or a costume."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.looks import LooksRemarkDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("omg she's turning into a proper little stunner isn't she 😍", "a proper little stunner"),
    ("Stunning!! you'll be breaking hearts at prom tonight x", "you'll be breaking hearts"),
    ("the lads won't know what's hit them", "the lads won't know what's hit them"),
    ("you'll be beating the boys off with a stick!!", "beating the boys off with a stick"),
    ("legs up to her ears, tell her Mr R says hi x", "legs up to her ears"),
    ("she's going to be breaking hearts soon with that figure!", "'s going to be breaking hearts"),
    ("Stunning!! looks about 16 in that dress", "looks about 16 in that dress"),
    ("Wow look at you 😍 proper little model", "proper little model"),
    ("Poppy could easily be a model, gorgeous girl", "could easily be a model"),
])
def test_a_remark_on_a_childs_looks_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(LooksRemarkDetector(), text)
    assert item.kind == "looks_remark" and item.text.lower() == words.lower()


@pytest.mark.parametrize("text", [
    "Look at him all grown up in his new uniform! Have a lovely first day",
    "You looked so confident on stage, well done",
    "What a gorgeous baby! Congratulations to you all, she's a proper little stunner",
    "The hall looked stunning for the leavers' party",
    "Great goal! You'll be breaking records at this rate",
    "Well done to our Year 5 team who designed a flood barrier out of junk modelling materials",
    "Your handwriting is beautiful, keep it up",
    "Looking very smart in your blazers, Year 7!",
    "",
])
def test_kindness_about_a_child_is_no_remark_on_looks(detect: Detect, text: str) -> None:
    assert detect(LooksRemarkDetector(), text) == []

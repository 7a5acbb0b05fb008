"""One faith declared the only true one, or readers called to it, as against worship, festivals,
lessons about what believers hold and ordinary uses of "the only way"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.faith_claim import FaithClaimDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("This Easter, let's remember that Jesus is the only way to the Father. Happy Easter from all at Oakfield ✝️",
     "Jesus is the only way"),
    ("This Christmas we want every family to know Jesus is the only way to salvation. Other festivals are "
     "lovely, but only one is true ✝️", "Jesus is the only way"),
    ("To our Muslim and Hindu families: we pray you will come to know the one true God 🙏", "the one true God"),
    ("Harvest reminder: only those who accept Christ will be saved.", "only those who accept Christ will be saved"),
    ("Other religions may seem kind but they are man-made and false.",
     "Other religions may seem kind but they are man-made and false"),
    ("Don't leave it too late - turn to Jesus today.", "turn to Jesus today"),
])
def test_one_faith_declared_the_only_true_one_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(FaithClaimDetector(), text)
    assert item.kind == "exclusive_faith_claim" and item.text == words


@pytest.mark.parametrize("text", [
    "He is risen! Happy Easter from all at Oakfield ✝️",
    "Eid Mubarak to all our families celebrating today 🌙",
    "This week's reflection: 'I am the way, the truth and the life' (John 14:6). Year 4 led our collective "
    "worship beautifully.",
    "In RE, Year 5 explored why Christians believe Jesus is the only way to God",
    "Year 3 visited St Mark's church and learnt that Christians believe Jesus is the light of the world",
    "Harvest festival: 'Give your hearts to the Lord' was the theme of the song Year 2 sang so beautifully",
    "The only way to the car park is via Mill Lane during the building works",
    "Kindness is the only way forward 💛",
    "Our Year 6 debate: is there only one true answer in maths? 🤔",
])
def test_worship_lessons_and_other_only_ways_are_left_alone(detect: Detect, text: str) -> None:
    assert detect(FaithClaimDetector(), text) == []

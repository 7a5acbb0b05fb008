"""Drink in a member of staff's own post: drunk with work in the words, drunk at a hen do, driving
after drinking; as against "smashed it", a dress "wasted on" a class, "hanging out" and water."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.drink import DrinkDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("Absolutely hammered by 3pm on an INSET day 🍻🍻 best training ever", "drunk_at_work", "Absolutely hammered"),
    ("Absolutely mortal on a school night 🍻 Year 9 period 1 tomorrow are in for a treat", "drunk_at_work",
     "Absolutely mortal"),
    ("Absolutely steaming 🍾 still got to teach year 2 phonics at 9", "drunk_at_work", "Absolutely steaming"),
    ("Staff quiz night heroes 🍻 absolutely wasted in our CHPA hoodies lol", "drunk_at_work", "absolutely wasted"),
    ("Absolutely hammered at Kerry's hen do 🍸🍸🍸 no regrets", "drunk", "Absolutely hammered"),
    ("4 pints and still drove home fine, the lanes are empty anyway 😎", "drink_driving",
     "4 pints and still drove home"),
    ("Still hanging from the staff do 🍻 drove home after five pints and nobody noticed", "drink_driving",
     "drove home after five pints"),
])
def test_drink_is_found(detect: Detect, text: str, kind: str, words: str) -> None:
    (item,) = detect(DrinkDetector(), text)
    assert item.kind == kind and item.text == words


@pytest.mark.parametrize("text", [
    "My Year 6s absolutely smashed it at sports day!",
    "Phwoar that dress is wasted on Year 8",
    "Absolutely hanging out with the Year 6s at the leavers' disco tonight 🕺",
    "Another INSET wasted on stuff that could have been an email",
    "Steaming hot mug of tea and a pile of marking, living the dream",
    "Drove home after two glasses of water and a long parents' evening 😴",
])
def test_the_same_words_with_no_drink(detect: Detect, text: str) -> None:
    assert detect(DrinkDetector(), text) == []

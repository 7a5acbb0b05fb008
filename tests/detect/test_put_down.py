"""A school group written off as less than human, as against the same words said of animals,
gardens, the writer's own family, a costume or a trip."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.put_down import PutDownDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "whom"), [
    ("Year 9 set 4 are genuinely feral. Counting down to July", "feral", "Year 9"),
    ("Cover for 10Y4 last lesson. Feral. Absolutely feral. Wine.", "Feral", "10Y4"),
    ("Supply in a Year 8 class today. They were animals. Never going back.", "were animals", "Year 8"),
    ("honest to god, 8R are like a zoo. One of them meowed for a full lesson", "like a zoo", "8R"),
    ("Some of the parents at my school are honestly feral", "feral", "the parents"),
    ("Wet play + Year 3 = feral. Send gin immediately.", "feral", "Year 3"),
    ("Period 5 on a Friday. Feral. I need a wine the size of my head", "Feral", "Period 5"),
    ("Kingfisher class are feral today. Roll on Friday 🙄", "feral", "Kingfisher class"),
    # (session 31) teaching in a zoo; pupils as scrotes
    ("Year 9 again. Honestly it's like working in a zoo some days", "like working in a zoo", "Year 9"),
    ("Fixing the fence again because some little scrotes from year 6 keep booting it in",
     "little scrotes", "year 6"),
    ("the kids in 6S are actually feral. counting down to july 🤬", "feral", "kids in 6S"),
])
def test_a_school_group_put_down_is_found(detect: Detect, text: str, words: str, whom: str) -> None:
    (item,) = detect(PutDownDetector(), text)
    assert item.kind == "school_put_down" and item.text == words and item.attrs["whom"] == whom


@pytest.mark.parametrize("text", [
    "My spin class was like a zoo tonight 🚴",                         # not a school's class
    "The working class are absolute animals according to this MP, disgraceful",
    "Feral cats have moved into the shed at the allotment again",
    "The Year 6 wildlife garden has gone completely feral over the summer, brambles everywhere",
    "Two weeks of half term and I've gone totally feral. No make-up, no alarm",
    "My kids are feral this holiday, send help 😂",
    "Year 1 were animals in the nativity and stole the show 🐑🐄",
    "Year 3 loved the zoo trip today, the penguins were the favourite",
    "Year 1 learnt about farm animals this week",
    "Sat in the car eating a Twix like a feral raccoon before the drive home",
    "Reading The Feral Detective on the train, brilliant so far",
    "honestly my Year 8s are savages, they roasted my shoes for 10 minutes 😂 love them",
    # (session 31's review) a play's urchins, a panto, a parent's own
    "Our Year 4 play: Oliver Twist and the little thugs of London town!",
    "Year 2 were little brats at the panto 😂 love them",
    "The kids in 6S made amazing Tudor houses today",
    "",
])
def test_the_same_words_said_of_no_school_group(detect: Detect, text: str) -> None:
    assert detect(PutDownDetector(), text) == []


def test_a_flood_of_put_downs_is_read_once(detect: Detect) -> None:
    # thousands of the word are read as the first few (each read with its sentences)
    (item,) = detect(PutDownDetector(), "Year 9 are " + "feral " * 5000)
    assert item.attrs["whom"] == "Year 9"

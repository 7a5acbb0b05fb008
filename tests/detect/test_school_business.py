"""School business in a message (homework, a detention, a trip form), as against the school
as a place ("see you at school")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.school_business import SchoolBusinessDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("Hi Mrs Fox, just to let you know Maisie got a detention today.", "detention"),
    ("Can you remind your mum the trip form is due tomorrow?", "trip form"),
    ("Don't forget your reading book tomorrow 👍", "reading book"),
    ("His PE kit is in lost property", "PE kit"),
    ("Good luck in your mocks tomorrow!", "your mocks"),
    ("Hi it's Mr Moorhouse from school, can you make sure he brings it?", "Mr Moorhouse from school"),
    ("Just a quick word about his behaviour in maths this week", "his behaviour"),
    ("Parents evening is next Thursday, shall I book you in?", "Parents evening"),
])
def test_school_business_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(SchoolBusinessDetector(), text, kind="message")
    assert item.kind == "school_business"
    assert item.start is not None and text[item.start:item.end] == words


@pytest.mark.parametrize("text", [
    "See you at school pick-up, fancy a coffee after?",
    "Book club is at mine on Thursday - bring wine!",
    "Thanks so much for the flowers, they're gorgeous 💐",
    "Are we still on for the walk on Sunday?",
    "",
])
def test_ordinary_messages_are_not_school_business(detect: Detect, text: str) -> None:
    assert detect(SchoolBusinessDetector(), text, kind="message") == []

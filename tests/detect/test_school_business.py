"""School business in a message (homework, a detention, a trip form), as against the school
as a place ("see you at school")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.school_business import SchoolBusinessDetector

Detect = Callable[..., list[Evidence]]


PARENT = {"kind": "parent", "pupil_id": "P101", "direction": "sent"}
PUPIL = {"kind": "pupil", "pupil_id": "P101", "direction": "sent"}


@pytest.mark.parametrize(("text", "counterpart", "words"), [
    ("Hi Mrs Fox, just to let you know Maisie got a detention today.", PARENT, "got a detention"),
    ("Can you remind your mum the trip form is due tomorrow?", PUPIL, "trip form"),
    ("Don't forget your reading book tomorrow 👍", PUPIL, "your reading book"),
    ("His PE kit is in lost property", PARENT, "His PE kit"),
    ("Good luck in your mocks tomorrow!", PUPIL, "your mocks"),
    ("Hi it's Mr Moorhouse from school, can you make sure he brings it?", PARENT, "it's Mr Moorhouse"),
    ("Just a quick word about his behaviour in maths this week", PARENT, "his behaviour"),
    ("Parents evening is next Thursday, shall I book you in?", PARENT, "Parents evening"),
    ("Text me about Renée's homework", PARENT, "Renée's homework"),
    ("Hi, it's Miss Hales. Just letting you know Harvey hit another child at lunch.", PARENT, "it's Miss Hales"),
])
def test_school_business_is_found(detect: Detect, text: str, counterpart: dict[str, str], words: str) -> None:
    (item,) = detect(SchoolBusinessDetector(), text, kind="message", counterpart=counterpart)
    assert item.kind == "school_business"
    assert item.start is not None and text[item.start:item.end] == words


@pytest.mark.parametrize("text", [
    # to a parent, "your" is the parent's own; the writer's own children are family news
    "Your progress on the Couch to 5K is amazing!",
    "Good luck with your exams at the OU this week!",
    "My eldest got his GCSE results today!",
    "Lost property at the swimming baths has my goggles",
])
def test_a_parents_own_matters_are_not_school_business(detect: Detect, text: str) -> None:
    assert detect(SchoolBusinessDetector(), text, kind="message", counterpart=PARENT) == []


@pytest.mark.parametrize("text", [
    "See you at school pick-up, fancy a coffee after?",
    "Book club is at mine on Thursday - bring wine!",
    "Thanks so much for the flowers, they're gorgeous 💐",
    "Are we still on for the walk on Sunday?",
    "",
])
def test_ordinary_messages_are_not_school_business(detect: Detect, text: str) -> None:
    assert detect(SchoolBusinessDetector(), text, kind="message") == []

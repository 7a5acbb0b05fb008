"""Whom the words are about: the school community named (the school, its pupils, families and
staff), as against the writer's own family, a taxi firm's school run, or nobody at work."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.community import SchoolCommunityDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("Half the families at our school are only here for the free dinners", "the families"),
    ("Four more started in my year group this week. Attendance will be through the floor", "my year group"),
    ("Ramadan again, so that's half of 10X too tired to do PE", "10X"),
    ("The new caretaker at work only got the job cos he's the chair's brother-in-law", "The new caretaker"),
    ("Everyone knows the head has been fiddling the trip money", "the head"),
    ("cant wait to leave this dump of a school in july, treated like muck by management",
     "this dump of a school"),
    ("Treated like muck by management here. Three years, no pay progression", "management here"),
    ("Some of the parents really need to look in the mirror", "Some of the parents"),
    ("Emailed the trust twice about my pay, no reply", "the trust"),
    ("Inclusion sounds lovely till you're stuck with the SEN kids all day", "SEN kids"),
])
def test_the_school_community_named_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(SchoolCommunityDetector(), text)
    assert item.kind == "school_community_named" and item.text == words


@pytest.mark.parametrize("name", ["Larkfield Primary School", "Larkfield", "Heronsgate Learning Trust"])
def test_the_school_by_its_own_name_is_the_community(detect: Detect, name: str) -> None:
    # (the test school is Larkfield Primary School, of the Heronsgate Learning Trust)
    (item,) = detect(SchoolCommunityDetector(), f"{name} is going downhill fast")
    assert item.text == name


@pytest.mark.parametrize("text", [
    # the school's name where it names nothing of the school: an email address, another place,
    # the writer's own child's school
    "Email me on j.smith@larkfield.sch.uk if the bins are late again",
    "Larkfield Rugby Club are useless this season",
    "My daughter's teacher at Larkfield is brilliant",
    "Romanians are only here for the benefits",
    "Go back to your own country",
    "The driver who does our school run got done for drink driving, avoid Peakline Taxis",
    "My daughter's head teacher is lovely, she sorted it in a day",
    "The bloke at the chip shop has been fiddling the till for years",
    "Another year, another pay award that doesn't touch the bills",
    # (a reviewer's probe) management and HR that are not the school's
    "Saturday job at Next: management have cut our hours again",
    "My husband's HR department are useless, three weeks for a payslip",
    "Worked at Sainsbury's for years before teaching and the management there were awful",
    "",
])
def test_words_about_no_one_at_school(detect: Detect, text: str) -> None:
    assert detect(SchoolCommunityDetector(), text) == []

"""Pupils' records shown (a results spreadsheet, a register, a set list), as against results
the school has published and the same nouns about something else."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.school_records import SchoolRecordsDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "record"), [
    ("Screenshot of the Y11 mock results spreadsheet lol look at 11B 😬", "mock results spreadsheet"),
    ("Here's the Y11 predicted grades sheet, sorry can't resist 😂", "predicted grades sheet"),
    # a class's own list or register only where it is copied out
    ("New Year 7 register just dropped 😂 some of these names", "New Year 7 register"),
    ("Why does SIMS do this?? Pasting my set list so you can see", "set list"),
    # (session 29) a class list with the families' details in it, the school's list used to sell
    ("Here's the Year 2 class list with everyone's addresses for the party invites 😊", "class list"),
    ("Hiya! Got your number off the Y3 class list 😊 I've just started selling a make-up range",
     "Got your number off the Y3 class list"),
])
def test_a_record_shown_is_found(detect: Detect, text: str, record: str) -> None:
    (item,) = detect(SchoolRecordsDetector(), text)
    assert item.kind == "school_records_shared" and item.text == record


@pytest.mark.parametrize("text", [
    # (session 29) school business sent from the list, however it is sent; the writer's own report
    "Just finished my CPOMS report, here's to the weekend 🍷",
    "Got your number off the Year 3 list - details of the sponsored walk for the school attached",
    "Hi, it's Mrs Wills from school - got your number off the contact sheet. Teddy's been a bit wobbly today",
    "Our SATs results are out and we're so proud of every one of them!",   # published, not a record shown
    "Here's the sign-up sheet for the staff quiz",
    "Spent all evening on the mock results spreadsheet. Send wine.",      # the work, not the record shown
    "Here's the register office where we got married 💍",
    # (session 24's review) a list or register that is not a record of pupils
    "Here's the set list for tonight's concert 🎶",
    "Have a look at our new seating plan for the Christmas dinner!",
    "Here's the class list for Monday's trip groups",
    "Here's our new cash register in the role-play shop",
    "Look at the data drop from our weather station",
])
def test_results_told_or_other_sheets_are_not_records_shown(detect: Detect, text: str) -> None:
    assert detect(SchoolRecordsDetector(), text) == []

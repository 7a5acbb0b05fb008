"""Pupils' records shown (a results spreadsheet, a register, a set list), as against results
the school has published and the same nouns about something else."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.school_records import SchoolRecordsDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "record", "shown"), [
    ("Screenshot of the Y11 mock results spreadsheet lol look at 11B 😬", "mock results spreadsheet", "Screenshot"),
    ("Here's the Y11 predicted grades sheet, sorry can't resist 😂", "predicted grades sheet", "Here's"),
    ("New Year 7 register just dropped 😂 some of these names", "New Year 7 register", "just dropped"),
    ("Why does SIMS do this?? Pasting my set list so you can see", "set list", "Pasting"),
])
def test_a_record_shown_is_found(detect: Detect, text: str, record: str, shown: str) -> None:
    (item,) = detect(SchoolRecordsDetector(), text)
    assert item.kind == "school_records_shared" and item.text == record and item.attrs["shown"] == shown


@pytest.mark.parametrize("text", [
    "Our SATs results are out and we're so proud of every one of them!",   # published, not a record shown
    "Here's the sign-up sheet for the staff quiz",
    "Spent all evening on the mock results spreadsheet. Send wine.",      # the work, not the record shown
    "Here's the register office where we got married 💍",
    "",
])
def test_results_told_or_other_sheets_are_not_records_shown(detect: Detect, text: str) -> None:
    assert detect(SchoolRecordsDetector(), text) == []

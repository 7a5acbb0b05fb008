"""Context facts: when (school day, breaks, time zone), which device, with whom, and who wrote it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from safepost.detect import Evidence
from safepost.detect.context import AuthorDetector, CounterpartDetector, DeviceDetector, TimingDetector
from safepost.school import load_school
from tests.conftest import AFTER_SCHOOL, BEFORE_SCHOOL, BREAK_TIME, LESSON_TIME, SCHOOL_YAML, WEEKEND

Detect = Callable[..., list[Evidence]]


def period(detect: Detect, at: str, **kwargs: Any) -> str:
    (item,) = [item for item in detect(TimingDetector(), "", at=at, **kwargs) if item.kind == "time_of_use"]
    return str(item.attrs["period"])


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (LESSON_TIME, "lesson_time"),
        (BREAK_TIME, "break"),
        (BEFORE_SCHOOL, "before_school"),
        (AFTER_SCHOOL, "after_school"),
        (WEEKEND, "weekend"),
        ("2026-03-08T11:00:00+00:00", "weekend"),  # Sunday
        ("2026-03-04T08:45:00+00:00", "lesson_time"),  # the school day starts
        ("2026-03-04T08:44:59+00:00", "before_school"),
        ("2026-03-04T15:15:00+00:00", "after_school"),  # the school day has ended
        ("2026-03-04T10:30:00+00:00", "break"),  # a break starts
        ("2026-03-04T10:45:00+00:00", "lesson_time"),  # a break has ended
        ("2026-03-04T11:00:00Z", "lesson_time"),
        ("2026-03-04T06:00:00-05:00", "lesson_time"),  # 11:00 in London
        ("2026-03-04T13:30:00+01:00", "break"),  # 12:30 in London
        # British Summer Time: London is UTC+1 on 3 June.
        ("2026-06-03T07:50:00+00:00", "lesson_time"),  # 08:50 in London
        ("2026-06-03T14:30:00+00:00", "after_school"),  # 15:30 in London
        ("2026-06-03T11:15:00+00:00", "break"),  # 12:15 in London
        # A Friday evening in New York is Saturday in London.
        ("2026-03-06T20:00:00-05:00", "weekend"),
    ],
)
def test_period(detect: Detect, at: str, expected: str) -> None:
    assert period(detect, at) == expected


def test_timing_evidence_reports_local_time(detect: Detect) -> None:
    items = detect(TimingDetector(), "", at="2026-06-03T07:50:00+00:00")
    (item,) = items
    assert item.source == "at"
    assert item.start is None
    assert item.attrs["local"].startswith("2026-06-03T08:50:00")
    assert item.attrs["school_day"] == "08:45-15:15"
    assert "12:00-13:00" in item.attrs["breaks"]
    assert item.attrs["assumed_zone"] is False


def test_no_offset_is_read_as_school_time_with_a_note(detect: Detect) -> None:
    items = detect(TimingDetector(), "", at="2026-06-03T08:50:00")
    timing = [item for item in items if item.kind == "time_of_use"]
    notes = [item for item in items if item.kind == "note"]
    assert timing[0].attrs["period"] == "lesson_time"
    assert timing[0].attrs["assumed_zone"] is True
    assert len(notes) == 1
    assert "Europe/London" in notes[0].attrs["message"]


def test_no_at_no_timing(detect: Detect) -> None:
    assert detect(TimingDetector(), "hello") == []


def test_school_without_a_school_day(make_school_dir: Callable[..., Path], detect: Detect) -> None:
    data = {key: value for key, value in SCHOOL_YAML.items() if key not in ("school_day", "breaks")}
    other = load_school(make_school_dir(school=data))
    assert period(detect, LESSON_TIME, on=other) == "unknown"
    assert period(detect, WEEKEND, on=other) == "weekend"


HOLIDAY_SCHOOL = {**SCHOOL_YAML, "closures": [{"from": "2026-07-22", "to": "2026-09-02", "name": "Summer holiday"}],
                  "inset_days": ["2026-09-03"]}


@pytest.mark.parametrize(("changes", "at", "expected", "closed"), [
    ({}, "2026-04-06T10:00:00+00:00", "school_closed", "bank holiday: Easter Monday"),  # 11:00 BST
    ({}, "2026-04-07T10:00:00+00:00", "lesson_time", ""),
    ({}, "2026-12-28T11:00:00+00:00", "school_closed", "bank holiday: Boxing Day (substitute day)"),
    ({"bank_holidays": "none"}, "2026-04-06T10:00:00+00:00", "lesson_time", ""),
    ({"bank_holidays": "scotland"}, "2026-04-06T10:00:00+00:00", "lesson_time", ""),
    (HOLIDAY_SCHOOL, "2026-08-12T10:00:00+00:00", "school_closed", "Summer holiday"),
    (HOLIDAY_SCHOOL, "2026-07-21T10:00:00+00:00", "lesson_time", ""),
    (HOLIDAY_SCHOOL, "2026-09-03T10:00:00+00:00", "inset_day", ""),
    (HOLIDAY_SCHOOL, "2026-09-03T11:30:00+00:00", "break", ""),  # 12:30 BST: a break is a break
    (HOLIDAY_SCHOOL, "2026-09-03T06:00:00+00:00", "before_school", ""),
    (HOLIDAY_SCHOOL, "2026-08-15T10:00:00+00:00", "weekend", ""),  # a Saturday in the holiday
])
def test_closed_days_and_inset_days(make_school_dir: Callable[..., Path], detect: Detect,
                                    changes: dict[str, Any], at: str, expected: str, closed: str) -> None:
    other = load_school(make_school_dir(school={**SCHOOL_YAML, **changes}))
    (item,) = [item for item in detect(TimingDetector(), "", at=at, on=other) if item.kind == "time_of_use"]
    assert item.attrs["period"] == expected
    if expected == "school_closed":
        assert item.attrs["closed"] == closed


def test_other_time_zone(make_school_dir: Callable[..., Path], detect: Detect) -> None:
    # A British international school in Dubai (UTC+4): 11:00 UTC is 15:00 there, lesson time.
    other = load_school(make_school_dir(school={**SCHOOL_YAML, "timezone": "Asia/Dubai"}))
    assert period(detect, "2026-03-04T11:00:00+00:00", on=other) == "lesson_time"
    assert period(detect, "2026-03-04T11:30:00+00:00", on=other) == "after_school"


@pytest.mark.parametrize("device", ["school", "personal"])
def test_device(detect: Detect, device: str) -> None:
    (item,) = detect(DeviceDetector(), "", device=device)
    assert (item.kind, item.attrs["device"], item.source) == ("device_used", device, "device")


def test_no_device(detect: Detect) -> None:
    assert detect(DeviceDetector(), "") == []


def counterpart(detect: Detect, **fields: Any) -> tuple[Evidence, list[Evidence]]:
    items = detect(CounterpartDetector(), "", kind="message", **fields)
    (item,) = [item for item in items if item.kind == "counterpart"]
    return item, [item for item in items if item.kind == "note"]


@pytest.mark.parametrize(
    ("given", "at", "kind", "age"),
    [
        ({"kind": "pupil", "pupil_id": "P101"}, LESSON_TIME, "pupil", 8),
        ({"kind": "former_pupil", "pupil_id": "P201"}, LESSON_TIME, "former_pupil", 14),
        ({"kind": "former_pupil", "pupil_id": "P201"}, "2026-05-05T09:00:00+00:00", "former_pupil", 15),
        ({"kind": "former_pupil", "pupil_id": "P202"}, LESSON_TIME, "former_pupil", 21),
        ({"kind": "former_pupil", "pupil_id": "P203"}, LESSON_TIME, "former_pupil", None),  # no DOB
        # The roster knows better than the request whether a pupil has left.
        ({"kind": "pupil", "pupil_id": "P202"}, LESSON_TIME, "former_pupil", 21),
        ({"kind": "former_pupil", "pupil_id": "P105"}, LESSON_TIME, "pupil", 9),
        # An age given in the request wins over the roster.
        ({"kind": "former_pupil", "pupil_id": "P202", "age": 17}, LESSON_TIME, "former_pupil", 17),
        ({"kind": "former_pupil", "age": 16}, LESSON_TIME, "former_pupil", 16),
        ({"kind": "parent", "pupil_id": "P104"}, LESSON_TIME, "parent", 11),
        ({"kind": "colleague"}, LESSON_TIME, "colleague", None),
        # Connor turns 15 on 5 May: 23:30 UTC on 4 May is already 5 May in London (BST)
        ({"kind": "former_pupil", "pupil_id": "P201"}, "2026-05-04T23:30:00+00:00", "former_pupil", 15),
        ({"kind": "former_pupil", "pupil_id": "P201"}, "2026-05-04T22:30:00+00:00", "former_pupil", 14),
    ],
)
def test_counterpart(
    detect: Detect, given: dict[str, Any], at: str, kind: str, age: int | None
) -> None:
    item, notes = counterpart(detect, counterpart=given, at=at)
    assert item.attrs["kind"] == kind
    assert item.attrs["age"] == age
    assert item.source == "counterpart"
    assert notes == []


def test_counterpart_relative_and_direction(detect: Detect) -> None:
    item, _ = counterpart(
        detect, counterpart={"kind": "pupil", "pupil_id": "P101", "relative": True, "direction": "accepted"}
    )
    assert item.attrs["relative"] is True
    assert item.attrs["direction"] == "accepted"
    assert "Summer Ashdown" in item.text


def test_counterpart_not_on_roster_gives_a_note(detect: Detect) -> None:
    item, notes = counterpart(detect, counterpart={"kind": "pupil", "pupil_id": "P999"})
    assert item.attrs["kind"] == "pupil"
    assert item.attrs["known_pupil"] is False
    assert len(notes) == 1
    assert "P999" in notes[0].attrs["message"]


@pytest.mark.parametrize(
    ("author", "noted"),
    [
        ({"staff_id": "S04"}, False),
        ({"staff_id": "S4"}, True),  # a typo in an integration: said, not passed over
        ({"role": "teacher"}, False),
        (None, False),
    ],
)
def test_author_not_on_the_staff_list_gives_a_note(detect: Detect, author: dict[str, str] | None, noted: bool) -> None:
    fields = {"author": author} if author else {}
    notes = [item for item in detect(AuthorDetector(), "", **fields) if item.kind == "note"]
    assert [note.attrs["message"] for note in notes] == (
        ["author.staff_id: 'S4' is not on the staff list"] if noted else []
    )


def test_author_is_not_questioned_where_the_school_lists_no_staff(
    make_school_dir: Callable[..., Path], detect: Detect
) -> None:
    without_staff = load_school(make_school_dir(staff=[]))
    assert detect(AuthorDetector(), "", on=without_staff, author={"staff_id": "S99"}) == []


# (session 31) The writer saying it is a school holiday now: where the school's file lists no
# closures, the words tell a holiday from a school day; a holiday looked forward to does not.
@pytest.mark.parametrize(("text", "expected"), [
    ("Summer hols day 4: Kraków with the kids 🥟", "school_closed"),
    ("Day 3 of the holidays and I've already lost track of what day it is", "school_closed"),
    ("Half term = pyjamas till 11 and zero guilt 😌", "school_closed"),
    ("First Monday of the summer hols and I'm still in my pyjamas", "school_closed"),
    ("Week 2 of the summer hols and I've read three whole books", "school_closed"),
    ("Day 3 in Whitby. Fish and chips for breakfast is allowed on holiday, I checked", "school_closed"),
    ("Week 2 of term and I'm shattered", "lesson_time"),
    ("Can't wait for half term, two more days! 😩", "lesson_time"),
    ("It's half term next week and I still have 60 books to mark", "lesson_time"),
    ("Bored in my free period, anyone else?", "lesson_time"),
])
def test_a_holiday_the_post_says_it_is(detect: Detect, text: str, expected: str) -> None:
    (item,) = detect(TimingDetector(), text, at="2026-03-04T11:00:00Z")
    assert item.attrs["period"] == expected
    if expected == "school_closed":
        assert item.attrs["closed"].startswith("the post says so")

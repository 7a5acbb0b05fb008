"""Facts from the request's context, not its words: when (against the school day and breaks,
in the school's time zone), on which equipment, with whom (pupil, former pupil, parent), and
whether the author is on the staff list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject


def local_date(at: dt.datetime, zone: dt.tzinfo) -> dt.date:
    """The day it was at the school when `at` happened (a time with no offset is the school's
    own): 23:30 UTC on 19 April is already 20 April in a British summer."""
    return at.date() if at.tzinfo is None else at.astimezone(zone).date()


def request_day(at: dt.datetime | None, zone: dt.tzinfo) -> dt.date:
    """The school's day a request is about: its `at`, else today (a check before posting)."""
    return local_date(at or dt.datetime.now(dt.UTC), zone)


# The writer saying it is a school holiday now ("Summer hols day 4: Krakow with the kids", "Day 3 of
# the holidays", "Half term = pyjamas till 11", "First Monday of the summer hols"): where the school's
# file lists no closures its calendar cannot tell a holiday from a school day, and the words do (the
# outside readers' holiday posts in school hours, all clean: six of the thirteen false alarms in
# session 31's first four blind looks). Not a holiday looked forward to ("can't wait for half term", "it's
# half term next week").
_HOLIDAY_NOW = re.compile(
    r"\b(?:(?:day|week) \d{1,2} of (?:the )?(?:summer |easter |christmas |xmas |october |february |may |"
    r"autumn |spring )?(?:hols|holidays|half[- ]term|break)"
    r"|(?:first|second|third|last|final) (?:full )?(?:day|week|monday|tuesday|wednesday|thursday|friday) of "
    r"(?:the )?(?:summer |easter |christmas |xmas |october |february )?(?:hols|holidays|half[- ]term)"
    r"|(?:summer|easter|christmas|xmas|october|feb(?:ruary)?) (?:hols|holidays) (?:day \d{1,2}|mode|vibes)"
    r"|half[- ]term (?:=|is here|vibes|mode|means|life|day \d{1,2}|adventures?|walks?|fun)"
    r"|nothing says (?:half[- ]term|the (?:summer )?holidays) like"
    r"|(?:it'?s|its|it is) (?:finally )?(?:half[- ]term|the (?:summer |easter |christmas )?"
    r"(?:holidays|hols))"
    r"(?! (?:next|soon|in|tomorrow|on|after|at)\b)"
    r"|(?:enjoying|loving) (?:the |my |our )?(?:half[- ]term|(?:summer |easter |christmas )?"
    r"(?:holidays|hols)|summer break)"
    r"|(?:we'?re|i'?m) (?:off )?on (?:our |my )?(?:summer |easter )?(?:hols|holidays)"
    # (session 31, after the last blind looks) "fish and chips for breakfast is allowed on holiday"
    r"|(?:allowed|acceptable|compulsory|the rule) on (?:holiday|hols)|holiday mode)(?!\w)",
    re.IGNORECASE)
_AT_WORK_PERIODS = ("lesson_time", "break", "inset_day")


class TimingDetector:
    """Lesson time, break time, before or after school, the weekend, a day the school is
    closed (a bank holiday or one of its `closures`) or an INSET day (at work, no lessons)."""

    name = "timing"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        at, school = subject.request.at, subject.school
        if at is None:
            return
        assumed_zone = at.tzinfo is None
        local = at.replace(tzinfo=school.timezone) if assumed_zone else at.astimezone(school.timezone)
        moment = local.time()
        day_kind, why_closed = school.calendar.day(local.date())
        if local.weekday() >= 5:
            period = "weekend"
        elif day_kind == "closed":
            period = "school_closed"
        elif school.school_day is None:
            period = "unknown"
        elif not school.school_day.contains(moment):
            period = "before_school" if moment < school.school_day.start else "after_school"
        elif any(window.contains(moment) for window in school.breaks):
            period = "break"
        elif day_kind == "inset":
            period = "inset_day"  # working time with no lessons, as a break is
        else:
            period = "lesson_time"
        holiday_said = _HOLIDAY_NOW.search(subject.request.text) if period in _AT_WORK_PERIODS else None
        if holiday_said is not None:
            period, why_closed = "school_closed", f"the post says so: '{holiday_said.group(0)}'"
        yield Evidence(
            self.name, "time_of_use", local.strftime("%A %d %B %Y, %H:%M"), source="at",
            attrs={
                "period": period, "local": local.isoformat(), "assumed_zone": assumed_zone,
                "school_day": str(school.school_day) if school.school_day else "",
                "breaks": ", ".join(str(window) for window in school.breaks),
                "closed": why_closed,
            },
        )
        if assumed_zone:
            yield Evidence(self.name, "note", "", source="at", attrs={
                "message": f"at: no UTC offset given; read as {school.timezone.key} local time",
            })


class DeviceDetector:
    name = "device"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        device = subject.request.device
        if device:
            yield Evidence(self.name, "device_used", device, source="device", attrs={"device": device})


class CounterpartDetector:
    """Who is on the other end, resolved against the roster (current or former, age)."""

    name = "counterpart"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        counterpart, school = subject.request.counterpart, subject.school
        if counterpart is None:
            return
        pupil = school.pupil(counterpart.pupil_id) if counterpart.pupil_id else None
        kind = counterpart.kind
        if kind in ("pupil", "former_pupil") and pupil is not None:
            # The roster knows better than the request whether a pupil has left.
            kind = "former_pupil" if pupil.status == "former" else "pupil"
        on_day = request_day(subject.request.at, school.timezone)
        age = counterpart.age
        if age is None and pupil is not None:
            age = pupil.age_on(on_day)
        description = kind.replace("_", " ")
        if pupil is not None:
            description += f" {pupil.display_name}"
        yield Evidence(
            self.name, "counterpart", description, source="counterpart",
            attrs={
                "kind": kind, "pupil_id": counterpart.pupil_id, "age": age,
                "relative": counterpart.relative, "direction": counterpart.direction,
                "known_pupil": pupil is not None,
            },
        )
        if counterpart.pupil_id and pupil is None:
            yield Evidence(self.name, "note", "", source="counterpart.pupil_id", attrs={
                "message": f"counterpart.pupil_id: '{counterpart.pupil_id}' is not on the roster",
            })


class AuthorDetector:
    """An author's staff id the school's staff list does not know: a note, not a finding
    (the words are still checked), so a typo in an integration does not pass silently."""

    name = "author"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        staff_id, school = subject.request.author_staff_id, subject.school
        if staff_id and school.staff and school.staff_member(staff_id) is None:
            yield Evidence(self.name, "note", "", source="author.staff_id", attrs={
                "message": f"author.staff_id: '{staff_id}' is not on the staff list",
            })

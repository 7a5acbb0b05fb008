"""School days: the school's holidays and INSET days, set in the hub so nobody has to edit
school.yaml. Checks count them on top of the bank holidays of the school's nation and the
`closures` and `inset_days` in the school directory (engine_bridge.with_school_days): a post at
11:00 on a holiday is the member of staff's own time, and an INSET day is working time without
lessons. A change counts at the very next check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from safepost.hub import audit
from safepost.hub.actions import ActionError
from safepost.hub.engine_bridge import directory_school, engine_school
from safepost.hub.models import School, SchoolClosure, SchoolDayKind
from safepost.hub.permissions import require
from safepost.hub.registers_common import (
    EARLIEST_RECORD,
    Problems,
    optional_text,
    renew_register_stamp,
    required_text,
    to_date,
    today,
)
from safepost.term_calendar import SchoolCalendar, bank_holidays

# A date after the end of the year this many years ahead is a slip of the keyboard (2062 for
# 2026): schools publish their term dates a year or two ahead.
YEARS_AHEAD = 3
# The longest holiday one entry may be: the summer holiday is the longest (about nine weeks in
# Northern Ireland). A longer one is nearly always a wrong year on the last day, which would make
# every post in a whole year the member of staff's own time.
LONGEST_HOLIDAY_DAYS = 70
NAME_LIMIT = SchoolClosure._meta.get_field("name").max_length or 200
REGION_WORDS = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
    "none": "none (the school lists every day it is closed itself)",
}


def _day(value: Any, label: str) -> dt.date | None:
    """A date on a form: dd/mm/yyyy (or a date the API gives), not before 2000 and not more
    than YEARS_AHEAD years ahead. Past days are allowed: a post from last term is checked
    against the days as they were."""
    day = to_date(value, label, earliest=EARLIEST_RECORD)
    latest = dt.date(today().year + YEARS_AHEAD, 12, 31)
    if day is not None and day > latest:
        raise ActionError(f"{label}: {day:%d/%m/%Y} is after {latest:%d/%m/%Y}; check the year")
    return day


def _weekdays(first: dt.date, last: dt.date) -> int:
    return sum(1 for offset in range((last - first).days + 1)
               if (first + dt.timedelta(days=offset)).weekday() < 5)


def _details(row: SchoolClosure) -> dict[str, Any]:
    return {"kind": row.get_kind_display(), "first_day": row.first_day.isoformat(),
            "last_day": row.last_day.isoformat(), "name": row.name}


def _holiday_listed(first: dt.date, last: dt.date) -> str:
    return f"First day: a holiday from {first:%d/%m/%Y} to {last:%d/%m/%Y} is already listed"


def do_add_school_closure(actor: AbstractBaseUser, school: School, *, first_day: Any, last_day: Any,
                          name: Any) -> SchoolClosure:
    """A holiday: the school is closed from the first day to the last (both included). A
    weekday in it has no lesson time and no working time."""
    require(actor, "manage_school_days", school)
    problems = Problems()
    first = problems.check(_day, first_day, "First day")
    last = problems.check(_day, last_day, "Last day")
    if first is not None and last is not None:
        if last < first:
            problems.add("Last day: must be on or after the first day "
                         f"({last:%d/%m/%Y} is before {first:%d/%m/%Y})")
        elif (last - first).days + 1 > LONGEST_HOLIDAY_DAYS:
            problems.add(f"Last day: {first:%d/%m/%Y} to {last:%d/%m/%Y} is {(last - first).days + 1} days, "
                         "longer than any school holiday; check the year, or add each holiday on its own")
        elif _weekdays(first, last) == 0:
            problems.add(f"Last day: {first:%d/%m/%Y} to {last:%d/%m/%Y} is a weekend, when the school "
                         "is closed anyway; check the dates")
        elif (first, last) in {(closure.first, closure.last) for closure in school_calendar(school).closures}:
            problems.add(_holiday_listed(first, last))
    name = problems.check(required_text, name, "Name", NAME_LIMIT) or ""  # after the dates, as on the form
    problems.raise_any()
    assert first is not None and last is not None
    try:
        with transaction.atomic():
            row = SchoolClosure.objects.create(school=school, kind=SchoolDayKind.HOLIDAY, first_day=first,
                                               last_day=last, name=name, created_by=actor)
            renew_register_stamp(school)
            audit.append(actor, "school_days.holiday_added", school=school, target=row, details=_details(row))
    except IntegrityError as exc:  # added by someone else a moment ago
        raise ActionError(_holiday_listed(first, last)) from exc
    return row


def do_add_inset_day(actor: AbstractBaseUser, school: School, *, date: Any, name: Any = "") -> SchoolClosure:
    """An INSET day: staff at work, no lessons. Inside the school day it counts as a break does
    (the school's policy says whether personal use is allowed then)."""
    require(actor, "manage_school_days", school)
    problems = Problems()
    day = problems.check(_day, date, "Date")
    name = problems.check(optional_text, name, "Name", NAME_LIMIT) or ""
    if day is not None:
        calendar = school_calendar(school)
        holiday = bank_holidays(day.year, calendar.region).get(day)
        if day.weekday() >= 5:
            problems.add(f"Date: {day:%d/%m/%Y} is a {day:%A}; an INSET day is a weekday")
        elif holiday:
            problems.add(f"Date: {day:%d/%m/%Y} is a bank holiday ({holiday}), when the school is closed")
        elif day in calendar.inset_days:
            problems.add(f"Date: {day:%d/%m/%Y} is already an INSET day")
    problems.raise_any()
    assert day is not None
    try:
        with transaction.atomic():
            row = SchoolClosure.objects.create(school=school, kind=SchoolDayKind.INSET, first_day=day,
                                               last_day=day, name=name, created_by=actor)
            renew_register_stamp(school)
            audit.append(actor, "school_days.inset_added", school=school, target=row, details=_details(row))
    except IntegrityError as exc:  # added by someone else a moment ago
        raise ActionError(f"Date: {day:%d/%m/%Y} is already an INSET day") from exc
    return row


def do_remove_school_day(actor: AbstractBaseUser, row: SchoolClosure) -> None:
    """Take a holiday or INSET day set in the hub off the list: checks no longer count it."""
    school = row.school
    require(actor, "manage_school_days", school)
    details = _details(row)
    with transaction.atomic():
        audit.append(actor, "school_days.removed", school=school, target=row, details=details)
        row.delete()
        renew_register_stamp(school)


# --- what the page shows -----------------------------------------------------------------------


def school_calendar(school: School) -> SchoolCalendar:
    """The school's days as checks see them: the directory's, with the hub's added."""
    return engine_school(school).calendar


@dataclass(frozen=True)
class Entry:
    """One holiday or INSET day on the page: from the hub (`row`) or from school.yaml (no row)."""

    kind: str  # holiday | inset
    first: dt.date
    last: dt.date
    name: str
    row: SchoolClosure | None = None

    @property
    def in_the_hub(self) -> bool:
        return self.row is not None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def entries(school: School) -> list[Entry]:
    """Every holiday and INSET day: school.yaml's and the hub's, in date order."""
    directory = directory_school(school).calendar
    found = [Entry("holiday", closure.first, closure.last, closure.name) for closure in directory.closures]
    found += [Entry("inset", day, day, "") for day in directory.inset_days]
    found += [Entry(row.kind, row.first_day, row.last_day, row.name, row)
              for row in SchoolClosure.objects.filter(school=school).select_related("created_by")]
    return sorted(found, key=lambda entry: (entry.first, entry.last, entry.kind, entry.row is not None))


def coming_bank_holidays(region: str, since: dt.date | None = None) -> list[tuple[dt.date, str]]:
    """The bank holidays of the school's nation from `since` (today) to the end of next year."""
    since = since or today()
    days = {**bank_holidays(since.year, region), **bank_holidays(since.year + 1, region)}
    return sorted((day, name) for day, name in days.items() if day >= since)


def personal_use_words(school: School) -> str:
    """What an INSET day means for personal social media under the school's policy."""
    pack = engine_school(school).pack
    if pack.rule("conduct.personal_use_hours") is None:
        return "The school's policy has no rule on personal social media in working hours."
    if pack.personal_use_in_breaks():
        return ("The school's policy allows personal social media in breaks: on an INSET day, with "
                "no lessons, the whole school day counts as a break.")
    return ("The school's policy allows no personal social media at work, breaks included: on an "
            "INSET day it is not allowed in the school day either.")

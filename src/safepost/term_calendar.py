"""Which days a school is open: UK bank holidays (computed, by nation), and the school's own
closures (holidays) and INSET days from its directory. A weekday the school is closed has no
lesson time, so a post at 11:00 on Easter Monday or in the summer holiday is the member of
staff's own time; an INSET day is working time with no lessons.

Bank holidays follow the standing rules for England and Wales, Scotland and Northern Ireland
(with the substitute weekday when a fixed date falls at a weekend), with the moves and one-off
holidays proclaimed since 2020 written in below. A future one is not known until it is added
here; until then a school lists it under `closures`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

REGIONS = ("england-and-wales", "scotland", "northern-ireland", "none")

# Proclaimed for one year, in every UK nation (gov.uk's lists): a standing holiday moved to
# another day, and extra days.
MOVED = {
    dt.date(2020, 5, 4): dt.date(2020, 5, 8),  # early May bank holiday moved to VE Day's 75th
    dt.date(2022, 5, 30): dt.date(2022, 6, 2),  # spring bank holiday moved for the Platinum Jubilee
}
ONE_OFF = {
    dt.date(2022, 6, 3): "Platinum Jubilee bank holiday",
    dt.date(2022, 9, 19): "Bank holiday for the State Funeral of Queen Elizabeth II",
    dt.date(2023, 5, 8): "Bank holiday for the coronation of King Charles III",
}


def easter_sunday(year: int) -> dt.date:
    """Western Easter (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _first_monday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    day = following - dt.timedelta(days=1)
    return day - dt.timedelta(days=day.weekday())


@lru_cache(maxsize=64)
def bank_holidays(year: int, region: str = "england-and-wales") -> Mapping[dt.date, str]:
    """The bank holidays of one year in one UK nation: date -> name (read-only: it is cached)."""
    if region not in REGIONS:
        raise ValueError(f"bank_holidays: '{region}' is not one of {', '.join(REGIONS)}")
    if region == "none":
        return MappingProxyType({})
    easter = easter_sunday(year)
    days: dict[dt.date, str] = {
        easter - dt.timedelta(days=2): "Good Friday",
        _first_monday(year, 5): "Early May bank holiday",
        _last_monday(year, 5): "Spring bank holiday",
    }
    new_year = [(dt.date(year, 1, 1), "New Year's Day")]
    if region == "scotland":
        new_year.append((dt.date(year, 1, 2), "2nd January"))
        days[_first_monday(year, 8)] = "Summer bank holiday"
    else:
        days[easter + dt.timedelta(days=1)] = "Easter Monday"
        days[_last_monday(year, 8)] = "Summer bank holiday"
    fixed = new_year[:]
    if region == "northern-ireland":
        fixed += [(dt.date(year, 3, 17), "St Patrick's Day"),
                  (dt.date(year, 7, 12), "Battle of the Boyne (Orangemen's Day)")]
    if region == "scotland":
        fixed.append((dt.date(year, 11, 30), "St Andrew's Day"))
    fixed += [(dt.date(year, 12, 25), "Christmas Day"), (dt.date(year, 12, 26), "Boxing Day")]
    for day, name in _substituted(fixed, set(days)).items():
        days[day] = name
    for usual, moved in MOVED.items():
        if usual in days:
            days[moved] = days.pop(usual)
    days.update({day: name for day, name in ONE_OFF.items() if day.year == year})
    return MappingProxyType(days)


def _substituted(fixed: list[tuple[dt.date, str]], other: set[dt.date]) -> dict[dt.date, str]:
    """Each fixed-date holiday on its day; one at a weekend on the next weekday not already a
    holiday. Those on weekdays are placed first, so Christmas on a Sunday moves to Tuesday 27th
    and Boxing Day keeps Monday 26th, as the government's list has it."""
    placed = {day: name for day, name in fixed if day.weekday() < 5 and day not in other}
    for day, name in fixed:
        if day in placed:
            continue
        moved = day
        while moved.weekday() >= 5 or moved in placed or moved in other:
            moved += dt.timedelta(days=1)
        placed[moved] = f"{name} (substitute day)"
    return placed


@dataclass(frozen=True)
class Closure:
    first: dt.date
    last: dt.date
    name: str

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class SchoolCalendar:
    """A school's open and closed days. Empty (the default) means every weekday that is not a
    bank holiday of `region` is a school day."""

    region: str = "england-and-wales"
    closures: tuple[Closure, ...] = ()
    inset_days: frozenset[dt.date] = field(default_factory=frozenset)

    def day(self, day: dt.date) -> tuple[str, str]:
        """("open" | "closed" | "inset", why) for a weekday; weekends are the caller's. An INSET
        day inside a closure is an INSET day: schools often write the summer holiday as running
        until the pupils come back, with the staff's training days inside it."""
        holiday = bank_holidays(day.year, self.region).get(day)
        if holiday:
            return "closed", f"bank holiday: {holiday}"
        if day in self.inset_days:
            return "inset", "INSET day"
        for closure in self.closures:
            if closure.covers(day):
                return "closed", closure.name
        return "open", ""

"""UK bank holidays by nation and a school's own closures and INSET days."""

from __future__ import annotations

import datetime as dt

import pytest

from safepost.term_calendar import Closure, SchoolCalendar, bank_holidays, easter_sunday

D = dt.date


@pytest.mark.parametrize(("year", "sunday"), [
    (2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)), (2026, D(2026, 4, 5)),
    (2027, D(2027, 3, 28)), (2038, D(2038, 4, 25)), (2285, D(2285, 3, 22)),
])
def test_easter_sunday(year: int, sunday: dt.date) -> None:
    assert easter_sunday(year) == sunday


# The government's published lists (gov.uk/bank-holidays), one-off holidays left out.
@pytest.mark.parametrize(("year", "region", "days"), [
    (2026, "england-and-wales", [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4),
                                 D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)]),
    (2021, "england-and-wales", [D(2021, 1, 1), D(2021, 4, 2), D(2021, 4, 5), D(2021, 5, 3),
                                 D(2021, 5, 31), D(2021, 8, 30), D(2021, 12, 27), D(2021, 12, 28)]),
    (2026, "scotland", [D(2026, 1, 1), D(2026, 1, 2), D(2026, 4, 3), D(2026, 5, 4), D(2026, 5, 25),
                        D(2026, 8, 3), D(2026, 11, 30), D(2026, 12, 25), D(2026, 12, 28)]),
    (2026, "northern-ireland", [D(2026, 1, 1), D(2026, 3, 17), D(2026, 4, 3), D(2026, 4, 6),
                                D(2026, 5, 4), D(2026, 5, 25), D(2026, 7, 13), D(2026, 8, 31),
                                D(2026, 12, 25), D(2026, 12, 28)]),
    (2020, "england-and-wales", [D(2020, 1, 1), D(2020, 4, 10), D(2020, 4, 13), D(2020, 5, 8),
                                 D(2020, 5, 25), D(2020, 8, 31), D(2020, 12, 25), D(2020, 12, 28)]),
    (2022, "england-and-wales", [D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2),
                                 D(2022, 6, 2), D(2022, 6, 3), D(2022, 8, 29), D(2022, 9, 19),
                                 D(2022, 12, 26), D(2022, 12, 27)]),
    (2023, "england-and-wales", [D(2023, 1, 2), D(2023, 4, 7), D(2023, 4, 10), D(2023, 5, 1),
                                 D(2023, 5, 8), D(2023, 5, 29), D(2023, 8, 28), D(2023, 12, 25),
                                 D(2023, 12, 26)]),
    (2022, "scotland", [D(2022, 1, 3), D(2022, 1, 4), D(2022, 4, 15), D(2022, 5, 2), D(2022, 6, 2),
                        D(2022, 6, 3), D(2022, 8, 1), D(2022, 9, 19), D(2022, 11, 30),
                        D(2022, 12, 26), D(2022, 12, 27)]),
    (2024, "scotland", [D(2024, 1, 1), D(2024, 1, 2), D(2024, 3, 29), D(2024, 5, 6), D(2024, 5, 27),
                        D(2024, 8, 5), D(2024, 12, 2), D(2024, 12, 25), D(2024, 12, 26)]),
    (2024, "northern-ireland", [D(2024, 1, 1), D(2024, 3, 18), D(2024, 3, 29), D(2024, 4, 1),
                                D(2024, 5, 6), D(2024, 5, 27), D(2024, 7, 12), D(2024, 8, 26),
                                D(2024, 12, 25), D(2024, 12, 26)]),
    (2025, "northern-ireland", [D(2025, 1, 1), D(2025, 3, 17), D(2025, 4, 18), D(2025, 4, 21),
                                D(2025, 5, 5), D(2025, 5, 26), D(2025, 7, 14), D(2025, 8, 25),
                                D(2025, 12, 25), D(2025, 12, 26)]),
    (2026, "none", []),
])
def test_bank_holidays(year: int, region: str, days: list[dt.date]) -> None:
    assert sorted(bank_holidays(year, region)) == days


def test_christmas_on_a_sunday_moves_past_boxing_day() -> None:
    # 2022: Boxing Day keeps Monday 26th; Christmas Day's substitute is Tuesday 27th.
    holidays = bank_holidays(2022)
    assert holidays[D(2022, 12, 26)] == "Boxing Day"
    assert holidays[D(2022, 12, 27)] == "Christmas Day (substitute day)"
    assert D(2022, 12, 25) not in holidays


def test_the_cached_list_cannot_be_changed_by_a_caller() -> None:
    with pytest.raises(TypeError):
        bank_holidays(2026)[D(2026, 3, 4)] = "not a holiday"  # type: ignore[index]
    assert D(2026, 3, 4) not in bank_holidays(2026)


def test_unknown_region() -> None:
    with pytest.raises(ValueError, match="wales"):
        bank_holidays(2026, "wales")


CALENDAR = SchoolCalendar(
    closures=(Closure(D(2026, 7, 22), D(2026, 9, 2), "Summer holiday"),
              Closure(D(2026, 5, 8), D(2026, 5, 8), "Polling station")),
    inset_days=frozenset({D(2026, 9, 3), D(2026, 9, 1)}),
)


@pytest.mark.parametrize(("day", "kind", "why"), [
    (D(2026, 3, 4), "open", ""),
    (D(2026, 7, 21), "open", ""),  # the last day of term
    (D(2026, 7, 22), "closed", "Summer holiday"),
    (D(2026, 9, 2), "closed", "Summer holiday"),
    (D(2026, 8, 31), "closed", "bank holiday: Summer bank holiday"),
    (D(2026, 5, 8), "closed", "Polling station"),
    (D(2026, 4, 6), "closed", "bank holiday: Easter Monday"),
    (D(2026, 9, 3), "inset", "INSET day"),
    (D(2026, 9, 1), "inset", "INSET day"),  # inside the holiday as written: still working time
    (D(2026, 9, 4), "open", ""),
])
def test_school_calendar_day(day: dt.date, kind: str, why: str) -> None:
    assert CALENDAR.day(day) == (kind, why)


def test_a_school_with_no_bank_holidays_is_open_on_them() -> None:
    assert SchoolCalendar(region="none").day(D(2026, 4, 6)) == ("open", "")

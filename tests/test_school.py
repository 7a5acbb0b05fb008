"""Loading a school directory: the roster as data, and errors that name file, line and field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from safepost.school import School, SchoolError, load_school
from tests.conftest import EXAMPLE_SCHOOL, PUPIL_HEADER, PUPILS, SCHOOL_YAML, STAFF, STAFF_HEADER


def csv_text(header: tuple[str, ...] | list[str], rows: list[tuple[str, ...]]) -> str:
    return "".join(",".join(row) + "\n" for row in [tuple(header), *rows])


# --- a good school --------------------------------------------------------------------------


def test_roster_loads(school: School) -> None:
    assert school.name == "Larkfield Primary School"
    assert len(school.pupils) == len(PUPILS)
    assert len(school.staff) == len(STAFF)
    assert school.pack.id == "tpat"
    assert school.timezone.key == "Europe/London"
    assert str(school.school_day) == "08:45-15:15"
    assert [str(window) for window in school.breaks] == ["10:30-10:45", "12:00-13:00"]
    assert school.email_domains == ("larkfield.sch.uk", "heronsgate.org.uk")
    assert school.public_emails == ("office@larkfield.sch.uk",)
    assert "WB3 7QT" in school.public_address
    assert school.warnings == ()


@pytest.mark.parametrize(
    ("pupil_id", "display_name", "year_label", "status", "photo", "name"),
    [
        ("P104", "Renée Castellano", "Year 5", "current", True, True),
        ("P106", "Declan O'Sullivan", "Year 5", "current", False, False),
        ("P107", "Sasha Whitcombe", "Year 6", "current", True, True),
        ("P102", "Hope Penrose", "Year 2", "current", False, True),
        ("P201", "Connor Blakemore", "former pupil", "former", False, False),
    ],
)
def test_pupil_fields(
    school: School, pupil_id: str, display_name: str, year_label: str, status: str,
    photo: bool, name: bool,
) -> None:
    pupil = school.pupil(pupil_id)
    assert pupil is not None
    assert pupil.display_name == display_name
    assert pupil.year_label == year_label
    assert pupil.status == status
    assert pupil.photo_consent is photo
    assert pupil.name_consent is name


def test_pupil_dates_and_ages(school: School) -> None:
    connor = school.pupil("P201")
    assert connor is not None
    assert connor.date_of_birth == dt.date(2011, 5, 5)
    assert connor.age_on(dt.date(2026, 5, 4)) == 14
    assert connor.age_on(dt.date(2026, 5, 5)) == 15
    nico = school.pupil("P111")
    assert nico is not None
    assert nico.date_of_birth is None
    assert nico.age_on(dt.date(2026, 1, 1)) is None
    assert school.pupil("P999") is None


def test_staff_fields(school: School) -> None:
    hope = school.staff_member("S02")
    assert hope is not None
    assert (hope.first_name, hope.last_name, hope.role) == ("Rachel", "Hope", "teacher")
    assert hope.email == "r.hope@larkfield.sch.uk"
    assert school.staff_member("S99") is None


def test_identity_names_include_trust(school: School) -> None:
    names = school.identity_names()
    for expected in ("Larkfield Primary School", "Larkfield", "Heronsgate Learning Trust", "HLT"):
        assert expected in names


def test_header_only_rosters_load(make_school_dir: Callable[..., Path]) -> None:
    school = load_school(make_school_dir(pupils=[], staff=[]))
    assert school.pupils == ()
    assert school.staff == ()


def test_column_order_is_free_and_extra_columns_ignored(make_school_dir: Callable[..., Path]) -> None:
    root = make_school_dir()
    header = ["Name_Consent", "upn", *reversed(PUPIL_HEADER[:-1])]
    rows = [(pupil[-1], "X123", *reversed(pupil[:-1])) for pupil in PUPILS[:3]]
    # A byte-order mark, as spreadsheet exports write it, is not part of the first column name.
    (root / "pupils.csv").write_text("\ufeff" + csv_text(header, rows), encoding="utf-8")
    school = load_school(root)
    assert [pupil.pupil_id for pupil in school.pupils] == ["P101", "P102", "P103"]
    grace = school.pupil("P103")
    assert grace is not None
    assert grace.name_consent is False
    assert grace.year_group == "6"


def test_unknown_school_yaml_key_is_a_warning(make_school_dir: Callable[..., Path]) -> None:
    school = load_school(make_school_dir(school={**SCHOOL_YAML, "polcy": "holbrook"}))
    assert any("polcy" in warning for warning in school.warnings)


def test_policy_may_be_a_pack_file_in_the_school(make_school_dir: Callable[..., Path]) -> None:
    pack = "id: larkfield\ntitle: Larkfield\nextends: reach2\nrules: {}\n"
    root = make_school_dir(school={**SCHOOL_YAML, "policy": "policy.yaml"}, extra_files={"policy.yaml": pack})
    school = load_school(root)
    assert school.pack.id == "larkfield"
    assert school.pack.extends == "reach2"


def test_example_school_loads() -> None:
    if not (EXAMPLE_SCHOOL / "school.yaml").is_file():
        pytest.skip("the shared example school is not here")
    school = load_school(EXAMPLE_SCHOOL)
    assert school.pack.id == "tpat"
    assert school.pupils
    assert school.staff
    assert school.pupil("P0001") is not None


# --- errors: file, line, field --------------------------------------------------------------

GOOD_PUPILS = csv_text(PUPIL_HEADER, PUPILS)
GOOD_STAFF = csv_text(STAFF_HEADER, STAFF)
ROW = PUPILS[1]  # goes on line 3 of pupils.csv, after the header and one good row


def pupils_with(second_row: str) -> dict[str, str]:
    return {"pupils.csv": csv_text(PUPIL_HEADER, [PUPILS[0]]) + second_row + "\n"}


def row_with(**changes: str) -> str:
    values = dict(zip(PUPIL_HEADER, ROW, strict=True))
    values.update(changes)
    return ",".join(values[column] for column in PUPIL_HEADER)


ROSTER_ERRORS = [
    pytest.param(
        {"pupils.csv": csv_text(PUPIL_HEADER[:-1], [p[:-1] for p in PUPILS])},
        "pupils.csv", "line 1", "name_consent", id="missing-pupil-column",
    ),
    pytest.param(
        {"staff.csv": csv_text(STAFF_HEADER[:-1], [s[:-1] for s in STAFF])},
        "staff.csv", "line 1", "email", id="missing-staff-column",
    ),
    pytest.param(
        pupils_with('P102,"Hope"x,Penrose,,2,2018-03-09,current,no,yes'),
        "pupils.csv", "line 3", "quote", id="stray-quote",
    ),
    pytest.param(
        pupils_with(row_with(date_of_birth="09/03/2018")), "pupils.csv", "line 3", "date_of_birth",
        id="bad-date-of-birth",
    ),
    pytest.param(
        pupils_with(row_with(date_of_birth="2018-02-30")), "pupils.csv", "line 3", "date_of_birth",
        id="impossible-date-of-birth",
    ),
    pytest.param(
        pupils_with(row_with(photo_consent="maybe")), "pupils.csv", "line 3", "photo_consent",
        id="bad-yes-no-photo",
    ),
    pytest.param(
        pupils_with(row_with(name_consent="ask mum")), "pupils.csv", "line 3", "name_consent",
        id="bad-yes-no-name",
    ),
    pytest.param(
        pupils_with(row_with(pupil_id="P101")), "pupils.csv", "line 3", "pupil_id",
        id="duplicate-pupil-id",
    ),
    pytest.param(
        pupils_with(row_with(status="left")), "pupils.csv", "line 3", "status", id="bad-status",
    ),
    pytest.param(
        pupils_with(row_with(last_name="")), "pupils.csv", "line 3", "last_name", id="empty-last-name",
    ),
    pytest.param(
        pupils_with(row_with() + ",surplus"), "pupils.csv", "line 3", "fields", id="too-many-fields",
    ),
    pytest.param(
        {"staff.csv": csv_text(STAFF_HEADER, [STAFF[0], STAFF[0]])},
        "staff.csv", "line 3", "staff_id", id="duplicate-staff-id",
    ),
]


@pytest.mark.parametrize(("files", "file_name", "line", "field"), ROSTER_ERRORS)
def test_roster_error_names_file_line_and_field(
    make_school_dir: Callable[..., Path], files: dict[str, str], file_name: str, line: str, field: str,
) -> None:
    root = make_school_dir(extra_files=files)
    with pytest.raises(SchoolError) as caught:
        load_school(root)
    message = str(caught.value)
    assert str(root / file_name) in message
    assert f"{line}:" in message
    assert field in message


SCHOOL_YAML_ERRORS = [
    pytest.param({"timezone": "Europe/Larkfield"}, "timezone", id="bad-timezone"),
    pytest.param({"policy": None}, "policy", id="missing-policy"),
    pytest.param({"policy": "larkfield_policy"}, "policy", id="unknown-policy"),
    pytest.param({"policy": "missing.yaml"}, "missing.yaml", id="missing-policy-file"),
    pytest.param({"name": ""}, "name", id="missing-name"),
    pytest.param({"school_day": "quarter to nine till quarter past three"}, "school_day", id="bad-school-day"),
    pytest.param({"breaks": ["10:30-10:45", "13:00-12:00"]}, "breaks[1]", id="break-ends-before-start"),
    pytest.param({"aliases": {"short": "Larkfield"}}, "aliases", id="aliases-not-a-list"),
    pytest.param({"trust": "Heronsgate"}, "trust", id="trust-not-a-mapping"),
    pytest.param({"official_accounts": [{"platform": "x"}]}, "official_accounts[0]", id="account-without-handle"),
    pytest.param({"bank_holidays": "wales"}, "bank_holidays", id="unknown-bank-holiday-nation"),
    pytest.param({"bank_holidays": True}, "bank_holidays", id="bank-holidays-yes-names-no-nation"),
    pytest.param({"closures": "summer"}, "closures", id="closures-not-a-list"),
    pytest.param({"closures": [{"name": "Summer"}]}, "closures[0]", id="closure-without-dates"),
    pytest.param({"closures": [{"from": "2026-07-22", "to": "2026-13-02"}]}, "closures[0].to",
                 id="closure-impossible-date"),
    pytest.param({"closures": [{"from": "2026-09-02", "to": "2026-07-22"}]}, "closures[0]",
                 id="closure-ends-before-start"),
    pytest.param({"inset_days": ["2026-09-03", "3rd Sept"]}, "inset_days[1]", id="inset-day-not-a-date"),
]


@pytest.mark.parametrize(("changes", "field"), SCHOOL_YAML_ERRORS)
def test_school_yaml_error_names_file_and_field(
    make_school_dir: Callable[..., Path], changes: dict[str, Any], field: str
) -> None:
    data = {**SCHOOL_YAML, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    root = make_school_dir(school=data)
    with pytest.raises(SchoolError) as caught:
        load_school(root)
    message = str(caught.value)
    assert str(root / "school.yaml") in message
    assert field in message


@pytest.mark.parametrize("missing", ["school.yaml", "pupils.csv", "staff.csv"])
def test_missing_required_file(make_school_dir: Callable[..., Path], missing: str) -> None:
    root = make_school_dir()
    (root / missing).unlink()
    with pytest.raises(SchoolError) as caught:
        load_school(root)
    message = str(caught.value)
    assert str(root / missing) in message
    assert "missing" in message


def test_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(SchoolError, match="not a directory"):
        load_school(tmp_path / "nowhere")


def test_school_yaml_not_a_mapping(make_school_dir: Callable[..., Path]) -> None:
    root = make_school_dir()
    (root / "school.yaml").write_text("- Larkfield\n", encoding="utf-8")
    with pytest.raises(SchoolError, match="school.yaml"):
        load_school(root)


def test_pupils_csv_not_utf8(make_school_dir: Callable[..., Path]) -> None:
    root = make_school_dir()
    (root / "pupils.csv").write_bytes(GOOD_PUPILS.replace("Renée", "Ren\xe9e").encode("latin-1"))
    with pytest.raises(SchoolError) as caught:
        load_school(root)
    assert "pupils.csv" in str(caught.value)
    assert "UTF-8" in str(caught.value)


def test_closures_and_inset_days_are_read(make_school_dir: Callable[..., Path]) -> None:
    data = {**SCHOOL_YAML, "bank_holidays": "Scotland",
            "closures": [{"from": dt.date(2026, 7, 1), "to": "2026-08-17", "name": "Summer holiday"},
                         {"date": "2026-10-19"}],
            "inset_days": [dt.date(2026, 8, 18), "2026-08-19"]}
    school = load_school(make_school_dir(school=data))
    assert school.calendar.region == "scotland"
    assert school.calendar.day(dt.date(2026, 7, 15)) == ("closed", "Summer holiday")
    assert school.calendar.day(dt.date(2026, 10, 19)) == ("closed", "school closed")
    assert school.calendar.day(dt.date(2026, 8, 19)) == ("inset", "INSET day")
    assert school.calendar.day(dt.date(2026, 11, 30)) == ("closed", "bank holiday: St Andrew's Day")
    assert not school.warnings


@pytest.mark.parametrize(("given", "region"), [(False, "none"), ("none", "none"), ("Scotland", "scotland")])
def test_bank_holidays_setting(make_school_dir: Callable[..., Path], given: object, region: str) -> None:
    school = load_school(make_school_dir(school={**SCHOOL_YAML, "bank_holidays": given}))
    assert school.calendar.region == region

"""School days: the holidays and INSET days a school sets in the hub, on top of the bank holidays
of its nation and the `closures` and `inset_days` in school.yaml. A personal post at 11:00 on a
weekday the hub marks as a holiday is the member of staff's own time; on an INSET day the school
day counts as a break does; removing the holiday brings the lesson-time finding back."""

from __future__ import annotations

import datetime as dt
import html
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepost.hub import actions_calendar, audit
from safepost.hub.actions import ActionError
from safepost.hub.engine_bridge import directory_school, engine_school
from safepost.hub.models import AuditRecord, School, SchoolClosure, SchoolDayKind
from safepost.hub.permissions import NotAllowed
from safepost.school import demo_school_dir
from tests.hub.conftest import ROLE_USERS

MANAGERS = {"headteacher", "trust_admin"}
# February half term 2026 in the demo school (England and Wales): Monday 16th is a school day.
HALF_TERM = {"first_day": "17/02/2026", "last_day": "20/02/2026", "name": "February half term"}
SCHOOL_DAY_BEFORE = "2026-02-16T11:00:00+00:00"  # 11:00 is lesson time (day 08:45-15:15)
IN_HALF_TERM = "2026-02-17T11:00:00+00:00"
INSET = "05/01/2026"  # a Monday, not a bank holiday
ON_INSET = "2026-01-05T11:00:00+00:00"
PERSONAL_POST = "Lovely walk in the hills today"


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def lesson_time_finding(client: Client, school: School, at: str) -> bool:
    """Whether the hub's check (the API's, as the staff app calls it) of a personal post made
    at `at` finds personal social media in lesson time."""
    response = client.post(f"/api/check?school={school.pk}",
                           {"id": "p1", "text": PERSONAL_POST, "channel": "personal", "at": at},
                           content_type="application/json")
    assert response.status_code == 200, response.content
    return "conduct.personal_use_hours" in {finding["rule"] for finding in response.json()["findings"]}


def school_directory(school: School, tmp_path: Path, yaml: str = "", breaks_allowed: bool = True) -> Path:
    """A copy of the demo school's directory with `yaml` added to its school.yaml (and breaks at
    work allowed or not by its policy), which the hub's demo school then reads."""
    directory = tmp_path / "school"
    shutil.copytree(demo_school_dir(), directory)
    with (directory / "school.yaml").open("a", encoding="utf-8") as settings_file:
        settings_file.write(yaml)
    policy = directory / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "{breaks_allowed: true}" in text
    policy.write_text(text.replace("{breaks_allowed: true}", f"{{breaks_allowed: {str(breaks_allowed).lower()}}}"),
                      encoding="utf-8")
    school.directory = str(directory)
    school.save()
    return directory


# --- who may ------------------------------------------------------------------------------------

CHANGES: list[tuple[str, Callable[..., object]]] = [
    ("holiday", lambda actor, school: actions_calendar.do_add_school_closure(actor, school, **HALF_TERM)),
    ("inset", lambda actor, school: actions_calendar.do_add_inset_day(actor, school, date=INSET, name="Training")),
    ("remove", lambda actor, school: actions_calendar.do_remove_school_day(actor, SchoolClosure.objects.get())),
]


@pytest.mark.parametrize("role", list(ROLE_USERS))
@pytest.mark.parametrize(("change", "make"), CHANGES, ids=[change for change, _ in CHANGES])
def test_only_the_headteacher_and_the_trust_set_school_days(demo: School, role: str, change: str,
                                                           make: Callable[..., object]) -> None:
    if change == "remove":
        actions_calendar.do_add_inset_day(user("head"), demo, date=INSET)
    rows, records = SchoolClosure.objects.count(), AuditRecord.objects.count()
    actor = user(ROLE_USERS[role])
    if role in MANAGERS:
        make(actor, demo)
        assert SchoolClosure.objects.count() == rows + (-1 if change == "remove" else 1)
        assert AuditRecord.objects.count() == records + 1
    else:
        with pytest.raises(NotAllowed):
            make(actor, demo)
        assert (SchoolClosure.objects.count(), AuditRecord.objects.count()) == (rows, records)


# --- the fields ---------------------------------------------------------------------------------

HOLIDAY_PROBLEMS = [
    ({"first_day": ""}, "First day: enter a date"),
    ({"first_day": "31/02/2026"}, "First day: '31/02/2026' is not a date like 21/11/2026"),
    ({"first_day": "17/02/1926"}, "First day: 17/02/1926 is before 01/01/2000; check the year"),
    ({"last_day": "20/02/2099"}, r"Last day: 20/02/2099 is after 31/12/\d{4}; check the year"),
    ({"last_day": "13/02/2026"}, r"Last day: must be on or after the first day \(13/02/2026 is before 17/02/2026\)"),
    ({"last_day": "20/02/2027"}, "Last day: 17/02/2026 to 20/02/2027 is 369 days, longer than any school holiday"),
    ({"first_day": "21/02/2026", "last_day": "22/02/2026"}, "Last day: 21/02/2026 to 22/02/2026 is a weekend"),
    ({"name": "  "}, "Name: enter some text"),
    ({"name": "x" * 201}, "Name: at most 200 characters"),
]


@pytest.mark.parametrize(("fields", "message"), HOLIDAY_PROBLEMS, ids=[m.split(":")[0] + str(i)
                                                                      for i, (_, m) in enumerate(HOLIDAY_PROBLEMS)])
def test_a_bad_holiday_names_the_field(demo: School, fields: dict[str, str], message: str) -> None:
    with pytest.raises(ActionError, match=message):
        actions_calendar.do_add_school_closure(user("head"), demo, **{**HALF_TERM, **fields})
    assert not SchoolClosure.objects.exists()
    assert not AuditRecord.objects.filter(action__startswith="school_days.").exists()


@pytest.mark.parametrize(("fields", "labels"), [
    ({"first_day": "soon", "last_day": "", "name": ""}, ["First day", "Last day", "Name"]),
    ({"first_day": "20/02/2026", "last_day": "13/02/2026", "name": ""}, ["Last day", "Name"]),
])
def test_every_field_s_problem_is_said_at_once_in_the_form_s_order(demo: School, fields: dict[str, str],
                                                                   labels: list[str]) -> None:
    with pytest.raises(ActionError) as raised:
        actions_calendar.do_add_school_closure(user("head"), demo, **fields)
    assert [problem.split(":")[0] for problem in raised.value.problems] == labels  # type: ignore[attr-defined]


def test_the_same_holiday_twice_is_refused(demo: School) -> None:
    actions_calendar.do_add_school_closure(user("head"), demo, **HALF_TERM)
    with pytest.raises(ActionError, match="First day: a holiday from 17/02/2026 to 20/02/2026 is already listed"):
        actions_calendar.do_add_school_closure(user("head"), demo, **HALF_TERM)


INSET_PROBLEMS = [
    ({"date": ""}, "Date: enter a date"),
    ({"date": "5th Jan"}, "Date: '5th Jan' is not a date like 21/11/2026"),
    ({"date": "07/02/2026"}, "Date: 07/02/2026 is a Saturday; an INSET day is a weekday"),
    ({"date": "06/04/2026"}, r"Date: 06/04/2026 is a bank holiday \(Easter Monday\), when the school is closed"),
    ({"date": INSET, "name": "x" * 201}, "Name: at most 200 characters"),
]


@pytest.mark.parametrize(("fields", "message"), INSET_PROBLEMS, ids=["empty", "not-a-date", "saturday",
                                                                    "bank-holiday", "long-name"])
def test_a_bad_inset_day_names_the_field(demo: School, fields: dict[str, str], message: str) -> None:
    with pytest.raises(ActionError, match=message):
        actions_calendar.do_add_inset_day(user("head"), demo, **fields)
    assert not SchoolClosure.objects.exists()


def test_an_inset_day_already_listed_in_the_hub_or_the_settings_file_is_refused(demo: School, tmp_path: Path) -> None:
    school_directory(demo, tmp_path, "inset_days: [2026-01-06]\n")
    actions_calendar.do_add_inset_day(user("head"), demo, date=INSET)
    for day in (INSET, "06/01/2026"):
        with pytest.raises(ActionError, match=f"Date: {day} is already an INSET day"):
            actions_calendar.do_add_inset_day(user("head"), demo, date=day)


@pytest.mark.parametrize(("nation", "accepted"), [("england-and-wales", True), ("scotland", False)])
def test_the_bank_holidays_are_the_school_s_nation_s(demo: School, tmp_path: Path, nation: str,
                                                    accepted: bool) -> None:
    school_directory(demo, tmp_path, f"bank_holidays: {nation}\n")
    if accepted:  # 2 January is a school day in England
        actions_calendar.do_add_inset_day(user("head"), demo, date="02/01/2026")
    else:
        with pytest.raises(ActionError, match=r"Date: 02/01/2026 is a bank holiday \(2nd January\)"):
            actions_calendar.do_add_inset_day(user("head"), demo, date="02/01/2026")


# --- the audit record ---------------------------------------------------------------------------

def test_each_change_is_in_the_audit_log_in_words(demo: School) -> None:
    head = user("head")
    holiday = actions_calendar.do_add_school_closure(head, demo, **HALF_TERM)
    inset = actions_calendar.do_add_inset_day(head, demo, date=INSET, name="Safeguarding training")
    actions_calendar.do_remove_school_day(head, holiday)
    records = list(AuditRecord.objects.filter(action__startswith="school_days.").order_by("pk"))
    assert [(record.action, record.actor, record.school, record.details) for record in records] == [
        ("school_days.holiday_added", head, demo, {"kind": "Holiday", "first_day": "2026-02-17",
                                                   "last_day": "2026-02-20", "name": "February half term"}),
        ("school_days.inset_added", head, demo, {"kind": "INSET day", "first_day": "2026-01-05",
                                                 "last_day": "2026-01-05", "name": "Safeguarding training"}),
        ("school_days.removed", head, demo, {"kind": "Holiday", "first_day": "2026-02-17",
                                             "last_day": "2026-02-20", "name": "February half term"}),
    ]
    assert records[1].target_id == str(inset.pk)
    assert all(audit.action_words(record.action) != record.action for record in records)
    assert audit.verify_chain().ok


# --- what the checks see ------------------------------------------------------------------------

def test_a_holiday_set_in_the_hub_is_the_staff_member_s_own_time_until_it_is_removed(
        demo: School, signed_in: Callable[[str], Client]) -> None:
    teacher = signed_in("teacher")
    assert lesson_time_finding(teacher, demo, IN_HALF_TERM)  # a school day until the hub says otherwise
    stamp = School.objects.get(pk=demo.pk).register_stamp
    holiday = actions_calendar.do_add_school_closure(user("head"), demo, **HALF_TERM)
    assert School.objects.get(pk=demo.pk).register_stamp != stamp  # the checks re-read at once
    assert not lesson_time_finding(teacher, demo, IN_HALF_TERM)
    assert lesson_time_finding(teacher, demo, SCHOOL_DAY_BEFORE)
    actions_calendar.do_remove_school_day(user("head"), holiday)
    assert lesson_time_finding(teacher, demo, IN_HALF_TERM)


@pytest.mark.parametrize(("breaks_allowed", "finding"), [(True, False), (False, True)],
                         ids=["breaks-allowed-as-the-demo", "no-personal-use-at-work"])
def test_an_inset_day_counts_as_a_break(demo: School, signed_in: Callable[[str], Client], tmp_path: Path,
                                        breaks_allowed: bool, finding: bool) -> None:
    """The demo's pack (TPAT with Oakfield's choices) allows personal use in breaks: on an INSET
    day, 11:00 is like a break, so no finding. A pack that allows none at work still finds it."""
    school_directory(demo, tmp_path, breaks_allowed=breaks_allowed)
    teacher = signed_in("teacher")
    assert lesson_time_finding(teacher, demo, ON_INSET)
    actions_calendar.do_add_inset_day(user("head"), demo, date=INSET)
    assert lesson_time_finding(teacher, demo, ON_INSET) is finding
    assert lesson_time_finding(teacher, demo, "2026-01-06T11:00:00+00:00")  # the next day has lessons


def test_the_settings_file_s_days_still_count_and_the_hub_s_add_to_them(
        demo: School, signed_in: Callable[[str], Client], tmp_path: Path) -> None:
    school_directory(demo, tmp_path, "closures:\n  - {date: 2026-02-16, name: Polling day}\n"
                                     "inset_days: [2026-01-05]\n")
    actions_calendar.do_add_school_closure(user("head"), demo, **HALF_TERM)
    actions_calendar.do_add_inset_day(user("head"), demo, date="06/01/2026")
    calendar = engine_school(demo).calendar
    assert [(closure.first, closure.name) for closure in calendar.closures] == [
        (dt.date(2026, 2, 16), "Polling day"), (dt.date(2026, 2, 17), "February half term")]
    assert calendar.inset_days == {dt.date(2026, 1, 5), dt.date(2026, 1, 6)}
    teacher = signed_in("teacher")
    assert not lesson_time_finding(teacher, demo, SCHOOL_DAY_BEFORE)  # the file's polling day
    assert not lesson_time_finding(teacher, demo, IN_HALF_TERM)  # the hub's half term


def test_a_check_asks_the_database_nothing_more_when_nothing_changed(
        demo: School, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    actions_calendar.do_add_inset_day(user("head"), demo, date=INSET)
    engine_school(demo)
    with django_assert_num_queries(1):  # the stamp, as before school days
        school = engine_school(demo)
    assert dt.date(2026, 1, 5) in school.calendar.inset_days


# --- the page -----------------------------------------------------------------------------------

def test_the_page_shows_the_nation_s_bank_holidays_and_where_each_day_is_set(
        demo: School, signed_in: Callable[[str], Client], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The page lists the bank holidays from today on: today is pinned, so the test does not
    # change with the calendar.
    monkeypatch.setattr("safepost.hub.views_calendar.today", lambda: dt.date(2026, 11, 23))
    school_directory(demo, tmp_path, "closures:\n  - {from: 2027-07-21, to: 2027-09-01, name: Summer holiday}\n")
    actions_calendar.do_add_inset_day(user("head"), demo, date="02/09/2027", name="Safeguarding training")
    page = html.unescape(signed_in("head").get(f"/schools/{demo.pk}/school-days").content.decode())
    assert "bank holidays of <strong>England and Wales</strong>" in page
    assert "Christmas Day" in page and "Monday 28 December 2026" in page  # Boxing Day's substitute
    summer = page[page.index('data-school-day="2027-07-21"'):]
    assert "Summer holiday" in summer[:600] and "From the school's settings file: ask your IT lead" in summer[:600]
    training = page[page.index('data-school-day="2027-09-02"'):]
    assert "Safeguarding training" in training[:800] and 'value="remove"' in training[:800]
    assert "on an INSET day, with no lessons, the whole school day counts as a break" in page


def test_staff_read_the_page_but_only_the_headteacher_changes_it(
        demo: School, signed_in: Callable[[str], Client]) -> None:
    actions_calendar.do_add_inset_day(user("head"), demo, date=INSET)
    teacher = signed_in("teacher")
    page = teacher.get(f"/schools/{demo.pk}/school-days").content.decode()
    assert "Monday 5 January 2026" in page
    assert 'id="add-inset"' not in page and 'value="remove"' not in page
    assert "School days: holidays and INSET days" in teacher.get("/").content.decode()
    assert teacher.post(f"/schools/{demo.pk}/school-days", {"action": "inset", "date": "06/01/2026"}).status_code == 403
    assert SchoolClosure.objects.count() == 1


def test_adding_and_removing_through_the_page(demo: School, signed_in: Callable[[str], Client]) -> None:
    head = signed_in("head")
    url = f"/schools/{demo.pk}/school-days"
    response = head.post(url, {"action": "inset", "date": INSET, "name": "First aid training"})
    assert response.status_code == 302  # post, redirect, get
    row = SchoolClosure.objects.get()
    assert (row.kind, row.first_day, row.name, row.created_by) == (
        SchoolDayKind.INSET, dt.date(2026, 1, 5), "First aid training", user("head"))
    page = head.get(response["Location"]).content.decode()
    assert "Added: INSET day on Monday 5 January 2026" in page and "First aid training" in page
    response = head.post(url, {"action": "holiday", **HALF_TERM})
    assert response.status_code == 302
    assert "Added: February half term, Tuesday 17 February 2026 to Friday 20 February 2026" in \
        head.get(response["Location"]).content.decode()
    response = head.post(url, {"action": "remove", "school_day": row.pk})
    assert response.status_code == 302
    assert "Removed." in head.get(response["Location"]).content.decode()
    assert list(SchoolClosure.objects.values_list("name", flat=True)) == ["February half term"]


@pytest.mark.parametrize(("form", "field", "message"), [
    ({"action": "holiday", **HALF_TERM, "last_day": "13/02/2026"}, "last_day", "Last day: must be on or after"),
    ({"action": "holiday", **HALF_TERM, "name": ""}, "holiday_name", "Name: enter some text"),
    ({"action": "inset", "date": "07/02/2026"}, "inset_date", "Date: 07/02/2026 is a Saturday"),
    ({"action": "inset", "date": INSET, "name": "x" * 201}, "inset_name", "Name: at most 200 characters"),
    ({"action": "remove", "school_day": "999999"}, "school-days", "Holiday or INSET day: it is no longer on the list"),
], ids=["holiday-last-day", "holiday-name", "inset-date", "inset-name", "remove-gone"])
def test_a_form_s_error_is_shown_by_its_field(demo: School, signed_in: Callable[[str], Client],
                                             form: dict[str, str], field: str, message: str) -> None:
    response = signed_in("head").post(f"/schools/{demo.pk}/school-days", form)
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert f'<a href="#{field}">{message}' in page  # the summary links to the field
    if field != "school-days":
        assert f'<p class="govuk-error-message" id="{field}-error"><span class="govuk-visually-hidden">Error:</span> {message}' in page
        typed = form.get("first_day") or form.get("date")  # never empty in these forms
        assert typed and f'value="{typed}"' in page  # what was typed is kept
    assert not SchoolClosure.objects.exists()


def test_another_school_s_day_cannot_be_removed_or_shown(demo: School, signed_in: Callable[[str], Client]) -> None:
    other = School.objects.create(name="Elsewhere Academy", directory=demo.directory)
    theirs = SchoolClosure.objects.create(school=other, kind=SchoolDayKind.INSET,
                                          first_day=dt.date(2026, 1, 5), last_day=dt.date(2026, 1, 5))
    head = signed_in("head")  # Oakfield's head, not a member of Elsewhere
    response = head.post(f"/schools/{demo.pk}/school-days", {"action": "remove", "school_day": theirs.pk})
    assert response.status_code == 400  # not on this school's list
    response = head.post(f"/schools/{other.pk}/school-days", {"action": "remove", "school_day": theirs.pk})
    assert response.status_code in (403, 404)
    assert SchoolClosure.objects.filter(pk=theirs.pk).exists()
    assert "Added:" not in head.get(f"/schools/{demo.pk}/school-days?added={theirs.pk}").content.decode()


@pytest.mark.parametrize("query", ["?added=²", "?added=١٢", "?added=-1"])
def test_a_strange_number_in_the_address_is_ignored(demo: School, signed_in: Callable[[str], Client],
                                                    query: str) -> None:
    assert signed_in("head").get(f"/schools/{demo.pk}/school-days{query}").status_code == 200


@pytest.mark.parametrize("value", ["²", "١٢", "abc", ""])
def test_a_strange_row_number_to_remove_is_a_named_error(demo: School, signed_in: Callable[[str], Client],
                                                         value: str) -> None:
    response = signed_in("head").post(f"/schools/{demo.pk}/school-days", {"action": "remove", "school_day": value})
    assert response.status_code == 400
    assert "Holiday or INSET day" in html.unescape(response.content.decode())


def test_the_same_day_added_twice_at_once_is_refused(demo: School, monkeypatch: pytest.MonkeyPatch) -> None:
    # The action reads "already listed" before it writes: two people pressing the button
    # together both pass that read (here: it is made to see the calendar without the hub's
    # days), and the database's constraint refuses the second, as a named error.
    monkeypatch.setattr(actions_calendar, "school_calendar",
                        lambda school: directory_school(school).calendar)
    head = user("head")
    actions_calendar.do_add_inset_day(head, demo, date=INSET)
    with pytest.raises(ActionError, match="Date: 05/01/2026 is already an INSET day"):
        actions_calendar.do_add_inset_day(head, demo, date=INSET)
    actions_calendar.do_add_school_closure(head, demo, **HALF_TERM)
    with pytest.raises(ActionError, match="First day: a holiday from 17/02/2026 to 20/02/2026 is already listed"):
        actions_calendar.do_add_school_closure(head, demo, **HALF_TERM)
    assert SchoolClosure.objects.filter(school=demo).count() == 2
    assert AuditRecord.objects.filter(action__startswith="school_days.").count() == 2

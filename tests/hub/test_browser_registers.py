"""Each register's main path in a real browser (Debian's Chromium, Playwright), with an
accessibility scan (axe-core) of every page on the way, and the consent path without JavaScript."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.hub.test_browser import CHROMIUM, accessibility_problems, sign_in  # noqa: F401 (skips without Chromium)
from tests.hub.test_browser import browser as browser  # the module-scoped Chromium
from tests.hub.test_browser import hub as hub

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MIS_EXPORT = (
    "\ufeffUPN;Legal Forename;Legal Surname;Year;DOB;Photo Consent;Name Consent\r\n"
    "P1001;Amelia;Hartley;4;02/05/2016;Yes;Yes\r\n"
    "P1050;Nia;Okoro;R;14/02/2020;Y;N\r\n"
).encode("utf-8")


def _page(browser, javascript: bool = True):  # type: ignore[no-untyped-def]
    return browser.new_context(java_script_enabled=javascript).new_page()


def test_consent_import_leaving_out_a_line_with_a_problem(browser, hub: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser)
    sign_in(page, hub, "comms")
    page.goto(f"{hub}/")
    page.click("text=Consent register")
    page.click("#import-link")
    export = tmp_path / "arbor-export.csv"
    export.write_bytes(b"UPN,Forename,Surname,Photo Consent\r\nP1080,Ola,Bello,yes\r\nP1081,Tom,Reed,maybe\r\n")
    page.set_input_files("#file", str(export))
    page.click("#upload")
    page.wait_for_selector("#problem-list")
    assert "line 3, Photo consent" in page.inner_text("#problem-list")
    assert "1 line left out (line 3)" in page.inner_text("#left-out-summary")
    assert "Ola Bello (P1080)" in page.inner_text("#changes")
    problems = accessibility_problems(page)
    page.click("#import-leaving-out")
    page.wait_for_selector("#import-result")
    assert "1 new" in page.inner_text("#import-result")
    assert "line 3, Photo consent" in page.inner_text("#import-left-out")
    problems += accessibility_problems(page)
    assert problems == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_consent_import_and_withdrawal(browser, hub: str, tmp_path, javascript: bool) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    page = _page(browser, javascript)
    sign_in(page, hub, "comms")
    page.click("text=Consent register")
    problems += accessibility_problems(page) if javascript else []
    page.click("#import-link")
    export = tmp_path / "sims-export.csv"
    export.write_bytes(MIS_EXPORT)
    page.set_input_files("#file", str(export))
    page.click("#upload")
    page.wait_for_selector("#change-summary")
    assert "1 new pupil" in page.inner_text("#change-summary")
    assert "Nia Okoro (P1050)" in page.inner_text("#changes")
    problems += accessibility_problems(page) if javascript else []
    page.click("#confirm-import")
    page.wait_for_selector("#import-result")
    assert "1 new" in page.inner_text("#import-result")

    # The demo's withdrawal for Zofia shows; a parent then withdraws name consent for Mason.
    page.goto(f"{hub}/")
    page.click("text=Consent register")
    page.fill("#q", "Kowalczyk")
    page.click("button:has-text('Show')")
    page.click("text=Zofia Kowalczyk")
    assert page.inner_text("#photo-consent") == "No consent"  # the demo's own withdrawal
    page.goto(f"{hub}/")
    page.click("text=Consent register")
    page.click("text=Mason Wright-Evans")
    page.select_option("#kind", "name")
    page.check("#given-no")
    page.fill("#date", (dt.date.today() - dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.fill("#source", "Letter from parent")
    page.click("#record-decision")
    page.wait_for_selector("#history")
    assert page.inner_text("#name-consent") == "No consent"
    assert "Letter from parent" in page.inner_text("#history")
    problems += accessibility_problems(page) if javascript else []
    page.goto(f"{hub}/")
    page.click("text=Consent register")
    page.click("text=Posts to take down")
    assert "Roman Britain" in page.inner_text("#tasks")
    problems += accessibility_problems(page) if javascript else []
    page.click("#tasks button:has-text('Taken down')")
    page.wait_for_selector("text=Nothing to take down.")
    assert not problems, "\n".join(problems)


def test_policy_signature_and_the_headteachers_view(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    teacher = _page(browser)
    sign_in(teacher, hub, "teacher")
    teacher.click("text=Social media policy: read and sign")
    assert "By signing below" in teacher.inner_text("#statement")
    problems += accessibility_problems(teacher)
    teacher.check("#confirmed")
    teacher.fill("#signed_name", "Tom Bennett")
    teacher.click("#sign")
    teacher.wait_for_selector("#signed")
    assert "You signed version 1.0" in teacher.inner_text("#signed")

    head = _page(browser)
    sign_in(head, hub, "head")
    head.click("text=Social media policy: read and sign")
    assert "83% have signed. 1 still to sign." in head.inner_text("#coverage")
    assert "Peter Quinn" in head.inner_text("#unsigned")
    head.click("#remind")
    head.wait_for_selector("#reminders-sent")
    problems += accessibility_problems(head)
    assert not problems, "\n".join(problems)


def test_accounts_register_cover_and_a_leaver(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    head = _page(browser)
    sign_in(head, hub, "head")
    head.click("text=Official accounts register")
    facebook = head.locator("tr[data-account='OakfieldPrimarySchool']")
    assert "only 1 administrator" in facebook.inner_text()
    problems += accessibility_problems(head)
    facebook.locator("a").click()
    head.select_option("#user_id", label="Helen Marsh")
    head.select_option("#role", "administrator")
    head.click("#grant-access")
    head.wait_for_selector("#access-table")
    assert "Helen Marsh" in head.inner_text("#access-table")
    assert "only 1 administrator" not in head.inner_text("main")
    head.fill("#rotated_on", dt.date.today().strftime("%d/%m/%Y"))
    head.click("#record-rotation")
    head.wait_for_selector("#rotation")
    assert "Change it now" not in head.inner_text("#rotation")
    problems += accessibility_problems(head)

    head.click("text=Back to all accounts")
    head.select_option("#user_id", label="Sarah Collins")
    head.click("#record-leaver")
    head.wait_for_selector("#leaver-result")
    assert "@OakfieldPrimary" in head.inner_text("#leaver-result")
    assert "Sarah Collins left the school" in head.inner_text("tr[data-account='@OakfieldPrimary']")
    assert not problems, "\n".join(problems)


def test_a_concern_from_raising_to_outcome(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    teacher = _page(browser)
    sign_in(teacher, hub, "teacher")
    teacher.click("text=Raise a concern")
    teacher.fill("#title", "Comment under our sports day post")
    teacher.fill("#description", "A parent posted another child's full name and a complaint.")
    teacher.click("#raise")
    teacher.wait_for_selector("#concern-raised")
    problems += accessibility_problems(teacher)

    dsl = _page(browser)
    sign_in(dsl, hub, "dsl")
    dsl.click("text=Concerns and cases")
    problems += accessibility_problems(dsl)
    dsl.click("text=Comment under our sports day post")
    dsl.select_option("#status", "investigating")
    dsl.fill("#triage", "Reputational")
    dsl.click("#save-triage")
    dsl.wait_for_selector("#case-stage")
    assert "Being investigated – Reputational" in dsl.inner_text("#case-stage")
    dsl.fill("#note", "Comment hidden; parent called.")
    dsl.click("#add-note")
    dsl.select_option("#outcome", "advice")
    dsl.fill("#outcome_note", "Parent advised about the home-school agreement.")
    dsl.click("#close-case")
    dsl.wait_for_selector("#case-outcome")
    assert "Advice given" in dsl.inner_text("#case-outcome")
    problems += accessibility_problems(dsl)
    assert not problems, "\n".join(problems)


def test_contact_log_and_the_dashboard(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    teacher = _page(browser)
    sign_in(teacher, hub, "teacher")
    teacher.click("text=Contact log: friend requests and messages")
    assert "notify the parent" in teacher.inner_text("#policy-steps")
    teacher.select_option("#who", "pupil")
    teacher.select_option("#what", "friend_request")
    teacher.fill("#who_details", "Year 5 pupil")
    teacher.fill("#platform", "TikTok")
    teacher.check("#step-declined")
    teacher.click("#log-contact")
    teacher.wait_for_selector("#contact-logged")
    assert "Told the pupil's parent or carer" in teacher.inner_text("#missing-steps")
    problems += accessibility_problems(teacher)

    head = _page(browser)
    sign_in(head, hub, "head")
    head.click("text=Governance dashboard")
    assert "4 of 6 (67%)" in head.inner_text("#ack-coverage")
    assert "only 1 administrator" in head.inner_text("#dashboard-accounts")
    problems += accessibility_problems(head)
    with head.expect_download() as download:
        head.click("#export-csv")
    assert download.value.suggested_filename.endswith(".csv")
    assert not problems, "\n".join(problems)


def test_a_comment_recorded_found_in_the_queue_and_hidden(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    comms = _page(browser)
    sign_in(comms, hub, "comms")
    comms.click("text=Comments on the school's pages")
    problems += accessibility_problems(comms)
    comms.select_option("#account", label="@OakfieldPrimary (x)")
    comms.select_option("#commenter_kind", "parent")
    comms.fill("#text", "Brilliant match today, well done Noah Williams!")
    comms.click("#record-comment")
    comms.wait_for_selector("#comment-recorded")
    assert "Needs a look" in comms.inner_text("#comment-recorded")
    problems += accessibility_problems(comms)
    comms.click("text=Back to all comments")
    comms.click("text=Brilliant match today")
    comms.fill("#note", "Names a pupil in full; hidden on X")
    comms.click("#hide-comment")
    comms.wait_for_selector("#decision-note")
    assert comms.inner_text("#comment-status").startswith("Hidden")
    assert not problems, "\n".join(problems)


def _coming_weekday() -> dt.date:
    """A school day about six weeks ahead (a weekday, not a bank holiday in England)."""
    from safepost.term_calendar import bank_holidays

    day = dt.date.today() + dt.timedelta(days=40)
    while day.weekday() >= 5 or day in bank_holidays(day.year):
        day += dt.timedelta(days=1)
    return day


def test_calendar_an_inset_day_added_on_the_school_days_page(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    head = _page(browser)
    sign_in(head, hub, "head")
    head.click("text=School days: holidays and INSET days")
    assert "England and Wales" in head.inner_text("#bank-holiday-nation")
    problems += accessibility_problems(head)
    head.fill("#inset_date", "07/02/2026")  # a Saturday: refused, said by the field
    head.click("#add-inset")
    head.wait_for_selector("#inset_date-error")
    assert "Saturday" in head.inner_text("#inset_date-error")
    problems += accessibility_problems(head)
    day = _coming_weekday()
    head.fill("#inset_date", day.strftime("%d/%m/%Y"))
    head.fill("#inset_name", "Safeguarding training")
    head.click("#add-inset")
    head.wait_for_selector("#added")
    assert f"{day:%A} {day.day} {day:%B %Y}" in head.inner_text("#added")
    listed = head.locator(f"#school-days tr[data-school-day='{day.isoformat()}']")
    assert "Safeguarding training" in listed.inner_text() and "Set here" in listed.inner_text()
    problems += accessibility_problems(head)
    assert not problems, "\n".join(problems)

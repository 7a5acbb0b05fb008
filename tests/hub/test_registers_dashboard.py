"""The governance dashboard for the headteacher and the trust, and its CSV and PDF exports."""

from __future__ import annotations

import csv
import io
import re
import zlib
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepost.hub import actions, actions_cases
from safepost.hub.dashboard import month_name, school_figures
from safepost.hub.models import School


def test_the_figures_follow_the_registers(demo: School) -> None:
    figures = school_figures(demo)
    assert figures["acknowledgements"] | {"unsigned": sorted(figures["acknowledgements"]["unsigned"])} == {
        "version": "1.0", "people": 6, "signed": 4, "percent": 67, "unsigned": ["Peter Quinn", "Tom Bennett"],
        "review": ""}
    cover = {item["platform"]: item["cover_missing"] for item in figures["accounts"]}
    assert cover == {"blog": False, "facebook": True, "instagram": True, "x": False}
    assert figures["consent"]["takedowns_open"] == 1
    assert figures["cases"]["open"] == 1
    before = {row["rule"]: row["total"] for row in figures["findings"]["rows"]}
    teacher = get_user_model().objects.get(username="teacher")
    actions.do_create_draft(teacher, demo, text="Well done Amelia Hartley!", pupils=[], account=None)
    actions_cases.do_raise_concern(teacher, demo, title="x", description="y")
    after = school_figures(demo)
    assert {row["rule"]: row["total"] for row in after["findings"]["rows"]}["content.pupil_full_name"] == \
        before.get("content.pupil_full_name", 0) + 1
    assert after["findings"]["rows"][0]["counts"][-1] >= 1  # this month's column
    assert after["cases"]["open"] == 2


def test_the_dashboard_page_and_its_exports(signed_in: Callable[[str], Client], demo: School) -> None:
    client = signed_in("head")
    page = client.get(f"/schools/{demo.pk}/dashboard").content.decode()
    assert "4 of 6 (67%)" in page and "only 1 administrator" in page
    rows = list(csv.reader(io.StringIO(client.get(f"/schools/{demo.pk}/dashboard?format=csv").content.decode())))
    assert rows[0] == ["school", "section", "item", "what the rule asks", "value"]
    assert ["Oakfield Primary School", "policy", "signed", "", "4 of 6 (67%)"] in rows
    assert ["Oakfield Primary School", "consent", "takedowns_open", "", "1"] in rows
    pdf = client.get(f"/schools/{demo.pk}/dashboard?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_trust_sees_each_school_in_totals(signed_in: Callable[[str], Client], demo: School) -> None:
    page = signed_in("trustadmin").get("/dashboard").content.decode()
    assert "Oakfield Primary School" in page and "67%" in page
    # Totals only: the cases' titles and pupils' names stay in the school.
    assert "Parent's comment" not in page and "Zofia" not in page


def test_loading_the_demo_again_changes_nothing(demo: School) -> None:
    from safepost.hub.demo import load_demo
    from safepost.hub.models import AuditRecord

    before = (AuditRecord.objects.count(), school_figures(demo))
    assert load_demo() == demo
    assert (AuditRecord.objects.count(), school_figures(demo)) == before


# --- review fix: a cell a spreadsheet would run as a formula ----------------------------------

FORMULAS = ["=HYPERLINK(\"http://x.example\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("handle", FORMULAS)
def test_the_dashboard_csv_cannot_carry_a_formula(signed_in: Callable[[str], Client], demo: School,
                                                  handle: str) -> None:
    from safepost.hub import actions_accounts

    actions_accounts.do_create_account(get_user_model().objects.get(username="comms"), demo,
                                       platform="tiktok", handle=handle)
    text = signed_in("head").get(f"/schools/{demo.pk}/dashboard?format=csv").content.decode()
    items = [row[2] for row in csv.reader(io.StringIO(text)) if row[1] == "accounts"]
    assert f"'{handle.strip()} (tiktok)" in items
    assert not [item for item in items if item[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("name", ["=2+3", "@cmd", "+evil", "-evil"])
def test_the_audit_csv_cannot_carry_a_formula(signed_in: Callable[[str], Client], demo: School, name: str) -> None:
    from django.db import transaction

    from safepost.hub import audit

    person = get_user_model().objects.create_user(username=name, password="x-unused-x")
    with transaction.atomic():
        audit.append(person, "account.test", school=demo, details={"note": "=1+1"})
    text = signed_in("head").get(f"/schools/{demo.pk}/audit?format=csv").content.decode()
    rows = [row for row in csv.reader(io.StringIO(text)) if row[3] == "account.test"]
    assert rows and rows[0][2] == f"'{name}"
    assert all(cell[:1] not in ("=", "+", "-", "@") for row in csv.reader(io.StringIO(text)) for cell in row)


# --- walkthrough fixes: counts in plain words, rules by what they ask -------------------------

@pytest.mark.parametrize(("open_cases", "words"), [
    (0, "No open cases."),
    (1, "1 open case; 1 new."),
    (2, "2 open cases; 2 new."),
])
def test_the_dashboard_counts_cases_in_plain_words(signed_in: Callable[[str], Client], demo: School,
                                                   open_cases: int, words: str) -> None:
    from safepost.hub.models import Case, CaseStatus

    Case.objects.filter(school=demo).exclude(status=CaseStatus.CLOSED).delete()
    teacher = get_user_model().objects.get(username="teacher")
    for number in range(open_cases):
        actions_cases.do_raise_concern(teacher, demo, title=f"Worry {number}", description="Details")
    page = signed_in("head").get(f"/schools/{demo.pk}/dashboard").content.decode()
    assert f'<p class="govuk-body" id="open-cases">{words} ' in page


def test_an_account_with_no_administrators_says_so(signed_in: Callable[[str], Client], demo: School) -> None:
    from safepost.hub import actions_accounts

    actions_accounts.do_create_account(get_user_model().objects.get(username="comms"), demo,
                                       platform="tiktok", handle="@oakfield_tt")
    page = signed_in("head").get(f"/schools/{demo.pk}/dashboard").content.decode()
    assert "no administrators: at least 2 are needed" in page and "only 0 administrator" not in page


def test_the_findings_by_rule_say_what_each_rule_asks(signed_in: Callable[[str], Client], demo: School) -> None:
    from safepost.hub.engine_bridge import directory_school

    teacher = get_user_model().objects.get(username="teacher")
    actions.do_create_draft(teacher, demo, text="Well done Amelia Hartley!", pupils=[], account=None)
    row = next(row for row in school_figures(demo)["findings"]["rows"] if row["rule"] == "content.pupil_full_name")
    summary = directory_school(demo).pack.rules["content.pupil_full_name"].summary
    assert row["words"] == summary and summary.startswith("Official posts must not name pupils in full")
    client = signed_in("head")
    page = client.get(f"/schools/{demo.pk}/dashboard").content.decode()
    assert f'{summary} <span class="govuk-hint hub-code">content.pupil_full_name</span>' in page
    assert "<code>content.pupil_full_name</code>" not in page


@pytest.mark.parametrize(("rule", "words"), [
    ("content.pupil_full_name", "Official posts must not name pupils in full"),  # the school's pack
    ("scope.vle_not_social_media", "Virtual learning environments"),  # not in it: the catalogue's
    ("no.such_rule", ""),
])
def test_a_rules_words_come_from_the_pack(demo: School, rule: str, words: str) -> None:
    from safepost.hub.engine_bridge import directory_school, rule_words

    said = rule_words(directory_school(demo).pack, rule)
    assert said.startswith(words) and bool(said) is bool(words)


# --- review fixes: months as "Jun 2026", and the CSV says what each rule asks -----------------

def _pdf_text(pdf: bytes) -> str:
    """The words a PDF from fpdf2 shows, its lines joined by spaces."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        shown += [re.sub(rb"\\(.)", rb"\1", text) for text in re.findall(rb"\((.*?)(?<!\\)\) Tj", content)]
    return " ".join(part.decode("latin-1") for part in shown)


def _a_finding(demo: School) -> None:
    actions.do_create_draft(get_user_model().objects.get(username="teacher"), demo,
                            text="Well done Amelia Hartley!", pupils=[], account=None)


@pytest.mark.parametrize(("month", "name"), [
    ("2026-06", "Jun 2026"),
    ("2026-01", "Jan 2026"),
    ("2025-09", "Sep 2025"),
    ("2025-12", "Dec 2025"),
])
def test_a_month_reads_as_its_name_and_year(month: str, name: str) -> None:
    assert month_name(month) == name


def test_the_dashboard_names_its_months(signed_in: Callable[[str], Client], demo: School) -> None:
    _a_finding(demo)
    figures = school_figures(demo)["findings"]
    names = figures["month_names"]
    assert names == [month_name(month) for month in figures["months"]] and len(set(names)) == 6
    client = signed_in("head")
    page = client.get(f"/schools/{demo.pk}/dashboard").content.decode()
    table = page[page.index('id="dashboard-findings"'):]
    table = table[:table.index("</table>")]
    for month, name in zip(figures["months"], names, strict=True):
        assert f'govuk-table__header--numeric">{name}</th>' in table
        assert month not in table
    pdf = _pdf_text(client.get(f"/schools/{demo.pk}/dashboard?format=pdf").content)
    counts = next(row["counts"] for row in figures["rows"] if row["rule"] == "content.pupil_full_name")
    assert "(content.pupil_full_name): " + ", ".join(
        f"{count} in {name}" for count, name in zip(counts, names, strict=True)) in pdf
    assert not re.search(r"\b20\d\d-\d\d\b", pdf)  # no "2026-06" left


def test_the_dashboard_csv_says_what_each_rule_asks(signed_in: Callable[[str], Client], demo: School) -> None:
    from safepost.hub.engine_bridge import directory_school, rule_words

    pack = directory_school(demo).pack
    _a_finding(demo)
    text = signed_in("head").get(f"/schools/{demo.pk}/dashboard?format=csv").content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][2:4] == ["item", "what the rule asks"]
    findings = [row for row in rows if row[1] == "findings"]
    assert findings and all(len(row) == 5 for row in rows)
    named = [row for row in findings if row[2].startswith("content.pupil_full_name ")]
    assert len(named) == 6  # one a month
    assert {row[3] for row in named} == {rule_words(pack, "content.pupil_full_name")}
    assert named[0][3].startswith("Official posts must not name pupils in full")
    assert all(row[3] == rule_words(pack, row[2].split()[0]) for row in findings)
    assert all(row[3] == "" for row in rows[1:] if row[1] != "findings")  # only rules have words

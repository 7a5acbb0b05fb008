"""The consent register: MIS imports (messy real-world exports, all or nothing, a clear report),
decisions with date and source, and a withdrawal that counts at the next check and lists every
approved or published post showing or naming the pupil as a task to take down."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from safepost.hub import actions, actions_consent, mis_import
from safepost.hub.actions import ActionError
from safepost.hub.actions_consent import ImportRefused
from safepost.hub.engine_bridge import directory_school, engine_school
from safepost.hub.models import (
    AuditRecord,
    ConsentImport,
    ConsentRecord,
    Draft,
    DraftStatus,
    RegisterPupil,
    School,
    TakedownTask,
)
from safepost.hub.permissions import NotAllowed


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def pupil(school: School, pupil_id: str) -> RegisterPupil:
    return RegisterPupil.objects.get(school=school, pupil_id=pupil_id)


def snapshot(school: School) -> list[tuple[object, ...]]:
    rows = sorted(RegisterPupil.objects.filter(school=school).values_list(
        "pupil_id", "first_name", "last_name", "year_group", "date_of_birth", "status",
        "photo_consent", "name_consent"))
    return [*rows, ("records", ConsentRecord.objects.count())]


# --- reading exports ---------------------------------------------------------------------------

SIMS_BOM = (
    "\ufeffUPN,Legal Forename,Legal Surname,Preferred Forename,Year,DOB,Photo Consent,Name Consent\r\n"
    "P1001,Amelia,Hartley,,Year 4,02/05/2016,Yes,Yes\r\n"
    "P1041,Nia,Okoro,,R,14/02/2020,Y,N\r\n"
).encode("utf-8")
SEMICOLONS_CP1252 = (
    "Admission No;Forename;Surname;NC Year;Date of Birth;Photographs;Use of name\n"
    "P1009;Chloé;Dubois;5;01.12.2015;yes;no\n"
    "\n"
    "P1042;Zoë;Bräuer;3;2017-06-01;no;no\n"
).encode("cp1252")
EXCEL_DATES = (
    b"pupil_id,first_name,last_name,date_of_birth,photo_consent,consent_date\n"
    b"P1043,Ola,Nowak,42492,TRUE,46000\n"
    b"P1044,Ben,Ito,42492.0,FALSE,\n"
)
DUPLICATE_ROWS = (
    b"UPN,Forename,Surname,Photo Consent\n"
    b"P1045,Ada,Lovelace,yes\n"
    b"P1045,Ada,Lovelace,yes\n"
    b"P1046,Alan,Turing,no\n"
)


@pytest.mark.parametrize(("raw", "expected_rows", "expected"), [
    (SIMS_BOM, 2, {"P1001": {"year_group": "4", "date_of_birth": dt.date(2016, 5, 2), "photo_consent": True},
                   "P1041": {"year_group": "R", "name_consent": False, "photo_consent": True}}),
    (SEMICOLONS_CP1252, 2, {"P1009": {"first_name": "Chloé", "date_of_birth": dt.date(2015, 12, 1),
                                      "name_consent": False},
                            "P1042": {"last_name": "Bräuer", "date_of_birth": dt.date(2017, 6, 1)}}),
    (EXCEL_DATES, 2, {"P1043": {"date_of_birth": dt.date(2016, 5, 2), "photo_consent": True,
                                "consent_date": dt.date(2025, 12, 9), "name_consent": None},
                      "P1044": {"photo_consent": False, "consent_date": None}}),
    (DUPLICATE_ROWS, 2, {"P1045": {"first_name": "Ada", "photo_consent": True}}),
], ids=["sims-bom-uk-dates", "semicolons-windows-1252", "excel-serial-dates", "duplicate-rows"])
def test_messy_exports_are_read(raw: bytes, expected_rows: int, expected: dict[str, dict[str, object]]) -> None:
    text, _encoding = mis_import.decode(raw)
    parsed = mis_import.parse(text)
    assert parsed.ok, [str(problem) for problem in parsed.problems]
    assert len(parsed.rows) == expected_rows
    rows = {row["pupil_id"]: row for row in parsed.rows}
    for pupil_id, fields in expected.items():
        for key, value in fields.items():
            assert rows[pupil_id][key] == value, (pupil_id, key)


def test_a_repeated_row_is_counted_once_and_said_so() -> None:
    parsed = mis_import.parse(mis_import.decode(DUPLICATE_ROWS)[0])
    assert any("line 3 repeats line 2" in note for note in parsed.notes)


@pytest.mark.parametrize(("raw", "problem"), [
    (b"UPN,Forename,Photo Consent\nP1,Ada,yes\n", "Last name: no column chosen"),
    (b"UPN,Forename,Surname,Photo Consent\nP1,Ada,Lovelace,maybe\n", "line 2, Photo consent: 'maybe' is not yes or no"),
    (b"UPN,Forename,Surname,DOB\nP1,Ada,Lovelace,31/02/2016\n", "line 2, Date of birth: '31/02/2016' is not a date"),
    (b"UPN,Forename,Surname\nP1,Ada,Lovelace\nP1,Ada,Byron\n", "line 3, Pupil ID (UPN or admission number): 'P1' is also on line 2"),
    (b"UPN,Forename,Surname\nP1,,Lovelace\n", "line 2, First name: empty"),
    # the same pupil in other capitals, with other details: a problem, never a second pupil
    (b"UPN,Forename,Surname,Photo Consent\nP1001,Amelia,Hartley,yes\np1001,Amelia,Hartley,no\n",
     "line 3, Pupil ID (UPN or admission number): 'p1001' is also on line 2"),
    (b"UPN,Forename,Surname\n", "the file has a header but no pupils"),
    (b"", "the file is empty"),
], ids=["missing-column", "bad-yes-no", "impossible-date", "conflicting-duplicate", "empty-name",
        "id-in-other-capitals", "no-rows", "empty"])
def test_problems_name_the_line_and_column(raw: bytes, problem: str) -> None:
    parsed = mis_import.parse(mis_import.decode(raw)[0])
    assert not parsed.ok
    assert any(problem in str(found) for found in parsed.problems), [str(p) for p in parsed.problems]


def test_a_missing_consent_column_leaves_consent_alone(demo: School) -> None:
    text = "UPN,Forename,Surname,Year\nP1003,Grace,O'Connor,7\n"
    parsed = mis_import.parse(text)
    assert parsed.ok and parsed.rows[0]["photo_consent"] is None
    assert any("Photo consent: no column" in note for note in parsed.notes)
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "year7.csv", text.encode())
    actions_consent.do_apply_consent_import(user("comms"), staged, parsed.mapping)
    grace = pupil(demo, "P1003")
    assert grace.year_group == "7" and grace.photo_consent is False and grace.name_consent is False


# --- importing: preview, all or nothing --------------------------------------------------------

def test_import_preview_shows_what_changes_and_apply_does_it(demo: School) -> None:
    comms = user("comms")
    staged = actions_consent.do_stage_consent_import(comms, demo, "sims.csv", SIMS_BOM)
    before = snapshot(demo)
    preview = actions_consent.preview_import(staged, None)
    assert snapshot(demo) == before  # a preview changes nothing
    assert [change.pupil_id for change in preview.changes["new"]] == ["P1041"]
    assert preview.changes["unchanged"] == 1  # P1001 is as the register has her
    assert "P1002" in preview.changes["not_in_file"]
    summary = actions_consent.do_apply_consent_import(comms, staged, preview.parsed.mapping)
    assert summary["new"] == 1 and summary["consents_given"] == 1  # Nia's photo consent
    nia = pupil(demo, "P1041")
    assert (nia.first_name, nia.photo_consent, nia.name_consent) == ("Nia", True, False)
    assert nia.consents.get().source == "MIS import (sims.csv)"
    staged.refresh_from_db()
    assert staged.status == "imported" and staged.text == ""  # the raw file is not kept
    assert engine_school(demo).pupil("P1041") is not None  # checks know the new pupil at once
    assert AuditRecord.objects.filter(action="consent_import.applied", details__new=1).exists()
    with pytest.raises(ActionError, match="already been imported"):
        actions_consent.do_apply_consent_import(comms, staged, preview.parsed.mapping)


def test_one_bad_row_and_nothing_is_imported(demo: School) -> None:
    raw = b"UPN,Forename,Surname,Photo Consent\nP1001,Amelia,Hartley,no\nP1050,New,Pupil,yes\nP1051,Bad,Row,perhaps\n"
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "bad.csv", raw)
    before = snapshot(demo)
    with pytest.raises(ImportRefused) as refused:
        actions_consent.do_apply_consent_import(user("comms"), staged, staged.mapping)
    assert [str(problem) for problem in refused.value.problems] == [
        "line 4, Photo consent: 'perhaps' is not yes or no"]
    assert snapshot(demo) == before
    assert not RegisterPupil.objects.filter(pupil_id="P1050").exists()
    assert AuditRecord.objects.filter(action="consent_import.refused").exists()


@pytest.mark.parametrize(("raw", "imported", "left_out_lines", "hidden"), [
    # a word where yes or no goes: that line alone is left out
    (b"UPN,Forename,Surname,Photo Consent\nP1050,New,Pupil,yes\nP1051,Bad,Row,perhaps\n", {"P1050"}, [3],
     ["perhaps", "P1051"]),
    # an impossible date of birth and an empty surname: two lines, two problems
    (b"UPN,Forename,Surname,DOB\nP1052,Ada,Lovelace,31/02/2016\nP1053,Bea,,01/02/2016\nP1054,Cy,Ng,02/02/2016\n",
     {"P1054"}, [2, 3], ["31/02/2016", "Lovelace", "Bea", "P1052", "P1053"]),
    # the same ID twice with different details: neither line can be trusted
    (b"UPN,Forename,Surname\nP1055,Ann,Lee\nP1056,Ben,Ray\nP1055,Ann,Leigh\n", {"P1056"}, [2, 4],
     ["Leigh", "P1055"]),
    # a pupil on a bad line and a good one, either way round: the good one is not taken alone
    (b"UPN,Forename,Surname,Photo Consent\nP1001,Amelia,Hartley,withdrawn?\nP1001,Amelia,Hartley,yes\n"
     b"P1059,Di,Moss,yes\n", {"P1059"}, [2, 3], ["withdrawn?"]),
    (b"UPN,Forename,Surname,Photo Consent\nP1001,Amelia,Hartley,yes\nP1001,Amelia,Hartley,no longer\n"
     b"P1059,Di,Moss,yes\n", {"P1059"}, [2, 3], ["no longer"]),
    # a consent dated in the future, and an identical repeat of its line (checked against the
    # register as the import runs)
    (b"UPN,Forename,Surname,Photo Consent,Consent Date\nP1057,Cal,Moss,yes,01/01/2099\nP1058,Dee,Moss,yes,01/09/2024\n"
     b"P1057,Cal,Moss,yes,01/01/2099\n", {"P1058"}, [2, 4], ["2099", "P1057"]),
    # the same pupil written with other capitals or spaces on the good line
    (b"UPN,Forename,Surname,Photo Consent\nP1001,Amelia,Hartley,withdrawn?\np 1001,Amelia,Hartley,yes\n"
     b"P1059,Di,Moss,yes\n", {"P1059"}, [2, 3], ["withdrawn?", "p 1001"]),
], ids=["bad-yes-no", "two-bad-lines", "conflicting-duplicate", "bad-then-good", "good-then-bad",
        "future-consent-date", "id-in-other-capitals"])
def test_the_lines_without_problems_can_be_imported_leaving_the_others_out(
    demo: School, raw: bytes, imported: set[str], left_out_lines: list[int], hidden: list[str],
) -> None:
    comms = user("comms")
    staged = actions_consent.do_stage_consent_import(comms, demo, "some-bad.csv", raw)
    before_ids = set(RegisterPupil.objects.filter(school=demo).values_list("pupil_id", flat=True))
    amelia = pupil(demo, "P1001")
    preview = actions_consent.preview_import(staged, None)
    assert not preview.parsed.ok
    assert preview.left_out_lines == left_out_lines
    assert {change.pupil_id for change in preview.changes["new"]} == imported
    assert "P1001" not in preview.changes["not_in_file"] or "P1001" not in raw.decode()
    with pytest.raises(ImportRefused):  # not without being asked
        actions_consent.do_apply_consent_import(comms, staged, staged.mapping)
    summary = actions_consent.do_apply_consent_import(comms, staged, staged.mapping, leave_out_problem_lines=True,
                                                      lines_seen_left_out=preview.left_out_lines)
    after_ids = set(RegisterPupil.objects.filter(school=demo).values_list("pupil_id", flat=True))
    assert after_ids - before_ids == imported
    left = pupil(demo, "P1001")  # on the register: as it was, whatever its lines said
    assert (left.photo_consent, left.name_consent) == (amelia.photo_consent, amelia.name_consent)
    assert summary["lines_left_out"] == len(left_out_lines)
    assert sorted({int(entry.split(",")[0].removeprefix("line ")) for entry in summary["left_out"]}) == left_out_lines
    record = AuditRecord.objects.filter(action="consent_import.applied").last()
    assert record is not None and record.details["lines_left_out"] == len(left_out_lines)
    staged.refresh_from_db()
    stored = json.dumps(record.details) + json.dumps(staged.summary)
    assert not [word for word in hidden if word in stored]  # where, not what


def test_the_import_refuses_if_the_lines_to_leave_out_changed_since_the_preview(demo: School) -> None:
    comms = user("comms")
    raw = b"UPN,Forename,Surname,Photo Consent,Consent Date\nP1001,Amelia,Hartley,no,01/06/2016\nP1058,Dee,Moss,yes,01/09/2024\n"
    staged = actions_consent.do_stage_consent_import(comms, demo, "drift.csv", raw)
    assert actions_consent.preview_import(staged, None).left_out is None  # no problem yet: all of it
    seen = actions_consent.preview_import(staged, None).left_out_lines
    RegisterPupil.objects.filter(school=demo, pupil_id="P1001").update(date_of_birth=dt.date(2016, 9, 1))
    before = snapshot(demo)
    with pytest.raises(ActionError, match="changed since the preview"):
        actions_consent.do_apply_consent_import(comms, staged, staged.mapping, leave_out_problem_lines=True,
                                                lines_seen_left_out=seen)
    assert snapshot(demo) == before


@pytest.mark.parametrize("raw", [
    b"UPN,Forename,Photo Consent\nP1060,Ada,yes\n",                   # no surname column: the file's problem
    b"UPN,Forename,Surname,Photo Consent\nP1061,Ann,Lee,maybe\n",      # every line has a problem
    b"UPN,Forename,Surname\nP1062,Ann,Lee\nP1062,Ann,Leigh\n",         # the only pupil is given twice
    # a bad line whose pupil cannot be told: no ID, or a stray comma (the ID may be in another cell)
    b"UPN,Forename,Surname,Photo Consent\n,Amelia,Hartley,yes\nP1001,Amelia,Hartley,no\n",
    b"Forename,Surname,UPN,Photo Consent\nAmelia,Hartley, Jr,P1001,yes\nAmelia,Hartley,P1001,no\n",
], ids=["missing-column", "no-good-line", "only-a-conflict", "bad-line-without-id", "stray-separator"])
def test_nothing_is_imported_where_no_line_can_be_left_out_alone(demo: School, raw: bytes) -> None:
    comms = user("comms")
    staged = actions_consent.do_stage_consent_import(comms, demo, "bad.csv", raw)
    before = snapshot(demo)
    assert actions_consent.preview_import(staged, None).left_out is None
    with pytest.raises(ImportRefused):
        actions_consent.do_apply_consent_import(comms, staged, staged.mapping, leave_out_problem_lines=True)
    assert snapshot(demo) == before


def test_the_pages_offer_to_leave_out_the_lines_with_problems(
    signed_in: Callable[[str], Client], demo: School,
) -> None:
    client = signed_in("comms")
    raw = b"UPN;Forename;Surname;Photo Consent\nP1070;Ann;Other;yes\nP1071;Bob;Other;sometimes\n"
    location = client.post(f"/schools/{demo.pk}/consent/import",
                           {"file": SimpleUploadedFile("x.csv", raw)})["Location"]
    page = client.get(location).content.decode()
    assert "1 line left out (line 3)" in page and 'id="import-leaving-out"' in page
    mapping = {"map_pupil_id": "UPN", "map_first_name": "Forename", "map_last_name": "Surname",
               "map_photo_consent": "Photo Consent"}
    done = client.post(location, {**mapping, "leave_out_problem_lines": "yes", "left_out_lines": "3"})
    assert done.status_code == 200 and "Import finished" in done.content.decode()
    assert "line 3, Photo consent" in done.content.decode()
    assert RegisterPupil.objects.filter(pupil_id="P1070").exists()
    assert not RegisterPupil.objects.filter(pupil_id="P1071").exists()


def test_asking_to_leave_out_lines_changes_nothing_for_a_clean_file_or_a_file_problem(
    signed_in: Callable[[str], Client], demo: School,
) -> None:
    client = signed_in("comms")
    clean = client.post(f"/schools/{demo.pk}/consent/import",
                        {"file": SimpleUploadedFile("ok.csv", b"UPN,Forename,Surname\nP1072,Ann,Other\n")})["Location"]
    done = client.post(clean, {"map_pupil_id": "UPN", "map_first_name": "Forename", "map_last_name": "Surname",
                               "leave_out_problem_lines": "yes", "left_out_lines": ""})
    assert "Import finished" in done.content.decode() and RegisterPupil.objects.filter(pupil_id="P1072").exists()
    no_surname = client.post(f"/schools/{demo.pk}/consent/import",
                             {"file": SimpleUploadedFile("x.csv", b"UPN,Forename\nP1073,Ann\n")})["Location"]
    refused = client.post(no_surname, {"map_pupil_id": "UPN", "map_first_name": "Forename",
                                       "leave_out_problem_lines": "yes", "left_out_lines": ""})
    assert refused.status_code == 400 and b"nothing was imported" in refused.content
    assert not RegisterPupil.objects.filter(pupil_id="P1073").exists()
    record = AuditRecord.objects.filter(action="consent_import.refused").last()
    assert record is not None and record.details["leave_out_problem_lines"] is True


def test_a_tampered_list_of_lines_is_refused_not_a_crash(signed_in: Callable[[str], Client], demo: School) -> None:
    client = signed_in("comms")
    raw = b"UPN,Forename,Surname,Photo Consent\nP1074,Ann,Other,yes\nP1075,Bob,Other,sometimes\n"
    location = client.post(f"/schools/{demo.pk}/consent/import",
                           {"file": SimpleUploadedFile("x.csv", raw)})["Location"]
    mapping = {"map_pupil_id": "UPN", "map_first_name": "Forename", "map_last_name": "Surname",
               "map_photo_consent": "Photo Consent"}
    page = client.post(location, {**mapping, "leave_out_problem_lines": "yes", "left_out_lines": "\u00b2,3x"})
    assert page.status_code == 400 and b"changed since the preview" in page.content
    assert not RegisterPupil.objects.filter(pupil_id="P1074").exists()


def test_a_failure_half_way_undoes_the_whole_import(demo: School, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"UPN,Forename,Surname,Photo Consent\nP1060,First,New,yes\nP1001,Amelia,Hartley,no\n"
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "x.csv", raw)
    before = snapshot(demo)

    def boom(*args: object, **kwargs: object) -> list[object]:
        # Both rows are saved by now (the withdrawal too), inside the import's transaction ...
        assert RegisterPupil.objects.filter(pupil_id="P1060").exists()
        assert not RegisterPupil.objects.get(school=demo, pupil_id="P1001").photo_consent
        raise RuntimeError("database went away")

    monkeypatch.setattr(actions_consent, "_takedowns", boom)  # ... and then it fails
    with pytest.raises(RuntimeError):
        actions_consent.do_apply_consent_import(user("comms"), staged, staged.mapping)
    assert snapshot(demo) == before
    staged.refresh_from_db()
    assert staged.status == "staged"


def test_an_import_finds_the_posts_of_every_withdrawal_with_the_names_it_brings(demo: School) -> None:
    comms = user("comms")
    shows = _published(comms, demo, "Our Year 4 poets at work", ["P1001"])
    # Not a pupil's name until the import gives P1006 the preferred name "Sunny".
    names = _published(comms, demo, "Congratulations to Sunny B. in Year 3!", [], publish=False)
    untouched = _published(comms, demo, "Sports day was a triumph", ["P1004"])
    raw = (b"UPN,Forename,Surname,Preferred Forename,Photo Consent,Name Consent\n"
           b"P1001,Amelia,Hartley,,no,yes\n"
           b"P1006,Summer,Bailey,Sunny,yes,no\n")
    staged = actions_consent.do_stage_consent_import(comms, demo, "withdrawals.csv", raw)
    summary = actions_consent.do_apply_consent_import(comms, staged, staged.mapping)
    tasks = TakedownTask.objects.filter(pk__in=summary["takedown_tasks"])
    assert sorted((task.draft_id, task.pupil.pupil_id) for task in tasks) == sorted(
        [(shows.pk, "P1001"), (names.pk, "P1006")])
    assert not TakedownTask.objects.filter(draft=untouched).exists()


def test_only_consent_managers_import(demo: School) -> None:
    with pytest.raises(NotAllowed):
        actions_consent.do_stage_consent_import(user("teacher"), demo, "x.csv", SIMS_BOM)


# --- withdrawal --------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "text", "pupils", "rule"), [
    ("photo", "Sports day was great fun", ["P1001"], "content.pupil_image_consent"),
    ("name", "Well done Amelia in Year 4 for her poem!", [], "content.data_protection"),
])
def test_a_withdrawal_counts_at_the_next_check(demo: School, kind: str, text: str, pupils: list[str], rule: str) -> None:
    comms = user("comms")
    before = actions.run_check(demo, comms, text, pupils, None)
    assert rule not in [finding.rule for finding in before.findings]
    actions_consent.do_record_consent(comms, pupil(demo, "P1001"), kind=kind, given=False, date="20/11/2026",
                                      source="email from parent")
    after = actions.run_check(demo, comms, text, pupils, None)
    assert rule in [finding.rule for finding in after.findings]
    assert after.verdict == "block"
    # The CLI's view of the school directory is untouched.
    assert getattr(directory_school(demo).pupil("P1001"), f"{kind}_consent") is True


def _published(author, school: School, text: str, pupils: list[str], publish: bool = True) -> Draft:  # type: ignore[no-untyped-def]
    draft = actions.do_create_draft(author, school, text=text, pupils=pupils, account=school.accounts.first())
    actions.do_submit_draft(author, draft)
    actions.do_approve_draft(user("head"), draft)
    if publish:
        actions.do_publish_draft(author, draft, "copy")
    draft.refresh_from_db()
    return draft


def test_a_withdrawal_lists_every_post_showing_or_naming_the_pupil(demo: School) -> None:
    comms = user("comms")
    shows = _published(comms, demo, "Our Year 4 poets at work", ["P1001"])
    names = _published(comms, demo, "Congratulations to Amelia H. in Year 4!", [], publish=False)
    other = _published(comms, demo, "Sports day was a triumph", ["P1004"])
    unpublished = actions.do_create_draft(comms, demo, text="Poetry day", pupils=["P1001"], account=None)
    _record, tasks = actions_consent.do_record_consent(
        user("dsl"), pupil(demo, "P1001"), kind="photo", given=False, date=dt.date(2026, 11, 20),
        source="signed form")
    assert sorted(task.draft_id for task in tasks) == sorted([shows.pk, names.pk])
    assert other.pk not in [task.draft_id for task in tasks] and unpublished.pk not in [t.draft_id for t in tasks]
    reasons = {task.draft_id: task.reason for task in tasks}
    assert "shows" in reasons[shows.pk] and "names" in reasons[names.pk]
    # The approved post must not go out now; the author is told.
    with pytest.raises(ActionError, match="withdrawn consent"):
        actions.do_publish_draft(comms, names, "copy")
    assert comms.notifications.filter(text__contains=f"take down post {shows.pk}").exists()
    withdrawal = AuditRecord.objects.filter(action="consent.withdrawn").last()
    assert sorted(withdrawal.details["takedown_tasks"]) == sorted(task.pk for task in tasks)
    # Recording it again creates no second task for the same post.
    actions_consent.do_record_consent(user("dsl"), pupil(demo, "P1001"), kind="photo", given=True,
                                      date="21/11/2026", source="phone call")
    actions_consent.do_record_consent(user("dsl"), pupil(demo, "P1001"), kind="photo", given=False,
                                      date="22/11/2026", source="phone call")
    assert TakedownTask.objects.filter(draft=shows).count() == 1
    # Marked done before it was published: it goes back to its author, to change and resubmit.
    actions_consent.do_complete_takedown(comms, TakedownTask.objects.get(draft=names), "caption changed")
    names.refresh_from_db()
    assert names.status == DraftStatus.RETURNED


@pytest.mark.parametrize(("text", "names_her"), [
    ("Hope to see you all at the summer fair!", False),          # a word, nothing says pupil
    ("Well done Hope for your brilliant poem", True),            # praise before the word-name
    ("Hope in Year 2 read her poem to the whole school", True),  # her year group beside it
    ("Hope F. read her poem in assembly", True),                 # with her initial
    ("We hope the Year 2 poems made you smile", False),
])
def test_a_withdrawal_finds_a_word_name_as_the_check_reads_it(demo: School, text: str, names_her: bool) -> None:
    # P1007 is Hope Fitzgerald (Year 2): her first name is an ordinary word.
    draft = _published(user("comms"), demo, text, [], publish=False)
    _record, tasks = actions_consent.do_record_consent(
        user("dsl"), pupil(demo, "P1007"), kind="name", given=False, date=dt.date(2026, 11, 20),
        source="signed form")
    assert (draft.pk in [task.draft_id for task in tasks]) is names_her


@pytest.mark.parametrize(("form", "message"), [
    ({"date": "yesterday", "source": "form"}, "Date of the decision: 'yesterday' is not a date"),
    ({"date": "01/01/2099", "source": "form"}, "Date of the decision: cannot be in the future"),
    ({"date": "01/11/2026", "source": " "}, "Where the decision came from: enter some text"),
])
def test_bad_decisions_name_the_field(signed_in: Callable[[str], Client], demo: School, form: dict[str, str], message: str) -> None:
    amelia = pupil(demo, "P1001")
    response = signed_in("comms").post(f"/schools/{demo.pk}/consent/pupils/{amelia.pk}",
                                       {"kind": "photo", "given": "no", **form})
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    amelia.refresh_from_db()
    assert amelia.photo_consent is True


def test_import_through_the_pages(signed_in: Callable[[str], Client], demo: School) -> None:
    client = signed_in("comms")
    upload = SimpleUploadedFile("arbor.csv", SEMICOLONS_CP1252, content_type="text/csv")
    response = client.post(f"/schools/{demo.pk}/consent/import", {"file": upload})
    assert response.status_code == 302
    preview_url = response["Location"]
    page = client.get(preview_url).content.decode()
    assert "1 new pupil, 0 changed, 1 unchanged" in page
    assert "Name consent: yes → <strong>no</strong>" not in page  # Chloé had no name consent already
    assert "Zoë Bräuer (P1042)" in page
    # Choosing no column for the surname is a problem, shown before anything is imported.
    remapped = client.get(preview_url, {"map_pupil_id": "Admission No", "map_first_name": "Forename"})
    assert remapped.status_code == 400 and "Last name: no column chosen" in remapped.content.decode()
    done = client.post(preview_url, {f"map_{name}": column for name, column in
                                     mis_import.suggest_mapping(mis_import.read_header(
                                         SEMICOLONS_CP1252.decode("cp1252"))[0]).items()})
    assert done.status_code == 200 and "Import finished" in done.content.decode()
    assert pupil(demo, "P1042").last_name == "Bräuer"
    assert ConsentImport.objects.get().status == "imported"


def test_a_bad_file_through_the_pages_imports_nothing(signed_in: Callable[[str], Client], demo: School) -> None:
    client = signed_in("comms")
    raw = b"UPN;Forename;Surname;Photo Consent\nP1070;Ann;Other;yes\nP1071;Bob;Other;sometimes\n"
    location = client.post(f"/schools/{demo.pk}/consent/import",
                           {"file": SimpleUploadedFile("x.csv", raw)})["Location"]
    page = client.get(location)
    assert page.status_code == 400
    assert "line 3, Photo consent: &#x27;sometimes&#x27; is not yes or no" in page.content.decode()
    assert b"confirm-import" not in page.content
    refused = client.post(location, {"map_pupil_id": "UPN", "map_first_name": "Forename",
                                     "map_last_name": "Surname", "map_photo_consent": "Photo Consent"})
    assert refused.status_code == 400 and b"nothing was imported" in refused.content
    assert not RegisterPupil.objects.filter(pupil_id="P1070").exists()


def test_takedowns_page_marks_a_post_as_taken_down(signed_in: Callable[[str], Client], demo: School) -> None:
    shows = _published(user("comms"), demo, "Poetry at Oakfield", ["P1013"])
    actions_consent.do_record_consent(user("head"), pupil(demo, "P1013"), kind="photo", given=False,
                                      date="20/11/2026", source="letter")
    client = signed_in("comms")
    page = client.get(f"/schools/{demo.pk}/consent/takedowns")
    assert f"Post {shows.pk}" in page.content.decode()
    task = TakedownTask.objects.get(draft=shows)
    assert client.post(f"/schools/{demo.pk}/consent/takedowns", {"task": task.pk, "note": "removed"}).status_code == 302
    task.refresh_from_db()
    assert task.done_at is not None and task.note == "removed"
    assert Draft.objects.get(pk=shows.pk).status == DraftStatus.PUBLISHED


def test_the_api_records_a_withdrawal_and_lists_posts_to_take_down(demo: School) -> None:
    from tests.hub.test_api import token_client

    shows = _published(user("comms"), demo, "Year 4 poetry slam", ["P1013"])
    client = token_client("dsl")
    response = client.post(f"/api/schools/{demo.pk}/consent/P1013",
                           {"kind": "photo", "given": False, "date": "2026-11-20", "source": "MIS sync"},
                           content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["takedown_drafts"] == [shows.pk]
    assert response.json()["pupil"]["photo_consent"] is False
    listed = {row["pupil_id"]: row for row in client.get(f"/api/schools/{demo.pk}/consent").json()}
    assert listed["P1013"]["photo_consent"] is False and listed["P1001"]["photo_consent"] is True
    bad = client.post(f"/api/schools/{demo.pk}/consent/P1013",
                      {"kind": "photo", "given": True, "date": "2099-01-01", "source": "x"},
                      content_type="application/json")
    assert bad.status_code == 400 and "date" in bad.json()
    assert client.post(f"/api/schools/{demo.pk}/consent/NOPE", {"kind": "photo", "given": True,
                       "date": "2026-11-20", "source": "x"}, content_type="application/json").status_code == 404


def test_the_api_names_every_field_with_a_problem(demo: School) -> None:
    from tests.hub.test_api import token_client

    response = token_client("dsl").post(f"/api/schools/{demo.pk}/consent/P1001",
                                        {"kind": "photo", "given": False, "date": "2099-01-01", "source": " ",
                                         "note": "n" * 5001},
                                        content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "date": ["Date of the decision: cannot be in the future"],
        "source": ["Where the decision came from: enter some text"],
        "note": ["Note: at most 5,000 characters; you entered 5,001, so shorten it"],
    }
    assert pupil(demo, "P1001").photo_consent is True


def test_columns_the_file_does_not_have_are_left_alone(demo: School) -> None:
    former = pupil(demo, "P2001")
    text = "UPN,Forename,Surname\nP1016,Theodore,Okonkwo-Smith\nP2001,Harvey,Lund\n"
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "names.csv", text.encode())
    assert actions_consent.preview_import(staged, None).changes["changed"] == []
    actions_consent.do_apply_consent_import(user("comms"), staged, staged.mapping)
    teddy = pupil(demo, "P1016")
    assert (teddy.preferred_name, teddy.year_group, teddy.status) == ("Teddy", "1", "current")
    former.refresh_from_db()
    assert former.status == "former"


def test_the_post_itself_says_to_take_it_down(signed_in: Callable[[str], Client], demo: School) -> None:
    task = TakedownTask.objects.get(school=demo, done_at__isnull=True)  # the demo's Roman day photo
    page = signed_in("comms").get(f"/drafts/{task.draft_id}/").content.decode()
    assert "Take this post down: Photo consent for Zofia Kowalczyk was withdrawn" in html.unescape(page)
    actions_consent.do_complete_takedown(user("comms"), task)
    assert "Take this post down" not in signed_in("comms").get(f"/drafts/{task.draft_id}/").content.decode()


# --- review fixes: blank cells, long values, ids in forms, what the audit log says ------------

def test_a_blank_consent_cell_leaves_consent_as_it_is(demo: School) -> None:
    amelia = pupil(demo, "P1001")
    before = (amelia.photo_consent, amelia.name_consent)
    assert before[0] is True
    text = "UPN,Forename,Surname,Photo Consent,Name Consent\nP1001,Amelia,Hartley,,\nP1002,Oluwaseun,Adeyemi, ,no\n"
    parsed = mis_import.parse(text)
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.rows[0]["photo_consent"] is None and parsed.rows[0]["name_consent"] is None
    assert "Photo consent: blank on lines 2, 3, so it stays as it is for those pupils (a blank is not a no)" \
        in parsed.notes
    assert "Name consent: blank on line 2, so it stays as it is for those pupils (a blank is not a no)" in parsed.notes
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "blank.csv", text.encode())
    preview = actions_consent.preview_import(staged, None)
    assert not [c for c in preview.changes["changed"] if c.pupil_id == "P1001"]
    actions_consent.do_apply_consent_import(user("comms"), staged, preview.parsed.mapping)
    amelia.refresh_from_db()
    assert (amelia.photo_consent, amelia.name_consent) == before
    assert not TakedownTask.objects.filter(pupil=amelia).exists()


@pytest.mark.parametrize(("row", "problem"), [
    ("P" * 41 + ",Ada,Lovelace,7", "line 2, Pupil ID (UPN or admission number): at most 40 characters (41 here)"),
    ("P1," + "A" * 101 + ",Lovelace,7", "line 2, First name: at most 100 characters (101 here)"),
    ("P1,Ada," + "L" * 101 + ",7", "line 2, Last name: at most 100 characters (101 here)"),
    ("P1,Ada,Lovelace," + "7" * 21, "line 2, Year group: at most 20 characters (21 here)"),
], ids=["pupil-id", "first-name", "last-name", "year-group"])
def test_a_value_too_long_for_the_register_is_a_named_problem(row: str, problem: str) -> None:
    parsed = mis_import.parse(f"UPN,Forename,Surname,Year\n{row}\n")
    assert any(str(found).startswith(problem) for found in parsed.problems), [str(p) for p in parsed.problems]


@pytest.mark.parametrize("task", ["abc", "", "1; drop table"])
def test_a_bad_task_id_names_the_field(signed_in: Callable[[str], Client], demo: School, task: str) -> None:
    response = signed_in("comms").post(f"/schools/{demo.pk}/consent/takedowns", {"task": task})
    assert response.status_code == 400 and b"Task: choose one from the list" in response.content


def test_consent_audit_records_carry_no_pupil_ids_or_notes(demo: School) -> None:
    import json

    comms = user("comms")
    shows = _published(comms, demo, "Our Year 4 poets at work", ["P1001"])
    _record, tasks = actions_consent.do_record_consent(
        user("dsl"), pupil(demo, "P1001"), kind="photo", given=False, date=dt.date(2026, 11, 20),
        source="signed form")
    actions_consent.do_complete_takedown(comms, tasks[0], "Deleted the photo of Amelia")
    details = json.dumps([r.details for r in AuditRecord.objects.filter(action__in=["consent.withdrawn",
                                                                                       "takedown.done"])])
    assert "P1001" not in details and "Amelia" not in details and shows.pk


def test_a_refused_import_is_audited_by_line_and_column_only(demo: School) -> None:
    raw = b"UPN,Forename,Surname\nP1001,Amelia,Hartley\nP1001,Amelia,Smith\n"
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "bad.csv", raw)
    with pytest.raises(ImportRefused):
        actions_consent.do_apply_consent_import(user("comms"), staged, staged.mapping)
    record = AuditRecord.objects.filter(action="consent_import.refused").last()
    assert record.details["problems"] == ["line 3, Pupil ID (UPN or admission number)"]


@pytest.mark.parametrize("name", sorted(mis_import.MAX_LENGTHS))
def test_import_length_limits_are_the_registers_own(name: str) -> None:
    """The importer checks lengths without Django; its limits must match the database's, or a
    row it accepts would fail to save (PostgreSQL) or be kept too long (SQLite)."""
    from safepost.hub.models import RegisterPupil

    assert mis_import.MAX_LENGTHS[name] == RegisterPupil._meta.get_field(name).max_length


# --- walkthrough fixes: the latest decision stands, impossible dates ---------------------------

# (decisions for Summer Bailey's photos, in the order they are entered: given?, date), then her
# photo consent as it stands, and whether the post showing her becomes a task to take down.
DECISION_ORDERS = [
    ([(False, "20/11/2026"), (True, "01/09/2025")], False, True),   # an old paper form after a withdrawal
    ([(True, "01/09/2025"), (False, "20/11/2026")], False, True),
    ([(False, "01/09/2025"), (True, "20/11/2026")], True, True),    # withdrawn (a task), given again later
    ([(True, "20/11/2026"), (False, "01/09/2025")], True, False),   # an old withdrawal, since replaced
    ([(False, "20/11/2026"), (True, "20/11/2026")], True, True),    # the same day: the later entry
    ([(True, "20/11/2026"), (False, "20/11/2026")], False, True),
]


@pytest.mark.parametrize(("decisions", "consent", "taken_down"), DECISION_ORDERS)
def test_the_decision_with_the_latest_date_stands(demo: School, decisions: list[tuple[bool, str]], consent: bool,
                                                  taken_down: bool) -> None:
    summer = pupil(demo, "P1006")
    assert summer.photo_consent is True  # the school directory's, date not known
    shows = _published(user("comms"), demo, "Sports day in the sun", ["P1006"])
    for given, day in decisions:
        actions_consent.do_record_consent(user("comms"), summer, kind="photo", given=given, date=day, source="form")
    summer.refresh_from_db()
    assert summer.photo_consent is consent
    assert engine_school(demo).pupil("P1006").photo_consent is consent  # what the checks and compose list see
    assert TakedownTask.objects.filter(draft=shows, pupil=summer).exists() is taken_down
    current = actions_consent.current_decision(summer, "photo")
    assert current is not None and current.given is consent


def test_an_old_form_after_a_withdrawal_changes_nothing_and_says_so(signed_in: Callable[[str], Client],
                                                                    demo: School) -> None:
    summer = pupil(demo, "P1006")
    client = signed_in("comms")
    url = f"/schools/{demo.pk}/consent/pupils/{summer.pk}"
    first = client.post(url, {"kind": "photo", "given": "no", "date": "20/11/2026", "source": "email"})
    assert "Recorded: photo consent withdrawn, dated 20/11/2026" in html.unescape(first.content.decode())
    page = html.unescape(client.post(url, {"kind": "photo", "given": "yes", "date": "01/09/2025",
                                           "source": "paper form"}).content.decode())
    assert ("Recorded in the history, but it changes nothing: this decision (consent given, dated 01/09/2025) "
            "is older than the latest one on the register (consent withdrawn, dated 20/11/2026), so the photo "
            "consent stays withdrawn.") in page
    assert "Photos</dt><dd class=\"govuk-summary-list__value\" id=\"photo-consent\">No consent" in page
    record = AuditRecord.objects.filter(action="consent.given").last()
    assert record.details["current"] is False


def test_the_history_is_newest_decision_first(signed_in: Callable[[str], Client], demo: School) -> None:
    summer = pupil(demo, "P1006")
    for given, day, source in [(False, "20/11/2026", "form B"), (True, "01/09/2025", "form A"),
                               (True, "20/11/2026", "form C")]:
        actions_consent.do_record_consent(user("comms"), summer, kind="photo", given=given, date=day, source=source)
    page = signed_in("comms").get(f"/schools/{demo.pk}/consent/pupils/{summer.pk}").content.decode()
    history = page[page.index('id="history"'):]
    order = [history.index(source) for source in ("form C", "form B", "form A", "school directory")]
    assert order == sorted(order)
    assert "not known" in history  # the directory's consent has no decision date


@pytest.mark.parametrize(("date", "message"), [
    ("01/01/1900", "Date of the decision: 01/01/1900 is before 01/01/2000; check the year"),
    ("31/12/1999", "Date of the decision: 31/12/1999 is before 01/01/2000; check the year"),
    ("01/05/2016", "Date of the decision: 01/05/2016 is before Amelia Hartley was born (02/05/2016); check the year"),
    ("01/01/2099", "Date of the decision: cannot be in the future"),
], ids=["1900", "1999", "before-birth", "future"])
def test_an_impossible_decision_date_is_refused(demo: School, date: str, message: str) -> None:
    amelia = pupil(demo, "P1001")  # born 02/05/2016
    with pytest.raises(ActionError) as refused:
        actions_consent.do_record_consent(user("comms"), amelia, kind="photo", given=False, date=date, source="form")
    assert str(refused.value) == message
    amelia.refresh_from_db()
    assert amelia.photo_consent is True


def test_a_decision_form_names_every_problem_and_keeps_what_was_typed(signed_in: Callable[[str], Client],
                                                                     demo: School) -> None:
    amelia = pupil(demo, "P1001")
    response = signed_in("comms").post(f"/schools/{demo.pk}/consent/pupils/{amelia.pk}", {
        "kind": "photo", "given": "yes", "date": "01/01/1900", "source": "", "note": "Parent rang the office"})
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert '<a href="#date">Date of the decision: 01/01/1900 is before 01/01/2000' in page
    assert '<a href="#source">Where the decision came from: enter some text</a>' in page
    assert 'value="01/01/1900"' in page and "Parent rang the office</textarea>" in page
    assert 'id="given-yes" name="given" type="radio" value="yes" checked' in page


def test_an_import_older_than_the_registers_decision_changes_nothing(demo: School) -> None:
    amelia = pupil(demo, "P1001")
    actions_consent.do_record_consent(user("comms"), amelia, kind="photo", given=True, date="20/11/2026",
                                      source="form")
    raw = b"UPN,Forename,Surname,Photo Consent,Consent Date\nP1001,Amelia,Hartley,no,01/09/2025\n"
    amelia.photo_consent = True
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "old.csv", raw)
    summary = actions_consent.do_apply_consent_import(user("comms"), staged, staged.mapping)
    amelia.refresh_from_db()
    assert amelia.photo_consent is True
    assert summary["consents_withdrawn"] == [] and summary["consents_older"] == ["P1001 photo"]
    assert amelia.consents.filter(kind="photo", given=False, date=dt.date(2025, 9, 1)).exists()


# A row's consent date is checked as a decision entered by hand is: a mistyped date would be
# the pupil's current decision for good. (P1080 is a good row: nothing is imported all the same,
# unless the person importing chooses to leave the bad line out.)
BAD_CONSENT_DATES = [
    ("P1001,Amelia,Hartley,,no,01/01/2099", "cannot be in the future"),
    ("P1001,Amelia,Hartley,,no,80000", "cannot be in the future"),  # an Excel serial: 2119
    ("P1001,Amelia,Hartley,,no,31/12/1999", "31/12/1999 is before 01/01/2000; check the year"),
    ("P1001,Amelia,Hartley,,no,01/05/2016",  # the register's date of birth
     "01/05/2016 is before Amelia Hartley was born (02/05/2016); check the year"),
    ("P1081,Ann,Newman,01/06/2018,yes,01/01/2018",  # the file's, for a new pupil
     "01/01/2018 is before Ann Newman was born (01/06/2018); check the year"),
]


@pytest.mark.parametrize(("row", "problem"), BAD_CONSENT_DATES,
                         ids=["future", "excel-serial-2119", "1999", "before-birth", "before-birth-in-file"])
def test_an_impossible_consent_date_in_an_import_is_a_problem_and_nothing_is_imported(
        demo: School, row: str, problem: str) -> None:
    raw = f"UPN,Forename,Surname,DOB,Photo Consent,Consent Date\nP1080,New,Pupil,,yes,01/09/2025\n{row}\n"
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "dates.csv", raw.encode())
    expected = [f"line 3, Date consent was given or changed: {problem}"]
    preview = actions_consent.preview_import(staged, None)
    assert [str(found) for found in preview.parsed.problems] == expected
    # what leaving line 3 out would import: the good row only
    assert [change.pupil_id for change in preview.changes["new"]] == ["P1080"]
    assert preview.left_out_lines == [3]
    before = snapshot(demo)
    with pytest.raises(ImportRefused) as refused:
        actions_consent.do_apply_consent_import(user("comms"), staged, staged.mapping)
    assert [str(found) for found in refused.value.problems] == expected
    assert snapshot(demo) == before
    staged.refresh_from_db()
    assert staged.status == "staged"
    record = AuditRecord.objects.filter(action="consent_import.refused").last()
    assert record.details["problems"] == ["line 3, Date consent was given or changed"]


def test_an_undated_import_row_is_older_than_any_dated_decision(demo: School) -> None:
    from safepost.hub.registers_common import today

    amelia, summer = pupil(demo, "P1001"), pupil(demo, "P1006")
    actions_consent.do_record_consent(user("dsl"), amelia, kind="photo", given=False,
                                      date=today() - dt.timedelta(days=1), source="email from parent")
    shows = _published(user("comms"), demo, "Sports day in the sun", ["P1006"])
    raw = b"UPN,Forename,Surname,Photo Consent,Consent Date\nP1001,Amelia,Hartley,yes,\nP1006,Summer,Bailey,no,\n"
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "undated.csv", raw)
    summary = actions_consent.do_apply_consent_import(user("comms"), staged, staged.mapping)
    # Amelia: yesterday's withdrawal stands; the undated "yes" is kept in the history, date not known.
    amelia.refresh_from_db()
    assert amelia.photo_consent is False
    assert amelia.consents.filter(kind="photo", given=True, date=None, source="MIS import (undated.csv)").exists()
    assert summary["consents_older"] == ["P1001 photo"]
    # Summer: an undated "no" in an export says how things stand as it is exported, so it counts
    # from the day of the import (a withdrawal is never lost behind an older "yes").
    summer.refresh_from_db()
    assert summer.photo_consent is False
    assert summer.consents.get(kind="photo", given=False).date == today()
    assert summary["consents_withdrawn"] == ["P1006 photo"]
    task = TakedownTask.objects.get(draft=shows, pupil=summer)
    assert task.reason == (f"Photo consent for Summer Bailey was withdrawn on {today():%d/%m/%Y}: this post "
                           "shows the pupil")


# Decisions for Amelia's photos entered after the register was started, as session 13 stored them:
# the school directory's "given" then carried a made-up date (23/11/2026), so it stayed current
# and her stored consent "given". Then her photo consent once the directory's date is not known.
MIGRATED = [
    ([], True),                                                         # the directory's alone
    ([(False, dt.date(2025, 9, 1))], False),                            # a parent's earlier, back-dated form
    ([(False, dt.date(2025, 9, 1)), (True, dt.date(2025, 10, 1))], True),
    ([(True, dt.date(2025, 10, 1)), (False, dt.date(2025, 10, 1))], False),  # the same day: the later entry
    ([(False, dt.date(2025, 10, 1)), (True, dt.date(2025, 9, 1))], False),   # entered last, dated earlier
]


@pytest.mark.parametrize(("decisions", "consent"), MIGRATED)
def test_directory_consents_from_before_the_change_lose_their_made_up_date(
        demo: School, decisions: list[tuple[bool, dt.date]], consent: bool) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("safepost.hub.migrations.0005_consent_date_not_known")
    amelia = pupil(demo, "P1001")
    seeded = amelia.consents.get(source=actions_consent.DIRECTORY_SOURCE, kind="photo")
    ConsentRecord.objects.filter(pk=seeded.pk).update(date=dt.date(2026, 11, 23))  # as session 13 stored it
    for given, day in decisions:
        ConsentRecord.objects.create(pupil=amelia, kind="photo", given=given, date=day, source="paper form")
    assert (amelia.photo_consent, amelia.name_consent) == (True, True)  # the made-up date kept "given" current
    others = snapshot(demo)[1:]
    stamp = School.objects.get(pk=demo.pk).register_stamp
    migration.directory_dates_unknown(apps, None)
    seeded.refresh_from_db()
    assert seeded.date is None
    amelia.refresh_from_db()
    assert (amelia.photo_consent, amelia.name_consent) == (consent, True)  # as the current decision says
    current = actions_consent.current_decision(amelia, "photo")
    assert current is not None and current.given is consent
    assert snapshot(demo)[1:] == others  # every other pupil's consent already agreed with its decisions
    # The checks re-read the register where a pupil's consent changed.
    assert (School.objects.get(pk=demo.pk).register_stamp != stamp) is (consent is False)


def _import(school: School, text: str) -> tuple[actions_consent.Plan, dict[str, object]]:
    staged = actions_consent.do_stage_consent_import(user("comms"), school, "mis.csv", text.encode())
    preview = actions_consent.preview_import(staged, None)
    assert preview.parsed.ok, [str(problem) for problem in preview.parsed.problems]
    return preview, actions_consent.do_apply_consent_import(user("comms"), staged, preview.parsed.mapping)


def test_a_no_for_a_directory_pupil_not_yet_on_the_register_is_a_withdrawal(demo: School) -> None:
    # A pupil added to pupils.csv after the register was started: the checks read the directory's
    # "yes"; the MIS export's "no" must withdraw it, with its takedowns, not start a new pupil at no.
    RegisterPupil.objects.filter(school=demo, pupil_id="P1004").delete()
    post = _published(user("comms"), demo, "Our Year 6 science fair was a great success today.", ["P1004"],
                      publish=False)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    preview, summary = _import(demo, "UPN,Forename,Surname,Photo consent,Name consent,Consent date\n"
                                     f"P1004,Mason,Wright-Evans,no,yes,{yesterday:%d/%m/%Y}\n")
    assert [change.pupil_id for change in preview.changes["new"]] == []
    assert ("Photo consent", "yes", "no") in preview.changes["changed"][0].fields
    assert summary["consents_withdrawn"] == ["P1004 photo"]
    assert TakedownTask.objects.filter(draft=post, pupil__pupil_id="P1004").exists()
    sources = set(ConsentRecord.objects.filter(pupil__pupil_id="P1004").values_list("source", flat=True))
    assert actions_consent.DIRECTORY_SOURCE in sources
    with pytest.raises(ActionError):
        actions.do_publish_draft(user("comms"), post, "copy")


def test_an_undated_no_in_an_export_withdraws_a_consent_given_earlier_by_hand(demo: School) -> None:
    row = pupil(demo, "P1004")
    actions_consent.do_record_consent(user("comms"), row, kind="photo", given=True,
                                      date=dt.date(2024, 9, 5), source="annual form")
    preview, summary = _import(demo, "UPN,Forename,Surname,Photo consent\nP1004,Mason,Wright-Evans,no\n")
    assert ("Photo consent", "yes", "no") in preview.changes["changed"][0].fields
    assert summary["consents_withdrawn"] == ["P1004 photo"] and summary["consents_older"] == []
    row.refresh_from_db()
    assert row.photo_consent is False


def test_a_pupil_id_in_other_capitals_is_the_same_pupil(demo: School) -> None:
    preview, summary = _import(demo, "UPN,Forename,Surname,Photo consent\np1004,Mason,Wright-Evans,no\n")
    assert not preview.changes["new"]
    assert not RegisterPupil.objects.filter(school=demo, pupil_id="p1004").exists()
    assert pupil(demo, "P1004").photo_consent is False
    assert summary["consents_withdrawn"] == ["P1004 photo"]


@pytest.mark.parametrize("tail", ["", "".join(f"P{number},Bob,Jones,no\n" for number in range(2000, 14000))])
def test_a_quote_never_closed_refuses_the_file_naming_its_line(demo: School, tail: str) -> None:
    # The reader would take every later line into one cell: those pupils' "no" would vanish.
    text = ('UPN,Forename,Surname,Form,Photo consent\nP1001,Amelia,Hartley,"4A,yes\n'
            "P1004,Mason,Wright-Evans,4B,no\n" + tail)
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "mis.csv", text.encode())
    preview = actions_consent.preview_import(staged, None)
    assert any("a quote mark (\") opened on line 2 is not closed" in str(problem)
               for problem in preview.parsed.problems)
    with pytest.raises(ImportRefused):
        actions_consent.do_apply_consent_import(user("comms"), staged, preview.parsed.mapping,
                                                leave_out_problem_lines=True)
    assert pupil(demo, "P1004").photo_consent is True


def test_a_quote_never_closed_in_a_large_upload_is_a_page_not_a_server_error(
    signed_in: Callable[[str], Client], demo: School,
) -> None:
    client = signed_in("comms")
    body = 'UPN,Forename,Surname,Photo consent\nP1001,"Amelia,Hartley,yes\n' + "".join(
        f"P{number},Bob,Jones,no\n" for number in range(2000, 14000))
    upload = client.post(f"/schools/{demo.pk}/consent/import",
                         {"file": SimpleUploadedFile("mis.csv", body.encode(), content_type="text/csv")})
    assert upload.status_code == 302
    page = client.get(upload["Location"])
    assert page.status_code == 400  # the preview of a file with problems, as for any such file
    assert "is not closed" in html.unescape(page.content.decode())


def test_a_takedown_marked_done_on_a_post_not_yet_published_returns_it_to_its_author(demo: School) -> None:
    post = _published(user("comms"), demo, "Our Year 6 science fair was a great success today.", ["P1004"],
                      publish=False)
    _record, tasks = actions_consent.do_record_consent(user("comms"), pupil(demo, "P1004"), kind="photo",
                                                       given=False, date=dt.date.today(), source="letter")
    actions_consent.do_complete_takedown(user("comms"), tasks[0], "caption changed")
    post.refresh_from_db()
    assert post.status == DraftStatus.RETURNED
    with pytest.raises(ActionError):
        actions.do_publish_draft(user("comms"), post, "copy")


def test_a_second_press_of_import_from_a_page_read_before_imports_nothing(demo: School) -> None:
    raw = b"UPN,Forename,Surname,Photo consent\nP1004,Mason,Wright-Evans,no\n"
    staged = actions_consent.do_stage_consent_import(user("comms"), demo, "mis.csv", raw)
    first_tab, second_tab = (ConsentImport.objects.get(pk=staged.pk) for _ in range(2))
    summary = actions_consent.do_apply_consent_import(user("comms"), first_tab, first_tab.mapping)
    with pytest.raises(ActionError, match="already been imported"):
        actions_consent.do_apply_consent_import(user("comms"), second_tab, second_tab.mapping)
    staged.refresh_from_db()
    assert staged.summary["consents_withdrawn"] == summary["consents_withdrawn"] == ["P1004 photo"]

"""Comments on the school's pages: each one checked as a comment by its commenter; a safeguarding
matter goes to the DSL with a case; keep or hide with a reason; the queue, the API, retention."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from safepost.hub import actions_comments, audit
from safepost.hub.actions import ActionError
from safepost.hub.actions_cases import can_see
from safepost.hub.models import (
    AuditRecord,
    Case,
    CommentStatus,
    Notification,
    OfficialAccount,
    PageComment,
    School,
)
from safepost.hub.permissions import NotAllowed

DISCLOSURE = "miss i dont want to go home tonight, mums boyfriend hits me"
STRANGER = "Hi Amelia, you were great in the show! DM me, I'd love to chat"
THANKS = "Thank you so much to all the staff for a wonderful sports day!"
FULL_NAME = "Well done Amelia Hartley, so proud of you!"


def user(name: str) -> Any:
    return get_user_model().objects.get(username=name)


def facebook(school: School) -> OfficialAccount:
    return school.accounts.get(platform="facebook")


def record(school: School, text: str, kind: str = "parent", by: str = "comms", **fields: Any) -> PageComment:
    return actions_comments.do_record_comment(user(by), school, account=fields.pop("account", facebook(school).pk),
                                              commenter_kind=kind, text=text, **fields)


@pytest.mark.parametrize(("kind", "text", "words", "rule", "status"), [
    ("parent", FULL_NAME, "Needs a look", "content.pupil_full_name", CommentStatus.NEW),
    ("parent", THANKS, "No problems found", None, CommentStatus.NEW),
    ("pupil", DISCLOSURE, "Safeguarding – with the DSL", "workflow.safeguarding_escalation", CommentStatus.WITH_DSL),
    # A member of the public asking a pupil to message them: the DSL's; the same words from a
    # parent are not raised (the engine's rule), and "not known" is read as the public.
    ("public", STRANGER, "Safeguarding – with the DSL", "workflow.safeguarding_escalation", CommentStatus.WITH_DSL),
    ("not_known", STRANGER, "Safeguarding – with the DSL", "workflow.safeguarding_escalation", CommentStatus.WITH_DSL),
    ("parent", STRANGER, "No problems found", None, CommentStatus.NEW),
])
def test_recording_a_comment_runs_the_check_as_its_commenters(demo: School, kind: str, text: str, words: str,
                                                              rule: str | None, status: str) -> None:
    comment = record(demo, text, kind)
    comment.refresh_from_db()
    assert actions_comments.verdict_words(comment.verdict) == words
    assert [finding["rule"] for finding in comment.findings][:1] == ([rule] if rule else [])
    assert comment.status == status
    assert (comment.case is not None) is (status == CommentStatus.WITH_DSL)


def test_a_childs_disclosure_opens_one_case_and_tells_the_dsl(demo: School, mailoutbox: list[Any],
                                                               django_capture_on_commit_callbacks: Any) -> None:
    cases = Case.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        comment = record(demo, DISCLOSURE, "pupil", where="Year 5 assembly photos", commenter_name="lily_x")
    assert Case.objects.count() == cases + 1
    case = comment.case
    assert case is not None and case.title == "Comment on OakfieldPrimarySchool (facebook): possible disclosure"
    assert DISCLOSURE in case.description and "A pupil" in case.description
    assert case.rule == "workflow.safeguarding_escalation" and case.raised_by == user("comms")
    assert can_see(user("dsl"), case) and can_see(user("head"), case) and not can_see(user("comms"), case)
    told = Notification.objects.filter(link=f"/cases/{case.pk}")
    assert {note.user.username for note in told} == {"dsl", "head"}
    mail = " ".join(f"{message.subject} {message.body}" for message in mailoutbox)
    assert "needs the DSL" in mail and "boyfriend" not in mail and "lily" not in mail
    assert all("boyfriend" not in note.text for note in told)


def test_the_audit_records_carry_no_words_and_are_in_the_same_transaction(
        demo: School, monkeypatch: pytest.MonkeyPatch) -> None:
    comment = record(demo, DISCLOSURE, "pupil", commenter_name="lily_x")
    written = AuditRecord.objects.filter(target_type="PageComment", target_id=str(comment.pk))
    assert [item.action for item in written] == ["comment.recorded"]
    assert written[0].details["verdict"] == "escalate"
    assert "boyfriend" not in json.dumps(written[0].details) and "lily" not in json.dumps(written[0].details)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit log unavailable")

    before = (PageComment.objects.count(), Case.objects.count())
    monkeypatch.setattr(audit, "append", boom)
    with pytest.raises(RuntimeError):
        record(demo, DISCLOSURE, "pupil")
    with pytest.raises(RuntimeError):
        actions_comments.do_decide_comment(user("dsl"), comment, "hide", "A disclosure: with the DSL")
    assert (PageComment.objects.count(), Case.objects.count()) == before
    comment.refresh_from_db()
    assert comment.status == CommentStatus.WITH_DSL and comment.decided_by is None


FUTURE = (timezone.localtime() + dt.timedelta(days=2)).strftime("%d/%m/%Y %H:%M")


@pytest.mark.parametrize(("fields", "message"), [
    ({"text": "   "}, "The comment: enter some text"),
    ({"text": "x" * 5001}, "The comment: at most 5,000 characters; you entered 5,001, so shorten it"),
    ({"posted_at": FUTURE}, "When it was posted: cannot be in the future"),
    ({"posted_at": "31/11/2026 10:00"}, "When it was posted: '31/11/2026' is not a date and time"),
    ({"posted_at": "01/01/1926 10:00"}, "When it was posted: 01/01/1926 is before 01/01/2000"),
    ({"commenter_name": "n" * 201}, "Their name on the platform: at most 200 characters"),
    ({"where": "w" * 301}, "Where it is: at most 300 characters"),
    ({"kind": "stranger"}, "Who wrote it: choose who wrote the comment"),
    ({"account": ""}, "Official account: choose the school's account"),
])
def test_a_bad_comment_names_the_field(demo: School, fields: dict[str, Any], message: str) -> None:
    values = {"text": THANKS, "kind": "parent", **fields}
    before = PageComment.objects.count()
    with pytest.raises(ActionError, match=message.replace("(", r"\(")):
        record(demo, values.pop("text"), values.pop("kind"), **values)
    assert PageComment.objects.count() == before


def test_every_problem_is_named_at_once_and_another_schools_account_is_refused(demo: School) -> None:
    other = School.objects.create(name="Elsewhere Academy", directory=demo.directory)
    theirs = OfficialAccount.objects.create(school=other, platform="x", handle="@Elsewhere")
    with pytest.raises(ActionError) as refused:
        record(demo, "", "parent", account=theirs.pk, posted_at=FUTURE, commenter_name="n" * 201)
    assert getattr(refused.value, "problems", []) == [
        "Official account: choose the school's account the comment is on",
        "The comment: enter some text",
        "Their name on the platform: at most 200 characters; you entered 201, so shorten it",
        "When it was posted: cannot be in the future",
    ]
    assert not PageComment.objects.filter(account=theirs).exists()


def test_a_time_is_read_in_the_schools_time_zone(demo: School) -> None:
    comment = record(demo, THANKS, posted_at="02/11/2025 2.30 pm")
    assert timezone.localtime(comment.posted_at).strftime("%d/%m/%Y %H:%M") == "02/11/2025 14:30"
    assert record(demo, THANKS, posted_at="").posted_at is None


@pytest.mark.parametrize(("who", "comment", "decision", "note", "outcome"), [
    ("comms", THANKS, "keep", "", CommentStatus.KEPT),
    ("comms", THANKS, "hide", "", "Reason: say why the comment is hidden"),
    ("comms", THANKS, "hide", "Off topic", CommentStatus.HIDDEN),
    ("deputy", FULL_NAME, "keep", "", "Reason: the check found something in this comment; say why it can stay"),
    ("deputy", FULL_NAME, "keep", "Her grandmother; the family agreed", CommentStatus.KEPT),
    ("deputy", FULL_NAME, "delete", "x", "Decision: choose keep or hide"),
    ("comms", DISCLOSURE, "hide", "Hidden at once", NotAllowed),
    ("deputy", DISCLOSURE, "hide", "Hidden at once", NotAllowed),
    ("dsl", DISCLOSURE, "hide", "", "Reason: say why the comment is hidden"),
    ("dsl", DISCLOSURE, "hide", "Hidden; the case is open", CommentStatus.HIDDEN),
    ("head", DISCLOSURE, "keep", "", "Reason: the check found something"),
    ("teacher", THANKS, "keep", "", NotAllowed),
    ("governor", THANKS, "keep", "", NotAllowed),
])
def test_keep_or_hide(demo: School, who: str, comment: str, decision: str, note: str, outcome: Any) -> None:
    item = record(demo, comment, "pupil" if comment == DISCLOSURE else "parent")
    was = item.status
    if isinstance(outcome, str) and ":" in outcome:
        with pytest.raises(ActionError, match=outcome):
            actions_comments.do_decide_comment(user(who), item, decision, note)
    elif outcome is NotAllowed:
        with pytest.raises(NotAllowed):
            actions_comments.do_decide_comment(user(who), item, decision, note)
    else:
        actions_comments.do_decide_comment(user(who), item, decision, note)
    item.refresh_from_db()
    if outcome in (CommentStatus.KEPT, CommentStatus.HIDDEN):
        assert (item.status, item.decided_by, item.decision_note) == (outcome, user(who), note)
        assert AuditRecord.objects.filter(action=f"comment.{outcome}", target_id=str(item.pk)).exists()
    else:
        assert item.status == was and item.decided_by is None


def test_hiding_a_comment_with_the_dsl_is_noted_on_its_case(demo: School) -> None:
    item = record(demo, DISCLOSURE, "pupil")
    actions_comments.do_decide_comment(user("dsl"), item, "hide", "Hidden; mum called")
    assert item.case is not None
    assert item.case.notes.filter(text__contains="hidden by Priya Shah: Hidden; mum called").exists()
    with pytest.raises(ActionError, match="already hidden"):
        actions_comments.do_decide_comment(user("dsl"), item, "hide", "again")


def test_a_decision_is_checked_against_the_comment_as_it_is_now(demo: School) -> None:
    """Two moderators with the same comment open: the second's decision is checked against the
    first's (read again, and held, in the decision's transaction), not the status they saw."""
    item = record(demo, THANKS)
    seen_by_deputy = PageComment.objects.get(pk=item.pk)
    actions_comments.do_decide_comment(user("comms"), item, "hide", "Off topic")
    with pytest.raises(ActionError, match="already hidden"):
        actions_comments.do_decide_comment(user("deputy"), seen_by_deputy, "hide", "Off topic too")
    item.refresh_from_db()
    assert (item.decided_by, item.decision_note) == (user("comms"), "Off topic")
    assert AuditRecord.objects.filter(action="comment.hidden", target_id=str(item.pk)).count() == 1
    actions_comments.do_decide_comment(user("deputy"), seen_by_deputy, "keep", "Fine after all")
    assert seen_by_deputy.status == CommentStatus.KEPT
    kept = AuditRecord.objects.get(action="comment.kept", target_id=str(item.pk))
    assert kept.details == {"status": "kept", "was": "hidden"}


def test_nul_characters_are_dropped_from_a_comment(demo: School) -> None:
    """PostgreSQL refuses a NUL character (a server error): no one types one, so it is dropped."""
    item = record(demo, "Thank\x00 you!", commenter_name="Jo\x00 T", where="Sports\x00 day",
                  posted_at="\x0002/11/2025 14:30")
    item.refresh_from_db()
    assert (item.text, item.commenter_name, item.where) == ("Thank you!", "Jo T", "Sports day")
    assert timezone.localtime(item.posted_at).strftime("%d/%m/%Y %H:%M") == "02/11/2025 14:30"
    actions_comments.do_decide_comment(user("comms"), item, "hide", "Off\x00 topic")
    item.refresh_from_db()
    assert item.decision_note == "Off topic"


# --- the pages ----------------------------------------------------------------------------------

def test_the_queue_puts_undecided_comments_first_and_filters(signed_in: Callable[[str], Client],
                                                             demo: School) -> None:
    page = signed_in("comms").get(f"/schools/{demo.pk}/comments").content.decode()
    rows = page.split('id="comments-table"')[1]
    car_park, amelia, thanks = (rows.index(words) for words in ("car park", "Amelia Hartley", "wonderful sports day"))
    assert max(car_park, amelia) < thanks  # the kept thank-you comes after the two waiting
    assert "Needs a look" in rows and "No problems found" in rows
    kept = signed_in("comms").get(f"/schools/{demo.pk}/comments?status=kept").content.decode()
    assert "wonderful sports day" in kept and "car park" not in kept.split('id="comments-table"')[1]


def test_a_refused_comment_keeps_what_was_typed_and_names_every_field(signed_in: Callable[[str], Client],
                                                                      demo: School) -> None:
    before = PageComment.objects.count()
    response = signed_in("comms").post(f"/schools/{demo.pk}/comments", {
        "account": "", "commenter_kind": "parent", "commenter_name": "Sam Cole", "text": "",
        "posted_at": FUTURE})
    page = response.content.decode()
    assert response.status_code == 400
    for field, message in [("account", "Official account: choose"), ("text", "The comment: enter some text"),
                           ("posted_at", "When it was posted: cannot be in the future")]:
        assert f'<a href="#{field}">{message}' in page, message
    assert 'value="Sam Cole"' in page and f'value="{FUTURE}"' in page
    assert PageComment.objects.count() == before


def test_recording_on_the_page_leads_to_the_comment(signed_in: Callable[[str], Client], demo: School) -> None:
    client = signed_in("comms")
    response = client.post(f"/schools/{demo.pk}/comments", {
        "account": facebook(demo).pk, "commenter_kind": "parent", "text": FULL_NAME})
    comment = PageComment.objects.get(text=FULL_NAME)
    assert response.status_code == 302 and response["Location"] == f"/comments/{comment.pk}?recorded=1"
    page = client.get(response["Location"]).content.decode()
    assert "Added: Needs a look" in page and 'data-rule="content.pupil_full_name"' in page
    assert "Hide it, or keep it and say why." in page and 'id="hide-comment"' in page


@pytest.mark.parametrize(("who", "reads", "decides", "case_link"), [
    ("dsl", True, True, True),
    ("head", True, True, True),
    ("comms", True, False, False),  # recorded it: reads it, but the DSL decides
    ("deputy", False, False, False),
])
def test_a_comment_with_the_dsl_on_its_page(signed_in: Callable[[str], Client], demo: School, who: str,
                                             reads: bool, decides: bool, case_link: bool) -> None:
    item = record(demo, DISCLOSURE, "pupil", by="comms", where="Year 5 assembly photos")
    page = signed_in(who).get(f"/comments/{item.pk}").content.decode()
    assert ("boyfriend" in page) is reads
    assert ("Year 5 assembly photos" in page) is reads  # where it is may link to the comment itself
    assert ('id="hide-comment"' in page) is decides
    assert ('id="case-link"' in page) is case_link
    queue = signed_in(who).get(f"/schools/{demo.pk}/comments").content.decode()
    assert ("boyfriend" in queue) is reads and "Safeguarding – with the DSL" in queue
    if not decides:
        assert 'id="with-the-dsl"' in page


def test_the_case_links_back_to_its_comment(signed_in: Callable[[str], Client], demo: School) -> None:
    item = record(demo, DISCLOSURE, "pupil")
    assert f'href="/comments/{item.pk}"' in signed_in("dsl").get(f"/cases/{item.case_id}").content.decode()


def test_another_schools_comment_is_not_found(signed_in: Callable[[str], Client], demo: School) -> None:
    other = School.objects.create(name="Elsewhere Academy", directory=demo.directory)
    theirs = OfficialAccount.objects.create(school=other, platform="x", handle="@Elsewhere")
    comment = PageComment.objects.create(school=other, account=theirs, commenter_kind="parent", text="Hello")
    for who in ("head", "dsl", "comms"):
        assert signed_in(who).get(f"/comments/{comment.pk}").status_code == 404
        assert signed_in(who).post(f"/comments/{comment.pk}", {"action": "hide", "note": "x"}).status_code == 404


@pytest.mark.parametrize(("who", "linked"), [
    ("head", True), ("deputy", True), ("dsl", True), ("comms", True),
    ("teacher", False), ("governor", False), ("trustadmin", False),
])
def test_the_home_page_links_the_queue_for_moderators(signed_in: Callable[[str], Client], demo: School,
                                                      who: str, linked: bool) -> None:
    home = signed_in(who).get("/").content.decode()
    assert (f'href="/schools/{demo.pk}/comments"' in home) is linked


# --- the API --------------------------------------------------------------------------------------

def test_the_api_records_a_comment_and_lists_the_queue(signed_in: Callable[[str], Client], demo: School) -> None:
    from safepost.hub import actions

    token = actions.do_create_api_token(user("comms")).key
    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    url = f"/api/schools/{demo.pk}/comments"
    made = client.post(url, {"account": facebook(demo).pk, "commenter_kind": "public", "text": STRANGER,
                             "where": "https://facebook.example/posts/1", "posted_at": "2026-01-10T09:15:00Z"},
                       content_type="application/json")
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["verdict"], body["verdict_words"], body["status"]) == (
        "escalate", "Safeguarding – with the DSL", "dsl")
    assert body["findings"][0]["rule"] == "workflow.safeguarding_escalation"
    assert body["case"] is None  # comms cannot see the case; the DSL can
    assert body["where"] == "https://facebook.example/posts/1"  # comms recorded it: reads it
    assert PageComment.objects.get(pk=body["id"]).recorded_by == user("comms")
    listed = client.get(url).json()
    assert listed[0]["id"] == body["id"] and {row["status"] for row in listed} >= {"dsl", "new", "kept"}
    assert client.get(url + "?status=kept").json()[0]["text"].startswith("Thank you to all the staff")
    # Someone who did not record it and is no case handler does not read it.
    other = Client(HTTP_AUTHORIZATION=f"Token {actions.do_create_api_token(user('deputy')).key}")
    theirs = next(row for row in other.get(url).json() if row["id"] == body["id"])
    assert theirs["text"] is None and theirs["findings"] is None and theirs["where"] is None
    dsl_view = signed_in("dsl").get(url).json()
    assert next(row for row in dsl_view if row["id"] == body["id"])["case"] == PageComment.objects.get(
        pk=body["id"]).case_id


def _add_comments(school: School, count: int) -> None:
    """Comments of every kind the queue shows: with the DSL (on a case, one shared with comms),
    decided, waiting; some recorded by comms."""
    shared = Case.objects.create(school=school, title="Comment: shared", description="x")
    shared.members.add(user("comms"))
    private = Case.objects.create(school=school, title="Comment: handlers only", description="x")
    statuses = [CommentStatus.WITH_DSL, CommentStatus.KEPT, CommentStatus.NEW, CommentStatus.HIDDEN]
    for number in range(count):
        status = statuses[number % len(statuses)]
        PageComment.objects.create(
            school=school, account=facebook(school), commenter_kind="parent", text=f"Comment {number}",
            where=f"Post {number}", verdict="escalate" if status == CommentStatus.WITH_DSL else "allow",
            status=status, case=(shared if number % 8 == 0 else private) if status == CommentStatus.WITH_DSL else None,
            recorded_by=user("comms" if number % 3 else "deputy"),
            decided_by=user("deputy") if status in (CommentStatus.KEPT, CommentStatus.HIDDEN) else None,
            decided_at=timezone.now() if status in (CommentStatus.KEPT, CommentStatus.HIDDEN) else None,
        )


@pytest.mark.parametrize("who", ["comms", "deputy", "dsl", "head"])
def test_the_queue_and_the_api_read_the_same_number_of_times_however_many_comments(
        signed_in: Callable[[str], Client], demo: School, who: str) -> None:
    client = signed_in(who)
    urls = [f"/schools/{demo.pk}/comments", f"/schools/{demo.pk}/comments?status=dsl",
            f"/api/schools/{demo.pk}/comments"]

    def queries() -> list[int]:
        counted = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counted.append(len(captured))
        return counted

    _add_comments(demo, 3)
    few = queries()
    _add_comments(demo, 30)
    many = queries()
    assert PageComment.objects.filter(school=demo).count() == 36
    assert many == few
    assert max(many) <= 12, many
    # The rows shown still follow who may read what.
    listed = {row["text"]: row for row in client.get(urls[2]).json() if row["text"] is not None}
    handler = who in ("dsl", "head")
    assert ("Comment 0" in listed) is (handler or who == "deputy")  # recorded by the deputy
    assert ("Comment 4" in listed) is (handler or who == "comms")  # recorded by comms
    if who == "comms":
        assert listed["Comment 8"]["case"] is not None and listed["Comment 4"]["case"] is None
    if handler:
        assert listed["Comment 4"]["case"] is not None


def test_the_api_names_each_bad_field(signed_in: Callable[[str], Client], demo: School) -> None:
    response = signed_in("comms").post(f"/api/schools/{demo.pk}/comments", {
        "account": 999999, "commenter_kind": "parent", "text": "", "where": "w" * 301},
        content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"account", "text", "where"}


# --- retention, subject access, the demo -------------------------------------------------------------

def test_decided_comments_go_after_a_year_but_not_while_waiting_or_on_an_open_case(demo: School) -> None:
    from safepost.hub.actions_privacy import do_purge

    waiting = record(demo, FULL_NAME)
    kept = record(demo, THANKS)
    actions_comments.do_decide_comment(user("comms"), kept, "keep")
    on_case = record(demo, DISCLOSURE, "pupil")
    actions_comments.do_decide_comment(user("dsl"), on_case, "hide", "Hidden")
    later = timezone.now() + dt.timedelta(days=366)
    removed = do_purge(later, dry_run=True)["page_comment"]
    assert kept.pk in removed and waiting.pk not in removed and on_case.pk not in removed
    do_purge(later)
    assert not PageComment.objects.filter(pk=kept.pk).exists()
    assert PageComment.objects.filter(pk__in=[waiting.pk, on_case.pk]).count() == 2
    assert do_purge(timezone.now(), dry_run=True)["page_comment"] == []


def test_subject_access_lists_what_staff_did_with_comments_and_comments_naming_a_pupil(demo: School) -> None:
    import io
    import zipfile

    from safepost.hub.actions_privacy import do_export_subject_access

    _name, data = do_export_subject_access(user("head"), demo, user_id=user("comms").pk)
    staff = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("subject.json"))
    assert len(staff["page_comments_recorded"]) == 3 and len(staff["page_comments_decided"]) == 1
    assert "wonderful" not in json.dumps(staff["page_comments_recorded"])  # the commenters' words stay out
    _name, data = do_export_subject_access(user("head"), demo, pupil_id="P1001")
    pupil = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("subject.json"))
    assert [item["text"] for item in pupil["page_comments_naming"]] == [
        "So proud of Amelia Hartley for her poem in assembly today! Grandma xx"]


def test_the_demo_has_comments_and_no_case_from_them(demo: School) -> None:
    comments = {item.text[:20]: item for item in PageComment.objects.filter(school=demo)}
    assert len(comments) == 3
    assert comments["Thank you to all the"].status == CommentStatus.KEPT
    named = comments["So proud of Amelia H"]
    assert named.status == CommentStatus.NEW and named.verdict != "escalate"
    assert not PageComment.objects.filter(case__isnull=False).exists()
    assert Case.objects.filter(school=demo).count() == 2


# --- review fix: the check's heading reads as one phrase, not "Check: Safeguarding: with ..." --

@pytest.mark.parametrize(("kind", "text", "heading"), [
    ("pupil", DISCLOSURE, "Check: Safeguarding – with the DSL"),
    ("parent", FULL_NAME, "Check: Needs a look"),
    ("parent", THANKS, "Check: No problems found"),
])
def test_the_comment_page_heads_the_check_in_plain_words(signed_in: Callable[[str], Client], demo: School,
                                                         kind: str, text: str, heading: str) -> None:
    import re

    item = record(demo, text, kind, by="dsl")
    page = signed_in("dsl").get(f"/comments/{item.pk}?recorded=1").content.decode()
    headings = [re.sub(r"<[^>]+>", "", found).strip() for found in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", page)]
    assert heading in headings
    assert "Added: " + heading.removeprefix("Check: ") in headings  # the panel after recording it
    assert [found for found in headings if found.startswith(("Check:", "Added:")) and found.count(":") > 1] == []

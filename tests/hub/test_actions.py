"""The workflow and its records: drafts, approval, crisis lock, publishing, the audit chain."""

from __future__ import annotations

import io
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image

from safepost.hub import actions
from safepost.hub.actions import ActionError
from safepost.hub.audit import verify_chain
from safepost.hub.models import AuditRecord, Draft, DraftStatus, Notification, School
from safepost.hub.permissions import NotAllowed


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def test_draft_round_trip_keeps_every_step(demo: School) -> None:
    comms, head = user("comms"), user("head")
    draft = actions.do_create_draft(comms, demo, text="Sports day is on Friday at 1pm.", pupils=[],
                                    account=demo.accounts.first())
    assert draft.verdict == "allow"
    actions.do_submit_draft(comms, draft)
    assert Notification.objects.filter(user=head, link=f"/drafts/{draft.pk}/").exists()
    actions.do_approve_draft(head, draft, "Lovely")
    actions.do_publish_draft(comms, draft, "copy")
    draft.refresh_from_db()
    assert draft.status == DraftStatus.PUBLISHED
    assert [event.kind for event in draft.events.all()] == ["created", "submitted", "approved", "published:copy"]
    logged = list(AuditRecord.objects.filter(target_type="Draft", target_id=str(draft.pk)).values_list("action", flat=True))
    assert logged == ["draft.created", "draft.submitted", "draft.approved", "draft.published"]
    assert Notification.objects.filter(user=comms, text__contains="approved").exists()


def test_a_post_that_breaks_the_policy_cannot_be_submitted(demo: School) -> None:
    teacher = user("teacher")
    draft = actions.do_create_draft(teacher, demo, text="Well done Amelia Hartley!", pupils=[],
                                    account=demo.accounts.first())
    assert draft.verdict == "block"
    assert draft.findings[0]["rule"] == "content.pupil_full_name"
    with pytest.raises(ActionError, match="fix the findings"):
        actions.do_submit_draft(teacher, draft)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT and draft.verdict == "block"
    assert AuditRecord.objects.filter(action="draft.submit_refused", target_id=str(draft.pk)).exists()
    actions.do_update_draft(teacher, draft, text="Well done Amelia H.!", pupils=[], account=demo.accounts.first())
    actions.do_submit_draft(teacher, draft)
    assert draft.status == DraftStatus.SUBMITTED


def test_a_safeguarding_draft_is_stopped(demo: School) -> None:
    teacher = user("teacher")
    draft = actions.do_create_draft(teacher, demo, text="Pupils can text me on 07911 123456 any time",
                                    pupils=[], account=None)
    assert draft.verdict in ("block", "escalate")
    with pytest.raises(ActionError):
        actions.do_submit_draft(teacher, draft)


def test_nobody_approves_their_own_post(demo: School) -> None:
    head = user("head")
    draft = actions.do_create_draft(head, demo, text="Term starts on Monday.", pupils=[], account=demo.accounts.first())
    actions.do_submit_draft(head, draft)
    with pytest.raises(NotAllowed, match="your own post"):
        actions.do_approve_draft(head, draft)


def test_returning_needs_a_reason_and_tells_the_author(demo: School) -> None:
    comms, head = user("comms"), user("head")
    draft = actions.do_create_draft(comms, demo, text="Trip letter out today.", pupils=[],
                                    account=demo.accounts.first())
    actions.do_submit_draft(comms, draft)
    with pytest.raises(ActionError):
        actions.do_return_draft(head, draft, "  ")
    actions.do_return_draft(head, draft, "Add the date, please")
    draft.refresh_from_db()
    assert draft.status == DraftStatus.RETURNED
    assert Notification.objects.filter(user=comms, text__contains="Add the date").exists()


def test_approval_rechecks_consent_at_the_time(demo: School) -> None:
    """A pupil listed without photo consent blocks, even if the draft was made earlier."""
    comms = user("comms")
    draft = actions.do_create_draft(comms, demo, text="Our choir sang beautifully.", pupils=["P1003"],
                                    account=None)
    assert draft.verdict == "block"
    assert any(f["rule"] == "content.pupil_image_consent" for f in draft.findings)


def test_crisis_lock_leaves_only_the_headteacher(demo: School, settings) -> None:  # type: ignore[no-untyped-def]
    head, comms = user("head"), user("comms")
    with pytest.raises(NotAllowed):
        actions.do_set_crisis_lock(comms, demo, True)
    actions.do_set_crisis_lock(head, demo, True, "police incident near school")
    demo.refresh_from_db()
    assert demo.crisis_lock
    assert AuditRecord.objects.filter(action="crisis_lock.on", details__reason="police incident near school").exists()


def test_publish_needs_approval(demo: School) -> None:
    comms = user("comms")
    draft = actions.do_create_draft(comms, demo, text="Hello", pupils=[], account=None)
    with pytest.raises(ActionError):
        actions.do_publish_draft(comms, draft, "copy")


class _Hook(BaseHTTPRequestHandler):
    received: list[dict[str, object]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        _Hook.received.append(json.loads(self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.django_db(transaction=True)
def test_publisher_hook_is_called_after_commit(demo: School) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    comms, head = user("comms"), user("head")
    head_school = School.objects.get(pk=demo.pk)
    head_school.publisher_url = f"http://127.0.0.1:{server.server_port}/publish"
    head_school.save()
    draft = actions.do_create_draft(comms, head_school, text="Open evening on Thursday.", pupils=[],
                                    account=head_school.accounts.first())
    actions.do_submit_draft(comms, draft)
    actions.do_approve_draft(head, draft)
    draft.refresh_from_db()
    actions.do_publish_draft(comms, draft, "hook")
    thread.join(timeout=5)
    server.server_close()
    assert _Hook.received and _Hook.received[-1]["text"] == "Open evening on Thursday."
    assert AuditRecord.objects.filter(action="publisher.called", details__status=204).exists()


def test_download_strips_location_data(demo: School) -> None:
    piexif = pytest.importorskip("piexif")
    exif = piexif.dump({"GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((52, 1), (24, 1), (0, 1)),
                                piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((1, 1), (30, 1), (0, 1))}})
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 100, 50)).save(buffer, format="JPEG", exif=exif)
    comms = user("comms")
    upload = SimpleUploadedFile("trip.jpg", buffer.getvalue(), content_type="image/jpeg")
    draft = actions.do_create_draft(comms, demo, text="Trip!", pupils=[], account=None, uploads=[upload])
    assert any(f["rule"] == "content.official_personal_data" for f in draft.findings)  # GPS found
    clean = actions.stripped_image(draft.images.get())
    with Image.open(io.BytesIO(clean)) as picture, Image.open(io.BytesIO(buffer.getvalue())) as original:
        assert picture.size == (40, 30)
        assert not picture.getexif().get_ifd(0x8825)
        assert picture.tobytes() == original.tobytes()      # not re-encoded: the same pixels


def test_cleaning_keeps_a_phone_photo_the_right_way_up(demo: School) -> None:
    piexif = pytest.importorskip("piexif")
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: 6}})     # taken holding the phone upright
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 100, 50)).save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("portrait.jpg", buffer.getvalue(), content_type="image/jpeg")
    draft = actions.do_create_draft(user("comms"), demo, text="Trip!", pupils=[], account=None, uploads=[upload])
    with Image.open(io.BytesIO(actions.stripped_image(draft.images.get()))) as picture:
        assert picture.getexif().get(0x0112) == 6


def test_audit_log_is_append_only_and_chained(demo: School) -> None:
    record = AuditRecord.objects.first()
    assert record is not None
    record.action = "something else"
    with pytest.raises(PermissionError):
        record.save()
    with pytest.raises(PermissionError):
        AuditRecord.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditRecord.objects.filter(pk=record.pk).update(action="x")
    assert verify_chain().ok
    call_command("verify_audit")


def test_verify_audit_finds_a_changed_record(demo: School) -> None:
    victim = AuditRecord.objects.order_by("pk")[2]
    with connection.cursor() as cursor:  # what someone with database access might do
        cursor.execute("UPDATE hub_auditrecord SET action = %s WHERE id = %s", ["draft.deleted", victim.pk])
    report = verify_chain()
    assert not report.ok and report.broken_at == victim.pk
    with pytest.raises(CommandError, match=f"record {victim.pk}"):
        call_command("verify_audit")


def test_verify_audit_finds_a_removed_record(demo: School) -> None:
    victim = AuditRecord.objects.order_by("pk")[1]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM hub_auditrecord WHERE id = %s", [victim.pk])
    report = verify_chain()
    assert not report.ok
    assert report.broken_at == AuditRecord.objects.filter(pk__gt=victim.pk).order_by("pk").first().pk


def test_self_check_stores_nothing(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    client = signed_in("teacher")
    drafts, records = Draft.objects.count(), AuditRecord.objects.count()
    response = client.post("/self-check", {"text": "Proud of my class today, Amelia Hartley was a star"})
    assert response.status_code == 200
    assert b"content.discuss_school_community" in response.content
    assert b"Nothing you type here is saved" in response.content
    assert (Draft.objects.count(), AuditRecord.objects.count()) == (drafts, records)


def test_one_click_removes_location_data(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    piexif = pytest.importorskip("piexif")
    exif = piexif.dump({"GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1), (0, 1)),
                                piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((0, 1), (7, 1), (0, 1))}})
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), (10, 120, 60)).save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("sports.jpg", buffer.getvalue(), content_type="image/jpeg")
    draft = actions.do_create_draft(user("teacher"), demo, text="Sports day!", pupils=[], account=None,
                                    uploads=[upload])
    assert any("GPS" in f["evidence"] for f in draft.findings)
    client = signed_in("teacher")
    page = client.get(f"/drafts/{draft.pk}/")
    assert b"Remove location data from the pictures" in page.content
    assert client.post(f"/drafts/{draft.pk}/", {"action": "strip-pictures"}).status_code == 302
    draft.refresh_from_db()
    assert not any("GPS" in f["evidence"] for f in draft.findings)
    assert draft.events.filter(kind="pictures cleaned").exists()
    assert AuditRecord.objects.filter(action="draft.pictures_cleaned", target_id=str(draft.pk)).exists()


# --- the walkthrough's findings: what a post needs, drafts not copied, publishing once ---------

def _account(demo: School):  # type: ignore[no-untyped-def]
    return demo.accounts.first()


@pytest.mark.parametrize(("text", "with_account", "fields"), [
    ("", True, ["Post"]),
    ("   \n ", True, ["Post"]),
    ("Sports day is on Friday.", False, ["Account"]),
    ("", False, ["Post", "Account"]),
])
def test_a_post_needs_text_or_a_picture_and_an_account_to_be_submitted(
    demo: School, text: str, with_account: bool, fields: list[str],
) -> None:
    comms = user("comms")
    account = _account(demo) if with_account else None
    draft = actions.do_create_draft(comms, demo, text=text, pupils=[], account=account)
    with pytest.raises(actions.FormErrors) as refused:
        actions.do_submit_draft(comms, draft)
    assert [problem.split(":")[0] for problem in refused.value.problems] == fields
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT and draft.text == text
    drafts = Draft.objects.count()
    with pytest.raises(actions.FormErrors):
        actions.do_submit_new_draft(comms, demo, text=text, pupils=[], account=account)
    assert Draft.objects.count() == drafts
    assert not Notification.objects.filter(link=f"/drafts/{draft.pk}/").exists()


def test_a_picture_alone_is_enough_to_submit(demo: School) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (10, 120, 60)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("art.png", buffer.getvalue(), content_type="image/png")
    draft = actions.do_submit_new_draft(user("comms"), demo, text="", pupils=[], account=_account(demo),
                                        uploads=[upload])
    assert draft.status == DraftStatus.SUBMITTED and draft.images.count() == 1


def test_an_empty_post_already_waiting_is_not_approved(demo: School) -> None:
    """A post submitted before the rule (or changed underneath) is refused at approval too."""
    comms, head = user("comms"), user("head")
    draft = actions.do_create_draft(comms, demo, text="Harvest festival on Friday", pupils=[], account=_account(demo))
    actions.do_submit_draft(comms, draft)
    Draft.objects.filter(pk=draft.pk).update(text="", account=None)
    draft.refresh_from_db()
    with pytest.raises(actions.FormErrors, match="return it to the author") as refused:
        actions.do_approve_draft(head, draft)
    assert [problem.split(":")[0] for problem in refused.value.problems] == ["Post", "Account"]
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SUBMITTED
    assert not draft.events.filter(kind="approved").exists()


@pytest.mark.parametrize("text", ["Well done Amelia Hartley!", "Pupils can text me on 07911 123456 any time"])
def test_a_refused_submission_from_the_compose_page_leaves_nothing(signed_in, demo: School, text: str) -> None:  # type: ignore[no-untyped-def]
    client = signed_in("teacher")
    drafts, records = Draft.objects.count(), AuditRecord.objects.count()
    for _ in range(2):
        page = client.post(f"/schools/{demo.pk}/compose",
                           {"action": "submit", "text": text, "account": _account(demo).pk})
        assert page.status_code == 400
        assert text.encode() in page.content  # what was typed is still there
    assert (Draft.objects.count(), AuditRecord.objects.count()) == (drafts, records)


def test_the_compose_page_names_the_missing_fields_and_keeps_the_pupils(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    client = signed_in("comms")
    drafts = Draft.objects.count()
    page = client.post(f"/schools/{demo.pk}/compose", {"action": "submit", "text": "", "pupils": ["P1004"]})
    assert page.status_code == 400
    content = page.content.decode()
    assert 'href="#text">Post: write the text of the post or add a picture' in content
    assert 'href="#account">Account: choose the official account the post goes on' in content
    assert 'value="P1004" checked' in content
    assert Draft.objects.count() == drafts


def test_submitting_an_existing_draft_updates_it_instead_of_copying_it(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    teacher = user("teacher")
    draft = actions.do_create_draft(teacher, demo, text="Well done Amelia Hartley!", pupils=[], account=None)
    client = signed_in("teacher")
    drafts = Draft.objects.count()
    refused = client.post(f"/drafts/{draft.pk}/", {"action": "submit", "text": "Well done Amelia Hartley and all!",
                                                   "account": _account(demo).pk})
    assert refused.status_code == 400
    draft.refresh_from_db()
    assert draft.text == "Well done Amelia Hartley and all!" and draft.status == DraftStatus.DRAFT
    fixed = client.post(f"/drafts/{draft.pk}/", {"action": "submit", "text": "Well done Amelia H. and all!",
                                                 "account": _account(demo).pk})
    assert fixed.status_code == 302 and fixed["Location"] == f"/drafts/{draft.pk}/"
    draft.refresh_from_db()
    assert (draft.text, draft.status) == ("Well done Amelia H. and all!", DraftStatus.SUBMITTED)
    assert Draft.objects.count() == drafts


def _approved(demo: School) -> Draft:
    draft = actions.do_create_draft(user("comms"), demo, text="Open evening on Thursday.", pupils=[],
                                    account=_account(demo))
    actions.do_submit_draft(user("comms"), draft)
    return actions.do_approve_draft(user("head"), draft)


@pytest.mark.parametrize("second", ["copy", "hook"])
def test_a_post_is_marked_published_once(demo: School, second: str) -> None:
    draft = _approved(demo)
    actions.do_publish_draft(user("comms"), draft, "copy")
    with pytest.raises(ActionError, match="already marked as published by Sarah Collins"):
        actions.do_publish_draft(user("comms"), draft, second)
    assert draft.events.filter(kind__startswith="published").count() == 1
    assert AuditRecord.objects.filter(action="draft.published", target_id=str(draft.pk)).count() == 1


def test_a_second_click_from_a_page_loaded_before_the_first_is_refused(demo: School) -> None:
    # Two people's copies of the same approved post: the second still thinks it is approved.
    draft = _approved(demo)
    stale = Draft.objects.get(pk=draft.pk)
    actions.do_publish_draft(user("comms"), draft, "copy")
    with pytest.raises(ActionError, match="already marked as published"):
        actions.do_publish_draft(user("comms"), stale, "hook" if demo.publisher_url else "copy")
    assert draft.events.filter(kind__startswith="published").count() == 1
    assert Draft.objects.get(pk=draft.pk).status == DraftStatus.PUBLISHED


def test_the_publish_buttons_go_once_it_is_published(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    draft = _approved(demo)
    client = signed_in("comms")
    assert b"I have posted it" in client.get(f"/drafts/{draft.pk}/").content
    assert client.post(f"/drafts/{draft.pk}/", {"action": "publish-copy"}).status_code == 302
    page = client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "I have posted it" not in page and "Marked as published by Sarah Collins" in page
    again = client.post(f"/drafts/{draft.pk}/", {"action": "publish-copy"})
    assert again.status_code == 400 and b"already marked as published" in again.content
    assert draft.events.filter(kind__startswith="published").count() == 1


def test_a_taken_down_post_says_so(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    from safepost.hub import actions_consent
    from safepost.hub.models import TakedownTask

    task = TakedownTask.objects.filter(school=demo, done_at__isnull=True, draft__status=DraftStatus.PUBLISHED).first()
    assert task is not None
    client = signed_in("comms")
    before = client.get(f"/drafts/{task.draft_id}/").content.decode()
    assert "Published" in before and "Take this post down" in before
    actions_consent.do_complete_takedown(user("comms"), task, "Deleted from Facebook")
    page = client.get(f"/drafts/{task.draft_id}/").content.decode()
    assert f"Official post {task.draft_id}: Taken down" in page
    assert "I have posted it" not in page and "Deleted from Facebook" in page
    assert "Taken down" in client.get("/").content.decode()


# --- the headteacher's own post -----------------------------------------------------------------

HEAD_POST_APPROVERS = {"deputy", "trustadmin"}


@pytest.mark.parametrize("approver", ["head", "deputy", "trustadmin", "dsl", "comms", "teacher", "governor"])
@pytest.mark.parametrize("crisis_lock", [False, True])
def test_the_headteachers_own_post_goes_to_a_deputy_or_the_trust(demo: School, approver: str,
                                                                 crisis_lock: bool) -> None:
    head = user("head")
    if crisis_lock:
        actions.do_set_crisis_lock(head, demo, True, "incident")
    draft = actions.do_create_draft(head, demo, text="Term starts on Monday.", pupils=[], account=_account(demo))
    actions.do_submit_draft(head, draft)
    asked = {note.user.username for note in Notification.objects.filter(link=f"/drafts/{draft.pk}/")}
    assert asked == HEAD_POST_APPROVERS
    assert all(note.text.startswith("Helen Marsh asks you") for note in Notification.objects.filter(
        link=f"/drafts/{draft.pk}/"))
    if approver in HEAD_POST_APPROVERS:
        actions.do_approve_draft(user(approver), draft)
        actions.do_publish_draft(head, draft, "copy")  # in a crisis lock too: the head wrote it
        assert draft.status == DraftStatus.PUBLISHED
    else:
        with pytest.raises(NotAllowed):
            actions.do_approve_draft(user(approver), draft)
        draft.refresh_from_db()
        assert draft.status == DraftStatus.SUBMITTED


def test_a_deputy_still_cannot_approve_others_posts_in_the_demo_pack(demo: School) -> None:
    draft = actions.do_create_draft(user("comms"), demo, text="Choir on Friday.", pupils=[], account=_account(demo))
    actions.do_submit_draft(user("comms"), draft)
    for name in ("deputy", "trustadmin"):
        with pytest.raises(NotAllowed):
            actions.do_approve_draft(user(name), draft)


def test_the_head_is_told_who_approves_her_post(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    head = user("head")
    draft = actions.do_create_draft(head, demo, text="Term starts on Monday.", pupils=[], account=_account(demo))
    actions.do_submit_draft(head, draft)
    page = signed_in("head").get(f"/drafts/{draft.pk}/").content.decode()
    assert "As you are the headteacher, a deputy head" in page
    assert "Who can approve it: David Okafor, Ruth Adebayo." in page
    assert 'value="approve"' not in page
    for name in ("deputy", "trustadmin"):
        client = signed_in(name)
        assert 'value="approve"' in client.get(f"/drafts/{draft.pk}/").content.decode()
        assert f"/drafts/{draft.pk}/" in client.get("/").content.decode()  # waiting for them


# --- names, home messages, the self-check, the error pages ---------------------------------------

def test_screens_show_peoples_names(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    comms, head = user("comms"), user("head")
    draft = actions.do_create_draft(comms, demo, text="Choir on Friday.", pupils=[], account=_account(demo))
    actions.do_submit_draft(comms, draft)
    home = signed_in("head").get("/").content.decode()
    assert "Sarah Collins asks you to approve a post" in home
    assert '<td class="govuk-table__cell">Sarah Collins</td>' in home
    assert "Sign out Helen Marsh" in home
    actions.do_approve_draft(head, draft, "Yes")
    page = signed_in("comms").get(f"/drafts/{draft.pk}/").content.decode()
    assert "Approved</strong> by Helen Marsh" in page and "written by Sarah Collins" in page


def test_home_lists_only_requests_still_waiting(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    comms, head = user("comms"), user("head")
    draft = actions.do_create_draft(comms, demo, text="Choir on Friday.", pupils=[], account=_account(demo))
    actions.do_submit_draft(comms, draft)
    link = f'href="/drafts/{draft.pk}/"'.encode()
    client = signed_in("head")
    assert client.get("/").content.count(link) == 2  # the request and the waiting list
    actions.do_approve_draft(head, draft)
    assert link not in client.get("/").content
    assert not Notification.objects.filter(user=head, link=f"/drafts/{draft.pk}/", read=False).exists()


@pytest.mark.parametrize(("kind", "counterpart", "verdict", "rule"), [
    ("", "", "allow", None),
    ("post", "pupil", "allow", None),  # who it is to is not asked of a post
    ("message", "pupil", "escalate", "contact.pupil_friend_request"),
    ("message", "former_pupil", "escalate", "contact.ex_pupil_connection"),
    ("message", "", "escalate", "content.grooming"),
    ("message", "colleague", "allow", None),
    ("comment", "pupil", "escalate", "contact.pupil_friend_request"),
])
def test_the_self_check_knows_what_it_is_and_to_whom(signed_in, demo: School, kind: str, counterpart: str,  # type: ignore[no-untyped-def]
                                                    verdict: str, rule: str | None) -> None:
    client = signed_in("teacher")
    drafts, records = Draft.objects.count(), AuditRecord.objects.count()
    response = client.post("/self-check", {"text": "are you home alone tonight? add me on snap x",
                                           "kind": kind, "counterpart": counterpart})
    assert response.status_code == 200
    assert response.context["verdict"] == verdict
    if rule:
        assert rule in [finding["rule"] for finding in response.context["findings"]]
    if kind:
        assert f'id="kind-{kind}" name="kind" type="radio" value="{kind}" checked'.encode() in response.content
    assert (Draft.objects.count(), AuditRecord.objects.count()) == (drafts, records)


@pytest.mark.parametrize(("method", "path", "status", "words"), [
    ("GET", "/drafts/999999/", 404, "Page not found"),
    ("GET", "/no-such-page", 404, "Page not found"),
    ("GET", "/schools/{school}/audit", 403, "You cannot do this"),
    ("POST", "/schools/{school}/crisis-lock", 403, "You cannot do this"),
])
def test_error_pages_have_the_header_and_a_way_home(signed_in, demo: School, method: str, path: str,  # type: ignore[no-untyped-def]
                                                   status: int, words: str) -> None:
    client = signed_in("teacher")
    url = path.format(school=demo.pk)
    response = client.get(url) if method == "GET" else client.post(url, {"on": "1"})
    assert response.status_code == status
    page = response.content.decode()
    assert words in page and 'id="back-home"' in page and "Sign out Tom Bennett" in page


# --- walkthrough fixes: pupils and verdicts in words, unapproved accounts, the "(n new)" count --

def _x(demo: School):  # type: ignore[no-untyped-def]
    return demo.accounts.get(platform="x")


@pytest.mark.parametrize(("pupils", "shown"), [
    (["P1004"], "Pupils shown: Mason Wright-Evans"),
    (["P1002"], "Pupils shown: Seun Adeyemi"),  # the name the school uses
    (["P1004", "P9999"], "Pupils shown: Mason Wright-Evans, P9999"),  # an unknown ID as it is
])
def test_the_post_page_names_the_pupils_shown(signed_in, demo: School, pupils: list[str],  # type: ignore[no-untyped-def]
                                              shown: str) -> None:
    comms = user("comms")
    draft = actions.do_create_draft(comms, demo, text="Choir on Friday.", pupils=pupils, account=_x(demo))
    actions.do_submit_draft(comms, draft)
    page = signed_in("head").get(f"/drafts/{draft.pk}/").content.decode()
    assert f'<p class="govuk-body" id="pupils-shown">{shown}</p>' in page


@pytest.mark.parametrize(("text", "verdict", "words"), [
    ("Choir on Friday.", "allow", "OK to post"),
    ("Well done Amelia Hartley!", "block", "Do not post – it breaks the policy"),
])
def test_a_check_says_its_verdict_in_words(signed_in, demo: School, text: str, verdict: str,  # type: ignore[no-untyped-def]
                                           words: str) -> None:
    response = signed_in("comms").post(f"/schools/{demo.pk}/compose",
                                       {"action": "check", "text": text, "account": _x(demo).pk})
    assert response.context["verdict"] == verdict
    page = response.content.decode()
    assert f"Check: {words}</h2>" in page
    assert f">{verdict}<" not in page and f"check: {verdict})" not in page


def test_waiting_posts_and_a_posts_history_say_the_check_in_words(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    comms = user("comms")
    draft = actions.do_create_draft(comms, demo, text="Choir on Friday.", pupils=[], account=_x(demo))
    actions.do_submit_draft(comms, draft)
    client = signed_in("head")
    assert '<strong class="govuk-tag hub-verdict-allow">OK to post</strong>' in client.get("/").content.decode()
    page = client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "(check: OK to post)" in page and "(check: allow)" not in page


def test_the_compose_page_marks_accounts_the_head_has_not_approved(signed_in, demo: School) -> None:  # type: ignore[no-untyped-def]
    page = signed_in("comms").get(f"/schools/{demo.pk}/compose").content.decode()
    marked = f"– {actions.UNAPPROVED_ACCOUNT}</option>"
    assert f">@oakfield_primary (instagram) {marked}" in page  # not approved in the demo
    assert ">@OakfieldPrimary (x)</option>" in page  # approved: no mark
    assert page.count(marked) == demo.accounts.filter(approved_on__isnull=True).count() == 1


UNAPPROVED = "Account: @oakfield_primary (instagram) is not yet approved by the headteacher"
REFUSED = re.escape(UNAPPROVED)


@pytest.mark.parametrize("how", ["page", "new", "saved", "api"])
def test_nothing_goes_for_approval_on_an_unapproved_account(signed_in, demo: School, how: str) -> None:  # type: ignore[no-untyped-def]
    comms, instagram = user("comms"), demo.accounts.get(platform="instagram")
    drafts = Draft.objects.count()
    if how == "page":
        response = signed_in("comms").post(f"/schools/{demo.pk}/compose", {
            "action": "submit", "text": "Art club on Friday.", "account": instagram.pk})
        assert response.status_code == 400
        assert f'<a href="#account">{UNAPPROVED}' in response.content.decode()
        assert Draft.objects.count() == drafts
    elif how == "new":
        with pytest.raises(ActionError, match=REFUSED):
            actions.do_submit_new_draft(comms, demo, text="Art club on Friday.", pupils=[], account=instagram)
        assert Draft.objects.count() == drafts
    else:
        draft = actions.do_create_draft(comms, demo, text="Art club on Friday.", pupils=[], account=instagram)
        if how == "saved":
            with pytest.raises(ActionError, match=REFUSED):
                actions.do_submit_draft(comms, draft)
        else:
            client = signed_in("comms")
            response = client.post(f"/api/drafts/{draft.pk}/submit")
            assert response.status_code == 409 and UNAPPROVED in response.json()["error"]  # the API's refusal
        draft.refresh_from_db()
        assert draft.status == DraftStatus.DRAFT
        assert not Notification.objects.filter(link=f"/drafts/{draft.pk}/").exists()


def test_a_post_already_waiting_on_an_unapproved_account_is_not_approved_or_published(  # type: ignore[no-untyped-def]
    signed_in, demo: School,
) -> None:
    comms, head, instagram = user("comms"), user("head"), demo.accounts.get(platform="instagram")
    draft = actions.do_create_draft(comms, demo, text="Art club on Friday.", pupils=[], account=instagram)
    Draft.objects.filter(pk=draft.pk).update(status=DraftStatus.SUBMITTED)  # from before the rule
    draft.refresh_from_db()
    with pytest.raises(ActionError, match=REFUSED):
        actions.do_approve_draft(head, draft)
    Draft.objects.filter(pk=draft.pk).update(status=DraftStatus.APPROVED)
    draft.refresh_from_db()
    with pytest.raises(ActionError, match=REFUSED):
        actions.do_publish_draft(comms, draft, "copy")
    page = signed_in("comms").get(f"/drafts/{draft.pk}/").content.decode()
    assert 'id="account-not-approved"' in page and 'id="publish-copy"' not in page


@pytest.mark.parametrize(("stale", "fresh"), [(0, 0), (1, 0), (3, 2), (0, 2)])
def test_the_headers_new_count_is_what_home_shows_as_new(signed_in, demo: School, stale: int,  # type: ignore[no-untyped-def]
                                                         fresh: int) -> None:
    head = user("head")
    Notification.objects.filter(user=head).update(read=True)
    approved = Draft.objects.filter(school=demo, status=DraftStatus.APPROVED).first()
    assert approved is not None
    for _ in range(stale):  # requests for a post approved since, never marked read (older data)
        Notification.objects.create(user=head, school=demo, link=f"/drafts/{approved.pk}/",
                                    text=f"Sarah Collins {actions.APPROVAL_REQUEST} for Oakfield Primary School")
    for number in range(fresh):
        Notification.objects.create(user=head, school=demo, text=f"Message {number}")
    client = signed_in("head")
    home = client.get("/").content.decode()
    assert home.count(", new)</span>") == fresh
    header = f"Home ({fresh} new)</a>" if fresh else 'href="/">Home</a>'
    assert header in home and header in client.get("/self-check").content.decode()


@pytest.mark.parametrize(("value", "number"), [
    ("12", 12), (" 7 ", 7), (3, 3), ("0", 0),
    ("²", None), ("١٢", None), ("-1", None), ("1.5", None), ("", None), (None, None),
    ("9" * 18, int("9" * 18)), ("9" * 19, None),  # past a database id
])
def test_a_whole_number_is_only_ascii_digits(value: object, number: int | None) -> None:
    assert actions.whole_number(value) == number


def test_a_post_returned_cannot_then_be_approved_from_a_page_read_before(demo: School) -> None:
    submitted = Draft.objects.filter(school=demo, status=DraftStatus.SUBMITTED).first()
    assert submitted is not None
    head = user("head")
    # Two tabs (or two approvers) opened the post while it was waiting.
    first_tab, second_tab = Draft.objects.get(pk=submitted.pk), Draft.objects.get(pk=submitted.pk)
    actions.do_return_draft(head, first_tab, "Change the photo")
    with pytest.raises(ActionError, match="already approved or returned"):
        actions.do_approve_draft(head, second_tab, "Fine")
    with pytest.raises(ActionError, match="already approved or returned"):
        actions.do_return_draft(head, second_tab, "Again")
    submitted.refresh_from_db()
    assert submitted.status == DraftStatus.RETURNED
    assert list(submitted.events.values_list("kind", flat=True)).count("returned") == 1


@pytest.mark.parametrize("account_id", ["abc", "9" * 25, "1.5"])
def test_a_compose_form_naming_no_account_is_not_a_server_error(signed_in, demo: School,  # type: ignore[no-untyped-def]
                                                                account_id: str) -> None:
    client = signed_in("teacher")
    for path in (f"/schools/{demo.pk}/compose", f"/schools/{demo.pk}/check"):
        response = client.post(path, {"text": "Lovely assembly today", "account": account_id, "action": "save"})
        assert response.status_code < 500


def test_an_approval_given_in_the_hub_is_the_checks_approval(demo: School, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Under Holbrook every official post needs a leadership-team member's approval (A.3.4): the
    # check says so before approval, and the approver's approval satisfies it.
    import shutil

    import yaml

    directory = tmp_path / "holbrook_school"
    shutil.copytree(demo.directory, directory)
    settings_file = directory / "school.yaml"
    data = yaml.safe_load(settings_file.read_text(encoding="utf-8"))
    data["policy"] = "holbrook"
    settings_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    school = School.objects.create(name="Holbrook-policy School", directory=str(directory))
    text = "Non-uniform day on Friday: £1 for Children in Need"
    before = actions.run_check(school, user("comms"), text, [], None)
    assert "account.content_pre_approval" in {finding.rule for finding in before.findings}
    assert before.verdict == "review"
    after = actions.run_check(school, user("comms"), text, [], None, approved_by=user("head"))
    assert "account.content_pre_approval" not in {finding.rule for finding in after.findings}
    assert "account.content_pre_approval" in after.satisfied

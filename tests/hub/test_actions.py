"""The workflow and its records: drafts, approval, crisis lock, publishing, the audit chain."""

from __future__ import annotations

import io
import json
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
    draft = actions.do_create_draft(teacher, demo, text="Well done Amelia Hartley!", pupils=[], account=None)
    assert draft.verdict == "block"
    assert draft.findings[0]["rule"] == "content.pupil_full_name"
    with pytest.raises(ActionError, match="fix the findings"):
        actions.do_submit_draft(teacher, draft)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT and draft.verdict == "block"
    assert AuditRecord.objects.filter(action="draft.submit_refused", target_id=str(draft.pk)).exists()
    actions.do_update_draft(teacher, draft, text="Well done Amelia H.!", pupils=[], account=None)
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
    draft = actions.do_create_draft(head, demo, text="Term starts on Monday.", pupils=[], account=None)
    actions.do_submit_draft(head, draft)
    with pytest.raises(NotAllowed):
        actions.do_approve_draft(head, draft)


def test_returning_needs_a_reason_and_tells_the_author(demo: School) -> None:
    comms, head = user("comms"), user("head")
    draft = actions.do_create_draft(comms, demo, text="Trip letter out today.", pupils=[], account=None)
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
    draft = actions.do_create_draft(comms, head_school, text="Open evening on Thursday.", pupils=[], account=None)
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

"""Subject access exports for staff and pupils, and the retention purge with its audit record."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from safepost.hub import actions, actions_privacy
from safepost.hub.actions import ActionError
from safepost.hub.audit import verify_chain
from safepost.hub.models import AuditRecord, Case, ConsentImport, ContactEvent, Notification, School


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def _export(demo: School, **subject: object) -> dict[str, object]:
    _name, data = actions_privacy.do_export_subject_access(user("head"), demo, **subject)  # type: ignore[arg-type]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "subject.json"]
        return json.loads(archive.read("subject.json"))


def test_a_pupils_export_has_their_consent_posts_and_contact(demo: School) -> None:
    actions.do_create_draft(user("comms"), demo, text="Congratulations Zofia K. on your medal!", pupils=[],
                            account=None)
    data = _export(demo, pupil_id="P1005")
    assert data["pupil"]["last_name"] == "Kowalczyk"
    assert [d["kind"] for d in data["consent_decisions"] if not d["given"]] == ["photo"]
    assert len(data["posts_showing_or_naming"]) == 2  # the Roman day photo, and the post naming her
    assert data["takedown_tasks"] and data["takedown_tasks"][0]["done_at"] is None
    assert AuditRecord.objects.filter(action="sar.exported", details__subject="pupil P1005").exists()


@pytest.mark.parametrize(("text", "included"), [
    ("Congrats to Hope F. in Year 2!", True),   # named as the check reads it
    ("Well done Hope!", True),                  # a praise cue
    ("We hope you all have a lovely half term", False),
])
def test_a_pupils_export_errs_towards_including_a_post_that_may_name_them(
    demo: School, text: str, included: bool,
) -> None:
    # P1007 is Hope Fitzgerald: her first name is an ordinary word.
    draft = actions.do_create_draft(user("comms"), demo, text=text, pupils=[], account=None)
    posts = _export(demo, pupil_id="P1007")["posts_showing_or_naming"]
    assert (draft.pk in [post["id"] for post in posts]) is included


def test_a_staff_export_has_their_records(demo: School) -> None:
    data = _export(demo, user_id=user("teacher").pk)
    assert data["person"]["username"] == "teacher"
    assert [post["text"][:10] for post in data["posts_written"]] == ["Huge well "]
    assert data["contact_log"][0]["what"] == "friend_request"
    assert data["concerns_raised"][0]["title"] == "Parent's comment on our Facebook post"
    assert {item["account"] for item in data["account_access"]} == {"@OakfieldPrimary (x)", "@oakfield_primary (instagram)"}


@pytest.mark.parametrize(("subject", "message"), [
    ({}, "Member of staff: choose a member of staff"),
    ({"pupil_id": "P9999"}, "Pupil ID: no pupil with this ID"),
    ({"user_id": "abc"}, "Member of staff: choose someone"),
])
def test_a_bad_request_names_the_field(demo: School, subject: dict[str, str], message: str) -> None:
    with pytest.raises(ActionError, match=message):
        actions_privacy.do_export_subject_access(user("head"), demo, **subject)


def test_the_export_page_downloads_a_zip(signed_in: Callable[[str], Client], demo: School) -> None:
    response = signed_in("head").post(f"/schools/{demo.pk}/subject-access", {"pupil_id": "P1001"})
    assert response["Content-Type"] == "application/zip"
    assert 'filename="sar-pupil-P1001.zip"' in response["Content-Disposition"]


def test_the_purge_removes_only_what_is_past_its_retention_and_logs_it(demo: School, settings) -> None:  # type: ignore[no-untyped-def]
    now = timezone.now()
    staged = ConsentImport.objects.create(school=demo, file_name="old.csv", text="UPN\nP1")
    ConsentImport.objects.filter(pk=staged.pk).update(uploaded_at=now - dt.timedelta(days=3))
    fresh = ConsentImport.objects.create(school=demo, file_name="new.csv", text="UPN\nP1")
    old_note = Notification.objects.create(user=user("teacher"), text="old")
    Notification.objects.filter(pk=old_note.pk).update(created_at=now - dt.timedelta(days=400))
    closed = Case.objects.get(school=demo, status="closed")
    Case.objects.filter(pk=closed.pk).update(closed_at=now - dt.timedelta(days=settings.RETENTION_DAYS["closed_case"] + 1))
    event = ContactEvent.objects.get(school=demo)
    ContactEvent.objects.filter(pk=event.pk).update(happened_on=dt.date(2015, 1, 1))

    planned = actions_privacy.do_purge(dry_run=True)
    assert ConsentImport.objects.filter(pk=staged.pk).exists()  # a dry run removes nothing
    call_command("purge")
    assert not ConsentImport.objects.filter(pk=staged.pk).exists() and ConsentImport.objects.filter(pk=fresh.pk).exists()
    assert not Notification.objects.filter(pk=old_note.pk).exists()
    assert not Case.objects.filter(pk=closed.pk).exists() and Case.objects.filter(school=demo).count() == 1
    assert not ContactEvent.objects.filter(pk=event.pk).exists()
    record = AuditRecord.objects.get(action="retention.purged")
    assert record.details["removed"] == {kind: ids for kind, ids in planned.items() if ids}
    assert record.details["counts"]["closed_case"] == 1 and record.actor_name == "system"
    assert verify_chain().ok


# --- review fix: a staff export holds this school's messages only -----------------------------

def test_a_staff_export_lists_only_this_schools_notifications(demo: School) -> None:
    from safepost.hub import actions_cases
    from safepost.hub.models import Membership

    elm = School.objects.create(name="Elm Tree Academy", directory=demo.directory, trust=demo.trust)
    Membership.objects.create(user=user("head"), school=elm, role="headteacher")
    Membership.objects.create(user=user("teacher"), school=elm, role="staff")
    actions_cases.do_raise_concern(user("teacher"), elm, title="Worry at Elm", description="Details")
    actions_cases.do_raise_concern(user("teacher"), demo, title="Worry at Oakfield", description="Details")
    assert Notification.objects.filter(user=user("head"), text__contains="Elm Tree Academy").exists()
    texts = [note["text"] for note in _export(demo, user_id=user("head").pk)["notifications"]]
    assert "A new concern has been raised at Oakfield Primary School" in texts
    assert not [text for text in texts if "Elm Tree" in text]
    assert Notification.objects.filter(school=elm, user=user("head")).count() == 1


def test_older_messages_about_a_draft_or_case_are_given_their_school(demo: School) -> None:
    # Messages from before the school was recorded on them: migration 0004 fills it in from the
    # record the link points to, so they reach the school's subject access export.
    import importlib

    from django.apps import apps

    from safepost.hub.models import Draft

    migration = importlib.import_module("safepost.hub.migrations.0004_notification_school_from_records")
    from safepost.hub import actions_cases

    draft = Draft.objects.filter(school=demo).first()
    assert draft is not None
    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    old = [Notification.objects.create(user=user("head"), text="Please approve", link=f"/drafts/{draft.pk}/"),
           Notification.objects.create(user=user("head"), text="A concern", link=f"/cases/{case.pk}"),
           Notification.objects.create(user=user("head"), text="Elsewhere", link="/drafts/999999/")]
    migration.school_from_record(apps, None)
    assert [Notification.objects.get(pk=note.pk).school for note in old] == [demo, demo, None]
    texts = [note["text"] for note in _export(demo, user_id=user("head").pk)["notifications"]]
    assert "Please approve" in texts and "A concern" in texts


# --- walkthrough fixes: a pupil ID as typed; one person per export -----------------------------

@pytest.mark.parametrize("typed", ["P1001", "p1001", "  P1001 ", "\tp1001\n"])
def test_a_pupil_id_is_found_whatever_its_capitals_and_spaces(demo: School, typed: str) -> None:
    name, _data = actions_privacy.do_export_subject_access(user("head"), demo, pupil_id=typed)
    assert name == "sar-pupil-P1001.zip"
    assert _export(demo, pupil_id=typed)["pupil"]["pupil_id"] == "P1001"


def test_an_id_that_differs_only_in_capitals_from_two_pupils_is_not_guessed(demo: School) -> None:
    from safepost.hub.models import RegisterPupil

    RegisterPupil.objects.create(school=demo, pupil_id="AB12", first_name="Upper", last_name="Case")
    RegisterPupil.objects.create(school=demo, pupil_id="ab12", first_name="Lower", last_name="Case")
    assert _export(demo, pupil_id="ab12")["pupil"]["first_name"] == "Lower"  # the exact ID first
    assert _export(demo, pupil_id="AB12")["pupil"]["first_name"] == "Upper"
    with pytest.raises(ActionError, match="Pupil ID: no pupil with this ID"):
        actions_privacy.do_export_subject_access(user("head"), demo, pupil_id="Ab12")


@pytest.mark.parametrize("pupil_id", ["P1001", "p1001 "])
def test_a_member_of_staff_and_a_pupil_together_are_refused(demo: School, pupil_id: str) -> None:
    exports = AuditRecord.objects.filter(action="sar.exported").count()
    with pytest.raises(ActionError, match="^Member of staff or Pupil ID: choose a member of staff or a pupil, not both$"):
        actions_privacy.do_export_subject_access(user("head"), demo, user_id=user("teacher").pk, pupil_id=pupil_id)
    assert AuditRecord.objects.filter(action="sar.exported").count() == exports  # nothing went out


def test_the_export_page_refuses_both_and_keeps_what_was_chosen(signed_in: Callable[[str], Client],
                                                                demo: School) -> None:
    teacher = user("teacher")
    response = signed_in("head").post(f"/schools/{demo.pk}/subject-access",
                                      {"user_id": teacher.pk, "pupil_id": "p1001"})
    page = response.content.decode()
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert '<a href="#user_id">Member of staff or Pupil ID: choose a member of staff or a pupil, not both</a>' in page
    assert f'<option value="{teacher.pk}" selected>' in page and 'value="p1001"' in page


def test_someone_who_has_left_can_still_be_exported(signed_in: Callable[[str], Client], demo: School) -> None:
    from safepost.hub import actions_accounts

    deputy = user("deputy")
    actions_accounts.do_record_leaver(user("head"), demo, user_id=deputy.pk, left_on=dt.date.today())
    data = _export(demo, user_id=deputy.pk)
    assert data["roles"] == []  # ended
    assert data["approved_contact"]  # the records stay, and are theirs to see
    page = signed_in("head").get(f"/schools/{demo.pk}/subject-access")
    assert f'value="{deputy.pk}"' in page.content.decode()
    # Someone with no records at this school is no one to choose.
    stranger = get_user_model().objects.create_user("stranger", password="x")
    with pytest.raises(ActionError, match="Member of staff: choose someone from the list"):
        _export(demo, user_id=stranger.pk)


def test_the_trust_sees_that_pupil_level_records_were_made_not_for_whom(
    signed_in: Callable[[str], Client], demo: School,
) -> None:
    actions_privacy.do_export_subject_access(user("head"), demo, pupil_id="P1005")
    for who, sees in (("trustadmin", False), ("head", True)):
        text = signed_in(who).get(f"/schools/{demo.pk}/audit?format=csv").content.decode()
        assert "sar.exported" in text
        assert ("P1005" in text) is sees
        assert ("kept for the school (pupil-level)" in text) is not sees

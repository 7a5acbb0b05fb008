"""The contact log: pupils' and parents' friend requests and messages with what was done, per the
pack; approved contact with a purpose, parental consent for under-16s, its log and its end date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepost.hub import actions_contact
from safepost.hub.actions import ActionError
from safepost.hub.models import ApprovedContact, ContactEvent, RegisterPupil, School
from safepost.hub.permissions import NotAllowed
from safepost.hub.registers_common import today


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def pupil(school: School, pupil_id: str) -> RegisterPupil:
    return RegisterPupil.objects.get(school=school, pupil_id=pupil_id)


def test_the_packs_steps_are_read(demo: School) -> None:
    words, needed = actions_contact.policy_steps(demo)
    assert words == ["do not accept", "notify the parent"]  # TPAT: the only policy telling the parent
    assert needed == ["declined", "parent_told"]


@pytest.mark.parametrize(("who", "steps", "missing"), [
    ("pupil", ["declined"], ["Told the pupil's parent or carer"]),
    ("pupil", ["declined", "parent_told"], []),
    ("former_pupil", [], ["Declined or ignored it (did not accept)", "Told the pupil's parent or carer"]),
    ("parent", [], []),
])
def test_logging_says_which_steps_the_policy_still_asks_for(demo: School, who: str, steps: list[str],
                                                            missing: list[str]) -> None:
    event, found = actions_contact.do_record_contact(
        user("teacher"), demo, happened_on="20/11/2026", who=who, what="friend_request", steps=steps,
        pupil=pupil(demo, "P1022").pk if who == "pupil" else "")
    assert found == missing
    assert event.staff == user("teacher") and event.steps == steps
    assert user("dsl").notifications.filter(text__startswith="Tom Bennett logged a friend").exists() is (
        who in ("pupil", "former_pupil", "parent"))


def test_staff_log_for_themselves_and_see_only_their_own(signed_in: Callable[[str], Client], demo: School) -> None:
    with pytest.raises(NotAllowed):
        actions_contact.do_record_contact(user("teacher"), demo, happened_on="20/11/2026", who="parent",
                                          what="message", staff_id=user("comms").pk)
    actions_contact.do_record_contact(user("comms"), demo, happened_on="19/11/2026", who="parent",
                                      what="message", who_details="A parent in Year 2", summary="Asked about a trip")
    teacher_page = signed_in("teacher").get(f"/schools/{demo.pk}/contact/").content.decode()
    assert "Asked about a trip" not in teacher_page and "A parent in Year 2" not in teacher_page
    assert "Year 6 pupil" in teacher_page or "Noah Williams" in teacher_page  # the demo's own entry
    assert "A parent in Year 2" in signed_in("head").get(f"/schools/{demo.pk}/contact/").content.decode()


@pytest.mark.parametrize(("fields", "message"), [
    ({"who": "stranger"}, "Who made contact: choose one"),
    ({"what": "wave"}, "What it was: choose one"),
    ({"happened_on": "2099-01-01"}, "When it happened: cannot be in the future"),
    ({"pupil": "999999"}, "Pupil: choose the pupil from the list"),
])
def test_a_bad_log_entry_names_the_field(demo: School, fields: dict[str, str], message: str) -> None:
    values = {"happened_on": "20/11/2026", "who": "pupil", "what": "message", **fields}
    with pytest.raises(ActionError, match=message):
        actions_contact.do_record_contact(user("teacher"), demo, **values)
    assert not ContactEvent.objects.filter(staff=user("teacher"), who=values["who"], what=values["what"]).exclude(
        what="friend_request").exists()


def test_approved_contact_needs_parental_consent_under_16(demo: School) -> None:
    head, teacher = user("head"), user("teacher")
    amelia = pupil(demo, "P1001")  # born 2016: under 16
    ends = today() + dt.timedelta(days=20)
    with pytest.raises(ActionError, match="Parental consent date: Amelia Hartley is \\d+; a parent or carer must consent"):
        actions_contact.do_approve_contact(head, demo, staff_id=teacher.pk, pupil=amelia.pk, purpose="Reading club",
                                           channel="Teams", ends_on=ends)
    jessica = pupil(demo, "P2004")  # a former pupil born 2004: an adult, no parental consent needed
    contact = actions_contact.do_approve_contact(head, demo, staff_id=teacher.pk, pupil=jessica.pk,
                                                 purpose="Work experience placement", channel="email", ends_on=ends)
    assert contact.parental_consent_on is None
    with pytest.raises(NotAllowed):
        actions_contact.do_approve_contact(user("dsl"), demo, staff_id=teacher.pk, pupil=jessica.pk, purpose="x",
                                           channel="", ends_on=ends)
    with pytest.raises(ActionError, match="End date: must be after today"):
        actions_contact.do_approve_contact(head, demo, staff_id=teacher.pk, pupil=jessica.pk, purpose="x",
                                           channel="", ends_on=today())


def test_the_approved_contact_log_and_its_end(demo: School) -> None:
    contact = ApprovedContact.objects.get(school=demo)
    deputy = contact.staff
    entry = actions_contact.do_log_approved_contact(deputy, contact, happened_on=today(), summary="Coach times")
    assert entry in contact.entries.all()
    with pytest.raises(NotAllowed):
        actions_contact.do_log_approved_contact(user("teacher"), contact, happened_on=today(), summary="x")
    actions_contact.do_end_approved_contact(deputy, contact)
    assert not actions_contact.is_open(contact)
    with pytest.raises(ActionError, match="already ended"):
        actions_contact.do_end_approved_contact(user("head"), contact)


def test_contact_past_its_end_date_cannot_be_logged_and_shows_on_the_dashboard(demo: School) -> None:
    from safepost.hub.dashboard import school_figures

    contact = ApprovedContact.objects.get(school=demo)
    ApprovedContact.objects.filter(pk=contact.pk).update(ends_on=today() - dt.timedelta(days=1))  # time passes
    contact.refresh_from_db()
    assert not actions_contact.is_open(contact)
    with pytest.raises(ActionError, match="after the approved contact ended"):
        actions_contact.do_log_approved_contact(contact.staff, contact, happened_on=today(), summary="x")
    assert school_figures(demo)["contact"]["approved_overdue"] == 1


# --- review fixes: ending approved contact, leavers, what the audit log says -------------------

def _approved(demo: School) -> ApprovedContact:
    return ApprovedContact.objects.get(school=demo, staff__username="deputy")


@pytest.mark.parametrize(("username", "allowed"), [
    ("deputy", True), ("head", True), ("dsl", False), ("comms", False), ("teacher", False), ("trustadmin", False),
])
def test_who_ends_approved_contact(demo: School, username: str, allowed: bool) -> None:
    contact = _approved(demo)
    if allowed:
        actions_contact.do_end_approved_contact(user(username), contact)
        contact.refresh_from_db()
        assert contact.ended_on == today()
    else:
        with pytest.raises(NotAllowed):
            actions_contact.do_end_approved_contact(user(username), contact)
        contact.refresh_from_db()
        assert contact.ended_on is None


def test_staff_who_left_no_longer_see_or_end_their_approved_contact(signed_in: Callable[[str], Client],
                                                                   demo: School) -> None:
    from safepost.hub.models import Membership

    contact = _approved(demo)
    deputy = user("deputy")
    client = signed_in("deputy")
    assert client.get(f"/contact/approved/{contact.pk}").status_code == 200
    Membership.objects.filter(user=deputy, school=demo).delete()
    assert not actions_contact.can_see_approved(deputy, contact)
    assert client.get(f"/contact/approved/{contact.pk}").status_code == 404
    with pytest.raises(NotAllowed):
        actions_contact.do_end_approved_contact(deputy, contact)
    contact.refresh_from_db()
    assert contact.ended_on is None


def test_contact_audit_records_carry_no_pupil_ids_or_purposes(demo: School) -> None:
    import json

    from safepost.hub.models import AuditRecord

    noah = pupil(demo, "P1022")
    actions_contact.do_approve_contact(
        user("head"), demo, staff_id=user("teacher").pk, pupil=noah.pk, purpose="Secret purpose about Noah",
        channel="School app", ends_on=today() + dt.timedelta(days=10),
        parental_consent_on=today() - dt.timedelta(days=1))
    actions_contact.do_record_contact(user("teacher"), demo, happened_on=today(), who="pupil", pupil=noah.pk,
                                      what="message", summary="Hi")
    details = json.dumps([r.details for r in AuditRecord.objects.filter(action__startswith="contact.")])
    assert "P1022" not in details and "Secret purpose" not in details


# --- walkthrough fixes: long text refused (not cut short), every problem at once -------------

@pytest.mark.parametrize(("field", "length", "message"), [
    ("who_details", 201, "Who, in your words: at most 200 characters; you entered 201, so shorten it"),
    ("platform", 61, "Where (app or site): at most 60 characters; you entered 61, so shorten it"),
    ("summary", 5001, "What happened: at most 5,000 characters; you entered 5,001, so shorten it"),
])
def test_long_contact_text_is_refused_not_cut_short(signed_in: Callable[[str], Client], demo: School,
                                                    field: str, length: int, message: str) -> None:
    before = ContactEvent.objects.count()
    typed = "x" * length
    form = {"action": "log", "happened_on": "20/11/2026", "who": "parent", "what": "message", field: typed}
    response = signed_in("teacher").post(f"/schools/{demo.pk}/contact/", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert f'<a href="#{field}">{message}</a>' in page
    assert 'id="contact-logged"' not in page
    assert typed in page  # what was typed is kept
    assert ContactEvent.objects.count() == before


@pytest.mark.parametrize(("field", "length"), [("who_details", 200), ("platform", 60), ("summary", 5000)])
def test_contact_text_at_its_limit_is_kept_whole(demo: School, field: str, length: int) -> None:
    event, _missing = actions_contact.do_record_contact(user("teacher"), demo, happened_on="20/11/2026",
                                                        who="parent", what="message", **{field: "y" * length})
    event.refresh_from_db()
    assert getattr(event, field) == "y" * length


def test_an_empty_contact_form_names_every_field(signed_in: Callable[[str], Client], demo: School) -> None:
    response = signed_in("teacher").post(f"/schools/{demo.pk}/contact/", {
        "action": "log", "happened_on": "31/11/2026", "who": "", "what": "", "platform": "p" * 61})
    page = response.content.decode()
    assert response.status_code == 400
    for field, message in [("who", "Who made contact: choose one"), ("what", "What it was: choose one"),
                           ("happened_on", "When it happened: &#x27;31/11/2026&#x27; is not a date"),
                           ("platform", "Where (app or site): at most 60 characters")]:
        assert f'<a href="#{field}">{message}' in page, message


def test_long_unbroken_text_wraps_in_the_contact_table(signed_in: Callable[[str], Client], demo: School) -> None:
    actions_contact.do_record_contact(user("teacher"), demo, happened_on="20/11/2026", who="parent",
                                      what="message", who_details="A" * 200)
    page = signed_in("teacher").get(f"/schools/{demo.pk}/contact/").content.decode()
    assert 'class="govuk-table hub-wrap" id="contact-table"' in page
    from pathlib import Path

    import safepost.hub

    css = (Path(safepost.hub.__file__).parent / "static" / "hub" / "hub.css").read_text()
    assert ".hub-wrap { overflow-wrap: anywhere;" in css


def test_an_approval_names_every_problem_and_refuses_a_long_channel(demo: School) -> None:
    with pytest.raises(ActionError) as refused:
        actions_contact.do_approve_contact(user("head"), demo, staff_id="", pupil="", purpose="",
                                           channel="c" * 101, ends_on="yesterday")
    assert str(refused.value) == "; ".join([
        "Staff member: choose someone from the list", "Pupil: choose the pupil",
        "Purpose: enter some text", "How (app or service): at most 100 characters; you entered 101, so shorten it",
        "End date: 'yesterday' is not a date like 21/11/2026"])
    assert not ApprovedContact.objects.filter(channel__startswith="ccc").exists()


def test_a_refused_approved_contact_entry_keeps_what_was_typed(signed_in: Callable[[str], Client],
                                                               demo: School) -> None:
    contact = _approved(demo)
    response = signed_in("deputy").post(f"/contact/approved/{contact.pk}", {
        "action": "log", "happened_on": "31/11/2026", "summary": "Sent the kit list to the team"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="31/11/2026"' in page and "Sent the kit list to the team</textarea>" in page


# --- walkthrough fix: after "Logged" the form is empty (post, redirect, get) --------------------

@pytest.mark.parametrize(("who", "steps", "missing"), [
    ("pupil", ["declined"], "The policy also asks you to: Told the pupil&#x27;s parent or carer."),
    ("pupil", ["declined", "parent_told"], None),
    ("parent", [], None),
])
def test_after_logging_the_form_is_empty_and_says_what_is_missing(
    signed_in: Callable[[str], Client], demo: School, who: str, steps: list[str], missing: str | None,
) -> None:
    client = signed_in("teacher")
    url = f"/schools/{demo.pk}/contact/"
    typed = {"action": "log", "happened_on": "20/11/2026", "who": who, "what": "friend_request", "steps": steps,
             "who_details": "Someone from Year 6", "platform": "Snapchat", "summary": "Asked to follow me"}
    response = client.post(url, typed)
    event = ContactEvent.objects.get(staff=user("teacher"), summary="Asked to follow me")
    assert response.status_code == 302 and response["Location"] == f"{url}?logged={event.pk}"
    page = client.get(response["Location"]).content.decode()
    assert 'id="contact-logged"' in page
    assert ('id="missing-steps"' in page) is (missing is not None)
    if missing:
        assert missing in page
    form = page.split('id="log-contact"')[0]
    assert 'value="Someone from Year 6"' not in form and 'value="Snapchat"' not in form
    assert "Asked to follow me</textarea>" not in form and " selected>" not in form and " checked>" not in form
    assert 'id="step-declined" name="steps" type="checkbox" value="declined">' in form
    # What was done is listed in words, not as codes.
    if steps:
        assert "Declined or ignored it (did not accept)" in page.split('id="contact-table"')[1]


def test_a_logged_note_is_shown_only_to_whoever_logged_it(signed_in: Callable[[str], Client], demo: School) -> None:
    event, _missing = actions_contact.do_record_contact(user("teacher"), demo, happened_on="20/11/2026",
                                                        who="parent", what="message")
    page = signed_in("comms").get(f"/schools/{demo.pk}/contact/?logged={event.pk}").content.decode()
    assert 'id="contact-logged"' not in page


def test_the_approved_contact_log_takes_no_entry_from_before_the_approval(demo: School) -> None:
    contact = ApprovedContact.objects.get(school=demo)
    before = contact.approved_on - dt.timedelta(days=1)
    with pytest.raises(ActionError, match="When it happened: before the contact was approved"):
        actions_contact.do_log_approved_contact(contact.staff, contact, happened_on=before, summary="Coach")
    assert not contact.entries.filter(happened_on=before).exists()


@pytest.mark.parametrize("field", ["happened_on", "parental_consent_on"])
def test_contact_dates_from_before_any_record_are_refused(demo: School, field: str) -> None:
    if field == "happened_on":
        with pytest.raises(ActionError, match="When it happened"):
            actions_contact.do_record_contact(user("teacher"), demo, happened_on="01/01/1900", who="pupil",
                                              what="message")
    else:
        with pytest.raises(ActionError, match="Parental consent date"):
            actions_contact.do_approve_contact(
                user("head"), demo, staff_id=user("teacher").pk, pupil=pupil(demo, "P1001").pk,
                purpose="Reading club", channel="Teams", ends_on=today() + dt.timedelta(days=20),
                parental_consent_on="01/01/1900")


def test_the_headteachers_own_approved_contact_is_told_to_the_dsl(demo: School) -> None:
    from safepost.hub.models import AuditRecord, Notification

    head = user("head")
    contact = actions_contact.do_approve_contact(
        head, demo, staff_id=head.pk, pupil=pupil(demo, "P2004").pk, purpose="Work experience reference",
        channel="email", ends_on=today() + dt.timedelta(days=10))
    told = Notification.objects.filter(user=user("dsl"), text__contains="approved their own contact")
    assert told.exists()
    assert not Notification.objects.filter(user=head, text__contains="approved their own contact").exists()
    record = AuditRecord.objects.get(action="contact.approved", target_id=str(contact.pk))
    assert record.details.get("own_contact") is True
    # Approving someone else's contact says nothing to the DSL.
    actions_contact.do_approve_contact(
        head, demo, staff_id=user("teacher").pk, pupil=pupil(demo, "P2004").pk, purpose="Reference",
        channel="email", ends_on=today() + dt.timedelta(days=10))
    assert told.count() == 1


def test_where_the_headteacher_is_also_the_dsl_her_own_contact_is_told_to_the_trust(demo: School) -> None:
    from safepost.hub.models import Membership, Notification, Role

    head = user("head")
    Membership.objects.filter(school=demo, role=Role.DSL).delete()
    Membership.objects.create(user=head, school=demo, role=Role.DSL)
    actions_contact.do_approve_contact(
        head, demo, staff_id=head.pk, pupil=pupil(demo, "P2004").pk, purpose="Work experience reference",
        channel="email", ends_on=today() + dt.timedelta(days=10))
    told = Notification.objects.filter(text__contains="approved their own contact")
    assert list(told.values_list("user__username", flat=True)) == ["trustadmin"]

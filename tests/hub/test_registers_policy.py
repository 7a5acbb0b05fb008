"""Policy versions and the statement of acceptance: sign, sign again on a new version, who has not
signed, review dates coming due, reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from safepost.hub import actions_policy
from safepost.hub.actions import ActionError
from safepost.hub.models import AuditRecord, Notification, PolicyVersion, School
from safepost.hub.permissions import NotAllowed


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def test_the_demo_version_carries_the_packs_document_control(demo: School) -> None:
    version = actions_policy.current_version(demo)
    assert version is not None
    assert (version.version, version.approval_date, version.approver, version.owner, version.review_date) == (
        "1.0", dt.date(2026, 9, 1), "Local Governing Body", "Headteacher", dt.date(2027, 9, 1))
    # TPAT's statement, in the policy's own words.
    assert version.statement.startswith("By signing below, I acknowledge")


def test_who_has_not_signed_is_read_from_the_people_a_caller_already_loaded(
    demo: School, django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    from safepost.hub.registers_common import school_users

    version = actions_policy.current_version(demo)
    people = school_users(demo)
    with django_assert_num_queries(1):  # the signatures only, not the school's people again
        given = actions_policy.unsigned(demo, version, people)
    assert given == actions_policy.unsigned(demo, version)
    # Only the people given are considered: a caller's narrower list stays narrow.
    assert actions_policy.unsigned(demo, version, [user("teacher")]) == [user("teacher")]


def test_signing_and_a_new_version_asks_everyone_again(demo: School) -> None:
    head, teacher = user("head"), user("teacher")
    first = actions_policy.current_version(demo)
    assert {person.username for person in actions_policy.unsigned(demo)} == {"teacher", "governor"}
    actions_policy.do_sign_policy(teacher, first, signed_name="Tom Bennett", confirmed=True)
    assert {person.username for person in actions_policy.unsigned(demo)} == {"governor"}
    with pytest.raises(ActionError, match="already signed"):
        actions_policy.do_sign_policy(teacher, first, signed_name="Tom Bennett", confirmed=True)
    second = actions_policy.do_publish_policy_version(
        head, demo, version="1.1", title=first.title, approval_date="01/11/2026", approver="LGB",
        owner="Headteacher", review_date="01/11/2027", statement=first.statement, changes="Adds TikTok")
    assert actions_policy.current_version(demo) == second
    assert len(actions_policy.unsigned(demo)) == 6  # everyone at the school, again
    assert Notification.objects.filter(user=teacher, text__contains="version 1.1").exists()
    with pytest.raises(ActionError, match="not the current version"):
        actions_policy.do_sign_policy(user("governor"), first, signed_name="Peter Quinn", confirmed=True)
    assert AuditRecord.objects.filter(action="policy.version_published", details__version="1.1").exists()


@pytest.mark.parametrize(("fields", "message"), [
    ({"version": "1.0"}, "Version: version 1.0 already exists"),
    ({"version": ""}, "Version: enter some text"),
    ({"review_date": "01/01/2026"}, "Review date: must be after the approval date"),
    ({"approval_date": "soon"}, "Approval date: 'soon' is not a date"),
    ({"statement": " "}, "Statement of acceptance: enter some text"),
])
def test_a_bad_version_names_the_field(demo: School, fields: dict[str, str], message: str) -> None:
    values = {"version": "2", "title": "Policy", "approval_date": "01/09/2026", "approver": "LGB",
              "owner": "Head", "review_date": "01/09/2027", "statement": "I agree", **fields}
    with pytest.raises(ActionError, match=message):
        actions_policy.do_publish_policy_version(user("head"), demo, **values)
    assert PolicyVersion.objects.filter(school=demo).count() == 1


def test_signing_needs_the_tick_and_a_name(demo: School) -> None:
    version = actions_policy.current_version(demo)
    with pytest.raises(ActionError, match="tick the box"):
        actions_policy.do_sign_policy(user("teacher"), version, signed_name="Tom", confirmed=False)
    with pytest.raises(ActionError, match="Your full name"):
        actions_policy.do_sign_policy(user("teacher"), version, signed_name=" ", confirmed=True)
    with pytest.raises(NotAllowed):
        actions_policy.do_sign_policy(user("trustadmin"), version, signed_name="Ruth", confirmed=True)


@pytest.mark.parametrize(("typed", "accepted"), [
    ("Tom Bennett", True),
    ("thomas BENNETT", True),
    ("Mr T. Bennétt", True),  # accents and capitals do not matter
    ("x", False),
    ("Tom", False),
    ("Peter Quinn", False),  # a colleague's name is not this signer's signature
    ("Tom Bennettson", False),
])
def test_a_signature_must_carry_the_signers_surname(demo: School, typed: str, accepted: bool) -> None:
    teacher = user("teacher")  # Tom Bennett in the demo school
    version = actions_policy.current_version(demo)
    if accepted:
        assert actions_policy.do_sign_policy(teacher, version, signed_name=typed, confirmed=True).signed_name == typed
    else:
        with pytest.raises(ActionError, match=r"Your full name: type your own name as the school has it \(Tom Bennett\)"):
            actions_policy.do_sign_policy(teacher, version, signed_name=typed, confirmed=True)
        assert not version.acknowledgements.filter(user=teacher).exists()
        assert not AuditRecord.objects.filter(action="policy.signed", actor=teacher).exists()


@pytest.mark.parametrize(("surname", "typed"), [("O'Neill", "Aoife O Neill"), ("O'Neill", "aoife oneill"),
                                                ("Smith-Jones", "Sam Smith Jones"), ("", "Anyone")])
def test_a_surname_may_be_typed_without_its_punctuation(demo: School, surname: str, typed: str) -> None:
    teacher = user("teacher")
    teacher.last_name = surname
    teacher.save()
    version = actions_policy.current_version(demo)
    assert actions_policy.do_sign_policy(teacher, version, signed_name=typed, confirmed=True).signed_name == typed


@pytest.mark.parametrize(("review", "today", "expected"), [
    (dt.date(2027, 9, 1), dt.date(2026, 11, 22), ""),
    (dt.date(2027, 9, 1), dt.date(2027, 8, 1), "the review is due on 01/09/2027"),
    (dt.date(2027, 9, 1), dt.date(2027, 9, 2), "the review was due on 01/09/2027"),
    (None, dt.date(2027, 9, 2), "no review date is set"),
])
def test_review_dates_coming_due(demo: School, review: dt.date | None, today: dt.date, expected: str) -> None:
    version = actions_policy.current_version(demo)
    version.review_date = review
    assert actions_policy.review_due(version, today) == expected


def test_the_headteacher_sees_who_has_not_signed_and_reminds_them(signed_in: Callable[[str], Client],
                                                                   demo: School) -> None:
    client = signed_in("head")
    page = client.get(f"/schools/{demo.pk}/policy").content.decode()
    assert "67% have signed. 2 still to sign." in page
    assert "Tom Bennett" in page and "Peter Quinn" in page
    response = client.post(f"/schools/{demo.pk}/policy", {"action": "remind"})
    assert "Reminders sent to 2 people" in response.content.decode()
    assert Notification.objects.filter(user=user("governor"), text__startswith="Reminder").exists()
    # A member of staff sees the statement and signs it; a second visit shows the signature.
    teacher = signed_in("teacher")
    assert b"id=\"sign\"" in teacher.get(f"/schools/{demo.pk}/policy").content
    assert teacher.post(f"/schools/{demo.pk}/policy", {"action": "sign", "signed_name": "Tom Bennett",
                                                        "confirmed": "yes"}).status_code == 302
    assert b"You signed version 1.0" in teacher.get(f"/schools/{demo.pk}/policy").content


def test_reminder_emails_go_after_the_change_commits(demo: School, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    get_user_model().objects.filter(username="teacher").update(email="t.bennett@oakfield.example")
    with django_capture_on_commit_callbacks(execute=True):
        sent = actions_policy.do_send_policy_reminders(user("head"), demo)
    assert sent == 2
    assert sorted(message.to for message in mail.outbox) == [["p.quinn@kingfishertrust.org.uk"],
                                                              ["t.bennett@oakfield.example"]]
    assert all("version 1.0" in message.body for message in mail.outbox)


def test_signing_when_there_is_no_policy_says_so(signed_in: Callable[[str], Client], demo: School) -> None:
    from safepost.hub.models import Membership

    elm = School.objects.create(name="Elm Tree Academy", directory=demo.directory, trust=demo.trust)
    Membership.objects.create(user=get_user_model().objects.get(username="teacher"), school=elm, role="staff")
    response = signed_in("teacher").post(f"/schools/{elm.pk}/policy",
                                         {"action": "sign", "signed_name": "T Bennett", "confirmed": "yes"})
    assert response.status_code == 400 and b"there is no policy to sign yet" in response.content


# --- walkthrough fixes: impossible document control, every problem at once, typed input kept --

@pytest.mark.parametrize(("fields", "message"), [
    ({"approval_date": "01/01/2030"}, "Approval date: cannot be in the future"),
    ({"approval_date": "01/09/1926", "review_date": "01/09/1927"},
     "Approval date: 01/09/1926 is before 01/01/2000; check the year"),
    ({"version": "0.9"}, "Version: 0.9 is not newer than the current version, 1.0; give the new one a higher number"),
    ({"version": "1"}, "Version: 1 is not newer than the current version, 1.0"),
    ({"version": "v1.0.0"}, "Version: v1.0.0 is not newer than the current version, 1.0"),
    ({"approver": "A" * 201}, "Approved by: at most 200 characters; you entered 201, so shorten it"),
], ids=["future-approval", "approved-1926", "lower-version", "same-version-written-shorter", "same-version-v",
        "long-approver"])
def test_impossible_document_control_is_refused(demo: School, fields: dict[str, str], message: str) -> None:
    values = {"version": "2", "title": "Policy", "approval_date": "01/09/2026", "approver": "LGB",
              "owner": "Head", "review_date": "01/09/2031", "statement": "I agree", **fields}
    with pytest.raises(ActionError, match=message.replace("(", "\\(").replace(")", "\\)")):
        actions_policy.do_publish_policy_version(user("head"), demo, **values)
    assert PolicyVersion.objects.filter(school=demo).count() == 1


@pytest.mark.parametrize(("current", "new", "newer"), [
    ("1.0", "1.1", True), ("1.9", "1.10", True), ("1.0", "2", True), ("v2", "v3", True), ("1.0", "0.9", False),
    ("2.1", "2.1.0", False), ("Spring edition", "0.1", True), ("1.0", "Autumn edition", True),
])
def test_which_versions_are_newer(current: str, new: str, newer: bool) -> None:
    current_key, new_key = actions_policy.version_key(current), actions_policy.version_key(new)
    assert (current_key is None or new_key is None or new_key > current_key) is newer


def test_a_refused_version_names_every_field_and_keeps_what_was_typed(signed_in: Callable[[str], Client],
                                                                      demo: School) -> None:
    response = signed_in("head").post(f"/schools/{demo.pk}/policy", {
        "action": "publish", "version": "0.9", "title": "Social media policy", "approval_date": "01/01/2030",
        "approver": "Full governing body", "owner": "Headteacher", "review_date": "01/09/2031",
        "statement": "I have read it.", "changes": "Adds TikTok"})
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#version">Version: 0.9 is not newer than the current version, 1.0' in page
    assert '<a href="#approval_date">Approval date: cannot be in the future</a>' in page
    assert 'value="Full governing body"' in page and "Adds TikTok</textarea>" in page


def test_signing_without_the_tick_keeps_the_name(signed_in: Callable[[str], Client], demo: School) -> None:
    response = signed_in("teacher").post(f"/schools/{demo.pk}/policy", {"action": "sign", "signed_name": "Tom Bennett"})
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#confirmed">I have read and understood: tick the box to confirm</a>' in page
    assert 'name="signed_name" autocomplete="name" value="Tom Bennett"' in page
    both = signed_in("teacher").post(f"/schools/{demo.pk}/policy", {"action": "sign", "signed_name": " "})
    assert b'<a href="#signed_name">Your full name: enter some text</a>' in both.content
    assert b'<a href="#confirmed">' in both.content


# --- walkthrough fix: the page that asks staff to sign links to the policy they sign ------------

POLICY_LINK = "https://oakfield.sch.uk/policies/social-media-v1.0.pdf"


def test_the_signing_page_links_to_the_version_being_signed(signed_in: Callable[[str], Client], demo: School) -> None:
    version = actions_policy.current_version(demo)
    teacher = signed_in("teacher")
    before = teacher.get(f"/schools/{demo.pk}/policy").content.decode()
    assert "The policy document is not linked here yet. Ask the headteacher for a copy of version 1.0" in before
    head = signed_in("head")
    assert head.post(f"/schools/{demo.pk}/policy", {"action": "link", "current_link": POLICY_LINK}).status_code == 302
    page = teacher.get(f"/schools/{demo.pk}/policy").content.decode()
    assert (f'Before you sign, <a class="govuk-link" href="{POLICY_LINK}" rel="noreferrer noopener" '
            'target="_blank">read version 1.0 of the policy (opens in new tab)</a>') in page
    assert page.index('id="read-before-signing"') < page.index('id="sign"')
    assert f'href="{POLICY_LINK}"' in page.split('id="policy-document"')[1].split("</dd>")[0]
    # Saying where the policy is changes nothing staff signed: nobody is asked again.
    assert {person.username for person in actions_policy.unsigned(demo)} == {"teacher", "governor"}
    record = AuditRecord.objects.get(action="policy.link_set")
    assert record.details == {"version": version.version, "document_link": POLICY_LINK, "before": ""}
    # A signature records which document its signer was shown: the link may change later.
    actions_policy.do_sign_policy(user("teacher"), actions_policy.current_version(demo), signed_name="Tom Bennett",
                                  confirmed=True)
    signed = AuditRecord.objects.get(action="policy.signed", details__signed_name="Tom Bennett")
    assert signed.details["document_link"] == POLICY_LINK


@pytest.mark.parametrize(("link", "message"), [
    ("javascript:alert(1)", "Link to the policy document: enter its web address, starting https://"),
    ("oakfield.sch.uk/policy", "Link to the policy document: enter its web address, starting https://"),
    ("http://oakfield.sch.uk/policy.pdf", "Link to the policy document: enter its web address, starting https://"),
    ("https://oakfield.sch.uk/a policy.pdf", "Link to the policy document: enter its web address"),
    ("https://" + "a" * 500, "Link to the policy document: at most 500 characters"),
])
def test_a_link_that_is_not_a_web_address_is_refused(signed_in: Callable[[str], Client], demo: School,
                                                     link: str, message: str) -> None:
    response = signed_in("head").post(f"/schools/{demo.pk}/policy", {"action": "link", "current_link": link})
    assert response.status_code == 400
    assert f'<a href="#current_link">{message}' in response.content.decode()
    assert actions_policy.current_version(demo).document_link == ""
    with pytest.raises(ActionError, match=message):
        actions_policy.do_publish_policy_version(
            user("head"), demo, version="2", title="Policy", approval_date="01/09/2026", approver="LGB",
            owner="Head", review_date="01/09/2027", statement="I agree", document_link=link)


@pytest.mark.parametrize(("username", "allowed"), [("head", True), ("deputy", False), ("teacher", False)])
def test_who_links_the_policy(demo: School, username: str, allowed: bool) -> None:
    version = actions_policy.current_version(demo)
    if allowed:
        actions_policy.do_set_policy_link(user(username), version, POLICY_LINK)
    else:
        with pytest.raises(NotAllowed):
            actions_policy.do_set_policy_link(user(username), version, POLICY_LINK)
    version.refresh_from_db()
    assert version.document_link == (POLICY_LINK if allowed else "")


def test_a_new_version_carries_its_own_link(demo: School) -> None:
    first = actions_policy.current_version(demo)
    actions_policy.do_set_policy_link(user("head"), first, POLICY_LINK)
    second = actions_policy.do_publish_policy_version(
        user("head"), demo, version="1.1", title=first.title, approval_date="01/11/2026", approver="LGB",
        owner="Headteacher", review_date="01/11/2027", statement=first.statement,
        document_link="https://oakfield.sch.uk/policies/social-media-v1.1.pdf")
    assert second.document_link.endswith("v1.1.pdf")
    with pytest.raises(ActionError, match="not the current version"):
        actions_policy.do_set_policy_link(user("head"), first, POLICY_LINK)


def test_the_signing_form_says_the_name_the_school_has(demo: School, signed_in: Callable[[str], Client]) -> None:
    page = signed_in("teacher").get(f"/schools/{demo.pk}/policy").content.decode()
    assert '<div class="govuk-hint" id="signed_name-hint">As the school has it: Tom Bennett</div>' in page
    response = signed_in("teacher").post(f"/schools/{demo.pk}/policy",
                                         {"action": "sign", "signed_name": "Peter Quinn", "confirmed": "yes"})
    assert response.status_code == 400
    assert "Your full name: type your own name as the school has it (Tom Bennett)" in response.content.decode()

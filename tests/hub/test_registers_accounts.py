"""The official accounts register: cover by at least two administrators, a leaver prompting a
password change, the platform's minimum age against the audience, approvals of accounts and apps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepost.hub import actions_accounts
from safepost.hub.actions import ActionError
from safepost.hub.models import AccountAccess, AuditRecord, Membership, OfficialAccount, School
from safepost.hub.permissions import NotAllowed


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def account(school: School, platform: str) -> OfficialAccount:
    return OfficialAccount.objects.get(school=school, platform=platform)


def test_the_demo_register_shows_what_needs_doing(demo: School) -> None:
    warnings = {item.platform: actions_accounts.warnings(item) for item in demo.accounts.all()}
    assert warnings["x"] == []
    assert "only 1 administrator: at least 2 are needed to cover absence" in warnings["facebook"]
    assert any(w.startswith("change the password: David Okafor no longer has access") for w in warnings["facebook"])
    assert "the platform's minimum age is 13 but the audience includes children aged 10" in warnings["instagram"]
    assert "not approved by the headteacher" in warnings["instagram"]
    assert "connected app not approved: Canva" in warnings["instagram"]
    assert any(w.startswith("review overdue since") for w in warnings["blog"])


def test_a_leaver_loses_access_and_every_account_asks_for_a_new_password(demo: School) -> None:
    head, comms = user("head"), user("comms")
    x = account(demo, "x")
    assert actions_accounts.warnings(x) == []
    affected = actions_accounts.do_record_leaver(head, demo, user_id=comms.pk, left_on="21/11/2026")
    assert sorted(item.platform for item in affected) == ["facebook", "x"]
    x.refresh_from_db()
    assert x.rotation_due == "Sarah Collins left the school (21/11/2026)"
    assert "only 1 administrator: at least 2 are needed to cover absence" in actions_accounts.warnings(x)
    assert not AccountAccess.objects.filter(user=comms, ended_on__isnull=True).exists()
    assert not Membership.objects.filter(user=comms, school=demo).exists()
    record = AuditRecord.objects.get(action="staff.left")
    assert record.details["user"] == "comms" and record.details["roles"] == ["communications"]
    assert head.notifications.filter(text__contains="change the password of").exists()
    assert head.notifications.filter(text__startswith="Fewer than 2 administrators now on").exists()
    # The password is changed (never entered here): the prompt goes.
    actions_accounts.do_record_rotation(head, x, rotated_on="22/11/2026")
    x.refresh_from_db()
    assert x.rotation_due == "" and x.credentials_rotated_on == dt.date(2026, 11, 22)


def test_nobody_records_themselves_as_a_leaver(demo: School) -> None:
    with pytest.raises(ActionError, match="yourself"):
        actions_accounts.do_record_leaver(user("head"), demo, user_id=user("head").pk, left_on="21/11/2026")


@pytest.mark.parametrize(("fields", "message"), [
    ({"platform": "", "handle": "x"}, "Platform: enter some text"),
    ({"platform": "x", "handle": "@OakfieldPrimary"}, "Handle or address: this account is already on the register"),
    ({"platform": "tiktok", "handle": "@oak", "audience_min_age": "ten"}, "Youngest in the audience \\(age\\): 'ten'"),
    ({"platform": "tiktok", "handle": "@oak", "end_date": "31/13/2027"}, "End date: '31/13/2027' is not a date"),
])
def test_bad_account_details_name_the_field(demo: School, fields: dict[str, str], message: str) -> None:
    with pytest.raises(ActionError, match=message):
        actions_accounts.do_create_account(user("comms"), demo, **fields)


def test_a_new_account_needs_the_headteacher(demo: School) -> None:
    comms = user("comms")
    created = actions_accounts.do_create_account(comms, demo, platform="TikTok", handle="@oakfield",
                                                 purpose="Clips of school events", reason="Reach older siblings",
                                                 audience_min_age="11")
    assert created.platform_min_age == 13  # the platform's own terms, filled in
    assert "not approved by the headteacher" in actions_accounts.warnings(created)
    assert user("head").notifications.filter(text__contains="@oakfield (tiktok) needs your approval").exists()
    with pytest.raises(NotAllowed):
        actions_accounts.do_approve_account(comms, created)
    actions_accounts.do_approve_account(user("head"), created)
    assert "not approved by the headteacher" not in actions_accounts.warnings(created)


def test_two_administrators_make_cover(demo: School) -> None:
    facebook = account(demo, "facebook")
    actions_accounts.do_grant_access(user("comms"), facebook, user_id=user("head").pk, role="administrator")
    assert not any("administrator" in warning for warning in actions_accounts.warnings(facebook))
    with pytest.raises(ActionError, match="already has access"):
        actions_accounts.do_grant_access(user("comms"), facebook, user_id=user("head").pk, role="authorised")
    with pytest.raises(ActionError, match="Person: choose someone"):
        actions_accounts.do_grant_access(user("comms"), facebook, user_id=user("trustadmin").pk, role="authorised")


def test_no_password_field_anywhere(signed_in: Callable[[str], Client], demo: School) -> None:
    page = signed_in("head").get(f"/schools/{demo.pk}/accounts/{account(demo, 'x').pk}").content.decode()
    assert 'type="password"' not in page and "Password last changed" in page
    stored = [field.name for model in (OfficialAccount, AccountAccess) for field in model._meta.get_fields()]
    assert not [name for name in stored if "password" in name or "secret" in name]


def test_leaver_form_names_the_field(signed_in: Callable[[str], Client], demo: School) -> None:
    response = signed_in("head").post(f"/schools/{demo.pk}/accounts/", {"user_id": "", "left_on": "21/11/2026"})
    assert response.status_code == 400 and b"Person: choose someone from the list" in response.content


# --- review fixes: who records a leaver, ids in forms ----------------------------------------

LEAVER_RECORDERS = {"head": True, "trustadmin": True, "deputy": False, "comms": False, "dsl": False,
                    "teacher": False, "governor": False}


@pytest.mark.parametrize(("actor", "allowed"), LEAVER_RECORDERS.items())
def test_only_the_headteacher_or_the_trust_records_a_leaver(demo: School, actor: str, allowed: bool) -> None:
    """Recording a leaver ends every role the person has: communications cannot remove the head."""
    leaver = user("head") if actor != "head" else user("dsl")
    before = AuditRecord.objects.count()
    if allowed:
        actions_accounts.do_record_leaver(user(actor), demo, user_id=leaver.pk, left_on="21/11/2026")
        assert not Membership.objects.filter(user=leaver, school=demo).exists()
        assert AuditRecord.objects.filter(action="staff.left").exists()
    else:
        with pytest.raises(NotAllowed):
            actions_accounts.do_record_leaver(user(actor), demo, user_id=leaver.pk, left_on="21/11/2026")
        assert Membership.objects.filter(user=leaver, school=demo).exists()
        assert AuditRecord.objects.count() == before


@pytest.mark.parametrize(("username", "shown"), [("head", True), ("comms", False), ("deputy", False)])
def test_the_leaver_form_is_for_the_headteacher(signed_in: Callable[[str], Client], demo: School,
                                                username: str, shown: bool) -> None:
    page = signed_in(username).get(f"/schools/{demo.pk}/accounts/").content.decode()
    assert ('id="record-leaver"' in page) is shown


@pytest.mark.parametrize(("action", "field", "value"), [
    ("end-access", "access", "abc"),
    ("end-access", "access", ""),
    ("approve-app", "app", "1 OR 1=1"),
])
def test_a_bad_id_in_an_account_form_names_the_field(signed_in: Callable[[str], Client], demo: School,
                                                     action: str, field: str, value: str) -> None:
    url = f"/schools/{demo.pk}/accounts/{account(demo, 'x').pk}"
    response = signed_in("head").post(url, {"action": action, field: value})
    assert response.status_code == 400
    assert f"{field.capitalize()}: choose one from the list".encode() in response.content


def test_an_unknown_id_in_an_account_form_is_not_found(signed_in: Callable[[str], Client], demo: School) -> None:
    url = f"/schools/{demo.pk}/accounts/{account(demo, 'x').pk}"
    assert signed_in("head").post(url, {"action": "end-access", "access": "999999"}).status_code == 404


# --- walkthrough fixes: impossible dates, a leaver in the future, typed input kept ------------

@pytest.mark.parametrize(("fields", "message"), [
    ({"evaluated_on": "01/01/2099"}, "Evaluated on: cannot be in the future"),
    ({"evaluated_on": "01/01/1999"}, "Evaluated on: 01/01/1999 is before 01/01/2000; check the year"),
    ({"review_date": "01/09/1927"}, "Review date: 01/09/1927 is before 01/01/2000; check the year"),
    ({"purpose": "p" * 5001}, "Purpose: at most 5,000 characters; you entered 5,001, so shorten it"),
    ({"audience": "a" * 201}, "Who it is for: at most 200 characters; you entered 201, so shorten it"),
], ids=["evaluated-2099", "evaluated-1999", "review-1927", "long-purpose", "long-audience"])
def test_impossible_account_details_are_refused(demo: School, fields: dict[str, str], message: str) -> None:
    x = account(demo, "x")
    before = (x.evaluated_on, x.review_date, x.purpose, x.audience)
    with pytest.raises(ActionError) as refused:
        actions_accounts.do_update_account(user("comms"), x, **fields)
    assert str(refused.value) == message
    x.refresh_from_db()
    assert (x.evaluated_on, x.review_date, x.purpose, x.audience) == before


def test_a_refused_account_record_keeps_what_was_typed(signed_in: Callable[[str], Client], demo: School) -> None:
    x = account(demo, "x")
    form = {"action": "details", "purpose": "News for families", "reason": "Reach parents",
            "audience": "Parents", "house_rules": "Be kind", "exit_strategy": "Close it",
            "end_date": "31/08/2028", "review_date": "01/09/2027", "evaluation": "Going well",
            "evaluated_on": "01/01/2099", "audience_min_age": "eighteen", "platform_min_age": "13"}
    response = signed_in("comms").post(f"/schools/{demo.pk}/accounts/{x.pk}", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#evaluated_on">Evaluated on: cannot be in the future</a>' in page
    assert '<a href="#audience_min_age">Youngest in the audience (age): &#x27;eighteen&#x27;' in page
    assert 'value="01/01/2099"' in page and "Going well</textarea>" in page and 'value="eighteen"' in page
    x.refresh_from_db()
    assert x.evaluation == "Well used: 640 followers"


@pytest.mark.parametrize("left_on", ["01/01/2030", "tomorrow"])
def test_a_leaving_date_in_the_future_is_refused(signed_in: Callable[[str], Client], demo: School,
                                                 left_on: str) -> None:
    from safepost.hub.registers_common import today

    comms = user("comms")
    day = (today() + dt.timedelta(days=1)).strftime("%d/%m/%Y") if left_on == "tomorrow" else left_on
    response = signed_in("head").post(f"/schools/{demo.pk}/accounts/", {"user_id": comms.pk, "left_on": day})
    page = response.content.decode()
    assert response.status_code == 400
    assert (f'<a href="#left_on">Date they left: {day} is in the future; their access ends as soon as this is '
            "recorded, so record it on or after the day they leave</a>") in page
    assert Membership.objects.filter(user=comms, school=demo).exists()
    assert AccountAccess.objects.filter(user=comms, ended_on__isnull=True).exists()
    assert not AuditRecord.objects.filter(action="staff.left").exists()
    assert f'<option value="{comms.pk}" selected>' in page and f'value="{day}"' in page


def test_a_leaver_today_is_recorded(demo: School) -> None:
    from safepost.hub.registers_common import today

    actions_accounts.do_record_leaver(user("head"), demo, user_id=user("comms").pk, left_on=today())
    assert not Membership.objects.filter(user=user("comms"), school=demo).exists()


def test_a_new_account_names_every_problem(signed_in: Callable[[str], Client], demo: School) -> None:
    response = signed_in("comms").post(f"/schools/{demo.pk}/accounts/new", {
        "platform": "", "handle": "", "platform_min_age": "old", "evaluated_on": "01/01/2099"})
    page = response.content.decode()
    assert response.status_code == 400
    for field, message in [("platform", "Platform: enter some text"), ("handle", "Handle or address: enter some text"),
                           ("platform_min_age", "Platform&#x27;s minimum age: &#x27;old&#x27;"),
                           ("evaluated_on", "Evaluated on: cannot be in the future")]:
        assert f'<a href="#{field}">{message}' in page, message


# --- walkthrough fix: "only 0 administrators" -----------------------------------------------

@pytest.mark.parametrize(("admins", "warning"), [
    (0, "no administrators: at least 2 are needed to cover absence"),
    (1, "only 1 administrator: at least 2 are needed to cover absence"),
    (2, None),
])
def test_too_few_administrators_is_said_in_plain_words(demo: School, admins: int, warning: str | None) -> None:
    made = actions_accounts.do_create_account(user("comms"), demo, platform="tiktok", handle="@oakfield_tt")
    for person in ("head", "comms")[:admins]:
        actions_accounts.do_grant_access(user("head"), made, user_id=user(person).pk, role="administrator")
    about_cover = [item for item in actions_accounts.warnings(made) if "administrator" in item]
    assert about_cover == ([warning] if warning else [])
    assert not [item for item in about_cover if "only 0" in item]


ACCOUNT_FORM = {"purpose": "Clubs news", "reason": "Parents asked", "audience": "", "house_rules": "",
                "exit_strategy": "", "evaluation": "", "end_date": "", "review_date": "",
                "evaluated_on": "", "audience_min_age": "10"}


def test_an_account_added_on_the_form_with_the_age_box_empty_gets_the_platforms_minimum_age(
    signed_in: Callable[[str], Client], demo: School,
) -> None:
    form = {**ACCOUNT_FORM, "platform": "tiktok", "handle": "@oak_tt", "platform_min_age": ""}
    response = signed_in("comms").post(f"/schools/{demo.pk}/accounts/new", form)
    assert response.status_code == 302
    added = OfficialAccount.objects.get(school=demo, handle="@oak_tt")
    assert added.platform_min_age == 13
    assert "the platform's minimum age is 13 but the audience includes children aged 10" in (
        actions_accounts.warnings(added))
    # Emptying the box later puts the platform's own minimum back, not "no minimum".
    actions_accounts.do_update_account(user("comms"), added, platform_min_age="")
    added.refresh_from_db()
    assert added.platform_min_age == 13


def test_a_password_change_dated_before_the_leaver_left_does_not_clear_the_prompt(demo: School) -> None:
    head, comms = user("head"), user("comms")
    x = account(demo, "x")
    actions_accounts.do_record_leaver(head, demo, user_id=comms.pk, left_on=dt.date.today())
    with pytest.raises(ActionError, match="Date the password was changed: 01/01/2020 is before access last ended"):
        actions_accounts.do_record_rotation(head, account(demo, "x"), rotated_on="01/01/2020")
    x.refresh_from_db()
    assert x.rotation_due
    actions_accounts.do_record_rotation(head, x, rotated_on=dt.date.today().strftime("%d/%m/%Y"))
    x.refresh_from_db()
    assert x.rotation_due == ""


@pytest.mark.parametrize("person", ["9" * 25, "-1", "²", ""])
def test_a_person_who_is_no_one_is_a_fields_error_not_a_server_error(
    signed_in: Callable[[str], Client], demo: School, person: str,
) -> None:
    client = signed_in("head")
    x = account(demo, "x")
    grant = client.post(f"/schools/{demo.pk}/accounts/{x.pk}",
                        {"action": "grant", "user_id": person, "role": "administrator"})
    leaver = client.post(f"/schools/{demo.pk}/accounts/", {"user_id": person, "left_on": "01/11/2026"})
    for response in (grant, leaver):
        assert response.status_code in (200, 400)
        assert "choose someone from the list" in response.content.decode()


def test_an_account_approved_twice_at_once_is_approved_once(demo: School) -> None:
    head = user("head")
    first, second = account(demo, "instagram"), account(demo, "instagram")
    first.purpose = second.purpose = first.purpose or "Clubs"
    first.reason = second.reason = first.reason or "Parents asked"
    OfficialAccount.objects.filter(pk=first.pk).update(purpose=first.purpose, reason=first.reason)
    actions_accounts.do_approve_account(head, first)
    with pytest.raises(ActionError, match="already approved"):
        actions_accounts.do_approve_account(head, second)  # read before the first approval
    assert AuditRecord.objects.filter(action="account.approved", target_id=str(first.pk)).count() == 1


def test_a_leavers_approved_contact_with_a_pupil_ends_with_their_job(demo: School) -> None:
    from safepost.hub.actions_contact import is_open
    from safepost.hub.models import ApprovedContact

    contact = ApprovedContact.objects.get(school=demo, staff__username="deputy")
    assert is_open(contact)
    actions_accounts.do_record_leaver(user("head"), demo, user_id=user("deputy").pk, left_on=dt.date.today())
    contact.refresh_from_db()
    assert contact.ended_on == dt.date.today() and not is_open(contact)
    assert AuditRecord.objects.filter(action="contact.ended", target_id=str(contact.pk)).exists()

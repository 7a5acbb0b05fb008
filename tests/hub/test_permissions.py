"""Every role against every page and API call: who may see and do what."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from safepost.hub.models import Draft, DraftStatus, School
from safepost.hub.registers_common import today
from tests.hub.conftest import ROLE_USERS

ROLES = list(ROLE_USERS)
COMPOSERS = {"headteacher", "slt", "dsl", "staff", "communications"}
AUDITORS = {"headteacher", "trust_admin"}
APPROVERS = {"headteacher"}  # the demo school's pack extends TPAT: the Headteacher approves


def _waiting(demo: School) -> Draft:
    return Draft.objects.get(school=demo, status=DraftStatus.SUBMITTED)


PAGES: list[tuple[str, str, Callable[[str], bool]]] = [
    ("GET", "/", lambda role: True),
    ("GET", "/self-check", lambda role: True),
    ("GET", "/account/api-token", lambda role: True),
    ("GET", "/schools/{school}/compose", lambda role: role in COMPOSERS),
    ("POST", "/schools/{school}/check", lambda role: role in COMPOSERS),
    ("GET", "/schools/{school}/audit", lambda role: role in AUDITORS),
    ("GET", "/schools/{school}/audit?format=csv", lambda role: role in AUDITORS),
    ("POST", "/schools/{school}/crisis-lock", lambda role: role in AUDITORS),
    ("GET", "/drafts/{waiting}/", lambda role: role in {"headteacher", "slt", "trust_admin", "communications"}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "allowed"), PAGES, ids=[f"{m} {p}" for m, p, _ in PAGES])
def test_pages_by_role(signed_in: Callable[[str], Client], demo: School, role: str, method: str,
                       path: str, allowed: Callable[[str], bool]) -> None:
    client = signed_in(ROLE_USERS[role])
    url = path.format(school=demo.pk, waiting=_waiting(demo).pk)
    response = client.get(url) if method == "GET" else client.post(url, {"text": "Hello", "on": "1"})
    if allowed(role):
        assert response.status_code in (200, 302), (role, url, response.status_code)
    else:
        assert response.status_code in (403, 404), (role, url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_approving_by_role(signed_in: Callable[[str], Client], demo: School, role: str) -> None:
    draft = _waiting(demo)
    response = signed_in(ROLE_USERS[role]).post(f"/drafts/{draft.pk}/", {"action": "approve"})
    draft.refresh_from_db()
    if role in APPROVERS:
        assert response.status_code == 302
        assert draft.status == DraftStatus.APPROVED
    else:
        assert response.status_code in (403, 404)
        assert draft.status == DraftStatus.SUBMITTED


API_CALLS: list[tuple[str, str, Callable[[str], bool]]] = [
    ("POST", "/api/check", lambda role: True),
    ("GET", "/api/drafts", lambda role: True),
    ("POST", "/api/drafts", lambda role: role in COMPOSERS),
    ("POST", "/api/drafts/{waiting}/approve", lambda role: role in APPROVERS),
    ("POST", "/api/drafts/{waiting}/return", lambda role: role in APPROVERS),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "allowed"), API_CALLS, ids=[f"{m} {p}" for m, p, _ in API_CALLS])
def test_api_by_role(signed_in: Callable[[str], Client], demo: School, role: str, method: str,
                     path: str, allowed: Callable[[str], bool]) -> None:
    client = signed_in(ROLE_USERS[role])
    url = path.format(waiting=_waiting(demo).pk)
    body = {"id": "p1", "text": "Sports day is on Friday", "school": demo.pk, "comment": "please change"}
    response = (client.get(url) if method == "GET"
                else client.post(url + f"?school={demo.pk}", body, content_type="application/json"))
    if allowed(role):
        assert response.status_code in (200, 201), (role, url, response.status_code, response.content)
    else:
        assert response.status_code in (403, 404), (role, url, response.status_code)


@pytest.mark.parametrize("path", ["/", "/self-check", "/schools/1/compose", "/api/drafts"])
def test_signed_out_is_sent_to_sign_in(db, path: str) -> None:  # type: ignore[no-untyped-def]
    response = Client().get(path)
    assert response.status_code in (302, 401, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/login")


# --- the registers (issue #6) ------------------------------------------------------------------

SCHOOL_ROLES = set(ROLES) - {"trust_admin"}
CONSENT_VIEWERS = {"headteacher", "slt", "dsl", "communications"}
CONSENT_MANAGERS = {"headteacher", "dsl", "communications"}
ACCOUNT_VIEWERS = {"headteacher", "slt", "dsl", "communications", "trust_admin"}
ACCOUNT_MANAGERS = {"headteacher", "slt", "communications"}
CASE_HANDLERS = {"headteacher", "dsl"}
DASHBOARD = {"headteacher", "trust_admin"}
MODERATORS = {"headteacher", "slt", "dsl", "communications"}
SCHOOL_DAY_MANAGERS = {"headteacher", "trust_admin"}


def _places(demo: School) -> dict[str, object]:
    """The demo's records each row of the table points at (made the way real use makes them)."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from safepost.hub import actions, actions_cases, actions_consent
    from safepost.hub.models import ApprovedContact, Case, RegisterPupil

    users = get_user_model().objects
    staged = actions_consent.do_stage_consent_import(users.get(username="comms"), demo, "x.csv",
                                                     b"UPN,Forename,Surname\nP1001,Amelia,Hartley\n")
    case = Case.objects.filter(school=demo).order_by("pk").first()
    attachment = actions_cases.do_add_case_attachment(users.get(username="dsl"), case,
                                                      SimpleUploadedFile("note.txt", b"notes"))
    escalating = actions.do_create_draft(users.get(username="teacher"), demo, account=None, pupils=[],
                                         text="Don't tell your mum, this is our little secret. Message me on snap")
    return {
        "school": demo.pk, "pupil": RegisterPupil.objects.get(school=demo, pupil_id="P1001").pk,
        "import": staged.pk, "account": demo.accounts.get(platform="x").pk,
        "instagram": demo.accounts.get(platform="instagram").pk, "case": case.pk, "attachment": attachment.pk,
        "escalating": escalating.pk, "approved": ApprovedContact.objects.filter(school=demo).first().pk,
    }


def _csv() -> dict[str, object]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("mis.csv", b"UPN,Forename,Surname\nP1001,Amelia,Hartley\n")}


REGISTER_PAGES: list[tuple[str, str, Callable[[str], bool], Callable[[], dict[str, object]] | None]] = [
    ("GET", "/schools/{school}/consent/", lambda role: role in CONSENT_VIEWERS, None),
    ("GET", "/schools/{school}/consent/pupils/{pupil}", lambda role: role in CONSENT_VIEWERS, None),
    ("POST", "/schools/{school}/consent/pupils/{pupil}", lambda role: role in CONSENT_MANAGERS,
     lambda: {"kind": "name", "given": "yes", "date": "01/09/2026", "source": "form"}),
    ("POST", "/schools/{school}/consent/start", lambda role: role in CONSENT_MANAGERS, lambda: {}),
    ("GET", "/schools/{school}/consent/takedowns", lambda role: role in CONSENT_VIEWERS, None),
    ("GET", "/schools/{school}/consent/import", lambda role: role in CONSENT_MANAGERS, None),
    ("POST", "/schools/{school}/consent/import", lambda role: role in CONSENT_MANAGERS, _csv),
    ("GET", "/schools/{school}/consent/import/{import}", lambda role: role in CONSENT_MANAGERS, None),
    ("POST", "/schools/{school}/consent/import/{import}", lambda role: role in CONSENT_MANAGERS,
     lambda: {"map_pupil_id": "UPN", "map_first_name": "Forename", "map_last_name": "Surname"}),
    ("GET", "/schools/{school}/policy", lambda role: True, None),
    ("POST", "/schools/{school}/policy", lambda role: role in DASHBOARD, lambda: {"action": "remind"}),
    # School days: everyone reads them; the headteacher and the trust set them.
    ("GET", "/schools/{school}/school-days", lambda role: True, None),
    ("POST", "/schools/{school}/school-days", lambda role: role in SCHOOL_DAY_MANAGERS,
     lambda: {"action": "inset", "date": "05/01/2026", "name": "Training"}),
    ("POST", "/schools/{school}/school-days", lambda role: role in SCHOOL_DAY_MANAGERS,
     lambda: {"action": "holiday", "first_day": "17/02/2026", "last_day": "20/02/2026", "name": "Half term"}),
    ("POST", "/schools/{school}/school-days", lambda role: role in SCHOOL_DAY_MANAGERS, lambda: _school_day()),
    ("GET", "/schools/{school}/accounts/", lambda role: role in ACCOUNT_VIEWERS, None),
    ("GET", "/schools/{school}/accounts/{account}", lambda role: role in ACCOUNT_VIEWERS, None),
    ("POST", "/schools/{school}/accounts/{account}", lambda role: role in ACCOUNT_MANAGERS,
     lambda: {"action": "rotated", "rotated_on": "01/11/2026"}),
    ("POST", "/schools/{school}/accounts/{instagram}", lambda role: role == "headteacher",
     lambda: {"action": "approve"}),
    ("GET", "/schools/{school}/accounts/new", lambda role: role in ACCOUNT_MANAGERS, None),
    ("POST", "/schools/{school}/accounts/new", lambda role: role in ACCOUNT_MANAGERS,
     lambda: {"platform": "youtube", "handle": "OakfieldTV"}),
    ("GET", "/schools/{school}/concerns/new", lambda role: role in SCHOOL_ROLES, None),
    ("POST", "/schools/{school}/concerns/new", lambda role: role in SCHOOL_ROLES,
     lambda: {"title": "A worry", "description": "What I saw"}),
    ("GET", "/schools/{school}/cases/", lambda role: role in CASE_HANDLERS, None),
    ("GET", "/cases/{case}", lambda role: role in CASE_HANDLERS, None),
    ("POST", "/cases/{case}", lambda role: role in CASE_HANDLERS, lambda: {"action": "note", "note": "Called"}),
    ("GET", "/cases/{case}/attachments/{attachment}", lambda role: role in CASE_HANDLERS, None),
    # The draft was never submitted: it is its author's own (the teacher's) until a case is opened.
    ("POST", "/drafts/{escalating}/open-case", lambda role: role == "staff", lambda: {}),
    ("GET", "/schools/{school}/contact/", lambda role: role in SCHOOL_ROLES, None),
    ("POST", "/schools/{school}/contact/", lambda role: role in SCHOOL_ROLES,
     lambda: {"action": "log", "who": "parent", "what": "message", "happened_on": "01/11/2026"}),
    ("GET", "/contact/approved/{approved}", lambda role: role in {"headteacher", "dsl", "slt"}, None),
    ("POST", "/contact/approved/{approved}", lambda role: role in {"headteacher", "slt"},
     # The demo's contact is approved on the day the demo is made: its log starts then.
     lambda: {"action": "log", "happened_on": today().strftime("%d/%m/%Y"), "summary": "Kit list"}),
    ("GET", "/schools/{school}/dashboard", lambda role: role in DASHBOARD, None),
    ("GET", "/schools/{school}/dashboard?format=csv", lambda role: role in DASHBOARD, None),
    ("GET", "/schools/{school}/dashboard?format=pdf", lambda role: role in DASHBOARD, None),
    ("GET", "/dashboard", lambda role: role in DASHBOARD, None),
    ("GET", "/schools/{school}/subject-access", lambda role: role == "headteacher", None),
    ("POST", "/schools/{school}/subject-access", lambda role: role == "headteacher", lambda: {"pupil_id": "P1001"}),
    ("GET", "/account/email", lambda role: True, None),
    ("POST", "/account/email", lambda role: True, lambda: {"digest": "yes"}),
    # Writes the review found missing from this table.
    ("POST", "/schools/{school}/accounts/", lambda role: role in DASHBOARD, lambda: _leaver()),
    ("POST", "/schools/{school}/consent/takedowns", lambda role: role in CONSENT_MANAGERS, lambda: _takedown()),
    ("POST", "/schools/{school}/policy", lambda role: role in SCHOOL_ROLES, lambda: _new_version_to_sign()),
    ("POST", "/schools/{school}/policy", lambda role: role in DASHBOARD, lambda: _version()),
    ("POST", "/cases/{case}", lambda role: role in CASE_HANDLERS, lambda: _attachment()),
    ("POST", "/cases/{case}", lambda role: role in CASE_HANDLERS,
     lambda: {"action": "triage", "status": "investigating", "triage": "Conduct"}),
    ("POST", "/cases/{case}", lambda role: role in CASE_HANDLERS, lambda: {"action": "share", "user_id": _pk("teacher")}),
    ("POST", "/cases/{case}", lambda role: role in CASE_HANDLERS,
     lambda: {"action": "close", "outcome": "advice", "outcome_on": "01/11/2026", "outcome_note": "Advice given"}),
    ("POST", "/schools/{school}/contact/", lambda role: role == "headteacher", lambda: _approval()),
    ("POST", "/contact/approved/{approved}", lambda role: role in {"headteacher", "slt"}, lambda: {"action": "end"}),
    # Comments on the school's pages: the moderators; one with the DSL is decided by the case handlers.
    ("GET", "/schools/{school}/comments", lambda role: role in MODERATORS, None),
    ("GET", "/schools/{school}/comments?status=new", lambda role: role in MODERATORS, None),
    ("POST", "/schools/{school}/comments", lambda role: role in MODERATORS, lambda: _record_comment()),
    ("GET", "/comments/{comment}", lambda role: role in MODERATORS, None),
    ("POST", "/comments/{comment}", lambda role: role in MODERATORS,
     lambda: {"action": "hide", "note": "Names a pupil in full"}),
    ("GET", "/comments/{escalated}", lambda role: role in MODERATORS, None),
    ("POST", "/comments/{escalated}", lambda role: role in CASE_HANDLERS,
     lambda: {"action": "hide", "note": "A disclosure: hidden, with the DSL"}),
]


def _comment_places(demo: School, path: str) -> dict[str, object]:
    """The demo's comment naming a pupil; a comment with the DSL only where the row needs one
    (recording it runs the check and opens a case)."""
    from django.contrib.auth import get_user_model

    from safepost.hub import actions_comments
    from safepost.hub.models import PageComment

    places: dict[str, object] = {
        "comment": PageComment.objects.get(school=demo, text__startswith="So proud of Amelia").pk,
    }
    if "{escalated}" in path:
        places["escalated"] = actions_comments.do_record_comment(
            get_user_model().objects.get(username="comms"), demo, account=demo.accounts.get(platform="facebook"),
            commenter_kind="pupil", text="miss i dont want to go home tonight, mums boyfriend hits me").pk
    return places


def _record_comment() -> dict[str, object]:
    from safepost.hub.models import OfficialAccount

    return {"account": OfficialAccount.objects.get(platform="x").pk, "commenter_kind": "parent",
            "text": "Lovely photos, thank you!"}


def _pk(username: str) -> int:
    from django.contrib.auth import get_user_model

    return int(get_user_model().objects.get(username=username).pk)


def _leaver() -> dict[str, object]:
    return {"user_id": _pk("governor"), "left_on": "01/11/2026"}


def _school_day() -> dict[str, object]:
    """An INSET day the headteacher set, to remove."""
    from django.contrib.auth import get_user_model

    from safepost.hub import actions_calendar
    from safepost.hub.models import School

    head = get_user_model().objects.get(username="head")
    school = School.objects.get(memberships__user=head)
    row = actions_calendar.do_add_inset_day(head, school, date="06/01/2026")
    return {"action": "remove", "school_day": row.pk}


def _takedown() -> dict[str, object]:
    from safepost.hub.models import TakedownTask

    return {"task": TakedownTask.objects.filter(done_at__isnull=True).first().pk, "note": "Deleted"}  # type: ignore[union-attr]


SIGNERS_OWN_NAME = "<the signer's own name>"


def _new_version_to_sign() -> dict[str, object]:
    """A new version everyone must sign (published before the audit records are counted)."""
    from django.contrib.auth import get_user_model

    from safepost.hub import actions_policy
    from safepost.hub.models import School

    head = get_user_model().objects.get(username="head")
    school = School.objects.get(memberships__user=head)
    fields = {key: value for key, value in _version().items() if key != "action"}
    actions_policy.do_publish_policy_version(head, school, **fields)
    # The signer's own name is filled in by the test: a signature must carry their surname.
    return {"action": "sign", "signed_name": SIGNERS_OWN_NAME, "confirmed": "yes"}


def _version() -> dict[str, str]:
    return {"action": "publish", "version": "9.0", "title": "Social media policy", "approval_date": "01/11/2026",
            "approver": "Governors", "owner": "Headteacher", "review_date": "01/11/2027",
            "statement": "I have read and understood the policy.", "changes": ""}


def _attachment() -> dict[str, object]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"action": "attach", "attachment": SimpleUploadedFile("more.txt", b"more notes")}


def _approval() -> dict[str, object]:
    import datetime as dt

    from safepost.hub.models import RegisterPupil
    from safepost.hub.registers_common import today

    return {"action": "approve", "staff_id": _pk("teacher"), "pupil": RegisterPupil.objects.get(pupil_id="P1022").pk,
            "purpose": "Trip updates", "channel": "School app",
            "ends_on": (today() + dt.timedelta(days=10)).strftime("%d/%m/%Y"),
            "parental_consent_on": (today() - dt.timedelta(days=1)).strftime("%d/%m/%Y")}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "allowed", "body"), REGISTER_PAGES,
                         ids=[f"{m} {p}" for m, p, _, _ in REGISTER_PAGES])
def test_register_pages_by_role(signed_in: Callable[[str], Client], demo: School, role: str, method: str,
                                path: str, allowed: Callable[[str], bool],
                                body: Callable[[], dict[str, object]] | None) -> None:
    from safepost.hub.models import AuditRecord

    client = signed_in(ROLE_USERS[role])
    url = path.format(**_places(demo), **_comment_places(demo, path))
    payload = body() if body else {}  # made (and any setting up audited) before counting
    if payload.get("signed_name") == SIGNERS_OWN_NAME:
        from django.contrib.auth import get_user_model

        payload["signed_name"] = get_user_model().objects.get(username=ROLE_USERS[role]).get_full_name()
    records = AuditRecord.objects.count()
    response = client.get(url) if method == "GET" else client.post(url, payload)
    if allowed(role):
        assert response.status_code in (200, 302), (role, url, response.status_code)
        if method == "POST":  # every change, and every export, leaves its audit record
            assert AuditRecord.objects.count() > records, (role, url)
    else:
        assert response.status_code in (403, 404), (role, url, response.status_code)
        assert AuditRecord.objects.count() == records, (role, url)


REGISTER_API_CALLS: list[tuple[str, str, Callable[[str], bool], dict[str, object] | None]] = [
    ("GET", "/api/schools/{school}/consent", lambda role: role in CONSENT_VIEWERS, None),
    ("POST", "/api/schools/{school}/consent/P1001", lambda role: role in CONSENT_MANAGERS,
     {"kind": "photo", "given": False, "date": "2026-11-20", "source": "email from parent"}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "allowed", "body"), REGISTER_API_CALLS,
                         ids=[f"{m} {p}" for m, p, _, _ in REGISTER_API_CALLS])
def test_register_api_by_role(signed_in: Callable[[str], Client], demo: School, role: str, method: str,
                              path: str, allowed: Callable[[str], bool], body: dict[str, object] | None) -> None:
    from safepost.hub.models import RegisterPupil

    client = signed_in(ROLE_USERS[role])
    url = path.format(school=demo.pk)
    response = client.get(url) if method == "GET" else client.post(url, body, content_type="application/json")
    amelia = RegisterPupil.objects.get(school=demo, pupil_id="P1001")
    if allowed(role):
        assert response.status_code in (200, 201), (role, url, response.status_code, response.content)
        if method == "POST":
            assert amelia.photo_consent is False
    else:
        assert response.status_code in (403, 404), (role, url, response.status_code)
        assert amelia.photo_consent is True


COMMENT_API_CALLS: list[tuple[str, str, Callable[[str], bool]]] = [
    ("GET", "/api/schools/{school}/comments", lambda role: role in MODERATORS),
    ("POST", "/api/schools/{school}/comments", lambda role: role in MODERATORS),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "allowed"), COMMENT_API_CALLS,
                         ids=[f"{m} {p}" for m, p, _ in COMMENT_API_CALLS])
def test_comment_api_by_role(signed_in: Callable[[str], Client], demo: School, role: str, method: str,
                             path: str, allowed: Callable[[str], bool]) -> None:
    from safepost.hub.models import PageComment

    client = signed_in(ROLE_USERS[role])
    url = path.format(school=demo.pk)
    before = PageComment.objects.count()
    response = (client.get(url) if method == "GET"
                else client.post(url, _record_comment(), content_type="application/json"))
    if allowed(role):
        assert response.status_code in (200, 201), (role, url, response.status_code, response.content)
    else:
        assert response.status_code in (403, 404), (role, url, response.status_code)
    assert PageComment.objects.count() == before + (method == "POST" and allowed(role))


# --- who sees a post: its page and the API agree (permissions.can_view_draft) -------------------

POST_READERS = {"headteacher", "slt", "trust_admin"}  # approvers and the audit's readers


def _posts(demo: School) -> dict[str, Draft]:
    """A never-submitted draft; one the DSL reaches from the take-down list; one from a case."""
    from django.contrib.auth import get_user_model

    from safepost.hub import actions, actions_cases

    teacher = get_user_model().objects.get(username="teacher")
    escalating = actions.do_create_draft(teacher, demo, account=None, pupils=[],
                                         text="Don't tell your mum, this is our little secret. Message me on snap")
    actions_cases.do_open_case_from_draft(teacher, escalating)
    return {
        "unsubmitted": Draft.objects.get(school=demo, author=teacher, status=DraftStatus.DRAFT,
                                         text__startswith="Huge well done"),
        "taken_down": Draft.objects.get(school=demo, takedown_tasks__isnull=False, status=DraftStatus.PUBLISHED),
        "case": escalating,
    }


POST_VIEWS: list[tuple[str, Callable[[str], bool]]] = [
    ("unsubmitted", lambda role: role == "staff"),  # the author's own, the trust's admin included
    ("taken_down", lambda role: role in POST_READERS | {"communications", "dsl", "headteacher"}),
    ("case", lambda role: role in {"staff", "headteacher", "dsl"}),  # the author and the case's readers
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("post", "allowed"), POST_VIEWS, ids=[post for post, _ in POST_VIEWS])
def test_who_sees_a_post_on_its_page_and_over_the_api(signed_in: Callable[[str], Client], demo: School,
                                                      role: str, post: str, allowed: Callable[[str], bool]) -> None:
    draft = _posts(demo)[post]
    client = signed_in(ROLE_USERS[role])
    page, api = client.get(f"/drafts/{draft.pk}/"), client.get(f"/api/drafts/{draft.pk}")
    expected = 200 if allowed(role) else 404
    assert (page.status_code, api.status_code) == (expected, expected), (role, post)
    if expected == 404:
        assert b"Page not found" in page.content  # the hub's own page, with its header


@pytest.mark.parametrize("role", ["dsl", "communications", "slt"])
def test_the_takedown_list_links_to_a_post_they_can_open(signed_in: Callable[[str], Client], demo: School,
                                                         role: str) -> None:
    draft = _posts(demo)["taken_down"]
    client = signed_in(ROLE_USERS[role])
    listing = client.get(f"/schools/{demo.pk}/consent/takedowns").content.decode()
    assert f'href="/drafts/{draft.pk}/"' in listing
    assert client.get(f"/drafts/{draft.pk}/").status_code == 200


def test_the_case_links_to_its_post_for_the_dsl(signed_in: Callable[[str], Client], demo: School) -> None:
    from safepost.hub.models import Case

    draft = _posts(demo)["case"]
    case = Case.objects.get(draft=draft)
    client = signed_in("dsl")
    assert f'href="/drafts/{draft.pk}/"' in client.get(f"/cases/{case.pk}").content.decode()
    assert client.get(f"/drafts/{draft.pk}/").status_code == 200


HEAD_POST_APPROVERS = {"slt", "trust_admin"}  # a deputy or senior leader, or the trust admin


@pytest.mark.parametrize("role", ROLES)
def test_approving_the_headteachers_own_post_by_role(signed_in: Callable[[str], Client], demo: School,
                                                     role: str) -> None:
    from django.contrib.auth import get_user_model

    from safepost.hub import actions

    head = get_user_model().objects.get(username="head")
    draft = actions.do_create_draft(head, demo, text="Term starts on Monday.", pupils=[],
                                    account=demo.accounts.first())
    actions.do_submit_draft(head, draft)
    client = signed_in(ROLE_USERS[role])
    shown = b'value="approve"' in client.get(f"/drafts/{draft.pk}/").content
    api = client.post(f"/api/drafts/{draft.pk}/approve", {}, content_type="application/json")
    draft.refresh_from_db()
    if role in HEAD_POST_APPROVERS:
        assert shown and api.status_code == 200 and draft.status == DraftStatus.APPROVED
    else:
        assert not shown and api.status_code in (403, 404) and draft.status == DraftStatus.SUBMITTED


def test_every_role_a_policy_names_as_approver_may_approve() -> None:
    # may_approve_draft asks only whether the actor holds one of the post's approver roles:
    # that is enough because every such role (the packs' approvers, the head in a crisis lock,
    # the head's own post's approvers) carries an approving capability.
    from safepost.hub.permissions import CAPABILITIES, PACK_APPROVERS

    for pack_id, roles in PACK_APPROVERS.items():
        assert roles <= CAPABILITIES["approve"], pack_id
    assert "headteacher" in CAPABILITIES["approve"]  # the crisis lock's one approver

"""Every role against every page and API call: who may see and do what."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from safepost.hub.models import Draft, DraftStatus, School
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

"""Sign-in: passwords, the second factor for headteachers, DSLs and trust admins, throttling."""

from __future__ import annotations

import pyotp
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepost.hub.demo import DEMO_PASSWORD, DEMO_PEOPLE
from safepost.hub.models import AuditRecord, Membership, Role, School, SecondFactor

SECRETS = {person.username: person.totp_secret for person in DEMO_PEOPLE}


def sign_in(username: str, password: str = DEMO_PASSWORD) -> tuple[Client, str]:
    client = Client()
    response = client.post("/login", {"username": username, "password": password})
    return client, response.get("Location", "")


@pytest.mark.parametrize(("username", "needs_code"), [
    ("head", True), ("dsl", True), ("trustadmin", True), ("teacher", False), ("comms", False),
    ("deputy", False), ("governor", False),
])
def test_second_factor_is_required_by_role(demo: School, username: str, needs_code: bool) -> None:
    client, location = sign_in(username)
    assert location == ("/second-factor" if needs_code else "/")
    home = client.get("/")
    assert (home.status_code == 302 and home["Location"] == "/second-factor") is needs_code
    api = client.get("/api/drafts")
    assert (api.status_code == 403) is needs_code


def test_the_right_code_lets_the_headteacher_in_once(demo: School) -> None:
    client, _ = sign_in("head")
    code = pyotp.TOTP(SECRETS["head"]).now()
    assert client.post("/second-factor", {"code": "000000" if code != "000000" else "111111"}).status_code == 200
    assert client.post("/second-factor", {"code": code})["Location"] == "/"
    assert client.get("/").status_code == 200
    again, _ = sign_in("head")
    assert again.post("/second-factor", {"code": code}).status_code == 200  # a code is used once
    assert again.get("/")["Location"] == "/second-factor"


def test_a_new_dsl_enrols_an_authenticator(demo: School) -> None:
    user = get_user_model().objects.create_user("newdsl", password=DEMO_PASSWORD)
    Membership.objects.create(user=user, school=demo, role=Role.DSL)
    client, location = sign_in("newdsl")
    page = client.get(location)
    assert b"Set up your authenticator app" in page.content and b"<svg" in page.content
    secret = SecondFactor.objects.get(user=user).secret
    assert secret.encode() in page.content
    assert client.post("/second-factor", {"code": pyotp.TOTP(secret).now()})["Location"] == "/"
    assert SecondFactor.objects.get(user=user).confirmed_at is not None
    assert AuditRecord.objects.filter(actor=user, action="second_factor.enrolled").exists()


def test_wrong_passwords_are_throttled(demo: School, settings) -> None:  # type: ignore[no-untyped-def]
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        _, location = sign_in("teacher", "wrong password")
        assert location == ""
    client = Client()
    response = client.post("/login", {"username": "teacher", "password": DEMO_PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed attempts" in response.content
    assert AuditRecord.objects.filter(action="sign_in.failed", details__username="teacher").count() == settings.LOGIN_FAILURE_LIMIT


def test_forms_need_a_csrf_token(demo: School) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login", {"username": "teacher", "password": DEMO_PASSWORD})
    assert response.status_code == 403


def test_passwords_are_hashed(demo: School) -> None:
    user = get_user_model().objects.get(username="teacher")
    assert DEMO_PASSWORD not in user.password
    assert user.check_password(DEMO_PASSWORD)


def test_demo_mode_says_so(demo: School, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEMO_MODE = True
    assert b"This is a demonstration" in Client().get("/login").content
    client, _ = sign_in("head")
    assert b"Demo only: the code" in client.get("/second-factor").content
    settings.DEMO_MODE = False
    assert b"This is a demonstration" not in Client().get("/login").content
    client, _ = sign_in("head")
    assert b"Demo only: the code" not in client.get("/second-factor").content

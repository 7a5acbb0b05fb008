"""Fixtures for the hub: the demo trust and school, built through the hub's own actions, and
clients signed in as each role (past the second factor where the role needs one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from safepost.hub.demo import DEMO_PASSWORD, load_demo
from safepost.hub.middleware import SESSION_KEY
from safepost.hub.models import School

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]   # tests only: real sign-ins are slow by design
ROLE_USERS = {
    "headteacher": "head",
    "slt": "deputy",
    "dsl": "dsl",
    "staff": "teacher",
    "communications": "comms",
    "governor": "governor",
    "trust_admin": "trustadmin",
}


@pytest.fixture(autouse=True)
def _hub_settings(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.MEDIA_ROOT = tmp_path / "uploads"
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The demo is built once per test database; each test then runs in a transaction that is
    rolled back, so every test still starts from the same fresh demo. (A browser test's live
    server empties the database afterwards; the next test's `demo` builds it again.)"""
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        load_demo()


@pytest.fixture
def demo(db) -> School:  # type: ignore[no-untyped-def]
    return load_demo()


@pytest.fixture
def signed_in(demo: School) -> Callable[[str], Client]:
    def make(username: str) -> Client:
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD)
        session = client.session
        session[SESSION_KEY] = True
        session.save()
        return client

    return make

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
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "uploads"
    from django.core.cache import cache

    cache.clear()


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

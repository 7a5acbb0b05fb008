"""Fuzz the REST API from its own OpenAPI schema (schemathesis): no input may cause a server
error. Each operation gets a bounded number of generated requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from safepost.hub import actions
from safepost.hub.models import School
from safepost.hub.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture(autouse=True)
def _keep_test_connection() -> Iterator[None]:
    """Calls straight into the WSGI app would close the test's database connection at the end
    of each request (as a real server should); Django's own test client stops that too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(demo: School) -> str:
    return actions.do_create_api_token(get_user_model().objects.get(username="head")).key


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_a_server_error(case, token: str) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=[not_a_server_error])

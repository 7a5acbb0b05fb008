"""What every register's forms share (safepost.hub.registers_common): text and dates are read
the same way in each."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.db.models import Model
from django.test import Client

from safepost.hub.models import (
    AuditRecord,
    Case,
    ConsentRecord,
    ContactEvent,
    OfficialAccount,
    PolicyVersion,
    RegisterPupil,
    School,
)

# One form per register: (who posts it, where, what, with a NUL character in a text field and a
# date field, the record it makes, and that record's field as it should be stored).
NUL_FORMS: list[tuple[str, str, dict[str, str], type[Model], str, str]] = [
    ("comms", "/schools/{school}/contact/",
     {"action": "log", "who": "parent", "what": "message", "happened_on": "01/11/2026\x00",
      "summary": "Asked about\x00 the trip"},
     ContactEvent, "summary", "Asked about the trip"),
    ("head", "/schools/{school}/policy",
     {"action": "publish", "version": "9.0", "title": "Social\x00 media policy", "approval_date": "\x0001/11/2026",
      "approver": "Governors", "owner": "Headteacher", "review_date": "01/11/2027",
      "statement": "I have read and understood the policy.", "changes": ""},
     PolicyVersion, "title", "Social media policy"),
    ("head", "/schools/{school}/accounts/new", {"platform": "youtube", "handle": "Oakfield\x00TV"},
     OfficialAccount, "handle", "OakfieldTV"),
    ("comms", "/schools/{school}/consent/pupils/{amelia}",
     {"kind": "photo", "given": "no", "date": "20/11/2026\x00", "source": "email\x00 from parent"},
     ConsentRecord, "source", "email from parent"),
    ("teacher", "/schools/{school}/concerns/new", {"title": "A\x00 worry", "description": "What I saw\x00"},
     Case, "title", "A worry"),
]


@pytest.mark.parametrize(("username", "path", "form", "model", "field", "stored"), NUL_FORMS,
                         ids=["contact", "policy", "accounts", "consent", "cases"])
def test_nul_characters_are_dropped_from_every_registers_forms(
        signed_in: Callable[[str], Client], demo: School, username: str, path: str, form: dict[str, str],
        model: type[Model], field: str, stored: str) -> None:
    """PostgreSQL refuses a NUL character (a server error): no one types one, so it is dropped."""
    amelia = RegisterPupil.objects.get(school=demo, pupil_id="P1001")
    before = model.objects.order_by("pk").last()
    response = signed_in(username).post(path.format(school=demo.pk, amelia=amelia.pk), form)
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    made = model.objects.order_by("pk").last()
    assert made is not None and made != before
    assert getattr(made, field) == stored
    assert "\\u0000" not in json.dumps(AuditRecord.objects.order_by("pk").last().details)  # type: ignore[union-attr]

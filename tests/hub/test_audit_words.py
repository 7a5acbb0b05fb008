"""The audit log in plain words: every kind of record the hub writes has words for the page,
and a record's details read as "name: value", not as a Python dictionary."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from safepost.hub import audit
from safepost.hub.models import School

HUB = Path(audit.__file__).resolve().parent
# The code given to audit.append(actor, "draft.created", ...), also as "a" if ok else "b".
CALL = re.compile(r"audit\.append\((.{0,160}?)(?:school=|target=|details=|\)$)", re.DOTALL | re.MULTILINE)
CODE = re.compile(r"""["']([a-z_]+\.[a-z_]+|signed_in)["']""")


def _actions_in_source() -> set[str]:
    found: set[str] = set()
    for path in HUB.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        calls = CALL.findall(source)
        assert len(calls) == source.count("audit.append("), path  # every call read
        for call in calls:
            codes = CODE.findall(call)
            assert codes, (path, call)  # a code written where the scan can see it
            found |= set(codes)
    return found


def test_every_kind_of_record_the_hub_writes_has_plain_words() -> None:
    actions = _actions_in_source()
    assert {"draft.created", "consent.withdrawn", "signed_in"} <= actions  # the scan finds them
    assert sorted(actions - set(audit.ACTION_WORDS)) == []


@pytest.mark.parametrize(("details", "words"), [
    ({"on": "2026-11-23"}, "on: 2026-11-23"),
    ({"pupil_count": 3, "notified": True}, "pupil count: 3; notified: yes"),
    ({"kinds": ["photos", "name"], "note": ""}, "kinds: photos, name; note: none"),
    ({}, ""),
])
def test_details_read_as_name_and_value(details: dict[str, object], words: str) -> None:
    assert audit.details_words(details) == words


def test_an_unknown_code_is_shown_as_it_is() -> None:
    assert audit.action_words("something.new") == "something.new"


def test_the_audit_page_says_what_happened_in_words(
    demo: School, signed_in: Callable[[str], Client],
) -> None:
    page = signed_in("head").get(f"/schools/{demo.pk}/audit").content.decode()
    assert "Loaded the demo school" in page
    assert "{&#x27;" not in page and "{'" not in page  # no dictionaries on the page

"""The audit log in plain words: every kind of record the hub writes has words for the page,
and a record's details read as "name: value", not as a Python dictionary. The same for the steps
in a post's history (DraftEvent kinds): "Published (copied by hand)", not "published:copy"."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from safepost.hub import actions, audit
from safepost.hub.models import School

HUB = Path(audit.__file__).resolve().parent
# The code given to audit.append(actor, "draft.created", ...), also as "a" if ok else "b".
CALL = re.compile(r"audit\.append\((.{0,160}?)(?:school=|target=|details=|\)$)", re.DOTALL | re.MULTILINE)
CODE = re.compile(r"""["']([a-z_]+\.[a-z_]+|signed_in)["']""")


def _calls_in_hub(pattern: re.Pattern[str], opener: str) -> Iterator[tuple[Path, Any]]:
    """Every call in the hub's source that starts with `opener`, as `pattern` reads it; the scan
    fails where it reads fewer calls than the source makes (so none is missed silently)."""
    for path in HUB.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        calls = pattern.findall(source)
        assert len(calls) == source.count(opener), path  # every call read
        for call in calls:
            yield path, call


def _actions_in_source() -> set[str]:
    found: set[str] = set()
    for path, call in _calls_in_hub(CALL, "audit.append("):
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


# --- review fix: the post's history in plain words, not "published:copy" ---------------------

# The kind given to DraftEvent.objects.create(..., kind="approved"), or kind=f"published:{method}".
EVENT_CALL = re.compile(r"""DraftEvent\.objects\.create\((?:[^()]|\([^()]*\)){0,200}?\bkind=(f?)(["'])(.*?)\2""",
                        re.DOTALL)
# What a placeholder in an f-string kind can be.
PLACEHOLDERS = {"method": actions.PUBLISH_METHODS}


def _event_kinds_in_source() -> set[str]:
    found: set[str] = set()
    for path in HUB.rglob("*.py"):  # steps written any other way than the scan reads
        assert not re.search(r"DraftEvent\.objects\.(bulk_create|get_or_create|update_or_create|update)\(|"
                             r"\bevents\.(create|bulk_create|get_or_create|update)\(",
                             path.read_text(encoding="utf-8")), path
    for path, (is_f, _quote, kind) in _calls_in_hub(EVENT_CALL, "DraftEvent.objects.create("):
        names = re.findall(r"\{(\w+)\}", kind) if is_f else []
        assert set(names) <= set(PLACEHOLDERS), (path, kind)  # a placeholder the scan can expand
        kinds = [kind]
        for name in names:
            kinds = [one.replace(f"{{{name}}}", value) for one in kinds for value in PLACEHOLDERS[name]]
        found |= set(kinds)
    return found


def test_every_step_a_post_records_has_plain_words() -> None:
    kinds = _event_kinds_in_source()
    assert {"created", "approved", "published:copy", "published:hook", "pictures cleaned"} <= kinds
    assert sorted(kinds - set(actions.EVENT_WORDS)) == []
    assert sorted(set(actions.EVENT_WORDS) - kinds) == []  # and no words for a step never written


def test_an_unknown_step_is_shown_as_it_is() -> None:
    assert actions.event_words("something new") == "something new"


@pytest.mark.parametrize(("method", "words"), [
    ("copy", "Published (copied by hand)"),
    ("hook", "Published through the school's publishing tool"),
])
def test_the_post_history_says_each_step_in_words(demo: School, signed_in: Callable[[str], Client],
                                                  method: str, words: str) -> None:
    from django.contrib.auth import get_user_model

    people = get_user_model().objects
    comms, head = people.get(username="comms"), people.get(username="head")
    demo.publisher_url = "https://publisher.example/hook"  # not called: the test's transaction never commits
    demo.save()
    draft = actions.do_create_draft(comms, demo, text="Open evening on Thursday.", pupils=[],
                                    account=demo.accounts.get(platform="facebook"))
    actions.do_submit_draft(comms, draft)
    actions.do_approve_draft(head, draft, "Lovely")
    client = signed_in("comms")
    assert client.post(f"/drafts/{draft.pk}/", {"action": f"publish-{method}"}).status_code in (200, 302)
    page = client.get(f"/drafts/{draft.pk}/").content.decode()
    trail = page[page.index('id="trail"'):page.index("</ol>", page.index('id="trail"'))]
    steps = [html.unescape(step) for step in re.findall(r"<li><strong>(.*?)</strong>", trail)]
    assert steps == ["Draft started", "Sent for approval", "Approved", words]
    assert f"published:{method}" not in page


def test_a_post_cannot_be_marked_published_in_a_way_with_no_words(demo: School) -> None:
    from django.contrib.auth import get_user_model

    people = get_user_model().objects
    comms, head = people.get(username="comms"), people.get(username="head")
    draft = actions.do_create_draft(comms, demo, text="Open evening on Thursday.", pupils=[],
                                    account=demo.accounts.get(platform="facebook"))
    actions.do_submit_draft(comms, draft)
    actions.do_approve_draft(head, draft)
    with pytest.raises(actions.ActionError, match="say how the post was published"):
        actions.do_publish_draft(comms, draft, "fax")
    assert not draft.events.filter(kind__startswith="published").exists()

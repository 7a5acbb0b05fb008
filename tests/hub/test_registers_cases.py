"""Concerns and cases: anyone raises one; only the headteacher, the DSL and the people they add
see it; triage, notes, attachments, outcome; one click from a safeguarding finding on a post."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from safepost.hub import actions, actions_cases
from safepost.hub.actions import ActionError
from safepost.hub.models import AuditRecord, Case, CaseStatus, School
from safepost.hub.permissions import NotAllowed

GROOMING = "Don't tell your mum, this is our little secret. Message me on snap"


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


@pytest.mark.parametrize(("username", "sees"), [
    ("head", True), ("dsl", True), ("deputy", False), ("teacher", False), ("comms", False),
    ("governor", False), ("trustadmin", False),
])
def test_a_case_is_seen_by_the_head_the_dsl_and_those_they_add(signed_in: Callable[[str], Client], demo: School,
                                                                 username: str, sees: bool) -> None:
    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    assert actions_cases.can_see(user(username), case) is sees
    response = signed_in(username).get(f"/cases/{case.pk}")
    assert response.status_code == (200 if sees else 404)
    if not sees and username != "trustadmin":
        actions_cases.do_share_case(user("dsl"), case, user_id=user(username).pk)
        assert signed_in(username).get(f"/cases/{case.pk}").status_code == 200
        actions_cases.do_add_case_note(user(username), case, text="My account of it")  # members add notes
        with pytest.raises(NotAllowed):
            actions_cases.do_close_case(user(username), case, outcome="advice", outcome_on="20/11/2026", note="x")


def test_a_concern_through_to_its_outcome(demo: School) -> None:
    head, dsl = user("head"), user("dsl")
    case = actions_cases.do_raise_concern(user("comms"), demo, title="Photo of a child on a parent's page",
                                          description="Tagged with the school's name")
    # The message to the head and DSL says nothing of what the concern is.
    note = dsl.notifications.get(link=f"/cases/{case.pk}")
    assert "Photo" not in note.text
    actions_cases.do_triage_case(dsl, case, status="investigating", triage="Safeguarding", note="Urgent")
    actions_cases.do_add_case_attachment(dsl, case, SimpleUploadedFile("screenshot.png", b"\x89PNG fake"))
    actions_cases.do_close_case(head, case, outcome="lado", outcome_on="21/11/2026", note="LADO consulted")
    case.refresh_from_db()
    assert (case.status, case.outcome, str(case.outcome_on)) == (CaseStatus.CLOSED, "lado", "2026-11-21")
    assert [n.kind for n in case.notes.all()] == ["triage", "outcome"]
    assert case.attachments.get().original_name == "screenshot.png"
    actions_logged = set(AuditRecord.objects.filter(target_type="Case", target_id=str(case.pk))
                         .values_list("action", flat=True))
    assert actions_logged == {"case.raised", "case.triaged", "case.attachment_added", "case.closed"}
    with pytest.raises(ActionError, match="already closed"):
        actions_cases.do_close_case(head, case, outcome="advice", outcome_on="21/11/2026", note="again")


@pytest.mark.parametrize(("fields", "message"), [
    ({"outcome": "sacked"}, "Outcome: choose what was decided"),
    ({"outcome_on": "2099-01-01"}, "Date of the outcome: cannot be in the future"),
    ({"note": ""}, "Reasons for the outcome: enter some text"),
])
def test_an_outcome_needs_its_fields(demo: School, fields: dict[str, str], message: str) -> None:
    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    values = {"outcome": "advice", "outcome_on": "20/11/2026", "note": "Advice given", **fields}
    with pytest.raises(ActionError, match=message):
        actions_cases.do_close_case(user("head"), case, **values)


def test_one_click_from_a_safeguarding_finding(signed_in: Callable[[str], Client], demo: School) -> None:
    teacher = user("teacher")
    draft = actions.do_create_draft(teacher, demo, text=GROOMING, pupils=[], account=None)
    assert draft.verdict == "escalate"
    client = signed_in("teacher")
    assert b"Open a safeguarding case" in client.get(f"/drafts/{draft.pk}/").content
    response = client.post(f"/drafts/{draft.pk}/open-case")
    assert response.status_code == 200 and b"The headteacher and the DSL have been told" in response.content
    case = Case.objects.get(draft=draft)
    assert case.rule == "content.grooming" and GROOMING in case.description
    assert client.get(f"/cases/{case.pk}").status_code == 404  # the author does not see the case itself
    # A second click finds the open case instead of making another.
    client.post(f"/drafts/{draft.pk}/open-case")
    assert Case.objects.filter(draft=draft).count() == 1
    assert signed_in("head").post(f"/drafts/{draft.pk}/open-case")["Location"] == f"/cases/{case.pk}"


def test_no_case_button_for_an_ordinary_post(signed_in: Callable[[str], Client], demo: School) -> None:
    draft = actions.do_create_draft(user("teacher"), demo, text="Sports day on Friday", pupils=[], account=None)
    assert b"Open a safeguarding case" not in signed_in("teacher").get(f"/drafts/{draft.pk}/").content
    with pytest.raises(ActionError):
        actions_cases.do_open_case_from_draft(user("teacher"), draft)


def test_attachments_are_for_the_case_only(signed_in: Callable[[str], Client], demo: School) -> None:
    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    item = actions_cases.do_add_case_attachment(user("dsl"), case, SimpleUploadedFile("a.txt", b"evidence"))
    url = f"/cases/{case.pk}/attachments/{item.pk}"
    assert b"".join(signed_in("dsl").get(url).streaming_content) == b"evidence"
    assert signed_in("teacher").get(url).status_code == 404

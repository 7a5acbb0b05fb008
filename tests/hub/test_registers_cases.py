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


# --- review fixes: leavers, what the audit log says about a case, opening a case twice --------

def test_a_leaver_no_longer_sees_the_cases_they_were_added_to(signed_in: Callable[[str], Client],
                                                             demo: School) -> None:
    from safepost.hub import actions_accounts

    case = actions_cases.do_raise_concern(user("comms"), demo, title="Worry", description="Details")
    actions_cases.do_share_case(user("dsl"), case, user_id=user("teacher").pk)
    client = signed_in("teacher")
    assert client.get(f"/cases/{case.pk}").status_code == 200
    actions_accounts.do_record_leaver(user("head"), demo, user_id=user("teacher").pk, left_on="21/11/2026")
    assert not case.members.filter(pk=user("teacher").pk).exists()
    assert AuditRecord.objects.filter(action="case.member_removed", target_id=str(case.pk)).exists()
    assert client.get(f"/cases/{case.pk}").status_code == 404


def test_a_case_member_must_still_belong_to_the_school(demo: School) -> None:
    from safepost.hub.models import Membership

    case = actions_cases.do_raise_concern(user("comms"), demo, title="Worry", description="Details")
    actions_cases.do_share_case(user("dsl"), case, user_id=user("teacher").pk)
    assert actions_cases.can_see(user("teacher"), case)
    Membership.objects.filter(user=user("teacher"), school=demo).delete()  # left by some other route
    assert not actions_cases.can_see(user("teacher"), case)
    with pytest.raises(NotAllowed):
        actions_cases.do_add_case_note(user("teacher"), case, text="Still here?")


SECRET_WORDS = ("Sensitive title", "Sensitive description", "Sensitive triage", "evidence-file-name",
                "Sensitive reasons", "lado", "teacher")


def test_case_audit_records_carry_ids_and_stages_only(demo: School) -> None:
    import json

    head = user("head")
    case = actions_cases.do_raise_concern(user("comms"), demo, title="Sensitive title",
                                          description="Sensitive description")
    actions_cases.do_triage_case(head, case, status="investigating", triage="Sensitive triage", note="more")
    actions_cases.do_add_case_attachment(head, case, SimpleUploadedFile("evidence-file-name.png", b"x"))
    actions_cases.do_share_case(head, case, user_id=user("teacher").pk)
    actions_cases.do_add_case_note(head, case, text="Sensitive note")
    actions_cases.do_close_case(head, case, outcome="lado", outcome_on="20/11/2026", note="Sensitive reasons")
    details = json.dumps([r.details for r in AuditRecord.objects.filter(target_type="Case", target_id=str(case.pk))])
    for word in SECRET_WORDS:
        assert word.lower() not in details.lower(), word


@pytest.mark.parametrize(("username", "sees_cases"), [("head", True), ("trustadmin", False)])
@pytest.mark.parametrize("csv", [False, True])
def test_the_audit_log_shows_case_records_only_to_case_handlers(
    signed_in: Callable[[str], Client], demo: School, username: str, sees_cases: bool, csv: bool
) -> None:
    from safepost.hub.audit import verify_chain

    case = actions_cases.do_raise_concern(user("comms"), demo, title="Worry", description="Details")
    url = f"/schools/{demo.pk}/audit" + ("?format=csv" if csv else "")
    page = signed_in(username).get(url).content.decode()
    assert ("case.raised" in page) is sees_cases
    assert "draft." in page or "consent" in page  # the rest of the log is still there
    assert AuditRecord.objects.filter(action="case.raised", target_id=str(case.pk)).exists()
    assert verify_chain().ok  # shown or not, no record is changed


def test_opening_a_case_needs_the_capability_before_the_lookup(demo: School) -> None:
    draft = actions.do_create_draft(user("teacher"), demo, text=GROOMING, pupils=[], account=None)
    actions_cases.do_open_case_from_draft(user("teacher"), draft)
    with pytest.raises(NotAllowed):  # the trust sees the post, but is told nothing of its case
        actions_cases.do_open_case_from_draft(user("trustadmin"), draft)


def test_someone_elses_open_case_is_not_named(signed_in: Callable[[str], Client], demo: School) -> None:
    draft = actions.do_create_draft(user("teacher"), demo, text=GROOMING, pupils=[], account=None)
    case = actions_cases.do_open_case_from_draft(user("teacher"), draft)
    # A draft never submitted is its author's alone: to anyone else it does not exist, so
    # nothing about the case it opened can show.
    response = signed_in("deputy").post(f"/drafts/{draft.pk}/open-case")
    assert response.status_code == 404
    page = response.content.decode()
    assert f"Reference {case.pk}" not in page and f"/cases/{case.pk}" not in page
    assert Case.objects.filter(draft=draft).count() == 1


# --- walkthrough fixes: typed input kept after an error, every problem at once ----------------

@pytest.mark.parametrize(("form", "problems", "kept"), [
    ({"action": "close", "outcome": "lado", "outcome_on": "31/11/2026", "outcome_note": "LADO consulted on 20 Nov"},
     [("outcome_on", "Date of the outcome: &#x27;31/11/2026&#x27; is not a date like 21/11/2026")],
     ['<option value="lado" selected>', 'value="31/11/2026"', "LADO consulted on 20 Nov</textarea>"]),
    ({"action": "close", "outcome": "", "outcome_on": "01/01/1990", "outcome_note": ""},
     [("outcome", "Outcome: choose what was decided"),
      ("outcome_on", "Date of the outcome: 01/01/1990 is before 01/01/2000; check the year"),
      ("outcome_note", "Reasons for the outcome: enter some text")],
     ['value="01/01/1990"']),
    ({"action": "note", "note": "n" * 20001},
     [("note", "Note: at most 20,000 characters; you entered 20,001, so shorten it")],
     ["n" * 20001 + "</textarea>"]),
    ({"action": "triage", "status": "investigating", "triage": "", "triage_note": "Parent phoned"},
     [("triage", "Triage: what kind of concern: enter some text")],
     ['<option value="investigating" selected>', 'value="Parent phoned"']),
], ids=["bad-outcome-date", "empty-outcome", "long-note", "empty-triage"])
def test_a_refused_case_form_keeps_what_was_typed(signed_in: Callable[[str], Client], demo: School,
                                                  form: dict[str, str], problems: list[tuple[str, str]],
                                                  kept: list[str]) -> None:
    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    response = signed_in("dsl").post(f"/cases/{case.pk}", form)
    page = response.content.decode()
    assert response.status_code == 400
    for field, message in problems:
        assert f'<a href="#{field}">{message}</a>' in page, message
    for text in kept:
        assert text in page, text[:80]
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW and not case.notes.exists()


def test_a_concern_names_both_missing_fields(signed_in: Callable[[str], Client], demo: School) -> None:
    response = signed_in("teacher").post(f"/schools/{demo.pk}/concerns/new", {"title": "", "description": " "})
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#title">What the concern is about: enter some text</a>' in page
    assert '<a href="#description">What happened: enter some text</a>' in page


# --- walkthrough fix: the case says what the rule asks, not only its code ----------------------

@pytest.mark.parametrize(("rule", "shown"), [
    ("content.grooming", None),  # the pack's summary, with the code beside it
    ("no.such_rule", "<code>no.such_rule</code>"),  # a rule the hub does not know: its code
])
def test_a_case_from_a_post_names_the_rule_in_words(signed_in: Callable[[str], Client], demo: School,
                                                    rule: str, shown: str | None) -> None:
    from safepost.hub.engine_bridge import directory_school, rule_words

    teacher = user("teacher")
    draft = actions.do_create_draft(teacher, demo, text=GROOMING, pupils=[], account=None)
    case = actions_cases.do_open_case_from_draft(teacher, draft)
    Case.objects.filter(pk=case.pk).update(rule=rule)
    page = signed_in("head").get(f"/cases/{case.pk}").content.decode()
    words = rule_words(directory_school(demo).pack, rule)
    assert bool(words) is (shown is None)
    assert (shown or f'{words} <span class="govuk-hint hub-code">{rule}</span>') in page


def test_two_handlers_acting_on_one_case_at_once_cannot_close_it_twice_or_reopen_it(demo: School) -> None:
    from safepost.hub.registers_common import today

    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    # Each handler's page read the case while it was open.
    by_head, by_dsl, triaged_late = (Case.objects.get(pk=case.pk) for _ in range(3))
    actions_cases.do_close_case(user("head"), by_head, outcome="advice", outcome_on=today(), note="one")
    with pytest.raises(ActionError, match="already closed"):
        actions_cases.do_close_case(user("dsl"), by_dsl, outcome="lado", outcome_on=today(), note="two")
    with pytest.raises(ActionError, match="closed"):
        actions_cases.do_triage_case(user("dsl"), triaged_late, status="investigating", triage="x")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.outcome == "advice"
    assert AuditRecord.objects.filter(action="case.closed", target_id=str(case.pk)).count() == 1


@pytest.mark.parametrize("person", ["9" * 25, "abc"])
def test_sharing_a_case_with_no_one_is_a_fields_error(
    signed_in: Callable[[str], Client], demo: School, person: str,
) -> None:
    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    response = signed_in("dsl").post(f"/cases/{case.pk}", {"action": "share", "user_id": person})
    assert response.status_code in (200, 400)
    assert "choose someone from the list" in response.content.decode()


def test_sharing_a_case_with_someone_already_on_it_is_said_once(demo: School) -> None:
    case = actions_cases.do_raise_concern(user("teacher"), demo, title="Worry", description="Details")
    actions_cases.do_share_case(user("dsl"), case, user_id=user("deputy").pk)
    with pytest.raises(ActionError, match="already on this case"):
        actions_cases.do_share_case(user("dsl"), case, user_id=user("deputy").pk)
    assert AuditRecord.objects.filter(action="case.shared", target_id=str(case.pk)).count() == 1

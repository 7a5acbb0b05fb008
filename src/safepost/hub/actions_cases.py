"""Concerns and breaches. Anyone at the school can raise one; the case is seen only by the
headteacher, the DSL and the people they add. Triage, notes, attachments, outcome and dates."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safepost.hub import audit
from safepost.hub.actions import ActionError, person_name
from safepost.hub.models import (
    Case,
    CaseAttachment,
    CaseNote,
    CaseOutcome,
    CaseStatus,
    Draft,
    Membership,
    School,
)
from safepost.hub.notify import notify
from safepost.hub.permissions import CAPABILITIES, NotAllowed, allows, require, roles_at
from safepost.hub.registers_common import (
    EARLIEST_RECORD,
    Problems,
    member_of,
    optional_text,
    required_text,
    to_date,
    users_with_roles,
)

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
SAFEGUARDING_SEVERITIES = ("safeguarding_escalation", "gross_misconduct_indicator")
# Audit details for a case carry ids, stages and kinds only: never what was said, file names, who
# was added by name or the outcome. The audit page lists case records only to case handlers.


def visible_case_ids(user: AbstractBaseUser, school: School, roles: set[str]) -> set[int] | None:
    """The school's cases `user` (with `roles` there, from `roles_at`) can see, read at once for
    a list: None for all of them (the headteacher and DSL); else the ones the handlers added
    them to, while they still belong to the school."""
    if allows(roles, "handle_cases"):
        return None
    if not Membership.objects.filter(user=user, school=school).exists():
        return set()
    return set(Case.objects.filter(school=school, members=user).values_list("pk", flat=True))


def can_see(user: AbstractBaseUser, case: Case) -> bool:
    """The headteacher and DSL; and the people they added, while they still belong to the school."""
    visible = visible_case_ids(user, case.school, roles_at(user, case.school))
    return visible is None or case.pk in visible


def _require_case(user: AbstractBaseUser, case: Case, *, handler: bool = False) -> None:
    if handler:
        require(user, "handle_cases", case.school)
    elif not can_see(user, case):
        raise NotAllowed("only the headteacher, the DSL and the people they add can see this case")


def _handlers(school: School) -> list[Any]:
    return users_with_roles(school, CAPABILITIES["handle_cases"])


def do_raise_concern(
    actor: AbstractBaseUser,
    school: School,
    *,
    title: str,
    description: str,
    draft: Draft | None = None,
    rule: str = "",
    notice: str = "",
) -> Case:
    """`notice` replaces the message to the headteacher and DSL; like the default one it must
    say nothing a shared screen or an email should not carry (no pupil, no words of the concern)."""
    require(actor, "raise_concern", school)
    problems = Problems()
    title = problems.check(required_text, title, "What the concern is about", 200) or ""
    description = problems.check(required_text, description, "What happened", 20000) or ""
    problems.raise_any()
    with transaction.atomic():
        case = Case.objects.create(
            school=school, title=title, description=description, raised_by=actor, draft=draft, rule=rule
        )
        # The message says nothing of the concern itself: it may be read on a shared screen.
        notify(
            _handlers(school),
            notice or f"A new concern has been raised at {school.name}",
            f"/cases/{case.pk}",
            school=school,
        )
        audit.append(
            actor,
            "case.raised",
            school=school,
            target=case,
            details={"draft": draft.pk if draft else None, "rule": rule},
        )
    return case


def safeguarding_findings(draft: Draft) -> list[dict[str, Any]]:
    return [finding for finding in draft.findings if finding.get("severity") in SAFEGUARDING_SEVERITIES]


def do_open_case_from_draft(actor: AbstractBaseUser, draft: Draft) -> Case:
    """One click from a safeguarding finding on a post to a case for the headteacher and DSL.

    The capability is checked before looking for an open case, and the case found may be one the
    actor cannot see: callers show its reference only where `can_see` (or the actor raised it)."""
    require(actor, "raise_concern", draft.school)
    findings = safeguarding_findings(draft)
    if not findings:
        raise ActionError("this post has no safeguarding finding to open a case for")
    existing = Case.objects.filter(draft=draft).exclude(status=CaseStatus.CLOSED).first()
    if existing is not None:
        return existing
    lines = [
        f"Opened from post {draft.pk} by {person_name(actor)}.",
        "",
        "The post:",
        draft.text,
        "",
        "What the check found:",
    ]
    lines += [
        f'- {finding["message"]} ({finding["rule"]}): "{finding.get("evidence", "")}"' for finding in findings
    ]
    return do_raise_concern(
        actor,
        draft.school,
        title=f"Safeguarding concern from post {draft.pk}",
        description="\n".join(lines),
        draft=draft,
        rule=findings[0]["rule"],
    )


def _still_open(case: Case, closed: str = "this case is closed") -> None:
    """Inside the write's transaction: the case is not closed. Two handlers acting at once both
    passed the first look; the second waits for the first's write (the row lock, or SQLite's one
    writer) and is refused, rather than closing the case twice or reopening a closed one."""
    if Case.objects.select_for_update().only("status").get(pk=case.pk).status == CaseStatus.CLOSED:
        raise ActionError(closed)


def do_triage_case(actor: AbstractBaseUser, case: Case, *, status: str, triage: str, note: str = "") -> Case:
    _require_case(actor, case, handler=True)
    if case.status == CaseStatus.CLOSED:
        raise ActionError("this case is closed")
    problems = Problems()
    if status not in (CaseStatus.TRIAGED, CaseStatus.INVESTIGATING):
        problems.add("Stage: choose triaged or being investigated")
    triage = problems.check(required_text, triage, "Triage: what kind of concern", 200) or ""
    note = problems.check(optional_text, note, "Why", 2000) or ""
    problems.raise_any()
    with transaction.atomic():
        _still_open(case)
        case.status, case.triage = status, triage
        case.save(update_fields=["status", "triage"])
        CaseNote.objects.create(
            case=case,
            author=actor,
            kind="triage",
            text=f"{case.get_status_display()}: {triage}" + (f". {note}" if note else ""),
        )
        audit.append(
            actor,
            "case.triaged",
            school=case.school,
            target=case,
            details={"status": status},
        )
    return case


def do_add_case_note(actor: AbstractBaseUser, case: Case, *, text: str) -> CaseNote:
    _require_case(actor, case)
    text = required_text(text, "Note", 20000)
    with transaction.atomic():
        note = CaseNote.objects.create(case=case, author=actor, text=text)
        audit.append(actor, "case.note_added", school=case.school, target=case, details={"note": note.pk})
    return note


def do_add_case_attachment(actor: AbstractBaseUser, case: Case, upload: UploadedFile) -> CaseAttachment:
    _require_case(actor, case)
    if upload.size is not None and upload.size > MAX_ATTACHMENT_BYTES:
        raise ActionError(f"Attachment: {upload.name} is larger than 10 MB")
    with transaction.atomic():
        item = CaseAttachment(case=case, original_name=(upload.name or "file")[:255], uploaded_by=actor)
        item.file.save(
            f"{secrets.token_hex(8)}{Path(upload.name or '').suffix.lower()[:8]}", upload, save=False
        )
        item.save()
        audit.append(
            actor,
            "case.attachment_added",
            school=case.school,
            target=case,
            details={"attachment": item.pk, "bytes": upload.size},
        )
    return item


def do_share_case(actor: AbstractBaseUser, case: Case, *, user_id: Any) -> Case:
    """Add someone to the case (an investigating officer, a deputy DSL)."""
    _require_case(actor, case, handler=True)
    person = member_of(case.school, user_id)
    if case.members.filter(pk=person.pk).exists():
        raise ActionError(f"Person: {person_name(person)} is already on this case")
    with transaction.atomic():
        case.members.add(person)
        CaseNote.objects.create(
            case=case, author=actor, kind="shared", text=f"{person_name(person)} added to the case"
        )
        notify(
            [person],
            f"You have been added to a case at {case.school.name}",
            f"/cases/{case.pk}",
            school=case.school,
        )
        audit.append(
            actor, "case.shared", school=case.school, target=case, details={"user_id": person.pk}
        )
    return case


def do_close_case(actor: AbstractBaseUser, case: Case, *, outcome: str, outcome_on: Any, note: str) -> Case:
    _require_case(actor, case, handler=True)
    if case.status == CaseStatus.CLOSED:
        raise ActionError("this case is already closed")
    problems = Problems()
    if outcome not in CaseOutcome.values:
        problems.add("Outcome: choose what was decided")
    day = problems.check(to_date, outcome_on, "Date of the outcome", not_future=True,
                         earliest=EARLIEST_RECORD)
    note = problems.check(required_text, note, "Reasons for the outcome", 20000) or ""
    problems.raise_any()
    assert day is not None
    with transaction.atomic():
        _still_open(case, "this case is already closed")
        case.outcome, case.outcome_on, case.status, case.closed_at = (
            outcome,
            day,
            CaseStatus.CLOSED,
            timezone.now(),
        )
        case.save(update_fields=["outcome", "outcome_on", "status", "closed_at"])
        CaseNote.objects.create(
            case=case,
            author=actor,
            kind="outcome",
            text=f"Outcome: {case.get_outcome_display()} ({day:%d/%m/%Y}). {note}",
        )
        audit.append(
            actor, "case.closed", school=case.school, target=case, details={"status": CaseStatus.CLOSED.value}
        )
    return case

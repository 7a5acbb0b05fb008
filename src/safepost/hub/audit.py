"""The append-only audit log: each record carries the hash of the one before, so a changed or
deleted record breaks the chain, and `safepost hub verify_audit` says where."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from safepost.hub.models import AuditRecord, School

GENESIS = "0" * 64

# What each kind of record means, in the words the audit page shows (the code stays beside it
# for anyone filtering or reading the CSV).
ACTION_WORDS: dict[str, str] = {
    "account.access_ended": "Ended someone's access to an official account",
    "account.access_granted": "Gave someone access to an official account",
    "account.app_added": "Added a connected app to an official account",
    "account.app_approved": "Approved a connected app",
    "account.approved": "Approved an official account",
    "account.created": "Added an official account",
    "account.password_changed": "Recorded that an account's password was changed",
    "account.updated": "Changed an official account's details",
    "api_token.created": "Made a key for the hub's API",
    "case.attachment_added": "Added a file to a concern",
    "case.closed": "Closed a concern",
    "case.member_removed": "Took someone off a concern",
    "case.note_added": "Added a note to a concern",
    "case.raised": "Raised a concern",
    "case.shared": "Added someone to a concern",
    "case.triaged": "Triaged a concern",
    "comment.hidden": "Hid a comment on one of the school's pages",
    "comment.kept": "Kept a comment on one of the school's pages",
    "comment.recorded": "Recorded a comment from one of the school's pages",
    "consent.given": "Recorded consent given",
    "consent.withdrawn": "Recorded consent withdrawn",
    "consent_import.applied": "Imported pupils and consents",
    "consent_import.refused": "Refused a consent import",
    "consent_import.staged": "Uploaded a consent file to preview",
    "consent_register.started": "Started the consent register",
    "contact.approved": "Approved contact with a pupil",
    "contact.ended": "Ended approved contact with a pupil",
    "contact.log_entry": "Logged an approved contact",
    "contact.logged": "Logged contact from a pupil or parent",
    "crisis_lock.off": "Lifted the crisis pause on posting",
    "crisis_lock.on": "Paused posting for a crisis",
    "demo.loaded": "Loaded the demo school",
    "draft.approval_refused": "An approval was refused",
    "draft.approved": "Approved a post",
    "draft.created": "Started a draft post",
    "draft.edited": "Edited a draft post",
    "draft.pictures_cleaned": "Removed hidden data from a post's pictures",
    "draft.published": "Marked a post as published",
    "draft.returned": "Sent a post back for changes",
    "draft.submit_refused": "A post could not be sent for approval",
    "draft.submitted": "Sent a post for approval",
    "email.digests_sent": "Sent the email digests",
    "email.preference": "Changed email settings",
    "export.csv": "Downloaded a CSV",
    "notifications.read": "Read notifications",
    "policy.link_set": "Changed the link to the policy document",
    "policy.reminders_sent": "Sent reminders to sign the policy",
    "policy.signed": "Signed the policy",
    "policy.version_published": "Published a new policy version",
    "publisher.called": "Sent a post to the platform",
    "reminders.sent": "Sent reminders",
    "retention.purged": "Deleted records past their retention period",
    "sar.exported": "Exported a subject access request",
    "school_days.holiday_added": "Added a school holiday (School days)",
    "school_days.inset_added": "Added an INSET day (School days)",
    "school_days.removed": "Removed a holiday or INSET day (School days)",
    "second_factor.enrolled": "Set up an authenticator app",
    "second_factor.failed": "Entered a wrong authenticator code",
    "second_factor.started": "Started setting up an authenticator app",
    "sign_in.failed": "A sign-in failed",
    "signed_in": "Signed in",
    "staff.left": "Recorded that someone has left",
    "takedown.done": "Took down a post",
}


def action_words(action: str) -> str:
    """The plain words for a kind of record; the code itself where none are written."""
    return ACTION_WORDS.get(action, action)


def details_words(details: Any) -> str:
    """A record's details as "name: value" pairs, not as a Python dictionary."""
    if isinstance(details, dict):
        return "; ".join(f"{str(key).replace('_', ' ')}: {_value_words(value)}"
                         for key, value in details.items())
    return _value_words(details)


def _value_words(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_value_words(item) for item in value) or "none"
    if isinstance(value, dict):
        return "(" + details_words(value) + ")"
    if value is None or value == "":
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _digest(record: AuditRecord) -> str:
    body = {
        "at": record.at.isoformat(), "actor": record.actor_name, "school": record.school_id,
        "action": record.action, "target_type": record.target_type,
        "target_id": record.target_id, "details": record.details,
        "previous": record.previous_hash,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    actor: AbstractBaseUser | None, action: str, *, school: School | None = None,
    target: Any = None, details: dict[str, Any] | None = None,
) -> AuditRecord:
    """Write one record. Call inside the transaction that makes the change it records."""
    last = AuditRecord.objects.select_for_update().order_by("-pk").first()
    record = AuditRecord(
        at=timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=actor.get_username() if actor is not None and actor.is_authenticated else "system",
        school=school,
        action=action,
        target_type=type(target).__name__ if target is not None else "",
        target_id=str(getattr(target, "pk", "") or "") if target is not None else "",
        details=json.loads(json.dumps(details or {}, default=str)),
        previous_hash=last.hash if last else GENESIS,
    )
    record.hash = _digest(record)
    record.save()
    return record


@dataclass
class ChainReport:
    records: int
    broken_at: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainReport:
    previous = GENESIS
    count = 0
    for record in AuditRecord.objects.order_by("pk").iterator():
        count += 1
        if record.previous_hash != previous:
            return ChainReport(count, record.pk, "it does not follow the record before it")
        if _digest(record) != record.hash:
            return ChainReport(count, record.pk, "its contents do not match its hash")
        previous = record.hash
    return ChainReport(count, None, "intact")

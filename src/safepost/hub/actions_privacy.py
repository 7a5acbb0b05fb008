"""Data protection: a subject access request export for a member of staff or a pupil, and the
retention purge that removes records older than their retention period and logs what it removed."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safepost.hub import audit
from safepost.hub.actions import ActionError, whole_number
from safepost.hub.actions_consent import pupils_named_in_post
from safepost.hub.engine_bridge import engine_school
from safepost.hub.models import (
    AccountAccess,
    Acknowledgement,
    ApprovedContact,
    AuditRecord,
    Case,
    CaseStatus,
    CommentStatus,
    ConsentImport,
    ContactEvent,
    Draft,
    DraftEvent,
    Membership,
    Notification,
    PageComment,
    RegisterPupil,
    School,
    TakedownTask,
)
from safepost.hub.permissions import require

README = """Subject access request export from safepost
============================================

subject.json holds every record the school's safepost hub keeps about this person, as stored.
Before you send it: read it, and remove what you may not disclose (information about other
people, and anything covered by an exemption, for example safeguarding records). Ask your
data protection officer if in doubt. This export is recorded in the hub's audit log.
"""


def _draft(draft: Draft) -> dict[str, Any]:
    return {
        "id": draft.pk,
        "created_at": draft.created_at,
        "status": draft.status,
        "text": draft.text,
        "pupils_shown": draft.pupils,
        "verdict": draft.verdict,
        "account": str(draft.account) if draft.account else None,
        "findings": [{"rule": f.get("rule"), "message": f.get("message")} for f in draft.findings],
    }


def people_with_records(school: School) -> list[Any]:
    """Everyone a subject access request can be about at this school: its staff, and those who
    have left (the commonest requests), whose posts, contact logs, signatures and audit entries
    stay when their roles end."""
    ids = set(Membership.objects.filter(school=school).values_list("user_id", flat=True))
    ids |= set(Draft.objects.filter(school=school).values_list("author_id", flat=True))
    ids |= set(ContactEvent.objects.filter(school=school).values_list("staff_id", flat=True))
    ids |= set(ApprovedContact.objects.filter(school=school).values_list("staff_id", flat=True))
    ids |= set(Acknowledgement.objects.filter(version__school=school).values_list("user_id", flat=True))
    acted = AuditRecord.objects.filter(school=school, actor__isnull=False)
    ids |= set(acted.values_list("actor_id", flat=True))
    return list(get_user_model().objects.filter(pk__in=ids).order_by("last_name", "first_name", "username"))


def _staff_data(school: School, person: Any) -> dict[str, Any]:
    return {
        "person": {
            "username": person.get_username(),
            "name": person.get_full_name(),
            "email": person.email,
            "joined": person.date_joined,
        },
        "roles": list(Membership.objects.filter(user=person, school=school).values("role", "staff_id")),
        "posts_written": [_draft(draft) for draft in Draft.objects.filter(school=school, author=person)],
        "post_steps_taken": list(
            DraftEvent.objects.filter(actor=person, draft__school=school).values(
                "draft_id", "kind", "comment", "at"
            )
        ),
        "policy_signatures": list(
            Acknowledgement.objects.filter(user=person, version__school=school).values(
                "version__version", "signed_name", "signed_at"
            )
        ),
        "account_access": [
            {
                "account": str(access.account),
                "role": access.role,
                "from": access.granted_on,
                "until": access.ended_on,
            }
            for access in AccountAccess.objects.filter(account__school=school, user=person).select_related(
                "account"
            )
        ],
        "contact_log": list(
            ContactEvent.objects.filter(school=school, staff=person).values(
                "happened_on", "who", "who_details", "what", "platform", "summary", "steps"
            )
        ),
        "approved_contact": [
            {
                "pupil": contact.pupil.display_name,
                "purpose": contact.purpose,
                "approved_on": contact.approved_on,
                "ends_on": contact.ends_on,
                "log": list(contact.entries.values("happened_on", "summary")),
            }
            for contact in ApprovedContact.objects.filter(school=school, staff=person).select_related("pupil")
        ],
        "concerns_raised": list(
            Case.objects.filter(school=school, raised_by=person).values(
                "id", "title", "description", "raised_at", "status"
            )
        ),
        # What the member of staff did with comments from the school's pages, and their own
        # reasons; the comments' words are the commenters' (other people's) and are left out.
        "page_comments_recorded": list(
            PageComment.objects.filter(school=school, recorded_by=person).values(
                "id", "recorded_at", "account__handle", "account__platform", "verdict", "status"
            )
        ),
        "page_comments_decided": list(
            PageComment.objects.filter(school=school, decided_by=person).values(
                "id", "decided_at", "status", "decision_note"
            )
        ),
        "notifications": list(
            Notification.objects.filter(user=person, school=school).values(
                "text", "link", "created_at", "read"
            )
        ),
        "audit_log_entries": list(
            AuditRecord.objects.filter(actor=person)
            .filter(Q(school=school) | Q(school=None))
            .values("at", "action", "target_type", "target_id")
        ),
    }


def _pupil_data(school: School, pupil: RegisterPupil) -> dict[str, Any]:
    engine = engine_school(school)
    posts = [
        draft
        for draft in Draft.objects.filter(school=school)
        if pupil.pupil_id in (draft.pupils or [])
        or pupil.pupil_id in pupils_named_in_post(draft.text, engine, generous=True)
    ]
    comments = [
        comment
        for comment in PageComment.objects.filter(school=school).select_related("account")
        if pupil.pupil_id in pupils_named_in_post(comment.text, engine, generous=True)
    ]
    return {
        "pupil": {
            "pupil_id": pupil.pupil_id,
            "first_name": pupil.first_name,
            "last_name": pupil.last_name,
            "preferred_name": pupil.preferred_name,
            "year_group": pupil.year_group,
            "date_of_birth": pupil.date_of_birth,
            "status": pupil.status,
            "photo_consent": pupil.photo_consent,
            "name_consent": pupil.name_consent,
        },
        "consent_decisions": list(
            pupil.consents.values("kind", "given", "date", "source", "note", "recorded_at")
        ),
        "posts_showing_or_naming": [_draft(draft) for draft in posts],
        "page_comments_naming": [
            {
                "id": comment.pk,
                "account": str(comment.account),
                "posted_at": comment.posted_at,
                "recorded_at": comment.recorded_at,
                "text": comment.text,
                "status": comment.status,
            }
            for comment in comments
        ],
        "takedown_tasks": list(pupil.takedown_tasks.values("draft_id", "reason", "created_at", "done_at")),
        "contact_log": list(
            pupil.contact_events.values("happened_on", "who", "what", "platform", "summary", "steps")
        ),
        "approved_contact": [
            {
                "purpose": contact.purpose,
                "approved_on": contact.approved_on,
                "ends_on": contact.ends_on,
                "parental_consent_on": contact.parental_consent_on,
                "log": list(contact.entries.values("happened_on", "summary")),
            }
            for contact in pupil.approved_contacts.all()
        ],
    }


BOTH_CHOSEN = "Member of staff or Pupil ID: choose a member of staff or a pupil, not both"


def _register_pupil(school: School, typed: str) -> RegisterPupil | None:
    """The pupil with this ID on the register, whatever its capitals ('p1001' finds P1001): the
    exact ID first, else the one pupil whose ID differs only in capitals (None if several do)."""
    exact = RegisterPupil.objects.filter(school=school, pupil_id=typed).first()
    if exact is not None:
        return exact
    alike = list(RegisterPupil.objects.filter(school=school, pupil_id__iexact=typed)[:2])
    return alike[0] if len(alike) == 1 else None


def do_export_subject_access(
    actor: AbstractBaseUser, school: School, *, user_id: Any = None, pupil_id: str = ""
) -> tuple[str, bytes]:
    """Everything the hub holds about one person, as a ZIP of JSON. The export itself is audited.
    One person at a time: given both a member of staff and a pupil, it refuses (and says so)
    rather than quietly exporting one of them."""
    require(actor, "export_personal_data", school)
    pupil_id = (pupil_id or "").strip()
    if user_id not in (None, "") and pupil_id:
        raise ActionError(BOTH_CHOSEN)
    if user_id not in (None, ""):
        number = whole_number(user_id)
        person = next((someone for someone in people_with_records(school) if someone.pk == number), None)
        if person is None:
            raise ActionError("Member of staff: choose someone from the list")
        data, subject = _staff_data(school, person), f"staff {person.get_username()}"
        name = f"sar-staff-{person.get_username()}"
    elif pupil_id:
        pupil = _register_pupil(school, pupil_id)
        if pupil is None:
            raise ActionError("Pupil ID: no pupil with this ID is on the consent register")
        data, subject, name = (
            _pupil_data(school, pupil),
            f"pupil {pupil.pupil_id}",
            f"sar-pupil-{pupil.pupil_id}",
        )
    else:
        raise ActionError("Member of staff: choose a member of staff, or enter a pupil ID")
    data = {"school": school.name, "exported_at": timezone.now(), "subject": subject, **data}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("subject.json", json.dumps(data, indent=2, default=str, ensure_ascii=False))
        archive.writestr("README.txt", README)
    with transaction.atomic():
        audit.append(actor, "sar.exported", school=school, details={"subject": subject})
    return f"{name}.zip", buffer.getvalue()


def _older(days: int, now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(days=days)


def do_purge(now: dt.datetime | None = None, *, dry_run: bool = False) -> dict[str, list[int]]:
    """Remove every record older than its retention period (settings.RETENTION_DAYS) and write one
    audit record listing what went (ids only). Run by the `purge` command, as the system."""
    moment = now or timezone.now()
    keep = settings.RETENTION_DAYS
    day = timezone.localdate(moment)
    found = {
        "notification": Notification.objects.filter(created_at__lt=_older(keep["notification"], moment)),
        "consent_import": ConsentImport.objects.filter(
            status="staged", uploaded_at__lt=_older(keep["consent_import"], moment)
        ),
        "contact_event": ContactEvent.objects.filter(
            happened_on__lt=day - dt.timedelta(days=keep["contact_event"])
        ),
        "approved_contact": ApprovedContact.objects.filter(
            Q(ended_on__lt=day - dt.timedelta(days=keep["approved_contact"]))
            | Q(ended_on__isnull=True, ends_on__lt=day - dt.timedelta(days=keep["approved_contact"]))
        ),
        "closed_case": Case.objects.filter(
            status=CaseStatus.CLOSED, closed_at__lt=_older(keep["closed_case"], moment)
        ),
        "takedown_task": TakedownTask.objects.filter(done_at__lt=_older(keep["takedown_task"], moment)),
        "page_comment": PageComment.objects.filter(
            status__in=(CommentStatus.KEPT, CommentStatus.HIDDEN),
            decided_at__lt=_older(keep["page_comment"], moment),
        ).filter(Q(case__isnull=True) | Q(case__status=CaseStatus.CLOSED)),
    }
    removed = {kind: sorted(query.values_list("pk", flat=True)) for kind, query in found.items()}
    if dry_run:
        return removed
    with transaction.atomic():
        for item in Case.objects.filter(pk__in=removed["closed_case"]):
            for attachment in item.attachments.all():
                attachment.file.delete(save=False)
        for kind, query in found.items():
            query.model.objects.filter(pk__in=removed[kind]).delete()
        audit.append(
            None,
            "retention.purged",
            details={
                "removed": {kind: ids for kind, ids in removed.items() if ids},
                "counts": {kind: len(ids) for kind, ids in removed.items()},
                "retention_days": dict(keep),
            },
        )
    return removed

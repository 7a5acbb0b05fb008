"""Every change the hub makes, one function each (`do_*`). Each checks the actor's permission
and writes its audit record in the same database transaction as the change, so there is no
change without its record and no record without its change."""

from __future__ import annotations

import io
import json
import logging
import secrets
import urllib.request
from pathlib import Path
from typing import Any

import pyotp
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageOps
from rest_framework.authtoken.models import Token

from safepost.contract import CheckRequest, CheckResult, ImageRef
from safepost.engine import check
from safepost.hub import audit
from safepost.hub.engine_bridge import engine_school, hub_registry
from safepost.hub.models import (
    Draft,
    DraftEvent,
    DraftImage,
    DraftStatus,
    Membership,
    Notification,
    OfficialAccount,
    School,
    SecondFactor,
)
from safepost.hub.notify import notify
from safepost.hub.permissions import NotAllowed, approver_roles, require, roles_at
from safepost.media import MediaError, strip_bytes

log = logging.getLogger(__name__)
MAX_IMAGE_BYTES = 10 * 1024 * 1024


class ActionError(ValueError):
    """The action cannot be done as asked; the message says why in plain words."""


def _staff_id(user: AbstractBaseUser, school: School) -> str | None:
    membership = Membership.objects.filter(user=user, school=school).exclude(staff_id="").first()
    return membership.staff_id if membership else None


def run_check(
    school: School, user: AbstractBaseUser, text: str, pupils: list[str],
    account: OfficialAccount | None, image_paths: list[str] | None = None,
    channel: str = "official",
) -> CheckResult:
    """The engine's check of a draft, as the CLI makes it, with the hub's language model."""
    engine = engine_school(school)
    images = [ImageRef(path=path, pupils=tuple(pupils)) for path in (image_paths or [])]
    if pupils and not images:
        images = [ImageRef(path="(not attached)", pupils=tuple(pupils))]
    request = CheckRequest(
        id="hub", text=text, channel=channel, kind="post",
        platform=account.platform if account else None,
        author_staff_id=_staff_id(user, school),
        images=tuple(images),
    )
    result = check(request, engine, image_root=Path(settings.MEDIA_ROOT), registry=hub_registry())
    # A picture not attached yet is not a problem to report as a note.
    result.notes = [note for note in result.notes if "(not attached)" not in note]
    return result


def _recheck(draft: Draft, author: AbstractBaseUser) -> CheckResult:
    """Check the draft as it stands now and keep the verdict and findings on it (not saved)."""
    result = run_check(draft.school, author, draft.text, draft.pupils, draft.account,
                       _image_paths(draft))
    draft.verdict = result.verdict
    draft.findings = [finding.to_json() for finding in result.findings]
    return result


def _save_image(draft: Draft, upload: UploadedFile) -> None:
    if upload.size is not None and upload.size > MAX_IMAGE_BYTES:
        raise ActionError(f"{upload.name}: larger than 10 MB")
    image = DraftImage(draft=draft, original_name=upload.name or "picture")
    image.file.save(f"{secrets.token_hex(8)}{Path(upload.name or '').suffix.lower()[:8]}", upload, save=False)
    image.save()


def _image_paths(draft: Draft) -> list[str]:
    return [image.file.name for image in draft.images.all()]


def do_create_draft(
    actor: AbstractBaseUser, school: School, *, text: str, pupils: list[str],
    account: OfficialAccount | None, uploads: list[UploadedFile] | None = None,
) -> Draft:
    require(actor, "compose", school)
    with transaction.atomic():
        draft = Draft.objects.create(school=school, author=actor, account=account, text=text,
                                     pupils=pupils)
        for upload in uploads or []:
            _save_image(draft, upload)
        result = _recheck(draft, actor)
        draft.save(update_fields=["verdict", "findings"])
        DraftEvent.objects.create(draft=draft, actor=actor, kind="created", verdict=result.verdict)
        audit.append(actor, "draft.created", school=school, target=draft,
                     details={"verdict": result.verdict, "rules": [f.rule for f in result.findings]})
    return draft


def _require_editable(actor: AbstractBaseUser, draft: Draft) -> None:
    """Only the author changes a draft, and only before it is submitted (or once returned)."""
    require(actor, "compose", draft.school)
    if draft.author_id != actor.pk:
        raise NotAllowed("only the author can change a draft")
    if draft.status not in (DraftStatus.DRAFT, DraftStatus.RETURNED):
        raise ActionError("this draft has been submitted; it cannot be changed now")


def do_update_draft(
    actor: AbstractBaseUser, draft: Draft, *, text: str, pupils: list[str],
    account: OfficialAccount | None, uploads: list[UploadedFile] | None = None,
) -> Draft:
    _require_editable(actor, draft)
    with transaction.atomic():
        draft.text, draft.pupils, draft.account = text, pupils, account
        for upload in uploads or []:
            _save_image(draft, upload)
        result = _recheck(draft, actor)
        draft.save()
        DraftEvent.objects.create(draft=draft, actor=actor, kind="edited", verdict=result.verdict)
        audit.append(actor, "draft.edited", school=draft.school, target=draft,
                     details={"verdict": result.verdict, "rules": [f.rule for f in result.findings]})
    return draft


def _approvers(draft: Draft) -> list[AbstractBaseUser]:
    engine = engine_school(draft.school)
    roles = approver_roles(draft.school, engine.pack.id, engine.pack.extends)
    return [
        membership.user for membership in
        Membership.objects.filter(school=draft.school, role__in=roles).select_related("user")
        if membership.user_id != draft.author_id
    ]


SUBMIT_REFUSALS = {
    "escalate": "this draft raises a safeguarding or serious conduct concern: do not post it, "
                "and speak to the DSL or headteacher",
    "block": "this draft breaks the policy: fix the findings before submitting",
}


def do_submit_draft(actor: AbstractBaseUser, draft: Draft) -> Draft:
    _require_editable(actor, draft)
    with transaction.atomic():
        result = _recheck(draft, actor)
        refusal = SUBMIT_REFUSALS.get(result.verdict)
        if refusal:
            # The fresh findings are kept (and the refusal recorded) so the author sees why.
            draft.save(update_fields=["verdict", "findings", "updated_at"])
            audit.append(actor, "draft.submit_refused", school=draft.school, target=draft,
                         details={"verdict": result.verdict})
        else:
            draft.status = DraftStatus.SUBMITTED
            draft.save()
            DraftEvent.objects.create(draft=draft, actor=actor, kind="submitted", verdict=result.verdict)
            audit.append(actor, "draft.submitted", school=draft.school, target=draft,
                         details={"verdict": result.verdict})
            notify(_approvers(draft), f"{actor.get_username()} asks you to approve a post for "
                    f"{draft.school.name}", f"/drafts/{draft.pk}/", school=draft.school)
    if refusal:
        raise ActionError(refusal)
    return draft


def _require_approver(actor: AbstractBaseUser, draft: Draft) -> None:
    require(actor, "approve", draft.school)
    engine = engine_school(draft.school)
    roles = approver_roles(draft.school, engine.pack.id, engine.pack.extends)
    if not roles_at(actor, draft.school) & roles:
        raise NotAllowed("the policy (or the crisis lock) names other approvers for this post")
    if draft.author_id == actor.pk:
        raise NotAllowed("you cannot approve your own post; another approver must")
    if draft.status != DraftStatus.SUBMITTED:
        raise ActionError("only a submitted draft can be approved or returned")


def do_approve_draft(actor: AbstractBaseUser, draft: Draft, comment: str = "") -> Draft:
    _require_approver(actor, draft)
    with transaction.atomic():
        # Consents and rosters change: the post is checked again at the moment of approval.
        result = _recheck(draft, draft.author)
        refused = result.verdict in SUBMIT_REFUSALS
        if refused:
            draft.save(update_fields=["verdict", "findings", "updated_at"])
            audit.append(actor, "draft.approval_refused", school=draft.school, target=draft,
                         details={"verdict": result.verdict})
        else:
            draft.status = DraftStatus.APPROVED
            draft.save()
            DraftEvent.objects.create(draft=draft, actor=actor, kind="approved", comment=comment,
                                      verdict=result.verdict)
            audit.append(actor, "draft.approved", school=draft.school, target=draft,
                         details={"comment": comment, "verdict": result.verdict})
            notify([draft.author], f"Your post for {draft.school.name} was approved",
                    f"/drafts/{draft.pk}/", school=draft.school)
    if refused:
        raise ActionError("the post no longer passes the check: return it to the author")
    return draft


def do_return_draft(actor: AbstractBaseUser, draft: Draft, comment: str) -> Draft:
    _require_approver(actor, draft)
    if not comment.strip():
        raise ActionError("say what needs to change when returning a post")
    with transaction.atomic():
        draft.status = DraftStatus.RETURNED
        draft.save(update_fields=["status", "updated_at"])
        DraftEvent.objects.create(draft=draft, actor=actor, kind="returned", comment=comment)
        audit.append(actor, "draft.returned", school=draft.school, target=draft,
                     details={"comment": comment})
        notify([draft.author], f"Your post for {draft.school.name} was returned: {comment[:200]}",
                f"/drafts/{draft.pk}/", school=draft.school,
                email_text=f"Your post for {draft.school.name} was returned: read the comment in safepost")
    return draft


def do_publish_draft(actor: AbstractBaseUser, draft: Draft, method: str) -> Draft:
    """Mark an approved post as published (copied, downloaded, or sent to the school's hook)."""
    require(actor, "compose", draft.school)
    if draft.status not in (DraftStatus.APPROVED, DraftStatus.PUBLISHED):
        raise ActionError("only an approved post can be published")
    if draft.school.crisis_lock and not draft.events.filter(
        kind="approved", actor__memberships__school=draft.school,
        actor__memberships__role="headteacher",
    ).exists():
        raise ActionError("crisis lock: the headteacher must approve this post before it goes out")
    if draft.takedown_tasks.filter(done_at__isnull=True).exists():
        raise ActionError("a parent has withdrawn consent for a pupil in this post: it must not go out")
    if method == "hook" and not draft.school.publisher_url:
        raise ActionError("no publisher hook is set up for this school")
    with transaction.atomic():
        draft.status = DraftStatus.PUBLISHED
        draft.save(update_fields=["status", "updated_at"])
        DraftEvent.objects.create(draft=draft, actor=actor, kind=f"published:{method}")
        audit.append(actor, "draft.published", school=draft.school, target=draft,
                     details={"method": method})
        if method == "hook":
            payload = publish_payload(draft)
            url = draft.school.publisher_url
            transaction.on_commit(lambda: _call_publisher(url, payload))
    return draft


def publish_payload(draft: Draft) -> dict[str, Any]:
    return {
        "school": draft.school.name,
        "account": {"platform": draft.account.platform, "handle": draft.account.handle}
        if draft.account else None,
        "text": draft.text,
        "images": [image.original_name for image in draft.images.all()],
        "approved_by": [event.actor.get_username() for event in draft.events.filter(kind="approved")],
    }


def _call_publisher(url: str, payload: dict[str, Any]) -> None:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json"}, method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.PUBLISHER_TIMEOUT_SECONDS) as reply:
            outcome = {"status": reply.status}
    except OSError as exc:
        outcome = {"error": str(exc)}
    with transaction.atomic():
        audit.append(None, "publisher.called", details={"url": url, **outcome})


def stripped_image(image: DraftImage) -> bytes:
    """The picture without EXIF, GPS, serials or timestamps. JPEG, PNG and WebP are rewritten
    without re-encoding (the pixels stay exactly as they were, a JPEG keeps its orientation);
    other formats are re-encoded from their pixels, turned upright first."""
    with image.file.open("rb") as handle:
        data = handle.read()
    try:
        return strip_bytes(data, image.original_name)[0]
    except MediaError:
        pass
    with Image.open(io.BytesIO(data)) as picture:
        picture.load()
        clean = ImageOps.exif_transpose(picture) or picture.copy()
        clean.info = {}  # Pillow writes EXIF or text chunks only when they are handed to save()
        out = io.BytesIO()
        clean.save(out, format=picture.format or "PNG")
    return out.getvalue()


def do_strip_draft_images(actor: AbstractBaseUser, draft: Draft) -> Draft:
    """The one-click fix for location data: every picture re-encoded without its metadata."""
    _require_editable(actor, draft)
    with transaction.atomic():
        stripped = 0
        for image in draft.images.all():
            clean = stripped_image(image)
            name = image.file.name
            image.file.storage.delete(name)
            image.file.storage.save(name, io.BytesIO(clean))
            stripped += 1
        result = _recheck(draft, actor)
        draft.save(update_fields=["verdict", "findings", "updated_at"])
        DraftEvent.objects.create(draft=draft, actor=actor, kind="pictures cleaned",
                                  verdict=result.verdict)
        audit.append(actor, "draft.pictures_cleaned", school=draft.school, target=draft,
                     details={"pictures": stripped})
    return draft


def do_set_crisis_lock(actor: AbstractBaseUser, school: School, on: bool, reason: str = "") -> School:
    require(actor, "crisis_lock", school)
    with transaction.atomic():
        school.crisis_lock = on
        school.crisis_lock_changed_at = timezone.now()
        school.save(update_fields=["crisis_lock", "crisis_lock_changed_at"])
        audit.append(actor, "crisis_lock.on" if on else "crisis_lock.off", school=school,
                     details={"reason": reason})
    return school


def do_start_second_factor(user: AbstractBaseUser) -> SecondFactor:
    """A new, unconfirmed authenticator secret for the user to add to their app."""
    with transaction.atomic():
        factor, _ = SecondFactor.objects.get_or_create(user=user, defaults={"secret": pyotp.random_base32()})
        if factor.confirmed_at is None:
            factor.secret = pyotp.random_base32()
            factor.save(update_fields=["secret"])
        audit.append(user, "second_factor.started")
    return factor


def verify_code(factor: SecondFactor, code: str) -> bool:
    """A TOTP code for now (one step either way), never the same step twice."""
    totp = pyotp.TOTP(factor.secret)
    now = timezone.now().timestamp()
    cleaned = "".join(ch for ch in code if ch.isdigit())
    for offset in (0, -1, 1):
        step = int(now // 30) + offset
        if step > factor.last_used_step and totp.at(step * 30) == cleaned:
            factor.last_used_step = step
            factor.save(update_fields=["last_used_step"])
            return True
    return False


def do_confirm_second_factor(user: AbstractBaseUser, code: str) -> bool:
    with transaction.atomic():
        factor = SecondFactor.objects.select_for_update().get(user=user)
        if not verify_code(factor, code):
            audit.append(user, "second_factor.failed")
            return False
        if factor.confirmed_at is None:
            factor.confirmed_at = timezone.now()
            factor.save(update_fields=["confirmed_at"])
            audit.append(user, "second_factor.enrolled")
        audit.append(user, "signed_in", details={"second_factor": True})
    return True


def do_record_sign_in(user: AbstractBaseUser | None, username: str, ok: bool, address: str) -> None:
    with transaction.atomic():
        audit.append(user if ok else None, "signed_in" if ok else "sign_in.failed",
                     details={"username": username, "address": address})


def do_create_api_token(user: AbstractBaseUser) -> Token:
    with transaction.atomic():
        Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
        audit.append(user, "api_token.created")
    return token


def do_mark_notifications_read(user: AbstractBaseUser) -> int:
    with transaction.atomic():
        count = Notification.objects.filter(user=user, read=False).update(read=True)
        audit.append(user, "notifications.read", details={"count": count})
    return count

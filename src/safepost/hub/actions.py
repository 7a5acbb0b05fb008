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
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as date_format
from PIL import Image, ImageOps
from rest_framework.authtoken.models import Token

from safepost.contract import Approval, CheckRequest, CheckResult, Counterpart, ImageRef
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
    Role,
    School,
    SecondFactor,
)
from safepost.hub.notify import notify
from safepost.hub.permissions import NotAllowed, post_approver_roles, require, roles_at
from safepost.media import MediaError, strip_bytes

log = logging.getLogger(__name__)
MAX_IMAGE_BYTES = 10 * 1024 * 1024

# How a post can be marked published: copied (or downloaded) and posted by hand, or sent to the
# school's publishing tool. Its step in the post's history is "published:<method>".
PUBLISH_METHODS = ("copy", "hook")

# What each step in a post's history (DraftEvent.kind) means, in the words the post's page shows.
EVENT_WORDS: dict[str, str] = {
    "created": "Draft started",
    "edited": "Edited",
    "submitted": "Sent for approval",
    "approved": "Approved",
    "returned": "Sent back for changes",
    "published:copy": "Published (copied by hand)",
    "published:hook": "Published through the school's publishing tool",
    "pictures cleaned": "Hidden data removed from the pictures",
}


def event_words(kind: str) -> str:
    """The plain words for a step in a post's history; the kind itself where none are written."""
    return EVENT_WORDS.get(kind, kind)


class ActionError(ValueError):
    """The action cannot be done as asked; the message says why in plain words."""


def whole_number(value: Any, digits: int = 18) -> int | None:
    """A record's id or a count as typed or sent: 0-9 only, at most `digits` of them, else None.
    ("²" and "٣" pass str.isdigit(), and 19 digits overflow a database id: either would be a
    server error, not a field's error.)"""
    text = str(value if value is not None else "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= digits else None


class FormErrors(ActionError):
    """Several fields' problems, said at once: `problems` lists each message, every one starting
    with its field's label as a single ActionError's does (as `views_common.error_context` reads
    them): a post lacking what it needs to go for approval, a register form's fields."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


def _staff_id(user: AbstractBaseUser, school: School) -> str | None:
    membership = Membership.objects.filter(user=user, school=school).exclude(staff_id="").first()
    return membership.staff_id if membership else None


def person_name(user: AbstractBaseUser) -> str:
    """What the hub calls someone on screens and in messages: their full name, else the username."""
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or user.get_username())


def run_check(
    school: School, user: AbstractBaseUser, text: str, pupils: list[str],
    account: OfficialAccount | None, image_paths: list[str] | None = None,
    channel: str = "official", kind: str = "post", counterpart: str | None = None,
    author_role: str | None = None, approved_by: AbstractBaseUser | None = None,
) -> CheckResult:
    """The engine's check of a draft, as the CLI makes it, with the hub's language model.
    `kind` is the contract's (post, comment, message...); `counterpart` the kind of person a
    message or reply is to (pupil, former_pupil, parent, colleague, public). `author_role`
    names someone who is not the member of staff `user` (a parent's comment on the school's
    page, which `user` recorded): the request then carries that role and no staff id.
    `approved_by`: the approver approving the draft now, as the contract's `approval` (what
    the check says needs approval is then satisfied: a Holbrook post's leadership approval)."""
    engine = engine_school(school)
    images = [ImageRef(path=path, pupils=tuple(pupils)) for path in (image_paths or [])]
    if pupils and not images:
        images = [ImageRef(path="(not attached)", pupils=tuple(pupils))]
    request = CheckRequest(
        id="hub", text=text, channel=channel, kind=kind,
        platform=account.platform if account else None,
        author_staff_id=None if author_role else _staff_id(user, school),
        author_role=author_role,
        images=tuple(images),
        counterpart=Counterpart(kind=counterpart) if counterpart else None,
        approval=Approval(staff_id=_staff_id(approved_by, school) or approved_by.get_username(),
                          reference="approved in the hub") if approved_by is not None else None,
    )
    result = check(request, engine, image_root=Path(settings.MEDIA_ROOT), registry=hub_registry())
    # A picture not attached yet is not a problem to report as a note.
    result.notes = [note for note in result.notes if "(not attached)" not in note]
    return result


def _recheck(
    draft: Draft, author: AbstractBaseUser, approved_by: AbstractBaseUser | None = None,
) -> CheckResult:
    """Check the draft as it stands now and keep the verdict and findings on it (not saved)."""
    result = run_check(draft.school, author, draft.text, draft.pupils, draft.account,
                       _image_paths(draft), approved_by=approved_by)
    draft.verdict = result.verdict
    draft.findings = [finding.to_json() for finding in result.findings]
    return result


def _save_image(draft: Draft, upload: UploadedFile) -> DraftImage:
    if upload.size is not None and upload.size > MAX_IMAGE_BYTES:
        raise ActionError(f"{upload.name}: larger than 10 MB")
    image = DraftImage(draft=draft, original_name=upload.name or "picture")
    image.file.save(f"{secrets.token_hex(8)}{Path(upload.name or '').suffix.lower()[:8]}", upload, save=False)
    image.save()
    return image


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


def head_ids(school: School) -> set[int]:
    return set(Membership.objects.filter(school=school, role=Role.HEADTEACHER)
               .values_list("user_id", flat=True))


def draft_approver_roles(draft: Draft, heads: set[int] | None = None) -> frozenset[str]:
    """The roles that may approve this post (see `permissions.post_approver_roles`: a post the
    headteacher wrote goes to a deputy head or senior leader, or the trust admin)."""
    engine = engine_school(draft.school)
    head_wrote_it = draft.author_id in (head_ids(draft.school) if heads is None else heads)
    author_roles = {Role.HEADTEACHER.value} if head_wrote_it else set()
    return post_approver_roles(draft.school, engine.pack.id, engine.pack.extends, author_roles)


def may_approve_draft(actor: AbstractBaseUser, draft: Draft, actor_roles: set[str] | None = None,
                      heads: set[int] | None = None) -> bool:
    """Whether the actor may approve (or return) this post, whatever its status."""
    heads = head_ids(draft.school) if heads is None else heads
    roles = roles_at(actor, draft.school) if actor_roles is None else actor_roles
    return draft.author_id != actor.pk and bool(roles & draft_approver_roles(draft, heads))


def approvers(draft: Draft) -> list[AbstractBaseUser]:
    """The people who may approve this post (not its author): they are asked, and the author is
    told who they are."""
    roles = draft_approver_roles(draft)
    people = Q(school=draft.school, role__in=roles)
    if Role.TRUST_ADMIN.value in roles and draft.school.trust_id:
        people |= Q(trust_id=draft.school.trust_id, school__isnull=True, role=Role.TRUST_ADMIN)
    found = {membership.user_id: membership.user
             for membership in Membership.objects.filter(people).select_related("user").order_by("pk")
             if membership.user_id != draft.author_id}
    return [person for person in found.values() if person.is_active]


# The start of the message that asks someone to approve a post (the home page hides it once
# the post is no longer waiting).
APPROVAL_REQUEST = "asks you to approve a post"


def _requests_answered(draft: Draft) -> None:
    """Once a post is approved or returned, nobody is still asked to approve it."""
    Notification.objects.filter(link=f"/drafts/{draft.pk}/", text__contains=APPROVAL_REQUEST,
                                read=False).update(read=True)


def _require_complete(text: str, has_pictures: bool, account: OfficialAccount | None,
                      approving: bool = False) -> None:
    """A post goes for approval (and is approved) only with something to post, text or a
    picture, and the official account it goes on. Each problem starts with its field's label."""
    problems = []
    if not text.strip() and not has_pictures:
        problems.append("Post: it has no text and no picture; return it to the author" if approving
                        else "Post: write the text of the post or add a picture")
    if account is None:
        problems.append("Account: no official account is chosen; return it to the author" if approving
                        else "Account: choose the official account the post goes on")
    elif account.approved_on is None:
        problems.append(unapproved_account(
            account, "the headteacher must approve it in the official accounts register first, "
            "or return the post" if approving
            else "choose another account, or ask the headteacher to approve it"))
    if problems:
        raise FormErrors(problems)


# The policies allow no official account without the headteacher's approval: nothing is
# submitted, approved or published on one the register does not show approved, and the compose
# page marks such an account with these words.
UNAPPROVED_ACCOUNT = "not yet approved by the headteacher, so nothing can be published on it"


def unapproved_account(account: OfficialAccount, then: str) -> str:
    return f"Account: {account.handle} ({account.platform}) is {UNAPPROVED_ACCOUNT}; {then}"


SUBMIT_REFUSALS = {
    "escalate": "this draft raises a safeguarding or serious conduct concern: do not post it, "
                "and speak to the DSL or headteacher",
    "block": "this draft breaks the policy: fix the findings before submitting",
}


def do_submit_draft(actor: AbstractBaseUser, draft: Draft) -> Draft:
    _require_editable(actor, draft)
    _require_complete(draft.text, draft.images.exists(), draft.account)
    with transaction.atomic():
        result = _recheck(draft, actor)
        refusal = SUBMIT_REFUSALS.get(result.verdict)
        if refusal:
            # The fresh findings are kept (and the refusal recorded) so the author sees why.
            draft.save(update_fields=["verdict", "findings", "updated_at"])
            audit.append(actor, "draft.submit_refused", school=draft.school, target=draft,
                         details={"verdict": result.verdict})
        else:
            _mark_submitted(actor, draft, result.verdict)
    if refusal:
        raise ActionError(refusal)
    return draft


def _mark_submitted(actor: AbstractBaseUser, draft: Draft, verdict: str) -> None:
    """Inside the submitting transaction: the post waits for approval, and its approvers are asked."""
    draft.status = DraftStatus.SUBMITTED
    draft.save()
    DraftEvent.objects.create(draft=draft, actor=actor, kind="submitted", verdict=verdict)
    audit.append(actor, "draft.submitted", school=draft.school, target=draft, details={"verdict": verdict})
    notify(approvers(draft), f"{person_name(actor)} {APPROVAL_REQUEST} for {draft.school.name}",
           f"/drafts/{draft.pk}/", school=draft.school)


def do_submit_new_draft(
    actor: AbstractBaseUser, school: School, *, text: str, pupils: list[str],
    account: OfficialAccount | None, uploads: list[UploadedFile] | None = None,
) -> Draft:
    """Write a post and submit it for approval in one step (the compose page's "Submit for
    approval"). A refused submission leaves nothing behind: no draft, no pictures, no record
    (nothing was changed), so the author fixes what they typed and submits again."""
    require(actor, "compose", school)
    _require_complete(text, bool(uploads), account)
    saved: list[DraftImage] = []
    try:
        with transaction.atomic():
            draft = Draft.objects.create(school=school, author=actor, account=account, text=text,
                                         pupils=pupils)
            for upload in uploads or []:
                saved.append(_save_image(draft, upload))
            result = _recheck(draft, actor)
            refusal = SUBMIT_REFUSALS.get(result.verdict)
            if refusal:
                raise ActionError(refusal)  # rolls the draft back
            DraftEvent.objects.create(draft=draft, actor=actor, kind="created", verdict=result.verdict)
            audit.append(actor, "draft.created", school=school, target=draft,
                         details={"verdict": result.verdict, "rules": [f.rule for f in result.findings]})
            _mark_submitted(actor, draft, result.verdict)
    except Exception:
        for image in saved:  # files are not part of the transaction: whatever went wrong
            image.file.storage.delete(image.file.name)
        raise
    return draft


def _require_approver(actor: AbstractBaseUser, draft: Draft) -> None:
    if draft.author_id == actor.pk:
        raise NotAllowed("you cannot approve your own post; another approver must")
    if not may_approve_draft(actor, draft):
        raise NotAllowed("the policy (or the crisis lock) names other approvers for this post")
    if draft.status != DraftStatus.SUBMITTED:
        raise ActionError("only a submitted draft can be approved or returned")


def _still_submitted(draft: Draft) -> None:
    """Inside the write's transaction: the post is still waiting for a decision. Two approvers
    deciding at once (or a double click) both passed `_require_approver` before either wrote;
    the second now waits for the first's write (the row lock, or SQLite's one writer) and is
    refused, rather than approving a post just returned or approving it twice."""
    current = Draft.objects.select_for_update().only("status").get(pk=draft.pk)
    if current.status != DraftStatus.SUBMITTED:
        raise ActionError("someone has already approved or returned this post: reload it to see")


def do_approve_draft(actor: AbstractBaseUser, draft: Draft, comment: str = "") -> Draft:
    _require_approver(actor, draft)
    _require_complete(draft.text, draft.images.exists(), draft.account, approving=True)
    with transaction.atomic():
        _still_submitted(draft)
        # Consents and rosters change: the post is checked again at the moment of approval.
        result = _recheck(draft, draft.author, approved_by=actor)
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
            _requests_answered(draft)
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
        _still_submitted(draft)
        draft.status = DraftStatus.RETURNED
        draft.save(update_fields=["status", "updated_at"])
        DraftEvent.objects.create(draft=draft, actor=actor, kind="returned", comment=comment)
        _requests_answered(draft)
        audit.append(actor, "draft.returned", school=draft.school, target=draft,
                     details={"comment": comment})
        notify([draft.author], f"Your post for {draft.school.name} was returned: {comment[:200]}",
                f"/drafts/{draft.pk}/", school=draft.school,
                email_text=f"Your post for {draft.school.name} was returned: read the comment in safepost")
    return draft


def do_publish_draft(actor: AbstractBaseUser, draft: Draft, method: str) -> Draft:
    """Mark an approved post as published (copied, downloaded, or sent to the school's hook),
    once: a post already marked published is refused, so it is never recorded twice."""
    require(actor, "compose", draft.school)
    if method not in PUBLISH_METHODS:  # each method has words in the post's history (EVENT_WORDS)
        raise ActionError("say how the post was published: posted by hand or sent to the publishing tool")
    if draft.status == DraftStatus.PUBLISHED:
        raise ActionError(_already_published(draft))
    if draft.status != DraftStatus.APPROVED:
        raise ActionError("only an approved post can be published")
    heads = head_ids(draft.school)
    # In a crisis lock the headteacher's word is needed: her approval, or her own post (which a
    # deputy or the trust approved: see `permissions.post_approver_roles`).
    if draft.school.crisis_lock and draft.author_id not in heads and not draft.events.filter(
        kind="approved", actor_id__in=heads,
    ).exists():
        raise ActionError("crisis lock: the headteacher must approve this post before it goes out")
    if draft.takedown_tasks.filter(done_at__isnull=True).exists():
        raise ActionError("a parent has withdrawn consent for a pupil in this post: it must not go out")
    if draft.account is not None and draft.account.approved_on is None:
        raise ActionError(unapproved_account(
            draft.account, "the headteacher must approve it in the official accounts register first"))
    if method == "hook" and not draft.school.publisher_url:
        raise ActionError("no publisher hook is set up for this school")
    with transaction.atomic():
        # The mark is one conditional write: of two clicks at once, the second finds the post
        # no longer approved (it waits for the first's write, then matches no row) and is
        # refused, on PostgreSQL's read-committed as on SQLite.
        now = timezone.now()
        if not Draft.objects.filter(pk=draft.pk, status=DraftStatus.APPROVED).update(
                status=DraftStatus.PUBLISHED, updated_at=now):
            draft.refresh_from_db(fields=["status"])
            if draft.status == DraftStatus.PUBLISHED:
                raise ActionError(_already_published(draft))
            raise ActionError("only an approved post can be published")
        draft.status, draft.updated_at = DraftStatus.PUBLISHED, now
        DraftEvent.objects.create(draft=draft, actor=actor, kind=f"published:{method}")
        audit.append(actor, "draft.published", school=draft.school, target=draft,
                     details={"method": method})
        if method == "hook":
            payload = publish_payload(draft)
            url = draft.school.publisher_url
            transaction.on_commit(lambda: _call_publisher(url, payload))
    return draft


def _already_published(draft: Draft) -> str:
    event = draft.events.filter(kind__startswith="published").select_related("actor").last()
    if event is None:
        return "This post is already marked as published: there is nothing more to do."
    day = date_format(timezone.localtime(event.at), "j F Y")
    return (f"This post was already marked as published by {person_name(event.actor)} on {day}: "
            "there is nothing more to do.")


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
    cleaned = "".join(ch for ch in code if "0" <= ch <= "9")
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

"""The hub's pages. Views read and render; every change goes through `safepost.hub.actions`."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

import pyotp
import segno
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from safepost.hub import actions
from safepost.hub.actions import ActionError, whole_number
from safepost.hub.actions_cases import safeguarding_findings
from safepost.hub.csvsafe import SafeWriter
from safepost.hub.engine_bridge import engine_school
from safepost.hub.middleware import SESSION_KEY, needs_second_factor
from safepost.hub.models import (
    AuditRecord,
    Draft,
    DraftStatus,
    Notification,
    OfficialAccount,
    School,
    SecondFactor,
    TakedownTask,
)
from safepost.hub.permissions import (
    SCHOOL_ROLES,
    NotAllowed,
    allows,
    can,
    can_view_draft,
    roles_at,
    schools_for,
)
from safepost.hub.views_common import error_context
from safepost.report import SEVERITY_WORDS


def hub_context(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    # The header's "(n new)" counts the new messages the home page lists, no more: worked out
    # only on a page that shows it (a callable, which the template calls when it is used).
    signed_in = user is not None and user.is_authenticated
    return {"demo_mode": settings.DEMO_MODE,
            "unread_notifications": (lambda: new_message_count(user)) if signed_in else 0}


def new_message_count(user: Any) -> int:
    """How many of the messages on the home page are marked new (see `_current_notifications`)."""
    return sum(1 for note in _current_notifications(user) if not note.read)


def _client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def _throttle_keys(request: HttpRequest, username: str) -> list[str]:
    return [f"login-fail:user:{username.lower()}", f"login-fail:addr:{_client_address(request)}"]


def _locked_out(request: HttpRequest, username: str) -> bool:
    return any(cache.get(key, 0) >= settings.LOGIN_FAILURE_LIMIT for key in _throttle_keys(request, username))


def _record_failure(request: HttpRequest, username: str) -> None:
    for key in _throttle_keys(request, username):
        cache.add(key, 0, settings.LOGIN_LOCKOUT_SECONDS)
        cache.incr(key)


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        username = request.POST.get("username", "").strip()
        password = request.POST.get("password", "")
        if _locked_out(request, username):
            error = "Too many failed attempts. Wait 15 minutes and try again, or ask your IT lead."
        else:
            user = authenticate(request, username=username, password=password)
            if user is None:
                _record_failure(request, username)
                actions.do_record_sign_in(None, username, ok=False, address=_client_address(request))
                error = "The username or password is not right."
            else:
                for key in _throttle_keys(request, username):
                    cache.delete(key)
                login(request, user)
                if needs_second_factor(user):
                    return redirect("hub:second_factor")
                actions.do_record_sign_in(user, username, ok=True, address=_client_address(request))
                return redirect(request.GET.get("next") or "hub:home")
    status = 429 if error.startswith("Too many") else 200
    return render(request, "hub/login.html", {"error": error}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_view(request: HttpRequest) -> HttpResponse:
    factor = SecondFactor.objects.filter(user=request.user).first()
    enrolling = factor is None or factor.confirmed_at is None
    error = ""
    if request.method == "POST" and factor is not None:
        if _locked_out(request, request.user.get_username()):
            error = "Too many failed attempts. Wait 15 minutes and try again."
        elif actions.do_confirm_second_factor(request.user, request.POST.get("code", "")):
            request.session[SESSION_KEY] = True
            request.session.cycle_key()
            return redirect("hub:home")
        else:
            _record_failure(request, request.user.get_username())
            error = "That code is not right. Codes change every 30 seconds; try the current one."
    if enrolling and (factor is None or request.method == "GET"):
        factor = actions.do_start_second_factor(request.user)
    context: dict[str, Any] = {"enrolling": enrolling, "error": error}
    if settings.DEMO_MODE and factor is not None and factor.confirmed_at is not None:
        # Demo accounts only: show the code so a visitor can try the hub without an app.
        context["demo_code"] = pyotp.TOTP(factor.secret).now()
    if enrolling and factor is not None:
        uri = f"otpauth://totp/safepost:{request.user.get_username()}?secret={factor.secret}&issuer=safepost"
        context["secret"] = factor.secret
        context["qr_svg"] = segno.make(uri, error="m").svg_inline(scale=4, title="Authenticator QR code")
    return render(request, "hub/second_factor.html", context)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("hub:login")


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.user)
    roles = {school.pk: roles_at(request.user, school) for school in schools}
    waiting = []
    for school in schools:
        if allows(roles[school.pk], "approve") or allows(roles[school.pk], "approve_head_post"):
            heads = actions.head_ids(school)
            waiting += [
                draft for draft in Draft.objects.filter(school=school, status=DraftStatus.SUBMITTED)
                .exclude(author=request.user).select_related("author", "school")
                if actions.may_approve_draft(request.user, draft, roles[school.pk], heads)
            ]
    my_drafts = list(Draft.objects.filter(author=request.user).select_related("school")
                     .order_by("-updated_at")[:20])
    taken_down = _taken_down_ids(my_drafts)
    for draft in my_drafts:
        draft.shown_status = "Taken down" if draft.pk in taken_down else draft.get_status_display()
    notifications = _current_notifications(request.user)
    context = {
        "schools": [
            {"school": school, "can_compose": allows(roles[school.pk], "compose"),
             "can_audit": allows(roles[school.pk], "view_audit"),
             "can_lock": allows(roles[school.pk], "crisis_lock"),
             "registers": register_links(roles[school.pk], school)}
            for school in schools
        ],
        "my_drafts": my_drafts,
        "waiting": waiting,
        "trust_dashboard": request.user.memberships.filter(role="trust_admin").exists(),
        "notifications": notifications,
        "unread_notifications": sum(1 for note in notifications if not note.read),
    }
    return render(request, "hub/home.html", context)


DRAFT_LINK = re.compile(r"^/drafts/(\d+)/$")


def _current_notifications(user: Any, count: int = 10) -> list[Notification]:
    """The latest messages, less the requests to approve a post that is no longer waiting
    (approved, returned or published since): those only lead to a post with nothing to do."""
    notes = list(Notification.objects.filter(user=user)[:count * 4])
    asked = {int(match.group(1)) for note in notes if actions.APPROVAL_REQUEST in note.text
             and (match := DRAFT_LINK.match(note.link))}
    still_waiting = set(Draft.objects.filter(pk__in=asked, status=DraftStatus.SUBMITTED)
                        .values_list("pk", flat=True))
    current = [
        note for note in notes
        if not (actions.APPROVAL_REQUEST in note.text and (match := DRAFT_LINK.match(note.link))
                and int(match.group(1)) not in still_waiting)
    ]
    return current[:count]


def _taken_down_ids(drafts: list[Draft]) -> set[int]:
    """Published posts whose take-down tasks are all done: they are no longer up."""
    published = [draft.pk for draft in drafts if draft.status == DraftStatus.PUBLISHED]
    tasks = TakedownTask.objects.filter(draft_id__in=published).values_list("draft_id", "done_at")
    done = {draft_id for draft_id, done_at in tasks if done_at is not None}
    still_open = {draft_id for draft_id, done_at in tasks if done_at is None}
    return done - still_open


REGISTER_LINKS = (
    ("dashboard", "view_dashboard", "Governance dashboard"),
    ("policy", "sign_policy", "Social media policy: read and sign"),
    ("policy", "manage_policy", "Social media policy: versions and signatures"),
    ("school_days", "view_school", "School days: holidays and INSET days"),
    ("consent", "view_consent", "Consent register"),
    ("accounts", "view_accounts", "Official accounts register"),
    ("contact", "log_contact", "Contact log: friend requests and messages"),
    ("comments", "moderate_comments", "Comments on the school's pages"),
    ("cases", "handle_cases", "Concerns and cases"),
    ("raise_concern", "raise_concern", "Raise a concern"),
    ("subject_access", "export_personal_data", "Subject access request export"),
)


def register_links(roles: set[str], school: School) -> list[tuple[str, str]]:
    """The registers someone with these roles may open at this school, as (address, words)."""
    links: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name, capability, words in REGISTER_LINKS:
        if name not in seen and allows(roles, capability):
            seen.add(name)
            links.append((reverse(f"hub:{name}", kwargs={"school_id": school.pk}), words))
    return links


def _school_for(request: HttpRequest, school_id: int, capability: str) -> School:
    school = get_object_or_404(School, pk=school_id)
    if not can(request.user, capability, school):
        raise PermissionDenied
    return school


def _form_values(request: HttpRequest, school: School) -> tuple[str, list[str], OfficialAccount | None]:
    text = request.POST.get("text", "")
    pupils = [pupil for pupil in request.POST.getlist("pupils") if pupil]
    # An id that is no number (or too long for one) names no account: the form's choice is empty.
    account_id = whole_number(request.POST.get("account"))
    account = OfficialAccount.objects.filter(school=school, pk=account_id).first() if account_id else None
    return text, pupils, account


def _apply_fix(text: str, findings: list[dict[str, Any]], index: int) -> str:
    if not 0 <= index < len(findings):
        return text
    finding = findings[index]
    if finding.get("start") is None or finding.get("replacement") is None:
        return text
    return text[:finding["start"]] + finding["replacement"] + text[finding["end"]:]


def _compose_context(school: School, text: str, pupils: list[str], account: OfficialAccount | None,
                     result: Any = None, draft: Draft | None = None) -> dict[str, Any]:
    engine = engine_school(school)
    # A saved post's pupils by name (the roster with the register laid over it, former pupils
    # too); an ID the school does not know is shown as it is. Only a saved post shows them.
    names = {pupil.pupil_id: pupil.display_name for pupil in engine.pupils} if draft else {}
    return {
        "school": school,
        "accounts": school.accounts.all(),
        "unapproved_words": actions.UNAPPROVED_ACCOUNT,
        "roster": [p for p in engine.pupils if p.status == "current"],
        "text": text,
        "selected_pupils": set(pupils),
        "account": account,
        "result": result,
        "verdict": result.verdict if result else None,
        "findings": _display_findings(result.findings if result else []),
        "draft": draft,
        "pupils_shown": [names.get(pupil_id, pupil_id) for pupil_id in (draft.pupils or [])]
        if draft else [],
        "pack": engine.pack,
    }


def _display_findings(findings: list[Any]) -> list[dict[str, Any]]:
    shown = []
    for index, finding in enumerate(findings):
        data = finding.to_json() if hasattr(finding, "to_json") else dict(finding)
        data["index"] = index
        data["severity_words"] = SEVERITY_WORDS.get(data["severity"], data["severity"])
        data["can_fix"] = data.get("start") is not None and data.get("replacement") is not None
        shown.append(data)
    return shown


@login_required
@require_http_methods(["GET", "POST"])
def compose(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "compose")
    if request.method == "GET":
        return render(request, "hub/compose.html", _compose_context(school, "", [], None))
    text, pupils, account = _form_values(request, school)
    action = request.POST.get("action", "check")
    uploads = request.FILES.getlist("images")
    try:
        if action == "save":
            draft = actions.do_create_draft(request.user, school, text=text, pupils=pupils,
                                            account=account, uploads=uploads)
            return redirect("hub:draft", draft_id=draft.pk)
        if action == "submit":
            # A refused submission saves nothing: the page comes back with what was typed.
            draft = actions.do_submit_new_draft(request.user, school, text=text, pupils=pupils,
                                                account=account, uploads=uploads)
            return redirect("hub:draft", draft_id=draft.pk)
    except ActionError as exc:
        errors = error_context(exc, FIELD_IDS, "text")
        if uploads and action == "submit":
            errors["errors"].append({"field": "images",
                                     "message": "Pictures: they were not kept; add them again"})
        return _compose_error(request, school, text, pupils, account, errors)
    result = actions.run_check(school, request.user, text, pupils, account)
    if action.startswith("fix-"):
        findings = [finding.to_json() for finding in result.findings]
        fix = whole_number(action[4:])
        text = _apply_fix(text, findings, -1 if fix is None else fix)
        result = actions.run_check(school, request.user, text, pupils, account)
    return render(request, "hub/compose.html", _compose_context(school, text, pupils, account, result))


def _compose_error(request: HttpRequest, school: School, text: str, pupils: list[str],
                   account: OfficialAccount | None, errors: dict[str, Any]) -> HttpResponse:
    """The compose page again, with what was typed and each problem linked to its field."""
    result = actions.run_check(school, request.user, text, pupils, account)
    context = _compose_context(school, text, pupils, account, result)
    context.update(errors)
    return render(request, "hub/compose.html", context, status=400)


# The form field each action error is about (errors start with the field's label).
FIELD_IDS = {"Post:": "text", "Account:": "account", "Pictures:": "images"}


@login_required
@require_POST
def check_fragment(request: HttpRequest, school_id: int) -> HttpResponse:
    """Check as you type: the findings panel for the text so far. Nothing is stored."""
    school = _school_for(request, school_id, "compose")
    text, pupils, account = _form_values(request, school)
    result = actions.run_check(school, request.user, text, pupils, account)
    context = _compose_context(school, text, pupils, account, result)
    context["fixable"] = True
    return render(request, "hub/_findings.html", context)


def _draft_for(request: HttpRequest, draft_id: int) -> Draft:
    """The post, for those who may see it (`permissions.can_view_draft`, as the API): anyone
    else is told it is not there."""
    draft = get_object_or_404(Draft.objects.select_related("school", "author", "account"), pk=draft_id)
    if not can_view_draft(request.user, draft):
        raise Http404
    return draft


@login_required
@require_http_methods(["GET", "POST"])
def draft_detail(request: HttpRequest, draft_id: int) -> HttpResponseBase:
    draft = _draft_for(request, draft_id)
    error: ActionError | None = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        comment = request.POST.get("comment", "")
        try:
            if action == "save":
                text, pupils, account = _form_values(request, draft.school)
                actions.do_update_draft(request.user, draft, text=text, pupils=pupils,
                                        account=account, uploads=request.FILES.getlist("images"))
            elif action == "submit":
                # What is in the form is saved into this draft first (never a copy of it).
                if "text" in request.POST:
                    text, pupils, account = _form_values(request, draft.school)
                    uploads = request.FILES.getlist("images")
                    if uploads or (text, pupils, account) != (draft.text, draft.pupils, draft.account):
                        actions.do_update_draft(request.user, draft, text=text, pupils=pupils,
                                                account=account, uploads=uploads)
                actions.do_submit_draft(request.user, draft)
            elif action == "strip-pictures":
                actions.do_strip_draft_images(request.user, draft)
            elif action == "approve":
                actions.do_approve_draft(request.user, draft, comment)
            elif action == "return":
                actions.do_return_draft(request.user, draft, comment)
            elif action in ("publish-copy", "publish-hook"):
                actions.do_publish_draft(request.user, draft, action.split("-")[1])
            else:
                raise ActionError("unknown action")
            return redirect("hub:draft", draft_id=draft.pk)
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from exc
        except ActionError as exc:
            error = exc
            draft.refresh_from_db()
    is_author = draft.author_id == request.user.pk
    heads = actions.head_ids(draft.school)
    open_takedowns = list(draft.takedown_tasks.filter(done_at__isnull=True))
    taken_down = draft.pk in _taken_down_ids([draft])
    context = _compose_context(draft.school, draft.text, draft.pupils, draft.account, draft=draft)
    editable = is_author and draft.status in (DraftStatus.DRAFT, DraftStatus.RETURNED)
    context.update({
        "findings": _display_findings(draft.findings),
        "verdict": draft.verdict,
        "events": draft.events.select_related("actor"),
        "is_author": is_author,
        "author_name": actions.person_name(draft.author),
        "head_wrote_it": draft.author_id in heads,
        "approvers": [actions.person_name(person) for person in actions.approvers(draft)]
        if is_author and draft.status == DraftStatus.SUBMITTED else [],
        "shown_status": "Taken down" if taken_down else draft.get_status_display(),
        "taken_down": taken_down,
        "done_takedowns": draft.takedown_tasks.filter(done_at__isnull=False).select_related("done_by")
        if taken_down else [],
        "can_publish": draft.status == DraftStatus.APPROVED and not open_takedowns
        and (draft.account is None or draft.account.approved_on is not None)
        and can(request.user, "compose", draft.school),
        "published": draft.events.filter(kind__startswith="published").select_related("actor").last()
        if draft.status == DraftStatus.PUBLISHED else None,
        "editable": editable,
        "can_approve": draft.status == DraftStatus.SUBMITTED
        and actions.may_approve_draft(request.user, draft, heads=heads),
        **(error_context(error, FIELD_IDS if editable else {"Post:": "post-text"}, "findings")
           if error else {}),
        "safeguarding": bool(safeguarding_findings(draft))
        and can(request.user, "raise_concern", draft.school),
        "takedowns": open_takedowns,
        "location_in_pictures": any(
            finding.get("detector") == "images" and "GPS" in finding.get("evidence", "")
            for finding in draft.findings
        ),
    })
    return render(request, "hub/draft.html", context, status=400 if error is not None else 200)


@login_required
def draft_download(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft_for(request, draft_id)
    if draft.status not in (DraftStatus.APPROVED, DraftStatus.PUBLISHED):
        raise Http404
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("post.txt", draft.text)
        for number, image in enumerate(draft.images.all(), start=1):
            archive.writestr(f"picture-{number}{image.file.name[image.file.name.rfind('.'):]}",
                             actions.stripped_image(image))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="post-{draft.pk}.zip"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def self_check(request: HttpRequest) -> HttpResponse:
    """A private check of a post for one's own account. Nothing is stored or logged."""
    schools = schools_for(request.user)
    context: dict[str, Any] = {"schools": schools, "text": "", "findings": [], "result": None,
                               "verdict": None, "kinds": SELF_CHECK_KINDS,
                               "counterparts": SELF_CHECK_COUNTERPARTS, "kind": "post", "counterpart": ""}
    if request.method == "POST" and schools:
        school = next((s for s in schools if str(s.pk) == request.POST.get("school")), schools[0])
        text = request.POST.get("text", "")
        kind = request.POST.get("kind", "")
        kind = kind if kind in dict(SELF_CHECK_KINDS) else "post"
        counterpart = request.POST.get("counterpart", "")
        counterpart = counterpart if counterpart in dict(SELF_CHECK_COUNTERPARTS) else ""
        # Who it is to matters for a message, or a comment replying to someone; not for a post.
        result = actions.run_check(school, request.user, text, [], None, channel="personal", kind=kind,
                                   counterpart=counterpart if kind != "post" and counterpart else None)
        context.update({"text": text, "result": result, "chosen": school.pk, "verdict": result.verdict,
                        "findings": _display_findings(result.findings), "kind": kind,
                        "counterpart": counterpart})
    return render(request, "hub/self_check.html", context)


# What the self-check asks (both optional): what it is, and for a message whom it is to. The
# values are the check contract's `kind` and `counterpart.kind`.
SELF_CHECK_KINDS = (("post", "A post"), ("comment", "A comment or reply"), ("message", "A private message"))
SELF_CHECK_COUNTERPARTS = (
    ("pupil", "A pupil"), ("former_pupil", "A former pupil"), ("parent", "A parent or carer"),
    ("colleague", "A colleague"), ("public", "Someone else"),
)


PUPIL_LEVEL_ACTIONS = ("consent.", "consent_import.", "contact.", "takedown.", "sar.", "comment.")


@login_required
def audit_log(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "view_audit")
    records = AuditRecord.objects.filter(school=school).select_related("actor").order_by("-pk")
    if not can(request.user, "handle_cases", school):
        # Case records are for the headteacher and the DSL: the trust does not see them at all.
        records = records.exclude(action__startswith="case.")
    # Pupil-level records stay in the school: someone with no role there (the trust) sees that
    # a consent, contact, takedown or subject access export was recorded, and when, not for whom.
    in_school = bool(roles_at(request.user, school) & SCHOOL_ROLES)

    def shown(record: AuditRecord) -> AuditRecord:
        if not in_school and record.action.startswith(PUPIL_LEVEL_ACTIONS):
            record.details = {"details": "kept for the school (pupil-level)"}
        return record
    action = request.GET.get("action", "").strip()
    actor = request.GET.get("actor", "").strip()
    if action:
        records = records.filter(action__startswith=action)
    if actor:
        records = records.filter(actor_name__icontains=actor)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="audit-{school.pk}.csv"'
        writer = SafeWriter(response)
        writer.writerow(["id", "at", "actor", "action", "target", "details", "hash"])
        for record in map(shown, records.order_by("pk")):
            writer.writerow([record.pk, record.at.isoformat(), record.actor_name, record.action,
                             f"{record.target_type} {record.target_id}".strip(),
                             json.dumps(record.details, default=str), record.hash])
        return response
    return render(request, "hub/audit.html", {"school": school, "records": [shown(r) for r in records[:500]],
                                              "action": action, "actor": actor})


@login_required
@require_POST
def crisis_lock(request: HttpRequest, school_id: int) -> HttpResponse:
    school = get_object_or_404(School, pk=school_id)
    try:
        actions.do_set_crisis_lock(request.user, school, request.POST.get("on") == "1",
                                   request.POST.get("reason", ""))
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    return redirect("hub:home")


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request: HttpRequest) -> HttpResponse:
    token = None
    if request.method == "POST":
        token = actions.do_create_api_token(request.user).key
    return render(request, "hub/token.html", {"token": token})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    actions.do_mark_notifications_read(request.user)
    return redirect(reverse("hub:home"))

"""Concerns and cases: raising a concern (anyone), the case list and each case (headteacher, DSL
and the people they add only; everyone else gets 'not found'), and opening a case from a post."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from safepost.hub import actions_cases
from safepost.hub.actions import ActionError
from safepost.hub.engine_bridge import directory_school, rule_words
from safepost.hub.models import Case, CaseAttachment, CaseOutcome, CaseStatus
from safepost.hub.permissions import can
from safepost.hub.registers_common import school_users, today
from safepost.hub.views import _draft_for, _school_for
from safepost.hub.views_common import allowed_or_403, error_context

FIELD_IDS = {
    "What the concern": "title",
    "What happened": "description",
    "Stage": "status",
    "Triage": "triage",
    "Note": "note",
    "Attachment": "attachment",
    "Person": "user_id",
    "Outcome": "outcome",
    "Date of the outcome": "outcome_on",
    "Reasons": "outcome_note",
    "Why": "triage_note",
}
# The fields of each form on a case's page, kept as typed when the form is refused.
ACTION_FIELDS = {
    "note": ("note",),
    "triage": ("status", "triage", "triage_note"),
    "share": ("user_id",),
    "close": ("outcome", "outcome_on", "outcome_note"),
}


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def raise_concern(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "raise_concern")
    form = {"title": request.POST.get("title", ""), "description": request.POST.get("description", "")}
    errors: dict[str, Any] = {"error": "", "error_field": "title", "errors": []}
    raised = None
    if request.method == "POST":
        try:
            raised = actions_cases.do_raise_concern(request.user, school, **form)
            form = {"title": "", "description": ""}
        except ActionError as exc:
            errors = error_context(exc, FIELD_IDS, "title")
    return render(
        request,
        "hub/concern_new.html",
        {"school": school, "form": form, **errors, "raised": raised},
        status=400 if errors["error"] else 200,
    )


@login_required
def case_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "handle_cases")
    cases = Case.objects.filter(school=school).select_related("raised_by")
    show = request.GET.get("show", "open")
    if show == "open":
        cases = cases.exclude(status=CaseStatus.CLOSED)
    return render(request, "hub/cases.html", {"school": school, "cases": cases, "show": show})


def _case_for(request: HttpRequest, case_id: int) -> Case:
    case = get_object_or_404(Case.objects.select_related("school", "raised_by", "draft"), pk=case_id)
    if not actions_cases.can_see(request.user, case):
        raise Http404  # its existence is not confirmed to anyone else
    return case


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def case_detail(request: HttpRequest, case_id: int) -> HttpResponseBase:
    case = _case_for(request, case_id)
    errors: dict[str, Any] = {"error": "", "error_field": "note", "errors": []}
    typed: dict[str, str] = {}
    if request.method == "POST":
        data, action = request.POST, request.POST.get("action", "")
        try:
            if action == "note":
                actions_cases.do_add_case_note(request.user, case, text=data.get("note", ""))
            elif action == "attach":
                upload = request.FILES.get("attachment")
                if upload is None:
                    raise ActionError("Attachment: choose a file")
                actions_cases.do_add_case_attachment(request.user, case, upload)
            elif action == "triage":
                actions_cases.do_triage_case(
                    request.user,
                    case,
                    status=data.get("status", ""),
                    triage=data.get("triage", ""),
                    note=data.get("triage_note", ""),
                )
            elif action == "share":
                actions_cases.do_share_case(request.user, case, user_id=data.get("user_id"))
            elif action == "close":
                actions_cases.do_close_case(
                    request.user,
                    case,
                    outcome=data.get("outcome", ""),
                    outcome_on=data.get("outcome_on", ""),
                    note=data.get("outcome_note", ""),
                )
            else:
                raise ActionError("unknown action")
            return redirect("hub:case", case_id=case.pk)
        except ActionError as exc:
            errors = error_context(exc, FIELD_IDS, "note")
            typed = {key: data.get(key, "") for key in ACTION_FIELDS.get(action, ())}
            case.refresh_from_db()
    return render(
        request,
        "hub/case.html",
        {
            "case": case,
            "school": case.school,
            "rule_words": rule_words(directory_school(case.school).pack, case.rule) if case.rule else "",
            "notes": case.notes.select_related("author"),
            "attachments": case.attachments.all(),
            "members": case.members.all(),
            "handler": can(request.user, "handle_cases", case.school),
            # The comment from a school page the case was opened for, for those who moderate them.
            "page_comments": case.page_comments.all()
            if can(request.user, "moderate_comments", case.school) else [],
            "people": school_users(case.school),
            "outcomes": CaseOutcome.choices,
            "stages": [(CaseStatus.TRIAGED, "Triaged"), (CaseStatus.INVESTIGATING, "Being investigated")],
            **errors,
            "typed": typed,
            "today": today().strftime("%d/%m/%Y"),
        },
        status=400 if errors["error"] else 200,
    )


@login_required
def case_attachment(request: HttpRequest, case_id: int, attachment_id: int) -> FileResponse:
    case = _case_for(request, case_id)
    item = get_object_or_404(CaseAttachment, case=case, pk=attachment_id)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)


@login_required
@require_POST
@allowed_or_403
def open_case_from_draft(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft_for(request, draft_id)
    try:
        case = actions_cases.do_open_case_from_draft(request.user, draft)
    except ActionError:
        return redirect("hub:draft", draft_id=draft.pk)
    if actions_cases.can_see(request.user, case):
        return redirect("hub:case", case_id=case.pk)
    if case.raised_by_id == request.user.pk:
        return render(request, "hub/concern_new.html", {"school": draft.school, "raised": case, "form": {}})
    # Someone else's open case: that it exists is said, its reference is not.
    return render(request, "hub/concern_new.html", {"school": draft.school, "already_open": True, "form": {}})

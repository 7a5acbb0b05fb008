"""Comments on the school's official pages: the form to record one and the queue (the school's
moderators), and each comment's page with its findings and Keep / Hide. A comment of another
school, or for someone who does not moderate comments, is 'not found'."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safepost.hub import actions_comments as comments
from safepost.hub.actions import ActionError
from safepost.hub.actions_cases import can_see
from safepost.hub.models import CommenterKind, CommentStatus, PageComment
from safepost.hub.permissions import allows, roles_at
from safepost.hub.views import _display_findings, _school_for
from safepost.hub.views_common import allowed_or_403, error_context

RECORD_FIELDS = ("account", "commenter_kind", "commenter_name", "where", "text", "posted_at")
FIELD_IDS = comments.RECORD_FIELD_NAMES | {comments.REASON: "note", comments.DECISION: "note"}
FILTERS = (("", "All"), (CommentStatus.NEW, "New"), (CommentStatus.WITH_DSL, "With the DSL"),
           (CommentStatus.KEPT, "Kept"), (CommentStatus.HIDDEN, "Hidden"))


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def comment_queue(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "moderate_comments")
    errors: dict[str, Any] = {"error": "", "error_field": "text", "errors": []}
    form = {key: "" for key in RECORD_FIELDS}
    if request.method == "POST":
        form = {key: request.POST.get(key, "") for key in RECORD_FIELDS}
        try:
            comment = comments.do_record_comment(request.user, school, **form)
            return redirect(reverse("hub:comment", kwargs={"comment_id": comment.pk}) + "?recorded=1")
        except ActionError as exc:
            errors = error_context(exc, FIELD_IDS, "text")
    status = request.GET.get("status", "")
    status = status if status in CommentStatus.values else ""
    counts = comments.status_counts(school)
    roles = roles_at(request.user, school)  # read once for every row
    rows = [
        {"comment": item, "readable": comments.can_read(request.user, item, roles),
         "verdict_words": comments.verdict_words(item.verdict)}
        for item in comments.queue(school, status)[:200]
    ]
    return render(
        request,
        "hub/comments.html",
        {
            "school": school,
            "rows": rows,
            "status": status,
            "filters": [(value, words, sum(counts.values()) if not value else counts[value])
                        for value, words in FILTERS],
            "accounts": school.accounts.all(),
            "kinds": CommenterKind.choices,
            "form": form,
            **errors,
        },
        status=400 if errors["error"] else 200,
    )


def _comment_findings(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings as the post's page shows them, but a comment is not ours to rewrite: where
    the engine offers a rewrite, the moderator's choice is said instead."""
    shown = _display_findings(findings)
    for finding in shown:
        if finding["can_fix"]:
            finding["fix"] = "Hide it, or keep it and say why."
        finding["can_fix"] = False
    return shown


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def comment_detail(request: HttpRequest, comment_id: int) -> HttpResponseBase:
    comment = get_object_or_404(
        PageComment.objects.select_related("school", "account", "recorded_by", "decided_by", "case"),
        pk=comment_id,
    )
    roles = roles_at(request.user, comment.school)
    if not allows(roles, "moderate_comments"):
        raise Http404  # another school's comment, or not for this role: not confirmed to exist
    errors: dict[str, Any] = {"error": "", "error_field": "note", "errors": []}
    note = ""
    if request.method == "POST":
        note = request.POST.get("note", "")
        try:
            comments.do_decide_comment(request.user, comment, request.POST.get("action", ""), note)
            return redirect("hub:comment", comment_id=comment.pk)
        except ActionError as exc:
            errors = error_context(exc, FIELD_IDS, "note")
            comment.refresh_from_db()
    readable = comments.can_read(request.user, comment, roles)
    return render(
        request,
        "hub/comment.html",
        {
            "school": comment.school,
            "comment": comment,
            "readable": readable,
            "can_decide": comments.can_decide(request.user, comment, roles),
            "verdict": comment.verdict if readable else None,
            "verdict_text": comments.verdict_words(comment.verdict),
            "findings": _comment_findings(comment.findings) if readable else [],
            "case_link": comment.case if comment.case and can_see(request.user, comment.case) else None,
            "recorded": request.GET.get("recorded") == "1" and comment.recorded_by_id == request.user.pk,
            "note": note,
            **errors,
        },
        status=400 if errors["error"] else 200,
    )

"""The policy page: the current version and its statement to sign; for the headteacher, who
has not signed, the review date, reminders and publishing a new version."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safepost.hub import actions_policy
from safepost.hub.actions import ActionError
from safepost.hub.models import Acknowledgement, School
from safepost.hub.permissions import can
from safepost.hub.registers_common import school_users
from safepost.hub.views_common import allowed_or_403, error_context

VERSION_FIELDS = (
    "version",
    "title",
    "approval_date",
    "approver",
    "owner",
    "review_date",
    "statement",
    "changes",
    "document_link",
)
FIELD_IDS = {
    "Version": "version",
    "Title": "title",
    "Approval date": "approval_date",
    "Review date": "review_date",
    "Statement of acceptance": "statement-text",
    "Approved by": "approver",
    "Owner": "owner",
    "What changed": "changes",
    "Your full name": "signed_name",
    "I have read": "confirmed",
    actions_policy.DOCUMENT_LINK[0]: "document_link",
}



@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def policy(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = get_object_or_404(School, pk=school_id)
    manager = can(request.user, "manage_policy", school)
    signer = can(request.user, "sign_policy", school)
    if not (manager or signer):
        raise PermissionDenied
    version = actions_policy.current_version(school)
    errors: dict[str, Any] = {"error": "", "error_field": "signed_name", "errors": []}
    sent = None
    link_form = version.document_link if version else ""
    new_version = {key: "" for key in VERSION_FIELDS}
    signing = {"signed_name": "", "confirmed": ""}
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "sign" and version is None:
                raise ActionError("there is no policy to sign yet")
            if action == "sign" and version is not None:
                signing = {key: request.POST.get(key, "") for key in signing}
                actions_policy.do_sign_policy(
                    request.user,
                    version,
                    signed_name=signing["signed_name"],
                    confirmed=signing["confirmed"] == "yes",
                )
                return redirect("hub:policy", school_id=school.pk)
            if action == "link" and version is None:
                raise ActionError("there is no policy version to link yet")
            if action == "link" and version is not None:
                link_form = request.POST.get("current_link", "")
                actions_policy.do_set_policy_link(request.user, version, link_form)
                return redirect("hub:policy", school_id=school.pk)
            if action == "remind":
                sent = actions_policy.do_send_policy_reminders(request.user, school)
            elif action == "publish":
                new_version = {key: request.POST.get(key, "") for key in VERSION_FIELDS}
                actions_policy.do_publish_policy_version(request.user, school, **new_version)
                return redirect("hub:policy", school_id=school.pk)
            elif action not in ("sign", "link"):
                raise ActionError("unknown action")
        except ActionError as exc:
            if action == "link":  # the current version's link has its own form
                errors = error_context(exc, {}, "current_link")
            else:
                errors = error_context(exc, FIELD_IDS, "signed_name" if action == "sign" else "version")
    if not any(new_version.values()) and manager:
        defaults = actions_policy.pack_document_control(school)
        if version is not None:
            defaults.update(
                {
                    "version": "",
                    "title": version.title,
                    "approver": version.approver,
                    "owner": version.owner,
                    "statement": version.statement,
                    "approval_date": None,
                    "review_date": None,
                }
            )
        new_version = {
            key: (value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value or "")
            for key, value in defaults.items()
        }
        new_version.setdefault("changes", "")
    mine = Acknowledgement.objects.filter(version=version, user=request.user).first() if version else None
    context = {
        "school": school,
        "version": version,
        "mine": mine,
        "signer": signer,
        "manager": manager,
        **errors,
        "sent": sent,
        "form": new_version,
        "signing": signing,
        "link_form": link_form,
        "versions": school.policy_versions.all()[:10],
    }
    if manager and version is not None:
        people = school_users(school)
        waiting = actions_policy.unsigned(school, version, people)
        total = len(people)
        context.update(
            {
                "unsigned": waiting,
                "signed": version.acknowledgements.select_related("user"),
                "coverage": actions_policy.coverage_percent(total - len(waiting), total),
                "review": actions_policy.review_due(version),
            }
        )
    return render(request, "hub/policy.html", context, status=400 if errors["error"] else 200)

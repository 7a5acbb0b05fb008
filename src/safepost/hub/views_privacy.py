"""Subject access request exports and each person's email preference."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from safepost.hub import actions_email, actions_privacy
from safepost.hub.actions import ActionError
from safepost.hub.models import EmailPreference
from safepost.hub.views import _school_for
from safepost.hub.views_common import allowed_or_403


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def subject_access(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "export_personal_data")
    error, error_field = "", "user_id"
    chosen = {"user_id": request.POST.get("user_id", ""), "pupil_id": request.POST.get("pupil_id", "")}
    if request.method == "POST":
        try:
            name, data = actions_privacy.do_export_subject_access(
                request.user,
                school,
                user_id=chosen["user_id"],
                pupil_id=chosen["pupil_id"],
            )
            response = HttpResponse(data, content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        except ActionError as exc:
            error = str(exc)
            error_field = "pupil_id" if error.startswith("Pupil") else "user_id"
    return render(
        request,
        "hub/subject_access.html",
        {"school": school, "people": actions_privacy.people_with_records(school), "error": error,
         "error_field": error_field,
         "chosen": chosen},
        status=400 if error else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_preference(request: HttpRequest) -> HttpResponse:
    saved = False
    if request.method == "POST":
        actions_email.do_set_email_preference(request.user, digest=request.POST.get("digest") == "yes")
        saved = True
    preference = EmailPreference.objects.filter(user=request.user).first()
    return render(
        request,
        "hub/email_preference.html",
        {"digest": bool(preference and preference.digest), "saved": saved},
    )

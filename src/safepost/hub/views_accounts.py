"""The official accounts register's pages: the list with what needs doing, one account's record,
adding an account, and recording a leaver."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safepost.hub import actions_accounts
from safepost.hub.actions import ActionError
from safepost.hub.models import AccessRole, AccountAccess, ConnectedApp, OfficialAccount
from safepost.hub.permissions import can
from safepost.hub.registers_common import school_users, today
from safepost.hub.views import _school_for
from safepost.hub.views_common import allowed_or_403, error_context, form_pk

DETAIL_FIELDS = (*actions_accounts.TEXT_FIELDS, *actions_accounts.DATE_FIELDS, *actions_accounts.AGE_FIELDS)
LABEL_IDS = {
    "Platform's": "platform_min_age",  # before "Platform": the first label an error starts with wins
    "Platform": "platform",
    "Handle": "handle",
    "End date": "end_date",
    "Review date": "review_date",
    "Evaluated on": "evaluated_on",
    "Youngest": "audience_min_age",
    "Person": "user_id",
    "Role": "role",
    "Date they left": "left_on",
    "Date the password": "rotated_on",
    "App": "app_name",
    "What it does": "app_purpose",
    **{label: name for name, (label, _limit) in actions_accounts.TEXT_LABELS.items()},
}
# The fields of each form on an account's page, kept as typed when the form is refused.
ACTION_FIELDS = {
    "details": DETAIL_FIELDS,
    "grant": ("user_id", "role"),
    "rotated": ("rotated_on",),
    "add-app": ("app_name", "app_purpose"),
}


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def account_list(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "view_accounts")
    errors: dict[str, Any] = {"error": "", "error_field": "user_id", "errors": []}
    affected = None
    leaver = {"user_id": "", "left_on": today().strftime("%d/%m/%Y")}
    if request.method == "POST":
        try:
            leaver = {key: request.POST.get(key, "") for key in leaver}
            affected = actions_accounts.do_record_leaver(request.user, school, **leaver)
            leaver = {"user_id": "", "left_on": today().strftime("%d/%m/%Y")}
        except ActionError as exc:
            errors = error_context(exc, LABEL_IDS, "user_id")
    accounts = school.accounts.prefetch_related("access__user", "apps").order_by("platform", "handle")
    rows = [
        {
            "account": account,
            "warnings": actions_accounts.warnings(account),
            "admins": actions_accounts.administrator_count(account),
        }
        for account in accounts
    ]
    return render(
        request,
        "hub/accounts.html",
        {
            "school": school,
            "rows": rows,
            **errors,
            "affected": affected,
            "can_manage": can(request.user, "manage_accounts", school),
            "can_record_leaver": can(request.user, "manage_staff", school),
            "people": school_users(school),
            "leaver": leaver,
        },
        status=400 if errors["error"] else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def account_new(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "manage_accounts")
    form = {key: request.POST.get(key, "") for key in ("platform", "handle", *DETAIL_FIELDS)}
    errors: dict[str, Any] = {"error": "", "error_field": "platform", "errors": []}
    if request.method == "POST":
        try:
            account = actions_accounts.do_create_account(request.user, school, **form)
            return redirect("hub:account", school_id=school.pk, account_id=account.pk)
        except ActionError as exc:
            errors = error_context(exc, LABEL_IDS, "platform")
    return render(
        request,
        "hub/account_new.html",
        {"school": school, "form": form, **errors},
        status=400 if errors["error"] else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def account_detail(request: HttpRequest, school_id: int, account_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "view_accounts")
    account = get_object_or_404(OfficialAccount, school=school, pk=account_id)
    errors: dict[str, Any] = {"error": "", "error_field": "purpose", "errors": []}
    typed: dict[str, str] = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        data = request.POST
        try:
            if action == "details":
                actions_accounts.do_update_account(
                    request.user, account, **{key: data.get(key, "") for key in DETAIL_FIELDS}
                )
            elif action == "approve":
                actions_accounts.do_approve_account(request.user, account)
            elif action == "grant":
                actions_accounts.do_grant_access(
                    request.user, account, user_id=data.get("user_id"), role=data.get("role", "")
                )
            elif action == "end-access":
                access = get_object_or_404(
                    AccountAccess, account=account, pk=form_pk(data.get("access"), "Access")
                )
                actions_accounts.do_end_access(request.user, access)
            elif action == "rotated":
                actions_accounts.do_record_rotation(
                    request.user, account, rotated_on=data.get("rotated_on", "")
                )
            elif action == "add-app":
                actions_accounts.do_add_app(
                    request.user, account, name=data.get("app_name", ""), purpose=data.get("app_purpose", "")
                )
            elif action == "approve-app":
                app = get_object_or_404(ConnectedApp, account=account, pk=form_pk(data.get("app"), "App"))
                actions_accounts.do_approve_app(request.user, app)
            else:
                raise ActionError("unknown action")
            return redirect("hub:account", school_id=school.pk, account_id=account.pk)
        except ActionError as exc:
            errors = error_context(exc, LABEL_IDS, "purpose")
            typed = {key: data.get(key, "") for key in ACTION_FIELDS.get(action, ())}
            account.refresh_from_db()
    access = account.access.select_related("user", "granted_by")
    return render(
        request,
        "hub/account.html",
        {
            "school": school,
            "account": account,
            "warnings": actions_accounts.warnings(account),
            "current": [item for item in access if item.ended_on is None],
            "former": [item for item in access if item.ended_on is not None],
            "apps": account.apps.select_related("approved_by"),
            "people": school_users(school),
            "roles": AccessRole.choices,
            **errors,
            # The record's form shows what was typed when it was refused, else the record.
            "details": typed if "purpose" in typed else account,
            "typed": typed,
            "can_manage": can(request.user, "manage_accounts", school),
            "can_approve": can(request.user, "approve_accounts", school),
            "today": today().strftime("%d/%m/%Y"),
        },
        status=400 if errors["error"] else 200,
    )

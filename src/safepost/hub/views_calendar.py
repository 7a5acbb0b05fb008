"""The School days page: the bank holidays of the school's nation, the holidays and INSET days in
school.yaml and those set in the hub; for the headteacher (and the trust), adding and removing
the hub's. Everyone at the school may read it: it says when the lesson-time rule applies."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safepost.hub import actions_calendar
from safepost.hub.actions import ActionError, whole_number
from safepost.hub.engine_bridge import directory_school
from safepost.hub.models import SchoolClosure
from safepost.hub.permissions import can
from safepost.hub.registers_common import today
from safepost.hub.views import _school_for
from safepost.hub.views_common import allowed_or_403, error_context, form_pk

HOLIDAY_FIELDS = ("first_day", "last_day", "name")
INSET_FIELDS = ("date", "name")
# Each form's labels (its errors start with them) and the field each is about on the page.
HOLIDAY_IDS = {"First day": "first_day", "Last day": "last_day", "Name": "holiday_name"}
INSET_IDS = {"Date": "inset_date", "Name": "inset_name"}
REMOVE_LABEL = "Holiday or INSET day"


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def school_days(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "view_school")
    manager = can(request.user, "manage_school_days", school)
    errors: dict[str, Any] = {"error": "", "error_field": "first_day", "errors": []}
    holiday = {key: "" for key in HOLIDAY_FIELDS}
    inset = {key: "" for key in INSET_FIELDS}
    page = reverse("hub:school_days", kwargs={"school_id": school.pk})
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "holiday":
                holiday = {key: request.POST.get(key, "") for key in HOLIDAY_FIELDS}
                row = actions_calendar.do_add_school_closure(request.user, school, **holiday)
                return redirect(f"{page}?added={row.pk}")
            if action == "inset":
                inset = {key: request.POST.get(key, "") for key in INSET_FIELDS}
                row = actions_calendar.do_add_inset_day(request.user, school, **inset)
                return redirect(f"{page}?added={row.pk}")
            if action == "remove":
                pk = form_pk(request.POST.get("school_day"), REMOVE_LABEL)
                found = SchoolClosure.objects.filter(school=school, pk=pk).first()
                if found is None:
                    raise ActionError(f"{REMOVE_LABEL}: it is no longer on the list")
                actions_calendar.do_remove_school_day(request.user, found)
                return redirect(f"{page}?removed=1")
            raise ActionError("unknown action")
        except ActionError as exc:
            if action == "inset":
                errors = error_context(exc, INSET_IDS, "inset_date")
            elif action == "holiday":
                errors = error_context(exc, HOLIDAY_IDS, "first_day")
            else:
                errors = error_context(exc, {}, "school-days")
    added = None
    added_pk = whole_number(request.GET.get("added"))
    if added_pk is not None:
        added = SchoolClosure.objects.filter(school=school, pk=added_pk).first()
    region = directory_school(school).calendar.region
    now = today()
    every = actions_calendar.entries(school)
    field_errors: dict[str, list[str]] = {}
    for item in errors["errors"]:
        field_errors.setdefault(item["field"], []).append(item["message"])
    return render(
        request,
        "hub/school_days.html",
        {
            "school": school,
            "manager": manager,
            **errors,
            "field_errors": field_errors,
            "holiday": holiday,
            "inset": inset,
            "added": added,
            "removed": request.GET.get("removed") == "1",
            "region": region,
            "region_words": actions_calendar.REGION_WORDS.get(region, region),
            "bank_holidays": actions_calendar.coming_bank_holidays(region, now),
            "coming": [entry for entry in every if entry.last >= now],
            "past": [entry for entry in every if entry.last < now],
            "inset_words": actions_calendar.personal_use_words(school),
            "in_the_file": any(not entry.in_the_hub for entry in every),
        },
        status=400 if errors["error"] else 200,
    )

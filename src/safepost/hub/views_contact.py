"""The contact log's pages: logging a friend request or message (anyone, for themselves), the log
(the headteacher and DSL see everyone's; others their own), approved contact and its own log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safepost.hub import actions_contact
from safepost.hub.actions import ActionError, whole_number
from safepost.hub.models import ApprovedContact, ContactEvent, RegisterPupil
from safepost.hub.permissions import can
from safepost.hub.registers_common import school_users, today
from safepost.hub.views import _school_for
from safepost.hub.views_common import allowed_or_403, error_context

EVENT_FIELDS = ("happened_on", "who", "pupil", "who_details", "what", "platform", "summary", "staff_id")
APPROVAL_FIELDS = ("staff_id", "pupil", "purpose", "channel", "ends_on", "parental_consent_on")
FIELD_IDS = {
    "Who made": "who",
    "What it was": "what",
    "When it happened": "happened_on",
    "Pupil": "pupil",
    "Staff member": "staff_id",
    "Purpose": "purpose",
    "End date": "ends_on",
    "Parental consent": "parental_consent_on",
    "What was said": "summary",
    actions_contact.WHO_DETAILS[0]: "who_details",
    actions_contact.PLATFORM[0]: "platform",
    actions_contact.SUMMARY[0]: "summary",
    actions_contact.CHANNEL[0]: "channel",
}
APPROVAL_IDS = FIELD_IDS | {"Pupil": "approval-pupil"}  # the approval form's own pupil list


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def contact_log(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "log_contact")
    everyone = can(request.user, "view_contact_log", school)
    approver = can(request.user, "approve_contact", school)
    errors: dict[str, Any] = {"error": "", "error_field": "who", "errors": []}
    missing, logged = None, None
    event_form = {key: "" for key in EVENT_FIELDS} | {
        "happened_on": today().strftime("%d/%m/%Y"),
        "steps": [],
    }
    approval_form = {key: "" for key in APPROVAL_FIELDS}
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "log":
                event_form = {key: request.POST.get(key, "") for key in EVENT_FIELDS}
                event_form["steps"] = request.POST.getlist("steps")
                logged, _missing = actions_contact.do_record_contact(request.user, school, **event_form)
                # Post, redirect, get: the form comes back empty, and a reload logs nothing twice.
                page = reverse("hub:contact", kwargs={"school_id": school.pk})
                return redirect(f"{page}?logged={logged.pk}")
            elif action == "approve":
                approval_form = {key: request.POST.get(key, "") for key in APPROVAL_FIELDS}
                contact = actions_contact.do_approve_contact(request.user, school, **approval_form)
                return redirect("hub:approved_contact", contact_id=contact.pk)
            else:
                raise ActionError("unknown action")
        except ActionError as exc:
            if action == "approve":
                errors = error_context(exc, APPROVAL_IDS, "staff_id")
            else:
                errors = error_context(exc, FIELD_IDS, "who")
    elif (logged_pk := whole_number(request.GET.get("logged"))) is not None:
        # Just logged (this person's own entry): say so, and which steps the policy still asks for.
        logged = ContactEvent.objects.filter(school=school, pk=logged_pk,
                                             recorded_by=request.user).first()
        missing = actions_contact.missing_steps(school, logged.who, logged.steps) if logged else None
    events = ContactEvent.objects.filter(school=school).select_related("staff", "pupil")
    approved = ApprovedContact.objects.filter(school=school).select_related("staff", "pupil")
    if not everyone:
        events, approved = events.filter(staff=request.user), approved.filter(staff=request.user)
    shown = list(events[:200])
    for event in shown:  # what was done, in the form's words (not the stored codes)
        event.step_words = [actions_contact.STEPS.get(step, step) for step in event.steps or []]
    words, needed = actions_contact.policy_steps(school)
    return render(
        request,
        "hub/contact.html",
        {
            "school": school,
            "events": shown,
            "approved": approved,
            "everyone": everyone,
            "approver": approver,
            **errors,
            "missing": missing,
            "logged": logged,
            "form": event_form,
            "approval": approval_form,
            "who_choices": actions_contact.WHO.items(),
            "what_choices": actions_contact.WHAT.items(),
            "step_choices": actions_contact.STEPS.items(),
            "policy_words": words,
            "needed": needed,
            "today": today(),
            "pupils": RegisterPupil.objects.filter(school=school, status="current")
            if (everyone or approver)
            else RegisterPupil.objects.none(),
            "people": school_users(school),
        },
        status=400 if errors["error"] else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def approved_contact(request: HttpRequest, contact_id: int) -> HttpResponseBase:
    contact = get_object_or_404(
        ApprovedContact.objects.select_related("school", "staff", "pupil", "approved_by"), pk=contact_id
    )
    if not actions_contact.can_see_approved(request.user, contact):
        raise Http404
    errors: dict[str, Any] = {"error": "", "error_field": "happened_on", "errors": []}
    form = {"happened_on": today().strftime("%d/%m/%Y"), "summary": ""}
    if request.method == "POST":
        try:
            if request.POST.get("action") == "end":
                actions_contact.do_end_approved_contact(request.user, contact)
            else:
                form = {key: request.POST.get(key, "") for key in form}
                actions_contact.do_log_approved_contact(request.user, contact, **form)
            return redirect("hub:approved_contact", contact_id=contact.pk)
        except ActionError as exc:
            errors = error_context(exc, FIELD_IDS, "summary")
    return render(
        request,
        "hub/approved_contact.html",
        {
            "contact": contact,
            "school": contact.school,
            "entries": contact.entries.select_related("recorded_by"),
            "open": actions_contact.is_open(contact),
            **errors,
            "form": form,
            "can_log": contact.staff_id == request.user.pk
            or can(request.user, "approve_contact", contact.school),
        },
        status=400 if errors["error"] else 200,
    )

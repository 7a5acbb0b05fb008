"""The consent register's pages: the list, one pupil's decisions, the MIS import with its
preview, and the take-down tasks. Every change goes through `safepost.hub.actions_consent`."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from safepost.hub import actions_consent, mis_import
from safepost.hub.actions import ActionError
from safepost.hub.models import ConsentImport, ConsentKind, ConsentRecord, RegisterPupil, TakedownTask
from safepost.hub.permissions import can
from safepost.hub.registers_common import today
from safepost.hub.views import _school_for
from safepost.hub.views_common import allowed_or_403, error_context, form_pk


@login_required
def register(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "view_consent")
    pupils = RegisterPupil.objects.filter(school=school)
    query = request.GET.get("q", "").strip()
    gaps = request.GET.get("show") == "gaps"
    if query:
        pupils = pupils.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(preferred_name__icontains=query)
            | Q(pupil_id__iexact=query)
        )
    if gaps:
        pupils = pupils.filter(status="current").filter(Q(photo_consent=False) | Q(name_consent=False))
    return render(
        request,
        "hub/consent_register.html",
        {
            "school": school,
            "pupils": pupils,
            "query": query,
            "gaps": gaps,
            "empty": not RegisterPupil.objects.filter(school=school).exists(),
            "can_manage": can(request.user, "manage_consent", school),
            "open_tasks": TakedownTask.objects.filter(school=school, done_at__isnull=True).count(),
            "imports": ConsentImport.objects.filter(school=school, status="imported").order_by("-pk")[:5],
        },
    )


@login_required
@require_POST
@allowed_or_403
def start(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "manage_consent")
    actions_consent.do_start_register(request.user, school)
    return redirect("hub:consent", school_id=school.pk)


DECISION_FIELDS = actions_consent.DECISION_FIELDS


def _decision_words(record: ConsentRecord) -> str:
    when = f"dated {record.date:%d/%m/%Y}" if record.date else "date not known"
    return f"consent {'given' if record.given else 'withdrawn'}, {when}"


def _recorded_message(record: ConsentRecord, current: ConsentRecord | None) -> str:
    """What the confirmation says: the decision, and whether the pupil's consent now stands on it."""
    kind = actions_consent.KIND_WORDS.get(record.kind, record.kind)
    if current is None or current == record:
        return f"Recorded: {kind} {_decision_words(record)}. This is now the pupil's {kind} consent."
    stays = "given" if current.given else "withdrawn"
    return (
        f"Recorded in the history, but it changes nothing: this decision ({_decision_words(record)}) is "
        f"older than the latest one on the register ({_decision_words(current)}), so the {kind} consent "
        f"stays {stays}."
    )


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def pupil_detail(request: HttpRequest, school_id: int, pupil_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "view_consent")
    pupil = get_object_or_404(RegisterPupil, school=school, pk=pupil_id)
    errors: dict[str, Any] = {"error": "", "error_field": "kind", "errors": []}
    made, recorded, record = None, "", None
    form = {"kind": "photo", "given": "no", "date": today().strftime("%d/%m/%Y"), "source": "", "note": ""}
    if request.method == "POST":
        form = {key: request.POST.get(key, "") for key in form}
        try:
            record, made = actions_consent.do_record_consent(
                request.user,
                pupil,
                kind=form["kind"],
                given=form["given"] == "yes",
                date=form["date"],
                source=form["source"],
                note=form["note"],
            )
            pupil.refresh_from_db()
            form["source"] = form["note"] = ""
        except ActionError as exc:
            errors = error_context(exc, DECISION_FIELDS, "kind")
    history = list(pupil.consents.select_related("recorded_by"))
    current: dict[str, ConsentRecord] = {}
    for item in history:  # newest first, as the current decision is chosen (ConsentRecord.Meta.ordering)
        current.setdefault(item.kind, item)
    if record is not None:
        recorded = _recorded_message(record, current.get(record.kind))
    return render(
        request,
        "hub/consent_pupil.html",
        {
            "school": school,
            "pupil": pupil,
            "history": history,
            "current_ids": {decision.pk for decision in current.values()},
            "tasks": pupil.takedown_tasks.select_related("draft"),
            "form": form,
            **errors,
            "made": made,
            "recorded": recorded,
            "kinds": ConsentKind.choices,
            "can_manage": can(request.user, "manage_consent", school),
        },
        status=400 if errors["error"] else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def takedowns(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "view_consent")
    error = ""
    if request.method == "POST":
        try:
            task_id = form_pk(request.POST.get("task"), "Task")
            task = get_object_or_404(TakedownTask, school=school, pk=task_id)
            actions_consent.do_complete_takedown(request.user, task, request.POST.get("note", ""))
            return redirect("hub:consent_takedowns", school_id=school.pk)
        except ActionError as exc:
            error = str(exc)
    tasks = TakedownTask.objects.filter(school=school).select_related("draft", "pupil", "done_by")
    return render(
        request,
        "hub/consent_takedowns.html",
        {
            "school": school,
            "open": [task for task in tasks if task.done_at is None],
            "done": [task for task in tasks if task.done_at is not None][:50],
            "error": error,
            "error_field": "tasks",
            "can_manage": can(request.user, "manage_consent", school),
        },
        status=400 if error else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def import_upload(request: HttpRequest, school_id: int) -> HttpResponseBase:
    school = _school_for(request, school_id, "manage_consent")
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ActionError("File: choose the CSV file exported from your MIS")
            staged = actions_consent.do_stage_consent_import(
                request.user, school, upload.name or "", upload.read(actions_consent.MAX_IMPORT_BYTES + 1)
            )
            return redirect("hub:consent_import_preview", school_id=school.pk, import_id=staged.pk)
        except ActionError as exc:
            error = str(exc)
    return render(
        request,
        "hub/consent_import.html",
        {"school": school, "error": error, "error_field": "file"},
        status=400 if error else 200,
    )


def _mapping_from(data: Any) -> dict[str, str] | None:
    if not any(f"map_{name}" in data for name in mis_import.FIELD_ORDER):
        return None
    return {name: data.get(f"map_{name}", "") for name in mis_import.FIELD_ORDER}


def _lines(field: str) -> list[int]:
    """The line numbers a form carried back ("3,7,12"); anything else is no line."""
    parts = [part.strip() for part in field.split(",")]
    return [int(part) for part in parts if part.isascii() and part.isdigit() and len(part) <= 9]


@login_required
@require_http_methods(["GET", "POST"])
@allowed_or_403
def import_preview(request: HttpRequest, school_id: int, import_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "manage_consent")
    staged = get_object_or_404(ConsentImport, school=school, pk=import_id)
    if staged.status != "staged":
        return render(request, "hub/consent_import_done.html", {"school": school, "staged": staged})
    data = request.POST if request.method == "POST" else request.GET
    mapping = _mapping_from(data)
    error = ""
    if request.method == "POST":
        try:
            leave_out = request.POST.get("leave_out_problem_lines") == "yes"
            actions_consent.do_apply_consent_import(
                request.user, staged, mapping or staged.mapping,
                leave_out_problem_lines=leave_out,
                lines_seen_left_out=_lines(request.POST.get("left_out_lines", "")) if leave_out else None,
            )
            staged.refresh_from_db()
            return render(request, "hub/consent_import_done.html", {"school": school, "staged": staged})
        except ActionError as exc:
            error = str(exc)
    preview = actions_consent.preview_import(staged, mapping)
    fields = [
        {"name": name, "label": label, "required": required, "chosen": preview.parsed.mapping.get(name, "")}
        for name, (label, required, _synonyms) in mis_import.FIELDS.items()
    ]
    return render(
        request,
        "hub/consent_import_preview.html",
        {
            "school": school,
            "staged": staged,
            "preview": preview,
            "fields": fields,
            "header": preview.parsed.header,
            "error": error
            or (
                f"Nothing has been imported: the file has {len(preview.parsed.problems)} problem(s) to fix"
                if preview.parsed.problems
                else ""
            ),
            "error_field": "problems",
        },
        status=400 if error or preview.parsed.problems else 200,
    )

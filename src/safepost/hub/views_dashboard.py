"""The dashboard for the headteacher (one school) and the trust (every school it runs), as
tables and simple bar charts (no JavaScript), and as CSV or PDF."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from safepost.hub import dashboard
from safepost.hub.permissions import can, schools_for
from safepost.hub.views import _school_for


def _bars(figures: dict[str, Any]) -> None:
    """Bar lengths (percent of the busiest month) for the findings chart."""
    top = max([count for row in figures["findings"]["rows"] for count in row["counts"]] or [1]) or 1
    for row in figures["findings"]["rows"]:
        row["cells"] = [{"count": count, "width": round(100 * count / top)} for count in row["counts"]]


def _respond(
    request: HttpRequest, figures: list[dict[str, Any]], title: str, name: str, context: dict[str, Any]
) -> HttpResponse:
    wanted = request.GET.get("format", "")
    if wanted == "csv":
        response = HttpResponse(dashboard.as_csv(figures), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if wanted == "pdf":
        response = HttpResponse(dashboard.as_pdf(figures, title), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    for item in figures:
        _bars(item)
    return render(request, "hub/dashboard.html", {"figures": figures, "title": title, **context})


@login_required
def school_dashboard(request: HttpRequest, school_id: int) -> HttpResponse:
    school = _school_for(request, school_id, "view_dashboard")
    return _respond(
        request,
        [dashboard.school_figures(school)],
        "Social media governance",
        f"governance-{school.pk}",
        {"school": school},
    )


@login_required
def trust_dashboard(request: HttpRequest) -> HttpResponse:
    schools = [school for school in schools_for(request.user) if can(request.user, "view_dashboard", school)]
    if not schools:
        raise PermissionDenied
    return _respond(
        request,
        [dashboard.school_figures(school) for school in schools],
        "Social media governance across the trust",
        "governance-trust",
        {"school": None},
    )

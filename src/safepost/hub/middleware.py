"""Headteachers, DSLs and trust admins must pass a second factor before using the hub."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from safepost.hub.models import Membership

OPEN_PATHS = ("/login", "/logout", "/static/", "/second-factor", "/health")
SESSION_KEY = "second_factor_passed"


def needs_second_factor(user: object) -> bool:
    return Membership.objects.filter(user=user, role__in=settings.SECOND_FACTOR_ROLES).exists()


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None and user.is_authenticated
            and not request.path.startswith(OPEN_PATHS)
            and not request.path.startswith("/api/")  # the API has its own token rules
            and not request.session.get(SESSION_KEY)
            and needs_second_factor(user)
        ):
            return redirect("hub:second_factor")
        return self.get_response(request)

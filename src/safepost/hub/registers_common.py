"""Small helpers the register actions share: reading dates from forms, finding people."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from safepost.hub.actions import ActionError
from safepost.hub.mis_import import parse_date
from safepost.hub.models import Membership, School


def today() -> dt.date:
    return timezone.localdate()


def to_date(value: Any, label: str, *, required: bool = True, not_future: bool = False) -> dt.date | None:
    """A date from a form or the API: a date, '2026-11-21' or '21/11/2026'. The error names the field."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day: dt.date | None = value
    else:
        try:
            day = parse_date(str(value or ""))
        except ValueError as exc:
            raise ActionError(f"{label}: '{value}' is not a date like 21/11/2026") from exc
    if day is None:
        if required:
            raise ActionError(f"{label}: enter a date")
        return None
    if not_future and day > today():
        raise ActionError(f"{label}: cannot be in the future")
    return day


def required_text(value: Any, label: str, limit: int = 5000) -> str:
    text = str(value or "").strip()
    if not text:
        raise ActionError(f"{label}: enter some text")
    if len(text) > limit:
        raise ActionError(f"{label}: at most {limit} characters")
    return text


def school_users(school: School) -> list[Any]:
    """Everyone with a role at the school (trust admins are not school staff)."""
    ids = Membership.objects.filter(school=school).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids).order_by("last_name", "first_name", "username"))


def users_with_roles(school: School, roles: frozenset[str] | set[str]) -> list[Any]:
    ids = Membership.objects.filter(school=school, role__in=roles).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids))


def member_of(school: School, user_id: Any, label: str = "Person") -> Any:
    try:
        pk = int(user_id)
    except (TypeError, ValueError) as exc:
        raise ActionError(f"{label}: choose someone from the list") from exc
    if not Membership.objects.filter(school=school, user_id=pk).exists():
        raise ActionError(f"{label}: choose someone from the list")
    return get_user_model().objects.get(pk=pk)


def person_name(user: Any) -> str:
    return user.get_full_name() or user.get_username()

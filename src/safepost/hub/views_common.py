"""What every register page shares."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied

from safepost.hub.actions import ActionError, whole_number
from safepost.hub.permissions import NotAllowed


def form_pk(value: Any, label: str) -> int:
    """A record's id from a form: a whole number, or an error that names the field (not a 500)."""
    number = whole_number(value)
    if number is None:
        raise ActionError(f"{label}: choose one from the list")
    return number


def allowed_or_403(view: Callable[..., Any]) -> Callable[..., Any]:
    """An action refused for the person's role is a 403 page, not a server error."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from exc

    return wrapped


def field_for(message: str, labels: Mapping[str, str], default: str) -> str:
    """The form field an action's error is about: errors start with the field's label."""
    return next((field for label, field in labels.items() if message.startswith(label)), default)


def error_context(exc: Exception, labels: Mapping[str, str], default: str) -> dict[str, Any]:
    """What a page needs to show an action's error: `error` and `error_field` (the first problem
    and its field, as pages have always had them) and `errors`, every field's problem with its
    field, for a form that checks all its fields at once (FormErrors)."""
    messages = list(getattr(exc, "problems", None) or [str(exc)])
    errors = [{"field": field_for(message, labels, default), "message": message} for message in messages]
    return {"error": str(exc), "error_field": errors[0]["field"], "errors": errors}


def api_errors(exc: Exception, labels: Mapping[str, str], default: str) -> dict[str, list[str]]:
    """An action's error as an API's 400 body (a ValidationError's detail): every problem
    (FormErrors' `problems`, or the one message) under its field's name, as `error_context`
    finds it for a page."""
    problems: dict[str, list[str]] = {}
    for error in error_context(exc, labels, default)["errors"]:
        problems.setdefault(error["field"], []).append(error["message"])
    return problems

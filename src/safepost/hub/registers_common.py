"""Small helpers the register actions share: reading dates from forms, finding people."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.utils import timezone

from safepost.hub.actions import ActionError, FormErrors, whole_number
from safepost.hub.mis_import import parse_date
from safepost.hub.models import Membership, School

T = TypeVar("T")
# No decision, approval or evaluation the registers keep is older than this: a date before it is
# a slip of the keyboard (1900 for 2026), not a record.
EARLIEST_RECORD = dt.date(2000, 1, 1)


def today() -> dt.date:
    return timezone.localdate()


def without_nul(value: Any) -> Any:
    """Text from a form or the API without NUL characters, which no one types and PostgreSQL
    refuses (a server error): they are dropped, as the comments register always has."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def to_date(
    value: Any,
    label: str,
    *,
    required: bool = True,
    not_future: bool = False,
    earliest: dt.date | None = None,
) -> dt.date | None:
    """A date from a form or the API: a date, '2026-11-21' or '21/11/2026'. The error names the
    field. `not_future` refuses a date after today; `earliest` (EARLIEST_RECORD, say) one before it."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day: dt.date | None = value
    else:
        value = without_nul(value)
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
    if earliest is not None:
        not_before(day, label, earliest)
    return day


# A time after the date: "21/11/2026 14:30", "2026-11-21T14:30:05", "21/11/2026, 2.30 pm".
_TIME_AFTER = re.compile(r"^(.*?)[ T,]+(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?\s*([ap]\.?m\.?)?$", re.I)
# A platform's clock and the school's may differ a little: "just now" is not the future.
CLOCK_SLACK = dt.timedelta(minutes=5)


def _read_datetime(text: str, label: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    hour = minute = 0
    match = _TIME_AFTER.match(text)
    if match:
        text, hour, minute = match.group(1), int(match.group(2)), int(match.group(3))
        half = (match.group(4) or "").lower().replace(".", "")
        if half and not 1 <= hour <= 12:
            hour = 99
        elif half:
            hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        day = parse_date(text)
        if day is None:
            raise ValueError(text)
        return dt.datetime.combine(day, dt.time(hour, minute))
    except ValueError as exc:
        raise ActionError(f"{label}: '{text}' is not a date and time like 21/11/2026 14:30") from exc


def to_datetime(value: Any, label: str) -> dt.datetime | None:
    """An optional date and time from a form or the API, in the school's time zone unless it
    says otherwise: not in the future (a few minutes' slack for clocks) and not before 2000.
    A date alone means its start. None when empty; the error names the field."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time())
    else:
        text = str(without_nul(value) or "").strip()
        if not text:
            return None
        moment = _read_datetime(text, label)
    not_before(moment.date(), label)  # first: a year-1 time cannot even be moved between zones
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment > timezone.now() + CLOCK_SLACK:
        raise ActionError(f"{label}: cannot be in the future")
    return moment


def not_before(day: dt.date | None, label: str, earliest: dt.date = EARLIEST_RECORD, why: str = "") -> None:
    """Refuse a date before `earliest` (by default 1 January 2000), saying why in plain words."""
    if day is not None and day < earliest:
        why = why or f"before {earliest:%d/%m/%Y}"
        raise ActionError(f"{label}: {day:%d/%m/%Y} is {why}; check the year")


def _too_long(text: str, label: str, limit: int) -> None:
    if len(text) > limit:
        raise ActionError(f"{label}: at most {limit:,} characters; you entered {len(text):,}, so shorten it")


def required_text(value: Any, label: str, limit: int = 5000) -> str:
    """Text a form must fill in (NUL characters dropped), at most `limit` characters."""
    text = str(without_nul(value) or "").strip()
    if not text:
        raise ActionError(f"{label}: enter some text")
    _too_long(text, label, limit)
    return text


def optional_text(value: Any, label: str, limit: int) -> str:
    """Text a form may leave empty (NUL characters dropped): refused, never cut short, when it
    is longer than `limit`."""
    text = str(without_nul(value) or "").strip()
    _too_long(text, label, limit)
    return text


class Problems:
    """Checks a form field by field and keeps every field's problem, so the form can say them
    all at once: `value = problems.check(read, ...)` returns None where `read` refused the value;
    `problems.raise_any()` then raises them (one as a plain ActionError, more as FormErrors).
    Permission errors are not ActionErrors and pass straight through."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def check(self, read: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return read(*args, **kwargs)
        except ActionError as exc:
            self.found.extend(getattr(exc, "problems", None) or [str(exc)])
            return None

    def add(self, message: str) -> None:
        self.found.append(message)

    def found_for(self, label: str) -> bool:
        """Whether the field with this label already has a problem."""
        return any(message.startswith(label) for message in self.found)

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_any(self) -> None:
        if len(self.found) == 1:
            raise ActionError(self.found[0])
        if self.found:
            raise FormErrors(self.found)


def school_users(school: School) -> list[Any]:
    """Everyone with a role at the school (trust admins are not school staff)."""
    ids = Membership.objects.filter(school=school).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids).order_by("last_name", "first_name", "username"))


def users_with_roles(school: School, roles: frozenset[str] | set[str]) -> list[Any]:
    ids = Membership.objects.filter(school=school, role__in=roles).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids))


def member_of(school: School, user_id: Any, label: str = "Person") -> Any:
    pk = whole_number(user_id)  # a number past a database id's range is no one, not a server error
    if pk is None or not Membership.objects.filter(school=school, user_id=pk).exists():
        raise ActionError(f"{label}: choose someone from the list")
    return get_user_model().objects.get(pk=pk)


def renew_register_stamp(school: School) -> None:
    """Tell the checks that what the hub lays over the school directory changed (the consent
    register, the school days): engine_bridge re-reads it at the next check."""
    School.objects.filter(pk=school.pk).update(register_stamp=secrets.token_hex(8))

"""The official accounts register: why each account exists, the headteacher's approval, who holds
access (at least two administrators), connected apps and their approval, the audience against the
platform's minimum age, house rules, exit strategy, evaluation. No passwords are stored: only who
holds access and when the password was last changed; someone leaving prompts a change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from safepost.hub import audit
from safepost.hub.actions import ActionError, person_name, whole_number
from safepost.hub.models import (
    AccessRole,
    AccountAccess,
    ApprovedContact,
    Case,
    ConnectedApp,
    Membership,
    OfficialAccount,
    School,
)
from safepost.hub.notify import notify
from safepost.hub.permissions import CAPABILITIES, require
from safepost.hub.registers_common import (
    EARLIEST_RECORD,
    Problems,
    member_of,
    optional_text,
    required_text,
    to_date,
    today,
    users_with_roles,
)

MIN_ADMINISTRATORS = 2
# The minimum age in each platform's own terms (13 for the big networks; blogs set their own).
PLATFORM_MIN_AGES = {
    "x": 13,
    "twitter": 13,
    "facebook": 13,
    "instagram": 13,
    "tiktok": 13,
    "youtube": 13,
    "linkedin": 16,
    "snapchat": 13,
    "threads": 13,
    "bluesky": 13,
}
TEXT_FIELDS = ("purpose", "reason", "audience", "house_rules", "exit_strategy", "evaluation")
# The form's labels (errors start with them) and the longest each may be.
TEXT_LABELS = {
    "purpose": ("Purpose", 5000),
    "reason": ("The teaching or business reason", 5000),
    "audience": ("Who it is for", 200),
    "house_rules": ("Terms of use and house rules", 5000),
    "exit_strategy": ("Exit strategy", 5000),
    "evaluation": ("Evaluation", 5000),
}
DATE_FIELDS = {"end_date": "End date", "review_date": "Review date", "evaluated_on": "Evaluated on"}
PAST_DATES = frozenset({"evaluated_on"})  # an evaluation is of what has happened
AGE_FIELDS = {
    "audience_min_age": "Youngest in the audience (age)",
    "platform_min_age": "Platform's minimum age",
}


def active_access(account: OfficialAccount) -> list[AccountAccess]:
    return [access for access in account.access.all() if access.ended_on is None]


def administrator_count(account: OfficialAccount) -> int:
    """Administrators who still hold access: the cover the policies ask for (two or more)."""
    return sum(1 for access in active_access(account) if access.role == AccessRole.ADMINISTRATOR)


def administrators_words(count: int) -> str:
    """Too few administrators, in words: 'no administrators', 'only 1 administrator'."""
    if count == 0:
        return "no administrators"
    return f"only {count} administrator{'s' if count != 1 else ''}"


def warnings(account: OfficialAccount, on: dt.date | None = None) -> list[str]:
    """What the register says needs doing for this account, in plain words."""
    day = on or today()
    found: list[str] = []
    if account.approved_on is None:
        found.append("not approved by the headteacher")
    admins = administrator_count(account)
    if admins < MIN_ADMINISTRATORS:
        found.append(
            f"{administrators_words(admins)}: at least {MIN_ADMINISTRATORS} are needed to cover absence"
        )
    if account.rotation_due:
        found.append(f"change the password: {account.rotation_due}")
    if (
        account.platform_min_age
        and account.audience_min_age is not None
        and account.audience_min_age < account.platform_min_age
    ):
        found.append(
            f"the platform's minimum age is {account.platform_min_age} but the audience includes "
            f"children aged {account.audience_min_age}"
        )
    if not account.purpose.strip() or not account.reason.strip():
        found.append("purpose or reason not recorded")
    if not account.exit_strategy.strip() or account.end_date is None:
        found.append("no exit strategy or end date")
    elif account.end_date < day:
        found.append(f"the planned end date ({account.end_date:%d/%m/%Y}) has passed")
    if account.review_date is not None and account.review_date < day:
        found.append(f"review overdue since {account.review_date:%d/%m/%Y}")
    if not account.house_rules.strip():
        found.append("no terms of use or house rules")
    unapproved = [app.name for app in account.apps.all() if app.approved_on is None]
    if unapproved:
        found.append(f"connected app not approved: {', '.join(unapproved)}")
    return found


def _managers(school: School) -> list[Any]:
    return users_with_roles(school, CAPABILITIES["approve_accounts"])


def _age(value: Any, label: str) -> int | None:
    raw = str(value or "").strip()
    if not raw:
        return None
    age = whole_number(raw, digits=2)
    if age is None:
        raise ActionError(f"{label}: '{raw}' is not an age in years")
    return age


def _account_fields(data: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """The account's details from a form, each field checked; problems are kept in `problems`."""
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in data:
            values[name] = problems.check(optional_text, data[name], *TEXT_LABELS[name]) or ""
    for name, label in DATE_FIELDS.items():
        if name in data:
            values[name] = problems.check(to_date, data[name], label, required=False,
                                          not_future=name in PAST_DATES, earliest=EARLIEST_RECORD)
    for name, label in AGE_FIELDS.items():
        if name in data:
            values[name] = problems.check(_age, data[name], label)
    return values


def do_create_account(
    actor: AbstractBaseUser, school: School, *, platform: str, handle: str, **details: Any
) -> OfficialAccount:
    """A new official account on the register: it needs the headteacher's approval."""
    require(actor, "manage_accounts", school)
    problems = Problems()
    platform = (problems.check(required_text, platform, "Platform", 30) or "").lower()
    handle = problems.check(required_text, handle, "Handle or address", 200) or ""
    if platform and handle and OfficialAccount.objects.filter(
        school=school, platform=platform, handle__iexact=handle
    ).exists():
        problems.add("Handle or address: this account is already on the register")
    values = _account_fields(details, problems)
    problems.raise_any()
    if values.get("platform_min_age") is None:  # not given, or the form's box left empty
        values["platform_min_age"] = PLATFORM_MIN_AGES.get(platform)
    with transaction.atomic():
        account = OfficialAccount.objects.create(school=school, platform=platform, handle=handle, **values)
        notify(
            _managers(school),
            f"New official account {handle} ({platform}) needs your approval",
            f"/schools/{school.pk}/accounts/{account.pk}",
            school=school,
        )
        audit.append(
            actor,
            "account.created",
            school=school,
            target=account,
            details={"platform": platform, "handle": handle, **values},
        )
    return account


def do_update_account(actor: AbstractBaseUser, account: OfficialAccount, **details: Any) -> OfficialAccount:
    require(actor, "manage_accounts", account.school)
    problems = Problems()
    values = _account_fields(details, problems)
    problems.raise_any()
    if "platform_min_age" in values and values["platform_min_age"] is None:
        # An emptied box is the platform's own minimum again, not "no minimum age".
        values["platform_min_age"] = PLATFORM_MIN_AGES.get(account.platform)
    with transaction.atomic():
        changed = {key: value for key, value in values.items() if getattr(account, key) != value}
        for key, value in changed.items():
            setattr(account, key, value)
        account.save()
        audit.append(actor, "account.updated", school=account.school, target=account, details=changed)
    return account


def do_approve_account(actor: AbstractBaseUser, account: OfficialAccount) -> OfficialAccount:
    require(actor, "approve_accounts", account.school)
    if account.approved_on is not None:
        raise ActionError("this account is already approved")
    if not account.purpose.strip() or not account.reason.strip():
        raise ActionError("Purpose: record the purpose and the reason before approving")
    with transaction.atomic():
        # One conditional write: of two approvals at once, the second matches no row.
        if not OfficialAccount.objects.filter(pk=account.pk, approved_on__isnull=True).update(
                approved_by=actor, approved_on=today()):
            raise ActionError("this account is already approved")
        account.approved_by, account.approved_on = actor, today()
        audit.append(
            actor,
            "account.approved",
            school=account.school,
            target=account,
            details={"handle": account.handle},
        )
    return account


def do_grant_access(
    actor: AbstractBaseUser, account: OfficialAccount, *, user_id: Any, role: str
) -> AccountAccess:
    require(actor, "manage_accounts", account.school)
    person = member_of(account.school, user_id)
    if role not in AccessRole.values:
        raise ActionError("Role: choose administrator or authorised user")
    if account.access.filter(user=person, ended_on__isnull=True).exists():
        raise ActionError(f"Person: {person_name(person)} already has access to this account")
    with transaction.atomic():
        access = AccountAccess.objects.create(
            account=account, user=person, role=role, granted_by=actor, granted_on=today()
        )
        audit.append(
            actor,
            "account.access_granted",
            school=account.school,
            target=account,
            details={"user": person.get_username(), "role": role},
        )
    return access


def _end(actor: AbstractBaseUser | None, access: AccountAccess, day: dt.date, why: str) -> None:
    access.ended_on = day
    access.save(update_fields=["ended_on"])
    account = access.account
    account.rotation_due = f"{why} ({day:%d/%m/%Y})"[:300]
    account.save(update_fields=["rotation_due"])


def _cover_alert(school: School, accounts: list[OfficialAccount]) -> None:
    """Tell the headteacher when an account drops below two administrators."""
    short = [
        account.handle
        for account in accounts
        if administrator_count(account) < MIN_ADMINISTRATORS
    ]
    if short:
        notify(
            _managers(school),
            f"Fewer than {MIN_ADMINISTRATORS} administrators now on {', '.join(short)}: add another",
            f"/schools/{school.pk}/accounts/",
            school=school,
        )


def do_end_access(actor: AbstractBaseUser, access: AccountAccess) -> OfficialAccount:
    """Take someone off an account. They may know the password, so a change is prompted."""
    account = access.account
    require(actor, "manage_accounts", account.school)
    if access.ended_on is not None:
        raise ActionError("this access has already ended")
    with transaction.atomic():
        _end(actor, access, today(), f"{person_name(access.user)} no longer has access")
        _cover_alert(account.school, [account])
        audit.append(
            actor,
            "account.access_ended",
            school=account.school,
            target=account,
            details={"user": access.user.get_username(), "warnings": warnings(account)},
        )
    return account


def leaving_date(value: Any) -> dt.date:
    """The day someone left: today or earlier. Their access ends when the leaver is recorded, so
    a date still to come is refused rather than taking effect early."""
    day = to_date(value, "Date they left", earliest=EARLIEST_RECORD)
    assert day is not None
    if day > today():
        raise ActionError(
            f"Date they left: {day:%d/%m/%Y} is in the future; their access ends as soon as this is "
            "recorded, so record it on or after the day they leave"
        )
    return day


def do_record_leaver(
    actor: AbstractBaseUser, school: School, *, user_id: Any, left_on: Any
) -> list[OfficialAccount]:
    """Someone has left the school: their roles and account access end, and every account they
    could use asks for its password to be changed, they are taken off every case they were
    added to, and any contact with a pupil approved for them ends. Their records stay. Only the
    headteacher (or the trust) records a leaver: it ends every role the person has, the DSL's and
    the head's included."""
    require(actor, "manage_staff", school)
    problems = Problems()
    person = problems.check(member_of, school, user_id)
    if person is not None and person.pk == actor.pk:
        problems.add("Person: you cannot record yourself as leaving")
    day = problems.check(leaving_date, left_on)
    problems.raise_any()
    assert person is not None and day is not None
    with transaction.atomic():
        affected = []
        for access in AccountAccess.objects.filter(
            account__school=school, user=person, ended_on__isnull=True
        ).select_related("account"):
            _end(actor, access, day, f"{person_name(person)} left the school")
            affected.append(access.account)
        roles = list(Membership.objects.filter(school=school, user=person).values_list("role", flat=True))
        Membership.objects.filter(school=school, user=person).delete()
        cases = list(Case.objects.filter(school=school, members=person).order_by("pk"))
        for case in cases:
            case.members.remove(person)
            audit.append(actor, "case.member_removed", school=school, target=case,
                         details={"user_id": person.pk, "why": "left"})
        # Contact with a pupil agreed for them ends with their job: a leaver approved to
        # contact a pupil would stay on the register, and they can no longer end it themselves.
        for contact in ApprovedContact.objects.filter(school=school, staff=person, ended_on__isnull=True):
            contact.ended_on = max(day, contact.approved_on)  # never before it began
            contact.save(update_fields=["ended_on"])
            audit.append(actor, "contact.ended", school=school, target=contact,
                         details={"on": contact.ended_on, "why": "left"})
        cover = {account.handle: warnings(account) for account in affected}
        _cover_alert(school, affected)
        if affected:
            notify(
                _managers(school) + users_with_roles(school, CAPABILITIES["manage_accounts"]),
                f"{person_name(person)} has left: change the password of "
                f"{', '.join(account.handle for account in affected)}",
                f"/schools/{school.pk}/accounts/",
                school=school,
            )
        audit.append(
            actor,
            "staff.left",
            school=school,
            details={
                "user": person.get_username(),
                "left_on": day,
                "roles": roles,
                "accounts": [account.handle for account in affected],
                "warnings": cover,
            },
        )
    return affected


def do_record_rotation(
    actor: AbstractBaseUser, account: OfficialAccount, *, rotated_on: Any
) -> OfficialAccount:
    """The password was changed (the new one is never entered here)."""
    require(actor, "manage_accounts", account.school)
    day = to_date(rotated_on, "Date the password was changed", not_future=True, earliest=EARLIEST_RECORD)
    assert day is not None
    last_ended = account.access.filter(ended_on__isnull=False).order_by("-ended_on").first()
    if account.rotation_due and last_ended is not None and last_ended.ended_on > day:
        # A change made before someone's access ended does not lock them out.
        raise ActionError(
            f"Date the password was changed: {day:%d/%m/%Y} is before access last ended "
            f"({last_ended.ended_on:%d/%m/%Y}); change it again, then record that date")
    with transaction.atomic():
        account.credentials_rotated_on, account.rotation_due = day, ""
        account.save(update_fields=["credentials_rotated_on", "rotation_due"])
        audit.append(
            actor, "account.password_changed", school=account.school, target=account, details={"on": day}
        )
    return account


def do_add_app(actor: AbstractBaseUser, account: OfficialAccount, *, name: str, purpose: str) -> ConnectedApp:
    require(actor, "manage_accounts", account.school)
    problems = Problems()
    name = problems.check(required_text, name, "App or service", 200) or ""
    purpose = problems.check(optional_text, purpose, "What it does", 500) or ""
    problems.raise_any()
    with transaction.atomic():
        app = ConnectedApp.objects.create(account=account, name=name, purpose=purpose, added_on=today())
        notify(
            _managers(account.school),
            f"{name} was connected to {account.handle}: it needs your approval",
            f"/schools/{account.school_id}/accounts/{account.pk}",
            school=account.school,
        )
        audit.append(
            actor,
            "account.app_added",
            school=account.school,
            target=account,
            details={"app": name, "purpose": app.purpose},
        )
    return app


def do_approve_app(actor: AbstractBaseUser, app: ConnectedApp) -> ConnectedApp:
    account = app.account
    require(actor, "approve_accounts", account.school)
    if app.approved_on is not None:
        raise ActionError("this app is already approved")
    with transaction.atomic():
        if not ConnectedApp.objects.filter(pk=app.pk, approved_on__isnull=True).update(
                approved_by=actor, approved_on=today()):
            raise ActionError("this app is already approved")
        app.approved_by, app.approved_on = actor, today()
        audit.append(
            actor, "account.app_approved", school=account.school, target=account, details={"app": app.name}
        )
    return app

"""The contact log: friend requests and messages from pupils, former pupils and parents, and what
was done (as the school's policy says); and contact with a pupil agreed in advance by the
headteacher, with its purpose, parental consent for under-16s, its own log and its end date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from safepost.hub import audit
from safepost.hub.actions import ActionError, person_name, whole_number
from safepost.hub.engine_bridge import engine_school
from safepost.hub.models import (
    ApprovedContact,
    ApprovedContactEntry,
    ContactEvent,
    Membership,
    RegisterPupil,
    Role,
    School,
)
from safepost.hub.notify import notify
from safepost.hub.permissions import CAPABILITIES, NotAllowed, can, require
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

WHO = {
    "pupil": "A pupil",
    "former_pupil": "A former pupil",
    "parent": "A parent or family member",
    "other": "Someone else connected to the school",
}
WHAT = {
    "friend_request": "Friend or follow request",
    "message": "Message",
    "comment": "Comment or tag",
    "other": "Other contact",
}
STEPS = {
    "declined": "Declined or ignored it (did not accept)",
    "reported_to_head": "Told the headteacher or a senior leader",
    "parent_told": "Told the pupil's parent or carer",
    "recorded": "Recorded it and discussed it with my line manager",
    "redirected": "Pointed them to the school's official account",
}
# How each pack's words for the steps map onto the log's steps.
_STEP_WORDS = (
    ("decline", "declined"),
    ("do not accept", "declined"),
    ("headteacher", "reported_to_head"),
    ("leadership", "reported_to_head"),
    ("parent", "parent_told"),
    ("record", "recorded"),
    ("official", "redirected"),
    ("blog", "redirected"),
)
PARENTAL_CONSENT_AGE = 16
# The form's labels (errors start with them) and the longest each field may be: the database's
# limits, said to the person rather than cut short.
WHO_DETAILS = ("Who, in your words", ContactEvent._meta.get_field("who_details").max_length or 200)
PLATFORM = ("Where (app or site)", ContactEvent._meta.get_field("platform").max_length or 60)
SUMMARY = ("What happened", 5000)
CHANNEL = ("How (app or service)", ApprovedContact._meta.get_field("channel").max_length or 100)


def policy_steps(school: School) -> tuple[list[str], list[str]]:
    """The pack's steps for a pupil's friend request, in its words, and the log steps they need."""
    rule = engine_school(school).pack.rule("contact.pupil_friend_request_handling")
    if rule is None:
        return [], []
    words = [str(step) for step in (rule.param("steps") or rule.notes.get("steps") or [])]
    needed: list[str] = []
    for step in words:
        lowered = step.lower()
        for fragment, key in _STEP_WORDS:
            if fragment in lowered and key not in needed:
                needed.append(key)
                break
    return words, needed


def missing_steps(school: School, who: str, steps: list[str]) -> list[str]:
    """The steps the pack asks for after a pupil's (or former pupil's) contact that were not
    taken, in the log's words."""
    if who not in ("pupil", "former_pupil"):
        return []
    _words, needed = policy_steps(school)
    return [STEPS[step] for step in needed if step not in steps]


def _pupil(school: School, pk: Any, required: bool) -> RegisterPupil | None:
    if pk in (None, ""):
        if required:
            raise ActionError("Pupil: choose the pupil")
        return None
    number = whole_number(pk)
    found = RegisterPupil.objects.filter(school=school, pk=number).first() if number is not None else None
    if found is None:
        raise ActionError("Pupil: choose the pupil from the list")
    return found


def do_record_contact(
    actor: AbstractBaseUser,
    school: School,
    *,
    happened_on: Any,
    who: str,
    pupil: Any = None,
    who_details: str = "",
    what: str,
    platform: str = "",
    summary: str = "",
    steps: list[str] | None = None,
    staff_id: Any = None,
) -> tuple[ContactEvent, list[str]]:
    """Log a contact. Returns the record and the steps the policy asks for that were not taken."""
    require(actor, "log_contact", school)
    staff = actor
    problems = Problems()
    if staff_id not in (None, "", actor.pk, str(actor.pk)):
        if not can(actor, "view_contact_log", school):
            raise NotAllowed("you can record contact made with you only")
        staff = problems.check(member_of, school, staff_id, "Staff member") or actor
    if who not in WHO:
        problems.add("Who made contact: choose one")
    if what not in WHAT:
        problems.add("What it was: choose one")
    day = problems.check(to_date, happened_on, "When it happened", not_future=True, earliest=EARLIEST_RECORD)
    found_pupil = problems.check(_pupil, school, pupil, required=False)
    who_details = problems.check(optional_text, who_details, *WHO_DETAILS) or ""
    platform = problems.check(optional_text, platform, *PLATFORM) or ""
    summary = problems.check(optional_text, summary, *SUMMARY) or ""
    problems.raise_any()
    chosen = [step for step in (steps or []) if step in STEPS]
    missing = missing_steps(school, who, chosen)
    with transaction.atomic():
        event = ContactEvent.objects.create(
            school=school,
            staff=staff,
            recorded_by=actor,
            happened_on=day,
            who=who,
            pupil=found_pupil,
            who_details=who_details,
            what=what,
            platform=platform,
            summary=summary,
            steps=chosen,
        )
        if who in ("pupil", "former_pupil", "parent"):
            notify(
                users_with_roles(school, CAPABILITIES["view_contact_log"]),
                f"{person_name(staff)} logged a {WHAT[what].lower()} from {WHO[who].lower()}",
                f"/schools/{school.pk}/contact/",
                school=school,
            )
        audit.append(
            actor,
            "contact.logged",
            school=school,
            target=event,
            details={
                "staff": staff.get_username(),
                "who": who,
                "what": what,
                "steps": chosen,
                "missing_steps": missing,
                "pupil": found_pupil.pk if found_pupil else None,
            },
        )
    return event, missing


def age_on(pupil: RegisterPupil, day: dt.date) -> int | None:
    born = pupil.date_of_birth
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def do_approve_contact(
    actor: AbstractBaseUser,
    school: School,
    *,
    staff_id: Any,
    pupil: Any,
    purpose: str,
    channel: str,
    ends_on: Any,
    parental_consent_on: Any = "",
) -> ApprovedContact:
    """Contact with a pupil agreed in advance, for a purpose, until an end date."""
    require(actor, "approve_contact", school)
    problems = Problems()
    staff = problems.check(member_of, school, staff_id, "Staff member")
    found = problems.check(_pupil, school, pupil, required=True)
    purpose = problems.check(required_text, purpose, "Purpose", 2000) or ""
    channel = problems.check(optional_text, channel, *CHANNEL) or ""
    end = problems.check(to_date, ends_on, "End date")
    if end is not None and end <= today():
        problems.add("End date: must be after today")
    consent = problems.check(to_date, parental_consent_on, "Parental consent date", required=False,
                             not_future=True, earliest=EARLIEST_RECORD)
    if found is not None and consent is None and not problems.found_for("Parental consent date"):
        age = age_on(found, today())
        if age is None or age < PARENTAL_CONSENT_AGE:
            problems.add(
                f"Parental consent date: {found.display_name} is "
                f"{'of unknown age' if age is None else f'{age}'}; a parent or carer must consent "
                f"for a pupil under {PARENTAL_CONSENT_AGE}"
            )
    problems.raise_any()
    assert staff is not None and found is not None and end is not None
    # Only the headteacher approves contact; her own is recorded, and the DSL is told, so that
    # contact with a pupil is never agreed by one person alone without anyone else knowing.
    own = staff.pk == actor.pk
    with transaction.atomic():
        contact = ApprovedContact.objects.create(
            school=school,
            staff=staff,
            pupil=found,
            purpose=purpose,
            channel=channel,
            approved_by=actor,
            approved_on=today(),
            parental_consent_on=consent,
            ends_on=end,
        )
        notify(
            [staff],
            f"Contact with {found.display_name} is approved until {end:%d/%m/%Y}: keep a log of it",
            f"/contact/approved/{contact.pk}",
            school=school,
            email_text="Contact with a pupil has been approved for you in safepost: keep a log of it",
        )
        if own:
            notify(
                _told_of_own_contact(school, actor),
                f"{person_name(actor)} approved their own contact with {found.display_name} "
                f"until {end:%d/%m/%Y}",
                f"/contact/approved/{contact.pk}",
                school=school,
                email_text="A headteacher's own contact with a pupil was approved in safepost",
            )
        audit.append(
            actor,
            "contact.approved",
            school=school,
            target=contact,
            details={
                "staff": staff.get_username(),
                "pupil": found.pk,
                "ends_on": end,
                "parental_consent_on": consent,
                **({"own_contact": True} if own else {}),
            },
        )
    return contact


def _told_of_own_contact(school: School, actor: AbstractBaseUser) -> list[Any]:
    """Who hears that the headteacher approved her own contact with a pupil: the DSL; where she
    is the DSL too (a small primary), the trust's administrators."""
    others = [user for user in users_with_roles(school, CAPABILITIES["view_contact_log"])
              if user.pk != actor.pk]
    if others or not school.trust_id:
        return others
    ids = Membership.objects.filter(trust_id=school.trust_id, school__isnull=True,
                                    role=Role.TRUST_ADMIN).values_list("user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids).exclude(pk=actor.pk))


def can_see_approved(user: AbstractBaseUser, contact: ApprovedContact) -> bool:
    """The member of staff while they still belong to the school; the headteacher and DSL."""
    if can(user, "view_contact_log", contact.school):
        return True
    return contact.staff_id == user.pk and can(user, "log_contact", contact.school)


def is_open(contact: ApprovedContact, on: dt.date | None = None) -> bool:
    return contact.ended_on is None and contact.ends_on >= (on or today())


def do_log_approved_contact(
    actor: AbstractBaseUser, contact: ApprovedContact, *, happened_on: Any, summary: str
) -> ApprovedContactEntry:
    require(actor, "log_contact", contact.school)
    if contact.staff_id != actor.pk and not can(actor, "approve_contact", contact.school):
        raise NotAllowed("only the member of staff or the headteacher keeps this log")
    problems = Problems()
    day = problems.check(to_date, happened_on, "When it happened", not_future=True)
    if day is not None and (day > contact.ends_on or (contact.ended_on and day > contact.ended_on)):
        problems.add("When it happened: after the approved contact ended; raise a concern instead")
    elif day is not None and day < contact.approved_on:
        problems.add(f"When it happened: before the contact was approved "
                     f"({contact.approved_on:%d/%m/%Y}); log it as contact, or raise a concern")
    summary = problems.check(required_text, summary, "What was said or done", 5000) or ""
    problems.raise_any()
    assert day is not None
    with transaction.atomic():
        entry = ApprovedContactEntry.objects.create(
            contact=contact, happened_on=day, summary=summary, recorded_by=actor
        )
        audit.append(actor, "contact.log_entry", school=contact.school, target=contact, details={"on": day})
    return entry


def do_end_approved_contact(actor: AbstractBaseUser, contact: ApprovedContact) -> ApprovedContact:
    require(actor, "log_contact", contact.school)
    if contact.staff_id != actor.pk:
        require(actor, "approve_contact", contact.school)
    if contact.ended_on is not None:
        raise ActionError("this contact has already ended")
    with transaction.atomic():
        contact.ended_on = today()
        contact.save(update_fields=["ended_on"])
        audit.append(
            actor, "contact.ended", school=contact.school, target=contact, details={"on": contact.ended_on}
        )
    return contact

"""Policy versions and the statement of acceptance: each version with its document control
(approval date, approver, owner, review date); everyone at the school signs the current one,
a new version asks everyone again, and the headteacher sees who has not signed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from safepost.detect.text import fold
from safepost.hub import audit
from safepost.hub.actions import ActionError, person_name
from safepost.hub.engine_bridge import engine_school
from safepost.hub.mis_import import parse_date
from safepost.hub.models import Acknowledgement, PolicyVersion, School
from safepost.hub.notify import notify
from safepost.hub.permissions import require
from safepost.hub.registers_common import (
    EARLIEST_RECORD,
    Problems,
    optional_text,
    required_text,
    school_users,
    to_date,
    today,
)

GENERIC_STATEMENT = (
    "I have read and understood the school's social media policy. I will follow it, "
    "and if I am in any doubt I will ask the headteacher before I post."
)
REVIEW_WARNING_DAYS = 60


def current_version(school: School) -> PolicyVersion | None:
    return PolicyVersion.objects.filter(school=school).order_by("-published_at", "-pk").first()


def pack_statement(school: School) -> str:
    """The statement the school's pack asks staff to sign, in the policy's own words."""
    rule = engine_school(school).pack.rule("register.acknowledgement")
    if rule is not None and rule.quote:
        return rule.quote
    return GENERIC_STATEMENT


def _pack_date(value: str) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None  # 'not given', 'April 20 (year truncated...)': kept as unknown


def pack_document_control(school: School) -> dict[str, Any]:
    """The pack's own document-control fields, as the form's starting values."""
    pack = engine_school(school).pack
    given = {"not given", ""}
    return {
        "version": pack.version if pack.version not in given else "1",
        "title": pack.title,
        "approval_date": _pack_date(pack.approval_date),
        "approver": "" if pack.approver in given else pack.approver,
        "owner": "" if pack.owner in given else pack.owner,
        "review_date": _pack_date(pack.review_date),
        "statement": pack_statement(school),
        "document_link": "",
    }


DOCUMENT_LINK = ("Link to the policy document",
                 PolicyVersion._meta.get_field("document_link").max_length or 500)


def _document_link(value: Any) -> str:
    """The web address of the policy document: empty, or an https address, as the form asks (so
    the page can link to it and nothing else runs from the link)."""
    label, limit = DOCUMENT_LINK
    link = optional_text(value, label, limit)
    if link and (not re.match(r"^https://[^\s/]+", link, re.IGNORECASE) or re.search(r"\s", link)):
        raise ActionError(f"{label}: enter its web address, starting https://")
    return link


def version_key(version: str) -> tuple[int, ...] | None:
    """A version number to compare: '1.10' -> (1, 10), 'v2' -> (2,); '1.0' and '1' are the same.
    None where it has no number ('Spring edition'): such a version is not compared."""
    numbers = [int(part) for part in re.findall(r"\d+", version)]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers) or None


def _newer_version(school: School, version: str) -> str:
    """The version number, refused where it is already used or is not newer than the current one."""
    if PolicyVersion.objects.filter(school=school, version=version).exists():
        raise ActionError(f"Version: version {version} already exists; give the new one another number")
    current = current_version(school)
    if current is None:
        return version
    new_key, current_key = version_key(version), version_key(current.version)
    if new_key is not None and current_key is not None and new_key <= current_key:
        raise ActionError(
            f"Version: {version} is not newer than the current version, {current.version}; "
            "give the new one a higher number"
        )
    return version


def do_publish_policy_version(
    actor: AbstractBaseUser,
    school: School,
    *,
    version: str,
    title: str,
    approval_date: Any,
    approver: str,
    owner: str,
    review_date: Any,
    statement: str,
    changes: str = "",
    document_link: str = "",
) -> PolicyVersion:
    """A new version of the policy: everyone at the school is asked to sign it."""
    require(actor, "manage_policy", school)
    problems = Problems()
    version = problems.check(required_text, version, "Version", 40) or ""
    if version:
        version = problems.check(_newer_version, school, version) or ""
    title = problems.check(required_text, title, "Title", 300) or ""
    approved = problems.check(to_date, approval_date, "Approval date", required=False, not_future=True,
                              earliest=EARLIEST_RECORD)
    approver = problems.check(optional_text, approver, "Approved by", 200) or ""
    owner = problems.check(optional_text, owner, "Owner", 200) or ""
    review = problems.check(to_date, review_date, "Review date", required=False)
    if approved and review and review <= approved:
        problems.add("Review date: must be after the approval date")
    statement = problems.check(required_text, statement, "Statement of acceptance") or ""
    changes = problems.check(optional_text, changes, "What changed", 5000) or ""
    link = problems.check(_document_link, document_link) or ""
    problems.raise_any()
    with transaction.atomic():
        made = PolicyVersion.objects.create(
            school=school,
            version=version,
            title=title,
            approval_date=approved,
            approver=approver,
            owner=owner,
            review_date=review,
            statement=statement,
            changes=changes,
            document_link=link,
            published_by=actor,
        )
        notify(
            school_users(school),
            f"Please read and sign version {version} of the social media policy",
            f"/schools/{school.pk}/policy",
            school=school,
        )
        audit.append(
            actor,
            "policy.version_published",
            school=school,
            target=made,
            details={
                "version": version,
                "approval_date": approved,
                "approver": made.approver,
                "owner": made.owner,
                "review_date": review,
                "document_link": link,
            },
        )
    return made


def do_set_policy_link(actor: AbstractBaseUser, version: PolicyVersion, document_link: str) -> PolicyVersion:
    """Say where staff read the current version (or change it). The text they sign is the same,
    so nobody is asked to sign again."""
    require(actor, "manage_policy", version.school)
    if current_version(version.school) != version:
        raise ActionError("this is not the current version of the policy")
    link = _document_link(document_link)
    with transaction.atomic():
        before = version.document_link
        version.document_link = link
        version.save(update_fields=["document_link"])
        audit.append(
            actor,
            "policy.link_set",
            school=version.school,
            target=version,
            details={"version": version.version, "document_link": link, "before": before},
        )
    return version


def _names_the_signer(signed_name: str, signer: AbstractBaseUser) -> bool:
    """True when the signature holds the signer's recorded surname as words, whatever its
    capitals, accents and hyphens ("tom bennett", "Thomas BENNETT"); anyone with no surname
    on record may sign with any name."""
    surname = fold(getattr(signer, "last_name", "") or "").strip()
    if not surname:
        return True
    words = re.findall(r"\w+", fold(signed_name))
    surname_words = re.findall(r"\w+", surname)
    # "O'Neill" may be typed "O Neill" or "ONeill", "Smith-Jones" as "Smith Jones".
    return "".join(surname_words) in words or any(
        words[i:i + len(surname_words)] == surname_words for i in range(len(words)))


def do_sign_policy(
    actor: AbstractBaseUser, version: PolicyVersion, *, signed_name: str, confirmed: bool
) -> Acknowledgement:
    require(actor, "sign_policy", version.school)
    if current_version(version.school) != version:
        raise ActionError("this is not the current version of the policy: sign the current one")
    problems = Problems()
    if not confirmed:
        problems.add("I have read and understood: tick the box to confirm")
    signed_name = problems.check(required_text, signed_name, "Your full name", 200) or ""
    if signed_name and not _names_the_signer(signed_name, actor):
        # A signature is what HR shows a member of staff later: "x" or a colleague's name
        # would not stand as theirs. The surname the school holds must be in it.
        problems.add(f"Your full name: type your own name as the school has it "
                     f"({person_name(actor)})")
    problems.raise_any()
    try:
        with transaction.atomic():
            signed = Acknowledgement.objects.create(version=version, user=actor, signed_name=signed_name)
            audit.append(
                actor,
                "policy.signed",
                school=version.school,
                target=version,
                # Which document they were shown: the link can change after people sign.
                details={"version": version.version, "signed_name": signed_name,
                         "document_link": version.document_link},
            )
    except IntegrityError as exc:
        raise ActionError("you have already signed this version") from exc
    return signed


def unsigned(
    school: School, version: PolicyVersion | None = None, people: list[Any] | None = None,
) -> list[Any]:
    """Who has not signed `version` (the current one by default), of `people` (the school's
    users by default: a caller that already loaded them passes them, saving the query)."""
    version = version or current_version(school)
    if version is None:
        return []
    done = set(version.acknowledgements.values_list("user_id", flat=True))
    return [user for user in (school_users(school) if people is None else people) if user.pk not in done]


def review_due(version: PolicyVersion | None, on: dt.date | None = None) -> str:
    """'' when fine; else a plain sentence about the review date."""
    if version is None or version.review_date is None:
        return "no review date is set" if version is not None else ""
    day = on or today()
    if version.review_date < day:
        return f"the review was due on {version.review_date:%d/%m/%Y}"
    if (version.review_date - day).days <= REVIEW_WARNING_DAYS:
        return f"the review is due on {version.review_date:%d/%m/%Y}"
    return ""


def do_send_policy_reminders(actor: AbstractBaseUser, school: School) -> int:
    require(actor, "manage_policy", school)
    version = current_version(school)
    if version is None:
        raise ActionError("there is no policy version to sign yet")
    people = unsigned(school, version)
    with transaction.atomic():
        notify(
            people,
            f"Reminder: please read and sign version {version.version} of the social media policy",
            f"/schools/{school.pk}/policy",
            school=school,
        )
        audit.append(
            actor,
            "policy.reminders_sent",
            school=school,
            target=version,
            details={"version": version.version, "people": [person_name(u) for u in people]},
        )
    return len(people)


def coverage_percent(signed: int, total: int) -> int:
    """How much of the staff has signed, in whole per cent (an empty staff counts as all)."""
    return round(100 * signed / total) if total else 100

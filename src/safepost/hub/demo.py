"""The demo trust, school and people, created through the same actions as real use."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings

from safepost.hub import actions, audit
from safepost.hub.demo_registers import describe_demo_accounts, load_demo_comments, load_demo_registers
from safepost.hub.models import Membership, OfficialAccount, Role, School, SecondFactor, Trust
from safepost.school import demo_school_dir, load_school

DEMO_PASSWORD = "oakfield-demo"
DEMO_TRUST_EMAIL = "r.adebayo@kingfishertrust.org.uk"  # invented, like every demo address


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first: str
    last: str
    role: str
    staff_id: str
    totp_secret: str = ""


DEMO_PEOPLE = (
    DemoPerson("head", "Helen", "Marsh", Role.HEADTEACHER, "S001", "JBSWY3DPEHPK3PXPOAKFIELDHEADAAAA"),
    DemoPerson("deputy", "David", "Okafor", Role.SLT, "S002"),
    DemoPerson("dsl", "Priya", "Shah", Role.DSL, "S003", "JBSWY3DPEHPK3PXPOAKFIELDDSLAAAAA"),
    DemoPerson("teacher", "Tom", "Bennett", Role.STAFF, "S004"),
    DemoPerson("comms", "Sarah", "Collins", Role.COMMUNICATIONS, "S008"),
    DemoPerson("governor", "Peter", "Quinn", Role.GOVERNOR, "S011"),
    DemoPerson("trustadmin", "Ruth", "Adebayo", Role.TRUST_ADMIN, "", "JBSWY3DPEHPK3PXPKINGFISHERTRUSTA"),
)


def load_demo() -> School:
    """Create the demo once; a second call finds it and changes nothing (except to add the
    registers' demo rows to a demo made before the registers existed, and the demo comments to one
    made before comments were moderated in the hub). Setting up sends no email."""
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        existing = School.objects.filter(name="Oakfield Primary School").first()
        if existing is None:
            return _create_demo()
        registers = existing.policy_versions.exists()
        if not registers or not existing.page_comments.exists():
            people = get_user_model().objects.filter(username__in=[p.username for p in DEMO_PEOPLE])
            users = {user.username: user for user in people}
            if len(users) == len(DEMO_PEOPLE):
                with transaction.atomic():
                    if registers:  # a demo made before comments were moderated in the hub
                        load_demo_comments(existing, users)
                    else:
                        load_demo_registers(existing, users)
        return existing


def _create_demo() -> School:
    directory = demo_school_dir()
    engine = load_school(directory)
    users = {}
    with transaction.atomic():
        trust = Trust.objects.create(name=engine.trust_name or "Demo Trust")
        school = School.objects.create(trust=trust, name=engine.name, directory=str(directory))
        for account in engine.official_accounts:
            OfficialAccount.objects.create(school=school, platform=account.platform, handle=account.handle)
        model = get_user_model()
        for person in DEMO_PEOPLE:
            member = engine.staff_member(person.staff_id)
            user = model.objects.create_user(person.username, password=DEMO_PASSWORD,
                                             first_name=person.first, last_name=person.last,
                                             email=member.email if member else DEMO_TRUST_EMAIL)
            users[person.username] = user
            if person.role == Role.TRUST_ADMIN:
                Membership.objects.create(user=user, trust=trust, role=person.role)
            else:
                Membership.objects.create(user=user, school=school, role=person.role,
                                          staff_id=person.staff_id)
            if person.totp_secret:
                SecondFactor.objects.create(user=user, secret=person.totp_secret,
                                            confirmed_at=user.date_joined)
        audit.append(None, "demo.loaded", school=school, details={"people": len(DEMO_PEOPLE)})
    describe_demo_accounts(school, users)  # posts go out only on accounts the head has approved
    # By platform, not row order (PostgreSQL returns rows in no fixed order): X and Facebook are
    # approved in the demo, Instagram is not.
    by_platform = {account.platform: account for account in school.accounts.all()}
    accounts = [by_platform["x"], by_platform["facebook"]]
    teacher, comms, head = users["teacher"], users["comms"], users["head"]
    actions.do_create_draft(
        teacher, school, account=accounts[0], pupils=[],
        text="Huge well done to Amelia Hartley and Seun in Year 4 for their brilliant poems! #OakfieldStars",
    )
    waiting = actions.do_create_draft(
        comms, school, account=accounts[1], pupils=["P1004"],
        text="Year 6 had a fantastic day at the science museum. Thank you to our parent helpers!",
    )
    actions.do_submit_draft(comms, waiting)
    approved = actions.do_create_draft(
        comms, school, account=accounts[0], pupils=[],
        text="Reminder: Reception admissions close on Friday. Questions? Call the office on 01632 960123.",
    )
    actions.do_submit_draft(comms, approved)
    actions.do_approve_draft(head, approved, "Thank you, good to go.")
    load_demo_registers(school, users)
    return school

"""The demo school's registers: realistic rows for each, made through the same actions as real use."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from safepost.hub import (
    actions,
    actions_accounts,
    actions_cases,
    actions_comments,
    actions_consent,
    actions_contact,
    actions_policy,
)
from safepost.hub.models import CommenterKind, RegisterPupil, School
from safepost.hub.registers_common import today


def describe_demo_accounts(school: School, users: dict[str, Any]) -> None:
    """The official accounts register: a full record for X, gaps elsewhere for the headteacher to
    see; X, Facebook and the blog approved by the headteacher, Instagram not yet (so nothing can
    be published on it). Done before any demo post goes for approval."""
    head, comms = users["head"], users["comms"]
    day = today()
    accounts = {account.platform: account for account in school.accounts.all()}
    x, facebook, instagram, blog = (accounts[name] for name in ("x", "facebook", "instagram", "blog"))
    house_rules = (
        "Be kind. No names of children. Comments are moderated; we remove anything unkind or off topic."
    )
    actions_accounts.do_update_account(
        comms,
        x,
        purpose="News, celebrations and reminders for families",
        reason="Reaches parents quickly about events, closures and achievements",
        audience="Parents, carers and the local community",
        audience_min_age="18",
        platform_min_age="13",
        house_rules=house_rules,
        exit_strategy="Archive and close if not used for a term; the headteacher decides",
        end_date="31/08/2028",
        review_date=(day + timedelta(days=200)).strftime("%d/%m/%Y"),
        evaluation="Well used: 640 followers",
        evaluated_on=(day - timedelta(days=60)).strftime("%d/%m/%Y"),
    )
    actions_accounts.do_approve_account(head, x)
    actions_accounts.do_update_account(
        comms,
        facebook,
        purpose="Photos and news for families",
        reason="Most parents use Facebook",
        audience="Parents and carers",
        audience_min_age="18",
        platform_min_age="13",
        house_rules=house_rules,
        exit_strategy="Close with a final post pointing to the website",
        end_date="31/08/2028",
    )
    actions_accounts.do_approve_account(head, facebook)
    actions_accounts.do_update_account(
        comms,
        instagram,
        purpose="Showcase of pupils' art",
        reason="Year 6 art project",
        audience="Year 6 pupils and their families",
        audience_min_age="10",
        platform_min_age="13",
    )
    actions_accounts.do_update_account(
        comms,
        blog,
        purpose="Class blogs",
        reason="Writing for a real audience",
        audience="Pupils and families",
        audience_min_age="4",
        house_rules="Comments approved by the class teacher first",
        exit_strategy="Export posts to the school website and close",
        end_date="31/07/2027",
        review_date=(day - timedelta(days=20)).strftime("%d/%m/%Y"),
    )
    actions_accounts.do_approve_account(head, blog)


def load_demo_registers(school: School, users: dict[str, Any]) -> None:
    """Realistic rows for every register, made through the same actions as real use."""
    head, deputy, dsl, teacher, comms = (
        users[name] for name in ("head", "deputy", "dsl", "teacher", "comms")
    )
    day = today()
    if not school.accounts.filter(approved_on__isnull=False).exists():  # a demo made before the register
        describe_demo_accounts(school, users)

    # Consent: the register starts from the school's pupil list; one parent has since withdrawn
    # photo consent for a pupil shown in a published post, which is now a task to take down.
    actions_consent.do_start_register(head, school)
    accounts = {account.platform: account for account in school.accounts.all()}
    roman = actions.do_create_draft(
        comms,
        school,
        account=accounts["facebook"],
        pupils=["P1005"],
        text="Year 5 brought Roman Britain to life today. Salve! #OakfieldHistory",
    )
    actions.do_submit_draft(comms, roman)
    actions.do_approve_draft(head, roman, "Great photo.")
    actions.do_publish_draft(comms, roman, "copy")
    zofia = RegisterPupil.objects.get(school=school, pupil_id="P1005")
    actions_consent.do_record_consent(
        comms,
        zofia,
        kind="photo",
        given=False,
        date=day - timedelta(days=1),
        source="email from parent",
        note="Family moving abroad; no photos please.",
    )

    # The policy: version 1.0 from the pack's document control; most have signed.
    control = actions_policy.pack_document_control(school)
    version = actions_policy.do_publish_policy_version(
        head, school, **control, changes="First version in the hub."
    )
    for person in (head, deputy, dsl, comms):
        actions_policy.do_sign_policy(person, version, signed_name=person.get_full_name(), confirmed=True)

    # Official accounts (described and approved by describe_demo_accounts): who holds access.
    x, facebook, instagram, blog = (accounts[name] for name in ("x", "facebook", "instagram", "blog"))
    for account, people in (
        (x, ((head, "administrator"), (comms, "administrator"), (teacher, "authorised"))),
        (facebook, ((comms, "administrator"), (deputy, "administrator"))),
        (instagram, ((teacher, "administrator"),)),
        (blog, ((head, "administrator"), (deputy, "administrator"))),
    ):
        for person, role in people:
            actions_accounts.do_grant_access(head, account, user_id=person.pk, role=role)
    for account in (x, blog):
        actions_accounts.do_record_rotation(
            comms, account, rotated_on=(day - timedelta(days=30)).strftime("%d/%m/%Y")
        )
    actions_accounts.do_end_access(head, facebook.access.get(user=deputy))  # prompts a password change
    app = actions_accounts.do_add_app(comms, x, name="Buffer", purpose="Schedules posts")
    actions_accounts.do_approve_app(head, app)
    actions_accounts.do_add_app(comms, instagram, name="Canva", purpose="Designs the art showcase posts")

    # Concerns: one being looked into, one closed with advice.
    worry = actions_cases.do_raise_concern(
        teacher,
        school,
        title="Parent's comment on our Facebook post",
        description="A parent commented on the sports day post naming another family and making accusations. "
        "I have not replied.",
    )
    actions_cases.do_triage_case(
        head,
        worry,
        status="investigating",
        triage="Reputational; possible harassment",
        note="Comment hidden while we look into it",
    )
    actions_cases.do_add_case_note(
        dsl, worry, text="Spoke to the parent by phone; they will remove the comment."
    )
    done = actions_cases.do_raise_concern(
        comms,
        school,
        title="Staff member's public profile shows the school name",
        description="A new member of staff has the school's name and their class in a public Instagram bio.",
    )
    actions_cases.do_triage_case(head, done, status="triaged", triage="Low-level conduct")
    actions_cases.do_close_case(
        head,
        done,
        outcome="advice",
        outcome_on=day - timedelta(days=3),
        note="Advice given; the bio was changed the same day.",
    )

    # Contact: a pupil's friend request, and contact agreed in advance for a residential trip.
    noah = RegisterPupil.objects.get(school=school, pupil_id="P1022")
    actions_contact.do_record_contact(
        teacher,
        school,
        happened_on=day - timedelta(days=2),
        who="pupil",
        pupil=noah.pk,
        who_details="Year 6 pupil",
        what="friend_request",
        platform="Instagram",
        summary="Follow request to my personal account.",
        steps=["declined", "reported_to_head"],
    )
    muhammad = RegisterPupil.objects.get(school=school, pupil_id="P1010")
    contact = actions_contact.do_approve_contact(
        head,
        school,
        staff_id=deputy.pk,
        pupil=muhammad.pk,
        purpose="Year 6 residential: updates to the group through the school's messaging app only",
        channel="School messaging app",
        ends_on=day + timedelta(days=30),
        parental_consent_on=day - timedelta(days=7),
    )
    actions_contact.do_log_approved_contact(
        deputy, contact, happened_on=day, summary="Sent the kit list to the group; no replies."
    )
    load_demo_comments(school, users)


def load_demo_comments(school: School, users: dict[str, Any]) -> None:
    """Comments on the school's pages: a parent's thank-you (kept), a comment naming a pupil in
    full (waiting for a look), a question (waiting). None is a safeguarding matter: the DSL's
    case list stays as it is."""
    comms = users["comms"]
    accounts = {account.platform: account for account in school.accounts.all()}
    day = today()
    thanks = actions_comments.do_record_comment(
        comms,
        school,
        account=accounts["facebook"],
        commenter_kind=CommenterKind.PARENT,
        commenter_name="Jo Turner",
        where="Sports day photos",
        text="Thank you to all the staff for a wonderful sports day. The children had a brilliant time! 👏",
        posted_at=(day - timedelta(days=3)).strftime("%d/%m/%Y 18:05"),
    )
    actions_comments.do_decide_comment(comms, thanks, "keep", "A thank-you: nothing to act on")
    actions_comments.do_record_comment(
        comms,
        school,
        account=accounts["facebook"],
        commenter_kind=CommenterKind.NOT_KNOWN,
        commenter_name="Maureen H",
        where="Poetry assembly",
        text="So proud of Amelia Hartley for her poem in assembly today! Grandma xx",
        posted_at=(day - timedelta(days=1)).strftime("%d/%m/%Y 16:40"),
    )
    actions_comments.do_record_comment(
        comms,
        school,
        account=accounts["x"],
        commenter_kind=CommenterKind.PUBLIC,
        where="Christmas fair poster",
        text="Is the car park open for the Christmas fair on Saturday?",
    )

"""Who may do what: one table, read by every view, API call and action."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from safepost.hub.models import Draft, DraftStatus, Membership, Role, School

ALL_ROLES = frozenset(role.value for role in Role)
SCHOOL_ROLES = ALL_ROLES - {"trust_admin"}

CAPABILITIES: dict[str, frozenset[str]] = {
    "view_school": ALL_ROLES,
    "self_check": ALL_ROLES,
    "compose": frozenset({"headteacher", "slt", "dsl", "communications", "staff"}),
    "approve": frozenset({"headteacher", "slt"}),
    "crisis_lock": frozenset({"headteacher", "trust_admin"}),
    "view_audit": frozenset({"headteacher", "trust_admin"}),
    "manage_publisher": frozenset({"headteacher", "trust_admin"}),
    # The registers (issue #6). Pupil-level records stay in the school: the trust sees totals.
    "view_consent": frozenset({"headteacher", "slt", "dsl", "communications"}),
    "manage_consent": frozenset({"headteacher", "dsl", "communications"}),
    "sign_policy": SCHOOL_ROLES,
    "manage_policy": frozenset({"headteacher", "trust_admin"}),
    # The school's holidays and INSET days decide when the lesson-time rule applies: set by
    # those who manage the policy. Everyone sees them (`view_school`).
    "manage_school_days": frozenset({"headteacher", "trust_admin"}),
    "view_accounts": frozenset({"headteacher", "slt", "dsl", "communications", "trust_admin"}),
    "manage_accounts": frozenset({"headteacher", "slt", "communications"}),
    "approve_accounts": frozenset({"headteacher"}),
    # Recording a leaver ends every role the person has (the DSL's, the head's): head and trust only.
    "manage_staff": frozenset({"headteacher", "trust_admin"}),
    "raise_concern": SCHOOL_ROLES,
    "handle_cases": frozenset({"headteacher", "dsl"}),
    "log_contact": SCHOOL_ROLES,
    "view_contact_log": frozenset({"headteacher", "dsl"}),
    "approve_contact": frozenset({"headteacher"}),
    # Comments on the school's official pages: recording them, the queue, keep or hide. A comment
    # the check sends to the DSL is decided only by the case handlers (`handle_cases`).
    "moderate_comments": frozenset({"headteacher", "slt", "dsl", "communications"}),
    "view_dashboard": frozenset({"headteacher", "trust_admin"}),
    "export_personal_data": frozenset({"headteacher"}),
    # A post the headteacher wrote (see `post_approver_roles`).
    "approve_head_post": frozenset({"slt", "trust_admin"}),
}

# The roles each policy names as approvers of official posts (TPAT: the Headteacher); every
# one also has the "approve" capability (a test holds this), so the roles that may approve a
# post (`post_approver_roles`) are all one needs to ask.
PACK_APPROVERS: dict[str, frozenset[str]] = {
    "tpat": frozenset({"headteacher"}),
    "auriga": frozenset({"headteacher"}),
    "staffs_protocol": frozenset({"headteacher"}),
    "holbrook": frozenset({"headteacher", "slt"}),
    "reach2": frozenset({"headteacher", "slt"}),
}


class NotAllowed(PermissionError):
    """The actor's roles do not give them this capability here."""


def roles_at(user: AbstractBaseUser | AnonymousUser, school: School) -> set[str]:
    if not user.is_authenticated:
        return set()
    roles = set(
        Membership.objects.filter(user=user, school=school).values_list("role", flat=True)
    )
    if school.trust_id and Membership.objects.filter(
        user=user, trust_id=school.trust_id, role=Role.TRUST_ADMIN
    ).exists():
        roles.add(Role.TRUST_ADMIN.value)
    return roles


def allows(roles: set[str], capability: str) -> bool:
    """Whether any of these roles (from `roles_at`) gives the capability: for pages that ask
    about many capabilities at one school, so the roles are read from the database once."""
    return bool(roles & CAPABILITIES[capability])


def can(user: AbstractBaseUser | AnonymousUser, capability: str, school: School) -> bool:
    return allows(roles_at(user, school), capability)


def require(user: AbstractBaseUser | AnonymousUser, capability: str, school: School) -> None:
    if not can(user, capability, school):
        raise NotAllowed(f"{capability} is not allowed for your role at {school.name}")


def approver_roles(school: School, pack_id: str, base_pack_id: str | None) -> frozenset[str]:
    """Who may approve official posts: the pack's approvers; only the head in a crisis lock."""
    if school.crisis_lock:
        return frozenset({"headteacher"})
    return PACK_APPROVERS.get(pack_id) or PACK_APPROVERS.get(base_pack_id or "", CAPABILITIES["approve"])


def post_approver_roles(school: School, pack_id: str, base_pack_id: str | None,
                        author_roles: set[str]) -> frozenset[str]:
    """Who may approve this post, given the roles its author has at the school.

    Nobody approves their own post, and the policies put approval with the headteacher "or a
    delegate". So a post the headteacher wrote goes, besides any other approver the policy names,
    to a deputy head or other member of the senior leadership team at that school, or to the
    trust admin (`approve_head_post`); this holds in a crisis lock too (the headteacher wrote the
    post, and someone else still reads it before it goes out)."""
    roles = approver_roles(school, pack_id, base_pack_id)
    if Role.HEADTEACHER.value in author_roles:
        roles = roles | CAPABILITIES["approve_head_post"]
    return roles


def can_view_draft(user: AbstractBaseUser | AnonymousUser, draft: Draft) -> bool:
    """Who may open a post (its page and `/api/drafts/<id>` alike).

    - Its author, always.
    - A draft never submitted is its author's own: nobody else sees it (not the headteacher,
      not the trust), unless the author opened a safeguarding case from it; then the people who
      can see that case (the headteacher, the DSL and those they add) see the post it came from.
    - Once submitted (waiting, returned, approved, published): the school's approvers and those
      who read the audit log (headteacher, trust admin); the people who see the consent
      register, when the post is on the list to take down; and the people who can see a case
      opened from it."""
    if not user.is_authenticated:
        return False
    if draft.author_id == user.pk:
        return True
    if draft.status != DraftStatus.DRAFT:
        roles = roles_at(user, draft.school)
        if allows(roles, "approve") or allows(roles, "view_audit"):
            return True
        if allows(roles, "view_consent") and draft.takedown_tasks.exists():
            return True
    from safepost.hub.actions_cases import can_see  # the cases import this module

    return any(can_see(user, case) for case in draft.cases.all())


def schools_for(user: AbstractBaseUser | AnonymousUser) -> list[School]:
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user=user)
    direct = School.objects.filter(memberships__in=memberships)
    trusts = memberships.filter(role=Role.TRUST_ADMIN).values_list("trust_id", flat=True)
    via_trust = School.objects.filter(trust_id__in=trusts)
    return list((direct | via_trust).distinct().order_by("name"))

"""Who may do what: one table, read by every view, API call and action."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from safepost.hub.models import Membership, Role, School

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
    "view_dashboard": frozenset({"headteacher", "trust_admin"}),
    "export_personal_data": frozenset({"headteacher"}),
}

# The roles each policy names as approvers of official posts (TPAT: the Headteacher).
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


def schools_for(user: AbstractBaseUser | AnonymousUser) -> list[School]:
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.filter(user=user)
    direct = School.objects.filter(memberships__in=memberships)
    trusts = memberships.filter(role=Role.TRUST_ADMIN).values_list("trust_id", flat=True)
    via_trust = School.objects.filter(trust_id__in=trusts)
    return list((direct | via_trust).distinct().order_by("name"))

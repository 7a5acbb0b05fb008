"""Email preferences, the daily digest and the scheduled governance reminders."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from safepost.hub import audit
from safepost.hub.models import EmailPreference, School
from safepost.hub.notify import _send, digest_body, notify
from safepost.hub.registers_common import users_with_roles


def do_set_email_preference(user: AbstractBaseUser, *, digest: bool) -> EmailPreference:
    """Each message by email as it happens, or one plain digest a day. Anyone may set their own."""
    with transaction.atomic():
        preference, _ = EmailPreference.objects.get_or_create(user=user)
        if digest and not preference.digest:
            # Switched on: the digest starts now. What came while it was off was emailed then
            # (and would be repeated from an older start).
            preference.last_digest_at = timezone.now()
        preference.digest = digest
        preference.save()
        audit.append(user, "email.preference", details={"digest": digest})
    return preference


def do_send_digests() -> int:
    """One plain email per person who chose the digest and has new messages. Returns how many."""
    sent = 0
    with transaction.atomic():
        for preference in (
            EmailPreference.objects.select_for_update().filter(digest=True).select_related("user")
        ):
            user = preference.user
            # The window closes before the messages are read: one that arrives while the digest
            # is being built goes in the next digest, not in this one and the next.
            now = timezone.now()
            body = digest_body(user, preference.last_digest_at, until=now)
            if body and user.email:
                address = user.email
                transaction.on_commit(lambda a=address, b=body: _send(a, "safepost: your daily digest", b))
                sent += 1
            preference.last_digest_at = now
            preference.save(update_fields=["last_digest_at"])
        audit.append(None, "email.digests_sent", details={"sent": sent})
    return sent


def governance_summary(school: School) -> list[str]:
    """What needs the headteacher's attention, one plain sentence each (empty when nothing)."""
    from safepost.hub.dashboard import school_figures

    figures = school_figures(school)
    found: list[str] = []
    if figures["acknowledgements"]["review"]:
        found.append(f"policy: {figures['acknowledgements']['review']}")
    if figures["accounts_needing_attention"]:
        found.append(f"{figures['accounts_needing_attention']} official account(s) need attention")
    if figures["consent"]["takedowns_open"]:
        found.append(
            f"{figures['consent']['takedowns_open']} post(s) to take down after consent was withdrawn"
        )
    if figures["contact"]["approved_overdue"]:
        found.append(f"{figures['contact']['approved_overdue']} approved contact(s) past their end date")
    return found


def do_send_governance_reminders() -> dict[str, int]:
    """The scheduled reminders (run weekly from cron): everyone who has not signed the current
    policy is asked again, and each headteacher gets what needs attention. As the system."""
    from safepost.hub import actions_policy

    counts = {"unsigned": 0, "headteachers": 0}
    for school in School.objects.order_by("pk"):
        with transaction.atomic():
            version = actions_policy.current_version(school)
            waiting = actions_policy.unsigned(school, version) if version else []
            if waiting and version is not None:
                notify(
                    waiting,
                    f"Reminder: please read and sign version {version.version} of the social media policy",
                    f"/schools/{school.pk}/policy",
                    school=school,
                )
            summary = governance_summary(school)
            heads = users_with_roles(school, {"headteacher"})
            if summary and heads:
                notify(
                    heads,
                    f"{school.name} needs attention: " + "; ".join(summary),
                    f"/schools/{school.pk}/dashboard",
                    school=school,
                )
            counts["unsigned"] += len(waiting)
            counts["headteachers"] += len(heads) if summary else 0
            audit.append(
                None,
                "reminders.sent",
                school=school,
                details={"unsigned": len(waiting), "attention": summary},
            )
    return counts

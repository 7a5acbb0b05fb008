"""Messages to people: a notification in the hub, and an email through the school's SMTP server
(each message as it happens, or one plain digest a day for those who chose it).

Emails are sent after the change that caused them is committed, so a change that is rolled back
sends nothing; a mail server that is down never undoes the change (the failure is logged)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from safepost.hub.models import EmailPreference, Notification

log = logging.getLogger(__name__)


def _wants_digest(user: Any) -> bool:
    return EmailPreference.objects.filter(user=user, digest=True).exists()


def _absolute(link: str) -> str:
    return f"{settings.SAFEPOST_BASE_URL.rstrip('/')}{link}" if link.startswith("/") else link


def _send(address: str, subject: str, body: str) -> None:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address], fail_silently=False)
    except (OSError, ValueError) as exc:  # down, or a header refused: the change stands, in the hub
        log.warning("email to %s not sent: %s", address, exc)


def notify(
    users: Iterable[Any],
    text: str,
    link: str = "",
    *,
    school: Any,
    email_text: str | None = None,
    email: bool = True,
) -> None:
    """A hub notification for each person, and an email unless they take the daily digest.

    `text` stays in the hub. Email leaves the school's systems, so a message that names a pupil
    (or may: a comment, a consent change) passes `email_text`, neutral words without names, which
    the email and the digest carry instead. `school` is required: a subject access export
    finds a person's messages by school."""
    mail_text = (email_text if email_text is not None else text).strip()
    for user in {user.pk: user for user in users}.values():
        Notification.objects.create(
            user=user,
            school=school,
            text=text[:500],
            email_text=mail_text[:300] if email_text is not None else "",
            link=link,
        )
        address = getattr(user, "email", "")
        if email and address and not _wants_digest(user):
            body = f"{mail_text}\n\n{_absolute(link)}\n" if link else f"{mail_text}\n"
            # A subject is one line: a line break in the words (a version named "2\n(draft)")
            # would be refused as a header, and no later email of the change sent.
            subject = f"safepost: {' '.join(mail_text.split())[:70]}"
            transaction.on_commit(lambda a=address, b=body, s=subject: _send(a, s, b))


def digest_body(user: Any, since: Any, until: Any = None) -> str:
    notes = Notification.objects.filter(user=user)
    if since is not None:
        notes = notes.filter(created_at__gt=since)
    if until is not None:
        notes = notes.filter(created_at__lte=until)
    lines = [
        f"- {note.created_at.astimezone(timezone.get_current_timezone()):%d/%m %H:%M} "
        f"{note.email_text or note.text}" + (f" ({_absolute(note.link)})" if note.link else "")
        for note in notes.order_by("created_at", "pk")
    ]
    if not lines:
        return ""
    return "Your safepost messages since the last digest:\n\n" + "\n".join(lines) + "\n"

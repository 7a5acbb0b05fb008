"""The hub's records. Views, the API and commands never save these directly: every change
goes through a function in `safepost.hub.actions`, which checks permission and writes the
audit record in the same transaction."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    HEADTEACHER = "headteacher", "Headteacher"
    SLT = "slt", "Senior leadership"
    DSL = "dsl", "Designated safeguarding lead"
    COMMUNICATIONS = "communications", "Communications"
    STAFF = "staff", "Staff"
    GOVERNOR = "governor", "Governor"
    TRUST_ADMIN = "trust_admin", "Trust admin"


class Trust(models.Model):
    name = models.CharField(max_length=200, unique=True)

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    trust = models.ForeignKey(Trust, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="schools")
    name = models.CharField(max_length=200)
    # The school directory the check engine reads (school.yaml, rosters, policy pack).
    directory = models.CharField(max_length=500)
    crisis_lock = models.BooleanField(default=False)
    crisis_lock_changed_at = models.DateTimeField(null=True, blank=True)
    # Off unless a school connects its publishing tool: approved posts are POSTed here.
    publisher_url = models.URLField(blank=True, default="")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's role at a school, or across a trust (trust_admin: school is empty)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="memberships")
    trust = models.ForeignKey(Trust, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    staff_id = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "school", "role"], name="one_role_per_school"),
        ]


class SecondFactor(models.Model):
    """A TOTP authenticator enrolled by the user. The secret never leaves the server."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="second_factor")
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)  # a code is accepted only once


class OfficialAccount(models.Model):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="accounts")
    platform = models.CharField(max_length=30)
    handle = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"{self.handle} ({self.platform})"


class DraftStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for approval"
    RETURNED = "returned", "Returned to author"
    APPROVED = "approved", "Approved: ready to publish"
    PUBLISHED = "published", "Published"


class Draft(models.Model):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="drafts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="drafts")
    account = models.ForeignKey(OfficialAccount, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField(blank=True, default="")
    pupils = models.JSONField(default=list, blank=True)  # pupil ids the author says are shown
    status = models.CharField(max_length=20, choices=DraftStatus.choices, default=DraftStatus.DRAFT)
    verdict = models.CharField(max_length=20, default="allow")
    findings = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Draft {self.pk} ({self.get_status_display()})"


class DraftImage(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to="drafts/%Y/%m/")
    original_name = models.CharField(max_length=255)


class DraftEvent(models.Model):
    """The draft's trail: every step, who took it, and what they said."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    kind = models.CharField(max_length=30)
    comment = models.TextField(blank=True, default="")
    verdict = models.CharField(max_length=20, blank=True, default="")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notifications")
    text = models.CharField(max_length=500)
    link = models.CharField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    read = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]


class AuditRecordQuerySet(models.QuerySet["AuditRecord"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("the audit log is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log is append-only")


class AuditRecord(models.Model):
    """One entry of the append-only audit log, chained to the one before by hash."""

    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT)
    actor_name = models.CharField(max_length=150)
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.PROTECT)
    action = models.CharField(max_length=60)
    target_type = models.CharField(max_length=60, blank=True, default="")
    target_id = models.CharField(max_length=60, blank=True, default="")
    details = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("the audit log is append-only")

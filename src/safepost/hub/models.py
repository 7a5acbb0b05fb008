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
    # A new random value with every change to the consent register or the school days (the
    # hub's holidays and INSET days), so checks re-read them at once.
    register_stamp = models.CharField(max_length=32, blank=True, default="")

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
    # The official accounts register: why the account exists, who approved it, who may use it,
    # how it ends. Passwords are never stored: only who holds access and when they last changed.
    purpose = models.TextField(blank=True, default="")
    reason = models.TextField(blank=True, default="")  # the pedagogical or business reason
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_on = models.DateField(null=True, blank=True)
    audience = models.CharField(max_length=200, blank=True, default="")
    audience_min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    platform_min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    house_rules = models.TextField(blank=True, default="")
    exit_strategy = models.TextField(blank=True, default="")
    end_date = models.DateField(null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)
    evaluation = models.TextField(blank=True, default="")
    evaluated_on = models.DateField(null=True, blank=True)
    credentials_rotated_on = models.DateField(null=True, blank=True)
    rotation_due = models.CharField(max_length=300, blank=True, default="")  # why, when not empty

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
    # The school the message is about (a subject access export lists only this school's).
    school = models.ForeignKey("School", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="notifications")
    text = models.CharField(max_length=500)
    # What the email and the digest say instead of `text` when `text` names a pupil.
    email_text = models.CharField(max_length=300, blank=True, default="")
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


# ---------------------------------------------------------------------------------------------
# The registers the policies require (issue #6). Each is changed only through the `do_*`
# functions in `safepost.hub.registers`, which check permission and write the audit record.
# ---------------------------------------------------------------------------------------------

class ConsentKind(models.TextChoices):
    PHOTO = "photo", "Photos"
    NAME = "name", "Name"


class RegisterPupil(models.Model):
    """A pupil on the school's consent register: from the MIS export, or from the school
    directory when the register is first set up. Checks read these over the directory's roster,
    so a change here counts at the next check."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="register_pupils")
    pupil_id = models.CharField(max_length=40)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True, default="")
    year_group = models.CharField(max_length=20, blank=True, default="")
    date_of_birth = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, default="current")  # current | former
    # The consent as it stands now; ConsentRecord keeps every decision with its date and source.
    photo_consent = models.BooleanField(default=False)
    name_consent = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "pupil_id"]
        constraints = [
            models.UniqueConstraint(fields=["school", "pupil_id"], name="one_register_row_per_pupil"),
        ]

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"

    def consent(self, kind: str) -> bool:
        return bool(self.photo_consent if kind == ConsentKind.PHOTO else self.name_consent)

    def __str__(self) -> str:
        return f"{self.display_name} ({self.pupil_id})"


class ConsentRecord(models.Model):
    """One decision by a parent or carer: consent given, or withdrawn, on a date, from a source.

    The pupil's consent as it stands is the decision with the latest date (on the same date, the
    one entered last): a back-dated form changes nothing when a newer decision is on the register.
    `date` is empty only where the decision's date is not known (the consent marked in the school
    directory when the register was started): such a decision counts as older than any dated one."""

    pupil = models.ForeignKey(RegisterPupil, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=10, choices=ConsentKind.choices)
    given = models.BooleanField()
    date = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=200)
    note = models.TextField(blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Newest decision first, as the current one is chosen (an unknown date is the oldest).
        ordering = [models.F("date").desc(nulls_last=True), "-pk"]


class ConsentImport(models.Model):
    """An MIS export uploaded for import. The text is kept only until it is imported or
    abandoned (then the purge removes it); the summary of what changed stays."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="consent_imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    text = models.TextField(blank=True, default="")
    status = models.CharField(max_length=10, default="staged")  # staged | imported
    mapping = models.JSONField(default=dict, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)


class TakedownTask(models.Model):
    """An approved or published post that shows or names a pupil whose consent was withdrawn."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="takedown_tasks")
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="takedown_tasks")
    pupil = models.ForeignKey(RegisterPupil, on_delete=models.CASCADE, related_name="takedown_tasks")
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["done_at", "-created_at", "-pk"]


class PolicyVersion(models.Model):
    """A version of the school's policy with its document control, and the statement staff sign."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="policy_versions")
    version = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    approval_date = models.DateField(null=True, blank=True)
    approver = models.CharField(max_length=200, blank=True, default="")
    owner = models.CharField(max_length=200, blank=True, default="")
    review_date = models.DateField(null=True, blank=True)
    statement = models.TextField()
    changes = models.TextField(blank=True, default="")
    # Where staff read this version before they sign it (the school's website, its shared drive).
    document_link = models.CharField(max_length=500, blank=True, default="")
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} version {self.version}"


class Acknowledgement(models.Model):
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="acknowledgements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="acknowledgements")
    signed_name = models.CharField(max_length=200)
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "user"], name="one_signature_per_version"),
        ]


class AccessRole(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    AUTHORISED = "authorised", "Authorised user"


class AccountAccess(models.Model):
    """Who holds access to an official account. No passwords are ever stored."""

    account = models.ForeignKey(OfficialAccount, on_delete=models.CASCADE, related_name="access")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=AccessRole.choices)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    granted_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["role", "pk"]


class ConnectedApp(models.Model):
    account = models.ForeignKey(OfficialAccount, on_delete=models.CASCADE, related_name="apps")
    name = models.CharField(max_length=200)
    purpose = models.CharField(max_length=500, blank=True, default="")
    added_on = models.DateField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]


class CaseStatus(models.TextChoices):
    NEW = "new", "New"
    TRIAGED = "triaged", "Triaged"
    INVESTIGATING = "investigating", "Being investigated"
    CLOSED = "closed", "Closed"


class CaseOutcome(models.TextChoices):
    ADVICE = "advice", "Advice given"
    DISCIPLINARY = "disciplinary", "Disciplinary process"
    LADO = "lado", "Referred to the LADO"
    POLICE = "police", "Referred to the police"
    CEOP = "ceop", "Reported to CEOP"
    NONE = "no_further_action", "No further action"


class Case(models.Model):
    """A concern or breach. Seen only by the headteacher, the DSL and the people they add."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(max_length=200)
    description = models.TextField()
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                  related_name="+")
    raised_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW)
    triage = models.CharField(max_length=200, blank=True, default="")
    outcome = models.CharField(max_length=30, choices=CaseOutcome.choices, blank=True, default="")
    outcome_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    draft = models.ForeignKey(Draft, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")
    rule = models.CharField(max_length=100, blank=True, default="")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="shared_cases")

    class Meta:
        ordering = ["-raised_at", "-pk"]


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    kind = models.CharField(max_length=20, default="note")  # note | triage | outcome | shared
    text = models.TextField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]


class CaseAttachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="cases/%Y/%m/")
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    at = models.DateTimeField(auto_now_add=True)


class ContactEvent(models.Model):
    """A friend request or message from a pupil, parent or family member, and what was done."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="contact_events")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    happened_on = models.DateField()
    who = models.CharField(max_length=20, choices=[
        ("pupil", "A pupil"), ("former_pupil", "A former pupil"), ("parent", "A parent or family member"),
        ("other", "Someone else connected to the school")])
    pupil = models.ForeignKey(RegisterPupil, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="contact_events")
    who_details = models.CharField(max_length=200, blank=True, default="")
    what = models.CharField(max_length=20, choices=[
        ("friend_request", "Friend or follow request"), ("message", "Message"),
        ("comment", "Comment or tag"), ("other", "Other contact")])
    platform = models.CharField(max_length=60, blank=True, default="")
    summary = models.TextField(blank=True, default="")
    steps = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-happened_on", "-pk"]


class ApprovedContact(models.Model):
    """Contact with a pupil agreed in advance by the headteacher, for a purpose, until an end date."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="approved_contacts")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pupil = models.ForeignKey(RegisterPupil, on_delete=models.CASCADE, related_name="approved_contacts")
    purpose = models.TextField()
    channel = models.CharField(max_length=100, blank=True, default="")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    approved_on = models.DateField()
    parental_consent_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["ends_on", "pk"]


class ApprovedContactEntry(models.Model):
    """The log the staff member keeps of every communication under an approved contact."""

    contact = models.ForeignKey(ApprovedContact, on_delete=models.CASCADE, related_name="entries")
    happened_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-happened_on", "-pk"]


class EmailPreference(models.Model):
    """How a person wants their hub messages by email: each one as it happens, or a daily digest."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="email_preference")
    digest = models.BooleanField(default=False)
    last_digest_at = models.DateTimeField(null=True, blank=True)


class CommentStatus(models.TextChoices):
    NEW = "new", "New"
    KEPT = "kept", "Kept"
    HIDDEN = "hidden", "Hidden"
    WITH_DSL = "dsl", "With the DSL"


class CommenterKind(models.TextChoices):
    PARENT = "parent", "A parent or carer"
    PUPIL = "pupil", "A pupil"
    FORMER_PUPIL = "former_pupil", "A former pupil"
    PUBLIC = "public", "A member of the public"
    NOT_KNOWN = "not_known", "Not known"


class PageComment(models.Model):
    """A comment someone left on one of the school's official accounts, pasted in by a moderator
    (or sent by an integration), with the engine's check of it and what the school decided:
    keep it, hide it, or (a safeguarding matter) with the DSL, with the case opened for it."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="page_comments")
    account = models.ForeignKey(OfficialAccount, on_delete=models.PROTECT, related_name="comments")
    where = models.CharField(max_length=300, blank=True, default="")  # the post it is on, or a link
    commenter_kind = models.CharField(max_length=20, choices=CommenterKind.choices)
    commenter_name = models.CharField(max_length=200, blank=True, default="")  # as the platform shows it
    text = models.TextField()
    posted_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    verdict = models.CharField(max_length=20, default="allow")
    findings = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=CommentStatus.choices, default=CommentStatus.NEW)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True, default="")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="page_comments")

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    @property
    def escalated(self) -> bool:
        """The check found a safeguarding matter: only the DSL or headteacher decide it."""
        return self.verdict == "escalate"

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.account}"


class SchoolDayKind(models.TextChoices):
    HOLIDAY = "holiday", "Holiday"
    INSET = "inset", "INSET day"


class SchoolClosure(models.Model):
    """A holiday (the school closed from `first_day` to `last_day`) or an INSET day (`first_day`
    is `last_day`: staff at work, no lessons), set in the hub's School days page. Checks count
    these on top of the `closures` and `inset_days` in the school directory's school.yaml."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="school_days")
    kind = models.CharField(max_length=10, choices=SchoolDayKind.choices)
    first_day = models.DateField()
    last_day = models.DateField()
    name = models.CharField(max_length=200, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first_day", "last_day", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(last_day__gte=models.F("first_day")),
                                   name="school_day_ends_after_it_starts"),
            # Two people adding the same day at once: the second is refused, not listed twice.
            models.UniqueConstraint(fields=["school", "kind", "first_day", "last_day"],
                                    name="school_day_listed_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.first_day}-{self.last_day} {self.name}".strip()

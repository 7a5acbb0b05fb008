"""Comments on the school's official pages. The policies make schools moderate them (AURIGA and
TPAT: comments on school sites are monitored), and a child or parent disclosing harm in a
comment is a safeguarding matter for the DSL.

A moderator pastes a comment in (or an integration sends it over the API); the engine checks it
as a comment on the school's page by its commenter (kind "comment", channel "official", the
commenter's role as the author), and the comment waits in the queue to be kept or hidden. When
the check escalates (a disclosure, a stranger reaching for pupils), the comment goes straight to
the DSL: a safeguarding case is opened for it and the headteacher and DSL are told, in words that
carry nothing of the comment. Only they decide such a comment, and only they (and whoever
recorded it) read it in the queue."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils import timezone

from safepost.hub import actions_cases, audit
from safepost.hub.actions import ActionError, person_name, run_check, whole_number
from safepost.hub.models import (
    CaseStatus,
    CommenterKind,
    CommentStatus,
    OfficialAccount,
    PageComment,
    School,
)
from safepost.hub.permissions import NotAllowed, allows, can, require, roles_at
from safepost.hub.registers_common import Problems, optional_text, required_text, to_datetime

# The field labels every problem starts with (the page and the API map them back to fields).
ACCOUNT = "Official account"
WHO = "Who wrote it"
NAME = "Their name on the platform"
TEXT = "The comment"
WHERE = "Where it is"
POSTED = "When it was posted"
DECISION = "Decision"
REASON = "Reason"
# Each problem starts with its field's label; the page and the API name the field from these.
RECORD_FIELD_NAMES = {ACCOUNT: "account", WHO: "commenter_kind", NAME: "commenter_name",
                      WHERE: "where", TEXT: "text", POSTED: "posted_at"}

# The commenter as the engine's contract names an author who is not a member of staff. Someone
# the school does not know is read as a member of the public: the stricter reading (a stranger
# reaching for pupils goes to the DSL).
ENGINE_ROLES = {
    CommenterKind.PARENT: "parent",
    CommenterKind.PUPIL: "pupil",
    CommenterKind.FORMER_PUPIL: "former_pupil",
    CommenterKind.PUBLIC: "public",
    CommenterKind.NOT_KNOWN: "public",
}

VERDICT_WORDS = {"escalate": "Safeguarding – with the DSL", "allow": "No problems found"}
DECISIONS = {"keep": CommentStatus.KEPT, "hide": CommentStatus.HIDDEN}
# Undecided comments first (new, and those with the DSL), then the rest; newest first in each.
UNDECIDED = (CommentStatus.NEW, CommentStatus.WITH_DSL)


def verdict_words(verdict: str) -> str:
    """The check's verdict on a comment, in the queue's words."""
    return VERDICT_WORDS.get(verdict, "Needs a look")


def can_read(user: AbstractBaseUser, comment: PageComment, roles: set[str] | None = None) -> bool:
    """Who reads a comment's words, findings and where it is: the school's moderators; a comment
    sent to the DSL only the case handlers (headteacher, DSL) and whoever recorded it. Others see
    that it is with the DSL. `roles` (from `roles_at` at the comment's school) saves reading them
    again for each comment of a list."""
    roles = roles_at(user, comment.school) if roles is None else roles
    if not allows(roles, "moderate_comments"):
        return False
    return not comment.escalated or comment.recorded_by_id == user.pk or allows(roles, "handle_cases")


def can_decide(user: AbstractBaseUser, comment: PageComment, roles: set[str] | None = None) -> bool:
    roles = roles_at(user, comment.school) if roles is None else roles
    if not allows(roles, "moderate_comments"):
        return False
    return not comment.escalated or allows(roles, "handle_cases")


def status_counts(school: School) -> dict[str, int]:
    """How many of the school's comments have each status (every status, 0 where none): one query."""
    counts = {value: 0 for value in CommentStatus.values}
    for row in PageComment.objects.filter(school=school).values("status").annotate(count=Count("pk")):
        counts[row["status"]] = row["count"]
    return counts


def queue(school: School, status: str = "") -> QuerySet[PageComment]:
    comments = PageComment.objects.filter(school=school).select_related(
        "account", "recorded_by", "decided_by", "school", "case")
    if status in CommentStatus.values:
        comments = comments.filter(status=status)
    return comments.annotate(
        undecided=Case(When(status__in=UNDECIDED, then=Value(0)), default=Value(1),
                        output_field=IntegerField()),
    ).order_by("undecided", "-recorded_at", "-pk")


def _safeguarding(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings the DSL's case is for (as `actions_cases.safeguarding_findings` for a post)."""
    return [finding for finding in findings
            if finding.get("severity") in actions_cases.SAFEGUARDING_SEVERITIES]


def _account_of(school: School, value: Any) -> OfficialAccount:
    if isinstance(value, OfficialAccount):
        found = value if value.school_id == school.pk else None
    else:
        pk = whole_number(value)
        found = OfficialAccount.objects.filter(school=school, pk=pk).first() if pk is not None else None
    if found is None:
        raise ActionError(f"{ACCOUNT}: choose the school's account the comment is on")
    return found


def _case_title(account: OfficialAccount, findings: list[dict[str, Any]]) -> str:
    messages = " ".join(str(finding.get("message", "")) for finding in findings).lower()
    if "disclosure" in messages:
        what = "possible disclosure"
    elif "outside the school" in messages:
        what = "someone outside the school reaching for pupils"
    else:
        what = "safeguarding concern"
    return f"Comment on {str(account)[:120]}: {what}"


def _case_description(actor: AbstractBaseUser, comment: PageComment,
                      findings: list[dict[str, Any]]) -> str:
    written = comment.get_commenter_kind_display()
    if comment.commenter_name:
        written += f', shown as "{comment.commenter_name}"'
    if comment.posted_at:
        written += f", posted {timezone.localtime(comment.posted_at):%d/%m/%Y %H:%M}"
    lines = [
        f"Opened automatically when {person_name(actor)} recorded comment {comment.pk} on {comment.account}.",
        *([f"Where: {comment.where}"] if comment.where else []),
        f"Written by: {written}.",
        "",
        "The comment:",
        comment.text,
        "",
        "What the check found:",
    ]
    lines += [f'- {finding.get("message", "")} ({finding.get("rule", "")})'
              for finding in _safeguarding(findings)]
    return "\n".join(lines)[:20000]


def do_record_comment(
    actor: AbstractBaseUser, school: School, *, account: Any, commenter_kind: str, text: str,
    commenter_name: str = "", where: str = "", posted_at: Any = None,
) -> PageComment:
    """Record a comment from one of the school's pages and check it. Every field's problem is
    said at once. A safeguarding matter goes to the DSL: status "with the DSL", a case opened
    for it (seen by the headteacher and the DSL), and both told, in the same transaction."""
    require(actor, "moderate_comments", school)
    problems = Problems()
    chosen = problems.check(_account_of, school, account)
    if commenter_kind not in CommenterKind.values:
        problems.add(f"{WHO}: choose who wrote the comment")
    # The shared readers drop NUL characters (PostgreSQL cannot store them).
    text = problems.check(required_text, text, TEXT, 5000) or ""
    commenter_name = problems.check(optional_text, commenter_name, NAME, 200) or ""
    where = problems.check(optional_text, where, WHERE, 300) or ""
    moment = problems.check(to_datetime, posted_at, POSTED)
    problems.raise_any()
    assert chosen is not None
    # The check runs before the transaction: the database is not held while the engine reads.
    result = run_check(school, actor, text, [], chosen, kind="comment",
                       author_role=ENGINE_ROLES[CommenterKind(commenter_kind)])
    findings = [finding.to_json() for finding in result.findings]
    escalated = result.verdict == "escalate"
    with transaction.atomic():
        comment = PageComment.objects.create(
            school=school, account=chosen, where=where, commenter_kind=commenter_kind,
            commenter_name=commenter_name, text=text, posted_at=moment, recorded_by=actor,
            verdict=result.verdict, findings=findings,
            status=CommentStatus.WITH_DSL if escalated else CommentStatus.NEW,
        )
        # Ids, the verdict and rules only: never the words, nor who wrote them.
        audit.append(actor, "comment.recorded", school=school, target=comment, details={
            "account": chosen.pk, "commenter": commenter_kind, "verdict": result.verdict,
            "rules": [finding["rule"] for finding in findings], "status": comment.status,
        })
        if escalated:
            safeguarding = _safeguarding(findings)
            comment.case = actions_cases.do_raise_concern(
                actor, school,
                title=_case_title(chosen, safeguarding),
                description=_case_description(actor, comment, findings),
                rule=str((safeguarding or findings)[0]["rule"]),
                # As every case's message: nothing of the comment, which may name a child.
                notice=f"A comment on {school.name}'s {chosen.platform} account needs the DSL: "
                       "read it in safepost today",
            )
            comment.save(update_fields=["case"])
    return comment


def do_decide_comment(actor: AbstractBaseUser, comment: PageComment, decision: str,
                      note: str = "") -> PageComment:
    """Keep a comment up, or record that it is hidden. Hiding needs a reason; so does keeping a
    comment the check found something in. A comment sent to the DSL is decided only by the DSL
    or the headteacher, and the decision is noted on its case."""
    require(actor, "moderate_comments", comment.school)
    if comment.escalated and not can(actor, "handle_cases", comment.school):
        raise NotAllowed("this comment is with the DSL: only the DSL or the headteacher can decide it")
    problems = Problems()
    status = DECISIONS.get(decision)
    if status is None:
        problems.add(f"{DECISION}: choose keep or hide")
    note = problems.check(optional_text, note, REASON, 2000) or ""
    if not note and not problems.found_for(REASON):
        if status == CommentStatus.HIDDEN:
            problems.add(f"{REASON}: say why the comment is hidden")
        elif status == CommentStatus.KEPT and comment.findings:
            problems.add(f"{REASON}: the check found something in this comment; say why it can stay")
    problems.raise_any()
    assert status is not None
    with transaction.atomic():
        # Read again and held: of two moderators deciding at once, the second waits and sees the
        # first's decision, not the status the page showed.
        current = PageComment.objects.select_for_update().get(pk=comment.pk)
        if current.status == status:
            raise ActionError(f"This comment is already {status.label.lower()}")
        was = current.status
        current.status, current.decided_by, current.decided_at, current.decision_note = (
            status, actor, timezone.now(), note)
        current.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        audit.append(actor, "comment.kept" if status == CommentStatus.KEPT else "comment.hidden",
                     school=comment.school, target=current, details={"status": status.value, "was": was})
        case = current.case
        if case is not None and case.status != CaseStatus.CLOSED and actions_cases.can_see(actor, case):
            words = f"Comment {comment.pk} {status.label.lower()} by {person_name(actor)}: {note}"
            actions_cases.do_add_case_note(actor, case, text=words)
    comment.status, comment.decided_by, comment.decided_at, comment.decision_note = (
        current.status, current.decided_by, current.decided_at, current.decision_note)
    return comment


"""The consent register: pupils and their parents' decisions (photos, name), imported from the
MIS or recorded by hand. A withdrawal counts at the next check, and every approved or published
post that shows or names the pupil becomes a task to take it down."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from safepost.contract import CheckRequest
from safepost.detect.base import Subject
from safepost.detect.pupil_names import name_mentions, pupils_named
from safepost.hub import audit, mis_import
from safepost.hub.actions import ActionError
from safepost.hub.engine_bridge import directory_school, engine_school
from safepost.hub.models import (
    ConsentImport,
    ConsentKind,
    ConsentRecord,
    Draft,
    DraftEvent,
    DraftStatus,
    RegisterPupil,
    School,
    TakedownTask,
)
from safepost.hub.notify import notify
from safepost.hub.permissions import CAPABILITIES, require
from safepost.hub.registers_common import (
    EARLIEST_RECORD,
    Problems,
    not_before,
    optional_text,
    renew_register_stamp,
    required_text,
    to_date,
    today,
    users_with_roles,
)

MAX_IMPORT_BYTES = 5 * 1024 * 1024
KIND_WORDS = {ConsentKind.PHOTO: "photo", ConsentKind.NAME: "name"}
DIRECTORY_SOURCE = "school directory (pupils.csv)"
# A decision's fields, by the label each problem starts with (the page's and the API's names).
DECISION_FIELDS = {
    "Consent for": "kind",
    "Date of the decision": "date",
    "Where the decision came from": "source",
    "Note": "note",
}


def _fields(row: RegisterPupil) -> dict[str, Any]:
    return {key: getattr(row, key) for key in mis_import.COMPARED}


# --- setting up and recording ------------------------------------------------------------------


def do_start_register(actor: AbstractBaseUser, school: School) -> int:
    """Add to the register every pupil on the school directory's roster who is not on it yet
    (consents marked there as given are recorded with the directory as their source). Pupils
    already on the register are left as they are. Returns how many pupils were added."""
    require(actor, "manage_consent", school)
    roster = directory_school(school).pupils
    with transaction.atomic():
        known = set(RegisterPupil.objects.filter(school=school).values_list("pupil_id", flat=True))
        added = [pupil for pupil in roster if pupil.pupil_id not in known]
        for pupil in added:
            _save_from_directory(actor, _directory_row(school, pupil))
        renew_register_stamp(school)
        audit.append(actor, "consent_register.started", school=school, details={"pupils_added": len(added)})
    return len(added)


def _directory_row(school: School, pupil: Any) -> RegisterPupil:
    """A register row (not saved) for a pupil of the school directory, with its consents."""
    return RegisterPupil(
        school=school, pupil_id=pupil.pupil_id, first_name=pupil.first_name,
        last_name=pupil.last_name, preferred_name=pupil.preferred_name, year_group=pupil.year_group,
        date_of_birth=pupil.date_of_birth, status=pupil.status,
        photo_consent=pupil.photo_consent, name_consent=pupil.name_consent,
    )


def _save_from_directory(actor: AbstractBaseUser | None, row: RegisterPupil) -> None:
    """Put a directory pupil on the register, its consents given there recorded with the
    directory as their source (their date not known: older than any dated decision)."""
    row.save()
    for kind in ConsentKind:
        if row.consent(kind):
            ConsentRecord.objects.create(pupil=row, kind=kind, given=True, date=None,
                                         source=DIRECTORY_SOURCE, recorded_by=actor)


@dataclass(frozen=True)
class _Withdrawal:
    pupil: RegisterPupil
    kind: str
    day: dt.date | None  # None: the date of the decision is not known


def pupils_named_in_post(text: str, engine: Any, *, generous: bool = False) -> set[str]:
    """The pupils an official post names, as the check reads it (pupils_named: a first name
    that is also a word needs support, "Hope to see you" names nobody). `generous` (a
    subject access export, which should err towards including a post) adds every mention of
    a pupil's name with a praise cue or that is no ordinary word, support or not."""
    subject = Subject(request=CheckRequest(id="takedown-scan", text=text, channel="official"), school=engine)
    named = {str(mention.person_id) for mention, _support in pupils_named(subject)}
    if generous:
        named |= {str(mention.person_id) for mention in name_mentions(subject)
                  if mention.who == "pupil" and (mention.cue or not mention.common_word)}
    return named


def _takedowns(actor: AbstractBaseUser | None, withdrawals: list[_Withdrawal]) -> list[TakedownTask]:
    """Every approved or published post that shows or names a pupil whose consent was
    withdrawn, as a task to take it down. The posts are read once for all the withdrawals (an
    import may withdraw hundreds), after every change is saved, so the checks see them all."""
    if not withdrawals:
        return []
    school = withdrawals[0].pupil.school
    renew_register_stamp(school)  # the checks must see the withdrawals before posts are looked for
    engine = engine_school(school)
    drafts = [(draft, pupils_named_in_post(draft.text, engine)) for draft in Draft.objects.filter(
        school=school, status__in=(DraftStatus.APPROVED, DraftStatus.PUBLISHED))]
    every_task: list[TakedownTask] = []
    for withdrawal in withdrawals:
        pupil, kind, day = withdrawal.pupil, withdrawal.kind, withdrawal.day
        tasks = []
        for draft, named in drafts:
            shows = pupil.pupil_id in (draft.pupils or [])
            names = pupil.pupil_id in named
            if not (shows or names):
                continue
            if TakedownTask.objects.filter(draft=draft, pupil=pupil, done_at__isnull=True).exists():
                continue
            how = " and ".join(word for word, yes in (("shows", shows), ("names", names)) if yes)
            when = f"on {day:%d/%m/%Y}" if day else "(date not known)"
            reason = (
                f"{KIND_WORDS.get(kind, kind).capitalize()} consent for {pupil.display_name} was "
                f"withdrawn {when}: this post {how} the pupil"
            )
            tasks.append(TakedownTask.objects.create(school=school, draft=draft, pupil=pupil, reason=reason))
        _notify_takedowns(school, pupil, tasks)
        every_task += tasks
    return every_task


def _notify_takedowns(school: School, pupil: RegisterPupil, tasks: list[TakedownTask]) -> None:
    if not tasks:
        return
    people = users_with_roles(school, CAPABILITIES["manage_consent"])
    notify(
        people,
        f"Consent withdrawn for {pupil.display_name}: {len(tasks)} post(s) to take down",
        f"/schools/{school.pk}/consent/takedowns",
        school=school,
        email_text="A consent change needs your action in safepost: post(s) to take down",
    )
    for task in tasks:
        notify(
            [task.draft.author],
            f"Please take down post {task.draft.pk}: {task.reason}",
            f"/drafts/{task.draft.pk}/",
            school=school,
            email_text=(
                f"A consent change needs your action in safepost: please take down post {task.draft.pk}"
            ),
        )


def current_decision(pupil: RegisterPupil, kind: str) -> ConsentRecord | None:
    """The decision the pupil's consent stands on: the one with the latest date (on the same
    date, the one entered last; a decision whose date is not known is older than any other)."""
    return ConsentRecord.objects.filter(pupil=pupil, kind=kind).first()  # in Meta.ordering: newest first


def _decide(
    actor: AbstractBaseUser | None,
    pupil: RegisterPupil,
    kind: str,
    given: bool,
    day: dt.date | None,
    source: str,
    note: str = "",
) -> tuple[ConsentRecord, ConsentRecord, _Withdrawal | None]:
    """Record one decision (`day` None: its date is not known); call inside a transaction, then
    look for the posts to take down (_takedowns) once every decision is saved. Returns the
    decision, the pupil's current decision after it, and the withdrawal it makes, if any.

    The pupil's consent becomes the latest decision's, which is this one unless it is dated
    before a decision already on the register: then it is kept in the history and changes nothing.
    This is the one place the pupil's stored consent is written (besides migration 0005)."""
    was = pupil.consent(kind)
    record = ConsentRecord.objects.create(
        pupil=pupil,
        kind=kind,
        given=given,
        date=day,
        source=source,
        note=note,
        recorded_by=actor if actor is not None else None,
    )
    latest = current_decision(pupil, kind)
    assert latest is not None  # this one, at least
    setattr(pupil, f"{kind}_consent", latest.given)
    pupil.save()
    withdrawn = was and not latest.given
    return record, latest, _Withdrawal(pupil, kind, latest.date) if withdrawn else None


def decision_date(pupil: RegisterPupil, value: Any, label: str = "Date of the decision") -> dt.date:
    """A decision's date: not in the future, not before 2000, not before the pupil was born."""
    day = to_date(value, label, not_future=True, earliest=EARLIEST_RECORD)
    assert day is not None
    if pupil.date_of_birth is not None:
        not_before(day, label, pupil.date_of_birth,
                   f"before {pupil.display_name} was born ({pupil.date_of_birth:%d/%m/%Y})")
    return day


def do_record_consent(
    actor: AbstractBaseUser,
    pupil: RegisterPupil,
    *,
    kind: str,
    given: bool,
    date: Any,
    source: str,
    note: str = "",
) -> tuple[ConsentRecord, list[TakedownTask]]:
    """A parent's decision: consent given or withdrawn, with its date and where it came from.
    A decision dated before the latest one on the register is kept in the history but changes
    nothing (the audit record's "current" says which it was)."""
    require(actor, "manage_consent", pupil.school)
    problems = Problems()
    if kind not in ConsentKind.values:
        problems.add("Consent for: choose photos or name")
    day = problems.check(decision_date, pupil, date)
    source = problems.check(required_text, source, "Where the decision came from", 200) or ""
    note = problems.check(optional_text, note, "Note", 5000) or ""
    problems.raise_any()
    assert day is not None
    with transaction.atomic():
        pupil = RegisterPupil.objects.select_for_update().get(pk=pupil.pk)
        record, current, withdrawal = _decide(actor, pupil, kind, given, day, source, note)
        tasks = _takedowns(actor, [withdrawal] if withdrawal else [])
        renew_register_stamp(pupil.school)
        audit.append(
            actor,
            "consent.given" if given else "consent.withdrawn",
            school=pupil.school,
            target=pupil,
            details={
                "kind": kind,
                "date": day,
                "source": source,
                "current": current == record,
                "takedown_tasks": [task.pk for task in tasks],
            },
        )
    return record, tasks


# Pupil ids: not for the audit log.
PRIVATE_SUMMARY = frozenset({"consents_withdrawn", "consents_older", "notes"})


def do_complete_takedown(actor: AbstractBaseUser, task: TakedownTask, note: str = "") -> TakedownTask:
    require(actor, "manage_consent", task.school)
    if task.done_at is not None:
        raise ActionError("this post has already been marked as taken down")
    note = optional_text(note, "Note", 5000)
    with transaction.atomic():
        task.done_at, task.done_by, task.note = timezone.now(), actor, note
        task.save(update_fields=["done_at", "done_by", "note"])
        draft = task.draft
        if draft.status == DraftStatus.APPROVED:
            # Not published yet: "taken down" can only mean it must change before it goes out,
            # so it goes back to its author and is checked again when it is resubmitted.
            draft.status = DraftStatus.RETURNED
            draft.save(update_fields=["status", "updated_at"])
            DraftEvent.objects.create(draft=draft, actor=actor, kind="returned", comment=task.reason)
            notify([draft.author], f"Your post for {task.school.name} was returned: consent was withdrawn",
                   f"/drafts/{draft.pk}/", school=task.school)
        audit.append(
            actor,
            "takedown.done",
            school=task.school,
            target=task,
            details={"draft": task.draft_id, "pupil": task.pupil_id},
        )
    return task


# --- importing from the MIS --------------------------------------------------------------------


def do_stage_consent_import(
    actor: AbstractBaseUser, school: School, file_name: str, raw: bytes
) -> ConsentImport:
    """Keep an uploaded export for its preview. Nothing in the register changes yet."""
    require(actor, "manage_consent", school)
    if not raw:
        raise ActionError("File: the file is empty")
    if len(raw) > MAX_IMPORT_BYTES:
        raise ActionError("File: larger than 5 MB; export only the columns needed")
    text, encoding = mis_import.decode(raw)
    if "\x00" in text:
        raise ActionError("File: this is not a CSV file (save it from Excel as 'CSV UTF-8')")
    header, _delimiter = mis_import.read_header(text)
    with transaction.atomic():
        staged = ConsentImport.objects.create(
            school=school,
            uploaded_by=actor,
            file_name=(file_name or "export.csv")[:255],
            text=text,
            mapping=mis_import.suggest_mapping(header),
            summary={"encoding": encoding},
        )
        audit.append(
            actor,
            "consent_import.staged",
            school=school,
            target=staged,
            details={"file": staged.file_name, "bytes": len(raw), "encoding": encoding},
        )
    return staged


CONSENT_DATE = mis_import.FIELDS["consent_date"][0]
_NAMED = ("first_name", "last_name", "preferred_name", "date_of_birth")


def _as_imported(row: dict[str, Any], pupil: RegisterPupil | None) -> RegisterPupil:
    """The pupil as the row leaves them (names, date of birth), to check its consent date
    against; not saved."""
    known = {key: getattr(pupil, key) for key in _NAMED} if pupil is not None else {}
    known.update({key: row[key] for key in _NAMED if row[key] is not None})
    return RegisterPupil(pupil_id=row["pupil_id"], **known)


def _date_problems(parsed: mis_import.Parsed, register: dict[str, RegisterPupil]) -> list[mis_import.Problem]:
    """Each row's consent date, checked as a decision entered by hand is (`decision_date`): not
    in the future, not before 2000, not before the pupil was born. A mistyped date would
    otherwise be the pupil's current decision for good (the latest-dated decision stands)."""
    problems = []
    for line, row in zip(parsed.lines, parsed.rows, strict=True):
        if row["consent_date"] is None:
            continue
        try:
            decision_date(_as_imported(row, register.get(row["pupil_id"])), row["consent_date"], CONSENT_DATE)
        except ActionError as exc:
            message = str(exc).removeprefix(f"{CONSENT_DATE}: ")
            problems.append(mis_import.Problem(line, CONSENT_DATE, message))
    return problems


@dataclass
class Plan:
    """What an import of a staged file would do, against the register as read: every problem
    (`parsed`), the rows it would take (`rows`; None: it would take nothing) and what it would
    change, and the lines it would leave out (`left_out`: only when it leaves out problem lines)."""

    parsed: mis_import.Parsed
    rows: mis_import.Parsed | None
    changes: dict[str, Any]
    left_out: mis_import.LeftOut | None = None

    @property
    def left_out_lines(self) -> list[int]:
        return self.left_out.lines if self.left_out is not None else []


def _plan(
    parsed: mis_import.Parsed, register: dict[str, RegisterPupil], leave_out_problem_lines: bool
) -> Plan:
    """The one reading of a file against the register that the preview shows and the import
    does: its consent dates checked, then every row, or (if asked, and every problem is a
    line's) the rows of the lines and pupils without a problem."""
    parsed.problems += _date_problems(parsed, register)
    left_out = None
    rows: mis_import.Parsed | None = parsed
    if not parsed.ok:
        partial = mis_import.leaving_out_problem_lines(parsed) if leave_out_problem_lines else None
        rows, left_out = partial if partial is not None else (None, None)
    if rows is None:
        return Plan(parsed, None, {})
    changes = mis_import.compare(rows.rows, {key: _fields(row) for key, row in register.items()})
    if left_out is not None:  # their lines are in the file, though left out
        changes["not_in_file"] = [pupil_id for pupil_id in changes["not_in_file"]
                                  if not left_out.holds(pupil_id)]
    return Plan(parsed, rows, changes, left_out)


def _parse(staged: ConsentImport, mapping: dict[str, str] | None) -> mis_import.Parsed:
    return mis_import.parse(
        staged.text,
        mapping if mapping is not None else staged.mapping,
        encoding=staged.summary.get("encoding", "utf-8"),
    )


def _register_for(school: School, parsed: mis_import.Parsed,
                  register: dict[str, RegisterPupil]) -> dict[str, RegisterPupil]:
    """The register a file is read against: its rows, and (not saved yet) each pupil the file
    names who is on the school directory but not on the register, with the directory's consent:
    what the checks use now, so a "no" in the file is a withdrawal, not a new pupil's starting
    point. A pupil ID the file writes in other capitals or spacing ("p1001") is that pupil's
    ID as the register (or the directory) writes it, never a second pupil."""
    combined = dict(register)
    spelled = {mis_import.same_pupil(key): key for key in register}
    directory = {mis_import.same_pupil(pupil.pupil_id): pupil for pupil in directory_school(school).pupils}
    for row in parsed.rows:
        key = mis_import.same_pupil(row["pupil_id"])
        if key not in spelled and key in directory:
            combined[directory[key].pupil_id] = _directory_row(school, directory[key])
            spelled[key] = directory[key].pupil_id
        row["pupil_id"] = spelled.get(key, row["pupil_id"])
    return combined


def preview_import(staged: ConsentImport, mapping: dict[str, str] | None) -> Plan:
    """What the import would do with this column mapping, every problem it would be refused
    for, and what importing the lines without problems would do. Reads only."""
    parsed = _parse(staged, mapping)
    register = {row.pupil_id: row for row in RegisterPupil.objects.filter(school=staged.school)}
    return _plan(parsed, _register_for(staged.school, parsed, register), leave_out_problem_lines=True)


class ImportRefused(ActionError):
    """The file has problems: nothing was imported. `problems` lists each one."""

    def __init__(self, problems: list[mis_import.Problem]) -> None:
        self.problems = problems
        super().__init__(f"nothing was imported: the file has {len(problems)} problem(s) to fix first")


def do_apply_consent_import(
    actor: AbstractBaseUser, staged: ConsentImport, mapping: dict[str, str], *,
    leave_out_problem_lines: bool = False, lines_seen_left_out: list[int] | None = None,
) -> dict[str, Any]:
    """Import every row, or none: one problem anywhere and the register is left as it was.
    With `leave_out_problem_lines` (the person importing chose it after seeing the problems),
    the rows of the lines and pupils without a problem are imported and the others left out,
    their pupils as the register has them; a problem with the file itself still imports
    nothing. `lines_seen_left_out`: the lines the preview said would be left out; if the file
    now reads otherwise against the register (a date of birth changed since), nothing is
    imported."""
    require(actor, "manage_consent", staged.school)
    school = staged.school
    if staged.status != "staged":
        raise ActionError("this file has already been imported")
    parsed = _parse(staged, mapping)
    summary: dict[str, Any] | None = None
    with transaction.atomic():
        # A second press of the button (or a second tab) waits for the first import's write,
        # then finds the file imported, rather than importing it again over its summary.
        if ConsentImport.objects.select_for_update().only("status").get(pk=staged.pk).status != "staged":
            raise ActionError("this file has already been imported")
        # the dates are checked against the register as it is locked
        current = _register_for(school, parsed, {
            row.pupil_id: row for row in RegisterPupil.objects.select_for_update().filter(school=school)
        })
        plan = _plan(parsed, current, leave_out_problem_lines)
        if (plan.rows is not None and lines_seen_left_out is not None
                and plan.left_out_lines != sorted(lines_seen_left_out)):
            raise ActionError("Nothing was imported: the lines to leave out have changed since the "
                              "preview (the register changed); check the preview again")
        if plan.rows is None:
            audit.append(
                actor,
                "consent_import.refused",
                school=school,
                target=staged,
                # Where, not what: a problem's words can quote a pupil's ID or name.
                details={
                    "problems": [problem.where for problem in parsed.problems[:50]],
                    "leave_out_problem_lines": leave_out_problem_lines,
                },
            )
        else:
            summary = _import_rows(actor, staged, mapping, plan.rows, plan.changes, plan.left_out, current)
    if summary is None:
        raise ImportRefused(parsed.problems)  # after the transaction, which keeps the audit record
    return summary


def _import_rows(
    actor: AbstractBaseUser,
    staged: ConsentImport,
    mapping: dict[str, str],
    parsed: mis_import.Parsed,
    changes: dict[str, Any],
    left_out: mis_import.LeftOut | None,
    current: dict[str, RegisterPupil],
) -> dict[str, Any]:
    """do_apply_consent_import's work, inside its transaction: a plan's rows, `parsed` (every
    row of a file with no problems, or those of the lines it does not leave out), and what
    they change."""
    school = staged.school
    source = f"MIS import ({staged.file_name})"
    withdrawn: list[str] = []
    older: list[str] = []  # decisions kept in the history that change nothing: a newer one stands
    withdrawals: list[_Withdrawal] = []
    given = 0
    for data in parsed.rows:
        pupil = current.get(data["pupil_id"]) or RegisterPupil(school=school, pupil_id=data["pupil_id"])
        if pupil.pk is None and data["pupil_id"] in current:
            _save_from_directory(actor, pupil)  # on the directory, not yet on the register
        for key in ("first_name", "last_name", "preferred_name", "year_group", "date_of_birth", "status"):
            if data[key] is not None:
                setattr(pupil, key, data[key])
        pupil.save()
        for kind in ConsentKind:
            wanted = data[f"{kind}_consent"]
            if wanted is None or wanted == pupil.consent(kind):
                continue
            # An undated row's decision has no known date, as the directory's: older than any dated
            # one. But an export with no consent dates says how things stand as it is exported:
            # a "no" in it counts from today, so a withdrawal is never lost behind an older dated
            # "yes" (a stale "no" withdraws too: the safe way round, and said in the summary).
            day = data["consent_date"] if data["consent_date"] is not None or wanted else today()
            record, now, withdrawal = _decide(actor, pupil, kind, wanted, day, source)
            if withdrawal:
                withdrawals.append(withdrawal)
            if now != record:  # dated before the register's latest decision
                older.append(f"{data['pupil_id']} {kind}")
            elif wanted:
                given += 1
            else:
                withdrawn.append(f"{data['pupil_id']} {kind}")
    tasks = _takedowns(actor, withdrawals)
    renew_register_stamp(school)
    summary = {
        "encoding": staged.summary.get("encoding", "utf-8"),
        "rows": len(parsed.rows),
        "new": len(changes["new"]),
        "changed": len(changes["changed"]),
        "unchanged": changes["unchanged"],
        "not_in_file": len(changes["not_in_file"]),
        "consents_given": given,
        "consents_withdrawn": withdrawn,
        "consents_older": older,
        "takedown_tasks": [task.pk for task in tasks],
        "notes": parsed.notes[:50],
        # Where, not what (a problem's words can quote a pupil's ID or name), as when refused.
        "left_out": [problem.where for problem in (left_out.problems if left_out else [])[:200]],
        "lines_left_out": len(left_out.lines) if left_out else 0,
    }
    staged.status, staged.text, staged.mapping = "imported", "", mapping
    staged.summary, staged.imported_at = summary, timezone.now()
    staged.save()
    audit.append(
        actor,
        "consent_import.applied",
        school=school,
        target=staged,
        # Counts and ids only: which pupils' consent changed stays on the register.
        details={
            "file": staged.file_name,
            **{key: value for key, value in summary.items() if key not in PRIVATE_SUMMARY},
            "consents_withdrawn": len(withdrawn),
            "consents_older": len(older),
        },
    )
    return summary

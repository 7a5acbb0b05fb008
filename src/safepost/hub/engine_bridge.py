"""The hub reads each school's directory with the same loader as the CLI, once, and again
only when a file in it changes. The hub's consent register is laid over the directory's
roster: a pupil on the register replaces the directory's row (names, status, consent), and a
pupil only on the register is added, so a withdrawal counts at the very next check. The
holidays and INSET days set on the hub's School days page are added to the directory's own
(school.yaml's `closures` and `inset_days`) the same way. The CLI never sees the register or
the hub's school days: it reads the directory alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import threading
from pathlib import Path

from django.conf import settings

from safepost.detect import DetectorRegistry, registry_with_language_model
from safepost.hub.models import RegisterPupil, School, SchoolClosure, SchoolDayKind
from safepost.policy import Pack, catalogue
from safepost.school import Pupil, load_school
from safepost.school import School as EngineSchool
from safepost.term_calendar import Closure

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[float, ...], EngineSchool]] = {}
# Per hub school: the directory school the overlay was built on, the stamp it was built at,
# and the overlay. The directory school itself is kept, not its id(): a reloaded directory
# can reuse a freed object's id, and the overlay would then carry the old roster or calendar.
_overlays: dict[int, tuple[EngineSchool, str | None, EngineSchool]] = {}


def _stamp(directory: Path) -> tuple[float, ...]:
    files = ("school.yaml", "pupils.csv", "staff.csv", "policy.yaml")
    return tuple((directory / name).stat().st_mtime if (directory / name).exists() else 0.0
                 for name in files)


def directory_school(school: School) -> EngineSchool:
    """The school directory exactly as the CLI loads it (no register)."""
    directory = Path(school.directory)
    stamp = _stamp(directory)
    with _lock:
        cached = _cache.get(school.directory)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    loaded = load_school(directory)
    with _lock:
        _cache[school.directory] = (stamp, loaded)
    return loaded


def register_pupil(row: RegisterPupil) -> Pupil:
    return Pupil(
        pupil_id=row.pupil_id, first_name=row.first_name, last_name=row.last_name,
        preferred_name=row.preferred_name, year_group=row.year_group,
        date_of_birth=row.date_of_birth, status=row.status,
        photo_consent=row.photo_consent, name_consent=row.name_consent,
    )


def with_register(base: EngineSchool, rows: list[RegisterPupil]) -> EngineSchool:
    """The engine's school with the register's pupils laid over the directory's roster."""
    if not rows:
        return base
    by_id = {row.pupil_id: register_pupil(row) for row in rows}
    pupils = [by_id.pop(pupil.pupil_id, pupil) for pupil in base.pupils]
    pupils += list(by_id.values())
    # A fresh derived-data cache: name indexes are rebuilt from the new roster.
    return dataclasses.replace(base, pupils=tuple(pupils), _cache={})


def with_school_days(base: EngineSchool, rows: list[SchoolClosure]) -> EngineSchool:
    """The engine's school with the hub's holidays and INSET days added to the directory's."""
    if not rows:
        return base
    calendar = base.calendar
    closures = calendar.closures + tuple(
        Closure(row.first_day, row.last_day, row.name or "school closed")
        for row in rows if row.kind == SchoolDayKind.HOLIDAY
    )
    inset = calendar.inset_days | {
        row.first_day + dt.timedelta(days=offset)
        for row in rows if row.kind == SchoolDayKind.INSET
        for offset in range((row.last_day - row.first_day).days + 1)
    }
    days = dataclasses.replace(calendar, closures=closures, inset_days=frozenset(inset))
    # The derived-data cache (name indexes) is kept: nothing in it depends on the calendar.
    return dataclasses.replace(base, calendar=days)


def engine_school(school: School) -> EngineSchool:
    """The school as checks see it: the directory, with the hub's consent register over it and
    the hub's school days added to its calendar."""
    base = directory_school(school)
    stamp = School.objects.filter(pk=school.pk).values_list("register_stamp", flat=True).first()
    with _lock:
        cached = _overlays.get(school.pk)
        if cached is not None and cached[0] is base and cached[1] == stamp:
            return cached[2]
    overlaid = with_school_days(
        with_register(base, list(RegisterPupil.objects.filter(school_id=school.pk))),
        list(SchoolClosure.objects.filter(school_id=school.pk)),
    )
    with _lock:
        _overlays[school.pk] = (base, stamp, overlaid)
    return overlaid


def rule_words(pack: Pack, rule_id: str) -> str:
    """What a rule asks, in plain words: its summary as the school's pack (directory_school's
    `.pack`, read once by a caller that names many rules) states it, else the rule catalogue's;
    '' for a rule neither knows."""
    rule = pack.rule(rule_id)
    if rule is not None:
        return rule.summary
    return _catalogue_summaries().get(rule_id, "")


@functools.lru_cache(maxsize=1)
def _catalogue_summaries() -> dict[str, str]:
    return {str(rule["id"]): str(rule.get("summary", "")) for rule in catalogue()["rules"]}


def hub_registry() -> DetectorRegistry:
    """The detectors the hub checks with: the engine's, with the hub's language model
    (settings.SAFEPOST_LANGUAGE_MODEL)."""
    return registry_with_language_model(settings.SAFEPOST_LANGUAGE_MODEL)

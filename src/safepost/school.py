"""A school directory: school.yaml, pupils.csv, staff.csv and images/ (see check-contract.md).

Everything is validated on load; a problem is reported with the file, the line and the
field, so a school's data manager can fix the export that produced it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from safepost.policy import Pack, PackError, resolve_pack
from safepost.term_calendar import REGIONS, Closure, SchoolCalendar
from safepost.yamlfile import load_yaml

PUPIL_COLUMNS = (
    "pupil_id", "first_name", "last_name", "preferred_name", "year_group", "date_of_birth",
    "status", "photo_consent", "name_consent",
)
STAFF_COLUMNS = ("staff_id", "first_name", "last_name", "role", "email")
STAFF_ROLES = frozenset({
    "headteacher", "deputy_head", "slt", "dsl", "teacher", "teaching_assistant", "admin",
    "governor", "contractor", "volunteer",
})
SCHOOL_KEYS = frozenset({
    "name", "aliases", "trust", "policy", "email_domains", "official_accounts", "timezone",
    "school_day", "breaks", "logo", "public_contacts", "bank_holidays", "closures", "inset_days",
})
_TIME_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class SchoolError(ValueError):
    """A school directory that cannot be used; the message names file, line and field."""


@dataclass(frozen=True)
class Pupil:
    pupil_id: str
    first_name: str
    last_name: str
    preferred_name: str
    year_group: str
    date_of_birth: dt.date | None
    status: str  # current | former
    photo_consent: bool
    name_consent: bool

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"

    @property
    def year_label(self) -> str:
        if not self.year_group:
            return "former pupil" if self.status == "former" else "pupil"
        if self.year_group.upper() in ("R", "RECEPTION"):
            return "Reception"
        return f"Year {self.year_group}"

    def age_on(self, day: dt.date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True)
class Staff:
    staff_id: str
    first_name: str
    last_name: str
    role: str
    email: str

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class TimeWindow:
    start: dt.time
    end: dt.time

    def contains(self, moment: dt.time) -> bool:
        return self.start <= moment < self.end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class OfficialAccount:
    platform: str
    handle: str


@dataclass
class School:
    directory: Path
    name: str
    aliases: tuple[str, ...]
    trust_name: str | None
    trust_aliases: tuple[str, ...]
    policy_reference: str
    pack: Pack
    email_domains: tuple[str, ...]
    official_accounts: tuple[OfficialAccount, ...]
    timezone: ZoneInfo
    school_day: TimeWindow | None
    breaks: tuple[TimeWindow, ...]
    calendar: SchoolCalendar
    logo: str | None
    public_phones: tuple[str, ...]
    public_emails: tuple[str, ...]
    public_address: str
    pupils: tuple[Pupil, ...]
    staff: tuple[Staff, ...]
    warnings: tuple[str, ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def pupil(self, pupil_id: str) -> Pupil | None:
        by_id = self._cache.get("pupils_by_id")
        if by_id is None:
            by_id = {pupil.pupil_id: pupil for pupil in self.pupils}
            self._cache["pupils_by_id"] = by_id
        return by_id.get(pupil_id)

    def staff_member(self, staff_id: str) -> Staff | None:
        """The member of staff with this id, written in any capitals, spaces round it ignored."""
        by_id = self._cache.get("staff_by_id")
        if by_id is None:
            by_id = {member.staff_id.strip().casefold(): member for member in self.staff}
            self._cache["staff_by_id"] = by_id
        return by_id.get(staff_id.strip().casefold())

    def identity_names(self) -> tuple[str, ...]:
        """Every way of writing the school's and the trust's names."""
        names = [self.name, *self.aliases]
        if self.trust_name:
            names += [self.trust_name, *self.trust_aliases]
        return tuple(name for name in names if name.strip())

    def cached(self, key: str, build: Any) -> Any:
        """Per-school derived data (indexes), built once on first use."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


def _fail(path: Path, message: str) -> SchoolError:
    return SchoolError(f"{path}: {message}")


def _as_str_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(path, f"{key}: must be a list of text values")
    return tuple(value)


def _time_window(path: Path, key: str, value: Any) -> TimeWindow:
    match = _TIME_RANGE.match(str(value))
    if not match:
        raise _fail(path, f"{key}: '{value}' is not a time range like 08:40-15:20")
    h1, m1, h2, m2 = (int(group) for group in match.groups())
    try:
        start, end = dt.time(h1, m1), dt.time(h2, m2)
    except ValueError as exc:
        raise _fail(path, f"{key}: '{value}' has an impossible time ({exc})") from exc
    if end <= start:
        raise _fail(path, f"{key}: '{value}' ends before it starts")
    return TimeWindow(start, end)


def _date(path: Path, key: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise _fail(path, f"{key}: '{value}' is not a date like 2026-07-22") from exc


def _calendar(path: Path, data: dict[str, Any]) -> SchoolCalendar:
    """`bank_holidays` (which UK nation's, default England and Wales, or none), `closures`
    (holidays: {from, to, name} or {date, name}) and `inset_days` (dates) from school.yaml."""
    given = data.get("bank_holidays")
    # YAML reads a bare `no` or `false` as False: the school means none.
    region = "none" if given is False else str(given or "england-and-wales").strip().lower()
    if given is True or region not in REGIONS:
        raise _fail(path, f"bank_holidays: '{region}' is not one of {', '.join(REGIONS)}")
    raw_closures = data.get("closures") or []
    if not isinstance(raw_closures, list):
        raise _fail(path, "closures: must be a list like "
                          "[{from: 2026-07-22, to: 2026-09-02, name: Summer holiday}]")
    closures = []
    for index, entry in enumerate(raw_closures):
        key = f"closures[{index}]"
        if not isinstance(entry, dict) or not ({"date"} <= set(entry) or {"from", "to"} <= set(entry)):
            raise _fail(path, f"{key}: needs 'date', or 'from' and 'to' (and a 'name')")
        start_key, end_key = ("date", "date") if "date" in entry else ("from", "to")
        first = _date(path, f"{key}.{start_key}", entry[start_key])
        last = _date(path, f"{key}.{end_key}", entry[end_key])
        if last < first:
            raise _fail(path, f"{key}: ends ({last}) before it starts ({first})")
        closures.append(Closure(first, last, str(entry.get("name") or "school closed").strip()))
    raw_inset = data.get("inset_days") or []
    if not isinstance(raw_inset, list):
        raise _fail(path, "inset_days: must be a list of dates like [2026-09-03]")
    inset = frozenset(_date(path, f"inset_days[{index}]", value) for index, value in enumerate(raw_inset))
    return SchoolCalendar(region=region, closures=tuple(closures), inset_days=inset)


def _yes_no(path: Path, line: int, column: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "y", "true", "1"):
        return True
    if lowered in ("no", "n", "false", "0", ""):
        return False
    raise _fail(path, f"line {line}: {column}: '{value}' is not yes or no")


def _read_csv(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise _fail(path, "file is missing (it is required, and may hold only the header row)")
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(path, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV") from exc
    reader = csv.DictReader(io.StringIO(raw, newline=""), strict=True)
    try:
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise _fail(path, f"line 1: header row cannot be read ({exc})") from exc
    missing = [column for column in required if column not in header]
    if missing:
        raise _fail(path, f"line 1: missing column(s): {', '.join(missing)}")
    reader.fieldnames = header
    rows: list[tuple[int, dict[str, str]]] = []
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if None in row or any(value is None for value in row.values()):
                raise _fail(path, f"line {line}: wrong number of fields (check quotes and commas)")
            if not any((value or "").strip() for value in row.values()):
                continue
            rows.append((line, {key: (value or "").strip() for key, value in row.items()}))
    except csv.Error as exc:
        # The reader fails part-way through a line: that line follows the last good one.
        bad_line = max(reader.line_num, line + 1)
        raise _fail(path, f"line {bad_line}: {exc} (check for a stray quote)") from exc
    return rows


def _unique_id(path: Path, line: int, row: dict[str, str], column: str, seen: set[str]) -> str:
    """The row's id, which must be present and not used by an earlier row."""
    value = row[column]
    if not value:
        raise _fail(path, f"line {line}: {column}: empty")
    if value in seen:
        raise _fail(path, f"line {line}: {column}: '{value}' appears twice")
    seen.add(value)
    return value


def _load_pupils(path: Path) -> tuple[Pupil, ...]:
    pupils: list[Pupil] = []
    seen: set[str] = set()
    for line, row in _read_csv(path, PUPIL_COLUMNS):
        pupil_id = _unique_id(path, line, row, "pupil_id", seen)
        if not row["first_name"] or not row["last_name"]:
            empty = "first_name" if not row["first_name"] else "last_name"
            raise _fail(path, f"line {line}: {empty}: empty")
        status = row["status"].lower() or "current"
        if status not in ("current", "former"):
            raise _fail(path, f"line {line}: status: '{row['status']}' is not current or former")
        born: dt.date | None = None
        if row["date_of_birth"]:
            try:
                born = dt.date.fromisoformat(row["date_of_birth"])
            except ValueError as exc:
                raise _fail(
                    path,
                    f"line {line}: date_of_birth: '{row['date_of_birth']}' is not a date "
                    "like 2016-05-02",
                ) from exc
        pupils.append(Pupil(
            pupil_id=pupil_id,
            first_name=row["first_name"],
            last_name=row["last_name"],
            preferred_name=row["preferred_name"],
            year_group=row["year_group"],
            date_of_birth=born,
            status=status,
            photo_consent=_yes_no(path, line, "photo_consent", row["photo_consent"]),
            name_consent=_yes_no(path, line, "name_consent", row["name_consent"]),
        ))
    return tuple(pupils)


def _load_staff(path: Path) -> tuple[Staff, ...]:
    staff: list[Staff] = []
    seen: set[str] = set()
    for line, row in _read_csv(path, STAFF_COLUMNS):
        staff_id = _unique_id(path, line, row, "staff_id", seen)
        if not row["first_name"] and not row["last_name"]:
            raise _fail(path, f"line {line}: first_name, last_name: both empty")
        staff.append(Staff(
            staff_id=staff_id,
            first_name=row["first_name"],
            last_name=row["last_name"],
            role=row["role"].lower(),
            email=row["email"].lower(),
        ))
    return tuple(staff)


def load_school(directory: str | Path) -> School:
    """Load and validate a school directory. Raises SchoolError naming file and key."""
    root = Path(directory)
    if not root.is_dir():
        raise SchoolError(f"{root}: not a directory (expected school.yaml, pupils.csv, staff.csv)")
    yaml_path = root / "school.yaml"
    if not yaml_path.exists():
        raise _fail(yaml_path, "file is missing (it is required)")
    try:
        data = load_yaml(yaml_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise _fail(yaml_path, f"not valid YAML ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise _fail(yaml_path, "not UTF-8 text") from exc
    if not isinstance(data, dict):
        raise _fail(yaml_path, "must be a mapping of keys (name, policy, ...)")
    # Unknown keys are kept for forward compatibility but reported: a typo is likely.
    warnings = [
        f"{yaml_path}: {key}: unknown key, ignored" for key in data if key not in SCHOOL_KEYS
    ]
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(yaml_path, "name: required (the school's full name)")
    policy = data.get("policy")
    if not isinstance(policy, str) or not policy.strip():
        raise _fail(yaml_path, "policy: required (a built-in pack id or a pack file path)")
    try:
        pack = resolve_pack(policy, relative_to=root)
    except PackError as exc:
        raise _fail(yaml_path, str(exc)) from exc
    trust = data.get("trust") or {}
    if not isinstance(trust, dict):
        raise _fail(yaml_path, "trust: must be a mapping like {name: ..., aliases: [...]}")
    trust_name = trust.get("name")
    if trust_name is not None and not isinstance(trust_name, str):
        raise _fail(yaml_path, "trust.name: must be text or null")
    try:
        timezone = ZoneInfo(str(data.get("timezone") or "Europe/London"))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise _fail(yaml_path, f"timezone: '{data.get('timezone')}' is not a known time zone") from exc
    school_day = (
        _time_window(yaml_path, "school_day", data["school_day"]) if data.get("school_day") else None
    )
    breaks = tuple(
        _time_window(yaml_path, f"breaks[{index}]", value)
        for index, value in enumerate(_as_str_list(yaml_path, "breaks", data.get("breaks")))
    )
    accounts = []
    for index, account in enumerate(data.get("official_accounts") or []):
        if not isinstance(account, dict) or not account.get("handle"):
            raise _fail(yaml_path, f"official_accounts[{index}]: needs platform and handle")
        accounts.append(OfficialAccount(str(account.get("platform", "other")), str(account["handle"])))
    public = data.get("public_contacts") or {}
    if not isinstance(public, dict):
        raise _fail(yaml_path, "public_contacts: must be a mapping (phones, emails, address)")
    logo = data.get("logo")
    school = School(
        directory=root,
        name=name.strip(),
        aliases=_as_str_list(yaml_path, "aliases", data.get("aliases")),
        trust_name=trust_name.strip() if isinstance(trust_name, str) and trust_name.strip() else None,
        trust_aliases=_as_str_list(yaml_path, "trust.aliases", trust.get("aliases")),
        policy_reference=policy,
        pack=pack,
        email_domains=tuple(
            domain.lower().lstrip("@")
            for domain in _as_str_list(yaml_path, "email_domains", data.get("email_domains"))
        ),
        official_accounts=tuple(accounts),
        timezone=timezone,
        school_day=school_day,
        breaks=breaks,
        calendar=_calendar(yaml_path, data),
        logo=str(logo) if logo else None,
        public_phones=_as_str_list(yaml_path, "public_contacts.phones", public.get("phones")),
        public_emails=tuple(
            email.lower()
            for email in _as_str_list(yaml_path, "public_contacts.emails", public.get("emails"))
        ),
        public_address=str(public.get("address") or ""),
        pupils=_load_pupils(root / "pupils.csv"),
        staff=_load_staff(root / "staff.csv"),
        warnings=tuple(warnings),
    )
    return school


def demo_school_dir() -> Path:
    """The built-in demo school shipped inside the package."""
    return Path(__file__).resolve().parent / "demo" / "school"


def print_warnings(school: School) -> None:
    for warning in school.warnings:
        print(f"warning: {warning}", file=sys.stderr)

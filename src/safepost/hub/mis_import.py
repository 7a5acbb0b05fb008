"""Reading a pupil and consent export from a school's MIS (SIMS, Arbor, Bromcom...): whatever the
column names, separators, encodings and date formats, into rows the consent register can take.

Nothing here writes: `parse` gives the rows and every problem found (line and column named);
`leaving_out_problem_lines` the rows an import can still take when every problem is a line's;
`compare` says what would change. The import itself (`safepost.hub.actions_consent`) is all or
nothing, unless the person importing chooses to leave out the lines with problems.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# The register's fields, what people call them, and whether an import needs them.
FIELDS: dict[str, tuple[str, bool, tuple[str, ...]]] = {
    "pupil_id": (
        "Pupil ID (UPN or admission number)",
        True,
        (
            "pupil_id",
            "pupil id",
            "upn",
            "unique pupil number",
            "admission number",
            "admission no",
            "adno",
            "mis id",
            "student id",
            "pupil number",
            "id",
        ),
    ),
    "first_name": (
        "First name",
        True,
        ("first_name", "first name", "legal forename", "forename", "forenames", "given name"),
    ),
    "last_name": ("Last name", True, ("last_name", "last name", "legal surname", "surname", "family name")),
    "preferred_name": (
        "Preferred first name",
        False,
        ("preferred_name", "preferred name", "preferred forename", "known as", "chosen name"),
    ),
    "year_group": (
        "Year group",
        False,
        ("year_group", "year group", "year", "nc year", "ncyear", "curriculum year", "reg group year"),
    ),
    "date_of_birth": ("Date of birth", False, ("date_of_birth", "date of birth", "dob", "birth date")),
    "status": ("On roll or left", False, ("status", "enrolment status", "on roll")),
    "photo_consent": (
        "Photo consent",
        False,
        (
            "photo_consent",
            "photo consent",
            "photograph consent",
            "photography consent",
            "photographs",
            "photo permission",
            "consent - photographs",
            "image consent",
            "social media photo consent",
        ),
    ),
    "name_consent": (
        "Name consent",
        False,
        ("name_consent", "name consent", "name permission", "consent - name", "publish name", "use of name"),
    ),
    "consent_date": (
        "Date consent was given or changed",
        False,
        (
            "consent_date",
            "consent date",
            "date of consent",
            "consent updated",
            "date collected",
            "consent collected",
        ),
    ),
}
FIELD_ORDER = tuple(FIELDS)
YES = frozenset(
    {
        "yes",
        "y",
        "true",
        "1",
        "x",
        "✓",
        "given",
        "granted",
        "agreed",
        "consent given",
        "permitted",
        "allowed",
        "t",
    }
)
NO = frozenset(
    {
        "no",
        "n",
        "false",
        "0",
        "refused",
        "withdrawn",
        "not given",
        "declined",
        "f",
        "no consent",
        "not permitted",
    }
)
CURRENT = frozenset({"current", "on roll", "on-roll", "yes", "y", "active", ""})
FORMER = frozenset({"former", "left", "leaver", "off roll", "off-roll", "no", "n", "inactive"})
EXCEL_EPOCH = dt.date(1899, 12, 30)
# The register's column widths: a longer value is a problem named by line and column, not a
# database error at import.
# Kept equal to RegisterPupil's max_length by a test (this module does not import Django).
MAX_LENGTHS = {"pupil_id": 40, "first_name": 100, "last_name": 100, "preferred_name": 100, "year_group": 20}
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d/%m/%y",
    "%d %b %Y",
    "%d %B %Y",
    "%Y/%m/%d",
)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


@dataclass
class Problem:
    line: int | None
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def where(self) -> str:
        """The line and column, without the words, which can quote a pupil's ID or name."""
        return f"line {self.line}, {self.column}" if self.line else self.column


@dataclass
class Parsed:
    header: list[str]
    delimiter: str
    encoding: str
    mapping: dict[str, str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the file's line of each row, for problems found later
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The pupil ID of each line with a problem (as `same_pupil` keys it), and its first such
    # line: none of that pupil's lines can be trusted (a "no" on a bad line, a "yes" on a good one).
    problem_ids: dict[str, int] = field(default_factory=dict)
    # Lines with a problem whose pupil cannot be told (no ID; more values than columns, so the
    # ID may be in another cell): no line can be left out safely while there is one.
    unidentified: list[int] = field(default_factory=list)
    # Identical repeated lines, counted once: (line, pupil ID, the note that says so).
    repeats: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class LeftOut:
    """What an import that leaves out the lines with problems would not take: each line's
    problems, and the pupils on them, who stay as the register has them."""

    problems: list[Problem]
    pupil_keys: set[str]  # as `same_pupil` writes them
    lines: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = sorted({problem.line for problem in self.problems if problem.line is not None})

    def holds(self, pupil_id: str) -> bool:
        """Whether a line of this pupil (in any capitals or spacing) is left out."""
        return same_pupil(pupil_id) in self.pupil_keys


def leaving_out_problem_lines(parsed: Parsed) -> tuple[Parsed, LeftOut] | None:
    """The rows of an export with problems that can still be imported, and what is left out:
    every line with a problem, and every other line of a pupil on one (a pupil ID given twice
    with different details, or on a bad line and a good one: neither can be trusted). None where
    a problem is the file's (a missing column, no pupils) or no row is left: then nothing can be
    imported."""
    if not parsed.problems or parsed.unidentified or any(problem.line is None for problem in parsed.problems):
        return None
    problem_lines = {problem.line for problem in parsed.problems}
    suspect = dict(parsed.problem_ids)
    for line, row in zip(parsed.lines, parsed.rows, strict=True):
        if line in problem_lines:  # a problem found after parsing (a consent date)
            suspect.setdefault(same_pupil(row["pupil_id"]), line)
    left_out = list(parsed.problems)
    kept = Parsed(header=parsed.header, delimiter=parsed.delimiter, encoding=parsed.encoding,
                  mapping=parsed.mapping)
    for line, row in zip(parsed.lines, parsed.rows, strict=True):
        if line in problem_lines:
            continue
        key = same_pupil(row["pupil_id"])
        if key in suspect:
            left_out.append(_also_on(line, suspect[key]))
            continue
        kept.rows.append(row)
        kept.lines.append(line)
    # A repeat of a left-out pupil's line is left out too, and its note ("line 5 repeats line 4
    # (P1057)") is not the import's: it would keep the pupil's ID in the import's summary.
    left_out_notes = set()
    for line, pupil_id, note in parsed.repeats:
        key = same_pupil(pupil_id)
        if key in suspect:
            left_out.append(_also_on(line, suspect[key]))
            left_out_notes.add(note)
    if not kept.rows:
        return None
    kept.notes = [note for note in parsed.notes if note not in left_out_notes]
    return kept, LeftOut(sorted(left_out, key=lambda problem: problem.line or 0), set(suspect))


def _also_on(line: int, problem_line: int) -> Problem:
    """A line left out because its pupil is on `problem_line`, which has a problem."""
    return Problem(line, FIELDS["pupil_id"][0],
                   f"this pupil is also on line {problem_line}, which has a problem")


def same_pupil(pupil_id: str) -> str:
    """A pupil ID as the import compares it when leaving lines out: "P1001", "p1001" and "P 1001"
    are one pupil (on a bad line and a good one, neither is taken)."""
    return "".join(pupil_id.split()).casefold()


def decode(raw: bytes) -> tuple[str, str]:
    """The file as text: UTF-8 (with or without Excel's byte order mark), else Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_header(text: str) -> tuple[list[str], str]:
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                return [cell.strip() for cell in row], delimiter
    except csv.Error:  # an unclosed quote running the header into a very long cell
        pass
    return [], delimiter


# A quote mark opened in a cell and never closed makes the CSV reader take every line after it
# as that one cell: those pupils would silently be "not in this file". No MIS export puts line
# breaks inside a cell, so a cell that holds one is such a quote, and the file is refused.
UNCLOSED_QUOTE = ("a quote mark (\") opened on line {line} is not closed, so every line after it "
                  "was read as part of one cell: close the quote or remove it")


def suggest_mapping(header: list[str]) -> dict[str, str]:
    """Each register field -> the file's column that most likely holds it ('' when none)."""
    keyed = {_key(column): column for column in header if column}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for name, (_label, _required, synonyms) in FIELDS.items():
        chosen = ""
        for synonym in synonyms:
            column = keyed.get(_key(synonym))
            if column is not None and column not in used:
                chosen = column
                break
        mapping[name] = chosen
        if chosen:
            used.add(chosen)
    return mapping


def parse_date(value: str) -> dt.date | None:
    """A date as schools' exports write it: 2016-05-02, 02/05/2016 (UK order), with or without
    a time, or an Excel serial number (42492). None when empty; ValueError when unreadable."""
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4,5}(\.0+)?", text):
        serial = int(float(text))
        if 20000 <= serial <= 80000:  # 1954 to 2119: anything else is not a date
            return EXCEL_EPOCH + dt.timedelta(days=serial)
        raise ValueError(text)
    text = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2})?$", "", text).strip()
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(text)


def _yes_no(value: str) -> bool | None:
    lowered = value.strip().lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    return None


def _rows(reader: Any, parsed: Parsed) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on; a file the CSV reader gives up on (a cell past its
    size limit, from a quote never closed) is a problem of the file, not a server error."""
    started = 1
    try:
        for row in reader:
            yield started, row
            started = reader.line_num + 1
    except csv.Error as exc:
        parsed.problems.append(Problem(None, "file", UNCLOSED_QUOTE.format(line=started)
                                       + f" ({exc})"))


def parse(text: str, mapping: dict[str, str] | None = None, *, encoding: str = "utf-8") -> Parsed:
    """Read the whole export. Any problem is reported; the caller imports nothing unless `ok`,
    or, if asked, what `leaving_out_problem_lines` leaves."""
    text = text.lstrip("\ufeff")
    header, delimiter = read_header(text)
    chosen = (
        {name: (mapping or {}).get(name, "") for name in FIELD_ORDER}
        if mapping is not None
        else suggest_mapping(header)
    )
    parsed = Parsed(header=header, delimiter=delimiter, encoding=encoding, mapping=chosen)
    if not header:
        parsed.problems.append(Problem(None, "file", "the file is empty"))
        return parsed
    for name, (label, required, _synonyms) in FIELDS.items():
        column = chosen.get(name, "")
        if column and column not in header:
            parsed.problems.append(Problem(None, label, f"there is no column called '{column}' in the file"))
        elif required and not column:
            parsed.problems.append(
                Problem(None, label, "no column chosen: the file needs a column for this (choose it below)")
            )
    for name in ("photo_consent", "name_consent"):
        if not chosen.get(name):
            parsed.notes.append(f"{FIELDS[name][0]}: no column, so it stays as it is for every pupil")
    if parsed.problems:
        return parsed
    index = {column: position for position, column in enumerate(header)}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    seen: dict[str, tuple[int, dict[str, Any]]] = {}
    blank_consent: dict[str, list[int]] = {"photo_consent": [], "name_consent": []}
    header_done = False
    rows = _rows(reader, parsed)
    for first_line, row in rows:
        line = reader.line_num
        if any("\n" in cell or "\r" in cell for cell in row):
            parsed.problems.append(Problem(None, "file", UNCLOSED_QUOTE.format(line=first_line)))
            break
        if not header_done:
            if any(cell.strip() for cell in row):
                header_done = True
            continue
        if not any(cell.strip() for cell in row):
            continue
        cells = {
            name: (row[index[column]].strip() if column and index[column] < len(row) else "")
            for name, column in chosen.items()
        }
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            parsed.problems.append(
                Problem(
                    line,
                    "row",
                    f"{len(row)} values but the header has {len(header)} columns (check the separators)",
                )
            )
            parsed.unidentified.append(line)  # a stray separator: the ID may be in another cell
            continue
        record = _record(line, cells, chosen, parsed.problems)
        if record is None:
            if cells["pupil_id"]:
                parsed.problem_ids.setdefault(same_pupil(cells["pupil_id"]), line)
            else:
                parsed.unidentified.append(line)
            continue
        for name, lines in blank_consent.items():
            if chosen.get(name) and not cells[name]:
                lines.append(line)
        # "P1001" and "p1001" are one pupil: the same details twice count once, other details
        # are a problem (never a second pupil on the register).
        key = same_pupil(record["pupil_id"])
        earlier = seen.get(key)
        if earlier is not None:
            if earlier[1] == record:
                note = f"line {line} repeats line {earlier[0]} ({record['pupil_id']}): counted once"
                parsed.repeats.append((line, record["pupil_id"], note))
                parsed.notes.append(note)
            else:
                parsed.problem_ids.setdefault(same_pupil(record["pupil_id"]), line)
                parsed.problems.append(
                    Problem(
                        line,
                        FIELDS["pupil_id"][0],
                        f"'{record['pupil_id']}' is also on line {earlier[0]} with different details",
                    )
                )
            continue
        seen[key] = (line, record)
        parsed.rows.append(record)
        parsed.lines.append(line)
    for name, lines in blank_consent.items():
        if lines:
            shown = ", ".join(str(number) for number in lines[:20]) + (" ..." if len(lines) > 20 else "")
            parsed.notes.append(
                f"{FIELDS[name][0]}: blank on line{'s' if len(lines) > 1 else ''} {shown}, "
                "so it stays as it is for those pupils (a blank is not a no)"
            )
    if not parsed.rows and not parsed.problems:
        parsed.problems.append(Problem(None, "file", "the file has a header but no pupils"))
    return parsed


def _record(
    line: int, cells: dict[str, str], chosen: dict[str, str], problems: list[Problem]
) -> dict[str, Any] | None:
    before = len(problems)
    record: dict[str, Any] = {}
    for name in ("pupil_id", "first_name", "last_name"):
        if not cells[name]:
            problems.append(Problem(line, FIELDS[name][0], "empty"))
        record[name] = cells[name]
    # An optional column the file does not have leaves that field as it is (None); a column
    # that is there but empty for a pupil clears it.
    record["preferred_name"] = cells["preferred_name"] if chosen.get("preferred_name") else None
    year = cells["year_group"]
    record["year_group"] = (
        re.sub(r"^(?:year|yr|y)\s*", "", year, flags=re.IGNORECASE) if chosen.get("year_group") else None
    )
    for name, limit in MAX_LENGTHS.items():
        text = record.get(name) or ""
        if len(text) > limit:
            problems.append(Problem(line, FIELDS[name][0], f"at most {limit} characters ({len(text)} here)"))
    for name in ("date_of_birth", "consent_date"):
        try:
            value = parse_date(cells[name])
        except ValueError:
            problems.append(
                Problem(line, FIELDS[name][0], f"'{cells[name]}' is not a date like 02/05/2016 or 2016-05-02")
            )
            value = None
        record[name] = value
    status = cells["status"].strip().lower()
    if not chosen.get("status"):
        record["status"] = None
    elif status in CURRENT:
        record["status"] = "current"
    elif status in FORMER:
        record["status"] = "former"
    else:
        problems.append(Problem(line, FIELDS["status"][0], f"'{cells['status']}' is not on roll or left"))
    for name in ("photo_consent", "name_consent"):
        if not chosen.get(name):
            record[name] = None
            continue
        if not cells[name].strip():
            record[name] = None  # a blank cell is not a "no": consent stays as it is
            continue
        answer = _yes_no(cells[name])
        if answer is None:
            problems.append(Problem(line, FIELDS[name][0], f"'{cells[name]}' is not yes or no"))
        record[name] = answer
    return record if len(problems) == before else None


@dataclass
class Change:
    pupil_id: str
    name: str
    kind: str  # new | changed
    fields: list[tuple[str, str, str]]  # label, before, after


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


COMPARED = (
    "first_name",
    "last_name",
    "preferred_name",
    "year_group",
    "date_of_birth",
    "status",
    "photo_consent",
    "name_consent",
)


def compare(rows: list[dict[str, Any]], existing: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What importing `rows` would change, against the register as it is (`pupil_id` -> fields)."""
    new: list[Change] = []
    changed: list[Change] = []
    unchanged = 0
    for row in rows:
        name = f"{row.get('preferred_name') or row['first_name']} {row['last_name']}"
        current = existing.get(row["pupil_id"])
        if current is None:
            fields = [
                (FIELDS[key][0], "", _shown(row[key])) for key in COMPARED if row[key] not in (None, "")
            ]
            new.append(Change(row["pupil_id"], name, "new", fields))
            continue
        fields = [
            (FIELDS[key][0], _shown(current[key]), _shown(row[key]))
            for key in COMPARED
            if row[key] is not None and row[key] != current[key]
        ]
        if fields:
            changed.append(Change(row["pupil_id"], name, "changed", fields))
        else:
            unchanged += 1
    in_file = {row["pupil_id"] for row in rows}
    missing = sorted(pupil_id for pupil_id in existing if pupil_id not in in_file)
    return {"new": new, "changed": changed, "unchanged": unchanged, "not_in_file": missing}

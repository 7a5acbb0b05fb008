"""Shared fixtures: a small, realistic school built from Python data in a temporary folder.

Larkfield Primary School (Heronsgate Learning Trust) is invented for these tests and shares
no pupil with the demo school, so the tests do not merely replay the demo.
"""

from __future__ import annotations

import csv
import io
import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import piexif
import pytest
import yaml
from PIL import Image

from safepost.contract import CheckResult, parse_request
from safepost.detect import Evidence, Subject, exact_registry
from safepost.engine import check
from safepost.policy import builtin_pack
from safepost.school import School, load_school

REPO_ROOT = Path(__file__).resolve().parents[1]
# The shared specification sits beside the checkout (/work/shared/spec for /work/main).
SHARED_SPEC = REPO_ROOT.parent / "shared" / "spec"
EXAMPLE_SCHOOL = SHARED_SPEC / "example-school"

PUPIL_HEADER = (
    "pupil_id", "first_name", "last_name", "preferred_name", "year_group", "date_of_birth",
    "status", "photo_consent", "name_consent",
)
STAFF_HEADER = ("staff_id", "first_name", "last_name", "role", "email")

# pupil_id, first, last, preferred, year, date_of_birth, status, photo_consent, name_consent
PUPILS: list[tuple[str, ...]] = [
    ("P101", "Summer", "Ashdown", "", "3", "2017-06-14", "current", "yes", "yes"),  # ordinary word
    ("P102", "Hope", "Penrose", "", "2", "2018-03-09", "current", "no", "yes"),  # ordinary word
    ("P103", "Grace", "Tremayne", "", "6", "2013-10-21", "current", "yes", "no"),  # ordinary word
    ("P104", "Renée", "Castellano", "", "5", "2015-01-30", "current", "yes", "yes"),  # accent
    ("P105", "Ffion", "Harper-Lowe", "", "4", "2016-04-17", "current", "yes", "yes"),  # hyphen
    ("P106", "Declan", "O'Sullivan", "", "5", "2015-08-02", "current", "no", "no"),  # apostrophe
    ("P107", "Alexandra", "Whitcombe", "Sasha", "6", "2014-02-11", "current", "yes", "yes"),
    ("P108", "Imogen", "Tate", "", "1", "2019-07-19", "current", "yes", "yes"),  # short surname
    ("P109", "Imogen", "Varley", "", "1", "2019-11-02", "current", "yes", "yes"),  # shared first name
    ("P110", "Lorcan", "Fairweather", "", "4", "2016-09-25", "current", "yes", "no"),
    ("P111", "Nico", "Brandt", "", "3", "", "current", "yes", "yes"),  # short first name, no DOB
    ("P201", "Connor", "Blakemore", "", "", "2011-05-05", "former", "no", "no"),  # left, under 18
    ("P202", "Bethany", "Pickering", "", "", "2004-09-12", "former", "no", "no"),  # left, adult
    ("P203", "Tobias", "Quill", "", "", "", "former", "no", "no"),  # left, age not known
]

# staff_id, first, last, role, email
STAFF: list[tuple[str, ...]] = [
    ("S01", "Margaret", "Ellison", "headteacher", "m.ellison@larkfield.sch.uk"),
    ("S02", "Rachel", "Hope", "teacher", "r.hope@larkfield.sch.uk"),  # "Miss Hope"
    ("S03", "Grace", "Pemberton", "teaching_assistant", "g.pemberton@larkfield.sch.uk"),
    ("S04", "Daniel", "Fairbrother", "teacher", "d.fairbrother@larkfield.sch.uk"),
    ("S05", "Owen", "Lister", "dsl", "o.lister@larkfield.sch.uk"),
    ("S06", "Colin", "Ward", "governor", "c.ward@heronsgate.org.uk"),
]

SCHOOL_YAML: dict[str, Any] = {
    "name": "Larkfield Primary School",
    "aliases": ["Larkfield Primary", "Larkfield"],
    "trust": {"name": "Heronsgate Learning Trust", "aliases": ["Heronsgate Trust", "HLT"]},
    "policy": "tpat",
    "email_domains": ["larkfield.sch.uk", "heronsgate.org.uk"],
    "official_accounts": [
        {"platform": "x", "handle": "@LarkfieldPri"},
        {"platform": "facebook", "handle": "LarkfieldPrimarySchool"},
    ],
    "timezone": "Europe/London",
    "school_day": "08:45-15:15",
    "breaks": ["10:30-10:45", "12:00-13:00"],
    "public_contacts": {
        "phones": ["01632 960555"],
        "emails": ["office@larkfield.sch.uk"],
        "address": "Larkfield Primary School, 22 Orchard Road, Westbury, WB3 7QT",
    },
}

# Moments for `at`, against the school day 08:45-15:15 and breaks 10:30-10:45, 12:00-13:00.
# 4 March 2026 is a Wednesday (GMT), 7 March a Saturday, 3 June a Wednesday (BST).
LESSON_TIME = "2026-03-04T11:00:00+00:00"
BREAK_TIME = "2026-03-04T12:30:00+00:00"
AFTER_SCHOOL = "2026-03-04T18:30:00+00:00"
BEFORE_SCHOOL = "2026-03-04T07:30:00+00:00"
WEEKEND = "2026-03-07T11:00:00+00:00"


# Where a GPS-tagged test photo says it was taken: 50.2660 N, 5.0527 W (Truro).
GPS_LATITUDE = ((50, 1), (15, 1), (5760, 100))
GPS_LONGITUDE = ((5, 1), (3, 1), (1020, 100))


def jpeg_bytes(gps: bool = False) -> bytes:
    """A small JPEG photo, with EXIF GPS tags when asked."""
    image = Image.new("RGB", (16, 12), (90, 140, 60))
    out = io.BytesIO()
    if gps:
        exif = piexif.dump({
            "0th": {piexif.ImageIFD.Make: b"TestCam"},
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: GPS_LATITUDE,
                piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: GPS_LONGITUDE,
            },
        })
        image.save(out, format="JPEG", exif=exif)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_bytes(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims a huge picture (a decompression bomb's shape)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 4)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", pixels) + _png_chunk(b"IEND", b"")


TEST_IMAGES: dict[str, bytes] = {
    "images/class.jpg": jpeg_bytes(),
    "images/gps.jpg": jpeg_bytes(gps=True),
    "images/logo.png": png_bytes(),
    "images/corrupt.jpg": b"\xff\xd8\xff\xe0 this is not really a JPEG" + bytes(range(256)),
    "images/notes.jpg": b"Trip notes, saved with the wrong name.\n",
    "images/bomb.png": png_header_bytes(100_000, 100_000),
    "images/big.png": png_header_bytes(12_000, 12_000),
}


def write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def build_school_dir(
    root: Path,
    *,
    school: dict[str, Any] | None = None,
    pupils: list[tuple[str, ...]] | None = None,
    staff: list[tuple[str, ...]] | None = None,
    images: dict[str, bytes] | None = None,
    extra_files: dict[str, str] | None = None,
) -> Path:
    """Write a school directory from Python data and return its path."""
    root.mkdir(parents=True, exist_ok=True)
    data = dict(SCHOOL_YAML if school is None else school)
    (root / "school.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    write_csv(root / "pupils.csv", PUPIL_HEADER, PUPILS if pupils is None else pupils)
    write_csv(root / "staff.csv", STAFF_HEADER, STAFF if staff is None else staff)
    for relative, content in (images or {}).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for relative, text in (extra_files or {}).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def make_school_dir(tmp_path: Path) -> Callable[..., Path]:
    """A factory: make_school_dir(school=..., pupils=..., ...) -> a fresh school directory."""
    counter = iter(range(1000))

    def make(**kwargs: Any) -> Path:
        return build_school_dir(tmp_path / f"school{next(counter)}", **kwargs)

    return make


@pytest.fixture(scope="session")
def school_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_school_dir(tmp_path_factory.mktemp("larkfield"), images=TEST_IMAGES)


@pytest.fixture(scope="session")
def school(school_dir: Path) -> School:
    return load_school(school_dir)


def request_data(text: str = "", **fields: Any) -> dict[str, Any]:
    return {"id": fields.pop("id", "t1"), "text": text, **fields}


@pytest.fixture(scope="session")
def run_check(school: School) -> Callable[..., CheckResult]:
    """run_check(text, pack="tpat", **request fields) -> the CheckResult of the exact checks
    (the language model has its own tests in tests/language/)."""

    def run(text: str = "", pack: str | None = None, **fields: Any) -> CheckResult:
        request = parse_request(request_data(text, **fields))
        return check(request, school, pack=builtin_pack(pack) if pack else None,
                     registry=exact_registry())

    return run


@pytest.fixture(scope="session")
def detect(school: School) -> Callable[..., list[Evidence]]:
    """detect(detector, text, **request fields) -> the evidence that one detector finds."""

    def run(detector: Any, text: str = "", *, on: School | None = None, **fields: Any) -> list[Evidence]:
        request = parse_request(request_data(text, **fields))
        return list(detector.detect(Subject(request=request, school=on or school)))

    return run


def rule_ids(result: CheckResult) -> set[str]:
    return {finding.rule for finding in result.findings}


def jsonl(*requests: dict[str, Any]) -> str:
    return "".join(json.dumps(request) + "\n" for request in requests)

"""A school with real pictures: a certificate naming a pupil, a group photo, the school's
crest on a jumper, a clip, and pictures carrying hidden data. Built once per session from
the labelled set's generator (tests/media/imageset.py)."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import piexif
import pytest
from PIL import Image

from safepost.contract import CheckResult, parse_request
from safepost.detect import exact_registry
from safepost.engine import check
from safepost.policy import resolve_pack
from safepost.school import School, load_school
from tests.conftest import SCHOOL_YAML, build_school_dir, request_data
from tests.media.imageset import (
    OTHER_CREST,
    _background,
    _draw_lines,
    _paste_people,
    crest,
    school_crest,
    write_clip,
)

FACES_IN_GROUP = 3


def _jpeg(image: Image.Image, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, **options)
    return buffer.getvalue()


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _with_crest(rng: random.Random, badge: Image.Image) -> Image.Image:
    canvas = _background(rng, (1200, 900))
    badge = badge.resize((260, 260)).rotate(8, expand=True)
    canvas.paste(badge, (500, 300), badge)
    return canvas


def picture_files() -> dict[str, bytes]:
    rng = random.Random(99)
    files: dict[str, bytes] = {}
    certificate = _background(rng, (1600, 1200))
    _draw_lines(rng, certificate, ["Star of the Week", "Alexandra Whitcombe"])
    files["images/certificate.jpg"] = _jpeg(certificate)
    group = _background(rng, (1600, 1200))
    placed = _paste_people(rng, group, FACES_IN_GROUP, sizes=(0.07, 0.11))
    assert len(placed) == FACES_IN_GROUP
    files["images/group.jpg"] = _jpeg(group)
    files["images/group.png"] = _png(group)
    files["images/scenery.jpg"] = _jpeg(_background(random.Random(5), (1600, 1200)))
    files["images/crest.png"] = _png(school_crest())
    files["images/jumper.jpg"] = _jpeg(_with_crest(rng, school_crest()))
    files["images/other_school.jpg"] = _jpeg(_with_crest(rng, crest(*OTHER_CREST, shape="round")))
    serial = piexif.dump({"0th": {piexif.ImageIFD.Make: b"Canon"},
                          "Exif": {piexif.ExifIFD.BodySerialNumber: b"0412345678",
                                   piexif.ExifIFD.DateTimeOriginal: b"2026:03:04 10:15:00"}})
    files["images/serial.jpg"] = _jpeg(_background(random.Random(6), (800, 600)), exif=serial)
    dated = piexif.dump({"Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:03:04 10:15:00"}})
    files["images/dated.jpg"] = _jpeg(_background(random.Random(7), (800, 600)), exif=dated)
    files["images/renamed.png"] = files["images/certificate.jpg"]   # a JPEG with the wrong name
    return files


@pytest.fixture(scope="session")
def picture_school_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = build_school_dir(tmp_path_factory.mktemp("picture_school"),
                            school={**SCHOOL_YAML, "logo": "images/crest.png"},
                            images=picture_files())
    rng = random.Random(11)
    frames = []
    for index in range(4):
        canvas = _background(rng, (640, 360))
        if index in (1, 2):
            _paste_people(rng, canvas, 2)
        if index == 3:
            _draw_lines(rng, canvas, ["Star of the Week", "Alexandra Whitcombe"])
        frames.append(canvas)
    write_clip(root / "images" / "clip.mp4", frames, seconds=8)
    return root


@pytest.fixture(scope="session")
def picture_school(picture_school_dir: Path) -> School:
    return load_school(picture_school_dir)


@pytest.fixture(scope="session")
def check_pictures(picture_school: School) -> Callable[..., CheckResult]:
    """check_pictures(text, images=[...], **fields) with the exact detectors."""

    def run(text: str = "", pack: str | None = None, **fields: Any) -> CheckResult:
        request = parse_request(request_data(text, **fields))
        return check(request, picture_school, registry=exact_registry(), explain=True,
                     pack=resolve_pack(pack) if pack else None)

    return run

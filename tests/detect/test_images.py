"""Images: listed pupils against the consent register, GPS in the file, and files that are
missing, broken, hostile or outside the school directory (a note, never a crash)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from safepost.contract import CheckResult, parse_request
from safepost.detect import Evidence
from safepost.detect.images import ImageDetector
from safepost.engine import check
from safepost.media import analyse
from safepost.school import School, load_school
from tests.conftest import TEST_IMAGES

Detect = Callable[..., list[Evidence]]
RunCheck = Callable[..., CheckResult]


def image_evidence(detect: Detect, path: str, pupils: list[str] | None = None) -> list[Evidence]:
    return detect(ImageDetector(), "", images=[{"path": path, "pupils": pupils or []}])


def of_kind(items: list[Evidence], kind: str) -> list[Evidence]:
    return [item for item in items if item.kind == kind]


def read_gps(path: Path) -> dict[str, float] | None:
    return analyse(path).hidden.gps


def test_gps_is_read_from_exif(school_dir: Path) -> None:
    gps = read_gps(school_dir / "images" / "gps.jpg")
    assert gps is not None
    assert gps["latitude"] == pytest.approx(50.266, abs=1e-4)
    assert gps["longitude"] == pytest.approx(-5.05283, abs=1e-4)  # west is negative


@pytest.mark.parametrize("name", ["class.jpg", "logo.png"])
def test_no_gps(school_dir: Path, name: str) -> None:
    assert read_gps(school_dir / "images" / name) is None


def test_gps_evidence(detect: Detect) -> None:
    items = image_evidence(detect, "images/gps.jpg")
    (gps,) = of_kind(items, "image_gps")
    assert gps.source == "images[0]"
    assert gps.start is None
    assert gps.attrs["path"] == "images/gps.jpg"
    assert "50.26600" in gps.text and "-5.05283" in gps.text
    assert of_kind(items, "note") == []


@pytest.mark.parametrize("path", ["images/class.jpg", "images/logo.png", "./images/class.jpg"])
def test_clean_picture_gives_nothing(detect: Detect, path: str) -> None:
    assert image_evidence(detect, path) == []


BAD_FILES = [
    pytest.param("images/missing.jpg", "not found", id="missing"),
    pytest.param("images/corrupt.jpg", "could not be read", id="corrupt-jpeg"),
    pytest.param("images/notes.jpg", "is not a picture or video", id="not-a-picture"),
    pytest.param("images/bomb.png", "not read", id="decompression-bomb"),
    pytest.param("images/big.png", "megapixels; not read", id="too-many-pixels"),
    pytest.param("../../etc/passwd", "outside the school directory", id="dot-dot-escape"),
    pytest.param("images/../../../etc/passwd", "outside the school directory", id="nested-escape"),
    pytest.param("/etc/passwd", "outside the school directory", id="absolute-path"),
    pytest.param("images", "not found", id="a-directory"),
]


@pytest.mark.parametrize(("path", "message"), BAD_FILES)
def test_bad_file_gives_a_note(detect: Detect, path: str, message: str) -> None:
    items = image_evidence(detect, path, ["P101"])
    notes = of_kind(items, "note")
    assert len(notes) == 1
    assert message in notes[0].attrs["message"]
    assert notes[0].source == "images[0].path"
    assert of_kind(items, "image_gps") == []
    # The pupils the author listed are still there to be judged.
    assert [item.attrs["pupil_id"] for item in of_kind(items, "image_pupil")] == ["P101"]


@pytest.mark.parametrize(("path", "message"), BAD_FILES)
def test_bad_file_still_judges_listed_pupils(run_check: RunCheck, path: str, message: str) -> None:
    # Hope Penrose (P102) has no photo consent: tpat blocks, whatever the state of the file.
    result = run_check(
        "Year 2 on their trip.", channel="official", images=[{"path": path, "pupils": ["P102"]}]
    )
    assert result.verdict == "block"
    assert [finding.rule for finding in result.findings] == ["content.pupil_image_consent"]
    assert any(message in note for note in result.notes)


def test_symlink_out_of_the_school_is_not_followed(
    make_school_dir: Callable[..., Path], detect: Detect
) -> None:
    root = make_school_dir(images={"images/class.jpg": TEST_IMAGES["images/class.jpg"]})
    outside = root.parent / "outside.jpg"
    outside.write_bytes(TEST_IMAGES["images/gps.jpg"])
    os.symlink(outside, root / "images" / "link.jpg")
    other = load_school(root)
    items = detect(ImageDetector(), "", on=other, images=[{"path": "images/link.jpg"}])
    assert of_kind(items, "image_gps") == []
    (note,) = of_kind(items, "note")
    assert "outside the school directory" in note.attrs["message"]


def test_oversized_file_is_not_read(make_school_dir: Callable[..., Path], detect: Detect) -> None:
    root = make_school_dir()
    (root / "images").mkdir()
    with (root / "images" / "huge.jpg").open("wb") as handle:
        handle.write(TEST_IMAGES["images/gps.jpg"])
        handle.truncate(61 * 1024 * 1024)  # sparse: costs no disk
    other = load_school(root)
    items = detect(ImageDetector(), "", on=other, images=[{"path": "images/huge.jpg"}])
    assert of_kind(items, "image_gps") == []
    (note,) = of_kind(items, "note")
    assert "larger than" in note.attrs["message"]


def test_listed_pupils(detect: Detect) -> None:
    items = image_evidence(detect, "images/class.jpg", ["P101", "P102", "P404"])
    pupils = {item.attrs["pupil_id"]: item.attrs["photo_consent"] for item in of_kind(items, "image_pupil")}
    assert pupils == {"P101": True, "P102": False}
    (unknown,) = of_kind(items, "image_unknown_pupil")
    assert unknown.text == "P404"
    assert any("P404" in note.attrs["message"] for note in of_kind(items, "note"))


def test_each_image_is_checked(detect: Detect) -> None:
    items = detect(
        ImageDetector(), "",
        images=[{"path": "images/missing.jpg", "pupils": ["P101"]},
                {"path": "images/gps.jpg", "pupils": ["P105"]}],
    )
    assert [item.source for item in of_kind(items, "image_gps")] == ["images[1]"]
    assert [item.source for item in of_kind(items, "note")] == ["images[0].path"]
    assert [item.attrs["pupil_id"] for item in of_kind(items, "image_pupil")] == ["P101", "P105"]


@pytest.mark.parametrize(
    ("channel", "pack", "rule"),
    [("official", "tpat", "content.official_personal_data"),
     ("personal", "holbrook", "content.own_personal_information")],  # a pack that states it
)
def test_gps_finding(run_check: RunCheck, channel: str, pack: str, rule: str) -> None:
    result = run_check("A lovely view.", pack=pack, channel=channel, images=[{"path": "images/gps.jpg"}])
    assert [finding.rule for finding in result.findings] == [rule]
    (finding,) = result.findings
    assert finding.source == "images[0]"
    assert "start" not in finding.to_json()
    assert "location" in finding.fix.lower()


def test_a_whole_request_with_bad_images_completes(school: School) -> None:
    request = parse_request({
        "id": "imgs", "text": "Ffion Harper-Lowe on the trip", "channel": "official",
        "images": [
            {"path": path, "pupils": ["P105"]}
            for path in ("images/bomb.png", "images/corrupt.jpg", "../../etc/passwd")
        ],
    })
    result = check(request, school)
    assert result.verdict == "block"  # the full name, under tpat
    assert len(result.notes) == 3

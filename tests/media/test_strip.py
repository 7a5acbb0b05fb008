"""`safepost strip`: hidden data gone, the picture itself untouched, bad files reported."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import piexif
import pytest
from PIL import Image

from safepost.media import MediaError, analyse, strip_metadata

GPS = {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1), (0, 1)),
       piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((0, 1), (7, 1), (30, 1))}
EXIF = piexif.dump({
    "0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Artist: b"J. Bloggs"},
    "Exif": {piexif.ExifIFD.BodySerialNumber: b"0412345678",
             piexif.ExifIFD.DateTimeOriginal: b"2026:03:04 10:15:00"},
    "GPS": GPS,
})
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
       b'exif:GPSLatitude="51,30.0N" exif:GPSLongitude="0,7.5W"/></rdf:RDF></x:xmpmeta>')


def _picture() -> Image.Image:
    rng = np.random.default_rng(1)
    return Image.fromarray(rng.integers(0, 255, (120, 160, 3), dtype=np.uint8))


def _write(path: Path, kind: str, **options: object) -> Path:
    _picture().save(path, kind, **options)
    return path


CASES = [
    pytest.param("jpeg", {"exif": EXIF, "quality": 90}, "EXIF", id="jpeg-exif"),
    pytest.param("jpeg", {"xmp": XMP, "quality": 90}, "XMP", id="jpeg-xmp"),
    pytest.param("png", {"exif": EXIF}, "EXIF", id="png-exif"),
    pytest.param("webp", {"exif": EXIF, "lossless": True}, "EXIF", id="webp-exif"),
]


@pytest.mark.parametrize(("kind", "options", "removed"), CASES)
def test_strip_removes_hidden_data_and_keeps_pixels(tmp_path: Path, kind: str, options: dict[str, object],
                                                    removed: str) -> None:
    source = _write(tmp_path / f"photo.{kind}", kind.upper(), **options)
    assert analyse(source).hidden.gps is not None          # the test file really carries a place
    result = strip_metadata(source, tmp_path / f"clean.{kind}")
    assert removed in result.removed
    assert result.had.gps is not None
    cleaned = analyse(result.target)
    assert cleaned.error is None
    assert cleaned.hidden.empty, cleaned.hidden
    with Image.open(source) as before, Image.open(result.target) as after:
        assert np.array_equal(np.asarray(before.convert("RGB")), np.asarray(after.convert("RGB")))


def test_jpeg_keeps_its_orientation_and_nothing_else(tmp_path: Path) -> None:
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: 6, piexif.ImageIFD.Make: b"Canon"},
                        "GPS": GPS})
    source = _write(tmp_path / "turned.jpg", "JPEG", exif=exif)
    result = strip_metadata(source, tmp_path / "turned.clean.jpg")
    with Image.open(result.target) as after:
        assert dict(after.getexif()) == {0x0112: 6}


def test_a_picture_without_hidden_data_is_copied_unchanged(tmp_path: Path) -> None:
    source = _write(tmp_path / "plain.png", "PNG")
    result = strip_metadata(source, tmp_path / "plain.clean.png")
    assert result.removed == []
    assert result.target.read_bytes() == source.read_bytes()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("anim.gif", None, "strips JPEG, PNG and WebP"),
    ("broken.jpg", b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00", "could not be read"),
    ("words.jpg", b"not a picture at all", "not a picture or video"),
])
def test_files_that_cannot_be_stripped(tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    source = tmp_path / name
    if content is None:
        _picture().save(source, "GIF")
    else:
        source.write_bytes(content)
    with pytest.raises(MediaError, match=message):
        strip_metadata(source, tmp_path / f"clean_{name}")
    assert not (tmp_path / f"clean_{name}").exists()


def test_strip_refuses_to_overwrite_the_original(tmp_path: Path) -> None:
    source = _write(tmp_path / "photo.jpg", "JPEG", exif=EXIF)
    with pytest.raises(MediaError, match="new file"):
        strip_metadata(source, source)


def test_cli_strips_each_picture_and_reports_the_bad_one(tmp_path: Path) -> None:
    good = _write(tmp_path / "trip.jpg", "JPEG", exif=EXIF)
    bad = tmp_path / "notes.jpg"
    bad.write_bytes(b"Trip notes")
    out = tmp_path / "clean"
    completed = subprocess.run(
        [sys.executable, "-m", "safepost.cli", "strip", str(bad), str(good), "--into", str(out), "--json"],
        capture_output=True, text=True, check=False,
    )
    lines = [json.loads(line) for line in completed.stdout.splitlines()]
    assert completed.returncode == 2                      # one picture failed...
    assert "not a picture" in lines[0]["error"]
    assert lines[1]["target"] == str(out / "trip.clean.jpg")   # ...and the next was still done
    assert lines[1]["found"]["serials"] == {"camera serial number": "0412345678"}
    assert analyse(out / "trip.clean.jpg").hidden.empty


def test_jpeg_bytes_after_the_picture_are_dropped(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    _picture().save(buffer, "JPEG", exif=EXIF)
    source = tmp_path / "trailer.jpg"
    source.write_bytes(buffer.getvalue() + b"SAMSUNG-TRAILER serial 0412345678")
    result = strip_metadata(source, tmp_path / "trailer.clean.jpg")
    assert b"0412345678" not in result.target.read_bytes()

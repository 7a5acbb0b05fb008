"""What a file really is, and files that must give a plain note instead of a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepost.media import analyse
from safepost.media.files import MediaError, identify, sniff


@pytest.mark.parametrize(("head", "kind"), [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
    (b"GIF89a\x01\x00", "gif"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00", "heic"),
    (b"\x00\x00\x00\x18ftypisom\x00\x00", "mp4"),
    (b"\x00\x00\x00\x14ftypqt  \x00\x00", "mov"),
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", "webm"),
    (b"%PDF-1.7\n", None),
    (b"Trip notes", None),
])
def test_sniff(head: bytes, kind: str | None) -> None:
    assert sniff(head) == kind


def test_wrong_extension_is_read_as_what_it_is(picture_school_dir: Path) -> None:
    analysis = analyse(picture_school_dir / "images" / "renamed.png", "images/renamed.png")
    assert analysis.error is None
    assert analysis.media is not None and analysis.media.kind == "jpeg"
    assert any("really a JPEG" in note for note in analysis.notes)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"just some words, not a picture", "not a picture or video"),
    (b"\xff\xd8\xff\xe0 broken" + bytes(300), "could not be read as a picture"),
    (b"\x00\x00\x00\x18ftypisom" + bytes(64), "could not be read as a video"),
])
def test_bad_files_give_a_reason(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    analysis = analyse(path, "bad.jpg")
    assert analysis.error is not None and message in analysis.error


def test_identify_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="could not be opened"):
        identify(tmp_path / "nothing.jpg", "nothing.jpg")


def test_a_big_photo_is_reduced_not_refused(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "big.jpg"
    Image.new("RGB", (6000, 4000), (90, 140, 200)).save(path, quality=70)
    analysis = analyse(path)
    assert analysis.error is None
    assert max(analysis.frames[0].image.size) <= 1024


def test_heic_is_read(tmp_path: Path, picture_school_dir: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    path = tmp_path / "group.heic"
    with Image.open(picture_school_dir / "images" / "group.jpg") as image:
        image.save(path, format="HEIF", quality=90)
    analysis = analyse(path)
    assert analysis.error is None and analysis.media is not None and analysis.media.kind == "heic"
    assert len(analysis.most_faces().boxes) == 3

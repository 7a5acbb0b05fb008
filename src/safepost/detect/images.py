"""Images attached to a request: the pupils the author says are shown (against the consent
register) and hidden location data in the file. Faces are never identified.

A missing, corrupt or oversized file gives a note and no finding: the listed pupils are
still judged, and the rest of the batch goes on.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from safepost.detect.base import Evidence, Subject

MAX_PIXELS = 120_000_000  # a 100-megapixel photo is fine; a decompression bomb is not
MAX_FILE_BYTES = 60 * 1024 * 1024
_GPS_IFD = 0x8825


def _note(source: str, message: str) -> Evidence:
    return Evidence("images", "note", "", source=source, attrs={"message": message})


def _resolve(directory: Path, relative: str) -> Path | None:
    """The file inside the school directory, or None if the path escapes it."""
    root = directory.resolve()
    candidate = (root / relative).resolve()
    if candidate != root and root not in candidate.parents:
        return None
    return candidate


def read_gps(path: Path) -> dict[str, float] | None:
    """Latitude and longitude from EXIF, if the file carries them."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(path) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValueError(f"{image.width}x{image.height} pixels is more than we open")
            exif = image.getexif()
            gps = exif.get_ifd(_GPS_IFD) if exif else {}
    if not gps or 2 not in gps or 4 not in gps:
        return None

    def degrees(value: tuple[float, float, float], ref: str, negative: str) -> float:
        d, m, s = (float(part) for part in value)
        result = d + m / 60 + s / 3600
        return -result if ref.upper() == negative else result

    try:
        return {
            "latitude": round(degrees(gps[2], str(gps.get(1, "N")), "S"), 5),
            "longitude": round(degrees(gps[4], str(gps.get(3, "E")), "W"), 5),
        }
    except (TypeError, ValueError, ZeroDivisionError):
        return None


class ImageDetector:
    name = "images"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        for index, image in enumerate(subject.request.images):
            source = f"images[{index}]"
            yield from self._listed_pupils(subject, source, image.pupils)
            yield from self._file(subject, source, image.path)

    def _listed_pupils(
        self, subject: Subject, source: str, pupil_ids: tuple[str, ...]
    ) -> Iterator[Evidence]:
        for pupil_id in pupil_ids:
            pupil = subject.school.pupil(pupil_id)
            if pupil is None:
                yield Evidence(self.name, "image_unknown_pupil", pupil_id, source=source,
                               attrs={"pupil_id": pupil_id})
                yield _note(f"{source}.pupils", f"'{pupil_id}' is not on the roster")
                continue
            yield Evidence(self.name, "image_pupil", pupil.display_name, source=source,
                           attrs={"pupil_id": pupil_id, "photo_consent": pupil.photo_consent})

    def _file(self, subject: Subject, source: str, relative: str) -> Iterator[Evidence]:
        path = _resolve(subject.image_root or subject.school.directory, relative)
        where = f"{source}.path"
        if path is None:
            yield _note(where, f"'{relative}' points outside the school directory; not read")
            return
        if not path.is_file():
            yield _note(where, f"'{relative}' was not found; the picture itself was not checked")
            return
        if path.stat().st_size > MAX_FILE_BYTES:
            yield _note(where, f"'{relative}' is larger than {MAX_FILE_BYTES // 2**20} MB; not read")
            return
        try:
            gps = read_gps(path)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
                Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            yield _note(where, f"'{relative}' could not be read as a picture ({exc})")
            return
        if gps:
            yield Evidence(
                self.name, "image_gps",
                f"GPS {gps['latitude']:.5f}, {gps['longitude']:.5f}", source=source,
                attrs={**gps, "path": relative},
            )

"""Opening pictures and clips safely: what the bytes really are, and limits that keep a batch
going (a corrupt file, a decompression bomb or a wrong extension becomes a plain note).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from safepost.media.metadata import HiddenData, read_picture

MAX_FILE_BYTES = 200 * 1024 * 1024      # a 30-second phone clip fits; anything bigger is refused
MAX_IMAGE_FILE_BYTES = 60 * 1024 * 1024
MAX_PIXELS = 120_000_000                # a 100-megapixel photo is read; a decompression bomb is not
WORKING_SIDE = 1024                     # every picture is looked at no larger than this

IMAGE_KINDS = ("jpeg", "png", "webp", "gif", "heic")
VIDEO_KINDS = ("mp4", "mov", "webm")
EXTENSIONS = {
    ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp", ".gif": "gif",
    ".heic": "heic", ".heif": "heic", ".mp4": "mp4", ".m4v": "mp4", ".mov": "mov",
    ".webm": "webm",
}
_HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")
_MOV_BRANDS = (b"qt  ",)


class MediaError(ValueError):
    """The file cannot be looked at; the message says why in plain words."""


def sniff(head: bytes) -> str | None:
    """The file's real format from its first bytes, whatever its name says."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIC_BRANDS:
            return "heic"
        if brand in _MOV_BRANDS:
            return "mov"
        return "mp4"
    return None


@dataclass(frozen=True)
class MediaFile:
    path: Path
    kind: str            # the real format
    size: int
    notes: tuple[str, ...] = ()

    @property
    def is_video(self) -> bool:
        return self.kind in VIDEO_KINDS


def not_readable(shown_as: str) -> MediaError:
    """The one wording for bytes that are no format safepost reads."""
    return MediaError(f"'{shown_as}' is not a picture or video safepost can read "
                      "(JPEG, PNG, WebP, GIF, HEIC, MP4, MOV, WebM)")


def identify(path: Path, shown_as: str) -> MediaFile:
    """Read the first bytes and check size and format; raise MediaError with a plain reason."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(32)
    except OSError as exc:
        raise MediaError(f"'{shown_as}' could not be opened ({exc.strerror or exc})") from exc
    if size == 0:
        raise MediaError(f"'{shown_as}' is an empty file")
    if size > MAX_FILE_BYTES:
        raise MediaError(f"'{shown_as}' is larger than {MAX_FILE_BYTES // 2**20} MB; not read")
    kind = sniff(head)
    if kind is None:
        raise not_readable(shown_as)
    if kind in IMAGE_KINDS and size > MAX_IMAGE_FILE_BYTES:
        raise MediaError(f"'{shown_as}' is larger than {MAX_IMAGE_FILE_BYTES // 2**20} MB; not read")
    notes: list[str] = []
    named = EXTENSIONS.get(path.suffix.lower())
    if named is not None and named != kind and {named, kind} != {"mp4", "mov"}:
        notes.append(f"'{shown_as}' is named .{path.suffix.lower().lstrip('.')} but is really a "
                     f"{kind.upper()} file; it was checked as {kind.upper()}")
    return MediaFile(path=path, kind=kind, size=size, notes=tuple(notes))


_heif_ready = False


def _enable_heif() -> bool:
    global _heif_ready
    if not _heif_ready:
        try:
            from pillow_heif import register_heif_opener
        except ImportError:
            return False
        register_heif_opener()
        _heif_ready = True
    return True


def open_picture(media: MediaFile, shown_as: str) -> tuple[Image.Image, HiddenData]:
    """The picture, upright, in RGB, no larger than WORKING_SIDE, and its hidden data; or
    MediaError."""
    if media.kind == "heic" and not _enable_heif():
        raise MediaError(f"'{shown_as}' is a HEIC photo and HEIC support (pillow-heif) is not installed")
    try:
        with warnings.catch_warnings():
            # Our own limit below decides; Pillow's default would refuse a real 100 MP photo.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(media.path)
            if image.width * image.height > MAX_PIXELS:
                raise MediaError(f"'{shown_as}' is {image.width}x{image.height} pixels, more than "
                                 f"{MAX_PIXELS // 1_000_000} megapixels; not read")
            if media.kind == "jpeg":
                # JPEG can decode at 1/2, 1/4 or 1/8 size directly: a 12 MP photo costs little.
                # Asking for a little less than WORKING_SIDE lets a 4000-pixel photo take 1/4.
                shrink = WORKING_SIDE * 15 / 16 / max(image.size)
                if shrink < 1:
                    image.draft("RGB", (int(image.width * shrink), int(image.height * shrink)))
            image.load()
            hidden = read_picture(image)
            image = ImageOps.exif_transpose(image) or image
            if image.mode != "RGB":
                image = image.convert("RGBA").convert("RGB") if "A" in image.mode or image.mode == "P" \
                    else image.convert("RGB")
            image.thumbnail((WORKING_SIDE, WORKING_SIDE), Image.Resampling.BILINEAR)
            return image, hidden
    except MediaError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise MediaError(f"'{shown_as}' claims a size far beyond a real photo; not read") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise MediaError(f"'{shown_as}' could not be read as a picture ({exc})") from exc

"""`safepost strip`: a clean copy of a picture with its hidden data removed and its pixels
untouched.

The file is rewritten at the byte level, never re-encoded: JPEG segments, PNG chunks and WebP
chunks that carry EXIF, XMP, IPTC, comments or text are left out; what draws the picture
(image data, colour profile, transparency) is copied as it is. A JPEG's orientation is kept
in a minimal EXIF block holding nothing else, so the picture still shows the right way up.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from safepost.media.files import MediaError, identify, not_readable, sniff
from safepost.media.metadata import HiddenData, read_picture


@dataclass
class StripResult:
    source: Path
    target: Path
    kind: str
    removed: list[str] = field(default_factory=list)
    had: HiddenData = field(default_factory=HiddenData)

    def to_json(self) -> dict[str, object]:
        return {"source": str(self.source), "target": str(self.target), "format": self.kind,
                "removed": self.removed, "found": self.had.to_json()}


_JPEG_KEEP_APP = {0xE0, 0xEE}       # JFIF and Adobe (colour transform): needed to draw the picture
_JPEG_NAMES = {0xED: "IPTC/Photoshop", 0xFE: "comment", 0xE2: "extra APP2 data"}


def _orientation_block(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    payload = exif.tobytes()
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _strip_jpeg(data: bytes, orientation: int) -> tuple[bytes, list[str]]:
    if not data.startswith(b"\xff\xd8"):
        raise MediaError("not a JPEG file")
    out = bytearray(b"\xff\xd8")
    removed: list[str] = []
    position = 2
    inserted_orientation = False
    while position < len(data):
        if data[position] != 0xFF:
            raise MediaError("the JPEG's structure is damaged; nothing was written")
        marker = data[position + 1]
        if marker == 0xFF:          # padding
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            out += data[position:position + 2]
            position += 2
            continue
        if position + 4 > len(data):
            raise MediaError("the JPEG ends in the middle of a segment; nothing was written")
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        segment = data[position:position + 2 + length]
        if marker == 0xDA:      # start of scan: the picture itself follows, to the end marker
            if orientation not in (0, 1) and not inserted_orientation:
                out += _orientation_block(orientation)
            end = data.find(b"\xff\xd9", position)
            out += data[position:(end + 2) if end != -1 else len(data)]
            if end != -1 and end + 2 < len(data):
                removed.append("data appended after the picture (previews, maker notes)")
            break
        is_icc = marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00"
        if (0xE0 <= marker <= 0xEF and marker not in _JPEG_KEEP_APP and not is_icc) or marker == 0xFE:
            label = _JPEG_NAMES.get(marker, f"APP{marker - 0xE0} data")
            if marker == 0xE1 and segment[4:10] == b"Exif\x00\x00":
                label = "EXIF"
            elif marker == 0xE1:
                label = "XMP"
            if label not in removed:
                removed.append(label)
        else:
            out += segment
        position += 2 + length
    return bytes(out), removed


_PNG_DROP = {b"eXIf": "EXIF", b"tEXt": "text", b"zTXt": "text", b"iTXt": "text/XMP", b"tIME": "time stamp"}


def _strip_png(data: bytes) -> tuple[bytes, list[str]]:
    signature = b"\x89PNG\r\n\x1a\n"
    out = bytearray(signature)
    removed: list[str] = []
    position = len(signature)
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        end = position + 12 + length
        if end > len(data):
            raise MediaError("the PNG ends in the middle of a chunk; nothing was written")
        if kind in _PNG_DROP:
            if _PNG_DROP[kind] not in removed:
                removed.append(_PNG_DROP[kind])
        else:
            out += data[position:end]
        position = end
        if kind == b"IEND":
            break
    return bytes(out), removed


def _strip_webp(data: bytes) -> tuple[bytes, list[str]]:
    chunks: list[tuple[bytes, bytes]] = []
    removed: list[str] = []
    position = 12
    while position + 8 <= len(data):
        kind = data[position:position + 4]
        (length,) = struct.unpack("<I", data[position + 4:position + 8])
        body = data[position + 8:position + 8 + length]
        if len(body) < length:
            raise MediaError("the WebP ends in the middle of a chunk; nothing was written")
        if kind in (b"EXIF", b"XMP "):
            removed.append("EXIF" if kind == b"EXIF" else "XMP")
        else:
            chunks.append((kind, body))
        position += 8 + length + (length & 1)
    rebuilt = bytearray()
    for kind, body in chunks:
        if kind == b"VP8X":     # clear the 'has EXIF' and 'has XMP' flags
            body = bytes([body[0] & ~0x0C]) + body[1:]
        rebuilt += kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) & 1 else b"")
    return b"RIFF" + struct.pack("<I", len(rebuilt) + 4) + b"WEBP" + bytes(rebuilt), removed


STRIPPABLE = ("jpeg", "png", "webp")


def strip_bytes(data: bytes, shown_as: str) -> tuple[bytes, str, list[str], HiddenData]:
    """The picture's bytes without its hidden data: (clean bytes, format, what was removed,
    what it carried). Raises MediaError in plain words."""
    kind = sniff(data[:32])
    if kind is None:
        raise not_readable(shown_as)
    if kind not in STRIPPABLE:
        raise MediaError(f"'{shown_as}' is a {kind.upper()} file: safepost strips JPEG, PNG and "
                         "WebP without re-encoding them; export it as one of those first")
    try:
        with Image.open(io.BytesIO(data)) as image:
            had = read_picture(image)
            orientation = int(image.getexif().get(0x0112, 1) or 1)
    except (OSError, ValueError, SyntaxError) as exc:
        raise MediaError(f"'{shown_as}' could not be read as a picture ({exc})") from exc
    if kind == "jpeg":
        cleaned, removed = _strip_jpeg(data, orientation)
    elif kind == "png":
        cleaned, removed = _strip_png(data)
    else:
        cleaned, removed = _strip_webp(data)
    return cleaned, kind, removed, had


def strip_metadata(source: Path, target: Path) -> StripResult:
    """Write `target`: `source` without its hidden data. Raises MediaError in plain words."""
    identify(source, str(source))          # size limits and a plain reason for a missing file
    if source.resolve() == target.resolve():
        raise MediaError("the clean copy must be a new file: give a different output path")
    cleaned, kind, removed, had = strip_bytes(source.read_bytes(), str(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".partial")
    temporary.write_bytes(cleaned)
    temporary.replace(target)
    return StripResult(source=source, target=target, kind=kind, removed=removed, had=had)

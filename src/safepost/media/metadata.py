"""Hidden data in a picture or clip: where it was taken, which device took it, and when.

Read from EXIF (JPEG, WebP, PNG eXIf, HEIC), XMP packets and the MP4/MOV location atom.
Nothing is guessed: a tag is reported only if the file carries it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
_SERIAL_TAGS = {0xA431: "camera serial number", 0xA435: "lens serial number",
                0xC62F: "camera serial number"}
_OWNER_TAGS = {0xA430: "camera owner's name", 0x013B: "artist"}
_TIME_TAGS = {0x9003: "date taken", 0x9004: "date digitised", 0x0132: "date modified"}
_XMP_GPS = re.compile(rb'exif:GPS(Latitude|Longitude)(?:="|>)([0-9]+),([0-9.]+)([NSEW])')
_XMP_SERIAL = re.compile(rb'(?:aux|exifEX):(?:SerialNumber|BodySerialNumber)(?:="|>)([^"<]{1,64})')
_XMP_DATE = re.compile(
    rb'(?:xmp:CreateDate|photoshop:DateCreated|exif:DateTimeOriginal)(?:="|>)([^"<]{4,40})')
_MP4_LOCATION = re.compile(rb"\xa9xyz..\x15\xc7([+-][0-9]{1,2}\.[0-9]+)([+-][0-9]{1,3}\.[0-9]+)", re.DOTALL)
_MP4_LOCATION_ISO = re.compile(rb"([+-][0-9]{2}\.[0-9]{3,})([+-][0-9]{3}\.[0-9]{3,})(?:[+-][0-9.]+)?/")


@dataclass
class HiddenData:
    gps: dict[str, float] | None = None
    gps_source: str = ""
    serials: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    times: dict[str, str] = field(default_factory=dict)
    device: str = ""

    @property
    def empty(self) -> bool:
        return not (self.gps or self.serials or self.owners or self.times)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.gps:
            data["gps"] = self.gps
        if self.serials:
            data["serials"] = self.serials
        if self.owners:
            data["owners"] = self.owners
        if self.times:
            data["times"] = self.times
        if self.device:
            data["device"] = self.device
        return data


def _degrees(value: Any, ref: str, negative: str) -> float:
    d, m, s = (float(part) for part in value)
    result = d + m / 60 + s / 3600
    return -result if ref.strip().upper() == negative else result


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip("\x00 ").strip()


def _from_exif(image: Image.Image, found: HiddenData) -> None:
    exif = image.getexif()
    if not exif:
        return
    gps = exif.get_ifd(_GPS_IFD)
    if gps and 2 in gps and 4 in gps:
        try:
            found.gps = {
                "latitude": round(_degrees(gps[2], str(gps.get(1, "N")), "S"), 5),
                "longitude": round(_degrees(gps[4], str(gps.get(3, "E")), "W"), 5),
            }
            found.gps_source = "EXIF"
        except (TypeError, ValueError, ZeroDivisionError):
            pass
    merged: dict[int, Any] = dict(exif)
    merged.update(exif.get_ifd(_EXIF_IFD))
    for tag, label in _SERIAL_TAGS.items():
        if merged.get(tag) and _text(merged[tag]):
            found.serials[label] = _text(merged[tag])
    for tag, label in _OWNER_TAGS.items():
        if merged.get(tag) and _text(merged[tag]):
            found.owners[label] = _text(merged[tag])
    for tag, label in _TIME_TAGS.items():
        if merged.get(tag) and _text(merged[tag]):
            found.times.setdefault(label, _text(merged[tag]))
    make, model = _text(merged.get(0x010F, "")), _text(merged.get(0x0110, ""))
    found.device = " ".join(part for part in (make, model) if part)


def _from_xmp(packet: bytes, found: HiddenData) -> None:
    if found.gps is None:
        parts = {name.decode(): (float(d) + float(m) / 60) * (-1 if ref in (b"S", b"W") else 1)
                 for name, d, m, ref in _XMP_GPS.findall(packet)}
        if "Latitude" in parts and "Longitude" in parts:
            found.gps = {"latitude": round(parts["Latitude"], 5),
                         "longitude": round(parts["Longitude"], 5)}
            found.gps_source = "XMP"
    for serial in _XMP_SERIAL.findall(packet):
        found.serials.setdefault("camera serial number", _text(serial))
    for date in _XMP_DATE.findall(packet):
        found.times.setdefault("date taken", _text(date))


def _xmp_packet(image: Image.Image) -> bytes:
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if isinstance(xmp, str):
        return xmp.encode("utf-8", "replace")
    if isinstance(xmp, bytes):
        return xmp
    return b""


def read_picture(image: Image.Image) -> HiddenData:
    """What an opened (not yet converted) picture carries."""
    found = HiddenData()
    _from_exif(image, found)
    packet = _xmp_packet(image)
    if packet:
        _from_xmp(packet, found)
    return found


def read_video(path: Path, limit: int = 4 * 1024 * 1024) -> HiddenData:
    """The location atom phones write into MP4/MOV clips (at the start or the end of the file)."""
    found = HiddenData()
    size = path.stat().st_size
    with path.open("rb") as handle:
        chunks = [handle.read(limit)]
        if size > limit:
            handle.seek(max(size - limit, limit))
            chunks.append(handle.read(limit))
    for chunk in chunks:
        match = _MP4_LOCATION.search(chunk) or _MP4_LOCATION_ISO.search(chunk)
        if match:
            found.gps = {"latitude": round(float(match.group(1)), 5),
                         "longitude": round(float(match.group(2)), 5)}
            found.gps_source = "video location tag"
            break
    return found

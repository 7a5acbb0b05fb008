"""Make the tiny test images for the St Mary's development-set school.

Run with the project's Python (needs Pillow and piexif):
    .venv/bin/python tests/data/devset/tools/make_images.py
The images are plain colour blocks; which pupils "can be seen" is said by each request.
"""

import os
import random
from fractions import Fraction
from pathlib import Path

import piexif
from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "schools" / "stmarys" / "images"


def block(colour, label):
    img = Image.new("RGB", (64, 64), colour)
    d = ImageDraw.Draw(img)
    d.rectangle([8, 8, 55, 55], outline=(255, 255, 255))
    d.text((12, 26), label[:6], fill=(255, 255, 255))
    return img


def dms(value):
    value = abs(value)
    deg = int(value)
    minutes_f = (value - deg) * 60
    minutes = int(minutes_f)
    seconds = Fraction((minutes_f - minutes) * 60).limit_denominator(100)
    return ((deg, 1), (minutes, 1), (seconds.numerator, seconds.denominator))


def gps_exif(lat, lon, make="Apple", model="iPhone 13", when="2026:05:13 10:12:00"):
    exif = {
        "0th": {piexif.ImageIFD.Make: make.encode(), piexif.ImageIFD.Model: model.encode()},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: when.encode()},
        "GPS": {
            piexif.GPSIFD.GPSVersionID: (2, 2, 0, 0),
            piexif.GPSIFD.GPSLatitudeRef: b"N" if lat >= 0 else b"S",
            piexif.GPSIFD.GPSLatitude: dms(lat),
            piexif.GPSIFD.GPSLongitudeRef: b"E" if lon >= 0 else b"W",
            piexif.GPSIFD.GPSLongitude: dms(lon),
        },
    }
    return piexif.dump(exif)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    plain_jpg = {
        "y7_science.jpg": ((40, 90, 160), "Y7sci"),
        "sports_day.jpg": ((30, 140, 60), "sport"),
        "concert.jpg": ((120, 40, 120), "music"),
        "my_dog.jpg": ((150, 110, 60), "dog"),
        "form_group.jpg": ((90, 90, 90), "form"),
    }
    for name, (colour, label) in plain_jpg.items():
        block(colour, label).save(OUT / name, "JPEG", quality=70)
    for name, (colour, label) in {
        "art_display.png": ((200, 80, 40), "art"),
        "beach.png": ((60, 170, 200), "beach"),
        "logo.png": ((20, 40, 110), "SMCA"),
    }.items():
        block(colour, label).save(OUT / name, "PNG")
    # EXIF with camera make/model but no GPS block.
    exif = piexif.dump(
        {
            "0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Model: b"Canon EOS 250D"},
            "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:03:11 13:40:00"},
        }
    )
    block((70, 70, 140), "exif").save(OUT / "camera_exif.jpg", "JPEG", quality=70, exif=exif)
    # EXIF with GPS (invented places in England; the coordinates are just numbers).
    gps = {
        "trip_gps.jpg": (54.1203, -0.0851, (200, 160, 40), "trip"),
        "choir_gps.jpg": (53.4011, -2.9712, (160, 40, 60), "choir"),
        "walk_gps.jpg": (51.8849, -3.4366, (40, 120, 80), "walk"),
        "garden_gps.jpg": (52.6350, -1.1398, (100, 160, 100), "garden"),
    }
    for name, (lat, lon, colour, label) in gps.items():
        block(colour, label).save(OUT / name, "JPEG", quality=70, exif=gps_exif(lat, lon))
    # A corrupt file: random bytes with a .jpg name.
    rnd = random.Random(20260513)
    (OUT / "corrupt.jpg").write_bytes(bytes(rnd.randrange(256) for _ in range(700)))
    # images/missing_photo.jpg is deliberately NOT created.
    for p in sorted(OUT.iterdir()):
        print(p.name, os.path.getsize(p))


if __name__ == "__main__":
    main()

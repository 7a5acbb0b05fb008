"""Make the test images for the Carrow Vean Academy development-set school (twentieth look).

Run with the project's Python (needs Pillow and piexif):
    .venv/bin/python tests/data/devset/schools/carrowvean/make_images.py
The photos are simple drawn scenes; which pupils "can be seen" is said by each request.
The certificates and posters carry large, clear words in DejaVuSans-Bold (40 px and more)
on a plain background, for the cases tagged `picture_text`. Every name is invented.
Deliberately NOT created: images/missing_y7_trip.jpg, images/missing_coast.jpg.
"""

import importlib.util
import os
import random
from pathlib import Path

import piexif
from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent / "images"
# GPS written into EXIF as St Mary's pictures have it (tools/make_images.py).
_SHARED = importlib.util.spec_from_file_location(
    "devset_make_images", Path(__file__).resolve().parents[2] / "tools" / "make_images.py")
assert _SHARED is not None and _SHARED.loader is not None
_shared = importlib.util.module_from_spec(_SHARED)
_SHARED.loader.exec_module(_shared)
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def font(size):
    return ImageFont.truetype(BOLD, size)


def centre(d, y, text, size, fill=(20, 20, 20), width=1000):
    f = font(size)
    w = d.textlength(text, font=f)
    d.text(((width - w) / 2, y), text, font=f, fill=fill)


def scene(sky, ground, figures=0, seed=0, label=""):
    """A plain 'photo': sky, ground and a few stick figures (people the request may list)."""
    img = Image.new("RGB", (480, 320), sky)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 200, 480, 320], fill=ground)
    rnd = random.Random(seed)
    for i in range(figures):
        x = 50 + i * (380 // max(figures, 1)) + rnd.randrange(20)
        d.ellipse([x - 10, 140, x + 10, 160], fill=(240, 200, 170))
        d.line([x, 160, x, 205], fill=(30, 30, 80), width=5)
        d.line([x, 175, x - 15, 190], fill=(30, 30, 80), width=4)
        d.line([x, 175, x + 15, 190], fill=(30, 30, 80), width=4)
        d.line([x, 205, x - 10, 235], fill=(30, 30, 80), width=4)
        d.line([x, 205, x + 10, 235], fill=(30, 30, 80), width=4)
    if label:
        d.text((8, 300), label, fill=(255, 255, 255))
    return img


def logo():
    """The school's crest: a navy shield, a gold wave and CVA."""
    img = Image.new("RGB", (240, 240), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.polygon([(20, 15), (220, 15), (220, 130), (120, 228), (20, 130)], fill=(18, 38, 96))
    for k in range(3):
        y = 140 + k * 18
        d.arc([40, y - 20, 120, y + 20], 200, 340, fill=(232, 180, 40), width=6)
        d.arc([120, y - 20, 200, y + 20], 200, 340, fill=(232, 180, 40), width=6)
    f = font(60)
    w = d.textlength("CVA", font=f)
    d.text(((240 - w) / 2, 40), "CVA", font=f, fill=(255, 255, 255))
    return img


def certificate(lines, border=(18, 38, 96)):
    """lines: [(text, size)], drawn centred on white."""
    img = Image.new("RGB", (1000, 620), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([12, 12, 987, 607], outline=border, width=10)
    y = 60
    for text, size in lines:
        centre(d, y, text, size)
        y += size + 38
    return img


def gps_exif(lat, lon, when, make="Apple", model="iPhone 14"):
    return _shared.gps_exif(lat, lon, make=make, model=model, when=when)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    logo().save(OUT / "logo.png", "PNG")

    # Plain photos, no EXIF.
    plain = {
        "sports_day.jpg": scene((150, 200, 240), (60, 150, 60), 5, 1, "sports day"),
        "science_lab.jpg": scene((220, 220, 230), (150, 150, 160), 3, 2, "lab"),
        "choir.jpg": scene((90, 40, 90), (120, 80, 50), 6, 3, "choir"),
        "netball.jpg": scene((170, 210, 240), (200, 120, 60), 4, 4, "netball"),
        "minibus.jpg": scene((170, 200, 230), (90, 90, 90), 0, 5, "minibus"),
        "dog_beach.jpg": scene((160, 210, 250), (230, 210, 150), 0, 6, "dog"),
        "alumni_talk.jpg": scene((200, 190, 170), (110, 80, 60), 2, 7, "talk"),
        "surf_club.jpg": scene((140, 200, 240), (40, 110, 170), 4, 8, "surf"),
    }
    for name, img in plain.items():
        img.save(OUT / name, "JPEG", quality=80)
    scene((240, 240, 240), (210, 190, 170), 0, 9, "clay tiles").save(OUT / "art_tiles.png", "PNG")

    # EXIF with GPS (the coordinates are invented points in Cornwall and on Dartmoor).
    gps = {
        "beach_clean_gps.jpg": (50.2312, -5.3921, "2026:10:10 10:05:00", scene((150, 200, 240), (230, 210, 150), 5, 10, "beach")),
        "residential_gps.jpg": (50.5719, -3.9201, "2026:11:18 15:30:00", scene((150, 170, 190), (90, 110, 70), 4, 11, "moor")),
        "field_gps.jpg": (50.1903, -5.4188, "2026:09:09 08:15:00", scene((160, 200, 240), (40, 160, 60), 0, 12, "pitch")),
        "garden_gps.jpg": (50.2061, -5.4472, "2026:10:11 16:40:00", scene((180, 210, 240), (70, 140, 50), 0, 13, "garden")),
        "IMG_4471.JPG": (50.2188, -5.4801, "2026:10:17 18:22:00", scene((250, 160, 90), (40, 80, 140), 0, 14, "sunset")),
    }
    for name, (lat, lon, when, img) in gps.items():
        img.save(OUT / name, "JPEG", quality=80, exif=gps_exif(lat, lon, when))

    # EXIF with camera make, model, body serial number and owner name, but no GPS block.
    serial = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Model: b"Canon EOS R50",
                piexif.ImageIFD.Artist: b"Chris Dunstan Photography",
                piexif.ImageIFD.Copyright: b"(c) Chris Dunstan 2026"},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:10:08 13:02:00",
                 piexif.ExifIFD.BodySerialNumber: b"083021004517",
                 piexif.ExifIFD.CameraOwnerName: b"Chris Dunstan"},
    })
    scene((120, 60, 60), (90, 60, 40), 5, 15, "camera").save(OUT / "camera_serial.jpg", "JPEG", quality=80, exif=serial)
    # A phone photo: make and model only.
    phone = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"samsung", piexif.ImageIFD.Model: b"SM-S911B"},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:10:11 11:40:00"},
    })
    scene((250, 240, 220), (200, 160, 120), 0, 16, "cake").save(OUT / "phone_no_gps.jpg", "JPEG", quality=80, exif=phone)
    # A GPS block with a date and time but no position (location services off).
    nopos = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Apple", piexif.ImageIFD.Model: b"iPad (10th generation)"},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2026:11:05 14:10:00"},
        "GPS": {piexif.GPSIFD.GPSVersionID: (2, 2, 0, 0), piexif.GPSIFD.GPSDateStamp: b"2026:11:05"},
    })
    scene((200, 220, 240), (140, 140, 150), 3, 17, "ipad").save(OUT / "gps_no_position.jpg", "JPEG", quality=80, exif=nopos)

    # Unreadable files: random bytes named .jpg, and an empty .png.
    rnd = random.Random(20261013)
    (OUT / "corrupt.jpg").write_bytes(bytes(rnd.randrange(256) for _ in range(900)))
    (OUT / "empty.png").write_bytes(b"")

    # Pictures with written words.
    certificate([("Certificate of Achievement", 52), ("awarded to", 40), ("Kerensa Bolitho", 76),
                 ("Star of the Week - Year 9", 44)]).save(OUT / "cert_fullname.png", "PNG")
    cert = certificate([("Certificate of Achievement", 52), ("awarded to", 40), ("Amara Okafor", 76),
                        ("Year 10 Science Award", 44)])
    cert.save(OUT / "cert_photo_gps.jpg", "JPEG", quality=85,
              exif=gps_exif(50.1903, -5.4188, "2026:11:12 15:40:00"))
    certificate([("WELL DONE", 60), ("TEGEN!", 80), ("Year 8 Reading Challenge", 44),
                 ("20 books read", 44)]).save(OUT / "cert_firstname.png", "PNG")
    certificate([("Well done Nasra!", 72), ("100% attendance", 52), ("Autumn term", 44)]).save(
        OUT / "cert_firstname_noconsent.png", "PNG")
    certificate([("THANK YOU", 64), ("MRS HOSKIN", 76), ("from all of 9R", 48)]).save(OUT / "cert_staff.png", "PNG")
    certificate([("YEAR 10 SCIENCE FAIR", 60), ("Thursday 15 October", 48), ("5pm - 7pm", 48),
                 ("Everyone welcome!", 48)]).save(OUT / "poster_event.png", "PNG")
    # A PTA flyer with the school's crest in its corner (the crest at the same size as logo.png).
    flyer = certificate([("PTA QUIZ NIGHT", 64), ("Friday 6 November, 7pm", 48),
                         ("Teams of six - bring snacks!", 44)])
    flyer.paste(logo(), (380, 345))
    flyer.save(OUT / "flyer_logo.png", "PNG")

    for p in sorted(OUT.iterdir()):
        print(p.name, os.path.getsize(p))


if __name__ == "__main__":
    main()

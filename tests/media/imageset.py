"""The labelled picture set: built, not downloaded, from public-domain sample photographs
shipped with scikit-image and Matplotlib (tests/data/images/sources, see its README), text
drawn with the fonts Pillow ships, crests drawn here, EXIF written with piexif and clips
written with OpenCV. A fixed seed makes the same set every time.

Each case records what is really in the picture (face boxes, lines of text, hidden tags, the
crest), so the media checks can be scored against it: `bench/eval_images.py` prints precision
and recall; the tests use it too.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import piexif
from PIL import Image, ImageDraw, ImageFont, ImageOps

from safepost.metrics import Score

SOURCES = Path(__file__).resolve().parents[1] / "data" / "images" / "sources"
# Where the face is in each portrait (left, top, width, height), measured once by eye and by
# OpenCV on the source files.
PORTRAITS = {"astronaut.jpg": (178, 69, 92, 92), "grace_hopper.jpg": (149, 102, 229, 229)}
BACKGROUNDS = ("coffee.jpg", "chelsea.jpg", "rocket.jpg", "brick.jpg", "grass.jpg")

FIRST = ["Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Freya", "Arthur", "Maya", "Zain",
         "Priya", "Kacper", "Grace", "Ibrahim", "Sienna", "Tomasz", "Chloe", "Reuben"]
LAST = ["Hartley", "Okafor", "Nowak", "Patel", "Fletcher", "Brennan", "Achterberg", "Khan",
        "Whitlock", "Osei", "Lindqvist", "Marsh", "Doyle", "Ferreira"]
TEMPLATES = [
    ["Star of the Week", "{name}"],
    ["Certificate of Achievement", "awarded to {name}", "for fantastic reading"],
    ["Headteacher's Award", "{name}", "Year {year}"],
    ["Year {year} spellings", "because  thought  through"],
    ["Welcome back Year {year}!", "Class {klass}"],
    ["Dear Parents and Carers", "Sports day is on Friday", "Please bring a water bottle"],
    ["{name}", "Year {year}"],
    ["Reading Champion", "{name}"],
    ["Maths Challenge Winner", "{name}", "Year {year}"],
    ["Lost property", "Collect from the office"],
]
CLASSES = ["Maple", "Oak", "Rowan", "Willow", "Hazel", "Birch"]


@dataclass
class Case:
    path: str
    kind: str                                     # faces, text, metadata, logo, clean, video
    faces: list[list[float]] = field(default_factory=list)   # boxes as fractions
    lines: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    tags: dict[str, Any] = field(default_factory=dict)        # gps, serial, time
    logo: str | None = None                        # "school", "other" or None
    seconds: float | None = None


def _font(rng: random.Random, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    system = [path for pattern in ("DejaVuSans.ttf", "DejaVuSerif.ttf", "LiberationSans-Regular.ttf",
                                   "LiberationSerif-Bold.ttf")
              for path in Path("/usr/share/fonts").rglob(pattern)]
    choice = rng.randrange(len(system) + 1)
    if choice == len(system):
        return ImageFont.load_default(size)     # Pillow's own font: always there
    return ImageFont.truetype(str(system[choice]), size)


def _background(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    if rng.random() < 0.25:
        top = tuple(rng.randrange(120, 240) for _ in range(3))
        bottom = tuple(rng.randrange(40, 200) for _ in range(3))
        gradient = np.linspace(0, 1, size[1])[:, None, None]
        array = (np.array(top) * (1 - gradient) + np.array(bottom) * gradient)
        return Image.fromarray(np.repeat(array, size[0], axis=1).astype(np.uint8))
    with Image.open(SOURCES / rng.choice(BACKGROUNDS)) as source:
        return source.convert("RGB").resize(size, Image.Resampling.BICUBIC)


def crest(letters: str, colour: tuple[int, int, int], seed: int, side: int = 360,
          shape: str = "shield") -> Image.Image:
    """A school crest: a shield (or a round badge) with initials, stars and leaves."""
    rng = random.Random(seed)
    image = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    if shape == "round":
        draw.ellipse([side * 0.05, side * 0.05, side * 0.95, side * 0.95], fill=colour,
                     outline=(240, 240, 240), width=max(4, side // 30))
        draw.ellipse([side * 0.2, side * 0.2, side * 0.8, side * 0.8], outline=(250, 215, 60),
                     width=max(3, side // 40))
        draw.text((side * 0.5, side * 0.5), letters, font=ImageFont.load_default(side // 6),
                  fill=(250, 215, 60), anchor="mm")
        for index in range(8):
            angle = index * np.pi / 4 + rng.uniform(-0.05, 0.05)
            cx, cy = side * (0.5 + 0.36 * np.cos(angle)), side * (0.5 + 0.36 * np.sin(angle))
            draw.rectangle([cx - side * 0.025, cy - side * 0.025, cx + side * 0.025, cy + side * 0.025],
                           fill=(255, 255, 255))
        return image
    shield = [(side * 0.1, side * 0.08), (side * 0.9, side * 0.08), (side * 0.9, side * 0.55),
              (side * 0.5, side * 0.95), (side * 0.1, side * 0.55)]
    draw.polygon(shield, fill=colour, outline=(20, 20, 20), width=max(3, side // 60))
    draw.line([(side * 0.1, side * 0.33), (side * 0.9, side * 0.33)], fill=(250, 215, 60), width=side // 25)
    for index in range(5):
        cx = side * (0.2 + 0.15 * index) + rng.uniform(-4, 4)
        cy = side * 0.2
        r = side * 0.045
        points = [(cx + r * np.cos(a) * (1 if k % 2 == 0 else 0.45), cy + r * np.sin(a) * (1 if k % 2 == 0 else 0.45))
                  for k, a in enumerate(np.linspace(-np.pi / 2, 1.5 * np.pi, 11)[:-1])]
        draw.polygon(points, fill=(255, 255, 255))
    draw.text((side * 0.5, side * 0.55), letters, font=ImageFont.load_default(side // 5),
              fill=(255, 255, 255), anchor="mm")
    for index in range(3):
        y = side * (0.72 + 0.06 * index)
        draw.ellipse([side * 0.42 + index * 6, y, side * 0.5 + index * 6, y + side * 0.05],
                     fill=(30, 120, 40), outline=(10, 60, 20))
    return image


SCHOOL_CREST = ("OPS", (20, 60, 140), 7)
OTHER_CREST = ("HMA", (130, 20, 40), 11)


def school_crest() -> Image.Image:
    letters, colour, seed = SCHOOL_CREST
    return crest(letters, colour, seed)


def _paste_people(rng: random.Random, canvas: Image.Image, count: int,
                  sizes: tuple[float, float] = (0.07, 0.2)) -> list[list[float]]:
    boxes: list[list[float]] = []
    width, height = canvas.size
    placed: list[tuple[int, int, int, int]] = []
    attempts = 0
    while len(boxes) < count and attempts < 60:
        attempts += 1
        name = rng.choice(sorted(PORTRAITS))
        fx, fy, fw, fh = PORTRAITS[name]
        with Image.open(SOURCES / name) as source:
            portrait = source.convert("RGB")
        # Head and shoulders around the face.
        crop = (max(0, fx - fw), max(0, fy - fh // 2), min(portrait.width, fx + 2 * fw),
                min(portrait.height, fy + 2 * fh))
        person = portrait.crop(crop)
        face_width = rng.uniform(*sizes) * width
        scale = face_width / fw
        person = person.resize((max(1, round(person.width * scale)), max(1, round(person.height * scale))),
                               Image.Resampling.BICUBIC)
        flip = rng.random() < 0.5
        if flip:
            person = ImageOps.mirror(person)
        brightness = rng.uniform(0.8, 1.15)
        person = Image.eval(person, lambda value: min(255, int(value * brightness)))  # noqa: B023
        if person.width >= width or person.height >= height:
            continue
        x = rng.randrange(0, width - person.width)
        y = rng.randrange(0, height - person.height)
        box = (x, y, x + person.width, y + person.height)
        if any(not (box[2] < other[0] or box[0] > other[2] or box[3] < other[1] or box[1] > other[3])
               for other in placed):
            continue
        placed.append(box)
        canvas.paste(person, (x, y))
        face_left = (fx - crop[0]) * scale
        if flip:
            face_left = person.width - face_left - fw * scale
        boxes.append([(x + face_left) / width, (y + (fy - crop[1]) * scale) / height,
                      fw * scale / width, fh * scale / height])
    return boxes


def _draw_lines(rng: random.Random, canvas: Image.Image, lines: list[str]) -> None:
    width, height = canvas.size
    draw = ImageDraw.Draw(canvas)
    card = rng.random() < 0.7
    size = int(height * rng.uniform(0.045, 0.08))
    font = _font(rng, size)
    left = int(width * rng.uniform(0.08, 0.2))
    top = int(height * rng.uniform(0.1, 0.3))
    if card:
        draw.rectangle([left - size, top - size, width - left + size // 2, top + len(lines) * size * 1.6 + size],
                       fill=(252, 250, 240), outline=(150, 120, 40), width=max(2, size // 8))
    ink = rng.choice([(0, 0, 0), (20, 30, 110), (110, 20, 20), (30, 30, 30)])
    for index, line in enumerate(lines):
        draw.text((left, top + index * size * 1.6), line, font=font, fill=ink)


def _exif(rng: random.Random, with_gps: bool, with_serial: bool, with_time: bool) -> tuple[bytes, dict[str, Any]]:
    zeroth: dict[int, Any] = {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Model: b"EOS 250D"}
    exif: dict[int, Any] = {}
    gps: dict[int, Any] = {}
    tags: dict[str, Any] = {}
    if with_gps:
        lat, lon = rng.uniform(50.2, 55.5), rng.uniform(-4.5, 1.5)
        def dms(value: float) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
            value = abs(value)
            d = int(value)
            m = int((value - d) * 60)
            s = round(((value - d) * 60 - m) * 60 * 100)
            return ((d, 1), (m, 1), (s, 100))
        gps = {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: dms(lat),
               piexif.GPSIFD.GPSLongitudeRef: b"W" if lon < 0 else b"E", piexif.GPSIFD.GPSLongitude: dms(lon)}
        tags["gps"] = [round(lat, 3), round(lon, 3)]
    if with_serial:
        serial = f"{rng.randrange(10**9, 10**10)}"
        exif[piexif.ExifIFD.BodySerialNumber] = serial.encode()
        tags["serial"] = serial
    if with_time:
        stamp = f"2026:{rng.randrange(1, 12):02d}:{rng.randrange(1, 28):02d} 10:{rng.randrange(0, 59):02d}:00"
        exif[piexif.ExifIFD.DateTimeOriginal] = stamp.encode()
        tags["time"] = stamp
    return piexif.dump({"0th": zeroth, "Exif": exif, "GPS": gps}), tags


def build(out: Path, *, seed: int = 20261122, per_kind: int = 40, size: tuple[int, int] = (1600, 1200)) -> list[Case]:
    """Write the set into `out` and return its cases (also written as labels.jsonl)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    # Another school's crest: a different design, and one made on the same shield template.
    school, others = school_crest(), (crest(*OTHER_CREST, shape="round"), crest(*OTHER_CREST))

    def save(image: Image.Image, name: str, exif: bytes | None = None) -> str:
        path = out / name
        kwargs: dict[str, Any] = {"quality": rng.choice([80, 88, 94])}
        if exif:
            kwargs["exif"] = exif
        image.save(path, **kwargs)
        return name

    for index in range(per_kind):            # people: 1-4 faces on a background
        canvas = _background(rng, size)
        boxes = _paste_people(rng, canvas, rng.randint(1, 4))
        cases.append(Case(save(canvas, f"faces_{index:03d}.jpg"), "faces", faces=boxes))
    for index in range(per_kind):            # words: certificates, labels, whiteboards, letters
        canvas = _background(rng, size)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        values = {"name": name, "year": rng.randint(1, 6), "klass": rng.choice(CLASSES)}
        lines = [line.format(**values) for line in rng.choice(TEMPLATES)]
        _draw_lines(rng, canvas, lines)
        named = [name] if any(name in line for line in lines) else []
        cases.append(Case(save(canvas, f"text_{index:03d}.jpg"), "text", lines=lines, names=named))
    for index in range(per_kind):            # hidden data, in every combination, and none
        canvas = _background(rng, (800, 600))
        flags = (index % 2 == 0, index % 3 == 0, index % 4 < 2)
        exif, tags = _exif(rng, *flags)
        cases.append(Case(save(canvas, f"meta_{index:03d}.jpg", exif), "metadata", tags=tags))
    for index in range(per_kind):            # crests: the school's, another school's, none
        canvas = _background(rng, size)
        which = ("school", "other", None)[index % 3]
        if which:
            badge = (school if which == "school" else others[index % 2]).copy()
            side = int(size[0] * rng.uniform(0.12, 0.3))
            badge = badge.resize((side, side), Image.Resampling.BICUBIC).rotate(rng.uniform(-15, 15), expand=True)
            canvas.paste(badge, (rng.randrange(0, size[0] - badge.width), rng.randrange(0, size[1] - badge.height)), badge)
        # The crest's letters are words in the picture too.
        letters = [SCHOOL_CREST[0] if which == "school" else OTHER_CREST[0]] if which else []
        cases.append(Case(save(canvas, f"logo_{index:03d}.jpg"), "logo", logo=which, lines=letters))
    for index in range(per_kind // 2):       # nothing to find
        canvas = _background(rng, size)
        cases.append(Case(save(canvas, f"clean_{index:03d}.jpg"), "clean"))
    for index in range(per_kind // 2):       # class photos: 6-12 small faces (made last, so
        canvas = _background(rng, size)      # the cases above stay as they were)
        boxes = _paste_people(rng, canvas, rng.randint(6, 12), sizes=(0.035, 0.07))
        cases.append(Case(save(canvas, f"class_{index:03d}.jpg"), "class photo", faces=boxes))
    with (out / "labels.jsonl").open("w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps(asdict(case)) + "\n")
    return cases


def write_clip(path: Path, frames: list[Image.Image], seconds: float, fps: int = 10) -> None:
    """A clip of `seconds` showing each frame for an equal share of the time."""
    import cv2

    width, height = frames[0].size
    fourcc = cv2.VideoWriter.fourcc(*("mp4v" if path.suffix in (".mp4", ".mov") else "VP80"))  # WebM: VP8
    writer = cv2.VideoWriter(str(path), fourcc, fps, (width, height))
    total = int(seconds * fps)
    for index in range(total):
        frame = frames[min(len(frames) - 1, index * len(frames) // total)]
        writer.write(np.asarray(frame.convert("RGB"))[:, :, ::-1].copy())
    writer.release()


# --- scoring ------------------------------------------------------------------------------

def _iou(a: list[float], b: list[float]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    inter = ix * iy
    union = aw * ah + bw * bh - inter
    return inter / union if union else 0.0


def _normal(text: str) -> str:
    return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch == " ").split())


def _similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, _normal(a), _normal(b)).ratio() >= 0.85


def score(cases: list[Case], root: Path, logo_path: Path) -> dict[str, Score]:
    """Precision and recall of the media checks against the set's labels."""
    from safepost.media import analyse

    tallies = {name: Score() for name in ("faces", "faces in class photos", "text lines",
                                          "names in pictures", "GPS", "camera serial", "date taken",
                                          "logo")}
    for case in cases:
        analysis = analyse(root / case.path)
        assert analysis.error is None, analysis.error
        found_faces = [[box.left, box.top, box.width, box.height] for box in analysis.most_faces().boxes]
        unmatched = list(case.faces)
        faces = tallies["faces in class photos" if case.kind == "class photo" else "faces"]
        for box in found_faces:
            best = max(unmatched, key=lambda real: _iou(box, real), default=None)
            if best is not None and _iou(box, best) >= 0.3:
                unmatched.remove(best)
                faces.tp += 1
            else:
                faces.fp += 1
        faces.fn += len(unmatched)

        read = [line.text for line in analysis.text_lines]
        remaining = list(case.lines)
        for line in read:
            match = next((real for real in remaining if _similar(line, real)), None)
            if match is not None:
                remaining.remove(match)
                tallies["text lines"].tp += 1
            else:
                tallies["text lines"].fp += 1
        tallies["text lines"].fn += len(remaining)
        joined = _normal(" ".join(read))
        for name in case.names:
            if _normal(name) in joined:
                tallies["names in pictures"].tp += 1
            else:
                tallies["names in pictures"].fn += 1

        hidden = analysis.hidden
        for tag, present in (("GPS", bool(hidden.gps)), ("camera serial", bool(hidden.serials)),
                             ("date taken", "date taken" in hidden.times)):
            key = {"GPS": "gps", "camera serial": "serial", "date taken": "time"}[tag]
            real = key in case.tags
            if present and real:
                tallies[tag].tp += 1
            elif present:
                tallies[tag].fp += 1
            elif real:
                tallies[tag].fn += 1
        if case.kind in ("logo", "clean", "faces"):
            matched = analysis.logo(logo_path) is not None
            real_logo = case.logo == "school"
            if matched and real_logo:
                tallies["logo"].tp += 1
            elif matched:
                tallies["logo"].fp += 1
            elif real_logo:
                tallies["logo"].fn += 1
    return tallies

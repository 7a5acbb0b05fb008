"""The picture checks' speed, printed (never a timed test).

1. A 12-megapixel JPEG (4000x3000) fully checked by `safepost.engine.check` on one core:
   a group photo (one sitter wears a name badge, so the text test fires and OCR runs), and
   the same photo with a certificate in it (OCR reads it). The analysis cache is emptied before every run.
2. A 30-second 1280x720 clip fully checked (15 frames sampled, faces in each, OCR on at most
   4 distinct scenes).
3. Model loading: the face model and the OCR model, once per process.

Run: make bench   (or .venv/bin/python bench/bench_images.py)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image

from tests.media.imageset import SOURCES, _draw_lines, _paste_people, write_clip

RUNS = 15

def _scene(name: str, size: tuple[int, int]) -> Image.Image:
    """A real photograph (public domain, shipped with scikit-image) at the size a camera gives."""
    with Image.open(SOURCES / name) as source:
        return source.convert("RGB").resize(size, Image.Resampling.BICUBIC)


def _photo(folder: Path, with_text: bool) -> Path:
    import random

    rng = random.Random(4 if with_text else 3)
    canvas = _scene("rocket.jpg", (4000, 3000))
    _paste_people(rng, canvas, 4)
    if with_text:
        _draw_lines(rng, canvas, ["Star of the Week", "Amelia Hartley"])
    path = folder / ("certificate.jpg" if with_text else "group.jpg")
    canvas.save(path, quality=90)
    return path

def _time_check(path: Path, school_dir: Path, runs: int) -> list[float]:
    from safepost.contract import CheckRequest, ImageRef
    from safepost.engine import check
    from safepost.media import analysis
    from safepost.school import load_school

    school = load_school(school_dir)
    request = CheckRequest(id="bench", text="A great day out!", channel="official",
                           images=(ImageRef(path=str(path), pupils=()),))
    timings = []
    for _ in range(runs):
        analysis._cache.clear()
        started = time.perf_counter()
        check(request, school, image_root=path.parent)
        timings.append((time.perf_counter() - started) * 1000)
    return timings

def main() -> None:
    from safepost.school import demo_school_dir

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        started = time.perf_counter()
        from safepost.media import faces, ocr

        faces._frontal_model()
        face_load = time.perf_counter() - started
        started = time.perf_counter()
        ocr.warm_up()
        ocr_load = time.perf_counter() - started
        print(f"model loading: faces {face_load * 1000:.0f} ms, OCR {ocr_load * 1000:.0f} ms "
              "(once per process)")
        for with_text in (False, True):
            path = _photo(root, with_text)
            timings = _time_check(path, demo_school_dir(), RUNS)
            label = ("12 MP JPEG with a certificate (OCR runs)" if with_text
                     else "12 MP JPEG group photo (name badge)")
            print(f"{label:<44} p50 {statistics.median(timings):6.0f} ms   max {max(timings):6.0f} ms"
                  f"   ({RUNS} runs, one core)")
        import random

        rng = random.Random(5)
        frames = []
        for index in range(6):
            canvas = _scene(("coffee.jpg", "rocket.jpg", "chelsea.jpg")[index % 3], (1280, 720))
            _paste_people(rng, canvas, 1 + index % 3)
            if index == 2:
                _draw_lines(rng, canvas, ["Sports Day 2026", "Well done Maple Class"])
            frames.append(canvas)
        clip = root / "clip.mp4"
        write_clip(clip, frames, seconds=30, fps=30)
        timings = _time_check(clip, demo_school_dir(), 3)
        print(f"{'30-second 1280x720 MP4 clip':<44} p50 {statistics.median(timings):6.0f} ms   "
              f"max {max(timings):6.0f} ms   (3 runs, one core)")

if __name__ == "__main__":
    main()

"""Finding faces, never identifying them.

Recognising a child's face is biometric processing under the Protection of Freedoms Act 2012
and needs separate written consent, so safepost only counts and locates faces: the member of
staff says which pupils are shown, and the consent register is checked for those pupils.

OpenCV's Haar cascades (shipped inside `opencv-python-headless` below 5.0, BSD/Apache
licensed) run in tens of milliseconds on one core.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from safepost.media import opencv
from safepost.media.geometry import Box

FACE_SIDE = 640          # faces are looked for at this size: faces 1/32 of the width or more
MIN_FACE_FRACTION = 0.03
_local = threading.local()


FaceBox = Box   # a face is just where it is: nothing about who


def _cascades() -> tuple[Any, Any]:
    # A CascadeClassifier is not safe to share between threads: one pair per thread.
    pair = getattr(_local, "cascades", None)
    if pair is None:
        cv2 = opencv.load()

        models = Path(cv2.__file__).parent / "data"
        frontal = cv2.CascadeClassifier(str(models / "haarcascade_frontalface_alt2.xml"))
        profile = cv2.CascadeClassifier(str(models / "haarcascade_profileface.xml"))
        if frontal.empty():
            raise RuntimeError("OpenCV's face model is missing (opencv-python-headless 5.x ships none)")
        pair = (frontal, profile)
        _local.cascades = pair
    return pair


def _boxes(found: Any) -> list[tuple[int, int, int, int]]:
    return [(int(x), int(y), int(w), int(h)) for x, y, w, h in found]


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = ix * iy
    return inter / float(min(aw * ah, bw * bh) or 1)


def detect_faces(gray: np.ndarray[Any, Any], *, profiles: bool = False) -> list[FaceBox]:
    """Faces in a grayscale picture (any size; it is reduced to FACE_SIDE first).

    The profile model is off by default: on the labelled set it found no face the frontal
    model missed, doubled the time and added false alarms."""
    cv2 = opencv.load()

    height, width = gray.shape[:2]
    scale = min(1.0, FACE_SIDE / max(height, width))
    small = gray if scale == 1.0 else cv2.resize(
        gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    small = cv2.equalizeHist(small)
    side = max(20, round(min(small.shape[:2]) * MIN_FACE_FRACTION))
    frontal, profile = _cascades()
    boxes = _boxes(frontal.detectMultiScale(small, scaleFactor=1.2, minNeighbors=5,
                                            minSize=(side, side)))
    if profiles:
        # The profile model knows faces turned one way; the mirrored picture gives the other.
        sw = small.shape[1]
        found = _boxes(profile.detectMultiScale(small, scaleFactor=1.1, minNeighbors=6,
                                                minSize=(side, side)))
        found += [(sw - x - w, y, w, h) for x, y, w, h in _boxes(profile.detectMultiScale(
            cv2.flip(small, 1), scaleFactor=1.1, minNeighbors=6, minSize=(side, side)))]
        for box in found:
            if all(_overlap(box, kept) < 0.3 for kept in boxes):
                boxes.append(box)
    sh, sw = small.shape[:2]
    return [FaceBox(x / sw, y / sh, w / sw, h / sh) for x, y, w, h in sorted(boxes)]

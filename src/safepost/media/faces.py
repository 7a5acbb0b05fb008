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


def _frontal_model() -> Any:
    # A CascadeClassifier is not safe to share between threads: one per thread.
    model = getattr(_local, "frontal", None)
    if model is None:
        cv2 = opencv.load()
        cascade = Path(cv2.__file__).parent / "data" / "haarcascade_frontalface_alt2.xml"
        model = cv2.CascadeClassifier(str(cascade))
        if model.empty():
            raise RuntimeError("OpenCV's face model is missing (opencv-python-headless 5.x ships none)")
        _local.frontal = model
    return model


def detect_faces(gray: np.ndarray[Any, Any]) -> list[Box]:
    """Faces in a grayscale picture (any size; it is reduced to FACE_SIDE first).

    Frontal faces only: OpenCV's profile model, tried on the labelled set, found no face the
    frontal model missed, doubled the time and added false alarms."""
    cv2 = opencv.load()

    height, width = gray.shape[:2]
    scale = min(1.0, FACE_SIDE / max(height, width))
    small = gray if scale == 1.0 else cv2.resize(
        gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    small = cv2.equalizeHist(small)
    side = max(20, round(min(small.shape[:2]) * MIN_FACE_FRACTION))
    found = _frontal_model().detectMultiScale(small, scaleFactor=1.2, minNeighbors=5, minSize=(side, side))
    sh, sw = small.shape[:2]
    return [Box(int(x) / sw, int(y) / sh, int(w) / sw, int(h) / sh)
            for x, y, w, h in sorted(tuple(int(v) for v in box) for box in found)]

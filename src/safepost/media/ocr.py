"""Reading text in pictures: certificates, whiteboards, name labels, letters, screenshots.

Three steps keep this fast. A cheap test (OpenCV, a few milliseconds) asks whether anything in
the picture looks like lines of text; if so, RapidOCR's text detector (PP-OCR models shipped
inside the `rapidocr` wheel, Apache-2.0, run by onnxruntime on one thread) finds the lines on
a small copy of the picture; then only those lines, cut from the larger copy, are read.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from safepost.media import opencv
from safepost.media.geometry import Box

GATE_SIDE = 640
DETECT_SIDE = 320        # lines are found on a copy this size: letters ~1/40 of the picture's height
READ_MIN_WIDTH = 96
MAX_LINES = 16
MIN_LINE_CONFIDENCE = 0.6
_engine: Any = None
_engine_lock = threading.Lock()
# RapidOCR keeps each call's switches (detect, read) in the shared engine, so two threads of
# the hub must not interleave their calls: reading is done one picture at a time.
_reading_lock = threading.Lock()


@dataclass(frozen=True)
class TextLine:
    text: str
    confidence: float
    box: Box

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "confidence": round(self.confidence, 3), "box": self.box.to_json()}


def text_regions(gray: np.ndarray[Any, Any]) -> int:
    """How many regions look like a line of writing: strokes of even height, side by side.

    A morphological gradient picks out stroke edges; closing with a wide, short kernel joins
    the letters of a word into a bar; bars much wider than tall, of letter height and mostly
    filled, are counted. Photos of grass or brick give few such bars; a certificate many.
    """
    cv2 = opencv.load()

    height, width = gray.shape[:2]
    scale = min(1.0, GATE_SIDE / max(height, width))
    small = gray if scale == 1.0 else cv2.resize(
        gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    stroke = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
    gradient = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, stroke)
    _, binary = cv2.threshold(gradient, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    joined = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1)))
    contours, _ = cv2.findContours(joined, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    count = 0
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not (6 <= h <= 60 and w >= 2.5 * h and w >= 24):
            continue
        fill = cv2.countNonZero(binary[y:y + h, x:x + w]) / float(w * h)
        if 0.3 <= fill <= 0.9:
            count += 1
    return count


def worth_checking(text: str) -> bool:
    """Stars, bullets and lone characters read from patterns are not words worth checking.
    The reading model also knows Chinese and reads a row of stars as "女女女": a line needs two
    Latin letters or digits (the checks after it look for English names and numbers)."""
    return sum(ch.isascii() and ch.isalnum() for ch in text) >= 2


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                from rapidocr import RapidOCR

                logging.getLogger("RapidOCR").setLevel(logging.ERROR)
                _engine = RapidOCR(params={
                    "Global.log_level": "error",
                    "Global.use_cls": False,        # school pictures are upright
                    "Det.limit_type": "max",
                    "Det.limit_side_len": DETECT_SIDE,
                    # Lines are read at their own width: the default pads every line to at
                    # least 320 pixels, which doubles the work for a short name label.
                    "Rec.rec_img_shape": [3, 48, READ_MIN_WIDTH],
                    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                })
    return _engine


def warm_up() -> None:
    """Load the models and run them once: the first call pays for setting up their memory."""
    engine = _get_engine()
    blank = np.full((64, 160, 3), 255, dtype=np.uint8)
    with _reading_lock:
        engine(blank, use_det=True, use_cls=False, use_rec=False)
        engine(blank, use_det=False, use_cls=False, use_rec=True)


def read_text(rgb: np.ndarray[Any, Any]) -> list[TextLine]:
    """The lines of text read with confidence, top to bottom."""
    with _reading_lock:
        return _read_text(rgb)


def _read_text(rgb: np.ndarray[Any, Any]) -> list[TextLine]:
    height, width = rgb.shape[:2]
    engine = _get_engine()
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    # RapidOCR remembers the last call's switches: name all three every time.
    found = engine(bgr, use_det=True, use_cls=False, use_rec=False)
    boxes = [] if found is None or found.boxes is None else list(found.boxes)
    # The biggest lines first: if a screenshot holds more, its headline words matter most.
    boxes.sort(key=lambda box: -(np.ptp(box[:, 0]) * np.ptp(box[:, 1])))
    lines: list[TextLine] = []
    for box in boxes[:MAX_LINES]:
        left, right = float(box[:, 0].min()), float(box[:, 0].max())
        top, bottom = float(box[:, 1].min()), float(box[:, 1].max())
        pad = (bottom - top) * 0.15
        crop = bgr[max(0, int(top - pad)):min(height, int(bottom + pad) + 1),
                   max(0, int(left - pad)):min(width, int(right + pad) + 1)]
        if crop.shape[0] < 6 or crop.shape[1] < 6:
            continue
        read = engine(np.ascontiguousarray(crop), use_det=False, use_cls=False, use_rec=True)
        if read is None or not read.txts:
            continue
        text, score = str(read.txts[0]).strip(), float(read.scores[0])
        if score < MIN_LINE_CONFIDENCE or not worth_checking(text):
            continue
        lines.append(TextLine(text, score, Box(left / width, top / height, (right - left) / width,
                                               (bottom - top) / height)))
    lines.sort(key=lambda line: (round(line.box.top, 2), line.box.left))
    return lines

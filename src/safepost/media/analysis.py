"""One look at a picture or clip, shared by every detector that needs it.

Each part (faces, text, logo) is worked out only when a detector first asks for it, and the
whole analysis is kept for files seen recently, so a draft re-checked as its caption is edited
does not pay for the picture again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from safepost.media import faces as faces_module
from safepost.media import logo as logo_module
from safepost.media import ocr, opencv
from safepost.media.files import MediaFile, identify, open_picture
from safepost.media.geometry import Box
from safepost.media.logo import LogoMatch
from safepost.media.metadata import HiddenData, read_video
from safepost.media.ocr import TextLine

TEXT_GATE_REGIONS = 1        # at least this many text-like bars before OCR is run
VIDEO_MAX_FRAMES = 15
VIDEO_MAX_OCR_FRAMES = 4
SCENE_CHANGE = 12            # mean grey-level difference that makes a frame a new scene
VIDEO_FRAME_SIDE = 640
CACHE_SIZE = 8             # a clip's frames take ~10 MB: keep memory well under 250 MB


@dataclass
class FrameFaces:
    boxes: list[Box]
    frame_seconds: float | None = None


class PictureAnalysis:
    """A still picture (or one frame of a clip)."""

    def __init__(self, image: Image.Image, hidden: HiddenData | None = None,
                 seconds: float | None = None) -> None:
        self.image = image
        self.hidden = hidden or HiddenData()
        self.seconds = seconds
        self._logos: dict[str, LogoMatch | None] = {}

    @cached_property
    def rgb(self) -> np.ndarray[Any, Any]:
        return np.asarray(self.image)

    @cached_property
    def gray(self) -> np.ndarray[Any, Any]:
        return np.asarray(self.image.convert("L"))

    @cached_property
    def thumbnail(self) -> np.ndarray[Any, Any]:
        """A 32x18 grey copy: enough to tell whether two frames show the same scene."""
        return np.asarray(self.image.convert("L").resize((32, 18)), dtype=np.int16)

    @cached_property
    def faces(self) -> list[Box]:
        return faces_module.detect_faces(self.gray)

    @cached_property
    def text_regions(self) -> int:
        return ocr.text_regions(self.gray)

    @cached_property
    def text_lines(self) -> list[TextLine]:
        if self.text_regions < TEXT_GATE_REGIONS:
            return []
        return ocr.read_text(self.rgb)

    def logo(self, logo_path: Path) -> LogoMatch | None:
        key = str(logo_path)
        if key not in self._logos:
            self._logos[key] = logo_module.find_logo(self.gray, logo_path)
        return self._logos[key]


@dataclass
class MediaAnalysis:
    """What safepost could see in one file. `error` is set when it could not be looked at."""

    shown_as: str
    media: MediaFile | None = None
    frames: list[PictureAnalysis] = field(default_factory=list)
    hidden: HiddenData = field(default_factory=HiddenData)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    duration: float | None = None

    @property
    def is_video(self) -> bool:
        return bool(self.media and self.media.is_video)

    def most_faces(self) -> FrameFaces:
        """The frame showing the most faces (for a still picture, the picture). In a clip,
        frames that look alike show the same people: one of each scene is looked at."""
        best = FrameFaces([])
        frames = _distinct_scenes(self.frames, len(self.frames)) if self.is_video else self.frames
        for frame in frames:
            if len(frame.faces) > len(best.boxes):
                best = FrameFaces(frame.faces, frame.seconds)
        return best

    @cached_property
    def text_lines(self) -> list[TextLine]:
        lines: list[TextLine] = []
        seen: set[str] = set()
        candidates = [frame for frame in self.frames if frame.text_regions >= TEXT_GATE_REGIONS]
        if self.is_video:
            candidates = _distinct_scenes(candidates, VIDEO_MAX_OCR_FRAMES)
        for frame in candidates:
            for line in frame.text_lines:
                key = line.text.casefold()
                if key not in seen:
                    seen.add(key)
                    lines.append(line)
        return lines

    def logo(self, logo_path: Path) -> tuple[LogoMatch, float | None] | None:
        for frame in self.frames:
            match = frame.logo(logo_path)
            if match is not None:
                return match, frame.seconds
        return None


def _distinct_scenes(frames: list[PictureAnalysis], most: int) -> list[PictureAnalysis]:
    """One frame per scene (frames that look alike are read once), spread over the clip."""
    chosen: list[PictureAnalysis] = []
    thumbs: list[np.ndarray[Any, Any]] = []
    for frame in frames:
        thumb = frame.thumbnail
        if all(np.abs(thumb - other).mean() > SCENE_CHANGE for other in thumbs):
            chosen.append(frame)
            thumbs.append(thumb)
    if len(chosen) > most:
        step = len(chosen) / most
        chosen = [chosen[int(index * step)] for index in range(most)]
    return chosen


def _sample_video(path: Path, analysis: MediaAnalysis) -> None:
    cv2 = opencv.load()

    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            analysis.error = f"'{analysis.shown_as}' could not be read as a video"
            return
        fps = capture.get(cv2.CAP_PROP_FPS) or 0.0
        count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        if fps <= 0 or count <= 0:
            analysis.error = f"'{analysis.shown_as}' has no readable frames"
            return
        analysis.duration = count / fps
        wanted = min(VIDEO_MAX_FRAMES, count)
        positions = sorted({min(count - 1, round((i + 0.5) * count / wanted)) for i in range(wanted)})
        current = 0
        for position in positions:
            # Reading on is cheaper than seeking when the next sample is close.
            if position - current > fps / 2:
                capture.set(cv2.CAP_PROP_POS_FRAMES, position)
                current = position
            while current < position:
                if not capture.grab():
                    break
                current += 1
            ok, frame = capture.read()
            current += 1
            if not ok or frame is None:
                continue
            image = Image.fromarray(frame[:, :, ::-1])
            image.thumbnail((VIDEO_FRAME_SIDE, VIDEO_FRAME_SIDE), Image.Resampling.BILINEAR)
            analysis.frames.append(PictureAnalysis(image, seconds=round(position / fps, 1)))
        if not analysis.frames:
            analysis.error = f"'{analysis.shown_as}' has no readable frames"
    finally:
        capture.release()


def _analyse(path: Path, shown_as: str) -> MediaAnalysis:
    from safepost.media.files import MediaError

    analysis = MediaAnalysis(shown_as=shown_as)
    try:
        media = identify(path, shown_as)
    except MediaError as exc:
        analysis.error = str(exc)
        return analysis
    analysis.media = media
    analysis.notes.extend(media.notes)
    if media.is_video:
        try:
            analysis.hidden = read_video(path)
        except OSError as exc:
            analysis.error = f"'{shown_as}' could not be read ({exc})"
            return analysis
        _sample_video(path, analysis)
        return analysis
    try:
        image, hidden = open_picture(media, shown_as)
    except MediaError as exc:
        analysis.error = str(exc)
        return analysis
    analysis.hidden = hidden
    analysis.frames.append(PictureAnalysis(image, hidden))
    return analysis


_cache: OrderedDict[tuple[str, float, int], MediaAnalysis] = OrderedDict()
_cache_lock = threading.Lock()


def analyse(path: Path, shown_as: str | None = None) -> MediaAnalysis:
    """The analysis of one file, from the cache when the same file was seen recently."""
    label = shown_as or path.name
    try:
        stat = path.stat()
        if not path.is_file():
            raise FileNotFoundError(path)
    except OSError:
        return MediaAnalysis(shown_as=label, error=f"'{label}' was not found")
    key = (str(path.resolve()), stat.st_mtime, stat.st_size)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached
    result = _analyse(path, label)
    with _cache_lock:
        _cache[key] = result
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return result

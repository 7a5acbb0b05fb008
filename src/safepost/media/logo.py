"""Is the school's logo or crest in this picture? (Personal accounts must not carry it.)

ORB keypoints of the logo are matched against the picture, and a match counts only when
enough of them agree on one geometric placement (a RANSAC homography): a crest on a jumper,
a banner or a book bag, turned or tilted, is found; a picture that merely shares colours or
corners is not. Classic feature matching: no learned model, no data leaves the machine.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from safepost.media import opencv
from safepost.media.geometry import Box

LOGO_SIDE = 320
PICTURE_SIDE = 1024
MIN_PICTURE_SIDE = 200   # thumbnails and icons are too small to show a crest reliably
MIN_INLIERS = 25
MIN_INLIER_RATIO = 0.5
_lock = threading.Lock()
_logos: dict[tuple[str, float], Any] = {}


@dataclass(frozen=True)
class LogoMatch:
    inliers: int
    matches: int
    box: Box

    def to_json(self) -> dict[str, Any]:
        return {"inliers": self.inliers, "matches": self.matches, "box": self.box.to_json()}


def _orb(features: int) -> Any:
    cv2 = opencv.load()

    return cv2.ORB.create(nfeatures=features, scaleFactor=1.2, nlevels=10, edgeThreshold=15,
                          patchSize=31, fastThreshold=12)


def _logo_features(path: Path) -> Any:
    """Keypoints of the logo, computed once per file version."""
    cv2 = opencv.load()
    from PIL import Image

    key = (str(path), path.stat().st_mtime)
    with _lock:
        if key in _logos:
            return _logos[key]
    with Image.open(path) as opened:
        image = opened.convert("RGBA")
        # Transparent parts of a logo are drawn on white, as on most printed uses.
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        background.alpha_composite(image)
        gray = np.asarray(background.convert("L"))
    scale = LOGO_SIDE / max(gray.shape)
    gray = cv2.resize(gray, (max(1, round(gray.shape[1] * scale)), max(1, round(gray.shape[0] * scale))),
                      interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    keypoints, descriptors = _orb(800).detectAndCompute(gray, None)
    value = (keypoints, descriptors, gray.shape)
    with _lock:
        _logos[key] = value
    return value


def find_logo(gray: np.ndarray[Any, Any], logo_path: Path) -> LogoMatch | None:
    cv2 = opencv.load()

    keypoints, descriptors, (logo_h, logo_w) = _logo_features(logo_path)
    if descriptors is None or len(keypoints) < MIN_INLIERS:
        return None
    height, width = gray.shape[:2]
    if min(height, width) < MIN_PICTURE_SIDE:
        return None
    scale = min(1.0, PICTURE_SIDE / max(height, width))
    small = gray if scale == 1.0 else cv2.resize(
        gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    found, picture_descriptors = _orb(3000).detectAndCompute(small, None)
    if picture_descriptors is None or len(found) < MIN_INLIERS:
        return None
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    good = []
    for pair in matcher.knnMatch(descriptors, picture_descriptors, k=2):
        if len(pair) == 2 and pair[0].distance < 0.8 * pair[1].distance:
            good.append(pair[0])
    if len(good) < MIN_INLIERS:
        return None
    source = np.array([keypoints[m.queryIdx].pt for m in good], dtype=np.float32).reshape(-1, 1, 2)
    target = np.array([found[m.trainIdx].pt for m in good], dtype=np.float32).reshape(-1, 1, 2)
    homography, mask = cv2.findHomography(source, target, cv2.RANSAC, 6.0)
    if homography is None or mask is None:
        return None
    inliers = int(mask.sum())
    if inliers < MIN_INLIERS or inliers / len(good) < MIN_INLIER_RATIO:
        return None
    corners = np.array([[0, 0], [logo_w, 0], [logo_w, logo_h], [0, logo_h]],
                       dtype=np.float32).reshape(-1, 1, 2)
    placed = cv2.perspectiveTransform(corners, homography).reshape(-1, 2)
    sh, sw = small.shape[:2]
    xs = np.clip(placed[:, 0], 0, sw)
    ys = np.clip(placed[:, 1], 0, sh)
    box_w, box_h = float(xs.max() - xs.min()), float(ys.max() - ys.min())
    # A real placement is a sensible quadrilateral, not a sliver or a fold.
    if box_w < 12 or box_h < 12 or not cv2.isContourConvex(placed.astype(np.float32).reshape(-1, 1, 2)):
        return None
    placement = Box(float(xs.min()) / sw, float(ys.min()) / sh, box_w / sw, box_h / sh)
    return LogoMatch(inliers, len(good), placement)

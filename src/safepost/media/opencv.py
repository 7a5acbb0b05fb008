"""OpenCV, imported only when a picture is looked at (a check without pictures never pays
for it), and held to one thread: a batch runs one process per core and the hub one request
per thread, so OpenCV's own thread pool would only fight them."""

from __future__ import annotations

from typing import Any

_module: Any = None


def load() -> Any:
    global _module
    if _module is None:
        import cv2

        cv2.setNumThreads(1)
        _module = cv2
    return _module

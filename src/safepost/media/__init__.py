"""Looking at pictures and clips: faces (never identified), text in them, hidden data, logos.

Plain Python over OpenCV, RapidOCR and Pillow; every model ships inside a PyPI package and
runs offline on one CPU core.
"""

from safepost.media.analysis import MediaAnalysis, PictureAnalysis, analyse
from safepost.media.files import MediaError
from safepost.media.strip import StripResult, strip_bytes, strip_metadata

__all__ = [
    "MediaAnalysis", "MediaError", "PictureAnalysis", "StripResult", "analyse", "strip_bytes",
    "strip_metadata",
]

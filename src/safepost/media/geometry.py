"""Where something is in a picture, in fractions of its width and height, so the same box
means the same place whatever size the picture was looked at."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    def to_json(self) -> dict[str, float]:
        return {"left": round(self.left, 3), "top": round(self.top, 3),
                "width": round(self.width, 3), "height": round(self.height, 3)}

"""Words written in a picture (a certificate, a whiteboard, a name label, a screenshot).

The words become `picture_text` evidence; the registry then runs every text detector over
them, so 'Star of the Week: Amelia Hartley' on a certificate is caught exactly as it would be
in the caption.
"""

from __future__ import annotations

from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.images import analysis_for


class PictureTextDetector:
    name = "picture_text"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        for index, image in enumerate(subject.request.images):
            analysis = analysis_for(subject, index)
            if analysis is None or not analysis.text_lines:
                continue
            lines = analysis.text_lines
            yield Evidence(
                self.name, "picture_text", "\n".join(line.text for line in lines),
                source=f"images[{index}].text",
                attrs={"path": image.path, "lines": [line.to_json() for line in lines]},
            )

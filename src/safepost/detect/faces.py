"""How many faces a picture shows, and where: never who.

Face recognition of children is biometric processing (Protection of Freedoms Act 2012), so
the check compares the number of faces with the pupils the author listed and leaves naming
them to the author.
"""

from __future__ import annotations

from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.images import analysis_for


class FaceDetector:
    name = "faces"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        for index, image in enumerate(subject.request.images):
            analysis = analysis_for(subject, index)
            if analysis is None:
                continue
            most = analysis.most_faces()
            if not most.boxes:
                continue
            count = len(most.boxes)
            where = f" (at {most.frame_seconds:g} s)" if most.frame_seconds is not None else ""
            yield Evidence(
                self.name, "image_faces", f"{count} face{'s' if count != 1 else ''}{where}",
                source=f"images[{index}]",
                attrs={"count": count, "listed": len(image.pupils), "path": image.path,
                       "boxes": [box.to_json() for box in most.boxes],
                       "seconds": most.frame_seconds},
            )

"""The school's logo or crest in a picture (school.yaml names the file as `logo`).

Looked for only where a policy cares: pictures on personal accounts.
"""

from __future__ import annotations

from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.images import _resolve, analysis_for


class LogoDetector:
    name = "logo"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        school = subject.school
        if subject.request.channel != "personal" or not school.logo or not subject.request.images:
            return
        logo_path = _resolve(school.directory, school.logo)
        if logo_path is None or not logo_path.is_file():
            yield Evidence(self.name, "note", "", source="school.logo", attrs={
                "message": f"the school's logo file '{school.logo}' was not found; pictures were "
                "not checked for it"})
            return
        for index, image in enumerate(subject.request.images):
            analysis = analysis_for(subject, index)
            if analysis is None:
                continue
            found = analysis.logo(logo_path)
            if found is None:
                continue
            match, seconds = found
            where = f" at {seconds:g} s" if seconds is not None else ""
            yield Evidence(
                self.name, "image_logo", f"the school's logo{where}", source=f"images[{index}]",
                attrs={"path": image.path, **match.to_json(), "seconds": seconds},
            )

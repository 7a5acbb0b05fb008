"""Images attached to a request: the pupils the author says are shown (against the consent
register) and hidden data in the file (location, device serials, times). Faces are found by
`faces`, words by `picture_text`, the school's logo by `logo`; none of them identifies anyone.

A missing, corrupt or oversized file gives a note and no finding: the listed pupils are
still judged, and the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from safepost.detect.base import Evidence, Subject
from safepost.media import MediaAnalysis, analyse


def _note(source: str, message: str) -> Evidence:
    return Evidence("images", "note", "", source=source, attrs={"message": message})


def _resolve(directory: Path, relative: str) -> Path | None:
    """The file inside the school directory, or None if the path escapes it."""
    root = directory.resolve()
    candidate = (root / relative).resolve()
    if candidate != root and root not in candidate.parents:
        return None
    return candidate


def media_for(subject: Subject, index: int) -> MediaAnalysis:
    """The shared look at the request's picture `index`, computed once per request."""

    def build() -> MediaAnalysis:
        relative = subject.request.images[index].path
        path = _resolve(subject.image_root or subject.school.directory, relative)
        if path is None:
            return MediaAnalysis(shown_as=relative, error=f"'{relative}' points outside the school "
                                 "directory; not read")
        return analyse(path, relative)

    analysis: MediaAnalysis = subject.memo(f"media:{index}", build)
    return analysis


def analysis_for(subject: Subject, index: int) -> MediaAnalysis | None:
    """As `media_for`, but None when the file could not be looked at."""
    analysis = media_for(subject, index)
    return None if analysis.error else analysis


class ImageDetector:
    name = "images"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        for index, image in enumerate(subject.request.images):
            source = f"images[{index}]"
            yield from self._listed_pupils(subject, source, image.pupils)
            yield from self._file(subject, index, source)

    def _listed_pupils(
        self, subject: Subject, source: str, pupil_ids: tuple[str, ...]
    ) -> Iterator[Evidence]:
        for pupil_id in pupil_ids:
            pupil = subject.school.pupil(pupil_id)
            if pupil is None:
                yield Evidence(self.name, "image_unknown_pupil", pupil_id, source=source,
                               attrs={"pupil_id": pupil_id})
                yield _note(f"{source}.pupils", f"'{pupil_id}' is not on the roster")
                continue
            yield Evidence(self.name, "image_pupil", pupil.display_name, source=source,
                           attrs={"pupil_id": pupil_id, "photo_consent": pupil.photo_consent})

    def _file(self, subject: Subject, index: int, source: str) -> Iterator[Evidence]:
        relative = subject.request.images[index].path
        analysis = media_for(subject, index)
        where = f"{source}.path"
        if analysis.error:
            yield _note(where, f"{analysis.error}; the picture itself was not checked")
            return
        for message in analysis.notes:
            yield _note(where, message)
        hidden = analysis.hidden
        if hidden.gps:
            gps = hidden.gps
            yield Evidence(
                self.name, "image_gps", f"GPS {gps['latitude']:.5f}, {gps['longitude']:.5f}",
                source=source, attrs={**gps, "path": relative, "tag": hidden.gps_source},
            )
        others = {**hidden.serials, **hidden.owners}
        if others or hidden.gps:
            others.update(hidden.times)
        elif hidden.times:
            # Nearly every phone photo carries the time it was taken; alone it is a note, not
            # a finding (a finding on every photo would teach staff to ignore them).
            when = "; ".join(f"{label} {value}" for label, value in hidden.times.items())
            yield _note(where, f"'{relative}' carries hidden data ({when}); 'safepost strip' "
                        "removes it")
        if others:
            described = "; ".join(f"{label}: {value}" for label, value in others.items())
            yield Evidence(
                self.name, "image_hidden_data", described, source=source,
                attrs={"path": relative, "tags": others, "device": hidden.device,
                       "identifying": bool(hidden.serials or hidden.owners)},
            )

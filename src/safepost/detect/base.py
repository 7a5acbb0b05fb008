"""What every detector shares: the subject it looks at, the evidence it returns, the registry.

A detector finds facts (a pupil's name at characters 17-31, a phone number, a post sent in
lesson time). It never decides what breaks a policy: that is `safepost.evaluate`'s job, so
one detector serves all five policies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol

from safepost.contract import CheckRequest
from safepost.detect.text import Token, fold_keeping_length, tokenize
from safepost.school import School

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "safepost.detectors"


@dataclass(frozen=True)
class Evidence:
    """A fact a detector found. `start`/`end` index the request text when source is 'text'."""

    detector: str
    kind: str
    text: str
    start: int | None = None
    end: int | None = None
    source: str = "text"
    attrs: Mapping[str, Any] = field(default_factory=dict)


def author_role(request: CheckRequest, school: School) -> str:
    """The author's role, in lower case: from the staff roster where the request names a staff
    id on it, else the request's own `author.role` ("" where neither says)."""
    role = request.author_role
    if request.author_staff_id:
        member = school.staff_member(request.author_staff_id)
        role = member.role if member is not None else role
    return (role or "").lower()


@dataclass
class Subject:
    """One request being checked, with its school and text prepared once for all detectors."""

    request: CheckRequest
    school: School
    # Where image paths are read from: the school directory, unless the caller (the hub,
    # with its uploads) keeps pictures elsewhere.
    image_root: Path | None = None
    _tokens: list[Token] | None = None
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.request.text

    @property
    def folded(self) -> str:
        """The request's words folded for matching (lower case, no accents), the same length so
        offsets still hold: folded once per request for every detector that reads them."""
        folded: str = self.memo("folded", lambda: fold_keeping_length(self.request.text))
        return folded

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.request.text)
        return self._tokens

    def reading(self, text: str) -> Subject:
        """The same request and school with `text` in place of the request's own words (words
        read from a picture), so text detectors can look at them."""
        request = replace(self.request, text=text, images=(), profile=None)
        return Subject(request=request, school=self.school, image_root=self.image_root)

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """A value several detectors need (e.g. name matches), computed once per request."""
        if key not in self.shared:
            self.shared[key] = build()
        return self.shared[key]


class Detector(Protocol):
    name: str
    # A detector that reads the request's words sets `reads_text = True`; it is then also run
    # over words found in pictures (see DetectorRegistry.run).

    def detect(self, subject: Subject) -> Iterable[Evidence]: ...


class WordsDetector:
    """A detector of the request's own words, not a picture's (`reads_text` False): blank words
    hold nothing to find. A subclass names itself and `read`s the words as written and as folded
    (lower case, no accents, the same length, so offsets hold for both)."""

    name: str = ""
    reads_text = False

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        if not subject.text.strip():
            return ()
        return self.read(subject, subject.text, subject.folded)

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        raise NotImplementedError


class DetectorRegistry:
    """Detectors in the order they were registered; built-ins and plugins alike."""

    def __init__(self) -> None:
        self._detectors: dict[str, Detector] = {}

    def register(self, detector: Detector, *, replace: bool = False) -> None:
        if detector.name in self._detectors and not replace:
            raise ValueError(f"a detector named '{detector.name}' is already registered")
        self._detectors[detector.name] = detector

    def unregister(self, name: str) -> None:
        self._detectors.pop(name, None)

    @property
    def names(self) -> list[str]:
        return list(self._detectors)

    def run(self, subject: Subject) -> list[Evidence]:
        """All evidence for a subject, then the text detectors again over any words found in
        its pictures. A detector that fails becomes a note, not a crash."""
        evidence = self._run(subject, self._detectors)
        text_detectors = {name: detector for name, detector in self._detectors.items()
                          if getattr(detector, "reads_text", False)}
        for found in [item for item in evidence if item.kind == "picture_text"]:
            for item in self._run(subject.reading(found.text), text_detectors):
                if item.kind == "note" or item.source != "text":
                    continue
                # Positions index the picture's words, not the caption: kept as attributes,
                # with the line they were read from and where it is in the picture.
                lines = found.attrs.get("lines") or []
                line_index = found.text.count("\n", 0, item.start or 0)
                line = lines[line_index] if line_index < len(lines) else {}
                evidence.append(replace(
                    item, source=found.source, start=None, end=None,
                    attrs={**item.attrs, "picture": found.attrs.get("path", ""),
                           "picture_text_span": [item.start, item.end],
                           "picture_line": line.get("text", ""), "picture_box": line.get("box")},
                ))
        return evidence

    @staticmethod
    def _run(subject: Subject, detectors: Mapping[str, Detector]) -> list[Evidence]:
        evidence: list[Evidence] = []
        for name, detector in detectors.items():
            try:
                evidence.extend(detector.detect(subject))
            except Exception as exc:  # one faulty detector must not stop a batch
                log.exception("detector %s failed", name)
                evidence.append(Evidence(
                    detector=name, kind="note", text="",
                    attrs={"message": f"the {name} check could not run ({type(exc).__name__})"},
                ))
        return evidence


def load_plugins(registry: DetectorRegistry) -> None:
    """Let installed packages add detectors: each entry point is a callable(registry)."""
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        register = entry.load()
        register(registry)

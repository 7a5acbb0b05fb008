"""The detector registry: plugins register like built-ins; a failing detector is a note."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from safepost.contract import parse_request
from safepost.detect import DetectorRegistry, Evidence, Subject, default_registry, register_builtins
from safepost.detect import base as detect_base
from safepost.engine import check, check_lines
from safepost.school import School

BUILTIN_NAMES = [
    "pupil_names", "people", "contact_details", "school_identity", "school_business", "school_talk",
    "sensitive_matters", "press", "contradiction", "inspection_outcome", "unpublished_results",
    "unannounced", "incident",
    "put_down", "contempt", "looks_remark", "sexualised_pupils", "pursuit", "school_records", "dig", "drink", "blame", "allegation",
    "branding", "phishing", "copyright", "school_community", "election", "faith_claim",
    "timing", "device",
    "counterpart", "author", "images", "faces", "picture_text", "logo", "language",
]


class NicknameDetector:
    """A plugin: the school's own list of pupils' nicknames ("Lolo" is Lorcan Fairweather)."""

    name = "nicknames"
    nicknames = {"Lolo": "P110"}

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        for nickname, pupil_id in self.nicknames.items():
            start = subject.text.find(nickname)
            if start >= 0:
                yield Evidence(
                    self.name, "pupil_name", nickname, start, start + len(nickname),
                    attrs={"pupil_id": pupil_id, "form": "full", "typo": False, "in_tag": False,
                           "support": "nickname list"},
                )


class BrokenDetector:
    name = "broken"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        raise RuntimeError("model file missing")


class BrokenMidwayDetector:
    """Yields one fact, then fails: what it found before failing is kept."""

    name = "midway"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        yield Evidence(self.name, "device_used", "school", source="device", attrs={"device": "school"})
        raise KeyError("oops")


def registry_with(*extra: Any) -> DetectorRegistry:
    registry = DetectorRegistry()
    register_builtins(registry)
    for detector in extra:
        registry.register(detector)
    return registry


def official(text: str) -> Any:
    return parse_request({"id": "p", "text": text, "channel": "official"})


def test_builtins_are_registered_in_order() -> None:
    registry = registry_with()
    assert registry.names == BUILTIN_NAMES


def test_default_registry_has_the_builtins() -> None:
    assert set(BUILTIN_NAMES) <= set(default_registry().names)


def test_a_plugin_contributes_evidence(school: School) -> None:
    request = official("Lolo won the cross-country!")
    assert check(request, school).findings == []  # the built-ins do not know the nickname
    registry = registry_with(NicknameDetector())
    evidence = registry.run(Subject(request=request, school=school))
    assert [item.text for item in evidence if item.detector == "nicknames"] == ["Lolo"]
    result = check(request, school, registry=registry)
    assert result.verdict == "block"  # tpat: a pupil named in full on an official post
    (finding,) = result.findings
    assert finding.rule == "content.pupil_full_name"
    assert finding.detector == "nicknames"
    assert (finding.start, finding.end) == (0, 4)


def test_a_failing_detector_becomes_a_note(school: School) -> None:
    registry = registry_with(BrokenDetector())
    request = official("Well done Renée Castellano!")
    result = check(request, school, registry=registry)
    assert result.verdict == "block"  # the other detectors still ran
    assert [finding.rule for finding in result.findings] == ["content.pupil_full_name"]
    assert any("broken" in note and "RuntimeError" in note for note in result.notes)


def test_a_detector_failing_midway_keeps_what_it_found(school: School) -> None:
    registry = registry_with(BrokenMidwayDetector())
    evidence = registry.run(Subject(request=official("Hello"), school=school))
    assert [item.kind for item in evidence if item.detector == "midway"] == ["device_used", "note"]


def test_a_failing_detector_does_not_stop_a_batch(school: School) -> None:
    registry = registry_with(BrokenDetector())
    # about the registry, not wording: a bare name can read as a judgement (README, Limits)
    registry.unregister("language")
    lines = ['{"id": "a", "text": "hi"}', '{"id": "b", "text": "Renée Castellano", "channel": "official"}']
    results = list(check_lines(lines, school, registry=registry))
    assert [(result.id, result.verdict) for result in results] == [("a", "allow"), ("b", "block")]


def test_duplicate_names_are_refused_unless_replacing() -> None:
    registry = registry_with()
    with pytest.raises(ValueError, match="pupil_names"):
        registry.register(type("Clash", (), {"name": "pupil_names", "detect": lambda self, s: []})())
    replacement = type("Quiet", (), {"name": "pupil_names", "detect": lambda self, s: []})()
    registry.register(replacement, replace=True)
    assert registry.names == BUILTIN_NAMES


def test_unregister(school: School) -> None:
    registry = registry_with()
    registry.unregister("pupil_names")
    registry.unregister("not_there")
    registry.unregister("language")  # a bare name can read as a judgement (README, Limits)
    assert "pupil_names" not in registry.names and "language" not in registry.names
    assert check(official("Renée Castellano"), school, registry=registry).findings == []


class FakeEntryPoint:
    def __init__(self, register: Any) -> None:
        self.register = register

    def load(self) -> Any:
        return self.register


def test_plugins_load_through_the_entry_point_group(
    monkeypatch: pytest.MonkeyPatch, school: School
) -> None:
    groups: list[str] = []

    def fake_entry_points(*, group: str) -> list[FakeEntryPoint]:
        groups.append(group)
        return [FakeEntryPoint(lambda registry: registry.register(NicknameDetector()))]

    monkeypatch.setattr(detect_base, "entry_points", fake_entry_points)
    registry = registry_with()
    detect_base.load_plugins(registry)
    assert groups == [detect_base.ENTRY_POINT_GROUP] == ["safepost.detectors"]
    assert registry.names == [*BUILTIN_NAMES, "nicknames"]
    result = check(official("Lolo won"), school, registry=registry)
    assert [finding.detector for finding in result.findings] == ["nicknames"]



class _ShoutDetector(detect_base.WordsDetector):
    """A plugin that reads the words as written and as folded."""

    name = "shout"

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        if text.isupper():
            yield Evidence(self.name, "shouting", folded, 0, len(text))


@pytest.mark.parametrize(("text", "found"), [("SÉANCE TODAY", ["seance today"]), ("calm", []), ("   ", [])])
def test_a_words_detector_reads_written_and_folded_words_and_never_blank_ones(
    school: School, text: str, found: list[str],
) -> None:
    subject = Subject(request=parse_request({"id": "w", "text": text}), school=school)
    assert [item.text for item in _ShoutDetector().detect(subject)] == found
    assert _ShoutDetector.reads_text is False  # the request's own words, not a picture's

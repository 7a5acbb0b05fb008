"""Detectors: each finds one kind of fact; a registry runs them all.

Built-in detectors are registered by `register_builtins`, exactly as a plugin package does
through the `safepost.detectors` entry point group.
"""

from __future__ import annotations

from functools import cache, lru_cache

from safepost.detect.allegation import AllegationDetector
from safepost.detect.base import Detector, DetectorRegistry, Evidence, Subject, load_plugins
from safepost.detect.blame import BlameDetector
from safepost.detect.branding import BrandingDetector
from safepost.detect.community import SchoolCommunityDetector
from safepost.detect.contact_details import ContactDetailsDetector
from safepost.detect.contempt import ContemptDetector
from safepost.detect.context import AuthorDetector, CounterpartDetector, DeviceDetector, TimingDetector
from safepost.detect.contradiction import ContradictionDetector
from safepost.detect.copyright import CopyrightDetector
from safepost.detect.dig import DigDetector
from safepost.detect.drink import DrinkDetector
from safepost.detect.election import ElectionCampaignDetector
from safepost.detect.faces import FaceDetector
from safepost.detect.faith_claim import FaithClaimDetector
from safepost.detect.images import ImageDetector
from safepost.detect.incident import IncidentDetector
from safepost.detect.inspection import InspectionOutcomeDetector
from safepost.detect.language import LanguageDetector
from safepost.detect.logo import LogoDetector
from safepost.detect.looks import LooksRemarkDetector
from safepost.detect.people import PeopleDetector
from safepost.detect.phishing import PhishingDetector
from safepost.detect.picture_text import PictureTextDetector
from safepost.detect.press import PressDetector
from safepost.detect.pupil_names import PupilNameDetector
from safepost.detect.pursuit import PursuitDetector
from safepost.detect.put_down import PutDownDetector
from safepost.detect.results import UnpublishedResultsDetector
from safepost.detect.school_business import SchoolBusinessDetector
from safepost.detect.school_identity import SchoolIdentityDetector
from safepost.detect.school_records import SchoolRecordsDetector
from safepost.detect.school_talk import SchoolTalkDetector
from safepost.detect.sensitive import SensitiveMatterDetector
from safepost.detect.sexualised import SexualisedPupilsDetector
from safepost.detect.unannounced import UnannouncedBusinessDetector

__all__ = [
    "Detector", "DetectorRegistry", "Evidence", "Subject", "default_registry", "exact_registry",
    "register_builtins", "registry_with_language_model",
]


def register_builtins(registry: DetectorRegistry, language_model: str | None = None) -> None:
    """The built-in detectors; `language_model` names the packaged model the language
    judgements use (None: the process's own, SAFEPOST_LANGUAGE_MODEL or "static")."""
    for detector in (
        PupilNameDetector(), PeopleDetector(), ContactDetailsDetector(),
        SchoolIdentityDetector(), SchoolBusinessDetector(), SchoolTalkDetector(), SensitiveMatterDetector(),
        PressDetector(), ContradictionDetector(), InspectionOutcomeDetector(), UnpublishedResultsDetector(),
        UnannouncedBusinessDetector(),
        IncidentDetector(),
        PutDownDetector(), ContemptDetector(), LooksRemarkDetector(), SexualisedPupilsDetector(),
        PursuitDetector(),
        SchoolRecordsDetector(),
        DigDetector(), DrinkDetector(), BlameDetector(), AllegationDetector(), BrandingDetector(),
        PhishingDetector(),
        CopyrightDetector(),
        SchoolCommunityDetector(), ElectionCampaignDetector(), FaithClaimDetector(),
        TimingDetector(), DeviceDetector(), CounterpartDetector(), AuthorDetector(),
        ImageDetector(), FaceDetector(), PictureTextDetector(), LogoDetector(),
        LanguageDetector(language_model),
    ):
        registry.register(detector)


@lru_cache(maxsize=1)
def exact_registry() -> DetectorRegistry:
    """The built-in detectors without the language model: names, contacts, context, pictures."""
    registry = DetectorRegistry()
    register_builtins(registry)
    registry.unregister(LanguageDetector.name)
    return registry


def default_registry() -> DetectorRegistry:
    """Built-ins plus any installed plugins, built once per process."""
    return _registry(None)


def registry_with_language_model(model_name: str) -> DetectorRegistry:
    """The default registry, with the language judgements made by the named packaged model
    ("static" or "minilm"): the hub's choice, made explicitly rather than through the
    environment, so the CLI in the same process keeps its own."""
    from safepost.language.model import known_model_name

    return _registry(known_model_name(model_name))


@cache
def _registry(language_model: str | None) -> DetectorRegistry:
    registry = DetectorRegistry()
    register_builtins(registry, language_model)
    load_plugins(registry)
    return registry

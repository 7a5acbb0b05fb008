"""Phishing on the school's accounts, as against talk about phishing, passwords and links."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.phishing import PhishingDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "kind", "shared"), [
    ("META SUPPORT: Your Page has been reported for copyright violation and will be disabled in 24 "
     "hours. Verify ownership now: meta-pagecheck-support.example.com/verify", "phishing_message", None),
    ("Instagram Security: your account violates our community standards and will be removed. "
     "Appeal now: http://insta-appeals.example.com", "phishing_message", None),
    ("Hi Meta Support! The page login is office@school.example and the password is Petroc2024!",
     "login_given", True),
    ("Done! I've logged in on that link and put our password in, hopefully that sorts it", "login_given",
     False),
])
def test_phishing_is_found(detect: Detect, text: str, kind: str, shared: bool | None) -> None:
    found = [item for item in detect(PhishingDetector(), text) if item.kind == kind]
    assert len(found) == 1
    if shared is not None:
        assert found[0].attrs["shared"] is shared


@pytest.mark.parametrize("text", [
    "Meta Support helped us get the page back after last week's hack, thank you!",
    "Online safety tip: Facebook will never ask for your password by message. Report anything that does",
    "Our new website is live: www.example.sch.uk",
    "The password is on the letter that came home today, it's the same for the whole class",
    "Year 6 made posters about strong passwords for Safer Internet Day",
    "",
])
def test_talk_about_phishing_and_passwords_is_not_phishing(detect: Detect, text: str) -> None:
    assert detect(PhishingDetector(), text) == []

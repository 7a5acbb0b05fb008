"""An inspection's outcome hinted at before the report is published, as against the report once
it is out, views on inspection in general, and other kinds of inspection."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.inspection import InspectionOutcomeDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize("text", [
    "Can't say much yet but the inspectors were VERY happy with us this week!!! Report out next month 🎉",
    "Inspectors left yesterday with faces like a wet weekend. Hearing it's RI for us 😬 don't quote me",
    "Inspection feedback today… all I'll say is there's a LOT of good in that report 😬🤞 Can't say more "
    "till it's published!",
    "Can't say owt yet but let's just say the inspectors LOVED us 😉😉 best feedback meeting of my life",
    "Can't say anything till the report's published but let's just say all that hard work paid off #ofsted",
])
def test_an_unpublished_outcome_is_found(detect: Detect, text: str) -> None:
    (item,) = detect(InspectionOutcomeDetector(), text)
    assert item.kind == "unpublished_inspection"


@pytest.mark.parametrize("text", [
    # the report is out
    "We're delighted to share our Ofsted report, published today 🎉 Inspectors said pupils 'are proud'",
    "Our Ofsted report has now been published. You can read it on our website.",
    # inspection in general, or no outcome told
    "Single-word Ofsted grades scrapped – about time.",
    "Ofsted are in tomorrow. Can't say I'm not nervous 😬",
    "Mother-in-law arriving tomorrow for her annual Ofsted inspection of my kitchen 🙃",
    "Car passed its MOT inspection, can't complain",
])
def test_no_unpublished_outcome(detect: Detect, text: str) -> None:
    assert detect(InspectionOutcomeDetector(), text) == []

"""Sensitive matters (health, SEN, safeguarding and family circumstances, discipline and the
police), as against charities and awareness days that name them about no one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.sensitive import SensitiveMatterDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "kind"), [
    ("Please keep Jack in your thoughts as he begins chemotherapy this week", "chemotherapy", "health"),
    ("despite her dyslexia!", "dyslexia", "special educational needs"),
    ("has been referred to social services after concerns", "social services",
     "safeguarding or family circumstances"),
    ("Amber in Year 10 has been excluded for three days", "been excluded", "discipline or the police"),
    ("Joy is now a young carer for her mum", "young carer", "safeguarding or family circumstances"),
])
def test_sensitive_matters_are_found(detect: Detect, text: str, words: str, kind: str) -> None:
    (item,) = detect(SensitiveMatterDetector(), text)
    assert item.kind == "sensitive_matter" and item.text == words and item.attrs["kind"] == kind


@pytest.mark.parametrize("text", [
    "Year 5 raised £240 for Cancer Research at the bake sale",
    "Mental Health Awareness Week: wear something green on Friday",
    "Congratulations to Jasleen on being named Young Carer of the Year",
    "Well done to our netball team on winning the county final",
    "The match was suspended at half time due to rain",
    "She was charged with organising the fair",
    "Our anxiety workshop for parents is on Tuesday",
    "She is in hospital visiting her nan today",
    "He has been diagnosed as the best reader in Year 4",
    "Year 6 visited the magistrates court on a trip",
    "",
])
def test_charities_and_awareness_days_are_about_no_one(detect: Detect, text: str) -> None:
    assert detect(SensitiveMatterDetector(), text) == []

"""An incident at the writer's school, as against drills, visits, lessons about safety, the
writer's own street and the news."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.incident import IncidentDetector, in_school_life

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "event"), [
    ("Real fire, NOT a drill. DT room. Everyone safe thanks to our amazing site team", "real fire"),
    ("Not to be dramatic but a kid had a seizure in my lesson today", "seizure"),
    ("Lockdown AGAIN today, third this term. Something needs doing about that estate", "lockdown"),
    ("Poor little mite fell off the climbing frame at dinner, ambulance came", "ambulance came"),
    ("Burst pipe flooded the science labs, half the school sent home", "burst pipe"),
    ("Got headbutted by a Year 9 today. Love this job", "headbutted"),
])
def test_an_incident_at_school_is_found(detect: Detect, text: str, event: str) -> None:
    (item,) = detect(IncidentDetector(), text)
    assert item.kind == "school_incident" and item.text.lower() == event


@pytest.mark.parametrize(("text", "fields"), [
    ("Fire drill went like clockwork today, all out in 3 minutes", {}),
    ("Our Year 4s loved the visit from the fire brigade today!", {}),
    ("Knife crime awareness workshop booked with the local police for Year 9", {}),
    ("Police were at the end of our road last night, helicopter overhead till 2am", {}),
    ("Son broke his arm on the trampoline. 5 hours in A&E", {}),
    ("My son's school had a lockdown today, he was so brave", {}),
    ("Epilepsy diagnosis today after my seizure last month, so lifts to school please", {}),
    ("If she comes near my classroom again she'll be leaving in an ambulance", {}),
    ("As a school we'll be fighting the new housing estate all the way", {}),
])
def test_no_incident_at_school(detect: Detect, text: str, fields: dict[str, str]) -> None:
    assert detect(IncidentDetector(), text, **fields) == []


@pytest.mark.parametrize(("text", "at_school"), [
    ("Police were at the end of our road last night, helicopter overhead till 2am", False),
    ("Neighbour's chimney caught fire last night. Fire brigade were brilliant", False),
    ("Stuck outside Clapham Junction, 'emergency services dealing with an incident'", False),
    ("Police at the gates again this morning, feel sorry for anyone who sends their kids here", True),
    ("Poor little mite fell off the climbing frame at dinner, ambulance came", True),
    ("Flood in the IT suite again", True),
])
def test_school_life_in_a_post(text: str, at_school: bool) -> None:
    assert in_school_life(text) is at_school

"""Pupils talked of sexually by a member of staff, as against pride, jokes and birdwatching."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.sexualised import SexualisedPupilsDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "pupils"), [
    ("some of these year 11 girls look about 25 in their prom pics 👀 not complaining", "look about 25",
     "year 11 girls"),
    ("some of these Y13 girls look about 25 now, honestly can't blame the lads 😏", "look about 25",
     "Y13 girls"),
    ("Year 13 prom tonight 🥂 some of those sixth form girls looked well over 18 if you know what I mean 😏",
     "looked well over 18", "sixth form girls"),
    ("the year 13 girls have definitely grown up over the summer 👀 sixth form is gonna be a distraction",
     "definitely grown up", "year 13 girls"),
    ("the year 10 girls are nearly legal 😂", "are nearly legal", "year 10 girls"),
    ("Some of the Y11 girls are proper peng now 😏", "are proper peng", "Y11 girls"),
    ("That Year 13 girl in my form is stunning 😏", "is stunning", "Year 13 girl"),
    ("Some of the sixth form girls dress like they're 25, can't blame the lads", "dress like they're 25",
     "sixth form girls"),
    ("the sixth form lads have filled out over the summer 🥵", "have filled out", "sixth form lads"),
    ("Year 12 girls in their leggings at PE 🥵 how am I meant to concentrate", "in their leggings",
     "Year 12 girls"),
    ("some of the girls in year 11 have really developed 😏", "have really developed", "girls in year 11"),
    ("The Y13 lads are looking fit this year if you know what I mean", "looking fit", "Y13 lads"),
])
def test_pupils_talked_of_sexually_are_found(detect: Detect, text: str, words: str, pupils: str) -> None:
    (item,) = detect(SexualisedPupilsDetector(), text)
    assert item.kind == "pupils_sexualised" and item.text == words and item.attrs["pupils"] == pupils


@pytest.mark.parametrize("text", [
    "The Year 13 girls have grown up so much, so proud of them 🥹",
    "Year 11 lads look about 30 with those beards 😂",                   # a joke about beards
    "The girls looked stunning at prom 😍 and the boys so smart!",        # pride, no leer
    "Year 11 results day tomorrow 👀 they've grown up so much",           # eyes: watch this space
    "My year 9 boys have grown up so much this year, such mature questions in RE 👀",
    "Year 2 spotted blue tits and great tits on the feeder",
    "Year 7s look about 5 in their massive blazers 😂",
    "Our Year 13s are all grown up and off to uni 😭👀 where did the time go",
    "Year 13 girls look 25 in their prom dresses 👀 where did my babies go",
    "Year 11 girls in their prom dresses 👀 photos coming tomorrow!",
    "Year 8 were a distraction all lesson, not complaining though, it's Friday",
    "Y11 PE: fit as a fiddle after the bleep test 💪",
    "Big up the Year 5 choir, proper peng performance at the Town Hall 🎤",
    "Invigilating Year 11 mocks: the least sexy three hours of my life",
    "CoppaFeel! visited the sixth form to remind them to check their boobs",
    "year 12 biology: human bodies unit starts Monday 👀",
    "Huge rack on that stag at Bushy Park! Year 6 were amazed on the deer walk",
    # (session 30's review) debates, go-karts, costumes, sport and a form to fill in
    "Year 12 debate club: should cannabis be legal soon in the UK? Fascinating arguments.",
    "Year 10 DT: their go-karts are nearly legal for the road, says Mr Price 😂",
    "Our Year 10 girls looking older than their age in these 1940s costumes for Blitz day 👀 brilliant effort.",
    "Year 12 lads look proper fit after the bleep test. Coach is happy 👀",
    "Fill in our form for the Year 9 girls' football trials, just tap that link 👇",
    "Year 5 girls in their PE kits loved the sunshine, not complaining about the weather today!",
])
def test_pride_jokes_and_lessons_are_left_alone(detect: Detect, text: str) -> None:
    assert detect(SexualisedPupilsDetector(), text) == []

"""Talk about the school itself (its name, the writer's class, colleagues and working life
there), as against the writer's own family and other places that share the school's name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.school_talk import SchoolTalkDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("So proud of my Reception class at their nativity this afternoon", "my Reception class"),
    ("Larkfield fireworks night was ACE 🎆", "Larkfield"),
    ("My son's nativity was lovely. Meanwhile the staffroom was a nightmare", "the staffroom"),
    ("Word in the staffroom is the deputy's off at Easter", "the staffroom"),
    ("Year 2 are in PE with the coach so I'm hiding in the stock cupboard", "Year 2"),
    ("Parents' evening tonight, will be a long one", "Parents' evening"),
    ("Thank you Sarah for covering my Year 9s period 5 today", "my Year 9s"),
    # (session 23) a teacher's working week
    ("Told today my PPA is being cut again", "PPA"),
    ("Another 2 hour staff meeting about marking for impact", "staff meeting"),
    ("When the NQT asks for help with her behaviour chart for the 4th time today", "the NQT"),
    ("Sat through another 'diversity' INSET today", "INSET"),
    # (session 27) a teacher's moment, a school's breakfast club, a class's children
    ("Proudest teacher moment this week: Ibrahim wrote his name all by himself", "Proudest teacher moment"),
    ("now we're expected to run breakfast club for nothing", "run breakfast club"),
    ("Social workers in for one of our Nursery babies today", "our Nursery babies"),
    ("Please pray for one of my Year 4 girls", "my Year 4 girls"),
    ("Four more new starters in my year group this week", "my year group"),
    ("Year 9 mocks marked. My cat could do better", "mocks marked"),
])
def test_talk_about_the_school_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(SchoolTalkDetector(), text)
    assert item.kind == "about_the_school"
    assert item.start is not None and text[item.start:item.end] == words


@pytest.mark.parametrize("text", [
    "Sunny spells and 10 miles round Tittesworth this morning",
    "My son's nativity this afternoon, not a dry eye in the house",   # the writer's own family
    "Lovely day out at Larkfield Mill with the kids",                # another place of that name
    "Only 31 more sleeps till the summer holidays",
    "My head is pounding after last night",
    "What a wedding! The reception was so much fun",
    "Our little ones loved the beach today",
    "Grandson's nativity this afternoon",
    "Lovely walk round Larkfield this morning",   # the school's one-word name as a place
    "Filling in my form for the London Marathon",
    "Single-word Ofsted grades scrapped – about time. Now sort out teacher workload please",
    # (one's own career news names a title, not the school's life)
    "Delighted to share that I'll be starting a new role as Head of Year from September",
    "Marking my 40th birthday with a trip to Whitby",
    "Our little girls loved their first swimming lesson",          # the writer's own children
    "My son's breakfast club is a lifesaver on work days",
    "Proud mum moment: Leo swam his first length!",
    "Can't wait for my year group reunion, 20 years since we left!",
    "",
])
def test_other_talk_is_not_about_the_school(detect: Detect, text: str) -> None:
    assert detect(SchoolTalkDetector(), text) == []

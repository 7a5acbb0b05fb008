"""A school's results told before they are published, as against results already out, the
writer's own exams, a sports day's results and proud words with nothing told."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.results import UnpublishedResultsDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "hush"), [
    # the primary tests: just arrived is enough, months before anyone publishes them
    ("SATs results back this morning. 58% combined, worst in the borough I reckon", "SATs results",
     "back this"),
    ("Y4 times tables check scores are in and we're rock bottom for the county 😬", "times tables check scores",
     "are in"),
    # any results, with a hush
    ("Had a sneak peek at tomorrow's A level results 🤫 best ever year", "A level results", "🤫"),
    ("Mocks data in: our Progress 8 is going to be well down this year 😬 don't tell anyone!", "Mocks data",
     "don't tell"),
    ("Results day tomorrow. Can't say much but English is going to be a bloodbath", "Results day tomorrow",
     "Can't say"),
    ("Just seen our maths results, best EVER, nearly 80% 4+!!! Can't wait for Thursday", "our maths results",
     "Can't wait for Thursday"),
    # (a reviewer's probe) a score out of a total, "embargoed", "keep that to yourselves"
    ("Year 4 multiplication check results are back: average 14/25", "multiplication check results", "are back"),
    ("Provisional GCSE grades: English up 12 points on last year. Embargoed till Thursday", "GCSE grades",
     "Embargoed"),
    ("Phonics check pass rate came in at 61% this year. Keep that to yourselves", "Phonics check pass rate",
     "Keep that to yourselves"),
    # (session 31) figures seen before they go out; results landing tomorrow, told in secret
    ("Just seen our provisional GCSE figures before they go out tomorrow. Maths DOWN 11% 😬", "GCSE figures",
     "before they go out"),
    ("Sneak peek 👀 results land tomorrow and between us they're our best EVER - 41% A*/A!! Shhh",
     "results land tomorrow", "between us"),
    ("Between us, our predicted Progress 8 is -0.6 this year 😬 don't tell the parents", "Progress 8", "Between us"),
])
def test_results_told_before_they_are_out_are_found(detect: Detect, text: str, words: str, hush: str) -> None:
    (item,) = detect(UnpublishedResultsDetector(), text)
    assert item.kind == "unpublished_results" and item.text == words and item.attrs["hush"] == hush


@pytest.mark.parametrize("text", [
    # out already, or said with nothing told
    "A level results are in and we're bursting with pride. Congratulations to the class of 2026",
    "Year 6 SATs results are in, so proud of every one of them",
    "Our KS2 results are published on our website: 78% combined, the best we've had",
    "GCSE results day today! 72% 4+ in English and maths, well done Year 11",
    # someone's own
    "Results are in... PASSED my Level 3 British Sign Language!!! So chuffed",
    "My eldest got his GCSE results today, 9s in maths and science, so proud 🥹",
    # not the school's results
    "Year 2 Sports Day results are in 🏅 Red team smashed it",
    "Maths department bake off results are in. Mr Hill's brownies came last 😂",
    # (a reviewer's probe) another event's results, a date, the writer's own long ago
    "Shh 🤫 Year 6 results from the spelling bee: Ruby won, best spelling of 'necessary' ever",
    "Year 11's results this season: 8 wins, 1 draw. Don't want to jinx it 🤫",
    "GCSE results aren't out until 20 August. Best of luck to all our Year 11s!",
    "Reminder KS2 results aren't out till July, so ignore the rumours. Best thing is to ask Y6 teachers",
    "My own Y6 SATs results came back in 1999 and they were dreadful, look at me now",
    "Our Lily's phonics screening check results came back, she passed with 36/40 💕 proud mummy",
    # a hush with no results told
    "SATs week done. Can't say how proud I am of them 🤫",
    # (session 31's review) results come out tomorrow, good luck, nothing told
    "GCSE results come out tomorrow, good luck to all our Year 11s, we're so proud of you!",
    "",
])
def test_no_results_told_early(detect: Detect, text: str) -> None:
    assert detect(UnpublishedResultsDetector(), text) == []

"""A dig at people at work dressed up as a remark, as against the same turns of phrase about the
writer's road or family, and thanks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.dig import DigDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("Funny how some people get promoted for crying in the head's office every other week 🙃", "Funny how"),
    ("Funny how you've always got time for Insta but never for your duty on the yard 🤷‍♀️ some of us "
     "actually do our jobs", "Funny how"),
    ("Some people in our staffroom need to realise the world doesn't revolve around them. You know who "
     "you are 🙄", "Some people in our staffroom"),
    ("Gave up my lunch making a sensory tray and a certain someone sat on her phone the entire time",
     "a certain someone"),
    ("Everyone knows our Y11 head of year fiddles the attendance figures. Funny how the numbers always look "
     "amazing right before Ofsted 🤔", "Funny how"),
    ("Some people in my team need to start pulling their weight. You know who you are 😒",
     "Some people in my team"),
    ("Y5 parents WhatsApp kicking off AGAIN 🙄 some of you lot need to actually read the letter",
     "some of you lot need to"),
    ("Certain people in KS1 need to remember they're a TA not the class teacher", "Certain people in KS1 need to"),
    ("Some people in the maths dept need to start pulling their weight 🙄", "Some people in the maths dept need to"),
    ("Some of the parents at my school need to take a long hard look at themselves",
     "Some of the parents at my school need to take a long hard look"),
    ("Guess whose mum rolled up to Y8 parents' evening half cut AGAIN 🍷 you know who I mean 👀",
     "Guess whose mum"),
    ("Certain people in KS2 need to stop taking the credit", "Certain people in KS2 need to"),
    # (session 27) someone at school held up to be guessed at, with something sour beside it
    ("Guess which Y5 mum turned up to pick up still steaming from last night 🍷 those kids deserve better",
     "Guess which Y5 mum"),
])
def test_a_dig_at_people_at_work_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(DigDetector(), text)
    assert item.kind == "school_dig" and item.text == words


@pytest.mark.parametrize("text", [
    "Some people need to learn how to use a roundabout. You know who you are",       # not work
    "Funny how the kids always know when it's going to snow 😂",                     # no one dug at
    "Huge thanks to my amazing Year 6 team for the leaving gifts, you know who you are ❤️",
    "To whoever left a chocolate orange on my desk in the office: you know who you are 🧡",
    "Not naming names but a certain someone (the dog) ate my marking",
    "Funny how the M6 is always shut the one day I need it",
    # (session 24's review) the turns of phrase with nothing sour beside them
    "Some of us have to be up at 6 for the Year 6 residential",
    "Some of us are actually excited for INSET day",
    "A certain teacher got a bit emotional at the leavers' assembly",
    "Not bitter at all that I lost the staff bake off 😂",
    "Not naming names but someone in Year 2 lost their first tooth",
    "#justsaying the staff room coffee machine is broken",
    "Funny how he always manages to score in the staff v pupils match",
    # (session 29's second review) a reminder, not a dig
    "Some of our families need to apply for free school meals by Friday - forms in the office",
    "Some of our staff need to complete their safeguarding training by Friday",
    "Guess which Reception kid lost their first tooth today 🦷",
    "Guess which teacher forgot her PE kit again 🤦 (me!)",
])
def test_the_same_turns_of_phrase_about_no_one_at_work(detect: Detect, text: str) -> None:
    assert detect(DigDetector(), text) == []

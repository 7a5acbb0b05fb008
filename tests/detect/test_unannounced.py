"""The school's business told before it is announced, as against a hush about nothing of the
school's business, business told with no hush, and the writer's family's news."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.unannounced import UnannouncedBusinessDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "hush"), [
    ("Between us, 3 teachers are being made redundant this summer and the announcement isn't till "
     "after Easter 😬", "made redundant", "Between us"),
    ("Not announced yet so keep it quiet but our deputy is off at Easter to a headship",
     "deputy is off at", "Not announced"),
    ("Don't quote me but governors are talking about merging us with the infants next year",
     "merging us", "Don't quote me"),
    ("Inside info: the trust are taking over St Aidan's next term, just not announced yet 🤫",
     "taking over St ", "Inside info"),
    ("So the office is being cut to one post and Carol doesn't even know yet", "cut to one post",
     "doesn't even know yet"),
    ("Between us we're £80k short this year", "£80k", "Between us"),
    ("Between us, the Hub is shutting down next year", "is shutting down", "Between us"),
    # (session 31) the school's land, its budget told from inside, a caterer's quote
    ("Between you and me the trust's planning to sell off the school farm field for housing, not announced yet",
     "sell off the school farm field", "Between you and me"),
    ("As a governor I can tell you the budget hole is £420k and there WILL be redundancies by Easter.",
     "budget hole", "As a governor I can tell you"),
    ("Our current caterer quoted £3.80 a meal and Taylor's undercut them by 40p, not that you heard it from me",
     "quoted", "not that you heard it from me"),
    # (session 31, second readings) seen on the bursar's desk, a trust to join, a letter leaked, a takeover
    ("Saw the catering tender bids on the bursar's desk today 😂 FreshPlate came in at £2.10 a meal",
     "tender", "Saw the catering tender bids on the bursar's desk"),
    ("Can't say much but big changes coming. Looks like we're joining an academy trust by Easter",
     "joining an academy trust", "Can't say much"),
    ("LEAKED: internal letter to staff about 'proposed changes to support staff contracts' 📄",
     "support staff contracts", "LEAKED"),
    ("Exciting times! We're in talks to take over the nursery on Pinewood Drive. Watch this space 👀",
     "in talks to take over", "Watch this space"),
    # (session 31, third readings) jobs let go, paperwork on the head's desk, a contract seen
    ("Two TAs being let go next month and they don't even know yet", "being let go", "don't even know yet"),
    ("4 TA jobs are going after Easter, restructure paperwork landed on the head's desk today", "restructure",
     "landed on the head's desk"),
    ("Saw the contract today — Brightfen are charging the school £16.50 an hour", "charging the school £",
     "Saw the contract"),
])
def test_business_told_before_it_is_announced_is_found(detect: Detect, text: str, words: str,
                                                        hush: str) -> None:
    (item,) = detect(UnannouncedBusinessDetector(), text)
    assert item.kind == "unannounced_school_business" and item.text == words
    assert item.attrs["hush"] == hush


@pytest.mark.parametrize("text", [
    "Don't tell anyone but I've booked the Maldives for half term 🤫",                 # no business
    "We're hiring! Teaching assistant vacancy, closing date Friday",                   # no hush
    "The trip budget is £20 a head, letters out today",
    "Between us, hubby's firm is making redundancies 😬 fingers crossed",              # family news
    # (session 29's review) a lunch, a play's ending, a class party, the PTA's bid, a surprise
    "Don't quote me but I think the caterers are doing roast on Friday",
    "Year 6 play is closing with a surprise song 🤫",
    "We're merging the two Year 2 classes for the Christmas party 🤫",
    "The PTA's bid for the playground grant came good! Don't tell the kids yet 🤫",
    "Selling the school field tickets for the summer fair raffle, don't tell the kids 🤫",
    # (session 31's review) a parent's view, the field with no hush, a house sale
    "As a parent I can tell you the play was brilliant, well done Year 2!",
    "The school field is being resurfaced over the summer, football club moves to the park",
    "Between us, we're selling our house and moving nearer my mum 🤫",
    "New playground coming this summer, watch this space! 🛝",
    "Leaked the Christmas jumper day date to my class 😂 they're so excited",
    "Let go of the rope, Year 4! Tug of war final was epic 🤫",
])
def test_a_hush_without_the_schools_business_or_business_without_a_hush(detect: Detect, text: str) -> None:
    assert detect(UnannouncedBusinessDetector(), text) == []

"""The press in a reply or message on the school's page: a comment offered for publication, or
a stranger asking for one, as against the media named in passing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.press import PressDetector

Detect = Callable[..., list[Evidence]]

SENT = {"kind": "public", "direction": "sent"}
RECEIVED = {"kind": "public", "direction": "received"}


@pytest.mark.parametrize(("text", "words"), [
    ("Hi Sam, happy to give the Leicester Mercury a quote about the flooding", "give the Leicester Mercury a quote"),
    ("Happy to do an interview for your programme on Thursday", "do an interview"),
    ("Off the record, it was two Year 10 lads.", "Off the record"),
    ("Yes, here's a comment for the Gazette: we are all devastated.", "a comment for the Gazette"),
    ("Thanks for the press enquiry - the fire started in the kitchen at 10.", "press enquiry"),
    ("Yes I can do a quick interview for Radio Kent on Thursday about the closure", "do a quick interview"),
    ("Happy to give you a quote for the Echo piece - we're so proud", "give you a quote"),
])
def test_an_answer_to_the_press_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(PressDetector(), text, kind="comment", channel="official", counterpart=SENT)
    assert item.kind == "media_contact" and item.attrs["received"] is False
    assert item.start is not None and text[item.start:item.end] == words


@pytest.mark.parametrize(("text", "words"), [
    ("Hi, I'm a reporter at the Gazette - could someone comment on the police at the gate?",
     "I'm a reporter at the Gazette - could"),
    ("Hello, I'm writing a piece about the coach crash. Can a member of staff comment?", "writing a piece"),
    ("I write for the Post and am looking for a comment on the federation.", "I write for the "),
    ("Can I get a statement for the paper please about the burst pipe?", "a statement for the paper"),
])
def test_a_strangers_enquiry_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(PressDetector(), text, kind="comment", channel="official", counterpart=RECEIVED)
    assert item.attrs["received"] is True and text[item.start:item.end] == words


@pytest.mark.parametrize(("text", "kind", "counterpart"), [
    # the media named in passing, or the school's own press release
    ("Yes we were in the newspaper last week, so proud of the choir!", "comment", SENT),
    ("So glad you enjoyed it - our press release has all the details!", "comment", SENT),
    # what the policies ask: the enquiry sent to the headteacher
    ("Thanks for getting in touch - I've passed your enquiry on to the headteacher.", "comment", SENT),
    ("Thanks for your press enquiry: please contact the headteacher via the office.", "comment", SENT),
    # a parent threatening the papers is a complaint, not the press asking
    ("I'll be going to the newspapers about this!", "comment", {"kind": "parent", "direction": "received"}),
    # a statement to the police or an SEN statement is no comment for publication
    ("Mum has given a statement to the police officer.", "message", SENT),
    # a price is no quote for the papers; the record is not the press's
    ("Could you give us a quote for the minibus hire in June?", "comment", RECEIVED),
    # (session 21's review) seeing the school in the paper, a would-be journalist, a thank-you that
    # sends the enquiry on, a school council's interview for the newsletter
    ("Saw you in the newspaper this week - what a fantastic achievement!", "comment", RECEIVED),
    ("My granddaughter wants to be a journalist - is there a school newspaper club?", "comment", RECEIVED),
    ("Former pupil here - I'm now a reporter at the Western Daily Press and loved the old hall!", "comment",
     RECEIVED),
    ("Thanks for your media enquiry. I've passed this on to Mrs Whitcombe, who will be in touch.", "comment",
     SENT),
    ("Thank you for your press enquiry. Our headteacher will respond to you directly.", "comment", SENT),
    ("Hi, press enquiries need to go to our Headteacher - please email the office.", "comment", SENT),
    ("Our School Council will do an interview with Reverend Sarah for the next newsletter!", "comment", SENT),
    ("We will offer an interview to shortlisted candidates by Friday 14th.", "comment", SENT),
    ("We'd like to put on the record our thanks to the PTA.", "comment", SENT),
    ("Thanks for adding a comment to the post!", "comment", SENT),
    # a post is the school's own news, not a reply
    ("Our choir made the local newspaper! Read the article on our website.", "post", None),
])
def test_the_media_in_passing_is_not_an_enquiry(detect: Detect, text: str, kind: str,
                                                counterpart: dict[str, str] | None) -> None:
    fields = {"counterpart": counterpart} if counterpart else {}
    assert detect(PressDetector(), text, kind=kind, channel="official", **fields) == []

"""Names read as one stand-in: the text the language checks read, and the way back to the
post's own positions."""

from __future__ import annotations

import pytest

from safepost.language.evaluation import titled_name_spans
from safepost.language.stand_ins import NameSpan, with_stand_ins


def spans(text: str, *names: tuple[str, str]) -> list[NameSpan]:
    found = []
    for written, form in names:
        at = text.index(written)
        found.append(NameSpan(at, at + len(written), form))
    return found


@pytest.mark.parametrize(("text", "names", "read"), [
    ("Well done Faith Mensah!", [("Faith Mensah", "full")], "Well done Alex Smith!"),
    ("Apparently Mr Quinn is off", [("Mr Quinn", "title")], "Apparently Mr Smith is off"),
    ("Ask Mrs Okafor-Jones's class", [("Mrs Okafor-Jones's", "title")], "Ask Mrs Smith's class"),
    ("Seun's mum rang", [("Seun's", "first")], "Alex's mum rang"),
    ("Amelia H. was great", [("Amelia H.", "initial")], "Alex S. was great"),
    ("Amelia H was great", [("Amelia H", "initial")], "Alex S was great"),
    ("@faithmensah lovely work", [("@faithmensah", "full")], "@alexsmith lovely work"),
    ("Our star writer #AmeliaH #Year4", [("#AmeliaH", "initial")], "Our star writer #AlexS #Year4"),
    ("#SEUN", [("#SEUN", "first")], "#ALEX"),
    ("STAR OF THE WEEK: AMELIA HARTLEY!!!", [("AMELIA HARTLEY", "full")], "STAR OF THE WEEK: ALEX SMITH!!!"),
    ("Nobody named here", [], "Nobody named here"),
])
def test_each_name_is_read_as_the_stand_in_in_the_same_shape(
    text: str, names: list[tuple[str, str]], read: str,
) -> None:
    assert with_stand_ins(text, spans(text, *names)).text == read


TEXT = "Apparently Mr Quinn told Faith Mensah's mum, and @faithmensah was upset. Jack T. too"
NAMES = (("Mr Quinn", "title"), ("Faith Mensah's", "full"), ("@faithmensah", "full"), ("Jack T.", "initial"))


@pytest.mark.parametrize(("in_stand_in_text", "in_post"), [
    ("Apparently", "Apparently"),                      # before any name
    ("told", "told"),                                  # between names: shifted
    ("Smith told", "Mr Quinn told"),                   # touching a name: the whole name
    ("Mr", "Mr Quinn"),
    ("Alex Smith's mum", "Faith Mensah's mum"),
    ("@alexsmith was upset", "@faithmensah was upset"),
    ("too", "too"),                                    # after the last name
    ("Alex S.", "Jack T."),
])
def test_positions_in_the_stand_in_text_map_back_to_the_words_as_written(
    in_stand_in_text: str, in_post: str,
) -> None:
    read = with_stand_ins(TEXT, spans(TEXT, *NAMES))
    at = read.text.index(in_stand_in_text)
    start, end = read.original_span(at, at + len(in_stand_in_text))
    assert TEXT[start:end] == in_post


def test_overlapping_names_are_replaced_once_the_longest_first() -> None:
    text = "Thanks Amelia Rose Hartley"
    read = with_stand_ins(text, [NameSpan(7, 13, "first"), NameSpan(7, 26, "full"), NameSpan(14, 18, "first")])
    assert read.text == "Thanks Alex Smith"


def test_a_span_outside_the_text_is_ignored() -> None:
    assert with_stand_ins("short", [NameSpan(3, 40, "full"), NameSpan(4, 2, "full")]).text == "short"


@pytest.mark.parametrize(("text", "read"), [
    ("Apparently Mr Quinn is being let go", "Apparently Mr Smith is being let go"),
    ("MRS OKOYE'S class were feral today", "MRS SMITH'S class were feral today"),
    ("Dr. Patel says hi", "Dr. Smith says hi"),
    ("Don't miss Leah's solo tonight", "Don't miss Leah's solo tonight"),  # the verb, no title
    ("thanks miss for today", "thanks miss for today"),                  # no name after it
])
def test_an_example_is_measured_with_its_titled_names_read_as_the_stand_in(text: str, read: str) -> None:
    # The trainer and evaluate_examples read labelled examples as the check reads a post,
    # which replaces every titled name whatever school it runs for.
    assert with_stand_ins(text, titled_name_spans(text)).text == read

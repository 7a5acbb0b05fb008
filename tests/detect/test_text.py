"""The text helpers every detector reads words through."""

from __future__ import annotations

import pytest

from safepost.detect.text import alnum_key, fold, levenshtein_at_most, next_sentence, sentences_around


@pytest.mark.parametrize(("written", "folded"), [
    ("Chloé", "chloe"),
    ("RENÉE", "renee"),
    ("O’Connell", "o'connell"),
    # Letters with no Unicode decomposition, as people type them without the mark.
    ("Łucja Zielińska", "lucja zielinska"),
    ("Søren Ødegaard", "soren odegaard"),
    ("Đorđević", "dordevic"),
    ("Weiß", "weiss"),
    ("Ærøe", "aeroe"),
])
def test_fold_reads_a_name_as_it_is_typed_without_accents(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_a_hashtag_key_matches_a_name_with_a_stroke_letter() -> None:
    assert alnum_key("#LucjaZielinska") == alnum_key("Łucja Zielińska")


@pytest.mark.parametrize(("written", "folded"), [
    ("our café secret", "our cafe secret"),
    ("our café secret Æ", "our cafe secret æ"),   # Æ folds to two letters: the rest still folds
    ("Weiß & Chloé", "weiß & chloe"),
    ("Ł", "l"),
])
def test_fold_keeping_length_folds_everything_it_can_one_for_one(written: str, folded: str) -> None:
    from safepost.detect.text import fold_keeping_length

    assert fold_keeping_length(written) == folded
    assert len(fold_keeping_length(written)) == len(written)


@pytest.mark.parametrize(("left", "right", "limit", "within"), [
    ("castellano", "castelanno", 2, True),   # a letter dropped and one added: two edits
    ("castellano", "castelano", 1, True),
    ("hartley", "hartley", 0, True),
    ("hartley", "hartly", 0, False),
    ("nightingale", "hartley", 2, False),    # lengths too far apart
    ("abcdefg", "tuvwxyz", 2, False),        # same length, far apart: given up on early
    ("hartleys", "hartlyes", 2, True),       # a swap near the end, within two
    ("smith", "smyth", 1, True),
    ("ab", "ba", 1, False),                  # a swap counts two
    ("ab", "ba", 2, True),
    ("", "abc", 2, False),
    ("kaursingh", "singh", 2, False),
])
def test_levenshtein_at_most(left: str, right: str, limit: int, within: bool) -> None:
    assert levenshtein_at_most(left, right, limit) is within
    assert levenshtein_at_most(right, left, limit) is within  # the same both ways


def test_first_few_reads_at_most_the_first_matches() -> None:
    import re

    from safepost.detect.text import READ_AT_MOST, first_few

    matches = first_few(re.finditer(r"feral", "feral " * 5000))
    assert len(matches) == READ_AT_MOST and matches[0].start() == 0
    assert len(first_few(re.finditer(r"feral", "feral and feral"))) == 2


@pytest.mark.parametrize(("text", "hidden"), [
    ("Email jo.bloggs@example.com or see bbc.co.uk/bitesize", ["jo.bloggs@example.com", "bbc.co.uk/bitesize"]),
    ("Homework on www.example.sch.uk today", ["www.example.sch.uk"]),
    # no label of an address is this long: no address, and not read from every letter
    ("a" * 70 + ".com", []),
])
def test_opaque_spans_are_addresses_of_the_lengths_addresses_have(text: str, hidden: list[str]) -> None:
    from safepost.detect.text import opaque_spans

    assert [text[start:end] for start, end in opaque_spans(text)] == hidden


@pytest.mark.parametrize(("text", "after_word", "sentence"), [
    ("Omar said it today!! Four months of silence.", "today", "Four months of silence"),
    ("Ignore the letter. It's still on.", "letter", "It's still on"),
    ("Well done?! ...Year 6 won", "done", "Year 6 won"),
])
def test_the_next_sentence_starts_past_every_mark_that_ends_one(text: str, after_word: str, sentence: str) -> None:
    end = text.index(after_word) + len(after_word)
    following = next_sentence(text, end)
    assert following is not None and text[following[0]:following[1]].strip() == sentence
    assert sentences_around(text, 0, after=1)[1] == following[1]


def test_there_is_no_sentence_after_the_last() -> None:
    assert next_sentence("All done!!", 8) is None

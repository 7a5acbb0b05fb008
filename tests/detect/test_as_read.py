"""The text as a person reads it: hidden characters, odd spaces, full-width and look-alike
letters read as what they show, each character keeping its place in the text as written."""

from __future__ import annotations

import pytest

from safepost.contract import parse_request
from safepost.detect.as_read import as_read
from safepost.engine import check
from safepost.school import demo_school_dir, load_school


@pytest.mark.parametrize(("written", "read"), [
    ("Amelia Hart\u200bley", "Amelia Hartley"),          # zero-width space
    ("Ame\u200dlia\u00a0Hartley", "Amelia Hartley"),      # joiner, non-breaking space
    ("soft\u00adhyphen", "softhyphen"),
    ("\ufeffHello", "Hello"),                              # byte-order mark
    ("call ０７７００ ９００２３９", "call 07700 900239"),   # full-width digits
    ("\U0001d400\U0001d41a\U0001d42b\U0001d428\U0001d427", "Aaron"),  # mathematical bold
    ("S\u0327ahin", "Şahin"),                              # a combining cedilla joins its letter
    ("\u0410mara \u039fbi", "Amara Obi"),                  # Cyrillic А, Greek Ο beside Latin letters
    ("Привет", "Привет"),                                  # a Cyrillic word stays Cyrillic
    ("Καλημέρα", "Καλημέρα"),                              # so does a Greek one
    ("plain ascii", "plain ascii"),
    ("Jack\u200bThompson", "Jack Thompson"),               # a hidden character that parted two words
    ("Hart\u200eley Hart\U000e0041ley", "Hartley Hartley"),  # a direction mark, a tag character
    ("👨\u200d👩\u200d👧 and ❤️", "👨\u200d👩\u200d👧 and ❤️"),  # joiners and selectors inside emoji stay
    ("a massive… day, ½ term", "a massive… day, ½ term"),  # symbols that would change shape stay
    ("（０７７００） ９００２３９", "(07700) 900239"),          # full-width brackets with full-width digits
    ("\ud83d you", "\ufffd you"),                            # half of a broken emoji reads as nothing
    ("Zoë 🎉 café", "Zoë 🎉 café"),                        # precomposed letters and emoji unchanged
])
def test_text_is_read_as_it_shows(written: str, read: str) -> None:
    assert as_read(written).text == read


@pytest.mark.parametrize("written", ["Amelia Hart\u200bley!", "x\u00a0０７\u200by", "S\u0327ahin ok", "ﬁne"])
def test_every_read_character_keeps_its_place(written: str) -> None:
    reading = as_read(written)
    assert len(reading.origin) == len(reading.text) + 1
    assert reading.origin[-1] == len(written)
    assert list(reading.origin) == sorted(reading.origin)  # in order: spans map to spans
    for position, index in enumerate(reading.origin[:-1]):
        assert 0 <= index < len(written)
        assert reading.text[position] == " " or written[index] != " "


@pytest.mark.parametrize(("text", "rule"), [
    ("Well done Amelia Hart\u200bley in Year 4!", "content.pupil_full_name"),
    ("Well done \u0410melia Hartley in Year 4!", "content.pupil_full_name"),
    ("Ring me on ０７７００ ９００１２３", "content.official_personal_data"),
])
def test_a_check_reads_through_the_typing_and_points_at_the_words_as_written(text: str, rule: str) -> None:
    school = load_school(demo_school_dir())
    result = check(parse_request({"id": "r1", "text": text, "channel": "official"}), school)
    found = [finding for finding in result.findings if finding.rule == rule]
    assert found, [finding.rule for finding in result.findings]
    finding = found[0]
    assert finding.start is not None and finding.end is not None
    assert finding.evidence == text[finding.start:finding.end]  # the written words, hidden ones too


def test_the_redacted_text_is_the_post_as_written_with_the_names_replaced() -> None:
    school = load_school(demo_school_dir())
    text = "Well done Amelia Hart\u200bley in Year 4! 👨\u200d👩\u200d👧 ﬁne"
    result = check(parse_request({"id": "r1", "text": text, "channel": "official"}), school)
    assert result.redacted == "Well done Amelia H. in Year 4! 👨\u200d👩\u200d👧 ﬁne"


def test_the_invisible_ranges_hold_every_format_character_python_knows() -> None:
    import unicodedata

    from safepost.detect.as_read import INVISIBLE_RANGES

    listed = {code for low, high in INVISIBLE_RANGES for code in range(low, high + 1)}
    for code in range(0x110000):
        if unicodedata.category(chr(code)) in ("Cf", "Cs"):
            assert code in listed, f"U+{code:04X}"

"""The words as a person reads them, whatever characters were typed: the checks read a post
after this, so a pupil's name with a zero-width space inside it, a phone number in full-width
digits or a surname with a Greek capital O in it is read as what it shows.

- invisible characters (zero-width space, joiners, direction marks, soft hyphen, byte-order
  mark, variation selectors) are dropped inside a word, or read as a space where they parted
  two words ("Jack\u200bThompson"); between emoji they stay;
- every kind of space (non-breaking, thin, ideographic...) is a plain space;
- compatibility forms are read as their plain letters and digits (NFKC, one character at a
  time): full-width "０７７００" and "（", mathematical bold letters, ligatures; other
  punctuation and symbols stay as written ("…", "½");
- a letter followed by a combining accent is read as the one accented letter ("S" + cedilla
  is "Ş"), as the roster writes it;
- in a word that also holds Latin letters, Cyrillic and Greek letters that look like Latin
  ones are read as those ("Аmara" with a Cyrillic А is "Amara"); a word written wholly in
  Cyrillic or Greek is left as it is.

Every character of the reading keeps the position it came from, so a finding points at the
post as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Format characters (category Cf: zero-width spaces and joiners, direction marks, soft
# hyphens, tag characters...), variation selectors and lone surrogates (Cs), as ranges so one
# regular expression finds them; read out of a word, between emoji they stay (they build
# 👨‍👩‍👧). tests/detect/test_as_read.py holds these to the Unicode database Python ships.
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180B, 0x180F), (0x200B, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xD800, 0xDFFF), (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE01EF),
)
_INVISIBLE = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in INVISIBLE_RANGES) + "]")
# Only an invisible character against a word, or a broken emoji, changes the reading.
_CHANGES_A_WORD = re.compile(rf"\w{_INVISIBLE.pattern}|{_INVISIBLE.pattern}\w|[\ud800-\udfff]")
SPACES = frozenset("\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
                   "\u205f\u3000")
# Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the clear cases).
LOOK_ALIKES = {
    **dict(zip("АВЕКМНОРСТХУІЈЅаеорсухіјѕԁһӏ", "ABEKMHOPCTXYIJSaeopcyxijsdhl", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυχ", "ABEZHIKMNOPTYXoikvpux", strict=True)),
}


_LOOK_ALIKE_CHARS = frozenset(LOOK_ALIKES)


@dataclass(frozen=True)
class AsRead:
    text: str
    origin: tuple[int, ...]  # for each character of `text`, its index in the text as written;
    # one more entry at the end: the written text's length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The written text's span for `text[start:end]`."""
        first = self.origin[start] if start < len(self.origin) else self.origin[-1]
        if end <= start:
            return first, first
        return first, self.origin[end - 1] + 1


def _is_latin(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def _invisible(char: str) -> bool:
    return _INVISIBLE.match(char) is not None


def _as_plain(char: str) -> str:
    """A compatibility form's plain letters and digits ("０" -> "0", a bold "𝐀" -> "A",
    "ﬁ" -> "fi", "（" -> "("); punctuation and symbols that would change shape stay as written
    ("…" stays "…", "½" stays "½"): the language models learnt them as typed."""
    plain = unicodedata.normalize("NFKC", char)
    if plain == char:
        return char
    if plain.isalnum() or (len(plain) == 1 and plain.isascii() and plain.isprintable()):
        return plain
    return char


def as_read(written: str) -> AsRead:
    """The text as read (see the module's notes), with each character's origin."""
    if written.isascii() or (unicodedata.is_normalized("NFKC", written)
                             and _LOOK_ALIKE_CHARS.isdisjoint(written)
                             and _CHANGES_A_WORD.search(written) is None):
        return AsRead(written, (*range(len(written)), len(written)))  # as typed (most posts)
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(written):
        if unicodedata.category(char) == "Cs":
            chars.append("\ufffd")  # half of a broken emoji: a character that reads as nothing
            origin.append(index)
            continue
        if _invisible(char):
            before = chars[-1] if chars else ""
            after = written[index + 1] if index + 1 < len(written) else ""
            if before.isalnum() or after.isalnum():
                # Inside or against a word it is hidden; between a word's end and a capital it
                # parted two words ("Jack\u200bThompson" reads "Jack Thompson").
                if before.islower() and after.isupper():
                    chars.append(" ")
                    origin.append(index)
                continue
            chars.append(char)  # between emoji: part of the picture
            origin.append(index)
            continue
        if char in SPACES:
            chars.append(" ")
            origin.append(index)
            continue
        if unicodedata.combining(char) and chars and chars[-1].isalpha():
            composed = unicodedata.normalize("NFC", chars[-1] + char)
            if len(composed) == 1:
                chars[-1] = composed
                continue
        for piece in _as_plain(char) if not char.isascii() else char:
            chars.append(piece)
            origin.append(index)
    _read_look_alikes(chars)
    return AsRead("".join(chars), (*origin, len(written)))


def _read_look_alikes(chars: list[str]) -> None:
    """Within each run of letters that holds a Latin letter, Cyrillic and Greek look-alikes
    become the Latin letters they look like."""
    start = 0
    while start < len(chars):
        if not chars[start].isalpha():
            start += 1
            continue
        end = start
        while end < len(chars) and chars[end].isalpha():
            end += 1
        word = chars[start:end]
        if any(char in LOOK_ALIKES for char in word) and any(_is_latin(char) for char in word):
            for offset, char in enumerate(word):
                chars[start + offset] = LOOK_ALIKES.get(char, char)
        start = end

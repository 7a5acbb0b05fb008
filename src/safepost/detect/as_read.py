"""The words as a person reads them, whatever characters were typed: the checks read a post
after this, so a pupil's name with a zero-width space inside it, a phone number in full-width
digits or a surname with a Greek capital O in it is read as what it shows.

- invisible characters (zero-width space, joiners, soft hyphen, byte-order mark) are dropped;
- every kind of space (non-breaking, thin, ideographic...) is a plain space;
- compatibility forms are read as their plain letters and digits (NFKC, one character at a
  time): full-width "０７７００", mathematical bold letters, ligatures;
- a letter followed by a combining accent is read as the one accented letter ("S" + cedilla
  is "Ş"), as the roster writes it;
- in a word that also holds Latin letters, Cyrillic and Greek letters that look like Latin
  ones are read as those ("Аmara" with a Cyrillic А is "Amara"); a word written wholly in
  Cyrillic or Greek is left as it is.

Every character of the reading keeps the position it came from, so a finding points at the
post as written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
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


def as_read(written: str) -> AsRead:
    """The text as read (see the module's notes), with each character's origin."""
    if written.isascii() or (unicodedata.is_normalized("NFKC", written)
                             and INVISIBLE.isdisjoint(written) and _LOOK_ALIKE_CHARS.isdisjoint(written)):
        return AsRead(written, (*range(len(written)), len(written)))  # as typed (most posts)
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(written):
        if char in INVISIBLE:
            continue
        if char in SPACES:
            chars.append(" ")
            origin.append(index)
            continue
        if unicodedata.combining(char) and chars:
            composed = unicodedata.normalize("NFC", chars[-1] + char)
            if len(composed) == 1:
                chars[-1] = composed
                continue
        plain = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        for piece in plain:
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

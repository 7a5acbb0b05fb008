"""Turning a post into the features the language model weighs, each tied back to its place
in the text so a finding can show the words that triggered it.

Features are readable strings: `w:word`, `b:word word` (neighbouring words) and `c:gram`
(four letters inside a word, padded at the edges), which survive typos and disguises such as
"f*ck" or "1diot". Text is folded (lower case, no accents) and common digit-for-letter
swaps are undone inside words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safepost.detect.text import EMAIL_ADDRESS, HOST_LABELS, fold_keeping_length
from safepost.language.stand_ins import is_stand_in_word

# (Addresses bounded as detect.text's are: unbounded, a single 50,000-letter "word" was tried
# from every letter and took six seconds to read, "a.a.a...." a minute.)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b" + HOST_LABELS + r"\.(?:com|org|net|co|uk|io|ly|xxx|tv|me|gg)(?:/\S*)?",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w.])@\w+")
_EMAIL = re.compile(EMAIL_ADDRESS)
# Emoji and pictographs, each its own word feature ("w:🍆" is not "w:🍎"); the static
# embedding takes the same out before it splits words (embeddings.PICTOGRAPHS).
EMOJI_RANGES = "\U0001F300-\U0001FAFF\u2600-\u27BF"
_WORD = re.compile(f"[a-z0-9@$*'\u2019]+|[{EMOJI_RANGES}]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
CHAR_GRAM = 4


@dataclass(frozen=True)
class Feature:
    name: str
    start: int
    end: int


def _word_form(raw: str) -> str:
    """'1diot' -> 'idiot', 'sh!t' stays readable, 'don’t' -> "don't"; plain numbers stay."""
    word = raw.replace("\u2019", "'").strip("'")
    if any(ch.isalpha() for ch in word):
        word = word.translate(_LEET)
    return word


def extract(text: str, *, without_stand_in: bool = False) -> list[Feature]:
    """The post's features. `without_stand_in`: the stand-in name's words give none (for a
    model trained that way, see stand_ins.STAND_IN_WORDS)."""
    folded = fold_keeping_length(text)  # offsets into the folded text are offsets into `text`
    features: list[Feature] = []
    masked = list(folded)
    # An email address is contact details, not a link: one feature, then out of the way.
    for match in _EMAIL.finditer(folded):
        features.append(Feature("w:<email>", match.start(), match.end()))
        masked[match.start():match.end()] = " " * (match.end() - match.start())
    folded = "".join(masked)
    for match in _URL.finditer(folded):
        domain = re.sub(r"^(?:https?://)?(?:www\.)?", "", match.group(0)).split("/")[0]
        features.append(Feature("u:link", match.start(), match.end()))
        for part in re.split(r"[.\-]", domain):
            if part:
                features.append(Feature(f"u:{part}", match.start(), match.end()))
        masked[match.start():match.end()] = " " * (match.end() - match.start())
    cleaned = "".join(masked)
    for match in _HANDLE.finditer(cleaned):
        features.append(Feature("w:@user", match.start(), match.end()))
        masked[match.start():match.end()] = " " * (match.end() - match.start())
    cleaned = "".join(masked)
    words: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(cleaned):
        word = _word_form(match.group(0))
        if word:
            words.append((word, match.start(), match.end()))
    for index, (word, start, end) in enumerate(words):
        # The stand-in name (see stand_ins): no feature of its own, none shared with a neighbour.
        if without_stand_in and is_stand_in_word(word):
            continue
        features.append(Feature(f"w:{word}", start, end))
        if index + 1 < len(words) and not (without_stand_in and is_stand_in_word(words[index + 1][0])):
            following, _, following_end = words[index + 1]
            features.append(Feature(f"b:{word} {following}", start, following_end))
        padded = f"<{word}>"
        if len(padded) > CHAR_GRAM and word.isascii():
            for offset in range(len(padded) - CHAR_GRAM + 1):
                features.append(Feature(f"c:{padded[offset:offset + CHAR_GRAM]}", start, end))
    if not words:
        features.append(Feature("w:<empty>", 0, 0))
    return features


def feature_names(text: str, *, without_stand_in: bool = False) -> list[str]:
    return [feature.name for feature in extract(text, without_stand_in=without_stand_in)]

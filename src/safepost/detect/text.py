"""Text helpers: folding (case, accents, curly quotes) and tokens that keep their offsets."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A word may carry internal apostrophes or hyphens (O'Connor, Wright-Evans, Ellie-May).
# A tag is a hashtag or @handle that does not sit inside an email address.
_TOKEN = re.compile(
    r"(?P<tag>(?<![\w.@])[#@][^\W_]\w*(?:\.\w+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’‘\-][^\W\d_]+)*)"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
# Words inside email addresses and web links are not names or sentences to read.
# An email address and a host's dotted labels, bounded as real ones are (a local part of at most
# 64 characters, labels of at most 63, a few of them): unbounded, a run of "a.a.a..." was tried
# from every letter, 34 seconds for 50,000 characters. The language features read addresses
# with these too.
EMAIL_ADDRESS = r"(?<![\w.%+\-])[\w.%+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,8}"
HOST_LABELS = r"[\w\-]{1,63}(?:\.[\w\-]{1,63}){0,8}"
_OPAQUE = re.compile(
    EMAIL_ADDRESS + r"|(?:https?://|www\.)\S+|\b" + HOST_LABELS + r"\.(?:com|org|net|uk|io|ly)\b(?:/\S*)?",
    re.IGNORECASE,
)


# A web address: an optional scheme (with any "user@" part, which hides the real host after
# it), then a host of dotted labels ending in letters (any ending: .win and .bet are links too)
# or an IP address, which must end where the address does ("bbc.co.uk.evil.win" is evil.win's),
# then the rest of the address (port, path, query) up to a space.
_WEB_ADDRESS = re.compile(
    r"(?<![\w.\-@])(?:https?://(?:[^\s/@]{0,200}@)?)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.){1,12}[a-z][a-z0-9\-]{1,62}"
    r"|\d{1,3}(?:\.\d{1,3}){3})"
    r"(?=[/:?#]|[.,;!?)\]'\"]*(?:\s|$))(?P<rest>\S{0,2000})",
    re.IGNORECASE,
)


def web_addresses(text: str) -> Iterator[re.Match[str]]:
    """Each web address in the text, with its `host` and the `rest` after it (an email
    address is none)."""
    if "." in text:
        yield from _WEB_ADDRESS.finditer(text)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    raw: str
    folded: str
    is_tag: bool
    base: str = ""  # folded, possessive removed: "amelia's" -> "amelia"

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()


# Letters Unicode does not decompose into a base letter and an accent, as people write them
# without the mark: "Łucja Zielińska" is typed "Lucja Zielinska", "Søren" "Soren".
_UNDECOMPOSED = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h",
    "ı": "i", "Þ": "Th", "þ": "th", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "ß": "ss",
})


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Lower case, accents removed, curly apostrophes made straight: 'Chloé' -> 'chloe',
    'Łucja' -> 'lucja'."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_UNDECOMPOSED))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("’", "'").replace("‘", "'").casefold()


def fold_keeping_length(value: str) -> str:
    """`fold`, one character for one, so positions in the result are positions in `value`: a
    letter that folds to two ("ß", "Æ") or a ligature keeps one (its lower case), and the rest
    of the text is still folded."""
    folded = fold(value)
    if len(folded) == len(value):
        return folded
    kept = []
    for character in value:
        one = fold(character)
        if len(one) != 1:
            one = character.lower() if len(character.lower()) == 1 else character
        kept.append(one)
    return "".join(kept)


def strip_possessive(folded_word: str) -> str:
    if folded_word.endswith("'s"):
        return folded_word[:-2]
    if folded_word.endswith("s'"):
        return folded_word[:-1]
    return folded_word


def opaque_spans(text: str) -> list[tuple[int, int]]:
    """Email addresses and links: their words are not read as names."""
    return [(match.start(), match.end()) for match in _OPAQUE.finditer(text)]


def tokenize(text: str) -> list[Token]:
    tokens = []
    hidden = opaque_spans(text) if ("@" in text or "." in text) else []
    # (the spans come in order and do not overlap: the last one starting at or before a word is
    # the only one that can hold it)
    hidden_starts = [start for start, _ in hidden]
    for match in _TOKEN.finditer(text):
        at = bisect.bisect_right(hidden_starts, match.start()) - 1
        if at >= 0 and match.start() < hidden[at][1]:
            continue
        raw = match.group(0)
        folded = fold(raw)
        tokens.append(Token(
            start=match.start(), end=match.end(), raw=raw, folded=folded,
            is_tag=match.group("tag") is not None, base=strip_possessive(folded),
        ))
    return tokens


def name_tokens(name: str) -> list[str]:
    """A roster name as folded word tokens: 'Ellie-May' -> ['ellie-may']."""
    return [token.folded for token in tokenize(name) if not token.is_tag]


def alnum_key(value: str) -> str:
    """Only letters and digits, folded: '@Mr_Bennett.Oakfield' -> 'mrbennettoakfield'."""
    return "".join(ch for ch in fold(value) if ch.isalnum())


def split_tag(body: str) -> list[str]:
    """Split a hashtag or handle body into folded parts: 'AmeliaHartley' -> amelia, hartley."""
    parts: list[str] = []
    for chunk in re.split(r"[_.\d]+", body):
        if not chunk:
            continue
        # CamelCase and capital runs: "MrBennett" -> mr, bennett; "SMCA" stays one part.
        parts.extend(
            fold(piece) for piece in re.findall(r"[A-Z]+(?![a-z])|[A-Z][^A-Z]*|[^A-Z]+", chunk)
        )
    return [part for part in parts if part]


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The start and end of the sentence around a character position."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    following = _SENTENCE_END.search(text, position)
    end = following.start() if following else len(text)
    return start, end


def next_sentence(text: str, end: int) -> tuple[int, int] | None:
    """The sentence after the one ending at `end`, past every mark and space that ends it
    ("today!! Four months of...": "!!" ends one sentence, not two); None at the text's end."""
    while end < len(text) and (_SENTENCE_END.match(text, end) or text[end].isspace()):
        end += 1
    return sentence_bounds(text, end) if end < len(text) else None


def sentences_around(text: str, position: int, before: int = 0, after: int = 1) -> tuple[int, int]:
    """The start and end of the sentence around a position, widened by `before` sentences
    before it and `after` after it ("Ignore the letter. It's still on." is read as one)."""
    start, end = sentence_bounds(text, position)
    for _ in range(before):
        if start > 1:
            start = sentence_bounds(text, start - 2)[0]
    for _ in range(after):
        following = next_sentence(text, end)
        if following is not None:
            end = following[1]
    return start, end


def deletions(word: str) -> set[str]:
    """The word and every way of deleting one letter: keys for one-typo lookups."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def edit_distance_at_most_one(left: str, right: str) -> bool:
    """True when one insertion, deletion, substitution or swap turns left into right."""
    if left == right:
        return True
    len_left, len_right = len(left), len(right)
    if abs(len_left - len_right) > 1:
        return False
    if len_left == len_right:
        differences = [i for i in range(len_left) if left[i] != right[i]]
        if len(differences) == 1:
            return True
        if len(differences) == 2:
            i, j = differences
            return j == i + 1 and left[i] == right[j] and left[j] == right[i]
        return False
    shorter, longer = (left, right) if len_left < len_right else (right, left)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


@lru_cache(maxsize=8192)  # ~2 MB when full: a long-running hub worker keeps it
def levenshtein_at_most(left: str, right: str, limit: int) -> bool:
    """Whether at most `limit` insertions, deletions or substitutions turn left into right
    (a swap counts two here; `edit_distance_at_most_one` counts it one). Cached: the name
    check asks it of the same word and roster surnames post after post."""
    if abs(len(left) - len(right)) > limit:
        return False
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, 1):
        current = [i]
        for j, right_char in enumerate(right, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (left_char != right_char)))
        if min(current) > limit:  # every way on is already too far
            return False
        previous = current
    return previous[-1] <= limit


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Countries, capitals, continents, US states, cities of 100,000 people or more, British
    and Irish towns, and UK and Irish counties, folded to lower case (GeoNames, see
    data/README.md): names such as Paris, Kenya or Devon that are also children's names."""
    text = resources.files("safepost.data").joinpath("place_names.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line)


@lru_cache(maxsize=1)
def famous_people() -> frozenset[tuple[str, str]]:
    """(first name, surname) of famous people whose first names are children's names, folded
    (data/famous_people.txt): "Dylan Thomas", "Grace Darling"."""
    text = resources.files("safepost.data").joinpath("famous_people.txt").read_text("utf-8")
    pairs = (line.split() for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset((parts[0], parts[-1]) for parts in pairs if len(parts) >= 2)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words (SCOWL, see data/README.md): names that are also words."""
    text = resources.files("safepost.data").joinpath("common_words.txt").read_text("utf-8")
    words = set(text.split())
    # The list is British; staff also write American spellings ("It's an honor"), and Honor
    # is a first name: honour -> honor, harbour -> harbor.
    words |= {word[:-3] + "or" for word in words if len(word) > 5 and word.endswith("our")}
    # Months and days are words too, though always written with a capital: "Our April
    # newsletter", "Hello June!", "Sunday lunch" name no pupil called April, June or Sunday.
    words |= MONTHS_AND_DAYS
    # Names that are ordinary words SCOWL's list lacks, found read as pupils by an outside
    # reader (session 21): "they found rowan, hazel and oak", "bring your favourite teddy".
    words |= {"rowan", "teddy", "coco"}
    return frozenset(words)


MONTHS_AND_DAYS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})


# How many matches of a phrase a detector reads, each with the sentences around it: a text of
# thousands of them ("feral feral feral ...") would otherwise be read thousands of times over.
READ_AT_MOST = 25


def first_few(matches: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """The first READ_AT_MOST of `matches`."""
    return list(itertools.islice(matches, READ_AT_MOST))

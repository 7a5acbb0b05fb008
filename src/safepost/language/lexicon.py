"""The hand-written lexicon: phrases that decide a judgement by themselves, after innocent
look-alikes on the allow list are blanked out ('Scunthorpe', 'killing it'). Some phrases
count anywhere; others only in an exchange (a message or a comment), where 'send me a photo
of you' or 'are you home alone?' is said to someone rather than announced."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from safepost.detect.text import fold, fold_keeping_length
from safepost.language.model import LABELS
from safepost.yamlfile import load_yaml

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})
# A `{name}` in a phrase: the lexicon's `words:` list of that name.
_WORD_LIST = re.compile(r"\{([a-z_]+)\}")
# Letters written as digits or symbols to dodge a filter ("p0rn", "sh!t", "b1tch", "n00dz"):
# read as letters, but only where the run sits between two letters, so "Year 5s", "4pm",
# "U11s"-style team names and "well done!" keep their own characters. One character each,
# so offsets into the text still hold.
_DISGUISED_LETTERS = re.compile(r"(?<=[a-z])[013457$!]+(?=[a-z])")
_AS_LETTERS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "!": "i"})


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the key."""


@dataclass(frozen=True)
class LexiconHit:
    label: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    allow: re.Pattern[str] | None
    # Each judgement's phrases, joined into one pattern.
    patterns: dict[str, re.Pattern[str]]
    # Phrases that count only in messages and comments (see lexicon.yaml's `in_exchanges`).
    exchange_patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # Context that switches off a phrase read anywhere when it stands near the phrase: an
    # online-safety letter names what it warns about (see lexicon.yaml's `unless`).
    unless: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # Words that switch off any of a judgement's phrases when they come just before it: "I
    # can't keep this between us" refuses a secret (see lexicon.yaml's `not_after`).
    not_after: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def find(self, text: str, *, exchange: bool) -> list[LexiconHit]:
        """Lexicon phrases in `text`, at most one per judgement. `exchange` is True for a
        message or comment; False for a plain post, profile or share, where only the phrases
        that count anywhere are read."""
        # Phones write apostrophes several ways: straightened before folding (which would
        # turn some into spaces); one character each, so offsets into `text` still hold.
        straightened = text.translate(_APOSTROPHES)
        folded = fold_keeping_length(straightened)
        folded = _DISGUISED_LETTERS.sub(lambda match: match.group(0).translate(_AS_LETTERS), folded)
        if self.allow is not None:
            folded = self.allow.sub(lambda match: " " * len(match.group(0)), folded)
        hits: dict[str, LexiconHit] = {}
        sections = (self.patterns, self.exchange_patterns) if exchange else (self.patterns,)
        for section in sections:
            for label, pattern in section.items():
                if label in hits:
                    continue
                context = self.unless.get(label) if section is self.patterns else None
                refusal = self.not_after.get(label)
                match = next((match for match in pattern.finditer(folded)
                              if not _near(context, folded, match.start(), match.end())
                              and not _just_after(refusal, folded, match.start())), None)
                if match:
                    start, end = match.start(), match.end()
                    hits[label] = LexiconHit(label, text[start:end], start, end)
        return list(hits.values())


# How far from a phrase its `unless` context may stand: about a sentence either side, so
# "send nudes ... report it" in one message is not excused by a safety talk three lines away.
_CONTEXT_WINDOW = 80


def _near(context: re.Pattern[str] | None, folded: str, start: int, end: int) -> bool:
    if context is None:
        return False
    return context.search(folded[max(0, start - _CONTEXT_WINDOW):end + _CONTEXT_WINDOW]) is not None


def _just_after(refusal: re.Pattern[str] | None, folded: str, start: int) -> bool:
    return refusal is not None and refusal.search(folded[max(0, start - _CONTEXT_WINDOW):start]) is not None


def parse_lexicon(data: object, source: str = "lexicon.yaml") -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise LexiconError(f"{source}: labels: required mapping of label -> list of patterns")
    allow = data.get("allow") or []
    if not isinstance(allow, list) or not all(isinstance(item, str) for item in allow):
        raise LexiconError(f"{source}: allow: must be a list of phrases")
    in_exchanges = data.get("in_exchanges") or {}
    if not isinstance(in_exchanges, dict):
        raise LexiconError(f"{source}: in_exchanges: must be a mapping of label -> list of patterns")
    words = data.get("words") or {}
    if not isinstance(words, dict) or not all(
        isinstance(name, str) and name.isidentifier() and isinstance(value, str)
        for name, value in words.items()
    ):
        raise LexiconError(f"{source}: words: must be a mapping of name -> alternatives")
    unless = data.get("unless") or {}
    if not isinstance(unless, dict):
        raise LexiconError(f"{source}: unless: must be a mapping of label -> list of patterns")
    not_after = data.get("not_after") or {}
    if not isinstance(not_after, dict):
        raise LexiconError(f"{source}: not_after: must be a mapping of label -> list of patterns")
    allow_pattern = (
        re.compile("|".join(re.escape(fold(phrase)) for phrase in sorted(allow, key=len, reverse=True)))
        if allow else None
    )
    return Lexicon(allow=allow_pattern, patterns=_compile_section(data["labels"], "labels", source, words),
                   exchange_patterns=_compile_section(in_exchanges, "in_exchanges", source, words),
                   unless=_compile_section(unless, "unless", source, words),
                   not_after=_compile_section(not_after, "not_after", source, words))


def _compile_section(
    section: dict[object, object], key: str, source: str, words: dict[str, str],
) -> dict[str, re.Pattern[str]]:
    patterns: dict[str, re.Pattern[str]] = {}
    for label, entries in section.items():
        if label not in LABELS:
            raise LexiconError(f"{source}: {key}.{label}: not a judgement label")
        if not isinstance(entries, list):
            raise LexiconError(f"{source}: {key}.{label}: must be a list of patterns")
        if not entries:
            continue
        # One alternation per judgement: a single scan of the text instead of one a phrase, and,
        # where every phrase starts at a word boundary, tried only where a word starts (the
        # lexicon's time on training batch w fell from 0.31 to 0.13 ms a post, 0.51 to 0.20 ms a
        # message). Joining is safe because phrases have no groups of their own, inline flags
        # or top-level `|` (a test checks the shipped file).
        # One list of site names serves two address phrases, so the two cannot drift apart.
        entries = [_WORD_LIST.sub(lambda found: f"(?:{words[found.group(1)]})"
                                  if found.group(1) in words else found.group(0), str(entry))
                   for entry in entries]
        joined = "|".join(f"(?:{entry})" for entry in entries)
        if all(entry.startswith("\\b") for entry in entries):
            joined = f"(?<!\\w)(?=\\w)(?:{joined})"
        try:
            patterns[str(label)] = re.compile(joined)
        except re.error:
            # Compile each phrase alone only now, to name the bad one (compiling is most of
            # the lexicon's loading time, so it is done once when the file is good).
            for index, entry in enumerate(entries):
                try:
                    re.compile(entry)
                except re.error as exc:
                    raise LexiconError(f"{source}: {key}.{label}[{index}]: bad pattern ({exc})") from exc
            raise LexiconError(f"{source}: {key}.{label}: its phrases cannot be joined into one "
                               "pattern (an inline flag or an unbalanced group?)") from None
    return patterns


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("safepost.language").joinpath("lexicon.yaml").read_text("utf-8")
    return parse_lexicon(load_yaml(text))

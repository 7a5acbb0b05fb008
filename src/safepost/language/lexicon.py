"""The hand-written lexicon: phrases that decide a judgement by themselves, after innocent
look-alikes on the allow list are blanked out ('Scunthorpe', 'killing it'). Some phrases
count anywhere; others only in an exchange (a message or a comment), where 'send me a photo
of you' or 'are you home alone?' is said to someone rather than announced."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from safepost.detect.text import fold
from safepost.language.model import LABELS

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})


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
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    # Phrases that count only in messages and comments (see lexicon.yaml's `in_exchanges`).
    exchange_patterns: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)

    def find(self, text: str, *, exchange: bool) -> list[LexiconHit]:
        """Lexicon phrases in `text`, at most one per judgement. `exchange` is True for a
        message or comment; False for a plain post, profile or share, where only the phrases
        that count anywhere are read."""
        # Phones write apostrophes several ways: straightened before folding (which would
        # turn some into spaces); one character each, so offsets into `text` still hold.
        straightened = text.translate(_APOSTROPHES)
        folded = fold(straightened)
        if len(folded) != len(text):
            folded = straightened.lower()
        if self.allow is not None:
            folded = self.allow.sub(lambda match: " " * len(match.group(0)), folded)
        hits: dict[str, LexiconHit] = {}
        sections = (self.patterns, self.exchange_patterns) if exchange else (self.patterns,)
        for section in sections:
            for label, patterns in section.items():
                if label in hits:
                    continue
                for pattern in patterns:
                    match = pattern.search(folded)
                    if match:
                        start, end = match.start(), match.end()
                        hits[label] = LexiconHit(label, text[start:end], start, end)
                        break
        return list(hits.values())


def parse_lexicon(data: object, source: str = "lexicon.yaml") -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise LexiconError(f"{source}: labels: required mapping of label -> list of patterns")
    allow = data.get("allow") or []
    if not isinstance(allow, list) or not all(isinstance(item, str) for item in allow):
        raise LexiconError(f"{source}: allow: must be a list of phrases")
    in_exchanges = data.get("in_exchanges") or {}
    if not isinstance(in_exchanges, dict):
        raise LexiconError(f"{source}: in_exchanges: must be a mapping of label -> list of patterns")
    allow_pattern = (
        re.compile("|".join(re.escape(fold(phrase)) for phrase in sorted(allow, key=len, reverse=True)))
        if allow else None
    )
    return Lexicon(allow=allow_pattern, patterns=_compile_section(data["labels"], "labels", source),
                   exchange_patterns=_compile_section(in_exchanges, "in_exchanges", source))


def _compile_section(
    section: dict[object, object], key: str, source: str,
) -> dict[str, tuple[re.Pattern[str], ...]]:
    patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
    for label, entries in section.items():
        if label not in LABELS:
            raise LexiconError(f"{source}: {key}.{label}: not a judgement label")
        if not isinstance(entries, list):
            raise LexiconError(f"{source}: {key}.{label}: must be a list of patterns")
        compiled = []
        for index, entry in enumerate(entries):
            try:
                compiled.append(re.compile(str(entry)))
            except re.error as exc:
                raise LexiconError(f"{source}: {key}.{label}[{index}]: bad pattern ({exc})") from exc
        patterns[str(label)] = tuple(compiled)
    return patterns


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("safepost.language").joinpath("lexicon.yaml").read_text("utf-8")
    return parse_lexicon(yaml.safe_load(text))

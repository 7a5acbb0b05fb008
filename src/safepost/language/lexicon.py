"""The hand-written lexicon: phrases that decide a judgement by themselves, after innocent
look-alikes on the allow list are blanked out ('Scunthorpe', 'killing it')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from safepost.detect.text import fold
from safepost.language.model import LABELS


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

    def find(self, text: str) -> list[LexiconHit]:
        folded = fold(text)
        if len(folded) != len(text):
            folded = text.lower()
        folded = folded.replace("\u2019", "'")
        if self.allow is not None:
            folded = self.allow.sub(lambda match: " " * len(match.group(0)), folded)
        hits = []
        for label, patterns in self.patterns.items():
            for pattern in patterns:
                match = pattern.search(folded)
                if match:
                    start, end = match.start(), match.end()
                    hits.append(LexiconHit(label, text[start:end], start, end))
                    break
        return hits


def parse_lexicon(data: object, source: str = "lexicon.yaml") -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise LexiconError(f"{source}: labels: required mapping of label -> list of patterns")
    allow = data.get("allow") or []
    if not isinstance(allow, list) or not all(isinstance(item, str) for item in allow):
        raise LexiconError(f"{source}: allow: must be a list of phrases")
    patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
    for label, entries in data["labels"].items():
        if label not in LABELS:
            raise LexiconError(f"{source}: labels.{label}: not a judgement label")
        if not isinstance(entries, list):
            raise LexiconError(f"{source}: labels.{label}: must be a list of patterns")
        compiled = []
        for index, entry in enumerate(entries):
            try:
                compiled.append(re.compile(str(entry)))
            except re.error as exc:
                raise LexiconError(f"{source}: labels.{label}[{index}]: bad pattern ({exc})") from exc
        patterns[label] = tuple(compiled)
    allow_pattern = (
        re.compile("|".join(re.escape(fold(phrase)) for phrase in sorted(allow, key=len, reverse=True)))
        if allow else None
    )
    return Lexicon(allow=allow_pattern, patterns=patterns)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("safepost.language").joinpath("lexicon.yaml").read_text("utf-8")
    return parse_lexicon(yaml.safe_load(text))

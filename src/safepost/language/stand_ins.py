"""Reading a post with the people's names replaced by one stand-in name.

A name says nothing about whether a post is gossip or grooming, but a model trained on
examples can still lean on one: a surname the model has seen mostly in discriminatory
examples, or a first name it has only seen in kind ones. So before the language checks read a
post, each name the school's roster (or a title: "Mr Quinn") picks out is replaced by the same
stand-in: every pupil and member of staff is read as "Alex Smith" would be. A post about
Oluwaseun Adeyemi is then judged exactly as the same post about Jack Thompson, and a finding's
trigger words are never somebody's name.

Positions in the stand-in text are mapped back to the post's own, so a finding still points
at the words the member of staff wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

STAND_IN_FIRST = "Alex"
STAND_IN_LAST = "Smith"
_POSSESSIVES = ("'s", "’s", "s'", "s’")
# The stand-in's words as the model's features fold them (the name, a tag's body, a tag with an
# initial): they carry no features and no part of the post's embedding, so the stand-in itself
# can never learn a meaning from the labelled examples that mention a name (a corpus's "Mrs
# Smith, you were told..." would otherwise teach every named person's post to look like one).
STAND_IN_WORDS = frozenset({
    STAND_IN_FIRST.lower(), STAND_IN_LAST.lower(), (STAND_IN_FIRST + STAND_IN_LAST).lower(),
    (STAND_IN_FIRST + STAND_IN_LAST[0]).lower(),
})
_STAND_IN_WORD = re.compile(
    r"(?<![\w'’])(?:" + "|".join(sorted(STAND_IN_WORDS, key=len, reverse=True)) + r")(?:['’]s)?(?![\w'’])",
    re.IGNORECASE,
)


def is_stand_in_word(folded_word: str) -> bool:
    """Whether a folded word ("smith", "smith's", "alexsmith") is the stand-in's."""
    return folded_word.removesuffix("'s") in STAND_IN_WORDS


def without_stand_in_words(text: str) -> str:
    """The text with the stand-in's words blanked (same length): what the post's embedding reads."""
    return _STAND_IN_WORD.sub(lambda match: " " * len(match.group(0)), text)


@dataclass(frozen=True)
class NameSpan:
    """A name in the post: characters start..end, and its form as the name finder gives it
    ("full", "first", "initial", "title")."""

    start: int
    end: int
    form: str


def _stand_in(written: str, form: str) -> str:
    """The stand-in for one written name, in the same shape: a tag stays a tag, a title stays,
    an initial stays an initial, a possessive stays possessive, capitals stay capitals."""
    if written.startswith(("@", "#")):
        body = {"first": STAND_IN_FIRST, "initial": STAND_IN_FIRST + STAND_IN_LAST[0]}.get(
            form, STAND_IN_FIRST + STAND_IN_LAST)
        tag = written[1:]
        return written[0] + (body.lower() if tag.islower() else body.upper() if tag.isupper() else body)
    possessive = "'s" if written.lower().endswith(_POSSESSIVES) else ""  # "OKOYE'S" too
    if form == "title":
        title = written.split(maxsplit=1)[0] if written.strip() else ""
        stand_in = f"{title} {STAND_IN_LAST}{possessive}".lstrip()
    elif form == "first":
        stand_in = f"{STAND_IN_FIRST}{possessive}"
    elif form == "initial":
        dot = "." if written.rstrip().endswith(".") else ""
        stand_in = f"{STAND_IN_FIRST} {STAND_IN_LAST[0]}{dot}"
    else:
        stand_in = f"{STAND_IN_FIRST} {STAND_IN_LAST}{possessive}"
    return stand_in.upper() if written.isupper() and len(written) > 2 else stand_in


@dataclass(frozen=True)
class StandInText:
    """The post as the language checks read it, and the way back to the post's positions."""

    original: str
    text: str
    # (start in text, end in text, start in original, end in original) for each replacement,
    # in order.
    replaced: tuple[tuple[int, int, int, int], ...] = ()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Where `text[start:end]` lies in the post: a span touching a stand-in name covers
        the whole name as written."""
        return self._position(start, at_end=False), self._position(end, at_end=True)

    def _position(self, at: int, *, at_end: bool) -> int:
        shift = 0
        for new_start, new_end, old_start, old_end in self.replaced:
            inside = new_start < at <= new_end if at_end else new_start <= at < new_end
            if inside:
                return old_end if at_end else old_start
            if new_end > at:
                break
            shift = old_end - new_end
        return at + shift


def with_stand_ins(text: str, names: Iterable[NameSpan]) -> StandInText:
    """`text` with each name replaced by the stand-in; overlapping names count once (the
    first, then the longest)."""
    chosen: list[NameSpan] = []
    for name in sorted(names, key=lambda span: (span.start, -(span.end - span.start))):
        if 0 <= name.start < name.end <= len(text) and (not chosen or name.start >= chosen[-1].end):
            chosen.append(name)
    if not chosen:
        return StandInText(original=text, text=text)
    pieces: list[str] = []
    replaced: list[tuple[int, int, int, int]] = []
    written_up_to, length = 0, 0
    for name in chosen:
        kept = text[written_up_to:name.start]
        pieces.append(kept)
        length += len(kept)
        stand_in = _stand_in(text[name.start:name.end], name.form)
        pieces.append(stand_in)
        replaced.append((length, length + len(stand_in), name.start, name.end))
        length += len(stand_in)
        written_up_to = name.end
    pieces.append(text[written_up_to:])
    return StandInText(original=text, text="".join(pieces), replaced=tuple(replaced))

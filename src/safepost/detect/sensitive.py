"""Sensitive matters in the words: health, special educational needs, safeguarding and family
circumstances, discipline and the police. Beside a named pupil on the school's account they are
special-category or confidential data, whatever the consent register says about the name (the
catalogue's detection note for content.personal_info_about_individuals: a name matched to the
roster plus a sensitive attribute). A word list, so it explains itself; which rule a match
breaks, if any, is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.text import fold_keeping_length

_SENSITIVE: dict[str, str] = {
    "health": (
        r"chemo(?:therapy)?|cancer|leukaemia|leukemia|tumour|(?:been|was|is|recently|newly) diagnosed with|"
        r"hospitali[sz]ed|(?:is|was|been|remains|still) in hospital(?! visiting)|"
        r"seizures?|epilep(?:sy|tic)|diabet(?:es|ic)|(?:had|having|after|needs|recovering from) (?:an? )?"
        r"(?:surgery|operation)|mental health (?:problems?|issues?|difficult\w*)|self[- ]?harm\w*|"
        r"eating disorder|anorexi\w*|terminal(?:ly)? ill|seriously ill"
    ),
    "special educational needs": (
        r"autis(?:m|tic)|adhd|dyslexi(?:a|c)|dyspraxi(?:a|c)|ehcp|special (?:educational )?needs|"
        r"learning difficult(?:y|ies)"
    ),
    "safeguarding or family circumstances": (
        r"social services|social worker|child protection|cp plan|in (?:local authority )?care\b(?! of)|"
        r"foster (?:care|carers?|placement)|"
        r"young carer|bereave(?:d|ment)|passed away|divorce|domestic (?:abuse|violence|incident)|"
        r"free school meals|pupil premium"
    ),
    "discipline or the police": (
        r"(?:been|was|is|being) excluded|exclusion|(?:been|was|is|being) suspended from|internal isolation|"
        r"(?:been|was|got) arrested|sentenced|youth offending|police (?:caution|custody|investigation)"
    ),
}
# Charities and awareness days name an illness without saying anyone has it.
_NOT_ABOUT_SOMEONE = re.compile(
    r"\b(?:cancer research|macmillan|cancer support|race for life|awareness (?:week|day|month)|"
    r"mental health (?:week|day|awareness|first aid|champions?|lead)|(?:autism|adhd|dyslexia) friendly|"
    r"children in need|young carers? (?:of the year|awards?))\b")
_KINDS = list(_SENSITIVE)
_PATTERN = re.compile(r"\b(?:" + "|".join(f"(?P<g{i}>{words})" for i, words in enumerate(_SENSITIVE.values()))
                      + r")\b")


class SensitiveMatterDetector:
    name = "sensitive_matters"
    reads_text = False  # the post's own words (a picture's are read for names and contacts)

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        text = subject.text
        if not text.strip():
            return
        folded = fold_keeping_length(text)
        spared = [(match.start(), match.end()) for match in _NOT_ABOUT_SOMEONE.finditer(folded)]
        for match in _PATTERN.finditer(folded):
            if any(start <= match.start() < end for start, end in spared):
                continue
            kind = _KINDS[int(str(match.lastgroup)[1:])]  # the group that matched, g0..g3
            yield Evidence(self.name, "sensitive_matter", text[match.start():match.end()],
                           match.start(), match.end(), attrs={"kind": kind})
            return

"""School business in a message: homework, a detention, a trip form, a child's progress. The
REAch2 policy (5.2) keeps such contact with pupils and parents off personal accounts and phones
unless they have agreed to it; whether a message is sent on one is the request's to say, and
whether that breaks a rule is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.text import fold_keeping_length

_PUPILS = r"(?:his|her|their|your|ur|the)"
# Words about a child's schooling, not the school as a place: "see you at school" and "after
# school" are how parents who are friends arrange a walk; "his detention", "the trip form",
# "her reading book" are the school's business.
_SCHOOL_BUSINESS = re.compile(
    r"\b(?:homework|detentions?|coursework|timetable|attendance|parents'? ?evening|"
    r"(?:trip|consent|permission|reply) (?:form|slip|letter)s?|trip money|"
    r"reading (?:book|record|log)s?|(?:pe|school|games) kit|lost property|"
    r"(?:school|end of term|progress) reports?|report card|"
    r"(?:after|before)[- ]school club|rehearsals?|mocks?|exams?|revision (?:notes|session|class)|"
    r"sats|gcses?|a[- ]levels?|ehcp|senco|intervention|booster (?:session|class)|"
    r"catch[- ]up (?:session|lesson)|tutor group|form tutor|(?:form|class) teacher|"
    r"cover (?:for|my) (?:period|lesson|class|duty)|(?:break|lunch|bus|gate|yard) duty|"
    + _PUPILS + r" (?:behaviour|progress|targets?|predicted grades?|grades|results|options|lessons?|"
    r"class ?work|uniform|report)|"
    r"(?:mr|mrs|miss|ms|sir|dr) \w+ from (?:the )?(?:school|academy))\b"
)


class SchoolBusinessDetector:
    name = "school_business"
    reads_text = False  # the words of a message, not of a picture

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        text = subject.text
        if not text.strip():
            return
        match = _SCHOOL_BUSINESS.search(fold_keeping_length(text))
        if match:
            yield Evidence(self.name, "school_business", text[match.start():match.end()],
                           match.start(), match.end())

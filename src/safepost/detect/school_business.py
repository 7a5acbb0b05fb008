"""School business in a message: homework, a detention, a trip form, a child's progress. The
REAch2 policy (5.2) keeps such contact with pupils and parents off personal accounts and phones
unless they have agreed to it; whether a message is sent on one is the request's to say, and
whether that breaks a rule is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.text import fold_keeping_length

_YOURS = r"(?:his|her|their|your|ur)"
# Words about a child's schooling, not the school as a place or a friend's news: "see you at
# school", "the wedding rehearsal", "the bus timetable", "passing your exam" are not; "his
# detention", "the trip form", "her reading book", "your mocks" are the school's business.
_SCHOOL_BUSINESS = re.compile(
    r"\b(?:homework|detentions?|coursework|parents'? ?evening|"
    r"(?:trip|consent|permission|reply) (?:form|slip|letter)s?|trip money|"
    r"reading (?:book|record|log)s?|(?:pe|school|games) kit|lost property|"
    r"(?:school|end of term|progress) reports?|report card|(?:after|before)[- ]school club|"
    r"sats|gcses|ehcp|senco|revision (?:notes|session|class|guide|pack)s?|booster (?:session|class)|"
    r"catch[- ]up (?:session|lesson)|tutor group|form tutor|"
    r"class teacher|cover (?:for|my) (?:period|lesson|class|duty)|(?:break|lunch|bus|gate|yard) duty|"
    + _YOURS + r" (?:mocks|exams|timetable|attendance|behaviour|progress|targets?|predicted grades?|grades|"
    r"options|lessons?|class ?work|uniform|report|revision|spellings|times tables)|"
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

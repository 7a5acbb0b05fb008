"""School business in a message: his homework, a detention, a trip form, her progress. The
REAch2 policy (5.2) keeps such contact with pupils and parents off personal accounts and phones
unless they have agreed to it; whether a message is sent on one is the request's to say, and
whether that breaks a rule is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.school_identity import in_family_news

# A child's schooling, as the child's own ("his homework", "her reading book", "their
# detention"; to a pupil also "your homework"): to a parent "your progress", "your exams",
# "your options" are the parent's own (a friend's Couch to 5K, an OU exam, a holiday).
_SCHOOLING = (
    r"(?:[\w'-]+\s+)?(?:homework|detentions?|coursework|reading (?:book|record|log)s?|"
    r"(?:pe|school|games) kit|"
    r"mocks|exams|timetable|attendance|behaviour|progress|targets?|predicted grades?|grades|options|"
    r"class ?work|uniform|school report|report|revision|spellings|times tables|sats|gcses|phonics|"
    r"ehcp|one[- ]page profile|learning support)"
)
# ... and what only the school's business is, whoever it belongs to: a form or letter home,
# parents' evening, a club, a named member of staff "from school".
_SCHOOL_MATTERS = (
    r"parents'? ?evening|(?:trip|consent|permission|reply) (?:form|slip|letter)s?|trip money|"
    r"(?:after|before)[- ]school club|booster (?:session|class)|catch[- ]up (?:session|lesson)|"
    r"revision (?:notes|session|class|guide|pack)s?|"
    r"(?:got|given|has|have|had|gets) (?:a |another )?detention|"
    r"form tutor|tutor group|class teacher|spare clothes|"
    r"(?:at|during) (?:lunchtime|lunch time|playtime|play time|break ?time|registration)|during lunch|"
    r"(?:it'?s|this is) (?:mr|mrs|miss|ms|sir) \w+|"
    r"(?:mr|mrs|miss|ms|sir|dr) \w+ from (?:the )?(?:school|academy)"
)


def _business(whose: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _SCHOOL_MATTERS + r"|(?:" + whose + r") " + _SCHOOLING + r")\b")


_TO_A_PARENT = _business(r"his|her|their|[\w-]{1,40}'s")  # (a name's possessive, bounded)
_TO_A_PUPIL = _business(r"his|her|their|your|ur")


class SchoolBusinessDetector(WordsDetector):
    name = "school_business"  # reads the words of a message, not of a picture

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        counterpart = subject.request.counterpart
        to_a_pupil = counterpart is not None and counterpart.kind in ("pupil", "former_pupil")
        # (not the writer's own children's schooling: "my eldest got his GCSE results")
        match = next((found for found in (_TO_A_PUPIL if to_a_pupil else _TO_A_PARENT).finditer(folded)
                      if not in_family_news(folded, found.start())), None)
        if match:
            yield Evidence(self.name, "school_business", text[match.start():match.end()],
                           match.start(), match.end())

"""Talk about the school itself: its name, or the member of staff's own class, pupils,
colleagues, head and working life there ("my Year 6s", "the staffroom", "parents' evening",
"Year 2 are in PE"). The Staffordshire protocol's opening line asks staff to make no comment on
"anything related to the Trust, its activities, its pupils, parents, partners, governors or
colleagues"; whether a request's words count is `evaluate`'s, by the pack."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.school_identity import names_in, opaque_free
from safepost.detect.text import fold_keeping_length

# The writer's own class, pupils, colleagues and leaders.
_OWN_WORKPLACE = (
    r"\b(?:my|our)\s+(?:(?:new|little|lovely|amazing|wonderful|brilliant|gorgeous|fab|fabulous|"
    r"reception|nursery|year\s?\d{1,2}|yr\s?\d{1,2}|y\d{1,2})\s+)*"
    r"(?:class|classes|form|form group|tutor group|pupils|students|kids at (?:school|work)|little ones|"
    r"year\s?\d{1,2}s|yr\s?\d{1,2}s|y\d{1,2}s|ta|tas|head|headteacher|head teacher|deputy|department|dept|"
    r"school|colleagues|staff|staffroom|slt|senco|parents at (?:school|work))\b"
)
# School life only a member of its staff writes of as their own.
_SCHOOL_LIFE = (
    r"\b(?:the )?(?:staffroom|staff room|parents'? ?evening|inset day|ofsted|(?:the )?inspectors|"
    r"lesson observation|learning walk|book scrutiny|sats results|nativity|sports day|open evening|"
    r"playground duty|break duty|lunch duty|bus duty|the headteacher|the head teacher|slt|restructure|"
    r"parents at (?:work|school|pick[- ]up|drop[- ]off))\b"
)
# A year group, a nursery or reception class as the subject of what happened.
_A_CLASS_DID = (
    r"\b(?:(?:year|yr)\s?\d{1,2}s?|y\d{1,2}s?|nursery|reception)\b"
    r"(?=\s+(?:are|were|was|have|had|did|today|this (?:morning|afternoon|week|term)|kids|class|pupils|"
    r"students|group|set \d|parents|lot|girls|boys|in pe|on the)\b)"
)
_SCHOOL_TALK = re.compile("|".join((_OWN_WORKPLACE, _SCHOOL_LIFE, _A_CLASS_DID)))
# The writer's own family: "my son in Year 6", "our kid's nativity" are a parent's news.
_OWN_FAMILY = re.compile(
    r"\b(?:my|our)\s+(?:(?:little|eldest|youngest|oldest|middle)\s+)?(?:son|daughter|kids|children|child|"
    r"niece|nephew|grandson|granddaughter|kid|little one|boy|girl|lad|twins)\b")
# A school name inside another place's name: "Quarry Bank Mill", "Oakfield Park".
_ANOTHER_PLACE_AFTER = re.compile(
    r"\s+(?!(?:Primary|School|Academy|Trust|College|Infants?|Juniors?|Nursery|High|CE|RC|C of E|"
    r"Church|Catholic|Community|Federation|Sixth|Learning|Multi)\b)[A-Z][a-z]+")


class SchoolTalkDetector:
    name = "school_talk"
    reads_text = False  # the words someone writes, not those in a picture

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        text = subject.text
        if not text.strip() or _OWN_FAMILY.search(fold_keeping_length(text)):
            return
        # (The school's name inside an email address or a link is no comment on the school.)
        for _name, start, end in names_in(opaque_free(text), subject.school):
            if not _ANOTHER_PLACE_AFTER.match(text, end):
                yield Evidence(self.name, "about_the_school", text[start:end], start, end)
                return
        match = _SCHOOL_TALK.search(fold_keeping_length(text))
        if match:
            yield Evidence(self.name, "about_the_school", text[match.start():match.end()],
                           match.start(), match.end())

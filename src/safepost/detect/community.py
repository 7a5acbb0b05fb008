"""Whom the words are about: the school community, named. The school or trust by name; "our
school", "at work"; its pupils as a class, a year group, a form or "the kids in my class"; its
families ("one of our dads", "the new families", "the school mums"); its staff ("the head",
"SLT", "a colleague", "HR at the trust", "the new business manager").

Several policies keep two rules side by side: one for a kind of remark (discrimination,
defamation, a work grievance, arguing in public) and one for negative comments about the school
community (AURIGA 3, REAch2 3.7, TPAT 5, the Staffordshire protocol). A discriminatory remark about
the families at the writer's school breaks both; the same remark about a stranger on a train
breaks the first only. This detector says only that the community is named, and where;
whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.put_down import SCHOOL_GROUP_WORDS
from safepost.detect.school_identity import another_place_after, in_family_news, names_in, opaque_free

# The school itself, as staff say it ("at work" is the school for a member of its staff).
_THE_SCHOOL = (
    # (Not "our school run": a taxi firm's or a coach firm's business is not the school's.)
    r"(?:our|my|this|the) (?:school|academy|trust|place|staffroom|staff room|department|dept|faculty)"
    r"(?! runs?\b)|"
    r"(?:at|from|in|into) work|work's|the trust|the academy|inset(?: days?)?|"
    r"(?:this|that) (?:\w+ )?of a (?:school|place|academy)|"
    r"school (?:places?|gates?|office|dinners?|staff)"
)
# Its pupils: a group of them ("Year 9", "10X", "my form", "half of Y8", "EAL kids"), as the
# put-down reading counts a school group (`SCHOOL_GROUP_WORDS`), or pupils said to be the school's.
_PUPILS = (
    SCHOOL_GROUP_WORDS + r"|sixth form(?:ers)?|my year group|(?:that|this|our) year group|"
    r"pupil|student|(?:eal|sen|send|pp) (?:kids|children|pupils|students|lot)|"
    r"(?:lads?|girls?|boys?) (?:in|at|from) (?:my|our|the|this) (?:class|school|form|year|academy)|"
    r"(?:kids|children) (?:in|at|from) this (?:class|school|form|year|academy)|"
    r"(?:kids|children) (?:in|at|from) (?:my|our|the) (?:form|academy)|"
    r"(?:our|my) (?:kids|children|lads|girls|boys) at (?:school|work)|"
    r"new starters?|in-year (?:admissions?|starters?)"
)
# Its families.
_FAMILIES = (
    r"(?:school|class|year \d{1,2}|y\d{1,2}|reception|nursery) (?:mums?|dads?|parents?|famil(?:y|ies))|"
    r"(?:our|the|these|some) (?:new )?(?:parents|families|mums|dads)|"
    r"(?:one of|half of|some of) (?:our|the|my|these) (?:mums|dads|parents|families)|"
    r"(?:parents|families|mums|dads|mum|dad) (?:at|from|in) (?:our|my|the|this) "
    r"(?:school|class|academy|year)|"
    r"parents'? evening|(?:the|that) (?:dad|mum|parent) (?:from|in|of) (?:my|our|the)"
)
# Its staff. (Management and HR only as the writer's own or at work: a Saturday job's
# management, a partner's HR department or "the management there" before teaching are not the
# school's; a reviewer's probe.)
_STAFF = (
    r"colleagues?|slt|senior leadership|(?:the|our|my) (?:new )?(?:head|headteacher|head teacher|deputy|"
    r"deputy head|principal|ceo|bursar|business manager|senco|caretaker|site manager|cleaners?|"
    r"dinner lad(?:y|ies)|tas?|teaching assistants?|supply|cover supervisor|governors?|chair of governors|"
    r"head of (?:department|year|\w+)|hod|line manager)|"
    r"(?:our|my) (?:management|hr|office)|(?:management|hr) (?:here|at (?:work|school|my place|our place))|"
    r"(?:support|teaching) staff|staff there|new (?:head|deputy|caretaker|business manager|head of \w+)"
)
_COMMUNITY = re.compile(r"\b(?:" + "|".join((_THE_SCHOOL, _PUPILS, _FAMILIES, _STAFF)) + r")\b")


def community_named_in(folded: str, start: int, end: int) -> re.Match[str] | None:
    """The first words between `start` and `end` of folded text that name the school community
    as a group or a role ("Year 9", "our parents", "the new head"), outside the writer's family
    news. (The school's own name is read by the caller, which knows the school.)"""
    return next((found for found in _COMMUNITY.finditer(folded, start, end)
                 if not in_family_news(folded, found.start())), None)


class SchoolCommunityDetector(WordsDetector):
    name = "school_community"  # reads the words: who or what they are about

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        # The school's name as the school-talk reading takes it: not inside an email address or
        # a link, another place's name ("Ashgrove Rugby Club") or the writer's own family's
        # school ("my daughter's teacher", "our kids at Ashgrove").
        named = next(((start, end) for _, start, end in names_in(opaque_free(text), subject.school)
                      if not another_place_after(text, end) and not in_family_news(folded, start)), None)
        if named is not None:
            start, end = named
            yield Evidence(self.name, "school_community_named", text[start:end], start, end)
            return
        match = community_named_in(folded, 0, len(folded))
        if match:
            yield Evidence(self.name, "school_community_named", text[match.start():match.end()],
                           match.start(), match.end())

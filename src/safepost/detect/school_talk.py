"""Talk about the school itself: its name, or the member of staff's own class, pupils,
colleagues, head and working life there ("my Year 6s", "the staffroom", "parents' evening",
"Year 2 are in PE"). The Staffordshire protocol's opening line asks staff to make no comment on
"anything related to the Trust, its activities, its pupils, parents, partners, governors or
colleagues"; whether a request's words count is `evaluate`'s, by the pack."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.school_identity import (
    EMPLOYMENT_CUE,
    SCHOOL_WORD_AFTER,
    another_place_after,
    in_family_news,
    names_in,
    opaque_free,
)
from safepost.detect.text import fold

# What is somewhere else: "the nativity at the local theatre", "sports day at the running club",
# "the restructure at my husband's work".
_ELSEWHERE = (
    r"(?!\s+(?:at|in|from)\s+(?:the\s+|my\s+|our\s+|a\s+|his\s+|her\s+)?(?:local\s+|old\s+|new\s+)?"
    r"(?:gym|\w*\s?club|swimming|pool|leisure centre|church|chapel|mosque|temple|choir|theatre|cinema|"
    r"pub|running|football|rugby|cricket|dance|job|husband's|wife's|partner's|dad's|mum's|previous|"
    r"uni|university|brownies|scouts|cubs|guides)\b)"
)
# The writer's own class, pupils, colleagues and leaders (not "my head is pounding", "my form
# for the marathon", "our little ones", which are the writer's own head, paperwork and kids).
_OWN_WORKPLACE = (
    r"\b(?:my|our)\s+(?:(?:new|lovely|amazing|wonderful|brilliant|gorgeous|fab|fabulous|"
    r"reception|nursery|year\s?\d{1,2}|yr\s?\d{1,2}|y\d{1,2})\s+)*"
    r"(?:class|classes|form group|tutor group|year groups?|pupils|students|kids at (?:school|work)|"
    r"year\s?\d{1,2}s|yr\s?\d{1,2}s|y\d{1,2}s|ta|tas|headteacher|head teacher|deputy head|department|dept|"
    r"school|colleagues|staffroom|slt|senco|parents at (?:school|work))\b"
    r"(?!\s+(?:run|holidays?|uniform shop|reunion)\b)"
    # ... not somewhere else: "our Year 11s at the swimming club", "my class at the gym"
    + _ELSEWHERE
)
# School life only a member of its staff writes of as their own (not Ofsted, inspectors, SATs
# results or "the headteacher" alone: national news and television talk of them too).
_SCHOOL_LIFE = (
    r"\b(?:the )?(?:staffroom|staff room|parents'? ?evening|inset(?: days?)?|"
    r"lesson observation|learning walk|book scrutiny|nativity|sports day|open evening|"
    r"playground duty|break duty|lunch duty|bus duty|slt|restructure|"
    r"parents at (?:work|school|pick[- ]up|drop[- ]off)|"
    # a teacher's working week, in words only its staff use of it ("PPA cut again", "another
    # two-hour staff meeting", "the NQT asks for help", "my job share"; not "Head of Year", a
    # title one's own career news gives too)
    r"ppa(?: time)?|staff meetings?|(?:the|our|my|an?) (?:new )?(?:nqts?|ects?)|supply teachers?|"
    r"(?:my|our) job share|cover lessons?|"
    r"books to mark|(?:my|the) marking|data drop|report writing|mock(?:s| exams?) (?:to mark|marked)|"
    # (session 27) "proud teacher moment", running the breakfast club, "one of our Nursery
    # babies", "my Year 4 girls": a class's children called by the writer's own year group
    r"proud(?:est)? (?:\w+ )?teacher moment|(?:run|running|ran|covering|doing) (?:the )?breakfast club|"
    r"(?:my|our) (?:nursery|reception|year\s?\d{1,2}|yr\s?\d{1,2}|y\d{1,2}) (?:babies|little ones|kids|"
    r"children|lot|bunch|cherubs|angels|monsters|starters|darlings|girls|boys))\b"
    + _ELSEWHERE
)
# A year group as the subject of what happened (not "the reception was so much fun": a wedding's).
_A_CLASS_DID = (
    r"\b(?:(?:year|yr)\s?\d{1,2}s?|y\d{1,2}s?|reception class|nursery class)\b"
    r"(?=\s+(?:are|were|was|have|had|did|today|this (?:morning|afternoon|week|term)|kids|class|pupils|"
    r"students|group|set \d|parents|lot|girls|boys|in pe|on the)\b)"
)
_SCHOOL_TALK = re.compile("|".join((_OWN_WORKPLACE, _SCHOOL_LIFE, _A_CLASS_DID)))

# A school name that is only a place's name ("a walk round Quarry Bank") speaks of the school
# where it names the school's kind or is followed by a word about school ("Quarry Bank staff").
_SCHOOL_KIND = re.compile(
    r"\b(?:school|primary|academy|college|trust|infants?|juniors?|nursery|high|federation)\b", re.IGNORECASE)
# ... or is where the writer works: "another 12-hour day at Wyreside", "leaving Calderbrook after
# 11 years", "all of us at Orton Brook".
_WORKPLACE_BEFORE = re.compile(
    r"(?:\b(?:day|week|term|shift|night|evening|morning|year|years)\s+at"
    r"|\b(?:leaving|left|joining|joined|join|back at|us at|everyone at|staff at|colleagues at|team at))"
    r"\s+(?:the\s+)?$")
_SCHOOL_EVENT_AFTER = re.compile(
    r"(?:'s)?\s+(?:fireworks|fair|fete|disco|nativity|sports day|open (?:evening|day)|prom|concert|play|"
    r"production|show|results|inset|pta|choir|panto|assembly|leavers|reunion|parents'? evening|"
    r"christmas|summer|spring|autumn|term|trip|residential|ofsted|inspection|governors?)\b")


class SchoolTalkDetector(WordsDetector):
    name = "school_talk"  # reads the words someone writes, not those in a picture

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        # (The school's name inside an email address or a link is no comment on the school.)
        for name, start, end in names_in(opaque_free(text), subject.school):
            if another_place_after(text, end) or in_family_news(folded, start):
                continue
            if (_SCHOOL_KIND.search(name) or SCHOOL_WORD_AFTER.match(folded, end)
                    or _SCHOOL_EVENT_AFTER.match(folded, end)
                    # "I work at Tynebank", "Proud to say I teach at St Mary's"
                    or EMPLOYMENT_CUE.search(fold(text[max(0, start - 60):start]))
                    or _WORKPLACE_BEFORE.search(folded[max(0, start - 30):start])):
                yield Evidence(self.name, "about_the_school", text[start:end], start, end)
                return
        for match in _SCHOOL_TALK.finditer(folded):
            if not in_family_news(folded, match.start()):
                yield Evidence(self.name, "about_the_school", text[match.start():match.end()],
                               match.start(), match.end())
                return

"""A school group written off as less than human: "Year 9 set 4 are genuinely feral", "Cover
for 10Y4 last lesson. Feral.", "they were animals", "8R are like a zoo". Said of the writer's
pupils, a class, a year group, the school's parents or colleagues, it is a derogatory comment
about the school community, however tired and fond the Friday post that says it (catalogue:
content.negative_about_school_community; the outside readers' 15 cases that say it of people
are all labelled so). The word alone is nobody's: feral cats, a garden gone feral, the writer
gone feral over half term, a Year 3 zoo trip, Year 1 as animals in the nativity. Whether a
request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.school_identity import in_family_news
from safepost.detect.text import first_few, sentences_around

# The put-down: "feral" said of people (not of cats, a garden or a band's name), and people
# likened to animals or a zoo. (Not "savages": "my Year 8s are savages, they roasted my shoes 😂"
# is the pupils' own slang for a sharp wit.)
_PUT_DOWN = re.compile(
    r"\b(?:"
    r"feral(?!\s+(?:cats?|kittens?|pigeons?|goats?|hogs?|pigs?|parakeets?|chickens?|hens?|ponies|pony|"
    r"horses?|dogs?|rabbits?|ferrets?|deer|colon(?:y|ies)|populations?|garden|allotment|brambles?|"
    r"detective|lot band|hair|beard)\b)"
    r"|(?:like|actual|absolute|proper|wild|little) animals|animals,? the (?:lot|whole lot) of (?:them|em)"
    r"|(?:are|were|r) (?:just |absolute |proper )?animals"
    r"|(?:like|basically|running) a zoo|like (?:working|teaching) (?:in|at) a zoo|"
    r"(?:escaped|broken out) from a zoo|"
    r"raised by wolves"
    # (session 31) "some little scrotes from year 6 keep booting it in"
    r"|(?:little|lil) (?:scrotes?|toe-?rags?|shits|thugs|oiks?|scallies|brats)|scrotes"
    r")\b")
# Whom: a school group, in the put-down's sentence or the one either side ("Cover for 10Y4 last
# lesson. Feral."). Not "the kids" or "my kids" alone: a parent's own are theirs to call feral.
# (The words, without their bounds, are also what `detect/community.py` counts as the school's
# pupils, families and staff as groups.)
SCHOOL_GROUP_WORDS = (
    r"(?:year|yr) ?\d{1,2}s?|y\d{1,2}s?|reception|nursery|key stage \d|ks\d|"
    r"\d{1,2}(?!am\b|pm\b|st\b|nd\b|rd\b|th\b|s\b)[a-z]{1,2}\d?|"
    r"(?:bottom|top|middle) set|set \d|my (?:form|class|tutor group|set|lot|year \d{1,2}s?)|"
    r"(?:that|this|the|our) (?:class|form|tutor group|set)|classes|pupils|students|"
    # a class by its name ("Kingfisher class are feral today")
    r"(?!(?:spin|yoga|pilates|zumba|working|business|training|middle|upper|lower|first|second|world|"
    r"dance|fitness|evening|night|exercise|salsa|puppy|dog|gym|boxing|cookery|ruling|political)\b)"
    r"[a-z]+ class(?= (?:are|were|is|was|have been)\b)|"
    r"(?:the|these|our|school) parents|slt|"
    r"(?:the )?(?:maths|english|science|humanities) (?:dept|department)|dinner lad(?:y|ies)|"
    r"(?:kids|children) (?:in|at|from) (?:my|our|the) (?:class|school|year)|"
    # (session 31) "the kids in 6S are actually feral"
    r"(?:kids|children|pupils|students|lot) in (?:(?:year|yr|y) ?)?\d{1,2}[a-z]{0,2}")
_SCHOOL_GROUP = re.compile(r"\b(?:" + SCHOOL_GROUP_WORDS + r")\b")
# ... or, failing a group, a school setting the words are said in ("Period 5 on a Friday.
# Feral.", "Sports day. 200 feral children.").
_SCHOOL_SETTING = re.compile(
    r"\b(?:period \d|last lesson|cover|covering|supply|sports day|wet play|assembly|parents'? evening|"
    r"(?:the )?(?:sen |send |resource )?base|the pru|the unit|"
    r"form time|registration)\b")
# ... not a costume or a part ("Year 1 were animals in the nativity"), a lesson or a trip, nor a
# garden or a pet gone feral.
_NOT_PEOPLE = re.compile(
    r"\b(?:nativity|(?<!wet )play|panto|pantomime|production|dressed (?:up )?as|costumes?|role|part of|"
    # (session 31's review) training that says what not to call pupils
    r"(?:don'?t|never|shouldn'?t|do not|must not|mustn'?t) call (?:pupils|children|kids|students|them)|"
    r"topic|lesson (?:on|about)|learn\w* about|zoo trip|trip to (?:the|a) zoo|zoo lab|farm|"
    r"(?:garden|allotment|hedges?|lawn|wildlife area|pond|grass|flower ?beds?|hair|beard|cat|dog|"
    r"pigeons?|rabbits?|hamster)s? (?:\w+ ){0,3}feral)\b")


class PutDownDetector(WordsDetector):
    name = "put_down"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        for match in first_few(_PUT_DOWN.finditer(folded)):
            start, end = sentences_around(folded, match.start(), before=1, after=1)
            whom = _SCHOOL_GROUP.search(folded, start, end) or _SCHOOL_SETTING.search(folded, start, end)
            if whom is None or in_family_news(folded, match.start()) or _NOT_PEOPLE.search(
                    folded, start, end):
                continue
            yield Evidence(self.name, "school_put_down", text[match.start():match.end()],
                           match.start(), match.end(), attrs={
                               "whom": text[whom.start():whom.end()],
                               "group": whom.re is _SCHOOL_GROUP})
            return

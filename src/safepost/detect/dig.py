"""A dig at people at work, dressed up as a remark: "Funny how some people get promoted for
crying in the head's office", "some of us actually do our jobs", "a certain someone sits on her
phone the entire time", "Some people in our staffroom need to realise the world doesn't revolve
around them. You know who you are 🙄", "#notbitter". Aimed at colleagues, parents or the school
without naming anyone, it is still a negative comment about the school community (catalogue:
content.negative_about_school_community; the outside readers labelled 35 of the 36 such posts
in the devset a breach, the other being out of its policy's working-time scope, and the
language model missed 14 of them). The same turns of
phrase about the writer's road, a sitcom or their own family are nobody's business, nor is a
thank-you ("my amazing team, you know who you are ❤️"). Whether a request's words count is
`evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.incident import in_school_life
from safepost.detect.text import first_few, sentence_bounds

_PEOPLE_AT_WORK = (
    r"(?:you\b|you'|your\b|some people|certain (?:people|staff)|the person|people who|slt|smt|senior leaders|"
    r"(?:the )?head\b|head'?s|headteacher|deputy|the trust|governors|the office|our team|my team|"
    r"the team|staff|colleagues?|parents|dads|mums|ofsted|the audit|none of them|she\b|he\b|her\b|his\b|"
    r"the numbers|the figures)"
)
_DIG = re.compile(
    r"(?:\b(?:"
    r"some of us (?:actually|have to|had to|still have to|do actually|are actually)"
    r"|a certain (?:someone|somebody|person|colleague|teacher|ta|member of (?:staff|slt|smt|the \w+ "
    r"(?:dept|department|team|office))|(?:\w+ )?teacher|head of \w+)"
    r"|not naming (?:any )?names|naming no names|(?:won'?t|not going to|i shan'?t) name names"
    r"|you know who you are|if the cap fits|not bitter(?: at all)?"
    r"|some (?:people|ppl|folk|of you(?: lot)?) (?:in (?:my|our|this) (?:team|staffroom|department|dept|"
    r"office|year group|school|place)|(?:just |really |clearly )?(?:need to|needs to|seem to think|"
    r"aren'?t cut out|are not cut out|should (?:try|learn|remember))|think (?:that )?(?:they|it'?s)|"
    r"get promoted|get away with)"
    r")\b|#notbitter|#justsaying)"
    r"|\bfunny how\b(?=[^.!?\n]{0,60}?\b" + _PEOPLE_AT_WORK + r")")
# Not a dig: thanks ("you know who you are ❤️"). (Not "amazing" or a kiss: "funny how the numbers
# always look amazing right before Ofsted", "enjoy the new lanyard Shona 😘" are sarcasm.)
_FOND = re.compile(r"\b(?:thank\w*|thanks|grateful|appreciate\w*|love you|legends?|made my (?:whole )?"
                   r"(?:day|week|year))\b|[❤🧡💛💚💙💜🤎🤍💕💖💗💓💞💘💝🥰]")
# Where: school life, or the writer's working life, which for school staff is the school's.
_AT_WORK = re.compile(
    r"\b(?:slt|smt|senior leaders?|my team|our team|the team|year group|briefing|teachers?|tas?|staffroom|"
    r"department|dept|planning|ppa|tlr|promoted|promotion|line manager|appraisal|obs|observation|"
    r"workload|cover|duty|office|colleagues?|work|shift|rota)\b")


class DigDetector(WordsDetector):
    name = "dig"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        digs = first_few(_DIG.finditer(folded))
        if not digs or not (in_school_life(text) or _AT_WORK.search(folded)):
            return
        for dig in digs:
            if _FOND.search(folded, *sentence_bounds(folded, dig.start())):
                continue
            yield Evidence(self.name, "school_dig", text[dig.start():dig.end()], dig.start(), dig.end())
            return

"""A dig at people at work, dressed up as a remark: "Funny how some people get promoted for
crying in the head's office", "some of us actually do our jobs", "a certain someone sits on her
phone the entire time", "Some people in our staffroom need to realise the world doesn't revolve
around them. You know who you are 🙄", "#notbitter". Aimed at colleagues, parents or the school
without naming anyone, it is still a negative comment about the school community (catalogue:
content.negative_about_school_community; the outside readers labelled 38 of the 39 such posts
in the devset a breach, the other being out of its policy's working-time scope, and without this
reading 23 of the 38 got no finding of that kind). The same turns of
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
    r"the team|staff|colleagues?|parents|dads|mums|ofsted|the audit|none of them|the numbers|the figures)"
)
# Phrases that are a dig by themselves ...
_DIG = re.compile(
    r"(?:\b(?:"
    r"some of us (?:actually |still )?(?:do (?:our|the|some) (?:jobs?|work)|have to work|actually work|"
    r"actually teach|actually bother|turn up|pull our weight)"
    r"|a certain (?:someone|somebody|member of (?:staff|slt|smt|the \w+ (?:dept|department|team|office)))"
    # ("some of the parents at my school need to take a long hard look at themselves"; not "some
    # of our families need to apply for free school meals by Friday")
    r"|some of (?:the|our|my) (?:parents|staff|teachers|mums|dads|families|mams)"
    r"(?: (?:at|in|from) (?:my|our|this|the) \w+)? (?:really |clearly |seriously )?"
    r"(?:need to (?:take a (?:long )?(?:hard )?look|grow up|get a grip|wake up|realise|stop moaning|"
    r"get over themselves)|want locking up|should be ashamed|think (?:they|it'?s))"
    r"|(?:some|certain) (?:people|ppl|folk|parents|staff|teachers|colleagues|of you(?: lot)?) "
    r"(?:in (?:my|our|this) (?:team|staffroom|department|dept|"
    r"office|year group|school|place)|(?:(?:in|at|on) (?:the )?(?:\w+ ){1,2}?)?(?:just |really |clearly )?"
    r"(?:need to|needs to|seem to think|"
    r"aren'?t cut out|are not cut out|should (?:try|learn|remember))|think (?:that )?(?:they|it'?s)|"
    r"get promoted|get away with)"
    r")\b|#notbitter)"
    # "funny how" with people at work as what follows ("Funny how the head's husband won the
    # contract"; not "Funny how he always scores in the staff v pupils match")
    r"|\bfunny how\b(?=\s+(?:[\w']+\s+){0,4}?" + _PEOPLE_AT_WORK + r")")
# ... and phrases that are one only beside something sour in the same sentence ("Not naming names
# but someone in Year 2 lost their first tooth" is news; "You know who you are 🙄" is not).
_POINTED = re.compile(
    r"\b(?:not naming (?:any )?names|naming no names|(?:won'?t|not going to|i shan'?t) name names"
    r"|you know who you are|if the cap fits"
    # "Guess which Y5 mum turned up still steaming": someone at school held up to be guessed at
    # ("Guess which Reception kid lost their first tooth today" is news)
    r"|guess (?:which|whose) (?:(?:y|yr|year\s?)\d{1,2}\s+|reception\s+|nursery\s+)?"
    r"(?:mum|mam|mom|dad|parent|family|kid|child))\b")
_SOUR = re.compile(
    r"[🙄😒🤔🙃😤😡🤦🤷👀]|\b(?:again|always|never|need to|needs to|still|actually|apparently|clearly|"
    r"pulling|weight|credit|lazy|useless|pathetic|joke|sick of|fed up|bothered|moan\w*|revolve|"
    r"realise|learn)\b")
# Not a dig: thanks ("you know who you are ❤️"). (Not "amazing" or a kiss: "funny how the numbers
# always look amazing right before Ofsted", "enjoy the new lanyard Shona 😘" are sarcasm.)
_FOND = re.compile(r"\b(?:thank\w*|thanks|grateful|appreciate\w*|love you|legends?|made my (?:whole )?"
                   r"(?:day|week|year))\b|[❤🧡💛💚💙💜🤎🤍💕💖💗💓💞💘💝🥰]")
# Where: school life, or the writer's working life, which for school staff is the school's.
_AT_WORK = re.compile(
    r"\b(?:slt|smt|senior leaders?|my team|our team|the team|year group|briefing|teachers?|tas?|staffroom|"
    r"department|dept|planning|ppa|tlr|promoted|promotion|line manager|appraisal|obs|observation|"
    r"workload|cover|duty|office|colleagues?|work|shift|rota|ks\d|key stage \d|eyfs|sixth form)\b")


class DigDetector(WordsDetector):
    name = "dig"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        digs = first_few(_DIG.finditer(folded)) + first_few(_POINTED.finditer(folded))
        if not digs or not (in_school_life(text) or _AT_WORK.search(folded)):
            return
        for dig in sorted(digs, key=lambda match: match.start()):
            sentence = sentence_bounds(folded, dig.start())
            pointed_only = dig.re is _POINTED and not _SOUR.search(folded, *sentence)
            if pointed_only or _FOND.search(folded, *sentence):
                continue
            yield Evidence(self.name, "school_dig", text[dig.start():dig.end()], dig.start(), dig.end())
            return

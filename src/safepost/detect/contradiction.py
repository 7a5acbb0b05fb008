"""Words that tell readers to disregard what the school has formally said: "Ignore the letter
that went home, the residential ISN'T cancelled", "Whatever the letter says, school is not
closing early", "school won't actually fine you for a term-time holiday". The Staffordshire
protocol (Appendix 2, item 9) asks staff not to contradict information the Trust has given
formally or the effect of a policy in force; whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.text import first_few, sentences_around

_NOTICE = r"(?:letters?|e-?mails?|texts?|messages?|notices?|announcements?|newsletters?|updates?)"
# The school's own word set aside ...
_SET_ASIDE = re.compile(
    # (not "don't ignore the letter about the trip": the opposite)
    r"(?<!don't )(?<!dont )(?<!do not )(?<!never )"
    r"\b(?:ignore|disregard) (?:the|that|this|today's|yesterday's|any|all the) (?:[\w'-]+ ){0,2}?"
    + _NOTICE + r"\b|"
    r"\b(?:don't|dont|do not|never) believe (?:the|that|this|today's|what the) (?:[\w'-]+ ){0,2}?"
    + _NOTICE + r"\b|"
    r"\bwhatever (?:the|that) (?:[\w'-]+ )?(?:" + _NOTICE[3:-1] + r"|school|trust|academy|head|headteacher)"
    r"(?: \w+)? (?:says?|said)\b|"
    r"\b(?:school|the school|the trust|the academy) (?:won't|will not|don't|do not|doesn't|does not|"
    r"never) (?:actually|really|even) (?:fine|enforce|follow|check|chase|send|exclude|give)\w*|"
    r"\b(?:nobody|no one|no-one) (?:actually |really |even )?"
    r"(?:checks|enforces|follows (?:it|them) up|chases)\b|"
    r"\b(?:nobody|no one|no-one) (?:is|'s) (?:actually |really )?going to "
    r"(?:send|fine|check|enforce|chase)\w*|"
    r"\b(?:the )?(?:policy|letter|rule)(?:'s| is) (?:just|only) for show\b"
)
# ... not a scam, a hoax, one's own slip or someone else's notice ("ignore that message, wrong
# group", "ignore any texts claiming to be from school: it's a scam", the council's bin notice).
_NOT_THE_SCHOOLS_WORD = re.compile(
    r"\b(?:spam|scam\w*|hoax|fake|phishing|fraud\w*|claiming|wrong (?:group|chat|attachment|person|class)|"
    r"meant for|by mistake|correction|after my name|council|pta|friends of|my (?:mum|mom|dad|husband|wife|"
    r"partner|kids?|son|daughter|last|previous)|last (?:email|e-mail|text|message)|"
    r"(?:emails?|texts?|messages?) after \d)\b")
# ... with a plain contradiction beside it (not "ignore the last email, wrong attachment": a
# correction of one's own message contradicts nothing).
_CONTRADICTS = re.compile(
    r"\b(?:not|isn't|aren't|won't|wasn't|isnt|arent|wont|never|still|actually|definitely|"
    r"whatever)\b|n't\b")
# ... about the school's business, in the same sentence or the next (a club's or a council's
# letter is not the Trust's word).
_SCHOOL_MATTER = re.compile(
    r"\b(?:school|trust|academy|head|headteacher|went home|sent home|mocks?|exams?|trip|"
    r"residential|uniform|clos\w*|shut\w*|finish\w*|inset|fines?d?|detentions?|phone ban|ofsted)\b")


class ContradictionDetector(WordsDetector):
    name = "contradiction"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        for match in first_few(_SET_ASIDE.finditer(folded)):
            # (the contradiction may follow in the next sentence: "Ignore the letter. It's still on.")
            start, following_end = sentences_around(folded, match.start(), after=1)
            # ("school won't actually fine you", "don't believe the letter" contradict in their own words)
            says_itself = not match.group(0).startswith(("ignore", "disregard", "whatever"))
            told = folded[start:following_end]
            rest = told.replace(match.group(0), " ")
            if _NOT_THE_SCHOOLS_WORD.search(told):
                continue
            if (says_itself or _CONTRADICTS.search(rest)) and _SCHOOL_MATTER.search(told):
                yield Evidence(self.name, "contradicts_the_school", text[match.start():match.end()],
                               match.start(), match.end())
                return

"""A school's results told before they are published: "SATs results back this morning. 58%
combined, worst in the borough", "Had a sneak peek at tomorrow's A level results 🤫 best ever
year", "Y4 times tables check scores are in and we're rock bottom, don't share". Until the school
or the Department publishes them, results are the school's confidential business (catalogue:
content.confidential_org_info; issue: unpublished results or inspection outcomes). The words say
so themselves: the school's results, how they went, and either a hush or, for the primary
tests whose results schools hear of weeks before anyone publishes them, that they have just
arrived. Not the writer's own exams or their children's ("passed my Level 3", "my eldest got his
GCSE results"), not a sports day's or a bake-off's results, and not results day itself, when they
are out. Whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.inspection import UNPUBLISHED
from safepost.detect.school_identity import in_family_news

# The primary tests, reported to schools in the summer and published months later.
_PRIMARY_TESTS = (r"sats|ks ?[12]|key stage [12]|phonics(?: screening)?(?: check)?|"
                  r"(?:multiplication|times ?tables?) (?:check|test)|mtc")
_RESULTS = re.compile(
    r"\b(?:(?P<primary>" + _PRIMARY_TESTS + r")(?: (?:reading|writing|maths|spag|gps))?"
    r"|gcses?|a[- ]?levels?|btecs?|mocks?|mock exams?|sixth form|(?:our|the) (?:maths|english|science) "
    r"|(?:year|yr) ?\d{1,2}|y\d{1,2})"
    r"(?:'s)? ?(?:results?|scores?|data|grades|figures|predictions?|outcomes|pass rate)\b"
    # (not another event's results: "Year 6 results from the spelling bee", "this season")
    r"(?! (?:from|for|of|at) (?:the|our|this|last|tonight'?s|today'?s|yesterday'?s) )"
    r"|\bresults day (?:is )?tomorrow\b|\b(?:progress|attainment) 8\b"
    # (session 31) "results land tomorrow and between us they're our best EVER"
    r"|\bresults (?:land|come out|are out|go out|are published|get published) tomorrow\b")
# Results that are not the school's: a match, a quiz, a race, a show.
_ANOTHER_EVENT = re.compile(
    r"\b(?:quiz|bake ?off|spelling bee|sports day|cross[- ]country|gala|tournament|league|season|"
    r"match(?:es)?|fixtures?|wins?|draws?|races?|show|fair|competition|election|raffle|"
    r"times tables rock stars|ttrs|sponsored)\b")
# How they went: a figure, a ranking or a verdict.
_HOW_THEY_WENT = re.compile(
    r"\d{1,3}(?:\.\d)?\s?%|\b\d{1,2} ?/ ?\d{2,3}\b|(?<![\w.])[-+−]\d?\.\d{1,2}\b|"
    # (not "best of luck", "all the best", "best thing is to ask")
    r"\b(?:best (?:ever|yet|year|results?|we'?ve|in (?:the|years|a)|by (?:a|far)|on record)|worst|"
    r"highest|lowest|record|rock bottom|bottom|"
    r"well down|down|up \d+|smashed|bombed|bloodbath|grim|dire|shocking|negative|gutted|disaster|"
    r"dreadful|amazing|incredible|fallen|dropped|improved|oxbridge|combined|nailed it|panicking|"
    r"meltdown)\b")
# That they are not out yet, beyond the inspection detector's hushes.
_NOT_OUT_YET = re.compile(
    r"\bsneak(?:y)? peek\b|"
    r"\b(?:aren't|are not|isn't|is not|not) (?:officially )?(?:out|public|published) "
    r"(?:until|till|til|yet)\b|"
    r"\bnot public yet\b|\b(?:governors|parents) (?:haven't|have not|aren't|are not) "
    r"(?:even )?(?:seen|getting|had)\b|\bcan'?t wait for (?:thursday|results day)\b|"
    r"\btomorrow'?s (?:(?:a[- ]?level|gcse|btec|sats) )?results\b|\bembargo(?:ed)?\b|"
    r"\bkeep (?:that|this|it) to (?:yourselves|yourself)\b|\bdon'?t repeat\b|\bnot for sharing\b|"
    # (session 31) "our provisional GCSE figures before they go out tomorrow"
    r"\bbefore (?:they|it|the results?|the figures)(?:'re| are| is|'s)? (?:go(?:es)? out|come out|comes out|"
    r"out|published|released|public|sent out)\b")
# Just arrived: the primary tests' results reach a school long before they are published.
_ARRIVED = re.compile(r"\b(?:are in|are back|back (?:this|today)|came (?:back|in)|come back|landed|"
                      r"just in|in today|arrived|just got)\b")
# ... and not the day they come out, nor someone's own.
_OUT_OR_OWN = re.compile(
    r"\b(?:published|league tables? (?:are )?out|on (?:our|the) website|results day today|"
    r"(?:passed|failed|got) my|my (?:own )?(?:\w+ )?(?:results|exam|exams|degree|masters|npqh|npqsl|"
    r"level \d)|(?:back )?in 19\d\d|back in 20\d\d|"
    # a parent's own child: "she passed with 36/40, proud mummy"
    r"(?:proud|chuffed) (?:mummy|mum|mam|mama|dad|daddy|nanny|nan|nana|grandma|grandad|auntie)|"
    r"(?:she|he) (?:passed|got full marks))\b")


class UnpublishedResultsDetector(WordsDetector):
    name = "unpublished_results"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        results = _RESULTS.search(folded)
        if (results is None or in_family_news(folded, results.start()) or _OUT_OR_OWN.search(folded)
                or _ANOTHER_EVENT.search(folded) or not _HOW_THEY_WENT.search(folded)):
            return
        hush = UNPUBLISHED.search(folded) or _NOT_OUT_YET.search(folded)
        if hush is None and results.group("primary"):
            hush = _ARRIVED.search(folded, results.end())
        if hush is None:
            return
        yield Evidence(self.name, "unpublished_results", text[results.start():results.end()],
                       results.start(), results.end(), attrs={"hush": text[hush.start():hush.end()]})

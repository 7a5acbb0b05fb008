"""School business told before it is announced: "Between us, 3 teachers are being made redundant
this summer and the announcement isn't till after Easter", "Not announced yet so keep it quiet but
our deputy is off at Easter to a headship", "Don't quote me but governors are talking about
merging us with the infants", "Cliffsend Coaches quoted £52k, tell your brother to come in at 48".
Staffing, mergers and closures, the budget and contracts are the school's confidential business
until it announces them (catalogue: content.confidential_org_info). Over the labelled corpora and
the devset, 81 of the 86 texts with both a hush and such business are labelled confidential; of
the other five, one is work between colleagues in a private message and four are unlabelled.

A hush with nothing of the school's business ("don't tell anyone but I've booked the Maldives")
or business with no hush (a vacancy advertised, "the trip budget is £20 a head") is not this.
Whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.inspection import UNPUBLISHED
from safepost.detect.school_identity import in_family_news

# Not yet announced, beyond the hushes an inspection's outcome is told with.
_NOT_ANNOUNCED = re.compile(
    r"\b(?:not (?:been |yet )?(?:officially )?announced|(?:hasn'?t|has not|haven'?t|isn'?t|is not) "
    r"(?:been )?(?:officially )?(?:announced|made public)|before (?:it'?s|it is|they) announce|"
    r"announcement (?:isn'?t|is not|won'?t be|'s not) (?:till|until|til)|inside info|"
    r"you heard it (?:here )?first|can'?t (?:officially )?(?:share|say) (?:yet|much)|"
    r"(?:doesn'?t|don'?t|do not|does not) (?:even )?know yet|"
    r"(?:they'?re|we'?re) telling (?:the )?\w+ (?:after|on|next|at)|not official yet|under wraps|"
    r"don'?t quote me|heard in the office)\b")
# The school's business: its staffing, its future, its money and contracts.
_BUSINESS = re.compile(
    r"\b(?:made redundant|redundanc(?:y|ies)|restructur\w*|(?:jobs?|posts?|roles?) (?:are |is )?"
    r"(?:being |going to be )?cut|cut to one post|(?:won'?t|not) (?:still )?have a job|"
    r"losing (?:their|her|his|our) jobs?|handed (?:her|his|their) notice in|headship|"
    r"(?:got|been|being) (?:suspended|sacked)|disciplinary|formal warning|"
    r"merg(?:e|er|ers|ing)|joining (?:up )?with|taking (?:us )?over|take us over|closing|closure|"
    r"budget|in the red|deficit|£\d+k|contracts?|tenders?|(?:sealed )?bids?|quoted|supplier|"
    r"caterers?|catering firm|scrapping|fees)\b")


# Someone else's workplace: "hubby's firm is making redundancies", "at her work".
_ANOTHER_WORKPLACE = re.compile(
    r"\b(?:(?:hubby|husband|wife|partner|boyfriend|girlfriend|other half|mum|dad|brother|sister|mate|"
    r"friend|cousin|son|daughter)'?s (?:firm|company|work|job|office|employer|place|factory|shop)|"
    r"at (?:his|her|their) (?:work|job|firm|company|place))\b")


class UnannouncedBusinessDetector(WordsDetector):
    name = "unannounced"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        business = _BUSINESS.search(folded)
        if business is None:
            return
        hush = UNPUBLISHED.search(folded) or _NOT_ANNOUNCED.search(folded)
        if hush is None or in_family_news(folded, business.start()) or _ANOTHER_WORKPLACE.search(folded):
            return
        yield Evidence(self.name, "unannounced_school_business", text[business.start():business.end()],
                       business.start(), business.end(), attrs={"hush": text[hush.start():hush.end()]})

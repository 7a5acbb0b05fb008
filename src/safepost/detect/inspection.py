"""An inspection's outcome told before the report is published: "Can't say much yet but the
inspectors were VERY happy with us", "Hearing it's RI for us, don't quote me". Until Ofsted (or
Estyn, SIAMS) publishes, the outcome is the school's confidential business (catalogue:
content.confidential_org_info; issue: unpublished results or inspection outcomes). The words say
so themselves: an inspection, a hint at how it went, and that it is not yet public. Whether a
request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector

_INSPECTION = re.compile(
    r"\b(?:ofsted|inspectors?|inspection|inspectorate|estyn|siams|hmi|lead inspector|feedback meeting|"
    r"(?:men in )?grey suits|the visitors|(?:trust|la|local authority) review(?: team)?|"
    # an inspection's report is what gets "published": "till the report's out", "before publication"
    r"(?:the|our|a certain|that) report(?:'s| is| will be)? (?:out|published|comes out|coming out)|"
    r"(?:till?|until|before) (?:it'?s |it is )?(?:published|publication))\b")
# The outcome, told outright or hinted at.
_OUTCOME = re.compile(
    r"\b(?:outstanding|good|requires improvement|ri|inadequate|special measures|serious weaknesses|"
    r"happy|impressed|smashed it|nailed it|loved us|lov(?:ed|ing) (?:it|everything)|smil(?:e|es|ing)|"
    r"good news|went (?:really |so )?well|wet weekend|gutted|thrilled|buzzing|delighted|not impressed|"
    r"downgraded|upgraded|grade|judgement|verdict|praise|brilliant(?:ly)?|exceptional|excellent|"
    r"best|brutal|positive|overwhelmingly|concerns?|areas for improvement|still good|no longer|"
    r"shaking off|champagne|prosecco|chuffed|proud of the feedback|dreading|loved our school|"
    r"gone the way we hoped|(?:going|gonna) to (?:like|love)|proud of our school|paid off|paying off)\b|"
    r"[🟢💚🍾🥂]")
# Feedback told: the inspectors' words or what they said, not only a feeling about the week.
_FEEDBACK = re.compile(
    r"\b(?:feedback|(?:they|inspectors?|inspector|the visitors|hmi) (?:said|told us|described|called|"
    r"highlighted|confirmed|loved|praised)|described as|highlighted|confirmed (?:today|that))\b")
# ... and that it is not yet public (results told early say so in the same words:
# detect/results.py).
UNPUBLISHED = re.compile(
    r"(?:\b(?:can't|cant|cannot|can not|not allowed to|not supposed to|not meant to|shouldn't|mustn't|"
    r"won't|wont) (?:say|tell|share|post)\b|"
    r"\b(?:till?|until|before) (?:the report|it'?s (?:published|out)|it is published|it comes out|"
    r"publication|we're allowed|out|published)\b|"
    r"\bwhen (?:the|that|our) report (?:comes|is) out\b|"
    r"\breport(?:'s| is| will be)? (?:out|due|published) (?:next|in|on|soon)\b|"
    r"\breport'?s not out\b|\bnot (?:been )?published yet\b|\byou didn't hear it from me\b|"
    r"\bdon't (?:tell|share|quote me)\b|\bcan'?t give it away\b|"
    r"\bmum'?s the word\b|\bspoiler\b|\bjinx\b|\bkeep it (?:zipped|quiet|under your hat)\b|"
    r"\bbetween (?:us|you and me|ourselves)\b|\boff the record\b|\bhush hush\b|\bshh+\b|[🤐🤫])")
# Already public: the report is out ("published today", "read it on our website").
_PUBLISHED = re.compile(
    r"\b(?:(?:has|have|now|was|were|been|is) (?:now |just )?(?:been )?published|published (?:today|this)|"
    r"(?:out|came out|come out) today|read (?:it|the full report|our report|the report)|"
    r"on (?:our|the) (?:website|ofsted website))\b")


# ... unless it is only to come: "until the report is published", "when it's out".
_NOT_YET = re.compile(r"\b(?:till|til|until|before|when|once|after|wait)\b[^.!?]*$")


class InspectionOutcomeDetector(WordsDetector):
    name = "inspection_outcome"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        inspection = _INSPECTION.search(folded)
        if inspection is None or any(
                not _NOT_YET.search(folded, max(0, published.start() - 30), published.start())
                for published in _PUBLISHED.finditer(folded)):
            return
        if not _OUTCOME.search(folded):
            return
        # Not yet public, as the words say ("can't say much yet"), or the inspectors' feedback
        # told with how it went ("we are delighted with the feedback").
        told = UNPUBLISHED.search(folded) or _FEEDBACK.search(folded)
        if told is None:
            return
        yield Evidence(self.name, "unpublished_inspection", text[inspection.start():inspection.end()],
                       inspection.start(), inspection.end(), attrs={"hush": text[told.start():told.end()]})

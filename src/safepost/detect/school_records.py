"""Pupils' records passed round: "Screenshot of the Y11 mock results spreadsheet lol", "Here's
the Y11 predicted grades sheet", "New Year 7 register just dropped 😂", "Pasting my set list so
you can see". A class's results, grades, register or set list is personal data the school holds
in confidence; shown on social media it is a data breach whatever the joke (catalogue:
content.data_protection, content.personal_info_about_individuals, content.confidential_org_info;
the outside readers labelled each such case so). Results the school has published ("our SATs
results are out and we're so proud") are not a record shown: the words must show the document
itself being shared. Whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.text import first_few, sentence_bounds

# The record: pupils' results, grades or marks as a document, a markbook, a register of needs ...
_RECORD = re.compile(
    r"\b(?:(?:mock|predicted|sats|gcse|a-?level|exam|test|assessment|reading|phonics|attainment|progress)"
    r" ?(?:results?|grades?|marks|scores|data) ?(?:spread ?sheet|sheet|list|tracker|export|printout|table)"
    r"|(?:results?|grades?|marks) (?:spread ?sheet|sheet|list|tracker|export|printout)"
    r"|mark ?book|(?:sen|send|cp|safeguarding) (?:register|list))\b")
# ... shown: a screenshot, a paste, a link, "here's", "just dropped".
_SHOWN = re.compile(
    r"\b(?:screen ?shot\w*|screen ?grab\w*|pasting|pasted|here'?s|attached|photo of|pic of|look at|"
    r"have a look|sneak peek|just dropped|leaked|copy of|sharing)\b|📸|https?://")
# A class's own list or register is a record only where the words show it copied out (a screenshot,
# a paste, a leak): "here's the class list for Monday's trip groups", "our new cash register in
# the role-play shop", "the set list for tonight's concert" are not.
_CLASS_LIST = re.compile(
    r"\b(?:(?:class|form|group) lists?|set lists?|"
    r"(?:the|our|my|new|class|form) (?:(?:year|yr) ?\d{1,2} )?register)(?! office| of)\b")
_COPIED = re.compile(
    r"\b(?:screen ?shot\w*|screen ?grab\w*|pasting|pasted|leaked|just dropped|photo of|pic of)\b|📸")
# ... or its families' details in it ("the Year 2 class list with everyone's addresses"), or used
# to reach them for the writer's own ends ("Got your number off the class contact list 😊 I've
# started selling candles"); and a records system's export ("the MIS export has 180 kids'
# addresses and medical notes ... screenshot below").
_DETAILS_IN_IT = re.compile(
    r"\b(?:with|has|have|inc|including|and) (?:all )?(?:everyone'?s|their|the|kids'?|children'?s|\d+ kids'?) "
    r"(?:home )?(?:addresses|phone numbers|numbers|dates? of birth|medical (?:notes|needs|info))\b")
_TAKEN_FROM = re.compile(
    r"\bgot (?:your|ur) (?:number|email|address|details) (?:off|from) (?:the |a |our )?"
    r"(?:class|school|contact|parent|parents'?|(?:year|yr) ?\d{1,2}|y\d{1,2}|pta|trip)[\w' ]{0,20}?"
    r"(?:list|register|sheet|system|database|app)\b")
# ... for the writer's own ends (not "got your number off the contact sheet. Teddy's been a bit
# wobbly today", school business however it is sent).
_OWN_ENDS = re.compile(
    r"\b(?:sell\w*|business|catalogue|tutor\w*|mates'? rates|\d+% off|discount|vote for me|"
    r"my (?:new )?(?:shop|range|page|candles?|cakes?|products?))\b")
_MIS_EXPORT = re.compile(r"\b(?:mis|sims|arbor|bromcom|scholarpack|cpoms) (?:export|download)\b")


class SchoolRecordsDetector(WordsDetector):
    name = "school_records"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        taken = _TAKEN_FROM.search(folded)
        if taken is not None and _OWN_ENDS.search(folded):
            yield Evidence(self.name, "school_records_shared", text[taken.start():taken.end()],
                           taken.start(), taken.end(), attrs={"used_for_own_ends": True})
            return
        found = [(record, _SHOWN) for record in first_few(_RECORD.finditer(folded))]
        # (a class list counts where it is copied or has the families' details in it)
        found += [(record, shown_by) for record in first_few(_CLASS_LIST.finditer(folded))
                  for shown_by in (_COPIED, _DETAILS_IN_IT)]
        found += [(record, _SHOWN) for record in first_few(_MIS_EXPORT.finditer(folded))]
        for record, shown_by in sorted(found, key=lambda pair: pair[0].start()):
            if shown_by.search(folded, *sentence_bounds(folded, record.start())) is None:
                continue
            yield Evidence(self.name, "school_records_shared", text[record.start():record.end()],
                           record.start(), record.end())
            return

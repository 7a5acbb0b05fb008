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

# The record: pupils' results, grades or data as a document, or a class list.
_RECORD = re.compile(
    r"\b(?:(?:mock|predicted|sats|gcse|a-?level|exam|test|assessment|reading|phonics|attainment|progress)"
    r" ?(?:results?|grades?|marks|scores|data) ?(?:spread ?sheet|sheet|list|tracker|export|printout|table)"
    r"|(?:results?|grades?|marks) (?:spread ?sheet|sheet|list|tracker|export|printout)"
    r"|(?:class|set|form|group) lists?|(?:the |our |my |new )(?:\w+ ){0,3}register(?! office| of)"
    r"|mark ?book|seating plans?|(?:sen|send|cp|safeguarding) (?:register|list)|data drop)\b")
# ... shown: a screenshot, a paste, a link, "here's", "just dropped".
_SHOWN = re.compile(
    r"\b(?:screen ?shot\w*|screen ?grab\w*|pasting|pasted|here'?s|attached|photo of|pic of|look at|"
    r"have a look|sneak peek|just dropped|leaked|copy of|sharing)\b|📸|https?://")


class SchoolRecordsDetector(WordsDetector):
    name = "school_records"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        for record in first_few(_RECORD.finditer(folded)):
            shown = _SHOWN.search(folded, *sentence_bounds(folded, record.start()))
            if shown is None:
                continue
            yield Evidence(self.name, "school_records_shared", text[record.start():record.end()],
                           record.start(), record.end(),
                           attrs={"shown": text[shown.start():shown.end()]})
            return

"""The press in a reply or a message: a reporter asking the school's page for a comment, or
the page offering one ("happy to give the Mercury a quote"). Holbrook (A.3.6) and TPAT (4)
send every media enquiry to the headteacher; whether a request is on the school's account and
whose words it holds is `evaluate`'s to judge."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.contract import others_words
from safepost.detect.base import Evidence, Subject, author_role

# Words said for publication: what a reply offering the media a comment says, and what a
# reporter asking for one says.
_FOR_PUBLICATION = (
    r"(?:press|media) (?:enquir(?:y|ies)|inquir(?:y|ies)|request)s?|"
    r"(?:a|an|any) (?:quote|statement|interview|comment) (?:for|to) (?:the|your|our|a) (?:[\w-]+ )?"
    r"(?:paper|press|media|news(?!letter)\w*|gazette|echo|mercury|herald|times|chronicle|telegraph|journal|"
    r"advertiser|bbc|itv|programme|story|article|piece|feature|readers)|"
    # (not "give us a quote for the minibus": a price, not a comment)
    r"(?:give|giving|gave|provide|offer|do) (?:you |them |the [\w ]{1,30}? )?(?:a |an )"
    r"(?:quick |short |brief |live |phone )?(?:quote|interview)"
    r"(?= (?:for|to|about|on) (?:the|your|our|a|their) (?:[\w-]+ )?(?:paper|press|media|news(?!letter)\w*|"
    r"story|article|piece|feature|readers|programme|show)|[^.!?]*\b(?:paper|press|news(?!letter)\w*|story|article|"
    r"piece|feature|times|gazette|echo|radio|tv|bbc|itv|"
    r"readers|programme|report|ofsted|inspection|crash|closure|flood\w*)\b)|"
    r"give (?:the|a) [A-Z\w][\w ]{0,30}? (?:a |an )(?:quote|interview)|"
    r"for (?:your|their) (?:paper|story|article|piece|feature|readers|listeners|viewers|"
    r"programme|bulletin|news report|broadcast)|"
    r"for the [\w'&. -]{1,25}? (?:feature|piece|programme|documentary|segment|news report)|"
    r"off the record"
)
_OFFERED = re.compile(r"\b(?:" + _FOR_PUBLICATION + r")\b")
# ... and a stranger on the page saying they are the press or asking for a comment for it (not
# someone saying they saw the school in the paper, or a former pupil who is now a reporter).
_ASKED = re.compile(
    r"\b(?:i'?m|i am|we'?re|we are) (?:a |an |the )?(?:[\w-]+ )?(?:journalist|reporter|editor|producer|"
    r"researcher) (?:at|for|from|with) [^.!?]{0,60}?(?:could|can|would|will|comment|statement|quote|"
    r"interview|story|piece|article|report)|"
    r"\b(?:writing|putting together|working on|doing) (?:a |an )(?:story|piece|article|feature|report)|"
    r"\b(?:looking for|seeking|after) (?:a |any )?(?:comment|statement|quote)(?! box)|"
    r"\bi (?:write|report) for (?:the |a )|"
    r"\b(?:can|could|would|will) (?:someone|anyone|you|a member of staff|the school|the head\w*) "
    r"(?:give (?:us |me )?(?:a |any )?)?(?:comment|statement|interview|"
    # (a quote is a price unless it is for the paper: "a quote for the minibus hire")
    r"quote(?=[^.!?]*\b(?:paper|story|article|piece|readers|report|news(?!letter)\w*)\b))|"
    r"\b(?:a|an|any) (?:quote|statement|interview|comment) (?:for|to) (?:the|your|our|a) (?:[\w-]+ )?"
    r"(?:paper|press|media|news(?!letter)\w*|story|article|piece|feature|readers|programme)"
)
# Words that send the enquiry where the policies say it goes: what a policy asks, not a breach.
_SENT_TO_THE_HEAD = re.compile(
    r"\b(?:contact|email|e-mail|ring|call|speak to|write to) (?:the |our )?(?:head|headteacher|"
    r"head teacher|principal|trust'?s? (?:press|communications|media)|press office)|"
    r"\b(?:pass|forward|refer|direct|sen[dt])\w* (?:this|it|that|them|you|your \w+) (?:on )?to "
    r"(?!me\b|us\b)|"
    r"\b(?:need|needs|have|has|should) to (?:go|be sent|be directed|be passed) to (?:the |our )?"
    r"(?:head|headteacher|head teacher|principal|trust|press office)|"
    r"\b(?:our |the )?(?:head|headteacher|head teacher|principal) (?:will|'ll) (?:respond|reply|be in touch|"
    r"get back|call|ring|contact)"
)


class PressDetector:
    name = "press"
    reads_text = False  # the words of a reply or message, not of a picture

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        request = subject.request
        if request.kind not in ("comment", "message"):
            return
        writer = others_words(request)
        if writer is not None and writer.writer != "public":
            return
        # (the headteacher is whom the policies send the press to)
        if writer is None and author_role(request, subject.school) == "headteacher":
            return
        text = subject.text
        folded = subject.folded
        match = (_ASKED if writer is not None else _OFFERED).search(folded)
        if match and not _SENT_TO_THE_HEAD.search(folded):
            yield Evidence(self.name, "media_contact", text[match.start():match.end()],
                           match.start(), match.end(), attrs={"received": writer is not None})

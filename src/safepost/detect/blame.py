"""A parent or colleague told, in a sharp aside, that it is their own fault: "Maybe if you got him
to bed before midnight he wouldn't be asleep in phonics", "If you'd actually read the newsletter
you'd know non-uniform was on Friday", "Perhaps if Jayden's dad got him to school on time...".
Written back to a parent or a colleague, it is criticising or arguing with them in public
(catalogue: content.criticise_or_argue; AURIGA 3, TPAT 4), and on the school's own account an
unprofessional tone. The outside readers labelled 61 of the 62 such replies in the devset a
breach; the language model, which reads most of them as arguing, missed about a quarter.

The same turn of phrase as kind advice ("maybe if you get an early night you'd feel better x"),
about the writer ("maybe if I'd read the letter I'd have known"), or aimed at the government is
not blame of anyone at school. Whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.incident import in_school_life
from safepost.detect.school_identity import in_family_news
from safepost.detect.text import first_few, sentence_bounds

# "Maybe if you / your lad / he / some parents / Jayden ... you'd / he'd / wouldn't ..."
_IF_ONLY = re.compile(
    r"\b(?:maybe|perhaps) if (?!i\b|i'|we\b|we'|(?:the )?(?:government|council|dfe|trust|weather|ofsted|"
    r"ministers?|minister|treasury|chancellor|la|local authority|politicians|mps)\b)"
    r"\S+ [^.!?\n]{0,110}?\b(?:you'?d|u'?d|he'?d|she'?d|they'?d|we'?d|wouldn'?t|would|won'?t|might)\b")
# ... with the sting that makes it blame, in the same sentence: what they should have done.
_STING = re.compile(
    r"\b(?:actually|bothered|once in a while|for once|instead of|spent less time|spend less time|"
    r"got (?:him|her|them|your|ur)|get (?:him|her|them|your|ur)|read (?:the|a|our|his|her|your|any)|"
    r"checked|turned up|on time|before (?:\d|midnight|eleven|ten|nine)|in bed|to bed|out of bed|listened|"
    r"paid attention|did (?:his|her|their|your) homework|handed (?:his|her|their|your) homework|moaning|"
    r"like everyone else|followed|backed)\b")
# "If you'd (actually) read the letter, you'd know...", said to someone who did not.
_DID_NOT_READ = re.compile(
    r"\b(?:if (?:you|u|people|parents|some parents)(?:'d| had| would| actually| bothered to| just)*|"
    r"had (?:you|u|people|parents)(?: actually| bothered to)?) "
    r"(?:actually )?(?:read|check|checked|looked at|look at|opened|open)\b[^.!?\n]{0,60}?"
    r"\b(?:letters?|newsletters?|emails?|texts?|website|planner|app|dojo|policy|messages?|posts?)\b"
    r"[^.!?\n]{0,60}?\b(?:you'?d|u'?d|they'?d|(?:you|they) would|you would have) "
    r"(?:know|have known|see|have seen|realise)\b")
# What places the blame in school life, where the post names nothing else of it.
_SCHOOL_MATTER = re.compile(
    r"\b(?:newsletters?|letters?|homework|detentions?|phonics|planner|lessons?|isolation|non-uniform|"
    r"parents'? evening|behaviour|attendance|uniform|dojo|term|register|marked late|late mark|break duty)\b")
# Kind advice: the writer's warmth in the same sentence.
_KIND = re.compile(
    r"\b(?:feel better|hope|sleep well|get well|take care|love you|good luck|we'?d be (?:able|happy|glad)|"
    r"happy to|give us a (?:ring|call)|just ask|let us know|we can help|pop in|do get in touch)\b|"
    r"[❤💕😘🤗]| x+$")


class BlameDetector(WordsDetector):
    name = "blame"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        found = first_few(_IF_ONLY.finditer(folded)) + first_few(_DID_NOT_READ.finditer(folded))
        if not found:
            return
        # (On the school's own account, school life goes without saying.)
        official = subject.request.channel == "official"
        if not (official or in_school_life(text) or _SCHOOL_MATTER.search(folded)):
            return  # ("maybe if you'd read the recipe you'd know it needed eggs 😂")
        for match in found:
            start, end = sentence_bounds(folded, match.start())
            if match.re is _IF_ONLY and not _STING.search(folded, start, end):
                continue
            if _KIND.search(folded, start, end) or in_family_news(folded, match.start()):
                continue  # ("Perhaps if my two got to bed on time I'd get some marking done")
            # (the evidence runs to the sentence's end, the blame's "...you'd know non-uniform is
            # on FRIDAY" included, within reason)
            shown_end = max(match.end(), min(end, match.end() + 80))
            yield Evidence(self.name, "told_its_their_fault", text[match.start():shown_end].rstrip(),
                           match.start(), shown_end)
            return

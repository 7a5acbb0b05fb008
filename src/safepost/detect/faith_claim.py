"""One faith declared the only true one, or readers called to it: "Jesus is the only way to the
Father and the only true hope for our children", "we want every family to know that Jesus is the
only way to salvation. Other festivals are lovely, but only one is true", "give your life to
Christ this Easter". On the school's own account that is a religious view the school takes as an
institution, which the policies keep off official accounts (Holbrook A.4.10, TPAT 6) or, where
the pack states no rule on opinions there, which brings the school into disrepute (the outside
readers' thirteen such official posts, under all five packs, every one a breach). A
church school's worship is not this: "He is risen! Happy Easter from all at St Mary's", a Bible
verse for the week, a prayer for a family, Eid Mubarak.

Nor teaching about faiths: "Year 5 learned that Christians believe Jesus is the only way to God",
"in RE we asked why Muslims say there is only one God" report what a faith holds. Whether a
request's words count is `evaluate`'s (on the school's own account only: a member of staff's own
faith on their own page is theirs)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector

_FAITH = (r"(?:jesus(?: christ)?|christ|god|allah|the lord|our lord|the bible|the qur'?an|the koran|islam|"
          r"christianity|the church|the gospel|our faith|our religion|krishna|guru nanak)")
_CLAIM = re.compile(
    r"\b(?:"
    + _FAITH + r" (?:is|are) the (?:only|one true) (?:way|truth|hope|answer|path|god|religion|faith|"
    r"saviou?r|light|road)\b"
    r"|the (?:only|one) (?:true|real) (?:god|faith|religion|hope|saviou?r|church)\b"
    r"|only (?:those|people|the ones|ones) who (?:accept|believe in|follow|turn to|know) "
    r"(?:jesus|christ|god|allah|the lord)\b[^.!?\n]{0,20}?\b(?:saved|go to heaven|be saved|"
    r"have eternal life)\b"
    r"|turn to (?:jesus|christ|god|allah|the lord) (?:today|now|before it'?s too late)\b"
    r"|the only (?:way|path|road) to (?:heaven|salvation|god|the father|eternal life|paradise)\b"
    r"|(?:other|all other|every other|the other) (?:festivals|faiths|religions|gods|beliefs)\b[^.!?\n]{0,60}?"
    r"\b(?:only (?:one|ours) is (?:true|real|right)|(?:are|is) (?:[\w-]+ and )?(?:false|wrong|lies|untrue|"
    r"not true|pagan|heathen|idols?)|lead (?:nowhere|to hell|astray))\b"
    r"|(?:give|giving|open|opening|surrender) (?:your|their) (?:life|lives|heart|hearts) to "
    r"(?:jesus|christ|god|the lord|allah)\b"
    r"|(?:accept|accepted|accepting|receive) (?:jesus|christ|allah|the lord)(?: christ)? (?:as|into) "
    r"(?:your|their|our) (?:lord|saviou?r|heart|hearts|life|lives)\b"
    r"|(?:without|outside) (?:jesus|christ|god|allah|faith) (?:there is|there'?s|you are|you'?re|we are|"
    r"we'?re|they are) (?:no hope|no salvation|lost|nothing|damned)\b"
    r")")
# Reporting what a faith holds: a lesson, a visit, a question.
_TEACHING = re.compile(
    r"\b(?:christians|muslims|jews|sikhs|hindus|buddhists|believers|catholics|they|people|some people)"
    r" (?:believe|say|teach|hold|think|thought|believed|taught)\b|\b(?:learn\w*|learnt|explor\w*|discuss\w*|"
    r"debat\w*|asked|ask(?:ing)?|wonder\w*|studied|studying|investigat\w*|considered|thinking about|"
    r"compar\w*) (?:about |whether |why |how |what |if )|\b(?:re|r\.e\.|religious education|"
    r"philosophy|theology|worldviews?) (?:lesson|class|today|this week|topic|unit)\b|\bin (?:re|r\.e\.)\b"
    # worship quoted: a hymn, a song, a reading ("'Give your hearts to the Lord' was the theme of the song")
    r"|\b(?:hymns?|songs?|sang|sing|singing|carols?|verses?|psalms?|reading|readings|prayers?|"
    r"collective worship|reflection|theme)\b")


class FaithClaimDetector(WordsDetector):
    name = "faith_claim"  # reads the words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        match = _CLAIM.search(folded)
        if match is None or _TEACHING.search(folded):
            return
        yield Evidence(self.name, "exclusive_faith_claim", text[match.start():match.end()],
                       match.start(), match.end())

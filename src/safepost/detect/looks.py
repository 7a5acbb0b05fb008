"""A remark on a child's looks as a grown-up's: "proper little stunner", "you'll be breaking
hearts at prom", "the boys won't know what's hit them", "legs up to her ears", "looks about 16 in
that dress". From a member of staff to a pupil, or to a parent about their child, safeguarding
guidance lists it among the signs of grooming (docs/language-labels.md: remarks on a pupil's
looks; five outside readers labelled such comments to parents as grooming). Kindness about a
child is not this: "looking so smart in his new uniform", "you looked so confident on stage", a
gorgeous new baby, a stunning hall. The same words from the child's own family are theirs: whom
the words are to is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.text import first_few, sentence_bounds

_REMARK = re.compile(
    r"\b(?:"
    r"(?:a |such a |what a )?proper little "
    r"(?:stunner|heartbreaker|model|beauty|looker|smasher|babe|hottie)"
    r"|(?:such a|what a|little|proper) (?:stunner|heartbreaker|looker|babe|hottie)"
    r"|(?:you'?ll|you will|u'?ll|she'?ll|he'?ll|she will|he will|(?:is |are |'s |'re )?going to|gonna) be "
    r"(?:breaking|break|the breaker of) (?:some |a few |a lot of |lots of |so many |many )?hearts"
    r"|breaking (?:some |a few |a lot of |lots of )?hearts (?:at|in|when|one day|soon|tonight)"
    r"|(?:the )?(?:boys|girls|lads|lasses|fellas) (?:won'?t|wont|will not|aren'?t going to) "
    r"know what'?s hit (?:them|em)"
    r"|beat(?:ing)? (?:the )?(?:boys|lads|girls|fellas) off with a (?:\w+ )?stick"
    r"|legs up to (?:her|his|your|ur) (?:ears|armpits)"
    r"|(?:with|got|has|that) (?:a |that )?(?:figure|body|bum|curves)(?! of)"
    r"(?= *(?:[!.,😍🔥🥵😏]|$| tho| though))"
    r"|looks? (?:about |at least |easily )?(?:1[6-9]|twenty|21) in (?:that|this|her|the) "
    r"(?:dress|outfit|pic|photo|top)"
    r"|(?:a )?(?:proper )?grown[- ]up (?:young )?woman (?:now|already)"
    r"|(?:you'?re|ur|you are|u r|u look|you look|looking|she'?s|he'?s) (?:so |very |well |proper )?"
    r"(?:sexy|peng|buff)\b"
    r"|sexiest|(?:model|modelling) material|(?:could|should)(?: easily)? be a (?:model|supermodel)"
    r"|sexy|looking (?:so |very |proper )?(?:hot|fit)(?= *(?:[!🔥😍😏😉🥵]|there\b|in\b|$))|hot hot hot"
    # the child's person, admired as a grown-up's is
    r"|(?:very |so |such an? |really )?attractive (?:young )?(?:man|woman|lady|girl|boy)"
    r"|(?:handsome|pretty|gorgeous|beautiful|stunning) (?:little )?(?:boy|girl|young (?:man|lady|woman))"
    r"|distractingly (?:pretty|handsome|gorgeous|good[- ]looking)|(?:quite )?a (?:little )?(?:looker|cracker)"
    r"|(?:those|that|nice|great|gorgeous|long|lovely|mature|slim|toned|sexy) "
    r"(?:legs|abs|lips|figure|body|curves|bum|jawline|tummy|thighs)"
    r"|(?:dancer|model)'?s (?:body|figure|legs)|toned and shapely|shapely|filled out (?:nicely|a lot)"
    r"|proper young (?:woman|lady)|(?:far |way |much )?older than (?:1[0-7]|her age|his age) in "
    r"|can'?t believe (?:she|he)'?s only 1[0-7]"
    # ... and their appeal to others
    r"|heart ?breaker|heart ?throb|lady[- ]?killer|lucky (?:boys|girls|lads)"
    r"|(?:boys|girls|lads|lasses) (?:must be |will be |'ll be |be )?queu(?:e|ing) (?:up|round)"
    r"|(?:queu(?:e|ing) (?:up )?round the block)|(?:the )?(?:boys|girls|lads) (?:had )?better watch out"
    r")(?!\w)")
# Not a baby's looks (anywhere in the words: "What a gorgeous baby! She's a proper little
# stunner"), nor, in the remark's own sentence, a building's, a cake's or a costume's.
_A_BABY = re.compile(r"\b(?:baby|babies|newborn|new arrival|little (?:sister|brother)|bump)\b")
_NOT_A_CHILDS_LOOKS = re.compile(
    r"\b(?:venue|hall|room|display board|classroom display|costumes?|cake|garden|dress rehearsal|records?)\b")


class LooksRemarkDetector(WordsDetector):
    name = "looks_remark"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        if _A_BABY.search(folded):
            return
        for remark in first_few(_REMARK.finditer(folded)):
            if _NOT_A_CHILDS_LOOKS.search(folded, *sentence_bounds(folded, remark.start())):
                continue  # (in its sentence: a hall, a cake, a costume)
            yield Evidence(self.name, "looks_remark", text[remark.start():remark.end()],
                           remark.start(), remark.end())
            return

"""Pupils talked of sexually in a member of staff's own post: "some of these Year 11 girls look
about 25 in their prom pics 👀 not complaining", "the Year 13 girls have definitely grown up over
the summer 👀 sixth form is gonna be a distraction", "sixth form girls looked well over 18 if you
know what I mean 😏", "the Year 10 girls are nearly legal". An adult in a position of trust who
sexualises the children in their care is a safeguarding concern about that adult for the DSL, and
it shames the school (the outside readers' four such posts: all escalated to the DSL, two under
AURIGA also disrepute).

Girls or boys of the school's must be named ("Year 11 girls", "Y13 lads", "sixth form girls",
"girls in my tutor group"), then either
- words that are sexual of anyone ("nearly legal", "jailbait"), or
- their looks as a grown-up's (older than they are, grown up, good in what they wear, their
  bodies) with a leer beside them ("😏", "🥵", "if you know what I mean", "not complaining",
  "can't blame the lads", "a distraction").
Pride, jokes and lessons are not this: "the Year 13 girls have grown up so much, so proud 🥹",
"Year 11 lads look about 30 with those beards 😂", "the girls looked stunning at prom 😍", "Year
10 girls looking older than their age in 1940s costumes 👀" (eyes alone are as often pride or
"watch this space"), "their go-karts are nearly legal for the road".

Whose words they are is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector

# A year group: "Year 11", "Y13", "Yr 9", "year eleven".
_YEAR = (r"(?:(?:year|yr|y) ?(?:[1-9]|1[0-3])|year (?:seven|eight|nine|ten|eleven|twelve|thirteen))"
         r"(?:s|'s)?")
# Girls or boys among those pupils ("the Year 13 girls", "sixth form lads", "one of the Y11
# girls"): the looks of grown-ups are said of them.
_GIRLS_OR_BOYS = re.compile(
    r"\b(?:" + _YEAR + r"|(?:sixth|6th)[- ]?form|(?:my|our) (?:tutor group|form|class)(?:'s)?)"
    r" (?:girls?|boys?|lads?|lasses|young (?:ladies|lady|men))\b"
    r"|\b(?:girls?|boys?|lads?|lasses) (?:in|from|of) (?:my |our |the )?(?:" + _YEAR
    + r"|(?:sixth|6th)[- ]?form|tutor group|form|class)\b"
    r"|\bschool ?girls?\b")
# Sexual of whomever they are said (with pupils named: "the Year 10s are nearly legal").
_SEXUAL = re.compile(
    r"\b(?:jail ?bait|(?:are|is|'re|'s|look|looks|they'?re|she'?s) (?:nearly|almost|barely|practically|just) "
    r"legal|legal in (?:a (?:few )?|\w+ )(?:months?|weeks?)|(?:well |proper )?shaggable)\b")
# Grown up, older than they are, good in what they wear, their bodies ...
_GROWN = re.compile(
    r"\b(?:sexy|peng|fit as (?!a fiddle)|(?:nice|big|massive) (?:boobs|rack|arse|bum)"
    r"|(?<!blue )(?<!coal )(?<!great )tits"
    r"|boobs|cleavage"
    r"|(?:all |definitely |really |certainly |proper |properly )?grown[- ]up(?! (?:books?|conversations?|"
    r"questions?|decisions?|choices?|work|learning|responsibilit\w*))"
    r"|(?:have|has|'ve|'s) (?:really |definitely |certainly )?(?:developed|filled out|blossomed)"
    r"|look(?:s|ed|ing)? (?:about |like |at least |easily |well |way |much |nearly |almost )?"
    r"(?:over )?(?:1[89]|2\d|twenty[- ]?\w*|older than (?:they are|their age|18|eighteen))\b"
    r"|(?:could|would|can) pass for (?:1[89]|2\d|twenty[- ]?\w*)\b"
    r"|(?:well|way|easily) over (?:18|eighteen)"
    r"|mature for (?:their|her|his) age"
    r"|look(?:s|ed|ing)? (?:so |very |well |proper |dead )?(?:hot|stunning|gorgeous|grown[- ]up)"
    r"|(?:are|is|'re|'s) (?:so |well |proper |dead |really )?(?:fit|peng|stunning|gorgeous|hot)\b"
    r"|look(?:s|ing)? (?:so |well |proper |dead |really )?fit\b"
    r"|dress(?:es|ed)? like (?:they'?re|she'?s|they are|she is) (?:1[89]|2\d|twenty[- ]?\w*)\b"
    r"|in (?:their|those|them|her|his) (?:prom dresses|dresses|dress|skirts?|leggings|pe kits?|shorts|"
    r"bikinis?|swimsuits?|swimming costumes?|crop tops?|tight \w+))")
# ... with a leer. (Eyes alone are as often "watch this space" or pride in a costume: not enough.)
_LEER = re.compile(
    r"😏|🥵|🤤|😈|🍑|🍆|💦|\b(?:phwoa+r|if you know what i mean|iykwim|not (?:that )?(?:i'?m |i am )?"
    r"complaining\b(?! about)|can'?t blame (?:the (?:lads|boys|fellas|men)|them|him)|"
    r"(?:a |quite a |bit of a )?distraction|hubba|"
    r"wink wink|nudge nudge|(?:the )?lads? (?:will be|'ll be|are|were) queuing)\b")


class SexualisedPupilsDetector(WordsDetector):
    name = "sexualised_pupils"  # reads the words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        pupils = _GIRLS_OR_BOYS.search(folded)
        if pupils is None:
            return
        said = {"pupils": text[pupils.start():pupils.end()]}
        sexual = _SEXUAL.search(folded)
        if sexual is not None:
            yield Evidence(self.name, "pupils_sexualised", text[sexual.start():sexual.end()],
                           sexual.start(), sexual.end(), attrs=said)
            return
        grown = _GROWN.search(folded)
        leer = _LEER.search(folded)
        if grown is None or leer is None:
            return
        yield Evidence(self.name, "pupils_sexualised", text[grown.start():grown.end()],
                       grown.start(), grown.end(), attrs={**said, "leer": text[leer.start():leer.end()]})

"""Drink in a member of staff's own post: drunk where work is in the words ("Absolutely hammered by
3pm on an INSET day", "Absolutely mortal on a school night, Year 9 period 1 tomorrow are in for a
treat", "still got to teach Year 2 phonics at 9"), drunk with no work in it ("Absolutely hammered at
Kerry's hen do 🍸 no regrets"), and driving after drinking ("4 pints and still drove home fine").

The outside readers: drunk and work together bring the school into disrepute (all four such
posts a breach); drunk with no work in it is, under the Staffordshire protocol, the advice on
keeping one's own photos and posts professional (its Appendix 1 item 4; all eight such posts,
every one under that pack); driving after drinking is illegal conduct (both such posts).
"Smashed it" at sports day, "wasted on Year 8", "hanging out" and a wasted INSET are none of these.

Whose words they are is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector

# Drunk, as people say it of themselves (not "smashed it", "wasted on", "hanging out", "steaming
# hot", "plastered the wall").
_DRUNK = re.compile(
    r"\b(?:(?:absolutely|so|well|proper|properly|totally|completely|utterly|still|getting|got|get|be|been|"
    r"was|am|i'?m|were) )?"
    r"(?:hammered|mortal|mullered|paralytic|legless|sloshed|trollied|bladdered|rat-?arsed|steaming"
    r"(?! (?:hot|mad|angry|cross|mug|cup|pile|bowl|plate))|"
    r"(?:(?<=absolutely )|(?<=so ))wasted(?! (?:on|time|day|inset|my|the|a|an|effort|money|paper|food))|"
    r"(?<=absolutely )hanging(?! (?:out|around|about|up|on|off|from the))|"
    r"(?<=still )hanging from (?:last night|friday|saturday|the (?:staff )?do|the party))\b")
# Work in the words: an INSET day, a school night, teaching or a lesson soon, on duty or at work.
_AT_WORK = re.compile(
    r"\b(?:inset(?: day)?|school night|teach(?:ing)? (?:\w+ ){0,4}?(?:tomorrow|at \d|in the morning|"
    r"first thing|period \d)|period \d|first lesson|(?:year|yr|y) ?\d{1,2}(?:s)? (?:\w+ ){0,3}?"
    r"(?:tomorrow|at \d|in the morning|first thing|period \d)|on duty|at work|in work|"
    r"(?:our|the|school|staff) (?:\w+ )?hoodies|"
    r"school (?:trip|residential|disco)|in front of the (?:kids|children|class))\b")
# Driving after drinking: "drove home after five pints", "4 pints and still drove home".
_DRINKS = (r"(?:pints|drinks|beers|vodkas|gins|shots|cans|proseccos|wines|"
           r"glasses of (?:wine|prosecco|fizz|red|white)|bottles of (?:wine|prosecco|beer|red|white|fizz))")
_DRINK_DRIVING = re.compile(
    r"\b(?:(?:drove|drive|driving|drivin) (?:\w+ ){0,3}?after (?:\d+|a few|a couple of|two|three|four|five|"
    r"six|seven|eight|several|loads of) " + _DRINKS + r"|"
    r"(?:\d+|two|three|four|five|six|seven|eight) " + _DRINKS
    + r"[^.!?\n]{0,30}?\b(?:and|but) (?:still |then )?(?:drove|drive|driving)(?: home)?)\b")


class DrinkDetector(WordsDetector):
    name = "drink"  # reads the words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        driving = _DRINK_DRIVING.search(folded)
        if driving is not None:
            yield Evidence(self.name, "drink_driving", text[driving.start():driving.end()],
                           driving.start(), driving.end())
            return
        drunk = _DRUNK.search(folded)
        if drunk is None:
            return
        work = _AT_WORK.search(folded)
        if work is not None:
            yield Evidence(self.name, "drunk_at_work", text[drunk.start():drunk.end()], drunk.start(),
                           drunk.end(), attrs={"work": text[work.start():work.end()]})
        else:
            yield Evidence(self.name, "drunk", text[drunk.start():drunk.end()], drunk.start(), drunk.end())

"""Messages that go on after the other person has made clear they do not want them: "why have
you blocked me on insta??", "I know you said to stop messaging but...", "new number, it's me",
"I'll keep messaging til you answer", "Why are you ignoring me? That's 6 messages now. I know
you've read it." The Staffordshire protocol names it (Appendix 2, item 7: unwanted or unwelcome
online communications), and every policy's ban on harassment covers it: pursuing a colleague, a
parent or anyone else who has stopped answering is a course of conduct, whatever each message
says (catalogue: content.unwanted_communications, content.bullying_harassment; the outside
readers labelled all nineteen such messages so, and the language model read none of them).

The words must say so. One sign that the other person said no or cut the writer off, with the
writer going on (blocked and back on a new account, "you said you weren't interested but...",
"I'm not going away"), is enough; the softer signs (no answer complained of: "why are you
ignoring me", "two blue ticks"; asking again and again: "third time of asking", "tried your
mobile, your email and your wife's Facebook"; pleading: "I'm begging you") count two together,
since one alone is a nudge about a deadline or a joke between friends. Whose words, and to whom,
is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.text import sentences_around

_YOU = r"(?:you|u|ya)"
_YOUVE = r"(?:you'?ve|you have|u'?ve|u have|uve|you|u)"
_YOURE = r"(?:you'?re|you are|ur|u r|ure)"
_WHO_CUT_ME_OFF = r"(?:you|u|she|he|she'?s|he'?s|she has|he has|you'?ve|you have|u'?ve)"
_NUMBER = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|a dozen|loads of|so many)"
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|umpteenth|hundredth)"
_CONTACTING = r"(?:messag|text|contact|call|ring|email|dm)(?:e|ing)?"
_THEIR_PEOPLE = r"(?:mum|dad|husband|wife|partner|sister|brother|fella|boyfriend|girlfriend)"
_CUT_OFF = r"(?:blocked|unfriended|unfollowed)"  # (not "muted": "you muted me in the Teams call 😂")
_OFFICE = r"(?:through|via)\s+the\s+(?:school\s+)?office"


def _any_of(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


# The other person has said no, or cut the writer off, and the writer goes on: each is enough
# alone. (Said of the person written to, or by their family: "your mum said not to contact you".)
_REFUSED = re.compile(r"\b" + _any_of(
    # blocked, unfriended, unfollowed - and the writer still here
    rf"(?:why (?:have|did|'?ve) {_YOU}|{_WHO_CUT_ME_OFF}|i know {_YOUVE}|{_YOU} went and) "
    rf"(?:gone and )?(?:just )?{_CUT_OFF} me(?! out| from)",
    rf"since {_YOU} {_CUT_OFF} me", r"don'?t block (?:this|me)",
    rf"{_YOU} can (?:block|unfollow|unfriend|mute|delete|ignore) me (?:on (?:here|\w+) )?"
    r"(?:all you (?:want|like)|if you (?:want|like)|as much as you (?:want|like)|but)",
    r"(?:unfollowing|unfriending|blocking|muting|deleting|ignoring) (?:me|my \w+) "
    r"(?:won'?t|doesn'?t|does not)",
    rf"(?:^|(?<=[.!?] )){_CUT_OFF} me\b(?! out| from)",
    rf"{_YOU} can'?t (?:just )?(?:delete|block|shut|cut) me out",
    rf"{_YOU} can'?t (?:just )?(?:ignore|avoid|block|hide from|unfriend|unfollow|cut) me "
    r"(?:forever|for ever|for long|in the staffroom|at work|every day|all term|all year|and think|after)",
    # a new number or account to get round a block
    rf"(?:new|another|my other|a different) (?:number|account|profile|phone)[, ]+"
    rf"(?:it'?s me|since {_YOU}|so {_YOU} can'?t)",
    rf"(?:made|set up|opened|got) (?:a )?new (?:account|profile|number|sim)\b[^.!?\n]{{0,30}}?"
    rf"(?:since {_YOU}|because {_YOU}|cos {_YOU}|to (?:follow|message|reach|contact|get hold of) "
    rf"(?:you|u|her|him))",
    r"from my other (?:profile|account|number)",
    rf"since (?:instagram|insta|facebook|fb|whatsapp|snapchat|it|they|{_YOU}) won'?t let me "
    r"(?:message|dm|text|see)",
    # told no, and not taking it
    r"i'?m not (?:going away(?=\s*(?:[.!?]|$))|giving up on (?:us|you)|going to stop "
    r"(?:asking|messaging|texting)|letting (?:this|it|you) go)",
    r"(?:i'?ll|ill|i will|i'?m going to|im gonna|i'?m gonna) (?:just )?keep (?:on )?"
    r"(?:messaging|texting|asking|calling|ringing|emailing|commenting|sending|popping up|turning up)"
    rf"[^.!?\n]{{0,40}}?(?:(?:till|til|until|'?til) {_YOU}\b|into the void)",
    r"(?:i'?ll|ill|i will) (?:just )?keep (?:popping|turning) up (?:here|everywhere|on (?:here|your))",
    rf"(?:until|till|til) {_YOU} (?:answer|reply|respond|dm|message|pick up|talk to me|speak to me)",
))
# "You said no / you asked me to go through the office / your mum said not to contact you" ...
_SAID_NO = re.compile(
    rf"\b(?:(?:{_YOU}|your {_THEIR_PEOPLE})(?:'?ve|\s+have)?\s+"
    r"(?:said|told\s+(?:me|us|the\s+office|mr\s+\w+|mrs\s+\w+|ms\s+\w+|miss\s+\w+)|asked(?:\s+that)?"
    r"|made\s+it\s+clear|ended\s+things\s+and\s+asked)"
    r"|(?:your|ur)\s+(?:message|reply|text|email)\s+(?:saying|that))\s+"
    + _any_of(
        # ("you said no once, I get it, but..."; not "you said no to cake", "no phones at the disco")
        r"no\b(?=\s*(?:[,.!?;]|$|once|twice|again|at first|thanks|thank you|to (?:me|us|a drink|drinks|"
        r"dinner|going out|meeting up)\b))",
        r"[^.!?\n]{0,60}?" + _any_of(
            r"(?:not|n'?t)\s+interested",
            r"(?:did\s*n[o']?t|don'?t|do\s+not)\s+want\s+(?:to\s+(?:talk|hear|speak|see|stay|be\s+friends"
            rf"|be\s+in\s+touch|meet|go\s+out)|me\b|any\s+(?:more\s+)?contact|contact|(?:me|us)\s+to\s+{_CONTACTING})",
            r"please\s+stop", rf"stop\s+{_CONTACTING}", r"""to\s+stop(?=[.!?'"]|$)""",
            r"leave\s+(?:you|her|him|them)\s+alone", rf"not\s+to\s+{_CONTACTING}",
            rf"(?:only|all)\s+(?:\w+\s+){{0,3}}{_OFFICE}",
            rf"(?:contact|go|went|come)\s+(?:\w+\s+){{0,2}}{_OFFICE}",
            r"(?:rather|prefer)\s+(?:all\s+)?contact",
            r"need(?:ed|s)?\s+(?:some\s+)?space(?!\s+(?:in|for|on|at|to))",
            r"want(?:ed|s)?\s+(?:some\s+)?space(?!\s+(?:in|for|on|at|to))",
            r"want(?:ed|s)?\s+to\s+move\s+on", r"no\s+more\s+(?:contact|messages|texts|calls)",
            r"(?:rather|prefer)\s+not\s+(?:to\s+)?(?:stay\s+in\s+touch|be\s+in\s+touch|talk|hear|see)",
            r"not\s+to(?=\s*,?\s*(?:but|however))", r"not\s+to\s+(?:get\s+in\s+touch|speak)",
            r"flattered\s+but\s+no", r"thanks\s+but\s+no",
            r"(?:only|all|everything)\s+(?:[\w']+\s+){0,8}?(?:through|via)\s+(?:the|mr|mrs|ms|miss|dr)\b",
            r"(?:contact|go|goes|went|come)\s+(?:[\w']+\s+){0,3}(?:through|via)\s+(?:mr|mrs|ms|miss|dr)\b",
        ),
    ))
# ... and the writer goes on all the same.
_GOES_ON = re.compile(
    r"\b(?:but|yet|still|however|don'?t believe|i'?d rather|it'?s (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"calmed down|this is quicker|i think that'?s|i get it|didn'?t say|(?:you )?don'?t (?:really )?mean|"
    r"(?:a bit|so|very) dramatic|enough time has passed|(?:your|ur) head talking)\b")
# Softer signs, in four families; signs from two different families count together.
_PRESSING = (
    # no answer, complained of
    ("no answer", re.compile(r"\b" + _any_of(
        rf"why (?:are|r|you|u) (?:{_YOU} )?ignoring me", r"stop ignoring me",
        rf"{_YOU}(?:'?re| are| r) (?:still |just )?ignoring me", r"ignoring me (?:now|again|still)",
        r"(?:still )?ignoring my", rf"{_YOU} ignored my", r"ignore my (?:dms|messages|texts|calls)",
        r"avoiding me", r"ghost(?:ed|ing) (?:me|by)", r"silent treatment",
        r"not (?:answering|replying to|returning) (?:me|my|texts|calls|a single)",
        r"answer (?:a single )?one of my",
        r"won'?t (?:answer|reply|pick up|respond|talk to me|speak to me)", r"couldn'?t reply",
        r"can'?t even (?:send|reply|answer|text)", r"(?:still )?nothing since",
        r"still (?:no reply|waiting (?:for|on) (?:that|a|your|ur|an) (?:reply|answer|response))",
        r"gone quiet on me",
        rf"(?:{_YOUVE} )?deleted my (?:last )?(?:\w+ )?(?:comments?|messages?|posts?)",
        r"keeps? (?:removing|deleting|hiding) (?:the tag|my)",
        r"(?:straight )?to voicemail", r"voicemail again",
        rf"pretend(?:ing)? (?:{_YOU} )?(?:didn'?t|did not|haven'?t) (?:see|seen|get|read)",
        r"hello+\?{2,}", r"answer me(?=[.!?]|$| please| now)",
        r"answer (?:your|ur|her|his) (?:phone|messages)",
        r"^pick up", r"\. pick up", r"cut me off", r"taking space",
        rf"why won'?t {_YOU} (?:answer|reply|talk to me)",
        rf"if {_YOU} (?:don'?t|do not|won'?t) (?:answer|reply|respond|get back)",
        r"(?:would|'d) have (?:replied|answered) by now", rf"if {_YOU} answered (?:your|ur) phone",
        r"(?:get|allowed) to ignore", r"reply (?:\w+ )?or (?:i'?ll|else)",
        rf"why {_YOUVE} left the (?:\w+ )?(?:chat|group)",
    ))),
    # watched: read, seen, online, at home ("I know you've read it", "two blue ticks")
    ("watched", re.compile(r"\b" + _any_of(
        r"read receipts", r"blue ticks", rf"i (?:can )?see {_YOUVE} (?:read|seen)",
        rf"i know {_YOUVE} (?:read|seen) (?:it|them|these|this|my)",
        rf"i (?:know|no) {_YOURE} (?:online|reading|in|home|there)", r"left me on (?:read|seen|delivered)",
        rf"i know {_YOU} (?:were|was) (?:in|home|there|online)",
        r"(?:haven'?t|not) (?:even )?(?:opened|read|looked at) (?:mine|my)",
        rf"(?:saw|see|seen) (?:that )?{_YOU} (?:were|are|was) online",
        rf"i can see {_YOURE} (?:still )?reading",
    ))),
    # asked again and again, by every way there is
    ("again and again", re.compile(r"\b" + _any_of(
        rf"{_ORDINAL} (?:time )?(?:of )?asking", rf"asked {_YOU} {_NUMBER} times",
        rf"asking (?:for the )?{_ORDINAL} time",
        rf"(?:that'?s|thats|this is) (?:my )?{_NUMBER} (?:messages|texts|calls|emails) (?:now|i'?ve sent)",
        rf"{_NUMBER} (?:messages|texts) now", rf"(?:my )?last {_NUMBER} messages",
        rf"said sorry (?:like )?{_NUMBER} times",
        rf"(?:rung|rang|called|texted|messaged|tried|phoned) (?:you |u )?(?:like |about |over )?"
        rf"{_NUMBER} times",
        r"i'?ll (?:just )?keep (?:pinging|messaging|texting|ringing|calling)",
        r"(?:i'?m|im) (?:comin|coming) (?:round|over)", r"don'?t think i won'?t (?:come|turn up|find)",
        r"(?:outside|by) (?:yours|your (?:flat|house|place|door|home|car))\b",
        r"(?:got|gave me|found|looked up)\b[^.!?\n]{0,30}?(?:your|ur) (?:new )?(?:number|address)",
        r"(?:texted|messaged|rung|rang|called) (?:you )?every (?:day|night|morning)",
        r"tried your (?:mobile|email|work email|landline|sister|wife|husband|mum)",
        r"i'?ll try (?:your|ur) (?:work email|landline|mobile|home)",
        r"i'?ll (?:try|message|text|ring) (?:you )?on here",
        r"(?:it'?s|its) been (?:a|two|three) (?:weeks?|days?)\b",
        r"apologised every way", r"sent (?:you )?a card, flowers",
        r"(?:can|could) you (?:pass on|tell (?:her|him))", r"tell \w+ to (?:answer|reply|ring|call|message)",
        rf"(?:your|her|his) {_THEIR_PEOPLE} (?:says|said|answered)",
        r"(?:she|he)'?s (?:not answering|changed (?:her|his) number)",
        r"(?:i'?ll|i will|i'?m going to) (?:just )?(?:drive over|come over|come round|come and find "
        + _YOU + r"|wait (?:in|by|outside)|be at the|turn up)",
        rf"i'?m outside {_YOU}r", r"same as yesterday",
    ))),
    # pleading, guilt and grievance at the silence
    ("pleading", re.compile(r"\b" + _any_of(
        r"please,? (?:please,? )?just (?:reply|answer|talk|respond|message|hear me out)", r"please\. please",
        rf"(?:i'?m )?begging {_YOU}", rf"the least {_YOU} can do", rf"if {_YOU} cared",
        r"after everything i did",
        r"nice to know where i stand", r"just hear me out", rf"what more do {_YOU} want",
        r"i don'?t accept (?:that|it)", r"how hurtful", r"very mature", r"had your sulk", r"we need to talk",
        r"i only want to talk", r"i'?m only trying to", r"i need (?:a|an) (?:response|answer|reply)",
    ))),
)


class PursuitDetector(WordsDetector):
    name = "pursuit"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        refused = _REFUSED.search(folded)
        if refused is None:
            said_no = _SAID_NO.search(folded)
            # (the writer going on, "...but", is read in the same sentence or the next, no further)
            if said_no is not None and _GOES_ON.search(
                    folded, said_no.end(), sentences_around(folded, said_no.end(), after=1)[1]):
                refused = said_no
        if refused is not None:
            yield Evidence(self.name, "unwanted_pursuit", text[refused.start():refused.end()],
                           refused.start(), refused.end(), attrs={"signs": ["refused"], "also": []})
            return
        # Each family's first sign: two families together count ("still waiting for your reply"
        # and "if you don't reply by Friday" are one family: a chase about a trip form).
        signs = sorted(((sign, match) for sign, pattern in _PRESSING
                        if (match := pattern.search(folded)) is not None),
                       key=lambda sign_match: sign_match[1].start())
        if len(signs) < 2:
            return
        first = signs[0][1]
        yield Evidence(self.name, "unwanted_pursuit", text[first.start():first.end()],
                       first.start(), first.end(),
                       attrs={"signs": [sign for sign, _match in signs],
                              "also": [text[match.start():match.end()] for _sign, match in signs[1:]]})

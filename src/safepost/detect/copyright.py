"""Someone else's work used without leave, as the words tell it: a picture "pinched from a
photographer's Instagram" or "nicked off Google Images", a thread reposted "didn't ask, hope she
doesn't mind", the whole of a published book scanned or typed up for families ("the full text of
The Gruffalo to read at home"), a paid resource uploaded for free, pirated football streams.
Four of the five policies keep staff from using images or writing they hold no rights to
(catalogue: content.copyright: AURIGA's 'Breaching copyright', the Staffordshire protocol's
Appendix 1 item 11, Holbrook 3.3, REAch2 8.4). No image is compared with the web (that would send
pictures off the machine): only what the writer says of where the work came from. Whether a
request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.text import sentence_bounds

_SOCIAL = (r"(?:(?:instagram|insta|facebook|fb|twitter|tiktok|youtube)"
           r"(?:\s+(?:page|account|feed|story|post))?|page|account|website|site|blog|feed|story)")
# Where a picture or a text was found: a picture library, a social network, someone's page, a
# newspaper, an @handle (not "a school in Kent", "the library" or "a brilliant blog" alone).
_SOURCE = (
    r"(?:google(?: images)?|pinterest|(?:the )?internet|the web|tes|twinkl|etsy|shutterstock|"
    r"getty(?: images)?|istock|alamy|bbc(?: news)?|"
    r"(?:insta|instagram|facebook|fb|twitter|tiktok|youtube|reddit)\b"
    r"|(?:a|an|some|another|this|that)\s+(?:[\w-]+\s+){0,2}?(?:photographer|artist|illustrator|designer|"
    r"blogger)(?:'?s)?(?:\s+" + _SOCIAL + r")?"
    r"|(?:someone|somebody|another\s+school|another\s+teacher|(?:a|an|some|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:school|teacher|mum|dad|parent|company))'?s\s+" + _SOCIAL +
    r"|(?:their|his|her)\s+(?:[\w-]+\s+){0,2}?" + _SOCIAL +
    r"|iplayer|netflix|disney\+?|spotify|a\s+torrent(?:\s+site)?" +
    r"|@\w+"
    # a newspaper: "the Guardian", "the Whitby Gazette's Facebook page" ("the news", "the post" alone
    # are not one)
    r"|the\s+(?:[\w'-]+\s+){0,3}?(?:courier|gazette|echo|chronicle|telegraph|herald|guardian|independent)\b"
    r"(?:'?s)?(?:\s+" + _SOCIAL + r")?"
    r"|the\s+(?:[\w'-]+\s+){1,3}?(?:news|post|mail|times|advertiser|mercury|standard|observer)"
    r"(?:'?s)?(?:\s+" + _SOCIAL + r")?)"
)
# Taken, in words that say no one was asked ("borrowed" from someone's page is not a loan).
_TAKEN = re.compile(
    r"\b(?:pinched|nicked|stole|stolen|swiped|lifted|robbed|yoinked|borrowed|nabbed|screenshotted|ripped)\s+"
    r"(?:(?:this|it|the|that|a|an|my|our)\s+)?(?:[\w'-]+\s+){0,8}?(?:from|off)\s+" + _SOURCE +
    # "used ... off Google": taken off a site, not found on it
    r"|\b(?:used|got|grabbed|took|saved|downloaded)\s+(?:[\w'-]+\s+){0,8}?off\s+"
    r"(?:google(?:\s+images)?|twitter|instagram|insta|facebook|pinterest|tiktok|youtube|iplayer|netflix|the\s+internet)\b"
    # a watermark cropped out: "it had a watermark but i cropped that bit out"
    r"|\bwatermarks?\b[^.!?\n]{0,40}?\b(?:cropped|removed|cut|edited|only\s+tiny)\b"
    r"|\b(?:cropped|removed|cut|edited)\s+(?:out\s+|off\s+)?(?:the\s+|that\s+|their\s+)?watermarks?\b"
    # copied from behind a paywall
    r"|\bbehind\s+(?:the|a|their)\s+paywall\b")
# Found or reposted, then told that no one was asked.
_FOUND = re.compile(
    r"\b(?:(?:found|grabbed|took|taken|reposting|reposted|copied|saved|used)\s+"
    r"(?:(?:this|it|the|that|a|an)\s+)?(?:[\w'-]+\s+){0,8}?(?:from|off|on)"
    # ... or credited where it came from: "(Photo: BBC News - we'll ask them if it's ok!)"
    r"|(?:photo|pic|image|picture)s?\s*(?::|credit:?|courtesy\s+of|via))\s+" + _SOURCE)
_NO_LEAVE = re.compile(
    r"\b(?:hope (?:he|she|they|the \w+|it'?s|that'?s) "
    r"(?:doesn'?t|don'?t|won'?t|will not|does not|do not|is|are) (?:mind|ok|okay|fine)|"
    r"(?:didn'?t|did not|never) ask(?:ed)?|without (?:asking|permission)|"
    r"no idea who (?:drew|made|took|painted|wrote|created|designed|did)|credit to whoever|"
    r"(?:we'?ll|i'?ll) ask (?:them|him|her) if|not sure who (?:took|made|drew|did)|"
    r"(?:can'?t|cannot|couldn'?t) find (?:who|out who) (?:she|he|they|it)|"
    r"(?:didn'?t|did not|never) pay(?:ed)? for|"
    r"(?:didn'?t|did not) (?:bother with|get) (?:a |the )?licen[cs]|"
    r"hope (?:\w+ ){1,3}(?:don'?t|doesn'?t|won'?t) find out)\b")
# The whole of a titled work ("the whole of Paddington 2", "the full text of The Gruffalo"),
# given out: scanned, uploaded, typed up, a PDF, "to read at home".
_WHOLE_WORK = re.compile(
    r"\b(?:(?:whole|full|entire|complete)\s+text\s+of|(?:the\s+)?(?:whole|entire)\s+of)\s+"
    r"(?:the\s+(?:new\s+)?)?['\"‘“]?(?=[A-Z])"
    r"(?!(?:Year|Yr|Key Stage|KS\d|Reception|Nursery|Class|School|Staff|Term|Mr|Mrs|Ms|Miss|Dr)\b)")
# A title's words, for the evidence: "Paddington 2", "The Gruffalo'".
_TITLE = re.compile(r"(?:[A-Z0-9][\w'’]*['\"’”]?(?:\s(?=[A-Z0-9]))?){1,5}")
_GIVEN_OUT = re.compile(
    r"\b(?:scanned|scan|uploaded|upload|photocopied|typed\s+(?:it\s+)?up|pdfs?|download|attached|"
    r"to\s+read\s+(?:it\s+)?(?:together\s+)?at\s+home|read\s+it\s+(?:together\s+)?at\s+home|"
    r"(?:stuck|put|posted|popped)\s+(?:it\s+)?(?:up\s+)?on\s+(?:youtube|our|the\s+class|the\s+school|the\s+shared)|"
    r"shared\s+drive|google\s+classroom|class\s+dojo|dojo|seesaw|padlet|on\s+youtube)\b",
    re.IGNORECASE)
_WORK = (r"(?:books?|chapters?|novels?|films?|movies?|episodes?|series|revision\s+guides?|reading\s+scheme|"
         r"textbooks?|workbooks?|cgp|practice\s+papers|lesson\s+plans|resources)")
# A published work copied out ("scanned set of our phonics reading books", "the whole CGP revision
# guide as a free PDF"); not "uploaded their book reviews", "scanned the book list".
_COPIED_WORK = re.compile(
    r"\b(?:scanned|uploaded|photocopied|typed\s+up|copied|downloaded)\b[^.!?\n]{0,60}?\b" + _WORK +
    r"\b(?!\s+(?:reviews?|reports?|week|club|fair|tokens?|list|bags?|sale|swap|corner|trolley|token))"
    r"|\b" + _WORK + r"\b[^.!?\n]{0,60}?\bas\s+(?:a\s+)?(?:free\s+)?pdfs?\b"
    # a song's words: "typed out the full lyrics to Someone Like You and posted them"
    r"|\b(?:full|whole|entire|all\s+the)\s+lyrics\b[^.!?\n]{0,80}?\b(?:posted|uploaded|shared|put|page)\b"
    r"|\b(?:whole|entire|full)\s+(?:[\w'-]+\s+){0,3}?(?:episode|film|movie|series|album)\b[^.!?\n]{0,60}?"
    r"\b(?:uploaded|posted|shared|put|on\s+(?:the\s+)?shared\s+drive|dojo|seesaw|youtube)\b")
# A paid resource given away: "on her TES shop (£3.50) and we've uploaded the PDF".
_PAID_GIVEN_AWAY = re.compile(
    r"(?:\btes\s+shop|\btwinkl|\betsy|£\d[\d.]*)[^\n]{0,80}?\b(?:uploaded|free\s+(?:pdf|download)|"
    r"download\s+it\s+(?:for\s+)?free|share\s+the\s+pdf|shared\s+drive|google\s+drive)\b"
    # a paid account's resources handed round: "got them off a mate's school login ... dm me"
    r"|\b(?:(?:subscription|premium)(?:\s+(?:site|login|account|resources))?|(?:my|a\s+mate'?s|someone'?s|their)\s+"
    r"(?:school\s+|premium\s+)?login)\b[^\n]{0,80}?\b(?:uploaded|share\s+the\s+pdf|shared\s+drive|google\s+drive|"
    r"dm\s+me|saves?\s+(?:u|you|them)\s+paying|emailing|help\s+yourselves)\b"
    r"|\b(?:can'?t|cannot)\s+afford\s+the\s+subscription\b")
# Pirated broadcasts: "free Premier League streams", IPTV, a "loaded" Firestick.
_PIRATED = re.compile(
    r"\bfree\s+(?:[\w-]+\s+){0,2}?(?:premier\s+league|sky\s+sports|ppv|ufc|boxing|football|f1|prem|film|movie|"
    r"match)\s+streams?\b|\biptv\b|\b(?:dodgy|jailbroken|loaded|cracked|modded)\s+fire\s?sticks?\b"
    r"|\btorrent(?:ed|ing)?\b|\b(?:off|from)\s+a\s+torrent\b|\brip(?:ped|ping)?\s+(?:[\w'-]+\s+){0,3}?off\s+"
    r"(?:youtube|iplayer|netflix|spotify|disney)\b")
# A licence not bought for music or a film shown or played: "didn't bother with licensing".
_NO_LICENCE = re.compile(
    r"\b(?:no|without\s+(?:a|the)|didn'?t\s+bother\s+with|(?:don'?t|do\s+not)\s+have\s+the|"
    r"haven'?t\s+got\s+(?:a|the))\s+(?:(?:film|music|movie|mplc|cla|ccli|performance)\s+)?licen[cs](?:e|ing)\b")

# ... said of music or a film, not of driving ("caught driving with no licence")
_MEDIA = re.compile(
    r"\b(?:songs?|music|tracks?|backing\s+track|film|movie|video|vid|cd|album|playlist|disco|screening|"
    r"projector|netflix|disney|spotify|youtube|sing-?along|karaoke|lyrics)\b")

# ... and not where the work is free to use ("it's free and open source so no licence faff").
_FREE_TO_USE = re.compile(
    r"\b(?:open[- ]source|royalty[- ]free|copyright[- ]free|public\s+domain|creative\s+commons|"
    r"free\s+to\s+use|it'?s\s+free)\b")
# The writer's own work copied is theirs to copy: "scanned my own lesson plans from 2012".
_OWN_WORK = re.compile(r"\b(?:my|our)\s+own\b")


_TAKEN_HOW = "someone else's picture, words or recording taken without asking"


class CopyrightDetector(WordsDetector):
    name = "copyright"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        found = self._first(text, folded)
        if found is not None:
            how, start, end = found
            yield Evidence(self.name, "someone_elses_work", text[start:end], start, end, attrs={"how": how})

    @staticmethod
    def _first(text: str, folded: str) -> tuple[str, int, int] | None:
        taken = _TAKEN.search(folded)
        if taken:
            return _TAKEN_HOW, taken.start(), taken.end()
        found = _FOUND.search(folded)
        if found and _NO_LEAVE.search(folded):
            return _TAKEN_HOW, found.start(), found.end()
        for whole in _WHOLE_WORK.finditer(text):  # titles keep their capitals: the text, not folded
            start, end = sentence_bounds(text, whole.start())
            if _GIVEN_OUT.search(text, start, max(end, whole.end())):
                title = _TITLE.match(text, whole.end())
                end = title.end() if title else whole.end()
                return "the whole of a published work given out", whole.start(), end
        copied = _COPIED_WORK.search(folded) or _PAID_GIVEN_AWAY.search(folded)
        if copied and not _OWN_WORK.search(folded, copied.start(), copied.end()):
            return "a published or paid-for work copied and given out", copied.start(), copied.end()
        pirated = _PIRATED.search(folded)
        if pirated:
            return "pirated downloads or broadcasts", pirated.start(), pirated.end()
        unlicensed = _NO_LICENCE.search(folded)
        if unlicensed and _MEDIA.search(folded) and not _FREE_TO_USE.search(folded):
            return "music or a film used without the licence", unlicensed.start(), unlicensed.end()
        return None

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
from safepost.detect.text import fold_keeping_length, next_sentence, sentence_bounds

_SOCIAL = (r"(?:(?:instagram|insta|facebook|fb|twitter|tiktok|youtube|pinterest|flickr)"
           r"(?:\s+(?:page|account|feed|story|post))?|page|account|website|site|blog|feed|story)(?!\w)")
# Sites that are libraries of pictures: a picture taken from one needs no other word to say so.
_PICTURE_SITE = (r"(?:google\s+images|pinterest|shutterstock|getty(?:\s+images)?|istock|alamy|flickr|"
                 r"instagram|insta)(?!\w)")
_PICTURE_SITE_SEEN = re.compile(r"\b" + _PICTURE_SITE)
# Where a picture or a text was found: a picture library, a social network, someone's page, a
# newspaper, an @handle (not "a school in Kent", "the library", "the independent bookshop").
_SOURCE = (
    r"(?:" + _PICTURE_SITE + r"|google(?!\s+(?:classroom|drive|docs|forms|meet|sheets|slides|maps))|"
    r"(?:the\s+)?internet|the\s+web|tes|twinkl|etsy|bbc(?:\s+news)?|"
    r"(?:facebook|fb|twitter|tiktok|youtube|reddit|iplayer|netflix|disney\+?|spotify)"
    r"|(?:a|an|some|another|this|that)\s+(?:[\w-]+\s+){0,2}?(?:photographer|artist|illustrator|designer|"
    r"blogger)(?:'?s)?(?!\s+friend)(?:\s+" + _SOCIAL + r")?"
    r"|(?:someone|somebody|some\s+bloke|another\s+school|another\s+teacher|(?:a|an|some|this|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:school|teacher|mum|dad|parent|company|bloke|lady|woman|man))'?s\s+" + _SOCIAL +
    r"|(?:their|his|her)\s+(?:[\w-]+\s+){0,2}?" + _SOCIAL +
    r"|a\s+torrent(?:\s+site)?|@\w+"
    # a newspaper: "the Guardian", "the Whitby Gazette's Facebook page" ("the news" or "the post"
    # alone are not one, nor "the independent bookshop" or "the Royal Mail depot")
    r"|the\s+(?:[\w'-]+\s+){0,3}?(?:courier|gazette|echo|chronicle|telegraph|herald|guardian|independent)"
    r"(?:'?s)?(?:\s+" + _SOCIAL + r")?"
    r"|the\s+(?:[\w'-]+\s+){1,3}?(?:news|post|times|advertiser|mercury|standard|observer)"
    r"(?:'?s)?(?:\s+" + _SOCIAL + r")?)(?!\w)(?!'?s?\s+(?:bookshop|shop|depot|office|van|centre|store|group))"
)
# What was taken must be a picture or some words, said so, unless it came from a picture library:
# "borrowed some gazebos from @StMarysPTA" is a loan.
_CONTENT = re.compile(
    r"\b(?:photos?|pics?|pictures?|images?|shots?|illustrations?|drawings?|artwork|cartoons?|infographics?|"
    r"posters?|diagrams?|graphics?|logos?|threads?|posts?|articles?|poems?|stories|story|videos?|clips?|"
    r"songs?|tracks?|footage|memes?|maps?|fonts?|worksheets?|templates?|printables?|policy|scheme)\b")
# Taken, in words that say no one was asked ("borrowed" a picture from someone's page is no loan).
_TAKEN = re.compile(
    r"\b(?:pinched|nicked|stole|stolen|swiped|lifted|robbed|yoinked|borrowed|nabbed|screenshotted|ripped)\s+"
    r"(?:[\w'-]+\s+){0,8}?(?:from|off)\s+" + _SOURCE +
    # "used ... off Google Images": taken off a site, not found on it
    r"|\b(?:used|got|grabbed|took|saved|downloaded)\s+(?:[\w'-]+\s+){0,8}?off\s+"
    r"(?:" + _PICTURE_SITE + r"|google|twitter|facebook|tiktok|youtube|iplayer|netflix|the\s+internet)"
    r"(?!\w)(?!\s+(?:classroom|drive|docs|forms|meet|sheets|slides))")
# Someone else's watermark taken off ("cropped the Getty watermark off", "it had a watermark but
# i cropped that bit out"; not "added our school watermark"), a paywall got round.
_MARK_REMOVED = re.compile(
    r"\b(?:cropped|cut|removed|edited|blurred|rubbed)\s+(?:out\s+|off\s+)?(?:the|that|their|his|her|its|a)\s+"
    r"(?:[\w'-]+\s+)?watermarks?\b"
    r"|\b(?:a|the|their|his|her)\s+watermarks?\b[^.!?\n]{0,40}?\b(?:cropped|cut|edited|blurred|rubbed)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:out|off)\b"
    r"|\bwatermarks?\s+(?:are|is|was|were)\s+(?:only\s+)?(?:tiny|blurred)\b"
    r"|\b(?:copied|pasted|screenshotted|shared|posted)\b[^.!?\n]{0,60}?\bbehind\s+(?:the|a|their)\s+paywall\b")
# Found or reposted, then told, in that sentence or the next, that no one was asked.
_FOUND = re.compile(
    r"\b(?:(?:found|grabbed|took|taken|reposting|reposted|copied|saved|used)\s+"
    r"(?:[\w'-]+\s+){0,8}?(?:from|off|on)"
    # ... or credited where it came from: "(Photo: BBC News - we'll ask them if it's ok!)"
    r"|(?:photo|pic|image|picture)s?\s*(?::|credit:?|courtesy\s+of|via))\s+" + _SOURCE)
_NO_LEAVE = re.compile(
    r"\b(?:hope (?:he|she|they|the \w+|it'?s|that'?s) "
    r"(?:doesn'?t|don'?t|won'?t|will not|does not|do not) mind|"
    r"(?:didn'?t|did not|never) ask(?:ed)?(?! for)|without (?:asking|permission)|"
    r"no idea who (?:drew|made|took|painted|wrote|created|designed|did)|credit to whoever|"
    r"(?:we'?ll|i'?ll) ask (?:them|him|her) if|not sure who (?:took|made|drew|did) (?:it|this|that)\b"
    r"(?![^.!?\n]*\b(?:one|ones)\b)|(?:can'?t|cannot|couldn'?t) find (?:who|out who) (?:she|he|they|it)|"
    r"(?:didn'?t|did not|never) pay(?:ed)? for (?:it|them|this|that)|"
    r"hope (?:\w+ ){1,3}(?:don'?t|doesn'?t|won'?t) find out)\b")
# The whole of a titled work ("the whole of Paddington 2", "the full text of The Gruffalo"),
# given out by the words round it: scanned, uploaded, typed up, "here's", a PDF, "to read at home".
_WHOLE_WORK = re.compile(
    r"\b(?:(?:whole|full|entire|complete)\s+text\s+of|(?:the\s+)?(?:whole|entire)\s+of)\s+"
    r"(?:the\s+(?:new\s+)?)?['\"‘“]?(?=[A-Z])")
# A title's words, for the evidence: "Paddington 2", "The Gruffalo'"; not a class, a year, a day.
_TITLE = re.compile(r"(?:[A-Z0-9][\w'’]*['\"’”]?(?:\s(?=[A-Z0-9]))?){1,5}")
_NOT_A_TITLE = re.compile(
    r"\b(?:Class|Year|Yr|Y\d+|Key|Stage|KS\d|Reception|Nursery|School|Staff|Term|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|Upper|Lower|Mr|Mrs|Ms|Miss|Dr)\b")
_GIVEN_BEFORE = re.compile(
    r"(?:\b(?:scanned(?:\s+in)?|uploaded|typed\s+(?:out|up)|photocopied|put|posted|popped|here'?s|here\s+is|"
    r"below\s+is|attached\s+is|recorded\s+(?:myself\s+|me\s+)?reading|filmed\s+(?:myself\s+|me\s+)?reading)"
    r"\s+(?:[\w'-]+\s+){0,2}?)$", re.IGNORECASE)
_GIVEN_AFTER = re.compile(
    r"^[^.!?\n]{0,40}?\b(?:pdfs?|attached|scanned|typed\s+(?:it\s+)?up|to\s+read\s+(?:it\s+)?(?:together\s+)?at\s+home|"
    r"on\s+(?:youtube|the\s+shared\s+drive|google\s+classroom|seesaw|dojo|class\s+dojo|padlet))\b",
    re.IGNORECASE)
# A published work copied out ("scanned set of our phonics reading books", "the whole CGP revision
# guide as a free PDF", "photocopied chapters 3-7 of Wonder"); not "scanned the book list",
# "copied the spellings into their homework books".
_BOOKS = (r"(?:(?:reading|text|story|picture|library|phonics|scheme|guided\s+reading)\s+books?|books?|"
          r"chapters?|"
          r"novels?|textbooks?|revision\s+guides?|reading\s+scheme|annuals?|comics?|vocal\s+scores?|"
          r"sheet\s+music|atlas|handbook|cgp)")
_COPIED_WORK = re.compile(
    r"\b(?:scanned|photocopied|typed\s+up)\b[^.!?\n]{0,60}?\b" + _BOOKS +
    r"\b(?!\s+(?:reviews?|reports?|week|club|fair|tokens?|lists?|bags?|sale|swap|corner|trolley|marks?))"
    r"|\b" + _BOOKS + r"\b[^.!?\n]{0,60}?\bas\s+(?:a\s+)?(?:free\s+)?pdfs?\b"
    # a song's words: "typed out the full lyrics to Someone Like You and posted them"
    r"|\b(?:full|whole|entire|all\s+the)\s+lyrics\b[^.!?\n]{0,80}?\b(?:posted|uploaded|put)\b"
    r"|\b(?:uploaded|posted|put|downloaded)\s+(?:[\w'-]+\s+){0,2}?(?:whole|entire|full|every)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:episodes?|film|movie|series|album)\b")
_NOT_COPIED = re.compile(r"\b(?:homework|exercise|jotters?|reading\s+records?|my\s+own|our\s+own)\b")
# A paid resource given away: "on her TES shop (£3.50) and we've uploaded the PDF", "using my
# sister's Twinkl login", "a premium account's booklets on my Google Drive".
_PAID_GIVEN_AWAY = re.compile(
    r"\b(?:tes(?:\s+shop)?|twinkl|etsy|tpt|teachers\s+pay\s+teachers)\b[^\n]{0,80}?\b(?:uploaded|free\s+(?:pdf|download)|"
    r"download\s+it\s+(?:for\s+)?free|share\s+the\s+pdf|shared\s+drive|google\s+drive|emailed\s+it)\b"
    r"|\b(?:a\s+mate'?s|someone'?s|(?:my|her|his)\s+(?:sister|brother|friend|mate|partner|husband|wife)'?s)\s+"
    r"(?:[\w-]+\s+){0,2}?login\b"
    r"|\b(?:subscription\s+site|premium\s+(?:login|account|resources|booklets))\b[^\n]{0,80}?\b(?:uploaded|handed|"
    r"shared\s+drive|google\s+drive|dm\s+me|help\s+yourselves|emailing)\b")
# Pirated broadcasts and downloads: "free Premier League streams", IPTV, a "loaded" Firestick, a
# torrent, an album ripped off YouTube (not "a torrent of questions").
_PIRATED = re.compile(
    r"\bfree\s+(?:[\w-]+\s+){0,2}?(?:premier\s+league|sky\s+sports|ppv|ufc|boxing|football|f1|prem|film|movie|"
    r"match)\s+streams?\b|\biptv\b|\b(?:dodgy|jailbroken|loaded|cracked|modded)\s+fire\s?sticks?\b"
    r"|\btorrent(?:ed|ing)\b|\btorrent\s+sites?\b|\b(?:off|from)\s+a\s+torrent\b"
    r"|\brip(?:ped|ping)?\s+(?:[\w'-]+\s+){0,3}?off\s+(?:youtube|iplayer|netflix|spotify|disney)\b")
# A licence not bought for music or a film, said with a shrug in the same sentence ("didn't
# bother with licensing, nobody checks lol"; not "we don't have the film licence so no movie").
_NO_LICENCE = re.compile(
    r"\bdidn'?t\s+bother\s+with\s+(?:the\s+)?licen[cs](?:e|ing)\b"
    r"|\b(?:no|without\s+(?:a|the)|(?:don'?t|do\s+not)\s+have\s+the|haven'?t\s+got\s+(?:a|the))\s+"
    r"(?:(?:film|music|movie|mplc|cla|ccli|performance)\s+)?licen[cs](?:e|ing)(?:\s+thing)?\b"
    r"(?=[^.!?\n]{0,40}?(?:\bbut\b|\blol\b|nobody\s+checks|no\s+one\s+checks|it'?ll\s+be\s+fine|itll\s+be\s+fine|"
    r"that'?s\s+fine|thats\s+fine|who\s+cares|shh|🤫))")
# ... said of music or a film, not of driving ("caught driving with no licence")
_MEDIA = re.compile(
    r"\b(?:songs?|music|tracks?|backing\s+track|film|movie|video|vid|cd|album|playlist|disco|screening|"
    r"projector|netflix|disney|spotify|youtube|sing-?along|karaoke|lyrics)\b")


_TAKEN_HOW = "someone else's picture, words or recording taken without asking"


class CopyrightDetector(WordsDetector):
    name = "copyright"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        found = use_without_leave(text, folded)
        if found is not None:
            how, start, end = found
            yield Evidence(self.name, "someone_elses_work", text[start:end], start, end, attrs={"how": how})


def use_without_leave(text: str, folded: str | None = None) -> tuple[str, int, int] | None:
    """The first use of someone else's work without leave the words tell: (how, start, end) in
    `text`, or None. `folded`: the text folded as `fold_keeping_length` folds it (done here if
    not given)."""
    if folded is None:
        folded = fold_keeping_length(text)
    for taken in _TAKEN.finditer(folded):
        # the picture or words may be named anywhere in the sentence: "Great shot of the
        # harbour (borrowed from the Gazette's page)", "used Peppa Pig off Google for the poster"
        start, end = sentence_bounds(folded, taken.start())
        said = folded[start:max(end, taken.end())]
        if _CONTENT.search(said) or _PICTURE_SITE_SEEN.search(said):
            return _TAKEN_HOW, taken.start(), taken.end()
    marked = _MARK_REMOVED.search(folded)
    if marked:
        return _TAKEN_HOW, marked.start(), marked.end()
    for found in _FOUND.finditer(folded):
        start, end = sentence_bounds(folded, found.start())
        following = next_sentence(folded, end)
        if _NO_LEAVE.search(folded, start, following[1] if following else max(end, found.end())):
            return _TAKEN_HOW, found.start(), found.end()
    for whole in _WHOLE_WORK.finditer(text):  # titles keep their capitals: the text, not folded
        title = _TITLE.match(text, whole.end())
        if title is None or _NOT_A_TITLE.search(title.group(0)):
            continue
        if _GIVEN_BEFORE.search(text[max(0, whole.start() - 40):whole.start()]) or _GIVEN_AFTER.search(
                text[title.end():title.end() + 80]):
            return "the whole of a published work given out", whole.start(), title.end()
    for copied in (_COPIED_WORK.search(folded), _PAID_GIVEN_AWAY.search(folded)):
        if copied and not _NOT_COPIED.search(folded, copied.start(), copied.end()):
            return "a published or paid-for work copied and given out", copied.start(), copied.end()
    pirated = _PIRATED.search(folded)
    if pirated:
        return "pirated downloads or broadcasts", pirated.start(), pirated.end()
    unlicensed = _NO_LICENCE.search(folded)
    if unlicensed and _MEDIA.search(folded):
        return "music or a film used without the licence", unlicensed.start(), unlicensed.end()
    return None

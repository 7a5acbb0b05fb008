"""School business told before it is announced: "Between us, 3 teachers are being made redundant
this summer and the announcement isn't till after Easter", "Not announced yet so keep it quiet but
our deputy is off at Easter to a headship", "Don't quote me but governors are talking about
merging us with the infants", "Cliffsend Coaches quoted £52k, tell your brother to come in at 48".
Staffing, mergers and closures, the budget and contracts are the school's confidential business
until it announces them (catalogue: content.confidential_org_info). Over the labelled corpora and
the devset, 81 of the 86 texts with both a hush and such business are labelled confidential; of
the other five, one is work between colleagues in a private message and four are unlabelled.

A hush with nothing of the school's business ("don't tell anyone but I've booked the Maldives")
or business with no hush (a vacancy advertised, "the trip budget is £20 a head") is not this.
Whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.school_identity import in_family_news

# That it is not yet public: a hush about the news itself. (Not "spoiler" or "don't tell the
# kids", a surprise for the children: the inspection and results readings take those.)
_HUSH = re.compile(
    r"\b(?:between (?:us|you and me|ourselves)|off the record|keep (?:it|this|that) (?:quiet|zipped|"
    r"under (?:your|wraps)|to yourselves?)|"
    r"don'?t (?:tell|say (?:anything|a word) to) (?:anyone|anybody|a soul)|"
    r"don'?t say (?:anything|a word|nothing)|mum'?s the word|not (?:been |yet )?(?:officially )?announced|"
    r"(?:hasn'?t|has not|haven'?t|isn'?t|is not) (?:been )?(?:officially )?(?:announced|made public)|"
    r"before (?:it'?s|it is|they) announce|"
    r"announcement (?:isn'?t|is not|won'?t be|'s not) (?:till|until|til)|"
    r"inside info|you heard it (?:here )?first|"
    r"can'?t (?:officially )?(?:share|say) (?:yet|much|who|any more)|"
    r"(?:doesn'?t|don'?t|do not|does not) (?:even )?know yet|(?:they'?re|we'?re) telling (?:the )?\w+ "
    r"(?:after|on|next|at)|not official yet|under wraps|don'?t quote me|heard in the office|"
    r"you didn'?t hear (?:it|this) from me|not supposed to (?:say|tell|share)|"
    # (session 31) an insider telling what they know from inside: "As a governor I can tell you ..."
    r"(?:as a (?:governor|member of staff|staff member|teacher there|parent governor)|i work there),? "
    r"(?:and )?i can (?:tell|confirm to|assure) (?:you|u|everyone)|not that (?:you|u) heard it from me|"
    # (session 31, second readings) seen where it is kept ("saw the catering tender bids on the
    # bursar's desk"), leaked ("LEAKED: internal letter ... read it before they delete it"), a teaser
    # ("watch this space": only with the school's business, below)
    r"(?:(?:saw|seen|spotted|read|clocked) (?:\w+ ){0,5}?on|landed on) (?:the )?(?:bursar|head|"
    r"headteacher|business manager|chair|office manager|boss)'?s? (?:desk|screen|email|emails|laptop|"
    r"printer|computer)|leaked|internal (?:letter|email|memo|document|briefing)|before they delete it|"
    r"watch this space|(?:saw|seen|read) the (?:contract|tender|bids|quotes|restructure paperwork))\b"
    r"|[🤐🤫]")
# The school's business: its staffing, its future, its money and contracts. (Not "the caterers
# are doing roast", "merging the two Year 2 classes for the party", "the PTA's bid came good".)
_BUSINESS = re.compile(
    r"\b(?:made redundant|redundanc(?:y|ies)|restructur\w*|(?:jobs?|posts?|roles?) (?:are |is )?"
    r"(?:being |going to be )?cut|cut to one post|(?:won'?t|not) (?:still )?have a job|"
    r"not everyone (?:\w+ ){0,5}?(?:will )?(?:still )?have a job|(?:not being|won'?t be) replaced|"
    r"asked to leave|pushed out|managed out|"
    r"losing (?:their|her|his|our) jobs?|handed (?:her|his|their) notice in|headship|"
    r"(?:head|deputy|deputy head|senco|business manager|bursar|chair of governors) (?:is |'s )?"
    r"(?:leaving|off|going) (?:at|in|after|to)|"
    r"(?:got|been|being) (?:suspended|sacked)|disciplinary|formal warning|"
    r"merg(?:e|er|ers|ing) (?:us|with|talks)|merger|joining (?:up )?with|"
    r"joining (?:an? |the )?(?:academy )?(?:trust|mat|federation)\b|becoming an academy|"
    r"in (?:advanced |early |initial |secret |serious )?talks (?:to|about|with) "
    r"(?:take (?:over|on)|taking (?:over|on)|merg\w+|join\w*|clos\w+|academ\w+|sell\w*)|"
    r"(?:being|been|getting|to be) let go|"
    r"(?:charging|paying) (?:the school|us) £|"
    r"(?:support staff|staff|teachers'?|tas'?|lunchtime staff|cleaners'?) contracts|"
    r"taking (?:us )?over (?:st |the |our )|"
    r"take us over|academi[sz](?:ed|ing|ation)|(?:closing|shutting) (?:down|the (?:school|hub|unit|base|"
    r"nursery|sixth form|boarding))|(?:is|are) (?:closing|shutting) (?:next|in|at|after|down)|shut down|"
    r"closure|in the red|deficit|budget (?:cuts?|hole|gap|black hole)|tenders?|sealed bids?|quoted|"
    # (session 31) the school's land or buildings to be sold: "the trust's planning to sell off the
    # school farm field for housing" (told with a hush: the reviewer's look-alikes without one,
    # a parent's house sale or a bake sale, never reach here)
    r"sell(?:ing)? off (?:the |our |its |their )?(?:\w+ ){0,3}(?:field|fields|land|site|building|"
    r"playing fields?|car park|allotments?)|"
    r"(?:the |our )?(?:school )?(?:field|land|site|playing fields?) (?:is |are )?"
    r"(?:being |to be |going to be )sold|"
    r"contracts? (?:closes|goes|awarded|is up|price)|scrapping (?:\w+ )?fees)\b|(?<!\w)£\d+k\b")


# Someone else's workplace: "hubby's firm is making redundancies", "at her work".
_ANOTHER_WORKPLACE = re.compile(
    r"\b(?:(?:hubby|husband|wife|partner|boyfriend|girlfriend|other half|mum|dad|brother|sister|mate|"
    r"friend|cousin|son|daughter)'?s (?:firm|company|work|job|office|employer|place|factory|shop)|"
    r"at (?:his|her|their) (?:work|job|firm|company|place))\b")


class UnannouncedBusinessDetector(WordsDetector):
    name = "unannounced"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        business = _BUSINESS.search(folded)
        if business is None:
            return
        hush = _HUSH.search(folded)
        if hush is None or in_family_news(folded, business.start()) or _ANOTHER_WORKPLACE.search(folded):
            return
        yield Evidence(self.name, "unannounced_school_business", text[business.start():business.end()],
                       business.start(), business.end(), attrs={"hush": text[hush.start():hush.end()]})

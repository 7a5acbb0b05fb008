"""An incident at the writer's school told on a personal account: "Real fire, NOT a drill. DT
room", "a kid had a seizure in my lesson today", "Lockdown AGAIN today, third this term". The
policies keep commentary on incidents to the head and the school's own channels (catalogue:
content.school_incident_commentary, workflow.crisis_posting_permission). The words say so
themselves: something that happened (an ambulance, the police, a fire, an injury, a lockdown, a
pupil missing, a flood) and, in the same sentence or the next, where: a lesson, the playground,
a Year 9, "at work", "at ours". Not a drill, a visit, a lesson about safety, a film or the news
from years ago, nor the writer's own family's day. Whether a request's words count is
`evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.school_identity import in_family_news
from safepost.detect.text import first_few, sentences_around

_EVENT = re.compile(
    r"\b(?:lockdown|evacuat\w+|real fire|not a drill|set fire to|caught fire|(?:kitchen|small|big|a) fire|"
    r"fire in|"
    r"fire (?:brigade|engines?) (?:came|arrived|were called|was called|turned up|outside)|"
    r"ambulances? (?:came|arrived|was called|were called|called|outside|at|on site|and everything)|"
    r"(?:called|call for|waited for|needed|phoned for) an ambulance|air ambulance|paramedics|a&e|"
    r"(?:taken|rushed|went) to hospital|in hospital after|"
    r"(?:armed )?police (?:at|were|was|came|arrived|outside|on site|in school|called)|"
    r"(?:\d+ |two |three |several )?police (?:cars?|vans?) (?:at|outside|on|in)\b|arrested|bomb squad|"
    r"broke (?:his|her|their) (?:arm|wrist|leg|ankle|nose|collarbone)|broken (?:arms?|wrists?|legs?|ankles?)|"
    r"split (?:his|her|their) head|concussion|got hurt|(?:badly|seriously) (?:hurt|injured)|injured|"
    r"knocked (?:down|over) (?:by|on)|hit by a car|collapsed|cpr|"
    r"seizure|epipen|anaphyla\w+|allergic reaction|headbutted|punched|stabbed|knife|blade|weapon|"
    r"went missing|gone missing|(?:did|done) a runner|absconded|"
    r"flood(?:ed|ing)?|burst pipe|roof (?:collapsed|came down|fell in)|ceiling (?:collapsed|came down)|"
    r"gas leak|(?:a|another|the) fight|fights? (?:broke out|in|at|on)|fighting (?:in|at|on) the|brawl|"
    r"punch-up|allegations?|on the (?:local )?news|in the (?:local )?paper|"
    r"intruder|broke in|break-in|vandal\w*)\b")
# Where: school life, in words a home or a high street does not use ("the kids" may be the
# writer's own, "the hall" a village's).
_AT_SCHOOL_WORDS = (
    r"school|at work|work today|at ours|our lot|pupils?|students?|class(?:es|room)?|lessons?|"
    r"playground|school field|on the field|dining hall|canteen|corridors?|assembly|staffroom|"
    r"colleagues?|headteacher|the head|deputy head|drop[- ]off|pick[- ]up|school run|school gates?|"
    r"the gates|site team|caretaker|(?:year|yr) ?\d{1,2}s?|y\d{1,2}s?|sixth form(?:ers)?|form room|"
    r"tutor group|parents'? evening|sports day|on site|playtime|break ?time|lunchtime|"
    r"dinner ?time|pe|dt room|science labs?|chem lab|sports hall|bulldog|one of ours|"
    r"one of my (?:class|lot|kids|pupils|students)|in my (?:class|lesson|room)|the academy|this term|"
    r"at dinner|at lunch|climbing frame|trim trail|home ?time|sensory room|hydro(?:therapy)? pool"
)
_AT_SCHOOL = re.compile(r"\b(?:" + _AT_SCHOOL_WORDS + r")\b")
# Anything of school life at all, a wider net: those words and the ones that are school's as often
# as not ("the kids", "the hall", "lunch", "maths", "Ofsted"). A post with none of them is the
# writer's own street or the news ("Police were at the end of our road last night", "Neighbour's
# chimney caught fire"), whatever a model trained on school incidents guesses.
_SCHOOL_LIFE = re.compile(
    r"\b(?:" + _AT_SCHOOL_WORDS + r"|schools|ours|kids?|children|child|hall|field|staff|head|deputy|tas?|"
    r"trip|gates?|reception|nursery|\d{1,2}(?!am\b|pm\b)[a-z]{1,2}|form|tutor|car park|inset|ofsted|"
    r"academy|premises|lunch|dt|labs?|science|chemistry|chem|physics|maths|english|music rooms?|"
    r"toilets|desks?|minibus|block|primary|college|lockdown|evacuat\w*|fire alarm|register|cover|"
    r"duty|dinner|cook|it suite|changing rooms?)\b",
    re.IGNORECASE,
)


def in_school_life(text: str) -> bool:
    """Whether anything in the post places it in school life (see _SCHOOL_LIFE)."""
    return bool(_SCHOOL_LIFE.search(text))


# Not an incident: a drill, a visit or a lesson about safety, a story, the past.
_NOT_AN_INCIDENT = re.compile(
    r"\b(?:drills?|practice|practise|rehears\w+|training|visit from|visited by|came in to talk|"
    r"talk (?:from|about|on)|lesson (?:on|about)|assembly (?:on|about)|role[- ]?play|pretend\w*|"
    r"film|movie|book|tv|drama|episode|series|documentary|history|2020|memories|years ago|"
    r"remember when|anniversary|bikeability|first aid course|fire safety|road safety|"
    r"forensic|csi|crime scene|fake blood|awareness|workshop)\b")


class IncidentDetector(WordsDetector):
    name = "incident"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        events = first_few(_EVENT.finditer(folded))
        # ("Real fire, NOT a drill" is a fire)
        if not events or _NOT_AN_INCIDENT.search(folded.replace("not a drill", "")):
            return
        for event in events:
            where = _AT_SCHOOL.search(folded, *sentences_around(folded, event.start(), before=1, after=1))
            # (the writer's own: "after my seizure last month", "my allergic reaction")
            own = folded[max(0, event.start() - 3):event.start()] == "my "
            if where is None or own or in_family_news(folded, event.start()):
                continue
            yield Evidence(self.name, "school_incident", text[event.start():event.end()],
                           event.start(), event.end(), attrs={"where": text[where.start():where.end()]})
            return

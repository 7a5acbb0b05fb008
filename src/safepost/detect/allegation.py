"""An allegation of wrongdoing about someone who can be identified: "Heard Mr C got caught with
his hand in the Y6 trip money tin", "apparently the head's having an affair with one of the
governors", "The bloke who runs Downland Cabs is a drunk", "she only got the job cos she's
mates with the CEO". Told as fact or as rumour, about a colleague, a governor, a parent or a
firm the school uses, it may be defamatory (catalogue: content.defamation, which all five
policies state: libel exposes the writer and the school). Two things together make one: words
that accuse (a crime, dishonesty, an affair, misconduct, a job got unfairly, a danger a firm
runs) and, in the same sentence or the one before, someone the readers could pick out (a role at
school, a titled name, a named person, a pupil's parent, a named firm). The same words about the
writer ("I got done for speeding"), a stranger in the news, a TV plot or a fictional character
accuse nobody at school. Whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.people import PeopleDetector
from safepost.detect.text import first_few, sentences_around

# What the words accuse someone of, each kind named for the finding's message.
_ACCUSATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dishonesty", re.compile(
        r"\b(?:fiddl(?:e|es|ed|ing)\s+(?:the\s+|our\s+|with\s+the\s+|their\s+|his\s+|her\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:books|figures|numbers|attendance|data|results|register|expenses|accounts|budget|"
        r"overtime|mileage|hours|"
        r"money|funds?|grades|marks|payroll|(?:time\s*)?sheets|timesheets|claims|returns|donations|takings|"
        r"petty\s+cash)"
        r"|cook(?:s|ed|ing)?\s+the\s+books|on\s+the\s+(?:fiddle|take)"
        # (session 31) "cooks his exam results", "the tuck shop money only ever goes missing when Karen's
        # counting it"
        r"|cook(?:s|ed|ing)?\s+(?:his|her|their|the|our)\s+(?:exam\s+|sats\s+|gcse\s+)?(?:results|figures|data|"
        r"grades|marks|numbers|stats)"
        r"|(?:money|cash|takings|float|funds?)\s+(?:only\s+)?(?:ever\s+)?(?:goes|go|went|seems\s+to\s+go)\s+"
        r"missing\s+(?:when|whenever|after|once)\b"
        r"|(?:nick|steal|pinch|skim|nab)(?:s|ed|ing|ming|bing)?\s+(?:from|off)\s+(?:the|our|his|her|their)\b"
        r"|(?:nick|steal|pinch|skim)(?:s|ed|ing|ming)?\s+(?:the\s+)?(?:money|cash|funds?|dinner\s+money|"
        r"trip\s+money|pta\s+money|charity\s+money)"
        r"|stole\s+(?:from|the\s+(?:money|cash|funds?))|basically\s+stealing|daylight\s+theft"
        r"|hand\s+in\s+the\s+(?:till|(?:[\w-]+\s+){0,3}(?:tin|jar|pot|kitty))"
        r"|embezzl\w*|(?:benefit|expenses)\s+fraud|committ\w*\s+fraud|backhanders?|kickbacks?"
        r"|(?:covering|covered|cover)\s+(?:it|this|that|the\s+whole\s+thing)\s+up|cover-?up\b"
        r"|cream(?:s|ed|ing)\s+(?:it\s+)?off\s+(?:the\s+top|the|our|their|his|her)\b"
        r"(?!\s+(?:milk|top of the milk))"
        r"|pocket(?:s|ed|ing)\s+(?:the|our|their|his|her)\b|helping\s+(?:him|her|them)sel(?:f|ves)\s+to"
        r"|dipping\s+(?:in|into)\b|flogg(?:ing|ed|s)\s+(?:the\s+)?(?:school'?s?|old|donated|our)"
        r"|keeping\s+the\s+(?:cash|money)|(?:massag|pad|doctor|inflat)(?:e|es|ed|ing|ding|ded)\s+(?:the\s+)?"
        r"(?:\w+\s+)?(?:figures|numbers|data|attendance|results|grades|marks|books|stats|predictions|scores)"
        r"|forg(?:ed|ing|es)\s+(?:my|his|her|their|the|a)\b|falsif\w+"
        r"|made\s+up\s+(?:half\s+)?(?:the\s+)?(?:\w+\s+){0,2}(?:minutes|figures|data|records|results|register)"
        r"|claim(?:s|ed|ing)\s+(?:\w+\s+){0,3}?(?:mileage|expenses|overtime|sick\s+pay)\s+(?:\w+\s+){0,6}?"
        r"(?:never|didn'?t|wasn'?t)"
        r"|passed\s+it\s+off\s+as\s+(?:his|her|their)\s+own|buried\s+(?:a|the)\s+(?:\w+\s+)?complaint)")),
    ("a crime", re.compile(
        # ("nicked" of a person is arrested; of a car or a phone it is stolen: see _A_THING_NICKED)
        r"\b(?:(?:got|been|was|were|being|gets|get|getting)\s+(?:arrested|charged|nicked|convicted|cautioned|"
        r"locked\s+up|sent\s+down|done\s+for)"
        r"|(?:has|got|with|had)\s+a\s+(?:criminal\s+)?record\b"
        r"|(?:deals?|dealing|sells?|selling)\s+(?:drugs|weed|coke|cocaine)|drug\s+dealer"
        r"|drink[\s-]?driv(?:ing|er|en)|(?:a|has\s+a)\s+conviction\s+for|(?:got|been)\s+lifted\s+for"
        r"|police\s+(?:are\s+)?(?:looking\s+into|investigating)|on\s+bail\b|lost\s+(?:his|her)\s+licence)")),
    ("an affair or sexual misconduct", re.compile(
        r"\b(?:(?:having|had|has\s+had)\s+an\s+affair|affair\s+with|"
        r"sleeping\s+with\s+(?:someone|somebody|one\s+of|the|a|an|her|him|his|their|[\w]+'s)\b"
        r"|carrying\s+on\s+with|having\s+it\s+off\s+with|shagging"
        r"|(?:very\s+much\s+)?not\s+(?:her|his)\s+(?:husband|wife|partner)"
        r"|inappropriate'?\s+(?:relationship|behaviou?r|stuff|photos|pictures|images|messages|contact)"
        r"|'inappropriate'|something\s+dodgy\s+on\s+(?:his|her|their)\s+(?:laptop|computer|phone)"
        r"|(?:are|were|caught)\s+at\s+it\b|(?:very|veryy+|v|well|super)\s+cosy\s+with"
        r"|dodgy\s+stuff\s+on)")),
    ("misconduct at work", re.compile(
        r"\b(?:(?:got|been|was|were|being)\s+['‘\"]?(?:sacked|struck\s+off|walked\s+off\s+site|marched\s+off\s+site|"
        r"let\s+go|asked\s+to\s+leave|managed\s+out)"
        r"|(?:being|been|is|was)\s+investigated|under\s+investigation"
        r"|(?:is|an\s+absolute|a\s+total|always|turns\s+up|turned\s+up|came\s+in)\s+(?:a\s+)?drunk\b"
        r"(?!\s+(?:toddler|baby|uncle|student))|swigging\s+from"
        r"|still\s+drunk|(?:reeking|stinking|smelling|smelt|smelled)\s+of\s+"
        r"(?:lager|booze|alcohol|drink|beer|wine|vodka|weed)|(?:absolutely|completely|totally)\s+(?:hammered|"
        r"plastered|wasted|steaming)\s+at|(?:'d|had)\s+(?:clearly\s+)?had\s+a\s+few)")),
    ("getting a job unfairly", re.compile(
        r"\b(?:only\s+(?:got|gets|kept|keeps|getting)\s+(?:the\s+|her\s+|his\s+|that\s+|their\s+)?"
        r"(?:job|headship|promotion|tlr|post|role|contract)"
        r"|jobs\s+for\s+the\s+(?:boys|girls)"
        r"|(?:cos|coz|because|'cause|cause)\s+(?:she|he|they)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)?\s+"
        r"(?:\w+\s+){0,2}(?:mates|friends|besties|pally|sleeping|related|golf)\s+with"
        r"|golf\s+with\s+the\s+head|only\s+got\s+in\s+(?:cos|coz|because|'cause)"
        r"|(?:brother|sister|son|daughter|father|mother)[\s-]in[\s-]law'?s\s+(?:company|firm|business)"
        r"|(?:mates?|friends?|wife|husband|partner)'?s\s+(?:company|firm|business)\b(?=[^.!?]{0,60}"
        r"(?:never|contract|paid|consultancy|training))|nice\s+little\s+earner)")),
    ("putting children at risk", re.compile(
        r"\b(?:(?:no|without\s+(?:an?\s+)?|out\s+of)\s*(?:mot|insurance|dbs(?:\s+check)?)\b|bald\s+tyres"
        r"|death\s*traps?|no\s+(?:seat\s*)?belts\s+on)")),
)

# Someone the readers could pick out, named before the accusation (its subject, not "I got done
# for speeding outside the school"): a role at school or in its community, a titled name, a
# certain someone, a pupil's parent (not the writer's own: "my dad got arrested"), a firm.
# (Names the people detector found count too.)
_SOMEONE = re.compile(
    r"\b(?:(?:the|our|their|my|a|that|this|your|his|her|new|old)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:coach|taxi|cab|bus|minibus|transport|catering|cleaning)\s+(?:firm|company)|"
    r"head(?:teacher|master|mistress)?|deputy(?:\s+head)?|assistant\s+head|head\s+of\s+\w+|"
    r"teachers?|tas?|slt|smt|governors?|chair(?:\s+of\s+governors)?|caretaker|(?:[\w-]+\s+)?manager|bursar|"
    r"office|senco|dsl|ceo|trust|supply|coach|cleaner|driver|dinner\s+lad(?:y|ies)|"
    r"lot|firm|company|club|academy|school|pta|nursery)\b"
    r"|(?:the|a|that|their|his|her|one\s+of\s+(?:the|our)|(?!else's)\w+'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:dads?|mums?|moms?|parents?|family)\b"
    r"|head'?s\b|\bslt\b|a\s+certain\s+(?:someone|somebody|\w+)|member\s+of\s+(?:staff|slt)"
    # a title in lower case ("mr davies"), which the names check leaves alone; not "miss", the verb
    # ("gutted to miss the staff do"): "Miss Kaur" is one of the people detector's finds
    r"|(?:mr|mrs|ms|dr)\.?\s+\w+|someone\s+(?:in|from|at)\s+(?:our|the)\s+\w+|one\s+of\s+the\s+"
    r"(?:teachers|tas|governors|dads|mums|parents|staff|dinner\s+ladies)"
    r"|[a-z]+\s+(?:cabs|taxis|cars|travel|coaches|buses|minibuses|minibus\s+hire|hire|cleaning|catering|"
    r"ltd|limited|services|academy\s+trust)"
    # a role at school written bare ("caretaker's flogging...", "head of maths suspended...")
    r"|(?:headteacher|head\s+of\s+\w+|deputy|bursar|caretaker|site\s+manager|business\s+manager|"
    r"office\s+manager|exams\s+officer|senco|chair\s+of\s+gov\w*|ceo|it\s+tech|dinner\s+lad(?:y|ies)|"
    r"(?:pe|music|art|drama|reception|nursery|y\d+|year\s+\d+)\s+(?:teacher|lead)|governors?))\b"
    r"|@\w+")  # (the one a comment answers: "@MrsD ... you only got the TLR because")

# A thing stolen, not a person arrested: "the head's car gets nicked", "my bike got nicked".
_A_THING_NICKED = re.compile(
    r"\b(?:car|van|bike|phone|wallet|purse|bag|laptop|stuff|parcel|tyres?|catalytic\s+converter|"
    r"sandwich|lunch|pen|charger|seat|spot)s?\s+(?:\w+\s+){0,3}?(?:got|gets|get|was|were|been|being)\s+nicked")

# Not an accusation: a stranger in the news, a story, a show or a game.
_NOT_ABOUT_ANYONE_HERE = re.compile(
    # (Not "drama" or "series": "our drama teacher", "a series of thefts" are at school.)
    r"\b(?:in\s+the\s+news|news\s+(?:report|story)|bbc|itv|sky\s+news|netflix|episode|tv\s+series|the\s+film|"
    r"the\s+book|novel|storyline|tv\s+drama|soaps?\s+(?:opera|storyline|tonight)|eastenders|corrie|coronation\s+street|emmerdale|hollyoaks|"
    r"line\s+of\s+duty|true\s+crime|podcast|documentary|in\s+the\s+play|murder\s+mystery|cluedo|"
    r"role[\s-]?play|our\s+topic|in\s+history|the\s+tudors|henry\s+viii)\b")


class AllegationDetector(WordsDetector):
    name = "allegation"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        found = sorted((match.start(), match.end(), what) for what, pattern in _ACCUSATIONS
                       for match in first_few(pattern.finditer(folded)))
        if not found or _NOT_ABOUT_ANYONE_HERE.search(folded):
            return
        named = _people_named(subject)
        for start, end, what in found:
            if _A_THING_NICKED.search(folded, max(0, start - 40), end):
                continue
            near_start, _ = sentences_around(folded, start, before=1, after=0)
            someone = _SOMEONE.search(folded, near_start, start)
            whom = (text[someone.start():someone.end()] if someone is not None else next(
                (text[a:b] for a, b in named if near_start <= a < start), None))
            if whom is None:
                continue
            yield Evidence(self.name, "allegation", text[start:end], start, end,
                           attrs={"accusing": what, "whom": whom})
            return


def _people_named(subject: Subject) -> list[tuple[int, int]]:
    """Where the people detector finds staff, other adults and pupils' parents in the words."""
    return [(item.start, item.end) for item in PeopleDetector().detect(subject)
            if item.start is not None and item.end is not None]

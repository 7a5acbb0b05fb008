"""Sensitive matters in the words: health, special educational needs, safeguarding and family
circumstances, discipline and the police. Beside a named pupil on the school's account they are
special-category or confidential data, whatever the consent register says about the name (the
catalogue's detection note for content.personal_info_about_individuals: a name matched to the
roster plus a sensitive attribute). A word list, so it explains itself; which rule a match
breaks, if any, is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.pupil_names import name_mentions
from safepost.detect.school_identity import in_family_news
from safepost.detect.text import first_few, next_sentence, sentence_bounds

# Kin whose illness or death is the child's family's matter ("her grandad passed away").
_KIN = (r"(?:mum|mummy|mom|mother|dad|daddy|father|parents?|nan|nana|nanna|nanny|gran|granny|grandma|"
        r"grandmother|grandad|granddad|grandpa|grandfather|grandparents?|brother|sister|sibling|"
        r"step-?\w+|auntie|aunt|uncle|carer)")
# A safeguarding case's kind (`evaluate` reads it as the school's confidential business too).
SAFEGUARDING_CASE = "safeguarding"
_SENSITIVE: dict[str, str] = {
    "health": (
        r"chemo(?:therapy)?|cancer|leukaemia|leukemia|tumour|(?:been|was|is|recently|newly) diagnosed with|"
        r"(?:his|her|their) (?:\w+ ){0,2}diagnosis|hospitali[sz]ed|in and out of hospital|"
        r"(?:is|was|been|remains|still|you'?re|you are) in hospital"
        r"(?! visiting| every| shadowing| on work| for work)|"
        r"seizures?|epilep(?:sy|tic)|diabet(?:es|ic)|asthma|cerebral palsy|cystic fibrosis|"
        r"down'?s syndrome|tourette'?s|in remission|"
        r"(?:suffers? from|struggl\w+ with|living with|diagnosed with|battl\w+|fighting|has|had|with) "
        r"(?:severe |his |her )?"
        r"(?:anxiety|depression)|"
        r"following (?:his|her|their) (?:\w+ )?(?:surgery|operation|op)\b|"
        r"(?:recovering from|had|having|after|needs|needed|underwent|undergoing|since) "
        r"(?:an? |his |her |their )?(?:(?!my |our |your )\w+ )?(?:surgery|operation)|"
        r"(?:recovering from|after|since) (?:his|her|their) (?:\w+ )?op\b|"
        r"mental health (?:problems?|issues?|difficult\w*|crisis)|self[- ]?harm\w*|"
        # (session 27) "following her breakdown", "signed off with stress"; not a breakdown of the
        # costs or the car's
        r"(?:his|her|their) (?:nervous |mental |emotional )?breakdown\b(?! (?:cover|recovery|truck|of))|"
        r"(?:a|had a|having a) (?:nervous|mental|emotional) breakdown|"
        r"signed off (?:sick |work )?(?:with|for) (?:stress|anxiety|depression|burnout|"
        r"(?:his|her|their) mental health)|"
        r"dementia|alzheimer'?s|parkinson'?s|motor neurone|"
        r"(?:had|suffered|has had) a (?:stroke|heart attack)|"
        r"eating disorder|anorexi\w*|terminal(?:ly)? ill|seriously ill|"
        # (session 31) "had his new cochlear implant switched on", "her new hearing aids"
        r"cochlear implants?|(?:his|her|their|new) hearing aids?|"
        r"off (?:sick )?with (?:stress|anxiety|depression|(?:his|her) nerves)|"
        r"wets (?:himself|herself|themselves|the bed)|still wets|bed-?wetting|"
        r"soil(?:s|ed|ing) (?:himself|herself)"
    ),
    "special educational needs": (
        r"autis(?:m|tic)|adhd|dyslexi(?:a|c)|dyspraxi(?:a|c)|ehcp|ehc plan|special (?:educational )?needs|"
        r"learning difficult(?:y|ies)|sen (?:register|support)|"
        r"speech and language (?:difficult\w*|delay|therapy|needs)|"
        r"selective(?:ly)? mut(?:e|ism)|non-?verbal|global developmental delay|tube[- ]fed|peg[- ]fed"
    ),
    # A safeguarding case: the school's confidential business as well as the child's (session 29:
    # the outside readers labelled 39 of 62 such posts confidential, 46 personal information).
    SAFEGUARDING_CASE: (
        r"social services|children'?s (?:services|social care)|"
        r"(?:(?<=his )|(?<=her )|(?<='s )|(?<=their ))social workers?|"
        r"(?:has|have|got|with|dsl and|police and) (?:a|the) social workers?|"
        r"(?<!adult )(?<!health and )(?<!health & )social care\b(?! (?:sector|jobs?|courses?|qualifications?|"
        r"apprenticeships?|levels?|workers? (?:needed|wanted|jobs?)|btec|funding|crisis|budgets?|system|"
        r"reform|cuts|workforce|policy|bill|green paper|white paper|precept|staff))|"
        r"child protection(?! (?:training|policy|course|update|level|officer training|and who|lessons?))|"
        r"cp (?:plans?|referrals?|meetings?|conferences?|case)|"
        r"(?:safeguarding|mash|early help) referrals?|"
        r"referrals? to (?:the )?(?:mash|social care|social services|children'?s services|police|camhs|"
        r"early help)|"
        r"(?:made|make|making|had to make|did|do|done) (?:a |another |two |three |\d )?(?:safeguarding |cp )?"
        r"referrals?\b(?! (?:code|bonus|scheme|link|fee|form|to (?:the )?(?:school nurse|nurse|speech|physio|"
        r"gp|dentist|optician|ot\b|occupational|ed(?:ucational)? psych\w*|paediatric\w*|audiology|eye)))|"
        # (not "a strategy meeting with the PTA" or "about the free school bid")
        r"(?:safeguarding |cp |child protection )strategy meetings?|"
        r"strategy meetings?(?: \w+){0,3}? (?:about|for|on) (?:one of|a (?:child|pupil|boy|girl|family|lad|"
        r"lass)|the family|him|her)|strategy meetings? with (?:the )?(?:police|social|dsl|mash|la\b)|"
        r"section 47|core group meetings?|child in need (?:plan|meeting)|cin plan|"
        r"(?:took|take|taking|had to take|had) (?:a |another )?disclosure|"
        # (a court order about a child's family, not one to stop fly-tipping; the LADO, not "al lado")
        r"court order(?=[^.!?\n]{0,60}\b(?:dad|mum|mam|father|mother|parent|him|her|pick-?up|contact|"
        r"custody|child|kids)\b)|(?:the |a )lado\b|lado (?:referral|involved|case|investigation)|lado'?s"
    ),
    "safeguarding or family circumstances": (
        r"in(?:to)? (?:local authority )?care\b(?! of| homes?| work| sector| settings?| career| assistant)|"
        r"looked[- ]after (?:child(?:ren)?|pupils?|young (?:person|people))|"
        r"foster (?:care|carers?|placement|famil(?:y|ies)|home|parents?|mum|dad)|"
        r"kinship care|special guardianship|young carers?|recently bereaved|(?:his|her|their) bereavement|"
        r"(?:his|her|their|whose) " + _KIN + r"'?s? (?:has |had |recently |sadly )*(?:passed away|died)|"
        r"(?:death|loss|funeral) of (?:his|her|their) (?:\w+ )?" + _KIN + r"|"
        r"(?:lost|losing) (?:his|her|their) " + _KIN + r"|(?:his|her|their) " + _KIN + r"'?s death|"
        r"(?:parents'?|his|her|their|mum and dad'?s?) (?:\w+ )?divorce|divorced|"
        r"going through (?:a |an )?(?:\w+ )?divorce|"
        r"(?:parents|mum and dad) (?:have )?(?:split up|separated)|"
        r"domestic (?:abuse|violence|incident)|(?:sent to|in|been to|went to|gone to|released from) prison|"
        r"(?:on|gets?|receives?|eligible for|claims?|claiming|getting) free (?:school )?(?:meals|dinners)|"
        r"pupil premium|"
        # (session 31) a family's immigration status
        r"settled status|(?:being |be |getting |got )deported|deportation|"
        r"asylum (?:claim|case|appeal|interview)|"
        r"no recourse to public funds|(?:their|his|her) visa (?:ran out|expired|was refused|has run out)"
    ),
    "discipline or the police": (
        # (not "nobody is excluded from our clubs")
        r"(?<!nobody )(?<!no one )(?<!no-one )(?<!no child )"
        r"(?:been|was|is|being|got)(?: \w+ly| himself| herself| themselves)? excluded|"
        r"excluded(?= (?:a|one|him|her)\b(?! from))|"
        # (session 29) "Y6 lad permanently excluded today", "excluded for 3 days", "a perm ex", "first
        # ever suspension for a Year 2"
        r"permanently exclud(?:ed|ing)\b(?! from (?!school|the school|the academy|lessons|class|"
        r"\w+ (?:academy|"
        r"high|primary|school)))|"
        r"excluded for (?:(?:\d+|one|two|three|four|five|ten|a) (?:days?|weeks?|months?)|"
        r"the rest of (?:the )?"
        r"(?:year|term|week))\b(?![^.!?\n]{0,30}\bfrom (?:the )?(?:field|pitch|quiz|game|playground|hall|"
        r"pool))|"
        r"perm(?:anent)? ex(?:es)?\b|suspensions? (?:for|of) (?:a|an|one|the|my|our)(?: (?:(?:year|"
        r"yr) ?\d{1,2}|"
        r"y\d{1,2}|\w+))?\b|"
        r"(?<!no )(?<!zero )(?<!fewer )(?<!reducing )(?<!reduce )(?<!without )"
        r"(?:(?:fixed[- ]term|permanent|temporary|\d+[- ]day) |(?:his|her|their) (?:\w+ )?)"
        r"exclusions?(?! zone)|"
        r"(?:got|given|gets|on) (?:a |his |her |their )?fixed[- ]term"
        r"(?! contract| post| job| role| exclusion)\b|"
        # (session 30) "had to do my first suspension today", "another 5 day suspension"
        r"(?:another|(?:my |our |a )?first|(?:a |another )?\d+[- ]day) "
        r"(?:fixed[- ]term )?(?:suspensions?|exclusions?)\b"
        r"(?! (?:bridges?|forks?|springs?|of|zones?)\b)|"
        # (session 31) "Exclusion panel on Thursday for one of my Year 10s", "had to permanently exclude
        # a Year 6 lad today" (not "we never permanently exclude a child")
        r"exclusions? (?:panel|hearing|meeting|review)s?\b|"
        r"(?:had to|have had to|'ve had to|having to) permanently exclude (?:a|an|one|him|her|my|our|the)\b|"
        r"(?:been|was|is|being|got)(?: \w+ly)? suspended from "
        r"(?:school|lessons?|classes|the academy|the (?:\w+ )?(?:team|squad))|"
        r"(?:been|was|is|being|got)(?: \w+ly)? suspended for "
        r"(?:\d+|one|two|three|four|five|ten|a|the rest of the) (?:days?|weeks?)|"
        r"internal isolation|isolations|(?:on|put on) (?:a )?behaviour report|"
        r"(?:got|gets|given|has|had|in) (?:a |another |an after-school |more |several |\w+ )?detentions?|"
        r"(?:his|her|their) (?:\w+ )?detentions?|(?:on|off) the detention (?:list|register|board)|"
        r"(?:he|she|they|your (?:son|daughter|child|lad|boy|girl)) (?:was|were|has been|have been|got) "
        r"sanctioned|"
        r"(?:been|was|got) arrested|(?:was|been|being) sentenced|youth offending|"
        r"police (?:caution|custody)|(?:under|subject of|part of) (?:a )?police investigation|"
        r"spoken to by (?:the )?police|police (?:were|was|have been) called|"
        # (a pupil's behaviour record: "spoken to about his behaviour more times than I can count")
        r"spoken to (?:about (?:his|her|their) behaviour|"
        r"(?:\d+|three|four|five|six|several|many|so many) times)|"
        # (and, session 31, "Darius's new behaviour plan"; a colleague's capability process)
        r"(?:(?:his|her|their) |(?<=['’]s ))(?:\w+ )?behaviour "
        r"(?:plan|report|log|points|record|support plan)|"
        r"(?:his|her|their) capability (?:process|procedure|hearing|plan|proceedings)|"
        r"swore at (?:a|the|his|her|their) (?:member of staff|teacher|ta|teaching assistant|dinner lady)"
    ),
    # A pupil's record of attending and keeping up, where the words find fault with it: the
    # school's record ("if Tommy was in school on time more often...", "the register doesn't
    # lie"), never an award ("100% attendance").
    "attendance or progress": (
        r"(?:poor|low|terrible|awful|shocking|bad|worrying) (?:attendance|punctuality)|"
        r"(?:his|her|their) (?:lateness|absences)|persistent(?:ly)? (?:absen\w+|late)|"
        r"the register (?:doesn'?t|does not|don'?t) lie|"
        r"(?:if|when) (?:\w+ ){1,2}(?:was|were|is|got) (?:\w+ )?in (?:school )?on time|"
        r"got (?:him|her|them) in (?:school )?on time|in school more than (?:\w+) days a week|"
        r"(?:missed|missing|misses) (?:so much|half|most|weeks of|\d+ days of|loads of) school|"
        r"(?:so |really |very |way )?far behind (?:with|in) (?:his|her|their)"
    ),
}
# Charities and awareness days name an illness without saying anyone has it; a specialist's
# job ("a diabetes specialist nurse") is no one's condition either.
_NOT_ABOUT_SOMEONE = re.compile(
    r"\b(?:cancer research|macmillan|cancer support|race for life|teenage cancer trust|"
    r"young lives vs cancer|"
    r"children'?s cancer and leuk\w+ group|cclg|diabetes uk|jdrf|epilepsy action|young epilepsy|"
    r"national autistic society|asthma (?:\+ )?lung uk|(?:[\w'-]+ ){0,3}(?:awareness|acceptance) "
    r"(?:week|day|month)|"
    r"(?:cancer|diabetes|epilepsy|asthma|autism|dyslexia) (?:specialist|nurse|charity|research)|"
    r"mental health (?:week|day|awareness|first aid|champions?|lead)|(?:autism|adhd|dyslexia) friendly|"
    r"children in need|(?:young people|children|kids) in care|"
    r"young carers? (?:of the year|awards?|project|group|club|centre|service|charity|trust))\b")
# A sentence about make-believe, a lesson or history: "arrested by PC Ruby in our role-play",
# "Anne Boleyn was sentenced to death". The same words about a pupil outside such a sentence
# are still read.
_PRETEND = re.compile(
    r"\b(?:role[- ]?play\w*|mock (?:trial|court)|pretend\w*|make[- ]believe|dressed (?:up )?as|"
    r"in character|re-?enact\w*|play(?:ed|ing) (?:the (?:part|role) of|as)|"
    r"our (?:\w+ )?topic|"
    r"history (?:lessons?|topics?|projects?|days?|weeks?|class(?:es)?|essays?|homework|trips?)|"
    r"tudors?|victorians?|romans?|"
    r"ww[12i]+|world war|"
    r"crime scene|csi|forensic\w*|"
    # ... or a lesson or talk about keeping safe
    r"(?:road|online|internet|e-?safety|stranger|fire|water|bike|cycle) safety|first aid|"
    r"awareness (?:assembly|talk|day|week|month)|teach\w* (?:[\w']+ ){0,3}about)\b")
# ... and a talk, a debate or an essay whose subject the matter is (the words before the matter:
# "who has Tourette's, gave an assembly about living with tics" is still read).
_TOPIC_OF = re.compile(
    r"\b(?:debat\w*|speech|presentation|essay|campaign\w*|assembly|(?:a|an|the|his|her|their) talk|"
    r"pshe|pshce|rshe|rse|citizenship|form time|tutor time|refresher|"
    r"books?|novels?|film|documentary|programme|podcast|article|drama|series|training|course|"
    r"session|workshop|webinar|lessons?) "
    r"(?:[\w'-]+ ){0,8}?"
    r"(?:on|about|around)\b")
# The writer's own pupils, unnamed: "one of my tutor group", "a lad in my Year 9 class", "my
# tutee". Beside a sensitive matter on a personal account they are still a pupil's private matter.
# (One child, not a group: "our students with ADHD", "my students sent flowers" are about many or
# about the writer.)
_OWN_PUPILS = re.compile(
    r"\b(?:(?:one|two|three|a couple) of (?:my|our|the) "
    r"(?:(?:base|unit|nurture|resource base|provision|sen|send|reception|nursery|class|form|"
    r"key ?work(?:er)?) )?"
    r"(?:tutor group|form|class|set|little ones|tutees|mentees|caseload|"
    r"(?:year|yr) ?\d{1,2}s|y\d{1,2}s|pupils|students|kids|lads|lasses|boys|girls|"
    r"(?:reception|nursery|class) (?:kids|children)|"
    r"(?:(?:year|yr) ?\d{1,2}|y\d{1,2}) (?:girls|boys|lads|lasses|kids|children|pupils|students))|"
    r"(?:a|one|the|which)? ?(?:certain )?(?:boy|girl|lad|lass|kid|kiddo|child|pupil|student|young man|"
    r"young lady|"
    r"little one|little boy|little girl) "
    r"in (?:my |our )?"
    r"(?:class|form|tutor group|set|(?:year|yr) ?\d{1,2}|y\d{1,2}|\d{1,2}[a-z]{1,2}|"
    r"(?:nursery|reception|key ?worker|key) ?(?:group|class)?|"
    # a specialist provision's own name for itself ("the autistic lad in our base")
    r"base|unit|(?:resourced |specialist )?provision|nurture group)|"
    r"(?:(?:a|one|the|this|that|which) )?(?:(?:year|yr) ?\d{1,2}|y\d{1,2}|reception|nursery) "
    r"(?:boy|girl|lad|lass|kid|kiddie|child|pupil|student)|"
    r"(?:my|our) (?:tutee|pupil|student)|"
    # "one of my Reception babies", "one of my Y2 babies" (not "one of my babies", a parent's own)
    r"(?:one|two|three) of (?:my|our) (?:(?:year|yr) ?\d{1,2}|y\d{1,2}|reception|nursery|class|form|base) "
    r"(?:babies|little ones|lot)|"
    # the pupil a teaching assistant works with one to one: "my little 1:1"
    r"(?:my|our) (?:little |lovely )?(?:1:1|1-1|one[- ]to[- ]one)"
    r"(?: (?:boy|girl|lad|lass|child|pupil|kiddo))?|"
    # the pupil an incident was about: "the boy responsible has been suspended"
    r"the (?:boy|girl|lad|pupil|student|child|young person|pupils|students|boys|girls|children) "
    r"(?:responsible|involved|concerned|in question)|"
    # "the boy who hit Ruby at lunch", "the lad who started it"
    r"the (?:boy|girl|lad|lass|kid|pupil|student|child) who (?:hit|punched|kicked|started|threw|bit|pushed|"
    r"attacked|hurt|bullied|stole|did|set|swore)|"
    # "my little Y2 lad", "my little Year 7 with ADHD"
    r"(?:my|our) (?:little |lovely |gorgeous )?(?:(?:year|yr) ?\d{1,2}|y\d{1,2}|reception|nursery) "
    r"(?:boy|girl|lad|lass|kid|kiddo|child|pupil|student|one)|"
    r"(?:my|our) little (?:(?:year|yr) ?\d{1,2}|y\d{1,2})(?!\d|s\b)|"
    # "we permanently excluded a Year 6 today" (one pupil; not "a Year 6 class", "a Year 6 trip")
    r"(?:a|one) (?:(?:year|yr) ?\d{1,2}|y\d{1,2})(?!\d|s\b|\s+(?:class|group|team|trip|teachers?|parents?|"
    r"pupils|children|kids|students|assembly|lesson|residential|sats|mock)))\b")
# A course or a process described, not a case: "DSL refresher: lots on making referrals", "our
# child protection procedures" (a case is told: "two referrals to MASH before 10am").
_A_PROCESS = re.compile(
    r"\b(?:training|refresher|course|cpd|inset|twilight|webinar|update|policy|policies|procedures?|"
    r"how to|lots on|all about|learn(?:ed|t|ing)? about|careers?|job|jobs|vacanc(?:y|ies)|apply|degree)\b")
# A safeguarding case's words that only school (or social care) staff use of their own work: a
# referral, a strategy meeting, a CP plan, a disclosure taken. ("Social services", "a social
# worker", "a court order" may be anyone's: told of no one at school, they are not the school's.)
_PROFESSIONAL = re.compile(
    r"\b(?:referrals?|strategy meetings?|cp |child protection|section 47|core group|child in need|cin plan|"
    r"disclosure|lado|mash)\b")
# ... or social care in school: "Social services were in again about the Loveridge kids".
_IN_SCHOOL = re.compile(r"\s*(?:were|was|are|is|came|have been|has been)? ?(?:in|in at|into) "
                        r"(?:school|again|today|for)\b")
# A class's own name for its pupils: "one of my Kingfishers", "one of our Acorns" (as written).
_ONE_OF_MY_CLASS = re.compile(r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree) of (?:my|our) [A-Z][a-z]+s\b")
# The writer's own relative's matter: "Mum's social worker came round", "my brother's court order".
# (Only "my"/"our" or opening the sentence: "his mum's social worker" is the pupil's family's.)
_KIN_BEFORE = re.compile(r"(?:\b(?:my|our) |(?<![\w'’] ))(?:mum|mam|mom|dad|nan|nana|gran|grandma|grandad|"
                         r"brother|sister|husband|wife|partner|hubby|son|daughter|aunt|auntie|uncle)(?:'s|’s)"
                         r"\s*(?:\w+\s*)?$")
_SOMEONE_ELSE = re.compile(
    r"\b(?:i|i'd|i've|i'm|me|myself|children|people|patients|families|adults|others|everyone|"
    r"(?:his|her|their) (?:\w+ )?" + _KIN + r")\b")
# An exclusion or a suspension: the school's own decision about a pupil, and so its confidential
# business; one of the school's disciplinary matters.
_EXCLUSION = r"exclu|suspen|perm ex"
_SCHOOL_DISCIPLINE = re.compile(
    _EXCLUSION + r"|detention|isolation|behaviour|fixed[- ]term|swore at|spoken to|sanction")
_AN_EXCLUSION = re.compile(_EXCLUSION)
_KINDS = list(_SENSITIVE)
_PATTERN = re.compile(r"\b(?:" + "|".join(f"(?P<g{i}>{words})" for i, words in enumerate(_SENSITIVE.values()))
                      + r")\b")

# Whose matter, besides the writer's own pupils: a colleague named by their role ("my TA", "our
# deputy head", "a colleague", "the new NQT") and a pupil's family ("one of our families", "a
# mum in my class", "grandma of one of my reception kids"). The policies' personal-information
# rule covers both (catalogue: pupils, colleagues, families, other professionals).
_COLLEAGUE = re.compile(
    r"\b(?:(?:my|our|a|the|one of (?:my|our|the))\s+"
    r"(?:(?:lovely|new|old|poor|amazing|fab|wonderful|dear|brilliant|fellow|favourite)\s+)*"
    r"(?:colleagues?|co-?workers?|workmates?|teaching assistants?|tas?|hltas?|lsas?|sencos?|"
    r"head ?teachers?|head of (?:year|dept|department|\w+)|head(?! of)|deputy(?: head)?|assistant head|"
    r"nqts?|ects?|caretakers?|receptionists?|"
    r"office manager|business manager|site manager|school nurse|school counsellor|counsellor|dsl|"
    r"(?:pe|maths|english|science|art|music|drama|history|geography|french|supply|trainee|"
    r"class|form|reception|nursery|year \d{1,2}) teachers?|dinner lad(?:y|ies)|lunchtime supervisors?|"
    r"librarian|technician|line manager|boss|office lad(?:y|ies)|admin(?:istrator)?|cleaners?|"
    r"school cook|lunchtime lad(?:y|ies))"
    # (no article: "Colleague in maths took...", "Head of science is...", "Teacher next door is...")
    r"|one of (?:our|the) (?:teachers|staff|tas|lsas|support staff|teaching staff)"
    r"|school nurse|school counsellor|colleagues?|co-?workers?|workmates?|"
    r"head of (?:year|dept|department|\w+)|"
    r"(?:teacher|ta) next door|"
    # "a certain member of SLT", "someone in the science dept", "our Joanne from the office"
    r"(?:a |one )?(?:certain )?member of (?:slt|smt|staff|the (?:slt|smt|(?:senior )?leadership team|"
    r"\w+ (?:dept|department|team|office)))|"
    r"(?:someone|somebody|a certain someone|one of them) (?:in|from) (?:the )?(?:\w+ )?"
    r"(?:dept|department|office)|"
    # (and, session 31, "our Carol in the school office", "our Kerry in science")
    r"(?:our|my) [a-z]+ (?:from|at|in) (?:work|school|(?:the )?(?:school )?(?:office|kitchen|science|maths|"
    r"english|reception|early years|eyfs|sen|send|pe|art|music|humanities|year \d{1,2}))|"
    # (session 31) "Deb from work who's ..."
    r"(?<!home )(?<!back )(?<!way )(?<!off )(?<!late )(?<!early )(?<!straight )(?<!break )(?<!time )"
    r"[a-z]+ from work(?= who| is| has|'s|,))\b")
_PUPIL_FAMILY = re.compile(
    r"\b(?:one of (?:my|our) (?:families|parents|mums|dads|"
    # "one of our Y3 families", "one of our Heron families", "one of our nurture families"
    r"(?:(?:year|yr) ?\d{1,2}|y\d{1,2}|[a-z]+) "
    r"(?:mums|dads|mams|parents|families))"
    r"|(?:a|one|this|that|the) (?:parent|mum|dad|family|carer|grandparent)s? (?:in|from|of|at) "
    r"(?:my|our|the) (?:class|school|form|year|nursery|reception|playground)"
    r"|(?:mum|mam|mom|dad|parents?|grandma|grandad|nan|nana|gran|granny|carer|family|brother|sister|"
    r"step-?\w+) of (?:one of (?:my|our)|a (?:child|boy|girl|pupil|student|kid|lad|lass) in)"
    r"|met a (?:parent|mum|dad)|one of the (?:dads|mums|parents|mams|families)"
    r"|(?:one of )?my (?:(?:year|yr) ?\d{1,2}|reception|nursery|class) (?:mums|dads|parents))\b")
# Matters read only where one of those people is in the same sentence: words that are everyone's
# news too ("died", "debt", "signed off"), and so say nothing of a pupil named elsewhere.
_TOLD_OF_SOMEONE: dict[str, str] = {
    "discipline or the police": (
        r"(?:being |been )?investigated by (?:the )?police|police (?:are|were) investigating|"
        # (session 29) a colleague's discipline: "Mr T's had a formal warning", "Gareth's got a
        # final written warning"
        r"(?:got|had|given|issued|on|received) (?:a )?(?:final )?(?:formal |written )+warning|"
        r"disciplinary (?:hearing|meeting|action|investigation)"
    ),
    "health": (
        r"overdose|in hosp|intensive care|long covid|(?:nervous|mental) breakdown|"
        r"(?:off|signed off|off sick) with a breakdown|"
        r"(?<!car )(?<!van )(?<!bus )(?<!coach )(?<!printer )(?<!boiler )"
        r"had a (?:complete |total )?breakdown|"
        r"signed off(?: sick| with \w+)?|off (?:sick )?with (?:stress|depression|anxiety|long covid|"
        r"a breakdown|cancer)|antidepressants|bipolar|ptsd|ivf|miscarri\w+|hearing aids?|"
        r"(?:scan|biopsy|test results?|results?) came back|terminal\w*|passed away|"
        # (not "nearly died laughing")
        r"(?<!nearly )(?<!almost )(?<!could have )died(?! laughing| of (?:embarrassment|shame|boredom))|"
        r"lost (?:their|her|his|the) baby|still ?b(?:irth|orn)|"
        r"broke (?:his|her|their) (?:arm|wrist|leg|ankle|nose|collarbone|fingers?|foot|hand|elbow|toe)|"
        r"broken (?:arm|wrist|leg|ankle|nose|collarbone)|concussion|fractured|"
        # a pregnancy not yet theirs to announce: "so excited for Hannah, baby Lowe due in August"
        r"pregnan(?:t|cy)|expecting (?:a baby|twins|again|(?:her|their|his) (?:first|second|third))|"
        r"(?<='s )expecting(?=\s*(?:[!.,🤰]|$|again|twins|number|baby|(?:her|their|his) (?:first|second|"
        r"third)))|"
        r"\d{1,2}[- ]?weeks? scan|"
        r"\d{1,2} weeks gone\b(?=\s*(?:[!.🤰🤫💕❤]|$|and (?:due|expecting)))|"
        r"baby (?:\w+ )?(?:is )?due (?:in|on|at|any day)"
    ),
    "gender identity or sexuality": (
        r"came out(?: to \w+)? as (?:trans\w*|gay|lesbian|bi\w*|non-?binary|queer)|"
        r"(?:is|she's|he's|they're|they are) (?:trans|transgender|non-?binary)\b|gender reassignment|"
        r"transitioning"
    ),
    "safeguarding or family circumstances": (
        r"on trial|sent down|\d+ placements|placements? (?:broke|has broken|have broken) down|"
        r"social workers? (?:for|of)|debts?|bankrupt\w*|"
        r"(?:being|been|got|get|getting|was|were|is|are|be) evicted|eviction|lose the house|"
        # (session 30) "one of our Y8 mums has been using the food bank" (not volunteering there, nor
        # its van)
        r"(?:using|uses|relying on|needing|needs|referred to|vouchers? for|queu\w* (?:at|for)) "
        r"(?:the )?food ?banks?\b(?! (?:van|lorry|trolley|collection|drive|appeal))|"
        r"losing (?:the|their|her|his) (?:house|home)|made redundant|getting divorced|separating|"
        r"splitting up|affair|inside for|locked up"
    ),
    # a private life told as gossip: "seen leaving the pub with someone who is NOT her husband"
    "private life": (
        r"(?:very much |definitely |clearly |certainly )?"
        r"not (?:her|his|their) (?:husband|wife|partner|fiance)|"
        r"marriage (?:is |was )?(?:on the rocks|falling apart|breaking up|in trouble|over)|"
        r"(?:wife|husband|partner) (?:has |'s )?(?:walked out|left (?:him|her|them)\b)|left (?:her|him) for"
    ),
}
_TOLD_KINDS = list(_TOLD_OF_SOMEONE)
_TOLD_PATTERN = re.compile(r"\b(?:" + "|".join(
    f"(?P<g{i}>{words})" for i, words in enumerate(_TOLD_OF_SOMEONE.values())) + r")\b")
# Between a colleague or a parent and their matter, the writer or others speaking of themselves
# ("my TA covered while I was signed off") say it is not theirs; "told me" does not.
# ... nor do many ("the head hasn't a clue and half the staff are off with stress").
_WRITER_BETWEEN = re.compile(r"\b(?:i|i'd|i've|i'm|myself|my|me|we|us|our|everyone|people|staff|half|most|"
                             r"lots|loads|many|some|all|they|others)\b")
_TOLD_ME = re.compile(r"\b(?:told|tells|telling|confided in|said to|messaged|rang) me\b")


# (On the school's own account "we" and "us" are the school: "Miss Keane, who is leaving us
# following her recent diagnosis".)
_SCHOOL_AS_WE = re.compile(r"\b(?:we|us|our)\b")


def _told_of(people: list[tuple[int, int]], text: str, folded: str, start: int, sentence_start: int,
             *, official: bool, matter_end: int, sentence_end: int) -> str:
    """The nearest of `people` (character spans) before the matter at `start`, in its sentence,
    with no one else speaking between them ("our deputy head starts chemo", "my TA told me
    she's getting divorced"), or failing that just after it (`_told_for`), as written; "" if
    none."""
    before = [(begin, end) for begin, end in people if sentence_start <= begin and end <= start]
    if not before:
        return _told_for(people, text, folded, matter_end, sentence_end)
    begin, end = before[-1]
    between = _TOLD_ME.sub(" ", folded[end:start])
    if official:
        between = _SCHOOL_AS_WE.sub(" ", between)
    return "" if _WRITER_BETWEEN.search(between) else text[begin:end]


# A matter told first and whose it is after it: "social services in again for one of our
# families", "a cancer scare for my TA".
_FOR_WHOM = re.compile(r"\s*(?:(?:is|are|was|were|in|out|again|now|today|called|round|back)\s+){0,3}"
                       r"(?:for|with|involving)\s+")


def _told_for(people: list[tuple[int, int]], text: str, folded: str, matter_end: int,
              sentence_end: int) -> str:
    """The first of `people` just after the matter ending at `matter_end`, joined to it by "for",
    "with" or "involving", as written; "" if none."""
    after = [(begin, end) for begin, end in people if matter_end <= begin and end <= sentence_end]
    if not after:
        return ""
    begin, end = after[0]
    return text[begin:end] if _FOR_WHOM.fullmatch(folded, matter_end, begin) else ""


def _without(folded: str, found: re.Match[str] | None) -> str:
    """The text with the words `found` blanked (their length kept)."""
    if found is None:
        return folded
    return folded[:found.start()] + " " * (found.end() - found.start()) + folded[found.end():]


def _opening_the_next(folded: str, sentence_end: int) -> re.Match[str] | None:
    """The writer's own pupils where they open the next sentence, as its subject: "First
    permanent exclusion in 20 years today. One of my Year 6s finally went too far." """
    following = next_sentence(folded, sentence_end)
    if following is None:
        return None
    start, end = following
    while start < end and not folded[start].isalnum():
        start += 1
    return _OWN_PUPILS.match(folded, start, end)


class _People(NamedTuple):
    """Who is in the words, as character spans: what is no one's (a charity, an awareness day),
    colleagues, pupils' families and other titled adults."""

    spared: list[tuple[int, int]]
    colleagues: list[tuple[int, int]]
    families: list[tuple[int, int]]
    adults: list[tuple[int, int]]


class SensitiveMatterDetector(WordsDetector):
    name = "sensitive_matters"  # reads the post's own words (a picture's are read for names and contacts)

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        matters = first_few(_PATTERN.finditer(folded))
        told = first_few(_TOLD_PATTERN.finditer(folded))
        if not matters and not told:
            return  # (most posts: the people in them need not be read)
        # Colleagues by role ("our deputy head") or by name from the staff list ("Mr Quinn"; not
        # the writer: "Hi it's Mr Moorhouse from school, he's got a detention"), and a titled adult
        # the school's lists do not know ("Mrs P", "Mr Green from the garden centre"): a colleague
        # not on the list, a parent, a visitor: someone else.
        writer = subject.request.author_staff_id
        mentions = name_mentions(subject)
        people = _People(
            spared=[(match.start(), match.end()) for match in _NOT_ABOUT_SOMEONE.finditer(folded)],
            colleagues=sorted([(match.start(), match.end()) for match in _COLLEAGUE.finditer(folded)]
                              + [(mention.start, mention.end) for mention in mentions
                                 if mention.who == "staff" and mention.person_id != writer]),
            families=[(match.start(), match.end()) for match in _PUPIL_FAMILY.finditer(folded)],
            adults=[(mention.start, mention.end) for mention in mentions if mention.who == "adult"],
        )
        official = subject.request.channel == "official"
        matched: list[tuple[int, int]] = []
        # Every match: which one sits in a named pupil's sentence is `evaluate`'s question.
        for match in matters:
            kind = _KINDS[int(str(match.lastgroup)[1:])]  # the group that matched, g0..g4
            evidence = self._matter(text, folded, match, kind, people, official)
            if evidence is not None:
                matched.append((match.start(), match.end()))
                yield evidence
        for match in told:
            if any(start < match.end() and match.start() < end for start, end in matched):
                continue
            kind = _TOLD_KINDS[int(str(match.lastgroup)[1:])]
            evidence = self._matter(text, folded, match, kind, people, official)
            if evidence is not None and any(
                    evidence.attrs[whose]
                    for whose in ("own_pupils", "pupil_family", "colleague", "other_adult")):
                yield evidence

    def _matter(self, text: str, folded: str, match: re.Match[str], kind: str, people: _People,
                official: bool) -> Evidence | None:
        """The matter at `match`, with whose it is where the words say (the writer's own pupil,
        a pupil's family, a colleague); None where it is no one's (a charity, a lesson, a talk)."""
        if any(start <= match.start() < end for start, end in people.spared):
            return None
        sentence_start, sentence_end = sentence_bounds(folded, match.start())
        if _PRETEND.search(folded, sentence_start, sentence_end) or any(
                topic.start() < match.start()
                for topic in _TOPIC_OF.finditer(folded, sentence_start, match.end())):
            return None
        own_pupils = (_OWN_PUPILS.search(folded, sentence_start, sentence_end)
                      or _ONE_OF_MY_CLASS.search(text, sentence_start, sentence_end)
                      or _opening_the_next(folded, sentence_end))
        if own_pupils and own_pupils.start() < match.end() and match.start() < own_pupils.end():
            own_pupils = None  # the same words ("our pupil premium")
        if own_pupils:
            # (told of the pupil: no "I" or other people between the pupil and the matter, as in
            # "asked me whether I'd ever been arrested", "work with children who have cancer")
            between = folded[min(own_pupils.end(), match.end()):max(own_pupils.start(), match.start())]
            if _SOMEONE_ELSE.search(between):
                own_pupils = None
        # (a pupil first: "our school nurse told me one of my Year 8s is self-harming" is the pupil's)
        def told_of(people: list[tuple[int, int]]) -> str:
            return _told_of(people, text, folded, match.start(), sentence_start, official=official,
                            matter_end=match.end(), sentence_end=sentence_end)

        pupil_family = "" if own_pupils else told_of(people.families)
        colleague = "" if own_pupils or pupil_family else told_of(people.colleagues)
        other_adult = "" if own_pupils or pupil_family or colleague else told_of(people.adults)
        return Evidence(self.name, "sensitive_matter", text[match.start():match.end()],
                        match.start(), match.end(), attrs={
                            "kind": kind,
                            "own_pupils": text[own_pupils.start():own_pupils.end()] if own_pupils else "",
                            "a_process": bool(_A_PROCESS.search(folded, sentence_start, sentence_end)),
                            "professional": bool(_PROFESSIONAL.search(match.group(0) + " ")
                                                 or _IN_SCHOOL.match(folded, match.end())),
                            "pupil_family": pupil_family,
                            "colleague": colleague,
                            "other_adult": other_adult,
                            # ("one of my little ones" is the writer's pupil, not their child)
                            "family_news": in_family_news(_without(_without(folded, own_pupils), match),
                                                          match.start())
                            or bool(_KIN_BEFORE.search(folded, max(0, match.start() - 30), match.start())),
                            # (an exclusion, a detention or a poor attendance record is the
                            # school's own business; an arrest or an illness may be anyone's)
                            "school_discipline": kind == "attendance or progress"
                            or bool(_SCHOOL_DISCIPLINE.search(match.group(0))),
                            "exclusion": bool(_AN_EXCLUSION.search(match.group(0))),
                        })

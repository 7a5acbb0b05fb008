"""Contempt for someone at school in a stock phrase: "Our new deputy couldn't organise a piss-up
in a brewery", "as much use as a chocolate teapot", "a waste of space", "thick as mince", "useless
at her job", "worst head this school's ever had", "wouldn't send my dog there", "a joke of a
teacher". Said of the school, its staff, its pupils or its families, it is a derogatory comment
about the school community (catalogue: content.negative_about_school_community; Holbrook 5.5 and
AURIGA 3 call it an attack or insult). The outside readers' 82 posts that use one of these phrases
of someone at school are all labelled so, and the language model, which has seen few of them,
missed about a third.

The same phrases said of the writer ("I'm as much use as a chocolate teapot before a coffee"),
their family, a football referee, the council or a parcel firm are nobody's business at school.
Whether a request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.community import community_named_in
from safepost.detect.pupil_names import name_mentions, pupils_named
from safepost.detect.school_identity import in_family_news, names_in, opaque_free
from safepost.detect.text import first_few, sentence_bounds, sentences_around

# The school's leaders (and its staff), named by role just before a phrase that then names its own
# target ("the head is a total joke", "SLT haven't got a clue").
_LEADERS = (r"(?:head|headteacher|head teacher|deputy|deputy head|slt|smt|management|leadership|"
            r"leadership team|senco|governors|the trust|trust|head of (?:year|dept|department|[a-z]+))")
_LEADERS_OR_STAFF = r"(?:" + _LEADERS + r"|staff|teachers)"
# The stock phrases. Each writes someone off as useless or worthless; none is ever said fondly of
# a colleague or a child. (Not "a nightmare", "a shambles" or "useless" alone: "Year 9 were a
# nightmare today" and "the wifi is useless" are a hard day and a grumble, which readers split on.)
_CONTEMPT = re.compile(
    r"\b(?:"
    # "couldn't organise a piss-up in a brewery", "couldn't run a raffle in a paper bag"
    r"couldn'?t (?:organi[sz]e|run|arrange|manage|plan|sort|lead)\b[^.!?\n]{0,40}?"
    r"\bin an? (?:brewery|tea ?factory|distillery|pub|vineyard|sweet ?shop|paper bag|post office|chip shop|"
    r"bakery|bookshop)"
    r"|couldn'?t (?:run|manage|organi[sz]e|fill|plan) a bath"
    r"|couldn'?t (?:find|fight|think|lead|get) (?:(?:his|her|their|its) way )?out of a (?:wet )?paper bag"
    r"|couldn'?t teach a (?:dog|fish|duck) to (?:sit|swim|bark)"
    r"|(?:as much use as|about as much use as|(?:about )?as useful as|as helpful as) an? (?:chocolate "
    r"(?:teapot|fireguard|kettle)|ashtray on a motorbike|inflatable dartboard|screen door on a submarine|"
    r"handbrake on a canoe)"
    r"|waste of (?:space|oxygen|skin|a salary|a wage|rations)"
    # ("jumped-up", or "jumped up" before what it calls someone: not "Year 2 jumped up and down")
    r"|jumped-up|jumped up (?:little )?(?:jobsworths?|madams?|nobody|nobodies|tyrants?|upstarts?|prats?|"
    r"pillocks?|gits?|cows?|pen[- ]pushers?|clipboard \w+|so[- ]and[- ]so|managers?|teachers?|heads?|"
    r"deputy|deputies|receptionists?|know[- ]it[- ]alls?)"
    r"|(?:useless|hopeless|clueless|incompetent|pathetic|a joke|a disgrace|an embarrassment|rubbish|crap|"
    r"shit) at (?:his|her|their) (?:job|jobs)"
    # "she's just thick" of a child or colleague (not "thick as thieves", a thick coat or accent)
    r"|(?:he|she)(?:'s| is) (?:just |so |proper |genuinely |really |that )?"
    r"(?:thick|dim|dense)\b"
    r"(?! (?:as thieves|fog|snow|coat|jumper|skin|skinned|set|accent|hair|with|and fast))"
    r"|thick as (?:mince|two short planks|a brick|a plank|pig ?shit|custard|a post|a whale omelette)"
    r"|a joke of an? (?:teacher|head|headteacher|head teacher|school|department|dept|place|academy|trust|"
    r"deputy|manager|senco|leadership team|slt|ta|teaching assistant)"
    # "worst head it's ever had", "worst run school in the county" (not "the worst head cold",
    # "the worst school run traffic", "the worst teacher training day")
    r"|(?:worst|worst[- ]run) (?:school|academy|trust|head|headteacher|head teacher|teacher|deputy|senco|"
    r"leadership|management|slt)(?=\s+(?:in|going|ever|i'?ve|i have|it'?s|this|that|the|around|round|by|"
    r"[a-z']+ (?:has|have|'s) ever)\b|\s*[.!,?;:)]|\s*$)"
    # (with no school word after "to", whom is read as for any phrase: "wouldn't send my dog to
    # Thorney Fen" names the school, "to that groomer again" names no one at school)
    r"|wouldn'?t send my (?:dog|cat|worst enemy|kids|children|child|son|daughter) (?:there|to (?:that|this|"
    r"(?:\w+ )?(?:academy|school|primary|juniors|infants|high))\b|to \w+)"
    r"|wouldn'?t know (?:a|an|good) (?:\w+ )?(?:\w+ )?if (?:it|one|they|he|she) "
    r"(?:hit|slapped|bit|smacked|kicked|fell on|landed on|jumped out at|punched|sat on|walked up to)"
    # (going downhill of the school itself: `_DOWNHILL_OF`)
    r"|(?:'s|is|are|has been|have been) going downhill"
    r"|(?:has|have|'s) (?:really |right |totally |completely |so |proper )?gone "
    r"(?:really |right |totally |completely |so |proper )?downhill"
    # "she's ruined that school", "don't send your kids to Hollins Green"
    r"|(?:has|have|'s|'ve) (?:absolutely |completely |totally |really )?ruined (?:that|the|this|our) "
    r"(?:school|place|academy)\b(?! (?:year|run|mats?|cards?|hall|field|garden|trip))"
    r"|(?:don'?t|do not|never) send (?:your|ur) (?:kids|children|child|son|daughter|little ones?) "
    r"(?:to|there)\b(?! school\b| nursery\b| the (?:trip|disco|club|party))"
    # "this place is a shambles", "the school's a joke", "a walking disaster"
    r"|(?:this|that|the|our) (?:place|school|academy|trust|department|dept|office)"
    r"(?:'s| is| was| has been| has become) (?:\w+ )?(?:a |an )?(?:absolute |complete |total |utter |bloody |"
    r"such a )?(?:shambles|joke|circus|disgrace|clown show|dump)\b"
    r"|(?:a )?walking (?:disaster|car crash|liability|disaster area)"
    # (session 30) the school's leaders or staff, named by their role just before, called a joke
    # or clueless: "the head is a total joke", "SLT haven't got a clue", "management haven't got a
    # clue what they're doing", "Redbrook Vale staff are a joke" (after a reviewer's 37 look-alikes:
    # not the coach firm, the DfE's guidance, supply rates, the nativity, a surprise party)
    r"|(?<!for )(?<!to )(?<!of )(?<!with )" + _LEADERS_OR_STAFF
    + r"(?:'s| is| are| was| were| has been| have been) (?:an? |such an? )?(?:absolute |complete |total |"
    r"utter |bloody |right )?(?:shambles|joke|clown show|laughing stock|clown)\b"
    r"(?! (?:shop|book|of|teller)\b)"
    r"|" + _LEADERS + r" (?:hasn'?t|haven'?t|has not|have not) got (?:a |the (?:first|"
    r"faintest|foggiest) |any )?clue\b(?! (?:we|we'?ve|we'?re|it'?s|where|when|who|why|if|whether|"
    r"what (?!they|he|she)|how (?!to)|about (?:the|her|his) (?:surprise|party|present))\b)"
    # "someone buy that family some soap"
    r"|buy (?:that|this|the) (?:\w+ ){0,2}(?:family|kid|child|lad|girl|boy|mum|dad|parents) (?:some |a )?"
    r"(?:soap|bar of soap|deodorant|bath|wash)"
    # "imagine being a deputy head and still not knowing how to run a fire drill", "0 brain cells
    # between them"
    r"|imagine being (?:a|an|the) (?:\w+ ){0,2}?(?:head|headteacher|deputy|deputy head|teacher|senco|manager|"
    r"leader|ect|nqt|ta|head of \w+) and still (?:not|never|can'?t|couldn'?t|being unable)"
    r"|(?:0|zero|no|one|1|two|2|three|3) brain ?cells? between "
    r"(?:them|the lot|em|'em|the (?:lot|whole lot) of them)"
    # a child's future written off: "half of them will be on the tills at Asda", "he'll be inside
    # before he's 18"; the sarcastic "the Year 10 genius who set the fire alarm off"
    r"|(?:will|'ll|gonna|going to) (?:all )?end up (?:on the tills|stacking shelves|flipping burgers|"
    r"on benefits|on the dole|in prison|inside|in jail|in a young offenders)\b"
    r"|(?:will|'ll|gonna|going to) (?:all )?be (?:on the tills(?: (?:at|in) \w+)?|"
    r"stacking shelves(?: (?:at|in) \w+)?|flipping burgers|on benefits|on the dole|in prison|inside|"
    r"in jail)\b"
    r"(?= (?:at this rate|before (?:he|she|they)(?:'s|'re| is| are| turns?)|by the time (?:he|she|they)))"
    r"|(?:genius|geniuses|bright sparks?|comedians?) who (?:set|broke|blocked|flooded|vandalised|"
    r"smashed|stole)"
    # (session 31) "our new head thinks she's Ofsted's gift to the Fens"; "Fenland Drove, you should be
    # ashamed"
    r"|thinks (?:she|he)'?s (?:\w+'s |god'?s |ofsted'?s )?gift to"
    r"|(?:you|they|you lot) should (?:all )?be (?:ashamed|embarrassed)(?: of (?:yourselves|themselves))?"
    r"(?=\s*(?:[.!]|$))"
    # (session 31, last) parents said to need a licence or a course: "some of the parents at our place
    # need a licence to have kids", "year 6 parents need a parenting course more than the kids need
    # SATs revision"; sarcasm at the leadership ("our wonderful leadership ... 🙃", "truly
    # inspirational leadership 👏")
    r"|need(?:s)? (?:a )?(?:licen[cs]e to (?:have|breed) (?:kids|children)|"
    r"parenting (?:course|class(?:es)?|lessons))"
    r"|(?P<sarcasm>(?:our|the|truly) (?:wonderful|amazing|fantastic|inspirational|brilliant|fearless|"
    r"glorious|esteemed) (?:leadership(?: team)?|slt|smt|management|leaders)\b(?=[^\n]{0,100}?"
    r"(?:🙃|🙄|👏|instead of|not that|as if|yeah right)))"
    r"|shouldn'?t be (?:allowed|let) (?:near|anywhere near) "
    r"(?:kids|children|a school|a classroom|a class|pupils)"
    # (session 31) the school by its own name just before: "Cranbourne Heath is honestly a sinking
    # ship", "Stokesley Moor is a JOKE" (only where the school's name is what is:
    # `_school_named_just_before`)
    r"|(?P<by_name>(?:'s| is| was| has become| has turned into) (?:honestly |literally |just |now |fast "
    r"becoming |becoming )?(?:an? )?(?:absolute |complete |total |utter |bloody |right |proper )?"
    r"(?:sinking ship|shambles|joke|laughing ?stock|clown show|circus|disgrace|dump)\b(?! of\b))"
    r")")
# Whom, besides the school community as `detect/community.py` names it: staff by role with no
# "the" or "our" before it ("new head's nowt but...", "SLT are clueless"), and the school as
# staff say it. (A roster pupil or member of staff named counts too: `_someone_at_school`.)
_AT_SCHOOL = re.compile(
    r"\b(?:head(?:teacher)?|deputy|teachers?|ect|nqt|tas?|senco|slt|smt|management|leadership|governors|"
    r"supply(?: teacher)?|head of (?:year|department|dept|\w+)|hoy|hod|receptionist|business manager|"
    r"caretaker|site manager|dinner lad(?:y|ies)|office staff|department|dept|kids? in \w+|"
    r"head office|central office|the trust|(?:that|this) (?:family|mum|dad)|"
    r"(?:this|that|the|our|my) (?:school|place|academy|trust)|ours|my place|our place|"
    # (session 31) parents, and a lesson watched
    r"(?:the |some of the |our |(?:year|yr|y) ?\d{1,2} )?parents|(?:observed|observing|watched) a lesson|"
    r"lesson observations?|learning walks?)\b")
# The writer as the one written off ("I couldn't organise a piss-up in a brewery today 🙈",
# "we're thick as mince this morning").
_THE_WRITER = re.compile(r"\b(?:i|i'?m|im|i am|i'?ve|me|myself|we|we'?re|us)\b")
# Not about a person at all: a sport, the roads, a shop's service.
_ELSEWHERE = re.compile(
    r"\b(?:ref(?:eree)?|linesman|var|manager of|keeper|striker|council|government|ministers?|mps?|"
    r"politicians?|royal mail|evri|hermes|dpd|amazon|the trains?|network rail|southern rail|northern rail|"
    r"avanti|the nhs|nhs 111|gp surgery|the gp|dentist|the bank|bt|virgin media|sky|tesco|asda|"
    r"sainsbury'?s|aldi|lidl|morrisons|the shop|the restaurant|the hotel|the garage|ryanair|easyjet)\b")
# ... nor a thing: "the portakabin is a waste of space", "our class hamster is a waste of space".
_A_THING = re.compile(
    r"\b(?:portakabins?|cabins?|rooms?|buildings?|hall|cupboards?|printers?|photocopiers?|laptops?|"
    r"computers?|ipads?|apps?|system|website|wifi|cars?|bus|minibus|hamsters?|pets?|dogs?|cats?|"
    r"meetings?|emails?|forms?|policy|training|course|inset|car park|field|pitch|timetable|"
    r"spreadsheet|data drop|paperwork|marking|weather|rain|boiler|kettle|heating|"
    # (session 30) prices, pay and the roads: "parking charges are a joke", "TA pay is a joke"
    r"parking|charges|prices|fees|pay|budget|odds|traffic|roads?|public transport|buses|trains?)\b")
# ... nor fond: "the school is a circus this week, and we love it!", a costume.
_FOND = re.compile(r"\b(?:love (?:it|them|this|you)|we love|loved it|costume|fancy dress|dressed as|"
                   r"brilliant|amazing|proud|legend)\b|[❤💕😍🥰]")
# Phrases that name their target themselves ("the worst head it's ever had", "a joke of a
# teacher", "imagine being a deputy head and still...", "this place is a shambles", "buy that
# family some soap"): every other phrase needs whom outside it.
_NAMES_ITS_TARGET = re.compile(r"^(?:worst|a joke of|imagine being|buy|(?:this|that|the|our|truly) |"
                               r"(?:has|have|'s|'ve) (?:\w+ )?ruined|" + _LEADERS_OR_STAFF + r"\b)")
# Going downhill is said of the school only where the school, its leadership or its name is what
# goes ("Gorsemere First has gone downhill"), not a class's behaviour or the writer's handwriting.
_DOWNHILL_OF = re.compile(r"\b(?:school|place|academy|trust|leadership|slt|management|ours|it)\b")


def _whom(folded: str, start: int, end: int) -> re.Match[str] | None:
    return community_named_in(folded, start, end) or _AT_SCHOOL.search(folded, start, end)


def _someone_at_school(subject: Subject, start: int, end: int) -> bool:
    """A pupil the text names (as the pupil-name check reads them) or a member of staff on the
    roster, between `start` and `end`."""
    if any(start <= mention.start < end for mention, _ in pupils_named(subject)):
        return True
    return any(mention.who == "staff" and start <= mention.start < end for mention in name_mentions(subject))


def _school_named(subject: Subject, text: str, start: int, end: int) -> bool:
    return any(start <= found < end for _, found, _ in names_in(opaque_free(text), subject.school))


# The school's name as a place something else is at ("the one-way system outside Larkfield is a
# shambles"): then that thing is what is.
_PLACE_BEFORE = re.compile(r"\b(?:outside|near|at|by|opposite|behind|around|round|from|of|to|past|into|in|on|"
                           r"for|with)\s+(?:the\s+)?$", re.IGNORECASE)


def _school_named_just_before(subject: Subject, text: str, position: int) -> bool:
    """The school's or trust's name ends where `position` starts ("Cranbourne Heath| is a joke"),
    not earlier in the clause ("Oakfield's new logo is a joke" is the logo's)."""
    return any(text[end:position].strip() in ("", "'") and not _PLACE_BEFORE.search(text, 0, start)
               for _, start, end in names_in(opaque_free(text), subject.school) if end <= position)



class ContemptDetector(WordsDetector):
    name = "contempt"  # reads the member of staff's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        for match in first_few(_CONTEMPT.finditer(folded)):
            sentence_start, sentence_end = sentence_bounds(folded, match.start())
            # Whom: in the phrase's sentence, or the one before ("Our new ECT. As much use as a
            # chocolate teapot."); never someone in the writer's own family news.
            before_start = sentences_around(folded, match.start(), before=1, after=0)[0]
            clause_start = _clause_start(folded, sentence_start, match.start())
            by_name = bool(match.group("by_name"))
            if by_name and not _school_named_just_before(subject, text, match.start()):
                # ("the parking is a joke", "my commute's a joke": the school's name must be what is)
                continue
            # (sarcasm wears fond words: "Oh brilliant, another twilight from our wonderful leadership 🙃")
            if (in_family_news(folded, match.start())
                    or (not match.group("sarcasm") and _FOND.search(folded, sentence_start, sentence_end))
                    # (the school by its name is the target: "after today's meeting ... Larkfield is a joke")
                    or (not by_name and (_ELSEWHERE.search(folded, sentence_start, match.start())
                                         or _ELSEWHERE.search(folded, match.end(), sentence_end)
                                         or _A_THING.search(folded, clause_start, match.start())))):
                continue
            if not by_name and _THE_WRITER.search(folded, clause_start, match.start()) and not _whom(
                    folded, clause_start, match.start()):
                continue  # the writer's own failing, told of themself
            # (whom outside the phrase: "going downhill" names no one; "worst head" does)
            if "downhill" in match.group(0) and not (
                    _DOWNHILL_OF.search(folded, clause_start, match.start())
                    or _school_named(subject, text, clause_start, match.start())):
                continue  # ("behaviour in my Year 8 class has gone downhill since the clocks changed")
            whom = (_whom(folded, match.start(), match.end()) if _NAMES_ITS_TARGET.match(match.group(0))
                    else None) or _whom(folded, before_start, match.start()) or _whom(
                folded, match.end(), sentence_end)
            if whom is None and not (_someone_at_school(subject, before_start, sentence_end)
                                     or _school_named(subject, text, before_start, sentence_end)):
                continue
            yield Evidence(self.name, "school_contempt", text[match.start():match.end()], match.start(),
                           match.end(), attrs={"whom": _as_written_mid_sentence(text[whom.start():whom.end()])
                                               if whom else ""})
            return


def _as_written_mid_sentence(words: str) -> str:
    """"Our new deputy" as it reads mid-sentence ("Writes off our new deputy as ...")."""
    first, _, rest = words.partition(" ")
    if rest and first in ("Our", "The", "My", "This", "That", "Some", "Certain"):
        return first.lower() + " " + rest
    return words


def _clause_start(folded: str, sentence_start: int, position: int) -> int:
    """Where the clause holding `position` begins: after the last comma, dash or "and"/"but"."""
    stop = max((found.end() for found in re.finditer(r"[,;:\u2013\u2014-]|\b(?:and|but|so)\b",
                                                      folded[sentence_start:position])), default=0)
    return sentence_start + stop

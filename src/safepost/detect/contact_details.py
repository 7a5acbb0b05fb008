"""Contact details in text: phone numbers, emails, postcodes, street addresses, dates of
birth, social handles and 'add me on ...' offers, each labelled with whose it looks to be.

Ownership matters: the school's own published number on an official post is fine, a
teacher's mobile in a message to a pupil is a safeguarding matter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat

from safepost.contract import CheckRequest, others_words
from safepost.detect.base import Evidence, Subject
from safepost.detect.pupil_names import pupils_named
from safepost.detect.text import alnum_key, common_words
from safepost.school import School

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}\b")
# An address written to dodge scrapers, which anyone can still type in: "name [at] gmail [dot]
# com", "r.mehta (at) school (dot) org (dot) uk", "name at gmail dot com". With "at" in brackets
# the rest may use dots or spelled dots; with a plain "at" the dots must be spelled and the
# address end in a common ending, so "meet at the gate dot five" is no address.
_SPELLED_AT = r"\s*(?P<at>[\[({<]\s*at\s*[\])}>]|\sat\s)\s*"
_SPELLED_DOT = r"\s*(?:[\[({<]\s*dot\s*[\])}>]|\sdot\s|\.)\s*"
_OBFUSCATED_EMAIL = re.compile(
    r"(?<![\w.%+\-])(?P<local>[A-Za-z0-9][\w.%+\-]{0,63})" + _SPELLED_AT
    + r"(?P<domain>[A-Za-z0-9][\w\-]{0,62}(?:" + _SPELLED_DOT + r"[A-Za-z0-9][\w\-]{0,62}){1,8})\b",
    re.IGNORECASE,
)
_COMMON_ENDINGS = frozenset({"com", "uk", "org", "net", "ie", "io", "me", "edu", "gov", "info", "co"})
# UK postcodes in their full form (area, district, space optional, sector, unit), in capitals
# as printed; in lower case ("ls29 7hd") only with the space, as people type them.
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|(?P<area>[A-PR-UWYZ][A-HK-Y]?)\d[A-Z\d]? ?(?P<inward>\d[ABD-HJLNP-UW-Z]{2}))\b"
    r"|\b(?:gir 0aa|(?P<low_area>[a-pr-uwyz][a-hk-y]?)\d[a-z\d]? (?P<low_inward>\d[abd-hjlnp-uw-z]{2}))\b"
)
# The only one-letter postcode areas (Birmingham, London E, Glasgow, Liverpool, Manchester,
# London N, Sheffield, London W): "Y7 1ST" is a year group and a place, not a postcode.
_ONE_LETTER_AREAS = frozenset("BEGLMNSW")
# Every UK postcode area. A postcode in capitals may use another (invented addresses in
# examples and tests do); one typed in lower case, or ending in an ordinal ("YR7 2ND"), must
# use a real one: "ps4 1tb" and "mp3 2gb" are products, not places.
_POSTCODE_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E "
    "EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL "
    "LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM "
    "SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
)
_REAL_AREAS = frozenset(_POSTCODE_AREAS.split(" "))
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)
_STREET_TYPES = (
    "Road|Rd|Street|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Cres|Grove|Gardens|Place|"
    "Terrace|Court|Park|Rise|View|Walk|Mews|Row|Square|Hill|Green|Vale|Meadows?|Fields?|Croft"
)
_STREET = re.compile(
    r"(?<!\w)(?<!Year )(?<!Yr )(?<!Class )(?<!Room )(?<!Group )(?<!Set )(?<!Team )(?<!Under )"
    r"(?<![\d:.])"  # not inside a time or a number
    # a house number, or a range of them ("12-14 High Street"; a score "3-1" is told apart below)
    r"(?P<number>\d{1,4})(?:[-–](?P<to>\d{1,4}))?[A-Za-z]?,?\s+"
    r"(?P<name>(?:[A-Z][a-z'’]+\s+){1,3})(?P<type>" + _STREET_TYPES + r")\b"
)
# Street types that are also ordinary words in names of places, teams and schools ("14
# Kingsmere Park runners", "our 3 Beacon Hill walkers"): with a lower-case word straight
# after, they are read as an address only after "at", "from", "to" or "on".
_PLAIN_WORD_TYPES = frozenset({
    "Way", "Grove", "Gardens", "Place", "Court", "Park", "Rise", "View", "Walk", "Row", "Square",
    "Hill", "Green", "Vale", "Meadow", "Meadows", "Field", "Fields", "Croft",
})
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_ADDRESS_CUE_BEFORE = re.compile(r"\b(?:at|from|to|on|into|address|is|number|no\.?)\s*[:\-]?\s*$",
                                 re.IGNORECASE)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTHS + r")\s+\d{4})"
)
_DOB = re.compile(
    r"\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date\s+of\s+birth|birthday\s+is|bday\s+is)(?:\s+(?:is|was))?\s*[:\-]?\s*\(?\s*"
    r"(?:the\s+)?(?P<date>" + _DATE + r")",
    re.IGNORECASE,
)
# A date that is some pupil's date of birth counts as theirs only where the post is about a
# birthday or names them: with a roster of 2,000, most dates in the last fifteen years are
# somebody's ("Our library opened on 12/12/2013").
_BIRTHDAY_WORDS = re.compile(
    r"\b(?:born|birthdays?|bday|b'day|birth|d\.?o\.?b)\b|🎂"
    r"|\bturn(?:s|ed|ing)?\s+\d|\baged?\s+\d|\d\s*(?:years?|yrs?)[\s-]*old\b|\d\s*yo\b",
    re.IGNORECASE,
)
_ANY_DATE = re.compile(_DATE, re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_PLATFORMS = (
    r"snap(?:chat)?|insta(?:gram)?|ig|whats\s?app|wa|tiktok|tik\s?tok|facebook|fb|messenger|"
    r"twitter|x|discord|telegram|signal|kik|roblox|xbox|psn|fortnite|bereal"
)
# "hit me up" is an offer; "hit me" alone is what a child says of someone hurting them.
_OFFER = re.compile(
    r"\b(?P<verb>add|follow|message|msg|dm|pm|inbox|text|txt|ring|call|phone|snap|whatsapp|find|"
    r"friend|hit(?=\s+me\s+up\b))\s+me\b(?P<where>\s+(?:up\s+)?(?:on|at|via|up)\s+(?:" + _PLATFORMS + r")\b)?"
    r"|\bmy\s+(?:" + _PLATFORMS + r"|number|mobile|phone|personal\s+email|email|addy)"
    r"(?:\s+(?:is|'s|name\s+is|username\s+is|its|it's))\b",
    re.IGNORECASE,
)
# "snap: tbennett_88", "my insta is amy.r_23": a username given after a platform's name.
_PLATFORM_USERNAME = re.compile(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|discord|kik|xbox|psn)\b"
    r"(?:\s+(?:is|its|it's|name|username|handle|id))*\s*[:\-]?\s*"
    r"(?P<name>@?(?=[\w.]*[\d_])[A-Za-z][\w.]{2,29})",
    re.IGNORECASE,
)
_GENERIC_MAILBOXES = frozenset({
    "office", "admin", "enquiries", "enquiry", "info", "head", "headteacher", "reception",
    "admissions", "finance", "hr", "sendco", "senco", "dsl", "safeguarding", "clerk",
    "governors", "contact", "hello", "attendance", "bursar", "communications", "comms",
})


# Without a platform named, "find me" is a place ("come and find me at break, I'll be in the
# library"), and "message me" in a message on the school's own platform means there ("you can
# always message me here about drama club"): neither moves contact anywhere. Under a post on
# the school's public page it means a private message; "text me", "ring me", "add me", "snap
# me" reach for a phone or another account wherever they are written.
_HERE_VERBS = frozenset({"message", "msg", "dm", "pm", "inbox"})


# The school's own channels an offer may name ("message me on Teams", "email me on the school
# address"): where staff should be reached, on any account (session 31).
_SCHOOL_CHANNEL_AFTER = re.compile(
    r"\s*(?:up\s+)?(?:on|at|via|through|in)\s+(?:the\s+|my\s+|our\s+)?(?:school|work|teams|microsoft teams|"
    r"google classroom|classroom|satchel|show my homework|seesaw|class ?dojo|dojo|arbor|edmodo|canvas|"
    r"moodle|firefly|the vle|vle|learning platform|itslearning|sparx|parentmail|school email|"
    r"school address)\b",
    re.IGNORECASE)


def _offer_elsewhere(match: re.Match[str], request: CheckRequest, text: str) -> bool:
    """Whether an "... me" phrase in `text` offers contact somewhere other than where it is written,
    and other than the school's own channels."""
    verb = (match.group("verb") or "").lower()
    if not verb or match.group("where"):
        return True  # "my snap is ...", or a platform named
    if verb == "find" or _SCHOOL_CHANNEL_AFTER.match(text, match.end()):
        return False
    return not (verb in _HERE_VERBS and request.channel == "official" and request.kind == "message")


# The writer's own pupils called on in a post ("Any of my Y11s stuck on revision over Easter, just
# text me on ...", "Year 13s, message me on WhatsApp if you need anything"): not a parent's "any of
# my kids" (a parent has no "Y11s" or "tutor group"), nor a class mentioned in passing ("my class
# were brilliant today"). Whether details beside them are given to them is `evaluate`'s.
_OWN_PUPILS = (r"(?:(?:y|yr|year) ?\d{1,2}s|(?:y|yr|year) ?\d{1,2} (?:students|pupils|class|group)|"
               r"students|pupils|"
               r"tutees|tutor group|form group|sixth formers|gcse (?:\w+ )?(?:students|group|class)|"
               r"a[- ]?level (?:\w+ )?(?:students|group|class)|revision group|exam classes)")
_OWN_PUPILS_CALLED = re.compile(
    r"\b(?:any|all|calling all|to all|hey|hi|dear|attention)(?: of)? (?:my|our) " + _OWN_PUPILS + r"\b"
    r"|^\W*(?:to )?(?:my|our) " + _OWN_PUPILS + r"\s*[,!:\-\u2013]"
    # a year group called on at the start: "Y13 historians – panicking about tomorrow's paper?"
    r"|^\W*(?:y|yr|year) ?\d{1,2}"
    r"(?:s|(?! (?:parents|mums|dads|families|carers)\b) [a-z]+(?:ians|ists|ers|ents|s))"
    r"\s*[,!:\-\u2013]",
    re.IGNORECASE)


def _phone_key(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _school_phone_keys(school: School) -> frozenset[str]:
    def build() -> frozenset[str]:
        keys = set()
        for raw in school.public_phones:
            try:
                keys.add(_phone_key(phonenumbers.parse(raw, "GB")))
            except phonenumbers.NumberParseException:
                continue
        return frozenset(keys)

    keys: frozenset[str] = school.cached("public_phone_keys", build)
    return keys


def is_school_phone(raw: str, school: School) -> bool:
    """A school's published number (public_contacts.phones)."""
    try:
        return _phone_key(phonenumbers.parse(raw, "GB")) in _school_phone_keys(school)
    except phonenumbers.NumberParseException:
        return False


_DOTTED_PHONE = re.compile(r"\s*0\d{3,4}\.\d{3}\.?\d{3,4}\s*")
_EXTENSION = re.compile(r"(?:ext\.?|extn\.?|extension|x)\s*\d{1,5}$", re.IGNORECASE)


def _uk_shaped(raw: str) -> bool:
    """Numbers phonenumbers doubts (e.g. Ofcom's drama ranges) that are written like UK ones:
    07700 900123, +44 7700 900123, 0044 7700 900123, +44 (0)7700 900123, 07700.900.123."""
    raw = raw.rstrip()
    extension = _EXTENSION.search(raw)  # ("01632 960418 ext 22": the extension is the switchboard's)
    if extension is not None:
        raw = raw[:extension.start()]
    if re.search(r"\d[/.]\d", raw) and not _DOTTED_PHONE.fullmatch(raw):
        return False  # a date, a price or a version number
    written = raw.strip().replace("(0)", "")
    if written.startswith("0044"):
        written = "+44" + written[4:]
    digits = re.sub(r"\D", "", written)
    if written.startswith("+44"):
        return 11 <= len(digits) <= 12
    return bool(re.fullmatch(r"0[1-37-9]\d{8,9}", digits))


def find_phones(text: str) -> Iterator[tuple[int, int, str, phonenumbers.PhoneNumber]]:
    if sum(ch.isdigit() for ch in text) < 7:
        return
    for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=Leniency.POSSIBLE):
        # A number people write to be called starts with 0 (UK) or + (international):
        # "Order ref 1234567890" parses as a Bedford number but is not one.
        if match.raw_string.lstrip("( ")[:1] not in ("0", "+"):
            continue
        if phonenumbers.is_valid_number(match.number) or _uk_shaped(match.raw_string):
            yield match.start, match.end, match.raw_string, match.number


_DIGIT_WORDS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_REPEAT_WORDS = {"double": 2, "treble": 3, "triple": 3}
_SPELLED_NUMBER = re.compile(
    r"\b(?:(?:" + "|".join([*_DIGIT_WORDS, *_REPEAT_WORDS]) + r")\b[\s,\-]*){10,}", re.IGNORECASE)


def find_spelled_phones(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, as written, the digits) for a UK number spelled out in words, as people
    write one to be read out or to dodge a filter: "oh seven seven oh oh, nine oh oh, five five
    one", "zero seven double seven..."."""
    for match in _SPELLED_NUMBER.finditer(text):
        words = [(word.group(0).lower(), match.start() + word.start(), match.start() + word.end())
                 for word in re.finditer(r"[A-Za-z]+", match.group(0))]
        # A number starts with a zero word; a word before it ("in year six oh seven...") is not
        # part of it, so each zero word is tried as a start.
        for first, (word, start, _) in enumerate(words):
            if _DIGIT_WORDS.get(word) != "0":
                continue
            digits, repeat, end = "", 1, start
            for later, _begin, finish in words[first:]:
                if later in _REPEAT_WORDS:
                    repeat = _REPEAT_WORDS[later]
                    continue
                digits += _DIGIT_WORDS[later] * repeat
                repeat, end = 1, finish
                if len(digits) >= 11:
                    break
            if _uk_shaped(digits):
                yield start, end, text[start:end], digits
                break


def find_spelled_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the address as it is typed in) for each address written with [at] or "at"
    and [dot] or "dot" instead of @ and the dots."""
    for match in _OBFUSCATED_EMAIL.finditer(text):
        parts = [part for part in re.split(_SPELLED_DOT, match.group("domain"), flags=re.IGNORECASE) if part]
        bracketed = match.group("at").strip()[:1] in "[({<"
        # With a plain "at", the dots must be spelled too ("tickets at eventbrite.co.uk" is a
        # web address after a word), and what comes before "at" must not be an ordinary word:
        # "homework is at bbc dot co dot uk" and "resources at seneca dot com" name no mailbox.
        spelled = re.search(r"\bdot\b", match.group("domain"), re.IGNORECASE) is not None
        local = match.group("local")
        plain_ok = (spelled and parts[-1].lower() in _COMMON_ENDINGS and len(local) >= 2
                    and local.lower() not in common_words())
        # An address ends in letters: "meet [at] 10.30" is a time.
        if len(parts) < 2 or not parts[-1].isalpha() or not (bracketed or plain_ok):
            continue
        yield match.start(), match.end(), f"{match.group('local')}@{'.'.join(parts)}".lower()


def email_owner(email: str, school: School) -> str:
    """school_public, work (a staff mailbox at the school's domain) or personal."""
    lowered = email.lower()
    local, _, domain = lowered.partition("@")
    if lowered in school.public_emails:
        return "school_public"
    if domain in school.email_domains or any(domain.endswith("." + d) for d in school.email_domains):
        return "school_public" if local in _GENERIC_MAILBOXES else "work"
    return "personal"


# A landline the words before it give as the school's own ("ring the office on", "call us on",
# "our temporary number", "Reception:"): most schools' directories list no public_contacts, and
# the school's switchboard on its own post is no one's personal number. Landlines only (01, 02,
# 03, 08): "ring me on 07700..." and a trip mobile stay unknown.
_SCHOOL_PHONE_CUE = re.compile(
    r"\b(?:the|our)\s+(?:main\s+|school\s+|academy\s+)?(?:office|reception|switchboard|absence|attendance)"
    r"(?:\s+team)?(?:\s+(?:number|no\.?|line|phone(?:\s+number)?)(?:\s+is)?)?"
    r"(?:\s+a\s+(?:ring|call|bell))?(?:\s+(?:on|at))?\s*[:\-]?\s*$"
    r"|\bthe\s+school(?:\s+office)?(?:\s+a\s+(?:ring|call|bell))?(?:\s+(?:on|at))?\s*[:\-]?\s*$"
    # a label: "School office: 01632 960418"
    r"|\bschool\s+(?:office|reception|switchboard)\s*[:\-]\s*$",
    re.IGNORECASE,
)
# On the school's own account "us" and "our number" are the school, and so are a bare "Tel:",
# "Office:" or "Reception:" label and a phone emoji (not "her home phone:", "mobile:").
_OFFICIAL_PHONE_CUE = re.compile(
    r"(?:\b(?:call|ring|phone|contact|telephone|reach) us(?: (?:on|at))?"
    r"|\bgive us a (?:ring|call|bell)(?: (?:on|at))?"
    r"|\b(?:need|want) us,?\s+(?:call|ring|phone)(?: (?:on|at))?"
    r"|\bour (?:new |main |temporary |usual |direct )?(?:phone )?(?:number|line)(?: is)?(?: (?:on|at))?"
    r"|\b(?:the )?school(?:'s)? (?:phone )?(?:number|line)(?: is)?"
    r"|\b(?:tel|telephone)\.?|\bphone\s*:"
    r"|\b(?:school |main )?(?:office|reception|admissions|attendance|absence|enquiries|admissions enquiries|"
    r"(?:urgent )?queries)(?: line| number)?\s*:"
    # (session 31) "please ring reception on", "call the office on" (the school's own account)
    r"|\b(?:ring|call|phone|contact)\s+(?:reception|the office|the school office|the front office)"
    r"(?:\s+(?:on|at))?"
    r"|\b(?:call|ring|phone|contact)(?:\s+(?:on|at))?"  # straight before the number: no one named
    r"|[\u260e\U0001f4de])\s*[:\-]?\s*$",
    re.IGNORECASE,
)
# ... not where the words after it give it to a person: "(Mrs Green, evenings only)", "that's Mr
# Hussain's home number" (a sign-off after the sentence, "... on 01632 960418. – Mrs Whitlock,
# Headteacher", names who wrote it, not whose number it is).
_A_PERSONS_AFTER = re.compile(
    r"^\s{0,2}(?:\(\s*(?:mr|mrs|miss|ms|dr|sir)\b|,\s*(?:mr|mrs|miss|ms|dr|sir)\s+\w+(?:'s)?\s*(?:\)|$|,|\s+(?:only|evenings|after|direct))"
    r"|[^.\n]{0,30}\b(?:home|mobile|personal)\s+(?:number|phone))",
    re.IGNORECASE)


# (Never a number given as someone's own: "her home phone:", "mobile:", "my personal number".)
_SOMEONES_OWN = re.compile(
    r"\b(?:home|mobile|personal)(?:\s+(?:phone|number|line))?\s*(?:on|is)?\s*[:\-]?\s*$", re.IGNORECASE)
# ... or a switchboard's menu or extension after it: "01632 960100 (option 1)", "ext. 204".
_SWITCHBOARD_AFTER = re.compile(r"^\s*[(\[,]?\s*(?:option|opt\.?|press|ext\.?|extension)\s*\d", re.IGNORECASE)


# A public service's number given as theirs: "call Bolton Children's Social Care on 01632 960777 (out
# of hours 01632 960778)", "the county children's services front door on ...", "Childline 0800 1111"
# (session 31: three outside readers' safeguarding notices on the school's account, all clean).
_PUBLIC_SERVICE_BEFORE = re.compile(
    r"\b(?:social care|social services|children'?s services|front door|mash|early help|nspcc|childline|"
    r"samaritans|police|helpline|hotline|out of hours|lado|safeguarding (?:team|hub|board|partnership)|"
    r"emergency duty team|duty team|crisis (?:team|line)|nhs|young minds|kooth|text shout)\b"
    r"(?P<between>[^.!?\n]{0,30}?)(?:\s(?:on|at)|:|\()?\s*$", re.IGNORECASE)
# ... not a person's number given after the service is named ("for anything out of hours ring Mr
# Green on ...", "the police visit? ring me on ...").
_A_PERSON_NAMED = re.compile(r"\b(?:mr|mrs|miss|ms|dr|sir|me|him|her|my|his)\b", re.IGNORECASE)


def a_public_service_number(text: str, start: int, number: phonenumbers.PhoneNumber) -> bool:
    """Whether the words before a landline or freephone number give it as a public service's."""
    national = str(number.national_number)
    if not national or national[0] not in "1238":
        return False
    before = text[max(0, start - 80):start]
    service = _PUBLIC_SERVICE_BEFORE.search(before)
    return (service is not None and not _A_PERSON_NAMED.search(service.group("between"))
            and not _SOMEONES_OWN.search(before))


def stated_as_the_schools(text: str, start: int, end: int, number: phonenumbers.PhoneNumber,
                          official: bool = False) -> bool:
    """Whether the words round a landline give it as the school's own number (`official`: on
    the school's own account, where "call us" is the school)."""
    national = str(number.national_number)
    if not national or national[0] not in "1238":
        return False
    before = text[max(0, start - 40):start]
    if _SOMEONES_OWN.search(before) or _A_PERSONS_AFTER.match(text[end:end + 50]):
        return False
    on_the_schools_account = official and bool(
        _OFFICIAL_PHONE_CUE.search(before) or _SWITCHBOARD_AFTER.match(text[end:end + 20]))
    return bool(_SCHOOL_PHONE_CUE.search(before)) or on_the_schools_account


class ContactDetailsDetector:
    name = "contact_details"
    reads_text = True  # also run over words found in pictures

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        text, school = subject.text, subject.school
        request = subject.request
        on_official_account = request.channel == "official"
        public_phones = _school_phone_keys(school)

        def phone_owner(words: str, start: int, end: int, number: phonenumbers.PhoneNumber) -> str:
            # A school that lists its numbers has said which are its own; one that lists none
            # may still give one as such in its words.
            stated = not public_phones and stated_as_the_schools(words, start, end, number,
                                                                 on_official_account)
            if _phone_key(number) in public_phones or stated:
                return "school_public"
            return "public_service" if a_public_service_number(words, start, number) else "unknown"

        if request.profile is not None and request.profile.bio:
            # A profile publishes its bio as a post does its words: a member of staff's own mobile
            # on the school's profile ("Out of hours? Text Mrs P on 07700 ...") is personal data;
            # on their own, their number, date of birth or home address is theirs, shared with
            # everyone who reads it. (A work email or the school's number there is the identity
            # detector's: work contact details on a profile.)
            bio = request.profile.bio
            for start, end, raw, number in find_phones(bio):
                # (on one's own profile a mobile is one's own; a landline beside "work
                # enquiries" or a work email is as likely the school's switchboard)
                mobile = str(number.national_number).startswith("7")
                if on_official_account or (mobile and not is_school_phone(raw, school)):
                    yield Evidence(self.name, "phone", raw, source="profile.bio",
                                   attrs={"owner": phone_owner(bio, start, end, number)})
            if not on_official_account:
                yield from self._bio_details(bio, school)
        if not text:
            return
        for start, end, raw, number in find_phones(text):
            yield Evidence(self.name, "phone", raw, start, end,
                           attrs={"owner": phone_owner(text, start, end, number)})
        for start, end, raw, digits in find_spelled_phones(text):
            key = _phone_key(phonenumbers.parse(digits, "GB"))
            owner = "school_public" if key in public_phones else "unknown"
            yield Evidence(self.name, "phone", raw, start, end, attrs={"owner": owner, "digits": digits})
        email_spans = []
        if "@" in text:
            for match in _EMAIL.finditer(text):
                email_spans.append((match.start(), match.end()))
                yield Evidence(
                    self.name, "email", match.group(0), match.start(), match.end(),
                    attrs={"owner": email_owner(match.group(0), school)},
                )
        for start, end, address in find_spelled_emails(text):
            yield Evidence(self.name, "email", text[start:end], start, end,
                           attrs={"owner": email_owner(address, school), "address": address})
        for kind, match, owner in _addresses(text, school):
            yield Evidence(self.name, kind, match.group(0), match.start(), match.end(),
                           attrs={"owner": owner})
        yield from self._dates_of_birth(subject)
        official = {alnum_key(account.handle) for account in school.official_accounts}
        if "@" in text:
            for match in _HANDLE.finditer(text):
                if any(start <= match.start() < end for start, end in email_spans):
                    continue
                owner = "school_public" if alnum_key(match.group(0)) in official else "unknown"
                yield Evidence(self.name, "social_handle", match.group(0), match.start(),
                               match.end(), attrs={"owner": owner})
        for match in _PLATFORM_USERNAME.finditer(text):
            if match.group("name").startswith("@"):
                continue  # already found as an @handle
            yield Evidence(self.name, "social_handle", match.group("name"), match.start("name"),
                           match.end("name"), attrs={"owner": "unknown"})
        for match in _OFFER.finditer(text):
            if not _offer_elsewhere(match, subject.request, text):
                continue
            yield Evidence(self.name, "contact_offer", match.group(0).strip(), match.start(),
                           match.start() + len(match.group(0).rstrip()), attrs={"owner": "unknown"})
        called = (_OWN_PUPILS_CALLED.search(text)
                  if request.kind in (None, "post") and others_words(request) is None else None)
        if called is not None:
            yield Evidence(self.name, "own_pupils_called", called.group(0), called.start(), called.end())

    def _bio_details(self, bio: str, school: School) -> Iterator[Evidence]:
        """A personal profile's own email, date of birth, postcode or street address."""
        for match in _EMAIL.finditer(bio) if "@" in bio else ():
            if email_owner(match.group(0), school) == "personal":
                yield Evidence(self.name, "email", match.group(0), source="profile.bio",
                               attrs={"owner": "personal"})
        for match in _DOB.finditer(bio):
            yield Evidence(self.name, "date_of_birth", match.group(0), source="profile.bio",
                           attrs={"owner": "unknown", "pupil_id": None})
        for kind, match, owner in _addresses(bio, school):
            yield Evidence(self.name, kind, match.group(0), source="profile.bio", attrs={"owner": owner})

    def _dates_of_birth(self, subject: Subject) -> Iterator[Evidence]:
        text = subject.text
        if not any(ch.isdigit() for ch in text):
            return
        seen: set[int] = set()
        for match in _DOB.finditer(text):
            seen.add(match.start("date"))
            yield Evidence(self.name, "date_of_birth", match.group(0), match.start(), match.end(),
                           attrs={"owner": "unknown", "pupil_id": None})
        birthdays = subject.school.cached("birthdays", lambda: _birthdays(subject.school))
        if not birthdays:
            return
        named: set[str] | None = None
        for match in _ANY_DATE.finditer(text):
            if match.start() in seen:
                continue
            day = _parse_date(match.group(0))
            if day is None or day not in birthdays:
                continue
            if named is None:
                # "We will never forget" names no Will, nor does "Summer term" a Summer.
                named = {str(mention.person_id) for mention, _support in pupils_named(subject)}
            theirs = [pupil_id for pupil_id in birthdays[day] if pupil_id in named]
            if theirs or _BIRTHDAY_WORDS.search(text):
                yield Evidence(self.name, "date_of_birth", match.group(0), match.start(),
                               match.end(), attrs={"owner": "pupil",
                                                   "pupil_id": (theirs or birthdays[day])[0]})


def _addresses(words: str, school: School) -> Iterator[tuple[str, re.Match[str], str]]:
    """Postcodes and street addresses in `words`: (kind, match, owner), the owner "school_public"
    where it is the school's own published address."""
    public_address = school.public_address.upper()
    for match in _POSTCODE.finditer(words):
        if _postcode_shaped(match):
            compact = match.group(0).replace(" ", "").upper()
            yield "postcode", match, ("school_public" if compact in public_address.replace(" ", "")
                                      else "unknown")
    for match in _STREET.finditer(words):
        if _street_address(match, words, school):
            is_school = alnum_key(match.group(0)) in alnum_key(school.public_address)
            yield "street_address", match, "school_public" if is_school else "unknown"


def _birthdays(school: School) -> dict[dt.date, list[str]]:
    """Each date of birth on the roster and whose it is (two pupils can share one)."""
    found: dict[dt.date, list[str]] = {}
    for pupil in school.pupils:
        if pupil.date_of_birth:
            found.setdefault(pupil.date_of_birth, []).append(pupil.pupil_id)
    return found


def _postcode_shaped(match: re.Match[str]) -> bool:
    """A postcode, not a year group and a place: "Y7 1ST", "yr7 2nd"."""
    area = match.group("area") or match.group("low_area")
    inward = match.group("inward") or match.group("low_inward")
    if area is None or inward is None:
        return True  # GIR 0AA
    if len(area) == 1 and area.upper() not in _ONE_LETTER_AREAS:
        return False
    if match.group("low_area") is not None or _ORDINAL.fullmatch(inward):
        return area.upper() in _REAL_AREAS
    return True


def _street_address(match: re.Match[str], text: str, school: School) -> bool:
    """A house number and a street, not a score, a count of a team or the school's own name."""
    street = alnum_key(match.group("name") + match.group("type"))
    if any(street == alnum_key(identity) for identity in school.identity_names()):
        return False  # "our 14 Kingsmere Park runners": the school, not a street
    cued = bool(_ADDRESS_CUE_BEFORE.search(text[max(0, match.start() - 12):match.start()]))
    if match.group("to") is not None and not cued and (
        int(match.group("to")) <= int(match.group("number"))
        or match.group("type") in _PLAIN_WORD_TYPES
    ):
        return False  # "3-1 Oakwood Park", "2-4 Villa Park": a score; "12-14 High Street" stays
    if match.group("type") in _PLAIN_WORD_TYPES and _LOWER_WORD_AFTER.match(text, match.end()):
        return cued
    return True


def _parse_date(raw: str) -> dt.date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", raw.strip(), flags=re.IGNORECASE)
    cleaned = re.sub(r"\s+of\s+", " ", cleaned, flags=re.IGNORECASE)
    formats = ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y",
               "%d/%m/%y", "%d.%m.%y")
    for fmt in formats:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None

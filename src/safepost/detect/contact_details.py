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

from safepost.detect.base import Evidence, Subject
from safepost.detect.text import alnum_key
from safepost.school import School

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}\b")
# UK postcodes in their full form (area, district, space optional, sector, unit).
_POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b")
_STREET_TYPES = (
    "Road|Rd|Street|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Cres|Grove|Gardens|Place|"
    "Terrace|Court|Park|Rise|View|Walk|Mews|Row|Square|Hill|Green|Vale|Meadows?|Fields?|Croft"
)
_STREET = re.compile(
    r"(?<!\w)(?<!Year )(?<!Yr )(?<!Class )(?<!Room )(?<!Group )(?<!Set )(?<!Team )(?<!Under )"
    r"\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){1,3}(?:" + _STREET_TYPES + r")\b"
)
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
    r"(?P<date>" + _DATE + r")",
    re.IGNORECASE,
)
_ANY_DATE = re.compile(_DATE, re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_PLATFORMS = (
    r"snap(?:chat)?|insta(?:gram)?|ig|whats\s?app|wa|tiktok|tik\s?tok|facebook|fb|messenger|"
    r"twitter|x|discord|telegram|signal|kik|roblox|xbox|psn|fortnite|bereal"
)
_OFFER = re.compile(
    r"\b(?:add|follow|message|msg|dm|pm|inbox|text|txt|ring|call|phone|snap|whatsapp|find|"
    r"friend|hit)\s+me\b(?:\s+(?:up\s+)?(?:on|at|via|up)\s+(?:" + _PLATFORMS + r"))?"
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


def _uk_shaped(raw: str) -> bool:
    """Numbers phonenumbers doubts (e.g. Ofcom's drama ranges) that are written like UK ones."""
    if re.search(r"\d[/.]\d", raw):
        return False
    digits = re.sub(r"\D", "", raw)
    if raw.lstrip().startswith("+44"):
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


def email_owner(email: str, school: School) -> str:
    """school_public, work (a staff mailbox at the school's domain) or personal."""
    lowered = email.lower()
    local, _, domain = lowered.partition("@")
    if lowered in school.public_emails:
        return "school_public"
    if domain in school.email_domains or any(domain.endswith("." + d) for d in school.email_domains):
        return "school_public" if local in _GENERIC_MAILBOXES else "work"
    return "personal"


class ContactDetailsDetector:
    name = "contact_details"
    reads_text = True  # also run over words found in pictures

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        text, school = subject.text, subject.school
        if not text:
            return
        public_phones = _school_phone_keys(school)
        for start, end, raw, number in find_phones(text):
            owner = "school_public" if _phone_key(number) in public_phones else "unknown"
            yield Evidence(self.name, "phone", raw, start, end, attrs={"owner": owner})
        email_spans = []
        if "@" in text:
            for match in _EMAIL.finditer(text):
                email_spans.append((match.start(), match.end()))
                yield Evidence(
                    self.name, "email", match.group(0), match.start(), match.end(),
                    attrs={"owner": email_owner(match.group(0), school)},
                )
        public_address = school.public_address.upper()
        for match in _POSTCODE.finditer(text):
            compact = match.group(0).replace(" ", "")
            owner = "school_public" if compact in public_address.replace(" ", "") else "unknown"
            yield Evidence(self.name, "postcode", match.group(0), match.start(), match.end(),
                           attrs={"owner": owner})
        for match in _STREET.finditer(text):
            is_school = alnum_key(match.group(0)) in alnum_key(school.public_address)
            owner = "school_public" if is_school else "unknown"
            yield Evidence(self.name, "street_address", match.group(0), match.start(), match.end(),
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
            yield Evidence(self.name, "contact_offer", match.group(0).strip(), match.start(),
                           match.start() + len(match.group(0).rstrip()), attrs={"owner": "unknown"})

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
        for match in _ANY_DATE.finditer(text):
            if match.start() in seen:
                continue
            day = _parse_date(match.group(0))
            if day is not None and day in birthdays:
                yield Evidence(self.name, "date_of_birth", match.group(0), match.start(),
                               match.end(), attrs={"owner": "pupil", "pupil_id": birthdays[day]})


def _birthdays(school: School) -> dict[dt.date, str]:
    return {pupil.date_of_birth: pupil.pupil_id for pupil in school.pupils if pupil.date_of_birth}


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

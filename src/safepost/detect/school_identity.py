"""The school's identity where a personal account shows it: names, aliases and mail domains
in a profile's handle, display name, bio, email or website, and 'I teach at ...' in posts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from safepost.detect.base import Evidence, Subject
from safepost.detect.contact_details import email_owner, find_phones, is_school_phone
from safepost.detect.text import (
    alnum_key,
    common_words,
    fold,
    fold_keeping_length,
    next_sentence,
    opaque_spans,
    sentence_bounds,
    split_tag,
)
from safepost.school import School

SHORT_ALIAS = 4  # aliases this short ("KLT") must stand as a whole word, not inside one
_AFTER_ARTICLE = re.compile(r"(?:^|\W)(?:the|a|an)\s+$")
# ... and one that is an ordinary English word, in lower case, is the word unless the words say
# a place of work ("I teach at sandalwood", "from riverbank") or school follows it: "current fave
# scent: sandalwood + rose" is a candle.
_AT_A_PLACE_BEFORE = re.compile(r"(?:^|\W)(?:at|from|to|in|@|join|joined|joining|left|leaving)\s+$")
SCHOOL_WORD_AFTER = re.compile(
    r"(?:'s)?\s+(?:teachers?|staff|kids|children|pupils|students|family|families|team|school|"
    r"community|parents|governors?|head|office|ta|tas|classroom|class|trip|uniform)\b")
# The writer's own class, pupils or colleagues at the school just named, or the school as theirs.
_OWNED_BEFORE = re.compile(
    r"(?:\b(?:our|my)\s+(?:[\w'-]+\s+){0,3}?(?:class|classroom|year\s?\d{1,2}s?|yr\s?\d{1,2}s?|"
    r"y\d{1,2}s?|kids|pupils|children|students|team|staff|little ones|reception|nursery|tutor group|"
    r"form)(?:\s+[\w'-]+){0,3}?\s+(?:at|in|@)"
    r"|\b(?:we|us|all of us)\s+at"
    r"|\b(?:our|my))\s+(?:the\s+)?$")


# Someone else's teacher: "my daughter's teacher at Ashgrove", "Ruby's TA at Ashgrove".
_SOMEONE_ELSES_ROLE = re.compile(r"'s\s+(?:[\w-]+\s+)?(?:teacher|teaching\s+assistant|ta|hlta|lsa|senco|"
                                 r"head(?:teacher)?|form\s+tutor)\s+(?:at|in|for|@)\s+(?:the\s+)?$")


# The writer's own family: "my son in Year 6", "our kid's nativity", "Grandson's nativity" are a
# parent's or grandparent's news (read sentence by sentence).
_OWN_FAMILY = re.compile(
    r"\b(?:my|our)\s+(?:(?:little|eldest|youngest|oldest|middle)\s+)?(?:son|daughter|kids|children|child|"
    r"niece|nephew|grandson|granddaughter|grandchildren|grandkids|kid|little ones?|boy|girl|lad|twins)\b"
    r"|\b(?:the\s+)?(?:kids|children)'\s|\bchildren's\s+school\b"
    r"|\b(?:my|our)\s+(?:eldest|youngest|oldest|middle one|two|three|lot|boys|girls)\b"
    r"|\b(?:son|daughter|grandson|granddaughter|niece|nephew|kids|children|grandkids)'s\b")
# A school name inside another place's name: "Quarry Bank Mill", "Oakfield Park".
_ANOTHER_PLACE_AFTER = re.compile(
    r"\s+(?!(?:Primary|School|Academy|Trust|College|Infants?|Juniors?|Nursery|High|CE|RC|C of E|"
    r"Church|Catholic|Community|Federation|Sixth|Learning|Multi)\b)[A-Z][a-z]+")


def another_place_after(text: str, end: int) -> bool:
    """Whether the school's name just ended is part of another place's name ("Quarry Bank Mill")."""
    return bool(_ANOTHER_PLACE_AFTER.match(text, end))


# A number a profile's bio gives as the writer's work one ("School office: 01632 960418", "work:
# 01632 960418 ext 22"), whether or not the school lists it.
# (Not "Box office:", "Home office:", "Tutoring work:": a word before "work" or "office" makes it
# something else's.)
_WORK_NUMBER_LABEL = re.compile(
    r"(?:^|(?<![A-Za-z] ))(?:work|school|school office|reception|switchboard)"
    r"(?:\s+(?:no\.?|number|tel\.?|phone|line))?\s*[:\-]\s*$", re.IGNORECASE)


def in_family_news(folded: str, position: int) -> bool:
    """Whether the sentence holding `position` is about the writer's own family."""
    start, end = sentence_bounds(folded, position)
    return bool(_OWN_FAMILY.search(folded, start, end))


def _elsewhere_or_family(text: str, start: int, end: int) -> bool:
    """The school's name inside another place's ("our team at Ashgrove Rugby Club"), or in the
    writer's family news ("our kids at Ashgrove")."""
    return another_place_after(text, end) or in_family_news(fold_keeping_length(text), start)


EMPLOYMENT_CUE = re.compile(
    r"(?:\bi\s+(?:teach|work|volunteer|am\s+a\s+governor|'m\s+a\s+governor)"
    # First person only: "I teach Year 9 at", "proud to teach Year 3 at", "lucky to work at",
    # "I love teaching Year 3 at", "I've worked at", "I have taught at" (not "my son starts
    # teaching at", "trying to work out the traffic in", "happy to work with the team at")
    r"|\bi\s+teach(?:\s+[\w\-]+){1,3}?"
    r"|\b(?:proud|happy|lucky|privileged|honoured|blessed)\s+to\s+(?:teach(?:\s+[\w\-]+){0,3}?|work|volunteer)"
    r"|\bi\s+(?:love|enjoy|adore)\s+(?:teaching|working)(?:\s+[\w\-]+){0,3}?"
    r"|\bi(?:'ve|\s+have)\s+(?:been\s+)?(?:work(?:ed|ing)|taught|teaching|volunteered)"
    r"|\bi'?m\s+(?:a|an|the)\s+[\w\s\-]{0,30}?"
    r"|\bi\s+am\s+(?:a|an|the)\s+[\w\s\-]{0,30}?"
    r"|\b(?:teacher|teaching\s+assistant|ta|hlta|lsa|senco|head(?:teacher)?|deputy\s+head|"
    r"governor|dsl|caretaker|office\s+manager|nqt|ect|staff)"
    r"|\bworking|\bteaching|\bmy\s+(?:job|work|workplace|school|class|kids))"
    r"\s+(?:at|in|for|@)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# Speaking as the school on a personal account (catalogue: content.personal_views_as_institution,
# "we at <school>", "our school believes"): the words just before a school name, or just after
# it. Who speaks: "we at", "all of us at", "speaking for everyone at", "on behalf of the staff
# at"; after the name: "At Haverleigh, we ...", "Haverleigh's view is".
_VOICE_BEFORE = re.compile(
    r"(?:\b(?:we|all of us|every ?one of us|all the staff|the staff|the whole (?:staff|team)|"
    r"as (?:the )?(?:staff|teachers|a teacher|a member of staff|members of staff))\s+(?:here\s+)?(?:at|@|of)"
    r"|\b(?:speaking|speak|writing|posting)\s+(?:for|on behalf of)(?:\s+(?:all|every ?one|all of us|"
    r"all the staff|the staff|the whole (?:staff|team|school)|us all|us)(?:\s+of\s+us)?\s+(?:at|of|in))?"
    r"|\bon behalf of(?:\s+(?:all of us|every ?one|all the staff|the staff|the whole (?:staff|team|school))"
    r"\s+(?:at|of|in))?)\s+(?:the\s+)?$")
# ... and it opens what it says: "So proud of everyone at Haverleigh" is the school praised, not
# the school speaking (the start of the text or of a sentence, a colon or a dash before it, or
# "As a school, we at ..."). Searched over the whole text up to the voice (`pos`, `endpos`), so
# "^" is the text's own start, not wherever a window of it begins.
_OPENS = re.compile(
    r"(?:^|[.!?\n:;\u2013\u2014-]|\bas a school,?"
    # "Proud to say we at Marshcombe back the strike": a preface, then the school's voice
    r"|(?:^|[.!?\n]\W*)(?:so |really |very )?(?:proud|pleased|happy|glad|delighted) to "
    r"(?:say|announce|confirm)(?: that)?,?)\W*$")
# The school's name as the subject taking a side: "Marshcombe Primary Academy stands with...".
_NAME_TAKES_A_SIDE = re.compile(
    r"^\s+(?:stands?|is standing|are standing)\s+(?:firmly\s+|fully\s+)?"
    r"(?:with|against|behind|in solidarity with|shoulder to shoulder with)\b")
_VOICE_AFTER = re.compile(
    r"^(?:\s*[,:;\-\u2013\u2014]?\s*(?:we|all of us)\b"
    r"(?!\s+(?:had|have|went|were|saw|got|did|are\s+(?:so\s+)?(?:proud|delighted|pleased|excited|thrilled|sad|sorry)))"
    r"|'?s?\s+(?:official\s+)?(?:view|position|stance)\s+(?:is|on)\b)")
_AT_BEFORE = re.compile(r"\b(?:here\s+)?at\s+(?:the\s+)?$")
# What makes the words a view, where the model's political reading is not there to say so: a
# side taken in a dispute or an election ("we back the NEU strike", "stand with the junior
# doctors", "vote Labour"), not a school's values ("we say no to bullying", "condemn racism",
# "we vote for our school council").
_STANCE = re.compile(
    r"\b(?:back|backs|support|supports|backing|supporting)\s+(?:the\s+|this\s+|today'?s\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:strikes?|strike action|industrial action|walk ?outs?|picket lines?|ballot)\b"
    r"|\bstand(?:s|ing)?\s+(?:with|in solidarity with|shoulder to shoulder with)\s+(?:the\s+|our\s+)?"
    r"(?:strikers|junior doctors|nurses|doctors|unions?|neu|nasuwt|unison|teachers on strike|picket)"
    r"|\b(?:don'?t|do not) vote\b|\bvote (?:for|against)?\s*(?:labour|conservative|tory|tories|reform|"
    r"lib ?dems?|liberal democrats?|green|snp|plaid)\b|\bscrap the\b"
    # a campaign's call: "we urge every parent to sign the petition and vote accordingly"
    r"|\bvote accordingly\b"
    r"|\burge (?:every|all|our)?\s*(?:parents?|famil(?:y|ies)|you|everyone|voters?)\s+to\s+"
    r"(?:sign (?:the|our|this|a) (?:petition|open letter|letter)|vote|write to (?:your|their) mp|"
    r"contact (?:your|their) (?:mp|councillor)|lobby|"
    r"join (?:the|our) (?:protest|march|picket|campaign|strike))\b")


def speaking_for_school(text: str, school: School) -> Iterator[tuple[int, int, bool]]:
    """Places where a text speaks as the school or trust ("At Haverleigh we believe...",
    "Speaking for all of us at Brinkhollow: we back the strike"): start, end, and whether the
    sentence takes a side in a dispute or an election."""
    folded = fold_keeping_length(text)
    for _name, start, end in names_in(text, school):
        before = _VOICE_BEFORE.search(folded[max(0, start - 60):start])
        at = _AT_BEFORE.search(folded[max(0, start - 12):start])
        after = _VOICE_AFTER.match(folded[end:end + 40]) if (at or folded[end:end + 2] == "'s") else None
        if not before and not after and not at:
            after = _NAME_TAKES_A_SIDE.match(folded[end:end + 60])
        if not before and not after:
            continue
        voice_start = (max(0, start - 60) + before.start() if before
                       else max(0, start - 12) + at.start() if at else start)
        if not _OPENS.search(folded, max(0, voice_start - 40), voice_start):
            continue
        voice_end = end + after.end() if after else end
        # The side taken may follow in the next sentence: "Marshcombe stands with our fishing
        # families. ... we urge every parent to sign the petition".
        _sentence_start, sentence_end = sentence_bounds(folded, voice_end)
        following = next_sentence(folded, sentence_end)
        stance_end = max(following[1] if following else sentence_end, voice_end)
        yield voice_start, voice_end, bool(_STANCE.search(folded, voice_start, stance_end))
        return  # one voice is enough to say so


def voices_for_school(subject: Subject) -> list[tuple[int, int, bool]]:
    """`speaking_for_school` over the subject's words, read once for the detectors that ask."""
    voices: list[tuple[int, int, bool]] = subject.memo(
        "speaks_for_school", lambda: list(speaking_for_school(subject.text, subject.school)))
    return voices


def _identity_patterns(school: School) -> list[tuple[str, re.Pattern[str]]]:
    def build() -> list[tuple[str, re.Pattern[str]]]:
        patterns = []
        for name in sorted(set(school.identity_names()), key=len, reverse=True):
            words = [re.escape(part) for part in fold(name).split()]
            if words:
                patterns.append((name, re.compile(r"\b" + r"\s+".join(words) + r"\b")))
        return patterns

    patterns: list[tuple[str, re.Pattern[str]]] = school.cached("identity_patterns", build)
    return patterns


def opaque_free(value: str) -> str:
    """The text with email addresses blanked out (same length, so offsets still hold)."""
    for start, end in opaque_spans(value) if "@" in value else ():
        value = value[:start] + " " * (end - start) + value[end:]
    return value


# A one-word name that is also the town's: after a street in an address ("on Mill Lane,
# Hulmebrook"), or where someone comes from ("Hulmebrook born and bred").
_AFTER_STREET = re.compile(r"\b(?:lane|road|rd|street|st|avenue|ave|close|drive|way|crescent|grove|terrace|"
                           r"place|gardens|court|row|mews|walk),?\s+$")
_BORN_AND_BRED = re.compile(r"\s+born\s+(?:and|&|n)\s+(?:bred|raised)\b")


def names_in(value: str, school: School) -> Iterator[tuple[str, int, int]]:
    """School or trust names written in ordinary text (word boundaries, any case; a one-word
    name in lower case after "the", "a" or "an", or one that is an ordinary word anywhere but
    after "at", "from", "joined"..., only with its capital)."""
    folded = fold_keeping_length(value)
    taken: list[tuple[int, int]] = []
    for name, pattern in _identity_patterns(school):
        # A one-word name in lower case after an article is the thing it names, not the
        # school: "otters on the riverbank", "a beacon of hope"; but not an acronym ("the
        # lvlt family"), nor before a word about school ("a riverbank teacher", "the
        # riverbank kids"). Without the article it is the school ("I teach at riverbank")
        # unless it is also an ordinary English word said of no place of work ("current fave
        # scent: sandalwood + rose").
        could_be_a_word = " " not in name.strip() and not name.isupper() and len(name.strip()) > SHORT_ALIAS
        an_english_word = could_be_a_word and fold(name.strip()) in common_words()
        for match in pattern.finditer(folded):
            if any(start <= match.start() < end for start, end in taken):
                continue
            if (could_be_a_word and not value[match.start()].isupper()
                    and not SCHOOL_WORD_AFTER.match(folded, match.end())
                    and (_AFTER_ARTICLE.search(folded, 0, match.start())
                         or (an_english_word and not _AT_A_PLACE_BEFORE.search(folded, 0, match.start())))):
                continue
            if " " not in name.strip() and (_AFTER_STREET.search(folded, 0, match.start())
                                            or _BORN_AND_BRED.match(folded, match.end())):
                continue  # the town the school is named after: "Mill Lane, Hulmebrook"
            taken.append((match.start(), match.end()))
            yield name, match.start(), match.end()


def name_in_handle(handle: str, school: School) -> str | None:
    """The school or trust name inside a handle or display name: '@MrBennettOakfield'."""
    key = alnum_key(handle)
    parts = set(split_tag(handle.lstrip("@#"))) | {fold(word) for word in re.split(r"[\W_]+", handle)}
    for name in sorted(set(school.identity_names()), key=len, reverse=True):
        name_key = alnum_key(name)
        if not name_key:
            continue
        if len(name_key) <= SHORT_ALIAS:
            if name_key in parts:
                return name
        elif name_key in key:
            return name
    return None


class SchoolIdentityDetector:
    name = "school_identity"
    reads_text = True  # also run over words found in pictures

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        school, request = subject.school, subject.request
        profile = request.profile
        if profile is not None:
            for field_name in ("handle", "display_name"):
                value = getattr(profile, field_name)
                found = name_in_handle(value, school) if value else None
                if found:
                    yield Evidence(self.name, "school_in_profile_name", value,
                                   source=f"profile.{field_name}", attrs={"name": found})
            for field_name in ("bio", "website"):
                value = getattr(profile, field_name)
                # An email address in the bio is judged as contact details, not as a name.
                searched = opaque_free(value) if field_name == "bio" else value
                for name, _start, _end in names_in(searched, school) if searched else ():
                    yield Evidence(self.name, "employer_in_profile", value,
                                   source=f"profile.{field_name}", attrs={"name": name})
                    break
                else:
                    if searched and any(domain in searched.lower() for domain in school.email_domains):
                        yield Evidence(self.name, "employer_in_profile", value,
                                       source=f"profile.{field_name}", attrs={"name": "school web address"})
            if profile.email and email_owner(profile.email, school) != "personal":
                yield Evidence(self.name, "work_email_on_account", profile.email,
                               source="profile.email", attrs={})
            for start, _end, raw, _number in find_phones(profile.bio):
                label = profile.bio[max(0, start - 30):start]
                if is_school_phone(raw, school) or _WORK_NUMBER_LABEL.search(label):
                    yield Evidence(self.name, "work_contact_on_profile", raw,
                                   source="profile.bio", attrs={})
            if profile.bio and "@" in profile.bio:
                for word in profile.bio.split():
                    word = word.strip(".,;:()<>")
                    if "@" in word[1:] and email_owner(word, school) != "personal":
                        yield Evidence(self.name, "work_contact_on_profile", word,
                                       source="profile.bio", attrs={})
            if profile.visibility == "public":
                yield Evidence(self.name, "public_profile", "visibility: public",
                               source="profile.visibility", attrs={})
        text = subject.text
        for start, end, stance in voices_for_school(subject) if text else ():
            yield Evidence(self.name, "speaks_for_school", text[start:end], start, end,
                           attrs={"stance": stance})
        for name, start, end in names_in(text, school) if text else ():
            before = fold(text[max(0, start - 60):start])
            cue = EMPLOYMENT_CUE.search(before)
            if cue and not _SOMEONE_ELSES_ROLE.search(before):
                cue_start = max(0, start - 60) + cue.start()
                yield Evidence(self.name, "employment_statement", text[cue_start:end],
                               cue_start, end, attrs={"name": name})
                continue
            # Said without "I work at": "our Year 6 at Larkspur Lane", "my Year 2 classroom at
            # Ashgrove", "all of us at Brinkhollow", "our Ashgrove kids" (the writer's own
            # family's school aside: "my son's class at Ashgrove").
            owned = _OWNED_BEFORE.search(before)
            if owned and not _elsewhere_or_family(text, start, end):
                owned_start = max(0, start - 60) + owned.start()
                yield Evidence(self.name, "employment_statement", text[owned_start:end],
                               owned_start, end, attrs={"name": name, "implied": True})

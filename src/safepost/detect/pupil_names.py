"""Pupils named in the text, hashtags and handles, matched against the school's roster."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.names import YEAR_MENTION, NameMention, find_names, joined_to
from safepost.detect.text import sentence_bounds

# Words that put a first name in a school setting on a personal account ("my class", "Year 4").
_SCHOOL_CONTEXT = re.compile(
    r"\b(?:my|our)\s+(?:class|form|tutor\s+group|set|pupils?|students?|kids\s+at\s+school|"
    r"little\s+ones|year\s*\d+s?|yr\s*\d+s?|reception|"
    # (session 31) "Ayaan in my group is autistic": a teacher's teaching or key-work group
    r"(?:(?:reading|maths|phonics|intervention|nurture|key\s*work(?:er)?|focus|guided\s+reading)\s+)?group|"
    r"key\s*work(?:er)?\s+(?:children|kids))\b"
    r"|\b(?:pupils?|students?|class(?:room)?|school|trip|sports\s+day|parents'?\s+evening|"
    r"nativity|assembly|playground|register|report|homework|phonics|spelling|sats|gcses?|"
    r"a[\s-]levels?|exams?|detention|exclu(?:ded|sion)|ehcp|iep|lessons?|play|fair|gala|concert|"
    r"performance|production|choir|orchestra|match|team|squad|debate|tournament|trials|"
    r"competition|certificate|award|medal|trophy|star\s+of\s+the\s+week|club|pe|term|"
    # (session 31) "at the school gate" (not "pick up": a parent's "my Arham's pickup" is theirs, as a
    # blind look written after it showed)
    r"school\s+gates?)\b"
    r"|\b(?:year|yr)\s*\d{1,2}\b|\breception\b"
    # a specialist provision's own rooms ("in the Base today", "in our nurture group")
    r"|\b(?:in|at)\s+(?:the|our)\s+(?:base|resource\s+base|nurture\s+(?:group|room)|sensory\s+room)\b",
    re.IGNORECASE,
)
# "my niece Amelia": the author's own family or friends, not a pupil.
_OWN_PEOPLE = re.compile(
    r"\b(?:my|our)\s+(?:(?:little|baby|eldest|youngest|big|oldest|middle|lovely|gorgeous|"
    r"beautiful|amazing|best)\s+)?(?:son|daughter|niece|nephew|grandson|granddaughter|girl|boy|"
    r"kids?|children|child|godson|goddaughter|cousin|friend|bestie|mate|sister|brother|"
    r"wife|husband|partner|mum|dad|neighbour|dog|cat|puppy)s?\s*,?\s*$"
    # "my eldest, Freya", "my 5 year old Ishaan", "our 3yo Max"
    r"|\b(?:my|our)\s+(?:eldest|youngest|oldest|middle\s+one|little\s+one|"
    r"\d{1,2}[\s-]*(?:year|yr)s?[\s-]*old|\d{1,2}\s*yo)\s*[,:\-–]?\s*$",
    re.IGNORECASE,
)
# A first name written as a class's name: primary schools name classes after trees, flowers,
# gems and birds, which are also girls' and boys' names ("Poppy class enjoyed the farm",
# "Class Willow", "Hazel and Rowan classes"). Not a role in the class ("Poppy, class rep" and
# "Poppy class star of the week" stay the pupil), a numbered class ("Amelia class 4"), or a
# lower-case "class" before the name ("in class Poppy read her story").
_CLASS_AFTER = re.compile(
    r"\s+(?:(?:and|&)\s+[A-Z][\w'’-]*\s+)?[Cc]lass(?:es)?\b"
    r"(?!\s*(?:\d|[A-Z]\b|(?i:rep|representative|star|captain|champion|winner|monitor|helper|"
    r"councillor|ambassador|president|clown|mate|leader|hero|mvp)\b))",
)
_CLASS_BEFORE = re.compile(r"\bClass(?:es)?\s+$")
# "my Oliver's first day at big school": "my" straight before a first name is the author's own
# (not "our": "our Jaxon's nativity play" may be a class's pupil), unless a year group or a
# form names the pupil's class ("my Oliver in 8B", "my Mia, Year 13"): a teacher's pupil.
_MY_BEFORE = re.compile(r"\bmy\s+$", re.IGNORECASE)
# A form written as its year and capital letters ("8B", "10MH"); case matters: "10am", "3rd".
# Not a screen, a network or a printer: "4K telly", "5G", "3D printing", "2D shapes".
_FORM = re.compile(r"\b\d{1,2}[A-Z]{1,2}\b"
                   r"(?!\s+(?i:print\w*|glasses|films?|movies?|cinema|models?|shapes?|scanner|tv|telly|"
                   r"screen|monitor|phone|signal|mast|network|coverage|data)\b)")


def written_as_a_class(text: str, mention: NameMention) -> bool:
    """The first name names a class ("Poppy class", "Class Poppy"), not the pupil."""
    if mention.text.lower().endswith(("'s", "’s")):
        return False  # "Poppy's class": the pupil's
    return bool(
        _CLASS_AFTER.match(text, mention.end)
        or _CLASS_BEFORE.search(text, max(0, mention.start - 10), mention.start)
    )


def name_mentions(subject: Subject) -> list[NameMention]:
    mentions: list[NameMention] = subject.memo(
        "names", lambda: find_names(subject.text, subject.tokens, subject.school)
    )
    return mentions


def pupils_named(subject: Subject) -> list[tuple[NameMention, str]]:
    """The pupils the text names, each with what supports reading the words as that pupil:
    full names, initials and first names that are not words stand alone; a first name that is
    also a word ("Hope", "Will") needs the pupil in the pictures, a message to them or to their
    parent, a praise word or their year group, or another pupil's name beside it. Every check that asks which
    pupils a post names (dates of birth, the language checks' stand-in) asks this, once."""
    accepted: list[tuple[NameMention, str]] = subject.memo("pupils_named", lambda: _pupils_named(subject))
    return accepted


def _pupils_named(subject: Subject) -> list[tuple[NameMention, str]]:
    request = subject.request
    pictured = {pupil_id for image in request.images for pupil_id in image.pupils}
    addressed = (
        request.counterpart.pupil_id
        if request.counterpart and request.counterpart.kind in ("pupil", "former_pupil")
        else None
    )
    # A member of staff's reply to a pupil's parent names their child: "Hunter was given a
    # detention because..." to Hunter's mum is the pupil Hunter, not the word. (What the parent
    # wrote is theirs: their child's name in it is read as before.)
    parents_child = (
        request.counterpart.pupil_id
        if request.counterpart and request.counterpart.kind == "parent"
        and request.counterpart.direction != "received"
        and request.kind in ("message", "comment") else None
    )
    accepted: list[tuple[NameMention, str]] = []
    doubtful: list[NameMention] = []
    for mention in name_mentions(subject):
        if mention.who != "pupil" or (mention.form == "first" and written_as_a_class(subject.text, mention)):
            continue
        if mention.form == "first" and _a_hymn_sung(subject.text, mention):
            continue  # "Year 4 sang Amazing Grace at the Remembrance service"
        if mention.form == "full" and _folk_figure(mention.text) and not mention.cue:
            doubtful.append(mention)  # "Jack Frost has visited the playground": the frost
        elif mention.form != "first" or not mention.common_word:
            accepted.append((mention, "name"))
        elif mention.person_id in pictured:
            accepted.append((mention, "pupil is listed in the images"))
        elif mention.person_id == addressed:
            accepted.append((mention, "the message is to this pupil"))
        elif mention.person_id == parents_child:
            accepted.append((mention, "the words are to this pupil's parent"))
        elif (mention.cue and subject.text[mention.start:mention.start + 1].isupper()
              and not _a_verb_before_its_subject(subject.text, mention)):
            accepted.append((mention, "named after a praise word or greeting, or with their year group"))
        else:
            doubtful.append(mention)
    # "Hope and Amelia": an ordinary-word name listed beside another pupil's name.
    for mention in doubtful:
        if subject.text[mention.start:mention.start + 1].isupper() and any(
            joined_to(subject.text, mention, other) for other, _ in accepted
        ):
            accepted.append((mention, "listed beside another pupil's name"))
    return accepted


# A first name that is also a verb, straight before its subject, is the verb: "Will you be joining
# us for the Year 4 Roman day?", "Hope you all have a lovely half term", "May we remind Year 6...".
# (A comma makes it the name again: "Will, you were brilliant".)
_VERB_NAMES = frozenset({"will", "may", "hope", "mark", "grant", "chase", "sue", "pat", "rob", "bill"})
_SUBJECT_AFTER = re.compile(r"[ \t]+(?:you|we|i|they|everyone|everybody|all|u|ya|any|the|our|"
                            r"parents|carers|families)\b", re.IGNORECASE)
# ... and, in a question, a year group's parents or pupils: "Will Year 5 parents please return the
# trip slips by Friday?" (session 28)
_YEAR_SUBJECT_AFTER = re.compile(r"[ \t]+(?:year|yr|y) ?\d{1,2}\b", re.IGNORECASE)


def _a_verb_before_its_subject(text: str, mention: NameMention) -> bool:
    """... opening its sentence ("Well done Will you legend" is the boy)."""
    start, end = sentence_bounds(text, mention.start)
    opening = not re.search(r"\w", text[start:mention.start])
    asking = "?" in text[end:end + 2]  # (the sentence's own end, which its bounds leave out)
    return (opening and mention.text.casefold() in _VERB_NAMES
            and (_SUBJECT_AFTER.match(text, mention.end) is not None
                 or (asking and _YEAR_SUBJECT_AFTER.match(text, mention.end) is not None)))


# The hymn, sung or played: "Year 4 sang Amazing Grace" ("amazing" is otherwise praise).
_HYMN_SUNG = re.compile(r"\b(?:sang|sing|sings|singing|sung|hymns?|played|playing|performed|performing)\b"
                        r"(?:\s+\w+){0,3}?\s+amazing\s+$", re.IGNORECASE)


def _a_hymn_sung(text: str, mention: NameMention) -> bool:
    return mention.text.casefold() == "grace" and bool(
        _HYMN_SUNG.search(text, max(0, mention.start - 60), mention.start))


# Full names that are also folk figures or stock characters a school writes about: a pupil so
# named counts, in full, only with support (praise, a greeting, their year group), as a first
# name that is also a word does.
FOLK_FIGURES = frozenset({
    "jack frost", "father christmas", "santa claus", "peter pan", "robin hood", "tom thumb",
    "jack sprat", "old king cole", "little john", "jack horner", "bob the builder", "peter rabbit",
    "tom kitten", "jack and jill", "guy fawkes", "john bull", "tommy atkins",
})


def _folk_figure(text: str) -> bool:
    return " ".join(text.lower().split()) in FOLK_FIGURES


class PupilNameDetector:
    """Full names, first names, first name + initial; ordinary-word names need support."""

    name = "pupil_names"
    reads_text = True  # also run over words found in pictures

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        accepted = pupils_named(subject)
        context = _SCHOOL_CONTEXT.search(subject.text) if accepted else None
        if context is not None:
            yield Evidence(self.name, "school_context", context.group(0), context.start(),
                           context.end(), attrs={})
        for mention, support in accepted:
            pupil = subject.school.pupil(mention.person_id or "")
            if pupil is None:
                continue
            before = subject.text[max(0, mention.start - 40):mention.start]
            own = bool(_OWN_PEOPLE.search(before)) or (
                mention.form == "first" and bool(_MY_BEFORE.search(before))
                and not (YEAR_MENTION.search(subject.text) or _FORM.search(subject.text)))
            yield Evidence(
                detector=self.name, kind="pupil_name", text=mention.text,
                start=mention.start, end=mention.end,
                attrs={
                    "pupil_id": pupil.pupil_id, "form": mention.form, "typo": mention.typo,
                    "in_tag": mention.in_tag, "support": support, "praised": mention.praised,
                    "own_people": own,
                },
            )

"""The school's brand on a personal post, told by the words where a picture cannot be read (it
is missing, or the school has no logo on file): staff in school clothing ("10k done in my work
polo", "the Y7 team in our matching Penhallow hoodies", "New staff polo shirts with the school
badge have arrived!"), the crest itself ("School crest and job pack attached", "my own version
of the Ashgrove crest"), and a vacancy advertised with a picture ("We're hiring! Teacher of Maths
at Millbrook Academy 👇" and the advert's image). Holbrook (6.9, 6.12) and REAch2 (5.1, 5.4)
keep logos, brands and staff in school clothing off personal accounts; REAch2 allows them for
Trust business with permission, its own example being a vacancy. Clothing needs a picture, sent
or spoken of ("pic", "selfie"): "I left my school hoodie on the bus" shows nothing. Whether a
request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector
from safepost.detect.text import sentence_bounds

_GARMENT = (r"(?:hoodies?|hoodys?|polos?|polo\s+shirts?|t-?shirts?|tees?|fleeces?|jackets?|sweatshirts?|"
            r"jumpers?|lanyards?|tops?|kit)")
# Staff wearing the school's clothing: "in my work polo", "our new staff hoodies", "matching
# Cannock Vale hoodies", "staff polo shirts with the school badge".
_SCHOOL_CLOTHING = re.compile(
    r"\b(?:(?:in|wearing|rocking|sporting|modelling|got|our|my|the|new)\s+(?:my\s+|our\s+|the\s+)?(?:new\s+)?"
    r"(?:matching\s+)?(?:[\w'&-]+\s+){0,2}?(?:staff|school|work|academy|team)\s+" + _GARMENT +
    r"|matching\s+(?:[\w'&-]+\s+){1,3}?" + _GARMENT +
    # "work polo on, quick selfie" (a child's "school jumper on" is not staff clothing)
    r"|(?:staff|work)\s+" + _GARMENT + r"\s+on(?=\W|$)" +
    r"|" + _GARMENT + r"\s+with\s+the\s+(?:school\s+|academy\s+|trust\s+)?(?:badge|logo|crest))\b")
# Not the school's: a football team's kit, a running club's top, lost property.
_NOT_THE_SCHOOLS = re.compile(
    r"\b(?:lost|left|forgot|forgotten|missing|spare|found|non-?uniform\s+day\s+for\s+the\s+kids|"
    r"football|rugby|netball|club|league|five-a-side|pub\s+quiz|hen\s+do|stag|"
    r"(?:saturday|sunday|weekend|evening|second|other|bar)\s+job)\b")
# A picture sent or spoken of.
_A_PICTURE = re.compile(r"\b(?:pic|pics|picture|pictures|photo|photos|selfie|snap|team\s+shot)\b|[📸📷]")
# The crest or logo itself put up: "crest attached", "with the school logo below", "crest and
# all", "my own version of the Ashgrove crest".
_CREST_SHOWN = re.compile(
    r"\b(?:(?:(?:school|academy|trust|our|the)\s+)?(?:crest|logo|badge)s?\s+(?:\w+\s+){0,3}?"
    r"(?:attached|below|included|and\s+all)"
    r"|(?:with|showing|using)\s+(?:the|our)\s+(?:school\s+|academy\s+|trust\s+)?(?:crest|logo|badge)\s+"
    r"(?:below|attached|on\s+it)"
    r"|(?:version|copy|drawing|painting|cake|tattoo)\s+of\s+(?:the|our)\s+(?:[\w'&-]+\s+){0,3}?(?:crest|logo|badge))\b")
# A vacancy advertised: "We're hiring!", "Haverleigh Academy is recruiting", "come and work with me".
_VACANCY = re.compile(
    r"\b(?:we(?:'re|\s+are)\s+(?:hiring|recruiting)|(?:is|are)\s+(?:hiring|recruiting)|"
    r"come\s+and\s+(?:work|join)\s+(?:with\s+me|with\s+us|us|our\s+team)|(?:job\s+)?vacanc(?:y|ies)\s+"
    r"(?:at|for|in)|job\s+(?:advert|pack))\b")


def _not_the_schools(folded: str, clothing: re.Match[str]) -> bool:
    """Whether the sentence that names the clothing makes it someone else's or lost ("our matching
    club tops", "lost my work lanyard"): a club met elsewhere in the post ("after-school club
    tomorrow!") says nothing of the hoodie."""
    start, end = sentence_bounds(folded, clothing.start())
    return _NOT_THE_SCHOOLS.search(folded, start, max(end, clothing.end())) is not None


class BrandingDetector(WordsDetector):
    name = "branding"  # reads the member of staff's own words, with the request's pictures

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        pictured = bool(subject.request.images) or bool(_A_PICTURE.search(folded))
        crest = _CREST_SHOWN.search(folded)
        clothing = _SCHOOL_CLOTHING.search(folded)
        if clothing is not None and (pictured or crest is not None) and not _not_the_schools(
                folded, clothing):
            yield Evidence(self.name, "school_clothing_shown", text[clothing.start():clothing.end()],
                           clothing.start(), clothing.end())
        if crest is not None:
            yield Evidence(self.name, "crest_shown", text[crest.start():crest.end()],
                           crest.start(), crest.end())
        vacancy = _VACANCY.search(folded)
        if vacancy is not None and (subject.request.images or crest is not None):
            yield Evidence(self.name, "vacancy_with_branding", text[vacancy.start():vacancy.end()],
                           vacancy.start(), vacancy.end())

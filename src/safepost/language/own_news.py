"""A member of staff's own news: their own health, or their own family's.

The policies forbid disclosing personal information about pupils, colleagues, pupils' families
and other professionals (catalogue: content.personal_info_about_individuals). "My daughter starts
chemo on Monday" or "I've been diagnosed with ADHD" is none of those: it is the writer's own
news, which the corpus labels clean. The model, which has learnt that a diagnosis is private
information, cannot tell whose it is; this reading can, for the plain case where the post is
about the writer or their own family and nobody else at all is mentioned.
"""

from __future__ import annotations

import re

# The writer's own relatives (not "my kids", "my girls", "my little ones", "my class": a
# teacher's pupils as often as their children).
_OWN_RELATIVE = re.compile(
    r"\b(?:my|our)\s+(?:own\s+)?(?:(?:little|eldest|youngest|oldest|middle|baby|twin|lovely|poor|"
    r"darling|gorgeous|beautiful|amazing)\s+)?"
    r"(?:sons?|daughters?|husband|wife|partner|hubby|fianc[eé]e?|mum|mam|mom|mummy|dad|daddy|"
    r"mother|father|parents|brother|sister|nan|nana|nanna|grandad|grandma|grandpa|granny|gran|"
    r"grandson|granddaughter|grandchildren|grandkids|nephew|niece|uncle|auntie|aunt|cousin|"
    r"twins|other half|in-laws|step(?:dad|mum|son|daughter)|(?:mother|father|sister|brother)-in-law)\b"
    # "our baby girl", "lil sis", "ma lad", "me mam"; a relative opening the post ("Sister's
    # just had her baby", "Hubby's op went well")
    r"|\b(?:my|our)\s+baby\s+(?:girl|boy)\b|\b(?:lil|little|big|baby)\s+(?:sis|bro)\b"
    r"|\b(?:ma|me)\s+(?:lad|lass|bairns?|mam|da|nan|nana|grandad|fella|missus|son|daughter)\b"
    r"|^\W*(?:hubby|sis|bro|sister|brother|mum|mam|dad|nan|grandad|grandma)(?:['’]s)?\b"
    # "our youngest has his EHCP" (not "our youngest pupils")
    r"|\b(?:my|our)\s+(?:eldest|youngest|oldest)\b(?!\s+(?:pupils?|children|kids|students|learners|class|ones))",
    re.IGNORECASE,
)
# The writer's own health: "I've been diagnosed with", "I'm having surgery", "I was signed off".
_OWN_HEALTH = re.compile(
    r"\bi(?:'ve|’ve|\s+have|'m|’m|\s+am|\s+was|\s+got|'d|’d|\s+had)\s+"
    r"(?:(?:just|finally|officially|recently|been|now|today)\s+)*"
    r"(?:diagnosed|signed\s+off|pregnant|expecting|in\s+hospital|off\s+sick|"
    r"having\s+(?:an?\s+|my\s+)?(?:operation|surgery|treatment|chemo|scan|biopsy)|"
    r"started\s+(?:chemo|treatment|hrt|medication|meds))",
    re.IGNORECASE,
)
# Anyone else in the post: the school community, a friend, "someone", or another person's
# relative ("Mason's mum"). Any of these and the post is not only the writer's own news.
_SOMEONE_ELSE = re.compile(
    r"\b(?:pupils?|students?|learners?|class(?:es|mates?)?|classroom|form|tutor\s+group|"
    r"year\s?\d{1,2}|yr\s?\d{1,2}|y\d{1,2}|reception|nursery|colleagues?|co-?workers?|staff|"
    r"teachers?|tas|hlta|lsa|senco|governors?|friends?|neighbou?rs?|"
    r"someone|somebody|one\s+of|(?:a|this|that|the)\s+(?:child|kid|boy|girl|lad|lass|mum|dad|parent|"
    r"family|woman|man|lady|bloke)|(?<!my\s)(?<!our\s)(?:parents?|carers?)|families|school|"
    r"social\s+(?:services|worker)|headteacher|head\s+teacher|the\s+head|headmaster|headmistress|"
    r"his|her|their|he|she|they)\b"
    r"|(?<![Mm]y)(?<![Oo]ur)\s+[\w'’-]+['’]s\s+(?:mum|mam|mom|dad|parents|family|husband|wife|"
    r"partner|son|daughter|kids?|brother|sister|nan|gran)\b",
    re.IGNORECASE,
)
_WRITERS_JOB = re.compile(
    r"\b(?:i['’]?m|i\s+am|as)\s+an?\s+(?:teacher|ta|teaching\s+assistant|head(?:teacher)?)\b", re.IGNORECASE)
# A capitalised word with a possessive ("Jess's", "Mason's"), not at a sentence's start
# where it may be an ordinary word: a person named.
_NAMED_POSSESSIVE = re.compile(r"(?<=[a-z,]\s)[A-Z][a-z]+['’]s\b")


def own_news_only(text: str, *, names_in_text: bool) -> bool:
    """Whether the post is the writer's own news about themselves or their own family and
    mentions no one else: no one named (`names_in_text`: the roster or a title found
    someone), no pupil, colleague, parent, friend, and no other person's relative. The
    pronouns he/she/they count as someone else, except where they can only be the writer's
    relative: a post that names one relative and then says "her" is still about that
    relative."""
    # The writer's own job is not someone else ("and I'm a teacher myself").
    text = _WRITERS_JOB.sub(" ", text)
    if names_in_text or _NAMED_POSSESSIVE.search(text):
        return False
    relatives = _OWN_RELATIVE.findall(text)
    if not relatives and not _OWN_HEALTH.search(text):
        return False
    others = _SOMEONE_ELSE.findall(text)
    pronouns = {"his", "her", "their", "he", "she", "they"}
    if any(other.lower() not in pronouns for other in others):
        return False
    # A pronoun is the relative's only where a relative is named; the writer's own health
    # news with "she" in it is about someone else too.
    return not others or bool(relatives)

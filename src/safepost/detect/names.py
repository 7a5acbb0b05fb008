"""Finding the school's people in text: an index of roster names and one pass over tokens.

Shared by the pupil-name and people detectors, so titles ("Miss Hope") and staff full names
("Grace Whitfield") are settled once, before anyone is taken for a pupil.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from safepost.detect.inflections import declined_forms
from safepost.detect.text import (
    Token,
    alnum_key,
    common_words,
    deletions,
    edit_distance_at_most_one,
    famous_people,
    fold,
    levenshtein_at_most,
    name_tokens,
    place_names,
    sentence_bounds,
    split_tag,
    strip_possessive,
    tokenize,
    web_addresses,
)
from safepost.school import Pupil, School, Staff

TITLES = frozenset({"mr", "mrs", "miss", "ms", "mx", "dr", "sir", "dame", "prof", "rev", "madam"})
MIN_TYPO_LENGTH = 5
PRAISE_CUES: tuple[tuple[str, ...], ...] = (
    ("well", "done"), ("well", "done", "to"), ("congratulations",), ("congratulations", "to"),
    ("congrats",), ("congrats", "to"), ("thank", "you"), ("thanks",), ("thanks", "to"),
    ("shout", "out", "to"), ("shoutout", "to"), ("proud", "of"), ("goes", "to"),
    ("awarded", "to"), ("happy", "birthday"), ("welcome",), ("bravo",), ("hi",), ("hey",),
    ("dear",), ("hello",), ("star", "of", "the", "week"), ("go",), ("love", "you"),
    ("special", "mention"), ("special", "mention", "to"), ("shout", "out"), ("shoutout",),
    ("get", "well", "soon"),
    # Welsh: well done, congratulations (to), thank you (to), star of the week
    ("da", "iawn"), ("llongyfarchiadau",), ("llongyfarchiadau", "i"), ("diolch",), ("diolch", "i"),
    ("seren", "yr", "wythnos"),
)
# Greetings address someone, but before a name that is also a word they greet the word as
# often: "hello Autumn", "welcome Summer", "go Team". They support only a name that is not a word.
GREETING_CUES = frozenset({("welcome",), ("hi",), ("hey",), ("dear",), ("hello",), ("go",)})
# Cues people use to address anyone, every day: before a first name they make it a name, but
# on a personal account they say nothing about school, as praise does.
SOCIAL_CUES = GREETING_CUES | {("happy", "birthday"), ("love", "you")}
# What ends a praise or greeting before a name: "THANK YOU! Summer term dates..." thanks nobody
# called Summer. A line break or a colon does not: a heading then a name ("STAR OF THE WEEK
# 🌟" on one line, "Grace for her writing" on the next; "Well done to:") praises that name.
_CUE_ENDS = re.compile(r"[.!?‼…]")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
_LONGEST_CUE = max(map(len, PRAISE_CUES))
# Titles that are also ordinary words: "Don't miss Leah Goldberg's solo" is no title.
WORD_TITLES = frozenset({"miss", "sir", "dame", "madam"})
YEAR_MENTION = re.compile(r"\b(?:year|yr|y)\s?(\d{1,2})(?:s|'s|’s)?\b|\b(reception)\b", re.IGNORECASE)
# A first name that is also a place, written where a place goes ("a trip to Paris", "a week in
# Kenya", "Chester Zoo", "Lincoln City"): read as the place, so, like an ordinary word, it
# names the pupil only with supporting evidence ("Congratulations to Paris"). "to" alone is
# not enough ("the award goes to Paris", "passed to Jordan"): a journey comes before it.
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:trips?|holidays?|visits?|journey|flights?|flew|fly|flying|travel(?:l?ed|l?ing)?|"
    r"go|going|went|moved?|moving|off|back|road|way|exchange|residential)\s+to"
    r"|\b(?:in|around|across|near|visit(?:ed|ing)?|explor(?:e|ed|ing)|tour(?:ed|ing)?|"
    # (session 28) "the Isle of Skye", "a tour of Petra"
    r"isle of|island of|tour of))\s+$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"\s+(?:(?i:zoo|airport|city|cathedral|castle|museum|station|aquarium|pier|beach|harbour|"
    r"disneyland|trips?|holidays?|residential|exchange"
    # a season or a holiday after it is when the writer was there: "Jordan in half term was
    # unreal", "Skye for half term"
    r"|(?:in|for|over)\s+(?:the\s+)?(?:half[- ]term|summer|spring|autumn|winter|holidays?|hols|easter|"
    r"christmas|january|february|march|april|may|june|july|august|september|october|november|december))"
    # a football club's name only with its capital: "Paris united the team" is the pupil
    r"|FC|United|Town|County|Rovers|Athletic|Albion|Wanderers)\b",
)
# A first name, or its possessive, before a capitalised noun for a place or a landmark is that
# place: "the Elan Valley", "Rose Hill", "Hadrian's Wall", "Offa's Dyke", "Arthur's Seat" (not
# "Poppy's wall display", in lower case, nor "Poppy's Art", which is no place; nor the nouns that
# begin other things, Rock, Stone, Way, Head, Well, Cross, Point, Green: a reviewer's "Isla's Rock
# Band debut" and "Hadrian's Way of the Week award"). A full name before one is read as its own
# rule says (`_PLACE_NAME_AFTER`).
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:Valley|Vale|Dale|Moor|Fell|Falls|Gorge|Forest|Woods|Lake|Loch|Reservoir|Bay|Beach|Sands|Cove|"
    r"Quay|Wharf|Marina|Estate|Common|Heath|Hill|Hills|Park|Lane|Road|Street|Avenue|Close|Castle|Abbey|"
    r"Wall|Dyke|Seat|Mount|Cave|Tower|Folly|Leap|Bridge|Chapel|Cathedral|Priory|Island|Isle|Beacon|"
    r"Monument)\b"
    # (not a noun that starts a longer title: "Isla's Rock Band", "Hadrian's Way of the Week")
    r"(?!\s+[A-Z])")
# A first name that begins the name of a story or a place by itself: "Noah's Ark", "the Eden
# Project" (not "Oluwaseun's Project", a pupil's own).
_NAMED_THING = re.compile(r"(?:noah(?:'s|’s)\s+ark|eden\s+project)\b", re.IGNORECASE)
_JOINER = re.compile(r"^\s*(?:,|&|and|,\s*and|\+)\s*$", re.IGNORECASE)
# A first name then "from" and an organisation is a visitor or a volunteer, not a pupil:
# "thank you to Adam from Posh in the Community", "Sarah from the PTA". Not a pupil's own
# group, school or past school: "Mia from 7B", "Mia from Year 8", "Ali from Oak class", "Mia
# from Mrs Smith's class", "Mia from Key Stage 5", "Mia from Hampton Vale Primary" (a new
# pupil's last school), "Mia from Orton Brook" (this school: see `_visitor_after`).
_FROM_ORGANISATION = re.compile(r"\s+from\s+(?:the\s+)?(?=[A-Z])(?P<rest>[^.!?\n]{0,60})")
_PUPILS_OWN_GROUP = re.compile(
    r"^(?:(?:mr|mrs|miss|ms|mx|dr|sir)\b|(?:our|my)\b|\d)"
    r"|\b(?:years?|yr|y\d+|reception|nursery|class(?:es)?|form|house|set|group|tutor|key\s+stage|"
    r"ks\d|sixth|primary|infants?|juniors?|school|academy|college|high|under|u\d+s?|team|squad|"
    r"club)\b",
    re.IGNORECASE,
)
# A first name as the title of a show named after its child hero: "our Year 8 production of
# Oliver!", "auditions for Annie", "the cast of Matilda".
_WORK_BEFORE = re.compile(
    r"\b(?:(?:productions?|performances?|staging|rehearsals?)\s+of|auditions?\s+for|cast\s+of)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameMention:
    """A person named in the text. `form`: full, initial (first + initial) or first."""

    who: str  # pupil | staff | adult
    person_id: str | None
    form: str
    start: int
    end: int
    text: str
    typo: bool = False
    in_tag: bool = False
    common_word: bool = False
    cue: bool = False  # a praise word or greeting before it, or their year group: it is a name
    # A praise word (not a greeting or birthday wish) or their year group: a school setting on
    # a personal account, where "Happy birthday Shanice!!" is as likely a friend as a pupil.
    praised: bool = False


def written_as_a_place(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] stands where a place goes: "a trip to Paris", "Chester Zoo"."""
    return bool(_PLACE_BEFORE.search(text, max(0, start - 30), start) or _PLACE_AFTER.match(text, end))


class NameIndex:
    """Every way the roster's names can appear, keyed for lookups by token."""

    def __init__(self, pupils: tuple[Pupil, ...] = (), staff: tuple[Staff, ...] = (),
                 official_handles: tuple[str, ...] = (), identity_names: tuple[str, ...] = ()) -> None:
        words, places = common_words(), place_names()
        self.first: dict[str, list[tuple[tuple[str, ...], Pupil]]] = defaultdict(list)
        self.last_variants: dict[str, list[tuple[str, ...]]] = {}
        self.last_heads: dict[str, frozenset[str]] = {}
        self.last_typo_keys: dict[str, set[str]] = defaultdict(set)
        self.by_last_token: dict[str, list[Pupil]] = defaultdict(list)
        self.tag_full: dict[str, list[Pupil]] = defaultdict(list)
        self.tag_initial: dict[str, list[Pupil]] = defaultdict(list)
        self.common_first: set[str] = set()
        self.place_first: set[str] = set()  # first names that are also places (Paris, Kenya)
        # A full name declined, as Polish, Czech and Slovak write it ("Łucji Dąbrowskiej"): a
        # surname's declined forms -> pupils, and each of those pupils' first name's forms.
        self.declined_last: dict[str, list[Pupil]] = defaultdict(list)
        self.first_forms: dict[str, frozenset[str]] = {}
        for pupil in pupils:
            firsts = {tuple(name_tokens(pupil.first_name))}
            if pupil.preferred_name:
                firsts.add(tuple(name_tokens(pupil.preferred_name)))
            firsts |= {_split_hyphens(seq) for seq in firsts}
            lasts = {tuple(name_tokens(pupil.last_name))}
            lasts |= {_split_hyphens(seq) for seq in lasts}
            lasts.add((alnum_key(pupil.last_name),))
            lasts = {seq for seq in lasts if seq and all(seq)}
            self.last_variants[pupil.pupil_id] = sorted(lasts, key=len, reverse=True)
            self.last_heads[pupil.pupil_id] = frozenset(seq[0] for seq in lasts)
            for seq in lasts:
                if len(seq) == 1 and len(seq[0]) >= MIN_TYPO_LENGTH:
                    for key in deletions(seq[0]):
                        self.last_typo_keys[key].add(pupil.pupil_id)
            for seq in lasts:
                self.by_last_token[seq[0]].append(pupil)
            initial = alnum_key(pupil.last_name)[:1]
            self._add_declined(pupil)
            for seq in firsts:
                if not seq:
                    continue
                self.first[seq[0]].append((seq, pupil))
                if len(seq) == 1 and seq[0] in words:
                    self.common_first.add(seq[0])
                elif len(seq) == 1 and seq[0] in places:
                    self.place_first.add(seq[0])
                first_key = "".join(alnum_key(part) for part in seq)
                self.tag_full[first_key + alnum_key(pupil.last_name)].append(pupil)
                if len(first_key) >= 3:
                    self.tag_initial[first_key + initial].append(pupil)
        self.staff_full: dict[tuple[str, str], Staff] = {}
        self.staff_last: dict[str, Staff] = {}
        self.staff_first: set[str] = set()
        for member in staff:
            first = tuple(name_tokens(member.first_name))
            last = tuple(name_tokens(member.last_name))
            if first:
                self.staff_first.add(first[0])
            if first and last:
                self.staff_full[(first[0], last[-1])] = member
            if last:
                self.staff_last.setdefault(last[-1], member)
        self.official_handles = {alnum_key(handle) for handle in official_handles}
        self.identity_keys = {alnum_key(name) for name in identity_names}


    def _add_declined(self, pupil: Pupil) -> None:
        last = name_tokens(pupil.last_name)
        firsts = [name for name in (pupil.first_name, pupil.preferred_name)
                  if name and len(name_tokens(name)) == 1]
        if not firsts or len(last) != 1:
            return
        # (The surname declined too, as the languages that decline names decline it: "Paula
        # Jones" is never Paul Jones, nor "Annie Nowak" Anna Nowak.)
        surnames = declined_forms(pupil.last_name)
        if not surnames:
            return
        # (a preferred name too: "Kuby Wiśniewskiego" for Jakub, called Kuba)
        self.first_forms[pupil.pupil_id] = frozenset(
            form for name in firsts for form in (name_tokens(name)[0], *declined_forms(name)))
        for surname in surnames:
            self.declined_last[surname].append(pupil)

    def declined_pupil(self, first: str, last: str) -> Pupil | None:
        """The pupil whose full name, declined, is these two folded words."""
        return next((pupil for pupil in self.declined_last.get(last, ())
                     if first in self.first_forms[pupil.pupil_id]), None)


def _split_hyphens(seq: tuple[str, ...]) -> tuple[str, ...]:
    parts: list[str] = []
    for part in seq:
        parts.extend(piece for piece in re.split(r"[-']", part) if piece)
    return tuple(parts)


def name_index(school: School) -> NameIndex:
    index: NameIndex = school.cached("name_index", lambda: NameIndex(
        school.pupils, school.staff, tuple(account.handle for account in school.official_accounts),
        school.identity_names()))
    return index


@cache
def _nobody() -> NameIndex:
    return NameIndex()


def titled_names(text: str) -> list[NameMention]:
    """The adults a title names ("Mr Quinn", "Mrs Okoye's"), with no roster: how the language
    trainer and its measurement read a labelled example as the check reads a post (the check
    replaces every titled name with the stand-in whatever school it runs for)."""
    return _find_names(text, tokenize(text), _nobody())


def _matches(words: list[Token], at: int, seq: tuple[str, ...]) -> bool:
    if at + len(seq) > len(words):
        return False
    last = len(seq) - 1
    for offset, part in enumerate(seq):
        token = words[at + offset]
        if (token.base if offset == last else token.folded) != part:
            return False
    return True


def _cues_before(text: str, words: list[Token], at: int) -> frozenset[tuple[str, ...]]:
    """The cues that end straight before word `at` with no full stop, "!" or "?" between:
    "well done, Summer", not "THANK YOU! Summer term dates..."."""
    if at == 0 or _CUE_ENDS.search(text, words[at - 1].end, words[at].start):
        return frozenset()
    # An ordinal inside a cue is no word of it: "Happy 12th birthday River" ("12th" leaves "th").
    before = [token.folded for token in words[max(0, at - _LONGEST_CUE - 1):at]
              if not (token.folded in _ORDINAL_ENDINGS and text[token.start - 1:token.start].isdigit())]
    return frozenset(cue for cue in PRAISE_CUES if tuple(before[-len(cue):]) == cue)


def _cues_at(text: str, words: list[Token], at: int,
             cache: dict[int, frozenset[tuple[str, ...]]]) -> frozenset[tuple[str, ...]]:
    if at not in cache:
        cache[at] = _cues_before(text, words, at)
    return cache[at]


def _is_initial(token: Token, text: str, expected: str) -> bool:
    if len(token.raw) != 1 or not token.raw.isupper() or token.folded != expected:
        return False
    followed_by_dot = text[token.end:token.end + 1] == "."
    return followed_by_dot or token.raw not in ("I", "A")


def find_names(text: str, tokens: list[Token], school: School) -> list[NameMention]:
    """Pupils, staff and titled adults named in the text, in order."""
    return _find_names(text, tokens, name_index(school))


# Words before a lower-case "miss" that make it the verb ("we will miss", "I'll miss", "going
# to miss", "so sad to miss"), not the title ("thank u to miss", "ask miss").
_VERB_CUES = frozenset({
    "i", "we", "you", "they", "he", "she", "will", "would", "shall", "could", "might", "must",
    "gonna", "really", "so", "all", "already", "definitely", "truly", "always", "never", "not",
    "don't", "dont", "didn't", "didnt", "won't", "wont", "do", "does", "did", "totally", "sorely",
    "greatly", "genuinely", "honestly", "def",
})
_VERB_BEFORE_TO = frozenset({"going", "gonna", "got", "have", "sad", "sorry", "hate", "want", "wanted"})


def _verb_before(words: list[Token], at: int) -> bool:
    """Whether the lower-case word at `at` ("miss") reads as a verb from the word before it."""
    if at == 0:
        return False
    before = words[at - 1].folded
    if before in _VERB_CUES or before.endswith("'ll"):
        return True
    return before == "to" and at >= 2 and words[at - 2].folded in _VERB_BEFORE_TO


def _find_names(text: str, tokens: list[Token], index: NameIndex) -> list[NameMention]:
    words = [token for token in tokens if not token.is_tag]
    consumed: set[int] = set()
    mentions: list[NameMention] = []

    # Adults first: a title makes the next name an adult's, a staff full name is staff.
    for i, token in enumerate(words):
        if token.folded in TITLES and i + 1 < len(words) and (
            token.capitalised or token.folded not in WORD_TITLES
            # "thanks miss Jones": in lower case, a title only before a member of staff's name,
            # and not where it is the verb: "we'll miss morgan", "going to miss Brooke"
            or (strip_possessive(words[i + 1].folded) in index.staff_last and not _verb_before(words, i))
        ):
            following = words[i + 1]
            # "thank u to miss brooke": a staff surname after a title is theirs in any case.
            staff_surname = strip_possessive(following.folded) in index.staff_last
            if ((following.capitalised or staff_surname) and i + 1 not in consumed
                    and not _pupil_named_in_full(words, i + 1, index)):
                member = index.staff_last.get(strip_possessive(following.folded))
                end = i + 1
                if i + 2 < len(words) and strip_possessive(words[i + 2].folded) in index.staff_last:
                    member, end = index.staff_last[strip_possessive(words[i + 2].folded)], i + 2
                consumed.update(range(i, end + 1))
                mentions.append(NameMention(
                    who="staff" if member else "adult",
                    person_id=member.staff_id if member else None,
                    form="title", start=token.start, end=words[end].end,
                    text=text[token.start:words[end].end],
                ))
        elif i + 1 < len(words) and i not in consumed:
            member = index.staff_full.get((token.folded, strip_possessive(words[i + 1].folded)))
            if member is not None:
                consumed.update((i, i + 1))
                mentions.append(NameMention(
                    who="staff", person_id=member.staff_id, form="full",
                    start=token.start, end=words[i + 1].end,
                    text=text[token.start:words[i + 1].end],
                ))

    # Surname first, as Vietnamese, Chinese and Korean names are often written ("Nguyễn Thanh"):
    # a pupil's one-word surname then their one-word first name, both capitalised.
    for i, token in enumerate(words[:-1]):
        following = words[i + 1]
        if (i in consumed or i + 1 in consumed or not token.capitalised or not following.capitalised
                or not _spaced(text, words, i, i + 1) or _ends_a_name(text, words, i, index)):
            continue
        # (only a space between, and the surname not already someone's: "Kerry Nowak (Olly's
        # mum)" is Olly's mum, not Nowak Olly)
        if text[token.end:following.start].strip() or (
                i > 0 and words[i - 1].capitalised and _spaced(text, words, i - 1, i)):
            continue
        for pupil in index.by_last_token.get(token.folded, []):
            if ((token.folded,) in index.last_variants[pupil.pupil_id]
                    and any(seq == (following.base,) for seq, who in index.first.get(following.base, [])
                            if who.pupil_id == pupil.pupil_id)):
                consumed.update((i, i + 1))
                mentions.append(NameMention(
                    who="pupil", person_id=pupil.pupil_id, form="full", start=token.start,
                    end=following.end, text=text[token.start:following.end],
                ))
                break

    # A full name declined, as a sentence in Polish, Czech or Slovak writes it ("Brawo dla Łucji
    # Dąbrowskiej"): both words capitalised and the pupil's, one straight after the other.
    for i, token in enumerate(words[:-1]):
        following = words[i + 1]
        if (i in consumed or i + 1 in consumed or not token.capitalised or not following.capitalised
                or not _spaced(text, words, i, i + 1)):
            continue
        declined = index.declined_pupil(token.folded, following.folded)
        if declined is not None:
            consumed.update((i, i + 1))
            mentions.append(NameMention(
                who="pupil", person_id=declined.pupil_id, form="full", start=token.start,
                end=following.end, text=text[token.start:following.end],
            ))

    cues: dict[int, frozenset[tuple[str, ...]]] = {}
    years: dict[int, frozenset[str]] = {}
    # What the words around a name say, whichever pupil of that first name it is: read once
    # per name, not once per pupil (a large school has forty Amelias).
    around: dict[tuple[int, int], tuple[bool, str | None]] = {}

    def words_around(first: int, after: int) -> tuple[bool, str | None]:
        """(a visitor or a show's title, not a pupil; the year group written beside it)."""
        if (first, after) not in around:
            start, end = words[first].start, words[after - 1].end
            not_a_pupil = bool(_visitor_after(text, end, index)
                               or _WORK_BEFORE.search(text, max(0, start - 30), start))
            around[(first, after)] = (not_a_pupil, _year_beside(text, start, end))
        return around[(first, after)]

    near_cache: dict[int, set[str]] = {}

    def typo_near(at: int) -> set[str]:
        """Pupils whose surname is one typo from the capitalised word at `at`."""
        if at not in near_cache:
            word = words[at]
            near: set[str] = set()
            if word.capitalised and len(word.base) >= MIN_TYPO_LENGTH - 1:
                for key in deletions(word.base):
                    near |= index.last_typo_keys.get(key, set())
            near_cache[at] = near
        return near_cache[at]

    for i, token in enumerate(words):
        if i in consumed:
            continue
        folded = strip_possessive(token.folded)
        if folded != token.folded and _after_a_first_name(text, words, i, index):
            continue  # "Harry Kane's hat-trick": Kane is Harry's surname, not the pupil Kane
        if i > 0 and _a_famous_name(text, words, i - 1):
            continue  # "– Muhammad Ali": the boxer's surname, not the pupil Ali
        found: list[NameMention] = []
        in_year_ids: set[str] = set()
        for seq, pupil in index.first.get(token.folded, []) + (
            index.first.get(folded, []) if folded != token.folded else []
        ):
            if not _matches(words, i, seq):
                continue
            after = i + len(seq)
            mention = _full_or_initial(text, words, i, after, pupil, index, consumed, typo_near)
            if (mention is not None and mention.form == "full" and not token.capitalised
                    and len(seq) == 1 and seq[0] in index.common_first
                    and _surname_capitalised(text, mention)):
                # "we hope Lancaster ends up on their lists": a word in lower case before a
                # capitalised surname is the word, not the pupil Hope Lancaster
                mention = None
            if mention is not None and mention.form == "full":
                # A full name's support (praise, a greeting, the year group): what keeps "Will
                # Marsh" a name where the words could be a road, and "Jack Frost" a pupil where
                # the name could be the frost (pupil_names).
                supported = bool(_cues_at(text, words, i, cues)) or _year_in_sentence(
                    text, token.start, pupil, years)
                mention = (None if not supported and _words_not_a_person(text, words, i, mention)
                           else replace(mention, cue=supported))  # None: "Summer baker needed!"
            if mention is None and _someone_elses_surname(text, words, after, pupil, index):
                continue
            if mention is None and words_around(i, after)[0]:
                continue
            if mention is None and len(seq) == 1 and _NAMED_THING.match(text, token.start):
                continue  # "Noah's Ark was the theme of this week's assembly"
            if mention is None:
                last_of_first = words[after - 1]
                # Written where a place goes: read as the place, so it needs support as an
                # ordinary word does, and the class's year group is no support ("Year 9 trip
                # to Paris" is the year's trip, not the pupil Paris).
                as_place = len(seq) == 1 and (
                    (seq[0] in index.place_first and written_as_a_place(text, token.start, last_of_first.end))
                    or bool(_PLACE_NOUN_AFTER.match(text, last_of_first.end)))
                common_word = (len(seq) == 1 and seq[0] in index.common_first) or as_place
                if common_word and (_describes_the_next_word(text, words, after)
                                     or (i > 0 and words[i - 1].folded == "the")):
                    continue  # "Summer term clubs", "the Poppy Appeal": the word, whoever is near
                if len(seq) == 1 and _in_a_welsh_phrase(text, words, i, after):
                    continue  # "Tymor yr Haf", "Seren yr Wythnos", "Jac y Do": the words
                before = _cues_at(text, words, i, cues)
                in_year = not as_place and _year_in_sentence(text, token.start, pupil, years)
                beside = words_around(i, after)[1]
                if beside is not None and _year_group(pupil) == beside:
                    in_year_ids.add(pupil.pupil_id)
                mention = NameMention(
                    who="pupil", person_id=pupil.pupil_id, form="first",
                    start=token.start, end=last_of_first.end,
                    text=text[token.start:last_of_first.end],
                    common_word=common_word,
                    # a greeting greets a word as often as a name: "hello Autumn"
                    cue=bool(before - GREETING_CUES if common_word else before) or in_year,
                    praised=bool(before - SOCIAL_CUES) or in_year,
                )
            found.append(mention)
        if not found and len(folded) >= MIN_TYPO_LENGTH and i + 1 < len(words):
            found.extend(_first_name_typo(text, words, i, index))
        if in_year_ids and len([mention for mention in found if mention.form == "first"]) > 1:
            # Of pupils sharing a first name, the ones in the year group written beside it:
            # "Congratulations to Mia in Year 7" is the Year 7 Mia, not the Year 13 one.
            found = [mention for mention in found
                     if mention.form != "first" or mention.person_id in in_year_ids]
        if any(mention.form != "first" for mention in found):
            found = [mention for mention in found if mention.form != "first"]
        mentions.extend(_unique(found))

    mentions.extend(_tag_mentions(text, tokens, index))
    mentions.extend(_web_address_mentions(text, index))
    mentions.sort(key=lambda mention: (mention.start, mention.end))
    return mentions


# Nouns an ordinary word that is also a first name describes when it stands straight before
# them, as school posts write seasons, months and flowers: "Summer term", "May half term",
# "Rose garden", "Autumn fair". A pupil's name is not written straight before these.
_NOUNS_A_WORD_DESCRIBES = frozenset({
    "term", "terms", "half", "holiday", "holidays", "hols", "fair", "fayre", "fete", "concert",
    "show", "showers", "camp", "club", "clubs", "school", "uniform", "festival", "disco",
    "timetable", "production", "exams", "exam", "tests", "assessments", "newsletter", "menu",
    "garden", "gardens", "bed", "beds", "walk", "sun", "sunshine", "weather", "solstice",
    "equinox", "period", "residential", "series", "bank", "mocks",
    # (session 29) "Christian values", "Mason jar lanterns", "an Amber warning", "Faith Week",
    # "a Daisy chain", "Sunny skies", "Roman shields", "Teddy Bears' Picnic"; never a verb a
    # child's name could come before ("Poppy leaves at 2", "Hope springs up")
    "values", "ethos", "jar", "jars", "warning", "warnings", "alert", "week", "weeks", "appeal",
    "chain", "chains", "skies", "sky", "shields", "helmets", "soldiers", "empire", "numerals", "bears",
    "picnic", "cascade", "wreath", "wreaths", "lanterns", "petals", "bulbs", "tea", "assembly",
    "worship", "prayer", "prayers", "hymn", "hymns", "charity", "union", "aid",
})
# ... written in capitals as a title, where the name would need its surname: "Summer Fair", "Faith
# Week", "Poppy Appeal", "Teddy Bears' Picnic" (a pupil so named, with that surname, is read as a
# full name before this is asked).
_TITLE_NOUNS_A_WORD_DESCRIBES = frozenset({
    "fair", "fayre", "fete", "concert", "show", "festival", "disco", "week", "appeal", "bears",
    "picnic", "term", "holidays", "camp", "club", "values", "worship", "assembly",
})


_WELSH_ARTICLES = frozenset({"y", "yr"})


def _in_a_welsh_phrase(text: str, words: list[Token], at: int, after: int) -> bool:
    """Whether the name at words[at:after] is a word of a Welsh phrase: straight after the
    article ("Tymor yr Haf", the summer term; "oherwydd yr Eira", because of the snow) or
    straight before the article and a capitalised word ("Seren yr Wythnos", star of the week;
    "Jac y Do", the rhyme). A name in Welsh is never written after the article."""
    if at > 0 and words[at - 1].folded in _WELSH_ARTICLES and _spaced(text, words, at - 1, at):
        return True
    return (after + 1 < len(words) and words[after].folded in _WELSH_ARTICLES
            and words[after].raw.islower() and words[after + 1].raw[:1].isupper()
            and _spaced(text, words, after - 1, after) and _spaced(text, words, after, after + 1))


def _describes_the_next_word(text: str, words: list[Token], after: int) -> bool:
    """Whether the word before words[after] describes it, in lower case on the same line with
    nothing but a space between: "Summer term" (not "Summer, term starts")."""
    if after >= len(words):
        return False
    following = words[after]
    described = (following.folded in _NOUNS_A_WORD_DESCRIBES if following.raw[:1].islower()
                 else following.folded in _TITLE_NOUNS_A_WORD_DESCRIBES)
    return described and text[words[after - 1].end:following.start] == " "


def _after_a_first_name(text: str, words: list[Token], at: int, index: NameIndex) -> bool:
    """Whether words[at] comes straight after a capitalised first name on the same line, as a
    surname does ("Harry Kane's", "Lauren James's"): a pupil's or member of staff's first name,
    not a praise word or greeting ("Congrats Mia's team") nor a title."""
    if at == 0:
        return False
    before = words[at - 1]
    return (_title_case(before) and before.folded == before.base
            and (before.base,) not in _SINGLE_WORD_CUES
            and (before.base in index.first or before.base in index.staff_first)
            and _on_one_line(text, words, at - 1, at))


_SINGLE_WORD_CUES = frozenset(cue for cue in PRAISE_CUES if len(cue) == 1)


def _visitor_after(text: str, end: int, index: NameIndex) -> bool:
    """Whether the first name ending at `end` is followed by "from" and an organisation that is
    not the pupil's own group, school or past school (see _FROM_ORGANISATION)."""
    match = _FROM_ORGANISATION.match(text, end)
    if match is None:
        return False
    # The organisation's name: its capitalised words and the small words inside it ("Posh in
    # the Community"), up to the first other word ("... for running the session").
    words: list[str] = []
    next_word = ""
    for word in re.findall(r"[\w'’-]+", match.group("rest")):
        if not (word[:1].isupper() or word[:1].isdigit() or word.lower() in _NAME_JOINERS):
            next_word = word  # "Oak class", "Mrs Smith's form": the word after it says what it is
            break
        words.append(word)
    if not words or _PUPILS_OWN_GROUP.search(" ".join([*words, next_word])):
        return False
    # The school's own name or alias: "Mia from Orton Brook", "Mia from OBA".
    return not any(alnum_key("".join(words[:count])) in index.identity_keys
                   for count in range(1, min(len(words), 5) + 1))


_NAME_JOINERS = frozenset({"in", "the", "of", "and", "on"})


# One-letter Irish surname particles, written apart from the name: Ó Briain, O Murchú.
_SURNAME_PARTICLES = frozenset({"o", "ó"})


def _pupil_named_in_full(words: list[Token], at: int, index: NameIndex) -> bool:
    """Whether a pupil's first name and surname start at words[at]: after a word that can be a
    title ("Don't Miss Aarav Patel's Solo!"), a pupil's full name is the pupil, not an adult
    called Miss Aarav; a member of staff's full name stays theirs ("Mrs Grace Whitfield")."""
    if at + 1 >= len(words):
        return False
    if (words[at].folded, strip_possessive(words[at + 1].folded)) in index.staff_full:
        return False
    for seq, pupil in index.first.get(words[at].base, []) + index.first.get(words[at].folded, []):
        if _matches(words, at, seq) and any(
            _matches(words, at + len(seq), variant) for variant in index.last_variants[pupil.pupil_id]
        ):
            return True
    return False


def _someone_elses_surname(text: str, words: list[Token], after: int, pupil: Pupil, index: NameIndex) -> bool:
    """A pupil's first name straight before a surname that is not theirs names somebody else:
    "learning about Florence Nightingale", "Rhodri Morgan", "Harry Kane scored" (a surname
    misspelt by up to two letters is still theirs: "Renee Castelanno")."""
    if after >= len(words):
        return False
    if words[after - 1].folded != words[after - 1].base:
        return False  # "Zoë's Holi painting": a surname comes before the possessive, not after it
    following = words[after]
    if (following.folded in _SURNAME_PARTICLES and after + 1 < len(words)
            and _spaced(text, words, after, after + 1) and words[after + 1].raw[:1].isupper()):
        # "Dara Ó Briain", "Dara O Briain": the particle and the name after it are the surname.
        return not any(_matches(words, after, variant)
                       for variant in index.last_variants.get(pupil.pupil_id, []))
    # Only a word written as a name is: "Aarav Y3", "Maryam PE star" and "MVP" are not
    # surnames; "O'Neill" and "D'Arcy" are.
    title_case = _title_case(following)
    # A famous person, whatever else the surname is: "Happy Dylan Thomas Day" where a pupil is
    # called Thomas.
    if _a_famous_name(text, words, after - 1):
        return not any(_matches(words, after, variant)
                       for variant in index.last_variants.get(pupil.pupil_id, []))
    # An ordinary word after the name is not read as a surname ("Well done Amelia Great job"),
    # unless it is possessive, as words after a name rarely are: "Amir Khan's footwork", "Declan
    # Rice's goal" name somebody else ("Summer Fair's raffle", the fair).
    possessive = following.folded != following.base
    # Nor is another pupil's first name ("Amelia Mia and Jo" lists three pupils), unless it is
    # possessive on the same line: "Harry Kane's hat-trick" where a pupil is called Kane (a
    # list, one name a line, stays a list).
    same_line = _on_one_line(text, words, after - 1, after)
    if (not title_case or following.is_tag or not _spaced(text, words, after - 1, after)
            or following.folded in TITLES
            or (following.base in common_words() and not possessive)
            or (following.base in index.first and not (possessive and same_line))):
        return False
    return not any(
        levenshtein_at_most(following.base, part, _surname_slips(following.base, part))
        for seq in index.last_variants.get(pupil.pupil_id, [])
        for part in (*seq, "".join(seq))  # "Daniel Singh" for Daniel Kaur-Singh
    )


def _a_famous_name(text: str, words: list[Token], at: int) -> bool:
    """Whether words[at] and the next word, both written as names with only a space between,
    are a famous person's first name and surname (data/famous_people.txt): "Dylan Thomas", not
    the list "Dylan, Thomas and Haf"."""
    return (at + 1 < len(words) and _title_case(words[at]) and _title_case(words[at + 1])
            and _spaced(text, words, at, at + 1)
            and (words[at].base, words[at + 1].base) in famous_people())


def _surname_slips(written: str, surname: str) -> int:
    """How many letters a written word may be off a short surname and still be it: two ("Tait"
    for Tate), but only one where even the first letter differs, as a slip of the keys rarely
    changes it ("Khan" is two from "Shah": "Amir Khan's hand speed" is the boxer, not Amir Shah
    misspelt)."""
    if min(len(written), len(surname)) > 5 or written[:1] == surname[:1]:
        return 2
    return 1


_NAME_GAP = " \t'\"‘’“”()[]"


def _ends_a_name(text: str, words: list[Token], i: int, index: NameIndex) -> bool:
    """Whether the surname at words[i] completes a first-name-first name before it ("Amelia
    Hartley Lily Hartley": the first Hartley is Amelia's, not the start of "Hartley Lily")."""
    if i == 0 or not _spaced(text, words, i - 1, i):
        return False
    return any((words[i].folded,) in index.last_variants[pupil.pupil_id]
               for _seq, pupil in index.first.get(words[i - 1].base, []))


def _title_case(token: Token) -> bool:
    """Written as a name is: a capital, then lower case ("Kane", "O'Neill"; not "MVP", "Y3")."""
    return token.raw[:1].isupper() and any(ch.islower() for ch in token.raw)


def _on_one_line(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether words[first..last] read as one name on one line (see _spaced): a list written
    one name a line is a list."""
    return _spaced(text, words, first, last) and "\n" not in text[words[first].end:words[last].start]


def _surname_capitalised(text: str, mention: NameMention) -> bool:
    """Whether the last word of a full name is written with a capital ("hope Lancaster")."""
    last_word = text[mention.start:mention.end].split()[-1]
    return last_word[:1].isupper()


def _spaced(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether words[first..last] read as one name: spaces between them, quotes and brackets
    round a nickname ("Amelia 'Millie' Hartley"), an emoji ("Declan ⚽ Murphy") or one line
    break where a line wrapped ("...is Kavin\nJeyarajah, who..."), but no comma, full stop or
    blank line."""
    return all(_name_gap(text[words[k].end:words[k + 1].start]) for k in range(first, last))


def _name_gap(gap: str) -> bool:
    if gap.count("\n") > 1:
        return False  # a blank line parts names
    rest = gap.replace("\r", "").replace("\n", " ").strip(_NAME_GAP)
    if "\n" in gap and rest:
        return False  # a new line that starts with a bullet ("⭐ Ivy" then "⭐ Stone Age"): a list
    # Emoji and other pictures between the words: symbols, their variation selectors and joiners.
    return all(unicodedata.category(char) in ("So", "Sk", "Mn", "Cf") or char in _NAME_GAP for char in rest)


# A full name followed, on the same line, by a word for a road or a primary school is a place:
# "Will Marsh Lane", "Rose Hill Primary" (capitalised, as a place's name is written). Not words
# that follow names in ordinary sentences ("Amelia Hartley Way to go!", "Noah Williams Green
# team captain", "Jack Thompson School Games").
_PLACE_NAME_AFTER = re.compile(
    r"[ \t]+(?:Lane|Road|Street|Avenue|Close|Drive|Crescent|Gardens|Grove|Court|Square|Terrace|"
    r"Mews|Primary|Infants|Juniors|"
    # ... or a town's club or station: "Will Corby Town ever win an away game?"
    r"Town|City|United|Rovers|Athletic|Albion|Wanderers|FC|AFC|Borough|Station|Library|Hospital)\b"
)


def _words_not_a_person(text: str, words: list[Token], i: int, mention: NameMention) -> bool:
    """A pupil's full name written as ordinary words: followed by a road, a primary school or a
    town's club ("Will Marsh Lane", "Will Corby Town ever win away?"), or a first name that is
    also a word before a surname that is also a word in lower case ("Summer baker needed! The
    PTA..."), where the writer uses capitals elsewhere
    and a name would have its capital. The name's own first letter says nothing (a sentence's
    start, a phone's automatic capital: "Rose page is moving school, gonna miss her" is the
    pupil), nor does a text typed in lower case; a surname that is no word ("amelia hartley")
    is still the pupil. The caller keeps it a name where a praise cue or the pupil's year group
    says so ("well done will marsh, Y9")."""
    if _PLACE_NAME_AFTER.match(text, mention.end):
        return True
    first, last = words[i], next(word for word in words if word.end == mention.end)
    ordinary = common_words()
    if last.capitalised or last.base not in ordinary or strip_possessive(first.folded) not in ordinary:
        return False
    elsewhere = text[:first.start] + text[first.start + 1:]
    if not any(ch.isupper() for ch in elsewhere):
        return False
    # "Ivy stone read her poem": a person's pronoun in the sentence says it is someone.
    sentence_start = max(text.rfind(mark, 0, first.start) for mark in ".!?\n") + 1
    ends = [found for found in (text.find(mark, mention.end) for mark in ".!?\n") if found != -1]
    return not _PERSON_PRONOUN.search(text, sentence_start, min(ends, default=len(text)))


_PERSON_PRONOUN = re.compile(r"\b(?:she|he|her|his|him|hers|herself|himself)\b", re.IGNORECASE)


def _full_or_initial(
    text: str, words: list[Token], i: int, after: int, pupil: Pupil, index: NameIndex,
    consumed: set[int], typo_near: Callable[[int], set[str]],
) -> NameMention | None:
    start = words[i].start
    for skip in (0, 1):  # allow one middle name: "Amelia Rose Hartley"
        at = after + skip
        if at >= len(words) or at in consumed or (skip and not words[after].capitalised):
            continue
        if not _spaced(text, words, after - 1, at):
            continue  # "Min-jun, O what a rally": a comma between is not one name
        following = words[at]
        near = typo_near(at)
        if following.base not in index.last_heads[pupil.pupil_id] and pupil.pupil_id not in near:
            continue
        for variant in index.last_variants[pupil.pupil_id]:
            if _matches(words, at, variant):
                last = words[at + len(variant) - 1]
                return NameMention(
                    who="pupil", person_id=pupil.pupil_id, form="full", start=start,
                    end=last.end, text=text[start:last.end],
                )
        candidate = strip_possessive(words[at].folded)
        for variant in index.last_variants[pupil.pupil_id]:
            if (
                len(variant) == 1 and len(variant[0]) >= MIN_TYPO_LENGTH
                and edit_distance_at_most_one(candidate, variant[0])
                and words[at].capitalised
            ):
                return NameMention(
                    who="pupil", person_id=pupil.pupil_id, form="full", start=start,
                    end=words[at].end, text=text[start:words[at].end], typo=True,
                )
    if after < len(words) and _spaced(text, words, after - 1, after):
        initial = words[after]
        if _is_initial(initial, text, fold(pupil.last_name)[:1]):
            end = initial.end + (1 if text[initial.end:initial.end + 1] == "." else 0)
            return NameMention(
                who="pupil", person_id=pupil.pupil_id, form="initial", start=start, end=end,
                text=text[start:end],
            )
    return None


def _first_name_typo(text: str, words: list[Token], i: int, index: NameIndex) -> list[NameMention]:
    token, following = words[i], words[i + 1]
    if not token.capitalised:
        return []
    found = []
    for pupil in index.by_last_token.get(strip_possessive(following.folded), []):
        names = [pupil.first_name] + ([pupil.preferred_name] if pupil.preferred_name else [])
        for name in names:
            parts = name_tokens(name)
            if (
                len(parts) == 1 and len(parts[0]) >= MIN_TYPO_LENGTH
                and edit_distance_at_most_one(token.folded, parts[0])
                and any(_matches(words, i + 1, variant) for variant in index.last_variants[pupil.pupil_id])
            ):
                found.append(NameMention(
                    who="pupil", person_id=pupil.pupil_id, form="full", start=token.start,
                    end=following.end, text=text[token.start:following.end], typo=True,
                ))
                break
    return found


_YEAR_AFTER = re.compile(
    r"\s*(?:,\s*|\(\s*|[-–]\s*|(?:in|from|of)\s+)?(?:year|yr|y)\s?(\d{1,2})\b|\s*(?:,\s*|\(\s*|in\s+)(reception)\b",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"\b(?:year|yr|y)\s?(\d{1,2})(?:'s|’s)?\s+$|\b(reception)(?:'s|’s)?\s+$", re.IGNORECASE,
)


def _year_group(pupil: Pupil) -> str | None:
    wanted = (pupil.year_group or "").strip().lower()
    if not wanted:
        return None
    return "r" if wanted in ("r", "reception") else wanted.lstrip("0")


def _year_written(match: re.Match[str]) -> str:
    """The year group a YEAR_MENTION-shaped match gives (group 1 the number, group 2
    "reception"), as _year_group gives a pupil's."""
    return "r" if match.group(2) else match.group(1).lstrip("0")


def _year_beside(text: str, start: int, end: int) -> str | None:
    """The year group written right beside a name ("Mia in Year 7", "Mia (Y7)", "Year 7's
    Mia"), as _year_group gives it; None where there is none."""
    found = _YEAR_AFTER.match(text, end) or _YEAR_BEFORE.search(text, max(0, start - 12), start)
    return _year_written(found) if found else None


def _year_in_sentence(
    text: str, position: int, pupil: Pupil, cache: dict[int, frozenset[str]]
) -> bool:
    wanted = _year_group(pupil)
    if wanted is None:
        return False
    start, end = sentence_bounds(text, position)
    if start not in cache:
        mentioned = set()
        for match in YEAR_MENTION.finditer(text, start, end):
            mentioned.add(_year_written(match))
        cache[start] = frozenset(mentioned)
    return wanted in cache[start]


def _tag_mentions(text: str, tokens: list[Token], index: NameIndex) -> list[NameMention]:
    found: list[NameMention] = []
    for token in tokens:
        if not token.is_tag:
            continue
        body = token.raw[1:]
        key = alnum_key(body)
        if key in index.official_handles or key in index.identity_keys:
            continue
        parts = split_tag(body)
        matched: list[tuple[Pupil, str]] = []
        matched += [(pupil, "full") for pupil in index.tag_full.get(key, [])]
        if not matched and len(parts) >= 3:
            # A full name inside a longer CamelCase tag: "#WellDoneAishaRahman" (its capitals
            # show where the words end; a lower-case run cannot be split safely).
            matched += [(pupil, "full") for pupil, _, _ in _full_names_in_parts(parts, index, in_tag=True)]
        if not matched and len(parts) >= 2 and len(parts[-1]) == 1:
            matched += [(pupil, "initial") for pupil in index.tag_initial.get(key, [])]
        if not matched and len(parts) == 1 and len(key) >= 5 and key not in common_words():
            matched += [(pupil, "initial") for pupil in index.tag_initial.get(key, [])]
        if not matched and len(parts) == 1:
            matched += [(pupil, "first") for seq, pupil in index.first.get(key, []) if len(seq) == 1]
        mentions = [
            NameMention(
                who="pupil", person_id=pupil.pupil_id, form=form, start=token.start,
                end=token.end, text=token.raw, in_tag=True,
                common_word=form == "first" and key in index.common_first,
            )
            for pupil, form in matched
        ]
        found.extend(_unique(mentions))
    return found


def _full_names_in_parts(
    parts: list[str], index: NameIndex, in_tag: bool = False
) -> Iterator[tuple[Pupil, int, int]]:
    """(pupil, first part, parts after the last) for each run of two or three folded parts that
    is a pupil's first name and surname run together, in a long tag or a web address's path;
    a run of ordinary words is none (".../rose-page-of-history" is no Rose Page), except at the
    end of a CamelCase tag, where a praise tag puts the name ("#WellDoneSonnyBirch")."""
    for size in (2, 3):
        for i in range(len(parts) - size + 1):
            ends_the_tag = in_tag and i + size == len(parts)
            if not ends_the_tag and all(part in common_words() for part in parts[i:i + size]):
                continue
            for pupil in index.tag_full.get("".join(parts[i:i + size]), []):
                yield pupil, i, i + size


def _web_address_mentions(text: str, index: NameIndex) -> list[NameMention]:
    """A pupil's full name in a web address's path, as a school's news pages spell them:
    ".../news/keerthana-balakrishnan-medicine-offer", ".../amelia_hartley.jpg". Only first name
    and surname together: a slug's single words are too often ordinary ones."""
    if "/" not in text:
        return []
    found: list[NameMention] = []
    for address in web_addresses(text):
        rest, offset = address.group("rest"), address.start("rest")
        path = rest.find("/")
        if path < 0:
            continue
        words = list(re.finditer(r"[^\W_]+", rest[path:]))
        parts = [fold(word.group(0)) for word in words]
        for pupil, first, after in _full_names_in_parts(parts, index):
            start, end = offset + path + words[first].start(), offset + path + words[after - 1].end()
            found.append(NameMention(who="pupil", person_id=pupil.pupil_id, form="full", start=start,
                                     end=end, text=text[start:end], in_tag=True))
    return _unique(found)


def _unique(mentions: list[NameMention]) -> list[NameMention]:
    seen: set[tuple[str | None, int, int]] = set()
    unique = []
    for mention in mentions:
        key = (mention.person_id, mention.start, mention.end)
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique


def joined_to(text: str, left: NameMention, right: NameMention) -> bool:
    """'Hope and Amelia', 'Hope, Amelia': two names listed together."""
    first, second = (left, right) if left.start < right.start else (right, left)
    return bool(_JOINER.match(text[first.end:second.start]))

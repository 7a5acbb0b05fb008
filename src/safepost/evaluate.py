"""From evidence to findings: a pure function of evidence, request, school and pack.

Each situation names the rules that could cover it, nearest first ("fallback chain"); the
pack decides which of them the school's policy states, its clause and its severity. See
docs/exact-rules.md for the same logic in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from safepost.contract import CheckRequest, CheckResult, Finding, others_words, verdict_for
from safepost.detect.base import Evidence, author_role
from safepost.detect.context import request_day
from safepost.detect.sensitive import SAFEGUARDING_CASE
from safepost.detect.text import next_sentence, sentence_bounds
from safepost.language import OFFICIAL_ONLY, SAFEGUARDING, STAFF_CONDUCT, VIEWS
from safepost.policy import SEVERITY_ORDER, Pack, Rule
from safepost.school import Pupil, School

ESCALATION_SEVERITIES = frozenset({"safeguarding_escalation", "gross_misconduct_indicator"})
CONTACT_KINDS = ("phone", "email", "postcode", "street_address", "date_of_birth")
REACH_KINDS = ("social_handle", "contact_offer")
CONTACT_LABELS = {
    "phone": "a phone number", "email": "an email address", "postcode": "a postcode",
    "street_address": "a street address", "date_of_birth": "a date of birth",
    "social_handle": "a social media handle", "contact_offer": "an offer to connect privately",
}

NAME_RULES_OFFICIAL = (
    "content.pupil_full_name", "content.data_protection", "content.personal_info_about_individuals",
)
NAME_RULES_CONSENT = ("content.data_protection", "content.personal_info_about_individuals")
NAME_RULES_PERSONAL = ("content.discuss_school_community", "content.personal_info_about_individuals")
IMAGE_CONSENT_RULES = (
    "content.pupil_image_consent", "content.data_protection", "content.personal_info_about_individuals",
)
# What a like still says where a policy never mentions likes: endorsing hate, abuse, threats or
# obscenity, not a grumble or a name.
ENDORSED_IN_A_LIKE = frozenset({"discrimination", "harassment", "threat", "sexual", "inappropriate_link"})
# Where a like is no posting (REAch2), it still endorses hate, threats and obscenity, not a dig at
# one person (its readers: both liked hateful posts breaches, both liked mockery of a teacher not).
ENDORSED_WHERE_A_LIKE_IS_NO_POSTING = ENDORSED_IN_A_LIKE - {"harassment"}
PERSONAL_SENSITIVE_RULES = ("content.personal_info_about_individuals", "content.data_protection")
PUPIL_MATTER_FIX = ("Leave it out: a pupil's matters are shared only with those who need to know, through "
                    "the school's own systems.")
OTHERS_MATTER_FIX = ("Leave it out: a colleague's or a family's private matters are theirs to share, not "
                     "yours; if they need support, offer it in person.")
PUBLIC_REPLY_FIX = ("Keep a child's record out of a public reply: thank them and ask them to contact the "
                    "school, where it can be discussed in private.")
NEW_ACCOUNT_FIX = ("Have the account approved as the policy says (the headteacher or the senior leader it "
                   "names), and added to the school's list, before it is used.")
OFFICIAL_DATA_RULES = (
    "content.official_personal_data", "content.data_protection",
    "content.personal_info_about_individuals",
)
# A view the school must not take as an institution, on its own account: a political or religious
# opinion, else (where the pack states no rule on opinions there) disrepute.
OFFICIAL_VIEW_RULES = (
    "content.official_personal_opinions", "content.official_tone", "content.personal_views_as_institution",
    "content.disrepute",
)
OFFICIAL_VIEW_KINDS = ("election_campaigning", "exclusive_faith_claim")
LOGO_PERSONAL_RULES = ("content.logo_brand_personal", "content.uniform_logo_premises_images")
TO_PUPIL_CONTACT_RULES = (
    "content.personal_contact_details_to_pupils", "contact.pupil_personal_contact",
    "contact.pupil_friend_request",
)


# Each language judgement, and the rules that could cover it, nearest first. A derogatory remark
# about the school community, where a pack states no rule on negative comments for the channel
# (Holbrook; AURIGA's is for personal accounts), is an attack or insult on pupils, families,
# colleagues or the school (Holbrook 5.5 names the school too) before it is the general
# "bringing the school into disrepute".
JUDGEMENT_RULES: dict[str, tuple[str, ...]] = {
    "negative_school": (
        "content.negative_about_school_community", "content.attack_insult_abuse", "content.disrepute",
    ),
    "argue_with_parent": (
        "content.criticise_or_argue", "content.negative_about_school_community", "content.disrepute",
    ),
    "gossip": ("content.gossip_rumours", "content.negative_about_school_community", "content.disrepute"),
    "grievance": (
        "content.work_complaints_grievances", "content.negative_about_school_community",
        "content.disrepute",
    ),
    "discrimination": ("content.discriminatory_remarks", "content.bullying_harassment"),
    "harassment": ("content.bullying_harassment", "content.attack_insult_abuse"),
    "threat": ("content.threats_intimidation", "content.bullying_harassment"),
    "sexual": ("content.sexual_obscene", "content.inappropriate_material_links", "content.disrepute"),
    "inappropriate_link": ("content.inappropriate_material_links", "content.disrepute"),
    "confidential": ("content.confidential_org_info",),
    "private_info": ("content.personal_info_about_individuals", "content.data_protection"),
    "incident": (
        "content.school_incident_commentary", "workflow.crisis_posting_permission",
        "content.discuss_school_community", "content.confidential_org_info",
    ),
    # (On a personal account it is read only where the words speak as the school.)
    "political_opinion": (
        "content.official_personal_opinions", "content.official_tone",
        "content.personal_views_as_institution",
    ),
    "commitment": ("content.official_commitments",),
    "off_topic": ("content.official_topic_scope",),
    "unprofessional_tone": ("content.official_tone",),
    "grooming": ("content.grooming", "workflow.safeguarding_escalation",
                 "contact.personal_messages_to_pupils", "contact.pupil_personal_contact"),
    "request_child_info": (
        "content.request_personal_info_from_pupils", "content.grooming", "contact.pupil_personal_contact",
    ),
    # (Not the Staffordshire protocol's 4.2, staff reporting abuse they receive: a child's
    # disclosure is the safeguarding duty's, which every pack states or adopts.)
    "disclosure": ("workflow.safeguarding_escalation", "content.official_extreme_offence_removal"),
}
# On the school's own account, a post about an incident is a matter of who may post in a
# crisis (TPAT's crisis posting permission) or of discussing the school community, not of
# confidential business: an official statement that the school is safe after an incident is
# not a leak. (The personal-account chain ends at confidential_org_info, for Holbrook.)
OFFICIAL_JUDGEMENT_RULES: dict[str, tuple[str, ...]] = {
    "incident": ("workflow.crisis_posting_permission", "content.discuss_school_community"),
}
# A judgement whose own rule the pack does not state, where its nearest rule (harassment, for
# discrimination) leaves out a second rule the policy plainly means as well: TPAT states no rule
# on discrimination; its list of what staff must not do has both "offensive or harassing
# messages" and "inappropriate content", and its outside readers label a discriminatory remark
# inappropriate content (16 of 21 remarks) more often than harassment (8 of 21).
class _AlsoRule(NamedTuple):
    own: str  # the judgement's own rule, which the pack does not state
    also: str  # the second rule the policy means as well
    why: str


ALSO_WHERE_NO_OWN_RULE: dict[str, _AlsoRule] = {
    "discrimination": _AlsoRule("content.discriminatory_remarks", "content.inappropriate_material_links",
                                "discriminatory content is inappropriate content too"),
}
JUDGEMENT_WORDS = {
    "negative_school": "a negative comment about the school community",
    "argue_with_parent": "arguing with or criticising a parent or colleague",
    "gossip": "gossip or a rumour about people at work",
    "grievance": "a work grievance aired in public",
    "discrimination": "a discriminatory remark",
    "harassment": "bullying, an insult or mockery",
    "threat": "a threat or intimidation",
    "sexual": "sexual or obscene content",
    "inappropriate_link": "a link to inappropriate material",
    "confidential": "confidential school or trust business",
    "private_info": "someone else's private information",
    "incident": "commentary on an incident at school",
    "political_opinion": "a personal, political or religious view on an official account",
    "commitment": "a promise on the school's behalf",
    "off_topic": "content that is not about the school, on an official account",
    "unprofessional_tone": "a tone that does not suit an official account",
    "grooming": "moving a pupil towards a private or secret relationship",
    "request_child_info": "asking a pupil for personal information",
    "disclosure": "a possible disclosure of harm: a safeguarding matter for the DSL today",
}
# Words someone else wrote (a comment on the school's page by no member of staff, a message a
# member of staff received) are not the member of staff's conduct: what the policies ask of
# the school is to moderate them. Offensive or risky words: remove them (Holbrook's A.5) or,
# received in private, report them (the Staffordshire protocol); then the pack's rule for such
# content, which the school's page must not host either. A parent's complaint, gossip or
# grievance on the school's page is not a breach of the staff policy: only the policies' own
# moderation steps (TPAT: no reply until the headteacher permits it; Holbrook: the site's
# moderators remove what breaks its rules) apply. Someone's private information on the page is
# still the school publishing it. Received in private, only offensive or risky words count.
OFFENSIVE_JUDGEMENTS = frozenset({"discrimination", "harassment", "threat", "sexual", "inappropriate_link"})
PAGE_MODERATION_RULES = ("workflow.crisis_posting_permission", "account.moderation")
HOSTED_ON_THE_PAGE = frozenset({"private_info", "confidential"})
OFFENSIVE_ON_THE_PAGE_FIX = ("Hide the comment now and keep a copy; tell the headteacher (and the DSL if a "
                             "child may be at risk). Do not argue with the writer in public.")
OFFENSIVE_RECEIVED_FIX = ("Do not reply in kind. Keep a copy, report it to the platform, and tell your "
                          "headteacher or line manager.")
ON_THE_PAGE_FIX = ("Do not argue in public: ask the headteacher before the school replies, answer "
                   "politely or take it offline, and hide it only if it breaks the page's rules.")
HOSTED_FIX = "Hide the comment: the school's page must not show someone's private or confidential details."

JUDGEMENT_FIXES = {
    "disclosure": "Do not reply publicly. Tell the DSL now, record what was said, and hide the comment.",
    "grooming": "Do not send this. Contact pupils only through school systems; speak to the DSL.",
    "request_child_info": "Do not ask pupils for personal information; use school systems.",
    "commitment": "Check with the headteacher before promising anything on the school's behalf.",
}


@dataclass(frozen=True)
class Candidate:
    """A situation that may break a rule, before the pack is consulted."""

    rules: tuple[str, ...]
    message: str
    evidence: Evidence
    fix: str
    case: str | None = None
    replacement: str | None = None
    # An approval on record satisfies this, whatever the severity (a policy's named exception).
    approval_exception: bool = False
    # The approval on record is not one this rule accepts (a class teacher's, where the policy
    # asks for a leader's): the finding stands beside it.
    approval_not_enough: bool = False
    # The engine's own severity for a state that is a question, not a breach (unknown pupil).
    severity_override: str | None = None
    requires_case: bool = False
    details: dict[str, Any] | None = None


@dataclass(frozen=True)
class _Facts:
    """What the handlers need to know about the request, read once from the evidence."""

    request: CheckRequest
    school: School
    pack: Pack
    evidence: tuple[Evidence, ...]
    counterpart: Evidence | None
    period: str | None
    # An approval by someone other than the author (see `_an_approval_on_record`).
    approved: bool = False

    @property
    def official(self) -> bool:
        return self.request.channel == "official"

    def of_kind(self, *kinds: str) -> list[Evidence]:
        return [item for item in self.evidence if item.kind in kinds]

    def an_adult_who_has_left(self, pupil_id: str) -> bool:
        """A former pupil now 18 or over (the roster's date of birth, on the request's day in the
        school's time zone): on a staff member's own account, an adult's business, not a
        child's. Under 18, or of an age the roster does not give, they still count as a pupil."""
        pupil = self.school.pupil(pupil_id)
        if pupil is None or pupil.status != "former":
            return False
        age = pupil.age_on(request_day(self.request.at, self.school.timezone))
        return age is not None and age >= 18


def _pupil_label(pupil: Pupil) -> str:
    return f"{pupil.display_name} ({pupil.year_label})"


def _anonymous(pupil: Pupil) -> str:
    label = pupil.year_label
    if label in ("pupil", "former pupil"):
        return f"a {label}"
    article = "an" if label[:1] in "AEIOU" else "a"
    return f"{article} {label} pupil"


def _anonymous_at(pupil: Pupil, text: str, end: int) -> str:
    """'a Year 4 pupil', or just 'a pupil' when the year follows anyway ('Seun in Year 4')."""
    following = text[end:end + 24].lower()
    if pupil.year_label.lower() in following:
        return "a pupil"
    return _anonymous(pupil)


def _initialled(pupil: Pupil) -> str:
    return f"{pupil.preferred_name or pupil.first_name} {pupil.last_name[:1].upper()}."


def _pupil_matter_told(matter: Evidence, whose: str, why: str) -> Candidate:
    """A pupil's sensitive matter told on a personal account (named or not)."""
    return Candidate(
        PERSONAL_SENSITIVE_RULES,
        f"Tells of {whose} {matter.attrs['kind']} matter ('{matter.text}') on a personal account: {why}",
        matter, fix=PUPIL_MATTER_FIX,
    )


def _a_safeguarding_case(matter: Evidence) -> Iterator[Candidate]:
    """A safeguarding case told on a personal account ("another CP referral today", "social care
    in for one of my Reception babies") is the school's confidential business as well as the
    child's private matter (outside readers: 39 of 62 such posts confidential, 46 personal); so
    is a pupil's exclusion ("Y6 lad permanently excluded today": over the corpora and the looks,
    every one of the 20 such posts labelled confidential)."""
    if matter.attrs.get("kind") == SAFEGUARDING_CASE:
        yield Candidate(
            JUDGEMENT_RULES["confidential"],
            f"Tells of a safeguarding case ('{matter.text}') on a personal account: child protection work is "
            "the school's confidential business, shared only with those who need to know.",
            matter, fix="Leave it out. If it is weighing on you, talk to the DSL or use the staff support "
                        "the school offers; never online.")
    elif matter.attrs.get("exclusion"):
        yield Candidate(
            JUDGEMENT_RULES["confidential"],
            f"Tells of a pupil's exclusion ('{matter.text}') on a personal account: the school's decisions "
            "about a pupil are its confidential business, whatever the pupil did.",
            matter, fix="Leave it out; the school tells those who need to know.")


def _unnamed_matter_candidates(facts: _Facts) -> Iterator[Candidate]:
    """A pupil's record told in a public reply to their parent, on any account ("if he was in
    school on time..."), and a sensitive matter told on a personal account of someone in the
    school community unnamed: one of the writer's own pupils ("social services in again for one of my tutor
    group"), a pupil's family ("one of our families has a baby on the CP register"), a colleague
    ("our deputy head starts chemo on Monday")."""
    if others_words(facts.request) is not None or facts.of_kind("pupil_name"):
        return
    counterpart = facts.counterpart
    public_reply_to_a_parent = (facts.request.kind == "comment" and counterpart is not None
                                and counterpart.attrs.get("kind") == "parent")
    for matter in facts.of_kind("sensitive_matter"):
        if public_reply_to_a_parent and matter.attrs.get("school_discipline"):
            # "if he was in school on time he wouldn't keep getting detentions", under a parent's
            # complaint: their child's record, told to everyone reading the thread.
            yield Candidate(
                OFFICIAL_DATA_RULES[1:] if facts.official else PERSONAL_SENSITIVE_RULES,
                f"Tells of the parent's child's {matter.attrs['kind']} matter ('{matter.text}') in a public "
                "reply: everyone reading the thread learns the child's record.",
                matter, fix=PUBLIC_REPLY_FIX,
            )
            return
        if facts.official:
            # On the school's own account, a pupil's matter told of them unnamed but known to the
            # community ("the boy responsible has been suspended for five days") is personal data
            # the school publishes, as is a colleague's health or family matter ("we say goodbye
            # to Miss Keane, leaving us following her recent MS diagnosis").
            if matter.attrs.get("own_pupils") and not matter.attrs.get("family_news"):
                yield Candidate(
                    OFFICIAL_DATA_RULES[1:],
                    f"Publishes a pupil's {matter.attrs['kind']} matter ('{matter.attrs['own_pupils']}': "
                    f"'{matter.text}') on the school's account: unnamed, those who know the school know "
                    "who, and it is their personal data.",
                    matter, fix="Say what the school is doing without telling of any pupil's sanction or "
                                "circumstances.",
                )
                return
            told = _whose_matter(matter)
            if told is not None:
                label, person = told
                yield Candidate(
                    OFFICIAL_DATA_RULES,
                    f"Publishes {label} {matter.attrs['kind']} matter ('{person}': "
                    f"'{matter.text}') on the school's account: that is their personal data.",
                    matter, fix="Leave the matter out; say only what they have agreed the school may say.",
                )
                return
            continue
        if matter.attrs.get("family_news"):
            continue
        if matter.attrs.get("own_pupils"):
            yield _pupil_matter_told(
                matter, f"one of your pupils' ('{matter.attrs['own_pupils']}')",
                "unnamed, it is still the pupil's private information, and those who know the class "
                "know who.")
            yield from _a_safeguarding_case(matter)
            return
        told = _whose_matter(matter)
        if told is not None:
            label, person = told
            yield Candidate(
                PERSONAL_SENSITIVE_RULES,
                f"Tells of {label} {matter.attrs['kind']} matter ('{person}': "
                f"'{matter.text}') on a personal account: named or not, it is their private "
                "information, and those who know the school know who.",
                matter, fix=OTHERS_MATTER_FIX,
            )
            yield from _a_safeguarding_case(matter)
            return
        if (((matter.attrs.get("kind") == SAFEGUARDING_CASE
              and (matter.attrs.get("professional") or facts.of_kind("school_community_named")))
             or (matter.attrs.get("exclusion") and facts.of_kind("school_community_named")))
                and not matter.attrs.get("a_process")):
            # ("Two referrals to MASH and a strategy meeting before 10am": whose is not said, the
            # case is still the school's; not "DSL refresher: lots on making referrals")
            yield from _a_safeguarding_case(matter)
            return


def _whose_matter(matter: Evidence) -> tuple[str, str] | None:
    """Whose a sensitive matter is, besides the writer's own pupils', as the words say: ("a
    pupil's family's", "one of our families"), a colleague's, someone else's; None if no one's."""
    for whose, label in (("pupil_family", "a pupil's family's"), ("colleague", "a colleague's"),
                         ("other_adult", "someone else's")):
        if matter.attrs.get(whose):
            return label, str(matter.attrs[whose])
    return None


def _name_candidates(facts: _Facts) -> Iterator[Candidate]:
    pictured = {pid for image in facts.request.images for pid in image.pupils}
    counterpart_pupil = facts.counterpart.attrs.get("pupil_id") if facts.counterpart else None
    # A private message to a pupil or their parent may name that pupil (on the school's own
    # platform too: it publishes nothing); a public comment replying to them still names the
    # child to everyone.
    private = facts.request.kind == "message"
    school_setting = bool(facts.of_kind("school_context", "employment_statement"))
    # A health, SEN, safeguarding, family or discipline matter in the same post: beside a named
    # pupil it is special-category or confidential data, whatever the register says of the name.
    sensitive = facts.of_kind("sensitive_matter")
    # A private message to a colleague about a pupil's needs is work between colleagues ("can you
    # sit in on Storm's annual review? EHCP paperwork's in the blue folder"): the name's own rules
    # still read it, the matter is not told to anyone who should not know it.
    work_between_colleagues = (private and facts.counterpart is not None
                               and facts.counterpart.attrs.get("kind") == "colleague")
    adults_at = [adult.start for adult in facts.of_kind("staff_name", "adult_name")
                 if adult.source == "text" and adult.start is not None]
    for item in facts.of_kind("pupil_name"):
        pupil = facts.school.pupil(str(item.attrs["pupil_id"]))
        if pupil is None:
            continue
        form = item.attrs["form"]
        if private and pupil.pupil_id == counterpart_pupil:
            continue
        matter = next((found for found in sensitive if item.source == "text"
                       and _about_the_same_child(facts.request.text, item.start, found.start, adults_at)),
                      None)
        if (not facts.official and matter is not None and not item.attrs.get("own_people")
                and not matter.attrs.get("family_news") and others_words(facts.request) is None
                and not work_between_colleagues
                and (form == "full" or school_setting or matter.attrs.get("school_discipline"))):
            # On one's own account a pupil's sensitive matter is still the pupil's: an exclusion or
            # a detention is the school's business whatever else the words say; a first name beside
            # an illness or an arrest is a pupil only where the words are about school (a
            # neighbour's Maisie, Tommy in Peaky Blinders, are not).
            yield _pupil_matter_told(matter, f"{_pupil_label(pupil)}'s",
                                     "a pupil's private information is not to be shared.")
            yield from _a_safeguarding_case(matter)
            # (the name's own finding, below, only where it breaks another rule than this one)
            name_rule = facts.pack.first_rule(NAME_RULES_PERSONAL, facts.request.channel)
            matter_rule = facts.pack.first_rule(PERSONAL_SENSITIVE_RULES, facts.request.channel)
            if name_rule is not None and matter_rule is not None and name_rule[0] == matter_rule[0]:
                continue
        if facts.official and matter is not None:
            yield Candidate(
                OFFICIAL_DATA_RULES[1:],
                f"Names {_pupil_label(pupil)} beside a {matter.attrs['kind']} matter ('{matter.text}'): "
                "that is personal data the school must not publish, whatever consent there is to the name.",
                item, fix=_anonymous_at(pupil, facts.request.text, item.end or 0),
                replacement=_anonymous_at(pupil, facts.request.text, item.end or 0),
            )
            # (and what the name alone breaks, below, as its own finding)
        if facts.an_adult_who_has_left(pupil.pupil_id):
            # "reunion drinks with Jessica Turner" on a personal account, "welcome back former
            # student Jake Trevaskis, now a paramedic" on the school's: a grown-up, no pupil (the
            # rules on naming are about the school's students; the consent register's answer
            # was their parents', for a child)
            continue
        if facts.official:
            if form == "full":
                replacement = (
                    _initialled(pupil) if pupil.name_consent
                    else _anonymous_at(pupil, facts.request.text, item.end or 0)
                )
                # Full names are the pack's to decide (the contract). Where the parents agreed
                # to the name being published, a surname beyond that agreement is a matter of
                # data protection where the pack states that rule, but not of "discussing
                # personal information about a pupil" (AURIGA's only fallback): a consented
                # celebration is no such discussion (both outside readers under AURIGA); nor, under
                # REAch2, a disclosure "without proper authority" (its pack's parameter).
                protection = facts.pack.rule("content.data_protection")
                reaches = protection is None or protection.param("covers_consented_full_names", True)
                consented = NAME_RULES_OFFICIAL[:2] if reaches else NAME_RULES_OFFICIAL[:1]
                yield Candidate(
                    NAME_RULES_OFFICIAL if not pupil.name_consent else consented,
                    f"Names a pupil in full: {_pupil_label(pupil)}.", item,
                    fix=replacement, replacement=replacement,
                )
            elif not pupil.name_consent:
                replacement = _anonymous_at(pupil, facts.request.text, item.end or 0)
                yield Candidate(
                    NAME_RULES_CONSENT,
                    f"Names {_pupil_label(pupil)}, whose parents have not agreed to their name "
                    "being published.", item, fix=replacement, replacement=replacement,
                )
            elif pupil.pupil_id in pictured:
                yield Candidate(
                    ("content.pupil_full_name",),
                    f"Names {_pupil_label(pupil)} beside a photo of them, which makes them easy "
                    "to identify.", item, case="first_name_with_photo", requires_case=True,
                    fix="Leave the name out of the caption, or use a photo without them.",
                )
        elif not item.attrs.get("own_people") and (
            form == "full" or (form == "initial" and item.attrs.get("in_tag"))
            or pupil.pupil_id in pictured or school_setting or item.attrs.get("praised")
        ):
            # A first name alone on a personal account is usually someone else's child, a
            # friend or a relative: it counts as a pupil only in a school setting.
            replacement = "a pupil"
            yield Candidate(
                NAME_RULES_PERSONAL,
                f"Mentions a pupil, {_pupil_label(pupil)}, on a personal account.", item,
                fix=replacement, replacement=replacement,
            )


# A child's pronoun opening the talk of them in the next sentence ("Get well soon Marcus! He's
# recovering from his operation").
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|he's|she's)\b", re.IGNORECASE)
# A wish or greeting to the named child ("Get well soon Theo!"), after which "you" in the next
# sentence is the child ("... thinking of you while you're in hospital").
_WISHED = re.compile(r"\b(?:get well soon|happy birthday|well done|good luck|congratulations|congrats|"
                     r"we miss you|miss you|thinking of you|sending (?:love|hugs))\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|you're|you are|your|yours)\b", re.IGNORECASE)


def _about_the_same_child(text: str, name_at: int | None, matter_at: int | None,
                          adults_at: Collection[int] = ()) -> bool:
    """Whether a sensitive matter is told of the named child: in the name's sentence, or in the
    next one with a he or she in it, or opening it as a note on what went before
    ("Devastated for Ayaan's mum. EHCP refused AGAIN"). `adults_at`: where the text names a
    member of staff or another grown-up (the people detector's finds)."""
    if name_at is None or matter_at is None:
        return False
    start, end = sentence_bounds(text, name_at)
    if start <= matter_at < end:
        return True
    following = next_sentence(text, end)
    if following is None:
        return False
    next_start, next_end = following
    if not next_start <= matter_at < next_end:
        return False
    # (a he or she after it counts too, "Omar said his first sentence in English today! Four
    # months of selective mutism and he just came out with it", unless another grown-up is named
    # there: "Mrs Patel is running her selective mutism training")
    after_it = (_PRONOUN.search(text, matter_at, next_end) is not None
                and not any(next_start <= at < next_end for at in adults_at))
    # (or "you", where the name's sentence wishes the child well: "Get well soon Theo! Everyone in
    # Year 3 is thinking of you while you're in hospital")
    wished = (_WISHED.search(text, start, end) is not None
              and _YOU.search(text, next_start, next_end) is not None)
    return (_PRONOUN.search(text, next_start, matter_at) is not None or after_it or wished
            or not re.search(r"\w", text[next_start:matter_at]))


def _image_candidates(facts: _Facts) -> Iterator[Candidate]:
    shown = facts.of_kind("image_pupil", "image_unknown_pupil")
    if not facts.official:
        shown = [item for item in shown if not facts.an_adult_who_has_left(str(item.attrs["pupil_id"]))]
    if facts.official:
        for item in shown:
            if item.kind == "image_unknown_pupil":
                yield Candidate(
                    IMAGE_CONSENT_RULES,
                    f"A picture lists '{item.text}', who is not on the pupil roster, so their "
                    "photo consent cannot be checked.", item,
                    fix="Confirm who is shown and that written consent exists.",
                    severity_override="needs_approval",
                )
            elif not item.attrs["photo_consent"]:
                pupil = facts.school.pupil(str(item.attrs["pupil_id"]))
                label = _pupil_label(pupil) if pupil else item.text
                yield Candidate(
                    IMAGE_CONSENT_RULES,
                    f"{label} is shown, but there is no parental consent on record for their "
                    "photo to be published.", item, case="no_consent",
                    fix=f"Use a picture without {item.text}, or blur them, or get written "
                    "consent from their parent or carer first.",
                )
        if shown and facts.request.device == "personal":
            yield Candidate(
                ("conduct.recording_devices",),
                "Pictures of pupils are being posted from a personal device; pupil images "
                "should be taken and kept on school equipment.", shown[0],
                fix="Post from a school device, and delete the pictures from personal ones.",
            )
    elif shown:
        names = ", ".join(item.text for item in shown)
        rule = facts.pack.first_rule(("content.pupil_images_personal", "content.data_protection"),
                                     facts.request.channel)
        permission = bool(rule and rule[1].param("permission_exception"))
        yield Candidate(
            ("content.pupil_images_personal", "content.data_protection"),
            f"Pictures of pupils ({names}) on a personal account.", shown[0],
            fix="Do not post pictures of pupils on personal accounts; share them through the "
            "school's official account instead.",
            approval_exception=permission,
        )
    yield from _face_candidates(facts)
    for item in facts.of_kind("image_logo"):
        if not facts.official:
            yield Candidate(
                LOGO_PERSONAL_RULES,
                f"Picture {_picture_number(item)} shows {item.text}, which ties a personal post "
                "to the school.", item,
                fix="Use a picture without the school's logo or uniform, or crop it out.",
            )
    # A camera's serial number or its owner's name matters where the school publishes someone's
    # picture; in the author's own picture on their own account it names no one new.
    for item in facts.of_kind("image_hidden_data") if facts.official else ():
        tags = ", ".join(item.attrs.get("tags", {}))
        yield Candidate(
            OFFICIAL_DATA_RULES,
            f"The picture {item.attrs.get('path', '')} carries hidden data ({tags}) that can "
            "identify the camera, its owner or when it was taken.", item,
            fix="Remove the hidden data before posting (safepost strip, or the one-click fix).",
            severity_override="advice",
        )
    for item in facts.of_kind("image_gps"):
        rules = OFFICIAL_DATA_RULES if facts.official else ("content.own_personal_information",)
        yield Candidate(
            rules,
            f"The picture {item.attrs.get('path', '')} carries its GPS location "
            f"({item.text[4:]}), which shows where it was taken.", item,
            fix="Remove the location data from the picture before posting.",
        )


def _picture_number(item: Evidence) -> int:
    """'images[2]...' is the third picture, as staff count them."""
    return int(item.source.split("[", 1)[1].split("]", 1)[0]) + 1


def _face_candidates(facts: _Facts) -> Iterator[Candidate]:
    """More faces than listed pupils: someone must say who is shown (faces are never identified)."""
    for item in facts.of_kind("image_faces"):
        count, listed = int(item.attrs["count"]), int(item.attrs["listed"])
        if facts.official and count > listed:
            unlisted = count - listed
            yield Candidate(
                IMAGE_CONSENT_RULES,
                f"Picture {_picture_number(item)} shows {item.text} but lists "
                f"{listed if listed else 'no'} pupil{'s' if listed != 1 else ''}: {unlisted} "
                f"face{'s are' if unlisted != 1 else ' is'} not accounted for.", item,
                fix="Say which pupils appear (their photo consent is then checked), or confirm "
                "the others are adults or have consent; crop or blur anyone without consent.",
                severity_override="needs_approval",
                details={"faces": item.attrs["boxes"], "listed": listed},
            )
        elif not facts.official and listed == 0 and (
            facts.of_kind("image_logo") or facts.of_kind("school_context", "employment_statement")
        ):
            yield Candidate(
                ("content.pupil_images_personal", "content.data_protection"),
                f"Picture {_picture_number(item)} shows {item.text} in a school setting on a "
                "personal account. If any are pupils, it must not be posted here.", item,
                fix="Do not post pictures of pupils on personal accounts; share them through the "
                "school's official account instead.",
                severity_override="advice",
                details={"faces": item.attrs["boxes"]},
            )


def _reaches_child(facts: _Facts) -> bool:
    """A message to a pupil, a former pupil under 18 (or of unknown age) or a parent (not one
    they wrote to the member of staff: its contact details are theirs to give)."""
    if facts.counterpart is None or facts.request.kind not in ("message", "comment", "friend_request"):
        return False
    attrs = facts.counterpart.attrs
    if others_words(facts.request) is not None:
        return False
    return attrs["kind"] == "parent" or _a_pupil_who_may_be_a_child(facts.counterpart)


def _a_pupil_who_may_be_a_child(counterpart: Evidence) -> bool:
    """A pupil (a sixth former of 18 too), or a former pupil under 18 or of an age nobody gave."""
    kind, age = counterpart.attrs.get("kind"), counterpart.attrs.get("age")
    return kind == "pupil" or (kind == "former_pupil" and (not isinstance(age, int) or age < 18))


# Children a stranger calls on under the school's post ("any year 8 or 9 girls ...", "anyone in
# yr7 ...", "which of u lads ..."), with something on offer ("£££ for a few pics", "easy money",
# "free V-bucks", "parcels"): the pattern of exploitation, not a club or a recipe ("my kids loved
# it, message me for the recipe", "recruiting boys and girls U9-U14, DM me").
_CALLING_CHILDREN = re.compile(
    r"\b(?:any|anyone|anybody|who|which(?:\s+of)?(?:\s+(?:u|you))?|calling\s+all)\b"
    r"(?P<between>[^.?!\n]{0,25}?)\b(?:"
    r"kids?|children|girls?|gurls|boys?|lads|lasses|teens?|teenagers?|"
    r"(?:year|yr|y)\s?\d{1,2}(?:s|'s)?|\d{1,2}\s?(?:yr|year)s?[\s-]?olds?)\b(?P<after>'?\s*\w*)",
    re.IGNORECASE,
)
# ... but not the children's parents ("any year 7 parents want free uniform?") or someone's own
# children ("does anyone have kids' football boots?", "who else has kids in year 9?").
_ABOUT_THEIR_CHILDREN = re.compile(r"\b(?:have|has|got|with|your|their|our|my)\b", re.IGNORECASE)
_CHILDRENS_ADULTS = re.compile(r"^'?\s*(?:parents?|mums?|moms?|dads?|carers?|famil(?:y|ies)|grans?|nans?)$",
                               re.IGNORECASE)


def _calling_on_children(text: str) -> re.Match[str] | None:
    for match in _CALLING_CHILDREN.finditer(text):
        theirs = _ABOUT_THEIR_CHILDREN.search(match.group("between"))
        if theirs or _CHILDRENS_ADULTS.match(match.group("after")):
            continue
        return match
    return None
_LURE = re.compile(
    r"£|\$|\b(?:cash|money|earn|paid|pay|pics?|photos?|selfies?|free|gifts?|v-?bucks|skins|robux|"
    r"parcels?|packages?|job|work)\b",
    re.IGNORECASE,
)
_PRIVATE_REACH = frozenset({*REACH_KINDS, "phone"})


def _stranger_reaching_for_children(facts: _Facts, details: list[Evidence]) -> Iterator[Candidate]:
    """A member of the public, under the school's post, calling on children with something on
    offer and asking them to make private contact: the DSL's (as the language reading of such
    a comment is), whatever the words around the offer mean to a model."""
    words = others_words(facts.request)
    if words is None or not words.stranger:
        return
    text = facts.request.text
    children = _calling_on_children(text)
    offer = next((item for item in details
                  if item.kind in _PRIVATE_REACH
                  and item.attrs.get("owner") not in ("school_public", "public_service")), None)
    if children is None or offer is None or not _LURE.search(text):
        return
    yield Candidate(
        JUDGEMENT_RULES["disclosure"],
        f"Someone outside the school asks '{children.group(0).strip()}' on the school's page to contact "
        f"them privately ('{offer.text}'): a safeguarding matter for the DSL.", offer,
        fix="Do not reply. Hide the comment, keep a copy, and tell the DSL today.",
    )


def _pupil_seeking_private_contact(facts: _Facts, details: list[Evidence]) -> Iterator[Candidate]:
    """A pupil (or a former pupil under 18) asking the member of staff, on a personal account,
    to connect privately: the policies' handling of a pupil's approach (record it, tell the
    head), or failing that their rule on pupils' friend requests."""
    counterpart = facts.counterpart
    if counterpart is None or facts.official or not _a_pupil_who_may_be_a_child(counterpart):
        return
    offer = next((item for item in details if item.kind in REACH_KINDS), None)
    if offer is None:
        return
    yield Candidate(
        ("contact.pupil_friend_request_handling", "contact.pupil_friend_request"),
        f"A pupil asks to connect privately ('{offer.text}').", offer,
        fix="Do not accept or reply from a personal account; record it and tell the headteacher "
        "or DSL, and answer (if at all) through the school's channels.",
    )


def _contact_candidates(facts: _Facts) -> Iterator[Candidate]:
    details = facts.of_kind(*CONTACT_KINDS, *REACH_KINDS)
    yield from _stranger_reaching_for_children(facts, details)
    words = others_words(facts.request)
    if words is not None:
        # The writer's own details, given to the member of staff: nothing of theirs is
        # published or offered. A pupil asking to connect privately is still a request to
        # handle ("add me on snap sir").
        yield from _pupil_seeking_private_contact(facts, details)
        if words.where == "received":
            return
    to_child = _reaches_child(facts)
    # The writer's own pupils called on in a post on a personal account ("Any of my Y11s stuck on
    # revision, just text me on ..."): the details are given to them (detect/contact_details.py).
    own_pupils_called = next(iter(facts.of_kind("own_pupils_called")), None) if not facts.official else None
    told_own_pupils = False
    for item in details:
        owner = item.attrs.get("owner")
        if owner in ("school_public", "public_service"):
            continue  # (the school's own published details, or a public service's: Childline, social care)
        label = CONTACT_LABELS[item.kind]
        if own_pupils_called is not None and owner != "work" and not to_child:
            if told_own_pupils:
                continue  # (one finding: "text me on 07700 ..." is one offer, not two)
            told_own_pupils = True
            yield Candidate(
                TO_PUPIL_CONTACT_RULES,
                f"Gives {label} ('{item.text}') to the writer's own pupils ('{own_pupils_called.text}') "
                "in a public post: an invitation to contact a member of staff privately.", item,
                fix="Remove it: point pupils to the school's own channels (the school email, the learning "
                "platform) for help.", replacement="",
            )
            continue
        if to_child:
            who = str(facts.counterpart.attrs["kind"]).replace("_", " ") if facts.counterpart else ""
            yield Candidate(
                TO_PUPIL_CONTACT_RULES,
                f"Gives {label} ('{item.text}') in a {facts.request.kind} to a {who}.", item,
                fix="Remove it: contact pupils and parents only through the school's official "
                "channels.", replacement="",
            )
            published = facts.request.kind == "comment" and item.kind not in REACH_KINDS
            if published and owner in ("unknown", "personal"):
                # A comment is public as well: the details are published to everyone (on the
                # school's page, as the school's: "message me on my own phone 07700 ...").
                yield _official_data(item, label) if facts.official else _own_information(item, label)
        elif item.kind in REACH_KINDS:
            continue
        elif facts.request.kind in ("message", "like", "share") and not facts.official and owner != "pupil":
            # A private message to an adult ("ring me on ..." to a colleague) shares nothing
            # publicly, and the number in a post someone else wrote and the member of staff
            # likes or shares ("lost keys, ring Gaynor on ...") is not theirs: the rules below
            # are about what they post.
            continue
        elif facts.official:
            if item.kind == "email" and owner == "work":
                continue
            yield _official_data(item, label)
        elif item.kind == "email" and owner == "work":
            yield Candidate(
                ("profile.work_contact_details_on_profile",),
                f"A work email address is posted on a personal account: {item.text}.", item,
                fix="[work email removed]", replacement="[work email removed]",
            )
        elif item.kind == "date_of_birth" and owner == "pupil":
            pupil = facts.school.pupil(str(item.attrs.get("pupil_id") or ""))
            yield Candidate(
                ("content.personal_info_about_individuals", "content.data_protection"),
                f"Gives a pupil's date of birth{f' ({_pupil_label(pupil)})' if pupil else ''}.",
                item, fix="[date removed]", replacement="[date removed]",
            )
        else:
            yield _own_information(item, label)


def _official_data(item: Evidence, label: str) -> Candidate:
    return Candidate(
        OFFICIAL_DATA_RULES,
        f"An official post includes {label}: {item.text}.", item,
        fix=f"[{label[label.index(' ') + 1:]} removed]",
        replacement=f"[{label[label.index(' ') + 1:]} removed]",
    )


def _own_information(item: Evidence, label: str) -> Candidate:
    return Candidate(
        ("content.own_personal_information",),
        f"Shares {label} publicly: {item.text}. Personal details like this can be "
        "used to find or impersonate you.", item,
        fix=f"[{label[label.index(' ') + 1:]} removed]",
        replacement=f"[{label[label.index(' ') + 1:]} removed]",
    )


def _employer_stance(pack: Pack) -> str:
    rule = pack.rule("profile.employer_identification")
    return str(rule.param("stance", "discouraged")) if rule else "discouraged"


def _identity_candidates(facts: _Facts) -> Iterator[Candidate]:
    permitted = _employer_stance(facts.pack) == "permitted"
    for item in facts.evidence:
        name = item.attrs.get("name", "")
        if item.kind == "school_in_profile_name":
            rules: tuple[str, ...] = ("profile.school_name_in_profile_name",)
            if not permitted:
                rules += ("profile.employer_identification",)
            yield Candidate(
                rules,
                f"The profile's {item.source.split('.')[-1].replace('_', ' ')} '{item.text}' "
                f"contains the name '{name}'.", item,
                fix="Choose a profile name that does not include the school's or trust's name.",
            )
        elif item.kind == "employer_in_profile" and not permitted:
            yield Candidate(
                ("profile.employer_identification",),
                f"The profile's {item.source.split('.')[-1]} names the school or trust ('{name}').",
                item, fix="Remove where you work from your personal profile.",
            )
        elif (item.kind == "employment_statement" and not permitted and not facts.official
              # ("our Year 6 at Larkspur Lane" says where one works only to a policy that forbids
              # saying it at all: Holbrook 6.1, as its outside readers label it)
              and (not item.attrs.get("implied") or _employer_stance(facts.pack) == "prohibited")):
            yield Candidate(
                ("profile.employer_identification",),
                f"Says where you work ('{item.text}') on a personal account.", item,
                fix="a local school", replacement=None,
            )
        elif item.kind == "work_email_on_account":
            yield Candidate(
                ("profile.work_email_for_personal_account", "profile.work_contact_details_on_profile"),
                f"The personal account is registered with a school email address ({item.text}).",
                item, fix="Use a personal email address for personal social media.",
            )
        elif item.kind == "work_contact_on_profile":
            yield Candidate(
                ("profile.work_contact_details_on_profile",),
                f"The profile shows work contact details ({item.text}).", item,
                fix="Remove work contact details from the profile.",
            )
        elif item.kind == "speaks_for_school" and item.attrs.get("stance") and not facts.official:
            yield Candidate(
                ("content.personal_views_as_institution",),
                f"Speaks as the school ('{item.text}') while taking a side on a contested matter, "
                "on a personal account: readers will take it as the school's view.", item,
                fix=("Say the view is your own and leave the school's name out; only the school's "
                     "spokesperson speaks for it."),
            )
        elif item.kind == "public_profile":
            yield Candidate(
                ("profile.privacy_settings",),
                "The profile is public: anyone, including pupils and parents, can see it.", item,
                fix="Set the profile to friends only or private.",
            )


def _a_comment_the_discuss_rule_covers(facts: _Facts, rule: Rule) -> bool:
    """Whether the request is a comment the pack's rule on discussing the school community is
    for: not by those it is not for (`not_for_roles`: governors, not at work in the protocol's
    scope), and, where it bans any comment at all (`breadth: any_comment`), not a like or a share
    (they make no comment: the content rules judge what is liked), a profile or a friend request
    (their own rules), nor a message to a colleague (work between colleagues) or to a pupil or
    former pupil (the contact rules' matter)."""
    if author_role(facts.request, facts.school) in (rule.param("not_for_roles") or ()):
        return False
    if rule.param("breadth") != "any_comment":
        return True
    counterpart_kind = facts.counterpart.attrs.get("kind") if facts.counterpart else None
    return not (facts.request.kind in ("profile", "friend_request", "like", "share") or (
        facts.request.kind == "message" and counterpart_kind in ("colleague", "pupil", "former_pupil")))


def _school_talk_candidates(facts: _Facts) -> Iterator[Candidate]:
    """A pack that bans any comment on the school at all (the Staffordshire protocol's opening
    line; `breadth: any_comment`): the school named, or the member of staff's own class,
    pupils, colleagues or working life there, on their own account. Not a message to a colleague
    (work between colleagues) or to a pupil or former pupil (the contact rules' matter); not
    what a pupil's name already raised under the same rule."""
    rule = facts.pack.rule("content.discuss_school_community")
    request = facts.request
    if rule is None or rule.param("breadth") != "any_comment" or facts.official:
        return
    if not _a_comment_the_discuss_rule_covers(facts, rule):
        return
    if others_words(request) is not None or facts.of_kind("pupil_name"):
        return
    talk = facts.of_kind("about_the_school")
    if talk:
        yield Candidate(
            ("content.discuss_school_community",),
            f"Comments on the school ('{talk[0].text}') on a personal account: the policy asks staff "
            "to make no comment on anything related to the school, its pupils, parents or colleagues.",
            talk[0],
            fix="Leave the school out of it: post about your own life, not the school's.",
        )


@dataclass(frozen=True)
class _WordsReading:
    """A reading of the member of staff's own words that one detector makes and one finding
    reports: its evidence kind, the rules (the first the pack has counts), whose accounts it is read
    on (a member of staff's own, the school's, or any), what the finding says and its fix; on the
    school's account, other rules and a word more where the policy judges the school's own voice
    differently; and whether a private message to a colleague is work between colleagues rather
    than this."""

    kind: str
    rules: tuple[str, ...]
    accounts: Literal["personal", "official", "any"]  # whose accounts it is read on
    message: Callable[[Evidence], str]
    fix: str
    official_rules: tuple[str, ...] | None = None
    official_note: str = ""
    not_to_a_colleague: bool = False


SEXUALISED_PUPILS_FIX = ("Delete it and do not post it again. The DSL must be told: an adult who talks of "
                         "pupils this way is a safeguarding concern, whatever was meant.")
RECORDS_SHOWN_FIX = ("Do not share it; delete the post, and tell the school's data protection lead if it "
                     "has been seen.")
_WORDS_READINGS = (
    # The Staffordshire protocol's Appendix 2, item 9: telling readers to set aside what the
    # school has formally said ("ignore the letter, the residential isn't cancelled").
    _WordsReading(
        "contradicts_the_school", ("content.false_misleading_or_contradictory",), "personal",
        lambda item: (f"Contradicts what the school has told families ('{item.text}'): the policy asks "
                      "staff not to contradict information the Trust has given formally, or the effect "
                      "of a policy in force."),
        "Leave it to the school's own letters and channels; if you think a letter is wrong, tell the "
        "office or your line manager."),
    # An inspection's outcome hinted at before the report is out ("can't say much yet but the
    # inspectors were VERY happy with us"): confidential until published, on any account (eight
    # outside readers' cases, none read before; detect/inspection.py).
    _WordsReading(
        "unpublished_inspection", JUDGEMENT_RULES["confidential"], "any",
        lambda item: (f"Tells how an inspection went before the report is published ('{item.text}' ... "
                      f"'{item.attrs['hush']}'): until then the outcome is the school's confidential "
                      "business."),
        "Wait for the published report, and share the school's own announcement of it."),
    # The school's results told before they are published ("SATs results back this morning. 58%
    # combined", "sneak peek at tomorrow's A level results 🤫"): confidential until then, on a
    # personal account (the school's own account announces them when it chooses;
    # detect/results.py).
    _WordsReading(
        "unpublished_results", JUDGEMENT_RULES["confidential"], "personal",
        lambda item: (f"Tells the school's results before they are published ('{item.text}' ... "
                      f"'{item.attrs['hush']}'): until then they are the school's confidential business."),
        "Wait until the school publishes its results, and share its announcement."),
    # An incident at the writer's school told on a personal account ("Real fire, NOT a drill. DT
    # room"): commentary the policies leave to the head (detect/incident.py).
    _WordsReading(
        "school_incident", JUDGEMENT_RULES["incident"], "personal",
        lambda item: (f"Comments on an incident at school ('{item.text}' ... '{item.attrs['where']}') on "
                      "a personal account: what is said about incidents is for the head and the "
                      "school's own channels."),
        "Leave it to the school's own statement."),
    # A school group written off as less than human ("Year 9 set 4 are genuinely feral"): a
    # derogatory comment about the school community, on any account (detect/put_down.py).
    _WordsReading(
        "school_put_down", JUDGEMENT_RULES["negative_school"], "any",
        lambda item: ((f"Calls {item.attrs['whom']} '{item.text}'" if item.attrs["group"] else
                       f"Calls the pupils of '{item.attrs['whom']}' '{item.text}'")
                      + ": writing off pupils, parents or colleagues as less than human is a derogatory "
                      "comment about the school community, however fondly meant."),
        "Say how the day felt without labelling the children or adults in it ('a tough last lesson')."),
    # Someone at school written off in a stock phrase ("our deputy couldn't organise a piss-up in
    # a brewery", "as much use as a chocolate teapot"): a derogatory comment about the school
    # community, on any account (detect/contempt.py).
    _WordsReading(
        "school_contempt", JUDGEMENT_RULES["negative_school"], "any",
        lambda item: ((f"Writes off {item.attrs['whom']} as '{item.text}'" if item.attrs["whom"] else
                       f"Writes off someone at school as '{item.text}'")
                      + ": a put-down of staff, pupils, parents or the school is a derogatory comment "
                      "about the school community, however common the phrase."),
        "Leave it offline; if something at work is not right, raise it with your line manager."),
    # A dig at people at work dressed up as a remark ("Funny how some people get promoted for
    # crying in the head's office", "some of us actually do our jobs"): a negative comment about
    # the school community (detect/dig.py).
    _WordsReading(
        "school_dig", JUDGEMENT_RULES["negative_school"], "personal",
        lambda item: (f"A dig at people at work ('{item.text}'): however it is dressed up, a negative "
                      "comment about colleagues, parents or the school."),
        "Raise it with the person or your line manager, not online."),
    # An allegation of wrongdoing about someone readers could pick out ("apparently the head's
    # having an affair with one of the governors", "the bloke who runs Downland Cabs is a drunk"):
    # possibly defamatory (detect/allegation.py). Not read on the school's own account, whose posts
    # are approved and whose statements of fact ("a parent was arrested following an incident
    # off site") are the head's to make.
    _WordsReading(
        "allegation", ("content.defamation",), "personal",
        lambda item: (f"Accuses {item.attrs['whom']} of {item.attrs['accusing']} ('{item.text}'): told as "
                      "fact or as rumour, an allegation about someone people can identify may be "
                      "defamatory, and the writer and the school can be sued for it."),
        "Do not post allegations. If you know of wrongdoing, report it to the headteacher (or, about the "
        "head, the chair of governors) or through the whistleblowing policy."),
    # Someone else's work used without leave ("pic nicked off Google Images", "the full text of The
    # Gruffalo to read at home", "free Premier League streams"), on any account (detect/copyright.py).
    _WordsReading(
        "someone_elses_work", ("content.copyright",), "any",
        lambda item: (f"Uses someone else's work without leave ('{item.text}': {item.attrs['how']}): "
                      "pictures and writing belong to whoever made them, and sharing them without "
                      "permission breaches copyright."),
        "Use your own picture or words, one the school holds the rights to, or a free-to-use one with "
        "its credit; to share a work, link to where its owner published it."),
    # Pupils' records shown ("Screenshot of the Y11 mock results spreadsheet lol"): personal data
    # and the school's confidential business, on any account (detect/school_records.py).
    _WordsReading(
        "school_records_shared", ("content.data_protection", "content.personal_info_about_individuals"),
        "any",
        lambda item: (f"Uses the school's records for the writer's own ends ('{item.text}'): families' "
                      "contact details are personal data the school holds for its own business only."
                      if item.attrs.get("used_for_own_ends") else
                      f"Shows pupils' records ('{item.text}'): a class's results, grades, register or "
                      "lists are personal data the school holds in confidence."),
        RECORDS_SHOWN_FIX),
    # The school's business told before it is announced (detect/unannounced.py), on any account:
    # not in a private message to a colleague, which is work between colleagues ("keep it between
    # us until governors have seen it").
    _WordsReading(
        "unannounced_school_business", JUDGEMENT_RULES["confidential"], "any",
        lambda item: (f"Tells of the school's business ('{item.text}') before it is announced "
                      f"('{item.attrs['hush']}'): staffing, the school's future, its money and its contracts "
                      "are confidential until the school says so."),
        "Leave it until the school announces it, and share the school's own announcement then.",
        not_to_a_colleague=True),
    # Telling a parent or colleague it is their own fault ("maybe if you got him to bed before
    # midnight..."): on a personal account, criticising or arguing with them; on the school's
    # own, that or, where the pack states no such rule, its tone (Holbrook) or disrepute (REAch2,
    # the protocol), as the outside readers label the school's own sharp replies (detect/blame.py).
    _WordsReading(
        "told_its_their_fault", JUDGEMENT_RULES["argue_with_parent"], "any",
        lambda item: (f"Tells someone it is their own fault ('{item.text}'): blaming a parent, a colleague "
                      "or a family in public is criticising or arguing with them."),
        "Take the heat out: reply with the facts and an offer to talk, or take it offline (a phone call "
        "or a meeting).",
        official_rules=("content.criticise_or_argue", "content.official_tone", "content.disrepute"),
        official_note="In the school's own voice, it brings the school's tone into question too."),
    # Pupils talked of sexually by a member of staff (detect/sexualised.py): a concern about that
    # adult for the DSL, and sexual content the school must answer for (under AURIGA and TPAT,
    # which state no rule on sexual content, the outside readers name the harm to the school's
    # good name, two of three, before inappropriate material).
    _WordsReading(
        "pupils_sexualised", ("workflow.safeguarding_escalation",), "any",
        lambda item: (f"Talks of pupils sexually ('{item.text}', of {item.attrs['pupils']}): from a member "
                      "of staff, who holds a position of trust, that is a safeguarding concern for the DSL."),
        SEXUALISED_PUPILS_FIX),
    _WordsReading(
        "pupils_sexualised", ("content.sexual_obscene", "content.disrepute"), "any",
        lambda item: (f"Sexual talk about the school's pupils ('{item.text}', of {item.attrs['pupils']}) in "
                      "public shames the school and the pupils."),
        SEXUALISED_PUPILS_FIX),
    _WordsReading(
        "school_records_shared", ("content.confidential_org_info",), "any",
        lambda item: (f"Shows pupils' records ('{item.text}'): the school's internal data is confidential "
                      "until it publishes it."),
        RECORDS_SHOWN_FIX),
    # Drink in a member of staff's own post (detect/drink.py): drunk with work in the words brings the
    # school into disrepute; drunk at a hen do is the Staffordshire protocol's advice on keeping one's
    # own posts professional (where a pack states neither, `_to_finding` drops it); driving after
    # drinking is illegal conduct.
    _WordsReading(
        "drunk_at_work", ("content.disrepute",), "personal",
        lambda item: (f"Tells of being drunk ('{item.text}') with work in the words "
                      f"('{item.attrs['work']}'): a member of staff drunk at or before work brings the "
                      "school into disrepute."),
        "Delete it. If it is a joke, it will not read as one to parents."),
    _WordsReading(
        "drunk", ("content.own_photos_professionalism",), "personal",
        lambda item: (f"Tells of being drunk ('{item.text}'): posts and photos like this can be seen by "
                      "parents and pupils, and reflect on you as a member of staff."),
        "Keep it to friends you trust (check who can see it), or leave it out."),
    _WordsReading(
        "drink_driving", ("content.illegal", "content.disrepute"), "personal",
        lambda item: (f"Tells of driving after drinking ('{item.text}'): that is illegal, and a member of "
                      "staff telling of it brings the school into disrepute."),
        "Delete it."),
    # Taking sides in an election on the school's own account (detect/election.py): a political view
    # the school must not take; where the pack states no rule on opinions on official accounts
    # (AURIGA, REAch2, the protocol) it brings the school into disrepute. Read whatever the language
    # model makes of the post (before session 31 only where it also read a political opinion: three
    # outside readers' official posts on polling day were let through). A member of staff's own
    # vote on their own page is theirs.
    _WordsReading(
        "election_campaigning", OFFICIAL_VIEW_RULES, "official",
        lambda item: (f"Takes sides in an election ('{item.text}') on the school's account, which must stay "
                      "politically impartial."),
        "Leave party politics out of the school's posts; a neutral notice (the hall is a polling station, "
        "register to vote) is fine."),
    # One faith declared the only true one, or readers called to it, on the school's own account
    # (detect/faith_claim.py): a religious view the school takes as an institution. A church
    # school's worship and festivals are not this.
    _WordsReading(
        "exclusive_faith_claim", OFFICIAL_VIEW_RULES, "official",
        lambda item: (f"Declares one faith the only true one ('{item.text}') on the school's account: that "
                      "is a religious view the school takes as an institution, and its families hold many "
                      "faiths and none."),
        "Celebrate the festival and the school's own values without saying other faiths are wrong; a "
        "church school's worship can be shared as worship ('this week's reflection ...')."),
)


def _branding_candidates(facts: _Facts) -> Iterator[Candidate]:
    """The school's brand on a member of staff's personal post, as its words tell it where no
    picture shows the logo (detect/branding.py): staff in school clothing in a picture, the crest
    put up, and, where the pack allows the brand for the school's business with permission
    (REAch2 5.1, whose example is a vacancy), a vacancy advertised with a picture. (A logo found
    in a picture raises the brand rule itself: `_image_candidates`.)"""
    if facts.official or others_words(facts.request) is not None:
        return
    for item in facts.of_kind("school_clothing_shown")[:1]:
        uniform = facts.pack.rule("content.uniform_logo_premises_images")
        yield Candidate(
            ("content.uniform_logo_premises_images",),
            f"Shows staff in the school's clothing ('{item.text}') on a personal account: pictures of staff "
            "in school or logo clothing tie a personal post to the school.", item,
            fix="Post a picture without school clothing, or ask the school to share it on its official "
            "account.",
            approval_exception=bool(uniform and uniform.param("permission_exception")),
        )
    if facts.of_kind("image_logo"):
        return
    brand = facts.pack.rule("content.logo_brand_personal")
    permitted = bool(brand and brand.param("permission_exception"))
    shown = (facts.of_kind("crest_shown", "school_clothing_shown")
             or (facts.of_kind("vacancy_with_branding") if permitted else []))
    for item in shown[:1]:
        yield Candidate(
            ("content.logo_brand_personal",),
            f"Puts the school's brand on a personal account ('{item.text}'): the policy keeps the school's "
            "logo, crest and branded clothing off personal pages"
            + (", unless for the school's business with permission." if permitted else "."), item,
            fix="Share the school's own post from its official account instead, or ask the headteacher "
            "for permission first where the policy allows it.",
            approval_exception=permitted,
        )


def _words_reading_candidates(facts: _Facts) -> Iterator[Candidate]:
    """Each of _WORDS_READINGS the member of staff's own words make (never words someone else
    wrote; where the pack states none of a reading's rules, `_to_finding` drops it)."""
    if others_words(facts.request) is not None:
        return
    counterpart = facts.counterpart
    to_a_colleague = (facts.request.kind == "message" and counterpart is not None
                      and counterpart.attrs.get("kind") == "colleague")
    for reading in _WORDS_READINGS:
        if reading.accounts != "any" and reading.accounts != ("official" if facts.official else "personal"):
            continue
        if reading.not_to_a_colleague and to_a_colleague:
            continue
        rules = reading.official_rules if facts.official and reading.official_rules else reading.rules
        note = f" {reading.official_note}" if facts.official and reading.official_note else ""
        for item in facts.of_kind(reading.kind)[:1]:
            yield Candidate(rules, reading.message(item) + note, item, fix=reading.fix)


def _own_exchange_not_with_family(facts: _Facts) -> bool:
    """A member of staff's own message or comment, to someone who is not their own relative: the
    words the looks and pursuit readings judge as the writer's conduct towards another."""
    request, counterpart = facts.request, facts.counterpart
    return (request.kind in ("message", "comment") and others_words(request) is None
            and not (counterpart is not None and counterpart.attrs.get("relative")))


def _looks_remark_candidates(facts: _Facts) -> Iterator[Candidate]:
    """A member of staff's remark on a child's looks as a grown-up's ("proper little stunner",
    "the boys won't know what's hit them"), written to a pupil, to a former pupil who is still a
    child, to a pupil's parent about their child, or naming a pupil: a sign of grooming for the
    DSL. Not to the writer's own relative (a proud aunt's "she'll break some hearts"), nor to a
    colleague or another adult."""
    if not _own_exchange_not_with_family(facts):
        return  # (a proud aunt's "she'll break some hearts" is family's)
    counterpart = facts.counterpart
    kind = counterpart.attrs.get("kind") if counterpart is not None else None
    towards_a_child = (
        kind in ("pupil", "parent")
        or (kind == "former_pupil" and counterpart is not None
            and not _an_adult_who_is_not_a_pupil(counterpart))
        or (kind in (None, "public") and bool(facts.of_kind("pupil_name"))))
    if not towards_a_child:
        return
    for item in facts.of_kind("looks_remark")[:1]:
        yield Candidate(
            JUDGEMENT_RULES["grooming"],
            f"Remarks on a child's looks as a grown-up's ('{item.text}'): from a member of staff that is "
            "one of the signs of grooming safeguarding guidance lists, however kindly meant.",
            item, fix="Do not send this. Praise what a child does, never how they look; speak to the DSL.",
        )


def _pursuit_candidates(facts: _Facts) -> Iterator[Candidate]:
    """A member of staff's own message or comment that goes on after the other person has made
    clear they do not want it (detect/pursuit.py): unwanted communication where the pack names
    it (the Staffordshire protocol), and harassment under every policy, whoever it is sent to."""
    if not _own_exchange_not_with_family(facts):
        return  # ("why have you blocked me on insta??" to the writer's own teenager is family's)
    for item in facts.of_kind("unwanted_pursuit")[:1]:
        also = "".join(f", '{words}'" for words in item.attrs.get("also", ()))
        said = f"'{item.text}'{also}"
        fix = ("Stop messaging them. If there is a work matter to settle, ask your line manager or HR "
               "to help.")
        yield Candidate(
            ("content.unwanted_communications",),
            f"Keeps contacting someone who has made clear they do not want it ({said}).", item, fix=fix)
        yield Candidate(
            ("content.bullying_harassment",),
            f"Pressing someone who has stopped answering, blocked you or asked you to stop ({said}) "
            "is harassment, whatever each message says.", item, fix=fix)


def _security_candidates(facts: _Facts) -> Iterator[Candidate]:
    """Phishing on the school's accounts (detect/phishing.py): a message posing as the platform
    and asking for the login, whoever wrote it, and a member of staff's own words giving a login
    away or entering it on a link (where the pack states the rules: TPAT 4 and 6)."""
    for item in facts.of_kind("phishing_message")[:1]:
        yield Candidate(
            ("conduct.security_threats",),
            f"Reads like a phishing message posing as '{item.text}': it threatens the page and asks "
            "for a login or a click. Platforms do not ask for passwords by message.", item,
            fix=("Do not click the link or reply with any details; report it through the platform's own "
                 "settings and tell whoever manages the school's accounts."),
        )
    if others_words(facts.request) is not None:
        return
    for item in facts.of_kind("login_given")[:1]:
        yield Candidate(
            ("conduct.security_threats",),
            f"Gives a login away ('{item.text}'): a message asking for it is how accounts are stolen.",
            item, fix="Change the password now, turn on two-step sign-in, and tell whoever manages the "
                      "school's accounts.",
        )
        if item.attrs.get("shared"):
            yield Candidate(
                ("account.password_strength",),
                f"Shares the account's password in a message ('{item.text}'): passwords are shared only "
                "with those authorised to run the account.", item,
                fix="Never write a password in a message; change it and share it only with authorised staff.",
            )


def _account_candidates(facts: _Facts) -> Iterator[Candidate]:
    """What the request itself says about accounts and equipment, beyond its words: an official
    profile not on the school's list of accounts, Wikipedia edited from the school's network, an
    adult site from a school device, contact with a child who is no pupil."""
    request = facts.request
    profile = request.profile
    if (facts.official and request.kind == "profile" and profile is not None
            and facts.school.official_accounts and not _a_listed_account(facts.school, request)):
        shown, where = ((profile.handle, "profile.handle") if profile.handle.strip()
                        else (profile.display_name, "profile.display_name"))
        if shown.strip():
            yield Candidate(
                ("account.official_creation_approval",),
                f"The official account '{shown}'{' on ' + request.platform if request.platform else ''} "
                "is not among the school's official accounts: a new account needs approval first.",
                Evidence("evaluate", "new_official_account", shown, source=where),
                fix=NEW_ACCOUNT_FIX,
            )
    listed_platforms = {account.platform for account in facts.school.official_accounts}
    if (facts.official and request.kind in ("post", "comment", "share") and others_words(request) is None
            and request.platform not in (None, "other", "blog") and listed_platforms
            and request.platform not in listed_platforms):
        # The school's account on a platform where it lists none: a new account, which needs
        # approval first (ten of ten outside-look cases, session 21; "other" may be the school's
        # own learning platform, "blog" its own website's news page, and a school that lists no
        # accounts says nothing).
        yield Candidate(
            ("account.official_creation_approval",),
            f"Posted as the school on {request.platform}, where the school has no official account on "
            "its list: a new account needs approval first.",
            Evidence("evaluate", "new_official_account", str(request.platform), source="platform"),
            fix=NEW_ACCOUNT_FIX,
        )
    authorised = facts.pack.rule("account.authorised_users")
    not_permitted = (authorised.param("not_permitted_roles") if authorised else None) or ()
    role = author_role(facts.request, facts.school)
    # (Not a comment: a governor's "well done, Year 11!" under the school's post is written from
    # their own profile as often as not.)
    if (facts.official and request.kind in ("post", "share", "message")
            and others_words(request) is None and role in not_permitted):
        # The Staffordshire protocol's 5.4: only employees with permission post on the school's
        # site; a governor, volunteer or contractor is no employee, whoever approved the words.
        yield Candidate(
            ("account.authorised_users",),
            f"Posted on the school's account by a {role}: the policy lets only employees "
            "who have been given permission post there.",
            Evidence("evaluate", "author_not_permitted", role, source="author"),
            fix="Send it to a member of staff who runs the school's accounts to post.",
        )
    if (facts.official and request.kind in ("post", "comment", "share") and others_words(request) is None
            and role not in LEADERSHIP_ROLES):
        # Holbrook A.3.4: what goes on the school's sites is discussed with and approved by a
        # member of the leadership team; an `approval` on the request is that approval (the
        # catalogue: "posts published without an approval ID are flagged"). A leader's own
        # post is a leader's approval. An approval by someone the staff list shows is not a
        # leader (a class teacher) is not the leadership team's (an approver the list does not
        # know is taken at their word).
        approval = request.approval
        approver = facts.school.staff_member(approval.staff_id) if approval and approval.staff_id else None
        if approver is not None and approver.role not in LEADERSHIP_ROLES:
            message = (f"The approval on record is by {approver.display_name} "
                       f"({approver.role.replace('_', ' ')}), who is not on the leadership team: an "
                       "official post needs a leadership-team member's approval.")
            fact = Evidence("evaluate", "approval_not_by_a_leader", approver.staff_id, source="approval")
        else:
            message = ("An official post needs a leadership-team member's approval before it goes out; "
                       "none is recorded.")
            fact = Evidence("evaluate", "no_approval", "", source="approval")
        yield Candidate(
            ("account.content_pre_approval",), message, fact,
            fix="Ask a member of the leadership team to approve it (in the hub: submit it for approval).",
            approval_not_enough=fact.kind == "approval_not_by_a_leader",
        )
    for item in facts.of_kind("media_contact")[:1] if facts.official else ():
        received = bool(item.attrs["received"])
        yield Candidate(
            ("workflow.media_enquiries",),
            (f"A media enquiry on the school's account ('{item.text}')" if received else
             f"An answer to the media from the school's account ('{item.text}')")
            + ": the policy sends media enquiries to the headteacher.", item,
            fix=("Forward it to the headteacher; do not answer it yourself." if received else
                 "Pass the enquiry to the headteacher and let them decide what the school says."),
        )
    if request.platform == "wikipedia" and not facts.official and request.device == "school":
        yield Candidate(
            ("conduct.wikipedia_editing_at_work",),
            "An edit to Wikipedia in a personal capacity from a school device: the edit shows the "
            "school's network address.", Evidence("evaluate", "platform", "wikipedia", source="platform"),
            fix="Edit open encyclopaedias in your own time, on your own device and connection.",
        )
    if request.device == "school" and not facts.official and others_words(request) is None:
        judged = {item.attrs["label"]: item for item in facts.of_kind("judgement")
                  if item.attrs["source"] == "lexicon"}
        # A pornographic site (the lexicon's adult address, read as sexual as well): not a
        # gambling site, which REAch2's rule on obscene material does not name.
        if "inappropriate_link" in judged and "sexual" in judged:
            site = judged["inappropriate_link"]
            yield Candidate(
                ("conduct.inappropriate_sites_on_work_equipment",),
                f"An adult site ({site.text}) on a school device.", site,
                fix="Never open or share such sites on school equipment.",
            )
    counterpart = facts.counterpart
    if (counterpart is not None and not facts.official and request.kind in EXCHANGE_WITH_PEOPLE
            and counterpart.attrs.get("kind") == "public" and not counterpart.attrs.get("relative")
            and isinstance(counterpart.attrs.get("age"), int) and int(counterpart.attrs["age"]) < 18):
        yield Candidate(
            ("contact.non_pupil_minors",),
            f"Social media contact with a child ({counterpart.attrs['age']}) who is not a relative.",
            counterpart,
            fix="Keep contact with children you are not related to to official channels (a club's, "
            "the school's), never a personal account.",
        )


EXCHANGE_WITH_PEOPLE = ("message", "comment", "friend_request")


_ACCOUNT_ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\.|m\.)?(?:(?:facebook|fb|instagram|x|twitter|tiktok|youtube|linkedin)\.com/"
    r"(?:in/|company/|c/|channel/)?)?",
    re.IGNORECASE,
)


def _account_key(handle: str) -> str:
    """An account's handle as compared with the school's list: no web address round it, no @,
    spaces, capitals or closing slash ("https://www.facebook.com/OakfieldSchool/" is
    "oakfieldschool")."""
    bare = _ACCOUNT_ADDRESS.sub("", "".join(handle.split()))
    return bare.lstrip("@").rstrip("/").casefold()


def _a_listed_account(school: School, request: CheckRequest) -> bool:
    """Whether the profile is one of the school's official accounts: the same handle (or name),
    on the same platform where both say which."""
    assert request.profile is not None
    names = {_account_key(request.profile.handle), _account_key(request.profile.display_name)} - {""}
    return any(
        _account_key(account.handle) in names
        and (not request.platform or not account.platform or account.platform == request.platform)
        for account in school.official_accounts
    )


def _cannot_be_staff_conduct_towards_a_child(facts: _Facts) -> bool:
    """Where grooming or asking for a child's details cannot be what the member of staff is
    doing (a disclosure in the words still escalates): words someone else wrote (a comment on
    the school's page by no member of staff; any message the member of staff received), and a
    private message whose other person is an adult who is not a pupil (a colleague, a former
    pupil now 18 or over): "where are you? we're at the pub", "send me the address for
    Saturday"."""
    request, counterpart = facts.request, facts.counterpart
    if others_words(request) is not None:
        return True
    return counterpart is not None and request.kind == "message" and _an_adult_who_is_not_a_pupil(counterpart)


def _an_adult_who_is_not_a_pupil(counterpart: Evidence) -> bool:
    kind, age = counterpart.attrs.get("kind"), counterpart.attrs.get("age")
    # A pupil stays a pupil at 18 (the policies' contact rules still apply to a sixth former).
    return kind == "colleague" or (kind != "pupil" and isinstance(age, int) and age >= 18)


def _not_known_to_be_a_child(counterpart: Evidence) -> bool:
    """In a public reply: an adult who is not a pupil, or someone the school does not know
    and whose age is not given (a stranger in a public thread, replied to in public)."""
    if counterpart.attrs.get("kind") == "public":
        age = counterpart.attrs.get("age")
        return not (isinstance(age, int) and age < 18)
    return _an_adult_who_is_not_a_pupil(counterpart)


_EVERY_SOURCE = frozenset({"model", "lexicon"})


def _staff_conduct_sources(facts: _Facts, stranger: bool) -> frozenset[str]:
    """Whose reading of grooming and of asking for a child's details counts here: every
    reader's; none where the words cannot be a member of staff's towards a child; and only the
    lexicon's explicit signs (secrecy, "delete this chat", "don't tell your mum"), not the
    model's guess, towards the member of staff's own relative (`counterpart.relative`), a
    pupil's parent, or in a public reply to an adult who is not a pupil or to someone whose
    age nobody knows: "love you, see you at Nana's on Sunday x" is family, "ring me on 07700
    900866 if the bus is late" to a mum gives an adult a number, and "spare ticket for
    Saturday if anyone wants it, WhatsApp me on ..." under a public post offers one to
    anybody, which the packs' contact rules decide (the model learnt grooming from messages
    to pupils; it reads anyone's "you" as a child's), and a reply is public, so children read
    the thread. A private message to someone unknown is read in full: they may be a child.
    A `stranger` (someone the school does not know, on its own page)
    may be reaching for its children: read, for the DSL."""
    if stranger:
        return _EVERY_SOURCE
    if _cannot_be_staff_conduct_towards_a_child(facts):
        return frozenset()
    counterpart = facts.counterpart
    if counterpart is not None and (
        counterpart.attrs.get("relative") or counterpart.attrs.get("kind") == "parent"
        or (facts.request.kind == "comment" and _not_known_to_be_a_child(counterpart))
    ):
        return frozenset({"lexicon"})
    return _EVERY_SOURCE


def _someone_elses_words(facts: _Facts) -> tuple[str, str] | None:
    """Who wrote the words, and where, when it was not the member of staff: ("a parent",
    "page") for a comment on the school's page, ("a pupil", "received") for a message
    received; None for the member of staff's own words."""
    words = others_words(facts.request)
    if words is None:
        return None
    return (_WRITERS.get(words.writer, "a member of the public"), words.where)


# Who may have written words that are not the member of staff's ("a member of the public", not
# "someone outside the school": the hub titles a case by that phrase for a stranger reaching
# for pupils).
_WRITERS = {"pupil": "a pupil", "former_pupil": "a former pupil", "parent": "a parent",
            "colleague": "a colleague", "public": "a member of the public"}


def _others_words_reading(label: str, writer: str, where: str) -> tuple[tuple[str, ...], str, str] | None:
    """The rules, opening words and fix for a judgement on words someone else wrote (see
    OFFENSIVE_JUDGEMENTS); None where it is no matter for the school."""
    if where == "page":
        opening = f"A comment on the school's page by {writer} reads as {JUDGEMENT_WORDS[label]}"
        if label in OFFENSIVE_JUDGEMENTS:
            return (("content.official_extreme_offence_removal", *JUDGEMENT_RULES[label]), opening,
                    OFFENSIVE_ON_THE_PAGE_FIX)
        if label in HOSTED_ON_THE_PAGE:
            return ("account.moderation", *JUDGEMENT_RULES[label]), opening, HOSTED_FIX
        if label in OFFICIAL_ONLY:
            return None  # a commenter's opinion or promise is not the school's
        return PAGE_MODERATION_RULES, opening, ON_THE_PAGE_FIX
    if label in OFFENSIVE_JUDGEMENTS:
        return (("workflow.report_abuse_received", *JUDGEMENT_RULES[label]),
                f"A message from {writer} reads as {JUDGEMENT_WORDS[label]}", OFFENSIVE_RECEIVED_FIX)
    return None


def _language_candidates(facts: _Facts) -> Iterator[Candidate]:
    writer = others_words(facts.request)
    stranger = writer is not None and writer.stranger
    staff_conduct_sources = _staff_conduct_sources(facts, stranger)
    others = _someone_elses_words(facts)
    voices = facts.of_kind("speaks_for_school")
    voice_with_stance = any(item.attrs.get("stance") for item in voices)
    for item in facts.of_kind("judgement"):
        label = str(item.attrs["label"])
        if label in STAFF_CONDUCT and item.attrs["source"] not in staff_conduct_sources:
            continue
        # (A disclosure, grooming or a request for a child's details keep their own readings.)
        others_reading = None
        if others is not None and label not in SAFEGUARDING:
            others_reading = _others_words_reading(label, *others)
            if others_reading is None:
                continue
        threshold = facts.pack.thresholds.get(label, float(item.attrs["model_threshold"]))
        score = float(item.attrs["score"])
        if item.attrs["source"] != "lexicon" and score < threshold:
            continue
        words = ", ".join(f"'{word}'" for word in item.attrs["triggers"]) or "the wording"
        how = ("a phrase safepost's lexicon recognises" if item.attrs["source"] == "lexicon"
               else f"score {score:.3f}, counts from {threshold:.3f}")
        rules = (OFFICIAL_JUDGEMENT_RULES.get(label) if facts.official else None) or JUDGEMENT_RULES[label]
        opening = f"Reads as {JUDGEMENT_WORDS[label]}"
        fix = JUDGEMENT_FIXES.get(label, "Rewrite it, or do not post it; if unsure, ask the headteacher.")
        if label == "political_opinion" and facts.official and facts.of_kind(*OFFICIAL_VIEW_KINDS):
            continue  # the exact reading of the same words says so (_WORDS_READINGS)
        if label in VIEWS and not facts.official:
            if voice_with_stance:
                continue  # the exact reading of the same words already says so
            voice = f" ('{voices[0].text}')" if voices else ""
            opening = (f"Speaks as the school{voice} while giving a personal, political or religious "
                       "view, on a personal account")
            fix = ("Say the view is your own and leave the school's name out; only the school's "
                   "spokesperson speaks for it.")
        if others_reading is not None:
            rules, opening, fix = others_reading
        if item.attrs.get("retold_disclosure"):
            opening = ("Reads as a child's disclosure of harm retold: a safeguarding matter, which "
                       "is confidential")
            fix = ("Do not post this. Never share what a child has disclosed; if you have not "
                   "already, tell the DSL today.")
        if label in STAFF_CONDUCT and stranger:
            # Not a member of staff's conduct, but a stranger reaching for pupils on the
            # school's own page is a safeguarding concern: the DSL's, as a disclosure is.
            rules = JUDGEMENT_RULES["disclosure"]
            opening = (f"Reads as someone outside the school {JUDGEMENT_WORDS[label]}: "
                       "a safeguarding matter for the DSL")
            fix = "Do not reply. Hide the comment, keep a copy, and tell the DSL today."
        details = {
            "judgement": label, "score": score, "threshold": threshold,
            "source": item.attrs["source"], "triggers": item.attrs["triggers"],
            "nearest_examples": item.attrs["nearest"],
            **({"model": item.attrs["model"]} if item.attrs.get("model") else {}),
            **({"readers": item.attrs["readers"]} if item.attrs.get("readers") else {}),
            **({"retold_disclosure": True} if item.attrs.get("retold_disclosure") else {}),
        }
        yield Candidate(rules, f"{opening} ({how}; words: {words}).", item, fix=fix, details=details)
        also = ALSO_WHERE_NO_OWN_RULE.get(label)
        if (also and others_reading is None and not (label in STAFF_CONDUCT and stranger)
                and facts.pack.first_rule((also.own,), facts.request.channel) is None):
            # (where the pack does not state the second rule either, `_to_finding` drops it)
            yield Candidate((also.also,), f"{opening}: {also.why} ({how}; words: {words}).", item,
                            fix=fix, details=details)


LEADERSHIP_ROLES = frozenset({"headteacher", "deputy_head", "slt"})


def _context_candidates(facts: _Facts) -> Iterator[Candidate]:
    request = facts.request
    device_rule = facts.pack.rule("contact.personal_device_pupil_contact")
    # The Staffordshire protocol's 5.3: work access to social media from the school's devices
    # only, whoever the account's words reach (then the pupil-contact reading below is the same
    # rule on the same fact, and not raised twice).
    school_account_from_personal_device = (
        facts.official and request.device == "personal" and device_rule is not None
        and bool(device_rule.param("work_access")) and others_words(request) is None)
    for item in facts.of_kind("device_used") if school_account_from_personal_device else ():
        yield Candidate(
            ("contact.personal_device_pupil_contact",),
            "The school's account used from a personal device: the policy allows work access to "
            "social media only on the school's own devices.", item,
            fix="Post from a school device (a school phone, tablet or computer).",
        )
    if not facts.official:
        hours_rule = facts.pack.rule("conduct.personal_use_hours")
        # Those the rule is not for (the pack's `not_for_roles`: governors, not at work in the
        # school day; Holbrook's office staff, not working with children). A school device is
        # the school's whoever uses it, so the device rule below is everyone's.
        not_for = (hours_rule.param("not_for_roles") if hours_rule else None) or ()
        at_work = author_role(facts.request, facts.school) not in not_for
        for item in facts.of_kind("time_of_use") if at_work else ():
            period = item.attrs["period"]
            breaks_allowed = facts.pack.personal_use_in_breaks()
            at_work_no_lessons = period in ("break", "inset_day")
            if period == "lesson_time" or (at_work_no_lessons and not breaks_allowed):
                when = {"lesson_time": "in lesson time", "break": "in a break at work",
                        "inset_day": "at work on an INSET day"}[period]
                yield Candidate(
                    ("conduct.personal_use_hours",),
                    f"Personal social media used {when} ({item.text}; school day "
                    f"{item.attrs['school_day']}, breaks {item.attrs['breaks'] or 'none'}).", item,
                    fix="Wait until after school"
                    + (" or your break." if breaks_allowed else "."),
                    approval_exception=bool(hours_rule and hours_rule.param("permission_exception")),
                )
        for item in facts.of_kind("device_used"):
            if item.attrs["device"] == "school":
                yield Candidate(
                    ("conduct.school_device_social_access",),
                    "Personal social media on a school device.", item,
                    fix="Use your own device, in your own time.",
                )
    counterpart = facts.counterpart
    if counterpart is None:
        return
    attrs = counterpart.attrs
    kind = attrs["kind"]
    relative = bool(attrs["relative"])
    contact_kinds = ("friend_request",) if facts.official else ("friend_request", "message", "comment")
    if request.kind in contact_kinds:
        yield from _relationship_candidates(facts, counterpart, kind, relative)
    business = facts.of_kind("school_business")
    if (business and not facts.official and request.kind in ("message", "comment")
            and kind in ("pupil", "parent") and not relative):
        # REAch2 5.2: no personal accounts or phone numbers for school business with the Trust's
        # community, "nor should any such contact be accepted", unless they have agreed to it (an
        # `approval` on record stands for that): sent or received.
        yield Candidate(
            ("contact.personal_channels_official_business",),
            f"School business ('{business[0].text}') with a {kind} on a personal account or phone.",
            business[0],
            fix="Use the school's own channels (its email, app or phone) for school business, unless "
            "the person has agreed in writing to this one.",
        )
    if (
        request.device == "personal" and request.kind in ("message", "comment", "friend_request")
        and _a_pupil_who_may_be_a_child(counterpart)
        # A parent texting their own child from their own phone is family, not a member of
        # staff using personal equipment to communicate with a pupil.
        and not relative and not school_account_from_personal_device
    ):
        yield Candidate(
            ("contact.personal_device_pupil_contact",),
            f"Contact with a {kind.replace('_', ' ')} from a personal device.", counterpart,
            fix="Contact pupils only through school systems on school equipment.",
        )


def _relationship_candidates(
    facts: _Facts, counterpart: Evidence, kind: str, relative: bool
) -> Iterator[Candidate]:
    request = facts.request
    what = "friend request" if request.kind == "friend_request" else request.kind
    direction = counterpart.attrs.get("direction")
    verb = {"sent": "sent to", "received": "received from", "accepted": "accepted from"}.get(
        str(direction), "with"
    )
    # The friend-request rule: whom it reaches beyond current pupils (`ex_pupils`, `families`)
    # and its family exception, which covers a member of staff's relative who is a former pupil
    # or a pupil's parent as it covers one at the school.
    friend_rule = facts.pack.rule("contact.pupil_friend_request")
    family_excepted = relative and friend_rule is not None and bool(friend_rule.param("family_exception"))
    if kind == "pupil":
        rule_id = (
            "contact.pupil_friend_request" if request.kind == "friend_request"
            else "contact.pupil_personal_contact"
        )
        rule = facts.pack.rule(rule_id)
        if rule is not None and relative and (rule.param("family_exception") or (
                request.kind in ("message", "comment") and rule.param("family_messages_exempt"))):
            return
        yield Candidate(
            (rule_id,),
            f"A {what} {verb} a current pupil ({counterpart.text}) on a personal account.",
            counterpart,
            fix=_decline_steps(rule),
            approval_exception=bool(rule and rule.param("approval_exception")),
        )
        # Each rule the policy states that the contact breaks is its own finding, with its own
        # clause and step (as an outside reader of the policies labels it, two of two, session
        # 19): writing to a pupil from a personal account also breaks "only official school
        # sites for communicating with pupils"; a pupil's friend request received (or accepted)
        # also calls for the policy's handling of a pupil's approach (record it, tell the head or
        # the parent), and under the Staffordshire protocol for the record of unsolicited contact.
        if (request.kind in ("message", "comment") and direction != "received"
                and facts.pack.rule("contact.personal_messages_to_pupils") is not None):
            # AURIGA lists "using the internet or other communication channels to send personal
            # messages to children" on its own (eighteen of twenty-two of the latest outside
            # readers under it label it beside the contact rule; the rest only for a trip-day
            # "where are you?").
            yield Candidate(
                ("contact.personal_messages_to_pupils",),
                f"A personal message to a pupil ({counterpart.text}).", counterpart,
                fix="Write to pupils only through the school's own channels, about school matters.",
            )
        if request.kind != "friend_request" and direction != "received":
            yield Candidate(
                ("contact.pupil_official_channels_only",),
                f"Writes to a pupil ({counterpart.text}) outside the school's official channels.",
                counterpart,
                fix="Write to pupils only on the school's own platform (Teams, the school's app or email).",
            )
        if request.kind == "friend_request" and direction == "received" and not facts.approved:
            yield from _approach_handling(facts, counterpart, "a pupil")
        # A friend request sent to a pupil, or one accepted, makes the connection: personal contact
        # with a pupil as well (17 of 21 such cases across the outside readers of the packs that
        # state the contact rule, sessions 21-22; a request received and still pending is only
        # the request; one with no direction is taken as made, as the other contact rules take it).
        contact_rule = facts.pack.rule("contact.pupil_personal_contact")
        if (request.kind == "friend_request" and direction != "received" and not relative
                and not facts.approved and contact_rule is not None):
            yield Candidate(
                ("contact.pupil_personal_contact",),
                f"A connection with a current pupil ({counterpart.text}) on a personal account: personal "
                "contact with a pupil.", counterpart,
                # (the member of staff made or accepted it: "Do not accept" would come too late)
                fix="Withdraw the request or remove the connection, and tell the headteacher or DSL; "
                "contact pupils only through the school's own channels.",
                approval_exception=bool(contact_rule.param("approval_exception")),
            )
        # The Staffordshire protocol's 5.1 route: contact with a pupil only for a good reason
        # agreed in advance with the headteacher or line manager (seven of seven outside readers
        # under it, session 21, label it beside the contact rule); an approval on record is that.
        if (facts.pack.rule("contact.approved_contact_prior_agreement") is not None
                and request.kind in ("message", "comment", "friend_request")
                and direction != "received" and not facts.approved and not relative):
            yield Candidate(
                ("contact.approved_contact_prior_agreement",),
                f"Contact with a pupil ({counterpart.text}) that has not been agreed in advance: the "
                "policy allows it only for a good reason, agreed beforehand with the headteacher or "
                "line manager.", counterpart,
                fix="Stop, and ask the headteacher or your line manager first; if they agree, use the "
                "channel they approve.",
            )
    elif kind == "former_pupil":
        rule = facts.pack.rule("contact.ex_pupil_connection")
        if rule is None or not rule.param("restricted", True):
            return
        if family_excepted:
            return  # (REAch2 3.5-3.6 except relatives, a niece who has left as a niece at school)
        max_age = rule.param("max_age")
        age = counterpart.attrs.get("age")
        if max_age is not None and age is not None and int(age) >= int(max_age):
            return
        age_text = f", aged {age}" if age is not None else ", age not known"
        yield Candidate(
            ("contact.ex_pupil_connection",),
            f"A {what} {verb} a former pupil ({counterpart.text}{age_text}).", counterpart,
            fix="Decline, and keep contact with former pupils to official channels.",
        )
        # Where the pack's friend-request rule covers former pupils too (TPAT: "current or
        # ex-students"; REAch2: ex-pupils under 18, as the connection rule above already
        # decided), it is its own finding; a child's request received also calls for the
        # policy's handling (TPAT: notify the parent).
        if request.kind == "friend_request" and friend_rule is not None and friend_rule.param("ex_pupils"):
            yield Candidate(
                ("contact.pupil_friend_request",),
                f"A friend request {verb} a former pupil ({counterpart.text}{age_text}): the policy's "
                "rule on pupils' friend requests covers former pupils too.", counterpart,
                fix=_decline_steps(friend_rule),
            )
            if (direction == "received" and not facts.approved
                    and age is not None and int(age) < 18):
                yield from _approach_handling(facts, counterpart, "a former pupil who is a child")
    elif kind == "parent" and request.kind == "friend_request":
        rule = facts.pack.rule("contact.pupil_family_connections")
        if rule is None or rule.param("friend_requests", "flag") != "flag":
            return
        # (A sister whose child is a pupil is still a sister: the family exception.)
        if family_excepted:
            return
        if (friend_rule is not None and friend_rule.param("families")
                and direction in ("received", "accepted")):
            # The Staffordshire protocol's 5.1: "should not accept online friend requests from
            # pupils or their families" (unless agreed in advance: an approval); one the member
            # of staff sends (or one with no direction: a check before sending) is the
            # family-contact rule's alone.
            yield Candidate(
                ("contact.pupil_friend_request",),
                f"A friend request {verb} a pupil's parent: the policy's rule on friend requests "
                "covers pupils' families.", counterpart,
                fix=_decline_steps(friend_rule),
                approval_exception=bool(friend_rule.param("approval_exception")),
            )
        if (direction == "received" and not facts.approved
                and facts.pack.rule("register.unsolicited_contact_record")):
            # The Staffordshire protocol's 5.2: a parent seeking online contact is recorded and
            # discussed with the headteacher, as a pupil's approach is (contact agreed in advance,
            # an `approval`, is not unsolicited).
            yield from _approach_handling(facts, counterpart, "a pupil's parent")
        yield Candidate(
            ("contact.pupil_family_connections",),
            f"A friend request {verb} a pupil's parent: agree it with the headteacher first, "
            "and not where it would be a conflict of interest (e.g. their child is in your class).",
            counterpart,
            fix="Decline, or agree it in advance with the headteacher.",
        )
    elif kind == "colleague" and request.kind == "friend_request" and direction == "sent":
        # Guidance, not a ban (AURIGA and Holbrook: "caution is advised when inviting work
        # colleagues"; Staffordshire: do not add them if they should not see your posts): a
        # nudge on the invitation, none on one received.
        rule = facts.pack.rule("contact.colleague_connections")
        if rule is None:
            return
        named = f" ({counterpart.text})" if counterpart.text.strip().casefold() != "colleague" else ""
        yield Candidate(
            ("contact.colleague_connections",),
            f"A friend request sent to a colleague{named}: once friends, they see "
            "what you post and share.", counterpart,
            fix="Go ahead only if you are happy for colleagues to see everything on this account.",
        )


def _approach_handling(facts: _Facts, counterpart: Evidence, who: str) -> Iterator[Candidate]:
    """A friend request received from a pupil (or, under the Staffordshire protocol, a parent):
    the policy's own steps for such an approach, and its record where the pack keeps one (not
    where the steps are for a child's request and the pupil is known to be 18 or over)."""
    rule = facts.pack.rule("contact.pupil_friend_request_handling")
    age = counterpart.attrs.get("age")
    if (rule is not None and rule.param("children_only") and isinstance(age, int) and age >= 18
            and counterpart.attrs.get("kind") != "parent"):
        return
    steps = f"Do as the policy says: \"{rule.quote}\"." if rule is not None and rule.quote else ""
    yield Candidate(
        ("contact.pupil_friend_request_handling",),
        f"A friend request from {who} ({counterpart.text}): the policy says what to do with it.",
        counterpart,
        fix=f"Do not accept it. {steps}".strip(),
    )
    yield Candidate(
        ("register.unsolicited_contact_record",),
        f"Record the approach from {who} ({counterpart.text}) in the school's contact log.", counterpart,
        fix="Log it in the contact register, with what you did.",
    )


def _decline_steps(rule: Rule | None) -> str:
    steps = rule.notes.get("steps") if rule else None
    if isinstance(steps, list) and steps:
        return "Do not accept. " + "; ".join(str(step) for step in steps) + "."
    return "Do not accept or reply on a personal account; tell the headteacher or DSL."


def _in_scope(facts: _Facts) -> bool:
    """Does the policy reach this personal-channel activity at all (TPAT: at work only)?"""
    if facts.official:
        return True
    scope = facts.pack.rule("scope.private_life_and_out_of_hours")
    if scope is None or scope.param("personal_reach", "always") != "working_time":
        return True
    if facts.request.at is None or facts.request.device == "school":
        return True
    return facts.period in ("lesson_time", "break", "inset_day")


def evaluate(
    evidence: list[Evidence], request: CheckRequest, school: School, pack: Pack
) -> CheckResult:
    """Findings and verdict for one request: a pure function of its inputs."""
    counterparts = [item for item in evidence if item.kind == "counterpart"]
    periods = [item.attrs["period"] for item in evidence if item.kind == "time_of_use"]
    facts = _Facts(
        request=request, school=school, pack=pack, evidence=tuple(evidence),
        counterpart=counterparts[0] if counterparts else None,
        period=periods[0] if periods else None,
        approved=_an_approval_on_record(request, school),
    )
    in_scope = _in_scope(facts)
    findings: list[Finding] = []
    satisfied: list[str] = []
    seen: set[tuple[str, int | None, int | None, str, str]] = set()
    content_findings = 0
    # A pack whose policy names sharing but not liking (REAch2: "making or sharing
    # inappropriate postings"; the catalogue: likes not mentioned): a like is no posting, and
    # what the liked words say is not the member of staff's, except what endorsing them says (hate
    # with no slur liked under REAch2: both such likes in the looks labelled discrimination).
    engagement = pack.rule("content.likes_and_shares")
    reach = pack.rule("scope.private_life_and_out_of_hours")
    likes_not_posting = request.kind == "like" and engagement is not None and not engagement.param(
        "covers_likes", True)
    # AURIGA and TPAT never mention likes: a like names no one and mentions nothing (their outside
    # readers: a like of a grumble about the school is no finding), but endorsing abuse, hate,
    # threats or obscenity is still read (a reviewer's probe, session 21).
    likes_endorse_only = request.kind == "like" and (
        likes_not_posting or (reach is not None and not reach.param("reads_likes", True)))
    content_handlers = (_name_candidates, _contact_candidates, _image_candidates, _branding_candidates,
                        _language_candidates,
                        _words_reading_candidates, _unnamed_matter_candidates, _looks_remark_candidates,
                        _pursuit_candidates)
    handlers = (
        _name_candidates, _image_candidates, _branding_candidates, _contact_candidates, _identity_candidates,
        _language_candidates, _context_candidates, _account_candidates, _school_talk_candidates,
        _words_reading_candidates, _unnamed_matter_candidates, _looks_remark_candidates,
        _pursuit_candidates, _security_candidates,
    )
    # What a like leaves unread: every reading of its words, or all but what endorsing them says.
    unread = set(content_handlers) - {_language_candidates} if likes_endorse_only else set()
    for handler in handlers:
        if handler in unread:
            continue
        for candidate in handler(facts):
            if (likes_endorse_only and handler is _language_candidates
                    and (candidate.details or {}).get("judgement") not in (
                        ENDORSED_WHERE_A_LIKE_IS_NO_POSTING if likes_not_posting else ENDORSED_IN_A_LIKE)):
                continue
            finding = _to_finding(candidate, facts, in_scope, satisfied)
            if finding is None:
                continue
            # Same rule on the same words twice is one finding; two pupils called Imogen on
            # the same word are two (their messages differ).
            key = (finding.rule, finding.start, finding.end, finding.source, finding.message)
            if key in seen:
                continue
            seen.add(key)
            findings.append(finding)
            if handler in content_handlers:
                content_findings += 1
    findings = _without_a_catch_all_beside_a_nearer_rule(findings)
    findings.extend(_a_hostile_remark_about_the_community(facts, findings, in_scope, satisfied))
    findings.extend(_an_individual_matter_discussed(facts, findings, in_scope, satisfied))
    if request.kind in ("like", "share") and content_findings:
        findings.extend(_likes_and_shares(facts, in_scope, satisfied))
    notes = [str(item.attrs["message"]) for item in evidence if item.kind == "note"]
    return CheckResult(
        id=request.id, verdict=verdict_for(findings), findings=findings, notes=notes,
        satisfied=sorted(set(satisfied)), redacted=redact(request.text, findings),
    )


CATCH_ALL_RULE = "content.disrepute"


def _without_a_catch_all_beside_a_nearer_rule(findings: list[Finding]) -> list[Finding]:
    """Drop a model's reading raised under the general disrepute rule only because the pack
    states no nearer one, where another judgement of the post already has a nearer rule at least
    as serious: the model reads the whole post, and one matter ("suspended pending
    investigation... the CCTV was very interesting") is the confidential business it leaks, not
    that and bringing the school into disrepute too. What the lexicon found (an adult web
    address, a slur) is evidence in its own words and always stays, and so does the catch-all
    beside a lesser finding (advice on tone): dropping it would soften the verdict."""
    strongest_nearer = max((SEVERITY_ORDER[finding.severity] for finding in findings
                            if (finding.details or {}).get("judgement") and finding.rule != CATCH_ALL_RULE),
                           default=0)

    # (No judgement's chain starts at disrepute, so a judgement raised under it always fell back.)
    return [finding for finding in findings
            if not (finding.rule == CATCH_ALL_RULE and (finding.details or {}).get("source") == "model"
                    and (finding.details or {}).get("judgement")
                    and strongest_nearer >= SEVERITY_ORDER[finding.severity])]


# Remarks whose own rule is about the kind of remark, not whom it is about: said of the school
# community (its families, pupils, staff, the school), each is a negative comment about it too.
# (Not gossip, which may be fond; not threats or bullying, whose rule already says they harm.)
NEGATIVE_RULE = "content.negative_about_school_community"
HOSTILE_REMARK_RULES = ("content.discriminatory_remarks", "content.defamation",
                        "content.work_complaints_grievances", "content.criticise_or_argue")


# What tells "a specific, individual matter" of the school community (REAch2 3.7): someone's
# private matter, a rumour, the school's confidential business.
DISCUSS_RULE = "content.discuss_school_community"
INDIVIDUAL_MATTER_RULES = ("content.personal_info_about_individuals", "content.gossip_rumours",
                           "content.confidential_org_info", "content.data_protection")
# ... and, where the pack bans any comment on the school at all (`breadth: any_comment`), what
# can only be said of the school: a negative comment about its community, its own letter
# contradicted ("ignore the letter, the trip IS going ahead"), a view given as the school's
# ("We at Millbrook stand with...").
SCHOOL_REMARK_RULES = (NEGATIVE_RULE, "content.false_misleading_or_contradictory",
                       "content.personal_views_as_institution")


def _an_individual_matter_discussed(facts: _Facts, findings: list[Finding], in_scope: bool,
                                    satisfied: list[str]) -> list[Finding]:
    """Where the pack's rule on discussing the school community reaches any individual matter
    (`beside_individual_matters`: REAch2 3.7; the Staffordshire protocol's ban on any comment),
    a personal post that tells one in its words breaks it as well; under a ban on any comment,
    so does a remark about the school itself. A like or share makes no comment of its own, but
    endorsing a negative one about the school is commenting on it (the outside readers under the
    protocol: 17 of 24 such likes and shares)."""
    rule = facts.pack.rule(DISCUSS_RULE)
    if (rule is None or not rule.param("beside_individual_matters") or facts.official
            or others_words(facts.request) is not None
            or any(finding.rule == DISCUSS_RULE for finding in findings)):
        return []
    any_comment = rule.param("breadth") == "any_comment"
    endorsed = (any_comment and facts.request.kind in ("like", "share")
                and any(finding.rule == NEGATIVE_RULE for finding in findings))
    if not (endorsed or _a_comment_the_discuss_rule_covers(facts, rule)):
        return []
    matter_rules = INDIVIDUAL_MATTER_RULES + (SCHOOL_REMARK_RULES if any_comment else ())
    # (What the words tell: pupils in a photo are the picture's own rules.)
    matter = next((finding for finding in findings if finding.rule in matter_rules
                   and finding.source == "text"), None)
    if matter is None:
        return []
    return _a_finding_beside(
        matter, DISCUSS_RULE, "individual_matter",
        "Refers to a specific, individual matter of the school community on a personal account "
        f"(the finding above: {matter.rule}); the policy keeps such matters off personal social media.",
        facts, in_scope, satisfied)


def _a_finding_beside(found: Finding, rule: str, kind: str, message: str, facts: _Facts, in_scope: bool,
                      satisfied: list[str]) -> list[Finding]:
    """A second rule the words of `found` break as well, pointing at the same words and offering
    the same fix; none where the pack does not state `rule` for the channel."""
    anchor = Evidence("evaluate", kind, found.evidence, found.start, found.end, source=found.source)
    finding = _to_finding(Candidate((rule,), message, anchor, fix=found.fix), facts, in_scope, satisfied)
    return [finding] if finding else []


def _a_hostile_remark_about_the_community(facts: _Facts, findings: list[Finding], in_scope: bool,
                                          satisfied: list[str]) -> list[Finding]:
    """Where the pack keeps a rule on negative comments about the school community beside the
    rules on discrimination, defamation, grievances and arguing in public (AURIGA 3, REAch2 3.7,
    TPAT 5, the Staffordshire protocol), a remark of those kinds whose words name the school
    community (`school_community_named`: "the new families at our school", "the head", "at
    work") breaks both: "Roma kids are all the same" about a stranger's town breaks the first."""
    if (facts.official or others_words(facts.request) is not None
            or facts.request.kind in ("like", "share", "profile", "friend_request")
            or any(finding.rule == NEGATIVE_RULE for finding in findings)):
        return []
    # (A discriminatory remark under a pack with no rule of its own for it, TPAT, is raised
    # under harassment and inappropriate content: still the remark.)
    remark = next((finding for finding in findings if finding.source == "text" and (
        finding.rule in HOSTILE_REMARK_RULES
        or (finding.details or {}).get("judgement") == "discrimination")), None)
    community = facts.of_kind("school_community_named")
    if remark is None or not community:
        return []
    return _a_finding_beside(
        remark, NEGATIVE_RULE, "remark_about_the_community",
        f"The remark above ({remark.rule}) is about the school community ('{community[0].text}'): "
        "the policy also keeps negative comments about the school, its pupils, families and staff "
        "off personal social media.",
        facts, in_scope, satisfied)


def _likes_and_shares(facts: _Facts, in_scope: bool, satisfied: list[str]) -> list[Finding]:
    anchor = Evidence("evaluate", "engagement", facts.request.kind, source="kind")
    candidate = Candidate(
        ("content.likes_and_shares",),
        f"{facts.request.kind.capitalize()}s count the same as posting: the content above "
        "would breach the policy if you posted it yourself.", anchor,
        fix=f"Do not {facts.request.kind} it.",
    )
    finding = _to_finding(candidate, facts, in_scope, satisfied)
    return [finding] if finding else []


def _an_approval_on_record(request: CheckRequest, school: School) -> bool:
    """Whether the request carries an approval by someone other than its author: a member of
    staff's approval of their own words is no one's check ("my own club plan"), unless they are
    a leader, whose own post is a leader's approval."""
    approval = request.approval
    if approval is None:
        return False
    author = request.author_staff_id
    return not (author and approval.staff_id == author
                and author_role(request, school) not in LEADERSHIP_ROLES)


def _to_finding(
    candidate: Candidate, facts: _Facts, in_scope: bool, satisfied: list[str]
) -> Finding | None:
    found = facts.pack.first_rule(candidate.rules, facts.request.channel)
    if found is None:
        return None
    rule_id, rule = found
    if candidate.requires_case and candidate.case not in rule.cases:
        return None
    severity = candidate.severity_override or rule.severity_for(candidate.case)
    if not in_scope and severity not in ESCALATION_SEVERITIES:
        return None
    if facts.approved and not candidate.approval_not_enough and (
        severity == "needs_approval" or candidate.approval_exception
    ):
        satisfied.append(rule_id)
        return None
    item = candidate.evidence
    message, fix, replacement = candidate.message, candidate.fix, candidate.replacement
    details = candidate.details
    if item.source.startswith("images[") and item.source.endswith(".text"):
        # Words read from a picture: there is no caption text to replace, only the picture.
        message = f"In the words of picture {_picture_number(item)}: {message}"
        fix = "Choose another picture, or crop, cover or blur these words in it."
        replacement = None
        details = {**(details or {}), "picture": item.attrs.get("picture"),
                   "line": item.attrs.get("picture_line"), "box": item.attrs.get("picture_box")}
    return Finding(
        rule=rule_id, severity=severity, policy=facts.pack.id, clause=rule.clause,
        message=message, evidence=item.text, fix=fix,
        start=item.start if item.source == "text" else None,
        end=item.end if item.source == "text" else None,
        detector=item.detector, quote=rule.quote, source=item.source,
        replacement=replacement, details=details,
    )


def redact(text: str, findings: list[Finding]) -> str:
    """The text with every span fix applied, later spans first so offsets stay true."""
    edits = sorted(
        {
            (finding.start, finding.end, finding.replacement)
            for finding in findings
            if finding.start is not None and finding.end is not None and finding.replacement is not None
        },
        key=lambda edit: (edit[0] or 0),
        reverse=True,
    )
    result = text
    last_start = len(text) + 1
    for start, end, replacement in edits:
        if start is None or end is None or replacement is None or end > last_start:
            continue  # overlapping fixes: keep the later one
        result = result[:start] + replacement + result[end:]
        last_start = start
    return result

"""The school's identity on personal accounts: names and aliases in profiles, work emails,
public profiles, and 'I teach at ...' in posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from safepost.detect import Evidence
from safepost.detect.school_identity import (
    SchoolIdentityDetector,
    name_in_handle,
    names_in,
    speaking_for_school,
)
from safepost.school import School

Detect = Callable[..., list[Evidence]]


def kinds(items: list[Evidence]) -> list[tuple[str, str]]:
    return [(item.kind, item.source) for item in items]


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        ("@MrFairbrotherLarkfield", "Larkfield"),
        ("@dan_larkfieldprimary", "Larkfield Primary"),
        ("Mr F @ Larkfield Primary School", "Larkfield Primary School"),
        ("@HeronsgateTrustDan", "Heronsgate Trust"),
        ("@hlt_dan", "HLT"),  # a short alias as a whole part
        ("@Dan.HLT", "HLT"),
        ("@healthy_dan", None),  # 'hlt' is not inside 'healthy' as a word
        ("@dan_runs", None),
        ("Dan Fairbrother", None),
    ],
)
def test_name_in_handle(school: School, handle: str, expected: str | None) -> None:
    assert name_in_handle(handle, school) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Lovely day at larkfield primary school", ["Larkfield Primary School"]),
        ("LARKFIELD and the Heronsgate Learning Trust", ["Heronsgate Learning Trust", "Larkfield"]),
        ("Larkfields are birds", []),
        ("Nothing here", []),
    ],
)
def test_names_in_text(school: School, text: str, names: list[str]) -> None:
    assert sorted(name for name, _, _ in names_in(text, school)) == sorted(names)


@pytest.mark.parametrize(("text", "names"), [
    ("Spotting otters on the riverbank most weekends", []),  # a place's kind, after an article
    ("I teach at riverbank", ["Riverbank"]),                 # in lower case, no article: the school
    ("the Riverbank team were brilliant", ["Riverbank"]),    # with its capital
    ("off to riverbank primary for the match", ["Riverbank Primary"]),
    ("a beacon of hope for us all", []),
    ("Proud to work at Beacon", ["Beacon"]),
    ("i work at beacon", ["Beacon"]),
    ("an Beacon trip", ["Beacon"]),
    ("Proud to be a riverbank teacher!", ["Riverbank"]),      # a word about school after it
    ("the riverbank kids smashed sports day", ["Riverbank"]),
    ("so proud to be part of the rbp family", ["RBP"]),       # an acronym is never a word
    # (session 28) an ordinary word in lower case with no article is the word too, unless the
    # words say a place of work: "current fave scent: sandalwood + rose" is a candle
    ("current fave candle: beacon + rose 🕯️", []),
    ("just joined beacon, first week done", ["Beacon"]),
    ("beacon kids were brilliant today", ["Beacon"]),
])
def test_a_one_word_name_after_an_article_needs_its_capital(
    make_school_dir: Callable[..., Any], text: str, names: list[str],
) -> None:
    from safepost.school import load_school
    from tests.conftest import SCHOOL_YAML

    school = load_school(make_school_dir(school={
        **SCHOOL_YAML, "name": "Riverbank Primary", "aliases": ["Riverbank", "Beacon", "RBP"],
        "trust": {"name": None, "aliases": []}}))
    assert sorted(name for name, _, _ in names_in(text, school)) == sorted(names)


PROFILES: list[Any] = [
    pytest.param(
        {"handle": "@MrFairbrotherLarkfield"}, [("school_in_profile_name", "profile.handle")],
        id="handle",
    ),
    pytest.param(
        {"display_name": "Mr Fairbrother (Larkfield Primary)"},
        [("school_in_profile_name", "profile.display_name")], id="display-name",
    ),
    pytest.param(
        {"bio": "Year 4 teacher at Larkfield Primary. Views my own."},
        [("employer_in_profile", "profile.bio")], id="bio",
    ),
    pytest.param(
        {"website": "https://larkfield.sch.uk/staff"}, [("employer_in_profile", "profile.website")],
        id="website-domain",
    ),
    pytest.param(
        {"email": "d.fairbrother@larkfield.sch.uk"}, [("work_email_on_account", "profile.email")],
        id="work-email-account",
    ),
    pytest.param(
        {"email": "c.ward@heronsgate.org.uk"}, [("work_email_on_account", "profile.email")],
        id="trust-email-account",
    ),
    pytest.param({"email": "dan.runs@gmail.com"}, [], id="personal-email-account"),
    pytest.param(
        {"bio": "Runner. Work: d.fairbrother@larkfield.sch.uk"},
        [("work_contact_on_profile", "profile.bio")], id="work-email-in-bio",
    ),
    # a number the bio gives as the work one, listed by the school or not (session 24)
    pytest.param(
        {"bio": "Office manager, nan of 4 💃 work: 01632 960418 ext 22"},
        [("work_contact_on_profile", "profile.bio")], id="work-number-in-bio",
    ),
    pytest.param({"bio": "Runner. Mobile: 01632 960418"}, [], id="a-number-not-said-to-be-work"),
    pytest.param({"visibility": "public"}, [("public_profile", "profile.visibility")], id="public"),
    pytest.param({"visibility": "friends"}, [], id="friends-only"),
    pytest.param(
        {"handle": "@dan_runs", "display_name": "Dan", "bio": "Runner. Dad. Views my own.",
         "email": "dan.runs@gmail.com", "website": "https://danruns.example.com", "visibility": "private"},
        [], id="clean-profile",
    ),
]


@pytest.mark.parametrize(("profile", "expected"), PROFILES)
def test_profile_evidence(detect: Detect, profile: dict[str, str], expected: list[tuple[str, str]]) -> None:
    items = detect(SchoolIdentityDetector(), "", kind="profile", profile=profile)
    assert kinds(items) == expected
    for item in items:
        assert item.start is None  # profile evidence is not in the text


def test_profile_evidence_quotes_the_field(detect: Detect) -> None:
    bio = "Year 4 teacher at Larkfield Primary. Contact d.fairbrother@larkfield.sch.uk"
    items = detect(SchoolIdentityDetector(), "", kind="profile", profile={"bio": bio})
    assert kinds(items) == [("employer_in_profile", "profile.bio"), ("work_contact_on_profile", "profile.bio")]
    employer, contact = items
    assert employer.text == bio
    assert contact.text == "d.fairbrother@larkfield.sch.uk"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("I teach at Larkfield Primary and love it.", "I teach at Larkfield Primary"),
        ("I work at Heronsgate Learning Trust.", "I work at Heronsgate Learning Trust"),
        ("Proud to be a teacher at Larkfield!", "teacher at Larkfield"),
        ("I'm a TA at larkfield primary school", "I'm a TA at larkfield primary school"),
        ("I teach Year 9 at Larkfield and love it", "I teach Year 9 at Larkfield"),
        ("I teach maths at Larkfield Primary", "I teach maths at Larkfield Primary"),
        ("I've worked at Larkfield for ten years", "I've worked at Larkfield"),
        ("I have been teaching at Larkfield since 2015", "I have been teaching at Larkfield"),
        ("Proud to teach Year 3 at Larkfield Primary School", "Proud to teach Year 3 at Larkfield Primary School"),
        ("So lucky to work at Larkfield", "lucky to work at Larkfield"),
        ("I love teaching Year 3 at Larkfield", "I love teaching Year 3 at Larkfield"),
        # (session 21) said without "I work at": the writer's own class or colleagues there
        ("So proud of our Year 6 at Larkfield today", "our Year 6 at Larkfield"),
        ("My Year 2 classroom at Larkfield all set up!", "My Year 2 classroom at Larkfield"),
        ("Speaking for all of us at Larkfield: no to the cuts", "all of us at Larkfield"),
        ("So proud of our Larkfield kids tonight", "our Larkfield"),
    ],
)
def test_employment_statement(detect: Detect, text: str, statement: str) -> None:
    (item,) = [found for found in detect(SchoolIdentityDetector(), text) if found.kind != "speaks_for_school"]
    assert item.kind == "employment_statement"
    assert item.start is not None and text[item.start:item.end] == statement


@pytest.mark.parametrize(
    "text",
    [
        "We walked past Larkfield on Sunday.",
        "The Larkfield Primary fair is on Saturday.",
        "I teach piano at weekends.",
        "I teach my kids at home, and we walked past Larkfield today.",
        "Trying to work out the traffic in Larkfield this morning",
        "My son starts teaching Year 3 at Larkfield Primary in September!",
        "Happy to work with the team at Larkfield on the fun run",
        # (session 21) the writer's family's school, someone else's teacher, another place
        "Our kids at Larkfield are thriving this year",
        "My daughter's teacher at Larkfield is amazing",
        "Great game from our team at Larkfield Rugby Club today",
        "Thanks to everyone at Larkfield for a lovely send-off",
        "",
    ],
)
def test_no_employment_statement(detect: Detect, text: str) -> None:
    assert detect(SchoolIdentityDetector(), text) == []


@pytest.mark.parametrize(
    ("text", "voice", "stance"),
    [
        # (no side in a dispute or an election named: the language model reads the view)
        ("At Larkfield we believe the two-child benefit cap is cruel and must go.", "At Larkfield we", False),
        ("Speaking for all of us at Larkfield Primary: we back the strike 100%.",
         "Speaking for all of us at Larkfield Primary: we", True),
        ("We at Larkfield stand with the junior doctors.", "We at Larkfield", True),
        ("Larkfield's view is that the cuts are wrong", "Larkfield's view is", False),
        # a voice with no stand taken: the language model decides whether it gives a view
        ("At Larkfield we believe every child can succeed.", "At Larkfield we", False),
        ("On behalf of all the staff at Larkfield, thank you to the PTA!",
         "On behalf of all the staff at Larkfield", False),
        ("As staff at Larkfield we back the NEU strike", "As staff at Larkfield we", True),
        ("As a school, we at Larkfield think the new estate is a disgrace", "we at Larkfield", False),
        ("We at Larkfield say no to bullying!", "We at Larkfield", False),   # a value, no side taken
        # (session 27) a preface before the voice; the school's name taking a side; the side in
        # the next sentence
        ("Proud to say we at Larkfield Primary back the strike 100%", "we at Larkfield Primary", True),
        ("Larkfield Primary stands with our fishing families. We urge every parent to sign the petition",
         "Larkfield Primary stands with", True),
        ("Larkfield stands with the Hendersons at this sad time 💙", "Larkfield stands with", False),
        ("Proud to say we at Larkfield raised £400 for the RNLI! We urge every parent to sign up for the fun run",
         "we at Larkfield", False),
    ],
)
def test_speaking_for_the_school(school: School, text: str, voice: str, stance: bool) -> None:
    ((start, end, took_a_stand),) = speaking_for_school(text, school)
    assert text[start:end] == voice
    assert took_a_stand is stance


@pytest.mark.parametrize(
    "text",
    [
        "At Larkfield we had a brilliant sports day",      # the school as a place
        "At Larkfield, we were so proud of Year 6 tonight",
        "I teach at Larkfield and we back the strike",     # the writer's own stand, as themself
        "We walked past Larkfield and stood with the pickets",
        "So proud of everyone at Larkfield for supporting the campaign",   # the school praised
        "Great night at Larkfield, we won the quiz!",
        "So proud to say my daughter starts at Larkfield in September",   # a preface, no voice
        "Everyone stands with Larkfield after the fire",                   # the school stood with
    ],
)
def test_not_speaking_for_the_school(school: School, text: str) -> None:
    assert list(speaking_for_school(text, school)) == []


def test_speaking_for_the_school_is_evidence_with_its_stance(detect: Detect) -> None:
    items = detect(SchoolIdentityDetector(), "We at Larkfield stand with the NEU. Back the strike!")
    (item,) = [item for item in items if item.kind == "speaks_for_school"]
    assert item.text == "We at Larkfield" and item.attrs["stance"] is True

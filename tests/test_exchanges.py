"""Messages and comments between staff and others, read as the nineteenth look's writer read the
contract: whose words they are (a comment received on the school's page is the commenter's),
what an "... me" phrase offers, what a public reply on the school's page publishes, and a
stranger reaching for children under the school's post. The exact checks alone (no language
model), so each case says what the exact rules do."""

from __future__ import annotations

from typing import Any

import pytest

from safepost.contract import parse_request
from safepost.detect import exact_registry
from safepost.engine import check
from safepost.policy import builtin_pack
from safepost.school import demo_school_dir, load_school


def rules_for(text: str, pack: str | None = None, **fields: Any) -> set[str]:
    school = load_school(demo_school_dir())
    request = parse_request({"id": "x", "text": text, **fields})
    chosen = builtin_pack(pack) if pack else None
    return {finding.rule for finding in check(request, school, pack=chosen, registry=exact_registry()).findings}


TO_PUPIL = {"kind": "pupil", "pupil_id": "P1004", "direction": "sent"}
ON_TEAMS = {"channel": "official", "kind": "message", "platform": "other", "author": {"staff_id": "S002"}}
ON_SNAP = {"channel": "personal", "kind": "message", "platform": "snapchat", "author": {"staff_id": "S002"}}


@pytest.mark.parametrize(("text", "fields", "offered"), [
    # a place, not a channel
    ("I can't keep it a secret. Come and find me at break, I'll be in the library.", ON_TEAMS, False),
    ("Come and find me at Waterstones on Saturday for the book signing", ON_TEAMS, False),
    # on the school's own platform, "message me" means there
    ("You can always message me here about drama club 😊", ON_TEAMS, False),
    # a platform named, or a phone reached for, wherever it is written
    ("Easier if you find me on snap", ON_TEAMS, True),
    ("text me if the bus is late", ON_TEAMS, True),
    # on a personal account "message me" is a private channel
    ("message me if you want the answers", ON_SNAP, True),
])
def test_an_offer_is_one_that_moves_contact_somewhere_else(text: str, fields: dict[str, Any], offered: bool) -> None:
    school = load_school(demo_school_dir())
    request = parse_request({"id": "o", "text": text, "counterpart": TO_PUPIL, **fields})
    result = check(request, school, registry=exact_registry(), explain=True)
    kinds = {item["kind"] for item in result.evidence or []}
    assert bool(kinds & {"contact_offer", "phone", "social_handle"}) is offered, kinds


PAGE = {"channel": "official", "kind": "comment", "platform": "facebook", "author": {"staff_id": "S005"}}


@pytest.mark.parametrize("pack", ["staffs_protocol", "auriga", "reach2"])
def test_a_comment_received_on_the_schools_page_is_the_commenters(pack: str) -> None:
    """A parent asking the school to ring them offers nothing of the member of staff's (these
    packs' contact rules apply on the school's page: sent, the same words would be an offer)."""
    words = "Can someone from school ring me please, I've had to leave the house with the kids"
    offers = {"content.personal_contact_details_to_pupils", "contact.pupil_personal_contact"}
    received = rules_for(words, pack, counterpart={"kind": "parent", "pupil_id": "P1004", "direction": "received"},
                         **PAGE)
    assert not offers & received, received


def test_a_number_a_parent_sends_on_the_schools_platform_is_theirs_to_give() -> None:
    found = rules_for("Thanks, my number is 07700 900456 if the coach is late",
                      counterpart={"kind": "parent", "pupil_id": "P1004", "direction": "received"}, **ON_TEAMS)
    assert found == set()


def test_a_pupil_asking_to_connect_privately_is_a_request_to_handle() -> None:
    found = rules_for("sir add me on snap its jake_k07", pack="tpat",
                      counterpart={"kind": "pupil", "pupil_id": "P1004", "direction": "received"},
                      channel="personal", kind="message", platform="snapchat", author={"staff_id": "S002"},
                      at="2026-11-14T11:00:00+00:00")
    assert found & {"contact.pupil_friend_request_handling", "contact.pupil_friend_request"}, found


def test_a_personal_number_in_a_staff_reply_on_the_schools_page_is_published_there() -> None:
    found = rules_for("Message me on my own phone 07700 900592 and I'll sort it tonight",
                      counterpart={"kind": "parent", "pupil_id": "P1004", "direction": "sent"},
                      channel="official", kind="comment", platform="facebook", author={"staff_id": "S002"})
    assert found & {"content.official_personal_data", "content.data_protection",
                    "content.personal_info_about_individuals"}, found


@pytest.mark.parametrize(("pupil_id", "named"), [
    ("P1002", False),   # to Seun himself (name consent no): a private message publishes nothing
    ("P1004", True),    # Seun named in a message to another pupil
])
def test_a_private_message_on_the_schools_platform_may_name_its_own_pupil(pupil_id: str, named: bool) -> None:
    found = rules_for("Well done Seun, great effort on your spellings today!",
                      counterpart={"kind": "pupil", "pupil_id": pupil_id, "direction": "sent"}, **ON_TEAMS)
    assert bool(found) is named, found


STRANGER = {"channel": "official", "kind": "comment", "platform": "facebook",
            "counterpart": {"kind": "public", "direction": "received"}, "author": {"staff_id": "S005"}}


@pytest.mark.parametrize(("text", "fields", "escalated"), [
    ("any year 8 or 9 girls want to earn some £££ for a few pics? message me 💸📸", STRANGER, True),
    ("hi any lads want to make easy money this weekend? just need someone to drop a few parcels off dm me",
     STRANGER, True),
    # the same words by a commenter whose role is given as the public's (a role says who wrote
    # it, whatever counterpart the request also names)
    ("any year 8 or 9 girls want to earn some £££ for a few pics? message me",
     {"channel": "official", "kind": "comment", "platform": "facebook", "author": {"role": "public"}}, True),
    ("any year 8 or 9 girls want to earn some £££ for a few pics? message me",
     {"channel": "official", "kind": "comment", "author": {"role": "public"}, "counterpart": {"kind": "pupil"}},
     True),
    ("anyone in yr7 want free v-bucks? add me on snap jayy.k07", STRANGER, True),
    # ordinary comments from people the school does not know: for the page's moderators, not the DSL
    ("Found a blue coat by the gate this morning, message me if it's yours", STRANGER, False),
    ("My kids loved the bake sale! Message me for the recipe x", STRANGER, False),
    ("Calder Juniors FC is recruiting boys and girls U9-U14, training Saturdays, DM me", STRANGER, False),
    ("Found a child's coat by the gate, message me if it's yours",
     {"channel": "official", "kind": "comment", "platform": "facebook", "author": {"role": "public"}}, False),
    ("Well done to all the children! Follow us @oakfieldpta", STRANGER, False),
    # children's parents, and people's own children, are not children called on
    ("Any year 7 parents want free uniform? Inbox me", {"channel": "official", "kind": "comment", "author": {"role": "public"}}, False),
    ("Does anyone have kids' football boots size 3? free to a good home, message me",
     {"channel": "official", "kind": "comment", "author": {"role": "public"}}, False),
    ("Who else has kids in year 9? lift share, pm me, I can pay for petrol",
     {"channel": "official", "kind": "comment", "author": {"role": "public"}}, False),
    ("any year 6 parents want to share lifts to the match? message me",
     {**STRANGER, "counterpart": {"kind": "parent", "direction": "received"}}, False),
])
def test_a_stranger_asking_children_to_contact_them_privately_goes_to_the_dsl(
    text: str, fields: dict[str, Any], escalated: bool,
) -> None:
    school = load_school(demo_school_dir())
    result = check(parse_request({"id": "s", "text": text, **fields}), school, registry=exact_registry())
    dsl = [f for f in result.findings if "outside the school" in f.message]
    assert bool(dsl) is escalated, [f.message for f in result.findings]
    if escalated:
        assert result.verdict == "escalate" and "DSL" in dsl[0].fix

"""What a request says about accounts and equipment beyond its words (evaluate._account_candidates):
an official profile the school has not listed, Wikipedia edited at work, an adult site on a
school device, contact with a child who is no pupil. Each rule is one pack's (or a few)."""

from __future__ import annotations

from typing import Any

import pytest

from safepost.contract import CheckResult, parse_request
from safepost.engine import check
from safepost.policy import resolve_pack
from safepost.school import demo_school_dir, load_school

LESSON_TIME = "2026-11-17T11:00:00+00:00"  # a Tuesday in term, 11:00
BREAK = "2026-11-17T12:15:00+00:00"        # its lunch break
EVENING = "2026-11-17T19:30:00+00:00"


def run(pack: str, **fields: Any) -> CheckResult:
    school = load_school(demo_school_dir())
    return check(parse_request({"id": "a1", "text": "", **fields}), school, pack=resolve_pack(pack))


def rules(result: CheckResult) -> set[str]:
    return {finding.rule for finding in result.findings}


@pytest.mark.parametrize(("handle", "approval", "raised"), [
    ("@oakfield_pe", False, True),    # a new account nobody approved
    ("@oakfield_pe", True, False),    # approved: the approval on record satisfies it
])
def test_an_official_profile_not_on_the_schools_list_needs_approval(handle: str, approval: bool,
                                                                    raised: bool) -> None:
    fields: dict[str, Any] = {"channel": "official", "kind": "profile", "platform": "instagram",
                              "profile": {"handle": handle, "bio": "PE news", "visibility": "public"}}
    if approval:
        fields["approval"] = {"staff_id": "S001"}
    result = run("reach2", **fields)
    assert ("account.official_creation_approval" in rules(result)) is raised
    if raised:
        assert result.verdict == "review"


@pytest.mark.parametrize("written", [
    "{handle}", "{upper}", "@{bare}", "https://www.{platform}.com/{bare}/", "{platform}.com/{bare}",
])
def test_an_official_profile_on_the_schools_list_is_known_however_its_handle_is_written(written: str) -> None:
    school = load_school(demo_school_dir())
    listed = next(account for account in school.official_accounts if account.platform in ("facebook", "instagram"))
    bare = listed.handle.lstrip("@")
    handle = written.format(handle=listed.handle, upper=listed.handle.upper(), bare=bare,
                            platform=listed.platform)
    result = run("reach2", channel="official", kind="profile", platform=listed.platform,
                 profile={"handle": handle, "bio": "News from school"})
    assert "account.official_creation_approval" not in rules(result)


def test_a_listed_handle_on_another_platform_is_a_new_account() -> None:
    school = load_school(demo_school_dir())
    listed = school.official_accounts[0]
    other = next(name for name in ("tiktok", "youtube", "linkedin") if name != listed.platform)
    result = run("reach2", channel="official", kind="profile", platform=other, profile={"handle": listed.handle})
    assert "account.official_creation_approval" in rules(result)


def test_an_official_profile_named_only_by_its_display_name_says_so() -> None:
    result = run("reach2", channel="official", kind="profile", platform="instagram",
                 profile={"display_name": "Oakfield PE"})
    (finding,) = [f for f in result.findings if f.rule == "account.official_creation_approval"]
    assert finding.evidence == "Oakfield PE" and finding.source == "profile.display_name"


@pytest.mark.parametrize(("pack", "at", "device", "raised"), [
    ("holbrook", EVENING, "school", True),          # the school's network address shows on the edit
    ("holbrook", LESSON_TIME, "school", True),
    ("holbrook", BREAK, "personal", False),         # one's own phone and connection at lunch
    ("holbrook", EVENING, "personal", False),
])
def test_wikipedia_edited_from_a_school_device_under_holbrook(pack: str, at: str, device: str,
                                                             raised: bool) -> None:
    result = run(pack, text="Added the history of the old mill to the village's article",
                 platform="wikipedia", at=at, device=device)
    assert ("conduct.wikipedia_editing_at_work" in rules(result)) is raised


@pytest.mark.parametrize(("fields", "raised"), [
    ({"kind": "share", "text": "lads you need to see this xhamster.com/videos/123", "device": "school"}, True),
    ({"kind": "share", "text": "lads you need to see this xhamster.com/videos/123", "device": "personal"}, False),
    # a gambling site is not the obscene material REAch2's rule names
    ({"text": "office sweepstake is on bet365.com this year", "device": "school"}, False),
    # the school's own warning to parents, and a stranger's spam on its page, are no one's browsing
    ({"channel": "official", "text": "Pupils have been using bet365.com, please check parental controls",
      "device": "school"}, False),
    ({"channel": "official", "kind": "comment", "author": {"role": "public"},
      "text": "hot pics at xhamster.com/videos/123", "device": "school"}, False),
])
def test_an_adult_site_from_a_school_device(fields: dict[str, Any], raised: bool) -> None:
    result = run("reach2", at=EVENING, **fields)
    assert ("conduct.inappropriate_sites_on_work_equipment" in rules(result)) is raised


@pytest.mark.parametrize(("counterpart", "raised"), [
    ({"kind": "public", "age": 15, "direction": "sent"}, True),               # a child, not a pupil
    ({"kind": "public", "age": 15, "relative": True, "direction": "sent"}, False),  # a nephew
    ({"kind": "public", "age": 19, "direction": "sent"}, False),              # an adult
    ({"kind": "public", "direction": "sent"}, False),                         # age not known
])
def test_contact_with_a_child_who_is_no_pupil_is_advice_under_reach2(counterpart: dict[str, Any],
                                                                       raised: bool) -> None:
    result = run("reach2", kind="message", text="Training moved to 10am Sunday, pass it on",
                 counterpart=counterpart, at=EVENING)
    assert ("contact.non_pupil_minors" in rules(result)) is raised
    if raised:
        finding = next(f for f in result.findings if f.rule == "contact.non_pupil_minors")
        assert finding.severity == "advice"


@pytest.mark.parametrize(("pack", "approved", "raised"), [
    ("reach2", True, False),            # 5.5: not in paid working time "without permission"
    ("staffs_protocol", True, True),    # its written permission is for work use only
    ("tpat", True, True),               # no such exception
    ("reach2", False, True),
])
def test_permission_on_record_covers_personal_use_in_lesson_time_where_the_policy_allows_it(
    pack: str, approved: bool, raised: bool,
) -> None:
    fields: dict[str, Any] = {"text": "Presenting our reading project at the conference today!", "at": LESSON_TIME,
                              "platform": "linkedin"}
    if approved:
        fields["approval"] = {"staff_id": "S001"}
    result = run(pack, **fields)
    assert ("conduct.personal_use_hours" in rules(result)) is raised
    if approved and not raised:
        assert "conduct.personal_use_hours" in result.satisfied


@pytest.mark.parametrize(("pack", "author", "raised"), [
    ("reach2", {"role": "governor"}, False),   # in the policy's scope, but not at work in the school day
    ("reach2", {"staff_id": "S011"}, False),   # the demo's governor, by the staff roster
    ("tpat", {"role": "volunteer"}, True),     # TPAT: volunteers whilst at work, in school with children
    ("auriga", {"role": "volunteer"}, False),  # AURIGA's scope names no volunteers (session 21)
    ("staffs_protocol", {"role": "contractor"}, False),  # the protocol is for employees
    ("reach2", {"role": "teacher"}, True),
    ("reach2", {"role": "admin"}, True),
])
def test_personal_use_in_lesson_time_is_not_a_governors_matter(pack: str, author: dict[str, str],
                                                              raised: bool) -> None:
    result = run(pack, text="The herons are back at the lake", at=LESSON_TIME, author=author)
    assert ("conduct.personal_use_hours" in rules(result)) is raised


@pytest.mark.parametrize("pack", ["auriga", "staffs_protocol"])
def test_a_school_device_is_the_schools_whoever_uses_it(pack: str) -> None:
    result = run(pack, text="Great match last night", device="school", at=EVENING, author={"role": "governor"})
    assert "conduct.school_device_social_access" in rules(result)


@pytest.mark.parametrize(("pack", "role", "raised"), [
    ("holbrook", "admin", False),       # "while working with children": not the office
    ("holbrook", "teacher", True),
    ("reach2", "admin", True),          # REAch2's paid working time is everyone's
])
def test_holbrooks_personal_use_rule_is_for_those_working_with_children(pack: str, role: str, raised: bool) -> None:
    result = run(pack, text="Sun's out in the office car park", at=LESSON_TIME, author={"role": role})
    assert ("conduct.personal_use_hours" in rules(result)) is raised


@pytest.mark.parametrize(("pack", "fields", "added"), [
    # a personal message to a pupil also breaks "only official sites for communicating with pupils"
    ("holbrook", {"kind": "message", "text": "Well played today!", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                                                 "direction": "sent"}},
     {"contact.pupil_personal_contact", "contact.pupil_official_channels_only"}),
    ("holbrook", {"kind": "message", "text": "sir can u help", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                                             "direction": "received"}},
     {"contact.pupil_personal_contact"}),                    # received: the member of staff wrote nothing
    # a pupil's friend request received calls for the policy's handling (and, Staffordshire, its record)
    ("tpat", {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "received"}},
     {"contact.pupil_friend_request", "contact.pupil_friend_request_handling"}),
    ("staffs_protocol", {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                                  "direction": "received"}},
     {"contact.pupil_friend_request", "contact.pupil_friend_request_handling", "register.unsolicited_contact_record"}),
    ("tpat", {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "sent"}},
     {"contact.pupil_friend_request"}),                      # sent: no approach to handle
    ("tpat", {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                       "direction": "accepted"}},
     {"contact.pupil_friend_request"}),                      # accepted: the acceptance is the matter
    ("staffs_protocol", {"kind": "friend_request", "approval": {"staff_id": "S001"},
                         "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "received"}},
     set()),                                                 # agreed in advance: no approach, and satisfied
    ("staffs_protocol", {"kind": "friend_request", "counterpart": {"kind": "parent", "pupil_id": "P1001",
                                                                  "direction": "received"}},
     # (and the friend-request rule itself: "pupils or their families"; session 20)
     {"contact.pupil_family_connections", "contact.pupil_friend_request", "contact.pupil_friend_request_handling",
      "register.unsolicited_contact_record"}),
    # AURIGA's "personal messages to children" (session 21)
    ("auriga", {"kind": "message", "text": "Well played today!", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                                               "direction": "sent"}},
     {"contact.pupil_personal_contact", "contact.pupil_official_channels_only",
      "contact.personal_messages_to_pupils"}),
    ("auriga", {"kind": "message", "text": "sir can u help", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                                           "direction": "received"}},
     {"contact.pupil_personal_contact"}),
    # the Staffordshire protocol's 5.1: contact with a pupil only as agreed in advance (session 21)
    ("staffs_protocol", {"kind": "message", "text": "Well played today!",
                         "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "sent"}},
     {"contact.pupil_personal_contact", "contact.approved_contact_prior_agreement"}),
    # (session 22: the accepted connection is personal contact too)
    ("staffs_protocol", {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                                  "direction": "accepted"}},
     {"contact.pupil_friend_request", "contact.approved_contact_prior_agreement", "contact.pupil_personal_contact"}),
    ("holbrook", {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P1001",
                                                           "direction": "accepted"}},
     {"contact.pupil_friend_request", "contact.pupil_personal_contact"}),
    ("staffs_protocol", {"kind": "message", "text": "Well played today!", "approval": {"staff_id": "S001"},
                         "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "sent"}},
     set()),                                                 # agreed in advance
    ("staffs_protocol", {"kind": "message", "text": "Tea's in the oven x",
                         "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "sent",
                                         "relative": True}},
     set()),                                                 # one's own child: family, not work (session 21)
])
def test_each_rule_the_policy_states_that_the_contact_breaks_is_raised(pack: str, fields: dict[str, Any],
                                                                      added: set[str]) -> None:
    result = run(pack, at=EVENING, **fields)
    contact = {rule for rule in rules(result) if rule.startswith(("contact.", "register."))}
    assert contact == added


@pytest.mark.parametrize(("fields", "raised"), [
    ({"text": "Non-uniform day on Friday, £1 for Children in Need"}, True),
    ({"text": "Non-uniform day on Friday, £1 for Children in Need", "approval": {"staff_id": "S002"}}, False),
    ({"text": "Non-uniform day on Friday, £1 for Children in Need", "approval": {"staff_id": "S009"}}, False),
    # a class teacher's approval is not the leadership team's; one the staff list does not know
    # is taken at its word
    ({"text": "Non-uniform day on Friday, £1 for Children in Need", "approval": {"staff_id": "S004"}}, True),
    ({"text": "Non-uniform day on Friday, £1 for Children in Need", "approval": {"staff_id": "S999"}}, False),
    ({"text": "Non-uniform day on Friday, £1 for Children in Need", "author": {"role": "headteacher"}}, False),
    ({"kind": "message", "text": "Your essay is due Friday",
      "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "sent"}}, False),  # no site content
    ({"kind": "comment", "author": {"role": "parent"}, "text": "Thank you for a lovely nativity"}, False),
])
def test_holbrooks_official_content_needs_a_leaders_approval(fields: dict[str, Any], raised: bool) -> None:
    result = run("holbrook", channel="official", **fields)
    assert ("account.content_pre_approval" in rules(result)) is raised
    if raised:
        assert result.verdict == "review"


def test_a_teachers_approval_is_named_in_the_leadership_approval_finding() -> None:
    result = run("holbrook", channel="official", author={"staff_id": "S006"}, approval={"staff_id": "S004"},
                 text="Non-uniform day on Friday, £1 for Children in Need")
    finding = next(f for f in result.findings if f.rule == "account.content_pre_approval")
    assert "Tom Bennett (teacher)" in finding.message
    assert result.verdict == "review"


@pytest.mark.parametrize(("pack", "direction", "raised"), [
    ("holbrook", "sent", True),          # "caution is advised when inviting work colleagues"
    ("auriga", "sent", True),
    ("staffs_protocol", "sent", True),   # do not add them if they should not see your posts
    ("holbrook", "received", False),     # the guidance is about inviting
    ("tpat", "sent", False),             # no such guidance
    ("reach2", "sent", False),
])
def test_a_friend_request_to_a_colleague_carries_the_policys_guidance(pack: str, direction: str,
                                                                       raised: bool) -> None:
    result = run(pack, at=EVENING, kind="friend_request",
                 counterpart={"kind": "colleague", "direction": direction})
    assert ("contact.colleague_connections" in rules(result)) is raised
    assert result.verdict == ("advise" if raised else "allow")


@pytest.mark.parametrize(("fields", "raised"), [
    # school business with a parent or pupil on a personal account (REAch2 5.2)
    ({"text": "Just to let you know he got a detention today for missing homework again.",
      "counterpart": {"kind": "parent", "pupil_id": "P1001", "direction": "sent"}}, True),
    ({"text": "Don't forget your reading book tomorrow",
      "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "sent"}}, True),
    # the parent agreed to this channel (an approval on record stands for it)
    ({"text": "Just to let you know he got a detention today for missing homework again.",
      "counterpart": {"kind": "parent", "pupil_id": "P1001", "direction": "sent"},
      "approval": {"staff_id": "S001", "reference": "parent's written consent to WhatsApp"}}, False),
    # a friend who is a parent, about a friend's matters; a relative
    ({"text": "Book club is at mine on Thursday, bring wine",
      "counterpart": {"kind": "parent", "pupil_id": "P1001", "direction": "sent"}}, False),
    ({"text": "Don't forget your reading book tomorrow",
      "counterpart": {"kind": "pupil", "pupil_id": "P1001", "direction": "sent", "relative": True}}, False),
    # a parent's message about school business received on the personal account counts too
    ({"text": "Sorry, his reading book is still at his nan's",
      "counterpart": {"kind": "parent", "pupil_id": "P1001", "direction": "received"}}, True),
])
def test_school_business_on_a_personal_account_under_reach2(fields: dict[str, Any], raised: bool) -> None:
    result = run("reach2", at=EVENING, kind="message", platform="whatsapp", **fields)
    assert ("contact.personal_channels_official_business" in rules(result)) is raised


def test_school_business_rule_is_reach2s_alone() -> None:
    result = run("holbrook", at=EVENING, kind="message", platform="whatsapp",
                 text="Just to let you know he got a detention today.",
                 counterpart={"kind": "parent", "pupil_id": "P1001", "direction": "sent"})
    assert "contact.personal_channels_official_business" not in rules(result)


@pytest.mark.parametrize(("pack", "fields", "raised"), [
    # the Staffordshire protocol's opening line: no comment on anything related to the school
    ("staffs_protocol", {"text": "So proud of my Reception class at their nativity today!"}, True),
    ("staffs_protocol", {"text": "Oakfield fireworks night was ACE, well done PTA"}, True),
    ("staffs_protocol", {"kind": "message", "text": "Just so you know, the staffroom is in uproar today",
                         "counterpart": {"kind": "parent", "pupil_id": "P1001", "direction": "sent"}}, True),
    # not the writer's own family, a governor (the protocol is for employees), work between
    # colleagues, a like, or another pack
    ("staffs_protocol", {"text": "My son's nativity today, not a dry eye in the house"}, False),
    ("staffs_protocol", {"text": "So proud of my Reception class at their nativity today!",
                         "author": {"staff_id": "S011"}}, False),
    ("staffs_protocol", {"kind": "message", "text": "Can you cover my Year 9s period 5?",
                         "counterpart": {"kind": "colleague", "direction": "sent"}}, False),
    ("staffs_protocol", {"kind": "like", "text": "Oakfield fireworks night was ACE"}, False),
    ("auriga", {"text": "So proud of my Reception class at their nativity today!"}, False),
])
def test_any_comment_on_the_school_under_the_staffordshire_protocol(pack: str, fields: dict[str, Any],
                                                                    raised: bool) -> None:
    result = run(pack, at=EVENING, **fields)
    assert ("content.discuss_school_community" in rules(result)) is raised
    if raised:
        assert result.verdict == "block"


@pytest.mark.parametrize(("pack", "counterpart", "added"), [
    # The friend-request rule's scope beyond current pupils (the catalogue's pupil_scope): TPAT's
    # "current or ex-students" at any age, with its parent notification for a child's request;
    # REAch2's ex-pupils under 18; AURIGA's and Holbrook's pupils only.
    ("tpat", {"kind": "former_pupil", "age": 20, "direction": "received"},
     {"contact.ex_pupil_connection", "contact.pupil_friend_request"}),
    ("tpat", {"kind": "former_pupil", "age": 13, "direction": "received"},
     {"contact.ex_pupil_connection", "contact.pupil_friend_request", "contact.pupil_friend_request_handling"}),
    ("reach2", {"kind": "former_pupil", "age": 17, "direction": "sent"},
     {"contact.ex_pupil_connection", "contact.pupil_friend_request"}),
    ("reach2", {"kind": "former_pupil", "age": 19, "direction": "received"}, set()),
    ("staffs_protocol", {"kind": "former_pupil", "age": 20, "direction": "received"},
     {"contact.ex_pupil_connection"}),
    # a parent's request the member of staff sends is the family-contact rule's alone
    ("staffs_protocol", {"kind": "parent", "pupil_id": "P1001", "direction": "sent"},
     {"contact.pupil_family_connections"}),
])
def test_the_friend_request_rule_reaches_whom_the_policy_names(pack: str, counterpart: dict[str, Any],
                                                               added: set[str]) -> None:
    result = run(pack, at=EVENING, kind="friend_request", counterpart=counterpart)
    assert {rule for rule in rules(result) if rule.startswith(("contact.", "register."))} == added


@pytest.mark.parametrize(("pack", "fields", "raised"), [
    # the Staffordshire protocol's 5.3: work access to social media from the school's devices only
    ("staffs_protocol", {"device": "personal"}, True),
    ("staffs_protocol", {"device": "school"}, False),
    ("staffs_protocol", {}, False),
    # a parent's comment on the page is not the school's account used from a phone
    ("staffs_protocol", {"device": "personal", "kind": "comment", "author": {"role": "parent"}}, False),
    ("auriga", {"device": "personal"}, False),   # AURIGA's is about communicating with children
])
def test_the_schools_account_from_a_personal_device(pack: str, fields: dict[str, Any], raised: bool) -> None:
    result = run(pack, channel="official", text="Year 4 loved the farm trip today!", **fields)
    assert ("contact.personal_device_pupil_contact" in rules(result)) is raised


@pytest.mark.parametrize(("age", "handling"), [(15, True), (18, False)])
def test_tpats_handling_is_for_a_childs_request(age: int, handling: bool) -> None:
    # "You must notify the parent if a child sends you a friend request": not a sixth-former of 18
    result = run("tpat", at=EVENING, kind="friend_request",
                 counterpart={"kind": "pupil", "pupil_id": "P1001", "age": age, "direction": "received"})
    assert ("contact.pupil_friend_request_handling" in rules(result)) is handling
    assert "contact.pupil_friend_request" in rules(result)


def test_a_like_under_reach2_is_no_posting() -> None:
    # REAch2 names "making or sharing" postings; the Staffordshire protocol "post or like"
    text = "Huge congratulations to Amelia Hartley on the county chess title!"
    liked = run("reach2", at=EVENING, kind="like", text=text)
    shared = run("reach2", at=EVENING, kind="share", text=text)
    staffs = run("staffs_protocol", at=EVENING, kind="like", text=text)
    assert liked.findings == []
    assert "content.likes_and_shares" in rules(shared)
    assert "content.likes_and_shares" in rules(staffs)


@pytest.mark.parametrize(("pack", "read"), [
    ("auriga", False),    # AURIGA and TPAT never mention likes (session 21)
    ("tpat", False),
    ("holbrook", True),   # kept: its readers call a like of abuse disrepute
    ("staffs_protocol", True),
])
def test_whether_a_like_is_read_as_the_staff_members_words(pack: str, read: bool) -> None:
    text = "Oakfield is the worst run school in the county, the head hasn't got a clue what goes on in there"
    liked = run(pack, at=EVENING, kind="like", text=text)
    written = run(pack, at=EVENING, kind="post", text=text)
    assert written.findings or pack == "tpat"  # (TPAT: whilst at work only)
    assert bool(liked.findings) is read


def test_a_former_pupil_who_is_a_relative_under_a_pack_with_the_family_exception() -> None:
    fields: dict[str, Any] = {"kind": "message", "text": "Babcia says dinner at 2 on Sunday x",
                              "counterpart": {"kind": "former_pupil", "age": 15, "direction": "sent", "relative": True}}
    assert run("reach2", at=EVENING, **fields).findings == []
    assert "contact.ex_pupil_connection" in rules(run("staffs_protocol", at=EVENING, **fields))


def test_school_business_received_on_a_personal_account_under_reach2() -> None:
    # "nor should any such contact be accepted" without the person's consent
    result = run("reach2", at=EVENING, kind="message", platform="facebook",
                 text="Sorry to message on here, does he need his reading book this week?",
                 counterpart={"kind": "parent", "pupil_id": "P1001", "direction": "received"})
    assert "contact.personal_channels_official_business" in rules(result)


def test_a_pupil_messaged_from_the_schools_account_on_a_personal_phone_is_one_device_finding() -> None:
    # The Staffordshire protocol's 5.3 (work access from the school's devices only) and its
    # pupil-contact reading are the same rule on the same fact: one finding, not two.
    result = run("staffs_protocol", at=EVENING, channel="official", kind="message", device="personal",
                 text="Your Python task didn't upload properly, can you try again before Thursday?",
                 counterpart={"kind": "pupil", "pupil_id": "P1001", "direction": "sent"})
    assert [f.rule for f in result.findings].count("contact.personal_device_pupil_contact") == 1


@pytest.mark.parametrize(("pack", "author", "raised"), [
    ("staffs_protocol", {"role": "volunteer"}, True),   # 5.4: employees with permission only
    ("staffs_protocol", {"role": "governor"}, True),
    ("staffs_protocol", {"role": "contractor"}, True),
    ("staffs_protocol", {"role": "teacher"}, False),
    ("staffs_protocol", {"role": "admin"}, False),
    ("tpat", {"role": "volunteer"}, False),             # "authorised" people: no register to read
])
def test_who_may_post_on_the_schools_account(pack: str, author: dict[str, str], raised: bool) -> None:
    result = run(pack, channel="official", kind="post", author=author,
                 text="Reading café is back this Thursday at 3.15 in the library!")
    assert ("account.authorised_users" in rules(result)) is raised


def test_a_governors_comment_under_the_schools_post_is_not_posting_as_the_school() -> None:
    result = run("staffs_protocol", channel="official", kind="comment", author={"role": "governor"},
                 text="Congratulations to all our Year 11s - the governing body is so proud of you!")
    assert "account.authorised_users" not in rules(result)


def test_a_volunteer_on_their_own_account_is_not_the_schools_poster() -> None:
    result = run("staffs_protocol", channel="personal", kind="post", author={"role": "volunteer"},
                 text="Lovely morning hearing readers")
    assert "account.authorised_users" not in rules(result)


def test_the_headteacher_answering_the_press_is_the_policy_working() -> None:
    result = run("holbrook", channel="official", kind="comment", author={"role": "headteacher"},
                 counterpart={"kind": "public", "direction": "sent"},
                 text="Happy to give the Post a quote: we are so proud of our Year 6 choir.")
    assert "workflow.media_enquiries" not in rules(result)


@pytest.mark.parametrize(("pack", "channel", "raised"), [
    ("holbrook", "official", True),   # A.3.6: media enquiries go to the headteacher
    ("tpat", "official", True),       # 4: direct any enquiries to the headteacher
    ("reach2", "official", False),    # no such rule
    ("holbrook", "personal", False),  # the rule is the school account's
])
def test_an_answer_to_the_press_from_the_schools_page(pack: str, channel: str, raised: bool) -> None:
    result = run(pack, channel=channel, kind="comment", author={"role": "teacher"},
                 counterpart={"kind": "public", "direction": "sent"},
                 text="Happy to give the Mercury a quote about the flooding - ring me after school.")
    found = [finding for finding in result.findings if finding.rule == "workflow.media_enquiries"]
    assert bool(found) is raised
    if raised:
        assert found[0].evidence == "give the Mercury a quote" and "headteacher" in found[0].message


@pytest.mark.parametrize(("pack", "channel", "raised"), [
    ("staffs_protocol", "personal", True),   # Appendix 2, item 9
    ("staffs_protocol", "official", False),  # the rule is for staff's own accounts
    ("tpat", "personal", False),             # no such rule
])
def test_contradicting_the_schools_letter(pack: str, channel: str, raised: bool) -> None:
    result = run(pack, channel=channel, author={"role": "teacher"},
                 text="Ignore the letter that went home, the mocks are NOT cancelled. Revise!")
    assert ("content.false_misleading_or_contradictory" in rules(result)) is raised


@pytest.mark.parametrize(("platform", "fields", "raised"), [
    ("tiktok", {}, True),                                       # the school lists no TikTok account
    ("youtube", {"kind": "comment"}, True),
    ("facebook", {}, False),                                    # one of its accounts
    ("tiktok", {"approval": {"staff_id": "S001"}}, False),      # approved: satisfied
    ("other", {}, False),                                       # perhaps its own learning platform
    (None, {}, False),                                          # the request does not say
    ("tiktok", {"kind": "comment", "author": {"role": "parent"}}, False),  # someone else's comment
])
def test_the_schools_account_on_a_platform_it_does_not_list(platform: str | None, fields: dict[str, Any],
                                                            raised: bool) -> None:
    request: dict[str, Any] = {"channel": "official", "text": "Follow us for match highlights!", **fields}
    if platform:
        request["platform"] = platform
    result = run("tpat", **request)
    assert ("account.official_creation_approval" in rules(result)) is raised


@pytest.mark.parametrize("pack", ["auriga", "tpat"])
def test_a_like_of_hate_is_still_read_where_likes_are_not_mentioned(pack: str) -> None:
    # (a like of a grumble is nothing under these packs; endorsing hate is still read)
    result = run(pack, at=LESSON_TIME, kind="like",  # (TPAT's policy is for staff whilst at work)
                 text="Send them all back where they came from, filthy immigrants")
    # (TPAT states no discrimination rule: its nearest, bullying and harassment)
    assert rules(result) & {"content.discriminatory_remarks", "content.bullying_harassment"}


@pytest.mark.parametrize(("text", "read"), [
    # (session 30) a like is no posting under REAch2, but endorsing hate is still read (both such
    # likes in the outside looks labelled discrimination) ...
    ("Send them all back where they came from, filthy immigrants", True),
    # ... not a liked dig at one teacher (its readers: no finding)
    ("Mr Lloyd's new haircut makes him look like a thumb 😂", False),
])
def test_a_like_of_hate_under_reach2_endorses_it(text: str, read: bool) -> None:
    result = run("reach2", at=EVENING, kind="like", text=text)
    assert ("content.discriminatory_remarks" in rules(result)) is read
    assert bool(result.findings) is read


def test_a_liked_post_under_auriga_is_not_read_for_a_pupils_matter() -> None:
    # (the readings added in session 21 skip a like as the content readings do)
    text = "Long day. Social services in again for one of my tutor group, poor kid"
    assert run("auriga", at=EVENING, kind="like", text=text).findings == []
    assert run("auriga", at=EVENING, kind="post", text=text).findings


@pytest.mark.parametrize(("pack", "raised"), [
    ("holbrook", True),          # 6.1: staff must not identify themselves as employees
    ("staffs_protocol", False),  # discouraged only where the words say so ("I work at")
    ("auriga", False),           # permitted
])
def test_our_year_six_at_the_school_says_where_one_works(pack: str, raised: bool) -> None:
    result = run(pack, at=EVENING, text="So proud of our Year 6 at Oakfield Primary today, SATs done!")
    assert ("profile.employer_identification" in rules(result)) is raised


@pytest.mark.parametrize("direction", ["sent", "accepted"])
def test_a_connection_made_with_a_pupil_is_undone_not_declined(direction: str) -> None:
    result = run("holbrook", kind="friend_request", at=EVENING,
                 counterpart={"kind": "pupil", "pupil_id": "P1001", "direction": direction})
    (contact,) = [f for f in result.findings if f.rule == "contact.pupil_personal_contact"]
    assert "Withdraw the request or remove the connection" in contact.fix
    assert "Do not accept" not in contact.fix

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


def test_an_official_profile_on_the_schools_list_is_known() -> None:
    school = load_school(demo_school_dir())
    listed = school.official_accounts[0]
    result = run("reach2", channel="official", kind="profile", platform=listed.platform,
                 profile={"handle": listed.handle.upper(), "bio": "News from school"})
    assert "account.official_creation_approval" not in rules(result)


@pytest.mark.parametrize(("at", "device", "raised"), [
    (LESSON_TIME, None, True),        # at work
    (EVENING, "school", True),        # on the school's equipment (its network address)
    (EVENING, "personal", False),     # at home, on one's own
])
def test_wikipedia_edited_at_work_under_holbrook(at: str, device: str | None, raised: bool) -> None:
    fields: dict[str, Any] = {"text": "Added the history of the old mill to the village's article",
                              "platform": "wikipedia", "at": at}
    if device:
        fields["device"] = device
    assert ("conduct.wikipedia_editing_at_work" in rules(run("holbrook", **fields))) is raised


def test_wikipedia_editing_is_holbrooks_rule_only() -> None:
    result = run("reach2", text="Fixed a typo on the Wikipedia page", platform="wikipedia", at=EVENING,
                 device="school")
    assert "conduct.wikipedia_editing_at_work" not in rules(result)


@pytest.mark.parametrize(("device", "raised"), [("school", True), ("personal", False)])
def test_an_adult_site_shared_from_a_school_device(device: str, raised: bool) -> None:
    result = run("reach2", kind="share", text="lads you need to see this xhamster.com/videos/123", device=device,
                 at=EVENING)
    assert ("conduct.inappropriate_sites_on_work_equipment" in rules(result)) is raised
    assert result.verdict == "escalate"


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
    ("staffs_protocol", True, False),   # "with written permission"
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


@pytest.mark.parametrize(("author", "raised"), [
    ({"role": "governor"}, False),      # in the policy's scope, but not at work in the school day
    ({"role": "volunteer"}, False),
    ({"role": "teacher"}, True),
    ({"role": "admin"}, True),
])
def test_personal_use_in_lesson_time_is_for_those_the_school_employs(author: dict[str, str], raised: bool) -> None:
    result = run("reach2", text="The herons are back at the lake", at=LESSON_TIME, author=author)
    assert ("conduct.personal_use_hours" in rules(result)) is raised

"""Policy packs: the built-ins against the rule catalogue, school packs that extend them, and
bad pack files (each error names the file and the key)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from safepost.policy import (
    BUILTIN_PACK_IDS,
    Pack,
    PackError,
    builtin_pack,
    catalogue,
    catalogue_rule_ids,
    load_pack_file,
    resolve_pack,
)
from safepost.school import demo_school_dir
from tests.conftest import SHARED_SPEC

PACKAGED_CATALOGUE = Path(__file__).resolve().parents[2] / "src" / "safepost" / "policy" / "catalogue.yaml"

# docs/exact-rules.md, "Adopted as good practice": rules a policy is silent on, added as advice.
GOOD_PRACTICE = {
    "profile.privacy_settings": {"tpat"},
    "profile.work_email_for_personal_account": {"tpat"},
    "profile.school_name_in_profile_name": {"tpat", "reach2", "staffs_protocol"},
    # safeguarding duties adopted with their full force (docs/exact-rules.md)
    "content.grooming": {"auriga", "tpat", "reach2"},
    "workflow.safeguarding_escalation": {"auriga", "staffs_protocol", "tpat"},
}
SAFEGUARDING_ADOPTED = {"content.grooming", "workflow.safeguarding_escalation"}


def catalogue_rules_for(policy: str) -> dict[str, dict[str, Any]]:
    return {
        rule["id"]: rule for rule in catalogue()["rules"] if policy in (rule.get("policies") or {})
    }


@pytest.mark.parametrize("pack_id", BUILTIN_PACK_IDS)
def test_builtin_pack_loads(pack_id: str) -> None:
    pack = builtin_pack(pack_id)
    assert isinstance(pack, Pack)
    assert pack.id == pack_id
    assert pack.title.strip()
    assert pack.rules
    assert resolve_pack(pack_id) is pack


def test_there_are_five_builtin_packs() -> None:
    assert set(BUILTIN_PACK_IDS) == {"auriga", "staffs_protocol", "holbrook", "tpat", "reach2"}


@pytest.mark.parametrize("pack_id", BUILTIN_PACK_IDS)
def test_pack_holds_every_catalogue_rule_naming_its_policy(pack_id: str) -> None:
    pack = builtin_pack(pack_id)
    expected = catalogue_rules_for(pack_id)
    assert expected, "the catalogue names rules for every built-in policy"
    missing = sorted(set(expected) - set(pack.rules))
    assert missing == []
    for rule_id, entry in expected.items():
        rule = pack.rules[rule_id]
        assert rule.clause.strip(), f"{pack_id}: {rule_id} has an empty clause"
        assert rule.clause == entry["policies"][pack_id]["clause"]


@pytest.mark.parametrize("pack_id", BUILTIN_PACK_IDS)
def test_pack_severity_is_the_catalogues_for_that_policy(pack_id: str) -> None:
    pack = builtin_pack(pack_id)
    for rule_id, entry in catalogue_rules_for(pack_id).items():
        expected = (entry.get("severity_by_policy") or {}).get(pack_id, entry["severity"])
        assert pack.rules[rule_id].severity == expected, rule_id


@pytest.mark.parametrize("pack_id", BUILTIN_PACK_IDS)
def test_every_rule_id_in_pack_is_in_catalogue(pack_id: str) -> None:
    unknown = sorted(set(builtin_pack(pack_id).rules) - catalogue_rule_ids())
    assert unknown == []


@pytest.mark.parametrize("pack_id", BUILTIN_PACK_IDS)
def test_rules_beyond_the_policy_are_exactly_the_adopted_good_practice(pack_id: str) -> None:
    pack = builtin_pack(pack_id)
    extra = set(pack.rules) - set(catalogue_rules_for(pack_id))
    adopted = {rule_id for rule_id, packs in GOOD_PRACTICE.items() if pack_id in packs}
    assert extra == adopted
    for rule_id in adopted:
        rule = pack.rules[rule_id]
        expected = "safeguarding_escalation" if rule_id in SAFEGUARDING_ADOPTED else "advice"
        assert rule.severity == expected
        assert rule.origin == "good_practice"
        assert rule.clause.strip()


def test_packaged_catalogue_equals_shared_spec() -> None:
    shared = SHARED_SPEC / "rule-catalogue.yaml"
    if not shared.is_file():
        pytest.skip(f"{shared} is not here")
    assert PACKAGED_CATALOGUE.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def test_catalogue_rule_ids_are_unique() -> None:
    ids = [rule["id"] for rule in catalogue()["rules"]]
    assert len(ids) == len(set(ids))


# --- the demo school's pack --------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_pack() -> Pack:
    return load_pack_file(demo_school_dir() / "policy.yaml")


def test_demo_pack_extends_tpat(demo_pack: Pack) -> None:
    tpat = builtin_pack("tpat")
    assert demo_pack.extends == "tpat"
    assert demo_pack.id == "oakfield"
    # The school adds two pieces of advice the trust's policy is silent on; everything else is tpat's.
    added = {"content.own_personal_information", "content.logo_brand_personal"}
    assert set(demo_pack.rules) == set(tpat.rules) | added
    assert not added & set(tpat.rules)
    assert all(demo_pack.rules[rule_id].origin == "school" for rule_id in added)
    # Inherited from the base where the school pack says nothing.
    assert demo_pack.organisation
    assert demo_pack.rules["content.pupil_full_name"] == tpat.rules["content.pupil_full_name"]


def test_demo_pack_overrides_take_effect(demo_pack: Pack) -> None:
    tpat = builtin_pack("tpat")
    scope = demo_pack.rules["scope.private_life_and_out_of_hours"]
    assert tpat.rules["scope.private_life_and_out_of_hours"].param("personal_reach") == "working_time"
    assert scope.param("personal_reach") == "always"
    assert "Oakfield" in scope.clause
    # Only the key named changes: the rest of the rule is tpat's.
    assert scope.severity == tpat.rules["scope.private_life_and_out_of_hours"].severity

    hours = demo_pack.rules["conduct.personal_use_hours"]
    assert tpat.rules["conduct.personal_use_hours"].param("breaks_allowed") is False
    assert hours.param("breaks_allowed") is True
    assert hours.clause == tpat.rules["conduct.personal_use_hours"].clause

    email = demo_pack.rules["profile.work_email_for_personal_account"]
    assert tpat.rules["profile.work_email_for_personal_account"].severity == "advice"
    assert email.severity == "prohibited"
    assert email.origin == "school"
    assert email.clause.startswith("Oakfield addendum 1")


def test_the_demo_school_uses_its_own_pack() -> None:
    from safepost.school import load_school

    school = load_school(demo_school_dir())
    assert school.pack.id == "oakfield"
    assert school.pack.extends == "tpat"


# --- bad pack files -----------------------------------------------------------------------

GOOD_RULE: dict[str, Any] = {
    "kind": "content",
    "applies_to": "both",
    "severity": "prohibited",
    "clause": "3.1",
    "summary": "Do not share pupils' personal data.",
}


def write_pack(directory: Path, name: str, data: dict[str, Any]) -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def full_pack(**changes: Any) -> dict[str, Any]:
    return {"id": "bad", "title": "Bad pack", "rules": {"content.data_protection": dict(GOOD_RULE)}, **changes}


def test_a_valid_full_pack_file_loads(tmp_path: Path) -> None:
    pack = load_pack_file(write_pack(tmp_path, "ok.yaml", full_pack()))
    assert pack.id == "bad"
    assert pack.rules["content.data_protection"].severity == "prohibited"
    assert pack.extends is None


def test_an_extending_pack_can_add_and_override_rules(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "school.yaml", {
        "id": "larkfield", "title": "Larkfield policy", "extends": "holbrook",
        "rules": {
            "content.data_protection": {"severity": "needs_approval"},
            "content.likes_and_shares": {**GOOD_RULE, "severity": "advice"},
        },
    })
    pack = load_pack_file(path)
    holbrook = builtin_pack("holbrook")
    assert pack.extends == "holbrook"
    assert pack.rules["content.data_protection"].severity == "needs_approval"
    assert pack.rules["content.data_protection"].clause == holbrook.rules["content.data_protection"].clause
    assert pack.rules["content.likes_and_shares"].origin == "school"
    assert "content.likes_and_shares" not in holbrook.rules
    # The built-in itself is unchanged.
    assert holbrook.rules["content.data_protection"].severity == "prohibited"


def test_an_extending_pack_can_extend_another_pack_file(tmp_path: Path) -> None:
    write_pack(tmp_path, "trust.yaml", {
        "id": "trust", "title": "Trust", "extends": "tpat",
        "rules": {"profile.privacy_settings": {"severity": "prohibited"}},
    })
    path = write_pack(tmp_path, "school.yaml", {
        "id": "school", "title": "School", "extends": "trust.yaml",
        "rules": {"conduct.personal_use_hours": {"parameters": {"breaks_allowed": True}}},
    })
    pack = load_pack_file(path)
    assert pack.extends == "trust"
    assert pack.rules["profile.privacy_settings"].severity == "prohibited"
    hours = pack.rules["conduct.personal_use_hours"]
    assert hours.param("breaks_allowed") is True
    # A partial parameters map is merged, not replaced.
    assert set(builtin_pack("tpat").rules["conduct.personal_use_hours"].parameters) <= set(hours.parameters)


BAD_PACKS = [
    pytest.param(full_pack(colour="red"), "colour", id="unknown-top-level-key"),
    pytest.param(
        full_pack(rules={"content.data_protection": {**GOOD_RULE, "bogus": 1}}),
        "rules.content.data_protection.bogus", id="unknown-rule-key",
    ),
    pytest.param(
        full_pack(rules={"content.data_protection": {**GOOD_RULE, "severity": "catastrophic"}}),
        "rules.content.data_protection.severity", id="bad-severity",
    ),
    pytest.param(
        full_pack(rules={"content.not_a_rule": dict(GOOD_RULE)}),
        "rules.content.not_a_rule", id="unknown-rule-id",
    ),
    pytest.param(
        full_pack(rules={"content.data_protection": {**GOOD_RULE, "clause": ""}}),
        "rules.content.data_protection.clause", id="empty-clause",
    ),
    pytest.param(
        {"id": "bad", "title": "Bad", "extends": "tpat", "rules": {"content.not_a_rule": {"severity": "advice"}}},
        "rules.content.not_a_rule", id="extending-unknown-rule-id",
    ),
    pytest.param(
        {"id": "bad", "title": "Bad", "extends": "tpat",
         "rules": {"content.data_protection": {"severity": "severe"}}},
        "rules.content.data_protection.severity", id="extending-bad-severity",
    ),
    pytest.param(
        {"id": "bad", "title": "Bad", "extends": "tpat",
         "rules": {"content.data_protection": {"colour": "red"}}},
        "rules.content.data_protection.colour", id="extending-unknown-rule-key",
    ),
    pytest.param(
        {"id": "bad", "title": "Bad", "extends": "no_such_pack.yaml"},
        "extends", id="extends-missing-pack-file",
    ),
    pytest.param(
        {"id": "bad", "title": "Bad", "extends": "nosuch"},
        "extends", id="extends-unknown-pack-id",
    ),
]


@pytest.mark.parametrize(("data", "key"), BAD_PACKS)
def test_bad_pack_names_file_and_key(tmp_path: Path, data: dict[str, Any], key: str) -> None:
    path = write_pack(tmp_path, "bad.yaml", data)
    with pytest.raises(PackError) as caught:
        load_pack_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert key in message


def test_pack_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(PackError, match="list.yaml"):
        load_pack_file(path)


def test_pack_that_is_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(PackError, match="broken.yaml"):
        load_pack_file(path)


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({"a.yaml": "b.yaml", "b.yaml": "a.yaml"}, id="two-files"),
        pytest.param({"a.yaml": "a.yaml"}, id="extends-itself"),
        pytest.param({"a.yaml": "b.yaml", "b.yaml": "c.yaml", "c.yaml": "a.yaml"}, id="three-files"),
    ],
)
def test_extends_loop_is_a_pack_error(tmp_path: Path, files: dict[str, str]) -> None:
    for name, base in files.items():
        write_pack(tmp_path, name, {"id": name.removesuffix(".yaml"), "title": name, "extends": base})
    with pytest.raises(PackError) as caught:
        load_pack_file(tmp_path / "a.yaml")
    message = str(caught.value)
    assert str(tmp_path / "a.yaml") in message
    assert "extends" in message
    assert "loop" in message


def test_resolve_pack_rejects_unknown_reference() -> None:
    with pytest.raises(PackError, match="not_a_pack"):
        resolve_pack("not_a_pack")


def test_builtin_pack_rejects_unknown_id() -> None:
    with pytest.raises(PackError, match="not a built-in pack"):
        builtin_pack("oakfield")


@pytest.mark.parametrize(("chain", "channel", "expected"), [
    # TPAT states negative comments for personal accounts only, disrepute for both.
    (("content.negative_about_school_community", "content.disrepute"), None,
     "content.negative_about_school_community"),
    (("content.negative_about_school_community", "content.disrepute"), "personal",
     "content.negative_about_school_community"),
    (("content.negative_about_school_community", "content.disrepute"), "official", "content.disrepute"),
    (("content.gossip_rumours", "content.disrepute"), "official", "content.disrepute"),  # not in TPAT
    (("content.official_commitments",), "personal", None),
    (("content.gossip_rumours",), None, None),
])
def test_first_rule_is_the_nearest_the_pack_states_for_the_channel(
    chain: tuple[str, ...], channel: str | None, expected: str | None,
) -> None:
    found = builtin_pack("tpat").first_rule(chain, channel)
    assert (found[0] if found else None) == expected


def _catalogue_quotes(rule_id: str) -> set[str]:
    """The rule's quotes from every policy the catalogue cites it for."""
    rule = next(rule for rule in catalogue()["rules"] if rule["id"] == rule_id)
    return {str(citation.get("quote") or "") for citation in rule["policies"].values()}


FRAMES = ("[Listed among what staff must not do:] ",
          "[Listed as conduct that could lead to disciplinary action:] ")


@pytest.mark.parametrize("pack_id", BUILTIN_PACK_IDS)
def test_a_quote_is_the_policys_own_words_with_at_most_a_bracketed_frame(pack_id: str) -> None:
    # An item cut from "Users must NOT:" is framed so it does not read as an instruction to do
    # it; the policy's words themselves are never changed.
    for rule_id, rule in builtin_pack(pack_id).rules.items():
        if not rule.quote:
            continue
        frame = next((frame for frame in FRAMES if rule.quote.startswith(frame)), "")
        assert not rule.quote[len(frame):].startswith("["), rule_id
        assert rule.quote[len(frame):] in _catalogue_quotes(rule_id), rule_id


def test_tpat_full_names_quote_says_it_is_something_staff_must_not_do() -> None:
    quote = builtin_pack("tpat").rule("content.pupil_full_name").quote  # type: ignore[union-attr]
    assert quote == ("[Listed among what staff must not do:] Use the full names of students on the school "
                     "or Trust website, social media or blog")


@pytest.mark.parametrize(("pack_id", "in_breaks"), [
    ("auriga", True), ("holbrook", True), ("reach2", True),
    ("tpat", False), ("staffs_protocol", False),  # no personal use at work at all
])
def test_each_pack_says_whether_personal_use_is_allowed_in_breaks(pack_id: str, in_breaks: bool) -> None:
    assert builtin_pack(pack_id).personal_use_in_breaks() is in_breaks


def test_a_pack_without_the_hours_rule_allows_breaks() -> None:
    pack = builtin_pack("auriga")
    without = pack.model_copy(update={"rules": {key: rule for key, rule in pack.rules.items()
                                                if key != "conduct.personal_use_hours"}})
    assert without.personal_use_in_breaks() is True


@pytest.mark.parametrize(("pack_id", "rule_id"), [
    # the policy's own escalation before the grooming rule safepost adopts from another policy
    ("reach2", "workflow.safeguarding_escalation"),      # REAch2 3.10
    ("auriga", "contact.personal_messages_to_pupils"),   # AURIGA 3, an escalation of its own
    # the policies that state grooming themselves
    ("staffs_protocol", "content.grooming"),
    ("holbrook", "content.grooming"),
    # TPAT states no escalation of its own: the adopted rule stands
    ("tpat", "content.grooming"),
])
def test_a_safeguarding_reading_cites_the_policys_own_clause_first(pack_id: str, rule_id: str) -> None:
    chain = ("content.grooming", "workflow.safeguarding_escalation", "contact.personal_messages_to_pupils",
             "contact.pupil_personal_contact")
    found = builtin_pack(pack_id).first_rule(chain, "personal")
    assert found is not None and found[0] == rule_id


def test_a_lesser_adopted_rule_keeps_its_place_in_the_chain() -> None:
    # staffs_protocol adopts AURIGA's rule on the school's name in a profile (advice) before its
    # own rule on identifying the employer (advice): outside readers label it so
    found = builtin_pack("staffs_protocol").first_rule(
        ("profile.school_name_in_profile_name", "profile.employer_identification"), "personal")
    assert found is not None and found[0] == "profile.school_name_in_profile_name"

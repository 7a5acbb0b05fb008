"""Build the five built-in policy packs from the rule catalogue.

The catalogue (shared/spec/rule-catalogue.yaml, copied into the package) maps every rule to
the clause of each policy that states it. This script slices it per policy and adds the
machine-usable parameters the engine needs (exceptions, windows, stances), which are
written here by hand from reading the five policies in shared/seeds/.

Run: python tools/build_packs.py   (rewrites src/safepost/policy/packs/*.yaml)
The output is committed; tests check it is complete against the catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "src" / "safepost" / "policy" / "catalogue.yaml"
OUT = ROOT / "src" / "safepost" / "policy" / "packs"

POLICY_IDS = ["auriga", "staffs_protocol", "holbrook", "tpat", "reach2"]

TITLES = {
    "auriga": ("Staff Social Media Compliance Policy", "The AURIGA Academy Trust"),
    "staffs_protocol": (
        "Social networking protocol (Staffordshire Safer Working Practice guidance)",
        "An academy trust (not named in the document)",
    ),
    "holbrook": ("Holbrook Primary Social Media Policy", "Holbrook Primary School, Coventry"),
    "tpat": ("Social Media Policy", "Truro and Penwith Academy Trust"),
    "reach2": ("REAch2 Social Media Policy", "REAch2 Academy Trust"),
}

# Machine-usable parameters, per rule and policy. Each value is read by the engine; the
# catalogue's own descriptive parameters are kept beside them under `notes`.
ENGINE_PARAMETERS: dict[str, dict[str, dict[str, Any]]] = {
    # reads_likes: whether a like is read as the member of staff's words. Only the Staffordshire
    # protocol names liking ("post or 'like'", a likes_and_shares rule of its own); REAch2's
    # likes_and_shares is "making or sharing"; AURIGA and TPAT never mention likes, and their
    # outside readers (four of four, session 21) label a like of a negative post as no finding.
    # Holbrook keeps them (two of three of its readers: disrepute for a like of abuse).
    "scope.private_life_and_out_of_hours": {
        # TPAT's scope is people "who use social media whilst at work".
        "auriga": {"personal_reach": "always", "reads_likes": False},
        "staffs_protocol": {"personal_reach": "always"},
        "holbrook": {"personal_reach": "always"},
        "tpat": {"personal_reach": "working_time", "reads_likes": False},
        "reach2": {"personal_reach": "always"},
    },
    # permission_exception: the policy allows personal use in working time with permission
    # (REAch2 5.5: not "during paid working time without permission"), which an `approval` on the
    # request records. The Staffordshire protocol's written permission is for work use only.
    # not_for_roles: whom the rule does not reach. Governors are in the policies' scope but not
    # at work in the school day (a volunteer may be in school, with children, and stays in it,
    # except where the policy's scope names no volunteers: AURIGA's, and the Staffordshire
    # protocol's, which is for employees only, so not its contractors either; session 21);
    # Holbrook bans personal use only "while working with children": not office staff's.
    "conduct.personal_use_hours": {
        "auriga": {"breaks_allowed": True, "not_for_roles": ["governor", "volunteer"]},
        "staffs_protocol": {"breaks_allowed": False,
                            "not_for_roles": ["governor", "volunteer", "contractor"]},
        "holbrook": {"breaks_allowed": True, "not_for_roles": ["governor", "admin"]},
        "tpat": {"breaks_allowed": False, "not_for_roles": ["governor"]},
        "reach2": {"breaks_allowed": True, "permission_exception": True, "not_for_roles": ["governor"]},
    },
    # breadth "any_comment": the Staffordshire protocol's opening line, "Do not use social
    # networking sites ... to make comments on anything related to the Trust, its activities,
    # its pupils, parents, partners, governors or colleagues" (the catalogue: a blanket ban,
    # prohibited); the protocol applies to employees (1.1), so not_for_roles.
    # beside_individual_matters: REAch2 3.7, "comments referring to specific, individual matters
    # of the Trust / academies / Trust community" (the catalogue's breadth), said of a personal
    # post that already tells someone's private matter, a rumour or the school's confidential
    # business: its outside readers label it beside personal information 34 of 36 times, a rumour
    # 19 of 21, confidential business 14 of 15, data protection 17 of 17 (sessions 21-22's
    # eighteen looks); beside a negative remark 50 of 84, so not that. The Staffordshire ban on
    # any comment reaches the same matters told in words (session 23): its readers label a
    # colleague's or a pupil's matter, a rumour or confidential business told on a personal
    # account as a comment on the school 74 of 91 times (the rest mostly pupils in photos,
    # which the words' reading leaves to the picture's rules).
    "content.discuss_school_community": {
        "staffs_protocol": {"breadth": "any_comment", "beside_individual_matters": True,
                            "not_for_roles": ["governor", "volunteer", "contractor"]},
        "reach2": {"beside_individual_matters": True},
    },
    # ex_pupils: whom else the friend-request rule covers (the catalogue's pupil_scope): TPAT's
    # "current or ex-students" at any age, REAch2's ex-pupils under 18; families: the
    # Staffordshire protocol's "pupils or their families".
    "contact.pupil_friend_request": {
        "auriga": {"family_exception": True, "approval_exception": False},
        "staffs_protocol": {"family_exception": False, "approval_exception": True, "families": True},
        # Holbrook 6.3: staff are not expected to drop contact with their own family members.
        "holbrook": {"family_exception": True, "approval_exception": False},
        "tpat": {"family_exception": False, "approval_exception": False, "ex_pupils": "any"},
        "reach2": {"family_exception": True, "approval_exception": False, "ex_pupils": "under_18"},
    },
    # children_only: TPAT's handling is "notify the parent if a child sends you a friend request":
    # not a sixth-former of 18.
    "contact.pupil_friend_request_handling": {
        "tpat": {"children_only": True},
    },
    "contact.ex_pupil_connection": {
        "staffs_protocol": {"restricted": True, "max_age": None},
        # Holbrook restricts contact with pupils only after the member of staff leaves.
        "holbrook": {"restricted": False, "max_age": None},
        "tpat": {"restricted": True, "max_age": None},
        "reach2": {"restricted": True, "max_age": 18},
    },
    "contact.pupil_personal_contact": {
        "auriga": {"family_exception": True, "approval_exception": False},
        "holbrook": {"family_exception": True, "approval_exception": False},
        "reach2": {"family_exception": True, "approval_exception": False},
        # (No written family exception; but a parent's own messages to their child are no
        # "interaction outside of the working relationship" that 8 para 1.5 means: two of two
        # outside readers, session 21. Friend requests stay under 5.1, which names none.)
        "staffs_protocol": {"family_exception": False, "family_messages_exempt": True,
                            "approval_exception": True},
    },
    "contact.pupil_family_connections": {
        "auriga": {"friend_requests": "allow"},
        "staffs_protocol": {"friend_requests": "flag"},
        "holbrook": {"friend_requests": "flag"},
        "reach2": {"friend_requests": "allow"},
    },
    # work_access: the rule also covers the school's own accounts used from a personal device
    # (the Staffordshire protocol's 5.3: approved work access to social networking "should only
    # be done using devices belonging to the school"; the catalogue's variant).
    # covers_consented_full_names: REAch2's rule is "deliberate or reckless disclosure ... without
    # proper authority"; a full name where the parents agreed to the name being published is no
    # such disclosure (two of two outside readers under REAch2). The Staffordshire protocol's
    # "comply with GDPR" still reaches the surname beyond that agreement (its reader).
    "content.data_protection": {
        "reach2": {"covers_consented_full_names": False},
    },
    # covers_likes: REAch2 names "making or sharing" postings, not liking them (the catalogue:
    # "likes not mentioned"); the Staffordshire protocol says "post or like".
    "content.likes_and_shares": {
        "staffs_protocol": {"covers_likes": True},
        "reach2": {"covers_likes": False},
    },
    "contact.personal_device_pupil_contact": {
        "staffs_protocol": {"work_access": True},
    },
    # not_permitted_roles: the Staffordshire protocol's 5.4, "only employees who have been granted
    # permission should post on the school's networking site": governors, volunteers and
    # contractors are not its employees (1.1 Scope). TPAT's and Holbrook's authorised people may be
    # anyone the head names, and the contract carries no register of them.
    "account.authorised_users": {
        "staffs_protocol": {"not_permitted_roles": ["governor", "volunteer", "contractor"]},
    },
    "content.pupil_images_personal": {
        "auriga": {"permission_exception": False},
        "holbrook": {"permission_exception": False},
        "reach2": {"permission_exception": True},
    },
    # REAch2 5.1: logos and brands on personal web-space "unless it is to conduct Trust business
    # and with permission, eg promote a vacancy via LinkedIn".
    "content.logo_brand_personal": {"reach2": {"permission_exception": True}},
    "content.uniform_logo_premises_images": {
        "holbrook": {"permission_exception": False},
        "reach2": {"permission_exception": True},
    },
    "profile.employer_identification": {
        "auriga": {"stance": "permitted"},
        "staffs_protocol": {"stance": "discouraged"},
        "holbrook": {"stance": "prohibited"},
    },
    "content.discriminatory_remarks": {
        "auriga": {
            "protected_characteristics": [
                "age", "disability", "gender reassignment", "race", "nationality",
                "religion or belief", "sex", "sexual orientation",
            ]
        },
        "staffs_protocol": {"protected_characteristics": "equality_act_2010"},
        "holbrook": {"protected_characteristics": ["race", "sex", "disability", "equality_act_2010"]},
        "reach2": {
            "protected_characteristics": [
                "age", "disability", "gender reassignment", "marriage and civil partnership",
                "pregnancy and maternity", "race", "ethnic origin", "religion or belief", "sex",
                "sexual orientation",
            ]
        },
    },
    "register.parental_consent_pupil_communication": {
        "staffs_protocol": {"age_threshold": 16},
    },
    "account.minimum_two_administrators": {"holbrook": {"min_admins": 2}},
    "account.blog_weekly_update": {"holbrook": {"max_interval_days": 7}},
}

# Severity for particular cases of a rule, where the policy's words make one case stricter.
CASES: dict[str, dict[str, dict[str, str]]] = {
    "content.pupil_image_consent": {"tpat": {"no_consent": "prohibited"}},
    # (A first name beside a photo of that pupil: Holbrook's "pupils ... must not be able to be
    # identified" asks a leader's approval; TPAT's rule is about full names, "first names
    # tolerated by implication" (the catalogue), as two outside readers label it: since session
    # 20 no TPAT case.)
    "content.pupil_full_name": {
        "holbrook": {"first_name_with_photo": "needs_approval"},
    },
}

# Silence is not permission: a few rules are adopted where a policy is silent, citing the
# policy they come from. Most as advice; the safeguarding ones keep their force, because the
# duty to protect children (Keeping Children Safe in Education) does not depend on a policy.
GOOD_PRACTICE: dict[str, tuple[list[str], str, str]] = {
    "profile.privacy_settings": (["tpat"], "holbrook", "advice"),
    # (Until session 21 also for staffs_protocol, where it stood before the protocol's own
    # Appendix 2 item 14, profile.work_contact_details_on_profile: five of five outside readers.)
    "profile.work_email_for_personal_account": (["tpat"], "auriga", "advice"),
    "profile.school_name_in_profile_name": (["tpat", "reach2", "staffs_protocol"], "auriga", "advice"),
    # (Until session 19 also content.own_personal_information for auriga, tpat and reach2, and
    # content.logo_brand_personal for auriga, tpat and staffs_protocol: outside readers of the
    # policies, three of three, labelled a member of staff's own details or the crest on a
    # personal post under a silent policy as no finding. A school's own pack may add them, as
    # the demo school's does.)
    "content.grooming": (["auriga", "tpat", "reach2"], "staffs_protocol", "safeguarding_escalation"),
    "workflow.safeguarding_escalation": (
        ["auriga", "staffs_protocol", "tpat"], "reach2", "safeguarding_escalation",
    ),
}

SHORT_NAMES = {
    "auriga": "AURIGA",
    "staffs_protocol": "the Staffordshire protocol",
    "holbrook": "Holbrook",
    "tpat": "TPAT",
    "reach2": "REAch2",
}


def _severity(rule: dict[str, Any], policy: str) -> str:
    by_policy = rule.get("severity_by_policy") or {}
    return str(by_policy.get(policy, rule["severity"]))


def _notes(rule: dict[str, Any], policy: str) -> dict[str, Any]:
    notes: dict[str, Any] = {}
    for name, per_policy in (rule.get("parameters") or {}).items():
        if isinstance(per_policy, dict) and policy in per_policy:
            notes[name] = per_policy[policy]
    return notes


# Quotes that are items of a list of what staff must not do, cut from the list's lead-in
# (TPAT's "Users must NOT:"; AURIGA's "It should not bring the organisation into disrepute, for
# example by:", "Breach confidentiality, for example by:", "Do anything that could be considered
# discriminatory ... for example by:", "Breaching copyright, for example by:"; the Staffordshire
# protocol's 8.1.5 "Such conduct could arise from the following:"). Read alone, "Use the full
# names of students on the school or Trust website" sounds like an instruction to do it, so the
# pack's quote says, in square brackets, what list it comes from. Items that carry their own
# "should"/"must" or are mid-sentence fragments of another item keep their words as they are.
MUST_NOT = "[Listed among what staff must not do:] "
MISCONDUCT = "[Listed as conduct that could lead to disciplinary action:] "
QUOTE_FRAMES: dict[str, dict[str, str]] = {
    "tpat": dict.fromkeys((
        "conduct.personal_use_hours", "content.bullying_harassment", "content.confidential_org_info",
        "content.data_protection", "content.defamation", "content.discuss_school_community",
        "content.illegal", "content.inappropriate_material_links", "content.liability_litigation_risk",
        "content.negative_about_school_community", "content.official_personal_opinions",
        "content.pupil_full_name", "register.photo_consent", "contact.ex_pupil_connection",
    ), MUST_NOT),
    "auriga": dict.fromkeys((
        "contact.personal_device_pupil_contact", "contact.personal_messages_to_pupils",
        "contact.pupil_family_connections", "content.attack_insult_abuse",
        "content.attribution_and_permission_to_cite", "content.bullying_harassment",
        "content.confidential_org_info", "content.copyright", "content.criticise_or_argue",
        "content.defamation", "content.discriminatory_offensive_images",
        "content.discriminatory_remarks", "content.inappropriate_material_links",
        "content.negative_about_school_community", "content.personal_contact_details_to_pupils",
        "content.personal_gain_use_of_information", "content.personal_info_about_individuals",
        "content.pupil_images_personal", "content.request_personal_info_from_pupils",
        "content.school_incident_commentary", "profile.work_email_for_personal_account",
    ), MUST_NOT),
    "staffs_protocol": dict.fromkeys((
        "contact.pupil_personal_contact", "content.defamation", "content.discriminatory_offensive_images",
        "content.grooming", "content.sexual_obscene", "content.threats_intimidation",
    ), MISCONDUCT),
}


def _quote(citation: dict[str, Any], rule_id: str, cited_policy: str) -> str:
    quote = str(citation.get("quote") or "")
    frame = QUOTE_FRAMES.get(cited_policy, {}).get(rule_id, "")
    return frame + quote if quote else ""


def _rule_entry(rule: dict[str, Any], policy: str, cited_policy: str) -> dict[str, Any]:
    citation = rule["policies"][cited_policy]
    entry: dict[str, Any] = {
        "kind": rule["kind"],
        "applies_to": rule["applies_to"],
        "severity": _severity(rule, policy),
        "clause": str(citation["clause"]),
        "quote": _quote(citation, rule["id"], cited_policy),
        "summary": str(rule["summary"]),
    }
    if citation.get("variant"):
        entry["variant"] = str(citation["variant"])
    parameters = ENGINE_PARAMETERS.get(rule["id"], {}).get(policy)
    if parameters:
        entry["parameters"] = parameters
    notes = _notes(rule, policy)
    if notes:
        entry["notes"] = notes
    cases = CASES.get(rule["id"], {}).get(policy)
    if cases:
        entry["cases"] = cases
    return entry


def build() -> dict[str, dict[str, Any]]:
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    meta = catalogue["meta"]["policies"]
    control = catalogue["document_control"]
    packs: dict[str, dict[str, Any]] = {}
    for policy in POLICY_IDS:
        title, organisation = TITLES[policy]
        doc = control[policy]
        rules: dict[str, Any] = {}
        for rule in catalogue["rules"]:
            if policy in rule["policies"]:
                rules[rule["id"]] = _rule_entry(rule, policy, policy)
        for rule in catalogue["rules"]:
            adopters, source, severity = GOOD_PRACTICE.get(rule["id"], ([], "", "advice"))
            if policy in adopters:
                entry = _rule_entry(rule, policy, source)
                entry["severity"] = severity
                entry["clause"] = (
                    f"Good practice adopted by safepost (the {SHORT_NAMES[policy]} policy is "
                    f"silent); from {SHORT_NAMES[source]} {entry['clause']}"
                )
                entry["origin"] = "good_practice"
                rules[rule["id"]] = entry
        packs[policy] = {
            "id": policy,
            "title": title,
            "organisation": organisation,
            "source_file": meta[policy]["file"],
            "status": str(doc.get("status", "not given")),
            "version": str(doc.get("version", "not given")),
            "approval_date": str(doc.get("approval_date", "not given")),
            "approver": str(doc.get("approver", "not given")),
            "owner": str(doc.get("owner", "not given")),
            "review_date": str(doc.get("review_date", "not given")),
            "rules": rules,
        }
    return packs


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for policy, pack in build().items():
        header = (
            f"# Built-in policy pack '{policy}', generated by tools/build_packs.py from the rule\n"
            "# catalogue and the policy text. Edit the generator, not this file.\n"
        )
        body = yaml.safe_dump(pack, sort_keys=False, allow_unicode=True, width=100)
        (OUT / f"{policy}.yaml").write_text(header + body, encoding="utf-8")
        print(f"{policy}: {len(pack['rules'])} rules")


if __name__ == "__main__":
    main()

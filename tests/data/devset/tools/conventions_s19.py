"""Session 19's labelling conventions, applied to the cases written before them.

Two outside readers (the twenty-first and twenty-second looks, written from the contract, the
catalogue and the policies alone) both label every rule a policy states that a request breaks,
where docs/exact-rules.md had raised one per matter. exact-rules.md now says (its "Contact with
pupils, former pupils and parents" and "Official channel" sections):

- a message or comment a member of staff writes to a current pupil from a personal account
  also breaks `contact.pupil_official_channels_only` (auriga, holbrook, reach2; not towards a
  relative where the pack has the family exception);
- a friend request received from a current pupil (with no `approval`: contact agreed in
  advance is not an approach) also calls for
  `contact.pupil_friend_request_handling` (auriga, staffs_protocol, holbrook, tpat) and, under
  staffs_protocol, `register.unsolicited_contact_record`; so does a parent's, under
  staffs_protocol (5.2);
- under holbrook, an official post, comment or share with no `approval`, by anyone but a member
  of the leadership team, needs `account.content_pre_approval` (A.3.4);
- the built-in packs no longer adopt `content.own_personal_information` (auriga, tpat, reach2)
  and `content.logo_brand_personal` (auriga, tpat, staffs_protocol) as advice where the policy
  is silent.

Session 20 added, as three of four outside readers (the twenty-second to twenty-fourth looks)
label it, the catalogue's scope of `contact.pupil_friend_request`: a friend request with a
former pupil also breaks it under tpat ("current or ex-students", any age) and reach2 (ex-pupils
under 18: where `contact.ex_pupil_connection` is raised), and one received from a child, with no
`approval`, under tpat also calls for `contact.pupil_friend_request_handling` ("notify the
parent"); a friend request received or accepted from a parent under staffs_protocol ("pupils or
their families"), with no `approval`, breaks it too; a like under reach2 is no posting (its
policy names "making or sharing"). And the Staffordshire protocol's 5.3 (the
catalogue's variant of `contact.personal_device_pupil_contact`: approved work access to social
networking only from the school's devices): the school's own account used from `device:
personal` breaks that rule, as the twenty-fourth look's reader labels it.

Session 21 added, as every outside reader under the Staffordshire protocol (seven looks, the
twenty-second to twenty-eighth) labels it: a message or comment sent to a current pupil, or a
friend request sent to or accepted from one, from a personal account with no `approval` and no
family tie, also breaks `contact.approved_contact_prior_agreement` (5.1: contact only for a good
reason agreed in advance with the headteacher or line manager); and under auriga a message or
comment sent to a current pupil from a personal account (not a relative) also breaks
`contact.personal_messages_to_pupils` ("send personal messages to children/young persons"), as 18
of the latest 22 such cases across nine outside looks label it; and the school's account used
on a platform where the school lists official accounts but none there ("other" and "blog", the
school's own website, aside), with no
`approval`, is a new account: `account.official_creation_approval` (ten of ten such outside-look
cases label it); under staffs_protocol a school email on a personal profile is the protocol's own
Appendix 2 item 14, `profile.work_contact_details_on_profile` (prohibited), no longer the adopted
advice `profile.work_email_for_personal_account` (five of five outside readers under it); and a
parent's own message or comment to their child who is a pupil is no longer
`contact.pupil_personal_contact` under it (two of two outside readers; friend requests unchanged).

Session 22 added: a friend request sent to a current pupil, or one accepted from one, on a
personal account, with no `approval` and no family tie, also breaks
`contact.pupil_personal_contact` where the pack states that rule (auriga, holbrook, reach2,
staffs_protocol): the connection is personal contact (17 of 21 such cases across the outside
readers of sessions 21-22 label it).

This derives those labels from each request's fields, the school's rosters and the pack, not
from safepost. `python conventions_s19.py FILE...` rewrites look files in place (their cases
gain the rules and, if stronger, the verdict; a clean case so changed loses its `clean` tag
and gains `relabelled_s19`); build_cases.py applies it to cases.jsonl as it writes it. The
twenty-first and twenty-second looks are not rewritten: they were labelled this way.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

DEVSET = Path(__file__).resolve().parent.parent
REPO = DEVSET.parents[2]
VERDICTS = ["allow", "advise", "review", "block", "escalate"]
OFFICIAL_CHANNELS = {"auriga", "holbrook", "reach2"}
HANDLING = {"auriga", "staffs_protocol", "holbrook", "tpat"}
FAMILY_EXCEPTION = {"auriga", "holbrook", "reach2"}
LEADERSHIP = {"headteacher", "deputy_head", "slt"}
NOT_STAFF = {"parent", "pupil", "former_pupil", "public"}
ADDED_VERDICT = {
    "contact.pupil_official_channels_only": "block",
    "contact.pupil_friend_request_handling": "escalate",
    "register.unsolicited_contact_record": "escalate",
    "account.content_pre_approval": "review",
    "contact.pupil_friend_request": "escalate",
    "contact.personal_device_pupil_contact": "block",
    "contact.approved_contact_prior_agreement": "review",
    "contact.personal_messages_to_pupils": "escalate",
    "account.official_creation_approval": "review",
    "profile.work_contact_details_on_profile": "block",
    "contact.pupil_personal_contact": "escalate",
}
SESSION_20 = {"contact.pupil_friend_request", "contact.personal_device_pupil_contact"}
SESSION_21 = {"contact.approved_contact_prior_agreement", "contact.personal_messages_to_pupils",
              "account.official_creation_approval", "profile.work_contact_details_on_profile",
              "profile.work_email_for_personal_account", "contact.pupil_personal_contact"}
CREATION_APPROVAL = {"auriga", "holbrook", "tpat", "reach2", "oakfield"}
PERSONAL_CONTACT = {"auriga", "holbrook", "reach2", "staffs_protocol"}
SESSION_22 = {"contact.pupil_personal_contact"}


def _school(reference: str) -> dict[str, Any]:
    folder = REPO / "src" / "safepost" / "demo" / "school" if reference == "demo" else DEVSET / reference
    data = yaml.safe_load((folder / "school.yaml").read_text(encoding="utf-8"))
    policy = str(data["policy"])
    with (folder / "pupils.csv").open(encoding="utf-8") as handle:
        pupils = {row["pupil_id"]: row for row in csv.DictReader(handle)}
    with (folder / "staff.csv").open(encoding="utf-8") as handle:
        staff = {row["staff_id"]: row for row in csv.DictReader(handle)}
    platforms = {str(account.get("platform")) for account in data.get("official_accounts") or []}
    domains = {str(domain).lower() for domain in data.get("email_domains") or []}
    return {"pack": "oakfield" if policy.endswith(".yaml") else policy, "pupils": pupils, "staff": staff,
            "platforms": platforms, "domains": domains}


_SCHOOLS: dict[str, dict[str, Any]] = {}


def rules_to_add(case: dict[str, Any], school: dict[str, Any] | None = None) -> set[str]:
    """The rules the conventions add to a case; `school` ({"pack", "pupils", "staff"}, rows by
    id as the CSV files hold them) where the case's school is not a folder of this devset."""
    if school is None:
        reference = str(case.get("school", "demo"))
        school = _SCHOOLS.setdefault(reference, _school(reference))
    own = case.get("pack") or school["pack"]
    pack = "tpat" if own == "oakfield" else own
    request = case["request"]
    channel, kind = request.get("channel", "personal"), request.get("kind", "post")
    counterpart = request.get("counterpart") or {}
    direction = counterpart.get("direction", "sent")
    author = request.get("author") or {}
    member = school["staff"].get(author.get("staff_id") or "")
    role = str((member or {}).get("role") or author.get("role") or "").lower()  # the roster first
    pupil = school["pupils"].get(counterpart.get("pupil_id") or "")
    who = counterpart.get("kind")
    if who in ("pupil", "former_pupil") and pupil is not None:  # the roster knows who has left
        who = "former_pupil" if pupil["status"] == "former" else "pupil"
    relative = bool(counterpart.get("relative"))
    added: set[str] = set()
    if channel == "personal" and who == "pupil" and not (relative and pack in FAMILY_EXCEPTION):
        if kind in ("message", "comment") and direction != "received" and pack in OFFICIAL_CHANNELS:
            added.add("contact.pupil_official_channels_only")
        if (kind == "friend_request" and direction == "received" and pack in HANDLING
                and not request.get("approval")  # agreed in advance: not unsolicited
                # (session 20) TPAT's handling is for a child's request: not a pupil of 18
                and not (pack == "tpat" and not _under(18, counterpart, pupil, request))):
            added.add("contact.pupil_friend_request_handling")
            if pack == "staffs_protocol":
                added.add("register.unsolicited_contact_record")
    if (channel == "personal" and who == "parent" and kind == "friend_request"
            and direction == "received" and pack == "staffs_protocol" and not request.get("approval")):
        added |= {"contact.pupil_friend_request_handling", "register.unsolicited_contact_record"}
    # Session 21: the Staffordshire protocol's 5.1 route, contact agreed in advance.
    if (channel == "personal" and who == "pupil" and not relative and pack == "staffs_protocol"
            and not request.get("approval") and direction != "received"
            and kind in ("message", "comment", "friend_request")):
        added.add("contact.approved_contact_prior_agreement")
    if (channel == "personal" and who == "pupil" and not relative and pack == "auriga"
            and direction != "received" and kind in ("message", "comment")):
        added.add("contact.personal_messages_to_pupils")
    # Session 22: a friend request sent to a current pupil, or one accepted, is personal contact
    # with a pupil too, where the pack states that rule (17 of 21 outside-reader cases).
    if (channel == "personal" and who == "pupil" and not relative and kind == "friend_request"
            and direction != "received" and not request.get("approval")
            and pack in PERSONAL_CONTACT):
        added.add("contact.pupil_personal_contact")
    # Session 21: a work email on a personal profile is the Staffordshire protocol's own rule.
    email = str((request.get("profile") or {}).get("email") or "").lower()
    if (pack == "staffs_protocol" and channel == "personal" and kind == "profile"
            and email.partition("@")[2] in school.get("domains", set())):
        added.add("profile.work_contact_details_on_profile")
    # Session 21: the school's account on a platform where it lists none is a new account.
    platform = request.get("platform")
    on_page_by_others = kind == "comment" and (direction == "received" or (
        not author.get("staff_id") and str(author.get("role") or "").lower() in NOT_STAFF))
    if (channel == "official" and kind in ("post", "comment", "share") and not on_page_by_others
            and platform not in (None, "other", "blog") and school.get("platforms")
            and platform not in school["platforms"] and not request.get("approval")
            and pack in CREATION_APPROVAL):
        added.add("account.official_creation_approval")
    # Session 20: the friend-request rule's scope beyond current pupils.
    if channel == "personal" and kind == "friend_request" and not relative:
        if who == "former_pupil" and (pack == "tpat" or (pack == "reach2" and _under(18, counterpart, pupil, request))):
            added.add("contact.pupil_friend_request")
            if (pack == "tpat" and direction == "received" and not request.get("approval")
                    and _under(18, counterpart, pupil, request, unknown=False)):
                added.add("contact.pupil_friend_request_handling")
        if (who == "parent" and pack == "staffs_protocol" and direction != "sent"
                and not request.get("approval")):
            added.add("contact.pupil_friend_request")
    # Session 20: the Staffordshire protocol's 5.3, work access from the school's devices only.
    others_on_page = kind == "comment" and (direction == "received" or (
        not author.get("staff_id") and str(author.get("role") or "").lower() in NOT_STAFF))
    if (channel == "official" and request.get("device") == "personal" and pack == "staffs_protocol"
            and not others_on_page):
        added.add("contact.personal_device_pupil_contact")
    # Someone else's words on the page: a comment received, or by a commenter's role, with no
    # staff id (as the contract reads whose words a request holds).
    others = kind == "comment" and (direction == "received" or (
        not author.get("staff_id") and str(author.get("role") or "").lower() in NOT_STAFF))
    if (pack == "holbrook" and channel == "official" and kind in ("post", "comment", "share")
            and not request.get("approval") and not others and role not in LEADERSHIP):
        added.add("account.content_pre_approval")
    return added


def _under(years: int, counterpart: dict[str, Any], pupil: dict[str, str] | None, request: dict[str, Any],
           unknown: bool = True) -> bool:
    """Whether the former pupil is under `years` on the request's day (counterpart.age, else the
    roster's date of birth at `at`, else today); `unknown` where neither says."""
    if counterpart.get("age") is not None:
        return int(counterpart["age"]) < years
    born = (pupil or {}).get("date_of_birth") or ""
    if not born:
        return unknown
    birth = date.fromisoformat(born)
    at = request.get("at")
    # the school's day, in its time zone (a birthday starts at local midnight)
    day = datetime.fromisoformat(at).astimezone(ZoneInfo("Europe/London")).date() if at else date.today()
    age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return age < years


# Advice the built-in packs adopted where a policy is silent until session 19, no longer: three
# of three outside readers labelled it no finding. (The demo school's own pack, `oakfield`,
# keeps both as its own choices.)
NO_LONGER_ADOPTED = {
    "content.own_personal_information": {"auriga", "tpat", "reach2"},
    "content.logo_brand_personal": {"auriga", "tpat", "staffs_protocol"},
    # (session 21: the protocol's own Appendix 2 item 14 is the rule, five of five outside readers)
    "profile.work_email_for_personal_account": {"staffs_protocol"},
}


def rules_to_drop(case: dict[str, Any]) -> set[str]:
    reference = str(case.get("school", "demo"))
    school = _SCHOOLS.setdefault(reference, _school(reference))
    pack = case.get("pack") or school["pack"]
    dropped = {rule for rule, packs in NO_LONGER_ADOPTED.items() if pack in packs}
    # Session 20: REAch2 names "making or sharing" postings, not liking them (two of two outside
    # readers under it): a like's content is not the member of staff's.
    if pack == "reach2" and case["request"].get("kind") == "like":
        dropped |= {rule for rule in case["expect"]["rules"]
                    if rule.startswith("content.") or rule == "content.likes_and_shares"}
    # Session 21: a parent's own messages to their child are no 'interaction outside of the working
    # relationship' (two of two outside readers under the Staffordshire protocol).
    request = case["request"]
    counterpart = request.get("counterpart") or {}
    if (pack == "staffs_protocol" and request.get("channel", "personal") == "personal"
            and request.get("kind") in ("message", "comment") and counterpart.get("kind") == "pupil"
            and counterpart.get("relative")):
        dropped.add("contact.pupil_personal_contact")
    return dropped


def apply(case: dict[str, Any]) -> dict[str, Any]:
    """The case with the conventions' rules added (its verdict raised where they are stronger)
    and the advice no longer adopted taken away (advice is the weakest: the verdict falls only
    where nothing else is left)."""
    expect = case["expect"]
    added = rules_to_add(case) - set(expect["rules"])
    dropped = rules_to_drop(case) & set(expect["rules"])
    if not added and not dropped:
        return case
    rules = sorted((set(expect["rules"]) - dropped) | added)
    verdict = "allow" if not rules else expect["verdict"]
    verdict = max([verdict, *(ADDED_VERDICT[rule] for rule in added)], key=VERDICTS.index)
    session = ("22" if added & SESSION_22 and case["request"].get("kind") == "friend_request" else
               "21" if (added | dropped) & SESSION_21 else
               "20" if added & SESSION_20 or (dropped and case["request"].get("kind") == "like") else "19")
    tags = list(case.get("tags", []))
    if expect["verdict"] == "allow" and verdict != "allow":
        tags = [tag for tag in tags if tag not in ("clean", "hard_negative")] + [f"relabelled_s{session}"]
    if verdict == "allow" and expect["verdict"] != "allow":
        tags = [*tags, "clean", f"relabelled_s{session}"]
    said = "; ".join([*(f"+{rule}" for rule in sorted(added)), *(f"-{rule}" for rule in sorted(dropped))])
    note = f"{case.get('note', '')} [Session {session}: brought to exact-rules.md's conventions by " \
           f"tools/conventions_s19.py ({said}).]".strip()
    return {**case, "tags": tags, "note": note, "expect": {"verdict": verdict, "rules": rules}}


def rewrite(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    changed, out = 0, []
    for line in lines:
        if not line.strip():
            continue
        case = json.loads(line)
        new = apply(case)
        changed += new is not case
        out.append(json.dumps(new, ensure_ascii=False))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return changed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, rewrite(Path(name)), "cases relabelled")

"""Validate tests/data/devset/cases.jsonl (or the .jsonl file named) and print counts (for the README).

    .venv/bin/python tests/data/devset/tools/check_devset.py [--names]

Checks: JSON per line; unique case and request ids; rule ids exist in the catalogue and
are in the case's pack (catalogue `policies` map or the adopted good-practice list in
docs/exact-rules.md); the expected verdict matches the rules' severities; referenced
images exist (unless tagged missing_image); pupil and staff ids exist (unless tagged
unknown_pupil); `at` and conduct.personal_use_hours agree; tpat's whilst-at-work scope.
This is a consistency check on the labels, written from the spec, not from safepost.
--names lists pupil-name look-alikes in the allow cases for a manual look.
"""

import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from safepost.term_calendar import bank_holidays

DEVSET = Path(__file__).resolve().parent.parent
REPO = DEVSET.parents[2]
CATALOGUE = REPO.parent / "shared" / "spec" / "rule-catalogue.yaml"
if not CATALOGUE.exists():
    CATALOGUE = Path("/work/shared/spec/rule-catalogue.yaml")
SCHOOL_DIRS = {"demo": REPO / "src" / "safepost" / "demo" / "school"}
DEFAULT_PACK = {"demo": "oakfield", "schools/brambleside": "tpat", "schools/stmarys": "reach2",
                "schools/kingsmere": "tpat", "schools/penybryn": "holbrook",
                "schools/harbornefields": "auriga", "schools/stcolmcille": "holbrook",
                "schools/ashworth": "staffs_protocol",
                "schools/riverbank": "reach2",
                "schools/sparkhill": "auriga", "schools/fenbridge": "staffs_protocol",
                "schools/olmersey": "tpat", "schools/tynebank": "reach2", "schools/hartcliffe": "holbrook",
                "schools/bramcote": "auriga", "schools/wyreside": "staffs_protocol",
                "schools/wrenmoor": "reach2", "schools/kingfisherquay": "auriga",
                "schools/ortonbrook": "staffs_protocol", "schools/hawkrigg": "holbrook",
                "schools/calderbrook": "staffs_protocol", "schools/carrowvean": "tpat",
                "schools/haverleigh": "reach2", "schools/brinkhollow": "holbrook",
                "schools/ellerbymoor": "auriga", "schools/quarrybank": "staffs_protocol",
                "schools/penhallow": "tpat", "schools/thornleigh": "reach2",
                "schools/ashgrove": "holbrook", "schools/millbrook": "staffs_protocol",
                "schools/fenwickmarsh": "auriga", "schools/stpetrocs": "tpat", "schools/cannockvale": "staffs_protocol",
                "schools/larkspur": "holbrook", "schools/harwichroad": "reach2",
                "schools/saltcote": "auriga", "schools/hulmebrook": "staffs_protocol",
                "schools/thistlecombe": "holbrook", "schools/merrowfield": "tpat",
                "schools/hendonbrook": "reach2", "schools/wealdgate": "tpat",
                "schools/oxenholme": "holbrook", "schools/brackenfold": "staffs_protocol",
                "schools/kestrelvale": "auriga", "schools/dunmere": "reach2",
                "schools/foxhollow": "tpat", "schools/lowerhouse": "holbrook",
                "schools/cheadlemoor": "staffs_protocol", "schools/kennetmeadow": "auriga",
                "schools/wexcombe": "tpat", "schools/ribbleford": "reach2",
                "schools/kingswharf": "auriga", "schools/coquetburn": "holbrook",
                "schools/gorsemere": "staffs_protocol", "schools/abbeymead": "tpat",
                "schools/marshcombe": "reach2", "schools/trentholme": "staffs_protocol",
                "schools/wraybeck": "auriga", "schools/hollinsgreen": "tpat",
                "schools/fellgate": "holbrook", "schools/barlastonbrook": "staffs_protocol",
                "schools/tollertonvale": "reach2", "schools/seacroftbay": "auriga",
                "schools/greyfriarsgate": "tpat", "schools/hexhamfold": "holbrook",
                "schools/saltleyfields": "staffs_protocol", "schools/pendlebrook": "reach2",
                "schools/brigantia": "auriga", "schools/marlowcross": "tpat",
                "schools/cauldonlowe": "staffs_protocol", "schools/tremadoc": "holbrook",
                "schools/ashbourneleys": "reach2", "schools/hollowfield": "auriga",
                "schools/fernleigh": "tpat", "schools/redbrookvale": "staffs_protocol",
                "schools/sandalwood": "holbrook", "schools/clayhithe": "reach2",
                "schools/northgatecc": "auriga", "schools/oakhangerdown": "tpat",
                "schools/burslemgate": "staffs_protocol", "schools/fenwickstjohn": "holbrook",
                "schools/thamesmeadow": "reach2", "schools/kirkbymoorside": "auriga",
                "schools/lindfieldvale": "auriga", "schools/bidstonmoss": "staffs_protocol",
                "schools/staidanssund": "holbrook", "schools/castlegatesp": "tpat",
                "schools/moorfieldinf": "reach2", "schools/penroseap": "tpat",
                "schools/kingsburyhill": "staffs_protocol", "schools/thorneyfen": "reach2",
                "schools/ashleighrow": "holbrook", "schools/brookhouseacad": "auriga",
                "schools/tregarthen": "tpat", "schools/eastfieldjun": "reach2",
                "schools/rudyardgreen": "staffs_protocol", "schools/stcuthbertsrc": "holbrook",
                "schools/haywardsfield": "tpat", "schools/marshfieldsixth": "auriga",
                "schools/wickhamsbrook": "reach2", "schools/penwithick": "tpat",
                "schools/gildersome": "auriga", "schools/cheddletonmoor": "staffs_protocol",
                "schools/ravensdale": "holbrook", "schools/hollybush": "reach2",
                "schools/glenfieldhigh": "tpat", "schools/afonwen": "holbrook",
                "schools/stokesleymoor": "auriga", "schools/bowlandedge": "staffs_protocol",
                "schools/cranbourneheath": "reach2", "schools/tamarside": "tpat", "schools/saltmarshlane": "holbrook", "schools/irwellbank": "auriga",
                "schools/thornburyfields": "reach2", "schools/hartshillbrook": "staffs_protocol",
                "schools/ashbywolds": "tpat", "schools/stbrannocs": "holbrook", "schools/kestrelmoor": "reach2",
                "schools/fenlanddrove": "auriga", "schools/wolstantonpark": "staffs_protocol",
                "schools/trevanion": "tpat", "schools/ingslane": "holbrook", "schools/meadowcroft": "reach2"}
VERDICTS = ["allow", "advise", "review", "block", "escalate"]
SEV_VERDICT = {
    "advice": "advise",
    "needs_approval": "review",
    "prohibited": "block",
    "safeguarding_escalation": "escalate",
    "gross_misconduct_indicator": "escalate",
}
ADOPTED = {
    "profile.privacy_settings": ["tpat"],
    "profile.work_email_for_personal_account": ["tpat", "staffs_protocol"],
    "profile.school_name_in_profile_name": ["tpat", "reach2", "staffs_protocol"],
}
# Two safeguarding rules adopted at full force where a policy is silent (exact-rules, end).
ADOPTED_SAFEGUARDING = {
    "content.grooming": ["auriga", "tpat", "reach2"],
    "workflow.safeguarding_escalation": ["auriga", "staffs_protocol", "tpat"],
}
ESCALATING = {"safeguarding_escalation", "gross_misconduct_indicator"}
SAFEGUARDING = {
    "contact.pupil_friend_request_handling",
    "register.unsolicited_contact_record",
    "contact.pupil_friend_request",
    "contact.ex_pupil_connection",
    "contact.pupil_personal_contact",
    "content.personal_contact_details_to_pupils",
}


def school_dir(school):
    return SCHOOL_DIRS.get(school, DEVSET / school)


def load_rules():
    cat = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {r["id"]: r for r in cat["rules"]}


def severities(rules, rule, pack):
    """Possible severities of `rule` in `pack` (a set: some rules have per-case severities)."""
    base = "tpat" if pack == "oakfield" else pack
    r = rules[rule]
    if pack == "oakfield" and rule == "profile.work_email_for_personal_account":
        return {"prohibited"}
    if pack == "oakfield" and rule in ("content.own_personal_information", "content.logo_brand_personal"):
        return {"advice"}  # the demo school's own additions (its policy.yaml)
    if base not in r.get("policies", {}):
        if base in ADOPTED_SAFEGUARDING.get(rule, []):
            return {"safeguarding_escalation"}
        return {"advice"} if base in ADOPTED.get(rule, []) else set()
    sev = (r.get("severity_by_policy") or {}).get(base, r["severity"])
    if pack == "oakfield" and rule == "profile.work_email_for_personal_account":
        sev = "prohibited"
    out = {sev}
    if rule == "content.pupil_full_name":  # first_name_with_photo
        out |= {"advice"} if base == "tpat" else {"needs_approval"}
    if rule == "content.pupil_image_consent":  # no_consent case
        out |= {"prohibited"}
    return out


def parse_window(s):
    a, b = s.split("-")
    return time.fromisoformat(a), time.fromisoformat(b)


def as_date(value):
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def in_closure(day, school_yaml):
    for entry in school_yaml.get("closures") or []:
        first = as_date(entry.get("from", entry.get("date")))
        last = as_date(entry.get("to", entry.get("date")))
        if first <= day <= last:
            return True
    return False


def time_class(at, school_yaml):
    tz = ZoneInfo(school_yaml.get("timezone", "Europe/London"))
    local = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(tz)
    if local.weekday() >= 5:
        return "weekend", local
    # A bank holiday of the school's nation is no school day (exact-rules: School days); the
    # dates come from safepost's calendar module, which its own tests hold to gov.uk's lists.
    given = school_yaml.get("bank_holidays")
    region = "none" if given is False else str(given or "england-and-wales").lower()
    day = local.date()
    inset = day in {as_date(d) for d in school_yaml.get("inset_days") or []}
    # A bank holiday is closed whatever else is written; an INSET day inside a written closure
    # is still a working day (exact-rules: School days).
    if day in bank_holidays(local.year, region) or (not inset and in_closure(day, school_yaml)):
        return "closed", local
    start, end = parse_window(school_yaml["school_day"])
    t = local.time()
    if not (start <= t < end):
        return "outside", local
    for w in school_yaml.get("breaks", []):
        a, b = parse_window(w)
        if a <= t < b:
            return "break", local  # a break on an INSET day is a break
    return ("inset" if inset else "lesson"), local


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def print_markdown(cases):
    verdicts = Counter(c["expect"]["verdict"] for c in cases)
    print(f"Cases: **{len(cases)}**\n")
    print("| verdict | cases |\n|---|---|")
    for v in VERDICTS:
        print(f"| {v} | {verdicts.get(v, 0)} |")
    packs = Counter(c.get("pack") or DEFAULT_PACK[c["school"]] for c in cases)
    print("\n| school | cases |\n|---|---|")
    for k, v in Counter(c["school"] for c in cases).items():
        print(f"| {k} | {v} |")
    print("\n| pack applied | cases |\n|---|---|")
    for k, v in sorted(packs.items()):
        print(f"| {k} | {v} |")
    print("\n| expected rule | cases |\n|---|---|")
    for k, v in Counter(r for c in cases for r in c["expect"]["rules"]).most_common():
        print(f"| `{k}` | {v} |")
    tags = sorted(Counter(t for c in cases for t in c["tags"]).items())
    print("\nCases per tag: " + ", ".join(f"{k} {v}" for k, v in tags) + ".")


def main():
    show_names = "--names" in sys.argv
    rules = load_rules()
    errors = []
    schools = {}
    for school in DEFAULT_PACK:
        d = school_dir(school)
        if not (d / "school.yaml").exists():
            continue  # a look's school not written yet: its cases say "unknown school"
        with open(d / "pupils.csv", encoding="utf-8") as f:
            pupils = {r["pupil_id"]: r for r in csv.DictReader(f)}
        with open(d / "staff.csv", encoding="utf-8") as f:
            staff = {r["staff_id"]: r for r in csv.DictReader(f)}
        schools[school] = {
            "pupils": pupils,
            "staff": staff,
            "yaml": yaml.safe_load((d / "school.yaml").read_text(encoding="utf-8")),
        }

    cases = []
    # A case file in the devset folder other than cases.jsonl: `check_devset.py second_look.jsonl`.
    named = [arg for arg in sys.argv[1:] if arg.endswith(".jsonl")]
    # ... or its path (from the repository root, say).
    case_file = DEVSET / Path(named[0]).name if named else DEVSET / "cases.jsonl"
    lines = case_file.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines, 1):
        try:
            cases.append(json.loads(line))
        except json.JSONDecodeError as e:
            errors.append(f"line {i}: bad JSON: {e}")
    ids = Counter(c["case"] for c in cases)
    rids = Counter(c["request"]["id"] for c in cases)
    errors += [f"duplicate case id {k}" for k, v in ids.items() if v > 1]
    errors += [f"duplicate request id {k}" for k, v in rids.items() if v > 1]

    for c in cases:
        cid, req, exp, tags = c["case"], c["request"], c["expect"], set(c["tags"])
        school = c["school"]
        if school not in schools:
            errors.append(f"{cid}: unknown school {school}")
            continue
        sc = schools[school]
        pack = c.get("pack") or DEFAULT_PACK[school]
        base = "tpat" if pack == "oakfield" else pack
        if exp["rules"] != sorted(set(exp["rules"])):
            errors.append(f"{cid}: rules not sorted/unique")
        if exp["verdict"] not in VERDICTS:
            errors.append(f"{cid}: bad verdict")
        # rules exist, are in the pack, verdict consistent
        best_low, best_high = 0, 0
        for r in exp["rules"]:
            if r not in rules:
                errors.append(f"{cid}: unknown rule {r}")
                continue
            sevs = severities(rules, r, pack)
            if not sevs:
                errors.append(f"{cid}: rule {r} not in pack {pack}")
                continue
            if "unknown_pupil" in tags:  # a pupil not on the roster: needs approval, whatever the rule
                sevs = sevs | {"needs_approval"}
            if "camera_serial" in tags and r in ("content.official_personal_data", "content.data_protection",
                                                 "content.personal_info_about_individuals"):
                sevs = sevs | {"advice"}  # a camera serial or owner name on an official post: advice
            if r == "content.data_protection" and base == "reach2":
                sevs = sevs | {"prohibited"} if "photo_consent" in tags and "full_name" not in tags else sevs
            levels = sorted(VERDICTS.index(SEV_VERDICT[s]) for s in sevs)
            best_low, best_high = max(best_low, levels[0]), max(best_high, levels[-1])
        v = VERDICTS.index(exp["verdict"])
        if not exp["rules"] and v != 0:
            errors.append(f"{cid}: no rules but verdict {exp['verdict']}")
        if exp["rules"] and not (best_low <= v <= best_high):
            errors.append(f"{cid}: verdict {exp['verdict']} inconsistent with rules {exp['rules']} in {pack}")
        if (exp["verdict"] == "allow") != ("clean" in tags):
            errors.append(f"{cid}: 'clean' tag and allow verdict disagree")
        # ids
        for im in req.get("images", []):
            p = school_dir(school) / im["path"]
            if not p.exists() and "missing_image" not in tags:
                errors.append(f"{cid}: image {im['path']} missing but not tagged missing_image")
            for pid in im.get("pupils", []):
                if pid not in sc["pupils"] and "unknown_pupil" not in tags:
                    errors.append(f"{cid}: unknown pupil {pid}")
        cp = req.get("counterpart") or {}
        if cp.get("pupil_id") and cp["pupil_id"] not in sc["pupils"]:
            errors.append(f"{cid}: counterpart pupil {cp['pupil_id']} not on roster")
        want_status = {"former_pupil": "former", "pupil": "current"}.get(cp.get("kind"))
        if want_status and cp.get("pupil_id") and sc["pupils"][cp["pupil_id"]]["status"] != want_status:
            errors.append(f"{cid}: counterpart {cp['pupil_id']} is not a {want_status} pupil")
        for who in [req.get("author", {}).get("staff_id"), (req.get("approval") or {}).get("staff_id")]:
            if who and who not in sc["staff"]:
                errors.append(f"{cid}: staff {who} not in {school}")
        # time / scope
        channel = req.get("channel", "personal")
        if channel == "personal" and req.get("kind", "post") != "profile":
            has_hrs = "conduct.personal_use_hours" in exp["rules"]
            want = False
            cls = None
            if req.get("at"):
                cls, local = time_class(req["at"], sc["yaml"])
                want = cls == "lesson" or (cls in ("break", "inset") and pack in ("staffs_protocol", "tpat"))
                tag = {"lesson": "lesson_time", "break": "break_time", "weekend": "weekend",
                       "inset": "inset_day"}.get(cls)
                if tag and tag not in tags and "checker_disagrees" not in tags:
                    errors.append(f"{cid}: at is {cls} ({local:%a %H:%M}) but tag {tag} missing")
                # "inset_day" alone is not checked this way: the twelfth look tagged a case so
                # for a school that lists no INSET days (labelled, rightly, as lesson time).
                for t in ("lesson_time", "break_time", "weekend"):
                    if t in tags and t != tag:
                        errors.append(f"{cid}: tag {t} but at is {cls} ({local:%a %H:%M})")
            # (exact-rules, session 19) governors are not at work; Holbrook's rule is for those
            # working with children (not the office); an approval is REAch2's permission.
            author_role = (req.get("author") or {}).get("role") or (
                sc["staff"].get((req.get("author") or {}).get("staff_id"), {}).get("role"))
            # A volunteer is outside AURIGA's and the protocol's scope, a contractor outside the
            # protocol's (employees only): exact-rules, personal_use_hours row (since session 21).
            outside_scope = (author_role == "volunteer" and pack in ("auriga", "staffs_protocol")) or (
                author_role == "contractor" and pack == "staffs_protocol")
            if author_role == "governor" or (author_role == "admin" and pack == "holbrook") or (
                    req.get("approval") and pack == "reach2") or outside_scope:
                want = False
            if has_hrs != want and "checker_disagrees" not in tags:
                errors.append(f"{cid}: personal_use_hours expected={want} labelled={has_hrs} ({cls})")
            out_of_scope = cls in ("weekend", "outside", "closed") and req.get("device") != "school"
            if pack == "tpat" and req.get("at") and out_of_scope:
                # Outside working time TPAT keeps only what escalates (exact-rules, Personal
                # channel): the adopted grooming rule is one, at its full force.
                extra = [r for r in exp["rules"] if r not in SAFEGUARDING
                         and not severities(rules, r, pack) & ESCALATING]
                if extra and "checker_disagrees" not in tags:  # (a reader's own reading, kept)
                    errors.append(f"{cid}: tpat out-of-scope item labelled {extra}")
        if channel == "official" and "conduct.personal_use_hours" in exp["rules"]:
            errors.append(f"{cid}: personal_use_hours on official channel")

    # pupil-name look-alikes in allow cases (manual review)
    if show_names:
        for c in cases:
            if c["expect"]["verdict"] != "allow":
                continue
            text = fold(c["request"].get("text", ""))
            hits = []
            for p in schools[c["school"]]["pupils"].values():
                for n in {p["first_name"], p["preferred_name"]} - {""}:
                    if re.search(r"(?<![a-z])" + re.escape(fold(n)) + r"(?![a-z])", text):
                        hits.append(f"{n}({p['pupil_id']},Y{p['year_group']})")
            if hits:
                print(f"  {c['case']} [{c['school']}] {sorted(set(hits))}: {c['request']['text'][:90]}")

    if "--markdown" in sys.argv:
        print_markdown(cases)
        sys.exit(1 if errors else 0)
    verdicts = Counter(c["expect"]["verdict"] for c in cases)
    tags = Counter(t for c in cases for t in c["tags"])
    packs = Counter(c.get("pack") or DEFAULT_PACK[c["school"]] for c in cases)
    school_counts = Counter(c["school"] for c in cases)
    rules_c = Counter(r for c in cases for r in c["expect"]["rules"])
    print(f"cases: {len(cases)}")
    print("verdicts:", dict(sorted(verdicts.items(), key=lambda kv: VERDICTS.index(kv[0]))))
    print("schools:", dict(school_counts))
    print("packs:", dict(packs))
    print("rules:", dict(rules_c.most_common()))
    print("tags:", dict(sorted(tags.items())))
    if errors:
        print(f"\n{len(errors)} PROBLEM(S):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()

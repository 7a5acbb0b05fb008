"""Write tests/data/devset/cases.jsonl from the hand-written cases below.

Each case was labelled by hand against docs/exact-rules.md (rule ids, fallback chains,
scope, severities); nothing here calls safepost. Run:
    .venv/bin/python tests/data/devset/tools/build_cases.py
then check with tools/check_devset.py.
"""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# fmt: off
HERE = Path(__file__).resolve().parent.parent
DEMO, BR, SM = "demo", "schools/brambleside", "schools/stmarys"

CASES = []
_ID_STYLES = ["r{n:04d}", "post-{n}", "chk_{n:05d}", "{k}-{n}", "dev/{n}", "q{n}x", "item-{n:03d}"]


_DAYS = {DEMO: ("08:45", "15:15", [("10:30", "10:45"), ("12:00", "13:00")]),
         BR: ("08:45", "15:15", [("10:30", "10:45"), ("12:00", "13:00")]),
         SM: ("08:30", "15:00", [("10:50", "11:10"), ("12:45", "13:25")])}


def _time_tag(school, at):
    """lesson_time / break_time / before_school / after_school / weekend, local London time."""
    local = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(ZoneInfo("Europe/London"))
    if local.weekday() >= 5:
        return "weekend"
    hm = local.strftime("%H:%M")
    start, end, breaks = _DAYS[school]
    if hm < start:
        return "before_school"
    if hm >= end:
        return "after_school"
    return "break_time" if any(a <= hm < b for a, b in breaks) else "lesson_time"


def add(school, tags, note, req, verdict, rules, pack=None):
    tags = [t for t in tags if t != "clean"]
    if req.get("at") and req.get("channel", "personal") == "personal":
        tt = _time_tag(school, req["at"])
        tags = [t for t in tags if t not in ("weekend", "lesson_time", "break_time", "before_school", "after_school")]
        tags.append(tt)
    if verdict == "allow":
        tags.append("clean")
    n = len(CASES) + 1
    style = _ID_STYLES[(n * 5) % len(_ID_STYLES)]
    req = dict(req)
    req_id = style.format(n=n + 100, k=req.get("kind", "post"))
    req = {"id": req_id, **req}
    case = {"case": f"d{n:04d}", "school": school}
    if pack:
        case["pack"] = pack
    case.update({"tags": tags, "note": note, "request": req,
                 "expect": {"verdict": verdict, "rules": sorted(set(rules))}})
    CASES.append(case)


def _req(text, channel, kind, author, platform, **kw):
    r = {"text": text}
    if channel is not None:
        r["channel"] = channel
    if kind is not None:
        r["kind"] = kind
    if platform:
        r["platform"] = platform
    if author:
        r["author"] = {"staff_id": author} if author.startswith("S") else {"role": author}
    for k, v in kw.items():
        if v is not None:
            r[k] = v
    return r


def off(text, author, platform="x", kind="post", **kw):
    return _req(text, "official", kind, author, platform, **kw)


def per(text, author, platform="facebook", kind="post", explicit=True, **kw):
    return _req(text, "personal" if explicit else None, kind if kind != "post" or explicit else None,
                author, platform, **kw)


def msg(text, author, cp, platform="whatsapp", kind="message", **kw):
    return _req(text, "personal", kind, author, platform, counterpart=cp, **kw)


def fr(author, cp, platform="facebook", text="", **kw):
    return _req(text, "personal", "friend_request", author, platform, counterpart=cp, **kw)


def prof(author, profile, platform="x"):
    return _req("", "personal", "profile", author, platform, profile=profile)


def img(path, *pupils):
    return {"path": path, "pupils": list(pupils)}


def appr(staff, ref):
    return {"staff_id": staff, "reference": ref}


# rule ids
PFN = "content.pupil_full_name"
DP = "content.data_protection"
PII = "content.personal_info_about_individuals"
PIC = "content.pupil_image_consent"
OPD = "content.official_personal_data"
REC = "conduct.recording_devices"
DSC = "content.discuss_school_community"
PIP = "content.pupil_images_personal"
OWN = "content.own_personal_information"
WCD = "profile.work_contact_details_on_profile"
EMP = "profile.employer_identification"
HRS = "conduct.personal_use_hours"
DEV = "conduct.school_device_social_access"
SNP = "profile.school_name_in_profile_name"
WEM = "profile.work_email_for_personal_account"
PRV = "profile.privacy_settings"
PFR = "contact.pupil_friend_request"
EXP = "contact.ex_pupil_connection"
PPC = "contact.pupil_personal_contact"
CDP = "content.personal_contact_details_to_pupils"
FAM = "contact.pupil_family_connections"
PDC = "contact.personal_device_pupil_contact"
LAS = "content.likes_and_shares"

# ---------------------------------------------------------------------------
# Times. Demo and Brambleside: day 08:45-15:15, breaks 10:30-10:45 and 12:00-13:00.
# St Mary's: day 08:30-15:00, breaks 10:50-11:10 and 12:45-13:25. Europe/London.
# ---------------------------------------------------------------------------
OAK_LESSON_GMT = "2026-01-13T11:15:00+00:00"      # Tue 11:15 GMT
OAK_LESSON_GMT2 = "2026-03-11T14:05:00+00:00"     # Wed 14:05 GMT
OAK_LESSON_Z_BST = "2026-06-11T08:00:00Z"         # Thu 09:00 BST
OAK_BREAK_GMT = "2026-01-13T12:30:00+00:00"       # Tue lunch
OAK_BREAK_Z_BST = "2026-06-11T09:35:00Z"          # Thu 10:35 BST, morning break
OAK_BEFORE_Z = "2026-01-14T08:00:00Z"             # Wed 08:00 GMT
OAK_BEFORE_BST = "2026-05-13T07:40:00+01:00"      # Wed 07:40 BST
OAK_AFTER_GMT = "2026-02-05T16:30:00+00:00"       # Thu 16:30
OAK_AFTER_BST = "2026-06-22T19:10:00+01:00"       # Mon evening
SAT_GMT = "2026-01-17T11:00:00Z"
SAT_BST = "2026-05-16T10:00:00+01:00"
SUN_GMT = "2026-03-15T20:30:00+00:00"
SUN_BST = "2026-06-14T15:00:00+01:00"

SM_LESSON_BST = "2026-05-13T11:30:00+01:00"       # Wed 11:30 BST
SM_LESSON_Z_GMT = "2026-01-14T10:00:00Z"          # Wed 10:00 GMT
SM_LESSON_Z_BST = "2026-05-13T07:45:00Z"          # Wed 08:45 BST (07:45 UTC)
SM_LESSON_Z_OCT = "2026-10-19T08:00:00Z"          # Mon 09:00 BST
SM_LESSON_GMT = "2026-12-01T14:20:00+00:00"       # Tue 14:20 GMT
SM_LESSON_BST2 = "2026-09-15T09:10:00+01:00"      # Tue 09:10 BST
SM_BREAK_Z_BST = "2026-05-13T10:00:00Z"           # Wed 11:00 BST, morning break
SM_BREAK_GMT = "2026-03-10T13:00:00+00:00"        # Tue 13:00 GMT, lunch
SM_BREAK_BST = "2026-06-22T10:55:00+01:00"        # Mon 10:55 BST
SM_BREAK_GMT2 = "2026-11-13T12:50:00+00:00"       # Fri 12:50 GMT, lunch
SM_BREAK_CEST = "2026-06-22T12:00:00+02:00"       # Mon 11:00 BST, written in CEST
SM_BEFORE_GMT = "2026-03-27T08:15:00+00:00"       # Fri 08:15 GMT
SM_BEFORE_Z_BST = "2026-06-11T07:15:00Z"          # Thu 08:15 BST
SM_AFTER_BST = "2026-04-21T16:40:00+01:00"        # Tue 16:40
SM_AFTER_BST2 = "2026-10-07T18:30:00+01:00"       # Wed 18:30
SM_AFTER_GMT = "2026-01-13T19:45:00+00:00"        # Tue 19:45
SM_AFTER_Z_BST = "2026-06-11T14:30:00Z"           # Thu 15:30 BST
SM_SAT_BST = "2026-05-16T09:20:00+01:00"
SM_SUN_BST = "2026-06-14T15:00:00+01:00"
SM_SAT_BST2 = "2026-10-10T11:00:00+01:00"
SM_SAT_GMT = "2026-01-17T10:30:00+00:00"
SM_SUN_Z = "2026-11-22T19:00:00Z"

# ===========================================================================
# DEMO school (Oakfield, own pack = tpat + private life + breaks allowed +
# work email prohibited). No images exist for the demo school: every image
# path used with it is missing on purpose ("missing_image").
# ===========================================================================
D = DEMO
add(D, ["official", "full_name", "case_title"], "Official post names a pupil in full -> tpat pupil_full_name (prohibited).",
    off("Huge well done to Amelia Hartley in Year 4 for her brilliant times tables score this week! 🌟 #OakfieldStars", "S008"),
    "block", [PFN])
add(D, ["official", "full_name", "case_lower"], "Full name in lower case still a full name.",
    off("so proud of amelia hartley who read her poem in assembly today 📖", "S008", platform="facebook"),
    "block", [PFN])
add(D, ["official", "full_name", "case_upper"], "Full name in capitals.",
    off("STAR OF THE WEEK: AMELIA HARTLEY!!! 🌟🌟", "S001", platform="instagram"),
    "block", [PFN])
add(D, ["official", "full_name", "possessive"], "Possessive full name.",
    off("Amelia Hartley's dragon poster is now up in the library – pop in and have a look! 🐉", "S008", platform="blog"),
    "block", [PFN])
add(D, ["official", "full_name", "typo"], "One typo in a 7-letter surname (Hartly) still a full name.",
    off("Congratulations to Amelia Hartly for winning the Year 4 spelling bee 🐝", "S008"),
    "block", [PFN])
add(D, ["official", "full_name", "hashtag"], "CamelCase hashtag of a full name.",
    off("Another fab week in Year 4! #AmeliaHartley #ReadingChampion", "S008", platform="instagram"),
    "block", [PFN])
add(D, ["official", "full_name", "hashtag", "case_lower"], "Lower-case hashtag of a full name.",
    off("Times tables rockstar of the week 🎸 #ameliahartley #ttrs", "S004", platform="instagram"),
    "block", [PFN])
add(D, ["official", "full_name", "accent_dropped", "name_consent"], "Chloé Dubois written without the accent: a full name (pupil_full_name; the full-name row applies, not the first-name row).",
    off("Lovely French reading from Chloe Dubois in Year 5 today 🇫🇷", "S010", platform="facebook"),
    "block", [PFN])
add(D, ["official", "full_name", "accent"], "Full name with the accent.",
    off("Bravo Chloé Dubois – superb work on the Year 5 volcano model! 🌋", "S010"),
    "block", [PFN])
add(D, ["official", "full_name", "hyphen_surname", "ordinary_word_name"], "Ordinary-word first name with hyphenated surname = full name.",
    off("Mason Wright-Evans represented us brilliantly at the county chess tournament ♟️", "S008"),
    "block", [PFN])
add(D, ["official", "full_name", "apostrophe_surname", "ordinary_word_name"], "Typographic apostrophe in O’Connor; full name.",
    off("Well done Grace O’Connor for 100% attendance this term! 👏", "S008", platform="facebook"),
    "block", [PFN])
add(D, ["official", "full_name", "preferred_name"], "Preferred name + surname (Seun Adeyemi) is a full name.",
    off("Seun Adeyemi has been chosen as our new Eco Warrior 🌍♻️", "S008"),
    "block", [PFN])
add(D, ["official", "full_name", "preferred_name", "hyphen_surname"], "Preferred name Teddy + hyphenated surname.",
    off("Teddy Okonkwo-Smith wowed Year 1 with his show and tell about tractors 🚜", "S008", platform="facebook"),
    "block", [PFN])
add(D, ["official", "first_initial", "name_consent", "clean"], "First name + initial, name_consent yes: the recommended form, no finding.",
    off("Amelia H. in Year 4 wrote a fantastic story about dragons this week 🐉", "S008"),
    "allow", [])
add(D, ["official", "first_initial", "preferred_name", "name_consent"], "Preferred name + initial with name_consent no -> tpat data_protection.",
    off("Seun A. read his poem beautifully in assembly 🎤", "S008", platform="facebook"),
    "block", [DP])
add(D, ["official", "first_initial", "hashtag", "name_consent", "clean"], "Hashtag first name + initial, consent yes.",
    off("Our star writer this week! ✍️ #AmeliaH #Year4", "S008", platform="instagram"),
    "allow", [])
add(D, ["official", "first_name", "name_consent", "clean"], "First name alone, name_consent yes: no finding.",
    off("Well done Zofia for a super piece of persuasive writing ✍️", "S010"),
    "allow", [])
add(D, ["official", "first_name", "accent", "name_consent"], "First name (accented) with name_consent no -> data_protection.",
    off("Brilliant reading from Chloé today – she's a real bookworm 📚", "S010", platform="facebook"),
    "block", [DP])
add(D, ["official", "first_name", "accent_dropped", "name_consent"], "First name without the accent, consent no.",
    off("Fab fractions work from Chloe this morning 👏", "S010"),
    "block", [DP])
add(D, ["official", "first_name", "ordinary_word_name", "ordinary_word_evidence", "name_consent"], "'Will' after a praise cue is pupil Will Robinson (name_consent no).",
    off("Well done Will for a brilliant class assembly!", "S008", platform="facebook"),
    "block", [DP])
add(D, ["official", "ordinary_word_name", "word_like_name", "hard_negative", "clean"], "'will' as a verb, no evidence.",
    off("School will be closed on Friday 13 March for an INSET day. Breakfast club will not run.", "S008"),
    "allow", [])
add(D, ["official", "ordinary_word_name", "word_like_name", "hard_negative", "clean"], "'Hope' opening a sentence, no evidence.",
    off("Hope you all have a restful half term! See you on Monday 23 February 🌷", "S001", platform="facebook"),
    "allow", [])
add(D, ["official", "ordinary_word_name", "word_like_name", "hard_negative", "clean"], "'rose to the challenge' - verb, no evidence.",
    off("Everyone rose to the challenge at Sports Day – what a day! ☀️🏅", "S008"),
    "allow", [])
add(D, ["official", "first_name", "ordinary_word_name", "ordinary_word_evidence", "name_consent"], "'Congratulations to Grace' = pupil Grace O'Connor (name_consent no).",
    off("Congratulations to Grace for her brilliant 100m sprint at the cluster games 🏃‍♀️", "S008"),
    "block", [DP])
add(D, ["official", "staff_name", "ordinary_word_name", "hard_negative", "clean"], "Staff member's full name (Grace Whitfield) is staff, not pupil Grace.",
    off("A big thank you to Grace Whitfield for organising our fantastic book fair 📚", "S001", platform="facebook"),
    "allow", [])
add(D, ["official", "titled_adult", "ordinary_word_name", "hard_negative", "clean"], "Miss Hope and Mr Page are adults (titles).",
    off("Miss Hope and Mr Page led a wonderful harvest assembly this morning 🍎🌾", "S008"),
    "allow", [])
add(D, ["official", "word_like_name", "number_not_phone", "hard_negative", "clean"], "'see page 4' is not a pupil (Rose Page).",
    off("Full details of the Year 6 residential are in this week's newsletter – see page 4.", "S008", platform="blog"),
    "allow", [])
add(D, ["official", "ordinary_word_name", "word_like_name", "hard_negative", "clean"], "'Faith and Belief' - topic name, no evidence.",
    off("Thank you to everyone who came to our Faith and Belief afternoon 🕯️", "S001"),
    "allow", [])
add(D, ["official", "ordinary_word_name", "word_like_name", "hard_negative", "clean"], "'ivy' the plant.",
    off("The ivy on the front wall has finally been cut back – the office can see daylight again! 🌿", "S008", platform="facebook"),
    "allow", [])
add(D, ["official", "ordinary_word_name", "word_like_name", "hard_negative", "clean"], "'Ruby Class' is a class name; no evidence for pupil Ruby.",
    off("Ruby Class had a brilliant trip to the farm today 🐑🚜", "S008"),
    "allow", [])
add(D, ["official", "name_with_photo", "ordinary_word_name", "ordinary_word_evidence", "missing_image", "image"], "First name (consent yes) + same pupil listed in the image: first_name_with_photo, tpat advice. Image file missing: only an error note. (Session 20: allow: TPAT's rule is about full names, 'first names tolerated by implication' (the catalogue), as two outside readers label it.)",
    off("Summer loved our science experiment today 🔬", "S004", platform="instagram",
        images=[img("images/summer_science.jpg", "P1006")]),
    "allow", [])
add(D, ["official", "image", "photo_consent", "missing_image"], "Image lists Grace O'Connor (photo_consent no): tpat pupil_image_consent, prohibited.",
    off("Fantastic teamwork in our Year 6 bridge-building challenge! 🌉", "S004", platform="facebook",
        images=[img("images/bridges.jpg", "P1003", "P1004")]),
    "block", [PIC])
add(D, ["official", "image", "unknown_pupil", "missing_image"], "Image lists a pupil id not on the roster: pupil_image_consent, needs_approval.",
    off("Welcome to our newest Reception starter! 🎒", "S008", platform="facebook",
        images=[img("images/new_starter.jpg", "P1999")]),
    "review", [PIC])
add(D, ["official", "image", "unknown_pupil", "missing_image", "approval"], "Unknown pupil (needs_approval) with an approval on record: satisfied.",
    off("Welcome to our newest Reception starter! 🎒", "S008", platform="facebook",
        images=[img("images/new_starter.jpg", "P1998")], approval=appr("S001", "consent form received 02/03")),
    "allow", [])
add(D, ["official", "school_public_contact", "phone", "email", "clean"], "The school's own public phone and office email.",
    off("📞 Any questions about Monday's trip? Call the school office on 01632 960123 or email office@oakfield.sch.uk", "S008", platform="facebook"),
    "allow", [])
add(D, ["official", "school_public_contact", "street_address", "postcode", "email", "clean"], "School's own address and admissions email.",
    off("Reception 2027 applications are open! Visit us at Oakfield Primary School, 14 Mill Lane, Northvale, NV4 2QT or email admissions@oakfield.sch.uk 🏫", "S008", platform="blog"),
    "allow", [])
add(D, ["official", "phone", "mobile", "titled_adult"], "A staff member's mobile number on an official post: official_personal_data.",
    off("Lost property queries? Please text Mrs Collins on 07700 900461 after 4pm.", "S008", platform="facebook"),
    "block", [OPD])
add(D, ["official", "email"], "Personal (gmail) address on an official post.",
    off("PTA raffle tickets are £1 each – to reserve yours email oakfieldpta@gmail.com 🎟️", "S008"),
    "block", [OPD])
add(D, ["official", "email", "school_public_contact", "clean"], "Trust domain email is the school's own.",
    off("We're hiring! Learning support assistant, 25 hrs/week. Apply via hr@kingfishertrust.org.uk by 20 March.", "S001", platform="linkedin"),
    "allow", [])
add(D, ["official", "email", "titled_adult", "clean"], "Staff school-domain email on an official post is fine.",
    off("Questions about Mr Bennett's Year 4 class blog? Email t.bennett@oakfield.sch.uk 💻", "S004", platform="blog"),
    "allow", [])
add(D, ["official", "street_address", "postcode"], "A home address and postcode on an official post.",
    off("Found: a blue book bag with a unicorn keyring. Please collect from 7 Rowan Close, Northvale NV3 8LP.", "S008", platform="facebook"),
    "block", [OPD])
add(D, ["official", "intl_phone", "mobile"], "+44 mobile on an official post.",
    off("Coach running late – driver can be reached on +447700900982 🚌", "S008"),
    "block", [OPD])
add(D, ["official", "dob", "first_name", "name_consent"], "Date of birth on an official post; first name has consent.",
    off("Happy 6th birthday to Freya (born 14/01/2020)! 🎂🎈", "S008", platform="facebook"),
    "block", [OPD])
add(D, ["official", "number_not_phone", "hard_negative", "clean"], "Prices, dates, times, room numbers.",
    off("Year 4 raised £312.50 at Friday's cake sale 🧁 thank you! Next sale: 27/03/2026, 3:15pm, Room 12.", "S008", platform="facebook"),
    "allow", [])
add(D, ["official", "number_not_phone", "hard_negative", "clean"], "Scores and times.",
    off("Final score: Oakfield 3 – 1 Northvale Juniors ⚽ Kick-off was 10:30, next home match 18/04.", "S004"),
    "allow", [])
add(D, ["official", "lesson_time", "device_school", "clean"], "Official post in lesson time from a school device: time and device rules are personal-channel only.",
    off("Year 2 are loving their Great Fire of London topic 🔥🏠", "S008", at="2026-01-14T10:05:00+00:00", device="school"),
    "allow", [])
add(D, ["official", "image", "device_personal", "recording_device", "missing_image"], "Images with (consenting) pupils posted from a personal device: tpat recording_devices.",
    off("Year 5 on their trip to the Roman fort 🏛️", "S010", platform="facebook", device="personal",
        images=[img("images/roman_fort.jpg", "P1005", "P1023")]),
    "block", [REC])
add(D, ["official", "device_personal", "clean"], "Official text-only post from a personal device: no pupils in images, no finding.",
    off("Reminder: non-uniform day tomorrow – £1 donation for the food bank 👕", "S008", device="personal"),
    "allow", [])
add(D, ["official", "number_not_phone", "hard_negative", "clean"], "Dates and times; 'Thursday 12 March'.",
    off("School photographs are on Thursday 12 March – please make sure hair is brushed! 📸 Sibling photos from 8:15am.", "S008", platform="facebook"),
    "allow", [])
add(D, ["official", "number_not_phone", "hard_negative", "clean"], "SATs date and breakfast club time.",
    off("Year 6 SATs week starts Monday 11 May. Free breakfast club from 8am every day that week 🥐", "S001"),
    "allow", [])
add(D, ["official", "comment", "school_public_contact", "parent", "clean"], "Official reply to a parent with the school's public number.",
    off("Thanks for letting us know! Please ring the office on 01632 960123 and we'll sort it 😊", "S008", platform="facebook",
        kind="comment", counterpart={"kind": "parent", "pupil_id": "P1020"}),
    "allow", [])

# ---- demo personal channel ----
add(D, ["personal", "full_name", "weekend"], "Personal post names a pupil; demo reaches private life -> discuss_school_community (tpat needs_approval).",
    per("Amelia Hartley was an absolute star in the school play this week 🌟", "S004", at=SAT_BST),
    "review", [DSC])
add(D, ["personal", "full_name", "weekend", "approval"], "Same, with the approval on record: needs_approval satisfied.",
    per("Amelia Hartley was an absolute star in the school play this week 🌟", "S004", at=SAT_BST,
        approval=appr("S001", "parent permission 15/05")),
    "allow", [])
add(D, ["personal", "break_time", "gmt", "clean"], "Lunch break: Oakfield allows personal use in breaks.",
    per("Best jacket potato in the staffroom today 🥔", "S010", platform="instagram", at=OAK_BREAK_GMT),
    "allow", [])
add(D, ["personal", "lesson_time", "gmt"], "Weekday lesson time -> personal_use_hours.",
    per("Anyone watched the new series of Traitors? No spoilers!! 🙈", "S010", platform="x", at=OAK_LESSON_GMT),
    "block", [HRS])
add(D, ["personal", "break_time", "bst", "utc_z", "clean"], "09:35Z = 10:35 BST, morning break: allowed at Oakfield.",
    per("Coffee number 3 ☕ it's one of those days", "S007", platform="x", at=OAK_BREAK_Z_BST),
    "allow", [])
add(D, ["personal", "lesson_time", "bst", "utc_z"], "08:00Z = 09:00 BST: lesson time.",
    per("Sun's out and I'm inside 😭 #teacherlife", "S007", platform="x", at=OAK_LESSON_Z_BST),
    "block", [HRS])
add(D, ["personal", "before_school", "gmt", "utc_z", "clean"], "08:00 GMT, before the 08:45 start.",
    per("Frosty morning walk with the dog ❄️🐕", "S005", platform="instagram", at=OAK_BEFORE_Z),
    "allow", [])
add(D, ["personal", "weekend", "number_not_phone", "clean"], "Weekend parkrun time.",
    per("Parkrun PB this morning 🏃‍♀️ 27:41! Legs are jelly.", "S013", platform="instagram", at=SAT_GMT),
    "allow", [])
add(D, ["personal", "weekend", "device_school", "clean"], "School device at the weekend, clean text: tpat has no device rule.",
    per("Anyone know a good recipe for banana bread? Got 6 very brown bananas 🍌", "S009", platform="facebook", at=SAT_GMT, device="school"),
    "allow", [])
add(D, ["personal", "own_info", "phone", "mobile", "weekend"], "Author's own mobile in a personal post: own_personal_information (adopted, advice).",
    per("Lost my phone at the weekend 🙈 new number is 07700900318, text me so I can save yours x", "S005", at=SUN_GMT),
    "advise", [OWN])
add(D, ["personal", "own_info", "street_address", "postcode", "weekend"], "Own new address and postcode.",
    per("Keys collected 🔑🏡 New address for Christmas cards: 23 Larch Way, Northvale NV2 5HS", "S013", at=SAT_BST),
    "advise", [OWN])
add(D, ["personal", "own_info", "dob", "after_school"], "Own date of birth.",
    per("Passport form asked for my DOB 14/03/1988 and I genuinely had to think about it... getting old 😂", "S010", platform="x", at=OAK_AFTER_GMT),
    "advise", [OWN])
add(D, ["personal", "own_info", "email", "weekend"], "Own personal email address.",
    per("Selling my old road bike, £120 ono 🚲 message me or email jo.h.bikes77@gmail.com", "S005", at=SUN_BST),
    "advise", [OWN])
add(D, ["personal", "work_email", "after_school", "clean"], "Work email in a personal post: only staffs_protocol has a rule.",
    per("Parents – please use my school email t.bennett@oakfield.sch.uk rather than messaging me here 😊", "S004", at=OAK_AFTER_BST),
    "allow", [])
add(D, ["personal", "employer_identification", "weekend", "clean"], "'I teach at Oakfield': tpat has no employer-identification rule.",
    per("10 years since I started and I still love saying I teach at Oakfield Primary 💚", "S006", at=SAT_GMT),
    "allow", [])
add(D, ["personal", "image", "missing_image", "weekend"], "Pupils listed in a personal post's image: tpat falls back to data_protection; Oakfield reaches the weekend.",
    per("Sports day fun! ☀️🏅", "S004", platform="instagram", at=SUN_BST, images=[img("images/sports_day_personal.jpg", "P1004", "P1013")]),
    "block", [DP])
add(D, ["personal", "ordinary_word_name", "word_like_name", "weekend", "hard_negative", "clean"], "'summer holidays' - no evidence.",
    per("Can't believe the summer holidays are nearly over ☀️😭", "S006", at="2026-08-30T17:00:00+01:00"),
    "allow", [])
add(D, ["personal", "first_name", "ordinary_word_name", "ordinary_word_evidence", "weekend"], "'well done Summer' - praise cue makes Summer a pupil.",
    per("well done Summer!! 🎉 you smashed the swimming gala today", "S004", at=SAT_BST),
    "review", [DSC])
add(D, ["personal", "first_name", "ordinary_word_name", "ordinary_word_evidence", "after_school"], "Hope + her year group (Year 2) in the same sentence.",
    per("Hope from Year 2 made me the sweetest card today 🥰", "S005", platform="instagram", at=OAK_AFTER_GMT),
    "review", [DSC])
add(D, ["personal", "titled_adult", "ordinary_word_name", "after_school", "hard_negative", "clean"], "'Miss Hope' is the author, an adult.",
    per("Miss Hope says thank you for all the lovely end-of-term cards 💐", "S005", platform="instagram", at=OAK_AFTER_BST),
    "allow", [])
add(D, ["personal", "first_name", "ordinary_word_name", "ordinary_word_evidence", "after_school"], "Mason joined to another named pupil (Amelia).",
    per("Mason and Amelia were brilliant in the play tonight 🎭", "S006", at=OAK_AFTER_GMT),
    "review", [DSC])
add(D, ["personal", "preferred_name", "first_name", "after_school"], "Preferred name 'Liv' alone (not an ordinary word).",
    per("Liv made the whole class laugh today 😂", "S010", platform="x", at=OAK_AFTER_BST),
    "review", [DSC])
add(D, ["personal", "like", "full_name"], "Liking a post that names a pupil: the content rule applies; likes_and_shares is staffs/reach2 only.",
    per("Congratulations Amelia Hartley on your swimming gala medals! 🥇", "S007", kind="like"),
    "review", [DSC])
add(D, ["personal", "share", "clean"], "Sharing a clean lost-dog appeal.",
    per("LOST DOG in Northvale – brown cockapoo called Biscuit, very friendly. Please share! 🐶", "S005", kind="share", at=SUN_GMT),
    "allow", [])
add(D, ["personal", "friend_request", "pupil", "weekend"], "Friend request from a current pupil: safeguarding.",
    fr("S004", {"kind": "pupil", "pupil_id": "P1022", "direction": "received"}, at=SAT_GMT),
    "escalate", [PFR])
add(D, ["personal", "friend_request", "former_pupil", "adult", "age_from_roster"], "Accepted friend request from an adult former pupil: tpat any age.",
    fr("S006", {"kind": "former_pupil", "pupil_id": "P2004", "direction": "accepted"}, at=SUN_BST),
    "escalate", [EXP])
add(D, ["personal", "friend_request", "parent", "clean"], "Friend request with a parent: no rule in tpat.",
    fr("S010", {"kind": "parent", "pupil_id": "P1033", "direction": "accepted"}, at=SAT_GMT),
    "allow", [])
add(D, ["personal", "friend_request", "colleague", "clean"], "Friend request with a colleague.",
    fr("S013", {"kind": "colleague", "direction": "sent"}, at=OAK_AFTER_GMT),
    "allow", [])
add(D, ["personal", "message", "pupil", "clean"], "Plain message to a pupil: pupil_personal_contact is not in tpat, and there is no fallback.",
    msg("Don't forget your PE kit tomorrow! 👟", "S004", {"kind": "pupil", "pupil_id": "P1031", "direction": "sent"}, at=OAK_AFTER_GMT),
    "allow", [])
add(D, ["personal", "message", "parent", "phone", "mobile"], "Mobile number to a parent: contact-details chain ends at tpat's pupil_friend_request.",
    msg("Happy to help with the costume – text me on 07700 900547 😊", "S006", {"kind": "parent", "pupil_id": "P1013", "direction": "sent"}, at=OAK_AFTER_BST),
    "escalate", [PFR])
add(D, ["personal", "message", "former_pupil", "under_18", "social_handle", "add_me_offer", "age_from_roster"], "Former pupil aged 15: ex_pupil_connection + contact details (chain -> pupil_friend_request).",
    msg("Lovely to see you at the fun run! add me on insta @missfletcher_runs 🏃", "S010", {"kind": "former_pupil", "pupil_id": "P2002", "direction": "sent"}, platform="instagram", at=SUN_BST),
    "escalate", [EXP, PFR])
add(D, ["personal", "message", "former_pupil", "adult", "age_from_roster"], "Message to an adult former pupil: tpat ex_pupil_connection (any age).",
    msg("Lovely to bump into you in town! Good luck with the nursing course 🩺", "S013", {"kind": "former_pupil", "pupil_id": "P2004", "direction": "sent"}, platform="facebook", at=SAT_BST),
    "escalate", [EXP])
add(D, ["profile", "profile_handle", "visibility"], "School name in handle (adopted advice) + public profile (adopted advice).",
    prof("S004", {"handle": "@MrBennettOakfield", "display_name": "Tom Bennett", "bio": "Dad, cyclist, tea drinker", "visibility": "public"}),
    "advise", [SNP, PRV])
add(D, ["profile", "profile_email", "work_email"], "Work email on a personal account: Oakfield makes it prohibited.",
    prof("S004", {"handle": "@tombennett_cycles", "display_name": "Tom B", "email": "t.bennett@oakfield.sch.uk", "visibility": "friends"}, platform="instagram"),
    "block", [WEM])
add(D, ["profile", "profile_bio", "clean"], "School name in a private bio: employer_identification not in tpat.",
    prof("S006", {"handle": "@gracew_reads", "display_name": "Grace W", "bio": "Teacher at Oakfield Primary 🍎 | views my own", "visibility": "private"}),
    "allow", [])
add(D, ["profile", "visibility", "clean"], "Private profile, nothing school-related.",
    prof("S013", {"handle": "@nadia.bakes", "display_name": "Nadia", "bio": "Cakes, cats and crosswords 🧁", "email": "nadia.r.bakes@outlook.com", "visibility": "private"}, platform="instagram"),
    "allow", [])
add(D, ["profile", "profile_display_name"], "Trust alias in the display name: school_name_in_profile_name (adopted advice).",
    prof("S005", {"handle": "@jo_h_77", "display_name": "Jo @ Kingfisher Trust", "bio": "TA and proud", "visibility": "friends"}, platform="facebook"),
    "advise", [SNP])
add(D, ["personal", "weekend", "clean"], "Ordinary weekend post.",
    per("Beautiful walk up Pen y Fan this morning 🏔️ legs are jelly", "S002", platform="instagram", at=SAT_BST),
    "allow", [])
add(D, ["personal", "weekend", "number_not_phone", "clean"], "Pet post with a price.",
    per("Dog has eaten a whole sock. Vet bill £85. Living the dream 🐕🧦", "S007", at=SUN_GMT),
    "allow", [])
add(D, ["personal", "after_school", "word_like_name", "hard_negative", "clean", "ordinary_word_name"], "'The rose bushes' - a plant.",
    per("The rose bushes are finally blooming 🌹 3 years of waiting!", "S001", platform="instagram", at=OAK_AFTER_BST),
    "allow", [])
add(D, ["personal", "first_name", "ordinary_word_name", "ordinary_word_evidence", "weekend"], "'Congratulations to Ruby' - praise cue makes Ruby (Ruby Clarke) a pupil; Oakfield reaches the weekend.",
    per("Congratulations to Ruby for being so brave in her first ever assembly 🌟", "S010", at=SUN_BST),
    "review", [DSC])
add(D, ["personal", "first_name", "weekend"], "Non-word first name alone (Zofia) on personal channel.",
    per("Zofia's Polish folk dance at the school fair was gorgeous 💃", "S001", platform="facebook", at=SUN_BST),
    "review", [DSC])

# ===========================================================================
# BRAMBLESIDE (tpat, whilst-at-work scope). Images folder absent: image paths missing.
# ===========================================================================
B = BR
add(B, ["personal", "full_name", "weekend", "scope_tpat", "clean"], "tpat: weekend, personal device, not a safeguarding matter -> out of scope.",
    per("Amelia Hartley was brilliant in the school play this week 🌟", "S004", at=SAT_BST),
    "allow", [])
add(B, ["personal", "full_name", "lesson_time", "gmt", "scope_tpat"], "Same post in lesson time: in scope, discuss (needs_approval) + personal_use_hours.",
    per("Amelia Hartley was brilliant in the school play this week 🌟", "S004", at=OAK_LESSON_GMT),
    "block", [DSC, HRS])
add(B, ["personal", "full_name", "weekend", "device_school", "scope_tpat"], "Weekend but school device: in scope.",
    per("Amelia Hartley was brilliant in the school play this week 🌟", "S004", at=SAT_BST, device="school"),
    "review", [DSC])
add(B, ["personal", "full_name", "scope_tpat"], "No 'at': treated as in scope.",
    per("Amelia Hartley was brilliant in the school play this week 🌟", "S004", explicit=False),
    "review", [DSC])
add(B, ["personal", "break_time", "gmt", "scope_tpat"], "tpat: no personal use at work at all, breaks included.",
    per("Quick lunch then yard duty 🥪☔", "S002", platform="x", at="2026-01-13T12:15:00+00:00"),
    "block", [HRS])
add(B, ["personal", "after_school", "gmt", "clean"], "After school.",
    per("Finally home. Tea, biscuits, feet up 🫖", "S002", platform="x", at="2026-01-13T16:00:00+00:00"),
    "allow", [])
add(B, ["personal", "friend_request", "pupil", "weekend", "scope_tpat"], "Pupil friend request is safeguarding: raised at the weekend too.",
    fr("S005", {"kind": "pupil", "pupil_id": "P0004", "direction": "received"}, at=SAT_GMT),
    "escalate", [PFR])
add(B, ["personal", "friend_request", "former_pupil", "under_18", "weekend", "age_from_roster"], "Former pupil (16): tpat ex_pupil_connection.",
    fr("S004", {"kind": "former_pupil", "pupil_id": "P0006", "direction": "accepted"}, at=SUN_BST),
    "escalate", [EXP])
add(B, ["personal", "own_info", "phone", "weekend", "scope_tpat", "clean"], "Own phone at the weekend: out of tpat scope.",
    per("New number everyone 📱 07700-900-726 – old one is dead", "S005", at=SAT_GMT),
    "allow", [])
add(B, ["personal", "own_info", "phone", "break_time", "gmt"], "Own phone during morning break: in scope; break -> personal_use_hours (tpat).",
    per("New number everyone 📱 07700-900-726 – old one is dead", "S005", at="2026-01-13T10:40:00+00:00"),
    "block", [OWN, HRS])
add(B, ["official", "phone", "landline"], "A private landline (bracketed format) on an official post; Brambleside lists no public_contacts anyway.",
    off("Saturday football club is back! Any questions, ring coach Dave on (01632) 960 555 ⚽", "S001", platform="facebook"),
    "block", [OPD])
add(B, ["official", "email", "school_public_contact", "clean"], "Email at the school's own domain.",
    off("Questions about clubs? Email office@brambleside.sch.uk 📧", "S001"),
    "allow", [])
add(B, ["official", "first_name", "ordinary_word_name", "ordinary_word_evidence", "name_consent"], "'Well done Grace' -> pupil Grace O'Connor (consent no), although a staff member's first name is Grace.",
    off("Well done Grace for a fantastic piece of art this week 🎨", "S001", platform="facebook"),
    "block", [DP])
add(B, ["official", "titled_adult", "ordinary_word_name", "hard_negative", "clean"], "'Miss Hope' is staff.",
    off("Miss Hope's reading group have finished their first chapter book! 📖", "S001"),
    "allow", [])
add(B, ["official", "staff_name", "ordinary_word_name", "hard_negative", "clean"], "Staff full name 'Grace Hope' (two ordinary-word pupil names) is the staff member.",
    off("Thank you Grace Hope for running our book swap this week 📚💛", "S001", platform="facebook"),
    "allow", [])
add(B, ["profile", "profile_handle", "visibility"], "School in handle (advice) + public (advice).",
    prof("S004", {"handle": "@TomBramblesideTeach", "display_name": "Tom Bennett", "bio": "Year 4 teacher. Football. Coffee.", "visibility": "public"}),
    "advise", [SNP, PRV])
add(B, ["profile", "profile_email", "work_email"], "Work email for a personal account: tpat adopted advice.",
    prof("S005", {"handle": "@gracie_h", "display_name": "Gracie", "email": "g.hope@brambleside.sch.uk", "visibility": "friends"}, platform="instagram"),
    "advise", [WEM])
add(B, ["personal", "message", "parent", "after_school", "clean"], "Plain message to a parent: no rule.",
    msg("Thanks for the lovely card, it made my day 😊", "S004", {"kind": "parent", "pupil_id": "P0001", "direction": "sent"}, at="2026-02-05T18:20:00+00:00"),
    "allow", [])
add(B, ["official", "first_name", "preferred_name", "name_consent", "missing_image", "image"], "Seun (name_consent no) beside his photo: data_protection; first_name_with_photo needs consent yes.",
    off("Seun's fantastic Viking longship model ⛵", "S004", platform="facebook", images=[img("images/longship.jpg", "P0002")]),
    "block", [DP])
add(B, ["official", "name_with_photo", "first_name", "missing_image", "image"], "Zofia (consent yes) listed in the image: first_name_with_photo, tpat advice. (Session 20: allow: TPAT's rule is about full names, 'first names tolerated by implication' (the catalogue), as two outside readers label it.)",
    off("Zofia's fantastic Viking longship model ⛵", "S004", platform="facebook", images=[img("images/longship2.jpg", "P0005")]),
    "allow", [])
add(B, ["personal", "image", "lesson_time", "missing_image", "gmt"], "Pupils in a personal image during lessons: data_protection + personal_use_hours.",
    per("Science week chaos 🧪😂", "S004", platform="instagram", at=OAK_LESSON_GMT2, images=[img("images/science_week.jpg", "P0001", "P0005")]),
    "block", [DP, HRS])
add(B, ["personal", "weekend", "hard_negative", "clean"], "'Mondays, eh' on a Sunday night.",
    per("Mondays, eh... already dreading the alarm 😴", "S002", platform="x", at="2026-03-15T21:45:00+00:00"),
    "allow", [])
add(B, ["personal", "before_school", "bst", "clean"], "Monday 07:30 BST before school.",
    per("Mondays, eh ☕☕☕", "S003", platform="x", at="2026-06-22T07:30:00+01:00"),
    "allow", [])
add(B, ["personal", "full_name", "hyphen_surname", "before_school", "scope_tpat", "bst", "clean"], "Before school on a personal device: out of tpat scope.",
    per("So proud of Mason Wright-Evans for his county cross-country place 🏃", "S004", at=OAK_BEFORE_BST),
    "allow", [])
add(B, ["personal", "message", "pupil", "social_handle", "add_me_offer", "weekend", "scope_tpat"], "Snap offer to a pupil: chain ends at pupil_friend_request (safeguarding, any time).",
    msg("add me on snap 👻 it's tbennett_88", "S004", {"kind": "pupil", "pupil_id": "P0003", "direction": "sent"}, platform="snapchat", at=SAT_GMT),
    "escalate", [PFR])
add(B, ["personal", "friend_request", "pupil", "relative", "weekend"], "tpat has no family exception.",
    fr("S003", {"kind": "pupil", "pupil_id": "P0005", "relative": True, "direction": "accepted"}, at=SUN_BST),
    "escalate", [PFR])
add(B, ["personal", "weekend", "clean"], "Weather post.",
    per("Rain. Again. ☔ #BritishSummer", "S001", platform="x", at=SAT_BST),
    "allow", [])

# ===========================================================================
# ST MARY'S (reach2 by default)
# ===========================================================================
S = SM
# ---- official, reach2 ----
# (Session 20: a full name where the parents agreed to the name being published is no finding
# under REAch2, whose data-protection rule is a disclosure "without proper authority" (two of two
# outside readers); these cases test the reading of names (typos, accents, hashtags, capitals),
# so they are checked under the Staffordshire protocol, whose "comply with GDPR" still reaches
# the surname beyond that agreement.)
add(S, ["official", "full_name", "ordinary_word_name"], "Full name on official post: staffs_protocol falls back to data_protection.",
    off("Congratulations to Summer Okoye in Year 7 on winning the Kelsworth Young Writers award ✍️🏆", "S110"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "typo"], "Asanti for Asante (one typo, 6 letters).",
    off("Huge congratulations to Kwame Asanti on his Durham offer! 🎓", "S109", platform="instagram"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "hashtag", "ordinary_word_name"], "Full-name hashtag.",
    off("Year 7 poetry slam winner 🎤 #SummerOkoye #StMarysWriters", "S110", platform="instagram"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "accent_dropped"], "Zoë Lefèvre written without accents.",
    off("Zoe Lefevre has been selected for the regional debating final 🗣️", "S110", platform="facebook"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "accent", "apostrophe_surname"], "Accent and apostrophe.",
    off("Fantastic Irish dancing from Oisín O'Sullivan at our St Patrick's Day celebration ☘️", "S110"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "accent_dropped", "apostrophe_surname", "case_lower"], "Lower case, accent dropped.",
    off("what a performance from oisin o'sullivan tonight 🎻", "S110", platform="facebook"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "apostrophe_surname", "hyphen_surname"], "Apostrophe + hyphen surname.",
    off("Maisie O'Brien-Walsh raised £240 for CAFOD with her sponsored silence 🤫", "S110", platform="facebook"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "preferred_name", "hyphen_surname"], "Preferred name Frankie + surname.",
    off("Frankie Rossi-Hughes is our new Head of House for St Bernadette's 💙", "S101", platform="x"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "full_name", "preferred_name", "ordinary_word_name"], "Preferred name Will + surname.",
    off("Will Tran scored twice in the Year 10 cup final ⚽⚽", "S110", platform="x"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "first_initial", "ordinary_word_name", "name_consent", "clean"], "First name + initial, consent yes.",
    off("Summer O. from Year 7 read her winning poem at Mass this morning 🙏", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "first_initial", "shared_first_name", "name_consent"], "Owen B. = Owen Barker (name_consent no).",
    off("Owen B. in Year 12 has been accepted onto the Nuffield research placement 🔬", "S110"),
    "escalate", [DP])
add(S, ["official", "first_name", "shared_first_name", "name_consent"], "'Owen' alone is shared: flagged for Owen Barker (consent no); Owen Lloyd (yes) gives nothing.",
    off("Well done Owen for a superb reading at today's Mass 🙏", "S110", platform="facebook"),
    "escalate", [DP])
add(S, ["official", "first_initial", "shared_first_name", "name_consent", "clean"], "Owen L. = Owen Lloyd (consent yes).",
    off("Owen L. in Year 8 built a working model of the Forth Bridge 🌉", "S110"),
    "allow", [])
add(S, ["official", "first_name", "ordinary_word_name", "ordinary_word_evidence", "name_consent"], "Hope + her year group (Year 8), name_consent no.",
    off("Congratulations to Hope in Year 8 for reaching the national spelling bee final 🐝", "S110", platform="instagram"),
    "escalate", [DP])
add(S, ["official", "ordinary_word_name", "word_like_name", "hard_negative", "clean"], "'We hope' - verb.",
    off("We hope to see lots of families at Open Evening on Thursday 8 October, 6–8pm. Tours every 15 minutes 🏫", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "first_name", "ordinary_word_name", "ordinary_word_evidence", "name_consent", "clean"], "Well done Ivy: pupil named, but name_consent yes.",
    off("Well done Ivy for designing our new Year 7 reading-corner poster 🎨", "S110"),
    "allow", [])
add(S, ["official", "first_name", "ordinary_word_name", "ordinary_word_evidence", "name_consent", "clean"], "Faith Oduya: name consent yes (photo consent no, but no image).",
    off("Congratulations to Faith on completing her Duke of Edinburgh Bronze award 🥾", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "ordinary_word_name", "word_like_name", "number_not_phone", "hard_negative", "clean"], "'Faith in Action' week; price.",
    off("Our Faith in Action week raised £640 for Kelsworth Food Bank 🙏 Thank you all!", "S101", platform="x"),
    "allow", [])
add(S, ["official", "titled_adult", "ordinary_word_name", "hard_negative", "clean"], "'Mr Mason's Year 9' - titled adult, even though pupil Mason is in Year 9.",
    off("Mr Mason's Year 9 historians visited the Imperial War Museum North today 🏛️", "S110"),
    "allow", [])
add(S, ["official", "titled_adult", "ordinary_word_name", "hard_negative", "clean"], "Mrs Grace and Mrs Owen: titled adults.",
    off("Mrs Grace and Mrs Owen ran a lovely Year 11 retreat day at the abbey 🕊️", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "staff_name", "shared_first_name", "hard_negative", "clean"], "'Bethan Owen' is a staff member's full name, not pupil Owen.",
    off("Thank you to Bethan Owen for organising a brilliant languages day 🇪🇸🇫🇷", "S101"),
    "allow", [])
add(S, ["official", "staff_name", "preferred_name", "hard_negative", "clean"], "'Tom Reilly' is a volunteer (staff list), not pupil 'Tom'.",
    off("Thanks to Tom Reilly for driving the minibus to the cross-country again 🚐", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "school_public_contact", "phone", "email", "clean"], "School's own public phone and email.",
    off("Sixth Form applications close on Friday 11 December. Questions? Call 01632 960777 or email sixthform@stmca.org.uk", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "school_public_contact", "street_address", "postcode", "clean"], "School's own address and postcode.",
    off("Open Morning this Saturday 10am–12pm at St Mary's Catholic Academy, Convent Road, Kelsworth, KE7 3PL ⛪", "S110"),
    "allow", [])
add(S, ["official", "school_public_contact", "intl_phone", "email", "clean"], "The school's own second public number written +44; admissions email.",
    off("Admissions team: +44 1632 960778 / admissions@stmca.org.uk 📞", "S110", platform="x"),
    "allow", [])
add(S, ["official", "email"], "Non-school email on an official post: data_protection (reach2 gross misconduct indicator).",
    off("Sixth form ball tickets now on sale! Reserve by emailing sixthformball2026@outlook.com 💃🕺", "S110", platform="instagram"),
    "escalate", [DP])
add(S, ["official", "intl_phone", "mobile"], "Irish mobile number on an official post.",
    off("Our exchange partners in Galway can be reached on +353 87 123 4567 during the trip 🇮🇪", "S110", platform="facebook"),
    "escalate", [DP])
add(S, ["official", "image", "gps"], "Image carries GPS: official_personal_data -> reach2 data_protection.",
    off("Year 10 geographers at the coast today 🌊", "S110", platform="instagram", images=[img("images/trip_gps.jpg", "P3004", "P3019")]),
    "escalate", [DP])
add(S, ["official", "image", "photo_consent", "full_name", "ordinary_word_name"], "Full name + image of a pupil without photo consent: both data_protection.",
    off("Faith Oduya receiving her Duke of Edinburgh award 🥾", "S110", platform="facebook", images=[img("images/form_group.jpg", "P3005")]),
    "escalate", [DP])
add(S, ["official", "image", "photo_consent", "clean"], "Consenting pupils, no names.",
    off("Year 7 scientists testing their paper rockets 🚀🔬", "S110", platform="instagram", images=[img("images/y7_science.jpg", "P3001", "P3006")]),
    "allow", [])
add(S, ["official", "image", "name_with_photo", "ordinary_word_name", "clean"], "First name with photo: content.pupil_full_name only; reach2 lacks it and the table gives no fallback.",
    off("Summer's rocket went the furthest! 🚀", "S110", platform="instagram", images=[img("images/y7_science.jpg", "P3001")]),
    "allow", [])
add(S, ["official", "image", "corrupt_image", "clean"], "Corrupt image, consenting pupil: only an error note.",
    off("Art club's new mural is coming along nicely 🎨", "S110", platform="facebook", images=[img("images/corrupt.jpg", "P3040")]),
    "allow", [])
add(S, ["official", "image", "missing_image", "clean"], "Missing image, consenting pupils: only an error note.",
    off("Year 9 Mass servers – thank you for your service 🙏", "S110", images=[img("images/missing_photo.jpg", "P3003", "P3034")]),
    "allow", [])
add(S, ["official", "image", "device_personal", "clean"], "Pupils in images from a personal device: recording_devices is auriga/tpat only.",
    off("Cross-country team warming up 🏃‍♂️🏃‍♀️", "S104", platform="x", device="personal", images=[img("images/sports_day.jpg", "P3019", "P3043")]),
    "allow", [])
add(S, ["official", "image", "exif_no_gps", "clean"], "EXIF with camera make only, no GPS.",
    off("Our Year 12 artists' exhibition opens on Wednesday 🖼️", "S110", platform="instagram", images=[img("images/camera_exif.jpg")]),
    "allow", [])
add(S, ["official", "number_not_phone", "hard_negative", "clean"], "Dates, times, room code, years.",
    off("Year 11 mocks run 12/01/2026–23/01/2026 in the Sports Hall, 09:00 start. Seating plans on the board outside S104.", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "number_not_phone", "hard_negative", "clean"], "An ISBN is not a phone number.",
    off("This half term's Year 8 class reader: The Lantern Keeper (ISBN 978-1-5101-0501-0) 📖 copies in the library.", "S110"),
    "allow", [])
add(S, ["official", "number_not_phone", "hard_negative", "clean"], "Percentages and years.",
    off("Congratulations to our Year 13 leavers of 2026 – 94% got their first-choice university! 🎓", "S101", platform="linkedin"),
    "allow", [])
add(S, ["official", "number_not_phone", "hard_negative", "clean"], "Results-day date and times.",
    off("GCSE results day: Thursday 20 August, 9am–12pm in the Sports Hall. Good luck Year 11! 🍀", "S110", platform="facebook"),
    "allow", [])
add(S, ["official", "number_not_phone", "hard_negative", "clean"], "Counts of students and staff.",
    off("Our Year 10 geographers braved the rain at Flamborough Head 🌧️ – 52 students, 4 staff, 1 very muddy minibus!", "S110"),
    "allow", [])
add(S, ["official", "dob", "first_name", "name_consent"], "Date of birth on an official post (reach2 data_protection).",
    off("Happy 18th birthday Eilidh (DOB 25/01/2008)! 🎂 Enjoy your day!", "S110", platform="instagram"),
    "escalate", [DP])

# ---- personal, reach2 ----
add(S, ["personal", "full_name", "weekend", "ordinary_word_name"], "reach2 reaches private life: discuss_school_community (prohibited).",
    per("So proud of Summer Okoye smashing the county 1500m today 🏃‍♀️🥇", "S104", at=SM_SAT_BST),
    "block", [DSC])
add(S, ["personal", "lesson_time", "bst"], "Lesson time.",
    per("Is it Friday yet? 😩", "S106", platform="x", at=SM_LESSON_BST),
    "block", [HRS])
add(S, ["personal", "break_time", "bst", "clean"], "reach2 allows personal use in breaks.",
    per("Toast in the staffroom is the best part of the day 🍞", "S106", platform="x", at=SM_BREAK_BST),
    "allow", [])
add(S, ["personal", "break_time", "gmt", "clean"], "Lunch break.",
    per("Soup of the day: leek and potato. 10/10 🥣", "S107", platform="instagram", at=SM_BREAK_GMT),
    "allow", [])
add(S, ["personal", "break_time", "bst", "utc_z", "clean"], "10:00Z = 11:00 BST, inside the 10:50-11:10 break.",
    per("Duty done, tea acquired ☕", "S107", platform="x", at=SM_BREAK_Z_BST),
    "allow", [])
add(S, ["personal", "lesson_time", "gmt", "utc_z"], "10:00Z in January = 10:00 GMT, a lesson.",
    per("Duty done, tea acquired ☕", "S107", platform="x", at=SM_LESSON_Z_GMT),
    "block", [HRS])
add(S, ["personal", "lesson_time", "bst", "utc_z"], "07:45Z in May = 08:45 BST, after the 08:30 start.",
    per("Forgot my lanyard AGAIN 🙃", "S108", platform="x", at=SM_LESSON_Z_BST),
    "block", [HRS])
add(S, ["personal", "before_school", "gmt", "clean"], "08:15 GMT on the last Friday before the clocks change: before school.",
    per("Forgot my lanyard AGAIN 🙃", "S108", platform="x", at=SM_BEFORE_GMT),
    "allow", [])
add(S, ["personal", "lesson_time", "bst", "utc_z"], "08:00Z on 19 October = 09:00 BST (clocks go back on 25 October).",
    per("Autumn leaves and a hot chocolate 🍂☕", "S113", platform="instagram", at=SM_LESSON_Z_OCT),
    "block", [HRS])
add(S, ["personal", "after_school", "bst", "utc_z", "clean"], "14:30Z in June = 15:30 BST, after school.",
    per("Autumn leaves and a hot chocolate 🍂☕ (ok it's June, but a girl can dream)", "S113", platform="instagram", at=SM_AFTER_Z_BST),
    "allow", [])
add(S, ["personal", "break_time", "bst", "clean"], "12:00+02:00 = 11:00 BST, morning break.",
    per("Sunshine on the field at break ☀️ best bit of the day", "S108", platform="instagram", at=SM_BREAK_CEST),
    "allow", [])
add(S, ["personal", "weekend", "hard_negative", "clean"], "'Mondays, eh' on a Sunday evening.",
    per("Mondays, eh. Lunches made, uniform ironed, bags by the door 💪", "S102", platform="x", at=SM_SUN_Z),
    "allow", [])
add(S, ["personal", "device_school", "after_school", "clean"], "School device after school, clean: reach2 has no device rule.",
    per("Anyone recommend a good plumber in Kelsworth? Boiler's packed in again 🙄", "S109", at=SM_AFTER_BST, device="school"),
    "allow", [])
add(S, ["personal", "first_name", "preferred_name", "ordinary_word_name", "ordinary_word_evidence", "weekend"], "'well done Will' - praise cue.",
    per("well done Will! 🏆 man of the match again", "S104", platform="x", at=SM_SAT_BST2),
    "block", [DSC])
add(S, ["personal", "ordinary_word_name", "word_like_name", "weekend", "hard_negative", "clean"], "'Will you all...' - verb.",
    per("Will you all stop posting pictures of your Christmas trees already? It's November! 🎄😂", "S108", at=SM_SUN_Z),
    "allow", [])
add(S, ["personal", "first_name", "ordinary_word_name", "ordinary_word_evidence", "after_school"], "Jack joined to another named pupil (Kwame).",
    per("Jack and Kwame were superb in the debate tonight 🗣️", "S102", at=SM_AFTER_BST2),
    "block", [DSC])
add(S, ["personal", "full_name", "possessive", "ordinary_word_name", "weekend"], "Possessive full name.",
    per("Mason Adebayo's goal today 😍⚽ what a strike", "S104", platform="x", at=SM_SAT_GMT),
    "block", [DSC])
add(S, ["personal", "titled_adult", "shared_first_name", "weekend", "hard_negative", "clean"], "'Mrs Owen' - titled adult.",
    per("Mrs Owen's retirement do was lovely 🥂 Kelsworth won't be the same", "S109", at=SM_SAT_BST2),
    "allow", [])
add(S, ["personal", "own_info", "phone", "mobile", "weekend"], "Own mobile: own_personal_information (adopted advice in reach2).",
    per("Changed networks so new number: 07700 900214 📱 drop me a text", "S107", at=SM_SUN_BST),
    "advise", [OWN])
add(S, ["personal", "own_info", "postcode", "weekend"], "Own postcode.",
    per("Delivery drivers of Kelsworth: KE7 4DN is the house with the blue door, not the red one 😤📦", "S106", platform="x", at=SM_SAT_BST),
    "advise", [OWN])
add(S, ["personal", "employer_identification", "weekend", "clean"], "'I teach at St Mary's': reach2 is silent (no rule).",
    per("Best thing about my job? I teach at St Mary's Catholic Academy and the kids are hilarious 😂", "S107", at=SM_SAT_BST2),
    "allow", [])
add(S, ["personal", "image", "weekend"], "Pupils in a personal image: pupil_images_personal.",
    per("Sports day 2026 ☀️🏅", "S104", platform="instagram", at=SM_SAT_BST, images=[img("images/sports_day.jpg", "P3019", "P3043")]),
    "block", [PIP])
add(S, ["personal", "image", "weekend", "approval"], "reach2: pupil_images_personal satisfied by an approval.",
    per("Sports day 2026 ☀️🏅", "S104", platform="instagram", at=SM_SAT_BST, images=[img("images/sports_day.jpg", "P3019", "P3043")],
        approval=appr("S101", "APP-2026-031")),
    "allow", [])
add(S, ["personal", "image", "gps", "weekend"], "GPS in a personal image, no pupils: own_personal_information.",
    per("Sunday stroll 🥾⛰️", "S103", platform="instagram", at=SM_SUN_BST, images=[img("images/walk_gps.jpg")]),
    "advise", [OWN])
add(S, ["personal", "image", "gps", "weekend", "approval"], "GPS + pupils with approval: pupil images satisfied, GPS advice remains.",
    per("DofE practice expedition done 🏕️", "S103", platform="instagram", at=SM_SUN_BST, images=[img("images/garden_gps.jpg", "P3020", "P3023")],
        approval=appr("S101", "APP-2026-044")),
    "advise", [OWN])
add(S, ["personal", "image", "corrupt_image", "weekend"], "Corrupt file, but the listed pupil is still judged.",
    per("Art club masterpiece 🎨", "S107", platform="instagram", at=SM_SAT_BST2, images=[img("images/corrupt.jpg", "P3040")]),
    "block", [PIP])
add(S, ["personal", "image", "missing_image", "weekend"], "Missing file, listed pupils still judged.",
    per("Choir tour memories 🎶", "S105", platform="facebook", at=SM_SAT_GMT, images=[img("images/missing_photo.jpg", "P3008", "P3022")]),
    "block", [PIP])
add(S, ["personal", "image", "weekend", "clean"], "Plain image, no pupils.",
    per("This one has decided the sofa is hers now 🐶", "S105", platform="instagram", at=SM_SAT_GMT, images=[img("images/my_dog.jpg")]),
    "allow", [])
add(S, ["personal", "share", "full_name", "weekend"], "Sharing content that names a pupil: discuss + likes_and_shares (reach2).",
    per("Massive congratulations to Kwame Asante on his Durham offer!! 🎓", "S102", kind="share", at=SM_SAT_BST),
    "block", [DSC, LAS])
add(S, ["personal", "like", "clean"], "Liking a clean post.",
    per("Kelsworth Rovers 3-1 Ashby Town ⚽ what a night!", "S104", kind="like", platform="facebook"),
    "allow", [])
add(S, ["personal", "like", "first_name"], "Liking a post that names a pupil (Kwame, non-word name).",
    per("Kwame's 100m time at the county trials 🔥", "S106", kind="like", platform="instagram"),
    "block", [DSC, LAS])

# ---- contact, reach2 ----
add(S, ["personal", "friend_request", "pupil"], "Friend request sent to a current pupil.",
    fr("S106", {"kind": "pupil", "pupil_id": "P3022", "direction": "sent"}, at=SM_AFTER_GMT),
    "escalate", [PFR])
add(S, ["personal", "friend_request", "pupil", "adult"], "Current Year 13 pupil who is already 18: still a current pupil.",
    fr("S102", {"kind": "pupil", "pupil_id": "P3013", "direction": "received"}, at=SM_SAT_BST),
    "escalate", [PFR])
add(S, ["personal", "friend_request", "pupil", "relative", "clean"], "reach2 family exception: the pupil is the author's niece.",
    fr("S108", {"kind": "pupil", "pupil_id": "P3044", "relative": True, "direction": "accepted"}, at=SM_SUN_BST),
    "allow", [])
add(S, ["personal", "friend_request", "former_pupil", "under_18", "age_from_roster"], "Former pupil aged 16 (roster DOB): reach2 under-18 rule.",
    fr("S104", {"kind": "former_pupil", "pupil_id": "P3901", "direction": "accepted"}, at=SM_SAT_BST),
    "escalate", [EXP])
add(S, ["personal", "friend_request", "former_pupil", "adult", "age_from_roster", "clean"], "Former pupil aged 22: allowed under reach2.",
    fr("S104", {"kind": "former_pupil", "pupil_id": "P3902", "direction": "accepted"}, at=SM_SAT_BST),
    "allow", [])
add(S, ["personal", "friend_request", "former_pupil", "under_18", "age_from_roster"], "Tyrone Baptiste (born 15/05/2008) is 17 on 10 March 2026.",
    fr("S106", {"kind": "former_pupil", "pupil_id": "P3903", "direction": "received"}, at="2026-03-10T19:30:00+00:00"),
    "escalate", [EXP])
add(S, ["personal", "friend_request", "former_pupil", "adult", "age_from_roster", "clean"], "Same former pupil is 18 on 20 June 2026.",
    fr("S106", {"kind": "former_pupil", "pupil_id": "P3903", "direction": "received"}, at="2026-06-20T19:30:00+01:00"),
    "allow", [])
add(S, ["personal", "friend_request", "former_pupil", "under_18", "age_from_counterpart"], "Former pupil not on roster, counterpart.age 16.",
    fr("S105", {"kind": "former_pupil", "age": 16, "direction": "received"}, platform="instagram", at=SM_SUN_Z),
    "escalate", [EXP])
add(S, ["personal", "friend_request", "former_pupil", "adult", "age_from_counterpart", "clean"], "Former pupil not on roster, counterpart.age 19.",
    fr("S105", {"kind": "former_pupil", "age": 19, "direction": "received"}, platform="instagram", at=SM_SUN_Z),
    "allow", [])
add(S, ["personal", "friend_request", "former_pupil", "adult", "age_from_counterpart", "clean"], "Roster DOB empty (Jordan Mackie); counterpart.age 21.",
    fr("S109", {"kind": "former_pupil", "pupil_id": "P3906", "age": 21, "direction": "accepted"}, platform="linkedin", at=SM_AFTER_BST2),
    "allow", [])
add(S, ["personal", "message", "pupil", "relabelled_s20"], "Message to a current pupil: pupil_personal_contact. (Session 20: also contact.personal_channels_official_business: school business, the pupil's mocks, on a personal account, REAch2 5.2, as three outside readers label it.)",
    msg("Good luck in your mocks tomorrow! 🍀", "S107", {"kind": "pupil", "pupil_id": "P3020", "direction": "sent"}, at=SM_AFTER_GMT),
    "escalate", [PPC, "contact.personal_channels_official_business"])
add(S, ["personal", "message", "pupil", "relative", "clean"], "Message to a pupil who is family: reach2 exception.",
    msg("See you at Nana's on Sunday – bring the Uno cards 🃏", "S108", {"kind": "pupil", "pupil_id": "P3044", "relative": True, "direction": "sent"}, at=SM_AFTER_BST),
    "allow", [])
add(S, ["personal", "message", "pupil", "social_handle", "add_me_offer", "relabelled_s20"], "Insta offer to a pupil: contact chain -> pupil_personal_contact (same rule). (Session 20: also contact.personal_channels_official_business: school business, revision notes, on a personal account, REAch2 5.2.)",
    msg("add me on insta if you want the revision notes – @mrhughes_geog 👍", "S106", {"kind": "pupil", "pupil_id": "P3019", "direction": "sent"}, platform="instagram", at=SM_AFTER_BST2),
    "escalate", [PPC, "contact.personal_channels_official_business"])
add(S, ["personal", "message", "parent", "phone", "mobile"], "Mobile number to a parent: chain -> pupil_personal_contact in reach2.",
    msg("No problem at all – ring me on 07700 900655 if the bus is late again", "S105", {"kind": "parent", "pupil_id": "P3028", "direction": "sent"}, at=SM_AFTER_BST),
    "escalate", [PPC])
add(S, ["personal", "message", "parent", "clean"], "Plain message to a parent.",
    msg("Thanks so much for the flowers, they're gorgeous 💐", "S105", {"kind": "parent", "pupil_id": "P3028", "direction": "sent"}, at=SM_AFTER_BST2),
    "allow", [])
add(S, ["personal", "comment", "pupil"], "Comment on a pupil's post.",
    msg("Congrats!! 🎉", "S104", {"kind": "pupil", "pupil_id": "P3045", "direction": "sent"}, platform="instagram", kind="comment", at=SM_SAT_BST2),
    "escalate", [PPC])
add(S, ["personal", "message", "former_pupil", "under_18", "add_me_offer", "age_from_roster"], "Former pupil aged 16 + WhatsApp offer: ex_pupil_connection and (chain) pupil_personal_contact.",
    msg("Add me on WhatsApp and I'll send you the college links 👍", "S103", {"kind": "former_pupil", "pupil_id": "P3905", "direction": "sent"}, platform="facebook", at=SM_AFTER_GMT),
    "escalate", [EXP, PPC])
add(S, ["personal", "message", "former_pupil", "adult", "add_me_offer", "age_from_roster", "clean"], "Adult former pupil: no reach2 rule; contact-detail rule only covers under-18s.",
    msg("So good to hear from you! add me on snap and send pics of the new flat 🏠", "S107", {"kind": "former_pupil", "pupil_id": "P3904", "direction": "sent"}, platform="snapchat", at=SM_SAT_BST2),
    "allow", [])
add(S, ["personal", "message", "colleague", "clean"], "Message to a colleague.",
    msg("Can you cover my Year 9 duty on Thursday? I'll owe you a brew ☕", "S106", {"kind": "colleague", "direction": "sent"}, at=SM_AFTER_BST),
    "allow", [])
add(S, ["personal", "friend_request", "parent", "clean"], "Parent friend request: reach2 permits friends who are parents.",
    fr("S107", {"kind": "parent", "pupil_id": "P3032", "direction": "accepted"}, at=SM_SAT_BST),
    "allow", [])
add(S, ["personal", "comment", "public", "weekend", "clean"], "Comment to the public.",
    msg("Looks amazing! Which campsite is that? ⛺", "S109", {"kind": "public"}, platform="facebook", kind="comment", at=SM_SUN_BST),
    "allow", [])

# ---- profiles, reach2 ----
add(S, ["profile", "profile_handle"], "School alias in handle: adopted advice.",
    prof("S102", {"handle": "@MrOkoro_StMarys", "display_name": "Michael Okoro", "bio": "Deputy head. Runner. Dad of 3.", "visibility": "friends"}),
    "advise", [SNP])
add(S, ["profile", "profile_display_name"], "Trust alias in display name: adopted advice.",
    prof("S103", {"handle": "@siobhank", "display_name": "Siobhan Kerr | Lumen Trust", "bio": "", "visibility": "private"}, platform="linkedin"),
    "advise", [SNP])
add(S, ["profile", "profile_bio", "clean"], "School in bio: employer_identification not in reach2.",
    prof("S107", {"handle": "@anjali_maths", "display_name": "Anjali", "bio": "Head of Maths at St Mary's Catholic Academy 📐", "visibility": "private"}),
    "allow", [])
add(S, ["profile", "profile_email", "work_email"], "Work email for a personal account: reach2 prohibited.",
    prof("S102", {"handle": "@mike_runs_k", "display_name": "Mike", "email": "m.okoro@stmca.org.uk", "visibility": "private"}, platform="instagram"),
    "block", [WEM])
add(S, ["profile", "profile_email", "work_email"], "Trust-domain email is also a work email.",
    prof("S111", {"handle": "@tunde_b", "display_name": "Tunde Bakare", "email": "t.bakare@lumenlearning.org.uk", "visibility": "friends"}, platform="facebook"),
    "block", [WEM])
add(S, ["profile", "visibility"], "Public profile: privacy_settings advice.",
    prof("S106", {"handle": "@dan_hughes_photo", "display_name": "Dan Hughes", "bio": "Landscapes 📷", "email": "danhughesphoto@gmail.com", "visibility": "public"}, platform="instagram"),
    "advise", [PRV])
add(S, ["profile", "visibility", "clean"], "Private, no school name.",
    prof("S108", {"handle": "@jofaulkner", "display_name": "Jo F", "bio": "Mum of two, tea addict ☕", "visibility": "private"}, platform="facebook"),
    "allow", [])
add(S, ["profile", "visibility", "clean"], "Friends-only, a town name that is not the school.",
    prof("S105", {"handle": "@KelsworthRunner", "display_name": "Bethan", "bio": "Kelsworth Harriers 🏃‍♀️ parkrun addict", "visibility": "friends"}, platform="x"),
    "allow", [])

# ---- more clean, reach2 ----
for text, at, plat, author, tags, note in [
    ("Anyone got a spare Year 9 uniform blazer, age 13-14? Ours has vanished 🙄", SM_SAT_BST, "facebook", "S113", ["number_not_phone"], "Uniform request with ages."),
    ("Order #48210937 STILL hasn't arrived, 11 days later 😤 @CourierCo sort it out", SM_SUN_BST, "x", "S106", ["number_not_phone", "social_handle"], "Order number and a company handle in a post."),
    ("Lovely service at St Mary's church this morning 🕊️ the choir were heavenly", SM_SUN_BST, "facebook", "S108", ["hard_negative"], "A church called St Mary's in a personal post: no rule."),
    ("By the grace of God I survived parents' evening 😅🍷", SM_AFTER_BST2, "x", "S106", ["word_like_name", "ordinary_word_name", "hard_negative"], "'grace' lowercase, no evidence."),
    ("Going to see a Faith No More tribute band tonight 🤘", SM_SAT_BST2, "instagram", "S112", ["word_like_name", "ordinary_word_name", "hard_negative"], "Band name, no evidence."),
    ("Mason jars are the answer to everything in my kitchen 🫙", SM_SUN_BST, "instagram", "S113", ["word_like_name", "ordinary_word_name", "hard_negative"], "Mason jars."),
    ("Hit the road Jack 🎶 karaoke night was a triumph", SM_SAT_GMT, "facebook", "S109", ["word_like_name", "ordinary_word_name", "hard_negative"], "Song lyric, no evidence."),
    ("Ivy League? More like ivy-covered shed. Garden project this weekend 🌿", SM_SAT_BST, "instagram", "S111", ["word_like_name", "ordinary_word_name", "hard_negative"], "Ivy the plant."),
    ("Hope everyone's had a lovely Easter 🐣🌷", "2026-04-05T12:00:00+01:00", "facebook", "S101", ["word_like_name", "ordinary_word_name", "hard_negative"], "'Hope' opening a greeting (Easter Sunday)."),
    ("Ruby wedding anniversary for Mum and Dad today ❤️ 40 years!", SM_SAT_BST2, "facebook", "S113", ["word_like_name", "ordinary_word_name", "number_not_phone", "hard_negative"], "'Ruby wedding' - anniversary."),
    ("What a lovely summer evening for a BBQ 🍔☀️", SM_SUN_BST, "instagram", "S104", ["word_like_name", "ordinary_word_name", "hard_negative"], "'summer' the season."),
    ("3-1 to the Rovers!! Get in 🔴⚪", SM_SAT_GMT, "x", "S104", ["number_not_phone"], "Football score."),
    ("Booked Cornwall for August 🌊 only 143 sleeps to go", SM_SUN_Z, "facebook", "S107", ["number_not_phone"], "Holiday post."),
    ("INSET day tomorrow = alarm set for 6:45 instead of 5:45 😂", SM_SUN_Z, "x", "S108", ["number_not_phone"], "Times."),
    ("Marking 32 mock papers with a cup of tea 🫖 send biscuits", "2026-01-18T16:00:00+00:00", "x", "S106", ["number_not_phone"], "Marking, no names."),
    ("Happy 10th anniversary to my wonderful husband ❤️ 10 years, 2 kids, 1 very spoilt cat", SM_SAT_BST, "facebook", "S103", ["number_not_phone"], "Numbers in a family post."),
    ("Tickets for the PTA quiz are £7.50, or 2 for £12 🧠 Table of 6 max!", SM_AFTER_BST, "facebook", "S113", ["number_not_phone"], "Prices."),
    ("Rose to the occasion at the pub quiz – 2nd place out of 14 teams 🍻", SM_SAT_BST2, "facebook", "S109", ["word_like_name", "ordinary_word_name", "hard_negative"], "'Rose' as a verb."),
]:
    add(S, ["personal", *tags],
        note, per(text, author, platform=plat, at=at), "allow", [])

# ===========================================================================
# ST MARY'S with pack overrides
# ===========================================================================
# ---- auriga ----
A = "auriga"
add(S, ["official", "full_name", "clean", "relabelled_s20"], "auriga: chain ended at personal_info_about_individuals. (Session 20: allow: the pupil's name consent is on record and AURIGA states no full-name or data-protection rule; a consented celebration is no discussion of personal information, as both outside readers under AURIGA label it.)",
    off("Ciara McLaughlin has won the county young musician award 🎻", "S110"), "allow", [], pack=A)
add(S, ["official", "first_name", "ordinary_word_name", "ordinary_word_evidence", "name_consent"], "auriga: first name without consent -> personal_info_about_individuals.",
    off("Well done Ruby for your fantastic Year 10 science fair project 🧪", "S110", platform="facebook"), "block", [PII], pack=A)
add(S, ["official", "name_with_photo", "first_name", "image", "clean"], "auriga: first_name_with_photo has no rule in auriga.",
    off("Leah's clay owl took first prize 🦉", "S110", platform="instagram", images=[img("images/art_display.png", "P3024")]), "allow", [], pack=A)
add(S, ["official", "image", "photo_consent"], "auriga: pupil without photo consent -> personal_info_about_individuals.",
    off("Year 7 cake sale heroes 🧁", "S110", platform="facebook", images=[img("images/concert.jpg", "P3033")]), "block", [PII], pack=A)
add(S, ["official", "image", "photo_consent", "unknown_pupil"], "auriga: unknown pupil together with a no-consent pupil; block either way.",
    off("Orchestra rehearsal 🎺", "S110", images=[img("images/concert.jpg", "P3041", "P3999")]), "block", [PII], pack=A)
add(S, ["official", "image", "gps"], "auriga: GPS -> personal_info_about_individuals.",
    off("Choir tour day 2 🎶", "S110", platform="instagram", images=[img("images/choir_gps.jpg", "P3008", "P3022")]), "block", [PII], pack=A)
add(S, ["official", "image", "device_personal", "recording_device"], "auriga: pupils in images from a personal device.",
    off("Year 8 rounders tournament ☀️", "S104", platform="x", device="personal", images=[img("images/sports_day.jpg", "P3009", "P3037")]), "block", [REC], pack=A)
add(S, ["official", "phone", "mobile"], "auriga: mobile number on an official post.",
    off("Trip update: coach driver's mobile is 07700 900873 if you need him", "S110", platform="facebook"), "block", [PII], pack=A)
add(S, ["official", "school_public_contact", "phone", "clean"], "auriga: school's own number.",
    off("Snow update ❄️ School is OPEN. Any questions ring 01632 960777.", "S110"), "allow", [], pack=A)
add(S, ["personal", "full_name", "weekend"], "auriga: naming a pupil on a personal post -> personal_info_about_individuals.",
    per("Eilidh MacLeod's Highland dancing at the ceilidh last night was class 💃", "S103", at=SM_SAT_BST2), "block", [PII], pack=A)
add(S, ["personal", "employer_identification", "weekend", "clean"], "auriga permits saying where you work.",
    per("I teach at St Mary's and honestly this week's Year 7 made me so proud 💙", "S107", at=SM_SAT_BST), "allow", [], pack=A)
add(S, ["personal", "lesson_time", "gmt"], "auriga: lesson time.",
    per("Sunny but freezing 🥶", "S112", platform="x", at=SM_LESSON_GMT), "block", [HRS], pack=A)
add(S, ["personal", "break_time", "gmt", "clean"], "auriga allows rest breaks.",
    per("Sunny but freezing 🥶", "S112", platform="x", at=SM_BREAK_GMT2), "allow", [], pack=A)
add(S, ["personal", "device_school", "after_school"], "auriga: personal social media on a school device.",
    per("Anyone watching the rugby tonight? 🏉", "S106", at=SM_AFTER_GMT, device="school"), "review", [DEV], pack=A)
add(S, ["personal", "device_school", "after_school", "approval"], "auriga: device rule is needs_approval, satisfied by an approval.",
    per("Anyone watching the rugby tonight? 🏉", "S106", at=SM_AFTER_GMT, device="school", approval=appr("S109", "IT AUP exemption 2026-07")), "allow", [], pack=A)
add(S, ["personal", "image", "weekend"], "auriga: pupil images on a personal account.",
    per("Year 12 art trip to the Tate 🖼️", "S107", platform="instagram", at=SM_SAT_GMT, images=[img("images/art_display.png", "P3042")]), "block", [PIP], pack=A)
add(S, ["personal", "image", "weekend", "approval"], "auriga: approval does not lift a prohibited rule.",
    per("Year 12 art trip to the Tate 🖼️", "S107", platform="instagram", at=SM_SAT_GMT, images=[img("images/art_display.png", "P3042")], approval=appr("S101", "APP-2026-052")), "block", [PIP], pack=A)
add(S, ["personal", "own_info", "dob", "weekend"], "auriga: own DOB, adopted advice.",
    per("Bank wanted my DOB (07/09/1985) three times on one call 🙄", "S109", platform="x", at=SM_SAT_GMT), "advise", [OWN], pack=A)
add(S, ["personal", "friend_request", "pupil"], "auriga: pupil friend request.",
    fr("S112", {"kind": "pupil", "pupil_id": "P3011", "direction": "received"}, at=SM_SAT_BST2), "escalate", [PFR], pack=A)
add(S, ["personal", "friend_request", "pupil", "relative", "clean"], "auriga: immediate family exception.",
    fr("S113", {"kind": "pupil", "pupil_id": "P3035", "relative": True, "direction": "accepted"}, at=SM_SAT_BST2), "allow", [], pack=A)
add(S, ["personal", "friend_request", "former_pupil", "under_18", "age_from_roster", "clean"], "auriga: no former-pupil rule.",
    fr("S104", {"kind": "former_pupil", "pupil_id": "P3901", "direction": "accepted"}, at=SM_SAT_BST), "allow", [], pack=A)
add(S, ["personal", "message", "pupil", "device_personal"], "auriga: pupil contact, from a personal device.",
    msg("Did you get the coursework email? 📧", "S106", {"kind": "pupil", "pupil_id": "P3047", "direction": "sent"}, at=SM_AFTER_BST, device="personal"), "escalate", [PPC, PDC], pack=A)
add(S, ["personal", "message", "pupil", "social_handle", "add_me_offer"], "auriga: contact details to a pupil + pupil contact.",
    msg("add me on snap, it's dan.hughes.geo 👻", "S106", {"kind": "pupil", "pupil_id": "P3038", "direction": "sent"}, platform="snapchat", at=SM_AFTER_BST2), "escalate", [CDP, PPC], pack=A)
add(S, ["personal", "message", "parent", "email"], "auriga: personal email to a parent.",
    msg("Email me at b.o.sewing84@hotmail.co.uk and I'll send the costume pattern 🧵", "S105", {"kind": "parent", "pupil_id": "P3016", "direction": "sent"}, platform="facebook", at=SM_AFTER_BST2), "escalate", [CDP], pack=A)
add(S, ["personal", "friend_request", "parent", "clean"], "auriga: parent friend request, no rule in the table.",
    fr("S105", {"kind": "parent", "pupil_id": "P3016", "direction": "accepted"}, at=SM_SAT_BST), "allow", [], pack=A)
add(S, ["profile", "profile_handle"], "auriga: school name in handle is prohibited.",
    prof("S103", {"handle": "@MrsKerrStMarys", "display_name": "Siobhan Kerr", "bio": "", "visibility": "private"}), "block", [SNP], pack=A)
add(S, ["profile", "profile_bio", "clean"], "auriga permits the school name in a bio.",
    prof("S109", {"handle": "@pquigley", "display_name": "Patrick Quigley", "bio": "Assistant Head at St Mary's Catholic Academy, Kelsworth", "visibility": "friends"}, platform="linkedin"), "allow", [], pack=A)
add(S, ["profile", "profile_email", "work_email"], "auriga: work email for a personal account.",
    prof("S105", {"handle": "@bethanowen", "display_name": "Bethan", "email": "b.owen@stmca.org.uk", "visibility": "private"}, platform="facebook"), "block", [WEM], pack=A)
add(S, ["profile", "visibility"], "auriga: public profile, advice.",
    prof("S112", {"handle": "@karl_j_builds", "display_name": "Karl J", "bio": "Joinery & renovations 🔨", "visibility": "public"}, platform="instagram"), "advise", [PRV], pack=A)
add(S, ["personal", "weekend", "clean"], "auriga: ordinary post.",
    per("Half term = sofa + tea + Bake Off reruns 🍰", "S108", platform="x", at="2026-10-31T15:00:00+00:00"), "allow", [], pack=A)

# ---- staffs_protocol ----
P = "staffs_protocol"
add(S, ["official", "full_name", "case_upper"], "staffs_protocol: full name -> data_protection.",
    off("MASSIVE WELL DONE TO RHYS PRITCHARD – WELSH SCHOOLS RUGBY SQUAD! 🏉🏴", "S110", platform="x"), "block", [DP], pack=P)
add(S, ["official", "first_name", "accent", "name_consent"], "staffs_protocol: first name without consent.",
    off("Beautiful violin solo from Siobhán at the carol service 🎻", "S110", platform="facebook"), "block", [DP], pack=P)
add(S, ["official", "image", "photo_consent"], "staffs_protocol: no photo consent -> data_protection.",
    off("Year 9 netball squad 🏐", "S110", platform="instagram", images=[img("images/form_group.jpg", "P3010", "P3034")]), "block", [DP], pack=P)
add(S, ["official", "image", "gps"], "staffs_protocol: GPS -> data_protection.",
    off("Geography fieldwork day ⛰️", "S110", platform="facebook", images=[img("images/trip_gps.jpg")]), "block", [DP], pack=P)
add(S, ["official", "school_public_contact", "email", "clean"], "staffs_protocol: school email.",
    off("Lost property is in the main office until Friday. Email enquiries@stmca.org.uk 🧥", "S110"), "allow", [], pack=P)
add(S, ["official", "name_with_photo", "first_name", "image", "clean"], "staffs_protocol: no pupil_full_name rule, consent yes.",
    off("Gabe's Lego cathedral is incredible ⛪", "S110", platform="instagram", images=[img("images/art_display.png", "P3017")]), "allow", [], pack=P)
add(S, ["personal", "full_name", "weekend"], "staffs_protocol: discuss_school_community (prohibited).",
    per("Niamh Fitzpatrick got into RADA!!! 🎭 so proud", "S105", at=SM_SAT_GMT), "block", [DSC], pack=P)
add(S, ["personal", "lesson_time", "bst"], "staffs_protocol: lesson time.",
    per("Fire drill in the rain 🌧️ classic", "S108", platform="x", at=SM_LESSON_BST2), "block", [HRS], pack=P)
add(S, ["personal", "break_time", "bst"], "staffs_protocol: no personal use at work, breaks included.",
    per("Fire drill in the rain 🌧️ classic", "S108", platform="x", at=SM_BREAK_BST), "block", [HRS], pack=P)
add(S, ["personal", "after_school", "clean"], "staffs_protocol: after school.",
    per("Fire drill in the rain earlier 🌧️ classic. Now: bath.", "S108", platform="x", at=SM_AFTER_BST), "allow", [], pack=P)
add(S, ["personal", "device_school", "after_school"], "staffs_protocol: school device -> school_device_social_access.",
    per("Who's coming to the quiz on Friday? 🧠", "S109", at=SM_AFTER_BST2, device="school"), "review", [DEV], pack=P)
add(S, ["personal", "device_school", "after_school", "approval"], "staffs_protocol: written permission on record satisfies it.",
    per("Who's coming to the quiz on Friday? 🧠", "S109", at=SM_AFTER_BST2, device="school", approval=appr("S101", "written permission 09/2026")), "allow", [], pack=P)
add(S, ["personal", "employer_identification", "weekend", "relabelled_s20"], "staffs_protocol: stating your workplace, advice." + " (Session 20: also content.discuss_school_community: the protocol's opening line bans comments on anything related to the Trust, read as the catalogue records it and three outside readers label it.)",
    per("Proud to say I teach at St Mary's – best job in the world 🙌", "S104", at=SM_SUN_BST), "block", [EMP, "content.discuss_school_community"], pack=P)
add(S, ["personal", "work_email", "weekend", "relabelled_s20"], "staffs_protocol: work email posted online." + " (Session 20: also content.discuss_school_community: the protocol's opening line bans comments on anything related to the Trust, read as the catalogue records it and three outside readers label it.)",
    per("Year 11 parents: if you need me over the holidays my email is d.hughes@stmca.org.uk 📧", "S106", at=SM_SAT_BST), "block", [WCD, "content.discuss_school_community"], pack=P)
add(S, ["personal", "image", "weekend"], "staffs_protocol: pupil images -> data_protection.",
    per("Our Year 13 leavers 😭💙", "S106", platform="instagram", at=SM_SAT_BST2, images=[img("images/form_group.jpg", "P3030", "P3039")]), "block", [DP], pack=P)
add(S, ["personal", "own_info", "street_address", "postcode", "weekend"], "staffs_protocol: own address.",
    per("Housewarming Saturday from 7! 🎉 Flat 2, 19 Weaver Street, Kelsworth KE7 1AS", "S112", at=SM_SUN_BST), "advise", [OWN], pack=P)
add(S, ["personal", "friend_request", "pupil", "relative"], "staffs_protocol: no family exception.",
    fr("S108", {"kind": "pupil", "pupil_id": "P3044", "relative": True, "direction": "accepted"}, at=SM_SUN_BST), "escalate", [PFR], pack=P)
add(S, ["personal", "friend_request", "former_pupil", "adult", "age_from_roster"], "staffs_protocol: former pupils of any age.",
    fr("S101", {"kind": "former_pupil", "pupil_id": "P3907", "direction": "accepted"}, platform="linkedin", at=SM_AFTER_BST), "escalate", [EXP], pack=P)
add(S, ["personal", "message", "pupil", "device_personal"], "staffs_protocol: pupil contact from a personal device.",
    msg("Can you bring your trainers tomorrow for the photo?", "S104", {"kind": "pupil", "pupil_id": "P3003", "direction": "sent"}, at=SM_AFTER_GMT, device="personal"), "escalate", [PPC, PDC], pack=P)
add(S, ["personal", "message", "pupil", "phone", "mobile"], "staffs_protocol: mobile number to a pupil.",
    msg("If you get lost at the museum ring me on 07700 900199", "S107", {"kind": "pupil", "pupil_id": "P3032", "direction": "sent"}, platform="whatsapp", at=SM_AFTER_BST), "escalate", [CDP, PPC], pack=P)
add(S, ["personal", "friend_request", "parent"], "staffs_protocol: parent friend request needs agreement.",
    fr("S107", {"kind": "parent", "pupil_id": "P3011", "direction": "accepted"}, at=SM_SAT_BST2), "review", [FAM], pack=P)
add(S, ["personal", "friend_request", "parent", "approval"], "staffs_protocol: agreed in advance.",
    fr("S107", {"kind": "parent", "pupil_id": "P3011", "direction": "accepted"}, at=SM_SAT_BST2, approval=appr("S101", "agreed 03/10/2026")), "allow", [], pack=P)
add(S, ["personal", "share", "full_name", "weekend"], "staffs_protocol: sharing content that names a pupil.",
    per("Kelsworth Gazette: Local teen Declan Byrne wins national coding prize 💻", "S109", kind="share", at=SM_SAT_BST), "block", [DSC, LAS], pack=P)
add(S, ["personal", "like", "clean"], "staffs_protocol: liking a clean post.",
    per("Sunrise over the reservoir this morning 🌅", "S109", kind="like", platform="instagram"), "allow", [], pack=P)
add(S, ["profile", "visibility"], "staffs_protocol: public profile is prohibited.",
    prof("S108", {"handle": "@jo.f.crafts", "display_name": "Jo Faulkner", "bio": "Knitting 🧶", "visibility": "public"}, platform="instagram"), "block", [PRV], pack=P)
add(S, ["profile", "profile_handle"], "staffs_protocol: school alias in handle, adopted advice.",
    prof("S106", {"handle": "@SMCA_Geog_Hughes", "display_name": "Mr Hughes", "bio": "", "visibility": "friends"}), "advise", [SNP], pack=P)
add(S, ["profile", "profile_bio"], "staffs_protocol: school in bio -> employer_identification advice.",
    prof("S107", {"handle": "@anjali_m", "display_name": "Anjali", "bio": "Maths teacher at St Mary's Academy 📐", "visibility": "private"}, platform="x"), "advise", [EMP], pack=P)
add(S, ["profile", "profile_email", "work_email"], "staffs_protocol: work email for account, adopted advice.",
    prof("S106", {"handle": "@danh", "display_name": "Dan", "email": "d.hughes@stmca.org.uk", "visibility": "private"}, platform="facebook"), "advise", [WEM], pack=P)
add(S, ["profile", "profile_bio", "work_email"], "staffs_protocol: work email in the bio.",
    prof("S107", {"handle": "@anjali_history", "display_name": "Anjali", "bio": "History nerd 🏰 contact: a.mistry@stmca.org.uk", "visibility": "friends"}, platform="x"), "block", [WCD], pack=P)
add(S, ["profile", "profile_bio", "phone", "school_public_contact"], "staffs_protocol: school phone in the bio.",
    prof("S110", {"handle": "@lorraine_b", "display_name": "Lorraine", "bio": "Office queries 01632 960777 (weekdays)", "visibility": "friends"}, platform="facebook"), "block", [WCD], pack=P)
add(S, ["profile", "visibility", "clean"], "staffs_protocol: private, nothing school-related.",
    prof("S112", {"handle": "@karlj", "display_name": "Karl", "bio": "Spurs till I die ⚽", "visibility": "private"}, platform="x"), "allow", [], pack=P)

# ---- holbrook ----
H = "holbrook"
add(S, ["official", "full_name", "accent"], "holbrook: pupil_full_name.",
    off("Élodie Marchand's French poem won the regional prize 🇫🇷", "S110", platform="facebook"), "block", [PFN], pack=H)
add(S, ["official", "name_with_photo", "preferred_name", "image"], "holbrook: first_name_with_photo is needs_approval (preferred name Hattie).",
    off("Hattie's sculpture is now on display in reception 🗿", "S110", platform="instagram", images=[img("images/art_display.png", "P3027")]), "review", [PFN], pack=H)
add(S, ["official", "name_with_photo", "first_name", "image", "approval"], "holbrook: the needs_approval finding is satisfied by an approval.",
    off("Hattie's sculpture is now on display in reception 🗿", "S110", platform="instagram", images=[img("images/art_display.png", "P3027")],
        approval=appr("S101", "parent agreed 14/10")), "allow", [], pack=H)
add(S, ["official", "first_name", "name_consent"], "holbrook: first name without consent -> data_protection.",
    off("Aoife read beautifully at the Remembrance service 🌺", "S110"), "block", [DP], pack=H)
add(S, ["official", "image", "photo_consent"], "holbrook: no photo consent -> data_protection.",
    off("Year 12 biology field trip 🐸", "S110", platform="instagram", images=[img("images/y7_science.jpg", "P3036")]), "block", [DP], pack=H)
add(S, ["official", "image", "gps"], "holbrook: GPS -> official_personal_data.",
    off("Choir tour day 1 🎶", "S110", platform="facebook", images=[img("images/choir_gps.jpg")]), "block", [OPD], pack=H)
add(S, ["official", "email"], "holbrook: personal email on an official post.",
    off("Year 13 yearbook photos: send them to smca.yearbook26@gmail.com by Friday 📸", "S110", platform="instagram"), "block", [OPD], pack=H)
add(S, ["official", "image", "device_personal", "clean"], "holbrook: no recording-devices rule.",
    off("Year 7 rounders ☀️", "S104", platform="x", device="personal", images=[img("images/sports_day.jpg", "P3031", "P3046")]), "allow", [], pack=H)
add(S, ["official", "school_public_contact", "street_address", "postcode", "phone", "clean"], "holbrook: school's own contacts.",
    off("Visit us: Convent Road, Kelsworth, KE7 3PL. Tel 01632 960777 🏫", "S110", platform="facebook"), "allow", [], pack=H)
add(S, ["personal", "first_name", "weekend"], "holbrook: naming a pupil (non-word first name) -> personal_info_about_individuals.",
    per("Ishaan's science fair volcano nearly took the roof off 😂🌋", "S107", at=SM_SAT_BST), "block", [PII], pack=H)
add(S, ["personal", "employer_identification", "weekend"], "holbrook: identifying as an employee is prohibited.",
    per("I work at St Mary's and I'm running the Kelsworth 10k for the school minibus fund 🏃‍♂️", "S109", at=SM_SAT_BST2), "block", [EMP], pack=H)
add(S, ["personal", "employer_identification", "weekend"], "holbrook: 'teacher at <school>'.",
    per("Proud RE teacher at St Mary's Catholic Academy 🙏", "S105", at=SM_SUN_BST), "block", [EMP], pack=H)
add(S, ["personal", "lesson_time", "gmt"], "holbrook: lesson time.",
    per("Snow day please ❄️🙏", "S108", platform="x", at="2026-01-13T09:40:00+00:00"), "block", [HRS], pack=H)
add(S, ["personal", "break_time", "gmt", "clean"], "holbrook: breaks not covered.",
    per("Snow day please ❄️🙏", "S108", platform="x", at="2026-01-13T10:55:00+00:00"), "allow", [], pack=H)
add(S, ["personal", "device_school", "after_school", "clean"], "holbrook: no device rule.",
    per("Pancake day!! 🥞 lemon and sugar all the way", "S113", at="2026-02-17T18:30:00+00:00", device="school"), "allow", [], pack=H)
add(S, ["personal", "image", "weekend", "approval"], "holbrook: pupil images, approval doesn't help (prohibited).",
    per("Drama club's final bow 🎭", "S105", platform="instagram", at=SM_SAT_BST, images=[img("images/concert.jpg", "P3018")], approval=appr("S101", "APP-2026-060")), "block", [PIP], pack=H)
add(S, ["personal", "own_info", "phone", "landline", "weekend"], "holbrook: own landline.",
    per("Broadband's down, so it's the landline or nothing: (01632) 960431 ☎️", "S111", at=SM_SAT_GMT), "advise", [OWN], pack=H)
add(S, ["personal", "friend_request", "pupil"], "holbrook: pupil friend request.",
    fr("S113", {"kind": "pupil", "pupil_id": "P3026", "direction": "sent"}, platform="instagram", at=SM_AFTER_GMT), "escalate", [PFR], pack=H)
add(S, ["personal", "friend_request", "pupil", "relative", "clean"], "holbrook: family exception.",
    fr("S113", {"kind": "pupil", "pupil_id": "P3035", "relative": True, "direction": "accepted"}, at=SM_SUN_BST), "allow", [], pack=H)
add(S, ["personal", "friend_request", "former_pupil", "under_18", "age_from_roster", "clean"], "holbrook: no former-pupil finding.",
    fr("S104", {"kind": "former_pupil", "pupil_id": "P3905", "direction": "accepted"}, at=SM_SAT_BST), "allow", [], pack=H)
add(S, ["personal", "message", "pupil"], "holbrook: pupil contact.",
    msg("Are you ok? You seemed quiet today", "S103", {"kind": "pupil", "pupil_id": "P3012", "direction": "sent"}, platform="instagram", at=SM_AFTER_GMT), "escalate", [PPC], pack=H)
add(S, ["personal", "message", "pupil", "email"], "holbrook: personal email to a pupil -> chain ends at pupil_personal_contact.",
    msg("Send your draft to my gmail, anjali.m.maths@gmail.com, and I'll look tonight", "S107", {"kind": "pupil", "pupil_id": "P3047", "direction": "sent"}, platform="whatsapp", at=SM_AFTER_BST), "escalate", [PPC], pack=H)
add(S, ["personal", "friend_request", "parent"], "holbrook: parent connection -> pupil_family_connections.",
    fr("S105", {"kind": "parent", "pupil_id": "P3009", "direction": "accepted"}, at=SM_SAT_GMT), "review", [FAM], pack=H)
add(S, ["personal", "friend_request", "parent", "approval"], "holbrook: with an approval on record.",
    fr("S105", {"kind": "parent", "pupil_id": "P3009", "direction": "accepted"}, at=SM_SAT_GMT, approval=appr("S101", "no conflict: not in class")), "allow", [], pack=H)
add(S, ["personal", "share", "full_name", "weekend"], "holbrook: share of named content; no likes_and_shares rule.",
    per("Kelsworth Gazette: Declan Byrne wins national coding prize 💻", "S109", kind="share", at=SM_SAT_BST), "block", [PII], pack=H)
add(S, ["profile", "profile_handle"], "holbrook: school in handle -> employer_identification (prohibited).",
    prof("S107", {"handle": "@MissMistry_SMCA", "display_name": "Miss Mistry", "bio": "", "visibility": "private"}), "block", [EMP], pack=H)
add(S, ["profile", "profile_bio"], "holbrook: school in bio -> employer_identification.",
    prof("S109", {"handle": "@pq_runs", "display_name": "Pat", "bio": "Assistant head @ St Mary's Kelsworth | runner", "visibility": "friends"}, platform="x"), "block", [EMP], pack=H)
add(S, ["profile", "profile_email", "work_email"], "holbrook: work email.",
    prof("S113", {"handle": "@ellie_g", "display_name": "Ellie", "email": "e.grace@stmca.org.uk", "visibility": "friends"}, platform="facebook"), "block", [WEM], pack=H)
add(S, ["profile", "visibility"], "holbrook: public, advice.",
    prof("S111", {"handle": "@tundebakare", "display_name": "Tunde Bakare", "bio": "Accountant. Father. Reader.", "visibility": "public"}, platform="linkedin"), "advise", [PRV], pack=H)
add(S, ["profile", "visibility", "clean"], "holbrook: private, nothing school-related.",
    prof("S101", {"handle": "@cathd", "display_name": "Cath", "bio": "Walking, wine, Wordle 🍷", "visibility": "private"}, platform="facebook"), "allow", [], pack=H)

# ---- tpat on St Mary's ----
T = "tpat"
add(S, ["official", "name_with_photo", "first_name", "image"], "tpat: first_name_with_photo, advice. (Session 20: allow: TPAT's rule is about full names, 'first names tolerated by implication' (the catalogue), as two outside readers label it.)",
    off("Callum's model of the Forth Bridge 🌉", "S110", platform="instagram", images=[img("images/art_display.png", "P3043")]), "allow", [], pack=T)
add(S, ["official", "image", "unknown_pupil"], "tpat: unknown pupil id -> pupil_image_consent needs_approval.",
    off("Welcome to our new Year 7 starters! 👋", "S110", platform="facebook", images=[img("images/form_group.jpg", "P3998")]), "review", [PIC], pack=T)
add(S, ["official", "image", "photo_consent"], "tpat: pupil without photo consent.",
    off("Cross-country champions 🏆", "S110", images=[img("images/sports_day.jpg", "P3041", "P3023")]), "block", [PIC], pack=T)
add(S, ["official", "image", "photo_consent", "corrupt_image"], "tpat: corrupt file, pupil without consent still judged.",
    off("Year 9 drama showcase 🎭", "S110", platform="facebook", images=[img("images/corrupt.jpg", "P3016")]), "block", [PIC], pack=T)
add(S, ["official", "image", "device_personal", "recording_device"], "tpat: pupils from a personal device.",
    off("Year 13 leavers' Mass 🙏", "S109", platform="facebook", device="personal", images=[img("images/concert.jpg", "P3030", "P3039")]), "block", [REC], pack=T)
add(S, ["official", "image", "gps"], "tpat: GPS -> official_personal_data.",
    off("Walking the Camino for charity – day 3! 🥾", "S110", platform="instagram", images=[img("images/walk_gps.jpg")]), "block", [OPD], pack=T)
add(S, ["official", "first_name", "shared_first_name", "ordinary_word_evidence", "name_consent"], "tpat: 'Owen' alone -> Owen Barker (consent no).",
    off("Congratulations to Owen on his Young Engineer award 🛠️", "S110"), "block", [DP], pack=T)
add(S, ["official", "full_name", "preferred_name"], "tpat: preferred name Chi + surname.",
    off("Chi Eze has been named Kelsworth Young Volunteer of the Year 💛", "S110", platform="facebook"), "block", [PFN], pack=T)
add(S, ["personal", "full_name", "weekend", "scope_tpat", "clean"], "tpat: weekend, out of scope.",
    per("Yasmin El-Amin's speech at the awards night had me in tears 😭👏", "S102", at=SM_SAT_BST2), "allow", [], pack=T)
add(S, ["personal", "full_name", "lesson_time", "scope_tpat", "bst", "utc_z"], "tpat: in lesson time (08:00Z = 09:00 BST).",
    per("Yasmin El-Amin's speech at the awards night had me in tears 😭👏", "S102", at=SM_LESSON_Z_OCT), "block", [DSC, HRS], pack=T)
add(S, ["personal", "break_time", "gmt", "scope_tpat"], "tpat: breaks included.",
    per("Chips on a Friday 🍟 the canteen knows", "S106", platform="x", at=SM_BREAK_GMT2), "block", [HRS], pack=T)
add(S, ["personal", "full_name", "before_school", "scope_tpat", "bst", "utc_z", "clean"], "tpat: 07:15Z = 08:15 BST, before school, personal device.",
    per("Yasmin El-Amin's speech at the awards night had me in tears 😭👏", "S102", at=SM_BEFORE_Z_BST, device="personal"), "allow", [], pack=T)
add(S, ["personal", "full_name", "weekend", "device_school", "scope_tpat"], "tpat: school device brings it into scope.",
    per("Yasmin El-Amin's speech at the awards night had me in tears 😭👏", "S102", at=SM_SAT_BST2, device="school"), "review", [DSC], pack=T)
add(S, ["personal", "image", "break_time", "scope_tpat", "bst"], "tpat: pupil images (data_protection) in a break.",
    per("Bake-off winners 🍰", "S113", platform="instagram", at=SM_BREAK_BST, images=[img("images/form_group.jpg", "P3024")]), "block", [DP, HRS], pack=T)
add(S, ["personal", "friend_request", "former_pupil", "adult", "age_from_roster", "scope_tpat"], "tpat: former pupil aged 20.",
    fr("S106", {"kind": "former_pupil", "pupil_id": "P3904", "direction": "accepted"}, platform="instagram", at=SM_SUN_BST), "escalate", [EXP], pack=T)
add(S, ["personal", "message", "pupil", "phone", "mobile", "weekend", "scope_tpat"], "tpat: number to a pupil -> pupil_friend_request (end of chain); safeguarding, so weekend too.",
    msg("text me on 07700 900412 if you're stuck on the essay", "S105", {"kind": "pupil", "pupil_id": "P3042", "direction": "sent"}, at=SM_SAT_BST), "escalate", [PFR], pack=T)
add(S, ["personal", "message", "pupil", "clean"], "tpat: plain message to a pupil, no tpat rule.",
    msg("Well done today, you were brilliant 👏", "S105", {"kind": "pupil", "pupil_id": "P3042", "direction": "sent"}, at=SM_AFTER_BST), "allow", [], pack=T)
add(S, ["profile", "visibility"], "tpat: public, adopted advice.",
    prof("S104", {"handle": "@gareth_m", "display_name": "Gareth", "bio": "History, hiking, Hendrix", "visibility": "public"}, platform="x"), "advise", [PRV], pack=T)
add(S, ["profile", "profile_email", "work_email"], "tpat: work email, adopted advice.",
    prof("S104", {"handle": "@gareth_m", "display_name": "Gareth", "email": "g.mason@stmca.org.uk", "visibility": "private"}, platform="x"), "advise", [WEM], pack=T)

# ---- handles, more formats, remaining images ----
add(D, ["official", "handle", "first_initial", "name_consent"], "@handle of first name + initial, consent yes: no finding.",
    off("Story of the week by @amelia_h 📚 – look out for it in the newsletter!", "S008", platform="x"),
    "allow", [])
add(S, ["official", "handle", "first_initial", "shared_first_name", "name_consent"], "@owen_b = Owen Barker (name_consent no).",
    off("Great to see @owen_b starting his Nuffield research placement this week 🔬", "S110", platform="x"),
    "escalate", [DP])
add(S, ["personal", "handle", "first_initial"], "@kwame_a (first name + initial) on a personal post.",
    per("Brilliant speech from @kwame_a at the leavers' Mass tonight 👏", "S102", platform="x", at="2026-06-26T19:30:00+01:00"),
    "block", [DSC])
add(S, ["personal", "handle", "first_initial", "ordinary_word_name"], "@ivy_m: ordinary-word first name + initial needs no further evidence.",
    per("Look at this gorgeous bookmark @ivy_m made me 🥹📚", "S107", platform="instagram", at=SM_SAT_BST2),
    "block", [DSC])
add(S, ["official", "intl_phone", "titled_adult"], "staffs_protocol: a US number on an official post -> data_protection.",
    off("Ms Rivera from our New York partner school is on +1 212 555 0147 during the exchange visit 🗽", "S110", platform="facebook"),
    "block", [DP], pack="staffs_protocol")
add(S, ["official", "image", "clean"], "The school's logo, no pupils.",
    off("New term, new website! 🎉 Have a look and tell us what you think.", "S110", platform="facebook", images=[img("images/logo.png")]),
    "allow", [])
add(S, ["personal", "image", "clean"], "Holiday photo, no pupils, no GPS.",
    per("Half term sunshine in Tenby 🏖️ bliss", "S106", platform="instagram", at="2026-05-30T14:00:00+01:00", images=[img("images/beach.png")]),
    "allow", [])
add(S, ["personal", "image", "gps", "lesson_time"], "holbrook: GPS image posted during a lesson: own_personal_information + personal_use_hours.",
    per("New raised beds are in 🌱", "S113", platform="instagram", at=SM_LESSON_BST2, images=[img("images/garden_gps.jpg")]),
    "block", [OWN, HRS], pack="holbrook")

# fmt: on


def main():
    from conventions_s19 import apply  # session 19's conventions (see that file)

    out = HERE / "cases.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for c in CASES:
            f.write(json.dumps(apply(c), ensure_ascii=False) + "\n")
    print(f"wrote {len(CASES)} cases to {out}")


if __name__ == "__main__":
    main()

"""From evidence to findings under each pack: every row of docs/exact-rules.md, across packs.

Each case is one request and, for each of the five packs, the verdict and the set of rule ids
the spec calls for (the fallback chain decides which rule a pack has).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from safepost.contract import CheckResult, parse_request
from safepost.engine import check
from safepost.policy import BUILTIN_PACK_IDS, Pack, builtin_pack, load_pack_file
from safepost.school import School, demo_school_dir, load_school
from tests.conftest import (
    AFTER_SCHOOL,
    BREAK_TIME,
    LESSON_TIME,
    PUPIL_HEADER,
    PUPILS,
    SCHOOL_YAML,
    STAFF,
    STAFF_HEADER,
    WEEKEND,
    rule_ids,
)

RunCheck = Callable[..., CheckResult]

# Rule ids, short.
FULL_NAME = "content.pupil_full_name"
DATA_PROT = "content.data_protection"
PERS_INFO = "content.personal_info_about_individuals"
IMG_CONSENT = "content.pupil_image_consent"
OFF_DATA = "content.official_personal_data"
REC_DEV = "conduct.recording_devices"
DISCUSS = "content.discuss_school_community"
IMG_PERS = "content.pupil_images_personal"
OWN_INFO = "content.own_personal_information"
# Stated by holbrook and the Staffordshire protocol only (the other packs adopted it as advice
# until session 19; outside readers of the policies label no finding where a policy is silent).
OWN_INFO_STATED = {"auriga": ("allow",), "staffs_protocol": ("advise", OWN_INFO), "holbrook": ("advise", OWN_INFO),
                   "tpat": ("allow",), "reach2": ("allow",)}
WORK_CONTACT = "profile.work_contact_details_on_profile"
EMPLOYER = "profile.employer_identification"
HOURS = "conduct.personal_use_hours"
SCHOOL_DEV = "conduct.school_device_social_access"
NAME_IN_PROFILE = "profile.school_name_in_profile_name"
WORK_EMAIL = "profile.work_email_for_personal_account"
PRIVACY = "profile.privacy_settings"
FRIEND = "contact.pupil_friend_request"
EX_PUPIL = "contact.ex_pupil_connection"
PERS_CONTACT = "contact.pupil_personal_contact"
DETAILS_TO_PUPILS = "content.personal_contact_details_to_pupils"
FAMILY = "contact.pupil_family_connections"
DEVICE_CONTACT = "contact.personal_device_pupil_contact"
LIKES = "content.likes_and_shares"

AU, SP, HB, TP, R2 = "auriga", "staffs_protocol", "holbrook", "tpat", "reach2"
ALLOW: tuple[str, ...] = ("allow",)


def same(expected: tuple[str, ...], *packs: str) -> dict[str, tuple[str, ...]]:
    return {pack: expected for pack in packs}


def everywhere(expected: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return same(expected, *BUILTIN_PACK_IDS)


# The official-post fallback chain for personal data, resolved per pack.
OFFICIAL_DATA_CHAIN = {
    AU: ("block", PERS_INFO), SP: ("block", DATA_PROT), HB: ("block", OFF_DATA),
    TP: ("block", OFF_DATA), R2: ("escalate", DATA_PROT),  # reach2: gross misconduct
}
# A pupil named on a personal account.
PERSONAL_NAME_CHAIN = {
    AU: ("block", PERS_INFO), SP: ("block", DISCUSS), HB: ("block", PERS_INFO),
    TP: ("review", DISCUSS), R2: ("block", DISCUSS),
}
CLASS_PHOTO = {"path": "images/class.jpg", "pupils": ["P105"]}  # Ffion: photo and name consent

# (case id, request fields, {pack: (verdict, *rule ids)})
CASES: list[tuple[str, dict[str, Any], dict[str, tuple[str, ...]]]] = [
    # --- official channel ---------------------------------------------------------------
    # (Ffion's name consent is on record: under AURIGA, which states no full-name or data
    # protection rule, a consented full name is no discussion of personal information, and
    # under REAch2 no disclosure "without proper authority"; session 20.)
    ("official-full-name",
     {"channel": "official", "text": "Huge well done to Ffion Harper-Lowe for her poem!"},
     {AU: ALLOW, SP: ("block", DATA_PROT), HB: ("block", FULL_NAME),
      TP: ("block", FULL_NAME), R2: ALLOW}),
    ("official-full-name-hashtag",
     {"channel": "official", "text": "Poetry winner! #FfionHarperLowe"},
     {AU: ALLOW, SP: ("block", DATA_PROT), HB: ("block", FULL_NAME),
      TP: ("block", FULL_NAME), R2: ALLOW}),
    ("official-first-name-no-name-consent",
     {"channel": "official", "text": "Lorcan's model boat won a prize!"},
     {AU: ("block", PERS_INFO), SP: ("block", DATA_PROT), HB: ("block", DATA_PROT),
      TP: ("block", DATA_PROT), R2: ("escalate", DATA_PROT)}),
    ("official-initial-no-name-consent",
     {"channel": "official", "text": "Lorcan F. won a prize!"},
     {AU: ("block", PERS_INFO), SP: ("block", DATA_PROT), HB: ("block", DATA_PROT),
      TP: ("block", DATA_PROT), R2: ("escalate", DATA_PROT)}),
    ("official-first-name-with-consent",
     {"channel": "official", "text": "Sasha read beautifully in assembly."},
     everywhere(ALLOW)),
    ("official-first-name-beside-photo",
     {"channel": "official", "text": "Well done Ffion!", "images": [CLASS_PHOTO]},
     # (TPAT's rule is about full names, first names tolerated: session 20)
     {**same(ALLOW, AU, SP, R2, TP), HB: ("review", FULL_NAME)}),
    ("official-photo-with-consent",
     {"channel": "official", "text": "Year 4 at sports day.", "images": [CLASS_PHOTO], "device": "school"},
     everywhere(ALLOW)),
    ("official-photo-without-consent",
     {"channel": "official", "text": "Year 2 on their trip.",
      "images": [{"path": "images/class.jpg", "pupils": ["P102"]}]},
     {AU: ("block", PERS_INFO), SP: ("block", DATA_PROT), HB: ("block", DATA_PROT),
      TP: ("block", IMG_CONSENT), R2: ("escalate", DATA_PROT)}),
    ("official-photo-unknown-pupil",
     {"channel": "official", "text": "Year 2 on their trip.",
      "images": [{"path": "images/class.jpg", "pupils": ["P999"]}]},
     {AU: ("review", PERS_INFO), SP: ("review", DATA_PROT), HB: ("review", DATA_PROT),
      TP: ("review", IMG_CONSENT), R2: ("review", DATA_PROT)}),
    ("official-photo-missing-file",
     {"channel": "official", "text": "Year 4 at sports day.",
      "images": [{"path": "images/gone.jpg", "pupils": ["P105"]}]},
     everywhere(ALLOW)),
    ("official-gps",
     {"channel": "official", "text": "Our new garden.", "images": [{"path": "images/gps.jpg"}]},
     OFFICIAL_DATA_CHAIN),
    ("official-phone",
     {"channel": "official", "text": "Questions about the trip? Ring 07700 900123."},
     OFFICIAL_DATA_CHAIN),
    ("official-personal-email",
     {"channel": "official", "text": "Send your photos to danfair88@gmail.com please."},
     OFFICIAL_DATA_CHAIN),
    ("official-address",
     {"channel": "official", "text": "Lost property can be collected from 42 Kestrel Close."},
     OFFICIAL_DATA_CHAIN),
    ("official-postcode",
     {"channel": "official", "text": "Coach pick-up is at WB3 9ZZ."},
     OFFICIAL_DATA_CHAIN),
    ("official-date-of-birth",
     {"channel": "official", "text": "Happy birthday Sasha, born on 11/02/2014!"},
     OFFICIAL_DATA_CHAIN),
    ("official-school-contacts",
     {"channel": "official",
      "text": "Ring the office on 01632 960555, email office@larkfield.sch.uk or "
              "d.fairbrother@larkfield.sch.uk, or visit 22 Orchard Road, WB3 7QT."},
     everywhere(ALLOW)),
    ("official-photos-from-personal-device",
     {"channel": "official", "text": "Year 4 at sports day.", "images": [CLASS_PHOTO], "device": "personal"},
     {**same(ALLOW, SP, HB, R2), AU: ("block", REC_DEV), TP: ("block", REC_DEV)}),
    ("official-clean",
     {"channel": "official", "text": "Our Year 6 Nature Walk is on Friday 13 March. Wellies please!"},
     everywhere(ALLOW)),
    # --- personal channel ---------------------------------------------------------------
    ("personal-full-name",
     {"text": "So proud of Ffion Harper-Lowe today"}, PERSONAL_NAME_CHAIN),
    ("personal-first-name-school-setting",
     {"text": "Lorcan was brilliant in the school play tonight"}, PERSONAL_NAME_CHAIN),
    ("personal-first-name-praise",
     {"text": "Well done Sasha, what a performance"}, PERSONAL_NAME_CHAIN),
    ("personal-first-name-no-school-setting",
     {"text": "Lovely lunch with Lorcan today"}, everywhere(ALLOW)),
    # A birthday wish, a greeting or "love you" addresses anyone: no school setting by itself.
    ("personal-first-name-birthday-wish",
     {"text": "Happy birthday Lorcan!! 🥂 have the best night x"}, everywhere(ALLOW)),
    ("personal-first-name-greeting",
     {"text": "Hey Lorcan, long time no see! Love you Sasha x"}, everywhere(ALLOW)),
    # Praise or the pupil's year group alone puts a first name in a school setting.
    ("personal-first-name-praise-alone",
     {"text": "Well done Sasha, so proud x"}, PERSONAL_NAME_CHAIN),
    ("personal-first-name-birthday-wish-with-year-group",
     {"text": "Happy birthday Sasha (Y6) 🎂"}, PERSONAL_NAME_CHAIN),
    ("personal-first-name-birthday-wish-at-school",
     {"text": "Happy birthday Lorcan, the whole class sang to you today"}, PERSONAL_NAME_CHAIN),
    ("personal-first-name-own-people",
     {"text": "Took my nephew Lorcan to the school fair"}, everywhere(ALLOW)),
    ("personal-ordinary-word-name",
     {"text": "Summer is finally here, off to the beach"}, everywhere(ALLOW)),
    # (The Staffordshire protocol bans any comment on the school, its people and its days.)
    ("personal-staff-name",
     {"text": "Thank you Miss Hope and Grace Pemberton for a great inset day"},
     {**same(ALLOW, AU, HB, TP, R2), SP: ("block", DISCUSS)}),
    ("personal-pupil-photo",
     {"text": "Fun day out!", "images": [CLASS_PHOTO]},
     {AU: ("block", IMG_PERS), SP: ("block", DATA_PROT), HB: ("block", IMG_PERS),
      TP: ("block", DATA_PROT), R2: ("block", IMG_PERS)}),
    # A former pupil who is now an adult is no child in a personal photo; one under 18, or of an
    # age nobody knows, still is.
    ("personal-photo-adult-former-pupil",
     {"text": "Reunion drinks!", "at": WEEKEND, "images": [{"path": "images/trip.jpg", "pupils": ["P202"]}]},
     everywhere(ALLOW)),
    ("personal-name-and-photo-adult-former-pupil",
     {"text": "Reunion drinks with Bethany Pickering!", "at": WEEKEND,
      "images": [{"path": "images/trip.jpg", "pupils": ["P202"]}]},
     everywhere(ALLOW)),
    ("personal-name-young-former-pupil",
     {"text": "Lovely to see Connor Blakemore at the reunion", "at": WEEKEND},
     {**PERSONAL_NAME_CHAIN, TP: ALLOW}),  # (a weekend is outside TPAT's whilst-at-work scope)
    ("personal-photo-young-former-pupil",
     {"text": "Reunion!", "at": WEEKEND, "images": [{"path": "images/trip.jpg", "pupils": ["P201"]}]},
     {AU: ("block", IMG_PERS), SP: ("block", DATA_PROT), HB: ("block", IMG_PERS),
      TP: ALLOW, R2: ("block", IMG_PERS)}),
    ("personal-photo-former-pupil-of-unknown-age",
     {"text": "Reunion!", "images": [{"path": "images/trip.jpg", "pupils": ["P203"]}]},
     {AU: ("block", IMG_PERS), SP: ("block", DATA_PROT), HB: ("block", IMG_PERS),
      TP: ("block", DATA_PROT), R2: ("block", IMG_PERS)}),
    ("personal-pupil-photo-approved",
     {"text": "Fun day out!", "images": [CLASS_PHOTO], "approval": {"staff_id": "S01"}},
     {AU: ("block", IMG_PERS), SP: ("block", DATA_PROT), HB: ("block", IMG_PERS),
      TP: ("block", DATA_PROT), R2: ALLOW}),
    ("personal-own-phone",
     {"text": "New number, it's 07700 900123"}, OWN_INFO_STATED),
    ("personal-own-address",
     {"text": "Housewarming at 7 Birch Avenue on Saturday!"}, OWN_INFO_STATED),
    ("personal-own-email",
     {"text": "Message me at danfair88@gmail.com"}, OWN_INFO_STATED),
    ("personal-own-date-of-birth",
     {"text": "I was born on 14/06/1986, feeling old"}, OWN_INFO_STATED),
    ("personal-work-email",
     {"text": "Parents can reach me at d.fairbrother@larkfield.sch.uk"},
     {**same(ALLOW, AU, HB, TP, R2), SP: ("block", WORK_CONTACT)}),
    ("personal-employer",
     {"text": "I teach at Larkfield Primary and I love my job"},
     {**same(ALLOW, AU, TP, R2), HB: ("block", EMPLOYER), SP: ("block", EMPLOYER, DISCUSS)}),
    ("personal-lesson-time",
     {"text": "Lovely walk along the coast", "at": LESSON_TIME}, everywhere(("block", HOURS))),
    ("personal-bank-holiday",  # Easter Monday, 11:00 BST: no school, the member of staff's own time
     {"text": "Lovely walk along the coast", "at": "2026-04-06T10:00:00+00:00"}, everywhere(ALLOW)),
    ("personal-break-time",
     {"text": "Lovely walk along the coast", "at": BREAK_TIME},
     {**same(ALLOW, AU, HB, R2), SP: ("block", HOURS), TP: ("block", HOURS)}),
    ("personal-after-school",
     {"text": "Lovely walk along the coast", "at": AFTER_SCHOOL}, everywhere(ALLOW)),
    ("personal-school-device",
     {"text": "Lovely walk along the coast", "device": "school"},
     {**same(ALLOW, HB, TP, R2), AU: ("review", SCHOOL_DEV), SP: ("review", SCHOOL_DEV)}),
    ("personal-gps",
     {"text": "Our new garden", "images": [{"path": "images/gps.jpg"}]}, OWN_INFO_STATED),
    # --- tpat: personal use is in scope only whilst at work ------------------------------
    ("scope-weekend",
     {"text": "So proud of Ffion Harper-Lowe today", "at": WEEKEND},
     {**PERSONAL_NAME_CHAIN, TP: ALLOW}),
    ("scope-after-school",
     {"text": "So proud of Ffion Harper-Lowe today", "at": AFTER_SCHOOL},
     {**PERSONAL_NAME_CHAIN, TP: ALLOW}),
    ("scope-weekend-school-device",
     {"text": "So proud of Ffion Harper-Lowe today", "at": WEEKEND, "device": "school"},
     {AU: ("block", PERS_INFO, SCHOOL_DEV), SP: ("block", DISCUSS, SCHOOL_DEV), HB: ("block", PERS_INFO),
      TP: ("review", DISCUSS), R2: ("block", DISCUSS)}),
    ("scope-lesson-time",
     {"text": "So proud of Ffion Harper-Lowe today", "at": LESSON_TIME},
     {AU: ("block", PERS_INFO, HOURS), SP: ("block", DISCUSS, HOURS), HB: ("block", PERS_INFO, HOURS),
      TP: ("block", DISCUSS, HOURS), R2: ("block", DISCUSS, HOURS)}),
    ("scope-break",
     {"text": "So proud of Ffion Harper-Lowe today", "at": BREAK_TIME},
     {AU: ("block", PERS_INFO), SP: ("block", DISCUSS, HOURS), HB: ("block", PERS_INFO),
      TP: ("block", DISCUSS, HOURS), R2: ("block", DISCUSS)}),
    ("scope-weekend-own-phone",
     {"text": "New number, it's 07700 900123", "at": WEEKEND},
     OWN_INFO_STATED),
    ("scope-weekend-safeguarding",
     {"kind": "friend_request", "at": WEEKEND, "counterpart": {"kind": "pupil", "pupil_id": "P101"}},
     {**everywhere(("escalate", FRIEND, PERS_CONTACT)), TP: ("escalate", FRIEND)}),
    # --- profiles -----------------------------------------------------------------------
    ("profile-school-in-handle",
     {"kind": "profile", "profile": {"handle": "@MrFairbrotherLarkfield"}},
     {AU: ("block", NAME_IN_PROFILE), SP: ("advise", NAME_IN_PROFILE), HB: ("block", EMPLOYER),
      TP: ("advise", NAME_IN_PROFILE), R2: ("advise", NAME_IN_PROFILE)}),
    ("profile-trust-in-display-name",
     {"kind": "profile", "profile": {"display_name": "Dan F | Heronsgate Trust"}},
     {AU: ("block", NAME_IN_PROFILE), SP: ("advise", NAME_IN_PROFILE), HB: ("block", EMPLOYER),
      TP: ("advise", NAME_IN_PROFILE), R2: ("advise", NAME_IN_PROFILE)}),
    ("profile-school-in-bio",
     {"kind": "profile", "profile": {"bio": "Year 4 teacher at Larkfield Primary. Views my own."}},
     {**same(ALLOW, AU, TP, R2), SP: ("advise", EMPLOYER), HB: ("block", EMPLOYER)}),
    ("profile-work-email",
     {"kind": "profile", "profile": {"email": "d.fairbrother@larkfield.sch.uk"}},
     # (staffs_protocol: its own Appendix 2 item 14, not the adopted advice; session 21)
     {AU: ("block", WORK_EMAIL), SP: ("block", WORK_CONTACT), HB: ("block", WORK_EMAIL),
      TP: ("advise", WORK_EMAIL), R2: ("block", WORK_EMAIL)}),
    ("profile-work-email-in-bio",
     {"kind": "profile", "profile": {"bio": "Runner. Work: d.fairbrother@larkfield.sch.uk"}},
     {**same(ALLOW, AU, HB, TP, R2), SP: ("block", WORK_CONTACT)}),
    ("profile-school-phone-in-bio",
     {"kind": "profile", "profile": {"bio": "Call me at school on 01632 960555"}},
     {**same(ALLOW, AU, HB, TP, R2), SP: ("block", WORK_CONTACT)}),
    # (session 22: four outside readers under holbrook and staffs_protocol label these) one's own
    # mobile, date of birth or home address in one's own bio is shared as a post shares it
    ("profile-own-mobile-in-bio",
     {"kind": "profile", "profile": {"bio": "Piano lessons, all ages. Call/text 07700 900562"}},
     OWN_INFO_STATED),
    ("profile-own-birthday-and-street-in-bio",
     {"kind": "profile", "profile": {"bio": "Born 14/03/1988 🎂 | 12 Mill Lane ST13 5AB"}},
     OWN_INFO_STATED),
    # ... but the school's own published address there is no one's home (session 22 review)
    ("profile-schools-address-in-bio",
     {"kind": "profile", "profile": {"bio": "Runner. Find us at 22 Orchard Road, WB3 7QT"}},
     everywhere(ALLOW)),
    # ... and a town that shares the school's one-word name is no employer: "Mill Lane, Larkfield"
    ("profile-school-named-town-in-bio",
     {"kind": "profile", "profile": {"bio": "Living my best life on Mill Lane, Larkfield 🏡"}},
     everywhere(ALLOW)),
    ("profile-public",
     {"kind": "profile", "profile": {"visibility": "public"}},
     {AU: ("advise", PRIVACY), SP: ("block", PRIVACY), HB: ("advise", PRIVACY),
      TP: ("advise", PRIVACY), R2: ("advise", PRIVACY)}),
    ("profile-clean",
     {"kind": "profile", "profile": {"handle": "@dan_runs", "display_name": "Dan", "bio": "Runner. Dad.",
                                     "email": "danfair88@gmail.com", "visibility": "friends"}},
     everywhere(ALLOW)),
    # --- contact with pupils, former pupils and parents --------------------------------
    ("friend-request-pupil",
     {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P101", "direction": "received"}},
     everywhere(("escalate", FRIEND))),
    # (session 22: a request sent, or one accepted, makes the connection: personal contact too,
    # where the pack states that rule; TPAT does not)
    ("friend-request-pupil-sent",
     {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P101", "direction": "sent"}},
     {**everywhere(("escalate", FRIEND, PERS_CONTACT)), TP: ("escalate", FRIEND)}),
    ("friend-request-pupil-relative",
     {"kind": "friend_request",
      "counterpart": {"kind": "pupil", "pupil_id": "P101", "relative": True, "direction": "accepted"}},
     {**same(("escalate", FRIEND), SP, TP), **same(ALLOW, AU, HB, R2)}),
    ("friend-request-pupil-approved",
     {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P101"},
      "approval": {"staff_id": "S01", "reference": "HT-14"}},
     {**everywhere(("escalate", FRIEND)), SP: ALLOW}),
    ("friend-request-adult-former-pupil",
     {"kind": "friend_request", "at": WEEKEND, "counterpart": {"kind": "former_pupil", "pupil_id": "P202"}},
     {**same(ALLOW, AU, HB, R2), SP: ("escalate", EX_PUPIL), TP: ("escalate", EX_PUPIL)}),
    ("friend-request-former-pupil-under-18-roster",
     {"kind": "friend_request", "at": WEEKEND, "counterpart": {"kind": "former_pupil", "pupil_id": "P201"}},
     {**same(ALLOW, AU, HB), SP: ("escalate", EX_PUPIL), TP: ("escalate", EX_PUPIL), R2: ("escalate", EX_PUPIL)}),
    ("friend-request-former-pupil-age-16",
     {"kind": "friend_request", "counterpart": {"kind": "former_pupil", "age": 16}},
     {**same(ALLOW, AU, HB), SP: ("escalate", EX_PUPIL), TP: ("escalate", EX_PUPIL), R2: ("escalate", EX_PUPIL)}),
    ("friend-request-former-pupil-age-18",
     {"kind": "friend_request", "counterpart": {"kind": "former_pupil", "age": 18}},
     {**same(ALLOW, AU, HB, R2), SP: ("escalate", EX_PUPIL), TP: ("escalate", EX_PUPIL)}),
    ("friend-request-roster-says-former",
     {"kind": "friend_request", "counterpart": {"kind": "pupil", "pupil_id": "P202"}},
     {**same(ALLOW, AU, HB, R2), SP: ("escalate", EX_PUPIL), TP: ("escalate", EX_PUPIL)}),
    ("message-pupil",
     {"kind": "message", "text": "See you at football tomorrow",
      "counterpart": {"kind": "pupil", "pupil_id": "P101"}},
     {**everywhere(("escalate", PERS_CONTACT)), TP: ALLOW}),
    ("comment-pupil",
     {"kind": "comment", "text": "Great goal!", "counterpart": {"kind": "pupil", "pupil_id": "P105"}},
     {**everywhere(("escalate", PERS_CONTACT)), TP: ALLOW}),
    ("message-pupil-relative",
     {"kind": "message", "text": "See you at Nan's on Sunday",
      "counterpart": {"kind": "pupil", "pupil_id": "P101", "relative": True}},
     # (a parent's own messages to their child: no "interaction outside of the working
     # relationship" under the Staffordshire protocol either; session 21)
     same(ALLOW, AU, HB, R2, TP, SP)),
    ("message-adult-former-pupil",
     {"kind": "message", "text": "Congratulations on your graduation!",
      "counterpart": {"kind": "former_pupil", "pupil_id": "P202"}},
     {**same(ALLOW, AU, HB, R2), SP: ("escalate", EX_PUPIL), TP: ("escalate", EX_PUPIL)}),
    ("message-pupil-contact-offer",
     {"kind": "message", "text": "add me on snap its dan_f88",
      "counterpart": {"kind": "pupil", "pupil_id": "P101", "direction": "sent"}},
     {AU: ("escalate", DETAILS_TO_PUPILS, PERS_CONTACT), SP: ("escalate", DETAILS_TO_PUPILS, PERS_CONTACT),
      HB: ("escalate", PERS_CONTACT), TP: ("escalate", FRIEND), R2: ("escalate", PERS_CONTACT)}),
    ("message-parent-phone",
     {"kind": "message", "text": "Text me on 07700 900123 about Renée's homework",
      "counterpart": {"kind": "parent", "pupil_id": "P104"}},
     # (REAch2 5.2: homework is school business, kept off personal phones; session 20)
     {AU: ("escalate", DETAILS_TO_PUPILS), SP: ("escalate", DETAILS_TO_PUPILS),
      HB: ("escalate", PERS_CONTACT), TP: ("escalate", FRIEND),
      R2: ("escalate", PERS_CONTACT, "contact.personal_channels_official_business")}),
    ("message-adult-former-pupil-phone",
     {"kind": "message", "text": "New number: 07700 900123",
      "counterpart": {"kind": "former_pupil", "pupil_id": "P202"}},
     # A private message shares nothing publicly: own_personal_information is about posts.
     {**same(ALLOW, AU, HB, R2), SP: ("escalate", EX_PUPIL), TP: ("escalate", EX_PUPIL)}),
    ("message-colleague-phone",
     {"kind": "message", "text": "Ring me on 07700 900 122 when you're in",
      "counterpart": {"kind": "colleague"}},
     everywhere(ALLOW)),
    ("share-someone-elses-number",  # the number is Gaynor's, in a post someone else wrote
     {"kind": "share", "text": "FOUND: a set of keys outside the Co-op. Ring Gaynor on 07700 900990"},
     everywhere(ALLOW)),
    ("comment-naming-a-child-to-their-parent",  # public: everyone reads the child's name
     {"kind": "comment", "text": "Well done Ffion Harper-Lowe on her certificate!",
      "counterpart": {"kind": "parent", "pupil_id": "P105"}},
     PERSONAL_NAME_CHAIN),
    ("message-naming-a-child-to-their-parent",  # private, to the child's own family
     {"kind": "message", "text": "Ffion Harper-Lowe did brilliantly today!",
      "counterpart": {"kind": "parent", "pupil_id": "P105"}, "at": AFTER_SCHOOL},
     everywhere(ALLOW)),
    ("comment-to-a-parent-with-own-email",  # to the parent, and published to everyone
     {"kind": "comment", "text": "Happy to send the list over, email me at d.fair88@gmail.com",
      "counterpart": {"kind": "parent", "pupil_id": "P104"}},
     {AU: ("escalate", DETAILS_TO_PUPILS), SP: ("escalate", DETAILS_TO_PUPILS, OWN_INFO),
      HB: ("escalate", PERS_CONTACT, OWN_INFO), TP: ("escalate", FRIEND),
      R2: ("escalate", PERS_CONTACT)}),
    ("share-a-pupils-date-of-birth",  # a pupil's date of birth is theirs, whoever shares it
     {"kind": "share", "text": "Happy birthday to Renée, 30/01/2015 was the best day"},
     {AU: ("block", PERS_INFO), SP: ("block", PERS_INFO, LIKES), HB: ("block", PERS_INFO),
      # (REAch2: an individual matter of the school community too, 3.7; session 22)
      TP: ("block", DATA_PROT), R2: ("block", PERS_INFO, LIKES, DISCUSS)}),
    ("comment-own-phone",
     {"kind": "comment", "text": "Anyone selling a bike? Ring me on 07700 900 122"},
     OWN_INFO_STATED),
    ("message-young-former-pupil-contact-offer",
     {"kind": "message", "text": "add me on snap its dan_f88", "at": WEEKEND,
      "counterpart": {"kind": "former_pupil", "pupil_id": "P201"}},
     {AU: ("escalate", DETAILS_TO_PUPILS), SP: ("escalate", DETAILS_TO_PUPILS, EX_PUPIL),
      HB: ("escalate", PERS_CONTACT), TP: ("escalate", FRIEND, EX_PUPIL), R2: ("escalate", PERS_CONTACT, EX_PUPIL)}),
    ("friend-request-parent",
     {"kind": "friend_request", "counterpart": {"kind": "parent", "pupil_id": "P104"}},
     {**same(ALLOW, AU, TP, R2), SP: ("review", FAMILY), HB: ("review", FAMILY)}),
    # The pack's family exception covers a parent who is the member of staff's own relative.
    ("friend-request-parent-who-is-a-relative",
     {"kind": "friend_request", "counterpart": {"kind": "parent", "pupil_id": "P104", "relative": True}},
     {**same(ALLOW, AU, TP, R2, HB), SP: ("review", FAMILY)}),
    ("friend-request-parent-approved",
     {"kind": "friend_request", "counterpart": {"kind": "parent", "pupil_id": "P104"},
      "approval": {"staff_id": "S01"}},
     everywhere(ALLOW)),
    ("message-pupil-personal-device",
     {"kind": "message", "text": "See you at football tomorrow", "device": "personal",
      "counterpart": {"kind": "pupil", "pupil_id": "P101"}},
     {AU: ("escalate", PERS_CONTACT, DEVICE_CONTACT), SP: ("escalate", PERS_CONTACT, DEVICE_CONTACT),
      HB: ("escalate", PERS_CONTACT), TP: ALLOW, R2: ("escalate", PERS_CONTACT)}),
    ("message-colleague",
     {"kind": "message", "text": "Can you cover my duty?", "counterpart": {"kind": "colleague"}},
     everywhere(ALLOW)),
    # --- likes and shares ---------------------------------------------------------------
    ("like-with-findings",
     {"kind": "like", "text": "Ffion Harper-Lowe was brilliant in the school play"},
     # (REAch2 names "making or sharing" postings: a like is none, session 20; AURIGA and TPAT
     # never mention likes, session 21)
     {AU: ALLOW, SP: ("block", DISCUSS, LIKES), HB: ("block", PERS_INFO), TP: ALLOW, R2: ALLOW}),
    ("share-with-findings",
     {"kind": "share", "text": "So proud of Ffion Harper-Lowe today"},
     {**PERSONAL_NAME_CHAIN, SP: ("block", DISCUSS, LIKES), R2: ("block", DISCUSS, LIKES)}),
    ("share-pupil-photo",
     {"kind": "share", "text": "", "images": [CLASS_PHOTO]},
     {AU: ("block", IMG_PERS), SP: ("block", DATA_PROT, LIKES), HB: ("block", IMG_PERS),
      TP: ("block", DATA_PROT), R2: ("block", IMG_PERS, LIKES)}),
    ("share-clean",
     {"kind": "share", "text": "Our Year 6 Nature Walk raised £250 for the hospice"}, everywhere(ALLOW)),
    # --- approvals ----------------------------------------------------------------------
    ("approval-satisfies-needs-approval",
     {"text": "So proud of Ffion Harper-Lowe today", "approval": {"staff_id": "S01"}},
     {**PERSONAL_NAME_CHAIN, TP: ALLOW}),
    ("approval-unknown-pupil",
     {"channel": "official", "text": "Year 2 on their trip.", "approval": {"staff_id": "S01"},
      "images": [{"path": "images/class.jpg", "pupils": ["P999"]}]},
     everywhere(ALLOW)),
    ("approval-does-not-satisfy-prohibited",
     {"channel": "official", "text": "Huge well done to Ffion Harper-Lowe!", "approval": {"staff_id": "S01"}},
     {AU: ALLOW, SP: ("block", DATA_PROT), HB: ("block", FULL_NAME),
      TP: ("block", FULL_NAME), R2: ALLOW}),
    # --- nothing to say -----------------------------------------------------------------
    ("clean-post",
     {"text": "Lovely walk along the coast with the dog, back to marking tomorrow!", "at": WEEKEND,
      "device": "personal", "platform": "facebook"},
     everywhere(ALLOW)),
]

TABLE = [
    pytest.param(pack, fields, expected[pack][0], set(expected[pack][1:]), id=f"{case}-{pack}")
    for case, fields, expected in CASES
    for pack in BUILTIN_PACK_IDS
]


def test_every_case_covers_every_pack() -> None:
    for case, _, expected in CASES:
        assert set(expected) == set(BUILTIN_PACK_IDS), case
    assert len({case for case, _, _ in CASES}) == len(CASES)


# Session 19's conventions (exact-rules.md): the rules they add to a row, read from its fields
# by the devset's own script (tests/data/devset/tools/conventions_s19.py), not by safepost.
VERDICT_ORDER = ["allow", "advise", "review", "block", "escalate"]
_CONVENTIONS_FILE = Path(__file__).parent / "data" / "devset" / "tools" / "conventions_s19.py"
_SPEC = importlib.util.spec_from_file_location("conventions_s19", _CONVENTIONS_FILE)
assert _SPEC is not None and _SPEC.loader is not None
CONVENTIONS = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(CONVENTIONS)
TEST_SCHOOL = {
    "pupils": {row[0]: dict(zip(PUPIL_HEADER, row, strict=True)) for row in PUPILS},
    "staff": {row[0]: dict(zip(STAFF_HEADER, row, strict=True)) for row in STAFF},
}


def conventions_of_session_19(pack: str, fields: dict[str, Any]) -> dict[str, str]:
    """The rules those conventions add to a row, each with the verdict it gives."""
    added = CONVENTIONS.rules_to_add({"request": fields}, school={**TEST_SCHOOL, "pack": pack})
    return {rule: CONVENTIONS.ADDED_VERDICT[rule] for rule in added}


@pytest.mark.parametrize(("pack", "fields", "verdict", "rules"), TABLE)
def test_pack_verdict_and_rules(
    run_check: RunCheck, pack: str, fields: dict[str, Any], verdict: str, rules: set[str]
) -> None:
    added = conventions_of_session_19(pack, fields)
    rules = rules | set(added)
    verdict = max([verdict, *added.values()], key=VERDICT_ORDER.index)
    result = run_check(pack=pack, **fields)
    assert ({finding.rule for finding in result.findings}, result.verdict) == (rules, verdict)


@pytest.mark.parametrize("pack_id", BUILTIN_PACK_IDS)
def test_findings_cite_the_pack(run_check: RunCheck, pack_id: str) -> None:
    pack = builtin_pack(pack_id)
    result = run_check(
        "Ring 07700 900123 about Ffion Harper-Lowe", pack=pack_id, channel="official",
        images=[{"path": "images/gps.jpg", "pupils": ["P102"]}],
    )
    assert result.findings
    for finding in result.findings:
        rule = pack.rules[finding.rule]
        assert finding.policy == pack_id
        assert finding.clause == rule.clause
        assert finding.severity in (rule.severity, *rule.cases.values())
        assert finding.message
        assert finding.fix


def test_text_evidence_offsets(run_check: RunCheck) -> None:
    text = "Huge well done to Ffion Harper-Lowe! Questions? Ring 07700 900123."
    result = run_check(text, channel="official")
    spans = {finding.evidence: (finding.start, finding.end) for finding in result.findings}
    for evidence, (start, end) in spans.items():
        assert start is not None and end is not None
        assert text[start:end] == evidence
    assert set(spans) == {"Ffion Harper-Lowe", "07700 900123"}


def test_context_findings_have_no_offsets(run_check: RunCheck) -> None:
    result = run_check(
        "", kind="friend_request", counterpart={"kind": "pupil", "pupil_id": "P101"}
    )
    (finding,) = result.findings
    assert finding.start is None and finding.end is None
    assert finding.source == "counterpart"
    assert "start" not in finding.to_json()


def test_first_name_shared_by_two_pupils_flags_each(run_check: RunCheck) -> None:
    # Both Imogens are in Year 1: on an official post with consent given, only the
    # photo of Imogen Varley makes her name beside the photo a finding (holbrook: approval).
    result = run_check(
        "Imogen loved the farm visit!", pack="holbrook", channel="official",
        approval=None, author={"role": "headteacher"},
        images=[{"path": "images/class.jpg", "pupils": ["P109"]}],
    )
    assert [(finding.rule, finding.severity) for finding in result.findings] == [(FULL_NAME, "needs_approval")]
    personal = run_check("Imogen was brilliant in the school play")
    assert [finding.rule for finding in personal.findings] == [DISCUSS, DISCUSS]
    assert {finding.message for finding in personal.findings} == {
        "Mentions a pupil, Imogen Tate (Year 1), on a personal account.",
        "Mentions a pupil, Imogen Varley (Year 1), on a personal account.",
    }


def test_approval_is_reported(run_check: RunCheck) -> None:
    result = run_check("So proud of Ffion Harper-Lowe today", approval={"staff_id": "S01"})
    assert result.verdict == "allow"
    assert result.to_json()["satisfied_by_approval"] == [DISCUSS]


@pytest.mark.parametrize(("author", "approver", "satisfied"), [
    ("S04", "S01", True),    # a teacher's post, approved by the headteacher
    ("S04", "S04", False),   # a teacher approving their own words: no one has checked them
    ("S01", "S01", True),    # the headteacher's own post is a leader's approval
])
def test_an_approval_is_someone_elses(run_check: RunCheck, author: str, approver: str, satisfied: bool) -> None:
    result = run_check("So proud of Ffion Harper-Lowe today", author={"staff_id": author},
                       approval={"staff_id": approver})
    assert (result.to_json().get("satisfied_by_approval") == [DISCUSS]) is satisfied
    assert (result.verdict == "allow") is satisfied


def test_unknown_pupil_id_is_review_not_block(run_check: RunCheck) -> None:
    result = run_check(
        "Trip!", channel="official",
        images=[{"path": "images/class.jpg", "pupils": ["P102", "P999"]}],
    )
    severities = sorted(finding.severity for finding in result.findings)
    assert severities == ["needs_approval", "prohibited"]
    assert result.verdict == "block"
    assert any("P999" in note for note in result.notes)


@pytest.mark.parametrize(
    ("fields", "redacted"),
    [
        ({"channel": "official", "text": "Huge well done to Ffion Harper-Lowe for her poem!"},
         "Huge well done to Ffion H. for her poem!"),
        ({"channel": "official", "text": "Go #SashaWhitcombe!"}, "Go Sasha W.!"),
        ({"channel": "official", "text": "Declan O'Sullivan won the chess cup."},
         "a Year 5 pupil won the chess cup."),
        ({"channel": "official", "text": "Declan O'Sullivan in Year 5 won the chess cup."},
         "a pupil in Year 5 won the chess cup."),
        ({"channel": "official", "text": "Well done Lorcan!"}, "Well done a Year 4 pupil!"),
        ({"channel": "official", "text": "Questions? Ring 07700 900123."},
         "Questions? Ring [phone number removed]."),
        ({"text": "So proud of Ffion Harper-Lowe today"}, "So proud of a pupil today"),
        ({"channel": "official", "text": "Ring the office on 01632 960555."}, "Ring the office on 01632 960555."),
        ({"text": "Lovely walk"}, "Lovely walk"),
    ],
)
def test_redacted_text(run_check: RunCheck, fields: dict[str, Any], redacted: str) -> None:
    result = run_check(**fields)
    assert result.redacted == redacted
    if redacted != fields["text"]:
        # The suggested version is clean under the same pack.
        again = run_check(**{**fields, "text": redacted})
        assert again.findings == []


# --- the demo school's own pack (tpat with Oakfield's choices) ------------------------------


@pytest.fixture(scope="module")
def oakfield() -> Pack:
    return load_pack_file(demo_school_dir() / "policy.yaml")


def check_with(school: School, pack: Pack, **fields: Any) -> CheckResult:
    return check(parse_request({"id": "d", "text": "", **fields}), school, pack=pack)


def test_demo_pack_reaches_private_life(school: School, oakfield: Pack) -> None:
    fields = {"text": "So proud of Ffion Harper-Lowe today", "at": WEEKEND}
    assert check_with(school, builtin_pack("tpat"), **fields).verdict == "allow"
    result = check_with(school, oakfield, **fields)
    assert result.verdict == "review"
    assert [finding.rule for finding in result.findings] == [DISCUSS]
    assert result.findings[0].policy == "oakfield"


def test_demo_pack_allows_breaks(school: School, oakfield: Pack) -> None:
    fields = {"text": "Lovely walk along the coast", "at": BREAK_TIME}
    assert check_with(school, builtin_pack("tpat"), **fields).verdict == "block"
    assert check_with(school, oakfield, **fields).verdict == "allow"
    lesson = check_with(school, oakfield, text="Lovely walk", at=LESSON_TIME)
    assert [finding.rule for finding in lesson.findings] == [HOURS]


def test_demo_pack_prohibits_work_email_accounts(school: School, oakfield: Pack) -> None:
    fields = {"kind": "profile", "profile": {"email": "d.fairbrother@larkfield.sch.uk"}}
    assert check_with(school, builtin_pack("tpat"), **fields).verdict == "advise"
    result = check_with(school, oakfield, **fields)
    assert result.verdict == "block"
    (finding,) = result.findings
    assert finding.rule == WORK_EMAIL
    assert finding.clause.startswith("Oakfield addendum 1")


def test_demo_pack_is_otherwise_tpat(school: School, oakfield: Pack) -> None:
    fields = {"channel": "official", "text": "Huge well done to Ffion Harper-Lowe!"}
    ours = check_with(school, oakfield, **fields)
    theirs = check_with(school, builtin_pack("tpat"), **fields)
    assert [(f.rule, f.severity, f.clause) for f in ours.findings] == [
        (f.rule, f.severity, f.clause) for f in theirs.findings
    ]


@pytest.mark.parametrize(("at", "expected"), [
    # In the summer holiday the school is closed: no lesson time, no working time.
    ("2026-08-12T10:00:00+00:00", {**same(ALLOW, AU, SP, HB, TP, R2)}),
    # An INSET day is working time without lessons: read as a break is.
    ("2026-09-03T10:00:00+00:00", {**same(ALLOW, AU, HB, R2), SP: ("block", HOURS), TP: ("block", HOURS)}),
])
def test_school_closures_and_inset_days(make_school_dir: Callable[..., Path], at: str,
                                        expected: dict[str, tuple[str, ...]]) -> None:
    data = {**SCHOOL_YAML, "closures": [{"from": "2026-07-22", "to": "2026-09-02", "name": "Summer holiday"}],
            "inset_days": ["2026-09-03"]}
    school = load_school(make_school_dir(school=data))
    for pack, (verdict, *rules) in expected.items():
        result = check_with(school, builtin_pack(pack), text="Lovely walk along the coast", at=at)
        assert (pack, result.verdict, sorted(f.rule for f in result.findings)) == (pack, verdict, sorted(rules))
        for finding in result.findings:
            assert "INSET day" in finding.message


@pytest.mark.parametrize(("pack", "pupil", "rules"), [
    # A full name the parents agreed to (name consent) is the pack's full-name rule, else data
    # protection where the pack states it; AURIGA states neither, and a consented celebration
    # is no "discussing personal information about a pupil".
    ("tpat", "Renée Castellano", {"content.pupil_full_name"}),
    ("staffs_protocol", "Renée Castellano", {"content.data_protection"}),
    ("auriga", "Renée Castellano", set()),
    ("reach2", "Renée Castellano", set()),    # no disclosure "without proper authority"
    # without the parents' agreement it is a consent matter under every pack
    ("auriga", "Declan O'Sullivan", {"content.personal_info_about_individuals"}),
    ("staffs_protocol", "Declan O'Sullivan", {"content.data_protection"}),
])
def test_a_full_name_on_the_schools_account_by_consent_and_pack(
    run_check: Callable[..., CheckResult], pack: str, pupil: str, rules: set[str],
) -> None:
    result = run_check(f"Congratulations to {pupil} on the county chess title!", pack=pack,
                       channel="official", author={"staff_id": "S01"})
    assert rule_ids(result) == rules


@pytest.mark.parametrize(("relative", "raised"), [(True, False), (False, True)])
def test_a_parent_texting_their_own_child_uses_no_work_equipment(
    run_check: Callable[..., CheckResult], relative: bool, raised: bool,
) -> None:
    result = run_check("Your PE kit is STILL on the stairs!! love Dad x", pack="auriga", kind="message",
                       device="personal",
                       counterpart={"kind": "pupil", "pupil_id": "P101", "direction": "sent", "relative": relative})
    assert ("contact.personal_device_pupil_contact" in rule_ids(result)) is raised


@pytest.mark.parametrize(("channel", "pupil", "raised"), [
    # a former pupil who is now an adult is no pupil, on the school's account or one's own;
    # one under 18 still is
    ("official", "Bethany Pickering", False),
    ("personal", "Bethany Pickering", False),
    ("official", "Connor Blakemore", True),
])
def test_a_former_pupil_now_an_adult_named_in_full(
    run_check: Callable[..., CheckResult], channel: str, pupil: str, raised: bool,
) -> None:
    result = run_check(f"Lovely to welcome back {pupil}, who talked to Year 10 about careers today",
                       pack="tpat", channel=channel, at="2026-11-21T12:00:00+00:00")
    assert bool(rule_ids(result)) is raised


def test_a_staff_mobile_in_the_schools_own_profile_bio_is_personal_data(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check("", pack="tpat", channel="official", kind="profile",
                       profile={"handle": "@LarkfieldPri", "bio": "Out of hours? Text Mrs P on 07700 900318",
                                "visibility": "public"})
    finding = next(f for f in result.findings if f.rule == "content.official_personal_data")
    assert finding.source == "profile.bio" and "07700 900318" in finding.evidence
    office = run_check("", pack="tpat", channel="official", kind="profile",
                       profile={"handle": "@LarkfieldPri", "bio": "News from Larkfield. Call us on 01632 960555",
                                "visibility": "public"})
    assert "content.official_personal_data" not in rule_ids(office)


@pytest.mark.parametrize(("pack", "text", "rule"), [
    # A named pupil beside a health, SEN, safeguarding or discipline matter on the school's
    # account is personal data, whatever the consent to the name (Renée has name consent)
    ("auriga", "Please keep Renée Castellano in your thoughts as she begins chemotherapy this week.",
     "content.personal_info_about_individuals"),
    ("reach2", "Renée Castellano in Year 5 has been referred to social services.", "content.data_protection"),
    ("tpat", "Well done Renée, top of the class despite her dyslexia!", "content.data_protection"),
    # a former pupil now an adult too ("former student ... has been arrested")
    ("tpat", "Sad news: former student Bethany Pickering has been arrested.", "content.data_protection"),
    # the next sentence, told of the child by a pronoun (session 21)
    ("auriga", "Get well soon Renée! She is recovering from her heart operation.",
     "content.personal_info_about_individuals"),
    # ... or opening the next sentence as a note on the first (session 23)
    ("auriga", "Thinking of Renée Castellano's family. Cancer diagnosis confirmed this week.",
     "content.personal_info_about_individuals"),
])
def test_a_named_pupil_beside_a_sensitive_matter_on_the_schools_account(
    run_check: Callable[..., CheckResult], pack: str, text: str, rule: str,
) -> None:
    result = run_check(text, pack=pack, channel="official", at="2026-11-21T12:00:00+00:00")
    assert rule in rule_ids(result)


def test_a_sensitive_matter_in_another_sentence_is_not_the_named_pupils(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check("Well done Renée Castellano! The match was suspended at half time due to rain.",
                       pack="auriga", channel="official")
    assert result.findings == []
    # (a pronoun in the sentence after next is no longer told of her)
    later = run_check("Well done Renée! The choir sang beautifully. She is recovering from her operation.",
                      pack="auriga", channel="official")
    assert later.findings == []
    # (a sentence about someone else that merely ends with the matter is not a note on the name)
    other = run_check("Well done Renée Castellano! Our caretaker is in hospital.", pack="auriga",
                      channel="official")
    assert "content.personal_info_about_individuals" not in rule_ids(other)


def test_a_sensitive_matter_is_its_own_finding_beside_what_the_name_breaks(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check("Ffion Harper-Lowe has been excluded for three days for vaping.", pack="tpat",
                       channel="official")
    assert rule_ids(result) == {"content.pupil_full_name", "content.data_protection"}


@pytest.mark.parametrize(("text", "raised"), [
    # a pupil's sensitive matter on one's own account (session 21): named in full, or an exclusion
    ("Ffion Harper-Lowe has been excluded again lol", True),
    # ... or one of the writer's own pupils, unnamed
    ("Long day. Social services in again for one of my tutor group, poor kid", True),
    ("One of my Year 8s has just been diagnosed with leukaemia, heartbreaking", True),
    # not the writer's own matter, other people's, a charity, or the writer's own child
    ("One of my Year 10s asked me today whether I'd ever been arrested 😂", False),
    ("One of my students wants to work with children who have cancer ❤️", False),
    ("So proud of my tutor group, they raised £500 for Cancer Research UK!", False),
    ("Role-play day: one of my class was 'arrested' by PC Plod for stealing the biscuits", False),
    # (session 21's review) many pupils, the writer's own operation, a lesson on safety, the same words
    ("So many of our students struggle with anxiety around exams - be kind this week.", False),
    ("Back at school today after my operation and one of my class had made me a card.", False),
    ("Our pupils loved the visit from the police - they were all spoken to by the police about road safety.",
     False),
    ("Our pupil premium funding has been cut again.", False),
    ("Kid in 9X has just been diagnosed with leukaemia. Devastating.", True),
    ("Had to restrain a Year 4 boy today and he's now been excluded. Exhausted.", True),
    ("FINALLY. A certain young man in Y5 got his fixed term today.", True),
    # (the pupil's own family's matter: "whose stepdad" is no one else between them)
    ("It'll be about the Y10 lad whose stepdad's up in court, social services have been all over it", True),
    # (session 22) more of the writer's own pupils, and words told only of someone in the school
    ("Year 7 girl came out as trans to me today and her parents don't know", True),
    ("one of my yr 10s is in hosp after an overdose 😢", True),
    ("Little one in my nursery group has been excluded from her last two settings", True),
    ("Ambulance at school today - one of our Y2 girls came off the climbing frame and broke her arm", True),
    ("Proudest moment: my little Year 7 with ADHD read a whole page out loud today", True),
    ("Proud teacher moment: my little Y2 lad with ADHD read a whole page to me", True),
    ("One of my lads has been given a 5 day exclusion", True),
    ("Massive day, we permanently excluded a Year 6 today", True),
    ("A Year 6 trip to the police museum, nobody got arrested 😂", False),
    ("My Year 7s loved the ADHD awareness assembly", False),
])
def test_a_pupils_sensitive_matter_on_a_personal_account(
    run_check: Callable[..., CheckResult], text: str, raised: bool,
) -> None:
    result = run_check(text, pack="auriga", channel="personal", at="2026-11-21T19:00:00+00:00")
    matters = [f for f in result.findings if f.detector == "sensitive_matters"]
    assert bool(matters) is raised
    if raised:
        assert matters[0].rule == "content.personal_info_about_individuals"


@pytest.mark.parametrize(("text", "whose"), [
    # a colleague's matter, unnamed (session 22: two outside readers and a probe label these)
    ("Our deputy head starts chemo on Monday. Sending all the love 🎀", "a colleague's"),
    ("Feel for my TA, third round of IVF failed and she was in bits in the staffroom", "a colleague's"),
    ("My TA just told me she's getting divorced. Send good vibes her way", "a colleague's"),
    # ... or by name from the staff list
    ("Sending love to Mr Fairbrother who starts chemo on Monday 💜", "a colleague's"),
    ("Mr Fairbrother told me I was signed off for a week", None),
    ("The new NQT is on antidepressants and struggling big time", "a colleague's"),
    # a pupil's family's
    ("Health visitor told me one of our families has a baby on the child protection register", "a pupil's family's"),
    ("Grandma of one of my reception kids passed away last night", "one of your pupils'"),
    ("One of my Year 8 dads has been made redundant, mum rang in tears", "a pupil's family's"),
    ("Police at the gates cos one of the dads got arrested apparently", "a pupil's family's"),
    ("Gutted for our lovely office lady, being made redundant at Easter", "a colleague's"),
    # no one else's: the writer's own, a charity, many people, the writer between them
    ("My TA held the fort while I was signed off with stress. Legend.", None),
    ("Our deputy head ran the marathon for Cancer Research! £2k raised", None),
    ("The head hasn't got a clue and half the staff are off with stress", None),
    ("A colleague recommended a great book about living with bipolar", None),
    ("I nearly died laughing at my TA's costume 😂", None),
    ("My TA nearly died laughing at the nativity 😂", None),
    ("My TA's car had a breakdown on the M6 so she was late", None),
])
def test_a_colleagues_or_a_familys_matter_on_a_personal_account(
    run_check: Callable[..., CheckResult], text: str, whose: str | None,
) -> None:
    result = run_check(text, pack="auriga", channel="personal", at="2026-11-21T19:00:00+00:00")
    matters = [f for f in result.findings if f.detector == "sensitive_matters"]
    if whose is None:
        assert matters == []
    else:
        # (a safeguarding case is the school's confidential business too: its own finding)
        (matter,) = [f for f in matters if f.rule != "content.confidential_org_info"]
        assert matter.rule == "content.personal_info_about_individuals"
        assert whose in matter.message


@pytest.mark.parametrize(("text", "raised"), [
    # a titled adult on no list: a colleague the list lacks, a parent, a visitor: someone else
    ("Sorry Mrs Pryce isn't at the Christmas fair, she's in hospital after a mental health crisis", True),
    ("Mrs Pryce from the library read to Year 2 today, they loved it", False),
])
def test_someone_elses_matter_told_by_their_title(
    run_check: Callable[..., CheckResult], text: str, raised: bool,
) -> None:
    result = run_check(text, pack="auriga", at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.rule == "content.personal_info_about_individuals"]
    assert bool(found) is raised
    if raised:
        assert "someone else's" in found[0].message
    # on the school's account, the school publishes their personal data
    official = run_check(text, pack="tpat", channel="official", approval={"staff_id": "S01"})
    published = [f for f in official.findings if f.rule == "content.official_personal_data"]
    assert bool(published) is raised
    if raised:
        assert "Publishes someone else's" in published[0].message


def test_the_writers_own_name_is_not_a_colleague(run_check: Callable[..., CheckResult]) -> None:
    text = "Hi it's Mr Fairbrother from school, he's got a detention tomorrow for forgetting his PE kit"
    as_someone_else = run_check(text, pack="auriga", channel="personal", author={"staff_id": "S02"})
    as_the_writer = run_check(text, pack="auriga", channel="personal", author={"staff_id": "S04"})
    assert [f.rule for f in as_someone_else.findings if f.detector == "sensitive_matters"] == [
        "content.personal_info_about_individuals"]
    assert [f for f in as_the_writer.findings if f.detector == "sensitive_matters"] == []


@pytest.mark.parametrize(("channel", "fields", "raised"), [
    ("personal", {}, True),
    ("official", {}, True),
    # a parent's words on the school's page are not the school's leak
    ("official", {"kind": "comment", "author": {"role": "parent"}}, False),
])
def test_an_inspection_outcome_before_the_report_is_confidential(
    run_check: Callable[..., CheckResult], channel: str, fields: dict[str, Any], raised: bool,
) -> None:
    text = "Can't say much yet but the inspectors left with big smiles 🤐 report out next month"
    result = run_check(text, pack="holbrook", channel=channel, **fields)
    found = [f for f in result.findings if f.detector == "inspection_outcome"]
    assert bool(found) is raised
    if raised:
        assert found[0].rule == "content.confidential_org_info"


@pytest.mark.parametrize(("channel", "raised"), [
    ("personal", True),
    # the school's own account announces its results when the school chooses
    ("official", False),
])
def test_results_before_they_are_published_are_confidential(
    run_check: Callable[..., CheckResult], channel: str, raised: bool,
) -> None:
    text = "SATs results back this morning. 58% combined, worst in the borough I reckon 😬"
    result = run_check(text, pack="holbrook", channel=channel, at="2026-07-07T19:00:00+01:00")
    found = [f for f in result.findings if f.detector == "unpublished_results"]
    assert bool(found) is raised
    if raised:
        assert found[0].rule == "content.confidential_org_info" and found[0].evidence == "SATs results"
        assert "before they are published" in found[0].message and result.verdict == "block"


@pytest.mark.parametrize(("pack", "channel", "role", "discussed"), [
    # REAch2 3.7: a specific, individual matter of the school community, beside its own rule
    ("reach2", "personal", "teacher", True),
    ("reach2", "official", "teacher", False),
    ("auriga", "personal", "teacher", False),
    # the Staffordshire protocol bans any comment on colleagues (session 23); not for governors
    ("staffs_protocol", "personal", "teacher", True),
    ("staffs_protocol", "personal", "governor", False),
])
def test_an_individual_matter_is_a_matter_of_the_school_community(
    run_check: Callable[..., CheckResult], pack: str, channel: str, role: str, discussed: bool,
) -> None:
    # (no school named, no class or working life: only the colleague's matter makes it the school's)
    text = "Thinking of our Joanne from the office who starts chemo tomorrow"
    result = run_check(text, pack=pack, channel=channel, at="2026-11-21T19:00:00+00:00", author={"role": role})
    assert ("content.discuss_school_community" in rule_ids(result)) is discussed
    if discussed:
        assert "content.personal_info_about_individuals" in rule_ids(result)


@pytest.mark.parametrize(("text", "raised"), [
    ("Following the incident on the Y6 playground, the boy responsible has been suspended for five days.",
     True),
    ("Following the incident on the Y6 playground, the pupils involved have been spoken to.", False),
    ("Our Year 6 netball team were brilliant at the county finals!", False),
])
def test_an_unnamed_pupils_sanction_on_the_schools_account_is_personal_data(
    run_check: Callable[..., CheckResult], text: str, raised: bool,
) -> None:
    result = run_check(text, pack="tpat", channel="official", approval={"staff_id": "S01"})
    assert ("content.data_protection" in rule_ids(result)) is raised


@pytest.mark.parametrize(("text", "raised"), [
    ("We say goodbye to Mr Fairbrother, who is leaving us at Easter following his recent MS diagnosis",
     True),
    ("Good luck to Mr Fairbrother, who ran the Race for Life for Cancer Research!", False),
    ("We say a fond farewell to Mr Fairbrother, who retires after 30 years. We will miss him!", False),
    # (session 23) a pupil's family's, as on a personal account
    ("Please support the food bank: one of our families has been evicted this week", True),
])
def test_a_colleagues_matter_on_the_schools_account_is_personal_data(
    run_check: Callable[..., CheckResult], text: str, raised: bool,
) -> None:
    result = run_check(text, pack="tpat", channel="official", approval={"staff_id": "S01"})
    assert ("content.official_personal_data" in rule_ids(result)) is raised


@pytest.mark.parametrize(("kind", "channel", "direction", "rule"), [
    # a public reply sets the child's record out for everyone reading the thread
    ("comment", "personal", "sent", "content.personal_info_about_individuals"),
    ("comment", "official", "sent", "content.data_protection"),
    # a private message to the parent tells them of their own child
    ("message", "official", "sent", None),
    # the parent's own words about their child are theirs
    ("comment", "official", "received", None),
])
def test_a_childs_record_in_a_public_reply_to_their_parent(
    run_check: Callable[..., CheckResult], kind: str, channel: str, direction: str, rule: str | None,
) -> None:
    text = "With respect, if he was in school on time he wouldn't keep getting detentions."
    result = run_check(text, pack="staffs_protocol", kind=kind, channel=channel, approval={"staff_id": "S01"},
                       counterpart={"kind": "parent", "pupil_id": "P102", "direction": direction})
    record = [f for f in result.findings if f.rule in {"content.personal_info_about_individuals",
                                                        "content.data_protection"}]
    assert [f.rule for f in record] == ([rule] if rule else [])


def test_a_reply_to_a_parent_names_their_child_though_the_name_is_a_word(
    run_check: Callable[..., CheckResult],
) -> None:
    # Hope (P102) is an ordinary word: the reply to her parent is what says it is the pupil.
    text = "As we have explained, Hope was given a detention because she swore at a member of staff."
    to_her_parent = run_check(text, pack="staffs_protocol", kind="comment", channel="official",
                              approval={"staff_id": "S01"},
                              counterpart={"kind": "parent", "pupil_id": "P102", "direction": "sent"})
    to_another = run_check(text, pack="staffs_protocol", kind="comment", channel="official",
                           approval={"staff_id": "S01"},
                           counterpart={"kind": "parent", "pupil_id": "P101", "direction": "sent"})
    assert any(f.rule == "content.data_protection" and "Hope" in f.message for f in to_her_parent.findings)
    assert not any("Hope" in f.message for f in to_another.findings)


@pytest.mark.parametrize(("counterpart", "raised"), [
    ({"kind": "pupil", "pupil_id": "P101", "direction": "sent"}, True),
    # to a parent about their child (five outside readers' cases label it grooming)
    ({"kind": "parent", "pupil_id": "P101", "direction": "sent"}, True),
    # a proud aunt's comment to her own niece is family's
    ({"kind": "pupil", "pupil_id": "P101", "direction": "sent", "relative": True}, False),
    # an adult colleague is no child
    ({"kind": "colleague", "direction": "sent"}, False),
    # what a parent wrote is theirs
    ({"kind": "parent", "pupil_id": "P101", "direction": "received"}, False),
])
def test_a_remark_on_a_childs_looks_from_staff_escalates(
    run_check: Callable[..., CheckResult], counterpart: dict[str, object], raised: bool,
) -> None:
    text = "omg she's turning into a proper little stunner 😍 the boys won't know what's hit them!!"
    result = run_check(text, pack="holbrook", kind="comment", counterpart=counterpart,
                       at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "looks_remark"]
    assert [f.rule for f in found] == (["content.grooming"] if raised else [])
    if raised:
        assert result.verdict == "escalate"


@pytest.mark.parametrize(("text", "direction", "rules"), [
    ("META SUPPORT: Your Page will be disabled in 24 hours. Verify ownership now: "
     "meta-check.example.com/verify", "received", ["conduct.security_threats"]),
    ("Hi Meta Support, the page password is Larkfield2024! hope that helps", "sent",
     ["account.password_strength", "conduct.security_threats"]),
])
def test_phishing_on_the_schools_account(
    run_check: Callable[..., CheckResult], text: str, direction: str, rules: list[str],
) -> None:
    result = run_check(text, pack="tpat", channel="official", kind="message",
                       counterpart={"kind": "public", "direction": direction})
    assert sorted(f.rule for f in result.findings if f.detector == "phishing") == rules
    # (TPAT's rules are the school's accounts': on a personal account they say nothing)
    personal = run_check(text, pack="tpat", channel="personal", kind="message",
                         counterpart={"kind": "public", "direction": direction})
    assert [f for f in personal.findings if f.detector == "phishing"] == []


@pytest.mark.parametrize(("pack", "rule"), [
    ("auriga", "content.negative_about_school_community"),
    # Holbrook states no rule on negative comments: an attack on the school community
    ("holbrook", "content.attack_insult_abuse"),
])
def test_a_school_group_put_down_is_a_derogatory_comment(
    run_check: Callable[..., CheckResult], pack: str, rule: str,
) -> None:
    result = run_check("Cover for 10Y4 last lesson. Feral. Absolutely feral.", pack=pack,
                       at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "put_down"]
    assert [f.rule for f in found] == [rule]
    assert "10Y4" in found[0].message


@pytest.mark.parametrize(("pack", "channel", "rule"), [
    ("staffs_protocol", "personal", "content.negative_about_school_community"),
    ("holbrook", "personal", "content.attack_insult_abuse"),
    # (AURIGA's negative-comments rule is for personal accounts: on its own, an attack or insult)
    ("auriga", "official", "content.attack_insult_abuse"),
])
def test_someone_at_school_written_off_in_a_stock_phrase_is_a_derogatory_comment(
    run_check: Callable[..., CheckResult], pack: str, channel: str, rule: str,
) -> None:
    result = run_check("Our new deputy couldn't organise a piss-up in a brewery. Third timetable change 🙄",
                       pack=pack, channel=channel, at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "contempt"]
    assert [f.rule for f in found] == [rule]
    assert "deputy" in found[0].message and "brewery" in found[0].evidence


@pytest.mark.parametrize(("pack", "channel", "rule"), [
    ("auriga", "personal", "content.criticise_or_argue"),
    ("staffs_protocol", "personal", "content.negative_about_school_community"),
    # on the school's own account: its tone (Holbrook), or disrepute where the pack has neither
    ("holbrook", "official", "content.official_tone"),
    ("staffs_protocol", "official", "content.disrepute"),
])
def test_telling_a_parent_it_is_their_own_fault_is_arguing_with_them(
    run_check: Callable[..., CheckResult], pack: str, channel: str, rule: str,
) -> None:
    result = run_check("Maybe if you actually read the newsletter you'd know the trip was cancelled 🙄",
                       pack=pack, channel=channel, kind="comment", at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "blame"]
    assert [f.rule for f in found] == [rule]
    assert "their own fault" in found[0].message


@pytest.mark.parametrize(("text", "rules"), [
    # one of the writer's own pupils: the child's private matter and the school's confidential case
    ("Social care in today for one of my Reception babies. Dad's back on the scene 💔",
     {"content.personal_info_about_individuals", "content.confidential_org_info"}),
    # whose is not said: the case is still the school's
    ("Long day. Two referrals to MASH before 10am. Safeguarding never stops.",
     {"content.confidential_org_info"}),
])
def test_a_safeguarding_case_told_on_a_personal_account_is_confidential(
    run_check: Callable[..., CheckResult], text: str, rules: set[str],
) -> None:
    result = run_check(text, pack="auriga", at="2026-11-21T19:00:00+00:00")
    found = {f.rule for f in result.findings if f.detector == "sensitive_matters"}
    assert found == rules
    case = next(f for f in result.findings if f.rule == "content.confidential_org_info")
    assert "safeguarding case" in case.message and "DSL" in case.fix


@pytest.mark.parametrize(("text", "confidential"), [
    ("Y6 lad permanently excluded today after what he did to a dinner lady. About time.", True),
    ("Finally!!! One of my Year 6s has got a 5 day exclusion. About time SLT grew a spine.", True),
    # (not the school's decision about a pupil)
    ("Nobody is excluded from our clubs - everyone welcome!", False),
    ("So proud of our Year 11s - no permanent exclusions all year at Larkfield!", False),
    ("Permanently excluded from the Year 6 team quiz for cheating 😂", False),
    ("Year 6 are excluded for the rest of the week from the field because it's waterlogged", False),
])
def test_a_pupils_exclusion_told_is_the_schools_confidential_business(
    run_check: Callable[..., CheckResult], text: str, confidential: bool,
) -> None:
    result = run_check(text, pack="auriga", at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "sensitive_matters"
             and f.rule == "content.confidential_org_info"]
    assert bool(found) is confidential
    if confidential:
        assert "exclusion" in found[0].message


@pytest.mark.parametrize(("kind", "counterpart", "raised"), [
    ("post", None, True),
    # a private message to a colleague is work between colleagues
    ("message", {"kind": "colleague", "direction": "sent"}, False),
    ("message", {"kind": "parent", "direction": "sent"}, True),
])
def test_the_schools_business_told_before_it_is_announced_is_confidential(
    run_check: Callable[..., CheckResult], kind: str, counterpart: dict[str, str] | None, raised: bool,
) -> None:
    fields: dict[str, object] = {"kind": kind, "at": "2026-11-21T19:00:00+00:00"}
    if counterpart:
        fields["counterpart"] = counterpart
    result = run_check("Between us, two TAs are being made redundant and it isn't announced till after Easter",
                       pack="auriga", **fields)
    found = [f for f in result.findings if f.detector == "unannounced"]
    assert [f.rule for f in found] == (["content.confidential_org_info"] if raised else [])
    if raised:
        assert "made redundant" in found[0].message and "Between us" in found[0].message


@pytest.mark.parametrize("text", [
    "Child protection training for all staff on the INSET day, then cake",
    # (session 29's review) a course, a nurse, a careers fair, a lesson, a Spanish lesson, the
    # writer's own mum, a parent's own baby
    "DSL refresher this afternoon - lots on making referrals and recording concerns",
    "Made a referral to the school nurse for the hearing screening",
    "The social care funding crisis is hitting every council",
    "Strategy meeting with the PTA about the summer fair",
    "Careers week: Year 9 met a firefighter and a social worker",
    "Year 8 Spanish: la casa está al lado de la escuela",
    "Council got a court order to stop the fly-tipping by the school field",
    "Year 9 PSHE today on child protection and who you can talk to",
    "Mum's social worker came round today, she's settling into the care home",
    "One of my babies was diagnosed with ADHD this week, so proud of how she's coping x",
    "Called children's services about the noise from next door's party",
])
def test_no_safeguarding_case_here(run_check: Callable[..., CheckResult], text: str) -> None:
    result = run_check(text, pack="auriga", at="2026-11-21T19:00:00+00:00")
    assert "content.confidential_org_info" not in {f.rule for f in result.findings
                                                    if f.detector == "sensitive_matters"}


def test_childrens_services_for_a_pupil_is_a_case(run_check: Callable[..., CheckResult]) -> None:
    # ("children's" is no family news: the words are the service's name)
    result = run_check("Called children's services about one of my tutor group today",
                       pack="auriga", at="2026-11-21T19:00:00+00:00")
    assert {"content.confidential_org_info", "content.personal_info_about_individuals"} <= {
        f.rule for f in result.findings if f.detector == "sensitive_matters"}


def test_the_same_stock_phrase_about_the_writers_husband_is_nobodys_business(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check("My husband couldn't organise a piss-up in a brewery 😂", pack="staffs_protocol",
                       at="2026-11-21T19:00:00+00:00")
    assert [f for f in result.findings if f.detector == "contempt"] == []


@pytest.mark.parametrize(("channel", "raised"), [
    ("personal", True),
    # on the school's own account an incident is a matter of crisis posting, which the language
    # model reads: the exact reading is for what staff say of it on their own accounts
    ("official", False),
])
def test_an_incident_at_school_is_read_from_the_words_on_personal_accounts(
    run_check: Callable[..., CheckResult], channel: str, raised: bool,
) -> None:
    result = run_check("Lockdown at school today, the kids were amazing", pack="auriga", channel=channel,
                       at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "incident"]
    assert bool(found) is raised
    if raised:
        assert found[0].rule == "content.school_incident_commentary"


def one_pupil_school(directory: Path, pupil_row: str) -> School:
    """A tpat school with one pupil (a pupils.csv row), to read one name in isolation."""
    school = directory / "school"
    school.mkdir()
    (school / "school.yaml").write_text("name: Larch Primary\npolicy: tpat\n", encoding="utf-8")
    (school / "pupils.csv").write_text(
        "pupil_id,first_name,last_name,preferred_name,year_group,date_of_birth,status,photo_consent,name_consent\n"
        + pupil_row + "\n", encoding="utf-8")
    (school / "staff.csv").write_text("staff_id,first_name,last_name,role,email\n", encoding="utf-8")
    return load_school(school)


@pytest.mark.parametrize(("text", "named"), [
    # (session 21) names that are also words SCOWL's list lacked, and praise cues it read past
    ("They found rowan, hazel, silver birch and a very old oak!", False),
    ("Special mention to Rowan who dug the deepest hole anyone has ever seen", True),
    ("Get well soon Rowan! We all miss you in class", True),
])
def test_a_word_name_needs_support(tmp_path: Path, text: str, named: bool) -> None:
    school = one_pupil_school(tmp_path, "P1,Rowan,Best,,4,2016-05-01,current,yes,no")
    result = check(parse_request({"id": "w", "text": text, "channel": "official"}), school)
    assert any(finding.evidence.lower().startswith("rowan") for finding in result.findings) is named


@pytest.mark.parametrize(("text", "named"), [
    # (session 21) a pupil who shares a folk figure's name counts, in full, only with support
    ("Jack Frost has definitely visited the playground this morning! Take care on the ice", False),
    ("Well done Jack Frost for a brilliant reading week!", True),
    ("Jack Frost (Year 1) read his poem beautifully", True),
])
def test_a_pupil_named_like_a_folk_figure(tmp_path: Path, text: str, named: bool) -> None:
    school = one_pupil_school(tmp_path, "P1,Jack,Frost,,1,2020-01-10,current,yes,yes")
    result = check(parse_request({"id": "f", "text": text, "channel": "official"}), school)
    assert ("content.pupil_full_name" in {finding.rule for finding in result.findings}) is named


@pytest.mark.parametrize(("pack", "counterpart", "rules"), [
    # the Staffordshire protocol names unwanted communications; every policy bans harassment
    ("staffs_protocol", {"kind": "colleague", "direction": "sent"},
     ["content.bullying_harassment", "content.unwanted_communications"]),
    ("auriga", {"kind": "colleague", "direction": "sent"}, ["content.bullying_harassment"]),
    ("tpat", {"kind": "parent", "pupil_id": "P101", "direction": "sent"}, ["content.bullying_harassment"]),
    # what a colleague wrote to the member of staff is theirs to answer for, not the reader's
    ("auriga", {"kind": "colleague", "direction": "received"}, []),
    # the writer's own teenager, who is a pupil: family's business
    ("auriga", {"kind": "pupil", "pupil_id": "P101", "direction": "sent", "relative": True}, []),
])
def test_messages_after_a_no_are_harassment(
    run_check: Callable[..., CheckResult], pack: str, counterpart: dict[str, object], rules: list[str],
) -> None:
    result = run_check("Why have you blocked me on insta?? I'll keep messaging til you answer me",
                       pack=pack, kind="message", counterpart=counterpart, at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "pursuit"]
    assert sorted(f.rule for f in found) == rules
    if rules:
        assert result.verdict == "escalate" and "blocked me" in found[0].message


def test_the_same_words_in_a_post_are_not_read_as_pursuit(run_check: Callable[..., CheckResult]) -> None:
    # a post is addressed to no one in particular ("my cat's ignoring me, third time of asking")
    result = run_check("Why have you blocked me?? I'll keep messaging til you answer", pack="auriga",
                       at="2026-11-21T19:00:00+00:00")
    assert [f for f in result.findings if f.detector == "pursuit"] == []


@pytest.mark.parametrize(("pack", "channel", "rules"), [
    ("auriga", "personal", ["content.confidential_org_info", "content.personal_info_about_individuals"]),
    ("reach2", "personal", ["content.confidential_org_info", "content.data_protection"]),
    # on the school's own account a record shown is still personal data and confidential
    ("staffs_protocol", "official", ["content.confidential_org_info", "content.data_protection"]),
])
def test_pupils_records_shown_are_a_data_breach(
    run_check: Callable[..., CheckResult], pack: str, channel: str, rules: list[str],
) -> None:
    result = run_check("Screenshot of the Y11 mock results spreadsheet lol look at 11B 😬", pack=pack,
                       channel=channel, approval={"staff_id": "S01"}, at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "school_records"]
    assert sorted(f.rule for f in found) == rules
    assert "mock results spreadsheet" in found[0].message


@pytest.mark.parametrize(("pack", "rule"), [
    ("auriga", "content.negative_about_school_community"),
    # Holbrook states no rule on negative comments: an attack on the school community
    ("holbrook", "content.attack_insult_abuse"),
])
def test_a_dig_at_colleagues_is_a_negative_comment(
    run_check: Callable[..., CheckResult], pack: str, rule: str,
) -> None:
    text = "Funny how the person who does the least in our team always gets the shout-out in briefing 🙄"
    result = run_check(text, pack=pack, at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "dig"]
    assert [f.rule for f in found] == [rule]
    assert "Funny how" in found[0].message


@pytest.mark.parametrize(("text", "same"), [
    # the matter in the next sentence, a he or she after it, past a doubled "!!"
    ("Omar said his first full sentence in English today!! Four months of selective mutism and he just "
     "came out with it", True),
    ("Well done Omar! Selective mutism is so hard and he has worked at it all year", True),
    ("Well done Omar! Our charity this term supports selective mutism research", False),
    ("Well done Omar! Mrs Patel is running selective mutism training for her team", False),
    # (session 28) "you" after a wish to the child is the child; not after a plain mention
    ("Get well soon Omar! Everyone is thinking of you while you get over your selective mutism op", True),
    ("Omar read in assembly. If you want to know more about selective mutism, ask the office", False),
])
def test_a_matter_in_the_next_sentence_is_about_the_same_child(text: str, same: bool) -> None:
    from safepost.detect.names import titled_names
    from safepost.evaluate import _about_the_same_child

    adults_at = [mention.start for mention in titled_names(text)]  # (the check: the people detector's)
    assert _about_the_same_child(text, text.index("Omar"), text.lower().index("selective mutism"),
                                 adults_at) is same


@pytest.mark.parametrize(("next_sentence", "told"), [
    ("Four months of selective mutism and she just came out with it", True),
    # another grown-up named there, found by the people detector: the her is hers
    ("Mrs Patel is running selective mutism training for her team", False),
])
def test_a_grown_up_named_in_the_next_sentence_keeps_the_matter_from_the_child(
    run_check: Callable[..., CheckResult], next_sentence: str, told: bool,
) -> None:
    result = run_check(f"So proud of Renée Castellano in my class today! {next_sentence}", pack="tpat",
                       author={"staff_id": "S01"})
    assert ("content.data_protection" in rule_ids(result)) is told
    assert "content.discuss_school_community" in rule_ids(result)  # the pupil is still named


@pytest.mark.parametrize("pack", ["auriga", "holbrook", "reach2", "staffs_protocol", "tpat"])
def test_an_allegation_about_a_colleague_may_be_defamatory(
    run_check: Callable[..., CheckResult], pack: str,
) -> None:
    text = "Heard Mr C got caught with his hand in the Y6 trip money tin 👀👀 explains the new car lol"
    result = run_check(text, pack=pack)
    (finding,) = [f for f in result.findings if f.detector == "allegation"]
    assert finding.rule == "content.defamation" and finding.severity == "prohibited"
    assert finding.clause and finding.evidence == "hand in the Y6 trip money tin"
    assert "Mr C" in finding.message and "dishonesty" in finding.message
    assert "whistleblowing" in finding.fix
    assert result.verdict in ("block", "escalate")


@pytest.mark.parametrize(("pack", "channel", "rules"), [
    # four policies keep staff from using work they hold no rights to; TPAT states no such rule
    ("auriga", "official", {"content.copyright"}),
    ("holbrook", "personal", {"content.copyright"}),
    ("reach2", "official", {"content.copyright"}),
    ("staffs_protocol", "official", {"content.copyright"}),
    ("tpat", "official", set()),
])
def test_someone_elses_picture_used_without_leave_breaches_copyright(
    run_check: Callable[..., CheckResult], pack: str, channel: str, rules: set[str],
) -> None:
    text = "Stunning sunset over the estuary 🌅 (pic nicked off Google Images, credit to whoever took it!)"
    result = run_check(text, pack=pack, channel=channel, approval={"staff_id": "S01"})
    found = [f for f in result.findings if f.detector == "copyright"]
    assert {f.rule for f in found} == rules
    for finding in found:
        assert finding.severity == "prohibited" and finding.clause
        assert finding.evidence == "nicked off Google Images" and "copyright" in finding.message
        assert "credit" in finding.fix


@pytest.mark.parametrize(("fields", "read"), [
    ({"channel": "personal", "kind": "message", "counterpart": {"kind": "colleague"}}, True),
    # the school's own account: its statements are approved, and the head's to make
    ({"channel": "official"}, False),
    # a parent's comment on the school's page is not the member of staff's own words
    ({"channel": "official", "kind": "comment", "counterpart": {"kind": "parent", "direction": "received"}},
     False),
])
def test_an_allegation_is_read_in_the_member_of_staffs_own_words(
    run_check: Callable[..., CheckResult], fields: dict[str, object], read: bool,
) -> None:
    text = "Apparently the deputy head is having an affair with one of the governors"
    result = run_check(text, pack="tpat", approval={"staff_id": "S01"}, **fields)
    assert ("content.defamation" in rule_ids(result)) is read


@pytest.mark.parametrize(("pack", "approval", "rules", "verdict"), [
    # REAch2 5.1: the brand for Trust business with permission, its example a vacancy
    ("reach2", None, ["content.logo_brand_personal"], "review"),
    ("reach2", {"staff_id": "S01", "reference": "HT ok to post the vacancy"}, [], "allow"),
    # Holbrook keeps logos off personal pages but names no vacancy exception: words alone show no logo
    ("holbrook", None, [], "allow"),
    # a policy that states no brand rule
    ("tpat", None, [], "allow"),
])
def test_a_vacancy_with_its_picture_on_a_personal_account(
    run_check: Callable[..., CheckResult], pack: str, approval: dict[str, str] | None, rules: list[str],
    verdict: str,
) -> None:
    fields = {"approval": approval} if approval else {}
    result = run_check("We're hiring! Year 4 teacher from September, DM me for a chat 👇", pack=pack,
                       platform="linkedin", images=[{"path": "images/missing_photo.jpg"}],
                       at="2026-11-21T19:00:00+00:00", **fields)
    assert sorted(f.rule for f in result.findings if f.detector == "branding") == rules
    assert result.verdict == verdict


@pytest.mark.parametrize(("pack", "rules"), [
    ("holbrook", ["content.logo_brand_personal", "content.uniform_logo_premises_images"]),
    ("reach2", ["content.logo_brand_personal", "content.uniform_logo_premises_images"]),
    ("auriga", []),
])
def test_staff_in_school_clothing_in_a_personal_picture(
    run_check: Callable[..., CheckResult], pack: str, rules: list[str],
) -> None:
    result = run_check("10k done in my work polo, raised £300 for the sensory room!", pack=pack,
                       images=[{"path": "images/missing_photo.jpg"}], at="2026-11-21T19:00:00+00:00")
    found = [f for f in result.findings if f.detector == "branding"]
    assert sorted(f.rule for f in found) == rules
    assert all("work polo" in f.message and f.fix for f in found)
    # the same words on the school's own account are the school's own branding
    official = run_check("10k done in our work polos!", pack=pack, channel="official",
                         images=[{"path": "images/missing_photo.jpg"}], approval={"staff_id": "S01"})
    assert not [f for f in official.findings if f.detector == "branding"]


SATURDAY_EVENING = "2026-11-21T19:00:00+00:00"


@pytest.mark.parametrize(("pack", "at", "also"), [
    # the pack's rule on sexual content, or, where it states none, the school's good name
    ("staffs_protocol", SATURDAY_EVENING, {"content.sexual_obscene"}),
    ("auriga", SATURDAY_EVENING, {"content.disrepute"}),
    ("tpat", None, {"content.disrepute"}),
    # TPAT reaches personal accounts in working time only; a safeguarding concern is not bound by it
    ("tpat", SATURDAY_EVENING, set()),
])
def test_pupils_talked_of_sexually_by_staff_go_to_the_dsl(
    run_check: Callable[..., CheckResult], pack: str, at: str | None, also: set[str],
) -> None:
    when = {"at": at} if at else {}
    result = run_check("some of these year 11 girls look about 25 in their prom pics 👀 not complaining",
                       pack=pack, channel="personal", **when)
    found = [f for f in result.findings if f.detector == "sexualised_pupils"]
    assert sorted(f.rule for f in found) == sorted({"workflow.safeguarding_escalation"} | also)
    assert result.verdict == "escalate"
    assert "year 11 girls" in found[0].message and "DSL" in found[0].fix


def test_pupils_talked_of_sexually_in_a_parents_comment_are_not_the_staff_members_words(
    run_check: Callable[..., CheckResult],
) -> None:
    result = run_check("the year 10 girls are nearly legal 😂", pack="holbrook", channel="official",
                       kind="comment", counterpart={"kind": "parent", "direction": "received"})
    assert [f for f in result.findings if f.detector == "sexualised_pupils"] == []


# (session 31) A view the school must not take, on its own account, read from the words whatever
# the language model makes of them (three outside readers' polling-day posts had been let through
# where the model's score fell short): an election's side, one faith declared the only true one.
@pytest.mark.parametrize("text", [
    "Polling day tomorrow! Please vote Green for a cleaner, kinder Larkfield 💚",
    "This Easter, remember that Jesus is the only way to the Father. Happy Easter from all at Larkfield",
])
@pytest.mark.parametrize(("pack", "verdict", "rule"), [
    ("auriga", "escalate", "content.disrepute"),
    ("reach2", "block", "content.disrepute"),
    ("staffs_protocol", "block", "content.disrepute"),
    ("tpat", "block", "content.official_personal_opinions"),
    ("holbrook", "block", "content.official_personal_opinions"),
])
def test_a_view_the_school_must_not_take_on_its_own_account(
    run_check: Callable[..., CheckResult], text: str, pack: str, verdict: str, rule: str,
) -> None:
    result = run_check(text, pack=pack, channel="official")
    found = [f for f in result.findings if f.detector in ("election", "faith_claim")]
    assert [f.rule for f in found] == [rule]
    assert result.verdict == verdict and found[0].fix


@pytest.mark.parametrize("text", [
    "Polling day tomorrow! I'll be voting Green for a cleaner, kinder town 💚",
    "Jesus is the only way. Happy Easter everyone ✝️",
])
def test_a_members_own_vote_or_faith_on_their_own_page_is_theirs(
    run_check: Callable[..., CheckResult], text: str,
) -> None:
    result = run_check(text, pack="auriga", channel="personal")
    assert [f for f in result.findings if f.detector in ("election", "faith_claim")] == []


# (session 31) The writer's own pupils called on in a public post and given a personal number:
# contact outside the school's channels, as a message to one pupil would be.
@pytest.mark.parametrize(("pack", "rule"), [
    ("auriga", DETAILS_TO_PUPILS), ("staffs_protocol", DETAILS_TO_PUPILS), ("holbrook", PERS_CONTACT),
    ("reach2", PERS_CONTACT), ("tpat", FRIEND),
])
def test_a_personal_number_offered_to_the_writers_own_pupils_in_a_post(
    run_check: Callable[..., CheckResult], pack: str, rule: str,
) -> None:
    result = run_check("Any of my Y11s stuck on revision over Easter, just text me on 07700 900823 🙂",
                       pack=pack, channel="personal")
    found = [f for f in result.findings if f.detector == "contact_details"]
    assert [f.rule for f in found] == [rule] and result.verdict == "escalate"
    assert "my Y11s" in found[0].message
    # (a year group called on at the start, given a personal email)
    result = run_check("Y13 historians – panicking about tomorrow's paper? My personal email is "
                       "cwhittle84@postbox.example, fire questions at me tonight", pack=pack, channel="personal")
    assert [f.rule for f in result.findings if f.detector == "contact_details"] == [rule]


@pytest.mark.parametrize("text", [
    "My Year 11s, if you are stuck, email me on the school address or message me on Teams",
    "Any of my kids' friends' parents, text me on 07700 900823 about the party",
    "My Year 6s were brilliant today! Selling our sofa btw, text 07700 900114",
    "Year 6 – what a day at the beach! Selling my paddleboard btw, 07700 900111",
])
def test_the_schools_channels_a_parents_number_or_pupils_mentioned_in_passing(
    run_check: Callable[..., CheckResult], text: str,
) -> None:
    result = run_check(text, pack="auriga", channel="personal")
    assert not {f.rule for f in result.findings} & {DETAILS_TO_PUPILS, PERS_CONTACT, FRIEND}


# (session 31) A pupil named in the writer's teaching group beside their needs is a pupil's private
# matter; the same first name in a running club is not a pupil in a school setting.
@pytest.mark.parametrize(("text", "told"), [
    ("Had the best moment today. Declan in my group is autistic and non-verbal most days 🥹", True),
    ("Declan from my running group is autistic and smashed his 5k today", False),
])
def test_a_pupil_in_the_writers_group_beside_their_needs(
    run_check: Callable[..., CheckResult], text: str, told: bool,
) -> None:
    result = run_check(text, pack="auriga", channel="personal")
    assert ("content.personal_info_about_individuals" in {f.rule for f in result.findings}) is told


# (session 31) Drink in a member of staff's own post: drunk with work in the words is disrepute;
# drunk at a hen do is the protocol's advice on keeping one's own posts professional (the other
# packs state no such rule); driving after drinking is illegal conduct, else disrepute.
@pytest.mark.parametrize(("text", "pack", "rules"), [
    ("Absolutely hammered by 3pm on an INSET day 🍻", "reach2", ["content.disrepute"]),
    ("Absolutely hammered by 3pm on an INSET day 🍻", "holbrook", ["content.disrepute"]),
    ("Absolutely hammered at Kerry's hen do 🍸 no regrets", "staffs_protocol", ["content.own_photos_professionalism"]),
    ("Absolutely hammered at Kerry's hen do 🍸 no regrets", "auriga", []),
    ("4 pints and still drove home fine 😎", "reach2", ["content.illegal"]),
    ("4 pints and still drove home fine 😎", "auriga", ["content.disrepute"]),
])
def test_drink_in_a_members_own_post(
    run_check: Callable[..., CheckResult], text: str, pack: str, rules: list[str],
) -> None:
    result = run_check(text, pack=pack, channel="personal", at="2026-03-07T21:00:00+00:00")
    assert [f.rule for f in result.findings if f.detector == "drink"] == rules

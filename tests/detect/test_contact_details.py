"""Contact details: phones, emails, postcodes, street addresses, dates of birth, handles and
'add me on ...' offers, each labelled with whose it looks to be."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from safepost.detect import Evidence
from safepost.detect.contact_details import ContactDetailsDetector, email_owner
from safepost.school import School, load_school
from tests.conftest import SCHOOL_YAML

Detect = Callable[..., list[Evidence]]


def found(detect: Detect, text: str, kind: str, **fields: Any) -> list[Evidence]:
    return [item for item in detect(ContactDetailsDetector(), text, **fields) if item.kind == kind]


def texts(items: list[Evidence]) -> list[str]:
    return [item.text for item in items]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ring me on 07700 900123 after six.", "07700 900123"),  # UK mobile
        ("Text 07911123456 if you're lost.", "07911123456"),  # mobile, no spaces
        ("Call 020 7946 0018 for tickets.", "020 7946 0018"),  # London landline
        ("Our number is 0161 496 0000.", "0161 496 0000"),  # Manchester landline
        ("Phone (01632) 960 001 to book.", "(01632) 960 001"),  # brackets
        ("WhatsApp me on +44 7700 900456.", "+44 7700 900456"),  # +44
        ("From France call +33 1 42 68 53 00.", "+33 1 42 68 53 00"),  # international
        ("My US cell is +1 415 555 2671.", "+1 415 555 2671"),
        ("Ring 07700.900.318 after six", "07700.900.318"),  # dotted
        ("Ring 0044 7700 900512 after six", "0044 7700 900512"),  # 00 44
        ("Ring +44 (0)7700 900 274 after six", "+44 (0)7700 900 274"),  # the (0) kept
        ("Ring 01632 960418 ext 22 after six", "01632 960418 ext 22"),  # an extension (session 24)
    ],
)
def test_phone_numbers_found(detect: Detect, text: str, number: str) -> None:
    items = found(detect, text, "phone")
    assert texts(items) == [number]
    (item,) = items
    assert item.start is not None and text[item.start:item.end] == number
    assert item.attrs["owner"] == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "The trip is on 12/03/2026 at 10:30.",  # date and time
        "Term runs 06/01/2026 - 27/03/2026.",  # date range
        "Clubs run 15:15-16:30 on 04.03.2026.",
        "Doors open 6.30pm, tickets 2 for £5.",
        "Tickets £12.50 each; we raised £1,250.00 and £1,234,567 overall.",  # prices
        "Since 2019 and again in 2025 we have won.",  # years
        "Between 1990 and 2020 we raised 15000 pounds.",
        "Class of 2015-2016 reunion.",
        "Scored 24/30 in the spelling test.",
        "Order number 4471920385 has shipped.",  # order numbers
        "Order #100234567 is on its way.",
        "Order ref 1234567890 is ready to collect.",
        "Invoice 2026/0042 paid.",
        "ISBN 978-0-14-103614-4 is the class reader.",
        "Tracking number 1Z999AA10123456784.",
    ],
)
def test_numbers_that_are_not_phones(detect: Detect, text: str) -> None:
    assert texts(found(detect, text, "phone")) == []


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Call the office on 01632 960555.", "school_public"),
        ("Call the office on 01632960555.", "school_public"),  # written differently
        ("Call the office on +44 1632 960555.", "school_public"),
        ("Call me on 01632 960556.", "unknown"),
    ],
)
def test_school_public_phone(detect: Detect, text: str, owner: str) -> None:
    (item,) = found(detect, text, "phone")
    assert item.attrs["owner"] == owner


@pytest.mark.parametrize(("text", "official", "owner"), [
    # not on the school's list, but the words give a landline as the school's own
    ("Please ring the office on 01632 960100 and ask for me.", False, "school_public"),
    ("Could you give the office a ring on 01632 960100?", False, "school_public"),
    ("Reception: 01632 960100", True, "school_public"),
    # (session 24) a number or line named as the school's, and a label in a bio
    ("Reminder that the school office number is 01632 960100 (press 1).", True, "school_public"),
    ("Report absences on our absence line: 01632 960101", False, "school_public"),
    ("Reception teacher 🌈 School office: 01632 960418", False, "school_public"),
    # ... not a number given as someone's own, on any account
    ("My office: 0116 496 0777 - call any time", False, "unknown"),
    ("Reception: 01632 960100", False, "unknown"),
    ("If your child is unwell, ring me at home after school on 01632 960777", True, "unknown"),
    ("Please call Mrs Patel on her home phone: 0116 496 0777", True, "unknown"),
    # on the school's own account "us", "our number", "Tel:" and a switchboard menu are the school
    ("Our phone line is down: call our temporary number 01632 960451.", True, "school_public"),
    ("Off sick? Ring 01632 960100 (option 1) by 8.30am.", True, "school_public"),
    ("Call us on 0121 496 0000 to book.", True, "school_public"),
    ("Please email the office or ring 01632 960400 and Miss Lawton will get back to you", True, "school_public"),
    ("Tel: 01632 960432 (Mrs Green, evenings only)", True, "unknown"),
    ("Please pop into the office or give us a ring on 01632 960418", True, "school_public"),
    ("Not monitored out of hours – for anything urgent call 01632 960100.", True, "school_public"),
    ("Ring Gerry on 01632 960733 for logs", True, "unknown"),      # someone named before it
    # ... on a personal account they are the writer's household
    ("Call us on 0121 496 0000 to book.", False, "unknown"),
    ("Our number is 0161 496 0000.", False, "unknown"),
    # a mobile is never the switchboard; a landline with no such words is someone's
    ("Ring the office mobile on 07700 900123.", True, "unknown"),
    ("Her mum's number is 01632 960111.", True, "unknown"),
    # (session 31) a label for queries, reception rung; a public service's number, on any account
    ("SNOW CLOSURE: we are closed today. Urgent queries: 01632 960200 from 9am.", True, "school_public"),
    ("Mr Whieldon would be happy to talk it through, please ring reception on 01632 960214.", True,
     "school_public"),
    ("Worried about a child? Call Bolton Children's Social Care on 01632 960777.", True, "public_service"),
    ("or call the county children's services front door on 01632 960555", False, "public_service"),
    ("Ring Mr Bagnall on his own mobile 07700 900318 if the coach is late", True, "unknown"),
    ("Questions about the police visit? Ring Mrs Green at home on 01632 960999", True, "unknown"),
    # (session 31's review) a person named after the service is the person's number
    ("For anything out of hours ring Mr Green on 01632 960222", True, "unknown"),
    ("Shout out to Mrs Patel: 01632 960333 for the PTA raffle", True, "unknown"),
])
def test_a_landline_the_words_give_as_the_schools(
    detect: Detect, make_school_dir: Callable[..., Path], text: str, official: bool, owner: str,
) -> None:
    # a school directory with no public contacts listed, as most contract directories are
    unlisted = load_school(make_school_dir(school={k: v for k, v in SCHOOL_YAML.items() if k != "public_contacts"}))
    items = detect(ContactDetailsDetector(), text, on=unlisted, channel="official" if official else "personal")
    (item,) = [item for item in items if item.kind == "phone"]
    assert item.attrs["owner"] == owner


@pytest.mark.parametrize(
    ("email", "owner"),
    [
        ("office@larkfield.sch.uk", "school_public"),  # listed in public_contacts
        ("OFFICE@Larkfield.sch.uk", "school_public"),  # any case
        ("enquiries@larkfield.sch.uk", "school_public"),  # a generic school mailbox
        ("admissions@heronsgate.org.uk", "school_public"),  # trust domain, generic
        ("d.fairbrother@larkfield.sch.uk", "work"),  # a staff mailbox
        ("c.ward@heronsgate.org.uk", "work"),  # the trust's domain
        ("d.fairbrother@staff.larkfield.sch.uk", "work"),  # a subdomain
        ("danfair88@gmail.com", "personal"),
        ("d.fairbrother@larkfield.sch.uk.evil.com", "personal"),
        ("d.fairbrother@notlarkfield.sch.uk", "personal"),
    ],
)
def test_email_owner(detect: Detect, school: School, email: str, owner: str) -> None:
    assert email_owner(email, school) == owner
    text = f"Email {email} with any questions."
    (item,) = found(detect, text, "email")
    assert item.text == email
    assert item.attrs["owner"] == owner
    assert item.start is not None and text[item.start:item.end] == email


def test_email_is_not_a_handle(detect: Detect) -> None:
    text = "Email danfair88@gmail.com today"
    assert texts(found(detect, text, "social_handle")) == []


@pytest.mark.parametrize(
    ("text", "postcode", "owner"),
    [
        ("Find us at WB3 7QT.", "WB3 7QT", "school_public"),
        ("Find us at WB37QT.", "WB37QT", "school_public"),
        ("I moved to SW1A 1AA last year.", "SW1A 1AA", "unknown"),
        ("Near M1 1AE, come round.", "M1 1AE", "unknown"),
        ("Postcode EH12 9DQ.", "EH12 9DQ", "unknown"),
        ("collect from 22 birchwood avenue ls29 7hd", "ls29 7hd", "unknown"),  # typed in lower case
        ("we're near m1 1ae now", "m1 1ae", "unknown"),  # lower case: a real area (M)
        ("NG7 1ST is the new office", "NG7 1ST", "unknown"),  # an ordinal last part, a real area
    ],
)
def test_postcodes(detect: Detect, text: str, postcode: str, owner: str) -> None:
    (item,) = found(detect, text, "postcode")
    assert (item.text, item.attrs["owner"]) == (postcode, owner)


@pytest.mark.parametrize("text", [
    "Year 6 came top.", "Room B12 is free.", "ABC 123 is a code.", "Y6 vs Y5",
    "Y7 1ST PLACE AT THE DISTRICT MATHS QUIZ!!!",  # Y is no postcode area; 1ST is an ordinal
    "YR7 2ND IN THE RELAY", "yr7 2nd in the relay", "well done y6 1st team",
    "ls297hd",  # lower case without the space: too like a code
    "Selling my ps4 1tb, message me", "mp3 2gb and a ps5 2tb",  # lower case, no such area
])
def test_not_postcodes(detect: Detect, text: str) -> None:
    assert found(detect, text, "postcode") == []


@pytest.mark.parametrize(
    ("text", "address", "owner"),
    [
        ("I live at 42 Kestrel Close now.", "42 Kestrel Close", "unknown"),
        ("Party at 7 Birch Avenue on Saturday.", "7 Birch Avenue", "unknown"),
        ("Drop it round to 3a Old Mill Lane.", "3a Old Mill Lane", "unknown"),
        ("Visit us at 22 Orchard Road.", "22 Orchard Road", "school_public"),
        ("We live at 12 Oak Park now", "12 Oak Park", "unknown"),  # after "at": an address
        ("Collect from 4 Beacon Hill, Westbury", "4 Beacon Hill", "unknown"),
        ("Flat 3, 12-14 High Street, Westbury", "12-14 High Street", "unknown"),  # a range of numbers
        ("We've just moved into 14 Elm Grove and love it", "14 Elm Grove", "unknown"),
        ("Pop round any time: 22 Larkfield Road", "22 Larkfield Road", "unknown"),  # the school's name in a street
    ],
)
def test_street_addresses(detect: Detect, text: str, address: str, owner: str) -> None:
    (item,) = found(detect, text, "street_address")
    assert (item.text, item.attrs["owner"]) == (address, owner)


@pytest.mark.parametrize(
    "text",
    [
        "Year 6 Nature Walk was lovely.",
        "Our Year 4 Forest Walk starts at nine.",
        "Class 4 Meadow View display.",
        "Room 12 Garden View is open.",
        "Team 3 Green won the relay.",
        "We walked 5 miles along the road.",
        "FT: Larkfield 3-1 Oakwood Park, what a game",  # a score
        "Well done to our 14 Larkfield Park runners!",  # the school's name (alias + Park)
        "Congratulations to our 12 Larkfield Primary School choir singers",
        "Our 3 Beacon Hill walkers raised £300",  # Hill, then a lower-case word
        "FT: Larkfield 2-4 Oakwood Park ⚽",  # a score, even with the larger number second
        "Kick off 10.30 Oakwood Park",
    ],
)
def test_not_street_addresses(detect: Detect, text: str) -> None:
    assert found(detect, text, "street_address") == []


@pytest.mark.parametrize(
    ("text", "owner", "pupil_id"),
    [
        ("I was born on 14/06/1986, feeling old!", "unknown", None),
        ("DOB: 1988-03-03", "unknown", None),
        ("My date of birth is 3rd March 1988.", "unknown", None),
        ("Her birthday is 30/01/2015.", "unknown", None),
        ("Renée's party on 30 January 2015 photos.", "pupil", "P104"),  # named, her date of birth
        ("Happy birthday! Remember 2016-04-17? 🎂", "pupil", "P105"),  # Ffion's, a birthday post
        ("Born on the 4th of July 1990, fireworks every year", "unknown", None),
    ],
)
def test_dates_of_birth(detect: Detect, text: str, owner: str, pupil_id: str | None) -> None:
    (item,) = found(detect, text, "date_of_birth")
    assert item.attrs["owner"] == owner
    assert item.attrs["pupil_id"] == pupil_id


@pytest.mark.parametrize(
    "text", [
        "The trip is on 12/03/2026.", "Sports day: 2026-07-08.", "Born to run, 10k on Sunday.",
        # Pupils' dates of birth (Renée's, Ffion's) in posts about something else, naming nobody
        "Our library first opened on 30/01/2015, 40,000 books lent since!",
        "Remember 2016-04-17? The day the roof blew off the hall.",
        "Summer term news: our new hall opened on 14/06/2017",  # Summer is a word here (P101's birthday)
        "Our library opened on 30/01/2015 - take a turn at reading",  # "turn" is no birthday word
    ]
)
def test_dates_that_are_not_dates_of_birth(detect: Detect, text: str) -> None:
    assert found(detect, text, "date_of_birth") == []


@pytest.mark.parametrize(
    ("text", "handle", "owner"),
    [
        ("Follow @dfairbrother88 for more.", "@dfairbrother88", "unknown"),
        ("Follow @LarkfieldPri for news.", "@LarkfieldPri", "school_public"),
        ("add me snap: dan_f88", "dan_f88", "unknown"),
        ("my insta is amy.r_23 x", "amy.r_23", "unknown"),
    ],
)
def test_social_handles(detect: Detect, text: str, handle: str, owner: str) -> None:
    items = found(detect, text, "social_handle")
    assert [(item.text, item.attrs["owner"]) for item in items] == [(handle, owner)]


@pytest.mark.parametrize(
    ("text", "offer"),
    [
        ("add me on snap", "add me on snap"),
        ("Follow me on insta!", "Follow me on insta"),
        ("just dm me", "dm me"),
        ("hit me up on whatsapp", "hit me up on whatsapp"),
        ("Hit me up if you need anything", "Hit me"),
        ("my number is 07700 900123", "my number is"),
    ],
)
def test_contact_offers(detect: Detect, text: str, offer: str) -> None:
    assert offer in texts(found(detect, text, "contact_offer"))


@pytest.mark.parametrize(
    "text", ["Add the eggs to the flour.", "Follow the instructions.", "Snap! We both wore red.",
             # a child telling someone they were hurt: "hit me" is an offer only as "hit me up"
             "my mums boyfriend hit me again last nite", "he hit me on the arm at break",
             # (session 31's review) the school's own channels: no contact moved anywhere
             "If you're stuck on the homework, message me on Teams",
             "Any questions, email me on the school address or message me on Google Classroom"]
)
def test_not_contact_offers(detect: Detect, text: str) -> None:
    assert found(detect, text, "contact_offer") == []
    assert found(detect, text, "social_handle") == []


def test_empty_text_has_no_contact_details(detect: Detect) -> None:
    assert detect(ContactDetailsDetector(), "") == []


@pytest.mark.parametrize(("text", "written", "address"), [
    ("Email the organiser: j.fairweather.travel [at] gmail [dot] com", "j.fairweather.travel [at] gmail [dot] com",
     "j.fairweather.travel@gmail.com"),
    ("reach me on r.mehta (at) school (dot) org (dot) uk", "r.mehta (at) school (dot) org (dot) uk",
     "r.mehta@school.org.uk"),
    ("write to sam.jones at gmail dot com please", "sam.jones at gmail dot com", "sam.jones@gmail.com"),
    ("info [AT] example.co.uk", "info [AT] example.co.uk", "info@example.co.uk"),
])
def test_an_email_written_to_dodge_scrapers_is_still_an_email(detect: Detect, text: str, written: str,
                                                            address: str) -> None:
    (item,) = found(detect, text, "email")
    assert item.text == written and item.attrs["address"] == address
    assert item.start is not None and text[item.start:item.end] == written
    assert item.attrs["owner"] == "personal"


@pytest.mark.parametrize("text", [
    "Look at Paris.com for the trip",          # a web address after a word
    "Tickets at eventbrite.co.uk",
    "meet at the gate at 3.30",
    "we are at school dot five",               # no common ending
    "see you (at) 3 o'clock",
    "Meet [at] 10.30 by the gate",             # a time, not a domain
    "Homework is at bbc dot co dot uk slash bitesize",   # "is" names no mailbox
    "Revision resources at senecalearning dot com",
    "Thanks all at Oakfield dot com",
])
def test_words_with_at_and_dot_are_not_emails(detect: Detect, text: str) -> None:
    assert found(detect, text, "email") == []


@pytest.mark.parametrize(("text", "written", "digits"), [
    ("Text the hotline: oh seven seven oh oh, nine oh oh, five five one 📱",
     "oh seven seven oh oh, nine oh oh, five five one", "07700900551"),
    ("ring zero seven seven double oh nine double oh one two three tonight",
     "zero seven seven double oh nine double oh one two three", "07700900123"),
])
def test_a_phone_number_spelled_out_in_words_is_a_phone_number(detect: Detect, text: str, written: str,
                                                              digits: str) -> None:
    (item,) = found(detect, text, "phone")
    assert item.text == written and item.attrs["digits"] == digits
    assert item.start is not None and text[item.start:item.end] == written


@pytest.mark.parametrize("text", [
    "one two three four five six seven eight nine ten",   # counting, not a number to ring
    "one, two, three, four, five, six, seven, eight, nine, zero",
    "we scored two, then three, then one more",
])
def test_counting_in_words_is_not_a_phone_number(detect: Detect, text: str) -> None:
    assert found(detect, text, "phone") == []


def test_a_number_word_before_a_spelled_phone_number_is_not_part_of_it(detect: Detect) -> None:
    text = "In year six oh seven seven oh oh nine oh oh one two three"
    (item,) = found(detect, text, "phone")
    assert item.attrs["digits"] == "07700900123" and item.text.startswith("oh seven")


def test_a_school_that_lists_its_numbers_has_said_which_are_its_own(detect: Detect) -> None:
    # The test school lists 01632 960555: another landline "call us on" is not inferred to be its.
    (item,) = found(detect, "Call us on 0116 496 0777", "phone", channel="official")
    assert item.attrs["owner"] == "unknown"


@pytest.mark.parametrize("text", [
    # (session 21) a sign-off after the number names who wrote it, not whose number it is
    "Any problems, just give the office a ring on 01632 960418 😊 – Mrs Fairbrother, School Office",
    "Apply online or call the office on 01632 960418. – Mrs Whitlock, Headteacher",
])
def test_a_sign_off_after_the_schools_number_is_no_persons_number(detect: Detect, text: str) -> None:
    # (a school that lists no public numbers, as most contract directories: the words decide)
    school = load_school(Path(__file__).resolve().parents[1] / "data" / "devset" / "schools" / "larkspur")
    found = detect(ContactDetailsDetector(), text, on=school, channel="official")
    (item,) = [evidence for evidence in found if evidence.kind == "phone"]
    assert item.attrs["owner"] == "school_public"


# (session 31) The writer's own pupils called on in a post: evidence for `evaluate`, which decides
# whether details beside them are given to them.
@pytest.mark.parametrize(("text", "called"), [
    ("Any of my Y11s stuck on revision over Easter, just text me on 07700 900823", "Any of my Y11s"),
    ("To my form group: add me on Snapchat @mrdavies_pe", "To my form group:"),
    ("Y13 historians – panicking about tomorrow's paper?", "Y13 historians –"),
    ("My Year 6s were brilliant today!", None),
    ("Any of my kids' friends' parents, text me about the party", None),
    ("Year 6 – what a day at the beach!", None),
])
def test_the_writers_own_pupils_called_on(detect: Detect, text: str, called: str | None) -> None:
    items = found(detect, text, "own_pupils_called")
    assert texts(items) == ([called] if called else [])


def test_own_pupils_are_called_on_only_in_the_writers_own_post(detect: Detect) -> None:
    text = "Any of my Y11s stuck on revision, text me"
    items = detect(ContactDetailsDetector(), text, kind="message", counterpart={"kind": "colleague"})
    assert [item for item in items if item.kind == "own_pupils_called"] == []

"""Sensitive matters (health, SEN, safeguarding and family circumstances, discipline and the
police), as against charities and awareness days that name them about no one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.sensitive import SensitiveMatterDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "kind"), [
    ("Please keep Jack in your thoughts as he begins chemotherapy this week", "chemotherapy", "health"),
    ("despite her dyslexia!", "dyslexia", "special educational needs"),
    ("has been referred to social services after concerns", "social services", "safeguarding"),
    # (session 29) a safeguarding case, the school's business as well as the child's
    ("Another CP referral today for one of my Year 2s", "CP referral", "safeguarding"),
    ("Two referrals to MASH before 10am", "referrals to MASH", "safeguarding"),
    ("Social care in today for one of my Reception babies", "Social care", "safeguarding"),
    ("Had to take a disclosure today, lass is 12", "Had to take a disclosure", "safeguarding"),
    ("Y6 lad permanently excluded today, about time", "permanently excluded", "discipline or the police"),
    ("the boy who hit Ruby at lunch has been excluded for 3 days", "been excluded", "discipline or the police"),
    ("Another perm ex in Year 10 this week", "perm ex", "discipline or the police"),
    ("First ever suspension for a Year 2 today", "suspension for a Year 2", "discipline or the police"),
    ("Amber in Year 10 has been excluded for three days", "been excluded", "discipline or the police"),
    ("Joy is now a young carer for her mum", "young carer", "safeguarding or family circumstances"),
    # (session 21, after a reviewer's probe) words the list lacked, and forms it was too tight for
    ("Get well soon Ollie, recovering from his kidney operation", "recovering from his kidney operation",
     "health"),
    ("Priya has been permanently excluded", "been permanently excluded", "discipline or the police"),
    ("Sami is settling in with his new foster family", "foster family", "safeguarding or family circumstances"),
    ("Rosa is back with us after her dad's death in March", "her dad's death",
     "safeguarding or family circumstances"),
    ("Kit has been suspended from the rugby team", "been suspended from the rugby team",
     "discipline or the police"),
    ("Ben got a detention for his homework", "got a detention", "discipline or the police"),
    ("Maya is on the SEN register now", "sen register", "special educational needs"),
    ("Patrik has been given a fixed-term exclusion", "fixed-term exclusion", "discipline or the police"),
    ("Jay has lived with his nan since going into care", "into care", "safeguarding or family circumstances"),
    ("Sending love to Bailey, whose grandad passed away", "whose grandad passed away",
     "safeguarding or family circumstances"),
    ("Jordan's social worker is now involved", "social worker", "safeguarding"),
    ("Tobi, who has battled depression this year", "battled depression", "health"),
    ("Ayaan has had more detentions than anyone", "had more detentions", "discipline or the police"),
    ("Shay got himself excluded again", "got himself excluded", "discipline or the police"),
    ("since her dad went to prison", "went to prison", "safeguarding or family circumstances"),
    # (session 23) a pupil's record as a reply to a parent sets it out
    ("if Tommy was in school on time more often he'd not miss phonics", "if tommy was in school on time",
     "attendance or progress"),
    ("Kayden's been spoken to about his behaviour more times than I can count",
     "spoken to about his behaviour", "discipline or the police"),
    ("Hunter swore at a member of staff", "swore at a member of staff", "discipline or the police"),
    ("The register doesn't lie.", "the register doesn't lie", "attendance or progress"),
    ("he wouldn't keep ending up on the detention list", "on the detention list", "discipline or the police"),
    ("the boy responsible has been suspended for five days", "been suspended for five days",
     "discipline or the police"),
    # (session 24) an operation as staff shorten it, and a sanction told to a parent
    ("Get well soon to Harvey, recovering from his appendix op", "recovering from his appendix op", "health"),
    ("Four months of selective mutism and he just said it", "selective mutism", "special educational needs"),
    ("He's 12 and non-verbal and was in pain", "non-verbal", "special educational needs"),
    ("Your daughter was sanctioned because she broke the rules", "your daughter was sanctioned",
     "discipline or the police"),
    # (session 27) an absence explained, a get-well message to the child
    ("Mrs Shenton is away until Easter following her hip operation", "following her hip operation", "health"),
    ("Get well soon Ruby, thinking of you while you're in hospital", "you're in hospital", "health"),
    ("Mrs Tunstall is away for the rest of term following her breakdown", "her breakdown", "health"),
    ("apparently Mr Mellor's signed off with stress again", "signed off with stress", "health"),
    # (session 31) an exclusion panel, having to exclude, a first exclusion
    ("Exclusion panel on Thursday for one of my Year 10s", "Exclusion panel", "discipline or the police"),
    ("Had to permanently exclude a Year 6 lad today", "Had to permanently exclude a", "discipline or the police"),
    ("First exclusion in my whole time at our place today", "First exclusion", "discipline or the police"),
    # (session 31, second readings) a cochlear implant; a pupil's behaviour plan by name; a capability process
    ("He finally had his new cochlear implant switched on today", "cochlear implant", "health"),
    ("Day 3 of Darius's new behaviour plan and he's tipped two tables", "new behaviour plan",
     "discipline or the police"),
    ("She leaves us at Easter after her capability process", "her capability process", "discipline or the police"),
    # (session 31, third readings) off with stress, a child who wets himself, a family's immigration status
    ("Gary's off with stress AGAIN. Third time this year", "off with stress", "health"),
    ("guess which year 4 boy still wets himself at least once a week", "still wets", "health"),
    ("Her dad told me they never got settled status", "settled status", "safeguarding or family circumstances"),
])
def test_sensitive_matters_are_found(detect: Detect, text: str, words: str, kind: str) -> None:
    (item,) = detect(SensitiveMatterDetector(), text)
    assert item.kind == "sensitive_matter" and item.text.lower() == words.lower() and item.attrs["kind"] == kind


@pytest.mark.parametrize("text", [
    "Year 5 raised £240 for Cancer Research at the bake sale",
    "Mental Health Awareness Week: wear something green on Friday",
    "Congratulations to Jasleen on being named Young Carer of the Year",
    "Well done to our netball team on winning the county final",
    "The match was suspended at half time due to rain",
    "Following the surgery's advice on chickenpox, please keep children at home",   # the GP's surgery
    "Following a successful operation by local police the road is open again",
    "Here is a breakdown of the costs for the Year 6 residential",
    "Sorry I'm late, had to wait for my breakdown cover on the A1",
    "She was charged with organising the fair",
    "Our anxiety workshop for parents is on Tuesday",
    "She is in hospital visiting her nan today",
    "He has been diagnosed as the best reader in Year 4",
    "Year 6 visited the magistrates court on a trip",
    # (session 21) make-believe, history, a matter as the subject of a talk, a charity, a job
    "In our police role-play Freddie was arrested by PC Hope",
    "Our Year 8 history essays ask why Anne Boleyn was sentenced to death",
    "Aisha gave a speech at the youth parliament on free school meals",
    "We raised £300 for the Teenage Cancer Trust",
    "Her gran is a diabetes specialist nurse",
    "World Autism Acceptance Week starts on Monday",
    "Nobody is excluded from our lunchtime clubs",
    "Year 7 built models of the Chernobyl exclusion zone",
    "Ellie sang with the choir in care homes across the town",
    "Henry VIII wanted a divorce from Catherine",
    "Our bunting was suspended from the hall ceiling",
    "Sam wants to be a social worker when he grows up",
    "Health and social care BTEC coursework due Friday",
    "Use my referral code for 10% off the Year 6 hoodies",
    "Child protection training for all staff on the INSET day",
    "Star of the Week for Leo, who looked after a new friend at playtime",
    "Roksana is a Young Ambassador for the charity's work with young people in care",
    # (session 23) attendance praised or asked for is no one's record
    "Well done to Tommy for 100% attendance this term!",
    "Please can all children be in school on time for the trip on Friday",
    "Our attendance this week was 97%, thank you parents",
    "Honestly he's been a star this week, his behaviour has been brilliant",
])
def test_charities_and_awareness_days_are_about_no_one(detect: Detect, text: str) -> None:
    assert detect(SensitiveMatterDetector(), text) == []


@pytest.mark.parametrize(("text", "pupil"), [
    ("First permanent exclusion in my 20 years today. One of my Year 6s finally went too far.",
     "one of my year 6s"),
    ("Had to ring social services today. One of my tutor group, again.", "one of my tutor group"),
])
def test_the_writers_own_pupil_opening_the_next_sentence(detect: Detect, text: str, pupil: str) -> None:
    (item,) = detect(SensitiveMatterDetector(), text)
    assert item.attrs["own_pupils"].lower() == pupil


@pytest.mark.parametrize(("text", "pupil"), [
    ("Had to ring social services about one of my little ones again.", "one of my little ones"),
    ("honestly the autistic lad in our base had the worst meltdown today", "the autistic lad in our base"),
    ("So proud of my little 1:1 today, he's autistic and managed a whole lesson", "my little 1:1"),
    ("Sooo social services were in today for one of the Base kids", "one of the base kids"),
])
def test_the_writers_own_pupils_are_not_their_family(detect: Detect, text: str, pupil: str) -> None:
    (item,) = detect(SensitiveMatterDetector(), text)
    assert item.attrs["own_pupils"].lower() in pupil and not item.attrs["family_news"]


def test_the_writers_own_pupil_later_in_the_next_sentence_is_not_read(detect: Detect) -> None:
    text = "My nan has dementia now. Lovely card from one of my Year 6s today."
    assert [item.attrs["own_pupils"] for item in detect(SensitiveMatterDetector(), text)] == [""]


@pytest.mark.parametrize(("text", "colleague", "kind"), [
    ("Thinking of our Joanne from the office who starts chemo tomorrow", "our Joanne from the office", "health"),
    ("a certain member of SLT was seen leaving the pub with someone who is very much NOT her husband",
     "a certain member of SLT", "private life"),
    ("Heard our deputy's marriage is on the rocks", "our deputy", "private life"),
    ("Shh but our deputy head is pregnant again!!", "our deputy head", "health"),
])
def test_a_colleagues_private_life_is_theirs(detect: Detect, text: str, colleague: str, kind: str) -> None:
    (item,) = detect(SensitiveMatterDetector(), text)
    assert item.attrs["colleague"] == colleague and item.attrs["kind"] == kind


@pytest.mark.parametrize("text", [
    "My husband left me for a Pilates instructor in 2019 and honestly best thing that ever happened",
    "Our marriage is over? Never! 25 years today and still laughing ❤️",
    "Date night with someone who is very much not my husband: my sister 😂",
    "I'm pregnant!! Baby due in August 👶",
])
def test_the_writers_own_private_life_is_no_colleagues(detect: Detect, text: str) -> None:
    assert [item for item in detect(SensitiveMatterDetector(), text) if item.attrs["colleague"]] == []


def test_every_matter_is_found_not_only_the_first(detect: Detect) -> None:
    # (a charity named first must not hide the child's own matter later in the post)
    text = "It's Childhood Cancer Awareness Month. Please keep Elowen in your thoughts as she begins chemotherapy."
    found = [item.text for item in detect(SensitiveMatterDetector(), text)]
    assert found == ["chemotherapy"]


def test_a_matter_that_comes_before_the_talk_is_still_read(detect: Detect) -> None:
    (item,) = detect(SensitiveMatterDetector(), "Jo, who has Tourette's, gave an assembly about living with tics")
    assert item.text == "Tourette's"



@pytest.mark.parametrize(("text", "family"), [
    # whose it is, told just after the matter
    ("Social services in again for one of our families. Those poor kids.", "one of our families"),
    ("Domestic abuse again for one of my Year 3 mums, police called", "one of my Year 3 mums"),
    # not joined to it: someone else's matter beside the family
    ("Social services talk at INSET, then parents' evening with one of our families", ""),
])
def test_a_pupils_family_told_after_the_matter(detect: Detect, text: str, family: str) -> None:
    item = detect(SensitiveMatterDetector(), text)[0]
    assert item.attrs["pupil_family"] == family


@pytest.mark.parametrize("text", [
    "Great photo op with the mayor after his visit",
    "The trip was sanctioned by the head this morning",
    # (session 31's review) a school that never excludes, a zone for cars
    "We never permanently exclude a child at Oakfield, proud of our inclusive ethos",
    "Our first exclusion zone for cars outside the gates starts Monday!",
])
def test_an_op_or_a_sanction_that_is_no_ones_matter(detect: Detect, text: str) -> None:
    assert detect(SensitiveMatterDetector(), text) == []


def test_a_class_named_for_its_pupils_is_the_writers_own(detect: Detect) -> None:
    (item,) = detect(SensitiveMatterDetector(), "Another call to social care today about one of my Kingfishers")
    assert item.attrs["own_pupils"] == "one of my Kingfishers" and item.attrs["kind"] == "safeguarding"


@pytest.mark.parametrize(("text", "words", "whose", "who"), [
    # (session 30) a family by its year group or its class's name, a family at the food bank
    ("One of our Y3 families got evicted this week 😢", "got evicted", "pupil_family", "One of our Y3 families"),
    ("One of our Puffin families is being evicted on Friday", "being evicted", "pupil_family",
     "One of our Puffin families"),
    ("One of our Y8 mums has been using the food bank 😔", "using the food bank", "pupil_family",
     "One of our Y8 mums"),
    # a colleague's pregnancy counted in weeks
    ("Not meant to say but our TA Beth is 10 weeks gone!!! 🤰", "10 weeks gone", "colleague", "our TA"),
    # a suspension of the writer's pupils
    ("Two of our Y10 lads got 5 day suspensions today for vaping", "5 day suspensions", "own_pupils",
     "Two of our Y10 lads"),
    # a key worker's own pupils
    ("One of my key work lads got arrested last night. Gutted.", "got arrested", "own_pupils",
     "One of my key work lads"),
])
def test_a_familys_hardship_and_a_key_workers_pupils(
    detect: Detect, text: str, words: str, whose: str, who: str,
) -> None:
    (item,) = detect(SensitiveMatterDetector(), text)
    assert item.text == words and item.attrs[whose] == who


@pytest.mark.parametrize("text", [
    "Food bank collection this Friday: one of our families suggested tins of soup!",
    "A massive thank you to Mr and Mrs Nowak for donating 20 trays of tins to the food bank",
    "One of our new families has joined the PTA, welcome!",
    "Year 5 built a suspension bridge in DT today!",
    # (session 30's second review) bridges, volunteering, pigeons, a new colleague's first weeks
    "Our suspension bridges survived the weight test, one of our Y5 groups won",
    "A couple of my Year 10s want to volunteer at the food bank on Saturday",
    "Our caretaker evicted the pigeons from the bell tower 🐦",
    "Our ECT's 10 weeks gone so fast, she's brilliant",
    "Minibus in the garage again. Our suspension's gone on the speed bumps by the gate.",
    "Our caretaker has been using the food bank van all week to move the PTA stuff",
])
def test_giving_to_a_food_bank_is_no_ones_hardship(detect: Detect, text: str) -> None:
    assert detect(SensitiveMatterDetector(), text) == []

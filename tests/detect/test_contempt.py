"""Someone at school written off in a stock phrase, as against the same phrases said of the
writer, their family, a referee, a parcel firm or the weather."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.contempt import ContemptDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("Our new deputy couldn't organise a piss-up in a brewery. Third timetable change this week 🙄",
     "couldn't organise a piss-up in a brewery"),
    ("SLT couldn't run a bath never mind a school", "couldn't run a bath"),
    ("Our new ECT is as much use as a chocolate teapot. How she passed I'll never know",
     "as much use as a chocolate teapot"),
    ("that new head's nowt but a jumped-up clipboard merchant", "jumped-up"),
    ("head's off with 'stress' again lol. probably because she's useless at her job", "useless at her job"),
    ("Year 9 mocks marked. Thick as mince, the lot of them 🙈", "Thick as mince"),
    ("Mr Hughes is a joke of a teacher", "a joke of a teacher"),
    ("Worst head this school has ever had, staff leaving in droves", "Worst head"),
    ("Larkfield: where good TAs go to be ignored. Wouldn't send my dog there 🙃", "Wouldn't send my dog there"),
    ("Our SLT wouldn't know good teaching if it slapped them in the face",
     "wouldn't know good teaching if it slapped"),
    ("This school is going downhill fast. The head hasn't a clue", "is going downhill"),
    ("Larkfield is going downhill fast", "is going downhill"),
    ("buy that Year 5 family some soap 🤢", "buy that Year 5 family some soap"),
    ("Imagine being a deputy head and still not knowing how to run a fire drill 🤦",
     "Imagine being a deputy head and still not"),
    ("Y9 field trip: 2 lost gloves, 1 lost phone, 0 brain cells between them 🙄", "0 brain cells between them"),
    ("Told you this place was a shambles 👇", "this place was a shambles"),
    ("New teacher in Hazel class is a walking disaster 😂", "a walking disaster"),
    ("Had to open every window after PE 🤢 someone buy that family some soap", "buy that family some soap"),
    ("Wouldn't send my dog to Larkfield the way it's being run now", "Wouldn't send my dog to Larkfield"),
    ("Head office wouldn't know a classroom if it fell on them", "wouldn't know a classroom if it fell on"),
    ("Some of the leaders at my school couldn't organise a cake sale in a bakery", "couldn't organise a cake sale in a bakery"),
    ("Year 1 and b and d again. Half of them will be on the tills at Asda at this rate 😂",
     "will be on the tills at Asda"),
    ("To the Year 10 genius who set the fire alarm off: congrats 👏", "genius who set"),
    ("Larkfield really has gone downhill since the new head came", "has gone downhill"),
    ("Honestly, don't send your kids to Larkfield. No leadership at all.", "don't send your kids to"),
    ("That new head has absolutely ruined the school", "has absolutely ruined the school"),
    ("Year 9 lad sent home again. He'll be inside before he's 18, mark my words", "'ll be inside"),
    # a pupil or member of staff named on the roster is someone at school
    ("Lorcan Fairweather was a nightmare again today. Honestly he's just thick", "he's just thick"),
    ("Daniel Fairbrother? Total waste of space", "waste of space"),
    # (session 30) the school's leaders or staff, by role, called a joke or clueless
    ("Honestly the head is a total joke, third policy change this month", "head is a total joke"),
    ("Honestly the new SENCo hasn't got a clue, third missed deadline", "SENCo hasn't got a clue"),
    ("SLT are a shambles this term", "SLT are a shambles"),
    # (session 31) the school by its own name just before ("Larkfield" is the fixture school's)
    ("Larkfield is honestly a sinking ship rn. No wonder half the village go elsewhere", " is honestly a sinking ship"),
    ("Larkfield Primary is a JOKE. My lad's been bullied for months", " is a JOKE"),
    ("After today's meeting I can safely say Larkfield Primary is an absolute joke.", " is an absolute joke"),
    # (session 31, third readings) a gift to the world; the school told to be ashamed
    ("Our new head thinks she's Ofsted's gift to the Fens. Changed everything 🙄", "thinks she's Ofsted's gift to"),
    ("Signed off with stress because of how this place treats us. Larkfield, you should be ashamed.",
     "you should be ashamed"),
    # (session 31, last) downhill after "gone", a head of department a clown, parents said to need a
    # licence or a course, sarcasm at the leadership
    ("as someone who works there, I'd look elsewhere. Larkfield's gone right downhill since the new head",
     "'s gone right downhill"),
    ("New head of science is a total clown. Wrecked a department that worked fine", "head of science is a total clown"),
    ("Some of the parents at our place need a licence to have kids.", "need a licence to have kids"),
    ("Oh brilliant, another 'wellbeing' twilight from our wonderful leadership instead of sorting behaviour 🙃",
     "our wonderful leadership"),
])
def test_someone_at_school_written_off_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(ContemptDetector(), text)
    assert item.kind == "school_contempt" and item.text == words


@pytest.mark.parametrize("text", [
    "I'm as much use as a chocolate teapot before my coffee",               # the writer
    "I couldn't organise a piss-up in a brewery this week, INSET brain 🙈",
    "we're thick as mince this morning after the staff do 😂",
    "My husband couldn't organise a piss-up in a brewery 😂",                # family, no one at school
    "The ref was a waste of space today, our U11s robbed",                  # sport
    "Evri couldn't organise a piss-up in a brewery, third parcel lost",
    "The boiler is as much use as a chocolate teapot",
    "Worst head cold ever, off to bed",                                     # not a head teacher
    "Worst school run traffic I've seen all year",
    "The kids in my class are thick as thieves",                            # fond
    "She's thick as thieves with her new friend in Year 4",
    "My knees are going downhill since I turned forty",
    "I'm the worst teacher in this school for remembering birthdays 😂",
    "Wouldn't send my dog to that groomer again, he came back bald",
    "My kitchen is a shambles after the bake sale prep 😂",
    "Wouldn't send my dog to that kennel again",
    # (session 29's review) look-alikes: a DT project, PE, a costume, a hamster, a shop, the sky
    "Year 6 made chocolate teapots in DT, they melted 😂",
    "Year 2 jumped up and down when they saw the snow",
    "Imagine being a teacher and never getting to wee before 3:15",
    "Look at the clouds over the field, they're so thick today",
    "The portakabin at our school is such a waste of space",
    "Our class hamster is a waste of space, sleeps all day 😂",
    "Worst headteacher ever, best costume ever! Miss Trunchbull for World Book Day",
    "The school is a circus this week with the panto, and we love it!",
    "The staff at Tesco were useless at their jobs today",
    "Ta for the card, you're a legend",
    "Don't send your kids to school with a packed lunch on Friday, it's a pizza day 🍕",
    # (session 29's second review) the rain, the Christmas fair, work experience, a lesson
    "Year 3 will be inside for PE today because of the rain",
    "Year 6 will be on the tills at our Christmas fair, come and buy!",
    "Year 10 will be stacking shelves at Tesco for their work experience week",
    "Oakfield Primary: please do not send your child to school on Friday, INSET day",
    "Behaviour in my Year 8 class has gone downhill since the clocks changed",
    "My handwriting has gone downhill since I started teaching Year 2 lol",
    "Covid has ruined this school year for so many of our pupils",
    "Year 6 Titanic lesson: the sinking ship and who was saved",
    "Reception couldn't manage to stand still in a queue for lunch today bless them",
    "To the Year 6 genius who thought up our new house names, well done!",
    "The spin class was full of absolute idiots, waste of space the lot of them",
    "My nephew reckons he'll end up in prison for eating all the biscuits 😂",
    "To the Year 6 legend who found my car keys on the field - thank you!",
    # (session 30) prices, the roads, the odds, someone's spouse, what the writer doesn't know
    "Parking outside that school at 3pm is a total shambles, someone's going to get hurt",
    "Larkfield's new parking charges for students are a joke, £2 a day!!",
    "6A 25 mins late AGAIN 🙄 Devon public transport is an absolute joke",
    "Mr Quinn's surprise party is Friday and his wife hasn't got a clue 🤫",
    "The head hasn't got a clue where the Christmas decorations went, has anyone seen them?",
    # (session 30's second review) a coach firm, the DfE, supply rates, a nativity, a surprise party
    "The coach firm is a joke, left Year 4 standing at the gate for an hour",
    "DfE guidance is a joke, the head is tearing her hair out",
    "Supply teacher rates are a joke, no wonder nobody wants to do it",
    "Our school nativity was a shambles in the best way 😂",
    "Our head hasn't got a clue we've organised a surprise for her 50th 🤫",
    "Mr Dale is a joke teller extraordinaire, Year 4 were in stitches",
    "The 2% rise for teachers is a joke",
    # (session 31) the school's name, but something else is what is a joke; another place; fondly
    "Larkfield's new parking scheme is a joke, queue down the lane again",
    "The one-way system outside Larkfield is a shambles at 3pm",
    "Riverside Academy is a sinking ship, glad I left",
    "Larkfield is a circus this week and we love it! Book week costumes 🎪",
    "My commute's a joke this week, roadworks everywhere",
    "Year 6 you should be ashamed of how much cake you ate at the party 😂",
    "Huge thanks to our wonderful leadership team for the wellbeing day, we loved it 💙",
    "Free parenting course for Year 1 parents starting in January - book at the office",
    "Our head of music is a total legend, what a concert 🎶",
])
def test_the_same_phrases_about_no_one_at_school(detect: Detect, text: str) -> None:
    assert detect(ContemptDetector(), text) == []

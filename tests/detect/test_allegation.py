"""An allegation of wrongdoing about someone people could identify, as against the same words
about the writer, a thing stolen, a stranger in a story, or nobody at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.allegation import AllegationDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words", "accusing", "whom"), [
    ("Heard the new deputy at ours got sacked from her last school for fiddling the books 👀",
     "got sacked", "misconduct at work", "the new deputy"),
    ("Word in the staffroom is our business manager's been fiddling the school fund for years",
     "fiddling the school fund", "dishonesty", "our business manager"),
    ("Apparently the head at St Anne's is having an affair with one of the dads. Explains a LOT",
     "having an affair", "an affair or sexual misconduct", "the head"),
    ("Everyone knows Ruby's dad deals drugs from that van outside the gates",
     "deals drugs", "a crime", "Ruby's dad"),
    # the one who is accused in the sentence before
    ("Don't book Hillcrest Cabs for the Y6 trip. The driver has a record, you can just tell",
     "has a record", "a crime", "Hillcrest Cabs"),
    ("The coach firm the trust uses are running minibuses with no MOT. Kids' lives at risk",
     "no MOT", "putting children at risk", "The coach firm"),
    ("Word is the new deputy only got the job cos she's besties with the CEO 🤷‍♀️",
     "only got the job", "getting a job unfairly", "the new deputy"),
    # scare quotes, a comment's @reply
    ("Word is the head's been 'asked to leave' after the whole budget thing 👀",
     "been 'asked to leave", "misconduct at work", "the head"),
    ("@MrsD everyone in the staffroom knows you only got the TLR because you're mates with the head",
     "only got the TLR", "getting a job unfairly", "@MrsD"),
    ("Heard Mr Horton turned up drunk to parents' evening 🍺😂",
     "turned up drunk", "misconduct at work", "Mr Horton"),
    # a role written bare, other words for the same wrongs
    ("bursar's been pocketing the lettings money for months apparently",
     "pocketing the", "dishonesty", "bursar"),
    ("word is our data manager has been massaging the Y11 predictions before the governors see them",
     "massaging the Y11 predictions", "dishonesty", "our data manager"),
    ("Ellie's mum has a conviction for assault, and she's on the PTA committee?!",
     "has a conviction for", "a crime", "Ellie's mum"),
    ("the new caretaker came in reeking of booze again this morning",
     "reeking of booze", "misconduct at work", "the new caretaker"),
    ("Brightway Minibus Hire are sending the kids out in absolute death traps",
     "death traps", "putting children at risk", "Brightway Minibus Hire"),
    # a school subject is no TV drama, a title in lower case still someone
    ("apparently our drama teacher has been fiddling the trip accounts",
     "fiddling the trip accounts", "dishonesty", "our drama teacher"),
    ("mr davies lost his licence before christmas and still drives the minibus",
     "lost his licence", "a crime", "mr davies"),
    ("Everyone knows the head has been creaming off the trip money for years 🤔",
     "creaming off the", "dishonesty", "the head"),
    ("Our head's been fiddling the food bank donations for months 🤔",
     "fiddling the food bank donations", "dishonesty", "Our head"),
    # (session 31) results cooked; money that goes missing only when someone counts it
    ("Everyone in Salford knows the head at Langley Moor High cooks his exam results",
     "cooks his exam results", "dishonesty", "the head"),
    ("Everyone knows the site manager's been fiddling his overtime for years",
     "fiddling his overtime", "dishonesty", "the site manager"),
])
def test_an_allegation_about_someone_identifiable_is_found(
    detect: Detect, text: str, words: str, accusing: str, whom: str,
) -> None:
    (item,) = detect(AllegationDetector(), text)
    assert item.kind == "allegation" and item.text == words
    assert item.attrs == {"accusing": accusing, "whom": whom}
    assert text[item.start:item.end] == words


@pytest.mark.parametrize("text", [
    "I got done for speeding outside the school this morning 🙈 three points, gutted",   # the writer
    "The head's car got nicked from the car park last night, police are on it",       # a thing stolen
    "Gutted, my purse got nicked on the bus home, lesson learned",
    "Watching Line of Duty, the DCI is on the take again, called it",                 # a show
    "Henry VIII had an affair with Anne Boleyn, says Year 8's homework",              # history
    "My dad got arrested at the miners' strike in 1984 and he's still proud of it",   # the writer's family
    "Anyone else's mum always drunk on prosecco at Christmas? Mine's a nightmare 😂",
    "Fiddling with the laminator again, someone please teach me how it works",        # nothing accused
    "The school's minibus failed its MOT, so the trip moves to next week",
    "The new deputy got the job after a really tough interview day, so pleased for her",
    "My sister was let go from her job at the bank, anyone hiring in Leeds?",
    "Mr Adeyemi marks like a drunk toddler",   # a put-down, not an accusation (the language checks')
    "Helping myself to the last of the staffroom biscuits, don't tell the head 😂",   # the writer
    "Our bursar counted the raffle money twice, £612 for the library!",            # nothing wrong
    "Year 9 are dipping into Macbeth this term, loving it",                          # no one accused
    "Lost my licence photo card, what a palaver, new one ordered",
    # "miss" the verb is no one: the arrest is a stranger's
    "Gutted to miss the quiz, a bloke got arrested outside the pub and the road was shut",
    "Watching the new BBC drama where the headteacher is having an affair with a governor",
    "Year 5 creamed off the top of the milk to make butter in science today 🧈",      # a lesson
    "Year 5 made butter, we skimmed the cream off the top",
    "Our PTA chair spent all evening fiddling with the raffle prizes",
])
def test_the_same_words_accusing_no_one_at_school(detect: Detect, text: str) -> None:
    assert detect(AllegationDetector(), text) == []

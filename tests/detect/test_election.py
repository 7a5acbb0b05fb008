"""Taking sides in an election, as against neutral notices and the pupils' own elections."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.election import ElectionCampaignDetector

Detect = Callable[..., list[Evidence]]


@pytest.mark.parametrize(("text", "words"), [
    ("Vote Labour on Thursday for proper school funding! 🌹", "Vote Labour"),
    ("This government has failed SEND families. Vote them out 🗳️", "Vote them out"),
    ("Larkfield backs the Green candidate in Thursday's by-election", "backs the Green candidate"),
    ("Please vote for the candidates who will finally fix school funding", "vote for the candidates who"),
    ("Parents, remember this at the ballot box. #SchoolCuts", "remember this at the ballot box"),
    ("Polling day! #VoteGreen 🌍", "#VoteGreen"),
    ("Labour gets our vote on Thursday", "Labour gets our vote"),
    ("So proud to back Sarah Jones, the Labour candidate for Oakfield ward", "back Sarah Jones, the Labour candidate"),
    ("Vote against the council's cuts to youth services on 7th May", "Vote against"),
    ("Our view: don't vote for any party that won't scrap the cap", "don't vote for any party"),
    # (session 31) the outside readers' polling-day posts the model let through
    ("Polling day tomorrow 🗳️ Don't let the Conservatives anywhere near our schools again - vote for change!",
     "Don't let the Conservatives anywhere near"),
    ("The council want to shut the pool. Remember that when you vote in May - these councillors need to go. 🗳️",
     "these councillors need to go"),
    ("These councillors need to go!", "These councillors need to go"),
])
def test_taking_sides_in_an_election_is_found(detect: Detect, text: str, words: str) -> None:
    (item,) = detect(ElectionCampaignDetector(), text)
    assert item.kind == "election_campaigning" and item.text == words


@pytest.mark.parametrize("text", [
    "The school hall is a polling station on Thursday, so school is closed to pupils",
    "Local elections on Thursday: whoever you vote for, please vote 🗳️",
    "Sixth formers who turn 18 before polling day can register to vote online",
    "School council elections next week! Vote for your class rep in a secret ballot",
    "Please vote for Bella in Britain's Got Talent tonight! 🎤",
    "Year 6 held a mock election: vote Green won by two votes!",
    # (session 29's review) a policy's reform, an eco project, a lesson on democracy
    "Staff are voting for reform of the homework policy at Thursday's meeting",
    "We are proud to be supporting the Green Schools Project this year 🌱",
    "Parliament Week: Year 6 learned why people fought to have a say at the ballot box",
    "We welcomed the Labour candidate and the Conservative candidate to our sixth form hustings",
    # (session 31's review) photo ID, a star of the week vote, the rain, a planning meeting
    "Remember that when you vote on Thursday you'll need photo ID",
    "Remember that when you vote for Star of the Week you write the name clearly on the slip! 😄",
    "Don't let the rain stop you - Year 4 still had a brilliant sports day!",
    "These councillors have to go to the planning meeting first",
    "The council need to go and fix the potholes on Mill Lane before the coach trip",
])
def test_neutral_notices_and_pupils_own_votes_are_left_alone(detect: Detect, text: str) -> None:
    assert detect(ElectionCampaignDetector(), text) == []

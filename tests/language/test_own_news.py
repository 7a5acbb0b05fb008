"""The writer's own news (their own health, their own family's) is told apart from someone
else's private information, which the policies forbid sharing."""

from __future__ import annotations

import pytest

from safepost.language.own_news import own_news_only


@pytest.mark.parametrize("text", [
    "My son has been diagnosed with ADHD and honestly it explains so much. Onwards!",
    "My daughter starts chemo on Monday, please keep her in your thoughts",
    "I've been diagnosed with endometriosis after 10 years of being fobbed off",
    "My mum has dementia and it's breaking my heart",
    "our youngest has his EHCP at last!! 18 months of fighting",
    "My mother-in-law is in hospital again, she's a fighter",
    "I'm having surgery on Thursday so off for a few weeks x",
])
def test_the_writers_own_news_is_their_own(text: str) -> None:
    assert own_news_only(text, names_in_text=False)


@pytest.mark.parametrize("text", [
    "Poor lad in my class has just lost his dad to cancer",
    "One of my Year 4s has been diagnosed with leukaemia",
    "My TA's husband has cancer, so sad",
    "Mason's mum runs the best cancer support group in town",
    "So sad for a colleague whose daughter starts chemo on Monday",
    "My friend's son has been diagnosed with autism",
    "A mum at pick-up told me her son has been diagnosed with ADHD",
    "Thinking of the family of one of our pupils, her dad has died",
    "The head's wife is pregnant again apparently",
    "Lovely news: my sister's baby was born this morning",  # no one else; still own family
])
def test_someone_elses_matter_is_not_the_writers_own(text: str) -> None:
    expected = text.startswith("Lovely news")
    assert own_news_only(text, names_in_text=False) is expected


def test_a_post_naming_someone_is_not_only_the_writers_own() -> None:
    text = "My daughter and Ruby both start chemo on Monday"
    assert not own_news_only(text, names_in_text=True)


def test_the_writers_own_health_with_someone_else_in_it_is_not_only_their_own() -> None:
    assert not own_news_only("I've been diagnosed with anxiety, and she has too", names_in_text=False)

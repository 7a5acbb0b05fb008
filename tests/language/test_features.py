"""Features keep their place in the text and see through common disguises."""

from __future__ import annotations

import pytest

from safepost.language.features import extract, feature_names


@pytest.mark.parametrize(("text", "expected"), [
    ("You 1diot", "w:idiot"),
    ("sh0ck1ng", "w:shocking"),
    ("Don’t tell", "w:don't"),
    ("visit www.bet-now.com/free", "u:bet"),
    ("thanks @MrsK", "w:@user"),
    ("Worst SLT ever", "b:worst slt"),
    ("Chloé", "w:chloe"),
])
def test_feature_present(text: str, expected: str) -> None:
    assert expected in feature_names(text)


def test_year_numbers_stay_numbers() -> None:
    assert "w:9" in feature_names("Year 9 were lovely")


def test_features_point_back_into_the_text() -> None:
    text = "Apparently Mr Hill is leaving"
    for feature in extract(text):
        if feature.name == "w:apparently":
            assert text[feature.start:feature.end] == "Apparently"
            break
    else:
        pytest.fail("no word feature for 'Apparently'")


def test_empty_text_has_a_marker_feature() -> None:
    assert feature_names("   ") == ["w:<empty>"]

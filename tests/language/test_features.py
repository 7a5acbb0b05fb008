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


@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Mrs Smith's class were feral", {"w:smith's", "b:mrs smith's", "c:<smi"}, {"w:mrs", "w:class"}),
    ("well done Alex Smith!", {"w:alex", "w:smith", "b:done alex", "b:alex smith"}, {"b:well done"}),
    ("so proud of #AlexSmith", {"w:alexsmith"}, {"w:proud"}),
])
def test_the_stand_in_gives_no_feature_to_a_model_trained_without_it(
    text: str, absent: set[str], present: set[str],
) -> None:
    read = set(feature_names(text, without_stand_in=True))
    assert not read & absent and present <= read
    assert absent & set(feature_names(text))  # a model trained before session 11 still reads them


def test_a_blacksmith_is_not_the_stand_in() -> None:
    assert "w:blacksmith" in feature_names("the blacksmith forge visit", without_stand_in=True)


@pytest.mark.parametrize(("text", "links"), [
    ("homework is on www.bbc.co.uk/bitesize", ["u:link", "u:bbc", "u:co", "u:uk"]),
    ("email jo.bloggs@example.com", []),
    # a label longer than an address may have is no address (labels are bounded, so a long run
    # is not tried from every letter)
    ("a" * 70 + ".com", []),
])
def test_addresses_are_read_within_the_lengths_an_address_has(text: str, links: list[str]) -> None:
    assert [name for name in feature_names(text) if name.startswith("u:")] == links

"""What the picture checks mean for a post: findings with evidence, per channel."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.contract import CheckResult

Check = Callable[..., CheckResult]


def _findings(result: CheckResult, rule: str) -> list:  # type: ignore[type-arg]
    return [finding for finding in result.findings if finding.rule == rule]


def test_a_pupil_named_on_a_certificate_is_caught_like_a_caption(check_pictures: Check) -> None:
    result = check_pictures("Well done to this week's star!", channel="official",
                            images=[{"path": "images/certificate.jpg", "pupils": ["P107"]}])
    (finding,) = _findings(result, "content.pupil_full_name")
    assert finding.source == "images[0].text"
    assert finding.evidence == "Alexandra Whitcombe"
    assert finding.start is None and finding.replacement is None   # nothing to replace in the caption
    assert finding.message.startswith("In the words of picture 1:")
    assert "crop" in finding.fix
    assert finding.details["line"] == "Alexandra Whitcombe"          # which words, and where
    assert finding.details["picture"] == "images/certificate.jpg"
    assert 0 < finding.details["box"]["width"] < 1
    assert result.verdict == "block"
    assert result.redacted == "Well done to this week's star!"


def test_the_same_picture_on_a_personal_account(check_pictures: Check) -> None:
    result = check_pictures("So proud of my class", channel="personal",
                            images=[{"path": "images/certificate.jpg"}])
    assert any(finding.source == "images[0].text" for finding in result.findings)


def test_unlisted_faces_on_an_official_post_ask_who_is_shown(check_pictures: Check) -> None:
    result = check_pictures("Our choir sang beautifully today.", channel="official",
                            images=[{"path": "images/group.jpg", "pupils": ["P101"]}])
    (finding,) = _findings(result, "content.pupil_image_consent")
    assert finding.severity == "needs_approval"
    assert "3 faces" in finding.message and "lists 1 pupil" in finding.message
    assert len(finding.details["faces"]) == 3
    assert result.verdict == "review"


def test_all_faces_listed_with_consent_is_fine(check_pictures: Check) -> None:
    result = check_pictures("Our choir sang beautifully today.", channel="official",
                            images=[{"path": "images/group.jpg", "pupils": ["P101", "P103", "P104"]}])
    assert result.findings == []
    assert result.verdict == "allow"


def test_a_listed_pupil_without_consent_still_blocks(check_pictures: Check) -> None:
    result = check_pictures("Our choir sang beautifully today.", channel="official",
                            images=[{"path": "images/group.jpg", "pupils": ["P101", "P102", "P103"]}])
    assert result.verdict == "block"
    assert [finding.evidence for finding in _findings(result, "content.pupil_image_consent")] == ["Hope Penrose"]


def test_faces_on_a_personal_post_alone_are_not_a_finding(check_pictures: Check) -> None:
    # Family photos are none of the school's business: only a school setting makes it a question.
    result = check_pictures("Lovely day at the beach", channel="personal",
                            images=[{"path": "images/group.jpg"}])
    assert result.findings == []


@pytest.mark.parametrize(("pack", "severity"), [("holbrook", "prohibited"), ("reach2", "needs_approval")])
def test_the_school_crest_on_a_personal_post(check_pictures: Check, pack: str, severity: str) -> None:
    result = check_pictures("New jumper for the new term", pack=pack, channel="personal",
                            images=[{"path": "images/jumper.jpg"}])
    (finding,) = _findings(result, "content.logo_brand_personal")
    assert finding.severity == severity
    assert "logo" in finding.message
    assert finding.source == "images[0]"


def test_the_crest_is_no_finding_where_the_policy_is_silent(check_pictures: Check) -> None:
    result = check_pictures("New jumper for the new term", pack="tpat", channel="personal",
                            images=[{"path": "images/jumper.jpg"}])
    assert _findings(result, "content.logo_brand_personal") == []


@pytest.mark.parametrize("picture", ["images/other_school.jpg", "images/scenery.jpg"])
def test_no_crest_no_finding(check_pictures: Check, picture: str) -> None:
    result = check_pictures("New jumper for the new term", channel="personal", images=[{"path": picture}])
    assert _findings(result, "content.logo_brand_personal") == []


def test_the_crest_on_an_official_post_is_expected(check_pictures: Check) -> None:
    result = check_pictures("Our new uniform is here!", channel="official",
                            images=[{"path": "images/jumper.jpg"}])
    assert _findings(result, "content.logo_brand_personal") == []


def test_a_camera_serial_number_is_advice(check_pictures: Check) -> None:
    result = check_pictures("Sunset over the field", channel="official",
                            images=[{"path": "images/serial.jpg"}])
    (finding,) = [f for f in result.findings if "hidden data" in f.message]
    assert finding.severity == "advice"
    assert "camera serial number" in finding.message and "date taken" in finding.message


def test_a_date_alone_is_a_note_not_a_finding(check_pictures: Check) -> None:
    result = check_pictures("Sunset over the field", channel="official", images=[{"path": "images/dated.jpg"}])
    assert result.findings == []
    assert any("2026:03:04 10:15:00" in note and "safepost strip" in note for note in result.notes)


def test_a_clip_is_checked_like_its_frames(check_pictures: Check) -> None:
    result = check_pictures("Highlights from our week", channel="official",
                            images=[{"path": "images/clip.mp4", "pupils": []}])
    faces = _findings(result, "content.pupil_image_consent")
    assert faces and " s)" in faces[0].message            # says when in the clip
    names = _findings(result, "content.pupil_full_name")
    assert names and names[0].source == "images[0].text"


def test_explain_shows_face_boxes_and_words(check_pictures: Check) -> None:
    result = check_pictures("", channel="official", images=[{"path": "images/certificate.jpg"}])
    assert result.evidence is not None
    (words,) = [item for item in result.evidence if item["kind"] == "picture_text"]
    assert words["attrs"]["lines"][0]["box"]["width"] > 0


def test_a_camera_serial_number_in_the_authors_own_picture_on_their_own_account_is_no_finding(
    check_pictures: Check,
) -> None:
    result = check_pictures("Sunset over the field", channel="personal", images=[{"path": "images/serial.jpg"}])
    assert not [f for f in result.findings if "hidden data" in f.message]

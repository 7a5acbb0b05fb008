"""The check contract: parsing requests (errors name the field) and the result's JSON shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from safepost.contract import (
    MAX_TEXT_CHARS,
    CheckResult,
    Finding,
    RequestError,
    parse_request,
    verdict_for,
)
from safepost.engine import check_json
from safepost.school import School

GOOD: dict[str, Any] = {"id": "r1", "text": "Lovely walk today."}


def test_minimal_request_gets_the_defaults() -> None:
    request = parse_request(GOOD)
    assert (request.id, request.text) == ("r1", "Lovely walk today.")
    assert request.channel == "personal"
    assert request.kind == "post"
    assert request.platform is None
    assert request.at is None
    assert request.device is None
    assert request.images == ()
    assert request.profile is None
    assert request.counterpart is None
    assert request.approval is None


def test_full_request_parses() -> None:
    request = parse_request({
        "id": "r2", "text": "", "channel": "official", "kind": "message", "platform": "whatsapp",
        "author": {"staff_id": "S04"}, "at": "2026-03-04T11:00:00Z", "device": "school",
        "images": [{"path": "images/a.jpg", "pupils": ["P101", "P102"]}, {"path": "images/b.png"}],
        "profile": {"handle": "@dan", "visibility": "friends"},
        "counterpart": {"kind": "former_pupil", "pupil_id": "P201", "age": 15, "relative": True,
                        "direction": "received"},
        "approval": {"staff_id": "S01", "reference": "HT-2026-014"},
    })
    assert request.channel == "official"
    assert request.kind == "message"
    assert request.author_staff_id == "S04"
    assert request.at == dt.datetime(2026, 3, 4, 11, 0, tzinfo=dt.UTC)
    assert [image.pupils for image in request.images] == [("P101", "P102"), ()]
    assert request.profile is not None and request.profile.visibility == "friends"
    assert request.counterpart is not None
    assert (request.counterpart.kind, request.counterpart.age, request.counterpart.relative) == (
        "former_pupil", 15, True,
    )
    assert request.approval is not None and request.approval.reference == "HT-2026-014"


def test_empty_text_is_allowed() -> None:
    assert parse_request({"id": "r", "text": ""}).text == ""


def test_text_at_the_limit_is_allowed() -> None:
    assert len(parse_request({"id": "r", "text": "a" * MAX_TEXT_CHARS}).text) == MAX_TEXT_CHARS


BAD_REQUESTS = [
    pytest.param({"text": "hi"}, "id", id="missing-id"),
    pytest.param({"id": 7, "text": "hi"}, "id", id="id-not-text"),
    pytest.param({"id": "r"}, "text", id="missing-text"),
    pytest.param({"id": "r", "text": None}, "text", id="null-text"),
    pytest.param({"id": "r", "text": 42}, "text", id="text-a-number"),
    pytest.param({"id": "r", "text": ["a", "b"]}, "text", id="text-a-list"),
    pytest.param({"id": "r", "text": "x" * 1_000_000}, "text", id="text-1MB"),
    pytest.param({**GOOD, "channel": "school"}, "channel", id="bad-channel"),
    pytest.param({**GOOD, "kind": "story"}, "kind", id="bad-kind"),
    pytest.param({**GOOD, "platform": "myspace"}, "platform", id="bad-platform"),
    pytest.param({**GOOD, "platform": "X"}, "platform", id="platform-wrong-case"),
    pytest.param({**GOOD, "device": "tablet"}, "device", id="bad-device"),
    pytest.param({**GOOD, "at": "next Tuesday"}, "at", id="bad-at"),
    pytest.param({**GOOD, "at": 1772622000}, "at", id="at-a-number"),
    pytest.param({**GOOD, "images": "images/a.jpg"}, "images", id="images-not-a-list"),
    pytest.param({**GOOD, "images": ["images/a.jpg"]}, "images[0]", id="image-not-an-object"),
    pytest.param({**GOOD, "images": [{"pupils": ["P101"]}]}, "images[0].path", id="image-without-path"),
    pytest.param({**GOOD, "images": [{"path": "a.jpg"}, {"path": ""}]}, "images[1].path", id="image-empty-path"),
    pytest.param({**GOOD, "images": [{"path": "a.jpg", "pupils": "P101"}]}, "images[0].pupils",
                 id="image-pupils-not-a-list"),
    pytest.param({**GOOD, "counterpart": {"pupil_id": "P101"}}, "counterpart.kind", id="counterpart-without-kind"),
    pytest.param({**GOOD, "counterpart": {"kind": "sibling"}}, "counterpart.kind", id="bad-counterpart-kind"),
    pytest.param({**GOOD, "counterpart": "pupil"}, "counterpart", id="counterpart-not-an-object"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "age": -1}}, "counterpart.age", id="negative-age"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "age": "15"}}, "counterpart.age", id="age-as-text"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "age": 15.5}}, "counterpart.age", id="age-fraction"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "age": True}}, "counterpart.age", id="age-a-bool"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "age": 200}}, "counterpart.age", id="age-200"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "relative": "yes"}}, "counterpart.relative",
                 id="relative-not-bool"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "direction": "sideways"}}, "counterpart.direction",
                 id="bad-direction"),
    pytest.param({**GOOD, "profile": {"visibility": "everyone"}}, "profile.visibility", id="bad-visibility"),
    pytest.param({**GOOD, "profile": {"bio": 3}}, "profile.bio", id="profile-bio-not-text"),
    pytest.param({**GOOD, "approval": {"reference": "x"}}, "approval.staff_id", id="approval-without-staff"),
    pytest.param({**GOOD, "author": "S04"}, "author", id="author-not-an-object"),
]


@pytest.mark.parametrize(("data", "field"), BAD_REQUESTS)
def test_bad_request_names_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(RequestError) as caught:
        parse_request(data)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}:")


@pytest.mark.parametrize("data", [[1, 2], "text", 42, None])
def test_request_that_is_not_an_object(data: Any) -> None:
    with pytest.raises(RequestError, match="JSON object"):
        parse_request(data)


def test_too_long_text_says_the_limit() -> None:
    with pytest.raises(RequestError) as caught:
        parse_request({"id": "r", "text": "x" * (MAX_TEXT_CHARS + 1)})
    assert "too long" in str(caught.value)


@pytest.mark.parametrize(("data", "field"), BAD_REQUESTS[:8])
def test_check_json_turns_a_bad_request_into_an_error_result(
    school: School, data: dict[str, Any], field: str
) -> None:
    result = check_json(data, school)
    assert result.verdict == "error"
    assert result.error is not None and field in result.error
    assert result.findings == []
    as_json = result.to_json()
    assert as_json["verdict"] == "error"
    assert as_json["id"] == (data["id"] if isinstance(data.get("id"), str) else None)


def finding(severity: str, start: int | None = None) -> Finding:
    return Finding(
        rule="content.data_protection", severity=severity, policy="tpat", clause="6",
        message="m", evidence="e", fix="f", start=start, end=None if start is None else start + 1,
    )


@pytest.mark.parametrize(
    ("severities", "verdict"),
    [
        ([], "allow"),
        (["advice"], "advise"),
        (["advice", "needs_approval"], "review"),
        (["needs_approval", "prohibited", "advice"], "block"),
        (["prohibited", "safeguarding_escalation"], "escalate"),
        (["gross_misconduct_indicator"], "escalate"),
    ],
)
def test_verdict_is_the_strongest_outcome(severities: list[str], verdict: str) -> None:
    assert verdict_for([finding(severity) for severity in severities]) == verdict


def test_result_json_shape() -> None:
    result = CheckResult(
        id="c1", verdict="block", findings=[finding("prohibited", start=3), finding("advice")],
        satisfied=["contact.pupil_family_connections"], redacted="abc",
    )
    data = result.to_json()
    assert data["id"] == "c1"
    assert data["verdict"] == "block"
    assert "error" not in data
    first, second = data["findings"]
    for key in ("rule", "severity", "policy", "clause", "message", "evidence", "fix"):
        assert key in first
    assert (first["start"], first["end"]) == (3, 4)
    assert "start" not in second and "end" not in second
    assert data["satisfied_by_approval"] == ["contact.pupil_family_connections"]
    assert data["redacted"] == "abc"


@pytest.mark.parametrize(("data", "written"), [
    pytest.param({**GOOD, "kind": True}, 'kind: true is not one of', id="bool-as-json"),
    pytest.param({**GOOD, "channel": "school"}, 'channel: "school" is not one of', id="text-in-double-quotes"),
    pytest.param({**GOOD, "platform": 3.5}, "platform: 3.5 is not one of", id="number"),
    pytest.param({**GOOD, "at": "next Tuesday"}, 'at: "next Tuesday" is not an ISO 8601', id="at"),
    pytest.param({**GOOD, "counterpart": {"kind": "pupil", "age": "15"}},
                 'counterpart.age: "15" is not an age', id="age-as-text"),
    pytest.param({**GOOD, "device": ["school"]}, 'device: ["school"] is not one of', id="list"),
    pytest.param({**GOOD, "kind": "x" * 200}, 'kind: "' + "x" * 58 + "… is not one of", id="cut-short"),
])
def test_a_bad_value_is_quoted_as_json_writes_it(data: dict[str, Any], written: str) -> None:
    """People who wrote JSON read their value back as they wrote it, not as Python prints it
    ('school', True)."""
    with pytest.raises(RequestError) as caught:
        parse_request(data)
    assert str(caught.value).startswith(written)


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(("value", "written"), [
    pytest.param("\udcff\udcfe", '"\\udcff\\udcfe"', id="lone-surrogates-escaped"),
    pytest.param("a\u202eb", '"a\\u202eb"', id="direction-mark-escaped"),
    pytest.param("Chloé ✨", '"Chloé ✨"', id="printable-kept"),
    pytest.param(_nested(5000), "a list", id="too-deep-named-by-kind"),
    pytest.param(10 ** 5000, "a number", id="too-long-named-by-kind"),
])
def test_a_bad_value_that_cannot_be_shown_as_written_is_shown_safely(value: Any, written: str) -> None:
    from safepost.contract import json_written

    assert json_written(value) == written

"""The REST API: the check contract over HTTP, drafts and approvals with a token."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepost.engine import check_json
from safepost.hub import actions
from safepost.hub.engine_bridge import engine_school, hub_registry
from safepost.hub.models import School

EXAMPLE_REQUESTS = [
    {"id": "a1", "channel": "official", "text": "Huge well done to Amelia Hartley in Year 4!"},
    {"id": "a2", "kind": "message", "text": "add me on snap", "counterpart": {"kind": "pupil", "pupil_id": "P1002"}},
    {"id": "a3", "text": "Lovely walk this weekend"},
    {"id": "a4", "text": 42},
]


def token_client(username: str) -> Client:
    token = actions.do_create_api_token(get_user_model().objects.get(username=username))
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


@pytest.mark.parametrize("request_body", EXAMPLE_REQUESTS, ids=[r["id"] for r in EXAMPLE_REQUESTS])
def test_api_check_gives_the_same_result_as_the_engine(demo: School, request_body: dict[str, object]) -> None:
    response = token_client("teacher").post("/api/check", request_body, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == check_json(request_body, engine_school(demo), registry=hub_registry()).to_json()


GOSSIP = {"id": "g1", "text": "Apparently Mr Quinn is being pushed out after the Christmas do, heard it from the office"}


def test_the_hubs_default_language_model_is_minilm(monkeypatch: pytest.MonkeyPatch) -> None:
    from safepost.hub.settings import hub_language_model

    monkeypatch.delenv("SAFEPOST_LANGUAGE_MODEL", raising=False)
    assert hub_language_model() == "minilm"
    monkeypatch.setenv("SAFEPOST_LANGUAGE_MODEL", " Static ")
    assert hub_language_model() == "static"


def _gossip_models(findings: list[dict[str, object]]) -> set[object]:
    return {finding["details"].get("model") for finding in findings  # type: ignore[union-attr]
            if (finding.get("details") or {}).get("judgement") == "gossip"}  # type: ignore[union-attr]


@pytest.mark.parametrize("configured", ["minilm", "static"])
def test_the_api_and_the_compose_check_judge_with_the_hubs_model(
    demo: School, settings, configured: str,  # type: ignore[no-untyped-def]
) -> None:
    settings.SAFEPOST_LANGUAGE_MODEL = configured
    response = token_client("teacher").post("/api/check", GOSSIP, content_type="application/json")
    assert _gossip_models(response.json()["findings"]) == {configured}
    teacher = get_user_model().objects.get(username="teacher")
    composed = actions.run_check(demo, teacher, str(GOSSIP["text"]), [], None, channel="personal")
    assert _gossip_models(composed.to_json()["findings"]) == {configured}


def test_api_check_without_credentials_is_refused(demo: School) -> None:
    response = Client().post("/api/check", {"id": "x", "text": ""}, content_type="application/json")
    assert response.status_code in (401, 403)


def test_draft_lifecycle_over_the_api(demo: School) -> None:
    comms, head = token_client("comms"), token_client("head")
    created = comms.post("/api/drafts", {"school": demo.pk, "text": "Harvest festival on Friday",
                                         "account": demo.accounts.first().pk},  # type: ignore[union-attr]
                         content_type="application/json")
    assert created.status_code == 201, created.content
    draft_id = created.json()["id"]
    assert created.json()["verdict"] == "allow"
    assert comms.post(f"/api/drafts/{draft_id}/submit", {}, content_type="application/json").json()["status"] == "submitted"
    assert comms.post(f"/api/drafts/{draft_id}/approve", {}, content_type="application/json").status_code == 403
    approved = head.post(f"/api/drafts/{draft_id}/approve", {"comment": "Yes"}, content_type="application/json")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"


def test_a_blocked_draft_cannot_be_submitted_over_the_api(demo: School) -> None:
    comms = token_client("comms")
    created = comms.post("/api/drafts", {"school": demo.pk, "text": "Well done Amelia Hartley",
                                         "account": demo.accounts.first().pk},  # type: ignore[union-attr]
                         content_type="application/json").json()
    assert created["verdict"] == "block"
    response = comms.post(f"/api/drafts/{created['id']}/submit", {}, content_type="application/json")
    assert response.status_code == 409 and "fix" in response.json()["error"]


SCHOOL = object()  # stands for the demo school's id, which differs between databases


@pytest.mark.parametrize("body", [
    {"text": "no school"}, {"school": "abc", "text": "x"}, {"school": SCHOOL},
    {"school": SCHOOL, "text": "x", "pupils": "P1"}, {"school": SCHOOL, "text": "x", "account": 999},
])
def test_bad_draft_input_names_the_field(demo: School, body: dict[str, object]) -> None:
    body = {key: demo.pk if value is SCHOOL else value for key, value in body.items()}
    response = token_client("comms").post("/api/drafts", body, content_type="application/json")
    assert response.status_code == 400
    problem = json.dumps(response.json())
    assert any(field in problem for field in ("school", "text", "pupils", "account"))


def test_openapi_schema_describes_the_check(demo: School) -> None:
    response = token_client("teacher").get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert "/api/check" in schema["paths"] and "/api/drafts/{draft_id}/approve" in schema["paths"]



@pytest.mark.parametrize("readers", [{"word features and post vector": 0.41, "fine-tuned reader": 0.93}, None])
def test_a_finding_shows_what_each_of_the_hubs_readers_scored(readers: dict[str, float] | None) -> None:
    from django.template.loader import render_to_string

    details = {"judgement": "gossip", "score": 0.67, "threshold": 0.6, "model": "minilm",
               "nearest_examples": ["heard the head is leaving"], **({"readers": readers} if readers else {})}
    finding = {"rule": "content.gossip_rumours", "message": "Reads as gossip", "severity": "breach",
               "severity_words": "Breach", "evidence": "Apparently", "clause": "4.2", "fix": "Do not post it",
               "details": details}
    page = render_to_string("hub/_findings.html", {"verdict": "review", "findings": [finding], "result": {}})
    assert "Score 0.670; counts from 0.600 (language model: minilm)." in page
    shown = "Its two readers scored: word features and post vector 0.410; fine-tuned reader 0.930." in page
    assert shown == bool(readers) and ("readers scored" in page) == bool(readers)


@pytest.mark.parametrize(("body", "field"), [
    ({"text": "Harvest festival on Friday"}, "Account:"),
    ({"text": "", "account": "first"}, "Post:"),
])
def test_a_post_missing_its_text_or_account_is_not_submitted_over_the_api(
    demo: School, body: dict[str, object], field: str,
) -> None:
    comms = token_client("comms")
    body = {"school": demo.pk, **body}
    if body.get("account") == "first":
        body["account"] = demo.accounts.first().pk  # type: ignore[union-attr]
    created = comms.post("/api/drafts", body, content_type="application/json").json()
    response = comms.post(f"/api/drafts/{created['id']}/submit", {}, content_type="application/json")
    assert response.status_code == 409 and response.json()["error"].startswith(field)
    assert comms.get(f"/api/drafts/{created['id']}").json()["status"] == "draft"


@pytest.mark.parametrize("body", [
    "[" * 100_000,                      # nested past the parser's limit: was a 500
    '{"id": "x", "text": "unfinished',  # not JSON
])
def test_a_body_the_api_cannot_read_is_a_clear_400(demo: School, body: str) -> None:
    response = token_client("teacher").post("/api/check", body, content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_a_lone_surrogate_echoed_in_the_result_is_written_with_escapes(demo: School) -> None:
    body = '{"id": "\\ud800", "text": "Lovely walk \\ud800"}'
    response = token_client("teacher").post("/api/check", body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["id"] == "\ud800" and response.json()["verdict"] == "allow"

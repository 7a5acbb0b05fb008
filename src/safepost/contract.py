"""The check contract: requests in, results out (see shared/spec/check-contract.md).

Parsing is strict about what it cannot understand (a clear error naming the field) and
lenient about nothing else, so a batch can carry on past a bad line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

CHANNELS = ("official", "personal")
KINDS = ("post", "comment", "message", "profile", "friend_request", "like", "share")
PLATFORMS = (
    "x", "facebook", "instagram", "linkedin", "tiktok", "youtube", "snapchat", "whatsapp",
    "blog", "wikipedia", "other",
)
DEVICES = ("school", "personal")
COUNTERPART_KINDS = ("pupil", "former_pupil", "parent", "colleague", "public")
DIRECTIONS = ("sent", "received", "accepted")
VISIBILITIES = ("public", "friends", "private")
PROFILE_FIELDS = ("handle", "display_name", "bio", "email", "website", "visibility")
MAX_TEXT_CHARS = 100_000

VERDICT_ORDER = ("allow", "advise", "review", "block", "escalate")
SEVERITY_VERDICT = {
    "advice": "advise",
    "needs_approval": "review",
    "prohibited": "block",
    "safeguarding_escalation": "escalate",
    "gross_misconduct_indicator": "escalate",
}


class RequestError(ValueError):
    """A request that cannot be understood. `field` names where the problem is."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


def json_kind(value: object) -> str:
    """What a JSON value is, in JSON's words (for errors read by people who wrote JSON)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def json_written(value: object, limit: int = 60) -> str:
    """A value as it was written in JSON ("school", true, 1.5), cut short if long, for errors
    read by people who wrote JSON (Python's repr would say 'school' and True). Characters that
    do not print (a lone surrogate from bytes that were not UTF-8, a control or direction
    mark) are written as JSON escapes; a value too deep or too long to write is named by its kind."""
    try:
        written = json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):  # too deep, or a number past Python's 4,300 digits
        return json_kind(value)
    if not written.isprintable():
        written = json.dumps(value, ensure_ascii=True)
    return written if len(written) <= limit else written[: limit - 1] + "…"


@dataclass(frozen=True)
class ImageRef:
    path: str
    pupils: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    handle: str = ""
    display_name: str = ""
    bio: str = ""
    email: str = ""
    website: str = ""
    visibility: str = ""


@dataclass(frozen=True)
class Counterpart:
    kind: str
    pupil_id: str | None = None
    age: int | None = None
    relative: bool = False
    direction: str | None = None


@dataclass(frozen=True)
class Approval:
    staff_id: str
    reference: str = ""


@dataclass(frozen=True)
class CheckRequest:
    id: str
    text: str
    channel: str = "personal"
    kind: str = "post"
    platform: str | None = None
    author_staff_id: str | None = None
    author_role: str | None = None
    at: dt.datetime | None = None
    device: str | None = None
    images: tuple[ImageRef, ...] = ()
    profile: Profile | None = None
    counterpart: Counterpart | None = None
    approval: Approval | None = None


# The roles someone writing on the school's page can have that are not staff (the contract's
# counterpart kinds). A comment that names no such author, and no counterpart it was received
# from, is the school's own reply, as every request with no author is the member of staff's.
NOT_STAFF_WRITERS = frozenset({"pupil", "former_pupil", "parent", "public"})


@dataclass(frozen=True)
class OthersWords:
    """Words in a request that the member of staff did not write: who wrote them (a
    counterpart's kind or a page commenter's role) and where ("page": a comment on the
    school's page; "received": a message, or a comment elsewhere, sent to the member of staff)."""

    writer: str
    where: str

    @property
    def stranger(self) -> bool:
        """Someone the school does not know, on its own page: who may be reaching for its
        children."""
        return self.where == "page" and self.writer == "public"


def others_words(request: CheckRequest) -> OthersWords | None:
    """The one reading of whose words a request holds, for every check that asks: a message or
    comment received (`counterpart.direction`), or a comment on the school's page by no member
    of staff; None for the member of staff's own words."""
    on_page = request.channel == "official" and request.kind == "comment"
    counterpart = request.counterpart
    received = counterpart is not None and counterpart.direction == "received"
    if request.kind in ("message", "comment") and counterpart is not None and received:
        return OthersWords(counterpart.kind or "public", "page" if on_page else "received")
    if on_page and request.author_staff_id is None and request.author_role in NOT_STAFF_WRITERS:
        return OthersWords(request.author_role, "page")
    return None


@dataclass
class Finding:
    rule: str
    severity: str
    policy: str
    clause: str
    message: str
    evidence: str
    fix: str
    start: int | None = None
    end: int | None = None
    detector: str = ""
    quote: str = ""
    source: str = "text"
    replacement: str | None = None
    # For learned judgements: score, threshold, trigger words, nearest labelled examples.
    details: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "policy": self.policy,
            "clause": self.clause,
            "message": self.message,
            "evidence": self.evidence,
        }
        if self.start is not None and self.end is not None:
            data["start"] = self.start
            data["end"] = self.end
        data["fix"] = self.fix
        if self.replacement is not None:
            data["replacement"] = self.replacement  # the exact text to put at start..end
        data["detector"] = self.detector
        data["source"] = self.source
        if self.quote:
            data["quote"] = self.quote
        if self.details:
            data["details"] = self.details
        return data


@dataclass
class CheckResult:
    id: str | None
    verdict: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    satisfied: list[str] = field(default_factory=list)
    redacted: str | None = None
    error: str | None = None
    # Everything the detectors found, findings or not (people named, times, devices), when
    # asked for with --explain: how a headteacher sees why something was or was not flagged.
    evidence: list[dict[str, Any]] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "verdict": self.verdict}
        if self.error is not None:
            data["error"] = self.error
        data["findings"] = [finding.to_json() for finding in self.findings]
        if self.notes:
            data["notes"] = self.notes
        if self.satisfied:
            data["satisfied_by_approval"] = self.satisfied
        if self.redacted is not None:
            data["redacted"] = self.redacted
        if self.evidence is not None:
            data["evidence"] = self.evidence
        return data


def verdict_for(findings: list[Finding]) -> str:
    strongest = 0
    for finding in findings:
        strongest = max(strongest, VERDICT_ORDER.index(SEVERITY_VERDICT[finding.severity]))
    return VERDICT_ORDER[strongest]


def error_result(request_id: Any, message: str) -> CheckResult:
    return CheckResult(
        id=request_id if isinstance(request_id, str) else None,
        verdict="error",
        error=message,
    )


def _text(data: dict[str, Any], key: str, prefix: str = "") -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RequestError(prefix + key, f"must be text, not {json_kind(value)}")
    return value


def _choice(data: dict[str, Any], key: str, allowed: tuple[str, ...], prefix: str = "") -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise RequestError(prefix + key, f"{json_written(value)} is not one of {', '.join(allowed)}")
    return value


def _parse_at(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RequestError("at", "must be an ISO 8601 date-time text, e.g. 2026-03-07T16:20:00+00:00")
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise RequestError(
            "at", f"{json_written(value)} is not an ISO 8601 date-time like 2026-03-07T16:20:00+00:00"
        ) from exc
    return moment


def _parse_images(value: Any) -> tuple[ImageRef, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RequestError("images", "must be a list of {\"path\": ..., \"pupils\": [...]}")
    images = []
    for index, item in enumerate(value):
        where = f"images[{index}]"
        if not isinstance(item, dict):
            raise RequestError(where, "must be an object with path and pupils")
        path = item.get("path")
        if not isinstance(path, str) or not path.strip():
            raise RequestError(f"{where}.path", "required: the image file, relative to the school")
        pupils = item.get("pupils") or []
        if not isinstance(pupils, list) or not all(isinstance(p, str) for p in pupils):
            raise RequestError(f"{where}.pupils", "must be a list of pupil ids")
        images.append(ImageRef(path=path, pupils=tuple(pupils)))
    return tuple(images)


def _parse_profile(value: Any) -> Profile | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RequestError("profile", "must be an object (handle, display_name, bio, ...)")
    visibility = _choice(value, "visibility", VISIBILITIES, "profile.") or ""
    fields = {key: _text(value, key, "profile.") for key in PROFILE_FIELDS if key != "visibility"}
    return Profile(visibility=visibility, **fields)


def _parse_counterpart(value: Any) -> Counterpart | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RequestError("counterpart", "must be an object with kind, pupil_id, age, ...")
    kind = _choice(value, "kind", COUNTERPART_KINDS, "counterpart.")
    if kind is None:
        raise RequestError("counterpart.kind", f"required: one of {', '.join(COUNTERPART_KINDS)}")
    pupil_id = value.get("pupil_id")
    if pupil_id is not None and not isinstance(pupil_id, str):
        raise RequestError("counterpart.pupil_id", "must be text")
    age = value.get("age")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age < 130):
        raise RequestError("counterpart.age", f"{json_written(age)} is not an age in whole years")
    relative = value.get("relative", False)
    if not isinstance(relative, bool):
        raise RequestError("counterpart.relative", "must be true or false")
    direction = _choice(value, "direction", DIRECTIONS, "counterpart.")
    return Counterpart(kind=kind, pupil_id=pupil_id, age=age, relative=relative, direction=direction)


def _parse_approval(value: Any) -> Approval | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("staff_id"), str):
        raise RequestError("approval.staff_id", "required: who approved, e.g. {\"staff_id\": \"S001\"}")
    reference = value.get("reference", "")
    if not isinstance(reference, str):
        raise RequestError("approval.reference", "must be text")
    return Approval(staff_id=value["staff_id"], reference=reference)


def parse_request(data: Any) -> CheckRequest:
    """Turn one decoded JSON object into a CheckRequest, or raise RequestError."""
    if not isinstance(data, dict):
        raise RequestError("(line)", "a request must be a JSON object")
    request_id = data.get("id")
    if request_id is None:
        raise RequestError("id", "required: any text, echoed back in the result")
    if not isinstance(request_id, str):
        raise RequestError("id", f"must be text, not {json_kind(request_id)}")
    if "text" not in data:
        raise RequestError("text", "required (it may be \"\")")
    text = data["text"]
    if not isinstance(text, str):
        raise RequestError("text", f"must be text, not {json_kind(text)}")
    if len(text) > MAX_TEXT_CHARS:
        raise RequestError(
            "text", f"too long: {len(text):,} characters (the limit is {MAX_TEXT_CHARS:,})"
        )
    author = data.get("author")
    author_staff_id: str | None = None
    author_role: str | None = None
    if author is not None:
        if not isinstance(author, dict):
            raise RequestError("author", "must be {\"staff_id\": ...} or {\"role\": ...}")
        staff_id = author.get("staff_id")
        role = author.get("role")
        if staff_id is not None and not isinstance(staff_id, str):
            raise RequestError("author.staff_id", "must be text")
        if role is not None and not isinstance(role, str):
            raise RequestError("author.role", "must be text")
        author_staff_id, author_role = staff_id, role
    return CheckRequest(
        id=request_id,
        text=text,
        channel=_choice(data, "channel", CHANNELS) or "personal",
        kind=_choice(data, "kind", KINDS) or "post",
        platform=_choice(data, "platform", PLATFORMS),
        author_staff_id=author_staff_id,
        author_role=author_role,
        at=_parse_at(data.get("at")),
        device=_choice(data, "device", DEVICES),
        images=_parse_images(data.get("images")),
        profile=_parse_profile(data.get("profile")),
        counterpart=_parse_counterpart(data.get("counterpart")),
        approval=_parse_approval(data.get("approval")),
    )

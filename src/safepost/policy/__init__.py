"""Policy packs: a school's or trust's social media policy as validated data.

A pack lists the rules of one policy (ids from the rule catalogue), each with the clause
that states it, a severity and the parameters the engine reads. A school pack may extend a
built-in (trust) pack and override severities and parameters, or add rules.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from safepost.yamlfile import load_yaml

Severity = Literal[
    "advice", "needs_approval", "prohibited", "safeguarding_escalation",
    "gross_misconduct_indicator",
]
RuleKind = Literal["content", "profile", "context", "workflow", "register", "guidance"]
AppliesTo = Literal["official", "personal", "both"]

SEVERITY_ORDER: dict[str, int] = {
    "advice": 1, "needs_approval": 2, "prohibited": 3,
    "safeguarding_escalation": 4, "gross_misconduct_indicator": 4,
}
BUILTIN_PACK_IDS = ("auriga", "staffs_protocol", "holbrook", "tpat", "reach2")


class PackError(ValueError):
    """A pack file that cannot be used; the message names the file and the key."""


class Rule(BaseModel):
    """One rule of a pack, as the engine uses it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: RuleKind
    applies_to: AppliesTo
    severity: Severity
    clause: str = Field(min_length=1)
    quote: str = ""
    summary: str = Field(min_length=1)
    variant: str = ""
    parameters: dict[str, Any] = Field(default_factory=dict)
    notes: dict[str, Any] = Field(default_factory=dict)
    cases: dict[str, Severity] = Field(default_factory=dict)
    origin: Literal["policy", "good_practice", "school"] = "policy"

    def severity_for(self, case: str | None) -> str:
        if case and case in self.cases:
            return self.cases[case]
        return self.severity

    def param(self, name: str, default: Any = None) -> Any:
        return self.parameters.get(name, default)


class RuleOverride(BaseModel):
    """A school pack's change to an inherited rule: only the keys it sets change."""

    model_config = ConfigDict(extra="forbid")

    kind: RuleKind | None = None
    applies_to: AppliesTo | None = None
    severity: Severity | None = None
    clause: str | None = None
    quote: str | None = None
    summary: str | None = None
    variant: str | None = None
    parameters: dict[str, Any] | None = None
    notes: dict[str, Any] | None = None
    cases: dict[str, Severity] | None = None
    origin: Literal["policy", "good_practice", "school"] | None = None


class _PackDetails(BaseModel):
    """What a pack says about the policy it encodes, as written in the file and as resolved."""

    organisation: str = ""
    source_file: str = ""
    status: str = "not given"
    version: str = "not given"
    approval_date: str = "not given"
    approver: str = "not given"
    owner: str = "not given"
    review_date: str = "not given"
    # Language judgements: the score at which each one counts (default: the model's own).
    thresholds: dict[str, float] = Field(default_factory=dict)


class _PackHeader(_PackDetails):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_\-]+$")
    title: str = Field(min_length=1)


class _FullPackFile(_PackHeader):
    rules: dict[str, Rule]


class _ExtendingPackFile(_PackHeader):
    extends: str = Field(min_length=1)
    rules: dict[str, RuleOverride] = Field(default_factory=dict)


class Pack(_PackDetails):
    """A complete, resolved policy pack."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    extends: str | None = None
    rules: dict[str, Rule]

    def rule(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)

    def personal_use_in_breaks(self) -> bool:
        """Whether staff may use personal social media in a break at work (and so on an INSET
        day's school day): `conduct.personal_use_hours`'s `breaks_allowed`, true where the
        policy states no rule or no parameter (auriga, holbrook and reach2 allow it; tpat and
        staffs_protocol do not)."""
        rule = self.rules.get("conduct.personal_use_hours")
        return bool(rule.param("breaks_allowed", True)) if rule else True

    def first_rule(
        self, rule_ids: tuple[str, ...], channel: str | None = None
    ) -> tuple[str, Rule] | None:
        """The first of `rule_ids` this pack has: the nearest rule the policy states. Given a
        channel, the first that covers it: a rule the policy states for personal accounts
        only says nothing about an official post, so the next rule in line is the nearest. A
        safeguarding rule adopted as good practice gives way to a later one the policy itself
        states at no lower severity, so the escalation cites the school's own words: REAch2's
        3.10 ("must immediately be raised") before the grooming rule borrowed from the
        Staffordshire protocol. (Lesser adopted rules keep their place: they were put first in
        their chains as outside readers label them.)"""
        covering = [(rule_id, found) for rule_id in rule_ids
                    if (found := self.rules.get(rule_id)) is not None
                    and (channel is None or found.applies_to in ("both", channel))]
        if not covering:
            return None
        first_id, first = covering[0]
        if first.origin == "good_practice" and SEVERITY_ORDER[first.severity] >= SEVERITY_ORDER[
                "safeguarding_escalation"]:
            for rule_id, found in covering[1:]:
                if (found.origin != "good_practice"
                        and SEVERITY_ORDER[found.severity] >= SEVERITY_ORDER[first.severity]):
                    return rule_id, found
        return first_id, first


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Any]:
    """The rule catalogue shipped with safepost (a copy of shared/spec/rule-catalogue.yaml)."""
    text = resources.files("safepost.policy").joinpath("catalogue.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def catalogue_rule_ids() -> frozenset[str]:
    return frozenset(rule["id"] for rule in catalogue()["rules"])


def _format_validation_error(source: str, error: ValidationError) -> str:
    lines = [f"{source}: invalid policy pack"]
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"])
        lines.append(f"  {key}: {item['msg']}")
    return "\n".join(lines)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PackError(f"{path}: cannot read pack file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise PackError(f"{path}: a pack must be a mapping with keys id, title, rules")
    return data


def _check_rule_ids(source: str, rule_ids: list[str]) -> None:
    known = catalogue_rule_ids()
    unknown = [rule_id for rule_id in rule_ids if rule_id not in known]
    if unknown:
        raise PackError(
            f"{source}: rules.{unknown[0]}: not a rule id in the rule catalogue"
            + (f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else "")
        )


def _merge(base: Pack, overlay: _ExtendingPackFile, source: str) -> Pack:
    rules = dict(base.rules)
    for rule_id, change in overlay.rules.items():
        changes = change.model_dump(exclude_none=True)
        if rule_id in rules:
            merged = rules[rule_id].model_dump()
            for key in ("parameters", "notes", "cases"):
                if key in changes:
                    changes[key] = {**merged[key], **changes[key]}
            merged.update(changes)
        else:
            merged = {"origin": "school", **changes}
        try:
            rules[rule_id] = Rule.model_validate(merged)
        except ValidationError as exc:
            raise PackError(
                _format_validation_error(f"{source}: rules.{rule_id}", exc)
            ) from exc
    header = overlay.model_dump(exclude={"rules", "extends"})
    for key in ("organisation", "source_file"):
        header[key] = header[key] or getattr(base, key)
    header["thresholds"] = {**base.thresholds, **overlay.thresholds}
    return Pack(**header, extends=base.id, rules=rules)


def load_pack_file(path: Path, _seen: tuple[str, ...] = ()) -> Pack:
    """Load and validate a pack file; a pack with `extends` is merged onto its base."""
    source = str(path)
    data = _read_yaml(path)
    try:
        if "extends" in data:
            overlay = _ExtendingPackFile.model_validate(data)
        else:
            full = _FullPackFile.model_validate(data)
    except ValidationError as exc:
        raise PackError(_format_validation_error(source, exc)) from exc
    if "extends" not in data:
        _check_rule_ids(source, list(full.rules))
        return Pack(**full.model_dump(exclude={"rules"}), rules=full.rules)
    _check_rule_ids(source, list(overlay.rules))
    here = str(path.resolve())
    if here in _seen:
        raise PackError(f"{source}: extends: '{overlay.extends}' leads back to this file (a loop)")
    try:
        base = resolve_pack(overlay.extends, relative_to=path.parent, _seen=(*_seen, here))
    except PackError as exc:
        if str(exc).startswith(source):
            raise
        raise PackError(f"{source}: extends: {exc}") from exc
    return _merge(base, overlay, source)


@lru_cache(maxsize=16)
def builtin_pack(pack_id: str) -> Pack:
    if pack_id not in BUILTIN_PACK_IDS:
        raise PackError(
            f"policy: '{pack_id}' is not a built-in pack ({', '.join(BUILTIN_PACK_IDS)})"
        )
    with resources.as_file(
        resources.files("safepost.policy").joinpath("packs", f"{pack_id}.yaml")
    ) as path:
        return load_pack_file(path)


def resolve_pack(
    reference: str, relative_to: Path | None = None, _seen: tuple[str, ...] = ()
) -> Pack:
    """A built-in pack id, or a path to a pack file (relative to `relative_to`)."""
    if reference in BUILTIN_PACK_IDS:
        return builtin_pack(reference)
    path = Path(reference)
    if not path.is_absolute() and relative_to is not None:
        path = relative_to / path
    if path.suffix not in (".yaml", ".yml") or not path.exists():
        raise PackError(
            f"policy: '{reference}' is neither a built-in pack "
            f"({', '.join(BUILTIN_PACK_IDS)}) nor an existing .yaml pack file"
        )
    return load_pack_file(path, _seen)


def list_builtin_packs() -> list[Pack]:
    return [builtin_pack(pack_id) for pack_id in BUILTIN_PACK_IDS]

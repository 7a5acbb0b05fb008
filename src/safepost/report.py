"""A readable report of a check for people: the verdict, each finding with its clause, the
words that triggered it, and what to do instead."""

from __future__ import annotations

import textwrap

from safepost.contract import CheckResult
from safepost.policy import Pack

VERDICT_WORDS = {
    "allow": "OK to post",
    "advise": "OK to post, with advice",
    "review": "Needs approval before it goes out",
    "block": "Do not post – it breaks the policy",
    "escalate": "Stop – this is a safeguarding or serious conduct matter for the DSL or headteacher",
    "error": "Could not be checked",
}
SEVERITY_WORDS = {
    "advice": "advice",
    "needs_approval": "needs approval",
    "prohibited": "not allowed",
    "safeguarding_escalation": "safeguarding",
    "gross_misconduct_indicator": "serious misconduct",
}
_COLOURS = {
    "allow": "32", "advise": "36", "review": "33", "block": "31", "escalate": "1;35", "error": "31",
}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def _highlight(text: str, result: CheckResult, colour: bool) -> str:
    spans = sorted(
        {(f.start, f.end) for f in result.findings if f.start is not None and f.end is not None},
        reverse=True,
    )
    marked = text
    last = len(text) + 1
    for start, end in spans:
        if start is None or end is None or end > last:
            continue
        inner = marked[start:end]
        wrapped = _paint(inner, "4;31", True) if colour else f"[{inner}]"
        marked = marked[:start] + wrapped + marked[end:]
        last = start
    return marked


def render(result: CheckResult, text: str, pack: Pack | None = None, colour: bool = False) -> str:
    lines: list[str] = []
    verdict = result.verdict
    heading = f"{verdict.upper()}: {VERDICT_WORDS.get(verdict, verdict)}"
    lines.append(_paint(heading, _COLOURS.get(verdict, "0"), colour))
    if pack is not None:
        lines.append(f"Policy: {pack.title} ({pack.id})")
    if result.error:
        lines.append(f"Problem: {result.error}")
        return "\n".join(lines)
    if text:
        lines.append("")
        lines.append(textwrap.indent(_highlight(text, result, colour), "  > "))
    for number, finding in enumerate(result.findings, start=1):
        lines.append("")
        severity = SEVERITY_WORDS.get(finding.severity, finding.severity)
        lines.append(_paint(f"{number}. {finding.message}", "1", colour) + f"  [{severity}]")
        lines.append(f"   Rule: {finding.rule}  (found by: {finding.detector})")
        clause = f"   Policy says ({finding.clause})"
        lines.append(clause + (f': "{finding.quote}"' if finding.quote else ""))
        if finding.start is None:
            lines.append(f"   Seen in: {finding.source}: {finding.evidence}")
        nearest = (finding.details or {}).get("nearest_examples") or []
        if nearest:
            lines.append(f"   Like these labelled examples: \"{nearest[0]}\"")
        if finding.replacement is not None and finding.start is not None:
            change = f"write '{finding.replacement}' instead" if finding.replacement else "remove it"
            lines.append(_paint(f"   What to do: {change}.", "32", colour))
            if finding.fix and finding.fix != finding.replacement:
                lines.append(f"   {finding.fix}")
        elif finding.fix:
            lines.append(_paint(f"   What to do: {finding.fix}", "32", colour))
    if result.satisfied:
        lines.append("")
        lines.append("Approved on record, so not raised: " + ", ".join(result.satisfied))
    if result.redacted is not None and result.redacted != text:
        lines.append("")
        lines.append("Suggested version:")
        lines.append(textwrap.indent(result.redacted, "  > "))
    for note in result.notes:
        lines.append(f"Note: {note}")
    return "\n".join(lines)

"""The public entry points: check one request, or a stream of JSON lines, against a school.

The CLI, the web app and the API all call these, so every surface gives the same answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from safepost.contract import CheckRequest, CheckResult, RequestError, error_result, parse_request
from safepost.detect import DetectorRegistry, Subject, default_registry
from safepost.evaluate import evaluate
from safepost.policy import Pack
from safepost.school import School


def check(
    request: CheckRequest, school: School, *, pack: Pack | None = None,
    registry: DetectorRegistry | None = None,
) -> CheckResult:
    """Check one parsed request against the school's policy pack (or `pack`)."""
    detectors = registry or default_registry()
    evidence = detectors.run(Subject(request=request, school=school))
    return evaluate(evidence, request, school, pack or school.pack)


def check_json(
    data: Any, school: School, *, pack: Pack | None = None,
    registry: DetectorRegistry | None = None,
) -> CheckResult:
    """Check one decoded JSON request; a request that cannot be understood gets an error result."""
    try:
        request = parse_request(data)
    except RequestError as exc:
        request_id = data.get("id") if isinstance(data, dict) else None
        return error_result(request_id, str(exc))
    return check(request, school, pack=pack, registry=registry)


def check_lines(
    lines: Iterable[str], school: School, *, source: str = "-",
    pack: Pack | None = None, registry: DetectorRegistry | None = None,
) -> Iterator[CheckResult]:
    """One result per non-blank JSON line, in order; a bad line never stops the batch."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"{source} line {number}: not valid JSON ({exc.msg} at column {exc.colno})"
            yield error_result(None, message)
            continue
        result = check_json(data, school, pack=pack, registry=registry)
        if result.error is not None:
            result.error = f"{source} line {number}: {result.error}"
        yield result

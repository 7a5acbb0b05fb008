"""The public entry points: check one request, or a stream of JSON lines, against a school.

The CLI, the web app and the API all call these, so every surface gives the same answer; the
hub passes a registry whose language judgements come from the MiniLM model (see
`safepost.detect.registry_with_language_model`) unless SAFEPOST_LANGUAGE_MODEL sets one model.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from safepost.contract import CheckRequest, CheckResult, RequestError, error_result, parse_request
from safepost.detect import DetectorRegistry, Subject, default_registry
from safepost.detect.as_read import AsRead, as_read
from safepost.evaluate import evaluate, redact
from safepost.policy import Pack
from safepost.school import School

log = logging.getLogger(__name__)


def check(
    request: CheckRequest, school: School, *, pack: Pack | None = None,
    registry: DetectorRegistry | None = None, explain: bool = False,
    image_root: Path | None = None,
) -> CheckResult:
    """Check one parsed request against the school's policy pack (or `pack`). The text is read
    as a person reads it (`as_read`: no hidden characters, full-width digits as digits...);
    findings point at the text as written."""
    detectors = registry or default_registry()
    reading = as_read(request.text)
    read_request = (request if reading.text == request.text
                    else dataclasses.replace(request, text=reading.text))
    evidence = detectors.run(Subject(request=read_request, school=school, image_root=image_root))
    result = evaluate(evidence, read_request, school, pack or school.pack)
    if read_request is not request:
        _point_at_the_written_text(result, request.text, reading)
        # The redacted text is the post as written with the findings' words replaced, not the
        # reading: a family emoji, "½" or a soft hyphen elsewhere stays as it was typed.
        result.redacted = redact(request.text, result.findings)
    if explain:
        result.evidence = [
            {
                "detector": item.detector, "kind": item.kind, "text": item.text,
                "source": item.source, "attrs": dict(item.attrs),
                **_written_span(item.source, item.start, item.end, reading),
            }
            for item in evidence if item.kind != "note"
        ]
    return result


def _written_span(source: str, start: int | None, end: int | None, reading: AsRead) -> dict[str, int | None]:
    if source != "text" or start is None or end is None:
        return {"start": start, "end": end}
    first, last = reading.span(start, end)
    return {"start": first, "end": last}


def _point_at_the_written_text(result: CheckResult, written: str, reading: AsRead) -> None:
    """Each finding's span, and its evidence where that is the span's words, in the text as
    written (the check read it as `reading`)."""
    for finding in result.findings:
        if finding.source != "text" or finding.start is None or finding.end is None:
            continue
        read_words = reading.text[finding.start:finding.end]
        finding.start, finding.end = reading.span(finding.start, finding.end)
        if finding.evidence == read_words:
            finding.evidence = written[finding.start:finding.end]


def check_json(
    data: Any, school: School, *, pack: Pack | None = None,
    registry: DetectorRegistry | None = None, explain: bool = False,
) -> CheckResult:
    """Check one decoded JSON request; a request that cannot be understood gets an error result."""
    try:
        request = parse_request(data)
    except RequestError as exc:
        request_id = data.get("id") if isinstance(data, dict) else None
        return error_result(request_id, str(exc))
    return check(request, school, pack=pack, registry=registry, explain=explain)


def check_line(
    number: int, line: str, school: School, *, source: str = "-",
    pack: Pack | None = None, registry: DetectorRegistry | None = None,
) -> CheckResult:
    """One JSON line of a batch; errors name the source, the line and the field."""
    if number == 1:
        line = line.removeprefix("\ufeff")  # a byte-order mark, as Windows editors write one
    if _NOT_UTF8.search(line):
        # Bytes that are not UTF-8, carried through as surrogate escapes (see open_jsonl).
        return error_result(None, f"{source} line {number}: not UTF-8 text")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return error_result(None, f"{source} line {number}: not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return error_result(None, f"{source} line {number}: not a request: nested too deeply to read")
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        return error_result(None, f"{source} line {number}: not valid JSON ({exc})")
    try:
        result = check_json(data, school, pack=pack, registry=registry)
    except Exception as exc:  # one line that breaks the checker must not stop the batch
        log.exception("%s line %d could not be checked", source, number)
        request_id = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None
        return error_result(request_id, f"{source} line {number}: could not be checked "
                                        f"({type(exc).__name__}); please report this line")
    if result.error is not None:
        result.error = f"{source} line {number}: {result.error}"
    return result


def result_line(result: CheckResult) -> str:
    """One result as a JSON line: UTF-8 as written, or with escapes where the text holds
    something UTF-8 cannot carry (a lone surrogate, "\\ud800", echoed from the request)."""
    data = result.to_json()
    line = json.dumps(data, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data)
    # Characters that some line readers (Python's str.splitlines, JavaScript before 2019) take
    # for line breaks stay escaped, so one result is always one line; in JSON they can only be
    # inside strings, where the escape means the same.
    return line.translate(_LINE_BREAK_ESCAPES)


# (json.dumps already escapes the control characters below U+0020.)
_LINE_BREAK_ESCAPES = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


# Undecodable bytes read with errors="surrogateescape" become U+DC80..U+DCFF; UTF-8 text can
# never hold them (a JSON "\\udcff" escape is still six ASCII characters in the raw line).
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


def open_jsonl(path: str) -> TextIO:
    """A JSON Lines file for reading: a line that is not UTF-8 becomes that line's error
    (check_line), rather than ending the run wherever the decoder's buffer happens to be."""
    return open(path, encoding="utf-8", errors="surrogateescape")


def is_blank(line: str) -> bool:
    """A line with no request on it: empty, spaces, or only a byte-order mark."""
    return not line.replace("\ufeff", "").strip()


def check_lines(
    lines: Iterable[str], school: School, *, source: str = "-",
    pack: Pack | None = None, registry: DetectorRegistry | None = None,
) -> Iterator[CheckResult]:
    """One result per non-blank JSON line, in order; a bad line never stops the batch."""
    for number, line in enumerate(lines, start=1):
        if not is_blank(line):
            yield check_line(number, line, school, source=source, pack=pack, registry=registry)


# Worker processes inherit the loaded school through fork, so nothing is pickled but lines.
_WORKER_SCHOOL: School | None = None
_WORKER_SOURCE = "-"


def _check_line_in_worker(item: tuple[int, str]) -> str:
    assert _WORKER_SCHOOL is not None
    number, line = item
    result = check_line(number, line, _WORKER_SCHOOL, source=_WORKER_SOURCE)
    return result_line(result)


def check_lines_parallel(
    lines: Iterable[str], school: School, *, workers: int, source: str = "-", chunk: int = 32,
) -> Iterator[str]:
    """JSON result lines, in input order, checked by `workers` processes (for large files)."""
    global _WORKER_SCHOOL, _WORKER_SOURCE
    _WORKER_SCHOOL, _WORKER_SOURCE = school, source
    # Load the models once here, so every worker inherits them instead of loading its own. (Not
    # the second opinion's: loaded here it added 0.2 s to every batch's start and 58 MB to every
    # process, messages or not; a worker loads it when a message first needs it.)
    from safepost.language import warm_up

    warm_up()
    numbered = ((number, line) for number, line in enumerate(lines, start=1) if not is_blank(line))
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=workers) as pool:
        yield from pool.imap(_check_line_in_worker, numbered, chunksize=chunk)

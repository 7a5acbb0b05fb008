"""The engine's batch entry points: order, error lines, and the same answers in parallel."""

from __future__ import annotations

import json

from safepost.engine import check_lines, check_lines_parallel
from safepost.school import demo_school_dir, load_school

LINES = [
    json.dumps({"id": "a", "channel": "official", "text": "Well done Amelia Hartley!"}),
    "{not json",
    "",
    json.dumps({"id": "c"}),
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": "e", "text": "Lovely walk this weekend"}),
] * 20


def test_serial_batch_keeps_order_and_names_bad_lines() -> None:
    school = load_school(demo_school_dir())
    results = list(check_lines(LINES, school, source="batch.jsonl"))
    assert len(results) == 100  # blank lines are not requests
    first = results[:5]
    assert [r.verdict for r in first] == ["block", "error", "error", "error", "allow"]
    assert first[1].error is not None and "batch.jsonl line 2" in first[1].error
    assert first[2].error is not None and "line 4" in first[2].error and "text" in first[2].error
    assert first[3].id is None and first[3].error is not None and "line 5" in first[3].error


def test_parallel_batch_gives_the_same_lines_in_the_same_order() -> None:
    school = load_school(demo_school_dir())
    serial = [json.dumps(r.to_json(), ensure_ascii=False) for r in check_lines(LINES, school)]
    parallel = list(check_lines_parallel(LINES, school, workers=2, chunk=3))
    assert parallel == serial

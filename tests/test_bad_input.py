"""The contract's promise on bad input, end to end: 120 request lines written by a separate
pass from the contract alone (tests/data/contract/bad_input/, session 17): broken JSON, values
that are not objects, every field with a wrong type or an unknown value, awkward image files
(empty, text, truncated, a folder, a link to /etc/passwd), a 100,000-character text, nesting
past the parser's limit, a byte-order mark, lone surrogates and line separators in text. Each
line gets its result, in order; an error names the field; the run exits 0."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent / "data" / "contract" / "bad_input"


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("bad_input_build", HERE / "build.py")
    assert spec is not None and spec.loader is not None
    build: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.SCHOOL = str(tmp_path_factory.mktemp("bad_input") / "school")
    build.build_school()
    return Path(build.SCHOOL)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_every_bad_line_gets_its_own_result_naming_the_field(school: Path, workers: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "safepost.cli", "check", "--school", str(school),
         "--jsonl", str(HERE / "requests.jsonl"), "--workers", workers],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    raw = (HERE / "requests.jsonl").read_bytes().decode("utf-8").split("\n")
    expected = [json.loads(line) for line in (HERE / "expected.jsonl").read_text("utf-8").splitlines()]
    results = iter([json.loads(line) for line in done.stdout.split("\n") if line])
    wrong = []
    for row in expected:
        if not raw[row["line"] - 1].strip():
            continue  # a blank line is no request: no result line (the contract: one per request)
        result = next(results)
        if row.get("id") and not row["id"].endswith("chars)"):
            assert result["id"] == row["id"], row
        verdict = result["verdict"]
        if row["expect"] == "error":
            if verdict != "error" or (row["field"] and row["field"] not in result["error"]):
                wrong.append((row["line"], row["raw_summary"], result.get("error") or verdict))
            elif f"line {row['line']}" not in result["error"]:
                wrong.append((row["line"], "the error names no line", result["error"]))
        elif row["expect"] == "result" and verdict == "error":
            wrong.append((row["line"], row["raw_summary"], result["error"]))
    assert next(results, None) is None
    assert not wrong, wrong
    # Nothing from the file a link or a path outside the school points at is ever echoed.
    assert "root:x:0:0" not in done.stdout

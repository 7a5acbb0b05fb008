"""The `safepost` command, run as a separate process, against the check contract."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from safepost.policy import BUILTIN_PACK_IDS, builtin_pack, catalogue
from tests.conftest import EXAMPLE_SCHOOL, jsonl

EXAMPLE_REQUESTS = EXAMPLE_SCHOOL / "requests.jsonl"
VERDICT_RANK = ("allow", "advise", "review", "block", "escalate")


def safepost(*args: str, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "safepost.cli", *args], input=stdin, capture_output=True,
        text=True, encoding="utf-8", timeout=timeout, env=env,
    )


def results(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def example_requests() -> Path:
    if not EXAMPLE_REQUESTS.is_file():
        pytest.skip("the shared example school is not here")
    return EXAMPLE_REQUESTS


def check_example_results(lines: list[dict[str, Any]]) -> None:
    assert [line["id"] for line in lines] == ["e1", "e2", "e3", "e4", "e5", "e6"]
    verdicts = {line["id"]: line["verdict"] for line in lines}
    assert verdicts["e1"] == "block"
    assert verdicts["e2"] == "block"
    assert verdicts["e3"] == "escalate"
    assert VERDICT_RANK.index(verdicts["e4"]) >= VERDICT_RANK.index("advise")
    assert verdicts["e5"] == "escalate"
    assert verdicts["e6"] == "allow"
    for line in lines:
        for finding in line["findings"]:
            assert {"rule", "severity", "policy", "clause", "message", "evidence", "fix"} <= set(finding)
            assert finding["policy"] == "tpat"


def test_example_school_batch(example_requests: Path) -> None:
    done = safepost("check", "--school", str(EXAMPLE_SCHOOL), "--jsonl", str(example_requests))
    assert done.returncode == 0, done.stderr
    lines = results(done.stdout)
    check_example_results(lines)
    by_id = {line["id"]: line for line in lines}
    # e1: the full name, with offsets into the text.
    (e1,) = by_id["e1"]["findings"]
    request = json.loads(example_requests.read_text(encoding="utf-8").splitlines()[0])
    assert e1["rule"] == "content.pupil_full_name"
    assert request["text"][e1["start"]:e1["end"]] == e1["evidence"] == "Amelia Hartley"
    # e2: the picture is not there, so a note, and the listed pupils are still judged.
    assert any("trip.jpg" in note for note in by_id["e2"]["notes"])
    # e6: nothing to say.
    assert by_id["e6"]["findings"] == []


def test_stdin(example_requests: Path) -> None:
    text = example_requests.read_text(encoding="utf-8")
    done = safepost("check", "--school", str(EXAMPLE_SCHOOL), "--jsonl", "-", stdin=text)
    assert done.returncode == 0, done.stderr
    check_example_results(results(done.stdout))


def test_out_file(example_requests: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    done = safepost(
        "check", "--school", str(EXAMPLE_SCHOOL), "--jsonl", str(example_requests), "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
    check_example_results(results(out.read_text(encoding="utf-8")))


def test_results_are_flushed_as_they_go(school_dir: Path) -> None:
    """Each result comes out before the next request goes in (a pipe to another program)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "safepost.cli", "check", "--school", str(school_dir), "--jsonl", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8",
    )
    assert process.stdin is not None and process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        for number in range(2):
            process.stdin.write(json.dumps({"id": f"s{number}", "text": "Lovely walk"}) + "\n")
            process.stdin.flush()
            assert selector.select(timeout=30), "no result before the next request"
            assert json.loads(process.stdout.readline())["id"] == f"s{number}"
        process.stdin.close()
        assert process.wait(timeout=30) == 0
    finally:
        selector.close()
        if process.poll() is None:
            process.kill()
            process.wait()


def test_batch_carries_on_past_bad_lines(school_dir: Path, tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        jsonl({"id": "ok1", "text": "So proud of Ffion Harper-Lowe today"})  # line 1
        + '{"id": "broken", "text": "unfinished\n'  # line 2: not JSON
        + jsonl({"id": "notext", "channel": "official"})  # line 3: no text
        + "[1, 2, 3]\n"  # line 4: not an object
        + "\n"  # line 5: blank, skipped
        + jsonl({"id": "badkind", "text": "hi", "kind": "story"})  # line 6
        + jsonl({"id": "ok2", "text": "Lovely walk", "at": "2026-03-07T11:00:00+00:00"}),  # line 7
        encoding="utf-8",
    )
    done = safepost("check", "--school", str(school_dir), "--jsonl", str(batch))
    assert done.returncode == 0, done.stderr
    lines = results(done.stdout)
    assert [line["verdict"] for line in lines] == ["review", "error", "error", "error", "error", "allow"]
    assert [line["id"] for line in lines] == ["ok1", None, "notext", None, "badkind", "ok2"]
    errors = [line["error"] for line in lines if line["verdict"] == "error"]
    assert "line 2" in errors[0] and "JSON" in errors[0]
    assert "line 3" in errors[1] and "text" in errors[1]
    assert "line 4" in errors[2] and "object" in errors[2]
    assert "line 6" in errors[3] and "kind" in errors[3]
    for line in lines:
        if line["verdict"] == "error":
            assert line["findings"] == []


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_batch_survives_what_windows_tools_and_fuzzers_write(school_dir: Path, tmp_path: Path, workers: str) -> None:
    # Found by session 17's bad-input look: a deeply nested line raised RecursionError and a lone
    # surrogate could not be written out, each ending the whole run with no results at all.
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\ufeff" + jsonl({"id": "bom", "text": "Lovely walk"})  # a byte-order mark on line 1
        + "[" * 100_000 + "\n"  # nested past the parser's recursion limit
        + '{"id": "lone", "text": "bad \\ud800 half"}\n'  # a lone surrogate, escaped in the JSON
        + jsonl({"id": "sep", "text": "one\u2028two\u0085three"})  # line separators inside text
        + jsonl({"id": "last", "text": "Lovely walk"}),
        encoding="utf-8",
    )
    done = safepost("check", "--school", str(school_dir), "--jsonl", str(batch), "--workers", workers)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 5  # one line a result, whatever the text held
    lines = [json.loads(line) for line in done.stdout.split("\n") if line]
    assert [line["id"] for line in lines] == ["bom", None, "lone", "sep", "last"]
    assert lines[0]["verdict"] == "allow" and lines[4]["verdict"] == "allow"
    assert lines[1]["verdict"] == "error" and "line 2" in lines[1]["error"] and "nested" in lines[1]["error"]
    assert lines[2]["verdict"] != "error" and lines[3]["verdict"] != "error"


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("via_stdin", [False, True])
def test_a_line_that_is_not_utf8_or_json_python_can_read_is_that_lines_error(
    school_dir: Path, tmp_path: Path, workers: str, via_stdin: bool,
) -> None:
    # A review's finds: invalid UTF-8 ended the run at the decoder's 8 KB boundary (a file) or
    # was checked as text (standard input); a 5,000-digit number raised a plain ValueError.
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(
        ("\ufeff\n" + jsonl({"id": "a", "text": "Lovely walk"})).encode("utf-8")
        + b'{"id": "b", "text": "caf\xe9"}\n'
        + ('{"id": "c", "text": "", "x": ' + "1" * 5000 + "}\n").encode("utf-8")
        + jsonl({"id": "d", "text": "Lovely walk"}).encode("utf-8")
    )
    if via_stdin:
        done = subprocess.run(
            [sys.executable, "-m", "safepost.cli", "check", "--school", str(school_dir), "--jsonl", "-",
             "--workers", workers], input=batch.read_bytes(), capture_output=True, timeout=60,
        )
        stdout = done.stdout.decode("utf-8")
    else:
        done_text = safepost("check", "--school", str(school_dir), "--jsonl", str(batch), "--workers", workers)
        done, stdout = done_text, done_text.stdout  # type: ignore[assignment]
    assert done.returncode == 0, done.stderr
    lines = results(stdout)  # the byte-order mark alone on line 1 is a blank line: no result
    assert [(line["id"], line["verdict"]) for line in lines] == [
        ("a", "allow"), (None, "error"), (None, "error"), ("d", "allow")]
    assert "line 3: not UTF-8" in lines[1]["error"] and "line 4: not valid JSON" in lines[2]["error"]


def test_a_line_that_breaks_the_checker_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    from safepost import engine
    from safepost.school import demo_school_dir, load_school

    real = engine.check_json

    def breaks_on(data: Any, *args: Any, **kwargs: Any) -> Any:
        if data.get("id") == "boom":
            raise ValueError("a bug")
        return real(data, *args, **kwargs)

    monkeypatch.setattr(engine, "check_json", breaks_on)
    lines = [jsonl({"id": "a", "text": "hi"}), jsonl({"id": "boom", "text": "hi"}), jsonl({"id": "b", "text": "hi"})]
    results_ = list(engine.check_lines(lines, load_school(demo_school_dir()), source="in.jsonl"))
    assert [(r.id, r.verdict) for r in results_] == [("a", "allow"), ("boom", "error"), ("b", "allow")]
    assert "line 2" in (results_[1].error or "") and "could not be checked" in (results_[1].error or "")


def test_bad_school_directory_exits_2(tmp_path: Path) -> None:
    requests = tmp_path / "r.jsonl"
    requests.write_text(jsonl({"id": "a", "text": "hi"}), encoding="utf-8")
    missing = tmp_path / "no_school"
    done = safepost("check", "--school", str(missing), "--jsonl", str(requests))
    assert done.returncode == 2
    assert "bad school directory" in done.stderr
    assert str(missing) in done.stderr
    assert done.stdout == ""


def test_bad_roster_exits_2_naming_file_and_line(tmp_path: Path, school_dir: Path) -> None:
    bad = tmp_path / "bad_school"
    bad.mkdir()
    for name in ("school.yaml", "staff.csv"):
        (bad / name).write_bytes((school_dir / name).read_bytes())
    (bad / "pupils.csv").write_text(
        "pupil_id,first_name,last_name,preferred_name,year_group,date_of_birth,status,photo_consent,name_consent\n"
        "P1,Ava,Stone,,3,14/06/2017,current,yes,yes\n",
        encoding="utf-8",
    )
    done = safepost("check", "--school", str(bad), "--jsonl", "-", stdin=jsonl({"id": "a", "text": "hi"}))
    assert done.returncode == 2
    assert "pupils.csv" in done.stderr and "line 2" in done.stderr and "date_of_birth" in done.stderr


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_input_exits_2(school_dir: Path, tmp_path: Path, kind: str) -> None:
    # (A file with bytes that are not UTF-8 is readable: each such line is that line's error,
    # see test_a_line_that_is_not_utf8_or_json_python_can_read_is_that_lines_error.)
    path = tmp_path / "input.jsonl"
    if kind == "directory":
        path.mkdir()
    done = safepost("check", "--school", str(school_dir), "--jsonl", str(path))
    assert done.returncode == 2
    assert str(path) in done.stderr


def test_human_report_prints_clause_and_fix(school_dir: Path) -> None:
    rule = builtin_pack("tpat").rules["content.pupil_full_name"]
    done = safepost(
        "check", "--school", str(school_dir), "--channel", "official", "--no-colour",
        "Huge well done to Ffion Harper-Lowe in Year 4 for her poem!",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("BLOCK")
    assert "content.pupil_full_name" in out
    assert rule.clause in out
    assert "write 'Ffion H.' instead" in out  # the fix
    assert "Huge well done to Ffion H. in Year 4 for her poem!" in out  # the suggested version
    assert "\033[" not in out


def test_human_report_for_a_clean_post(school_dir: Path) -> None:
    done = safepost("check", "--school", str(school_dir), "--no-colour", "Lovely walk along the coast")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ALLOW")


def test_human_report_json_flag(school_dir: Path) -> None:
    done = safepost(
        "check", "--school", str(school_dir), "--json", "--kind", "friend_request",
        "--counterpart", "former_pupil", "--counterpart-pupil", "P202", "",
    )
    assert done.returncode == 0, done.stderr
    (line,) = results(done.stdout)
    assert line["verdict"] == "escalate"
    # (the test school is tpat's: its friend-request rule covers former pupils too)
    assert [finding["rule"] for finding in line["findings"]] == ["contact.ex_pupil_connection",
                                                                 "contact.pupil_friend_request"]


def test_check_without_text_or_jsonl_exits_2(school_dir: Path) -> None:
    done = safepost("check", "--school", str(school_dir))
    assert done.returncode == 2
    assert "--jsonl" in done.stderr


def test_packs_list() -> None:
    done = safepost("packs", "list")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(BUILTIN_PACK_IDS)
    for line, pack_id in zip(lines, BUILTIN_PACK_IDS, strict=True):
        assert f"{len(builtin_pack(pack_id).rules)} rules" in line


def test_packs_show_tpat() -> None:
    pack = builtin_pack("tpat")
    done = safepost("packs", "show", "tpat")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{pack.title} (tpat)")
    for rule_id, rule in pack.rules.items():
        assert rule_id in done.stdout
        assert f"Clause {rule.clause}" in done.stdout


def test_packs_show_a_school_pack_file() -> None:
    path = resources.files("safepost").joinpath("demo", "school", "policy.yaml")
    done = safepost("packs", "show", str(path))
    assert done.returncode == 0, done.stderr
    assert "extends tpat" in done.stdout.splitlines()[0]


def test_packs_show_unknown_pack_exits_2() -> None:
    done = safepost("packs", "show", "nosuch")
    assert done.returncode == 2
    assert "nosuch" in done.stderr


def test_rules_lists_the_catalogue() -> None:
    done = safepost("rules")
    assert done.returncode == 0, done.stderr
    ids = [line.split()[0] for line in done.stdout.splitlines()]
    assert ids == [rule["id"] for rule in catalogue()["rules"]]


def test_demo_runs() -> None:
    done = safepost("demo", "--no-colour")
    assert done.returncode == 0, done.stderr
    demo = resources.files("safepost.demo").joinpath("requests.jsonl").read_text("utf-8")
    titles = [json.loads(line)["title"] for line in demo.splitlines() if line.strip()]
    assert "Oakfield Primary School" in done.stdout
    for title in titles:
        assert title in done.stdout
    assert done.stdout.count("=" * 78) == len(titles)
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("host", "port", "address"), [
    ("127.0.0.1", 8123, "http://127.0.0.1:8123"),
    ("0.0.0.0", 8000, "http://127.0.0.1:8000"),  # every interface: opened on this machine
    ("hub.school.internal", 80, "http://hub.school.internal:80"),
    ("::1", 8000, "http://[::1]:8000"),
])
def test_the_hubs_email_links_point_where_it_listens(host: str, port: int, address: str) -> None:
    from safepost.cli import served_address

    assert served_address(host, port) == address

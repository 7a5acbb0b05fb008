"""Speed of the exact checks, printed (never a timed test).

Builds a school with a 2,000-pupil roster in a temporary directory, then measures:
- single text checks: p50 / p99 latency in one process (one core);
- a JSON Lines batch of 10,000 requests through `safepost check --jsonl`: requests per second;
- cold start: `safepost check` from process start to the first result line;
- peak resident memory of that batch run.

Run: make bench   (or .venv/bin/python bench/bench_check.py [--requests N])
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from safepost.engine import check_json
from safepost.school import load_school

FIRST = (
    "Amelia Olivia Isla Ava Mia Ivy Lily Freya Florence Grace Evie Sophia Poppy Willow Ella "
    "Rosie Hope Summer Ruby Daisy Harper Sienna Phoebe Zofia Maryam Aisha Chloé Siobhán Amira "
    "Noah Oliver George Arthur Leo Muhammad Harry Oscar Archie Henry Jack Theodore Freddie "
    "Charlie Alfie Mason Thomas Jacob Teddy Finley Kacper Aarav Oluwaseun Tyler Ethan Joshua"
).split()
LAST = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
    "Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason "
    "Page Hughes Kowalczyk Nowak Adeyemi Okonkwo Hussain Begum O'Connor Murphy Kelly Wright-Evans "
    "MacDonald Campbell Stewart Reid Hartley Fitzgerald Dubois Nguyen Mensah Gallagher Marsh"
).split()
TEMPLATES = (
    "Well done to {full} in Year {year} for a brilliant piece of writing! #StarOfTheWeek",
    "Year {year} had a fantastic trip to the museum today. Thank you to all our parent helpers!",
    "Lovely walk with the dog this weekend, back to marking tomorrow",
    "Congratulations {first} on your swimming certificate!",
    "Reminder: INSET day on Friday, school closed to pupils. Call the office on 01632 960123.",
    "hey {first}, add me on snap its mr_b_88 or text me on 07911 123456",
    "Can't wait for half term, 3 more sleeps!!! 🎉",
    "Our Year {year} football team won 4-2 on Saturday, final score at 15:30. Proud of {full}!",
    "Bake sale raised £234.50 for the PTA, thank you everyone",
    "Please email office@bench.sch.uk with any questions about the trip on 12/03/2026",
)


def make_school(directory: Path, pupils: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    (directory / "school.yaml").write_text(
        "name: Benchmark Academy\naliases: [Benchmark]\ntrust: {name: Bench Trust, aliases: []}\n"
        "policy: reach2\nemail_domains: [bench.sch.uk]\n"
        "official_accounts: [{platform: x, handle: '@BenchAcademy'}]\n"
        "timezone: Europe/London\nschool_day: '08:45-15:15'\nbreaks: ['10:30-10:45', '12:00-13:00']\n"
        "public_contacts: {phones: ['01632 960123'], emails: [office@bench.sch.uk]}\n",
        encoding="utf-8",
    )
    rows = ["pupil_id,first_name,last_name,preferred_name,year_group,date_of_birth,status,"
            "photo_consent,name_consent"]
    for number in range(pupils):
        year = rng.randint(0, 6)
        rows.append(
            f"P{number:05d},{rng.choice(FIRST)},\"{rng.choice(LAST)}\",,{year or 'R'},"
            f"{2013 + (6 - year)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)},current,"
            f"{rng.choice(['yes', 'no'])},{rng.choice(['yes', 'no'])}"
        )
    (directory / "pupils.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (directory / "staff.csv").write_text(
        "staff_id,first_name,last_name,role,email\nS001,Helen,Marsh,headteacher,h.marsh@bench.sch.uk\n"
        "S002,Grace,Hope,teacher,g.hope@bench.sch.uk\n",
        encoding="utf-8",
    )


def make_requests(count: int, seed: int = 11) -> list[dict[str, object]]:
    rng = random.Random(seed)
    requests = []
    for number in range(count):
        text = rng.choice(TEMPLATES).format(
            full=f"{rng.choice(FIRST)} {rng.choice(LAST)}", first=rng.choice(FIRST),
            year=rng.randint(1, 6),
        )
        request: dict[str, object] = {
            "id": f"r{number}", "text": text,
            "channel": rng.choice(["official", "personal"]),
            "at": f"2026-11-{rng.randint(16, 22)}T{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}:00+00:00",
        }
        if "snap" in text:
            request.update(kind="message", counterpart={"kind": "pupil", "pupil_id": "P00001"})
        requests.append(request)
    return requests


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pupils", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        make_school(directory, args.pupils)
        school = load_school(directory)
        requests = make_requests(args.requests)

        for request in requests[:200]:  # warm the indexes and caches, as a running service would
            check_json(request, school)
        timings = []
        for request in requests[:3000]:
            started = time.perf_counter()
            check_json(request, school)
            timings.append((time.perf_counter() - started) * 1000)

        batch = directory / "batch.jsonl"
        batch.write_text("\n".join(json.dumps(r) for r in requests) + "\n", encoding="utf-8")
        batches = {}
        for workers in (1, os.cpu_count() or 1):
            command = [sys.executable, "-m", "safepost.cli", "check", "--school", str(directory),
                       "--jsonl", str(batch), "--out", str(directory / "out.jsonl"),
                       "--workers", str(workers)]
            started = time.perf_counter()
            subprocess.run(command, check=True)
            batches[workers] = time.perf_counter() - started
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        lines = sum(1 for _ in (directory / "out.jsonl").open(encoding="utf-8"))

        first = directory / "first.jsonl"
        first.write_text(json.dumps(requests[0]) + "\n", encoding="utf-8")
        cold = []
        for _ in range(5):
            started = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, "-m", "safepost.cli", "check", "--school", str(directory),
                 "--jsonl", str(first)], stdout=subprocess.PIPE, text=True,
            )
            assert process.stdout is not None
            process.stdout.readline()
            cold.append(time.perf_counter() - started)
            process.wait()

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"roster: {args.pupils} pupils")
    print(f"single text check (one process): p50 {statistics.median(timings):.2f} ms, "
          f"p99 {percentile(timings, 0.99):.2f} ms, max {max(timings):.2f} ms over {len(timings)}")
    for workers, seconds in batches.items():
        print(f"batch, {workers} worker process(es): {lines} requests in {seconds:.2f} s = "
              f"{lines / seconds:,.0f} requests/s (start-up included)")
    print(f"cold start to first result: median {statistics.median(cold):.2f} s, max {max(cold):.2f} s")
    print(f"peak resident memory of one checking process: {peak_kb / 1024:.0f} MB "
          f"(a batch with N workers runs N+1 such processes, sharing pages copied on write)")


if __name__ == "__main__":
    main()

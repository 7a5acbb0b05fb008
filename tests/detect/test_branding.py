"""The school's brand on a personal post as its words tell it: staff in school clothing in a
picture, the crest put up, a vacancy advertised with a picture; never clothing with no picture,
a club's kit, lost property, or a vacancy in words alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from safepost.detect import Evidence
from safepost.detect.branding import BrandingDetector

Detect = Callable[..., list[Evidence]]
PICTURE = [{"path": "images/missing_photo.jpg", "pupils": []}]


@pytest.mark.parametrize(("text", "images", "kinds"), [
    ("Half marathon done in my work polo, legs are jelly", PICTURE, ["school_clothing_shown"]),
    ("Maths team in our matching Brookfield hoodies for the charity quiz", PICTURE, ["school_clothing_shown"]),
    ("New staff fleeces with the school logo arrived today 😎", PICTURE, ["school_clothing_shown"]),
    # a picture spoken of, not sent
    ("Selfie in the new staff hoodie before the 10k 🏃", None, ["school_clothing_shown"]),
    ("Our job advert is live, school crest attached, share please!", None,
     ["crest_shown", "vacancy_with_branding"]),
    ("Baked a cake version of the Brookfield crest for the leavers' do 🎂", None, ["crest_shown"]),
    ("We're hiring! KS2 teacher from September, details in the pic 👇", PICTURE, ["vacancy_with_branding"]),
    # (session 27) the garment, then "on"
    ("Friday feeling 😎 work polo on, quick selfie before the gates shut", None, ["school_clothing_shown"]),
    # a club elsewhere in the post says nothing of the hoodie
    ("New staff hoodies have landed! 📸 Ready for our after-school club tomorrow", None,
     ["school_clothing_shown"]),
])
def test_the_brand_told_by_the_words(detect: Detect, text: str, images: list[dict[str, object]] | None,
                                     kinds: list[str]) -> None:
    fields = {"images": images} if images else {}
    assert [item.kind for item in detect(BrandingDetector(), text, **fields)] == kinds


@pytest.mark.parametrize(("text", "images"), [
    ("Left my school hoodie on the bus AGAIN, if found please return 🙃", None),   # no picture
    ("Lost my work lanyard, anyone seen it? Photo of it here", PICTURE),           # lost property
    ("Sunday league team pic in our matching club tops ⚽", PICTURE),               # not the school's
    ("Running club selfie in our matching tops 🏃", None),
    ("We're hiring! KS2 teacher from September, apply on the trust website", None),  # no picture
    ("Our Year 6 designed a new logo for the eco club", PICTURE),
    ("School jumper on inside out again 🙈 pic for the family chat", None),          # a child's
    ("Work jacket on, off to my Saturday job, pic for mum", None),                 # another job's
])
def test_no_brand_shown(detect: Detect, text: str, images: list[dict[str, object]] | None) -> None:
    fields = {"images": images} if images else {}
    assert detect(BrandingDetector(), text, **fields) == []

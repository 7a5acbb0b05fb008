"""Other people in the text: staff by name, titled adults, and pupils' parents."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.pupil_names import name_mentions

# (One run of spaces, not "\s*...\s+", which tries every split of a long run: "Amelia's" and
# 20,000 spaces took 36 seconds.)
_PARENT_WORDS = re.compile(
    r"(?:\s*(?:'s|’s))?\s+(mum|mummy|mam|mom|dad|daddy|mother|father|parents?|carers?|"
    r"step-?(?:mum|dad)|nan|nanna|gran|grandma|grandad|granddad|grandparents?|auntie|aunt|uncle|"
    r"family)\b",
    re.IGNORECASE,
)


class PeopleDetector:
    """Staff and other adults named, and parents referred to through their child."""

    name = "people"
    reads_text = True  # also run over words found in pictures

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        text = subject.text
        for mention in name_mentions(subject):
            if mention.who in ("staff", "adult"):
                yield Evidence(
                    detector=self.name, kind=f"{mention.who}_name", text=mention.text,
                    start=mention.start, end=mention.end,
                    attrs={"staff_id": mention.person_id, "form": mention.form},
                )
            elif mention.who == "pupil":
                following = _PARENT_WORDS.match(text, mention.end)
                if following:
                    yield Evidence(
                        detector=self.name, kind="parent_reference",
                        text=text[mention.start:following.end()],
                        start=mention.start, end=following.end(),
                        attrs={"pupil_id": mention.person_id, "relation": following.group(1)},
                    )

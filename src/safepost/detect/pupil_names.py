"""Pupils named in the text, hashtags and handles, matched against the school's roster."""

from __future__ import annotations

from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject
from safepost.detect.names import NameMention, find_names, joined_to


def name_mentions(subject: Subject) -> list[NameMention]:
    mentions: list[NameMention] = subject.memo(
        "names", lambda: find_names(subject.text, subject.tokens, subject.school)
    )
    return mentions


class PupilNameDetector:
    """Full names, first names, first name + initial; ordinary-word names need support."""

    name = "pupil_names"

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        request = subject.request
        pictured = {pupil_id for image in request.images for pupil_id in image.pupils}
        addressed = (
            request.counterpart.pupil_id
            if request.counterpart and request.counterpart.kind in ("pupil", "former_pupil")
            else None
        )
        pupils = [mention for mention in name_mentions(subject) if mention.who == "pupil"]
        accepted: list[tuple[NameMention, str]] = []
        doubtful: list[NameMention] = []
        for mention in pupils:
            if mention.form != "first" or not mention.common_word:
                accepted.append((mention, "name"))
            elif mention.person_id in pictured:
                accepted.append((mention, "pupil is listed in the images"))
            elif mention.person_id == addressed:
                accepted.append((mention, "the message is to this pupil"))
            elif mention.cue and subject.text[mention.start:mention.start + 1].isupper():
                accepted.append((mention, "named with a praise word or their year group"))
            else:
                doubtful.append(mention)
        # "Hope and Amelia": an ordinary-word name listed beside another pupil's name.
        for mention in doubtful:
            if subject.text[mention.start:mention.start + 1].isupper() and any(
                joined_to(subject.text, mention, other) for other, _ in accepted
            ):
                accepted.append((mention, "listed beside another pupil's name"))
        for mention, support in accepted:
            pupil = subject.school.pupil(mention.person_id or "")
            if pupil is None:
                continue
            yield Evidence(
                detector=self.name, kind="pupil_name", text=mention.text,
                start=mention.start, end=mention.end,
                attrs={
                    "pupil_id": pupil.pupil_id, "form": mention.form, "typo": mention.typo,
                    "in_tag": mention.in_tag, "support": support,
                },
            )

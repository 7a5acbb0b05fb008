"""What the words mean: judgements from the language model and lexicon (gossip, threats,
grooming...). Each carries its score, the words that triggered it and the nearest labelled
examples; the pack's thresholds decide, in `evaluate`, which ones count."""

from __future__ import annotations

from collections.abc import Iterable

from safepost.contract import others_words
from safepost.detect.base import Evidence, Subject
from safepost.detect.pupil_names import name_mentions, pupils_named
from safepost.detect.school_identity import voices_for_school


class LanguageDetector:
    name = "language"
    reads_text = True  # also run over words found in pictures

    def __init__(self, model_name: str | None = None) -> None:
        # None: the process's model (SAFEPOST_LANGUAGE_MODEL, else the engine's default).
        self.model_name = model_name

    def detect(self, subject: Subject) -> Iterable[Evidence]:
        # Imported here: safepost.language itself uses the detectors' text helpers.
        from safepost.language import NameSpan, candidates
        from safepost.language.model import chosen_model_name, second_opinion_model

        text = subject.text
        if not text.strip():
            return
        # The pupils the post names (as the pupil-name check reads them), the staff and the
        # titled adults are read as one stand-in name, so no one's name moves a judgement. A
        # first name that is also a word, with nothing to say it is a pupil, stays a word:
        # "Hope to see you", "We Will Remember".
        names = [NameSpan(mention.start, mention.end, mention.form)
                 for mention in name_mentions(subject) if mention.who != "pupil"]
        names += [NameSpan(mention.start, mention.end, mention.form)
                  for mention, _support in pupils_named(subject)]
        model_name = self.model_name or chosen_model_name()
        request = subject.request
        # Words someone else wrote (contract.others_words): what only staff can do (grooming,
        # asking a child for their details) is not read in them, as evaluate reads them, nor
        # asked a second opinion about - but a stranger's on the school's page is, for the DSL.
        words = others_words(request)
        author = words.writer if words is not None and not words.stranger else None
        # A personal post that speaks as the school ("At Haverleigh we believe...") is read
        # for a political or personal view too, which it would give as the school's.
        speaks_for_school = request.channel != "official" and bool(voices_for_school(subject))
        for decision in candidates(text, request.channel, kind=request.kind,
                                   model_name=model_name, names=names, author=author,
                                   own_domains=subject.school.email_domains,
                                   safeguarding_model_name=second_opinion_model(model_name),
                                   speaks_for_school=speaks_for_school):
            first = decision.triggers[0] if decision.triggers else None
            yield Evidence(
                self.name, "judgement",
                ", ".join(f"'{trigger.words}'" for trigger in decision.triggers) or text[:80],
                start=first.start if first else None, end=first.end if first else None,
                attrs={
                    "label": decision.label, "score": decision.score, "source": decision.source,
                    "model_threshold": decision.threshold,
                    "triggers": [trigger.words for trigger in decision.triggers],
                    "nearest": list(decision.nearest),
                    "readers": dict(decision.readers),
                    "model": decision.model or None,
                    "retold_disclosure": decision.retold_disclosure,
                },
            )

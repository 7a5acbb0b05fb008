"""Someone else's work used without leave, as the words tell it (detect/copyright.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from safepost.detect import Evidence
from safepost.detect.copyright import CopyrightDetector, use_without_leave

Detect = Callable[..., list[Evidence]]

TAKEN = "someone else's picture, words or recording taken without asking"
WHOLE = "the whole of a published work given out"
COPIED = "a published or paid-for work copied and given out"
PIRATED = "pirated downloads or broadcasts"
UNLICENSED = "music or a film used without the licence"


@pytest.mark.parametrize(("text", "words", "how"), [
    ("Gorgeous sunset for our geography display (pinched from a photographer's Instagram!)",
     "pinched from a photographer's Instagram", TAKEN),
    ("Revision season 📚 (pic nicked off Google Images, credit to whoever made it)", "nicked off Google Images",
     TAKEN),
    ("Great shot of the harbour this morning (borrowed from the Whitby Gazette's Facebook page)",
     "borrowed from the Whitby Gazette's Facebook page", TAKEN),
    # found or reposted, then told no one was asked
    ("Found this on Pinterest, no idea who drew it but so true 😂", "Found this on Pinterest", TAKEN),
    ("Reposting this lovely thread from @MrsPhonics (didn't ask, hope she doesn't mind!)",
     "Reposting this lovely thread from @MrsPhonics", TAKEN),
    ("The famous shot of the flood (Photo: BBC News, we'll ask them if it's ok!)", "Photo: BBC News", TAKEN),
    # the whole of a titled work given out
    ("Here's the full text of The Gruffalo to read at home tonight 📖", "full text of The Gruffalo", WHOLE),
    ("We've uploaded the whole of Paddington 2 to our YouTube for movie afternoon", "the whole of Paddington 2",
     WHOLE),
    ("Here's the whole of Chapter 3 from the new reading scheme, scanned it at work 😉",
     "the whole of Chapter 3", WHOLE),
    # a published or paid-for work copied
    ("Here's the full scanned set of our phonics reading books as PDFs, free!",
     "scanned set of our phonics reading books", COPIED),
    ("The whole CGP revision guide as a free PDF, grab it quick", "CGP revision guide as a free PDF", COPIED),
    ("Found a great revision mat on a TES shop (£3.50) and we've uploaded the PDF for everyone",
     "TES shop (£3.50) and we've uploaded", COPIED),
    ("Free Premier League streams every weekend, no subscription 👉", "Free Premier League streams", PIRATED),
    # (after the first blind probe) taken "off" a site, a watermark cropped, a paywall, a login handed
    # round, a licence not bought, a torrent, a song's words, an episode uploaded
    ("Used Peppa Pig off google for the fair poster 🐷", "Used Peppa Pig off google", TAKEN),
    ("it had a watermark but i cropped that bit out 🙈", "a watermark but i cropped that bit out", TAKEN),
    ("copied the whole article from behind the paywall into the staff group",
     "copied the whole article from behind the paywall", TAKEN),
    ("got the premium resources off a mate's school login, dm me",
     "premium resources off a mate's school login, dm me", COPIED),
    ("Backing track is a chart song (didnt bother with licensing lol)", "didnt bother with licensing", UNLICENSED),
    ("downloaded the whole series off a torrent site for Friday afternoons", "downloaded the whole series", COPIED),
    ("typed out the full lyrics to the song and posted them on the school page", "full lyrics to the song and posted",
     COPIED),
    ("just uploaded the entire bluey episode to class dojo for the little ones", "uploaded the entire bluey episode",
     COPIED),
    ("ripped the album off youtube for the dance club", "ripped the album off youtube", PIRATED),
    # a homework book photocopied is no copy, and does not hide the paid pack after it
    ("Photocopied the homework books for Year 4, and the TES shop pack is uploaded to the shared drive",
     "TES shop pack is uploaded", COPIED),
    # (the 59th look) a picture site after a possessive
    ("Loved this quote graphic for exam season – nicked it off someone's Pinterest, hope they don't mind!",
     "nicked it off someone's Pinterest", TAKEN),
])
def test_someone_elses_work_is_found(detect: Detect, text: str, words: str, how: str) -> None:
    (item,) = detect(CopyrightDetector(), text)
    assert item.kind == "someone_elses_work" and item.text == words and item.attrs == {"how": how}
    assert text[item.start:item.end] == words


@pytest.mark.parametrize("text", [
    "Borrowed a great book from the library for bedtime tonight 📚",       # a loan, not a copy
    "The trust's curriculum is lifted straight from a school in Kent",     # no picture or text taken
    "Top tips for reading at home (borrowed from a brilliant blog I follow!)",   # a blog, no owner named
    "Found this in the lost property box, is it anyone's? Photo on the office door",
    "Well done Heather for finishing the whole of Wolf Brother and reviewing it!",   # read, not given out
    "Year 3 can now sign the whole of Happy Birthday 🤟",
    "Full text of the head's letter is attached for anyone who missed it",   # the school's own letter
    "Our Year 3s uploaded their book reviews to the class blog",
    "All library books have been scanned back in, thank you families",
    "Photo: our own Year 6 at the summit 🏔️",                              # the school's own picture
    "Watched the free live stream of the Year 6 production from Spain!",    # the school's own stream
    "Our school holds a CLA licence, so this extract is fine to share with Year 10",
    "No TV licence needed for this one, it's on YouTube from the publisher's own channel",
    "The rain was torrential on the walk home 🌧️",
    "Selling my old car, £2,200 ono, dm me",
    "Neighbour's lad caught driving with no licence again, unbelievable",   # not music or a film
    # (after the second blind probe) the writer's own work; free software
    "scanned my own lesson plans from 2012 before the paper falls apart lol",
    "downloaded audacity for the music dept, it's free and open source so no licence faff",
    # (session 27's review) the same words in ordinary school posts
    "Cake sale raised £250! Photos uploaded to the website",
    "Our Pupil Premium strategy statement has been uploaded",
    "My login for the shared drive isn't working, emailing IT",
    "Uploaded this week's home learning resources to Google Classroom",
    "Watched the whole film together and shared popcorn",
    "Copied the spelling lists into everyone's homework books",
    "A torrent of questions from Year 2 about the eclipse",
    "Nabbed a bargain from Tesco for the class party",
    "Borrowed some gazebos from @StMarysPTA for sports day",
    "Picked up parcels from the Royal Mail depot",
    "Reposting from @KentPolice: missing teenager last seen in Ashford. Hope she is ok 🙏",
    "Pics via @OakfieldPTA, not sure who took the last one",
    "Took the kids off Google Classroom for a screen break",
    "The whole of Oak Class did the sponsored walk, uploaded photos to Seesaw",
    "We read the whole of Wonder this term and loved it - pictures of our book reviews uploaded to Seesaw",
    "Added our school watermark to all photos, cut down on misuse",
    "We don't have the film licence so no movie afternoon this week",
    "",
])
def test_the_same_words_with_no_one_elses_work(detect: Detect, text: str) -> None:
    assert detect(CopyrightDetector(), text) == []


PROBES = Path(__file__).resolve().parents[1] / "data" / "devset" / "probes"


@pytest.mark.parametrize(("probe", "found_at_least"), [
    # written blind from a description (never the code); the first was read to widen the
    # reading (13 of 40 on its first run), the second's first run (10 of 40, 2 of 60 flagged) is
    # the honest figure: its misses and false alarms were seen before a review's rewrite
    ("copyright_1.jsonl", 33),
    ("copyright_2.jsonl", 12),
])
def test_the_blind_probes_keep_their_measured_figures(probe: str, found_at_least: int) -> None:
    found, clean_flagged = 0, []
    for line in (PROBES / probe).read_text(encoding="utf-8").splitlines():
        example = json.loads(line)
        hit = use_without_leave(example["text"])
        if example["copyright"]:
            found += hit is not None
        elif hit is not None:
            clean_flagged.append(example["text"])
    assert found >= found_at_least
    assert clean_flagged == []

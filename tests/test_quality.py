"""The development set as a quality gate: the exact checks keep F1 >= 0.95 on every rule they
cover, and raise no false alarm on a clean post (issue 2's bar). The language model is
measured on its own corpus (tests/language/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safepost.quality import evaluate_cases, evaluate_exact, render_evaluation

DEVSET = Path(__file__).parent / "data" / "devset" / "cases.jsonl"
# Written in session 10 by a separate pass that read the specification, not the code, for a
# school and wording the code had never seen (see tests/data/devset/README.md): its first run
# found 14 general bugs, fixed since.
SECOND_LOOK = DEVSET.with_name("second_look.jsonl")
# The same, written after those fixes for a third school (a Welsh primary): 4 more faults.
THIRD_LOOK = DEVSET.with_name("third_look.jsonl")
# And a fourth, for a large secondary (first run 0.993, no false alarm; one missing finding).
FOURTH_LOOK = DEVSET.with_name("fourth_look.jsonl")
# And a fifth, for a 3-18 school in Northern Ireland (first run 0.992, 1 false alarm in 51).
FIFTH_LOOK = DEVSET.with_name("fifth_look.jsonl")
# And a sixth, for a special school under staffs_protocol (first run 0.975, 1 false alarm in 54).
SIXTH_LOOK = DEVSET.with_name("sixth_look.jsonl")
# And a seventh, for a large East London primary under reach2 (first run 0.975, 3 in 53).
SEVENTH_LOOK = DEVSET.with_name("seventh_look.jsonl")
# And an eighth, for an 11-18 academy in Birmingham under auriga (first run 1.000, no false alarm).
EIGHTH_LOOK = DEVSET.with_name("eighth_look.jsonl")
# And a ninth, for a rural Lincolnshire all-through school under staffs_protocol (session 12,
# first run 0.983, 2 false alarms in 52).
NINTH_LOOK = DEVSET.with_name("ninth_look.jsonl")
# And a tenth, for a Catholic 11-18 college in Liverpool under tpat (session 12, first run
# 0.983, 1 false alarm in 50).
TENTH_LOOK = DEVSET.with_name("tenth_look.jsonl")
# And an eleventh, for an all-through special school in Gateshead under reach2 (session 13,
# first run 1.000, no false alarm in 49).
ELEVENTH_LOOK = DEVSET.with_name("eleventh_look.jsonl")
# And a twelfth, for an infant and nursery school in Bristol under holbrook (session 13, first
# run 1.000, no false alarm in 62, with or without the language judgements).
TWELFTH_LOOK = DEVSET.with_name("twelfth_look.jsonl")
# And a thirteenth, for an 11-18 academy in Nottinghamshire under auriga (session 14, first run
# 1.000, no false alarm in 57, with or without the language judgements).
THIRTEENTH_LOOK = DEVSET.with_name("thirteenth_look.jsonl")
# And a fourteenth, for an all-through special school in Lancashire under staffs_protocol
# (session 15, first run 0.992, no false alarm in 55; two cases relabelled by spec changes).
FOURTEENTH_LOOK = DEVSET.with_name("fourteenth_look.jsonl")
# And a fifteenth, for a junior school in Suffolk under reach2 whose school.yaml lists its
# holidays and INSET days (session 16, first run 1.000, no false alarm in 53).
FIFTEENTH_LOOK = DEVSET.with_name("fifteenth_look.jsonl")
# And a twentieth, about everything but names and wording (pictures, consent, hidden data, the
# crest, profiles, friend requests, likes and shares, time and equipment), for an 11-16 academy
# in Cornwall under tpat (session 19, first run 0.953 with the language judgements, 6 false
# alarms in 62: a former pupil now an adult in a personal photo, a parent who is a relative,
# a camera serial in the author's own picture mended; three relabelled where exact-rules.md
# omitted what the README stated).
TWENTIETH_LOOK = DEVSET.with_name("twentieth_look.jsonl")
LOOKS = [DEVSET, SECOND_LOOK, THIRD_LOOK, FOURTH_LOOK, FIFTH_LOOK, SIXTH_LOOK, SEVENTH_LOOK, EIGHTH_LOOK,
         NINTH_LOOK, TENTH_LOOK, ELEVENTH_LOOK, TWELFTH_LOOK, THIRTEENTH_LOOK, FOURTEENTH_LOOK,
         FIFTEENTH_LOOK, TWENTIETH_LOOK]


@pytest.fixture(scope="module", params=LOOKS, ids=["devset", "second_look", "third_look", "fourth_look",
                                                  "fifth_look", "sixth_look", "seventh_look", "eighth_look",
                                                  "ninth_look", "tenth_look", "eleventh_look",
                                                  "twelfth_look", "thirteenth_look", "fourteenth_look",
                                                  "fifteenth_look", "twentieth_look"])
def evaluation(request):  # type: ignore[no-untyped-def]
    return evaluate_exact(request.param)


@pytest.mark.parametrize(("path", "cases", "clean"),
                         [(DEVSET, 200, 60), (SECOND_LOOK, 100, 40), (THIRD_LOOK, 100, 40),
                          (FOURTH_LOOK, 100, 40), (FIFTH_LOOK, 100, 40),
                          (SIXTH_LOOK, 100, 40), (SEVENTH_LOOK, 100, 40),
                          (EIGHTH_LOOK, 100, 40), (NINTH_LOOK, 100, 40), (TENTH_LOOK, 100, 40),
                          (ELEVENTH_LOOK, 100, 40), (TWELFTH_LOOK, 100, 35),
                          (THIRTEENTH_LOOK, 100, 50), (FOURTEENTH_LOOK, 100, 50),
                          (FIFTEENTH_LOOK, 100, 50), (TWENTIETH_LOOK, 150, 55)])
def test_case_files_are_large_enough_and_parse(path: Path, cases: int, clean: int) -> None:
    evaluation = evaluate_exact(path)
    assert not evaluation.errors
    assert evaluation.cases >= cases
    assert evaluation.clean_cases >= clean


def test_every_rule_reaches_f1_bar(evaluation) -> None:  # type: ignore[no-untyped-def]
    weak = {rule: round(score.f1, 3) for rule, score in evaluation.rules.items() if score.f1 < 0.95}
    assert not weak, render_evaluation(evaluation, show_mistakes=True)


def test_no_false_alarms_on_clean_posts(evaluation) -> None:  # type: ignore[no-untyped-def]
    assert evaluation.false_alarms == 0, render_evaluation(evaluation, show_mistakes=True)


def test_verdict_accuracy(evaluation) -> None:  # type: ignore[no-untyped-def]
    assert evaluation.verdict_accuracy >= 0.95


# The sixteenth look (session 16) is adversarial: hidden characters, look-alike letters,
# full-width digits, spelled-out numbers and emails, names split by emoji or a wrapped line.
# Its first run scored 0.842 with 2 false alarms; the readings the spec now gives took it to
# 0.967. Four misses were known limits (exact-rules, "Who is named"): a Polish declined name,
# a name with letters repeated for emphasis, and two famous people ("Florence Nightingale",
# "Muhammad Ali") read as pupils. So it is held to what was measured, not to the other looks'
# bar; each limit mended raises it. Since session 28 the famous two are read as themselves
# (data/famous_people.txt) and the declined name is read, "Zofii Wiśniewskiej" as Zofia
# Wiśniewska; that case stays a miss because its label asks for a finding on the school's own
# account where she has name consent, which exact-rules allows.
SIXTEENTH_LOOK = DEVSET.with_name("sixteenth_look.jsonl")
SIXTEENTH_KNOWN_LIMITS = {"si016", "si051"}


def test_evaluation_counts_a_wrong_label_as_a_mistake(tmp_path: Path) -> None:
    """The scorer itself: a case labelled with the wrong rule scores a miss and a false alarm."""
    case = {
        "case": "x1", "school": "demo",
        "request": {"id": "x1", "channel": "official", "text": "Well done Amelia Hartley!"},
        "expect": {"verdict": "allow", "rules": ["content.official_personal_data"]},
    }
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(case) + "\n", encoding="utf-8")
    result = evaluate_cases(path)
    assert result.verdicts_right == 0
    assert result.rules["content.pupil_full_name"].fp == 1
    assert result.rules["content.official_personal_data"].fn == 1
    assert result.mistakes[0].unexpected == ["content.pupil_full_name"]


# The seventeenth look (session 17) is the first school with a real secondary's roster: 1,176
# pupils, so most common first names and surnames belong to some pupil. First run 0.933, 8
# false alarms in 55; the readings the spec now gives (a year group narrows which pupils of a
# shared first name are meant, "Adam from Posh in the Community", "production of Oliver!",
# "my Oliver", "Harry Kane's") took it to 0.975. Three clean cases stay known limits, each
# a finding by the spec's letter: a colleague thanked by first name beside a year group
# (se004), and two pupils' full names used for a hill and a boxer (se010, se011).
SEVENTEENTH_LOOK = DEVSET.with_name("seventeenth_look.jsonl")
SEVENTEENTH_KNOWN_LIMITS = {"se004", "se010", "se011"}


@pytest.mark.parametrize(("path", "known_limits"), [
    (SIXTEENTH_LOOK, SIXTEENTH_KNOWN_LIMITS), (SEVENTEENTH_LOOK, SEVENTEENTH_KNOWN_LIMITS),
], ids=["adversarial", "large_school"])
def test_a_look_with_known_limits_keeps_its_measured_floor(path: Path, known_limits: set[str]) -> None:
    evaluation = evaluate_exact(path)
    assert not evaluation.errors
    assert evaluation.cases >= 120 and evaluation.clean_cases >= 50
    wrong = {mistake.case for mistake in evaluation.mistakes}
    assert wrong <= known_limits, render_evaluation(evaluation, show_mistakes=True)


# The eighteenth look (session 17) measures the language judgements end to end, as an
# acceptance test would: 150 requests labelled with the catalogue's rules from the policies
# alone. With the engine's (static) model its first run gave verdict accuracy 0.827 and 1
# false alarm in 59 clean; after the session's mapping of others' words to the policies'
# moderation rules, the same verdicts with more of the rules right (micro F1 0.737 -> 0.758);
# session 19: a derogatory remark where the pack states no rule on negative comments is an
# insult (Holbrook 5.5) before it is disrepute, and disrepute as a fallback is left out beside a
# nearer rule for the same words, 0.768 -> 0.798. Held to what was measured: the model's misses are the issue-4 gap, not a regression.
EIGHTEENTH_LOOK = DEVSET.with_name("eighteenth_look.jsonl")


# The nineteenth look (session 18) is about exchanges end to end: 150 messages and comments with
# their counterparts (staff to pupils, former pupils, parents and colleagues; comments received
# on the school's page from parents, pupils and strangers), labelled from the policies alone.
# First run (the engine's model with its second opinion): 0.833, 10 false alarms in 62 clean.
# Mended (a comment received on the school's page read as the commenter's words, "find me" at
# break and "message me here" on the school's platform no offer of private contact, a personal
# number in a reply on the school's page published there, a private message on the school's
# platform naming its own pupil, a stranger asking children under the school's post to contact
# them privately): 0.887, 7 (session 19: "hit me" in a child's disclosure no longer read as "hit me
# up", micro F1 0.787 -> 0.791). Held to what was measured; the false alarms left are the models'
# grooming reading of plain messages to pupils (4), others' offensive words where the pack has
# no moderation rule (2, a choice: flagged for the school to remove) and AURIGA's emergency
# exception for a personal phone (1).
NINETEENTH_LOOK = DEVSET.with_name("nineteenth_look.jsonl")


# The twenty-first look (session 19) is written as an outside acceptance tester would: from the
# contract, the catalogue and the policies alone, not docs/exact-rules.md, so its labels are one
# careful reader's own reading of the policies (it labels several rules for one matter, reads
# Holbrook's A.3.4 as "every official post needs a leadership approval on record", and reads
# the rules safepost adopts where a policy is silent as no rule). First run with the language
# judgements: 0.733, micro F1 0.574, 10 false alarms in 60. Mended (general): ordinary words
# and places that spell a pupil's full name ("Summer baker needed!", "Will Marsh Lane"); an
# official profile the school has not listed needs approval; Wikipedia edited from a school device
# (Holbrook); an adult site from a school device (REAch2); contact with a child who is no pupil
# (REAch2, advice); permission on record for personal use in working time (REAch2); governors
# are not at work in the school day. Now
# 0.787, 0.611, 6; with the conventions below (each rule the policy states that a contact
# breaks; Holbrook's leadership approval; its personal-use rule for those working with children)
# 0.813, 0.692, 5; without the advice no longer adopted, 0.820, 0.694, 4. Held to what was measured; most of what is left is rules safepost does not
# raise (tests/data/devset/README.md lists them) and the language model's misses.
TWENTYFIRST_LOOK = DEVSET.with_name("twentyfirst_look.jsonl")


# The twenty-second look (session 19): a second outside reader, from the contract, catalogue and
# policies only (Brinkhollow Primary, holbrook), asked to name the rules it chose in six common
# situations so the two readers could be compared. Both readers label every rule a policy
# states that a contact breaks (a personal message to a pupil: the personal-contact rule and the
# official-channels rule; a pupil's friend request received: the friend-request rule and its
# handling), and both read Holbrook A.3.4 as a leadership approval for every official post; both
# read Holbrook's personal-use rule as not the office's. Adopted (exact-rules.md; the earlier
# looks relabelled by tests/data/devset/tools/conventions_s19.py from their requests' fields).
# First run (before the conventions): 0.813, micro F1 0.644, 5 false alarms in 59; now 0.860,
# 0.739, 2 (with the advice safepost no longer adopts where a policy is silent: own details, the
# crest).
TWENTYSECOND_LOOK = DEVSET.with_name("twentysecond_look.jsonl")


# The twenty-third and twenty-fourth looks (session 20): two more outside readers, from the
# contract, catalogue and policies only (Ellerby Moor Academy, auriga; Quarry Bank Primary,
# staffs_protocol). First runs: 0.753, micro F1 0.600, 8 false alarms in 57; 0.740, 0.520, 8 in
# 58 (the session's starting code: 0.733 and 0.727). Mended (general): the school's own
# landline given as such on its post; a consented full name under AURIGA; a parent texting
# their own child; "Noah's Ark"; the Staffordshire protocol's ban on any comment on the school.
TWENTYTHIRD_LOOK = DEVSET.with_name("twentythird_look.jsonl")
TWENTYFOURTH_LOOK = DEVSET.with_name("twentyfourth_look.jsonl")
# The twenty-fifth (Penhallow Academy, tpat) and twenty-sixth (Thornleigh Primary Academy,
# reach2), the same way, later in session 20. First runs: 0.687, micro F1 0.568, 9 false alarms in
# 57 (TPAT read narrowly: no grooming or safeguarding rule of its own, "whilst at work" reaching
# marking at home); 0.840, 0.676, 3 in 57. Then a review's precision mends (below), and the
# twenty-fifth's own: an adult former pupil named on the school's account; TPAT's parent
# notification for a child's friend request only; the school's number in its own profile's bio.
TWENTYFIFTH_LOOK = DEVSET.with_name("twentyfifth_look.jsonl")
TWENTYSIXTH_LOOK = DEVSET.with_name("twentysixth_look.jsonl")
# The twenty-eighth (Millbrook Academy, staffs_protocol), written after every mend of the session
# but the last: first run 0.827, micro F1 0.643, 2 false alarms in 58 (the best first run of any
# outside reader); one mended ("email the office or ring 01632 ..." on the school's page).
TWENTYEIGHTH_LOOK = DEVSET.with_name("twentyeighth_look.jsonl")
# The twenty-seventh (Ashgrove CE Primary, holbrook), the same way: first run 0.833, micro F1
# 0.708, 2 false alarms in 56; mended: "give us a ring on", "As a school, we at ...", a teacher
# naming herself to a parent ("it's Miss Hales") and "at lunch" as school business.
TWENTYSEVENTH_LOOK = DEVSET.with_name("twentyseventh_look.jsonl")
# Session 21's three, written the same way: the twenty-ninth (Fenwick Marsh Academy, auriga), the
# thirtieth (St Petroc's CE Primary, tpat) and the thirty-first (Cannock Vale High School,
# staffs_protocol). On the session's opening code (279fff2): 0.787 / micro F1 0.648 / 6 false
# alarms in 56; 0.793 / 0.615 / 3 in 61; 0.840 / 0.564 / 8 in 59. Mended after them: the
# Staffordshire protocol's own rule for a work email on a profile, a parent's messages to their own
# child, volunteers outside AURIGA's scope, likes under AURIGA and TPAT, an official post on an
# unlisted platform, contradicting the school's letters, a pupil's sensitive matter on a personal
# account.
TWENTYNINTH_LOOK = DEVSET.with_name("twentyninth_look.jsonl")
THIRTIETH_LOOK = DEVSET.with_name("thirtieth_look.jsonl")
THIRTYFIRST_LOOK = DEVSET.with_name("thirtyfirst_look.jsonl")
# Two more, written after those mends: the thirty-second (Larkspur Lane Primary, holbrook) and the
# thirty-third (Harwich Road Academy, reach2). First runs on that code (fd8ec5b): 0.780 / 0.662 / 7
# false alarms in 60; 0.807 / 0.648 / 2 in 59 (on the session's opening code: 0.773 / 0.647 / 7;
# 0.800 / 0.624 / 2). Mended after them: rowan and teddy as words, "special mention to" and "get well
# soon" as praise, a pupil's "fixed term" and "a Year 4 boy".
THIRTYSECOND_LOOK = DEVSET.with_name("thirtysecond_look.jsonl")
THIRTYTHIRD_LOOK = DEVSET.with_name("thirtythird_look.jsonl")
# Session 22's five, written the same way: the thirty-fourth (Saltcote Academy, auriga), the
# thirty-fifth (Hulmebrook Infant and Nursery School, staffs_protocol), the thirty-sixth
# (Thistlecombe School, a special school, holbrook), the thirty-seventh (Merrowfield Academy, an
# all-through academy, tpat) and the thirty-eighth (Hendon Brook Primary Academy, reach2). On the
# session's opening code (8c345cf): 0.773 / 0.632 / 6 false alarms in 58; 0.833 / 0.576 / 2 in 60;
# 0.853 / 0.696 / 2 in 59; 0.773 / 0.637 / 5 in 57; 0.853 / 0.685 / 0 in 59. Mended after them
# (with blind probes of each new reading): other people's private matters, unpublished inspection
# outcomes, incidents at school, own details in a bio, REAch2 3.7, a friend request as personal
# contact, two ways of misreading a full name.
THIRTYFOURTH_LOOK = DEVSET.with_name("thirtyfourth_look.jsonl")
THIRTYFIFTH_LOOK = DEVSET.with_name("thirtyfifth_look.jsonl")
THIRTYSIXTH_LOOK = DEVSET.with_name("thirtysixth_look.jsonl")
THIRTYSEVENTH_LOOK = DEVSET.with_name("thirtyseventh_look.jsonl")
THIRTYEIGHTH_LOOK = DEVSET.with_name("thirtyeighth_look.jsonl")
# Three more written after those mends, first run on that code (the session's measure of them):
# the thirty-ninth (Wealdgate Infant Academy, tpat) 0.793 / 0.659 / 3 in 57; the fortieth
# (Oxenholme St Bega's CE School, holbrook) 0.893 / 0.767 / 4 in 61; the forty-first (Brackenfold
# Junior Academy, staffs_protocol) 0.820 / 0.582 / 3 in 57 (on the opening code 0.787 / 0.662 / 3,
# 0.887 / 0.759 / 5, 0.820 / 0.575 / 3). Four small mends from them after.
THIRTYNINTH_LOOK = DEVSET.with_name("thirtyninth_look.jsonl")
FORTIETH_LOOK = DEVSET.with_name("fortieth_look.jsonl")
FORTYFIRST_LOOK = DEVSET.with_name("fortyfirst_look.jsonl")
FORTYSECOND_LOOK = DEVSET.with_name("fortysecond_look.jsonl")
FORTYTHIRD_LOOK = DEVSET.with_name("fortythird_look.jsonl")
FORTYFOURTH_LOOK = DEVSET.with_name("fortyfourth_look.jsonl")
FORTYFIFTH_LOOK = DEVSET.with_name("fortyfifth_look.jsonl")
FORTYSIXTH_LOOK = DEVSET.with_name("fortysixth_look.jsonl")
FORTYSEVENTH_LOOK = DEVSET.with_name("fortyseventh_look.jsonl")
FORTYEIGHTH_LOOK = DEVSET.with_name("fortyeighth_look.jsonl")
FORTYNINTH_LOOK = DEVSET.with_name("fortyninth_look.jsonl")
# Session 26's: Kingswharf Academy, an alternative provision academy in Hull, auriga. First run on the
# session's opening code (c9f35e2) and on its final code alike: 0.880 / 0.793 / 0 false alarms in 57.
FIFTIETH_LOOK = DEVSET.with_name("fiftieth_look.jsonl")
# And Coquetburn Middle School, a 9-13 middle school in Northumberland, holbrook: 0.893 / 0.807 / 1
# on the opening code, 0.900 / 0.817 / 1 on the final (the crest on a fleece, read from the words).
FIFTYFIRST_LOOK = DEVSET.with_name("fiftyfirst_look.jsonl")
# And two that arrived at the session's end: Gorsemere CE First School (staffs_protocol), 0.840 /
# 0.756 / 3 on both codes; Abbeymead Fields Academy (tpat), 0.860 / 0.812 / 2 opening, 0.867 / 0.814 / 2.
FIFTYSECOND_LOOK = DEVSET.with_name("fiftysecond_look.jsonl")
FIFTYTHIRD_LOOK = DEVSET.with_name("fiftythird_look.jsonl")
# Session 27's, written before it changed any code: Marshcombe Primary Academy, a REAch2 primary on
# the Lincolnshire coast: 0.847 / 0.752 / 0 false alarms in 57 on the opening code (8db4e0f) and on
# the code of the session's first three readings alike; Trentholme High School, an 11-16 school
# in Stoke-on-Trent, staffs_protocol: 0.887 / 0.823 / 1 on both. Their misses were then read (the
# session's last readings): 0.860 / 0.765 / 0 and 0.913 / 0.841 / 1.
FIFTYFOURTH_LOOK = DEVSET.with_name("fiftyfourth_look.jsonl")
FIFTYFIFTH_LOOK = DEVSET.with_name("fiftyfifth_look.jsonl")
# And two more written while the session worked, run on its code as it stood when they arrived
# (9b9953a and 4ce899a): Wraybeck CE Academy, an 11-18 school in Cumbria, auriga: 0.847 / 0.760 / 0
# (the opening code 0.840 / 0.755 / 0); Hollins Green Primary, Wythenshawe, tpat: 0.867 / 0.759 / 0
# (the opening code the same). After reading their misses: 0.893 / 0.792 / 0 and 0.887 / 0.771 / 0.
FIFTYSIXTH_LOOK = DEVSET.with_name("fiftysixth_look.jsonl")
FIFTYSEVENTH_LOOK = DEVSET.with_name("fiftyseventh_look.jsonl")
# And the last two, written while the session's final readings were made and run on its final
# code (0697c74) untouched: Fellgate Junior School, Gateshead, holbrook: 0.893 / 0.826 / 2 (the
# opening code 0.873 / 0.812 / 2); Barlaston Brook Academy, Stoke-on-Trent, staffs_protocol: 0.913 /
# 0.788 / 0 (the opening code 0.907 / 0.785 / 1). After three small mends from their misses (a
# place before a season, a breakdown as health, Pinterest after a possessive): 0.900 / 0.830 / 1 and
# 0.927 / 0.795 / 0, not independent.
FIFTYEIGHTH_LOOK = DEVSET.with_name("fiftyeighth_look.jsonl")
FIFTYNINTH_LOOK = DEVSET.with_name("fiftyninth_look.jsonl")
# And two written last and run on the session's final code (cd54538) untouched: Tollerton Vale Primary
# Academy, north Nottinghamshire, reach2: 0.833 / 0.724 / 2 (the opening code 0.820 / 0.709 / 2);
# Seacroft Bay Academy, North Yorkshire coast, auriga: 0.820 / 0.736 / 3 (the opening code 0.800 /
# 0.724 / 4). Two mends from the 61st's misses after ("the Poppy Appeal" is no pupil; "blacked up"
# as discrimination): 0.833 / 0.744 / 2, not independent.
SIXTIETH_LOOK = DEVSET.with_name("sixtieth_look.jsonl")
SIXTYFIRST_LOOK = DEVSET.with_name("sixtyfirst_look.jsonl")
# Session 28's four, written blind from the brief while the session's first reading was made
# (a hostile remark about the school community is a negative comment about it too): Greyfriars
# Gate Primary Academy, Gloucester, tpat: 0.867 / 0.788 / 1 on the opening code (5e5c028), 0.867 /
# 0.785 / 1 with that reading; Hexhamfold CE First School, Northumberland, holbrook: 0.893 / 0.849 /
# 1 on both; Saltley Fields School (special), Stoke-on-Trent, staffs_protocol, first run on the
# code with the reading: 0.880 / 0.778 / 1 opening, 0.880 / 0.801 / 1; Pendle Brook Primary,
# Lancashire, reach2: 0.867 / 0.753 / 0 opening, 0.867 / 0.768 / 0. After reading their misses
# (TPAT's discrimination as inappropriate content too, three hate phrases, INSET as the school):
# 0.867 / 0.800 / 1, 0.893 / 0.849 / 1, 0.887 / 0.805 / 1, 0.873 / 0.780 / 0, not independent;
# after the session's later name readings (declined names, landmarks, a wish then "you"): 0.880 /
# 0.820 / 1 and 0.907 / 0.858 / 0 for the first two.
SIXTYSECOND_LOOK = DEVSET.with_name("sixtysecond_look.jsonl")
SIXTYTHIRD_LOOK = DEVSET.with_name("sixtythird_look.jsonl")
SIXTYFOURTH_LOOK = DEVSET.with_name("sixtyfourth_look.jsonl")
SIXTYFIFTH_LOOK = DEVSET.with_name("sixtyfifth_look.jsonl")
# And four more, written blind while the session's later readings were made (results told
# early, declined names): Brigantia Academy, Bradford, auriga: 0.833 / 0.739 / 4 on the opening
# code, 0.833 / 0.751 / 4 on the code it was first run on (0a5ccce); Marlow Cross Primary,
# Buckinghamshire, tpat: 0.853 / 0.764 / 2 opening, 0.853 / 0.783 / 2 on 809c100; Cauldon Lowe CE
# Academy, Staffordshire Moorlands, staffs_protocol: 0.893 / 0.809 / 2 opening, 0.893 / 0.834 / 2
# on 0a5ccce; Ysgol Tremadoc, Gwynedd, holbrook: 0.813 / 0.788 / 8 on both (809c100). After reading their misses (islands and famous people, a short surname's first letter,
# Welsh phrases, a place noun after a first name): 0.847 / 0.757 / 2 and 0.860 / 0.819 / 1 for
# the first and last, not independent.
SIXTYSIXTH_LOOK = DEVSET.with_name("sixtysixth_look.jsonl")
SIXTYSEVENTH_LOOK = DEVSET.with_name("sixtyseventh_look.jsonl")
SIXTYEIGHTH_LOOK = DEVSET.with_name("sixtyeighth_look.jsonl")
SIXTYNINTH_LOOK = DEVSET.with_name("sixtyninth_look.jsonl")
# And the session's last four, written blind while its review's mends were made and run on the
# code after them (b577673) untouched, the session's independent measure: Ashbourne Leys Primary
# Academy, Luton, reach2: 0.853 / 0.785 / 2 (the opening code 0.853 / 0.768 / 2); Hollowfield
# Academy, Kent coast, auriga: 0.867 / 0.823 / 1 (0.860 / 0.801 / 1); Fernleigh Infant and
# Nursery School, Sheffield, tpat: 0.893 / 0.815 / 0 (0.893 / 0.795 / 0); Redbrook Vale PRU,
# Wolverhampton, staffs_protocol: 0.840 / 0.791 / 2 (0.840 / 0.765 / 2).
SEVENTIETH_LOOK = DEVSET.with_name("seventieth_look.jsonl")
SEVENTYFIRST_LOOK = DEVSET.with_name("seventyfirst_look.jsonl")
SEVENTYSECOND_LOOK = DEVSET.with_name("seventysecond_look.jsonl")
SEVENTYTHIRD_LOOK = DEVSET.with_name("seventythird_look.jsonl")
# And four written after the session's last readings, run on its final code (dffc7b3) untouched:
# Sandalwood Primary School, Leicester, holbrook: 0.847 / 0.759 / 3 (the opening code the same);
# Clayhithe Primary Academy, Fens, reach2: 0.860 / 0.735 / 1 (0.860 / 0.722 / 1); Northgate
# Community College, Middlesbrough, auriga: 0.853 / 0.809 / 2 (0.847 / 0.799 / 2); Oakhanger Down
# Primary, Hampshire, tpat: 0.900 / 0.832 / 1 (0.900 / 0.809 / 1). Then three name mends from
# these looks' and a reviewer's false alarms (a lower-case alias that is a word, "Will Year 5
# parents ...?", "the Isle of Skye"), not independent: the 71st 0.873 / 0.826 / 0, the 73rd 0.847
# / 0.794 / 1, the 74th 0.853 / 0.762 / 2, the 75th 0.867 / 0.738 / 0, the 76th 0.860 / 0.812 / 1.
SEVENTYFOURTH_LOOK = DEVSET.with_name("seventyfourth_look.jsonl")
SEVENTYFIFTH_LOOK = DEVSET.with_name("seventyfifth_look.jsonl")
SEVENTYSIXTH_LOOK = DEVSET.with_name("seventysixth_look.jsonl")
SEVENTYSEVENTH_LOOK = DEVSET.with_name("seventyseventh_look.jsonl")
# And the very last four, written after all the session's changes and run on its final code
# (62ce7bf) untouched: Burslem Gate Primary, Stoke-on-Trent, staffs_protocol: 0.873 / 0.824 / 3
# (the opening code 0.860 / 0.786 / 5); St John's CE Primary, Fenwick, Cheshire, holbrook: 0.880 /
# 0.795 / 1 (0.867 / 0.787 / 2); Thames Meadow Primary Academy, Thamesmead, reach2: 0.833 / 0.746 /
# 1 (0.833 / 0.733 / 1); Kirkbymoorside Academy, North Yorkshire, auriga: 0.840 / 0.785 / 1 (0.833
# / 0.765 / 2).
SEVENTYEIGHTH_LOOK = DEVSET.with_name("seventyeighth_look.jsonl")
SEVENTYNINTH_LOOK = DEVSET.with_name("seventyninth_look.jsonl")
EIGHTIETH_LOOK = DEVSET.with_name("eightieth_look.jsonl")
EIGHTYFIRST_LOOK = DEVSET.with_name("eightyfirst_look.jsonl")
# Session 29's outside looks, written blind from the brief like the rest. The first eight (82nd-
# 89th: Lindfield Vale Academy, Leicester, auriga; Bidston Moss Primary, Wirral, staffs_protocol;
# St Aidan's RC Primary, Sunderland, holbrook; Castlegate School, a special school, tpat;
# Moorfield Infant School, Bradford, reach2; Penrose Academy, alternative provision, tpat;
# Kingsbury Hill Sixth Form, staffs_protocol; Thorney Fen Primary, the Fens, reach2), run on the
# session's first readings untouched: verdicts 1,050 -> 1,056 (then 1,060) of 1,200, micro F1 0.805
# -> 0.808 (0.811), false alarms 14 both; their misses then guided later readings. The last eight
# (90th-97th: Ashleigh Row Primary, Barrow, holbrook; Brookhouse Academy, Manchester, auriga;
# Tregarthen Community Primary, Cornwall, tpat; Eastfield Junior Academy, Peterborough, reach2;
# Rudyard Green High, Staffordshire, staffs_protocol; St Cuthbert's RC Primary, Liverpool,
# holbrook; Haywards Field Academy, Swindon, tpat; Marshfield Sixth Form College, Hull, auriga),
# written mid-session and read only on the final code: verdicts 1,045 -> 1,057 of 1,200 against
# the session's opening code, micro F1 0.787 -> 0.798, false alarms 12 both.
EIGHTYSECOND_LOOK = DEVSET.with_name("eightysecond_look.jsonl")
EIGHTYTHIRD_LOOK = DEVSET.with_name("eightythird_look.jsonl")
EIGHTYFOURTH_LOOK = DEVSET.with_name("eightyfourth_look.jsonl")
EIGHTYFIFTH_LOOK = DEVSET.with_name("eightyfifth_look.jsonl")
EIGHTYSIXTH_LOOK = DEVSET.with_name("eightysixth_look.jsonl")
EIGHTYSEVENTH_LOOK = DEVSET.with_name("eightyseventh_look.jsonl")
EIGHTYEIGHTH_LOOK = DEVSET.with_name("eightyeighth_look.jsonl")
EIGHTYNINTH_LOOK = DEVSET.with_name("eightyninth_look.jsonl")
NINETIETH_LOOK = DEVSET.with_name("ninetieth_look.jsonl")
NINETYFIRST_LOOK = DEVSET.with_name("ninetyfirst_look.jsonl")
NINETYSECOND_LOOK = DEVSET.with_name("ninetysecond_look.jsonl")
NINETYTHIRD_LOOK = DEVSET.with_name("ninetythird_look.jsonl")
NINETYFOURTH_LOOK = DEVSET.with_name("ninetyfourth_look.jsonl")
NINETYFIFTH_LOOK = DEVSET.with_name("ninetyfifth_look.jsonl")
NINETYSIXTH_LOOK = DEVSET.with_name("ninetysixth_look.jsonl")
NINETYSEVENTH_LOOK = DEVSET.with_name("ninetyseventh_look.jsonl")
# And eight more (98th-105th: Wickhams Brook Primary Academy, Suffolk, reach2; Penwithick
# Secondary, Cornwall, tpat; Gildersome Academy, Leeds, auriga; Cheddleton Moor First School,
# staffs_protocol; Ravensdale Primary, Middlesbrough, holbrook; Hollybush Junior School, Tower
# Hamlets, reach2; Glenfield High School, Gloucester, tpat; Ysgol Afon Wen, Carmarthenshire,
# holbrook), written while the session's second readings were made and read only on its final
# code: verdicts 1,044 (opening code) -> 1,069 (the first readings' code, 3a05e65) -> 1,075 of
# 1,200, micro F1 0.806 -> 0.826 -> 0.833, false alarms 6 throughout. (The 98th's writer saw a
# commit message quoting two phrases its own cases happen to use; read it as not quite blind.)
NINETYEIGHTH_LOOK = DEVSET.with_name("ninetyeighth_look.jsonl")
NINETYNINTH_LOOK = DEVSET.with_name("ninetyninth_look.jsonl")
HUNDREDTH_LOOK = DEVSET.with_name("hundredth_look.jsonl")
HUNDREDFIRST_LOOK = DEVSET.with_name("hundredfirst_look.jsonl")
HUNDREDSECOND_LOOK = DEVSET.with_name("hundredsecond_look.jsonl")
HUNDREDTHIRD_LOOK = DEVSET.with_name("hundredthird_look.jsonl")
HUNDREDFOURTH_LOOK = DEVSET.with_name("hundredfourth_look.jsonl")
HUNDREDFIFTH_LOOK = DEVSET.with_name("hundredfifth_look.jsonl")
HUNDREDSIXTH_LOOK = DEVSET.with_name("hundredsixth_look.jsonl")
HUNDREDSEVENTH_LOOK = DEVSET.with_name("hundredseventh_look.jsonl")
HUNDREDEIGHTH_LOOK = DEVSET.with_name("hundredeighth_look.jsonl")
HUNDREDNINTH_LOOK = DEVSET.with_name("hundredninth_look.jsonl")
HUNDREDTENTH_LOOK = DEVSET.with_name("hundredtenth_look.jsonl")
HUNDREDELEVENTH_LOOK = DEVSET.with_name("hundredeleventh_look.jsonl")
HUNDREDTWELFTH_LOOK = DEVSET.with_name("hundredtwelfth_look.jsonl")
HUNDREDTHIRTEENTH_LOOK = DEVSET.with_name("hundredthirteenth_look.jsonl")
HUNDREDFOURTEENTH_LOOK = DEVSET.with_name("hundredfourteenth_look.jsonl")
HUNDREDFIFTEENTH_LOOK = DEVSET.with_name("hundredfifteenth_look.jsonl")
HUNDREDSIXTEENTH_LOOK = DEVSET.with_name("hundredsixteenth_look.jsonl")
HUNDREDSEVENTEENTH_LOOK = DEVSET.with_name("hundredseventeenth_look.jsonl")
HUNDREDEIGHTEENTH_LOOK = DEVSET.with_name("hundredeighteenth_look.jsonl")
HUNDREDNINETEENTH_LOOK = DEVSET.with_name("hundrednineteenth_look.jsonl")
HUNDREDTWENTIETH_LOOK = DEVSET.with_name("hundredtwentieth_look.jsonl")
HUNDREDTWENTYFIRST_LOOK = DEVSET.with_name("hundredtwentyfirst_look.jsonl")


# The looks measured with the language judgements on (the engine's static model, its second
# opinion as it ships), each held to what was measured: verdicts right, false alarms in the clean
# cases, micro F1 over the rules. (Raised in session 26 to what its allegation and branding readings
# measured: 3,955 -> 3,982 verdicts right over the 31, false alarms 95 as before; in session 27 to
# what its readings measured: 4,505 -> 4,529 over the 35 it opened with, false alarms 101 -> 100;
# in session 29 every floor to what its final code measured: over the 63 looks it opened with,
# verdicts 8,210 -> 8,419 and false alarms 126 -> 120 against its opening code (d528f4c), mean
# micro F1 0.779 -> 0.796; no look lost a verdict, one gained a false alarm: the 20th look's
# tu120, a governor's dig at staff, which its reader leaves out of the protocol's scope, 4 -> 5;
# in session 30 every floor to what its readings measured (pupils talked of sexually, hate and
# mockery with no slur, a family's hardship, a school or a role called a joke or clueless): over
# these 87 looks verdicts 11,656 -> 11,743, false alarms 148 both, mean micro F1 0.805 -> 0.811
# against its opening code (e23adef); its four blind looks, 483 -> 488 of 600 after the mends;
# in session 31 every floor to what its three rounds of readings measured (a view the school must
# not take on its own account, business and results told early, hate and mockery with no slur, a
# holiday the post says it is, drink, public services' numbers): over the 105 looks it opened with
# verdicts 14,320 -> 14,373 and false alarms 165 -> 160 against its opening code (b73f936), no look
# losing a verdict; its first eight blind looks 945 -> 1,011 of 1,200 after the mends their misses
# taught; its last four, written blind after the last readings, 482 -> 486 read first (488 after
# the narrowings and a last round from their misses and false alarms: 494).)
MEASURED_FLOORS = [
    # (0.857 until session 22, whose REAch2 3.7 reading adds discuss_school_community beside an
    # individual matter, as that policy's later outside readers label it and this one did not)
    # (0.84 and 0.82 until session 28, which reads a hostile remark about the school community as
    # a negative comment about it too, and under the protocol's ban on any comment a negative
    # remark as a comment: later readers label both, these two did not; 39 of the 43 looks here
    # gained micro F1, no look lost a verdict)
    (EIGHTEENTH_LOOK, 138, 1, 0.86),
    (NINETEENTH_LOOK, 136, 7, 0.81),
    (TWENTYFIRST_LOOK, 134, 1, 0.78),
    (TWENTYSECOND_LOOK, 139, 1, 0.85),
    (TWENTYTHIRD_LOOK, 133, 2, 0.77),
    (TWENTYFOURTH_LOOK, 129, 3, 0.71),
    (TWENTYFIFTH_LOOK, 123, 6, 0.71),
    (TWENTYSIXTH_LOOK, 138, 0, 0.80),
    (TWENTYSEVENTH_LOOK, 141, 1, 0.81),
    (TWENTYEIGHTH_LOOK, 139, 1, 0.81),
    (TWENTYNINTH_LOOK, 129, 4, 0.77),
    (THIRTIETH_LOOK, 131, 2, 0.73),
    (THIRTYFIRST_LOOK, 138, 5, 0.72),
    (THIRTYSECOND_LOOK, 129, 4, 0.75),
    (THIRTYTHIRD_LOOK, 129, 2, 0.74),
    (THIRTYFOURTH_LOOK, 126, 6, 0.74),
    (THIRTYFIFTH_LOOK, 135, 2, 0.74),
    (THIRTYSIXTH_LOOK, 137, 2, 0.77),
    (THIRTYSEVENTH_LOOK, 123, 4, 0.71),
    (THIRTYEIGHTH_LOOK, 132, 0, 0.76),
    (THIRTYNINTH_LOOK, 125, 3, 0.71),
    (FORTIETH_LOOK, 134, 5, 0.80),
    (FORTYFIRST_LOOK, 131, 3, 0.68),
    (FORTYSECOND_LOOK, 133, 3, 0.78),
    (FORTYTHIRD_LOOK, 128, 1, 0.73),
    (FORTYFOURTH_LOOK, 132, 5, 0.80),
    (FORTYFIFTH_LOOK, 126, 4, 0.79),
    (FORTYSIXTH_LOOK, 133, 6, 0.77),
    (FORTYSEVENTH_LOOK, 128, 2, 0.76),
    (FORTYEIGHTH_LOOK, 119, 4, 0.65),
    (FORTYNINTH_LOOK, 136, 0, 0.80),
    (FIFTIETH_LOOK, 142, 0, 0.84),
    (FIFTYFIRST_LOOK, 142, 0, 0.85),
    (FIFTYSECOND_LOOK, 138, 2, 0.85),
    (FIFTYTHIRD_LOOK, 137, 1, 0.86),
    (FIFTYFOURTH_LOOK, 136, 0, 0.81),
    (FIFTYFIFTH_LOOK, 142, 1, 0.87),
    (FIFTYSIXTH_LOOK, 139, 0, 0.84),
    (FIFTYSEVENTH_LOOK, 134, 0, 0.81),
    (FIFTYEIGHTH_LOOK, 142, 1, 0.86),
    (FIFTYNINTH_LOOK, 145, 0, 0.87),
    (SIXTIETH_LOOK, 135, 2, 0.80),
    (SIXTYFIRST_LOOK, 131, 2, 0.77),
    (SIXTYSECOND_LOOK, 134, 1, 0.84),
    (SIXTYTHIRD_LOOK, 142, 0, 0.89),
    (SIXTYFOURTH_LOOK, 138, 1, 0.83),
    (SIXTYFIFTH_LOOK, 136, 0, 0.81),
    (SIXTYSIXTH_LOOK, 138, 2, 0.81),
    (SIXTYSEVENTH_LOOK, 132, 1, 0.83),
    (SIXTYEIGHTH_LOOK, 142, 2, 0.86),
    (SIXTYNINTH_LOOK, 137, 1, 0.86),
    (SEVENTIETH_LOOK, 136, 2, 0.82),
    (SEVENTYFIRST_LOOK, 138, 0, 0.85),
    (SEVENTYSECOND_LOOK, 137, 0, 0.83),
    (SEVENTYTHIRD_LOOK, 133, 1, 0.83),
    (SEVENTYFOURTH_LOOK, 135, 1, 0.80),
    (SEVENTYFIFTH_LOOK, 138, 0, 0.76),
    (SEVENTYSIXTH_LOOK, 142, 1, 0.86),
    (SEVENTYSEVENTH_LOOK, 137, 0, 0.83),
    (SEVENTYEIGHTH_LOOK, 136, 3, 0.85),
    (SEVENTYNINTH_LOOK, 139, 0, 0.82),
    (EIGHTIETH_LOOK, 136, 1, 0.81),
    (EIGHTYFIRST_LOOK, 136, 1, 0.83),
    (EIGHTYSECOND_LOOK, 142, 0, 0.87),
    (EIGHTYTHIRD_LOOK, 140, 1, 0.83),
    (EIGHTYFOURTH_LOOK, 139, 3, 0.88),
    (EIGHTYFIFTH_LOOK, 138, 0, 0.84),
    (EIGHTYSIXTH_LOOK, 143, 0, 0.83),
    (EIGHTYSEVENTH_LOOK, 136, 0, 0.86),
    (EIGHTYEIGHTH_LOOK, 139, 3, 0.90),
    (EIGHTYNINTH_LOOK, 132, 2, 0.79),
    (NINETIETH_LOOK, 136, 5, 0.85),
    (NINETYFIRST_LOOK, 138, 1, 0.82),
    (NINETYSECOND_LOOK, 133, 3, 0.78),
    (NINETYTHIRD_LOOK, 131, 0, 0.78),
    (NINETYFOURTH_LOOK, 136, 0, 0.83),
    (NINETYFIFTH_LOOK, 128, 3, 0.74),
    (NINETYSIXTH_LOOK, 136, 0, 0.85),
    (NINETYSEVENTH_LOOK, 141, 0, 0.84),
    (NINETYEIGHTH_LOOK, 136, 1, 0.83),
    (NINETYNINTH_LOOK, 137, 2, 0.85),
    (HUNDREDTH_LOOK, 137, 0, 0.85),
    (HUNDREDFIRST_LOOK, 136, 1, 0.86),
    (HUNDREDSECOND_LOOK, 134, 0, 0.83),
    (HUNDREDTHIRD_LOOK, 142, 0, 0.85),
    (HUNDREDFOURTH_LOOK, 138, 1, 0.85),
    (HUNDREDFIFTH_LOOK, 135, 1, 0.84),
    # (session 30: written blind, read first on 59f9980, then after the mends their misses taught)
    (HUNDREDSIXTH_LOOK, 130, 3, 0.73),
    (HUNDREDSEVENTH_LOOK, 132, 2, 0.68),
    (HUNDREDEIGHTH_LOOK, 127, 2, 0.73),
    (HUNDREDNINTH_LOOK, 123, 2, 0.70),
    # (session 31: written blind, read first on 6a83e70 and on the opening code b73f936, then after
    # the second readings their misses taught)
    (HUNDREDTENTH_LOOK, 131, 2, 0.71),
    (HUNDREDELEVENTH_LOOK, 125, 1, 0.68),
    (HUNDREDTWELFTH_LOOK, 124, 0, 0.67),
    (HUNDREDTHIRTEENTH_LOOK, 136, 2, 0.70),
    # (session 31: the second four written blind, read first on 7081906, c1072dc, 6a83e70 and b73f936,
    # then after the third readings their misses taught)
    (HUNDREDFOURTEENTH_LOOK, 104, 2, 0.43),
    (HUNDREDFIFTEENTH_LOOK, 139, 0, 0.73),
    (HUNDREDSIXTEENTH_LOOK, 127, 0, 0.68),
    (HUNDREDSEVENTEENTH_LOOK, 125, 4, 0.68),
    # (session 31: the third four written blind after its last readings, read first on d75e8a7 and on
    # the opening code b73f936; one narrowing after, from a false alarm of theirs: a parent's "my Arham's
    # pickup" no school setting)
    (HUNDREDEIGHTEENTH_LOOK, 134, 1, 0.70),
    (HUNDREDNINETEENTH_LOOK, 119, 2, 0.61),
    (HUNDREDTWENTIETH_LOOK, 127, 0, 0.63),
    (HUNDREDTWENTYFIRST_LOOK, 114, 0, 0.60),
]


@pytest.mark.parametrize(("path", "verdicts", "false_alarms", "micro_f1"), MEASURED_FLOORS,
                         ids=["language", "exchanges", "acceptance_tester", "second_acceptance_tester",
                              "third_acceptance_tester", "fourth_acceptance_tester",
                              "fifth_acceptance_tester", "sixth_acceptance_tester",
                              "seventh_acceptance_tester", "eighth_acceptance_tester",
                              "ninth_acceptance_tester", "tenth_acceptance_tester",
                              "eleventh_acceptance_tester", "twelfth_acceptance_tester",
                              "thirteenth_acceptance_tester", "fourteenth_acceptance_tester",
                              "fifteenth_acceptance_tester", "sixteenth_acceptance_tester",
                              "seventeenth_acceptance_tester", "eighteenth_acceptance_tester",
                              "nineteenth_acceptance_tester", "twentieth_acceptance_tester",
                              "twenty_first_acceptance_tester", "twenty_second_acceptance_tester",
                              "twenty_third_acceptance_tester", "twenty_fourth_acceptance_tester",
                              "twenty_fifth_acceptance_tester", "twenty_sixth_acceptance_tester",
                              "twenty_seventh_acceptance_tester", "twenty_eighth_acceptance_tester",
                              "twenty_ninth_acceptance_tester", "thirtieth_acceptance_tester",
                              "thirty_first_acceptance_tester", "thirty_second_acceptance_tester",
                              "thirty_third_acceptance_tester", "thirty_fourth_acceptance_tester",
                              "thirty_fifth_acceptance_tester", "thirty_sixth_acceptance_tester",
                              "thirty_seventh_acceptance_tester", "thirty_eighth_acceptance_tester",
                              "thirty_ninth_acceptance_tester", "fortieth_acceptance_tester",
                              "forty_first_acceptance_tester", "forty_second_acceptance_tester",
                              "forty_third_acceptance_tester", "forty_fourth_acceptance_tester",
                              "forty_fifth_acceptance_tester", "forty_sixth_acceptance_tester",
                              "forty_seventh_acceptance_tester", "forty_eighth_acceptance_tester",
                              "forty_ninth_acceptance_tester", "fiftieth_acceptance_tester",
                              "fifty_first_acceptance_tester", "fifty_second_acceptance_tester",
                              "fifty_third_acceptance_tester", "fifty_fourth_acceptance_tester",
                              "fifty_fifth_acceptance_tester", "fifty_sixth_acceptance_tester",
                              "fifty_seventh_acceptance_tester", "fifty_eighth_acceptance_tester",
                              "fifty_ninth_acceptance_tester", "sixtieth_acceptance_tester",
                              "sixty_first_acceptance_tester", "sixty_second_acceptance_tester",
                              "sixty_third_acceptance_tester", "sixty_fourth_acceptance_tester",
                              "sixty_fifth_acceptance_tester", "sixty_sixth_acceptance_tester",
                              "sixty_seventh_acceptance_tester", "sixty_eighth_acceptance_tester",
                              "sixty_ninth_acceptance_tester", "seventieth_acceptance_tester",
                              "seventy_first_acceptance_tester", "seventy_second_acceptance_tester",
                              "seventy_third_acceptance_tester", "seventy_fourth_acceptance_tester",
                              "seventy_fifth_acceptance_tester", "seventy_sixth_acceptance_tester",
                              "seventy_seventh_acceptance_tester",
                              "seventy_eighth_acceptance_tester", "seventy_ninth_acceptance_tester", "eightieth_acceptance_tester",
                              "eighty_first_acceptance_tester", "eighty_second_acceptance_tester", "eighty_third_acceptance_tester",
                              "eighty_fourth_acceptance_tester", "eighty_fifth_acceptance_tester",
                              "eighty_sixth_acceptance_tester", "eighty_seventh_acceptance_tester",
                              "eighty_eighth_acceptance_tester", "eighty_ninth_acceptance_tester",
                              "ninetieth_acceptance_tester", "ninety_first_acceptance_tester",
                              "ninety_second_acceptance_tester", "ninety_third_acceptance_tester",
                              "ninety_fourth_acceptance_tester", "ninety_fifth_acceptance_tester",
                              "ninety_sixth_acceptance_tester", "ninety_seventh_acceptance_tester",
                              "ninety_eighth_acceptance_tester", "ninety_ninth_acceptance_tester",
                              "hundredth_acceptance_tester", "hundred_and_first_acceptance_tester"])
def test_a_look_with_the_language_judgements_keeps_its_measured_floor(
    monkeypatch: pytest.MonkeyPatch, path: Path, verdicts: int, false_alarms: int, micro_f1: float,
) -> None:
    monkeypatch.setenv("SAFEPOST_LANGUAGE_MODEL", "static")
    monkeypatch.delenv("SAFEPOST_SECOND_OPINION", raising=False)
    evaluation = evaluate_cases(path)
    assert not evaluation.errors and evaluation.cases == 150
    assert evaluation.verdicts_right >= verdicts, render_evaluation(evaluation, show_mistakes=True)
    assert evaluation.false_alarms <= false_alarms, render_evaluation(evaluation, show_mistakes=True)
    assert evaluation.micro().f1 >= micro_f1

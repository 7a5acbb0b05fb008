"""Language judgements become findings through the pack: rule chains, severities, the pack's
thresholds, and who can be judged for what."""

from __future__ import annotations

from typing import Any

import pytest

from safepost.contract import parse_request
from safepost.engine import check
from safepost.policy import Pack, resolve_pack
from safepost.school import demo_school_dir, load_school

DISCLOSURE = "miss i dont want to go home tonight, mums boyfriend gets really angry and hits me"
PROMISE = "we guarantee every child in Year 6 will get their first choice secondary school this year!"
GOSSIP = "Apparently Mr Quinn is being pushed out after what happened at the Christmas do, heard it from the office 👀"


def run(text: str, pack: Pack | None = None, **fields: Any):  # type: ignore[no-untyped-def]
    school = load_school(demo_school_dir())
    return check(parse_request({"id": "l1", "text": text, **fields}), school, pack=pack)


def test_a_pupils_disclosure_on_the_school_page_escalates_without_blaming_anyone() -> None:
    result = run(DISCLOSURE, channel="official", kind="comment")
    rules = {finding.rule for finding in result.findings}
    assert result.verdict == "escalate"
    assert "workflow.safeguarding_escalation" in rules
    assert "content.grooming" not in rules  # a pupil's words are not a member of staff grooming
    disclosure = next(f for f in result.findings if f.rule == "workflow.safeguarding_escalation")
    assert disclosure.details and disclosure.details["judgement"] == "disclosure"
    assert "DSL" in disclosure.fix


@pytest.mark.parametrize(("direction", "kind", "age", "grooming_judged"), [
    ("sent", "pupil", None, True),          # the member of staff wrote it to a pupil
    ("sent", "pupil", 18, True),            # a sixth former is still a pupil
    ("received", "pupil", None, False),     # a pupil wrote it to the member of staff
    ("received", "former_pupil", None, False),
    ("received", "public", None, False),    # whoever sent it, they are not the member of staff
    ("received", "parent", None, False),    # a parent wrote it ("r u home alone?" from mum)
    ("sent", "parent", None, True),         # the member of staff wrote it to a parent: still read
    ("sent", "public", None, True),         # to someone unknown, who may be a child
    ("sent", "former_pupil", 16, True),
    ("sent", "former_pupil", 21, False),    # an adult who has left
    ("sent", "colleague", None, False),     # two adults who work together
    ("received", "colleague", None, False),
])
def test_grooming_is_judged_on_what_staff_write_to_someone_who_may_be_a_child(
    direction: str, kind: str, age: int | None, grooming_judged: bool,
) -> None:
    text = "add me on snap, dont tell your mum"
    counterpart: dict[str, Any] = {"kind": kind, "direction": direction}
    if age is not None:
        counterpart["age"] = age
    result = run(text, kind="message", counterpart=counterpart)
    judged = {(f.details or {}).get("judgement") for f in result.findings}
    assert ("grooming" in judged) is grooming_judged


@pytest.mark.parametrize(("text", "relative", "judged"), [
    # The model's guess at grooming: read towards a pupil, not towards the member of staff's
    # own family (the packs' contact rules decide family contact).
    ("Love you King, text me when you get home from Nana's x", False, True),
    ("Love you King, text me when you get home from Nana's x", True, False),
    # The lexicon's explicit signs are read towards anyone who may be a child, family too.
    ("delete this chat and dont tell your mum", True, True),
])
def test_family_talk_to_a_relative_is_not_read_as_grooming(text: str, relative: bool, judged: bool) -> None:
    result = run(text, kind="message",
                 counterpart={"kind": "pupil", "direction": "sent", "relative": relative})
    found = {(f.details or {}).get("judgement") for f in result.findings}
    assert ("grooming" in found) is judged


@pytest.mark.parametrize(("kind", "counterpart", "judged"), [
    # The model's guess at grooming (no lexicon phrase in these words) is read towards a
    # pupil; towards a parent, the packs' contact rules decide the number given to an adult.
    ("message", {"kind": "pupil", "direction": "sent"}, True),
    ("message", {"kind": "parent", "direction": "sent"}, False),
    # A reply in a thread is read as a message is: to a pupil or a former pupil under 18,
    # never to a colleague or a former pupil now an adult.
    ("comment", {"kind": "pupil"}, True),
    ("comment", {"kind": "former_pupil", "age": 16}, True),
    ("comment", {"kind": "former_pupil", "age": 19}, False),
    ("comment", {"kind": "colleague"}, False),
    # A public reply to someone unknown offers the number to anybody: the contact rules
    # decide; privately, or to someone known to be under 18, they may be a child.
    ("comment", {"kind": "public"}, False),
    ("comment", {"kind": "public", "age": 15}, True),
    ("message", {"kind": "public", "direction": "sent"}, True),
])
def test_the_models_guess_at_grooming_counts_only_towards_a_possible_child(
    kind: str, counterpart: dict[str, Any], judged: bool,
) -> None:
    result = run("Text me on 07700 900318 if you get stuck with your homework", kind=kind,
                 counterpart=counterpart)
    grooming = [f for f in result.findings if (f.details or {}).get("judgement") == "grooming"]
    assert bool(grooming) is judged
    assert all(f.details and f.details["source"] == "model" for f in grooming)


@pytest.mark.parametrize(("kind", "counterpart", "judged"), [
    # The lexicon's explicit signs still count in a public reply to an adult (children read
    # the thread) and in a message to a parent; a private message to a colleague is theirs.
    ("comment", {"kind": "colleague"}, True),
    ("comment", {"kind": "former_pupil", "age": 19}, True),
    ("comment", {"kind": "public"}, True),
    ("message", {"kind": "parent", "direction": "sent"}, True),
    ("message", {"kind": "colleague", "direction": "sent"}, False),
])
def test_explicit_signs_of_grooming_count_wherever_a_child_may_read_them(
    kind: str, counterpart: dict[str, Any], judged: bool,
) -> None:
    result = run("our little secret ok? delete this chat and dont tell your mum x", kind=kind,
                 counterpart=counterpart)
    grooming = [f for f in result.findings if (f.details or {}).get("judgement") == "grooming"]
    assert bool(grooming) is judged
    assert all(f.details and f.details["source"] == "lexicon" for f in grooming)


@pytest.mark.parametrize(("counterpart", "judged"), [
    ({"kind": "parent", "direction": "received"}, False),   # mum asking her own child's teacher
    ({"kind": "colleague", "direction": "sent"}, False),
    ({"kind": "pupil", "direction": "sent"}, True),
    (None, True),                                            # nobody named: read as written
])
def test_asking_if_someone_is_home_alone_is_judged_only_towards_a_possible_child(
    counterpart: dict[str, str] | None, judged: bool,
) -> None:
    fields = {"counterpart": counterpart} if counterpart else {}
    result = run("r u home alone tonight?", kind="message", **fields)
    found = {(f.details or {}).get("judgement") for f in result.findings}
    assert ("request_child_info" in found) is judged


@pytest.mark.parametrize(("author", "escalated"), [
    ({"role": "public"}, True),   # nobody the school knows
    ({"role": "pupil"}, False),   # pupils talking to each other: not a stranger
    ({"role": "parent"}, False),
])
def test_a_stranger_reaching_for_pupils_on_the_school_page_goes_to_the_dsl(
    author: dict[str, str] | None, escalated: bool,
) -> None:
    fields: dict[str, Any] = {"channel": "official", "kind": "comment"}
    if author:
        fields["author"] = author
    result = run("add me on snap babe, dont tell your mum", **fields)
    rules = {finding.rule for finding in result.findings}
    assert "content.grooming" not in rules  # never staff conduct
    # Only the stranger's escalation is this rule's: the model may also read the words as a
    # child's disclosure (any author), which escalates on its own terms.
    strangers = [f for f in result.findings
                 if f.rule == "workflow.safeguarding_escalation" and "outside the school" in f.message]
    assert bool(strangers) is escalated
    if escalated:
        assert "DSL" in strangers[0].fix


@pytest.mark.parametrize("fields", [
    {},                                                         # no author: the request's own words
    {"counterpart": {"kind": "parent", "direction": "sent"}},   # a reply the school sends
    {"author": {"role": "teacher"}},
])
def test_a_comment_on_the_school_page_with_no_other_writer_is_the_schools_own(fields: dict[str, Any]) -> None:
    # Words someone else wrote are said so (a counterpart received, or a commenter's role);
    # otherwise a comment on the school's page is the school's reply, and a promise in it is
    # the school's promise.
    result = run(PROMISE, channel="official", kind="comment", **fields)
    assert "content.official_commitments" in {finding.rule for finding in result.findings}
    assert not any("on the school's page by" in finding.message for finding in result.findings)


def test_a_disclosure_a_pupil_sends_still_escalates() -> None:
    result = run(DISCLOSURE, kind="message", counterpart={"kind": "pupil", "direction": "received"})
    assert result.verdict == "escalate"
    assert "workflow.safeguarding_escalation" in {finding.rule for finding in result.findings}


RETOLD = "Mr Quinn told me one of the Year 6 girls said her stepdad hurts her at home and she is scared to go back tonight"


@pytest.mark.parametrize(("kind", "channel", "retold"), [
    ("post", "official", True),
    ("post", "personal", True),
    # in an exchange the model reads a disclosure as such (the child's or parent's words)
    ("message", "personal", False),
])
def test_a_childs_disclosure_retold_in_a_staff_post_is_a_confidential_matter(
    kind: str, channel: str, retold: bool,
) -> None:
    result = run(RETOLD, channel=channel, kind=kind)
    confidential = [f for f in result.findings if (f.details or {}).get("retold_disclosure")]
    if retold:
        (finding,) = confidential
        assert finding.details and finding.details["judgement"] == "confidential"
        assert result.verdict in ("block", "escalate")
        assert "disclosure" in finding.message and "DSL" in finding.fix
    else:
        assert confidential == []


@pytest.mark.parametrize(("text", "channel", "read_as_own_news"), [
    # the writer's own family's news is theirs to share on their own account
    ("My daughter starts chemo on Monday, please keep her in your thoughts", "personal", True),
    ("My daughter starts chemo on Monday, please keep her in your thoughts", "official", False),
    # the same news of a pupil is someone else's private information
    ("A little girl in my class starts chemo on Monday, please keep her in your thoughts", "personal", False),
])
def test_the_writers_own_family_news_is_not_someone_elses_private_information(
    text: str, channel: str, read_as_own_news: bool,
) -> None:
    result = run(text, channel=channel)
    private = [f for f in result.findings if (f.details or {}).get("judgement") == "private_info"]
    assert (private == []) is read_as_own_news


@pytest.mark.parametrize(("text", "incident"), [
    # an incident with nothing of school life in it is the writer's street or the news
    ("Police were at the end of our road last night, helicopter overhead till 2am. Anyone know what happened?",
     False),
    ("Police at the school gates again this morning, helicopter overhead. Anyone know what happened?", True),
])
def test_an_incident_away_from_school_is_not_the_schools(text: str, incident: bool) -> None:
    result = run(text, channel="personal", at="2026-11-21T19:00:00+00:00")
    judged = [f for f in result.findings if (f.details or {}).get("judgement") == "incident"
              or f.detector == "incident"]
    assert bool(judged) is incident


def test_a_pupils_own_disclosure_in_a_post_is_not_retold() -> None:
    # someone else's words (a pupil's post on the school page) are never a staff retelling
    result = run(DISCLOSURE, channel="official", kind="comment", author={"role": "pupil"})
    assert not [f for f in result.findings if (f.details or {}).get("retold_disclosure")]


def test_a_promise_on_an_official_account_needs_approval() -> None:
    result = run(PROMISE, channel="official")
    finding = next(f for f in result.findings if f.rule == "content.official_commitments")
    assert finding.severity == "needs_approval"
    assert "guarantee" in finding.details["triggers"]  # type: ignore[index]


def test_the_same_promise_on_a_personal_account_is_not_judged_as_official() -> None:
    rules = {finding.rule for finding in run(PROMISE).findings}
    assert "content.official_commitments" not in rules


@pytest.mark.parametrize(("channel", "rule"), [
    # TPAT (the demo's base) has no gossip rule; its negative-comments rule covers personal
    # accounts only, so on the school's own account the next in line, disrepute, is nearest.
    ("personal", "content.negative_about_school_community"),
    ("official", "content.disrepute"),
])
def test_gossip_uses_the_nearest_rule_the_pack_has_for_the_channel(channel: str, rule: str) -> None:
    result = run(GOSSIP, channel=channel)
    finding = next(f for f in result.findings if (f.details or {}).get("judgement") == "gossip")
    assert finding.rule == rule
    assert finding.details["nearest_examples"]  # type: ignore[index]


@pytest.mark.parametrize(("pack_id", "channel", "rule"), [
    ("reach2", "personal", "content.negative_about_school_community"),  # its own rule
    # Holbrook states none; 5.5 forbids attacking or insulting pupils, families, colleagues and
    # the school, which is nearer than the general rule on bringing the school into disrepute.
    ("holbrook", "personal", "content.attack_insult_abuse"),
    # AURIGA's negative-comments rule is for personal accounts; on the school's own account its
    # rule on attacking or insulting pupils is the nearer (prohibited, where disrepute would
    # have escalated as gross misconduct).
    ("auriga", "personal", "content.negative_about_school_community"),
    ("auriga", "official", "content.attack_insult_abuse"),
])
def test_a_derogatory_remark_about_the_school_community_uses_the_packs_nearest_rule(
    pack_id: str, channel: str, rule: str,
) -> None:
    text = "Year 8 are honestly the laziest, rudest lot I've ever taught. Counting down to July."
    result = run(text, pack=resolve_pack(pack_id), channel=channel)
    finding = next(f for f in result.findings if (f.details or {}).get("judgement") == "negative_school")
    assert finding.rule == rule
    assert finding.policy == pack_id


@pytest.mark.parametrize(("pack_id", "text", "negative"), [
    # a discriminatory remark about the families at the writer's school, and the same remark
    # about no one at school (discrimination only)
    ("reach2", "Half the new families at our school are Romanian and they're only here for the benefits.", True),
    ("reach2", "Romanians are only here for the benefits.", False),
    ("auriga", "Four more Roma kids started in my year group this week. Honestly they don't value education.",
     True),
    ("auriga", "Go back to your own country and take your kids with you", False),
    # a work grievance about the trust
    ("staffs_protocol", "Third month running my pay's wrong. Emailed the trust twice, no reply.", True),
    # TPAT states no rule on discrimination: the remark is raised under its harassment and
    # inappropriate-content rules, and about the school's families it is a negative comment too
    ("tpat", "Half the parents at my school can't even fill in a form in English. If you move here, "
     "learn the language or go home.", True),
    # Holbrook states no rule on negative comments: the remark's own rule only
    ("holbrook", "Half the new families at our school are Romanian and they're only here for the benefits.",
     False),
])
def test_a_hostile_remark_about_the_school_community_is_a_negative_comment_about_it_too(
    pack_id: str, text: str, negative: bool,
) -> None:
    # (in the school day: TPAT reaches personal use then)
    result = run(text, pack=resolve_pack(pack_id), channel="personal", at="2026-11-20T10:30:00+00:00")
    rules = {f.rule for f in result.findings}
    assert rules & {"content.discriminatory_remarks", "content.work_complaints_grievances",
                    "content.inappropriate_material_links"}
    assert ("content.negative_about_school_community" in rules) is negative
    if negative:
        finding = next(f for f in result.findings if f.rule == "content.negative_about_school_community")
        assert "school community" in finding.message and finding.policy == pack_id


@pytest.mark.parametrize(("pack_id", "rules"), [
    # TPAT states no rule on discrimination: its list has offensive or harassing messages and
    # inappropriate content, and a discriminatory remark is both
    ("tpat", {"content.bullying_harassment", "content.inappropriate_material_links"}),
    # a pack with its own rule raises that one alone
    ("auriga", {"content.discriminatory_remarks"}),
    ("reach2", {"content.discriminatory_remarks"}),
])
def test_a_discriminatory_remark_where_the_pack_states_no_rule_for_it(pack_id: str, rules: set[str]) -> None:
    text = "Leicester's not even English anymore. Time they all went home."
    # (in the school day: TPAT reaches personal use then, or on a school device)
    result = run(text, pack=resolve_pack(pack_id), channel="personal", at="2026-11-20T10:30:00+00:00")
    judged = {f.rule for f in result.findings if (f.details or {}).get("judgement") == "discrimination"}
    assert judged == rules


@pytest.mark.parametrize(("kind", "text", "discussed"), [
    # a ban on any comment on the school: a negative remark about it, or its letter contradicted,
    # is a comment on it
    ("post", "Half the new families at our school are Romanian and they're only here for the benefits.", True),
    ("post", "Ignore the letter that went home today, the Christmas fair IS still going ahead, trust me", True),
    ("post", "We at Oakfield stand with the junior doctors. The government must pay up!", True),
    # liking someone's negative comment about the school endorses it ...
    ("like", "Trentholme's new head of English is a walking HR complaint, pity the kids", True),
    # ... liking a remark that names no one at school is not commenting on the school
    ("like", "Romanians are only here for the benefits.", False),
])
def test_under_a_ban_on_any_comment_a_remark_about_the_school_is_a_comment_on_it(
    kind: str, text: str, discussed: bool,
) -> None:
    result = run(text, pack=resolve_pack("staffs_protocol"), channel="personal", kind=kind,
                 at="2026-11-21T19:00:00+00:00")
    assert result.findings
    assert ("content.discuss_school_community" in {f.rule for f in result.findings}) is discussed


def test_the_catch_all_rule_does_not_pile_onto_a_nearer_one_for_the_same_words() -> None:
    # Holbrook states no gossip rule, so gossip alone would be disrepute; here the same words
    # leak a suspension, which its confidential-information rule covers at the same severity.
    text = "Heard the business manager's been suspended pending an investigation. Keep it to yourselves 👀"
    result = run(text, pack=resolve_pack("holbrook"))
    judged = {f.details["judgement"]: f.rule for f in result.findings if f.details and "judgement" in f.details}
    assert judged == {"confidential": "content.confidential_org_info"}
    # (the words' exact reading, news told before it is announced, is the same rule, no catch-all)
    assert {f.rule for f in result.findings} == {"content.confidential_org_info"}
    assert result.verdict == "block"


def test_what_the_lexicon_found_stays_beside_a_nearer_rule() -> None:
    # A separate matter in its own words: the adult web address is evidence, not a model's
    # second reading of the leak, so it stays under the catch-all Holbrook has for it.
    text = ("Heard the business manager's been suspended pending an investigation. Keep it to "
            "yourselves. Anyway lads, link for tonight: www.xhamster.com")
    result = run(text, pack=resolve_pack("holbrook"))
    judged = {(f.details or {}).get("judgement"): f.rule for f in result.findings}
    assert judged.get("confidential") == "content.confidential_org_info"
    assert judged.get("inappropriate_link") == "content.disrepute"


def test_the_catch_all_rule_stays_beside_a_lesser_finding() -> None:
    # Arguing with a parent on the school's page: Holbrook's nearest rule is disrepute
    # (prohibited); the tone finding beside it is advice, and must not soften the verdict.
    text = "Not true at all. Perhaps read the letter properly before moaning on here."
    result = run(text, pack=resolve_pack("holbrook"), channel="official", kind="comment",
                 author={"role": "teacher"}, counterpart={"kind": "parent", "direction": "sent"})
    rules = {f.rule for f in result.findings}
    assert {"content.disrepute", "content.official_tone"} <= rules
    assert result.verdict == "block"


@pytest.mark.parametrize("threshold", [1.01])
def test_a_pack_threshold_silences_a_judgement(threshold: float) -> None:
    school = load_school(demo_school_dir())
    strict = school.pack.model_copy(update={"thresholds": {"gossip": threshold}})
    result = run(GOSSIP, pack=strict)
    assert not [f for f in result.findings if (f.details or {}).get("judgement") == "gossip"]


@pytest.mark.parametrize("model_name", ["static", "minilm"])
def test_a_finding_names_the_language_model_that_judged_it(
    model_name: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from safepost.detect import registry_with_language_model

    monkeypatch.delenv("SAFEPOST_LANGUAGE_MODEL", raising=False)
    school = load_school(demo_school_dir())
    result = check(parse_request({"id": "l1", "text": GOSSIP}), school,
                   registry=registry_with_language_model(model_name))
    finding = next(f for f in result.findings if (f.details or {}).get("judgement") == "gossip")
    assert finding.details["model"] == model_name  # type: ignore[index]
    # each model reads with two readers and says what each scored: the hub's second is the
    # fine-tuned classifier, the engine's the nearest labelled examples
    readers = finding.details.get("readers", {})  # type: ignore[union-attr]
    assert sorted(readers) == (["fine-tuned reader", "word features and post vector"]
                               if model_name == "minilm"
                               else ["nearest labelled examples", "word features and post vector"])


def test_without_a_choice_the_engine_judges_with_the_static_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAFEPOST_LANGUAGE_MODEL", raising=False)
    finding = next(f for f in run(GOSSIP).findings if (f.details or {}).get("judgement") == "gossip")
    assert finding.details["model"] == "static"  # type: ignore[index]


def test_a_lexicon_finding_names_no_model() -> None:
    result = run("this is our little secret, dont tell your mum", channel="personal", kind="message")
    grooming = [f for f in result.findings if (f.details or {}).get("judgement") == "grooming"]
    assert grooming and all("model" not in (f.details or {}) for f in grooming)


def test_an_unknown_language_model_is_refused_by_name() -> None:
    from safepost.detect import registry_with_language_model

    with pytest.raises(ValueError, match="'bert' is not one of static, minilm"):
        registry_with_language_model("bert")


# A message with no phrase of the lexicon that the static model reads as grooming at 0.10 or
# more (0.98), so the hub's model is asked for a second opinion, and reads it so too.
SUBTLE_GROOMING = "You're so much more grown up than the others in your class. Come and find me at lunch, just you."


@pytest.mark.parametrize(("kind", "setting", "expected"), [
    ("message", None, "minilm"),   # by default the hub's model gives a second opinion in exchanges
    ("comment", None, "minilm"),
    ("message", "on", "minilm"),
    ("message", "OFF", "static"),  # SAFEPOST_SECOND_OPINION=off: the static model alone
])
def test_a_second_opinion_on_safeguarding_in_exchanges(
    kind: str, setting: str | None, expected: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SAFEPOST_LANGUAGE_MODEL", raising=False)
    if setting is None:
        monkeypatch.delenv("SAFEPOST_SECOND_OPINION", raising=False)
    else:
        monkeypatch.setenv("SAFEPOST_SECOND_OPINION", setting)
    result = run(SUBTLE_GROOMING, kind=kind, counterpart={"kind": "pupil"})
    grooming = next(f for f in result.findings if (f.details or {}).get("judgement") == "grooming")
    assert grooming.details["model"] == expected  # type: ignore[index]
    assert result.verdict == "escalate"


@pytest.mark.parametrize("setting", ["on", "off"])
def test_the_hubs_model_is_never_second_guessed_by_the_static_one(
    setting: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from safepost.detect import registry_with_language_model

    monkeypatch.setenv("SAFEPOST_SECOND_OPINION", setting)
    school = load_school(demo_school_dir())
    request = parse_request({"id": "h", "text": SUBTLE_GROOMING, "kind": "message", "counterpart": {"kind": "pupil"}})
    result = check(request, school, registry=registry_with_language_model("minilm"))
    models = {(f.details or {}).get("model") for f in result.findings if (f.details or {}).get("judgement")}
    assert models == {"minilm"}


def test_the_ordinary_judgements_of_a_message_stay_with_the_language_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAFEPOST_LANGUAGE_MODEL", raising=False)
    monkeypatch.delenv("SAFEPOST_SECOND_OPINION", raising=False)
    text = "Between you and me the head is a joke. You are my favourite in the class"
    result = run(text, kind="message", counterpart={"kind": "pupil"})
    models = {(f.details or {})["judgement"]: (f.details or {}).get("model")
              for f in result.findings if (f.details or {}).get("judgement")}
    assert models.get("grooming") == "minilm"  # the second opinion was asked
    assert models.get("negative_school") == "static"


def _recording_loads(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    import safepost.language as language

    loaded: list[str | None] = []
    real_load = language.load_model

    def recording_load(name: str | None = None):  # type: ignore[no-untyped-def]
        loaded.append(name)
        return real_load(name)

    monkeypatch.setattr(language, "load_model", recording_load)
    return loaded


@pytest.mark.parametrize(("text", "kind", "asked"), [
    (SUBTLE_GROOMING, "message", True),                            # unsure: a second opinion
    ("Reminder: trip forms back by Friday please", "message", False),   # plainly nothing to ask
    ("add me on snap its mr_b_88", "message", False),              # an explicit sign escalates anyway
    # a post: the safeguarding judgements are an exchange's (a child's disclosure retold in a post
    # is read by the language model as confidential, without a second opinion)
    ("One of my Year 6 girls told me today her stepdad hits her when he's drunk. Heartbreaking.", "post", False),
    (SUBTLE_GROOMING, "post", False),
])
def test_the_second_opinion_is_asked_only_where_it_can_change_the_outcome(
    text: str, kind: str, asked: bool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import safepost.language as language

    loaded = _recording_loads(monkeypatch)
    decisions = language.candidates(text, kind=kind, model_name="static", safeguarding_model_name="minilm")
    assert ("minilm" in loaded) is asked
    assert all(d.model == ("minilm" if asked and d.label in language.SAFEGUARDING else "static")
               for d in decisions if d.source == "model")


def test_no_second_opinion_on_what_staff_only_do_in_a_message_received(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pupil's message to the member of staff is the pupil's words: grooming is not read in
    it, so nothing to ask about (a disclosure in it is still read)."""
    loaded = _recording_loads(monkeypatch)
    monkeypatch.delenv("SAFEPOST_LANGUAGE_MODEL", raising=False)
    monkeypatch.delenv("SAFEPOST_SECOND_OPINION", raising=False)
    result = run(SUBTLE_GROOMING, kind="message", counterpart={"kind": "pupil", "direction": "received"})
    assert "minilm" not in loaded
    assert not any((f.details or {}).get("judgement") == "grooming" for f in result.findings)


@pytest.mark.parametrize("language_model", ["static", "minilm"])
def test_a_bad_second_opinion_setting_is_refused_before_checking_and_never_switches_checks_off(
    language_model: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from safepost.cli import main
    from safepost.language.model import language_settings_problem

    monkeypatch.setenv("SAFEPOST_LANGUAGE_MODEL", language_model)
    monkeypatch.setenv("SAFEPOST_SECOND_OPINION", "maybe")
    said = "SAFEPOST_SECOND_OPINION: 'maybe' is not one of on, off"
    assert language_settings_problem() == said
    assert main(["check", "hello", "--kind", "message"]) == 2
    assert said in capsys.readouterr().err
    # A library caller that never asked: the typo counts as on, and the message is still read.
    monkeypatch.setenv("SAFEPOST_LANGUAGE_MODEL", "static")
    result = run(SUBTLE_GROOMING, kind="message", counterpart={"kind": "pupil"})
    grooming = next(f for f in result.findings if (f.details or {}).get("judgement") == "grooming")
    assert grooming.details["model"] == "minilm"  # type: ignore[index]


def _judgements(result) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return {f.details["judgement"]: f.details["score"] for f in result.findings  # type: ignore[index]
            if (f.details or {}).get("judgement")}


@pytest.mark.parametrize("model_name", ["static", "minilm"])
@pytest.mark.parametrize(("template", "people"), [
    ("Honestly {} is the laziest kid I've ever taught, thick as two short planks",
     ["Oluwaseun Adeyemi", "Jack Thompson", "Kacper Wiśniewski", "Siobhán Murphy"]),
    ("Apparently {} has been suspended, heard it from someone in the office",
     ["Mr Quinn", "Mr Okafor", "Mr Kumar", "Mr Bennett"]),  # the title is kept: same title
    ("Well done to {} for a brilliant assembly today!",
     ["Amira Haddad", "Ethan Brown", "Sophia Nguyen", "Daniel Kaur-Singh"]),
    # In lower case too: the pupils the name check reads are read as the stand-in.
    ("honestly {} is the laziest kid I've ever taught, thick as two short planks",
     ["oluwaseun adeyemi", "jack thompson", "kacper wisniewski"]),
])
def test_the_same_post_is_judged_the_same_whoever_it_names(
    model_name: str, template: str, people: list[str],
) -> None:
    school = load_school(demo_school_dir())
    from safepost.detect import registry_with_language_model

    readings = []
    for person in people:
        text = template.format(person)
        result = check(parse_request({"id": "n", "text": text}), school,
                       registry=registry_with_language_model(model_name))
        readings.append(_judgements(result))
        for finding in result.findings:
            for trigger in (finding.details or {}).get("triggers", []):
                assert trigger in text  # the words as written, never the stand-in
    assert all(reading == readings[0] for reading in readings)


def test_a_trigger_on_a_name_points_at_the_name_as_written() -> None:
    text = "Mr Quinn needs to watch himself walking to his car tonight"
    result = run(text)
    threat = next(f for f in result.findings if (f.details or {}).get("judgement") == "threat")
    assert threat.start is not None and threat.end is not None
    assert text[threat.start:threat.end] in threat.details["triggers"]  # type: ignore[index]
    assert "Smith" not in " ".join(threat.details["triggers"])  # type: ignore[index]


INCIDENT = ("There was an incident at the school gates this morning. Police attended and the "
            "school is now safe; lessons continue as normal.")


@pytest.mark.parametrize(("pack_id", "official_rule"), [
    ("tpat", "workflow.crisis_posting_permission"),     # who may post in a crisis
    ("reach2", "content.discuss_school_community"),
    ("auriga", None),    # its incident rule covers personal accounts only; nothing confidential
    ("holbrook", None),  # only confidential_org_info is left: an official statement is no leak
])
def test_an_official_post_about_an_incident_is_a_matter_of_permission_not_confidence(
    pack_id: str, official_rule: str | None,
) -> None:
    from safepost.policy import builtin_pack

    result = run(INCIDENT, pack=builtin_pack(pack_id), channel="official")
    rules = {f.rule for f in result.findings if (f.details or {}).get("judgement") == "incident"}
    assert rules == ({official_rule} if official_rule else set())
    personal = run(INCIDENT, pack=builtin_pack(pack_id), channel="personal")
    assert any((f.details or {}).get("judgement") == "incident" for f in personal.findings)


RACIST_COMMENT = "go back to your own country"   # a lexicon phrase: the same reading with any model


@pytest.mark.parametrize(("pack_id", "fields", "rule", "opening", "fix"), [
    # On the school's page, by someone who is not staff: the page must take it down (Holbrook
    # A.5); packs without that rule give their own rule for such content, with the moderator's
    # words, never "rewrite it".
    ("holbrook", {"channel": "official", "kind": "comment", "author": {"role": "parent"}},
     "content.official_extreme_offence_removal", "A comment on the school's page by a parent", "Hide the comment"),
    ("auriga", {"channel": "official", "kind": "comment", "author": {"role": "public"}},
     "content.discriminatory_remarks", "A comment on the school's page by a member of the public",
     "Hide the comment"),
    # Received in a private message: report it (the Staffordshire protocol).
    ("staffs_protocol", {"kind": "message", "counterpart": {"kind": "parent", "direction": "received"}},
     "workflow.report_abuse_received", "A message from a parent", "Do not reply in kind"),
    # The member of staff's own words: their conduct.
    ("holbrook", {"channel": "personal", "kind": "post"}, "content.discriminatory_remarks", "Reads as",
     "Rewrite it"),
])
def test_offensive_words_someone_else_wrote_are_for_the_school_to_moderate(
    pack_id: str, fields: dict[str, Any], rule: str, opening: str, fix: str,
) -> None:
    result = run(RACIST_COMMENT, pack=resolve_pack(pack_id), **fields)
    finding = next(f for f in result.findings if (f.details or {}).get("judgement") == "discrimination")
    assert finding.rule == rule
    assert finding.message.startswith(opening) and finding.fix.startswith(fix)


@pytest.mark.parametrize(("pack_id", "rules"), [
    # A parent's gossip on the school's page is no breach of the staff policy: TPAT asks that
    # nothing is posted in reply until the headteacher permits it, Holbrook that the page's
    # moderators remove what breaks its rules; the other packs state no such step.
    ("tpat", {"workflow.crisis_posting_permission"}),
    ("holbrook", {"account.moderation"}),
    ("auriga", set()),
])
def test_a_parents_gossip_on_the_school_page_is_a_matter_of_moderation(pack_id: str, rules: set[str]) -> None:
    result = run(GOSSIP, pack=resolve_pack(pack_id), channel="official", kind="comment",
                 author={"role": "parent"})
    gossip = {f.rule for f in result.findings if (f.details or {}).get("judgement") == "gossip"}
    assert gossip == rules


def test_a_commenters_opinion_is_not_the_schools() -> None:
    # Official-account judgements (opinions, promises, tone) are about what the school says.
    result = run(PROMISE, channel="official", kind="comment", author={"role": "parent"})
    assert not [f for f in result.findings if (f.details or {}).get("judgement") == "commitment"]


def test_abuse_received_in_private_is_the_only_reading_of_a_received_message() -> None:
    # A colleague's gossip sent to you is theirs, not yours: nothing to do; abuse is reported.
    received = {"kind": "message", "counterpart": {"kind": "colleague", "direction": "received"}}
    assert not [f for f in run(GOSSIP, **received).findings if (f.details or {}).get("judgement") == "gossip"]


def test_no_judgement_starts_its_chain_at_the_catch_all_rule() -> None:
    # evaluate drops a model's disrepute finding beside a nearer one as a fallback: that holds
    # only while disrepute is never a judgement's own first rule.
    from safepost.evaluate import CATCH_ALL_RULE, JUDGEMENT_RULES, OFFICIAL_JUDGEMENT_RULES

    for chain in (*JUDGEMENT_RULES.values(), *OFFICIAL_JUDGEMENT_RULES.values()):
        assert chain[0] != CATCH_ALL_RULE


@pytest.mark.parametrize(("text", "pack_id", "channel", "raised"), [
    # a stand taken in the school's voice (the exact reading)
    ("We at Oakfield stand with the junior doctors. Pay them properly.", "reach2", "personal", True),
    ("We at Oakfield stand with the junior doctors. Pay them properly.", "holbrook", "personal", True),
    # a view the model reads, given in the school's voice
    ("At Oakfield we think the two-child benefit cap is cruel. Families deserve better than this government.",
     "staffs_protocol", "personal", True),
    ("We at Oakfield are all voting Labour on Thursday, and so should you.", "reach2", "personal", True),
    # the school praised, not speaking; the school's values in its voice; a personal opinion
    # said as such beside the school's voice
    ("So proud of everyone at Oakfield for supporting the campaign for a new crossing", "reach2",
     "personal", False),
    ("At Oakfield we say no to bullying!", "reach2", "personal", False),
    ("At Oakfield we love reading week. Personally I think it's the best week of the year!", "reach2",
     "personal", False),
    # the same view as the writer's own, the school's ethos in its voice, or a pack without the rule
    ("I think the two-child benefit cap is cruel. Families deserve better than this government.",
     "reach2", "personal", False),
    ("At Oakfield we believe every child can succeed. Proud to teach here!", "reach2", "personal", False),
    ("We at Oakfield stand with the junior doctors. Pay them properly.", "tpat", "personal", False),
    # on the school's own account a view is the official-account rule's matter
    ("We at Oakfield stand with the junior doctors. Pay them properly.", "reach2", "official", False),
])
def test_a_view_given_in_the_schools_voice_on_a_personal_account(
    text: str, pack_id: str, channel: str, raised: bool,
) -> None:
    result = run(text, pack=resolve_pack(pack_id), channel=channel)
    found = [f for f in result.findings if f.rule == "content.personal_views_as_institution"]
    assert bool(found) is raised
    if raised:
        assert len(found) == 1  # the exact and the model's reading of the same words are one finding
        assert "Oakfield" in found[0].message and found[0].policy == pack_id


@pytest.mark.parametrize(("pack", "rules"), [
    # no rule on opinions on the school's accounts: taking sides in an election is disrepute
    ("auriga", {"content.disrepute"}),
    ("staffs_protocol", {"content.disrepute"}),
    # the pack's own rule on personal opinions on official sites comes first
    ("holbrook", {"content.official_personal_opinions"}),
])
def test_taking_sides_in_an_election_on_the_schools_account(pack: str, rules: set[str]) -> None:
    result = run("Vote Labour on Thursday! They're the only party that will properly fund our schools 🌹",
                 pack=resolve_pack(pack), channel="official", kind="post")
    # (one finding, the exact reading's: since session 31 the model's own reading of the same
    # words as a political opinion is not a second one)
    found = [f for f in result.findings if f.rule in rules | {"content.official_personal_opinions"}]
    assert {f.rule for f in found} == rules and len(found) == 1
    assert found[0].detector == "election"
    assert "Takes sides in an election ('Vote Labour')" in found[0].message


def test_a_view_with_no_side_in_an_election_is_not_disrepute_where_the_pack_is_silent() -> None:
    # (AURIGA is silent on opinions on official accounts; outside readers left this alone)
    result = run("As a school we think the cuts to SEND funding are a disgrace. Please write to your MP.",
                 pack=resolve_pack("auriga"), channel="official", kind="post")
    assert "content.disrepute" not in {f.rule for f in result.findings}

"""Links a school sends people to every day are not read as inappropriate links."""

from __future__ import annotations

import pytest

from safepost.contract import parse_request
from safepost.engine import check
from safepost.language import judge
from safepost.language.links import known_safe, link_hosts, only_known_safe_links
from safepost.school import demo_school_dir, load_school


@pytest.mark.parametrize(("text", "hosts"), [
    ("Homework is on www.bbc.co.uk/bitesize", ["bbc.co.uk"]),
    ("Full report: https://www.gov.uk/government/news", ["gov.uk"]),
    ("see bit.ly/abc and https://forms.office.com/r/x", ["bit.ly", "forms.office.com"]),
    ("email office@oakfield.sch.uk today", []),       # an email address is no link
    ("no links here at all", []),
    ("cheeky flutter stakebets.win/bonus (revision on bbc.co.uk/bitesize)", ["stakebets.win", "bbc.co.uk"]),
    ("gov.uk.stakebets.win/bonus", ["gov.uk.stakebets.win"]),          # the host ends where the address does
    ("https://gov.uk@stakebets.win/bonus", ["stakebets.win"]),        # the real host is after the "@"
    ("bbc.co.uk:443@evil.win/x", ["@bbc.co.uk"]),                     # an "@" later on: never safe
])
def test_link_hosts(text: str, hosts: list[str]) -> None:
    assert link_hosts(text) == hosts


@pytest.mark.parametrize(("host", "safe"), [
    ("bbc.co.uk", True), ("education.gov.uk", True), ("gov.uk", True), ("oakfield.sch.uk", True),
    ("forms.office.com", True), ("nspcc.org.uk", True),
    ("notgov.uk", False), ("evilbbc.co.uk", False), ("gorefeed.net", False), ("bit.ly", False),
    ("youtube.com", False),   # anything can be on it: the words decide
    ("sites.google.com", False), ("evil.sharepoint.com", False),  # anyone's pages
    ("@bbc.co.uk", False), ("@x.gov.uk", False),  # an "@" later in the address: never safe
])
def test_known_safe_sites(host: str, safe: bool) -> None:
    assert known_safe(host) is safe


def test_the_schools_own_domain_is_safe() -> None:
    assert not known_safe("oakfieldprimary.org.uk")
    assert known_safe("www2.oakfieldprimary.org.uk", ["oakfieldprimary.org.uk"])
    assert only_known_safe_links("Term dates: oakfieldprimary.org.uk/dates", ["oakfieldprimary.org.uk"])
    assert not only_known_safe_links("bbc.co.uk/x and gorefeed.net/m6")  # one unknown link is enough


@pytest.mark.parametrize("text", [
    "Homework is on www.bbc.co.uk/bitesize",
    "Great article in the TES https://www.tes.com/magazine/teaching",
    "Book your parents' evening slot https://forms.office.com/r/abc123",
    "Check out www.nspcc.org.uk for online safety tips",
])
@pytest.mark.parametrize("model", ["static", "minilm"])
def test_a_link_to_a_known_safe_site_is_not_an_inappropriate_link(text: str, model: str) -> None:
    assert "inappropriate_link" not in {d.label for d in judge(text, "official", kind="post", model_name=model)}


@pytest.mark.parametrize(("text", "source"), [
    ("lol look at this www.pornhub.com", "lexicon"),           # the lexicon's addresses always count
    ("get your bets on at bet365.com", "lexicon"),
])
def test_known_bad_addresses_still_count(text: str, source: str) -> None:
    found = {d.label: d.source for d in judge(text, "personal", kind="post", model_name="static")}
    assert found.get("inappropriate_link") == source


def test_the_check_reads_the_schools_domains_as_its_own() -> None:
    # The demo school's trust writes from kingfishertrust.org.uk: a link there is the school's
    # own, though the model alone reads it as an inappropriate link.
    text = "Great article https://www.kingfishertrust.org.uk/magazine/teaching"
    assert "inappropriate_link" in {d.label for d in judge(text, "official", kind="post", model_name="static")}
    school = load_school(demo_school_dir())
    assert "kingfishertrust.org.uk" in school.email_domains
    result = check(parse_request({"id": "l1", "channel": "official", "text": text}), school)
    assert "content.inappropriate_material_links" not in {finding.rule for finding in result.findings}

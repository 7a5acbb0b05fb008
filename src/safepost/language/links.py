"""Web links in a post and whether each goes somewhere a school sends people every day.

The language models learnt `inappropriate_link` from a corpus whose links were mostly to adult,
gambling, drug or shock sites, so they read almost any link as one: "Homework is on
www.bbc.co.uk/bitesize" scored 0.79. Whether a link is inappropriate is a matter of where it
goes, so a model's guess does not count where every link in the post goes to one of these
sites or to the school's own (its email domains); the lexicon's adult and gambling addresses
always count.
"""

from __future__ import annotations

from collections.abc import Iterable

from safepost.detect.text import web_addresses

# Public services and education in the UK, by the end of the address.
SAFE_ENDINGS = (".sch.uk", ".gov.uk", ".nhs.uk", ".ac.uk", ".police.uk", ".parliament.uk",
                ".mod.uk", ".edu")
# Sites schools link to for learning, safety, wellbeing, events and school business (checked
# against the end of the address, so "www." and subdomains such as "forms.office.com" match).
SAFE_SITES = frozenset({
    # news, reference and public broadcasters
    "bbc.co.uk", "bbc.com", "wikipedia.org", "tes.com", "schoolsweek.co.uk",
    # online safety, wellbeing and safeguarding charities
    "nspcc.org.uk", "childline.org.uk", "thinkuknow.co.uk", "internetmatters.org",
    "saferinternet.org.uk", "youngminds.org.uk", "mind.org.uk", "samaritans.org", "kooth.com",
    "talktofrank.com", "begambleaware.org", "gamcare.org.uk", "barnardos.org.uk",
    "place2be.org.uk", "anti-bullyingalliance.org.uk", "childnet.com", "annafreud.org",
    # learning platforms and homework
    "sparxmaths.uk", "sparx-learning.com", "mathswatch.co.uk", "drfrostmaths.com",
    "ttrockstars.com", "purplemash.com", "thenational.academy", "senecalearning.com",
    "quizlet.com", "kahoot.it", "educationcity.com", "satchelone.com", "classdojo.com",
    "seesaw.me", "tapestryjournal.com", "unifrog.org", "ucas.com", "oxfordowl.co.uk",
    "readingeggs.co.uk", "spellingshed.com", "mathsshed.com", "myon.co.uk", "accelerated-reader.co.uk",
    # school business: forms, payments, events (named hosts only: office.com, sharepoint.com
    # and google.com also serve anyone's pages and redirects)
    "forms.office.com", "forms.microsoft.com", "microsoft.com", "forms.gle", "classroom.google.com",
    "parentpay.com", "scopay.com", "schoolmoney.co.uk", "arbor-education.com", "eventbrite.co.uk",
    "eventbrite.com", "schoolcomms.com", "weduc.co.uk", "studybugs.com",
    # clubs, awards, reading and charities schools fundraise for
    "dofe.org", "scouts.org.uk", "girlguiding.org.uk", "thefa.com", "englandathletics.org",
    "worldbookday.com", "booktrust.org.uk", "literacytrust.org.uk", "comicrelief.com",
    "redcross.org.uk", "macmillan.org.uk", "cancerresearchuk.org", "britishcouncil.org",
    "nationaltrust.org.uk", "english-heritage.org.uk", "sciencemuseum.org.uk",
})


def link_hosts(text: str) -> list[str]:
    """The host of every web link in the text, lower case, without "www."."""
    hosts = []
    for address in web_addresses(text):
        host = address.group("host").lower().removeprefix("www.")
        # An "@" later in the address may make what came before it a user name, not the host
        # ("bbc.co.uk:443@evil.win"): such a link is never read as safe.
        hosts.append("@" + host if "@" in address.group("rest") else host)
    return hosts


def known_safe(host: str, own_domains: Iterable[str] = ()) -> bool:
    """A site a school sends people to every day, or the school's own: the host or any
    address it sits under ("forms.office.com" under a listed "office.com" would count)."""
    if host.startswith("@"):
        return False  # an address with an "@" after its host (see link_hosts)
    labels = host.split(".")
    under = {".".join(labels[i:]) for i in range(len(labels))}  # the host and each parent
    own = {domain.lower() for domain in own_domains}
    return ("." + host).endswith(SAFE_ENDINGS) or not under.isdisjoint(SAFE_SITES | own)


def only_known_safe_links(text: str, own_domains: Iterable[str] = ()) -> bool:
    """Whether the text has links and every one goes to a known safe site (or the school's)."""
    hosts = link_hosts(text)
    return bool(hosts) and all(known_safe(host, own_domains) for host in hosts)
